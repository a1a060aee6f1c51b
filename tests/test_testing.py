"""Tests for timeline.testing: the strategies generate what they promise, shrink well,
reject impossible arguments, and the assertions catch what they should."""

import pendulum
import pytest
from hypothesis import Phase, find, given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

import timeline.testing as tt
from timeline import Granularity, When
from timeline.event import Event
from timeline.link import Link, Relation

ALL_KINDS = [*Granularity, None]
# Searching and shrinking without the example database or the (slow) explain phase.
SEARCH = settings(
    database=None, phases=[Phase.generate, Phase.shrink], max_examples=2000
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
