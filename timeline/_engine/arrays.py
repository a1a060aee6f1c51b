"""
Whole-graph steps of the constraint engine, vectorised with numpy.

Building a `Network` from a million events spends its time here: reading the dates
and link ends into arrays, checking for cycles, sorting topologically and
propagating bounds in that order (Kahn's algorithm a whole frontier at a time).
"""

from __future__ import annotations

import heapq
import operator
from array import array
from collections.abc import Sequence
from typing import TYPE_CHECKING, Final

import attrs
import numpy as np

from ..link import Point, Relation

if TYPE_CHECKING:
    from numpy.typing import NDArray

    from ..link import Link
    from ..when import When

    Ints = NDArray[np.int64]
    Bools = NDArray[np.bool_]

FAR: Final = 2**40
_CHUNK: Final = 1 << 16  # items turned into Python lists at a time
_SMALL_CHUNK: Final = 1 << 13  # objects read together while they are in the cache

# Relation codes for vectorised gaps.
RELATIONS: Final = tuple(Relation)
CODE: Final = {r: i for i, r in enumerate(RELATIONS)}
_DEFAULT_LO: Final = np.array(
    [1 if r is Relation.BEFORE else 0 for r in RELATIONS], dtype=np.int64
)
_PART_OF: Final = CODE[Relation.PART_OF]
_SAME_DAY: Final = CODE[Relation.SAME_DAY]
CAUSAL: Final = np.array([r.is_causal for r in RELATIONS])
BEFORE: Final = CODE[Relation.BEFORE]

_CODE_OF_VALUE: Final = {r.value: i for i, r in enumerate(RELATIONS)}
_EARLIEST = operator.attrgetter("earliest")
_LATEST = operator.attrgetter("latest")
_SOURCE = operator.attrgetter("source")
_TARGET = operator.attrgetter("target")
_VALUE = operator.attrgetter("relation._value_")
_MIN_DAYS = operator.attrgetter("min_days")
_MAX_DAYS = operator.attrgetter("max_days")
_START, _END = Point.START, Point.END
_SOURCE_POINT = operator.attrgetter("source_point")
_TARGET_POINT = operator.attrgetter("target_point")


def own_days(whens: Sequence[When]) -> tuple[Ints, Ints]:
    """Each date's earliest and latest day ordinals (-FAR/FAR when open)."""
    n = len(whens)
    lo = np.empty(n, dtype=np.int64)
    hi = np.empty(n, dtype=np.int64)
    for start in range(0, n, _SMALL_CHUNK):
        chunk = whens[start : start + _SMALL_CHUNK]
        stop = start + len(chunk)
        lo[start:stop] = [
            -FAR if d is None else d.toordinal() for d in map(_EARLIEST, chunk)
        ]
        hi[start:stop] = [
            FAR if d is None else d.toordinal() for d in map(_LATEST, chunk)
        ]
    return lo, hi


@attrs.frozen
class LinkColumns:
    """
    Links as columns: source and target event indices, relation codes, gaps, points.

    The gap P(target) - P(source) is at least ``lo`` where ``has_lo`` and at most
    ``hi`` where ``has_hi``; ``source_end`` and ``target_end`` say which links
    bound an end day.
    """

    src: Ints
    tgt: Ints
    code: Ints
    lo: Ints
    has_lo: Bools
    hi: Ints
    has_hi: Bools
    source_end: Bools
    target_end: Bools

    def ordering(self) -> Bools:
        """
        The links that put their source first in the chronology: causal links, and
        BEFORE links that make the target start at least a day after the source.
        """
        found: Bools = CAUSAL[self.code] | (
            (self.code == BEFORE) & ~self.target_end & (self.lo >= 1)
        )
        return found


def link_columns(links: Sequence[Link], index: dict[str, int]) -> LinkColumns:
    """
    The links as columns (see `LinkColumns`).

    Each link is read once, a small chunk at a time, while it is still in the cache.

    Raises:
        KeyError: a link names an id that `index` does not have.
        TypeError: an item is not a Link (the caller says which).
    """
    from ..link import Link

    m = len(links)
    src = np.empty(m, dtype=np.int64)
    tgt = np.empty(m, dtype=np.int64)
    code = np.empty(m, dtype=np.int64)
    mins = np.full(m, -1, dtype=np.int64)
    maxs = np.full(m, -1, dtype=np.int64)
    source_end = np.zeros(m, dtype=bool)
    target_end = np.zeros(m, dtype=bool)
    get, code_of = index.__getitem__, _CODE_OF_VALUE.__getitem__
    for start in range(0, m, _SMALL_CHUNK):
        chunk = links[start : start + _SMALL_CHUNK]
        if any(t is not Link for t in set(map(type, chunk))):
            raise TypeError
        stop = start + len(chunk)
        # One attribute at a time, while the chunk is in the cache (see own_days).
        src[start:stop] = list(map(get, map(_SOURCE, chunk)))
        tgt[start:stop] = list(map(get, map(_TARGET, chunk)))
        code[start:stop] = list(map(code_of, map(_VALUE, chunk)))
        low = list(map(_MIN_DAYS, chunk))
        high = list(map(_MAX_DAYS, chunk))
        if low.count(None) != len(low):
            mins[start:stop] = [-1 if x is None else x for x in low]
        if high.count(None) != len(high):
            maxs[start:stop] = [-1 if x is None else x for x in high]
        points = list(map(_SOURCE_POINT, chunk))
        if points.count(_START) != len(points):
            source_end[start:stop] = [p is _END for p in points]
        points = list(map(_TARGET_POINT, chunk))
        if points.count(_START) != len(points):
            target_end[start:stop] = [p is _END for p in points]
    lo = np.where(mins >= 0, mins, _DEFAULT_LO[code])
    del mins
    has_lo = code != _PART_OF
    hi = np.where(maxs >= 0, maxs, 0)
    has_hi = (code == _PART_OF) | (code == _SAME_DAY) | (maxs >= 0)
    return LinkColumns(src, tgt, code, lo, has_lo, hi, has_hi, source_end, target_end)


@attrs.frozen
class Order:
    """
    A topological order of a DAG, in two parts.

    `levels` are Kahn's frontiers, handled a whole frontier at a time with numpy;
    once a frontier is thin (a long chain), the remaining nodes come one by one in
    `tail`, which plain Python handles faster than many tiny numpy steps.
    """

    levels: list[Ints]
    tail: list[int]


_THIN: Final = 256  # below this many nodes a frontier goes to the Python tail


def topological_order(n: int, u: Ints, v: Ints) -> Order | None:
    """A topological order of the graph with edges ``u -> v``, or None if cyclic."""
    indegree = np.bincount(v, minlength=n).astype(np.int64)
    ptr, idx = csr(n, u)
    targets = v[idx]
    frontier = np.flatnonzero(indegree == 0)
    levels: list[Ints] = []
    done = 0
    while frontier.size >= _THIN:
        levels.append(frontier)
        done += frontier.size
        starts = ptr[frontier]
        counts = ptr[frontier + 1] - starts
        total = int(counts.sum())
        if total == 0:
            frontier = frontier[:0]
            break
        offsets = np.repeat(starts - np.cumsum(counts) + counts, counts)
        hit = targets[offsets + np.arange(total, dtype=np.int64)]
        np.subtract.at(indegree, hit, 1)
        frontier = np.unique(hit[indegree[hit] == 0])
    # Kahn's algorithm for the rest, one node at a time.
    tail: list[int] = frontier.tolist()
    if tail:
        # Compact arrays rather than lists: no int object per node or edge.
        left, succ, bounds = _compact(indegree), _compact(targets), _compact(ptr)
        del indegree, targets, ptr, idx
        for x in tail:  # the list grows while it is read
            for y in succ[bounds[x] : bounds[x + 1]]:
                left[y] -= 1
                if left[y] == 0:
                    tail.append(y)
    if done + len(tail) < n:
        return None
    return Order(levels, tail)


def _compact(values: Ints) -> array[int]:
    """A copy of an int64 array as a compact `array.array`, fast to index in Python."""
    out = array("q")
    out.frombytes(np.ascontiguousarray(values, dtype=np.int64).data.cast("B"))
    return out


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
    order: Order,
    e_u: Ints,
    e_v: Ints,
    e_w: Ints,
    base_lo: Ints,
    base_hi: Ints,
) -> tuple[Ints, Ints, Ints, Ints]:
    """
    Earliest and latest days by one pass each over the edges in topological order.

    Returns (lo, hi, pred_lo, pred_hi); a pred is the edge that set the bound, or
    -1 where the bound is the node's own.
    """
    n = len(base_lo)
    lo, hi = base_lo.copy(), base_hi.copy()
    pred_lo = np.full(n, -1, dtype=np.int64)
    pred_hi = np.full(n, -1, dtype=np.int64)
    if len(e_u) == 0:
        return lo, hi, pred_lo, pred_hi
    # Each node's step: its level, or one step each after the levels for the tail.
    step = np.empty(n, dtype=np.int64)
    for number, level in enumerate(order.levels):
        step[level] = number
    wide = len(order.levels)
    step[np.array(order.tail, dtype=np.int64)] = wide + np.arange(
        len(order.tail), dtype=np.int64
    )

    # Earliest days: edges by the step of their source, a whole level at a time.
    from_step = step[e_u]
    by_source = np.argsort(from_step, kind="stable")
    cut = np.searchsorted(from_step[by_source], np.arange(wide + 1))
    for number in range(wide):
        group = by_source[cut[number] : cut[number + 1]]
        x, y = e_u[group], e_v[group]
        bound = lo[x] + e_w[group]
        before = lo[y]
        np.maximum.at(lo, y, bound)
        won = (bound == lo[y]) & (bound > before)
        pred_lo[y[won]] = group[won]
    rest = by_source[cut[wide] :]
    if len(rest):
        lo, pred_lo = _relax_in_order(rest, e_u, e_v, e_w, lo, pred_lo, sign=1)
    del from_step, by_source, rest

    # Latest days: edges by the step of their target, the last step first.
    to_step = step[e_v]
    del step
    by_target = np.argsort(-to_step, kind="stable")
    sorted_steps = to_step[by_target]
    del to_step
    in_tail = int(np.count_nonzero(sorted_steps >= wide))
    if in_tail:
        hi, pred_hi = _relax_in_order(
            by_target[:in_tail], e_v, e_u, e_w, hi, pred_hi, sign=-1
        )
    # Steps are in decreasing order after the tail; find each level's slice.
    levels_part = -sorted_steps[in_tail:]
    cut = np.searchsorted(levels_part, np.arange(-(wide - 1), 1)) + in_tail
    cut = np.append(cut, len(by_target))
    for position in range(wide):  # levels wide - 1, ..., 0
        group = by_target[cut[position] : cut[position + 1]]
        x, y = e_u[group], e_v[group]
        bound = hi[y] - e_w[group]
        before = hi[x]
        np.minimum.at(hi, x, bound)
        won = (bound == hi[x]) & (bound < before)
        pred_hi[x[won]] = group[won]
    return lo, hi, pred_lo, pred_hi


def _relax_in_order(
    edges: Ints,
    tails: Ints,
    heads: Ints,
    weights: Ints,
    values: Ints,
    preds: Ints,
    *,
    sign: int,
) -> tuple[Ints, Ints]:
    """
    One pass over `edges` in the order given, node by node in plain Python.

    With ``sign=1`` it raises ``values[head]`` to ``values[tail] + weight``;
    with ``sign=-1`` it lowers it to ``values[tail] - weight``.
    """
    vals, prd = _compact(values), _compact(preds)
    for start in range(0, len(edges), _CHUNK):  # small lists: a low peak of memory
        chunk = edges[start : start + _CHUNK]
        for e, x, y, w in zip(
            chunk.tolist(),
            tails[chunk].tolist(),
            heads[chunk].tolist(),
            (weights[chunk] * sign).tolist(),
            strict=True,
        ):
            bound = vals[x] + w
            if (bound - vals[y]) * sign > 0:
                vals[y] = bound
                prd[y] = e
    return np.frombuffer(vals, dtype=np.int64), np.frombuffer(prd, dtype=np.int64)


def chronological_order(
    lo: Ints, hi: Ints, ids: Sequence[str], src: Ints, tgt: Ints
) -> Ints:
    """
    Node indices sorted by (earliest, latest, id), then fixed where a tie of equal
    bounds puts the target of an ordering link (src -> tgt) before its source.
    """
    n = len(ids)
    perm = np.lexsort((hi, lo))
    slo, shi = lo[perm], hi[perm]
    change = np.ones(n, dtype=bool)
    change[1:] = (slo[1:] != slo[:-1]) | (shi[1:] != shi[:-1])
    del slo, shi
    starts = np.flatnonzero(change)
    del change
    sizes = np.diff(np.append(starts, n))
    for a, size in zip(
        starts[sizes > 1].tolist(), sizes[sizes > 1].tolist(), strict=True
    ):
        block = perm[a : a + size]
        names = [ids[i] for i in block.tolist()]
        perm[a : a + size] = block[sorted(range(size), key=names.__getitem__)]
    if len(src) == 0:
        return perm
    position = np.empty(n, dtype=np.int64)
    position[perm] = np.arange(n, dtype=np.int64)
    wrong = position[src] > position[tgt]
    if not wrong.any():
        return perm
    # Only links inside a block of equal bounds can point backwards; re-sort those
    # blocks topologically, smallest id first.
    block_of = np.repeat(np.arange(len(starts)), sizes)[position]
    bad_blocks = np.unique(block_of[src[wrong]])
    inside = np.flatnonzero(block_of[src] == block_of[tgt])
    inside = inside[np.argsort(block_of[src[inside]], kind="stable")]
    inside_block = block_of[src[inside]]
    for b in bad_blocks.tolist():
        a, size = int(starts[b]), int(sizes[b])
        first, last = np.searchsorted(inside_block, [b, b + 1])
        edges = inside[first:last]
        perm[a : a + size] = _kahn_by_id(
            perm[a : a + size].tolist(), src[edges].tolist(), tgt[edges].tolist(), ids
        )
    return perm


def _kahn_by_id(
    members: list[int], src: list[int], tgt: list[int], ids: Sequence[str]
) -> list[int]:
    """
    The smallest-id-first topological order of a block (`members` sorted by id).

    Members that no link inside the block touches are never waited for and never
    wait, so only the linked ones go through Kahn's algorithm; the two sequences
    are then merged by comparing their heads, as the heap would have.
    """
    linked = set(src) | set(tgt)
    succ: dict[int, list[int]] = {m: [] for m in linked}
    indegree = dict.fromkeys(linked, 0)
    for s, t in zip(src, tgt, strict=True):
        succ[s].append(t)
        indegree[t] += 1
    heap = [(ids[m], m) for m in linked if indegree[m] == 0]
    heapq.heapify(heap)
    ordered = []
    while heap:
        _, m = heapq.heappop(heap)
        ordered.append(m)
        for t in succ[m]:
            indegree[t] -= 1
            if indegree[t] == 0:
                heapq.heappush(heap, (ids[t], t))
    free = [m for m in members if m not in linked]
    return list(heapq.merge(free, ordered, key=ids.__getitem__))
