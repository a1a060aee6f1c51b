"""
The growth of the paths issue 9 found quadratic or worse, each timed at two sizes.

Run by hand (it is not a test)::

    python bench/hardening.py                   # every case, 60 s limit each
    python bench/hardening.py --timeout 20      # a shorter limit
    python bench/hardening.py --only compact-links --only extract-dots

Each case runs in a fresh interpreter with a time limit, so a path that is still
quadratic prints "timeout" instead of hanging the script. Building the input is
not timed; only the operation the issue names is (repeated for half a second when
it is fast, and the mean printed). The growth ratio is the time at
the larger size over the time at the smaller: near 2 for a linear path when the
size doubles, near 4 for a quadratic one.

Cases (issue 9):

- item 2, ``extract-dots``: `extract()` on a run of 25,000 and 50,000 dots.
- item 3, ``compact-links``: `timeline check` (`read_parts` and `diagnose`) on a TOML
  file whose compact links are separated by long runs of spaces, at two sizes.
- beside item 3, ``anchor-chain``: ordering the events of an authoring file whose
  `relative_to` anchors form one chain of 20,000 and 40,000 events.
- item 5, ``same-title``: 8,000 and 16,000 `add("Same title")` (generated ids).
- item 5, ``explain-chain``: a contradictory causal chain of 2,000 and 4,000 events,
  built and explained.
- item 5, ``fixed-gap-backwards``: a chain of 4,000 and 8,000 links of exactly one
  day, its events and links listed from the last to the first.
- item 5, ``diagnose-pairs``: `Timeline.diagnose()` of 1,000 and 2,000 conflicting pairs.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from collections.abc import Callable

# -- the cases: each builds its input for a size, and returns the operation to time


def extract_dots(n: int) -> Callable[[], object]:
    from timeline import extract

    text = "." * n
    return lambda: extract(text, "2025-02-10")


def compact_links(n: int) -> Callable[[], object]:
    import tempfile
    from pathlib import Path

    from timeline import formats
    from timeline.errors import FormatError

    # n is the run of spaces in each of the ten links: the old regex was cubic in it.
    events = "".join(f'[[events]]\nid = "e{i}"\ntitle = "E{i}"\n' for i in range(11))
    gap = " " * n
    links = ", ".join(f'"e{i}{gap}before{gap}e{i + 1}"' for i in range(10))
    hostile = f'"e0{gap}"'  # too few words: refused, after the same scan
    folder = Path(tempfile.mkdtemp())
    good, bad = folder / "good.toml", folder / "bad.toml"
    good.write_text(f"links = [{links}]\n{events}", encoding="utf-8")
    bad.write_text(f"links = [{hostile}]\n{events}", encoding="utf-8")

    def run() -> object:
        parts = formats.read_parts(good)
        assert not parts.diagnose()
        try:
            formats.read_parts(bad)
        except FormatError:
            return parts
        msg = "the hostile link should have been refused"
        raise AssertionError(msg)

    return run


def same_title(n: int) -> Callable[[], object]:
    from timeline.timeline import Timeline

    def run() -> object:
        t = Timeline()
        for _ in range(n):
            t.add("Same title")
        return t

    return run


def explain_chain(n: int) -> Callable[[], object]:
    from timeline import ChronologyConflict, Event, Link
    from timeline.timeline import Timeline

    # e0 is dated after the last event, but a causal chain runs from e0 to it.
    events = [Event("e0", "E0", when="2025-06-01")]
    events += [Event(f"e{i}", f"E{i}") for i in range(1, n - 1)]
    events.append(Event(f"e{n - 1}", f"E{n - 1}", when="2025-01-01"))
    links = [Link(f"e{i}", f"e{i + 1}", "caused") for i in range(n - 1)]

    def run() -> object:
        try:
            Timeline(events, links)
        except ChronologyConflict as exc:
            return str(exc)
        msg = "the chain should have been refused"
        raise AssertionError(msg)

    return run


def fixed_gap_backwards(n: int) -> Callable[[], object]:
    from timeline import Event, Link
    from timeline.timeline import Timeline

    # Events and links both listed from the last to the first.
    events = [Event(f"e{i}", f"E{i}") for i in range(n, 0, -1)]
    events.append(Event("e0", "E0", when="2000-01-01"))
    links = [
        Link(f"e{i}", f"e{i + 1}", "before", min_days=1, max_days=1)
        for i in reversed(range(n))
    ]

    def run() -> object:
        t = Timeline(events, links)
        return t.bounds(f"e{n}")

    return run


def diagnose_pairs(n: int) -> Callable[[], object]:
    from timeline import Event, Link
    from timeline.timeline import Timeline

    events, links = [], []
    for i in range(n):
        events.append(Event(f"a{i}", f"A{i}", when="2025-01-02"))
        events.append(Event(f"b{i}", f"B{i}", when="2025-01-01"))
        links.append(Link(f"a{i}", f"b{i}", "before"))

    def run() -> object:
        conflicts = Timeline.diagnose(events, links)
        assert len(conflicts) == n, len(conflicts)
        return conflicts

    return run


def anchor_chain(n: int) -> Callable[[], object]:
    from timeline.formats._authoring import _anchor_order

    # Each event is relative to the next, listed first to last: one long chain.
    raw = [{"id": f"e{i}", "relative_to": f"e{i + 1}"} for i in range(n)]
    raw.append({"id": f"e{n}"})
    return lambda: _anchor_order(raw)


CASES: dict[str, tuple[str, Callable[[int], Callable[[], object]], int, int]] = {
    "extract-dots": ("2", extract_dots, 25_000, 50_000),
    "compact-links": ("3", compact_links, 1_500, 3_000),
    "anchor-chain": ("3", anchor_chain, 20_000, 40_000),
    "same-title": ("5", same_title, 8_000, 16_000),
    "explain-chain": ("5", explain_chain, 2_000, 4_000),
    "fixed-gap-backwards": ("5", fixed_gap_backwards, 4_000, 8_000),
    "diagnose-pairs": ("5", diagnose_pairs, 1_000, 2_000),
}


def _child(name: str, size: int) -> None:
    """Build the input, time the operation once, print the seconds."""
    build = CASES[name][1]
    build(10)()  # imports and first-call caches, on a tiny input
    run = build(size)
    # Repeat a fast operation for half a second, so that its growth is not noise.
    start, count = time.perf_counter(), 0
    while True:
        run()
        count += 1
        elapsed = time.perf_counter() - start
        if elapsed >= 0.5:
            break
    print(f"{elapsed / count:.6f}")


def _measure(name: str, size: int, timeout: float) -> float | None:
    cmd = [sys.executable, __file__, "--child", name, str(size)]
    try:
        done = subprocess.run(
            cmd, capture_output=True, text=True, timeout=timeout, check=False
        )
    except subprocess.TimeoutExpired:
        return None
    if done.returncode != 0:
        tail = (done.stderr.strip().splitlines() or ["no output"])[-1]
        msg = f"{name} at {size}: {tail}"
        raise RuntimeError(msg)
    return float(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds per run")
    parser.add_argument("--only", action="append", choices=sorted(CASES))
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(args.child[0], int(args.child[1]))
        return
    print(
        f"{'item':<5}{'case':<22}{'small':>8}{'seconds':>10}{'large':>8}{'seconds':>10}{'growth':>8}"
    )
    for name in args.only or CASES:
        item, _, small, large = CASES[name]
        times = [_measure(name, n, args.timeout) for n in (small, large)]
        shown = ["timeout" if s is None else f"{s:.3f}" for s in times]
        a, b = times
        growth = "-" if a is None or b is None or a == 0 else f"{b / a:.1f}x"
        print(
            f"{item:<5}{name:<22}{small:>8}{shown[0]:>10}{large:>8}{shown[1]:>10}{growth:>8}"
        )


if __name__ == "__main__":
    main()
