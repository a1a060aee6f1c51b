"""Tests for timeline.when: the date model."""

import datetime
import pickle

import pendulum
import pytest

from timeline import (
    DateResolutionError,
    Granularity,
    TimelineError,
    ValidationError,
    When,
)
from timeline.when import to_date


class TestConstructors:
    @pytest.mark.parametrize(
        ("when", "earliest", "latest", "granularity"),
        [
            (When.day(2024, 12, 25), "2024-12-25", "2024-12-25", Granularity.DAY),
            (When.week(2025, 5), "2025-01-27", "2025-02-02", Granularity.WEEK),
            (When.week(2020, 53), "2020-12-28", "2021-01-03", Granularity.WEEK),
            (When.month(2024, 2), "2024-02-01", "2024-02-29", Granularity.MONTH),
            (When.month(2025, 2), "2025-02-01", "2025-02-28", Granularity.MONTH),
            (When.quarter(2025, 4), "2025-10-01", "2025-12-31", Granularity.QUARTER),
            (When.half(2025, 1), "2025-01-01", "2025-06-30", Granularity.HALF),
            (When.year(2024), "2024-01-01", "2024-12-31", Granularity.YEAR),
            (When.decade(1990), "1990-01-01", "1999-12-31", Granularity.DECADE),
            (When.century(1900), "1900-01-01", "1999-12-31", Granularity.CENTURY),
        ],
    )
    def test_constructor_spans(self, when, earliest, latest, granularity):
        """Each constructor gives the span of its calendar unit, and that granularity."""
        assert (to_date(earliest), to_date(latest)) == (when.earliest, when.latest)
        assert granularity is when.granularity

    def test_between_takes_dates_strings_and_whens(self):
        """between() accepts dates, ISO strings and Whens (first day of start, last of end)."""
        w = When.between(When.year(2021), "2024-12-31")

        assert When.between(datetime.date(2021, 1, 1), When.year(2024)) == w
        assert (pendulum.date(2021, 1, 1), pendulum.date(2024, 12, 31)) == (
            w.earliest,
            w.latest,
        )

    def test_between_open_sides(self):
        """None leaves a side of between() unbounded."""
        w = When.between(None, "2025-01-31")

        assert w.earliest is None
        assert w.granularity is None
        assert not w.is_bounded

    def test_unknown(self):
        """unknown() is unbounded on both sides and has no granularity."""
        w = When.unknown()

        assert (w.earliest, w.latest, w.granularity) == (None, None, None)
        assert w.is_unknown

    def test_datetimes_become_their_calendar_date(self):
        """A datetime (pendulum.today() is one) is read as its calendar date."""
        w = When(pendulum.datetime(2025, 2, 10, 23, 59), datetime.date(2025, 2, 11))

        assert pendulum.date(2025, 2, 10) == w.earliest
        assert type(w.latest) is pendulum.Date

    @pytest.mark.parametrize(
        "build",
        [
            lambda: When.day(2025, 2, 30),
            lambda: When.day(2025, 13, 1),
            lambda: When.month(2025, 0),
            lambda: When.week(2025, 53),
            lambda: When.quarter(2025, 5),
            lambda: When.half(2025, 3),
            lambda: When.decade(1995),
            lambda: When.century(1950),
            lambda: When.between("2025-02-01", "2025-01-01"),
            lambda: When("2025-01-01", "not a date"),
            lambda: When(20250101, None),
            lambda: When(None, None, approximate=True),
            lambda: When("2025-01-01", "2025-01-02", approximate="yes"),
            lambda: When("2025-01-01", "2025-01-02", uncertain=1),
            lambda: When("2025-01-01", "2025-01-02", text=5),
        ],
    )
    def test_impossible_values_raise(self, build):
        """Impossible dates raise ValidationError, a TimelineError and a ValueError."""
        with pytest.raises(ValidationError) as info:
            build()

        assert isinstance(info.value, TimelineError)
        assert isinstance(info.value, ValueError)

    def test_earliest_after_latest_names_both(self):
        """The error for a reversed span shows both days."""
        with pytest.raises(
            ValidationError, match="2025-02-01 is after latest 2025-01-01"
        ):
            When.between("2025-02-01", "2025-01-01")


class TestEquality:
    def test_text_is_provenance_only(self):
        """text takes no part in equality or hashing."""
        a = When.day(2024, 12, 25, text="December 25")
        b = When.day(2024, 12, 25)

        assert a == b
        assert hash(a) == hash(b)
        assert a.text == "December 25"

    def test_equal_spans_are_equal_whens(self):
        """One canonical form per meaning: the same span is the same When."""
        assert When.between("2025-01-01", "2025-03-31") == When.quarter(2025, 1)
        assert When.between("2025-01-27", "2025-02-02") == When.week(2025, 5)

    def test_flags_count_in_equality(self):
        """approximate and uncertain are part of the meaning."""
        assert When.month(2024, 12) != When.month(2024, 12, approximate=True)
        assert When.month(2024, 12) != When.month(2024, 12, uncertain=True)

    def test_frozen(self):
        """A When cannot be changed in place."""
        w = When.day(2024, 12, 25)

        with pytest.raises(AttributeError):
            w.earliest = None  # type: ignore[misc]

    def test_pickles(self):
        """A When survives pickling, text included."""
        w = When.month(2024, 12, approximate=True, text="late last year")

        back = pickle.loads(pickle.dumps(w))

        assert w == back
        assert w.text == back.text


class TestGranularity:
    def test_other_ranges_have_none(self):
        """A span that is not one calendar unit has no granularity."""
        assert When.between("2025-01-01", "2025-01-10").granularity is None
        assert When.between("2025-02-01", "2025-04-30").granularity is None
        assert When.between("2021-01-01", "2024-12-31").granularity is None

    def test_seven_days_from_a_tuesday_is_not_a_week(self):
        """Only Monday-to-Sunday spans are ISO weeks."""
        assert When.between("2025-01-28", "2025-02-03").granularity is None

    def test_order(self):
        """Granularities are ordered from fine to coarse."""
        assert sorted(Granularity, reverse=True)[0] is Granularity.CENTURY
        assert Granularity.DAY < Granularity.WEEK <= Granularity.MONTH
        assert Granularity.YEAR > Granularity.QUARTER >= Granularity.QUARTER


class TestComparisons:
    def test_before_needs_every_day_first(self):
        """before() is certain precedence: all possible days first."""
        dec = When.month(2024, 12)

        assert dec.before(When.day(2025, 1, 1))
        assert not dec.before(When.day(2024, 12, 31))
        assert not dec.before(When.unknown())

    def test_after(self):
        """after() is before() with the sides swapped."""
        assert When.day(2025, 1, 28).after(When.day(2025, 1, 27))
        assert not When.day(2025, 1, 27).after(When.day(2025, 1, 27))

    def test_may_precede(self):
        """may_precede() asks whether some day of a is before some day of b."""
        jan = When.month(2025, 1)

        assert jan.may_precede(When.day(2025, 1, 2))
        assert not When.day(2025, 1, 2).may_precede(When.day(2025, 1, 1))
        assert When.unknown().may_precede(When.day(2025, 1, 1))

    def test_overlaps(self):
        """overlaps() asks whether the two could be the same day."""
        assert When.month(2025, 1).overlaps(When.day(2025, 1, 31))
        assert not When.month(2025, 1).overlaps(When.day(2025, 2, 1))
        assert When.unknown().overlaps(When.day(2025, 2, 1))

    def test_contains_days_and_whens(self):
        """contains() takes a date or a When (all its days inside)."""
        y = When.year(2024)

        assert y.contains(datetime.date(2024, 2, 29))
        assert y.contains(When.month(2024, 12))
        assert not y.contains(When.between("2024-12-01", None))
        assert When.between(None, "2025-01-31").contains(When.year(1900))

    def test_intersection(self):
        """intersection() is the days both allow, None when they share none."""
        w = When.year(2024).intersection(
            When.between("2024-12-20", None, approximate=True)
        )

        assert When.between("2024-12-20", "2024-12-31", approximate=True) == w
        assert When.year(2024).intersection(When.year(2025)) is None
        assert When.unknown() == When.unknown().intersection(When.unknown())


class TestShift:
    def test_days_and_weeks(self):
        """Days and weeks move both bounds."""
        assert When.day(2024, 12, 31) == When.day(2024, 12, 25).shift(weeks=1, days=-1)

    def test_months_clamp_to_month_end(self):
        """January 31 plus a month is the last day of February."""
        assert When.day(2025, 2, 28) == When.day(2025, 1, 31).shift(months=1)
        assert When.day(2024, 2, 29) == When.day(2024, 1, 31).shift(months=1)
        assert When.day(2025, 2, 28) == When.day(2024, 2, 29).shift(years=1)

    def test_whole_months_stay_whole(self):
        """A span of whole months shifts to whole months."""
        assert When.month(2025, 3) == When.month(2025, 2).shift(months=1)
        assert When.quarter(2025, 2) == When.quarter(2025, 1).shift(months=3)
        assert When.year(2023) == When.year(2024).shift(years=-1)

    def test_open_sides_stay_open(self):
        """An unbounded side stays unbounded."""
        assert When.between(None, "2025-01-02") == When.between(
            None, "2025-01-01"
        ).shift(days=1)

    def test_out_of_range(self):
        """Shifting past the year 9999 raises ValidationError."""
        with pytest.raises(ValidationError):
            When.year(9999).shift(years=1)
        with pytest.raises(ValidationError):
            When.day(1, 1, 1).shift(days=-1)


class TestEDTF:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("2024-12-25", When.day(2024, 12, 25)),
            ("2025-01", When.month(2025, 1)),
            ("2024", When.year(2024)),
            ("2025-01-27/2025-02-02", When.week(2025, 5)),
            ("../2025-01", When.between(None, "2025-01-31")),
            ("2022/..", When.between("2022-01-01", None)),
            ("2024-12~", When.month(2024, 12, approximate=True)),
            ("2024-12?", When.month(2024, 12, uncertain=True)),
            ("2024-12%", When.month(2024, 12, approximate=True, uncertain=True)),
            ("202X", When.decade(2020)),
            ("19XX", When.century(1900)),
            ("1985-04-XX", When.month(1985, 4)),
            ("2004-XX", When.year(2004)),
            ("2025-33", When.quarter(2025, 1)),
            ("2025-41", When.half(2025, 2)),
            ("2024-24", When.between("2024-12-01", "2025-02-28")),
            ("../..", When.unknown()),
            ("/", When.unknown()),
        ],
    )
    def test_from_edtf(self, text, expected):
        """from_edtf() reads EDTF levels 0 and 1 (and level 2's quarters and halves)."""
        assert expected == When.from_edtf(text)

    @pytest.mark.parametrize(
        ("when", "text"),
        [
            (When.day(2024, 12, 25), "2024-12-25"),
            (When.month(2025, 1), "2025-01"),
            (When.year(2024), "2024"),
            (When.week(2025, 5), "2025-01-27/2025-02-02"),
            (When.quarter(2025, 1), "2025-01/2025-03"),
            (When.between(When.year(2021), When.year(2024)), "2021/2024"),
            (When.between(None, "2025-01-31"), "../2025-01"),
            (When.between("2022-01-01", "2025-02-10"), "2022-01-01/2025-02-10"),
            (When.month(2024, 12, approximate=True), "2024-12~"),
            (
                When.between("2024-12-21", "2024-12-31", approximate=True),
                "2024-12-21~/2024-12-31~",
            ),
            (When.decade(2020), "202X"),
            (When.decade(2020, uncertain=True), "2020?/2029?"),
            (When.century(1900), "19XX"),
            (When.unknown(), "../.."),
        ],
    )
    def test_to_edtf(self, when, text):
        """to_edtf() and str() write EDTF, intervals at the coarsest unit both ends fit."""
        assert text == when.to_edtf() == str(when)

    @pytest.mark.parametrize(
        "text",
        ["", "   ", "2025-13", "2025-02-30", "25-01-01", "2025/01/01/02", "0000",
         "2025-01-01T10:00", "-0100", "2025-02/2025-01", "20X5", "199X-01", "2025-25"],
    )  # fmt: skip
    def test_malformed_raise(self, text):
        """Malformed EDTF raises DateResolutionError naming the text."""
        with pytest.raises(DateResolutionError) as info:
            When.from_edtf(text)

        assert text == info.value.text

    def test_not_a_string(self):
        """A non-string is refused with DateResolutionError."""
        with pytest.raises(DateResolutionError):
            When.from_edtf(2024)  # type: ignore[arg-type]

    def test_text_keyword_records_provenance(self):
        """from_edtf(text=...) keeps the phrase the date came from."""
        assert (
            When.from_edtf("2024-12-25", text="Christmas Day").text == "Christmas Day"
        )


class TestRepr:
    @pytest.mark.parametrize(
        "when",
        [
            When.day(2024, 12, 25),
            When.week(2025, 5),
            When.month(2024, 12, approximate=True),
            When.quarter(2025, 1, uncertain=True),
            When.half(2025, 2),
            When.year(2024),
            When.decade(1990),
            When.century(1900),
            When.between("2025-01-01", "2025-01-10", approximate=True),
            When.between(None, "2025-01-31"),
            When.unknown(),
            When.day(2024, 12, 25, text="December 25"),
        ],
    )
    def test_repr_evaluates_to_an_equal_when(self, when):
        """repr() is a constructor call that rebuilds the same When."""
        rebuilt = eval(repr(when), {"When": When})

        assert when == rebuilt
        assert when.text == rebuilt.text

    def test_sort_key_orders_open_sides_outermost(self):
        """sort_key puts unbounded starts first and unbounded ends last."""
        ws = [When.year(2024), When.unknown(), When.day(2024, 1, 1)]

        ordered = sorted(ws, key=lambda w: w.sort_key)

        assert [When.unknown(), When.day(2024, 1, 1), When.year(2024)] == ordered

    def test_days(self):
        """days counts the possible days, None when unbounded."""
        assert When.year(2024).days == 366
        assert When.between(None, "2025-01-01").days is None

    def test_is_exact(self):
        """is_exact is one day with no qualifier."""
        assert When.day(2025, 1, 1).is_exact
        assert not When.day(2025, 1, 1, approximate=True).is_exact
        assert not When.month(2025, 1).is_exact
