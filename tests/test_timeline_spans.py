"""Tests for events that last: end points, Allen relations, several links per pair."""

from __future__ import annotations

import itertools
import threading

import pendulum
import pytest

from timeline import (
    ChronologyConflict,
    Event,
    Link,
    LinkNotFoundError,
    Point,
    Timeline,
    TimelineError,
    ValidationError,
    When,
    allen,
)


def summit_and_note() -> Timeline:
    return Timeline(
        [
            Event("summit", "Summit", "2025-03-01", ends="2025-03"),
            Event("note", "Note", "2025-03-04"),
        ]
    )


class TestEndPoints:
    def test_event_without_ends_is_a_point(self):
        """An event without `ends` ends the day it starts."""
        t = Timeline([Event("crash", "Crash", "2024-12-25")])

        assert t.end_bounds("crash") == When.day(2024, 12, 25)
        assert t.span("crash") == (When.day(2024, 12, 25), When.day(2024, 12, 25))

    def test_unknown_end_is_open(self):
        """`ends=When.unknown()` lasts for an unknown time, no earlier than its start."""
        t = Timeline([Event("war", "War", "2022-02", ends=When.unknown())])

        assert t.end_bounds("war") == When.between("2022-02-01", None)

    def test_link_from_an_end(self):
        """A BEFORE from an end day bounds that end, not the start."""
        t = summit_and_note()
        t.link("summit", "note", "before", source_point="end", min_days=1)

        assert t.end_bounds("summit") == When.between("2025-03-01", "2025-03-03")
        assert t.bounds("summit") == When.day(2025, 3, 1)

    def test_on_or_before_allows_the_same_day(self):
        """BEFORE with min_days=0 lets both happen on one day, and is not causal."""
        t = Timeline([Event("a", "A", "2025-01-05"), Event("b", "B", "2025-01-05")])
        t.link("a", "b", "before", min_days=0)

        assert t.effects("a") == []
        with pytest.raises(ChronologyConflict):
            t.link("a", "b", "before")

    def test_end_conflict_names_the_end(self):
        """A link that would end an event before its own `ends` says "the end of"."""
        t = summit_and_note()

        with pytest.raises(ChronologyConflict, match="the end of Summit") as info:
            t.link("note", "summit", "before", target_point="end", min_days=40)

        assert "summit" in info.value.events
        assert t.links == ()

    def test_an_end_before_its_start_through_links(self):
        """Links that would end an event before it starts are a conflict."""
        t = Timeline(
            [
                Event("talks", "Talks", ends=When.unknown()),
                Event("ceasefire", "Ceasefire"),
            ]
        )
        t.link("talks", "ceasefire", "before", source_point="end", min_days=0)

        with pytest.raises(ChronologyConflict, match="ends no earlier than it starts"):
            t.link("ceasefire", "talks", "before", min_days=1)

    def test_part_of_bounds_both_ends(self):
        """A part starts no earlier and ends no later than a whole that has `ends`."""
        t = Timeline(
            [
                Event("war", "War", "2022", ends="2023"),
                Event("battle", "Battle", ends=When.unknown()),
            ],
            [Link("battle", "war", "part_of")],
        )

        assert t.bounds("battle") == When.between("2022-01-01", "2023-12-31")
        assert t.end_bounds("battle") == When.between("2022-01-01", "2023-12-31")

    def test_part_outlasting_its_whole_conflicts(self):
        """A part whose own end is after the whole's end cannot be part of it."""
        t = Timeline(
            [
                Event("war", "War", "2022", ends="2022"),
                Event("siege", "Siege", "2022-06", ends="2023-02"),
            ]
        )

        with pytest.raises(ChronologyConflict, match="the end of War"):
            t.link("siege", "war", "part_of")


class TestBetween:
    def test_spans_may_overlap(self):
        """An event that lasts is found in a window its span may overlap."""
        t = Timeline(
            [
                Event("war", "War", "2024-01-01", ends="2024-12-31"),
                Event("crash", "Crash", "2024-12-25"),
                Event("talks", "Talks", "2025-02-02"),
            ]
        )

        assert [e.id for e in t.between("2024-06-01", "2024-06-30")] == ["war"]
        assert [e.id for e in t.between("2024-12-20", "2025-01-31")] == [
            "war",
            "crash",
        ]

    def test_certain_needs_the_whole_overlap_to_be_sure(self):
        """certain=True keeps only spans that overlap the window in every solution."""
        t = Timeline(
            [
                Event("war", "War", "2024", ends="2024"),
                Event("talks", "Talks", "2024-06-03", ends="2024-06-05"),
            ]
        )

        assert [e.id for e in t.between("2024-06-04", "2024-06-04", certain=True)] == [
            "talks"
        ]

    def test_bad_window_type(self):
        """A window end that is no date raises ValidationError naming it."""
        with pytest.raises(ValidationError, match="end"):
            Timeline().between(None, 3)  # type: ignore[arg-type]


def _span(first: int, last: int) -> tuple[pendulum.Date, pendulum.Date]:
    base = pendulum.Date(2025, 1, 1)
    return base.add(days=first), base.add(days=last)


SPANS = [(a, b) for a in range(4) for b in range(a, 4)]


class TestRelate:
    @pytest.mark.parametrize("relation", list(allen.AllenRelation))
    def test_agrees_with_allen_relation_on_every_pair(self, relation):
        """Each relation's links hold for two fixed spans exactly when
        `allen.relation` names that relation for them."""
        for (a0, a1), (b0, b1) in itertools.product(SPANS, repeat=2):
            t = Timeline(
                [
                    Event("a", "A", _span(a0, a0)[0], ends=_span(a1, a1)[0]),
                    Event("b", "B", _span(b0, b0)[0], ends=_span(b1, b1)[0]),
                ]
            )
            truth = allen.relation(_span(a0, a1), _span(b0, b1)) is relation
            try:
                t.relate("a", "b", relation)
            except ChronologyConflict:
                holds = False
            else:
                holds = True
            assert holds == truth, (relation, (a0, a1), (b0, b1))

    def test_narrows_an_undated_span(self):
        """MEETS puts the next span's start the day after the first ends."""
        t = Timeline(
            [
                Event("talks", "Talks", "2025-01-10", ends="2025-01-12"),
                Event("truce", "Truce", ends=When.unknown()),
            ]
        )

        links = t.relate("talks", "truce", allen.AllenRelation.MEETS)

        assert t.bounds("truce") == When.day(2025, 1, 13)
        assert [k.note for k in links] == ["talks meets truce"]

    def test_same_relation_twice_is_idempotent(self):
        """Writing a relation again adds no links."""
        t = summit_and_note()
        t.relate("note", "summit", "during")
        t.relate("note", "summit", "during")

        assert len(t.links) == 2

    @pytest.mark.parametrize(
        ("relation", "fields", "field"),
        [("sideways", {}, "relation"), ("before", {"min_days": 1}, "min_days")],
    )
    def test_bad_arguments(self, relation, fields, field):
        """An unknown relation or a gap field raises ValidationError naming it."""
        with pytest.raises(ValidationError) as info:
            summit_and_note().relate("summit", "note", relation, **fields)

        assert info.value.field == field


class TestSeveralLinks:
    def test_each_link_keeps_its_fields(self):
        """Two reports of one pair keep their own gap, note and confidence."""
        t = Timeline([Event("a", "A", "2025-01-01"), Event("b", "B")])
        t.link("a", "b", "before", note="per the ministry", confidence=0.6)
        t.link("a", "b", "before", min_days=3, note="per the embassy")

        assert [k.note for k in t.links] == ["per the ministry", "per the embassy"]
        assert t.bounds("b") == When.between("2025-01-04", None)

    def test_unlink_says_which(self):
        """unlink with fields removes only the links that match, and returns them."""
        t = Timeline([Event("a", "A", "2025-01-01"), Event("b", "B")])
        t.link("a", "b", "before")
        t.link("a", "b", "before", min_days=3)

        gone = t.unlink("a", "b", "before", min_days=3)

        assert [k.min_days for k in gone] == [3]
        assert t.bounds("b") == When.between("2025-01-02", None)

    def test_unlink_by_point(self):
        """A point given as a word selects links by their points."""
        t = summit_and_note()
        t.link("summit", "note", "before", source_point="end", min_days=0)
        t.link("summit", "note", "before")

        gone = t.unlink("summit", "note", source_point="end")

        assert [k.source_point for k in gone] == [Point.END]
        assert len(t.links) == 1

    def test_unlink_nothing_matches(self):
        """No matching link raises LinkNotFoundError, also a KeyError."""
        t = summit_and_note()
        t.link("summit", "note", "before")

        with pytest.raises(LinkNotFoundError, match="min_days=5") as info:
            t.unlink("summit", "note", "before", min_days=5)

        assert isinstance(info.value, KeyError)
        assert isinstance(info.value, TimelineError)

    def test_unlink_an_event_from_itself(self):
        """unlink("a", "a") says a link joins two different events."""
        with pytest.raises(ValidationError, match="two different events"):
            summit_and_note().unlink("summit", "summit", "caused")

    def test_unlink_unknown_field(self):
        """A field that links do not have raises ValidationError naming it."""
        with pytest.raises(ValidationError) as info:
            summit_and_note().unlink("summit", "note", colour="red")

        assert info.value.field == "colour"


class TestExplainAndOrder:
    def test_explain_through_an_end(self):
        """explain() follows a link from an end day."""
        t = Timeline(
            [
                Event("talks", "Talks", ends=When.unknown()),
                Event("deal", "Deal"),
            ],
            [Link("talks", "deal", "before", source_point="end", min_days=1)],
        )

        why = t.explain("talks", "deal")

        assert "the end of Talks (talks) came before Deal (deal)" in why.text
        assert why.links == t.links

    def test_chronology_puts_an_end_link_source_first(self):
        """An event that ends before another starts is listed first."""
        t = Timeline(
            [
                Event("b", "B", ends=When.unknown()),
                Event("a", "A", ends=When.unknown()),
            ],
            [Link("b", "a", "before", source_point="end", min_days=1)],
        )

        assert [e.id for e in t.chronology()] == ["b", "a"]


class TestHardening:
    @pytest.mark.parametrize("field", ["min_days", "max_days"])
    @pytest.mark.parametrize("value", [10**30, 2**63, 3652059])
    def test_gaps_beyond_the_calendar_are_refused(self, field, value):
        """A gap longer than years 1 to 9999 is refused, and nothing changes."""
        t = Timeline([Event("a", "A"), Event("b", "B")])

        with pytest.raises(ValidationError, match="calendar") as info:
            t.link("a", "b", "before", **{field: value})

        assert info.value.field == field
        assert t.links == ()
        t.link("a", "b", "before")
        assert Timeline.from_json(t.to_json()) == t

    def test_longest_gap_fits(self):
        """A gap of the whole calendar is accepted between undated events."""
        t = Timeline([Event("a", "A"), Event("b", "B")])

        t.link("a", "b", "before", min_days=3652058)

        assert len(t.links) == 1
        with pytest.raises(ChronologyConflict, match="9999-12-31"):
            t.refine("a", "2025-01-01")

    @pytest.mark.parametrize(
        ("call", "field"),
        [
            (lambda t: t.add(None), "title"),
            (lambda t: t.add("T", id=3), "id"),
            (lambda t: t.involving(3), "actor"),
            (lambda t: t.merge([1]), "other"),
            (lambda t: t.link(1, 2), "source"),
            (lambda t: t.bounds(None), "id"),
            (lambda t: t.end_bounds(1.5), "id"),
            (lambda t: t.explain(1, "a"), "a"),
            (lambda t: t.unlink("a", 2), "target"),
            (lambda t: t.relate(None, "a", "before"), "a"),
            (lambda t: Timeline(events=3), "events"),
            (lambda t: Timeline.diagnose([1], []), "events"),
        ],
    )
    def test_wrong_types_name_the_argument(self, call, field):
        """Wrong-typed arguments raise ValidationError naming the argument."""
        with pytest.raises(ValidationError) as info:
            call(Timeline([Event("a", "A")]))

        assert info.value.field == field

    def test_generated_ids_count_on(self):
        """Repeated titles get -2, -3, ...; an id freed by remove() is not reused
        out of order."""
        t = Timeline()
        ids = [t.add("Same title").id for _ in range(4)]
        t.remove("same-title-3")

        assert ids == ["same-title", "same-title-2", "same-title-3", "same-title-4"]
        assert t.add("Same title").id == "same-title-5"
        assert t.add("Same title", id="same-title-6").id == "same-title-6"
        assert t.add("Same title").id == "same-title-7"

    def test_threads_adding_and_linking_keep_it_consistent(self):
        """Writers in several threads never corrupt the timeline."""
        t = Timeline([Event("root", "Root", "2025-01-01")])
        errors: list[BaseException] = []

        def writer(name: str) -> None:
            try:
                for k in range(60):
                    e = t.add(f"{name} {k}", id=f"{name}-{k}")
                    t.link("root", e.id, "before", min_days=k % 3)
                    assert t.bounds(e.id).earliest is not None
                    t.chronology()
            except BaseException as error:  # pragma: no cover - reported below
                errors.append(error)

        threads = [threading.Thread(target=writer, args=(n,)) for n in "abcd"]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

        assert errors == []
        assert len(t) == 241
        assert len(t.links) == 240
        assert Timeline(t.events, t.links) == t


class TestAddEnds:
    def test_ends_in_words(self):
        """`ends` in words is resolved against the reference, as `when` is."""
        t = Timeline(reference="2025-04-20")

        e = t.add("Talks in Istanbul", "April 14", ends="April 17")

        assert e.ends == When.day(2025, 4, 17)
        assert t.end_bounds(e.id) == When.day(2025, 4, 17)
