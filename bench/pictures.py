"""
How long the pictures take as a chronology grows: the layout, the HTML page, the
matplotlib figure and ``repr``, for chains of overlapping events (the worst case for
packing rows, since no two fit on one row).

    python bench/pictures.py [--sizes 100,1000,3000] [--no-plot]
"""

from __future__ import annotations

import argparse
import datetime
import time
from collections.abc import Callable
from typing import Any

from timeline import Event, Link, Timeline, When, formats
from timeline.formats._layout import layout


def chain(n: int) -> Timeline:
    """*n* events a day apart, each possible over 30 days, each before the next."""
    base = datetime.date(2000, 1, 1).toordinal()
    day = datetime.date.fromordinal
    events = [
        Event(
            f"e{i}",
            f"Event number {i}, with a title of a usual length",
            When.between(day(base + i), day(base + i + 30)),
            kind=f"kind {i % 5}",
            actors=[f"actor {i % 17}"],
        )
        for i in range(n)
    ]
    return Timeline(events, [Link(f"e{i}", f"e{i + 1}") for i in range(n - 1)])


def timed(f: Callable[[Timeline], Any], t: Timeline) -> float:
    start = time.perf_counter()
    f(t)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="100,1000,3000")
    parser.add_argument("--no-plot", action="store_true")
    args = parser.parse_args()
    steps: list[tuple[str, Callable[[Timeline], Any]]] = [
        ("layout", layout),
        ("to_html", formats.to_html),
        ("repr", repr),
    ]
    if not args.no_plot:
        steps.append(("plot", formats.plot))
    print(f"{'events':>7} " + " ".join(f"{name:>9}" for name, _ in steps))
    for n in (int(s) for s in args.sizes.split(",")):
        t = chain(n)
        t.chronology()  # the engine's order, computed once, is not the pictures' cost
        print(f"{n:>7} " + " ".join(f"{timed(f, t):>8.2f}s" for _, f in steps))


if __name__ == "__main__":
    main()
