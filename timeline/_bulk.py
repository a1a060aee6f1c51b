"""
Whole-graph steps of the constraint engine, vectorised with numpy.

Building a `Network` from a million events spends its time here: reading the dates
and link ends into arrays, checking for cycles, sorting topologically and
propagating bounds in that order. scipy, when installed, finds strongly connected
components (and with them a topological order) in C; without it a plain Kahn's
algorithm does the same work more slowly.
"""

from __future__ import annotations

import operator
from collections.abc import Sequence
from typing import TYPE_CHECKING, Final

import numpy as np

from .link import Relation

if TYPE_CHECKING:
    from numpy.typing import NDArray

    from .event import Event
    from .link import Link

    Ints = NDArray[np.int64]

FAR: Final = 2**40

# Relation codes for vectorised gaps.
RELATIONS: Final = tuple(Relation)
CODE: Final = {r: i for i, r in enumerate(RELATIONS)}
_DEFAULT_LO: Final = np.array(
    [1 if r is Relation.BEFORE else 0 for r in RELATIONS], dtype=np.int64
)
_PART_OF: Final = CODE[Relation.PART_OF]
_SAME_DAY: Final = CODE[Relation.SAME_DAY]
CAUSAL: Final = np.array([r.is_causal for r in RELATIONS])
ORDERING: Final = np.array(
    [r.is_causal or r is Relation.BEFORE for r in RELATIONS]
)  # relations that put their source first in the chronology

_when = operator.attrgetter("when")
_earliest = operator.attrgetter("earliest")
_latest = operator.attrgetter("latest")


def own_days(events: Sequence[Event]) -> tuple[Ints, Ints]:
    """Each event's own earliest and latest day ordinals (-FAR/FAR when open)."""
    whens = list(map(_when, events))
    lo = np.fromiter(
        (-FAR if d is None else d.toordinal() for d in map(_earliest, whens)),
        dtype=np.int64,
        count=len(whens),
    )
    hi = np.fromiter(
        (FAR if d is None else d.toordinal() for d in map(_latest, whens)),
        dtype=np.int64,
        count=len(whens),
    )
    return lo, hi


def link_gaps(links: Sequence[Link]) -> tuple[Ints, Ints, Ints, Ints, Ints]:
    """
    Relation codes and gap bounds of every link, as arrays.

    Returns (code, lo, has_lo, hi, has_hi): the gap S(target) - S(source) is at
    least ``lo`` where ``has_lo`` and at most ``hi`` where ``has_hi``.
    """
    m = len(links)
    code = np.fromiter((CODE[k.relation] for k in links), dtype=np.int64, count=m)
    mins = [k.min_days for k in links]
    maxs = [k.max_days for k in links]
    lo = _DEFAULT_LO[code]
    if mins.count(None) != m:
        given = np.array([-1 if x is None else x for x in mins], dtype=np.int64)
        lo = np.where(given >= 0, given, lo)
    has_lo = code != _PART_OF
    hi = np.zeros(m, dtype=np.int64)
    has_hi = (code == _PART_OF) | (code == _SAME_DAY)
    if maxs.count(None) != m:
        given = np.array([-1 if x is None else x for x in maxs], dtype=np.int64)
        hi = np.where(given >= 0, given, hi)
        has_hi |= given >= 0
    return code, lo, has_lo.astype(np.int64), hi, has_hi.astype(np.int64)


def _scc_labels(n: int, u: Ints, v: Ints) -> tuple[int, Ints] | None:
    """Strongly connected components with scipy, or None without it."""
    try:
        from scipy.sparse import csr_matrix  # type: ignore[import-untyped]
        from scipy.sparse.csgraph import (  # type: ignore[import-untyped]
            connected_components,
        )
    except ImportError:  # pragma: no cover - scipy is optional
        return None
    data = np.ones(len(u), dtype=np.int8)
    graph = csr_matrix((data, (u, v)), shape=(n, n))
    count, labels = connected_components(graph, directed=True, connection="strong")
    return int(count), labels.astype(np.int64)


def topological_order(n: int, u: Ints, v: Ints) -> Ints | None:
    """A topological order of the graph with edges ``u -> v``, or None if cyclic."""
    if len(u) == 0:
        return np.arange(n, dtype=np.int64)
    found = _scc_labels(n, u, v)
    if found is not None:
        count, labels = found
        if count < n:
            return None
        # scipy numbers the components of a DAG in reverse topological order; check
        # it (cheaply) rather than rely on it, and fall back to Kahn's algorithm.
        if bool(np.all(labels[u] > labels[v])):
            order = np.empty(n, dtype=np.int64)
            order[n - 1 - labels] = np.arange(n, dtype=np.int64)
            return order
    return _kahn(n, u, v)


def _kahn(n: int, u: Ints, v: Ints) -> Ints | None:
    indegree = np.bincount(v, minlength=n).tolist()
    ptr, idx = csr(n, u)
    targets = v[idx].tolist()
    starts = ptr.tolist()
    order = [i for i in range(n) if indegree[i] == 0]
    for x in order:  # the list grows while it is read
        for y in targets[starts[x] : starts[x + 1]]:
            indegree[y] -= 1
            if indegree[y] == 0:
                order.append(y)
    if len(order) < n:
        return None
    return np.array(order, dtype=np.int64)


def csr(n: int, keys: Ints) -> tuple[Ints, Ints]:
    """Row pointers and the positions of `keys` grouped by value (a CSR index)."""
    idx = np.argsort(keys, kind="stable").astype(np.int64)
    ptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.bincount(keys, minlength=n), out=ptr[1:])
    return ptr, idx


def find_cycle(n: int, u: Ints, v: Ints) -> list[int]:
    """The nodes of one cycle of a cyclic graph, in edge order."""
    keep = np.ones(n, dtype=bool)
    # Peel away nodes with no predecessor or no successor left: the rest has cycles.
    while True:
        live = keep[u] & keep[v]
        has_in = np.zeros(n, dtype=bool)
        has_out = np.zeros(n, dtype=bool)
        has_in[v[live]] = True
        has_out[u[live]] = True
        new = keep & has_in & has_out
        if np.array_equal(new, keep):
            break
        keep = new
    live = keep[u] & keep[v]
    pred = dict(zip(v[live].tolist(), u[live].tolist(), strict=True))
    start = int(np.flatnonzero(keep)[0])
    seen: dict[int, int] = {}
    path: list[int] = []
    i = start
    while i not in seen:
        seen[i] = len(path)
        path.append(i)
        i = pred[i]
    cycle = path[seen[i] :]
    cycle.reverse()  # predecessors were followed backwards
    return cycle


def propagate_dag(
    order: Ints,
    e_u: Ints,
    e_v: Ints,
    e_w: Ints,
    base_lo: Ints,
    base_hi: Ints,
) -> tuple[list[int], list[int], list[int], list[int]]:
    """
    Earliest and latest days by one pass each over the edges in topological order.

    Returns (lo, hi, pred_lo, pred_hi) as lists; a pred is the edge that set the
    bound, or -1 where the bound is the node's own.
    """
    n = len(order)
    position = np.empty(n, dtype=np.int64)
    position[order] = np.arange(n, dtype=np.int64)
    lo = base_lo.tolist()
    hi = base_hi.tolist()
    pred_lo = [-1] * n
    pred_hi = [-1] * n
    if len(e_u):
        forward = np.argsort(position[e_u], kind="stable")
        us, vs, ws = e_u[forward].tolist(), e_v[forward].tolist(), e_w[forward].tolist()
        for e, x, y, w in zip(forward.tolist(), us, vs, ws, strict=True):
            bound = lo[x] + w
            if bound > lo[y]:
                lo[y] = bound
                pred_lo[y] = e
        backward = np.argsort(-position[e_v], kind="stable")
        us, vs, ws = (
            e_u[backward].tolist(),
            e_v[backward].tolist(),
            e_w[backward].tolist(),
        )
        for e, x, y, w in zip(backward.tolist(), us, vs, ws, strict=True):
            bound = hi[y] - w
            if bound < hi[x]:
                hi[x] = bound
                pred_hi[x] = e
    return lo, hi, pred_lo, pred_hi


def chronological_order(
    lo: Ints, hi: Ints, ids: Sequence[str], src: Ints, tgt: Ints
) -> list[int]:
    """
    Node indices sorted by (earliest, latest, id), then fixed where a tie of equal
    bounds puts the target of an ordering link (src -> tgt) before its source.
    """
    n = len(ids)
    by_bounds = np.lexsort((hi, lo))
    slo, shi = lo[by_bounds], hi[by_bounds]
    change = np.ones(n, dtype=bool)
    change[1:] = (slo[1:] != slo[:-1]) | (shi[1:] != shi[:-1])
    starts = np.flatnonzero(change)
    sizes = np.diff(np.append(starts, n))
    perm: list[int] = by_bounds.tolist()
    key = ids.__getitem__
    for a, size in zip(
        starts[sizes > 1].tolist(), sizes[sizes > 1].tolist(), strict=True
    ):
        perm[a : a + size] = sorted(perm[a : a + size], key=key)
    if len(src) == 0:
        return perm
    position = np.empty(n, dtype=np.int64)
    position[np.array(perm, dtype=np.int64)] = np.arange(n, dtype=np.int64)
    wrong = position[src] > position[tgt]
    if not wrong.any():
        return perm
    # Only links inside a block of equal bounds can point backwards; re-sort those
    # blocks topologically, smallest id first.
    block_of = np.repeat(np.arange(len(starts)), sizes)[position]
    bad_blocks = np.unique(block_of[src[wrong]])
    same_block = block_of[src] == block_of[tgt]
    for b in bad_blocks.tolist():
        a, size = int(starts[b]), int(sizes[b])
        members = perm[a : a + size]
        inside = same_block & (block_of[src] == b)
        perm[a : a + size] = _kahn_by_id(
            members, src[inside].tolist(), tgt[inside].tolist(), ids
        )
    return perm


def _kahn_by_id(
    members: list[int], src: list[int], tgt: list[int], ids: Sequence[str]
) -> list[int]:
    import heapq

    succ: dict[int, list[int]] = {m: [] for m in members}
    indegree = dict.fromkeys(members, 0)
    for s, t in zip(src, tgt, strict=True):
        succ[s].append(t)
        indegree[t] += 1
    heap = [(ids[m], m) for m in members if indegree[m] == 0]
    heapq.heapify(heap)
    out = []
    while heap:
        _, m = heapq.heappop(heap)
        out.append(m)
        for t in succ[m]:
            indegree[t] -= 1
            if indegree[t] == 0:
                heapq.heappush(heap, (ids[t], t))
    return out
