"""Tests for timeline.testing: the strategies generate what they promise, shrink well,
reject impossible arguments, and the assertions catch what they should."""

import itertools
import subprocess
import sys
import textwrap

import attrs
import pendulum
import pytest
from hypothesis import Phase, find, given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

import timeline.testing as tt
from timeline import Granularity, When
from timeline.event import Event
from timeline.link import Link, Point, Relation

ALL_KINDS = [*Granularity, None]
# Searching and shrinking, the same way each run, without the example database or
# the (slow) explain phase.
SEARCH = settings(
    database=None,
    derandomize=True,
    phases=[Phase.generate, Phase.shrink],
    max_examples=2000,
)


def simplest(strategy, condition=lambda _: True):
    """The simplest value of `strategy` that meets `condition`, as Hypothesis shrinks it."""
    return find(strategy, condition, settings=SEARCH)


def within(w: When, lo: pendulum.Date, hi: pendulum.Date) -> bool:
    """Every bounded side of `w` lies within [lo, hi]."""
    return all(d is None or lo <= d <= hi for d in (w.earliest, w.latest))


@st.composite
def windows(draw, max_days=2000):
    """A window of days (first, last), sometimes very short."""
    lo = draw(tt.dates(min_value="1900-01-01", max_value="2100-12-31"))
    return lo, lo.add(days=draw(st.integers(0, max_days)))


class TestDates:
    @given(st.data(), windows())
    def test_within_bounds(self, data, window):
        """Every day lies within min_value and max_value."""
        lo, hi = window

        d = data.draw(tt.dates(lo, hi))

        assert isinstance(d, pendulum.Date)
        assert lo <= d <= hi

    def test_shrinks_to_the_millennium(self):
        """The simplest day is 2000-01-01."""
        assert pendulum.date(2000, 1, 1) == simplest(tt.dates())

    @pytest.mark.parametrize(
        ("kwargs", "named"),
        [
            ({"min_value": "2025-02-10", "max_value": "2025-02-09"}, "min_value"),
            ({"min_value": "yesterday"}, "min_value='yesterday'"),
            ({"max_value": 20250210}, "max_value=20250210"),
        ],
    )
    def test_bad_arguments(self, kwargs, named):
        """Impossible bounds raise InvalidArgument naming the argument."""
        with pytest.raises(InvalidArgument, match=named):
            tt.dates(**kwargs)


class TestWhens:
    @given(st.data(), windows())
    def test_within_the_window(self, data, window):
        """Every bounded side of every date lies between min_date and max_date."""
        lo, hi = window

        w = data.draw(tt.whens(min_date=lo, max_date=hi))

        assert within(w, lo, hi)

    @given(st.data(), st.sets(st.sampled_from(ALL_KINDS), min_size=1))
    def test_granularities(self, data, kinds):
        """Only the granularities asked for are generated."""
        w = data.draw(tt.whens(granularities=kinds))

        assert w.granularity in kinds

    @given(st.data(), st.booleans())
    def test_bounded(self, data, bounded):
        """bounded=True gives dates bounded on both sides, False at least one open side."""
        w = data.draw(tt.whens(bounded=bounded))

        assert bounded == w.is_bounded

    @given(st.data(), st.booleans(), st.booleans())
    def test_flags(self, data, approximate, uncertain):
        """approximate and uncertain, when given, are always what was asked."""
        w = data.draw(tt.whens(approximate=approximate, uncertain=uncertain))

        if not w.is_unknown:
            assert (approximate, uncertain) == (w.approximate, w.uncertain)

    @given(st.from_type(When))
    def test_values_are_valid(self, w):
        """Every generated date is a valid When that survives EDTF."""
        assert w == When.from_edtf(w.to_edtf())

    @pytest.mark.parametrize("g", list(Granularity))
    def test_every_granularity_occurs(self, g):
        """By default every calendar unit is generated."""
        w = simplest(tt.whens(), lambda w: w.granularity is g)

        assert g == w.granularity

    @pytest.mark.parametrize(
        ("what", "condition"),
        [
            ("a range", lambda w: w.is_bounded and w.granularity is None),
            ("open before", lambda w: w.earliest is None and w.latest is not None),
            ("open after", lambda w: w.earliest is not None and w.latest is None),
            ("unknown", lambda w: w.is_unknown),
            ("approximate", lambda w: w.approximate),
            ("uncertain", lambda w: w.uncertain),
        ],
    )
    def test_every_kind_occurs(self, what, condition):
        """By default ranges, half-open and unknown dates and both flags occur."""
        assert condition(simplest(tt.whens(), condition))

    def test_shrinks_to_a_simple_day(self):
        """A failing test's date shrinks to 2000-01-01."""
        assert When.day(2000, 1, 1) == simplest(tt.whens())

    def test_shrinks_within_a_kind(self):
        """Asked for a month, shrinking reaches the month nearest 2000-01-01."""
        month = simplest(tt.whens(), lambda w: w.granularity is Granularity.MONTH)

        assert When.month(2000, 1) == month

    @pytest.mark.parametrize(
        ("kwargs", "named"),
        [
            ({"min_date": "2025-02-10", "max_date": "2025-01-01"}, "min_date"),
            ({"min_date": "soon"}, "min_date='soon'"),
            ({"granularities": []}, "granularities=\\[\\]"),
            ({"granularities": Granularity.DAY}, "granularities="),
            ({"granularities": ["day"]}, "'day'"),
            ({"bounded": "yes"}, "bounded='yes'"),
            ({"approximate": 1}, "approximate=1"),
            ({"uncertain": "no"}, "uncertain='no'"),
            ({"granularities": [Granularity.DAY], "bounded": False}, "bounded=False"),
            (
                {
                    "granularities": [Granularity.YEAR],
                    "min_date": "2025-01-02",
                    "max_date": "2025-12-31",
                },
                "granularities=",
            ),
            (
                {
                    "granularities": [None],
                    "bounded": True,
                    "min_date": "2025-01-01",
                    "max_date": "2025-01-01",
                },
                "bounded=True",
            ),
        ],
    )
    def test_bad_arguments(self, kwargs, named):
        """Arguments no When can meet raise InvalidArgument naming the argument."""
        with pytest.raises(InvalidArgument, match=named):
            tt.whens(**kwargs)


class TestEvents:
    @given(tt.events())
    def test_values_are_valid(self, event):
        """Every generated event is an Event whose end is not before its start."""
        assert isinstance(event, Event)
        assert event.ends is None or not event.ends.before(event.when)

    @given(
        tt.events(
            ids=st.sampled_from(["crash", "protest"]),
            whens=tt.whens(min_date="2024-12-01", max_date="2025-01-31"),
        )
    )
    def test_uses_the_strategies_given(self, event):
        """ids and whens come from the strategies passed in."""
        lo, hi = pendulum.date(2024, 12, 1), pendulum.date(2025, 1, 31)

        assert event.id in ("crash", "protest")
        assert within(event.when, lo, hi)
        assert event.ends is None or within(event.ends, lo, hi)

    def test_shrinks_to_a_bare_event(self):
        """A failing test's event shrinks to an exact day and no optional fields."""
        event = simplest(tt.events(ids=st.just("crash")))

        assert Event(id="crash", title="0", when=When.day(2000, 1, 1)) == event

    @pytest.mark.parametrize("kwargs", [{"ids": "crash"}, {"whens": When.year(2024)}])
    def test_bad_arguments(self, kwargs):
        """Values where strategies belong raise InvalidArgument suggesting st.just()."""
        with pytest.raises(InvalidArgument, match="just"):
            tt.events(**kwargs)


class TestLinks:
    @given(tt.links(between=["crash", "protest", "called-in"]))
    def test_joins_two_different_ids_given(self, link):
        """Links join two different ids from the list."""
        assert {link.source, link.target} <= {"crash", "protest", "called-in"}
        assert link.source != link.target

    @given(tt.links(between=st.sampled_from("abc")))
    def test_between_takes_a_strategy(self, link):
        """between may be a strategy of ids."""
        assert link.source != link.target
        assert {link.source, link.target} <= set("abc")

    @given(st.data(), st.sets(st.sampled_from(Relation), min_size=1))
    def test_relations(self, data, relations):
        """Only the relations asked for are generated, each with a valid gap."""
        link = data.draw(tt.links(relations=relations))

        assert link.relation in relations
        lo, hi = link.gap
        assert lo is None or hi is None or lo <= hi

    def test_shrinks_to_a_plain_causal_link(self):
        """A failing test's link shrinks to CAUSED with the default gap."""
        link = simplest(tt.links(between=["crash", "protest"]))

        assert Link("crash", "protest", Relation.CAUSED) == link

    @pytest.mark.parametrize(
        ("kwargs", "named"),
        [
            ({"between": ["crash"]}, "between=\\['crash'\\]"),
            ({"between": ["crash", "crash"]}, "between="),
            ({"between": "crash"}, "between='crash'"),
            ({"between": ["crash", ""]}, "between="),
            ({"relations": []}, "relations=\\[\\]"),
            ({"relations": ["caused"]}, "'caused'"),
            ({"relations": Relation.CAUSED}, "relations="),
        ],
    )
    def test_bad_arguments(self, kwargs, named):
        """Fewer than two ids or no valid relation raise InvalidArgument."""
        with pytest.raises(InvalidArgument, match=named):
            tt.links(**kwargs)


# -- timelines -----------------------------------------------------------------------

WINDOW = (pendulum.date(2025, 1, 1), pendulum.date(2025, 1, 6))


def _domain(when, lo, hi):
    first = lo if when.earliest is None else max(lo, when.earliest)
    last = hi if when.latest is None else min(hi, when.latest)
    return range(first.toordinal(), last.toordinal() + 1)


def solutions(events, links, lo, hi):
    """
    Every assignment of (start, end) days within [lo, hi] that meets each event's own
    dates (`when` for the start, `ends` for the end, start <= end; without `ends` the
    end is the start) and each link's gap between the points it names, found by
    trying them all. A PART_OF link also ends the part by the end of a whole that
    has `ends`. Yields (starts, ends), tuples in the order of `events`.
    """
    index = {e.id: k for k, e in enumerate(events)}
    choices = []
    for e in events:
        starts = _domain(e.when, lo, hi)
        if e.ends is None:
            choices.append([(d, d) for d in starts])
        else:
            ends = _domain(e.ends, lo, hi)
            choices.append([(a, b) for a in starts for b in ends if a <= b])
    gaps = [
        (
            index[k.source],
            k.source_point.value == "end",
            index[k.target],
            k.target_point.value == "end",
            *k.gap,
        )
        for k in links
    ]
    wholes = [
        (index[k.source], index[k.target])
        for k in links
        if k.relation is Relation.PART_OF and events[index[k.target]].ends is not None
    ]
    for pairs in itertools.product(*choices):
        if all(
            (low is None or pairs[t][te] - pairs[s][se] >= low)
            and (high is None or pairs[t][te] - pairs[s][se] <= high)
            for s, se, t, te, low, high in gaps
        ) and all(pairs[part][1] <= pairs[whole][1] for part, whole in wholes):
            yield tuple(p[0] for p in pairs), tuple(p[1] for p in pairs)


def small_timelines(**kwargs):
    return tt.timelines(max_events=4, min_date=WINDOW[0], max_date=WINDOW[1], **kwargs)


class TestTimelines:
    @given(small_timelines())
    def test_consistent_by_brute_force(self, t):
        """Some choice of days meets every date and link: found by trying them all."""
        events = list(t.events)

        found = next(solutions(events, t.links, *WINDOW), None)

        assert found is not None

    @given(small_timelines())
    def test_bounds_are_exactly_the_days_of_solutions(self, t):
        """Inferred dates keep every day some solution gives an event, and, when they
        lie within the window (so every solution was tried), no other day."""
        events = list(t.events)
        found = list(solutions(events, t.links, *WINDOW))
        for which, read in ((0, t.bounds), (1, t.end_bounds)):
            bounds = [read(e.id) for e in events]
            every = [f(e.id) for e in events for f in (t.bounds, t.end_bounds)]
            for k, (e, b) in enumerate(zip(events, bounds, strict=True)):
                days = {pendulum.Date.fromordinal(s[which][k]) for s in found}
                assert all(b.contains(day) for day in days), (e, b)
                if all(x.is_bounded and within(x, *WINDOW) for x in every):
                    assert (b.earliest, b.latest) == (min(days), max(days)), (e, b)

    @given(tt.timelines())
    def test_passes_assert_consistent(self, t):
        """Every generated timeline passes the independent consistency check."""
        tt.assert_consistent(t)

    @given(st.data(), st.integers(0, 5), st.integers(0, 5))
    def test_sizes(self, data, low, extra):
        """The number of events lies between min_events and max_events."""
        t = data.draw(tt.timelines(min_events=low, max_events=low + extra))

        assert low <= len(list(t.events)) <= low + extra

    @given(st.data(), st.sets(st.sampled_from(Relation), min_size=1))
    def test_relations(self, data, relations):
        """Only the relations asked for occur."""
        t = data.draw(tt.timelines(max_events=4, relations=relations))

        assert {k.relation for k in t.links} <= relations

    @given(tt.timelines(max_events=4, undated_fraction=0.0))
    def test_no_undated_events(self, t):
        """undated_fraction=0 dates every event."""
        assert not any(e.when.is_unknown for e in t.events)

    @given(tt.timelines(max_events=4, undated_fraction=1.0))
    def test_only_undated_events(self, t):
        """undated_fraction=1 leaves every event undated."""
        assert all(e.when.is_unknown for e in t.events)

    @given(small_timelines())
    def test_within_the_window(self, t):
        """Every bounded side of every date lies within min_date and max_date."""
        assert all(within(e.when, *WINDOW) for e in t.events)

    def test_generates_rich_timelines(self):
        """Every relation, undated events, lasting events and big timelines occur."""
        seen = set()

        @settings(max_examples=150, derandomize=True, database=None)
        @given(tt.timelines())
        def collect(t):
            seen.update(k.relation for k in t.links)
            seen.update(
                kind
                for kind, present in [
                    ("undated", any(e.when.is_unknown for e in t.events)),
                    ("lasting", any(e.ends is not None for e in t.events)),
                    ("big", len(t) >= 6),
                    ("open", any(e.when.earliest is None for e in t.events)),
                    (
                        "month",
                        any(e.when.granularity is Granularity.MONTH for e in t.events),
                    ),
                ]
                if present
            )

        collect()

        assert {*Relation, "undated", "lasting", "big", "open", "month"} == seen

    def test_shrinks_to_a_minimal_timeline(self):
        """A planted failure (some causal link) shrinks to two exact days and one link."""
        t = simplest(tt.timelines(max_events=4), lambda t: len(t.links) > 0)

        assert len(list(t.events)) == 2
        assert [k.relation for k in t.links] == [Relation.CAUSED]
        assert all(e.when == When.day(2000, 1, 1) for e in t.events)

    def test_a_failing_test_reports_the_minimal_timeline(self):
        """A @given test that fails on chains of three shrinks to exactly such a chain."""
        seen = []

        @settings(SEARCH, max_examples=500)
        @given(tt.timelines(max_events=3))
        def test_no_chain_of_three(t):
            if any(
                k1.target == k2.source and k1.source != k2.target
                for k1 in t.links
                for k2 in t.links
            ):
                seen.append(t)
                raise AssertionError

        with pytest.raises(AssertionError):
            test_no_chain_of_three()

        minimal = seen[-1]
        assert len(list(minimal.events)) == 3
        assert len(minimal.links) == 2

    @pytest.mark.parametrize(
        ("kwargs", "named"),
        [
            ({"min_events": -1}, "min_events=-1"),
            ({"min_events": None}, "min_events=None"),
            ({"max_events": 1.5}, "max_events=1.5"),
            ({"min_events": 3, "max_events": 2}, "max_events=2"),
            ({"undated_fraction": 1.5}, "undated_fraction=1.5"),
            ({"undated_fraction": "half"}, "undated_fraction='half'"),
            ({"relations": []}, "relations=\\[\\]"),
            ({"consistent": "yes"}, "consistent='yes'"),
            ({"min_date": "2025-02-10", "max_date": "2025-02-01"}, "min_date"),
        ],
    )
    def test_bad_arguments(self, kwargs, named):
        """Impossible arguments raise InvalidArgument naming the argument."""
        with pytest.raises(InvalidArgument, match=named):
            tt.timelines(**kwargs)


class TestBatches:
    @given(tt.batches(max_events=5))
    def test_batches_are_events_and_links(self, batch):
        """batches() gives (events, links) with unique ids and links between them."""
        events, links = batch
        ids = [e.id for e in events]

        assert len(ids) == len(set(ids))
        assert all({k.source, k.target} <= set(ids) for k in links)

    @given(tt.batches(max_events=5))
    def test_diagnose_agrees_with_an_independent_check(self, batch):
        """Timeline.diagnose finds a problem exactly when an independent solver (and a
        search for causal cycles) finds one; a clean batch builds a consistent timeline."""
        from timeline import Timeline

        events, links = batch
        independent = bool(tt._causal_cycle(links) or tt._stn_conflict(events, links))

        assert independent == bool(Timeline.diagnose(events, links))
        if not independent:
            tt.assert_consistent(Timeline(events, links))

    def test_batches_may_conflict(self):
        """Some batches have no solution at all."""
        from timeline import Timeline

        events, links = simplest(
            tt.batches(max_events=4),
            lambda b: bool(Timeline.diagnose(*b)),
        )

        assert Timeline.diagnose(events, links)

    def test_batches_use_end_points(self):
        """Some batches link end days."""
        _, links = simplest(
            tt.batches(max_events=3),
            lambda b: any(k.source_point is Point.END for k in b[1]),
        )

        assert any(k.source_point is Point.END for k in links)

    def test_consistent_false_is_deprecated(self):
        """The old spelling still gives batches, with a DeprecationWarning."""
        with pytest.warns(DeprecationWarning, match="batches"):
            strategy = tt.timelines(consistent=False, max_events=3)

        events, links = simplest(strategy, lambda b: True)
        assert isinstance(events, tuple)
        assert isinstance(links, tuple)


class TestEverythingKind:
    """timelines() and links() draw events that last and links of every kind."""

    @pytest.mark.parametrize(
        "wanted",
        [
            lambda t: any(e.ends is not None and e.ends.is_unknown for e in t.events),
            lambda t: any(
                e.ends is not None and e.ends.earliest is not None for e in t.events
            ),
            lambda t: any(k.source_point is Point.END for k in t.links),
            lambda t: any(k.target_point is Point.END for k in t.links),
            lambda t: any(
                k.relation is Relation.BEFORE and k.gap[0] == 0 for k in t.links
            ),
        ],
        ids=["unknown end", "dated end", "from an end", "to an end", "on or before"],
    )
    def test_timelines_reach_every_kind(self, wanted):
        """Each kind of event and link occurs in some consistent timeline."""
        t = simplest(tt.timelines(max_events=4), wanted)

        assert wanted(t)
        tt.assert_consistent(t)

    def test_links_use_end_points(self):
        """links() draws BEFORE and SAME_DAY links on end days too."""
        link = simplest(
            tt.links(between=["a", "b"], relations=[Relation.BEFORE]),
            lambda k: k.points == (Point.END, Point.END),
        )

        assert link.points == (Point.END, Point.END)


# -- assertions ----------------------------------------------------------------------


def crash_and_protest():
    crash = Event(id="crash", title="Jet crashes near Aktau", when="2024-12-25")
    protest = Event(id="protest", title="Ambassador summoned", when="2025-01-28")
    return crash, protest


class TestAssertChronological:
    @given(tt.timelines(max_events=5))
    def test_passes_on_a_chronology(self, t):
        """A timeline's chronology passes."""
        tt.assert_chronological(t.chronology())

    def test_passes_on_overlapping_dates_in_any_order(self):
        """Dates that may be the same day may come in either order."""
        month = Event(id="m", title="Sometime in January", when="2025-01")
        day = Event(id="d", title="January 28", when="2025-01-28")

        tt.assert_chronological([month, day])
        tt.assert_chronological([day, month])

    def test_fails_on_planted_disorder(self):
        """An event listed after one it certainly precedes fails, naming both."""
        crash, protest = crash_and_protest()
        undated = Event(id="call", title="Condolence call")

        with pytest.raises(AssertionError) as info:
            tt.assert_chronological([protest, undated, crash])

        message = str(info.value)
        for part in ("'protest'", "Ambassador summoned", "2025-01-28", "position 0"):
            assert part in message
        for part in ("'crash'", "Jet crashes near Aktau", "2024-12-25", "position 2"):
            assert part in message

    @given(st.lists(tt.events(whens=tt.whens(bounded=True)), min_size=2, max_size=6))
    def test_fails_exactly_when_some_pair_is_out_of_order(self, events):
        """The check agrees with comparing every pair."""
        disorder = any(
            a.when.after(b.when) for a, b in itertools.combinations(events, 2)
        )

        try:
            tt.assert_chronological(events)
        except AssertionError:
            assert disorder
        else:
            assert not disorder


class TestAssertPrecedes:
    def test_passes_and_fails(self):
        """The crash precedes the protest, certainly; not the other way round."""
        from timeline import Timeline

        t = Timeline(crash_and_protest(), [Link("crash", "protest", Relation.PROMPTED)])

        tt.assert_precedes(t, "crash", "protest", certainly=True)
        with pytest.raises(
            AssertionError, match="'protest' does not come before 'crash'"
        ):
            tt.assert_precedes(t, "protest", "crash")

    def test_not_certainly(self):
        """Events whose inferred dates overlap do not certainly precede each other."""
        from timeline import Timeline

        a = Event(id="a", title="Early January", when="2025-01")
        b = Event(id="b", title="Mid January", when="2025-01-15")
        t = Timeline([a, b], [Link("a", "b", Relation.CAUSED)])

        tt.assert_precedes(t, a, b)
        with pytest.raises(AssertionError, match="not certainly before"):
            tt.assert_precedes(t, a, b, certainly=True)

    def test_unknown_event(self):
        """An id the timeline lacks fails, naming it."""
        from timeline import Timeline

        t = Timeline(crash_and_protest())

        with pytest.raises(AssertionError, match="no event 'crahs'"):
            tt.assert_precedes(t, "crahs", "protest")


class TestAssertSameChronology:
    @given(tt.timelines(max_events=5))
    def test_passes_for_any_insertion_order(self, t):
        """A timeline rebuilt from its events in reverse has the same chronology."""
        from timeline import Timeline

        rebuilt = Timeline(list(t.events)[::-1], list(t.links)[::-1])

        tt.assert_same_chronology(t, rebuilt)

    def test_fails_on_a_different_order(self):
        """Two timelines whose orders differ fail, naming the first difference."""
        from timeline import Timeline

        crash, protest = crash_and_protest()
        moved = attrs.evolve(protest, when=When.day(2024, 12, 1))

        with pytest.raises(AssertionError, match="at position 0") as info:
            tt.assert_same_chronology(
                Timeline([crash, protest]), Timeline([crash, moved])
            )
        assert "'crash'" in str(info.value)

    def test_fails_on_missing_events(self):
        """Events only one timeline has are named."""
        from timeline import Timeline

        crash, protest = crash_and_protest()

        with pytest.raises(
            AssertionError, match="only in the first timeline: \\['protest'\\]"
        ):
            tt.assert_same_chronology(Timeline([crash, protest]), Timeline([crash]))
        with pytest.raises(
            AssertionError, match="only in the second timeline: \\['protest'\\]"
        ):
            tt.assert_same_chronology(Timeline([crash]), Timeline([crash, protest]))


class TestAssertConsistent:
    def test_passes_on_the_running_example(self):
        """The crash prompting the summons is consistent."""
        from timeline import Timeline

        t = Timeline(crash_and_protest(), [Link("crash", "protest", Relation.PROMPTED)])

        tt.assert_consistent(t)

    def test_fails_on_a_planted_conflict(self):
        """A timeline whose invariants were broken behind its back fails, naming
        the events, dates and link."""
        from timeline import Timeline

        crash, protest = crash_and_protest()
        t = Timeline([crash, protest])
        # Plant the contradiction: the summons is dated before the crash that prompted it.
        broken = BrokenTimeline(t, [Link("protest", "crash", Relation.PROMPTED)])

        with pytest.raises(AssertionError) as info:
            tt.assert_consistent(broken)

        message = str(info.value)
        assert "no days satisfy these dates and links together" in message
        for part in ("'crash'", "2024-12-25", "'protest'", "2025-01-28", "prompted"):
            assert part in message

    def test_fails_on_a_planted_cycle(self):
        """Causal links around a circle fail, naming the cycle."""
        from timeline import Timeline

        a = Event(id="a", title="First")
        b = Event(id="b", title="Second")
        broken = BrokenTimeline(Timeline([a, b]), [Link("a", "b"), Link("b", "a")])

        with pytest.raises(AssertionError, match="causal links form a cycle"):
            tt.assert_consistent(broken)

    def test_fails_on_a_bound_outside_the_own_date(self):
        """An inferred date wider than the event's own date fails, naming both."""
        from timeline import Timeline

        t = Timeline(crash_and_protest())
        broken = BrokenTimeline(t, bounds={"crash": When.month(2024, 12)})

        with pytest.raises(AssertionError, match="inferred date 2024-12 of 'crash'"):
            tt.assert_consistent(broken)

    def test_fails_on_a_link_to_nowhere(self):
        """A link naming an event the timeline lacks fails, naming the id."""
        from timeline import Timeline

        broken = BrokenTimeline(Timeline(crash_and_protest()), [Link("crash", "ghost")])

        with pytest.raises(AssertionError, match="names no event 'ghost'"):
            tt.assert_consistent(broken)

    def test_fails_on_a_chronology_that_drops_events(self):
        """A chronology that leaves out an event fails."""
        from timeline import Timeline

        broken = BrokenTimeline(Timeline(crash_and_protest()), drop=1)

        with pytest.raises(AssertionError, match="not each of the 2 events once"):
            tt.assert_consistent(broken)

    def test_fails_on_a_planted_disorder(self):
        """A chronology that lists a later event first fails."""
        from timeline import Timeline

        t = Timeline(crash_and_protest())
        broken = BrokenTimeline(t, [], reverse=True)

        with pytest.raises(AssertionError, match="certainly earlier"):
            tt.assert_consistent(broken)


class BrokenTimeline:
    """A stand-in that reports a real timeline's events with extra links, widened
    inferred dates, a reversed or shortened chronology, as a buggy container might."""

    def __init__(self, t, extra_links=(), *, reverse=False, bounds=None, drop=0):
        self._t = t
        self.events = t.events
        self.links = (*t.links, *extra_links)
        self._reverse = reverse
        self._bounds = bounds or {}
        self._drop = drop

    def __getitem__(self, event_id):
        return self._t[event_id]

    def bounds(self, event_id):
        return self._bounds.get(event_id) or self._t.bounds(event_id)

    def end_bounds(self, event_id):
        return self._t.end_bounds(event_id)

    def chronology(self):
        order = list(self._t.chronology())[self._drop :]
        return order[::-1] if self._reverse else order


# -- registration --------------------------------------------------------------------


class TestRegistration:
    @pytest.mark.parametrize("name", ["When", "Event", "Link", "Timeline"])
    def test_from_type(self, name):
        """st.from_type gives values of each registered type."""
        import timeline

        cls = getattr(timeline, name)

        @settings(max_examples=5)
        @given(st.from_type(cls))
        def check(value):
            assert isinstance(value, cls)

        check()

    def test_entry_point_works_without_importing_timeline_testing(self):
        """In a fresh interpreter, st.from_type works through the entry point alone."""
        code = textwrap.dedent(
            """
            import sys
            from hypothesis import given, settings, strategies as st
            from timeline import Event, Link, Timeline, When

            assert "timeline.testing" not in sys.modules

            @settings(max_examples=5, database=None)
            @given(st.from_type(When), st.from_type(Event), st.from_type(Link),
                   st.from_type(Timeline))
            def check(w, e, k, t):
                assert isinstance(w, When) and isinstance(e, Event)
                assert isinstance(k, Link) and isinstance(t, Timeline)

            check()
            print("ok")
            """
        )
        result = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=False
        )

        assert "ok" in result.stdout, result.stderr

    def test_importing_timeline_testing_first_works(self):
        """Importing timeline.testing before Hypothesis causes no circular import."""
        code = "import timeline.testing as tt; print(tt.whens())"
        result = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=False
        )

        assert result.returncode == 0, result.stderr

    def test_timeline_does_not_import_hypothesis(self):
        """import timeline leaves Hypothesis unimported."""
        code = "import sys, timeline; print('hypothesis' in sys.modules)"
        result = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=False
        )

        assert result.stdout.strip() == "False", result.stderr

    def test_missing_hypothesis_names_the_extra(self):
        """Without Hypothesis, importing timeline.testing says which extra to install."""
        code = textwrap.dedent(
            """
            import sys
            sys.modules["hypothesis"] = None  # as if it were not installed
            try:
                import timeline.testing
            except ImportError as exc:
                print(exc)
            """
        )
        result = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=False
        )

        assert "pip install 'timeline-tracker[testing]'" in result.stdout, result.stderr
