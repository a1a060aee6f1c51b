"""
The constraint engine: day bounds propagated over links (a simple temporal network).

Each event has two points, its start day and its end day, each a variable: a day
ordinal bounded by the event's own `when` (the start) and `ends` (the end), with
start <= end. An event without `ends` is a point at day level: its end *is* its
start, one variable, so a timeline of such events costs what it did before events
could last. Each link bounds the difference between a point of its source and a
point of its target (`Link.gap`, `Link.points`); a ``PART_OF`` link also ends the
part by the end of a whole that has `ends`.

The constraints form a graph ``G`` over the points: an edge ``u -> v`` of weight
``w`` says ``P(v) >= P(u) + w``. A link with gap ``[a, b]`` gives the edge ``source
-> target`` of weight ``a`` and, when ``b`` is bounded, ``target -> source`` of
weight ``-b``; an event that lasts gives ``start -> end`` of weight 0. The earliest
day of a point is then the longest path into it, the latest day the shortest way
back from a latest day, and the network is consistent exactly when ``G`` has no
cycle of positive weight and no point ends up with its earliest day after its latest.

>>> from timeline.event import Event
>>> from timeline.link import Link, Relation
>>> net = Network(
...     [Event("crash", "Jet crashes", when="2024-12-25"), Event("call", "Condolence call")],
...     [Link("crash", "call", Relation.PROMPTED)],
... )
>>> net.bounds("call")
When.from_edtf('2024-12-25/..')
"""

from __future__ import annotations

import datetime
import operator
from array import array
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, Final, final

import attrs
import numpy as np

from ..errors import (
    CausalCycleError,
    ChronologyConflict,
    DuplicateEventError,
    UnknownEventError,
    ValidationError,
)
from ..event import Event
from ..link import Link, Point, Relation
from ..when import When
from . import arrays, wording
from .wording import OWN, Chain

__all__ = ["FAR", "MAX_DAY", "MIN_DAY", "Network", "link_edges"]

MIN_DAY: Final = datetime.date.min.toordinal()
"""The ordinal of 0001-01-01: no event can start earlier."""
MAX_DAY: Final = datetime.date.max.toordinal()
"""The ordinal of 9999-12-31: no event can end later."""
FAR: Final = arrays.FAR
"""Stands for an open side: far beyond any day, yet safe to add gaps to."""

_ID = operator.attrgetter("id")
_WHEN = operator.attrgetter("when")
_ENDS = operator.attrgetter("ends")
_NO_LINK: Final = -1  # the edge of an event that lasts: its start is not after its end


def link_edges(link: Link) -> list[tuple[bool, int]]:
    """
    The edges of ``G`` a link's gap gives: (forward, weight) pairs.

    A forward edge runs from the link's source point to its target point.

    >>> link_edges(Link("a", "b", Relation.BEFORE, min_days=1, max_days=3))
    [(True, 1), (False, -3)]
    """
    lo, hi = link.gap
    edges: list[tuple[bool, int]] = []
    if lo is not None:
        edges.append((True, lo))
    if hi is not None:
        edges.append((False, -hi))
    return edges


def _clash(lo: int, hi: int) -> bool:
    """True when no calendar day lies between an earliest and a latest day."""
    return lo > hi or lo > MAX_DAY or hi < MIN_DAY


def _ordering(link: Link) -> bool:
    """True when a link puts its source first in the chronology (see LinkColumns)."""
    rel = link.relation
    if rel.is_causal:
        return True
    lo = link.gap[0]
    return (
        rel is Relation.BEFORE
        and link.target_point is Point.START
        and lo is not None
        and lo >= 1
    )


@final
class Network:
    """
    The start and end days of events as variables, links as bounds on differences.

    Build it from events and links (all at once, `Network(events, links)`), then add
    events, links and narrower dates in a `transaction`: each change either keeps
    the network consistent or raises and is undone. Removing anything means
    building again (bounds can only widen then).

    >>> net = Network([Event("a", "A", when="2025-01"), Event("b", "B", when="2025-01-10")],
    ...               [Link("a", "b", "before")])
    >>> net.bounds("a")
    When.from_edtf('2025-01-01/2025-01-09')

    Raises:
        UnknownEventError: a link names an event that is not there.
        CausalCycleError: causal links run in a circle.
        ChronologyConflict: the dates and links cannot all hold.
    """

    def __init__(
        self, events: Iterable[Event] = (), links: Iterable[Link] = ()
    ) -> None:
        self._events, self._index = _distinct_events(events)
        self._links: list[Link] = list(links)
        self._log: list[tuple[Any, int, Any]] | None = None
        self._out_extra: dict[int, list[int]] = {}
        self._in_extra: dict[int, list[int]] = {}
        self._csr_nodes = 0  # nodes covered by the CSR index built with the network
        self._built = False
        self._build()
        self._built = True

    # -- reading: events and links ----------------------------------------------------

    def __len__(self) -> int:
        return len(self._events)

    def __contains__(self, id: object) -> bool:
        return isinstance(id, str) and id in self._index

    def event(self, id: str) -> Event:
        """
        The event with this id.

        Raises:
            UnknownEventError: no event has this id.
        """
        return self._events[self._node_event(id)]

    def get(self, id: str) -> Event | None:
        """The event with this id, or None."""
        i = self._index.get(id)
        return None if i is None else self._events[i]

    def events(self) -> list[Event]:
        """The events, in the order they were added (a copy)."""
        return list(self._events)

    def links(self) -> list[Link]:
        """The links, in the order they were added (a copy)."""
        return list(self._links)

    def link_count(self) -> int:
        """How many links there are."""
        return len(self._links)

    def links_of(self, id: str) -> list[Link]:
        """
        The links to or from an event, each once, in the order they were added.

        Raises:
            UnknownEventError: no event has this id.
        """
        i = self._node_event(id)
        found: dict[int, None] = {}
        for node in dict.fromkeys((self._ev_start[i], self._ev_end[i])):
            for e in (*self.out_edges(node), *self.in_edges(node)):
                k = self._e_link[e]
                if k != _NO_LINK:
                    found[k] = None
        return [self._links[k] for k in sorted(found)]

    # -- reading: bounds --------------------------------------------------------------

    def bounds(self, id: str) -> When:
        """
        The inferred start of an event: its own `when` narrowed by every link.

        Sides that nothing bounds stay open; the own date's approximate and
        uncertain flags are kept; an unchanged date is returned as it is.

        Raises:
            UnknownEventError: no event has this id.
        """
        i = self._node_event(id)
        return self._when(self._ev_start[i])

    def end_bounds(self, id: str) -> When:
        """
        The inferred end of an event: its own `ends` (its `when` for an event
        without `ends`, which ends the day it starts) narrowed by every link.

        Raises:
            UnknownEventError: no event has this id.
        """
        i = self._node_event(id)
        return self._when(self._ev_end[i])

    def day_bounds(self, id: str, point: Point = Point.START) -> tuple[int, int]:
        """
        The inferred (earliest, latest) day ordinals of a point of an event; an open
        side lies beyond 1..`MAX_DAY`.

        Raises:
            UnknownEventError: no event has this id.
        """
        i = self._node_event(id)
        node = self._ev_start[i] if point is Point.START else self._ev_end[i]
        return self._lo[node], self._hi[node]

    def _when(self, node: int) -> When:
        own = self.own_date(node)
        lo, hi = self._lo[node], self._hi[node]
        own_lo = -FAR if own.earliest is None else own.earliest.toordinal()
        own_hi = FAR if own.latest is None else own.latest.toordinal()
        if lo == own_lo and hi == own_hi:
            return own
        earliest = None if lo < MIN_DAY else _date(lo)
        latest = None if hi > MAX_DAY else _date(hi)
        bounded = earliest is not None or latest is not None
        return When(
            earliest,
            latest,
            approximate=bounded and own.approximate,
            uncertain=bounded and own.uncertain,
        )

    # -- reading: order and explanations ----------------------------------------------

    def order(self) -> list[Event]:
        """
        The events in chronological order: by inferred start (earliest, then latest),
        then id, put right where a tie would break a link that orders its ends.
        """
        n = len(self._events)
        starts = _view(self._ev_start)
        lo = _view(self._lo)[starts]
        hi = _view(self._hi)[starts]
        del starts
        ordering = np.frombuffer(self._link_order, dtype=np.int8).astype(bool)
        src = _view(self._link_src)[ordering]
        tgt = _view(self._link_tgt)[ordering]
        del ordering
        ids = list(map(_ID, self._events))
        perm = arrays.chronological_order(lo, hi, ids, src, tgt)
        del lo, hi, src, tgt, ids
        events = np.fromiter(self._events, dtype=object, count=n)
        ordered: list[Event] = events[perm].tolist()
        return ordered

    def explain_order(
        self, a: str, b: str
    ) -> tuple[tuple[str, ...], tuple[Link, ...], str] | None:
        """
        Why event `a` starts no later than event `b`: (event ids, links, text), from
        the fewest links that order them, else from their dates; None if nothing does.

        Raises:
            UnknownEventError: either id is not an event.
        """
        ia, ib = self._node_event(a), self._node_event(b)
        ea, eb = self._events[ia], self._events[ib]
        sa, sb = self._ev_start[ia], self._ev_start[ib]
        path = self._order_path(sa, sb)
        if path is not None:
            chain = [a]
            for e in path:
                head = self.event_of(self._e_v[e]).id
                if head != chain[-1]:
                    chain.append(head)
            links = tuple(
                dict.fromkeys(
                    self._links[self._e_link[e]]
                    for e in path
                    if self._e_link[e] != _NO_LINK
                )
            )
            steps = list(dict.fromkeys(wording.edge_text(self, e) for e in path))
            return tuple(chain), links, wording.order_text(self, ea, eb, steps)
        if self._hi[sa] < self._lo[sb]:
            high, low = self._hi_chain(sa), self._lo_chain(sb)
            steps = [
                wording.chain_text(self, high, towards=False),
                wording.chain_text(self, low, towards=True),
            ]
            edges = [*reversed(high.edges), *low.edges]
            links = tuple(
                dict.fromkeys(
                    self._links[self._e_link[e]]
                    for e in edges
                    if self._e_link[e] != _NO_LINK
                )
            )
            ids = tuple(
                dict.fromkeys(
                    [a, self.event_of(high.origin).id, self.event_of(low.origin).id, b]
                )
            )
            return ids, links, wording.order_text(self, ea, eb, steps)
        return None

    def _order_path(self, start: int, goal: int) -> list[int] | None:
        """The fewest edges of weight >= 0 from `start` to `goal` (no SAME_DAY link)."""
        if start == goal:
            return None
        parent: dict[int, int] = {start: _NO_LINK}
        queue = deque([start])
        while queue:
            u = queue.popleft()
            for e in self.out_edges(u):
                if self._e_w[e] < 0:
                    continue
                k = self._e_link[e]
                if k != _NO_LINK and self._links[k].relation is Relation.SAME_DAY:
                    continue
                v = self._e_v[e]
                if v in parent:
                    continue
                parent[v] = e
                if v == goal:
                    path = []
                    while v != start:
                        e = parent[v]
                        path.append(e)
                        v = self._e_u[e]
                    return path[::-1]
                queue.append(v)
        return None

    # -- the Graph view that the wording reads ----------------------------------------

    def event_of(self, node: int) -> Event:
        """The event a point belongs to."""
        return self._events[self._node_event_of[node]]

    def is_end(self, node: int) -> bool:
        """True for the end point of an event that lasts."""
        return bool(self._node_is_end[node])

    def own_date(self, node: int) -> When:
        """A point's own date: the event's `when` for a start, its `ends` for an end."""
        event = self.event_of(node)
        if self._node_is_end[node] and event.ends is not None:
            return event.ends
        return event.when

    def edge_link(self, e: int) -> Link | None:
        """The link an edge comes from, or None for an event's own start-to-end edge."""
        k = self._e_link[e]
        return None if k == _NO_LINK else self._links[k]

    def edge_tail(self, e: int) -> int:
        """The point an edge leaves."""
        return self._e_u[e]

    def edge_head(self, e: int) -> int:
        """The point an edge enters."""
        return self._e_v[e]

    def edge_weight(self, e: int) -> int:
        """The least number of days from an edge's tail to its head."""
        return self._e_w[e]

    def out_edges(self, node: int) -> list[int]:
        """The ids of the edges of ``G`` that leave a point."""
        found = (
            self._out_idx[self._out_ptr[node] : self._out_ptr[node + 1]].tolist()
            if node < self._csr_nodes
            else []
        )
        extra = self._out_extra.get(node)
        return found + extra if extra else found

    def in_edges(self, node: int) -> list[int]:
        """The ids of the edges of ``G`` that enter a point."""
        found = (
            self._in_idx[self._in_ptr[node] : self._in_ptr[node + 1]].tolist()
            if node < self._csr_nodes
            else []
        )
        extra = self._in_extra.get(node)
        return found + extra if extra else found

    def _node_event(self, id: str) -> int:
        try:
            return self._index[id]
        except (KeyError, TypeError):
            raise UnknownEventError(id, self._index) from None

    # -- building ------------------------------------------------------------------

    def _build(self) -> None:
        events, links, index = self._events, self._links, self._index
        n = len(events)
        try:
            cols = arrays.link_columns(links, index)
        except TypeError:
            bad = next(k for k in links if not isinstance(k, Link))
            msg = f"expected a Link, got {type(bad).__name__}"
            raise ValidationError("links", bad, msg) from None
        except KeyError:
            for k in links:
                for end in (k.source, k.target):
                    if end not in index:
                        raise UnknownEventError(end, index) from None
            raise  # pragma: no cover - a KeyError names a missing end
        if len(links) > 1:
            key = (cols.src * max(n, 1) + cols.tgt) * len(arrays.RELATIONS) + cols.code
            key.sort()
            repeated = bool((key[1:] == key[:-1]).any())
            del key
            if repeated:
                keep = self._distinct_links()
                cols = attrs.evolve(
                    cols,
                    **{
                        f.name: getattr(cols, f.name)[keep]
                        for f in attrs.fields(arrays.LinkColumns)
                    },
                )
        m = len(self._links)
        # The points: every event's start (node i), then the ends of those that last.
        ends = list(map(_ENDS, events))
        lasting = np.array(
            [i for i, w in enumerate(ends) if w is not None], dtype=np.int64
        )
        n_end = len(lasting)
        ev_end = np.arange(n, dtype=np.int64)
        ev_end[lasting] = n + np.arange(n_end, dtype=np.int64)
        self._ev_start = _ints(np.arange(n, dtype=np.int64))
        self._ev_end = _ints(ev_end)
        self._node_event_of = _ints(np.concatenate([np.arange(n), lasting]))
        self._node_is_end = bytearray(n) + bytearray(b"\x01" * n_end)
        # Every array is stored once, compactly; numpy works on views of it, and
        # temporaries are dropped as soon as they are used (memory peaks matter at
        # a million events).
        src, tgt, code = cols.src, cols.tgt, cols.code
        self._link_src, self._link_tgt, self._link_code = (
            _ints(src),
            _ints(tgt),
            _ints(code),
        )
        self._link_order = array("b")
        self._link_order.frombytes(cols.ordering().astype(np.int8).tobytes())
        u = np.where(cols.source_end, ev_end[src], src)
        v = np.where(cols.target_end, ev_end[tgt], tgt)
        fw, bw = cols.has_lo, cols.has_hi
        ks = np.arange(m, dtype=np.int64)
        # A PART_OF whole that lasts also ends its part: end(part) -> end(whole).
        part = (code == arrays.CODE[Relation.PART_OF]) & (ev_end[tgt] != tgt)
        n_nodes = n + n_end
        self._e_u = _ints(np.concatenate([u[fw], v[bw], ev_end[src[part]], lasting]))
        self._e_v = _ints(
            np.concatenate([v[fw], u[bw], ev_end[tgt[part]], ev_end[lasting]])
        )
        self._e_w = _ints(
            np.concatenate(
                [
                    cols.lo[fw],
                    -cols.hi[bw],
                    np.zeros(int(part.sum()) + n_end, dtype=np.int64),
                ]
            )
        )
        self._e_link = _ints(
            np.concatenate(
                [ks[fw], ks[bw], ks[part], np.full(n_end, _NO_LINK, dtype=np.int64)]
            )
        )
        del u, v, fw, bw, ks, part, ev_end
        start_lo, start_hi = arrays.own_days(list(map(_WHEN, events)))
        end_lo, end_hi = arrays.own_days([w for w in ends if w is not None])
        del ends
        self._base_lo = _ints(np.concatenate([start_lo, end_lo]))
        self._base_hi = _ints(np.concatenate([start_hi, end_hi]))
        del start_lo, start_hi, end_lo, end_hi
        e_u, e_v, e_w = _view(self._e_u), _view(self._e_v), _view(self._e_w)
        self._csr_nodes = n_nodes
        ptr, idx = arrays.csr(n_nodes, e_u)
        self._out_ptr, self._out_idx = _ints(ptr), _ints(idx)
        del ptr, idx
        ptr, idx = arrays.csr(n_nodes, e_v)
        self._in_ptr, self._in_idx = _ints(ptr), _ints(idx)
        del ptr, idx
        order = arrays.topological_order(n_nodes, e_u, e_v)
        if order is None:
            # Causal links are edges of G too: only a cyclic G can hide a causal cycle.
            self._check_causal_cycles(n, src, tgt, code)
            self._lo, self._hi = array("q", self._base_lo), array("q", self._base_hi)
            self._pred_lo = _ints(np.full(n_nodes, OWN, dtype=np.int64))
            self._pred_hi = _ints(np.full(n_nodes, OWN, dtype=np.int64))
            del src, tgt, code, e_u, e_v, e_w, cols  # views: the arrays must grow
            self._propagate_general()
        else:
            found = arrays.propagate_dag(
                order, e_u, e_v, e_w, _view(self._base_lo), _view(self._base_hi)
            )
            del order, src, tgt, code, e_u, e_v, e_w, cols
            self._lo, self._hi = _ints(found[0]), _ints(found[1])
            self._pred_lo, self._pred_hi = _ints(found[2]), _ints(found[3])
            del found
        lo, hi = _view(self._lo), _view(self._hi)
        clashes = np.flatnonzero((lo > hi) | (lo > MAX_DAY) | (hi < MIN_DAY))
        del lo, hi  # views: the arrays must be free to grow again
        if len(clashes):
            self._check_bounds(clashes[:64].tolist())

    def _check_causal_cycles(self, n: int, src: Any, tgt: Any, code: Any) -> None:
        """Raise CausalCycleError if the causal links alone run in a circle."""
        causal = arrays.CAUSAL[code]
        if causal.any() and (
            arrays.topological_order(n, src[causal], tgt[causal]) is None
        ):
            cycle = arrays.find_cycle(n, src[causal], tgt[causal])
            raise self._causal_cycle(cycle)

    def _distinct_links(self) -> Any:
        """Drop repeated links (equal ones): several different links may join a pair."""
        first: dict[Link, int] = {}
        for k, link in enumerate(self._links):
            first.setdefault(link, k)
        keep = sorted(first.values())
        self._links = [self._links[k] for k in keep]
        return np.array(keep, dtype=np.int64)

    def _causal_cycle(
        self, cycle: list[int], extra: Link | None = None
    ) -> CausalCycleError:
        """A CausalCycleError for the events around a causal cycle, in causal order."""
        events = [self._events[i] for i in cycle]
        ids = [e.id for e in events]
        links = [
            self._causal_link(a, b, extra)
            for a, b in zip(ids, ids[1:] + ids[:1], strict=True)
        ]
        return CausalCycleError(ids, links, wording.causal_cycle_text(events, links))

    def _causal_link(self, a: str, b: str, extra: Link | None) -> Link:
        if extra is not None and (extra.source, extra.target) == (a, b):
            return extra
        candidates = self.links_of(a) if self._built else self._links
        found = [
            link
            for link in candidates
            if link.relation.is_causal and link.source == a and link.target == b
        ]
        return min(found, key=lambda link: link.relation.value)

    def _propagate_general(self) -> None:
        """
        A queue-based Bellman-Ford whose first pass follows a topological order of
        the edges of weight >= 0 (a depth-first order where those edges cycle), each
        way, so that a chain is settled in a pass or two however its events are
        listed; a positive cycle raises ChronologyConflict.
        """
        n = len(self._lo)
        forward = self._depth_first_order(self.out_edges, self._e_v)
        self._relax_lo(forward, hops_limit=n)
        backward = self._depth_first_order(self.in_edges, self._e_u)
        self._relax_hi(backward)

    def _depth_first_order(self, edges_of: Any, head: array[int]) -> list[int]:
        """
        Every node, in reverse postorder of a depth-first walk along the edges of
        weight >= 0 that `edges_of` gives: a topological order of those edges when
        they form no cycle.
        """
        n = len(self._lo)
        seen = bytearray(n)
        post: list[int] = []
        weight = self._e_w
        for root in range(n):
            if seen[root]:
                continue
            seen[root] = 1
            stack = [(root, iter(edges_of(root)))]
            while stack:
                node, it = stack[-1]
                for e in it:
                    nxt = head[e]
                    if not seen[nxt] and weight[e] >= 0:
                        seen[nxt] = 1
                        stack.append((nxt, iter(edges_of(nxt))))
                        break
                else:
                    stack.pop()
                    post.append(node)
        post.reverse()
        return post

    def _append_edge(self, u: int, v: int, w: int, k: int) -> int:
        e = len(self._e_u)
        self._e_u.append(u)
        self._e_v.append(v)
        self._e_w.append(w)
        self._e_link.append(k)
        self._out_extra.setdefault(u, []).append(e)
        self._in_extra.setdefault(v, []).append(e)
        return e

    # -- propagation waves --------------------------------------------------------

    def _set(self, arr: Any, i: int, value: Any) -> None:
        if self._log is not None:
            self._log.append((arr, i, arr[i]))
        arr[i] = value

    def _relax_lo(
        self, start: Iterable[int], *, guard: int = -1, hops_limit: int = 0
    ) -> None:
        """
        Raise earliest days from the nodes in `start` until nothing changes.

        `guard` is a node whose earliest day must not rise (the tail of a new edge:
        if it does, the new edge closes a positive cycle); `hops_limit` > 0 bounds
        the edges in a chain instead, for whole-graph runs.
        """
        lo, hi, pred_lo = self._lo, self._hi, self._pred_lo
        e_v, e_w, out = self._e_v, self._e_w, self.out_edges
        queue = deque(start)
        queued = set(queue)
        hops: dict[int, int] = {}
        while queue:
            u = queue.popleft()
            queued.discard(u)
            lu = lo[u]
            if _clash(lu, hi[u]):
                raise self._conflict(u)
            for e in out(u):
                v = e_v[e]
                if lu + e_w[e] > lo[v]:
                    self._set(lo, v, lu + e_w[e])
                    self._set(pred_lo, v, e)
                    if v == guard:
                        raise self._positive_cycle(v)
                    if hops_limit:
                        hops[v] = hops.get(u, 0) + 1
                        if hops[v] > hops_limit:
                            raise self._positive_cycle(v)
                    if _clash(lo[v], hi[v]):
                        raise self._conflict(v)
                    if v not in queued:
                        queued.add(v)
                        queue.append(v)

    def _relax_hi(self, start: Iterable[int]) -> None:
        """Lower latest days from the nodes in `start` (no positive cycle is left)."""
        lo, hi, pred_hi = self._lo, self._hi, self._pred_hi
        e_u, e_w, in_ = self._e_u, self._e_w, self.in_edges
        queue = deque(start)
        queued = set(queue)
        while queue:
            v = queue.popleft()
            queued.discard(v)
            hv = hi[v]
            for e in in_(v):
                u = e_u[e]
                if hv - e_w[e] < hi[u]:
                    self._set(hi, u, hv - e_w[e])
                    self._set(pred_hi, u, e)
                    if _clash(lo[u], hi[u]):
                        raise self._conflict(u)
                    if u not in queued:
                        queued.add(u)
                        queue.append(u)

    def _check_bounds(self, nodes: Iterable[int]) -> None:
        bad = [i for i in nodes if _clash(self._lo[i], self._hi[i])]
        if bad:
            # Explain the smallest contradiction, preferring an event whose own date
            # is what the links contradict (the effect dated before its cause).
            ranked = [
                (_conflict_size(c), self._pred_hi[i] != OWN, c)
                for i in bad[:64]
                for c in [self._conflict(i)]
            ]
            raise min(ranked, key=lambda r: (r[0][:2], r[1], r[0][2]))[2]

    # -- incremental changes -------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[Network]:
        """
        Apply changes as one step: all of them, or (on any error) none.

        >>> net = Network([Event("a", "A", when="2025-01-02"), Event("b", "B", when="2025-01-01")])
        >>> try:
        ...     with net.transaction():
        ...         net.add_link(Link("a", "b", "before"))
        ... except Exception as error:
        ...     print(type(error).__name__, net.link_count())
        ChronologyConflict 0
        """
        mark = self._begin()
        try:
            yield self
        except BaseException:
            self._rollback(mark)
            raise
        self._log = None

    def _begin(self) -> tuple[int, int, int, int]:
        self._log = []
        return (len(self._events), len(self._links), len(self._e_u), len(self._lo))

    def _rollback(self, mark: tuple[int, int, int, int]) -> None:
        log = self._log or []
        for arr, i, old in reversed(log):
            arr[i] = old
        self._log = None
        n, m, edges, nodes = mark
        for e in range(len(self._e_u) - 1, edges - 1, -1):
            for extra, end in (
                (self._out_extra, self._e_u[e]),
                (self._in_extra, self._e_v[e]),
            ):
                bucket = extra.get(end)
                if bucket:
                    bucket.pop()
                    if not bucket:
                        del extra[end]
        for arr in (self._e_u, self._e_v, self._e_w, self._e_link):
            del arr[edges:]
        for event in self._events[n:]:
            self._index.pop(event.id, None)
        del self._events[n:]
        del self._ev_start[n:]
        del self._ev_end[n:]
        for arr in (
            self._base_lo,
            self._base_hi,
            self._lo,
            self._hi,
            self._pred_lo,
            self._pred_hi,
            self._node_event_of,
        ):
            del arr[nodes:]
        del self._node_is_end[nodes:]
        del self._links[m:]
        for arr in (self._link_src, self._link_tgt, self._link_code, self._link_order):
            del arr[m:]

    def _add_node(self, i: int, when: When, *, end: bool) -> int:
        node = len(self._lo)
        lo, hi = _days(when)
        for arr, value in (
            (self._base_lo, lo),
            (self._base_hi, hi),
            (self._lo, lo),
            (self._hi, hi),
            (self._pred_lo, OWN),
            (self._pred_hi, OWN),
            (self._node_event_of, i),
        ):
            arr.append(value)
        self._node_is_end.append(1 if end else 0)
        return node

    def add_event(self, event: Event) -> None:
        """
        Add an event with no links, inside a `transaction`.

        Raises:
            DuplicateEventError: an event with this id is already there.
        """
        if event.id in self._index:
            raise DuplicateEventError(event.id, "the id is taken")
        i = len(self._events)
        self._events.append(event)
        self._index[event.id] = i
        start = self._add_node(i, event.when, end=False)
        self._ev_start.append(start)
        if event.ends is None:
            self._ev_end.append(start)
            return
        end = self._add_node(i, event.ends, end=True)
        self._ev_end.append(end)
        self._insert_edge(start, end, 0, _NO_LINK)

    def add_link(self, link: Link) -> None:
        """
        Add a link inside a `transaction`, propagating only what it touches.

        Raises:
            UnknownEventError: an end of the link is not in the network.
            CausalCycleError: the link closes a causal cycle.
            ChronologyConflict: the link contradicts the dates and other links.
        """
        s, t = self._node_event(link.source), self._node_event(link.target)
        if link.relation.is_causal:
            path = self._causal_path(s, t)
            if path is not None:
                raise self._causal_cycle([s, *path[:-1]], extra=link)
        k = len(self._links)
        self._links.append(link)
        self._link_src.append(s)
        self._link_tgt.append(t)
        self._link_code.append(arrays.CODE[link.relation])
        self._link_order.append(1 if _ordering(link) else 0)
        u = self._ev_end[s] if link.source_point is Point.END else self._ev_start[s]
        v = self._ev_end[t] if link.target_point is Point.END else self._ev_start[t]
        for forward, w in link_edges(link):
            self._insert_edge(u, v, w, k) if forward else self._insert_edge(v, u, w, k)
        if link.relation is Relation.PART_OF and self._ev_end[t] != self._ev_start[t]:
            self._insert_edge(self._ev_end[s], self._ev_end[t], 0, k)

    def _insert_edge(self, u: int, v: int, w: int, k: int) -> None:
        e = self._append_edge(u, v, w, k)
        if self._lo[u] + w > self._lo[v]:
            self._set(self._lo, v, self._lo[u] + w)
            self._set(self._pred_lo, v, e)
            if _clash(self._lo[v], self._hi[v]):
                raise self._conflict(v)
            self._relax_lo([v], guard=u)
        if self._hi[v] - w < self._hi[u]:
            self._set(self._hi, u, self._hi[v] - w)
            self._set(self._pred_hi, u, e)
            if _clash(self._lo[u], self._hi[u]):
                raise self._conflict(u)
            self._relax_hi([u])

    def narrow(self, id: str, when: When) -> None:
        """
        Replace an event's own start date with one inside it, inside a `transaction`.

        Raises:
            ValidationError: the new date is not within the old one.
            ChronologyConflict: the new date contradicts the links.
        """
        i = self._node_event(id)
        node = self._ev_start[i]
        old = self._events[i]
        lo, hi = _days(when)
        old_lo, old_hi = _days(old.when)
        if lo < old_lo or hi > old_hi:
            msg = "narrow() takes a date within the old one"
            raise ValidationError("when", when, msg)
        self._set(self._events, i, attrs.evolve(old, when=when))
        self._set(self._base_lo, node, lo)
        self._set(self._base_hi, node, hi)
        if lo > self._lo[node]:
            self._set(self._lo, node, lo)
            self._set(self._pred_lo, node, OWN)
            if _clash(lo, self._hi[node]):
                raise self._conflict(node)
            self._relax_lo([node])
        if hi < self._hi[node]:
            self._set(self._hi, node, hi)
            self._set(self._pred_hi, node, OWN)
            if _clash(self._lo[node], hi):
                raise self._conflict(node)
            self._relax_hi([node])

    # -- causal reachability ---------------------------------------------------------

    def _causal_path(self, s: int, t: int) -> list[int] | None:
        """
        The events of a causal path from event `t` back to event `s` (both included),
        or None: a new causal link s -> t would close it into a cycle.

        An event on such a path starts no earlier than `t` and no later than `s`,
        so events whose bounds say otherwise are never explored.
        """
        if s == t:
            return [t]
        start, goal = self._ev_start[t], self._ev_start[s]
        lo_goal, hi_goal = self._lo[goal], self._hi[goal]
        parent = {start: -1}
        stack = [start]
        e_v, e_link, links, lo, hi = (
            self._e_v,
            self._e_link,
            self._links,
            self._lo,
            self._hi,
        )
        while stack:
            u = stack.pop()
            for e in self.out_edges(u):
                k = e_link[e]
                if k == _NO_LINK:
                    continue
                link = links[k]
                v = e_v[e]
                if v in parent or not link.relation.is_causal:
                    continue
                if self._ev_start[self._index[link.source]] != u:
                    continue
                if lo[v] > lo_goal or hi[v] > hi_goal:
                    continue
                parent[v] = u
                if v == goal:
                    path = [v]
                    while parent[path[-1]] != -1:
                        path.append(parent[path[-1]])
                    return [self._node_event_of[x] for x in path[::-1]]
                stack.append(v)
        return None

    # -- explanations ----------------------------------------------------------------

    def _lo_chain(self, i: int) -> Chain:
        edges: list[int] = []
        seen = {i}
        while self._pred_lo[i] != OWN:
            e = self._pred_lo[i]
            edges.append(e)
            i = self._e_u[e]
            if i in seen:  # pragma: no cover - only a positive cycle loops
                break
            seen.add(i)
        edges.reverse()
        value = self._base_lo[i] + sum(self._e_w[e] for e in edges)
        return Chain(i, tuple(edges), value)

    def _hi_chain(self, i: int) -> Chain:
        edges: list[int] = []
        seen = {i}
        while self._pred_hi[i] != OWN:
            e = self._pred_hi[i]
            edges.append(e)
            i = self._e_v[e]
            if i in seen:  # pragma: no cover - only a positive cycle loops
                break
            seen.add(i)
        edges.reverse()  # from the origin back towards the bounded node
        value = self._base_hi[i] - sum(self._e_w[e] for e in edges)
        return Chain(i, tuple(edges), value)

    def _conflict(self, node: int) -> ChronologyConflict:
        """Why a point can have no day: its earliest and latest chains."""
        low, high = self._lo_chain(node), self._hi_chain(node)
        edges = [*low.edges, *reversed(high.edges)]
        links = list(
            dict.fromkeys(
                self._links[self._e_link[e]]
                for e in edges
                if self._e_link[e] != _NO_LINK
            )
        )
        ids = list(
            dict.fromkeys(
                [
                    self.event_of(low.origin).id,
                    *(self.event_of(self._e_v[e]).id for e in low.edges),
                    *(self.event_of(self._e_u[e]).id for e in reversed(high.edges)),
                    self.event_of(high.origin).id,
                ]
            )
        )
        text = wording.conflict_text(self, node, low, high)
        return ChronologyConflict(text, ids, links)

    def _positive_cycle(self, start: int) -> ChronologyConflict:
        """The links around a cycle of `pred_lo` through `start`, as a conflict."""
        edges: list[int] = []
        seen: dict[int, int] = {}
        i = start
        while i not in seen:
            seen[i] = len(edges)
            e = self._pred_lo[i]
            edges.append(e)
            i = self._e_u[e]
        cycle = edges[seen[i] :]
        cycle.reverse()
        links = list(
            dict.fromkeys(
                self._links[self._e_link[e]]
                for e in cycle
                if self._e_link[e] != _NO_LINK
            )
        )
        ids = list(dict.fromkeys(self.event_of(self._e_u[e]).id for e in cycle))
        return ChronologyConflict(wording.positive_cycle_text(self, cycle), ids, links)

    # -- a batch ---------------------------------------------------------------------

    @staticmethod
    def diagnose(
        events: Sequence[Event], links: Sequence[Link]
    ) -> list[ChronologyConflict]:
        """
        The conflicts of a batch of distinct events and links among them.

        The whole batch is built at once; only if that fails are the links added one
        at a time, each that cannot hold giving its conflict and being left out,
        so the cost is one build plus one propagation per link, not one build per
        conflict.
        """
        try:
            Network(events, links)
        except ChronologyConflict:
            pass
        else:
            return []
        net = Network(events)
        found: list[ChronologyConflict] = []
        for link in dict.fromkeys(links):
            try:
                with net.transaction():
                    net.add_link(link)
            except ChronologyConflict as conflict:
                found.append(conflict)
        return found


def _conflict_size(conflict: ChronologyConflict) -> tuple[int, int, str]:
    return (len(conflict.links), len(conflict.events), conflict.explanation)


def _ints(values: Any) -> array[int]:
    """A compact, growable array of 64-bit ints from a numpy array."""
    out = array("q")
    out.frombytes(np.ascontiguousarray(values, dtype=np.int64).data.cast("B"))
    return out


def _view(values: array[int]) -> Any:
    """A numpy view of an int array, without a copy (drop it before growing)."""
    return np.frombuffer(values, dtype=np.int64)


def _distinct_events(events: Iterable[Event]) -> tuple[list[Event], dict[str, int]]:
    """
    The events, each id once, and the index of each id; equal repeats are dropped,
    different ones raise.
    """
    items = list(events)
    if any(t is not Event for t in set(map(type, items))):
        bad = next(e for e in items if not isinstance(e, Event))
        msg = f"expected an Event, got {type(bad).__name__}"
        raise ValidationError("events", bad, msg)
    index = dict(zip(map(_ID, items), range(len(items)), strict=True))
    if len(index) == len(items):
        return items, index
    by_id: dict[str, Event] = {}
    for event in items:
        first = by_id.setdefault(event.id, event)
        if first is not event and first != event:
            raise DuplicateEventError(event.id, wording.difference(first, event))
    unique = list(by_id.values())
    return unique, {e.id: i for i, e in enumerate(unique)}


def _days(when: When) -> tuple[int, int]:
    lo = -FAR if when.earliest is None else when.earliest.toordinal()
    hi = FAR if when.latest is None else when.latest.toordinal()
    return lo, hi


def _date(ordinal: int) -> datetime.date:
    return datetime.date.fromordinal(ordinal)
