"""Tests for timeline.link: Relation and Link."""

import math

import pytest

from timeline import Link, Point, Relation, Source, ValidationError


class TestRelation:
    def test_lookup_ignores_case_and_separators(self):
        """Relations are found by value whatever the case, with - or space for _."""
        assert Relation("PROMPTED") is Relation.PROMPTED
        assert Relation("same-day") is Relation.SAME_DAY
        assert Relation("Part of") is Relation.PART_OF

    def test_unknown_relation(self):
        """An unknown name raises ValueError."""
        with pytest.raises(ValueError, match="causes"):
            Relation("causes")

    def test_causal(self):
        """CAUSED, PROMPTED and ENABLED are causal; the others are not."""
        assert {r for r in Relation if r.is_causal} == {
            Relation.CAUSED,
            Relation.PROMPTED,
            Relation.ENABLED,
        }

    def test_every_relation_has_a_phrase(self):
        """Each relation reads as words, for explanations."""
        assert all(r.phrase for r in Relation)


class TestLink:
    @pytest.mark.parametrize(
        ("link", "gap"),
        [
            (Link("a", "b"), (0, None)),
            (Link("a", "b", Relation.PROMPTED, min_days=2, max_days=5), (2, 5)),
            (Link("a", "b", "enabled"), (0, None)),
            (Link("a", "b", Relation.BEFORE), (1, None)),
            (Link("a", "b", Relation.BEFORE, max_days=1), (1, 1)),
            (Link("a", "b", Relation.SAME_DAY), (0, 0)),
            (Link("a", "b", Relation.SAME_DAY, min_days=0, max_days=0), (0, 0)),
            (Link("a", "b", Relation.PART_OF), (None, 0)),
            (Link("a", "b", Relation.BEFORE, min_days=0), (0, None)),
            (Link("a", "b", Relation.BEFORE, min_days=0, max_days=0), (0, 0)),
        ],
    )
    def test_gap(self, link, gap):
        """gap gives each relation's bounds on S(target) - S(source)."""
        assert gap == link.gap

    def test_defaults(self):
        """A link is CAUSED with full confidence unless told otherwise."""
        link = Link("crash", "protest")

        assert (
            link.relation,
            link.confidence,
            link.note,
            link.sources,
        ) == (Relation.CAUSED, 1.0, None, ())
        assert link.key == ("crash", "protest", Relation.CAUSED)

    def test_sources_and_note(self):
        """A link can cite its sources and carry a note."""
        link = Link("a", "b", note="per the ministry", sources=[Source("Example Wire")])

        assert (Source("Example Wire"),) == link.sources

    @pytest.mark.parametrize(
        ("args", "fields", "field"),
        [
            (("a", "a"), {}, "target"),
            (("", "b"), {}, "source"),
            (("a", "b"), {"min_days": 3, "max_days": 2}, "min_days"),
            (("a", "b"), {"min_days": -1}, "min_days"),
            (("a", "b", "before"), {"min_days": -1}, "min_days"),
            (("a", "b", "before"), {"max_days": 0}, "max_days"),
            (("a", "b", "caused"), {"source_point": "end"}, "source_point"),
            (("a", "b", "prompted"), {"target_point": "end"}, "target_point"),
            (("a", "b", "part_of"), {"target_point": Point.END}, "target_point"),
            (("a", "b", "before"), {"source_point": "middle"}, "source_point"),
            (("a", "b", "before"), {"target_point": 1}, "target_point"),
            (("a", "b", "same_day"), {"max_days": 1}, "max_days"),
            (("a", "b", "part_of"), {"min_days": 0}, "min_days"),
            (("a", "b"), {"min_days": 1.5}, "min_days"),
            (("a", "b"), {"max_days": True}, "max_days"),
            (("a", "b"), {"confidence": 1.5}, "confidence"),
            (("a", "b"), {"confidence": -0.1}, "confidence"),
            (("a", "b"), {"confidence": math.nan}, "confidence"),
            (("a", "b"), {"confidence": "high"}, "confidence"),
            (("a", "b", "causes"), {}, "relation"),
            (("a", "b"), {"note": 3}, "note"),
            (("a", "b"), {"sources": ["Reuters"]}, "sources"),
        ],
    )
    def test_bad_links_raise(self, args, fields, field):
        """Each impossible link raises ValidationError naming the field."""
        with pytest.raises(ValidationError) as info:
            Link(*args, **fields)

        assert field == info.value.field

    def test_self_link_message(self):
        """A link from an event to itself says so."""
        with pytest.raises(ValidationError, match="two different events"):
            Link("crash", "crash")


class TestPoints:
    def test_points_default_to_starts(self):
        """A link relates the two start days unless told otherwise."""
        assert Link("a", "b").points == (Point.START, Point.START)

    def test_points_from_words(self):
        """Points may be given as "start" or "end", in any case."""
        link = Link("a", "b", "before", source_point="END", target_point="start")

        assert link.points == (Point.END, Point.START)

    @pytest.mark.parametrize("relation", ["before", "same_day"])
    def test_temporal_links_may_use_end_points(self, relation):
        """BEFORE and SAME_DAY may relate end days."""
        link = Link("a", "b", relation, source_point="end", target_point="end")

        assert link.points == (Point.END, Point.END)

    def test_causal_end_point_message(self):
        """A causal link on an end day says which relations may use one."""
        with pytest.raises(ValidationError, match="only BEFORE and SAME_DAY"):
            Link("a", "b", "caused", source_point="end")

    def test_on_or_before_is_not_causal(self):
        """BEFORE with min_days=0 allows the same day and stays non-causal."""
        link = Link("a", "b", "before", min_days=0)

        assert link.gap == (0, None)
        assert not link.relation.is_causal
