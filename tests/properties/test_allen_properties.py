"""Laws of Allen's interval relations, `timeline.allen`, for bounded spans of days."""

from hypothesis import given
from hypothesis import strategies as st

from timeline import When
from timeline.allen import AllenRelation, compose, converse, relation
from timeline.testing import whens

# Spans drawn from a few weeks often touch, share ends or nest; spans drawn from a
# few years or the whole calendar cover the long units and the distant cases.
spans = st.one_of(
    whens(bounded=True, min_date="2025-01-01", max_date="2025-01-20"),
    whens(bounded=True, min_date="2024-01-01", max_date="2026-12-31"),
    whens(bounded=True),
)


def days(w: When) -> tuple[int, int]:
    assert w.earliest is not None
    assert w.latest is not None
    return w.earliest.toordinal(), w.latest.toordinal()


def definitions(a: When, b: When) -> dict[AllenRelation, bool]:
    """Allen's definitions for closed spans of days, written out independently."""
    (s1, e1), (s2, e2) = days(a), days(b)
    forward = {
        AllenRelation.BEFORE: e1 + 1 < s2,
        AllenRelation.MEETS: e1 + 1 == s2,
        AllenRelation.OVERLAPS: s1 < s2 <= e1 < e2,
        AllenRelation.STARTS: s1 == s2 and e1 < e2,
        AllenRelation.DURING: s2 < s1 and e1 < e2,
        AllenRelation.FINISHES: s2 < s1 and e1 == e2,
        AllenRelation.EQUALS: s1 == s2 and e1 == e2,
    }
    backward = {
        AllenRelation.AFTER: e2 + 1 < s1,
        AllenRelation.MET_BY: e2 + 1 == s1,
        AllenRelation.OVERLAPPED_BY: s2 < s1 <= e2 < e1,
        AllenRelation.STARTED_BY: s1 == s2 and e2 < e1,
        AllenRelation.CONTAINS: s1 < s2 and e2 < e1,
        AllenRelation.FINISHED_BY: s1 < s2 and e1 == e2,
    }
    return forward | backward


class TestRelation:
    @given(spans, spans)
    def test_exactly_one_relation_holds(self, a, b):
        """Exactly one of the thirteen definitions holds, and relation() names it."""
        holding = [r for r, holds in definitions(a, b).items() if holds]

        assert [relation(a, b)] == holding

    @given(spans, spans)
    def test_swapping_gives_the_converse(self, a, b):
        """relation(b, a) is the converse of relation(a, b)."""
        assert converse(relation(a, b)) == relation(b, a)

    @given(spans)
    def test_a_span_equals_itself(self, a):
        """Every span EQUALS itself."""
        assert relation(a, a) == AllenRelation.EQUALS

    @given(spans, spans)
    def test_date_pairs_agree_with_whens(self, a, b):
        """A (first day, last day) pair has the relation of the When it spans."""
        pair_a, pair_b = (a.earliest, a.latest), (b.earliest, b.latest)

        assert relation(a, b) == relation(pair_a, pair_b)

    @given(spans, spans)
    def test_before_agrees_with_when_before(self, a, b):
        """BEFORE or MEETS is exactly `When.before`: no shared day, a first."""
        expected = relation(a, b) in (AllenRelation.BEFORE, AllenRelation.MEETS)

        assert expected == a.before(b)


class TestConverse:
    @given(st.sampled_from(AllenRelation))
    def test_involution(self, r):
        """The converse of the converse is the relation itself."""
        assert r == converse(converse(r))


class TestCompose:
    @given(spans, spans, spans)
    def test_sound(self, a, b, c):
        """relation(a, c) is always among compose(relation(a, b), relation(b, c))."""
        possible = compose(relation(a, b), relation(b, c))

        assert relation(a, c) in possible

    @given(st.sampled_from(AllenRelation), st.sampled_from(AllenRelation))
    def test_converse_of_composition(self, r1, r2):
        """The converse of r1 ∘ r2 is converse(r2) ∘ converse(r1)."""
        expected = {converse(r) for r in compose(r1, r2)}

        assert expected == compose(converse(r2), converse(r1))

    @given(st.sampled_from(AllenRelation))
    def test_equals_is_the_identity(self, r):
        """Composing with EQUALS on either side changes nothing."""
        assert (
            {r} == compose(AllenRelation.EQUALS, r) == compose(r, AllenRelation.EQUALS)
        )
