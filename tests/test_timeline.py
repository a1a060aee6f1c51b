"""Tests for timeline.timeline: the Timeline container and its invariants."""

from __future__ import annotations

import datetime

import pendulum
import pytest

from timeline import (
    CausalCycleError,
    ChronologyConflict,
    DuplicateEventError,
    Event,
    Link,
    LinkNotFoundError,
    Relation,
    Timeline,
    UnknownEventError,
    ValidationError,
    When,
)


@pytest.fixture
def news() -> Timeline:
    """The running example of DESIGN.md, built step by step."""
    t = Timeline(reference="2025-02-10", name="Aktau")
    t.add("Passenger jet crashes near Aktau", when="December 25", id="crash")
    t.add("Russian ambassador summoned in Baku", when="January 28", id="protest")
    t.add(
        "Azerbaijani ambassador called in at the Russian MFA",
        when="a day earlier",
        relative_to="protest",
        id="called-in",
    )
    t.link("crash", "protest", Relation.PROMPTED)
    return t


def ids(events) -> list[str]:
    return [e.id for e in events]


class TestConstruction:
    """Timeline(events, links) builds all at once, or raises."""

    @pytest.mark.parametrize(
        "reference",
        [
            "2025-02-10",
            datetime.date(2025, 2, 10),
            datetime.datetime(2025, 2, 10, 9, tzinfo=datetime.UTC),
        ],
    )
    def test_reference(self, reference):
        """The reference may be an ISO string, a date or a datetime."""
        assert pendulum.Date(2025, 2, 10) == Timeline(reference=reference).reference

    def test_bad_reference(self):
        """A reference that is no date is named."""
        with pytest.raises(ValidationError, match="reference"):
            Timeline(reference="Feb 10th")

    def test_bad_name(self):
        """A name must be a string."""
        with pytest.raises(ValidationError, match="name"):
            Timeline(name=3)  # type: ignore[arg-type]

    def test_dangling_link(self):
        """A link to a missing event raises UnknownEventError."""
        with pytest.raises(UnknownEventError, match="crahs"):
            Timeline([Event("crash", "Crash")], [Link("crahs", "crash")])

    def test_conflict(self):
        """Inconsistent batches raise and build nothing."""
        with pytest.raises(ChronologyConflict):
            Timeline(
                [Event("a", "A", "2025-01-02"), Event("b", "B", "2025-01-01")],
                [Link("a", "b")],
            )

    def test_repr(self, news):
        """The repr is short: name and sizes."""
        assert repr(news) == "<Timeline 'Aktau': 3 events, 2 links>"

    def test_links_sorted(self, news):
        """links are sorted by source, target and relation."""
        assert [(k.source, k.target) for k in news.links] == [
            ("called-in", "protest"),
            ("crash", "protest"),
        ]

    def test_container(self, news):
        """len, in, [] and iteration."""
        assert len(news) == 3
        assert "crash" in news
        assert "nope" not in news
        assert 42 not in news
        assert news["crash"].title == "Passenger jet crashes near Aktau"
        assert ids(news) == ["crash", "called-in", "protest"]
        assert tuple(news.chronology()) == news.events

    def test_unknown_id(self, news):
        """t[id] suggests the id meant."""
        with pytest.raises(UnknownEventError, match="did you mean 'crash'"):
            news["crahs"]

    def test_equality_ignores_insertion_order(self, news):
        """Equal events, links, reference and name make equal timelines."""
        again = Timeline(
            reversed(news.events),
            reversed(news.links),
            reference="2025-02-10",
            name="Aktau",
        )

        assert news == again
        assert news != Timeline(news.events, news.links, reference="2025-02-10")
        assert news != "a timeline"


class TestAdd:
    """add() resolves words against the reference and records relative dates."""

    def test_running_example(self, news):
        """DESIGN.md's example: dates, relative date and chronology."""
        assert When.day(2024, 12, 25) == news.bounds("crash")
        assert When.day(2025, 1, 27) == news.bounds("called-in")
        assert news["called-in"].when.is_unknown
        assert news["called-in"].when.text == "a day earlier"

    def test_relative_link_recorded(self, news):
        """The phrase became a BEFORE link of exactly one day."""
        link = Link("called-in", "protest", Relation.BEFORE, min_days=1, max_days=1)

        assert link.key in {k.key for k in news.links}

    def test_refining_anchor_moves_relative_event(self, news):
        """New evidence for the anchor moves the event dated from it."""
        news.refine("protest", "2025-01-30")

        assert When.day(2025, 1, 29) == news.bounds("called-in")

    @pytest.mark.parametrize(
        ("phrase", "relation", "source", "gap"),
        [
            ("the same day", Relation.SAME_DAY, "protest", (0, 0)),
            ("two days later", Relation.BEFORE, "protest", (2, 2)),
            ("the day before", Relation.BEFORE, "new", (1, 1)),
        ],
    )
    def test_pure_shifts(self, news, phrase, relation, source, gap):
        """Shifts of whole days become links, in the right direction."""
        news.add("New", when=phrase, relative_to="protest", id="new")

        (link,) = [k for k in news.links if "new" in (k.source, k.target)]
        assert (relation, source, gap) == (link.relation, link.source, link.gap)

    def test_not_a_shift(self, news):
        """ "later that month" is resolved against the anchor's date instead."""
        e = news.add(
            "Cultural centre closure demanded",
            "later that month",
            relative_to="protest",
        )

        assert When.between("2025-01-29", "2025-01-31") == e.when
        assert not [k for k in news.links if e.id in (k.source, k.target)]

    def test_relative_needs_phrase(self, news):
        """relative_to with a date instead of words is an error."""
        with pytest.raises(ValidationError, match="relative_to needs a phrase"):
            news.add("X", When.day(2025, 1, 1), relative_to="protest")

    def test_relative_to_unknown(self, news):
        """The anchor must exist."""
        with pytest.raises(UnknownEventError):
            news.add("X", "a day earlier", relative_to="protst")

    def test_slug_ids(self):
        """Ids default to a readable slug of the title, made unique."""
        t = Timeline()

        first = t.add("Jet crashes near Aktau!", "2024-12-25")
        second = t.add("Jet crashes near Aktau!", "2024-12-25")
        third = t.add("???")

        assert (
            first.id,
            second.id,
            third.id,
        ) == ("jet-crashes-near-aktau", "jet-crashes-near-aktau-2", "event")

    def test_duplicate_id(self, news):
        """A taken id raises DuplicateEventError and changes nothing."""
        with pytest.raises(DuplicateEventError, match="'crash'"):
            news.add("Another crash", id="crash")

        assert len(news) == 3

    def test_fields(self):
        """Event fields pass through."""
        t = Timeline()

        e = t.add(
            "Summons", "2025-01-28", actors=["Azerbaijan", "Russia"], kind="summons"
        )

        assert e.actors == ("Azerbaijan", "Russia")
        assert t[e.id].kind == "summons"

    def test_dates_and_whens(self):
        """A When or a date works as well as words."""
        t = Timeline()

        a = t.add("A", When.month(2025, 1))
        b = t.add("B", datetime.date(2025, 1, 5))

        assert When.month(2025, 1) == a.when
        assert When.day(2025, 1, 5) == b.when


class TestAddEventAndLink:
    """add_event and link are idempotent for equal input."""

    def test_add_event_twice(self, news):
        """Adding an equal event again changes nothing."""
        assert news["crash"] == news.add_event(news["crash"])
        assert len(news) == 3

    def test_add_event_conflicting(self, news):
        """A different event under a taken id says what differs."""
        with pytest.raises(DuplicateEventError, match="title"):
            news.add_event(Event("crash", "Another crash", "2024-12-25"))

    def test_add_event_wrong_type(self, news):
        """Only events can be added."""
        with pytest.raises(ValidationError, match="expected an Event"):
            news.add_event("crash")  # type: ignore[arg-type]

    def test_link_twice(self, news):
        """The same link again is a no-op; a different one joins the pair too."""
        news.link("crash", "protest", Relation.PROMPTED)
        assert len(news.links) == 2

        news.link("crash", "protest", Relation.PROMPTED, min_days=3, note="per TASS")

        assert len(news.links) == 3
        assert [k.min_days for k in news.links if k.source == "crash"] == [None, 3]

    def test_link_conflict_changes_nothing(self, news):
        """A contradicting link raises and leaves the timeline as it was."""
        before = (news.events, news.links, [news.bounds(e.id) for e in news])

        with pytest.raises(ChronologyConflict, match=r"\(crash\)"):
            news.link("protest", "crash", Relation.BEFORE)

        assert before == (news.events, news.links, [news.bounds(e.id) for e in news])

    def test_link_cycle(self, news):
        """A causal cycle raises CausalCycleError."""
        with pytest.raises(CausalCycleError):
            news.link("protest", "crash", Relation.CAUSED)

    def test_link_unknown(self, news):
        """Links need both events."""
        with pytest.raises(UnknownEventError):
            news.link("crash", "nope")


class TestRemoveUnlinkRefine:
    """Removing and refining rebuild what they must."""

    def test_remove(self, news):
        """Removing an event removes its links."""
        removed = news.remove("protest")

        assert removed.id == "protest"
        assert news.links == ()
        assert When.unknown() == news.bounds("called-in")

    def test_remove_unknown(self, news):
        """Removing a missing event raises."""
        with pytest.raises(UnknownEventError):
            news.remove("nope")

    def test_unlink_all(self, news):
        """unlink without a relation removes every link between the two."""
        news.link("crash", "protest", Relation.BEFORE)

        gone = news.unlink("crash", "protest")

        assert len(gone) == 2
        assert len(news.links) == 1

    def test_unlink_one_relation(self, news):
        """unlink with a relation removes only that link."""
        news.link("crash", "protest", Relation.BEFORE)

        news.unlink("crash", "protest", "before")

        assert [k.relation for k in news.links if k.source == "crash"] == [
            Relation.PROMPTED
        ]

    def test_unlink_missing(self, news):
        """No such link is a clear error naming both ends."""
        with pytest.raises(
            LinkNotFoundError, match="no link from 'protest' to 'crash'"
        ):
            news.unlink("protest", "crash")

    def test_unlink_widens(self):
        """Without the link, inferred dates widen again."""
        t = Timeline([Event("a", "A", "2025-01-01"), Event("b", "B")], [Link("a", "b")])

        t.unlink("a", "b")

        assert When.unknown() == t.bounds("b")

    def test_refine_narrower(self, news):
        """A narrower date propagates."""
        t = Timeline(
            [Event("a", "A", "2025-01"), Event("b", "B")], [Link("a", "b", "before")]
        )

        t.refine("a", "2025-01-20")

        assert When.between("2025-01-21", None) == t.bounds("b")
        assert When.day(2025, 1, 20) == t["a"].when

    def test_refine_conflict_changes_nothing(self, news):
        """A date the links contradict raises and keeps the old one."""
        with pytest.raises(ChronologyConflict, match="2024-12-20"):
            news.refine("protest", "2024-12-20")

        assert When.day(2025, 1, 28) == news["protest"].when

    def test_a_whole_without_ends_bounds_nothing_after_its_start(self):
        """A whole without `ends` has an unknown end: dating its start adds no end."""
        t = Timeline([Event("war", "War"), Event("battle", "Battle", "2025-01-02")])
        t.link("battle", "war", Relation.PART_OF)

        t.refine("war", "2025-01-01")

        assert When.day(2025, 1, 1) == t.bounds("war")

    def test_refine_whole_after_its_part_raises(self):
        """A whole cannot start after its part; the old date is kept."""
        t = Timeline([Event("war", "War"), Event("battle", "Battle", "2025-01-02")])
        t.link("battle", "war", Relation.PART_OF)

        with pytest.raises(ChronologyConflict, match="2025-01-03"):
            t.refine("war", "2025-01-03")

        assert t["war"].when.is_unknown

    def test_refining_to_the_inferred_bounds_changes_nothing(self):
        """Refining an event to what the links already imply never conflicts."""
        t = Timeline(
            [
                Event("war", "War", "2025-01/.."),
                Event("battle", "Battle", "2025-03-02"),
            ],
            [Link("battle", "war", Relation.PART_OF)],
        )
        inferred = t.bounds("war")

        t.refine("war", inferred)

        assert inferred == t.bounds("war")
        assert When.day(2025, 3, 2) == t.bounds("battle")

    def test_refine_narrow_conflict_changes_nothing(self):
        """Narrowing into a contradiction is undone too."""
        t = Timeline(
            [Event("a", "A", "2025-01"), Event("b", "B", "2025-01-10")],
            [Link("a", "b", "before")],
        )

        with pytest.raises(ChronologyConflict):
            t.refine("a", "2025-01-20")

        assert When.month(2025, 1) == t["a"].when
        assert When.between("2025-01-01", "2025-01-09") == t.bounds("a")


class TestMerge:
    """merge unions compatible timelines."""

    def test_union(self, news):
        """Events and links of both; the reference is adopted when missing."""
        other = Timeline(
            [news["crash"], Event("call", "Condolence call")],
            [Link("crash", "call")],
            reference="2025-02-11",
        )
        t = Timeline()

        t.merge(news)
        t.merge(other)

        assert {"crash", "protest", "called-in", "call"} == {e.id for e in t}
        assert news.reference == t.reference
        assert t.name == "Aktau"

    def test_conflicting_event(self, news):
        """An id defined differently raises DuplicateEventError."""
        with pytest.raises(DuplicateEventError, match="'crash'"):
            news.merge(Timeline([Event("crash", "Crash", "2024-12-26")]))

    def test_other_links_join_the_pair(self, news):
        """A link between the same events with other fields is added beside the first."""
        other = Timeline(
            [news["crash"], news["protest"]],
            [Link("crash", "protest", Relation.PROMPTED, min_days=2)],
        )

        news.merge(other)

        assert len(news.links) == 3
        news.merge(other)
        assert len(news.links) == 3

    def test_inconsistent_union(self, news):
        """Timelines that contradict each other leave the first unchanged."""
        other = Timeline(
            [news["crash"], news["called-in"]],
            [Link("called-in", "crash", Relation.BEFORE)],
        )
        before = (news.events, news.links)

        with pytest.raises(ChronologyConflict):
            news.merge(other)

        assert before == (news.events, news.links)


class TestQueries:
    """between, involving, causes, effects and explain read the timeline."""

    def test_between(self, news):
        """Possibly or certainly within a window."""
        t = news
        t.add("Condolence call", id="call")
        t.link("crash", "call")

        assert ids(t.between("2025-01-01", "2025-01-31")) == [
            "call",
            "called-in",
            "protest",
        ]
        assert ids(
            t.between(When.month(2025, 1), When.month(2025, 1), certain=True)
        ) == ["called-in", "protest"]
        assert ids(t.between(end=datetime.date(2024, 12, 31))) == ["crash", "call"]

    def test_involving(self):
        """Actors match ignoring case."""
        t = Timeline(
            [
                Event("a", "A", "2025-01-01", actors=["Russia"]),
                Event("b", "B", "2025-01-02", actors=["Azerbaijan"]),
            ]
        )

        assert ids(t.involving("russia")) == ["a"]

    def test_causes_and_effects(self):
        """Direct and transitive causal neighbours; temporal links do not count."""
        t = Timeline(
            [Event(i, i.upper()) for i in "abcd"],
            [Link("a", "b"), Link("b", "c", "prompted"), Link("c", "d", "before")],
        )

        assert ids(t.effects("a")) == ["b"]
        assert ids(t.effects("a", transitive=True)) == ["b", "c"]
        assert ids(t.causes("c")) == ["b"]
        assert ids(t.causes("c", transitive=True)) == ["a", "b"]
        assert t.effects("c") == []

    def test_explain_by_links(self, news):
        """A chain of links orders the two events."""
        result = news.explain("crash", "protest")

        assert result.events == ("crash", "protest")
        assert "prompted" in str(result)

    def test_explain_by_dates(self, news):
        """Dates alone order the two events."""
        result = news.explain("crash", "called-in")

        assert "is dated 2024-12-25" in str(result)
        assert "called-in" in result.events

    def test_explain_nothing(self):
        """Nothing ordering the two is a clear error."""
        t = Timeline([Event("a", "A"), Event("b", "B")])

        with pytest.raises(ValidationError, match="nothing puts A"):
            t.explain("a", "b")


class TestDiagnose:
    """diagnose lists every problem of a batch without raising."""

    def test_clean(self, news):
        """A consistent batch has no problems."""
        assert Timeline.diagnose(news.events, news.links) == []

    def test_everything(self):
        """Duplicates, dangling links, cycles and conflicts are all reported."""
        events = [
            Event("a", "A", "2025-01-05"),
            Event("a", "A again", "2025-01-05"),
            Event("b", "B", "2025-01-01"),
            Event("c", "C"),
            Event("d", "D"),
        ]
        links = [
            Link("a", "b"),
            Link("c", "d"),
            Link("d", "c"),
            Link("a", "zz"),
        ]

        problems = Timeline.diagnose(events, links)

        texts = [p.explanation for p in problems]
        assert len(problems) == 4
        assert "two different events have the id 'a'" in texts[0]
        assert "'zz', which is not an event" in texts[1]
        assert any(isinstance(p, CausalCycleError) for p in problems)
        assert any("(b) is dated 2025-01-01" in t for t in texts)
