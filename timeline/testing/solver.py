"""
An independent solver: whether events and links can all hold, found without the engine.

It shares no code with `timeline._engine`: a plain Bellman-Ford over the events'
start and end days, and a depth-first search for causal cycles, so that
`assert_consistent` checks the engine rather than repeating it.

>>> from timeline.event import Event
>>> from timeline.link import Link
>>> a, b = Event("a", "A", "2025-01-02"), Event("b", "B", "2025-01-01")
>>> _stn_conflict([a, b], [Link("b", "a", "before")])
[]
>>> len(_stn_conflict([a, b], [Link("a", "b", "before")]))
3
"""

from __future__ import annotations

from collections.abc import Sequence

from ..event import Event
from ..link import Link, Relation

__all__: list[str] = []


def _describe(event: Event) -> str:
    return f"{event.id!r} ({event.title!r}, dated {event.when})"


def _link_text(link: Link) -> str:
    low, high = link.gap
    gap = (
        f"gap {'-inf' if low is None else low}..{'inf' if high is None else high} days"
    )
    return f"{link.source!r} {link.relation.phrase} {link.target!r} ({gap})"


def _causal_cycle(links: Sequence[Link]) -> tuple[str, ...]:
    """The ids around one cycle of causal links, or () when there is none."""
    graph: dict[str, list[str]] = {}
    for link in links:
        if link.relation.is_causal:
            graph.setdefault(link.source, []).append(link.target)
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    for root in sorted(graph):
        if root in state:
            continue
        path: list[str] = [root]
        stack = [iter(graph.get(root, ()))]
        state[root] = 1
        while stack:
            nxt = next(stack[-1], None)
            if nxt is None:
                state[path.pop()] = 2
                stack.pop()
            elif state.get(nxt) == 1:
                return tuple(path[path.index(nxt) :])
            elif nxt not in state:
                state[nxt] = 1
                path.append(nxt)
                stack.append(iter(graph.get(nxt, ())))
    return ()


def _stn_conflict(events: Sequence[Event], links: Sequence[Link]) -> list[str]:
    """
    The constraints around a negative cycle of the day points' distance graph, or [].

    Each event has a start point and, when it has `ends`, an end point no earlier
    than its start (without `ends` the end is the start). Each constraint
    ``P(v) - P(u) <= w`` is an edge u -> v of weight w; the node ZERO stands for
    day 0. The constraints are the events' own dates (`when` for the start, `ends`
    for the end), the links' gaps between the points they name, and a PART_OF
    link's part ending by the end of a whole that has `ends`. They can all hold iff
    no cycle is negative (Bellman-Ford).
    """
    zero = ("", "zero")
    by_id = {e.id: e for e in events}

    def point(id: str, which: str) -> tuple[str, str]:
        lasts = by_id[id].ends is not None
        return (id, "end" if which == "end" and lasts else "start")

    edges: list[tuple[tuple[str, str], tuple[str, str], int, str]] = []
    nodes = [zero]
    for e in events:
        dates = [(point(e.id, "start"), e.when)]
        nodes.append(point(e.id, "start"))
        if e.ends is not None:
            dates.append((point(e.id, "end"), e.ends))
            nodes.append(point(e.id, "end"))
            why = f"{_describe(e)} ends no earlier than it starts"
            edges.append((point(e.id, "end"), point(e.id, "start"), 0, why))
        for node, when in dates:
            if when.earliest is not None:
                edges.append((node, zero, -when.earliest.toordinal(), _describe(e)))
            if when.latest is not None:
                edges.append((zero, node, when.latest.toordinal(), _describe(e)))
    for link in links:
        low, high = link.gap
        why = f"link {_link_text(link)}"
        u = point(link.source, link.source_point.value)
        v = point(link.target, link.target_point.value)
        if high is not None:
            edges.append((u, v, high, why))
        if low is not None:
            edges.append((v, u, -low, why))
        if link.relation is Relation.PART_OF and by_id[link.target].ends is not None:
            # A part ends by the end of its whole.
            whole_end = point(link.target, "end")
            edges.append((whole_end, point(link.source, "end"), 0, why))
    dist = dict.fromkeys(nodes, 0)
    pred: dict[tuple[str, str], tuple[tuple[str, str], str]] = {}
    changed: tuple[str, str] | None = None
    for _ in range(len(nodes)):
        changed = None
        for u, v, w, why in edges:
            if dist[u] + w < dist[v]:
                dist[v] = dist[u] + w
                pred[v] = (u, why)
                changed = v
        if changed is None:
            return []
    if changed is None:  # pragma: no cover - the loop has returned
        return []
    # Walk back far enough to be on the cycle, then collect it.
    node = changed
    for _ in range(len(nodes)):
        node = pred[node][0]
    reasons: list[str] = []
    current = node
    while True:
        current, why = pred[current]
        if why not in reasons:
            reasons.append(why)
        if current == node:
            break
    return reasons[::-1]
