"""Properties of `timeline.Timeline`: the invariants DESIGN.md promises."""

from __future__ import annotations

import random

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from hypothesis.stateful import (
    Bundle,
    RuleBasedStateMachine,
    consumes,
    invariant,
    rule,
)

from timeline._engine import arrays as _bulk
from timeline.errors import (
    CausalCycleError,
    ChronologyConflict,
    DuplicateEventError,
    TimelineError,
)
from timeline.event import Event
from timeline.link import Link, Point, Relation
from timeline.timeline import Timeline
from timeline.when import When

from ._strategies import DAY0, IDS, Oracle, batches, links, whens


def _build(evs: list[Event], lks: list[Link]) -> Timeline | None:
    try:
        return Timeline(evs, lks)
    except ChronologyConflict:
        return None


def _assert_linear_extension(t: Timeline) -> None:
    """The chronology respects every link and every certainly ordered pair."""
    position = {e.id: n for n, e in enumerate(t.chronology())}
    for link in t.links:
        ordering = link.relation.is_causal or (
            link.relation is Relation.BEFORE
            and link.target_point is Point.START
            and link.gap[0] >= 1
        )
        if ordering:
            assert position[link.source] < position[link.target], link
    for a in t.chronology():
        for b in t.chronology():
            if t.bounds(a.id).before(t.bounds(b.id)):
                assert position[a.id] < position[b.id]


class TestOracle:
    """Consistency and bounds agree with trying every assignment of days."""

    @given(batches())
    def test_consistency_agrees_with_brute_force(self, batch):
        """A timeline builds exactly when some assignment satisfies every constraint."""
        evs, lks = batch
        oracle = Oracle(evs, lks)
        cyclic = oracle.has_causal_cycle()
        feasible = oracle.feasible()

        try:
            Timeline(evs, lks)
        except ChronologyConflict as conflict:
            error: ChronologyConflict | None = conflict
        else:
            error = None

        if isinstance(error, CausalCycleError):
            assert cyclic
            return
        if error is not None:
            assert not cyclic
            assert not feasible, error.explanation
            assert all(id in error.explanation for id in error.events)
            return
        assert not cyclic
        assert feasible

    @given(batches())
    def test_bounds_agree_with_brute_force(self, batch):
        """bounds() is the first and last feasible day of each event."""
        evs, lks = batch
        t = _build(evs, lks)
        assume(t is not None)
        assert t is not None
        oracle = Oracle(evs, lks)

        for i, e in enumerate(evs):
            for expected, b in (
                (oracle.bounds(i), t.bounds(e.id)),
                (oracle.end_bounds(i), t.end_bounds(e.id)),
            ):
                actual = (
                    None if b.earliest is None else b.earliest.toordinal(),
                    None if b.latest is None else b.latest.toordinal(),
                )
                assert actual == expected, e

    @given(batches(), st.data())
    def test_incremental_links_agree_with_bulk(self, batch, data):
        """Adding links one at a time ends where building at once does, or raises."""
        evs, lks = batch
        t = Timeline(evs)
        order = data.draw(st.permutations(lks))
        try:
            for link in order:
                t.link(
                    link.source,
                    link.target,
                    link.relation,
                    min_days=link.min_days,
                    max_days=link.max_days,
                    source_point=link.source_point,
                    target_point=link.target_point,
                )
        except ChronologyConflict:
            assert _build(evs, lks) is None
            return

        bulk = Timeline(evs, lks)
        assert bulk == t
        for e in evs:
            assert bulk.span(e.id) == t.span(e.id)


class TestChronology:
    """chronology() is a linear extension that ignores insertion order."""

    @given(batches(max_events=5, max_links=6), st.randoms(use_true_random=False))
    def test_linear_extension_and_order_independent(self, batch, rnd: random.Random):
        """Shuffling events and links changes neither the timeline nor its order."""
        evs, lks = batch
        t = _build(evs, lks)
        assume(t is not None)
        assert t is not None
        evs2, lks2 = list(evs), list(lks)
        rnd.shuffle(evs2)
        rnd.shuffle(lks2)

        t2 = Timeline(evs2, lks2)

        _assert_linear_extension(t)
        assert t == t2
        assert [e.id for e in t.chronology()] == [e.id for e in t2.chronology()]


class TestBounds:
    """bounds() narrows the event's own date and propagation is idempotent."""

    @given(batches(max_events=5, max_links=6))
    def test_within_own_and_idempotent(self, batch):
        """Using the inferred dates as own dates infers the same dates again."""
        evs, lks = batch
        t = _build(evs, lks)
        assume(t is not None)
        assert t is not None

        narrowed = [
            Event(e.id, e.title, t.bounds(e.id), ends=e.ends) for e in t.chronology()
        ]
        again = Timeline(narrowed, lks)

        for e in evs:
            assert e.when.contains(t.bounds(e.id))
            assert again.bounds(e.id) == t.bounds(e.id)


def _compatible_parts(evs: list[Event], lks: list[Link], picks: list[int]):
    """Split one consistent batch into overlapping sub-timelines."""
    parts = []
    for p in picks:
        chosen = [e for n, e in enumerate(evs) if (p >> n) & 1]
        ids = {e.id for e in chosen}
        parts.append(
            Timeline(chosen, [k for k in lks if k.source in ids and k.target in ids])
        )
    return parts


def _merged(*parts: Timeline) -> Timeline:
    result = Timeline()
    for p in parts:
        result.merge(p)
    return result


class TestMerge:
    """merge is commutative, associative and idempotent on compatible timelines."""

    @given(
        batches(max_events=5, max_links=5),
        st.lists(st.integers(0, 31), min_size=3, max_size=3),
    )
    def test_laws(self, batch, picks):
        """Merging parts of one consistent batch in any grouping gives one timeline."""
        evs, lks = batch
        assume(_build(evs, lks) is not None)
        a, b, c = _compatible_parts(evs, lks, picks)

        assert _merged(a, b) == _merged(b, a)
        assert _merged(_merged(a, b), c) == _merged(a, _merged(b, c))
        assert _merged(a, a) == _merged(a)

    @given(whens(), whens())
    def test_incompatible_definitions_raise(self, w1, w2):
        """Two different events with one id cannot be merged, and nothing changes."""
        assume(w1 != w2)
        t1 = Timeline([Event("x", "X", w1)])
        t2 = Timeline([Event("x", "X", w2)])

        with pytest.raises(DuplicateEventError):
            t1.merge(t2)

        assert t1 == Timeline([Event("x", "X", w1)])


def _snapshot(t: Timeline):
    return (
        tuple(t.chronology()),
        t.links,
        tuple(t.bounds(e.id) for e in t.chronology()),
        t.reference,
        t.name,
    )


class TimelineMachine(RuleBasedStateMachine):
    """Random add/link/refine/remove/merge: consistent after each step, or unchanged."""

    ids = Bundle("ids")

    def __init__(self) -> None:
        super().__init__()
        self.t = Timeline()

    def _attempt(self, change) -> None:
        before = _snapshot(self.t)
        try:
            change()
        except TimelineError:
            assert _snapshot(self.t) == before

    @rule(target=ids, id=st.sampled_from(IDS), when=whens())
    def add(self, id, when):
        self._attempt(lambda: self.t.add(f"Event {id}", when, id=id))
        return id

    @rule(link=links(IDS))
    def link(self, link):
        self._attempt(
            lambda: self.t.link(
                link.source,
                link.target,
                link.relation,
                min_days=link.min_days,
                max_days=link.max_days,
            )
        )

    @rule(id=ids, when=whens())
    def refine(self, id, when):
        self._attempt(lambda: self.t.refine(id, when))

    @rule(id=consumes(ids))
    def remove(self, id):
        self._attempt(lambda: self.t.remove(id))

    @rule(batch=batches(max_events=3, max_links=2))
    def merge(self, batch):
        other = _build(*batch)
        if other is not None:
            self._attempt(lambda: self.t.merge(other))

    @rule(a=ids, b=ids)
    def unlink(self, a, b):
        self._attempt(lambda: self.t.unlink(a, b))

    @invariant()
    def consistent(self):
        evs, lks = list(self.t.chronology()), list(self.t.links)
        oracle = Oracle(evs, lks)
        assert not oracle.has_causal_cycle()
        assert oracle.feasible()
        _assert_linear_extension(self.t)
        assert Timeline(evs, lks) == self.t


TestTimelineMachine = TimelineMachine.TestCase


def test_unknown_dates_alone_are_consistent():
    """Events with no dates and no links always make a timeline."""
    t = Timeline([Event(i, i.upper(), When.unknown()) for i in IDS])

    assert [e.id for e in t] == list(IDS)


class TestVectorisedPaths:
    """Whole-frontier numpy propagation agrees with the node-by-node path."""

    @given(batches(max_events=5, max_links=6))
    def test_frontiers_agree_with_tail(self, batch):
        """Forcing every frontier through numpy changes no bound and no order."""
        evs, lks = batch
        reference = _build(evs, lks)
        assume(reference is not None)
        assert reference is not None

        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(_bulk, "_THIN", 1)
            vectorised = Timeline(evs, lks)

        assert [vectorised.bounds(e.id) for e in evs] == [
            reference.bounds(e.id) for e in evs
        ]
        assert vectorised.chronology() == reference.chronology()


def test_large_random_dag_agrees_with_incremental():
    """A graph wide enough for numpy frontiers gives what link-by-link gives."""
    rng = random.Random(4)
    days = sorted(rng.randrange(0, 400) for _ in range(1500))
    evs = [
        Event(f"e{i:04}", f"E{i}", When.unknown() if rng.random() < 0.2 else _day(d))
        for i, d in enumerate(days)
    ]
    lks = {}
    for _ in range(1500):
        a, b = sorted(rng.sample(range(len(evs)), 2))
        relation = (
            Relation.BEFORE
            if days[a] < days[b] and rng.random() < 0.5
            else Relation.CAUSED
        )
        lks[(a, b)] = Link(evs[a].id, evs[b].id, relation)

    bulk = Timeline(evs, lks.values())
    step_by_step = Timeline(evs)
    for link in lks.values():
        step_by_step.link(link.source, link.target, link.relation)

    assert bulk == step_by_step
    assert [bulk.bounds(e.id) for e in evs] == [step_by_step.bounds(e.id) for e in evs]
    assert bulk.chronology() == step_by_step.chronology()
    _assert_linear_extension_fast(bulk)


def _day(n: int) -> When:
    d = DAY0.add(days=n)
    return When(d, d)


def _assert_linear_extension_fast(t: Timeline) -> None:
    position = {e.id: n for n, e in enumerate(t.chronology())}
    for link in t.links:
        assert position[link.source] < position[link.target]
