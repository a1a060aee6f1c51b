"""
Issue 9 item 5: the engine's paths that used to be quadratic, each at two sizes.

Run by hand (it is not a test)::

    python bench/hardening_engine.py            # sizes n and 4n, n = 4,000
    python bench/hardening_engine.py --n 1000

For each case it prints the seconds at n and at 4n and the growth ratio: about 4
is linear, about 16 quadratic. The cases, as the issue reproduced them:

- ``ids``: ``add("Same title")`` n times (each generated id must not try -2, -3, ...).
- ``conflict``: a chain of n BEFORE links whose two ends are dated so that the chain
  cannot fit; the explanation names every link (de-duplicated once, not by a list).
- ``fixed-gap``: a chain of n links of exactly one day, events and links listed
  backwards, with only the first event dated (a cycle in the constraint graph at
  every link).
- ``diagnose``: n/2 pairs of events, each pair contradicted by its link.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable


def case_ids(n: int) -> Callable[[], object]:
    from timeline import Timeline

    def run() -> object:
        t = Timeline()
        for _ in range(n):
            t.add("Same title")
        return t

    return run


def case_conflict(n: int) -> Callable[[], object]:
    from timeline import ChronologyConflict, Event, Link, Timeline

    events = [Event(f"e{i}", f"Event {i}") for i in range(n + 1)]
    events[0] = Event("e0", "Event 0", "2025-01-01")
    events[n] = Event(f"e{n}", f"Event {n}", "2025-01-02")
    links = [Link(f"e{i}", f"e{i + 1}", "before") for i in range(n)]

    def run() -> object:
        try:
            Timeline(events, links)
        except ChronologyConflict as conflict:
            found = conflict
        else:
            raise AssertionError("the chain cannot fit")
        if len(found.links) != n:
            raise AssertionError("the explanation names every link once")
        return found

    return run


def case_fixed_gap(n: int) -> Callable[[], object]:
    from timeline import Event, Link, Timeline

    events = [Event(f"e{i:06d}", f"Event {i}") for i in range(n + 1)]
    events[0] = Event("e000000", "Event 0", "2025-01-01")
    links = [
        Link(f"e{i:06d}", f"e{i + 1:06d}", "before", min_days=1, max_days=1)
        for i in range(n)
    ][::-1]

    def run() -> object:
        t = Timeline(events[::-1], links)
        assert t.bounds(f"e{n:06d}").earliest is not None
        return t

    return run


def case_diagnose(n: int) -> Callable[[], object]:
    from timeline import Event, Link, Timeline

    pairs = n // 2
    events = []
    links = []
    for i in range(pairs):
        events.append(Event(f"a{i}", f"A {i}", "2025-01-02"))
        events.append(Event(f"b{i}", f"B {i}", "2025-01-01"))
        links.append(Link(f"a{i}", f"b{i}", "before"))

    def run() -> object:
        found = Timeline.diagnose(events, links)
        assert len(found) == pairs
        return found

    return run


CASES = {
    "ids": case_ids,
    "conflict": case_conflict,
    "fixed-gap": case_fixed_gap,
    "diagnose": case_diagnose,
}


def _time(make: Callable[[int], Callable[[], object]], n: int) -> float:
    run = make(n)
    t0 = time.perf_counter()
    run()
    return time.perf_counter() - t0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=4000)
    parser.add_argument("--only", choices=sorted(CASES))
    args = parser.parse_args()
    names = [args.only] if args.only else list(CASES)
    for name in names:
        small = _time(CASES[name], args.n)
        large = _time(CASES[name], 4 * args.n)
        print(
            f"{name:10s} n={args.n}: {small:.3f} s   n={4 * args.n}: {large:.3f} s   "
            f"growth {large / small:.1f}x (4x is linear)"
        )


if __name__ == "__main__":
    main()
