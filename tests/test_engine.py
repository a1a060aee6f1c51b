"""Tests for timeline._engine: the simple temporal network behind a Timeline."""

from __future__ import annotations

import pytest

from timeline._engine import Network, describe_link, link_edges
from timeline.errors import (
    CausalCycleError,
    ChronologyConflict,
    DuplicateEventError,
    UnknownEventError,
    ValidationError,
)
from timeline.event import Event
from timeline.link import Link, Relation
from timeline.when import When


def ev(id: str, when: str | None = None, **fields) -> Event:
    return Event(id, f"the {id}", When.unknown() if when is None else when, **fields)


class TestLinkEdges:
    """link_edges turns a link's gap into edges of the constraint graph."""

    def test_causal_default(self):
        """A causal link gives one forward edge of weight 0."""
        assert link_edges(Link("a", "b", Relation.CAUSED)) == [(True, 0)]

    def test_bounded_gap(self):
        """max_days adds a backward edge of negative weight."""
        link = Link("a", "b", Relation.BEFORE, min_days=2, max_days=5)

        assert link_edges(link) == [(True, 2), (False, -5)]

    def test_part_of(self):
        """PART_OF bounds the gap from above only."""
        assert link_edges(Link("a", "b", Relation.PART_OF)) == [(False, 0)]


class TestPropagation:
    """Bulk construction infers the tightest bounds."""

    def test_forward_and_backward(self):
        """An undated event between two dated ones gets both bounds."""
        net = Network(
            [ev("a", "2025-01-01"), ev("b"), ev("c", "2025-01-10")],
            [Link("a", "b", "before"), Link("b", "c", "before")],
        )

        assert When.between("2025-01-02", "2025-01-09") == net.bounds("b")

    def test_open_sides_stay_open(self):
        """Nothing bounds an undated effect from above."""
        net = Network([ev("a", "2025-01-01"), ev("b")], [Link("a", "b")])

        assert When.between("2025-01-01", None) == net.bounds("b")

    def test_same_day(self):
        """SAME_DAY gives both events the intersection of their dates."""
        net = Network(
            [ev("a", "2025-01"), ev("b", "2025-01-20/2025-02-10")],
            [Link("a", "b", Relation.SAME_DAY)],
        )

        assert When.between("2025-01-20", "2025-01-31") == net.bounds("a")
        assert net.bounds("a") == net.bounds("b")

    def test_max_days(self):
        """An upper gap pulls the source forward."""
        net = Network(
            [ev("a", "2025-01"), ev("b", "2025-01-20")],
            [Link("a", "b", "before", min_days=1, max_days=3)],
        )

        assert When.between("2025-01-17", "2025-01-19") == net.bounds("a")

    def test_part_of_end(self):
        """A part starts within the whole: after its start, by its end."""
        whole = ev("war", "2022-02-24", ends="2022-12-31")
        net = Network([whole, ev("battle")], [Link("battle", "war", "part_of")])

        assert When.between("2022-02-24", "2022-12-31") == net.bounds("battle")

    def test_unchanged_date_keeps_text(self):
        """A date that nothing narrows is returned as given, provenance included."""
        when = When.day(2025, 1, 1, text="New Year's Day")
        net = Network([Event("a", "A", when)], [])

        assert net.bounds("a").text == "New Year's Day"

    def test_flags_kept(self):
        """A narrowed approximate date stays approximate."""
        net = Network(
            [ev("a", "2025-01~"), ev("b", "2025-01-10")], [Link("a", "b", "before")]
        )

        assert net.bounds("a").approximate

    def test_cyclic_but_consistent(self):
        """Upper gaps make cycles in the graph; consistent ones are solved."""
        net = Network(
            [ev("a"), ev("b", "2025-01-05"), ev("c")],
            [
                Link("a", "b", "before", min_days=1, max_days=1),
                Link("c", "b", Relation.SAME_DAY),
            ],
        )

        assert When.day(2025, 1, 4) == net.bounds("a")
        assert When.day(2025, 1, 5) == net.bounds("c")


class TestConflicts:
    """Contradictions raise errors that name what contradicts what."""

    def test_effect_before_cause(self):
        """The running example: a protest dated before the crash it answered."""
        events = [
            Event("crash", "the crash", "2024-12-25"),
            Event("protest", "the summons", "2024-12-20"),
        ]

        with pytest.raises(ChronologyConflict) as info:
            Network(events, [Link("crash", "protest", Relation.PROMPTED)])

        assert info.value.explanation == (
            "the summons (protest) is dated 2024-12-20 but it was prompted by "
            "the crash (crash) on 2024-12-25"
        )
        assert {"crash", "protest"} == set(info.value.events)
        assert len(info.value.links) == 1

    def test_long_chain_named(self):
        """Every event and link of a longer contradiction is named."""
        with pytest.raises(ChronologyConflict) as info:
            Network(
                [ev("a", "2025-01-05"), ev("b"), ev("c", "2025-01-05")],
                [Link("a", "b", "before"), Link("b", "c", "before")],
            )

        text = info.value.explanation
        for name in ("(a)", "(b)", "(c)", "2025-01-05", "came before"):
            assert name in text
        assert len(info.value.links) == 2

    def test_causal_cycle(self):
        """Causal links in a circle raise CausalCycleError with the cycle."""
        with pytest.raises(CausalCycleError) as info:
            Network(
                [ev("a"), ev("b"), ev("c")],
                [Link("a", "b"), Link("b", "c"), Link("c", "a", "enabled")],
            )

        assert {"a", "b", "c"} == set(info.value.cycle)
        assert "causal links form a cycle" in str(info.value)
        assert len(info.value.links) == 3

    def test_same_day_causal_cycle(self):
        """A same-day causal cycle holds in dates but not as causation."""
        with pytest.raises(CausalCycleError):
            Network([ev("a"), ev("b")], [Link("a", "b"), Link("b", "a")])

    def test_positive_cycle(self):
        """BEFORE links in a circle need an event to follow itself."""
        with pytest.raises(ChronologyConflict) as info:
            Network(
                [ev("a"), ev("b")],
                [Link("a", "b", "before"), Link("b", "a", "before")],
            )

        assert "after itself" in info.value.explanation
        assert "the a (a)" in info.value.explanation
        assert not isinstance(info.value, CausalCycleError)

    def test_part_of_end_conflict(self):
        """A part dated after the whole ended is named with the whole's end."""
        with pytest.raises(ChronologyConflict) as info:
            Network(
                [ev("war", "2022", ends="2022"), ev("battle", "2023-03-01")],
                [Link("battle", "war", "part_of")],
            )

        assert "the end of the war (war) is dated 2022" in info.value.explanation
        assert "cannot end before 2023-03-01" in info.value.explanation

    def test_beyond_the_calendar(self):
        """Nothing can come after 9999-12-31."""
        with pytest.raises(ChronologyConflict) as info:
            Network(
                [ev("end", "9999-12-31"), ev("after")], [Link("end", "after", "before")]
            )

        assert "9999-12-31" in info.value.explanation


class TestInputErrors:
    """Bad batches raise the error for their kind of mistake."""

    def test_dangling_link(self):
        """A link to a missing event names it, with a suggestion."""
        with pytest.raises(UnknownEventError) as info:
            Network([ev("crash")], [Link("crash", "protst")])

        assert info.value.id == "protst"

    def test_duplicate_event(self):
        """Two different events with one id raise DuplicateEventError."""
        with pytest.raises(DuplicateEventError) as info:
            Network([ev("a", "2025"), ev("a", "2024")], [])

        assert "when" in str(info.value)

    def test_equal_repeats_dropped(self):
        """Repeating an equal event or link is harmless."""
        net = Network([ev("a"), ev("a"), ev("b")], [Link("a", "b"), Link("a", "b")])

        assert len(net) == 2
        assert net.link_count() == 1

    def test_several_links_per_pair(self):
        """One pair and relation may carry two different gaps: both hold."""
        net = Network(
            [ev("a", "2025-01-01"), ev("b")],
            [Link("a", "b"), Link("a", "b", min_days=2)],
        )

        assert net.link_count() == 2
        assert When.between("2025-01-03", None) == net.bounds("b")

    @pytest.mark.parametrize(
        ("events", "links"), [(["a"], []), ([], ["a"])], ids=["event", "link"]
    )
    def test_wrong_types(self, events, links):
        """Something that is not an Event or Link is named."""
        with pytest.raises(ValidationError, match=r"expected an? (Event|Link)"):
            Network(events, links)


class TestIncremental:
    """add_link and narrow change only what they touch, or nothing."""

    def test_add_link_propagates(self):
        """A new link narrows the events it reaches."""
        net = Network([ev("a", "2025-01-01"), ev("b"), ev("c")], [Link("b", "c")])
        with net.transaction():
            net.add_link(Link("a", "b", "before"))

        assert When.between("2025-01-02", None) == net.bounds("c")
        assert len(net) == 3

    def test_rollback_restores(self):
        """A conflicting link leaves bounds, links and edges as they were."""
        net = Network(
            [ev("a", "2025-01-05"), ev("b"), ev("c", "2025-01-03")],
            [Link("a", "b")],
        )
        before = [net.bounds(i) for i in "abc"], net.links(), net.links_of("c")

        with pytest.raises(ChronologyConflict), net.transaction():
            net.add_link(Link("b", "c"))

        assert before == (
            [net.bounds(i) for i in "abc"],
            net.links(),
            net.links_of("c"),
        )

    def test_new_link_closes_causal_cycle(self):
        """The cycle names the new link too."""
        net = Network([ev("a"), ev("b")], [Link("a", "b")])

        with pytest.raises(CausalCycleError) as info, net.transaction():
            net.add_link(Link("b", "a", Relation.PROMPTED))

        assert Link("b", "a", Relation.PROMPTED) in info.value.links

    def test_new_link_closes_positive_cycle(self):
        """Undated events in a BEFORE circle are caught without looping."""
        net = Network([ev("a"), ev("b"), ev("c")], [Link("a", "b", "before")])
        with net.transaction():
            net.add_link(Link("b", "c", "before"))

        with pytest.raises(ChronologyConflict, match="after itself"), net.transaction():
            net.add_link(Link("c", "a", "before"))

        assert net.link_count() == 2

    def test_narrow(self):
        """A narrower own date moves linked events."""
        net = Network([ev("a", "2025-01"), ev("b")], [Link("a", "b", "before")])
        with net.transaction():
            net.narrow("a", When.day(2025, 1, 20))

        assert When.between("2025-01-21", None) == net.bounds("b")

    def test_narrow_rejects_wider(self):
        """narrow() takes only a date within the old one."""
        net = Network([ev("a", "2025-01")], [])

        with pytest.raises(ValueError, match="within the old one"):
            net.narrow("a", When.year(2025))


class TestDescribeLink:
    """describe_link reads a link aloud."""

    @pytest.mark.parametrize(
        ("link", "expected"),
        [
            (Link("a", "b"), "the a (a) caused the b (b)"),
            (Link("a", "b", "before"), "the a (a) came before the b (b)"),
            (
                Link("a", "b", "before", min_days=3),
                "the a (a) came before the b (b) (at least 3 days earlier)",
            ),
            (
                Link("a", "b", "before", min_days=1, max_days=1),
                "the a (a) came before the b (b) (1 day earlier)",
            ),
            (
                Link("a", "b", "same_day"),
                "the a (a) happened the same day as the b (b)",
            ),
        ],
    )
    def test_texts(self, link, expected):
        """Each relation and gap has words."""
        assert expected == describe_link(link, ev("a"), ev("b"))


class TestNearLinear:
    """The paths issue 9 found quadratic do work proportional to their input."""

    def test_fixed_gap_chain_listed_backwards(self, monkeypatch):
        """A chain of one-day gaps, listed backwards, is settled with a few updates
        per event, not one per event per pass."""
        n = 1500
        events = [ev(f"e{i:05d}") for i in range(n + 1)]
        events[0] = ev("e00000", "2025-01-01")
        links = [
            Link(f"e{i:05d}", f"e{i + 1:05d}", "before", min_days=1, max_days=1)
            for i in range(n)
        ]
        updates = 0
        original = Network._set

        def counting(self, arr, i, value):
            nonlocal updates
            updates += 1
            original(self, arr, i, value)

        monkeypatch.setattr(Network, "_set", counting)

        net = Network(events[::-1], links[::-1])

        assert net.bounds(f"e{n:05d}") == When.from_edtf("2029-02-09")
        assert updates < 10 * n

    def test_diagnose_builds_at_most_twice(self, monkeypatch):
        """diagnose() builds the batch once, then adds links one by one."""
        builds = 0
        original = Network._build

        def counting(self):
            nonlocal builds
            builds += 1
            original(self)

        monkeypatch.setattr(Network, "_build", counting)
        events = [ev(f"a{i}", "2025-01-02") for i in range(50)]
        events += [ev(f"b{i}", "2025-01-01") for i in range(50)]
        links = [Link(f"a{i}", f"b{i}", "before") for i in range(50)]

        found = Network.diagnose(events, links)

        assert len(found) == 50
        assert builds == 2

    def test_generated_ids_are_found_at_once(self, monkeypatch):
        """Each generated id is found with a couple of lookups, not one per earlier copy."""
        from timeline import Timeline

        lookups = 0
        original = Network.__contains__

        def counting(self, id):
            nonlocal lookups
            lookups += 1
            return original(self, id)

        monkeypatch.setattr(Network, "__contains__", counting)
        t = Timeline()
        for _ in range(300):
            t.add("Same title")

        assert len(t) == 300
        assert lookups < 4 * 300

    def test_conflict_names_each_link_once(self):
        """A long contradictory chain's conflict lists each of its links once."""
        n = 300
        events = [ev(f"e{i}") for i in range(n + 1)]
        events[0] = ev("e0", "2025-01-01")
        events[n] = ev(f"e{n}", "2025-01-02")
        links = [Link(f"e{i}", f"e{i + 1}", "before") for i in range(n)]

        with pytest.raises(ChronologyConflict) as info:
            Network(events, links)

        assert sorted(info.value.links, key=Link.sort_key) == sorted(
            links, key=Link.sort_key
        )
