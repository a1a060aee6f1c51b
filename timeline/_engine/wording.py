"""
The engine's words: links, chains of reasons and contradictions as sentences.

Everything here reads the network through `Graph`, a small read-only view (events
by node, links by edge), so the texts can change without touching propagation.

>>> from timeline.event import Event
>>> from timeline.link import Link
>>> describe_link(Link("a", "b", "before", max_days=2), Event("a", "A"), Event("b", "B"))
'A (a) came before B (b) (1 to 2 days earlier)'
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from typing import Final, Protocol, final

import attrs

from ..event import Event
from ..link import Link, Point, Relation
from ..when import When

__all__ = [
    "Chain",
    "Graph",
    "causal_cycle_text",
    "conflict_text",
    "day",
    "days",
    "describe_link",
    "difference",
    "name",
    "order_text",
    "positive_cycle_text",
]

MIN_DAY: Final = datetime.date.min.toordinal()
MAX_DAY: Final = datetime.date.max.toordinal()
OWN: Final = -1  # a bound that comes from the point's own date

PASSIVE: Final = {
    Relation.CAUSED: "was caused by",
    Relation.PROMPTED: "was prompted by",
    Relation.ENABLED: "was made possible by",
    Relation.BEFORE: "comes after",
    Relation.SAME_DAY: "happened the same day as",
    Relation.PART_OF: "contains",
}


@final
@attrs.frozen
class Chain:
    """The justification of one bound: an origin point and the edges from it."""

    origin: int  # the node whose own date starts the chain
    edges: tuple[int, ...]  # edge ids, from the origin towards the bounded node
    value: int  # the bound the chain implies


class Graph(Protocol):
    """What the wording reads from a network: points, edges and their links."""

    def event_of(self, node: int) -> Event: ...
    def is_end(self, node: int) -> bool: ...
    def own_date(self, node: int) -> When: ...
    def edge_link(self, e: int) -> Link | None: ...
    def edge_tail(self, e: int) -> int: ...
    def edge_head(self, e: int) -> int: ...
    def edge_weight(self, e: int) -> int: ...


def day(ordinal: int) -> str:
    """
    A day ordinal as an ISO date, or how far beyond the calendar it lies.

    >>> day(datetime.date(2025, 1, 28).toordinal())
    '2025-01-28'
    """
    if ordinal > MAX_DAY:
        return f"{days(ordinal - MAX_DAY)} after 9999-12-31"
    if ordinal < MIN_DAY:
        return f"{days(MIN_DAY - ordinal)} before 0001-01-01"
    return datetime.date.fromordinal(ordinal).isoformat()


def days(n: int) -> str:
    """
    A number of days in words.

    >>> days(1), days(3)
    ('1 day', '3 days')
    """
    return f"{n} day" if n == 1 else f"{n} days"


def name(event: Event) -> str:
    """An event as its title and id, the way every message names it."""
    return f"{event.title} ({event.id})"


def _point_name(event: Event, point: Point) -> str:
    return name(event) if point is Point.START else f"the end of {name(event)}"


def _dated(when: When) -> str:
    if when.earliest is not None and when.earliest == when.latest:
        return f"on {when}"
    return f"dated {when}"


def describe_link(link: Link, source: Event, target: Event) -> str:
    """
    A link in words, naming both events, the points it joins and its gap.

    >>> describe_link(Link("a", "b", "before", source_point="end", min_days=0),
    ...               Event("a", "A"), Event("b", "B"))
    'the end of A (a) came on or before B (b)'
    """
    first = _point_name(source, link.source_point)
    then = _point_name(target, link.target_point)
    rel = link.relation
    lo, hi = link.gap
    if rel is Relation.BEFORE and lo == 0:
        text = f"{first} came on or before {then}"
        if hi is not None:
            return f"{text} (0 to {days(hi)} earlier)"
        return text
    text = f"{first} {rel.phrase} {then}"
    if rel in (Relation.SAME_DAY, Relation.PART_OF):
        return text
    if hi is not None:
        if lo == hi:
            return f"{text} ({days(hi)} earlier)"
        return f"{text} ({lo} to {days(hi)} earlier)"
    if lo and not (rel is Relation.BEFORE and lo == 1):
        return f"{text} (at least {days(lo)} earlier)"
    return text


def difference(a: Event, b: Event) -> str:
    """Which fields two events with one id disagree on, in words."""
    names = [
        f.name for f in attrs.fields(Event) if getattr(a, f.name) != getattr(b, f.name)
    ]
    return "they differ in " + ", ".join(names)


def edge_text(g: Graph, e: int) -> str:
    """An edge of the graph in words: its link, or an event lasting."""
    link = g.edge_link(e)
    if link is None:
        return f"{name(g.event_of(g.edge_tail(e)))} ends no earlier than it starts"
    return describe_link(link, _event(g, e, link.source), _event(g, e, link.target))


def _event(g: Graph, e: int, id: str) -> Event:
    tail, head = g.event_of(g.edge_tail(e)), g.event_of(g.edge_head(e))
    return tail if tail.id == id else head


def _origin_text(g: Graph, chain: Chain, *, towards: bool) -> str:
    origin = g.event_of(chain.origin)
    own = g.own_date(chain.origin)
    who = _point_name(origin, Point.END if g.is_end(chain.origin) else Point.START)
    if (own.earliest if towards else own.latest) is None:
        return f"{who} has no date"
    return f"{who} is dated {own}"


def chain_text(g: Graph, chain: Chain, *, towards: bool) -> str:
    """The reasons of a chain, from its origin towards the bounded point or back."""
    first = _origin_text(g, chain, towards=towards)
    steps = [edge_text(g, e) for e in chain.edges]
    if towards:
        return "; ".join([first, *steps])
    return "; ".join([*reversed(steps), first])


def conflict_text(g: Graph, node: int, low: Chain, high: Chain) -> str:
    """Why a point can have no day: its earliest and its latest chain in words."""
    event = g.event_of(node)
    end = g.is_end(node)
    verb = "end" if end else "start"
    own_when = g.own_date(node)
    own_lo = low.origin == node and not low.edges
    own_hi = high.origin == node and not high.edges
    if not end:
        simple = _simple_conflict(g, node, event, low, high, own_lo, own_hi)
        if simple is not None:
            return simple
    parts = []
    if not own_lo:
        parts.append(
            f"it cannot {verb} before {day(low.value)}: "
            + chain_text(g, low, towards=True)
        )
    if not own_hi:
        parts.append(
            f"it cannot {verb} after {day(high.value)}: "
            + chain_text(g, high, towards=False)
        )
    who = _point_name(event, Point.END if end else Point.START)
    if own_lo or own_hi:
        return f"{who} is dated {own_when} but " + "; and ".join(parts)
    return f"{who} has no possible day: " + "; and ".join(parts)


def _simple_conflict(
    g: Graph,
    node: int,
    event: Event,
    low: Chain,
    high: Chain,
    own_lo: bool,
    own_hi: bool,
) -> str | None:
    """One plain link against the point's own date, said the way a reporter would."""
    for chain, other_own, forward_wanted in (
        (low, own_hi, True),
        (high, own_lo, False),
    ):
        if not other_own or len(chain.edges) != 1:
            continue
        e = chain.edges[0]
        link = g.edge_link(e)
        origin_node = chain.origin
        if (
            link is None
            or g.is_end(origin_node)
            or link.points
            != (
                Point.START,
                Point.START,
            )
        ):
            continue
        origin = g.event_of(origin_node)
        origin_own = g.own_date(origin_node)
        if (origin_own.earliest if forward_wanted else origin_own.latest) is None:
            continue
        forward = g.event_of(g.edge_tail(e)).id == link.source
        if not forward or link.max_days or link.min_days:
            continue
        if forward_wanted:
            return (
                f"{name(event)} is dated {event.when} but it "
                f"{PASSIVE[link.relation]} {name(origin)} {_dated(origin.when)}"
            )
        return (
            f"{name(event)} is dated {event.when} but it "
            f"{link.relation.phrase} {name(origin)}, {_dated(origin.when)}"
        )
    return None


def positive_cycle_text(g: Graph, cycle: Sequence[int]) -> str:
    """The edges around a cycle that would make a day come after itself, in words."""
    total = sum(g.edge_weight(e) for e in cycle)
    events = dict.fromkeys(g.event_of(g.edge_tail(e)) for e in cycle)
    steps = "; ".join(edge_text(g, e) for e in cycle)
    names = ", ".join(name(ev) for ev in events)
    return (
        f"the links among {names} cannot all hold: going round them, each "
        f"event would have to start {days(total)} after itself ({steps})"
    )


def causal_cycle_text(events: Sequence[Event], links: Sequence[Link]) -> str:
    """A cycle of causal links in words, in causal order."""
    by_id = {e.id: e for e in events}
    steps = "; ".join(
        f"{name(by_id[k.source])} {k.relation.phrase} {name(by_id[k.target])}"
        for k in links
    )
    ids = [e.id for e in events]
    path = " -> ".join([*ids, ids[0]])
    return f"causal links form a cycle: {path} ({steps})"


def order_text(g: Graph, first: Event, then: Event, steps: Sequence[str]) -> str:
    """Why `first` comes before `then`, from reasons already in words."""
    return f"{name(first)} comes before {name(then)}: " + "; ".join(steps)
