"""
The constraint engine: date bounds propagated over links (a simple temporal network).

Each event's start day is a variable, a day ordinal bounded by the event's `When`.
Each link bounds the difference between two start days (`Link.gap`); a ``PART_OF``
link also keeps its source within the target's span. Propagation finds the tightest
bounds that every date and link together imply, or the chain of dates and links that
cannot all hold. `Timeline` keeps one `Network` and never lets it become inconsistent.

The constraints form a graph ``G``: an edge ``u -> v`` of weight ``w`` says
``S(v) >= S(u) + w``. A link with gap ``[a, b]`` gives the edge ``source -> target``
of weight ``a`` and, when ``b`` is bounded, ``target -> source`` of weight ``-b``.
The earliest day of an event is then the longest path into it (from its own earliest
day or another's), the latest day the shortest way back from a latest day, and the
network is consistent exactly when ``G`` has no cycle of positive weight and no event
ends up with its earliest day after its latest.

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
from collections.abc import Iterable
from typing import Any, Final, TypeVar, final

import attrs
import numpy as np

from . import _bulk
from .errors import (
    CausalCycleError,
    ChronologyConflict,
    DuplicateEventError,
    UnknownEventError,
    ValidationError,
)
from .event import Event
from .link import Link, Point, Relation
from .when import When

__all__ = ["FAR", "MAX_DAY", "MIN_DAY", "Network", "describe_link", "link_edges"]

MIN_DAY: Final = datetime.date.min.toordinal()
"""The ordinal of 0001-01-01: no event can start earlier."""
MAX_DAY: Final = datetime.date.max.toordinal()
"""The ordinal of 9999-12-31: no event can start later."""
FAR: Final = _bulk.FAR
"""Stands for an open side: far beyond any day, yet safe to add gaps to."""

_OWN: Final = -1  # a bound that comes from the event's own date
_T = TypeVar("_T")
_ID = operator.attrgetter("id")


def link_edges(link: Link) -> list[tuple[bool, int]]:
    """
    The edges of ``G`` a link gives: (forward, weight) pairs.

    A forward edge runs from the link's source to its target.

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


def _end_of(event: Event) -> int | None:
    """
    The last day a PART_OF link's source may start on: the latest end of the whole.

    A whole without `ends` has an unknown end, which bounds nothing. (Reading its
    own date as its span would make narrowing that date to what the links already
    imply a new constraint, and propagation would no longer be idempotent.)
    """
    ends = event.ends
    return None if ends is None or ends.latest is None else ends.latest.toordinal()


def _clash(lo: int, hi: int) -> bool:
    """True when no calendar day lies between an earliest and a latest day."""
    return lo > hi or lo > MAX_DAY or hi < MIN_DAY


def _day(ordinal: int) -> str:
    if ordinal > MAX_DAY:
        return f"{_days(ordinal - MAX_DAY)} after 9999-12-31"
    if ordinal < MIN_DAY:
        return f"{_days(MIN_DAY - ordinal)} before 0001-01-01"
    return datetime.date.fromordinal(ordinal).isoformat()


def _days(n: int) -> str:
    return f"{n} day" if n == 1 else f"{n} days"


def _name(event: Event) -> str:
    return f"{event.title} ({event.id})"


def _dated(when: When) -> str:
    if when.earliest is not None and when.earliest == when.latest:
        return f"on {when}"
    return f"dated {when}"


_PASSIVE: Final = {
    Relation.CAUSED: "was caused by",
    Relation.PROMPTED: "was prompted by",
    Relation.ENABLED: "was made possible by",
    Relation.BEFORE: "comes after",
    Relation.SAME_DAY: "happened the same day as",
    Relation.PART_OF: "contains",
}


@final
@attrs.frozen
class _Chain:
    """The justification of one bound: an origin and the edges from it."""

    origin: int  # the node whose own date (or PART_OF end) starts the chain
    edges: tuple[int, ...]  # edge ids, from the origin towards the bounded node
    value: int  # the bound the chain implies
    part_of: int  # link id of a PART_OF end that starts the chain, or -1


@final
class Network:
    """
    Start days of events as variables, links as bounds on their differences.

    Build it from events and links (all at once, `Network(events, links)`), then add
    nodes, links and narrower dates one at a time; each change either keeps the
    network consistent or raises and is undone. Removing anything means building
    again.

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
        self.events, self.index = _distinct_events(events)
        self.links: list[Link] = list(links)
        self._log: list[tuple[Any, int, Any]] | None = None
        self._out_extra: dict[int, list[int]] = {}
        self._in_extra: dict[int, list[int]] = {}
        self._csr_nodes = 0  # nodes covered by the CSR index built with the network
        self.link_src = self.link_tgt = self.link_code = array("q")
        self._built = False
        self._build()
        self._built = True

    # -- reading ---------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self.events)

    def node(self, id: str) -> int:
        """The index of an event, by id."""
        try:
            return self.index[id]
        except KeyError:
            raise UnknownEventError(id, self.index) from None

    def day_bounds(self, id: str) -> tuple[int, int]:
        """The inferred (earliest, latest) day ordinals of an event."""
        i = self.node(id)
        return self.lo[i], self.hi[i]

    def bounds(self, id: str) -> When:
        """
        The inferred date of an event: its own date narrowed by every link.

        Sides that nothing bounds stay open; the own date's approximate and
        uncertain flags are kept; an unchanged date is returned as it is.
        """
        i = self.node(id)
        return self._when(i)

    def _when(self, i: int) -> When:
        own = self.events[i].when
        lo, hi = self.lo[i], self.hi[i]
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

    def out_edges(self, i: int) -> list[int]:
        """The ids of the edges of ``G`` that leave node ``i``."""
        found = (
            self._out_idx[self._out_ptr[i] : self._out_ptr[i + 1]].tolist()
            if i < self._csr_nodes
            else []
        )
        extra = self._out_extra.get(i)
        return found + extra if extra else found

    def in_edges(self, i: int) -> list[int]:
        """The ids of the edges of ``G`` that enter node ``i``."""
        found = (
            self._in_idx[self._in_ptr[i] : self._in_ptr[i + 1]].tolist()
            if i < self._csr_nodes
            else []
        )
        extra = self._in_extra.get(i)
        return found + extra if extra else found

    # -- building ------------------------------------------------------------------

    def _build(self) -> None:
        n, links = len(self.events), self.links
        index = self.index
        for link in links:
            _start_points_only(link)
        try:
            columns = _bulk.link_columns(links, index)
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
        src, tgt, code, gap_lo, has_lo, gap_hi, has_hi = columns
        del columns
        if len(links) > 1:
            key = (src * n + tgt) * len(_bulk.RELATIONS) + code
            key.sort()
            repeated = bool((key[1:] == key[:-1]).any())
            del key
            if repeated:
                keep = self._distinct_links()
                src, tgt, code = src[keep], tgt[keep], code[keep]
                gap_lo, has_lo = gap_lo[keep], has_lo[keep]
                gap_hi, has_hi = gap_hi[keep], has_hi[keep]
        m = len(self.links)
        # Every array is stored once, compactly; numpy works on views of it, and
        # temporaries are dropped as soon as they are used (memory peaks matter at
        # a million events).
        self.link_src, self.link_tgt = _ints(src), _ints(tgt)
        self.link_code = _ints(code)
        src, tgt = _view(self.link_src), _view(self.link_tgt)
        code = _view(self.link_code)
        fw, bw = has_lo.astype(bool), has_hi.astype(bool)
        del has_lo, has_hi
        ks = np.arange(m, dtype=np.int64)
        self.e_u = _ints(np.concatenate([src[fw], tgt[bw]]))
        self.e_v = _ints(np.concatenate([tgt[fw], src[bw]]))
        self.e_w = _ints(np.concatenate([gap_lo[fw], -gap_hi[bw]]))
        self.e_link = _ints(np.concatenate([ks[fw], ks[bw]]))
        del ks, fw, bw, gap_lo, gap_hi
        e_u, e_v, e_w = _view(self.e_u), _view(self.e_v), _view(self.e_w)
        base_lo, base_hi = _bulk.own_days(self.events)
        base_hi_link = np.full(n, _OWN, dtype=np.int64)
        for j in np.flatnonzero(code == _bulk.CODE[Relation.PART_OF]).tolist():
            part, whole = int(src[j]), int(tgt[j])
            last = _end_of(self.events[whole])
            if last is not None and last < base_hi[part]:
                base_hi[part] = last
                base_hi_link[part] = j
        self.base_lo, self.base_hi = _ints(base_lo), _ints(base_hi)
        self.base_hi_link = _ints(base_hi_link)
        del base_lo, base_hi, base_hi_link
        self._csr_nodes = n
        ptr, idx = _bulk.csr(n, e_u)
        self._out_ptr, self._out_idx = _ints(ptr), _ints(idx)
        del ptr, idx
        ptr, idx = _bulk.csr(n, e_v)
        self._in_ptr, self._in_idx = _ints(ptr), _ints(idx)
        del ptr, idx
        order = _bulk.topological_order(n, e_u, e_v)
        if order is None:
            # Causal links are edges of G too: only a cyclic G can hide a causal cycle.
            self._check_causal_cycles(n, src, tgt, code)
            self.lo, self.hi = array("q", self.base_lo), array("q", self.base_hi)
            self.pred_lo = _ints(np.full(n, _OWN, dtype=np.int64))
            self.pred_hi = _ints(np.full(n, _OWN, dtype=np.int64))
            del src, tgt, code, e_u, e_v, e_w  # views: the arrays must stay growable
            self._propagate_general()
        else:
            found = _bulk.propagate_dag(
                order, e_u, e_v, e_w, _view(self.base_lo), _view(self.base_hi)
            )
            del order, src, tgt, code, e_u, e_v, e_w
            self.lo, self.hi = _ints(found[0]), _ints(found[1])
            self.pred_lo, self.pred_hi = _ints(found[2]), _ints(found[3])
            del found
        lo, hi = _view(self.lo), _view(self.hi)
        clashes = np.flatnonzero((lo > hi) | (lo > MAX_DAY) | (hi < MIN_DAY))
        del lo, hi  # views: the arrays must be free to grow again
        if len(clashes):
            self._check_bounds(clashes[:64].tolist())

    def _check_causal_cycles(self, n: int, src: Any, tgt: Any, code: Any) -> None:
        """Raise CausalCycleError if the causal links alone run in a circle."""
        causal = _bulk.CAUSAL[code]
        if causal.any() and (
            _bulk.topological_order(n, src[causal], tgt[causal]) is None
        ):
            cycle = _bulk.find_cycle(n, src[causal], tgt[causal])
            raise self._causal_cycle(cycle)

    def _distinct_links(self) -> Any:
        """Drop repeated links (equal ones); raise on a key linked two ways."""
        seen: dict[tuple[str, str, Relation], Link] = {}
        for link in self.links:
            earlier = seen.setdefault(link.key, link)
            if earlier is not link and earlier != link:
                msg = (
                    f"{link.source} and {link.target} are linked twice by "
                    f"{link.relation.name} with different fields"
                )
                raise ValidationError("links", link.key, msg)
        first: dict[tuple[str, str, Relation], int] = {}
        for k, link in enumerate(self.links):
            first.setdefault(link.key, k)
        keep = sorted(first.values())
        self.links = [self.links[k] for k in keep]
        return np.array(keep, dtype=np.int64)

    def _causal_cycle(
        self, cycle: list[int], extra: Link | None = None
    ) -> CausalCycleError:
        """A CausalCycleError for the nodes around a causal cycle, in causal order."""
        ids = [self.events[i].id for i in cycle]
        links = [
            self._causal_link(a, b, extra)
            for a, b in zip(ids, ids[1:] + ids[:1], strict=True)
        ]
        steps = "; ".join(
            f"{_name(self.events[self.index[link.source]])} {link.relation.phrase} "
            f"{_name(self.events[self.index[link.target]])}"
            for link in links
        )
        path = " -> ".join([*ids, ids[0]])
        text = f"causal links form a cycle: {path} ({steps})"
        return CausalCycleError(ids, links, text)

    def _causal_link(self, a: str, b: str, extra: Link | None) -> Link:
        if extra is not None and (extra.source, extra.target) == (a, b):
            return extra
        candidates = (
            [self.links[self.e_link[e]] for e in self.out_edges(self.index[a])]
            if self._built
            else self.links
        )
        found = [
            link
            for link in candidates
            if link.relation.is_causal and link.source == a and link.target == b
        ]
        return min(found, key=lambda link: link.relation.value)

    def _propagate_general(self) -> None:
        """Bellman-Ford with a queue; a positive cycle raises ChronologyConflict."""
        n = len(self.events)
        self._relax_lo(range(n), hops_limit=n)
        self._relax_hi(range(n))

    def _append_edge(self, u: int, v: int, w: int, k: int) -> int:
        e = len(self.e_u)
        self.e_u.append(u)
        self.e_v.append(v)
        self.e_w.append(w)
        self.e_link.append(k)
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
        lo, hi, pred_lo = self.lo, self.hi, self.pred_lo
        e_v, e_w, out = self.e_v, self.e_w, self.out_edges
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
        lo, hi, pred_hi = self.lo, self.hi, self.pred_hi
        e_u, e_w, in_ = self.e_u, self.e_w, self.in_edges
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
        bad = [i for i in nodes if _clash(self.lo[i], self.hi[i])]
        if bad:
            # Explain the smallest contradiction, preferring an event whose own date
            # is what the links contradict (the effect dated before its cause).
            ranked = [
                (_conflict_size(c), self.pred_hi[i] != _OWN, c)
                for i in bad[:64]
                for c in [self._conflict(i)]
            ]
            raise min(ranked, key=lambda r: (r[0][:2], r[1], r[0][2]))[2]

    # -- incremental changes -------------------------------------------------------

    def begin(self) -> tuple[int, int, int, int]:
        """Start recording changes so that `rollback` can undo them."""
        self._log = []
        return (len(self.events), len(self.links), len(self.e_u), 0)

    def commit(self) -> None:
        """Keep the changes made since `begin`."""
        self._log = None

    def rollback(self, mark: tuple[int, int, int, int]) -> None:
        """Undo every change made since `begin`."""
        log = self._log or []
        for arr, i, old in reversed(log):
            arr[i] = old
        self._log = None
        n, m, edges, _ = mark
        for e in range(len(self.e_u) - 1, edges - 1, -1):
            for extra, end in (
                (self._out_extra, self.e_u[e]),
                (self._in_extra, self.e_v[e]),
            ):
                extra[end].pop()
                if not extra[end]:
                    del extra[end]
        for arr in (self.e_u, self.e_v, self.e_w, self.e_link):
            del arr[edges:]
        for event in self.events[n:]:
            del self.index[event.id]
        del self.events[n:]
        for arr in (self.base_lo, self.base_hi, self.base_hi_link, self.lo, self.hi):
            del arr[n:]
        del self.pred_lo[n:]
        del self.pred_hi[n:]
        del self.links[m:]
        for arr in (self.link_src, self.link_tgt, self.link_code):
            del arr[m:]

    def add_node(self, event: Event) -> int:
        """Add an event with no links (always consistent); its index."""
        i = len(self.events)
        self.events.append(event)
        self.index[event.id] = i
        lo, hi = _own_days(event)
        for arr, value in (
            (self.base_lo, lo),
            (self.base_hi, hi),
            (self.base_hi_link, _OWN),
            (self.lo, lo),
            (self.hi, hi),
            (self.pred_lo, _OWN),
            (self.pred_hi, _OWN),
        ):
            arr.append(value)
        return i

    def add_link(self, link: Link) -> None:
        """
        Add a link and propagate only what it touches.

        Call it between `begin` and `commit`; on an error, `rollback`.

        Raises:
            UnknownEventError: an end of the link is not in the network.
            CausalCycleError: the link closes a causal cycle.
            ChronologyConflict: the link contradicts the dates and other links.
        """
        _start_points_only(link)
        s, t = self.node(link.source), self.node(link.target)
        if link.relation.is_causal:
            path = self._causal_path(t, s)
            if path is not None:
                raise self._causal_cycle([s, *path[:-1]], extra=link)
        k = len(self.links)
        self.links.append(link)
        self.link_src.append(s)
        self.link_tgt.append(t)
        self.link_code.append(_bulk.CODE[link.relation])
        if link.relation is Relation.PART_OF:
            end = _end_of(self.events[t])
            if end is not None and end < self.base_hi[s]:
                self._set(self.base_hi, s, end)
                self._set(self.base_hi_link, s, k)
                if end < self.hi[s]:
                    self._set(self.hi, s, end)
                    self._set(self.pred_hi, s, _OWN)
                    if _clash(self.lo[s], end):
                        raise self._conflict(s)
                    self._relax_hi([s])
        for forward, w in link_edges(link):
            u, v = (s, t) if forward else (t, s)
            e = self._append_edge(u, v, w, k)
            if self.lo[u] + w > self.lo[v]:
                self._set(self.lo, v, self.lo[u] + w)
                self._set(self.pred_lo, v, e)
                if _clash(self.lo[v], self.hi[v]):
                    raise self._conflict(v)
                self._relax_lo([v], guard=u)
            if self.hi[v] - w < self.hi[u]:
                self._set(self.hi, u, self.hi[v] - w)
                self._set(self.pred_hi, u, e)
                if _clash(self.lo[u], self.hi[u]):
                    raise self._conflict(u)
                self._relax_hi([u])

    def narrow(self, id: str, when: When) -> None:
        """
        Replace an event's own date with one inside it, propagating the change.

        Call it between `begin` and `commit`; on an error, `rollback`.
        """
        i = self.node(id)
        event = attrs.evolve(self.events[i], when=when)
        lo, hi = _own_days(event)
        if lo < self.base_lo[i] or hi > _own_days(self.events[i])[1]:
            msg = "narrow() takes a date within the old one"
            raise ValueError(msg)
        self._set(self.events, i, event)
        self._set(self.base_lo, i, lo)
        if lo > self.lo[i]:
            self._set(self.lo, i, lo)
            self._set(self.pred_lo, i, _OWN)
            if _clash(lo, self.hi[i]):
                raise self._conflict(i)
            self._relax_lo([i])
        if hi < self.base_hi[i]:
            self._set(self.base_hi, i, hi)
            self._set(self.base_hi_link, i, _OWN)
        if hi < self.hi[i]:
            self._set(self.hi, i, hi)
            self._set(self.pred_hi, i, _OWN)
            if _clash(self.lo[i], hi):
                raise self._conflict(i)
            self._relax_hi([i])

    # -- causal reachability ---------------------------------------------------------

    def _causal_path(self, start: int, goal: int) -> list[int] | None:
        """
        The nodes of a causal path from `start` to `goal` (both included), or None.

        A node on such a path starts no earlier than `start` and no later than
        `goal`, so nodes whose bounds say otherwise are never explored.
        """
        if start == goal:
            return [start]
        lo_goal, hi_goal = self.lo[goal], self.hi[goal]
        parent = {start: -1}
        stack = [start]
        e_v, e_link, out, links, lo, hi = (
            self.e_v,
            self.e_link,
            self.out_edges,
            self.links,
            self.lo,
            self.hi,
        )
        while stack:
            u = stack.pop()
            for e in out(u):
                link = links[e_link[e]]
                v = e_v[e]
                if v in parent or not link.relation.is_causal:
                    continue
                if self.index[link.source] != u:
                    continue
                if lo[v] > lo_goal or hi[v] > hi_goal:
                    continue
                parent[v] = u
                if v == goal:
                    path = [v]
                    while parent[path[-1]] != -1:
                        path.append(parent[path[-1]])
                    return path[::-1]
                stack.append(v)
        return None

    # -- explanations ----------------------------------------------------------------

    def _lo_chain(self, i: int) -> _Chain:
        edges: list[int] = []
        seen = {i}
        while self.pred_lo[i] != _OWN:
            e = self.pred_lo[i]
            edges.append(e)
            i = self.e_u[e]
            if i in seen:  # pragma: no cover - only a positive cycle loops
                break
            seen.add(i)
        edges.reverse()
        value = self.base_lo[i] + sum(self.e_w[e] for e in edges)
        return _Chain(i, tuple(edges), value, -1)

    def _hi_chain(self, i: int) -> _Chain:
        edges: list[int] = []
        seen = {i}
        while self.pred_hi[i] != _OWN:
            e = self.pred_hi[i]
            edges.append(e)
            i = self.e_v[e]
            if i in seen:  # pragma: no cover - only a positive cycle loops
                break
            seen.add(i)
        edges.reverse()  # from the origin back towards the bounded node
        value = self.base_hi[i] - sum(self.e_w[e] for e in edges)
        return _Chain(i, tuple(edges), value, self.base_hi_link[i])

    def _conflict(self, i: int) -> ChronologyConflict:
        """Why node `i` can have no start day: its earliest and latest chains."""
        low, high = self._lo_chain(i), self._hi_chain(i)
        event = self.events[i]
        edges = [*low.edges, *reversed(high.edges)]
        links = _unique(self.links[self.e_link[e]] for e in edges)
        if high.part_of != _OWN:
            links = _unique([*links, self.links[high.part_of]])
        ids = _unique(
            [
                self.events[low.origin].id,
                *(self.events[self.e_v[e]].id for e in low.edges),
                *(self.events[self.e_u[e]].id for e in reversed(high.edges)),
                self.events[high.origin].id,
            ]
        )
        if high.part_of != _OWN:
            ids = _unique([*ids, self.links[high.part_of].target])
        text = self._conflict_text(i, event, low, high)
        return ChronologyConflict(text, ids, links)

    def _conflict_text(self, i: int, event: Event, low: _Chain, high: _Chain) -> str:
        own_lo = low.origin == i and not low.edges
        own_hi = high.origin == i and not high.edges and high.part_of == _OWN
        if own_hi and len(low.edges) == 1 and self._origin_is_own_lo(low):
            e = low.edges[0]
            link = self.links[self.e_link[e]]
            origin = self.events[low.origin]
            forward = self.e_u[e] == self.index[link.source]
            if forward and not link.max_days and not link.min_days:
                verb = _PASSIVE[link.relation]
                return (
                    f"{_name(event)} is dated {event.when} but it {verb} "
                    f"{_name(origin)} {_dated(origin.when)}"
                )
        if own_lo and len(high.edges) == 1 and high.part_of == _OWN:
            e = high.edges[0]
            link = self.links[self.e_link[e]]
            origin = self.events[high.origin]
            forward = self.e_u[e] == self.index[link.source]
            if forward and not link.max_days and not link.min_days:
                return (
                    f"{_name(event)} is dated {event.when} but it "
                    f"{link.relation.phrase} {_name(origin)}, {_dated(origin.when)}"
                )
        parts = []
        if not own_lo:
            parts.append(
                f"it cannot start before {_day(low.value)}: "
                + self._chain_text(low, towards=True)
            )
        if not own_hi:
            parts.append(
                f"it cannot start after {_day(high.value)}: "
                + self._chain_text(high, towards=False)
            )
        if own_lo or own_hi:
            return f"{_name(event)} is dated {event.when} but " + "; and ".join(parts)
        return f"{_name(event)} has no possible day: " + "; and ".join(parts)

    def _origin_is_own_lo(self, chain: _Chain) -> bool:
        return self.events[chain.origin].when.earliest is not None

    def _chain_text(self, chain: _Chain, *, towards: bool) -> str:
        origin = self.events[chain.origin]
        if chain.part_of != _OWN:
            link = self.links[chain.part_of]
            whole = self.events[self.index[link.target]]
            end = whole.ends.latest if whole.ends is not None else None
            first = f"{_name(origin)} is part of {_name(whole)}, which ends by {end}"
        elif (origin.when.earliest if towards else origin.when.latest) is None:
            first = f"{_name(origin)} has no date"
        else:
            first = f"{_name(origin)} is dated {origin.when}"
        if towards:
            return "; ".join([first, *(self._edge_text(e) for e in chain.edges)])
        steps = [self._edge_text(e) for e in reversed(chain.edges)]
        return "; ".join([*steps, first])

    def _edge_text(self, e: int) -> str:
        """A link as the edge ``e`` of ``G`` uses it, in words."""
        link = self.links[self.e_link[e]]
        source = self.events[self.index[link.source]]
        return describe_link(link, source, self.events[self.index[link.target]])

    def _positive_cycle(self, start: int) -> ChronologyConflict:
        """The links around a cycle of `pred_lo` through `start`, as a conflict."""
        edges: list[int] = []
        seen: dict[int, int] = {}
        i = start
        while i not in seen:
            seen[i] = len(edges)
            e = self.pred_lo[i]
            edges.append(e)
            i = self.e_u[e]
        cycle = edges[seen[i] :]
        cycle.reverse()
        total = sum(self.e_w[e] for e in cycle)
        links = _unique(self.links[self.e_link[e]] for e in cycle)
        ids = _unique(self.events[self.e_u[e]].id for e in cycle)
        steps = "; ".join(self._edge_text(e) for e in cycle)
        names = ", ".join(_name(self.events[self.index[i]]) for i in ids)
        text = (
            f"the links among {names} cannot all hold: going round them, each "
            f"event would have to start {_days(total)} after itself ({steps})"
        )
        return ChronologyConflict(text, ids, links)


def describe_link(link: Link, source: Event, target: Event) -> str:
    """
    A link in words, naming both events and any bounds on the gap.

    >>> describe_link(Link("a", "b", "before", max_days=2), Event("a", "A"), Event("b", "B"))
    'A (a) came before B (b) (1 to 2 days earlier)'
    """
    text = f"{_name(source)} {link.relation.phrase} {_name(target)}"
    if link.relation in (Relation.SAME_DAY, Relation.PART_OF):
        return text
    lo, hi = link.gap
    if hi is not None:
        if lo == hi:
            return f"{text} ({_days(hi)} earlier)"
        return f"{text} ({lo} to {_days(hi)} earlier)"
    if lo and not (link.relation is Relation.BEFORE and lo == 1):
        return f"{text} (at least {_days(lo)} earlier)"
    return text


def _start_points_only(link: object) -> None:
    """Refuse a link on an end day: this engine has one variable per event."""
    if isinstance(link, Link) and link.points != (Point.START, Point.START):
        msg = "this engine relates start days only; end points need the interval engine"
        raise ValidationError("link", link, msg)


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
            raise DuplicateEventError(event.id, _difference(first, event))
    unique = list(by_id.values())
    return unique, {e.id: i for i, e in enumerate(unique)}


def _difference(a: Event, b: Event) -> str:
    """Which fields two events with one id disagree on, in words."""
    names = [
        f.name for f in attrs.fields(Event) if getattr(a, f.name) != getattr(b, f.name)
    ]
    return "they differ in " + ", ".join(names)


def _own_days(event: Event) -> tuple[int, int]:
    w = event.when
    lo = -FAR if w.earliest is None else w.earliest.toordinal()
    hi = FAR if w.latest is None else w.latest.toordinal()
    return lo, hi


def _date(ordinal: int) -> datetime.date:
    return datetime.date.fromordinal(ordinal)


def _unique(items: Iterable[_T]) -> list[_T]:
    seen: list[_T] = []
    for item in items:
        if item not in seen:
            seen.append(item)
    return seen
