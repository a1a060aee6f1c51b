"""
Small Hypothesis strategies for the Timeline properties, and a brute-force oracle.

Dates live in a small window of days (day 0 is 2025-01-01) so that the oracle can try
every assignment of start and end days; gaps are a few days at most.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence

import pendulum
from hypothesis import strategies as st

from timeline.event import Event
from timeline.link import Link, Point, Relation
from timeline.when import When

DAY0 = pendulum.Date(2025, 1, 1)
WINDOW = 4  # dated events fall on days 0 .. WINDOW - 1
IDS = ("a", "b", "c", "d", "e")


def day(n: int) -> pendulum.Date:
    """The date of day `n` of the window."""
    return DAY0.add(days=n)


@st.composite
def whens(draw: st.DrawFn, *, undated: bool = True) -> When:
    """A day, a span of days, a half-open span, or (if `undated`) nothing known."""
    kind = draw(st.sampled_from(["day", "span", "after", "before", "unknown"]))
    if kind == "unknown" and undated:
        return When.unknown()
    lo = draw(st.integers(0, WINDOW - 1))
    hi = draw(st.integers(lo, WINDOW - 1))
    if kind == "after":
        return When(day(lo), None)
    if kind == "before":
        return When(None, day(hi))
    if kind == "span":
        return When(day(lo), day(hi))
    return When(day(lo), day(lo))


@st.composite
def events(draw: st.DrawFn, id: str) -> Event:
    """An event with this id: a point, or one that lasts (with an end date or none)."""
    when = draw(whens())
    kind = draw(st.sampled_from(["point", "dated end", "unknown end"]))
    ends = None
    if kind == "unknown end":
        ends = When.unknown()
    elif kind == "dated end" and when.latest is not None:
        last = max(when.latest, day(draw(st.integers(0, WINDOW + 1))))
        ends = When(when.latest, last)
    return Event(id, f"Event {id.upper()}", when, ends=ends)


@st.composite
def links(draw: st.DrawFn, ids: Sequence[str]) -> Link:
    """A link between two of `ids`, of any relation, with small gaps."""
    source, target = draw(st.permutations(ids))[:2]
    relation = draw(st.sampled_from(list(Relation)))
    points = {}
    if relation in (Relation.BEFORE, Relation.SAME_DAY):
        points = {
            "source_point": draw(st.sampled_from(list(Point))),
            "target_point": draw(st.sampled_from(list(Point))),
        }
    if relation in (Relation.SAME_DAY, Relation.PART_OF):
        return Link(source, target, relation, **points)
    floor = draw(st.sampled_from([0, 1])) if relation is Relation.BEFORE else 0
    lo = draw(st.none() | st.integers(floor, 2))
    if relation is Relation.BEFORE and lo is None and floor == 0:
        lo = 0
    hi = draw(
        st.none()
        | st.integers(
            max(1 if lo is None and relation is Relation.BEFORE else floor, lo or 0), 3
        )
    )
    return Link(source, target, relation, min_days=lo, max_days=hi, **points)


@st.composite
def batches(
    draw: st.DrawFn, *, max_events: int = 4, max_links: int = 4
) -> tuple[list[Event], list[Link]]:
    """Events with distinct ids and links among them (possibly inconsistent)."""
    n = draw(st.integers(2, max_events))
    ids = IDS[:n]
    evs = [draw(events(i)) for i in ids]
    found: dict[tuple[str, str, Relation], Link] = {}
    for link in draw(st.lists(links(ids), max_size=max_links)):
        found.setdefault(link.key, link)
    return evs, list(found.values())


# -- the oracle ------------------------------------------------------------------------


def _ordinal(d: datetime.date | None, default: int) -> int:
    return default if d is None else d.toordinal()


class Oracle:
    """
    Every assignment of start and end days in a window wide enough to stand for
    infinity.

    Each event has a start variable and, when it has `ends`, an end variable no
    earlier than its start (an event without `ends` ends the day it starts). A bound
    on a day comes from a date and a chain of gaps, so it is never further from the
    window of dates than the sum of all gaps; a day beyond that margin stands for
    "unbounded".
    """

    def __init__(self, evs: Sequence[Event], lks: Sequence[Link]) -> None:
        self.events = list(evs)
        self.links = list(lks)
        n = len(evs)
        margin = 2 + sum(abs(w) for k in lks for w in k.gap if w is not None)
        self.low = DAY0.toordinal() - margin - 1
        self.high = DAY0.toordinal() + WINDOW + 2 + margin
        index = {e.id: i for i, e in enumerate(evs)}
        self.domains: list[list[int]] = []
        self.end_of = list(range(n))  # the variable of each event's end
        dates = [e.when for e in evs]
        for i, e in enumerate(evs):
            if e.ends is not None:
                self.end_of[i] = len(dates)
                dates.append(e.ends)
        for w in dates:
            # Undated sides reach past the margin, so "unbounded" shows as a day
            # beyond it, yet every chain of gaps from there still fits.
            lo = _ordinal(w.earliest, self.low - margin)
            hi = _ordinal(w.latest, self.high + margin)
            self.domains.append([lo, hi])
        self.gaps = []  # (u, v, lo, hi): lo <= X(v) - X(u) <= hi
        for i in range(n):
            if self.end_of[i] != i:
                self.gaps.append((i, self.end_of[i], 0, None))
        for k in lks:
            i, j = index[k.source], index[k.target]
            u = self.end_of[i] if k.source_point is Point.END else i
            v = self.end_of[j] if k.target_point is Point.END else j
            lo, hi = k.gap
            self.gaps.append((u, v, lo, hi))
            if k.relation is Relation.PART_OF and self.end_of[j] != j:
                # The part ends by the end of a whole that has `ends`.
                self.gaps.append((self.end_of[i], self.end_of[j], 0, None))
        self.causal = [
            (index[k.source], index[k.target]) for k in lks if k.relation.is_causal
        ]

    def has_causal_cycle(self) -> bool:
        """True when causal links alone run in a circle."""
        n = len(self.events)
        reach = [[False] * n for _ in range(n)]
        for i, j in self.causal:
            reach[i][j] = True
        for k in range(n):
            for i in range(n):
                for j in range(n):
                    reach[i][j] = reach[i][j] or (reach[i][k] and reach[k][j])
        return any(reach[i][i] for i in range(n))

    def _ok(self, assigned: dict[int, int]) -> bool:
        for i, j, lo, hi in self.gaps:
            if i in assigned and j in assigned:
                gap = assigned[j] - assigned[i]
                if (lo is not None and gap < lo) or (hi is not None and gap > hi):
                    return False
        return True

    def _exists(self, assigned: dict[int, int], order: list[int]) -> bool:
        if not self._ok(assigned):
            return False
        if not order:
            return True
        v, rest = order[0], order[1:]
        lo, hi = self.domains[v]
        for x in range(lo, hi + 1):
            assigned[v] = x
            if self._exists(assigned, rest):
                del assigned[v]
                return True
        del assigned[v]
        return False

    def feasible(self) -> bool:
        """True when some assignment satisfies every date and link."""
        return all(lo <= hi for lo, hi in self.domains) and self._exists(
            {}, list(range(len(self.domains)))
        )

    def end_bounds(self, i: int) -> tuple[int | None, int | None]:
        """The first and last feasible end day of event `i`; None is unbounded."""
        return self._bounds(self.end_of[i])

    def bounds(self, i: int) -> tuple[int | None, int | None]:
        """The first and last feasible start day of event `i`; None is unbounded."""
        return self._bounds(i)

    def _bounds(self, i: int) -> tuple[int | None, int | None]:
        others = [j for j in range(len(self.domains)) if j != i]
        lo, hi = self.domains[i]
        days = [x for x in range(lo, hi + 1) if self._exists({i: x}, others)]
        first: int | None = days[0]
        last: int | None = days[-1]
        if first <= self.low:
            first = None
        if last >= self.high:
            last = None
        return first, last
