"""Laws of the date model, `timeline.when`, for every kind of `When`.

Each comparison is also checked against a model: a `When` as the closed interval of
day ordinals it allows, an open side standing one day beyond the calendar.
"""

import datetime

import attrs
import pendulum
from hypothesis import given
from hypothesis import strategies as st

from timeline import Granularity, When
from timeline.testing import dates, whens

MIN_ORD = datetime.date.min.toordinal()
MAX_ORD = datetime.date.max.toordinal()

# Dates drawn from the whole calendar rarely meet; dates drawn from a few months
# often do. Mixing both exercises every branch of the comparisons.
any_whens = st.one_of(
    whens(),
    whens(min_date="2024-12-01", max_date="2025-02-28"),
    whens(min_date="2020-01-01", max_date="2029-12-31"),
)
# Far enough from the calendar's ends that shifting by a few centuries stays inside.
middle_whens = whens(min_date="1000-01-01", max_date="9000-12-31")
shifts = st.integers(-100_000, 100_000)


def span(w: When) -> tuple[int, int]:
    """The model of a date: first and last possible day, open sides beyond the calendar."""
    lo = MIN_ORD - 1 if w.earliest is None else w.earliest.toordinal()
    hi = MAX_ORD + 1 if w.latest is None else w.latest.toordinal()
    return lo, hi


class TestEdtf:
    @given(any_whens)
    def test_round_trip(self, w):
        """Every When survives writing and reading EDTF, flags included."""
        text = w.to_edtf()

        assert w == When.from_edtf(text)
        assert text == str(w)

    @given(any_whens)
    def test_round_trip_is_canonical(self, w):
        """Reading a date's EDTF and writing it again gives the same text."""
        text = w.to_edtf()

        assert text == When.from_edtf(text).to_edtf()


class TestBefore:
    @given(any_whens)
    def test_irreflexive(self, w):
        """No date is certainly before itself."""
        assert not w.before(w)

    @given(any_whens, any_whens)
    def test_asymmetric(self, a, b):
        """Two dates are never each certainly before the other."""
        assert not (a.before(b) and b.before(a))

    @given(st.data())
    def test_transitive(self, data):
        """a before b and b before c: a before c."""
        a = data.draw(whens(max_date="8999-12-31"), label="a")
        start = a.latest or a.earliest or pendulum.date(2000, 1, 1)
        b = data.draw(
            whens(min_date=start.add(days=1), max_date="9499-12-31"), label="b"
        )
        start = b.latest or b.earliest or start
        c = data.draw(whens(min_date=start.add(days=1)), label="c")

        if a.before(b) and b.before(c):
            assert a.before(c)

    @given(any_whens, any_whens)
    def test_after_is_before_swapped(self, a, b):
        """a.after(b) is b.before(a)."""
        assert b.before(a) == a.after(b)

    @given(any_whens, any_whens)
    def test_matches_model(self, a, b):
        """before: a's last possible day precedes b's first."""
        (_, a_hi), (b_lo, _) = span(a), span(b)

        assert (a_hi < b_lo) == a.before(b)

    @given(any_whens, any_whens)
    def test_may_precede_matches_model(self, a, b):
        """may_precede: some possible day of a precedes some possible day of b."""
        (a_lo, _), (_, b_hi) = span(a), span(b)

        assert (a_lo < b_hi) == a.may_precede(b)

    @given(any_whens, any_whens)
    def test_may_precede_is_consistent_with_before(self, a, b):
        """Certainly before implies may precede; certainly after rules it out."""
        if a.before(b):
            assert a.may_precede(b)
        if a.after(b):
            assert not a.may_precede(b)
        if not (a.may_precede(b) or b.may_precede(a)):
            # Neither can come first: both are the same single day.
            assert a.days == b.days == 1
            assert a.earliest == b.earliest

    @given(any_whens, any_whens)
    def test_overlaps_matches_model(self, a, b):
        """overlaps: the two dates share a possible day."""
        (a_lo, a_hi), (b_lo, b_hi) = span(a), span(b)

        assert (max(a_lo, b_lo) <= min(a_hi, b_hi)) == a.overlaps(b)


class TestIntersection:
    @given(any_whens, any_whens)
    def test_commutative(self, a, b):
        """a ∩ b == b ∩ a, flags included."""
        assert b.intersection(a) == a.intersection(b)

    @given(any_whens, any_whens)
    def test_contained_in_both(self, a, b):
        """The intersection lies within each date."""
        both = a.intersection(b)

        if both is not None:
            assert a.contains(both)
            assert b.contains(both)

    @given(any_whens, any_whens)
    def test_none_iff_disjoint(self, a, b):
        """The intersection is None exactly when the dates cannot overlap."""
        assert (a.intersection(b) is None) == (not a.overlaps(b))

    @given(any_whens, any_whens)
    def test_matches_model(self, a, b):
        """The intersection allows exactly the days both dates allow."""
        (a_lo, a_hi), (b_lo, b_hi) = span(a), span(b)
        both = a.intersection(b)

        if both is not None:
            assert (max(a_lo, b_lo), min(a_hi, b_hi)) == span(both)

    @given(any_whens)
    def test_idempotent(self, w):
        """A date intersected with itself is itself."""
        assert w == w.intersection(w)


class TestContains:
    @given(any_whens, any_whens)
    def test_agrees_with_intersection(self, a, b):
        """a contains b exactly when a ∩ b spans the same days as b."""
        both = a.intersection(b)

        expected = both is not None and span(both) == span(b)
        assert expected == a.contains(b)

    @given(any_whens, any_whens)
    def test_matches_model(self, a, b):
        """contains: every possible day of b is a possible day of a."""
        (a_lo, a_hi), (b_lo, b_hi) = span(a), span(b)

        assert (a_lo <= b_lo and b_hi <= a_hi) == a.contains(b)

    @given(any_whens, dates())
    def test_a_day_is_a_one_day_when(self, w, d):
        """Containing a date is containing the When of that one day."""
        assert w.contains(When(d, d)) == w.contains(d)

    @given(any_whens)
    def test_reflexive(self, w):
        """Every date contains itself."""
        assert w.contains(w)


class TestShift:
    @given(middle_whens, shifts, shifts)
    def test_days_add_up(self, w, x, y):
        """shift(days=x) then shift(days=y) is shift(days=x + y)."""
        assert w.shift(days=x + y) == w.shift(days=x).shift(days=y)

    @given(middle_whens, st.integers(-10_000, 10_000))
    def test_weeks_are_seven_days(self, w, n):
        """shift(weeks=n) is shift(days=7 * n)."""
        assert w.shift(days=7 * n) == w.shift(weeks=n)

    @given(middle_whens, st.integers(-500, 500))
    def test_years_are_twelve_months(self, w, n):
        """shift(years=n) is shift(months=12 * n)."""
        assert w.shift(months=12 * n) == w.shift(years=n)

    @given(middle_whens, shifts)
    def test_days_keep_length_and_flags(self, w, x):
        """Shifting by days keeps the number of days, the open sides and the flags."""
        moved = w.shift(days=x)

        assert (w.days, w.approximate, w.uncertain) == (
            moved.days,
            moved.approximate,
            moved.uncertain,
        )
        assert (w.earliest is None, w.latest is None) == (
            moved.earliest is None,
            moved.latest is None,
        )

    @given(
        whens(
            granularities=[Granularity.MONTH, Granularity.QUARTER, Granularity.YEAR],
            min_date="1000-01-01",
            max_date="9000-12-31",
        ),
        st.integers(-900, 900),
    )
    def test_whole_units_stay_whole(self, w, n):
        """A month, quarter or year moved by whole years keeps its granularity."""
        assert w.granularity == w.shift(years=n).granularity


class TestGranularity:
    @given(any_whens, st.booleans(), st.booleans())
    def test_derived_from_the_span(self, w, approximate, uncertain):
        """Equal spans have equal granularity, whatever the flags."""
        if w.is_unknown:
            approximate = uncertain = False
        same_span = When(
            w.earliest, w.latest, approximate=approximate, uncertain=uncertain
        )

        assert w.granularity == same_span.granularity

    @given(any_whens)
    def test_one_canonical_form(self, w):
        """A When built from its own span and flags equals it."""
        rebuilt = When(
            w.earliest, w.latest, approximate=w.approximate, uncertain=w.uncertain
        )

        assert w == rebuilt
        assert hash(w) == hash(rebuilt)

    @given(any_whens, st.text())
    def test_text_is_not_identity(self, w, text):
        """The words a date came from take no part in equality or hashing."""
        worded = attrs.evolve(w, text=text)

        assert w == worded
        assert hash(w) == hash(worded)

    @given(dates(min_value="0100-01-01", max_value="9899-12-31"))
    def test_constructors_give_their_granularity(self, d):
        """Each named constructor yields its own granularity, holding the day it names."""
        iso_year, iso_week, _ = d.isocalendar()
        built = {
            Granularity.DAY: When.day(d.year, d.month, d.day),
            Granularity.WEEK: When.week(iso_year, iso_week),
            Granularity.MONTH: When.month(d.year, d.month),
            Granularity.QUARTER: When.quarter(d.year, (d.month + 2) // 3),
            Granularity.HALF: When.half(d.year, (d.month + 5) // 6),
            Granularity.YEAR: When.year(d.year),
            Granularity.DECADE: When.decade(d.year - d.year % 10),
            Granularity.CENTURY: When.century(d.year - d.year % 100),
        }

        for g, w in built.items():
            assert g == w.granularity
            assert w.contains(d)

    @given(any_whens)
    def test_granularity_names_its_constructor(self, w):
        """A date with a granularity is what that unit's constructor builds."""
        g, lo = w.granularity, w.earliest
        if g is None or lo is None:
            return
        flags = {"approximate": w.approximate, "uncertain": w.uncertain}
        iso_year, iso_week, _ = lo.isocalendar()
        rebuilt = {
            Granularity.DAY: lambda: When.day(lo.year, lo.month, lo.day, **flags),
            Granularity.WEEK: lambda: When.week(iso_year, iso_week, **flags),
            Granularity.MONTH: lambda: When.month(lo.year, lo.month, **flags),
            Granularity.QUARTER: lambda: When.quarter(
                lo.year, (lo.month + 2) // 3, **flags
            ),
            Granularity.HALF: lambda: When.half(lo.year, (lo.month + 5) // 6, **flags),
            Granularity.YEAR: lambda: When.year(lo.year, **flags),
            Granularity.DECADE: lambda: When.decade(lo.year, **flags),
            Granularity.CENTURY: lambda: When.century(lo.year, **flags),
        }[g]()

        assert w == rebuilt
