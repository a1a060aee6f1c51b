"""
The Timeline's invariants over the timelines that `timeline.testing` ships.

The oracle tests in test_timeline_properties.py use a tiny window of days so they can
try every assignment; these run the same guarantees over the realistic, consistent
timelines users get from `timeline.testing.timelines()`.
"""

import random

import attrs
from hypothesis import given
from hypothesis import strategies as st

import timeline.testing as tt
from timeline import Point, Relation, Timeline, TimelineError, When


def _orders(link):
    """Causal links, and BEFORE links that start the target a day or more later."""
    return link.relation.is_causal or (
        link.relation is Relation.BEFORE
        and link.target_point is Point.START
        and link.gap[0] >= 1
    )


@given(tt.timelines())
def test_generated_timelines_pass_the_independent_check(t):
    """Every generated timeline is consistent by a check independent of propagation."""
    tt.assert_consistent(t)


@given(tt.timelines())
def test_chronology_is_a_linear_extension(t):
    """Links and certainly ordered bounds are never contradicted by the chronology."""
    order = {e.id: i for i, e in enumerate(t.chronology())}
    bounds = {e.id: t.bounds(e.id) for e in t.events}

    for link in t.links:
        if _orders(link):
            assert order[link.source] < order[link.target], link
    for a in bounds:
        for b in bounds:
            if bounds[a].before(bounds[b]):
                assert order[a] < order[b], (a, b)


@given(tt.timelines(), st.randoms(use_true_random=False))
def test_insertion_order_does_not_matter(t, rnd: random.Random):
    """The same events and links in any order give an equal timeline and chronology."""
    events, links = list(t.events), list(t.links)
    rnd.shuffle(events)
    rnd.shuffle(links)

    again = Timeline(events, links, reference=t.reference, name=t.name)

    assert t == again
    assert [e.id for e in t.chronology()] == [e.id for e in again.chronology()]


@given(tt.timelines())
def test_bounds_narrow_and_are_idempotent(t):
    """bounds() lies within each event's own date, and propagating again changes nothing."""
    narrowed = [attrs.evolve(e, when=t.bounds(e.id)) for e in t.events]
    again = Timeline(narrowed, t.links, reference=t.reference)

    for e in t.events:
        assert e.when.contains(t.bounds(e.id)) or e.when.is_unknown, e.id
        assert t.bounds(e.id) == again.bounds(e.id), e.id


@given(tt.timelines())
def test_causes_never_come_after_their_effects(t):
    """No cause is certainly after its effect, directly or transitively."""
    for e in t.events:
        for effect in t.effects(e.id, transitive=True):
            assert not t.bounds(e.id).after(t.bounds(effect.id)), (e.id, effect.id)


@given(tt.timelines(max_events=5), tt.whens(bounded=True))
def test_a_refused_refine_changes_nothing(t, when: When):
    """refine() either keeps the timeline consistent or raises and leaves it as it was."""
    if not t.events:
        return
    target = t.events[0].id
    before = (t.events, t.links, [t.bounds(e.id) for e in t.events])

    try:
        t.refine(target, when)
    except TimelineError:
        assert before == (t.events, t.links, [t.bounds(e.id) for e in t.events])
    else:
        tt.assert_consistent(t)
