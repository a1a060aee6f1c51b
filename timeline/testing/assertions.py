"""
Assertions for tests of code that works with timelines (see `timeline.testing`).

>>> from timeline import Event
>>> assert_chronological([Event("a", "A", "2025-01-01"), Event("b", "B", "2025-01-02")])
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Final

import pendulum

from ..event import Event
from ..link import Link, Point, Relation
from .solver import _causal_cycle, _describe, _link_text, _stn_conflict

if TYPE_CHECKING:
    from ..timeline import Timeline

__all__ = [
    "assert_chronological",
    "assert_consistent",
    "assert_precedes",
    "assert_same_chronology",
]

_MAX_PROBLEMS: Final = 10


def _fail(summary: str, problems: Sequence[str]) -> AssertionError:
    shown = [f"  - {p}" for p in problems[:_MAX_PROBLEMS]]
    if len(problems) > _MAX_PROBLEMS:
        shown.append(f"  ... and {len(problems) - _MAX_PROBLEMS} more")
    return AssertionError("\n".join([summary, *shown]))


def assert_chronological(events: Iterable[Event]) -> None:
    """
    Check that no event is certainly after an event listed later.

    Events whose dates overlap may come in either order; only an order that the
    events' own dates rule out fails.

    >>> crash = Event(id="crash", title="Jet crashes", when="2024-12-25")
    >>> protest = Event(id="protest", title="Ambassador summoned", when="2025-01")
    >>> assert_chronological([crash, protest])
    >>> assert_chronological([protest, crash])
    Traceback (most recent call last):
    ...
    AssertionError: events out of order: 'protest' ('Ambassador summoned', dated 2025-01) at position 0 is certainly after 'crash' ('Jet crashes', dated 2024-12-25) at position 1

    Raises:
        AssertionError: naming the first such pair, their dates and positions.
    """
    latest: tuple[int, Event] | None = None  # the listed event that starts latest
    for position, event in enumerate(events):
        if latest is not None and latest[1].when.after(event.when):
            msg = (
                f"events out of order: {_describe(latest[1])} at position "
                f"{latest[0]} is certainly after {_describe(event)} at position "
                f"{position}"
            )
            raise AssertionError(msg)
        start = event.when.earliest
        if start is not None and (
            latest is None
            or latest[1].when.earliest is None
            or start > latest[1].when.earliest
        ):
            latest = (position, event)


def _id(event: Event | str) -> str:
    return event if isinstance(event, str) else event.id


def assert_precedes(
    t: Timeline, a: Event | str, b: Event | str, *, certainly: bool = False
) -> None:
    """
    Check that event `a` comes before event `b` in the timeline's chronology.

    With ``certainly=True``, also that the dates the timeline infers for them
    (`Timeline.bounds`) put every possible day of `a` before every possible day of `b`.

    Raises:
        AssertionError: naming both events, their positions and inferred dates.
    """
    order = [e.id for e in t.chronology()]
    a_id, b_id = _id(a), _id(b)
    for x in (a_id, b_id):
        if x not in order:
            msg = f"no event {x!r} in the timeline (it has {len(order)} events)"
            raise AssertionError(msg)
    i, j = order.index(a_id), order.index(b_id)
    a_event, b_event = t[a_id], t[b_id]
    a_when, b_when = t.bounds(a_id), t.bounds(b_id)
    where = (
        f"{_describe(a_event)}, inferred {a_when}, at position {i}; "
        f"{_describe(b_event)}, inferred {b_when}, at position {j}"
    )
    if i >= j:
        msg = f"{a_id!r} does not come before {b_id!r} in the chronology: {where}"
        raise AssertionError(msg)
    if certainly and not a_when.before(b_when):
        msg = f"{a_id!r} is not certainly before {b_id!r}: {where}"
        raise AssertionError(msg)


def assert_same_chronology(t1: Timeline, t2: Timeline) -> None:
    """
    Check that two timelines list the same events in the same order.

    Raises:
        AssertionError: naming the events only one timeline has, or the first
            position where the orders differ.
    """
    first = [e.id for e in t1.chronology()]
    second = [e.id for e in t2.chronology()]
    if first == second:
        return
    only_first = sorted(set(first) - set(second))
    only_second = sorted(set(second) - set(first))
    problems = []
    if only_first:
        problems.append(f"only in the first timeline: {only_first}")
    if only_second:
        problems.append(f"only in the second timeline: {only_second}")
    if not problems and first and second:
        pairs = enumerate(zip(first, second, strict=False))
        k = next((k for k, (x, y) in pairs if x != y), min(len(first), len(second)))
        problems.append(
            f"at position {k} the first has "
            f"{_describe(t1[first[k]]) if k < len(first) else 'nothing'}, the second "
            f"{_describe(t2[second[k]]) if k < len(second) else 'nothing'}"
        )
    problems.append(f"first:  {first}")
    problems.append(f"second: {second}")
    raise _fail("the chronologies differ:", problems)


def assert_consistent(t: Timeline) -> None:
    """
    Check a timeline's invariants independently of the checks it makes itself.

    - every link joins two events of the timeline, and causal links form no cycle;
    - the dates and link gaps can all hold at once (an independent solver, which
      reads only start days and gaps, finds days for every event);
    - every inferred date `t.bounds(id)` lies within the event's own date;
    - every link's gap can hold between the inferred dates of its two events;
    - `t.chronology()` lists every event once, each link's source before its
      target (for causal and BEFORE links), and an event whose inferred date is
      certainly before another's before that other.

    Raises:
        AssertionError: listing every broken invariant with the events involved.
    """
    events = list(t.events)
    links = list(t.links)
    by_id = {e.id: e for e in events}
    problems: list[str] = []
    if len(by_id) != len(events):
        problems.append("some event ids occur more than once")
    for link in links:
        for end in (link.source, link.target):
            if end not in by_id:
                problems.append(f"link {_link_text(link)} names no event {end!r}")
    if problems:
        raise _fail("the timeline is not consistent:", problems)

    cycle = _causal_cycle(links)
    if cycle:
        path = " -> ".join(_describe(by_id[i]) for i in (*cycle, cycle[0]))
        problems.append(f"causal links form a cycle: {path}")
    conflict = _stn_conflict(events, links)
    if conflict:
        problems.append(
            "no days satisfy these dates and links together: " + "; ".join(conflict)
        )

    bounds = {e.id: t.bounds(e.id) for e in events}
    for e in events:
        if not e.when.contains(bounds[e.id]):
            problems.append(
                f"inferred date {bounds[e.id]} of {_describe(e)} is not within its own date"
            )
    end_bounds = {e.id: t.end_bounds(e.id) for e in events}
    for e in events:
        if e.ends is not None and not e.ends.contains(end_bounds[e.id]):
            problems.append(
                f"inferred end {end_bounds[e.id]} of {_describe(e)} is not within its own end"
            )
    for link in links:
        low, high = link.gap
        s = (bounds if link.source_point is Point.START else end_bounds)[link.source]
        u = (bounds if link.target_point is Point.START else end_bounds)[link.target]
        # The gaps the inferred dates allow: target's days minus source's days.
        least = (
            None
            if u.earliest is None or s.latest is None
            else _days_between(s.latest, u.earliest)
        )
        most = (
            None
            if u.latest is None or s.earliest is None
            else _days_between(s.earliest, u.latest)
        )
        if (low is not None and most is not None and most < low) or (
            high is not None and least is not None and least > high
        ):
            problems.append(
                f"link {_link_text(link)} cannot hold between the inferred dates "
                f"{s} of {_describe(by_id[link.source])} and {u} of "
                f"{_describe(by_id[link.target])}"
            )

    order = [e.id for e in t.chronology()]
    if sorted(order) != sorted(by_id):
        problems.append(
            f"the chronology lists {order}, not each of the {len(by_id)} events once"
        )
    else:
        position = {event_id: k for k, event_id in enumerate(order)}
        for link in links:
            if _orders(link) and position[link.source] > position[link.target]:
                problems.append(
                    f"the chronology puts {_describe(by_id[link.target])} before "
                    f"{_describe(by_id[link.source])}, against the link {_link_text(link)}"
                )
        for x, y in itertools.combinations(order, 2):
            if bounds[y].before(bounds[x]):
                problems.append(
                    f"the chronology puts {_describe(by_id[x])} (inferred {bounds[x]}) "
                    f"before {_describe(by_id[y])} (inferred {bounds[y]}), which is "
                    f"certainly earlier"
                )
    if problems:
        raise _fail("the timeline is not consistent:", problems)


def _orders(link: Link) -> bool:
    """Whether the chronology must list a link's source first (see `Timeline.chronology`)."""
    if link.relation.is_causal:
        return True
    low = link.gap[0]
    return (
        link.relation is Relation.BEFORE
        and link.target_point is Point.START
        and low is not None
        and low >= 1
    )


def _days_between(a: pendulum.Date, b: pendulum.Date) -> int:
    return b.toordinal() - a.toordinal()
