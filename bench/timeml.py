"""
How `from_timeml` does on real TimeML: speed, and which documents it flags.

Run by hand (it is not a test)::

    python bench/timeml.py                         # ../shared/data/timeml_dev
    python bench/timeml.py --dir PATH --list       # another folder; name the flagged

For every ``.tml`` file it times `parts_from_timeml` (reading) and `.build()` (the
engine), and records whether the document is flagged (`ChronologyConflict`). Then
it checks each verdict independently: a point network over the same constraints
(each event's start and end day, start <= end, the dates of TIMEX3 values, and
every link's gap between its two points) is searched for a negative cycle with
networkx's Bellman-Ford. A document is contradictory exactly when such a cycle
exists. networkx is needed for this check only (``pip install networkx``); it is
not a dependency of the library.

Target (issue 10): every document of ../shared/data/timeml_dev read in under a
second in all; the flagged documents are exactly those the check finds contradictory.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from timeline.errors import ChronologyConflict
from timeline.event import Event
from timeline.formats import parts_from_timeml
from timeline.link import Link, Point

DEFAULT_DIR = Path(__file__).resolve().parents[2] / "shared" / "data" / "timeml_dev"


def contradictory(events: tuple[Event, ...], links: tuple[Link, ...]) -> bool:
    """True when the day-level constraints have no solution (networkx Bellman-Ford)."""
    import networkx as nx

    g = nx.DiGraph()

    def at_most(x: object, y: object, w: int) -> None:
        """P(y) - P(x) <= w, as the edge x -> y of weight w (keep the tightest)."""
        if not g.has_edge(x, y) or g[x][y]["weight"] > w:
            g.add_edge(x, y, weight=w)

    zero = "day 0"
    g.add_node(zero)
    for e in events:
        start, end = (e.id, "start"), (e.id, "end")
        g.add_node(start)
        at_most(end, start, 0)  # start <= end
        if e.ends is None:
            at_most(start, end, 0)  # a point event: end == start
        for point, when in ((start, e.when), (end, e.ends)):
            if when is None:
                continue
            if when.latest is not None:
                at_most(zero, point, when.latest.toordinal())
            if when.earliest is not None:
                at_most(point, zero, -when.earliest.toordinal())
    for k in links:
        src = (k.source, "start" if k.source_point is Point.START else "end")
        tgt = (k.target, "start" if k.target_point is Point.START else "end")
        lo, hi = k.gap
        if hi is not None:
            at_most(src, tgt, hi)
        if lo is not None:
            at_most(tgt, src, -lo)
    return bool(nx.negative_edge_cycle(g, weight="weight"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dir", type=Path, default=DEFAULT_DIR)
    parser.add_argument(
        "--list", action="store_true", help="name the flagged documents"
    )
    args = parser.parse_args()
    paths = sorted(args.dir.glob("*.tml"))
    if not paths:
        print(f"no .tml files in {args.dir}", file=sys.stderr)
        return 1
    texts = [(p, p.read_bytes()) for p in paths]

    read_time = build_time = 0.0
    flagged: dict[str, ChronologyConflict] = {}
    parts_of = {}
    for path, text in texts:
        t0 = time.perf_counter()
        parts = parts_from_timeml(text, path=path.name)
        t1 = time.perf_counter()
        try:
            parts.build()
        except ChronologyConflict as exc:
            flagged[path.name] = exc
        t2 = time.perf_counter()
        read_time += t1 - t0
        build_time += t2 - t1
        parts_of[path.name] = parts

    t0 = time.perf_counter()
    checked = {name: contradictory(p.events, p.links) for name, p in parts_of.items()}
    check_time = time.perf_counter() - t0
    # The links a conflict blames must contradict the dates on their own.
    blamed = sum(
        contradictory(parts_of[name].events, c.links) for name, c in flagged.items()
    )
    agree = sum((name in flagged) == bad for name, bad in checked.items())
    events = sum(len(p.events) for p in parts_of.values())
    links = sum(len(p.links) for p in parts_of.values())

    print(f"docs read:        {len(texts)} ({events} events, {links} links)")
    print(
        f"total time:       {read_time + build_time:.3f} s "
        f"(reading {read_time:.3f} s, building {build_time:.3f} s; target < 1 s)"
    )
    print(f"flagged:          {len(flagged)}")
    print(
        f"independent check (networkx Bellman-Ford, {check_time:.2f} s): "
        f"{sum(checked.values())} contradictory; agreement {agree}/{len(texts)}"
    )
    print(
        f"explanations:     {blamed}/{len(flagged)} name links that contradict "
        "the dates on their own"
    )
    for name in sorted(set(flagged) | {n for n, bad in checked.items() if bad}):
        if (name in flagged) != checked[name]:
            print(f"  DISAGREE {name}: flagged={name in flagged} check={checked[name]}")
    if args.list:
        for name, conflict in sorted(flagged.items()):
            print(f"  {name}: {' '.join(str(conflict).split())[:300]}")
    return 0 if agree == len(texts) and blamed == len(flagged) else 1


if __name__ == "__main__":
    sys.exit(main())
