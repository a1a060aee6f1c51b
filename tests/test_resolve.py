# ruff: noqa: RUF001 - Cyrillic and Turkic letters in the texts of other languages
"""Tests for timeline.resolve: the words a reporter used, as a When."""

from __future__ import annotations

import concurrent.futures
import datetime
import re
import subprocess
import sys
import threading
import tracemalloc

import pendulum
import pytest

from timeline import DateResolutionError, Granularity, ValidationError, When, resolve
from timeline._words import english
from timeline.resolve import MAX_LENGTH, cache_clear, cache_info

REF = "2025-02-10"  # a Monday


def edtf(text: str, reference: str | None = REF, **kwargs: object) -> str:
    return str(resolve(text, reference, **kwargs))  # type: ignore[arg-type]


class TestYearlessDates:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("December 25", "2024-12-25"),
            ("Dec. 25", "2024-12-25"),
            ("25 December", "2024-12-25"),
            ("the 25th of December", "2024-12-25"),
            ("January 28", "2025-01-28"),
            ("Feb 10", "2025-02-10"),
            ("on Jan. 27", "2025-01-27"),
        ],
    )
    def test_past_by_default(self, text: str, expected: str) -> None:
        """A date without a year is the latest one on or before the reference."""
        assert expected == edtf(text)

    def test_february_29(self) -> None:
        """February 29 read on 2025-03-01 is the leap day of 2024."""
        assert edtf("February 29", "2025-03-01") == "2024-02-29"

    def test_future(self) -> None:
        """prefer='future' takes the first one on or after the reference."""
        assert edtf("December 25", prefer="future") == "2025-12-25"
        assert edtf("February 10", prefer="future") == "2025-02-10"

    def test_nearest(self) -> None:
        """prefer='nearest' takes the closest one."""
        assert edtf("March 1", prefer="nearest") == "2025-03-01"
        assert edtf("December 25", prefer="nearest") == "2024-12-25"

    def test_month_without_year(self) -> None:
        """A bare month is the latest one that has started by the reference."""
        assert edtf("December") == "2024-12"
        assert edtf("February") == "2025-02"

    def test_weekday_with_date_picks_the_year(self) -> None:
        """'Saturday, April 25' is the nearest April 25 that is a Saturday."""
        assert edtf("Saturday, April 25", "1998-04-24") == "1998-04-25"


class TestGranularity:
    @pytest.mark.parametrize(
        ("text", "expected", "granularity"),
        [
            ("2024", "2024", Granularity.YEAR),
            ("in 2024", "2024", Granularity.YEAR),
            ("the year 2024", "2024", Granularity.YEAR),
            ("January 2025", "2025-01", Granularity.MONTH),
            ("Jan. 2025", "2025-01", Granularity.MONTH),
            ("last week", "2025-02-03/2025-02-09", Granularity.WEEK),
            ("this week", "2025-02-10/2025-02-16", Granularity.WEEK),
            ("Q1 2025", "2025-01/2025-03", Granularity.QUARTER),
            ("the first quarter of 2025", "2025-01/2025-03", Granularity.QUARTER),
            ("third-quarter", "2024-07/2024-09", Granularity.QUARTER),
            ("the first half of 2025", "2025-01/2025-06", Granularity.HALF),
            ("H2 2024", "2024-07/2024-12", Granularity.HALF),
            ("the 1990s", "199X", Granularity.DECADE),
            ("the '90s", "199X", Granularity.DECADE),
            ("the 20th century", "19XX", Granularity.CENTURY),
            ("this year", "2025", Granularity.YEAR),
            ("last year", "2024", Granularity.YEAR),
            ("next year", "2026", Granularity.YEAR),
            ("last month", "2025-01", Granularity.MONTH),
            ("this month", "2025-02", Granularity.MONTH),
            ("the last decade", "201X", Granularity.DECADE),
            ("week 5 of 2025", "2025-01-27/2025-02-02", Granularity.WEEK),
            ("2025-W05", "2025-01-27/2025-02-02", Granularity.WEEK),
        ],
    )
    def test_unit(self, text: str, expected: str, granularity: Granularity) -> None:
        """The result covers the unit the words name."""
        w = resolve(text, REF)

        assert (expected, granularity) == (str(w), w.granularity)

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("early January 2025", "2025-01-01~/2025-01-10~"),
            ("mid-January 2025", "2025-01-11~/2025-01-20~"),
            ("late January 2025", "2025-01-21~/2025-01-31~"),
            ("late February 2024", "2024-02-21~/2024-02-29~"),
            ("early 2024", "2024-01~/2024-04~"),
            ("mid-2024", "2024-05~/2024-08~"),
            ("late 2024", "2024-09~/2024-12~"),
            ("the end of 1990", "1990-09~/1990-12~"),
            ("the beginning of October 2024", "2024-10-01~/2024-10-10~"),
            ("the early 1990s", "1990~/1993~"),
            ("late last week", "2025-02-07~/2025-02-09~"),
        ],
    )
    def test_parts_are_approximate(self, text: str, expected: str) -> None:
        """Early, mid and late are thirds, marked approximate."""
        w = resolve(text, REF)

        assert expected == str(w)
        assert w.approximate

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("summer 1998", "1998-06/1998-08"),
            ("the summer of 1998", "1998-06/1998-08"),
            ("spring 2024", "2024-03/2024-05"),
            ("autumn 2024", "2024-09/2024-11"),
            ("fall 2024", "2024-09/2024-11"),
            ("winter 1998", "1998-12/1999-02"),
            ("last summer", "2024-06/2024-08"),
            ("this winter", "2024-12/2025-02"),
        ],
    )
    def test_seasons(self, text: str, expected: str) -> None:
        """Seasons are meteorological: summer is June to August."""
        assert expected == edtf(text)

    def test_weekend(self) -> None:
        """The weekend is the latest Saturday and Sunday."""
        assert edtf("the weekend") == "2025-02-08/2025-02-09"
        assert edtf("next weekend") == "2025-02-15/2025-02-16"


class TestOpenSpans:
    def test_since(self) -> None:
        """'since 2022' runs from 2022-01-01 to the reference."""
        assert edtf("since 2022") == "2022-01-01/2025-02-10"

    def test_before(self) -> None:
        """'before March 2025' has an open start and ends on the last day of February."""
        w = resolve("before March 2025", REF)

        assert (None, pendulum.date(2025, 2, 28)) == (w.earliest, w.latest)

    def test_after_and_by(self) -> None:
        """'after' opens the end; 'by' ends with the period named."""
        assert edtf("after March 2025") == "2025-04/.."
        assert edtf("by March 2025") == "../2025-03"
        assert edtf("1994 or later") == "1994/.."

    def test_ranges(self) -> None:
        """A range takes the year of its end when its start has none."""
        assert edtf("from 2021 to 2024") == "2021/2024"
        assert edtf("between March and May 2025") == "2025-03/2025-05"

    def test_since_the_future_raises(self) -> None:
        """'since' a date after the reference is an error."""
        with pytest.raises(DateResolutionError):
            resolve("since 2030", REF)


class TestRelativeToTheReference:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("today", "2025-02-10"),
            ("tonight", "2025-02-10"),
            ("now", "2025-02-10"),
            ("yesterday", "2025-02-09"),
            ("late yesterday", "2025-02-09"),
            ("tomorrow", "2025-02-11"),
            ("two days ago", "2025-02-08"),
            ("2 days ago", "2025-02-08"),
            ("in two days", "2025-02-12"),
            ("on Tuesday", "2025-02-04"),
            ("Monday", "2025-02-10"),
            ("Friday night", "2025-02-07"),
            ("last Friday", "2025-02-07"),
            ("last Monday", "2025-02-03"),
            ("next Monday", "2025-02-17"),
            ("this Friday", "2025-02-14"),
            ("a year ago", "2024-02-10"),
            ("two years ago", "2023"),
            ("the year two thousand", "2000"),
            ("six weeks ago", "2024-12-30/2025-01-05"),
            ("earlier this month", "2025-02-01/2025-02-10"),
            ("later this month", "2025-02-10/2025-02-28"),
            ("the past two years", "2023-02-10/2025-02-10"),
            ("recently", "../2025-02-10"),
            ("soon", "2025-02-10/.."),
            ("Christmas", "2024-12-25"),
            ("Thanksgiving 1999", "1999-11-25"),
        ],
    )
    def test_phrase(self, text: str, expected: str) -> None:
        """Phrases counted from the reference day."""
        assert expected == edtf(text)

    def test_approximately(self) -> None:
        """'around' and 'or so' mark the date approximate."""
        assert edtf("around Nov. 1") == "2024-11-01~"
        assert resolve("a week or so ago", REF).approximate

    def test_fiscal_is_uncertain(self) -> None:
        """A fiscal period is read as the calendar one, marked uncertain."""
        w = resolve("fiscal 2024", REF)

        assert (When.year(2024, uncertain=True), True) == (w, w.uncertain)

    @pytest.mark.parametrize(
        "text", ["yesterday", "December 25", "last week", "Tuesday", "this year"]
    )
    def test_needs_a_reference(self, text: str) -> None:
        """There is no hidden clock: without a reference these raise and say so."""
        with pytest.raises(DateResolutionError, match="reference"):
            resolve(text)

    @pytest.mark.parametrize(
        "text", ["2024", "December 25, 2024", "Q1 2025", "the 1990s"]
    )
    def test_absolute_needs_no_reference(self, text: str) -> None:
        """Phrases that name their year need no reference."""
        assert resolve(text).is_bounded


class TestAnchor:
    ANCHOR = When.day(2025, 1, 28)

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("a day earlier", "2025-01-27"),
            ("the day before", "2025-01-27"),
            ("the previous day", "2025-01-27"),
            ("the following day", "2025-01-29"),
            ("the next day", "2025-01-29"),
            ("the day after", "2025-01-29"),
            ("two days later", "2025-01-30"),
            ("a week after", "2025-02-04"),
            ("three weeks earlier", "2025-01-07"),
            ("a month later", "2025-02-28"),
            ("the same day", "2025-01-28"),
            ("that day", "2025-01-28"),
            ("then", "2025-01-28"),
            ("later that month", "2025-01-29/2025-01-31"),
            ("earlier that month", "2025-01-01/2025-01-27"),
            ("that week", "2025-01-27/2025-02-02"),
            ("the following week", "2025-02-03/2025-02-09"),
            ("the following year", "2026"),
            ("that year", "2025"),
        ],
    )
    def test_phrase(self, text: str, expected: str) -> None:
        """Anaphoric phrases count from the anchor, not the reference."""
        assert expected == edtf(text, REF, anchor=self.ANCHOR)

    def test_span_anchor_gives_span(self) -> None:
        """An anchor that is a span moves both bounds and keeps its flags."""
        anchor = When.month(2025, 1, approximate=True, uncertain=True)
        w = resolve("two days later", anchor=anchor)

        assert (
            When(
                pendulum.date(2025, 1, 3),
                pendulum.date(2025, 2, 2),
                approximate=True,
                uncertain=True,
            )
            == w
        )

    def test_anchor_as_string(self) -> None:
        """The anchor may be an EDTF string or a date."""
        assert edtf("a day earlier", None, anchor="2025-01-28") == "2025-01-27"
        assert (
            edtf("a day earlier", None, anchor=datetime.date(2025, 1, 28))
            == "2025-01-27"
        )

    @pytest.mark.parametrize(
        "text",
        [
            "a day earlier",
            "the day before",
            "the following day",
            "later that month",
            "that week",
        ],
    )
    def test_without_anchor_raises(self, text: str) -> None:
        """An anaphoric phrase without an anchor is an error, never a guess."""
        with pytest.raises(DateResolutionError, match="anchor"):
            resolve(text, REF)


class TestContext:
    def test_future_cue_moves_a_weekday(self) -> None:
        """'will' puts a bare weekday after the reference."""
        assert edtf("Tuesday", context="Talks will resume on Tuesday.") == "2025-02-11"
        assert edtf("Tuesday", context="Talks resumed on Tuesday.") == "2025-02-04"

    @pytest.mark.parametrize(
        "sentence",
        [
            "The dividend is payable March 3.",
            "The parliament is expected to vote on March 3.",
            "The ministry plans to reopen the embassy on March 3.",
            "The court reconvenes March 3.",
        ],
    )
    def test_future_cues_move_a_date(self, sentence: str) -> None:
        """Cue words choose the future for a year-less date."""
        assert edtf("March 3", context=sentence) == "2025-03-03"

    def test_no_cue_keeps_prefer(self) -> None:
        """Without a cue, `prefer` decides."""
        assert edtf("March 3", context="The talks began on March 3.") == "2024-03-03"

    def test_quarters_ignore_tense(self) -> None:
        """A quarter a company 'expects to report' is still the latest one."""
        sentence = "The company expects to report a third-quarter loss."
        assert edtf("third-quarter", context=sentence) == "2024-07/2024-09"

    def test_year_ago_in_a_quarter_sentence(self) -> None:
        """In a sentence about a quarter, 'a year ago' is that quarter a year before."""
        sentence = (
            "Third-quarter sales fell to $1.27 billion from $1.43 billion a year ago."
        )
        assert edtf("a year ago", context=sentence) == "2023-07/2023-09"

    @pytest.mark.parametrize(
        ("sentence", "expected"),
        [
            (
                "The ministry announced a plan to close the centre in December.",
                "2025-12",
            ),
            ("Baku agreed to close the centre in December.", "2024-12"),
            ("The envoy was recalled to Moscow in December.", "2024-12"),
            ("Talks are continuing under a December agreement.", "2024-12"),
            ("The envoy had to leave Baku in December.", "2024-12"),
            ("The envoy is said to have left Baku in December.", "2024-12"),
            ("The team planned to leave Baku in December.", "2025-12"),
            ("The parliament will hold a December vote.", "2025-12"),
            ("Exports fell due to heavy snow in December.", "2024-12"),
        ],
    )
    def test_infinitives_and_modifiers(self, sentence: str, expected: str) -> None:
        """An infinitive points ahead, unless a past verb governs it; a date that modifies a noun keeps `prefer`."""
        assert expected == edtf("December", context=sentence)

    @pytest.mark.parametrize(
        "sentence",
        [
            "Moscow set March 3 as the deadline for a reply.",
            "Baku said it would not accept a March 3 deadline.",
            "The ministry gave no reason for the March 3 return date.",
        ],
    )
    def test_deadlines_point_ahead(self, sentence: str) -> None:
        """A date that names a deadline is in the future."""
        assert edtf("March 3", context=sentence) == "2025-03-03"

    @pytest.mark.parametrize(
        ("text", "sentence", "expected"),
        [
            (
                "the following year",
                "On March 3, 2021, the envoy arrived in Baku, and the following year he left.",
                "2022",
            ),
            ("that year", "Trade grew 5% in 2022, the fastest rise that year.", "2022"),
            ("a year earlier", "Trade rose 12% from a year earlier.", "2024-02-10"),
            (
                "two days later",
                "The talks ended on 3 March 2021; two days later he left.",
                "2021-03-05",
            ),
        ],
    )
    def test_anchor_named_by_the_sentence(
        self, text: str, sentence: str, expected: str
    ) -> None:
        """An anaphoric phrase counts from the date its sentence names, or from the reference in a comparison."""
        assert expected == edtf(text, context=sentence)

    @pytest.mark.parametrize(
        "sentence",
        [
            "A year earlier, the envoy left.",
            "Sales of 1,999 units rose a year earlier.",
        ],
    )
    def test_no_anchor_in_the_sentence_raises(self, sentence: str) -> None:
        """A sentence that names no date and compares nothing gives no anchor."""
        with pytest.raises(DateResolutionError, match="anchor"):
            resolve("a year earlier", REF, context=sentence)

    def test_the_quarter_in_a_report(self) -> None:
        """In a sentence, 'the quarter' with no anchor is the latest quarter to end; 'that quarter' still needs one."""
        sentence = "Both units posted lower earnings for the quarter."
        assert edtf("the quarter", context=sentence) == "2024-10/2024-12"
        assert edtf("the latest period") == "2024-10/2024-12"
        with pytest.raises(DateResolutionError, match="anchor"):
            resolve("the quarter", REF)
        with pytest.raises(DateResolutionError, match="anchor"):
            resolve("that quarter", REF, context="Results for that quarter were weak.")

    def test_the_day(self) -> None:
        """'The day' (as in 'later in the day') is the anchor's day, else the reference's."""
        assert edtf("the day") == REF
        assert edtf("the day", anchor=When.day(2024, 12, 25)) == "2024-12-25"


class TestNumeric:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("2025-01-28", "2025-01-28"),
            ("2025-01-28T10:30:00Z", "2025-01-28"),
            ("2025-01", "2025-01"),
            ("28/01/2025", "2025-01-28"),
            ("28.01.2025", "2025-01-28"),
            ("1/28/2025", "2025-01-28"),
            ("01/01/2025", "2025-01-01"),
            ("2025/01/28", "2025-01-28"),
            ("01/2025", "2025-01"),
        ],
    )
    def test_unambiguous(self, text: str, expected: str) -> None:
        """ISO dates and dates with a day over 12 need no date_order."""
        assert expected == edtf(text, None)

    def test_ambiguous_raises(self) -> None:
        """01/02/2025 could be January 2 or February 1."""
        with pytest.raises(DateResolutionError, match="date_order"):
            resolve("01/02/2025")

    @pytest.mark.parametrize(
        ("order", "expected"), [("DMY", "2025-02-01"), ("MDY", "2025-01-02")]
    )
    def test_date_order(self, order: str, expected: str) -> None:
        """date_order says how to read an ambiguous date."""
        assert expected == edtf("01/02/2025", None, date_order=order)

    def test_date_order_ymd(self) -> None:
        """YMD reads year-first dates and refuses year-last ones."""
        assert edtf("2025.01.02", None, date_order="YMD") == "2025-01-02"
        with pytest.raises(DateResolutionError):
            resolve("01/02/2025", date_order="YMD")

    @pytest.mark.parametrize(
        "text", ["2025-02-30", "31/04/2025", "2025-13", "13/13/2025", "01/02/25"]
    )
    def test_invalid_raises(self, text: str) -> None:
        """No such day, no such month, or a two-digit year."""
        with pytest.raises(DateResolutionError):
            resolve(text)


class TestOtherLanguages:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("28 января 2025", "2025-01-28"),
            ("28 января", "2025-01-28"),
            ("январь 2025", "2025-01"),
            ("28 yanvar 2025", "2025-01-28"),
            ("28 janvier 2025", "2025-01-28"),
            ("le 28 janvier 2025", "2025-01-28"),
            ("janvier 2025", "2025-01"),
            ("28. Januar 2025", "2025-01-28"),
            ("Januar 2025", "2025-01"),
            ("28 Ocak 2025", "2025-01-28"),
            ("Ocak 2025", "2025-01"),
            ("вчера", "2025-02-09"),
            ("il y a deux jours", "2025-02-08"),
        ],
    )
    def test_through_dateparser(self, text: str, expected: str) -> None:
        """Other languages resolve with the project's granularity rules."""
        assert expected == edtf(text)

    def test_languages_pass_through(self) -> None:
        """`languages` limits the languages tried."""
        assert edtf("28 января 2025", languages=["ru"]) == "2025-01-28"
        with pytest.raises(DateResolutionError):
            resolve("28 января 2025", REF, languages=["fr"])

    def test_year_less_needs_reference(self) -> None:
        """A year-less date in another language also needs a reference."""
        with pytest.raises(DateResolutionError, match="reference"):
            resolve("28 января")

    @pytest.mark.parametrize(
        ("language", "text", "expected"),
        [
            ("ru", "28 января", "2025-01-28"),
            ("ru", "в 2024 году", "2024"),
            ("ru", "в прошлом году", "2024"),
            ("ru", "3 дня назад", "2025-02-07"),
            ("ru", "декабрь", "2024-12"),
            ("az", "15 mart 2024", "2024-03-15"),
            ("az", "yanvar 2025", "2025-01"),
            ("az", "dekabr", "2024-12"),
            ("az", "dünən", "2025-02-09"),
            ("fr", "en janvier 2025", "2025-01"),
            ("fr", "le mois dernier", "2025-01"),
            ("fr", "la semaine dernière", "2025-02-03/2025-02-09"),
            ("fr", "décembre", "2024-12"),
            ("de", "am 28. Januar 2025", "2025-01-28"),
            ("de", "im Januar 2025", "2025-01"),
            ("de", "letztes Jahr", "2024"),
            ("de", "vor drei Tagen", "2025-02-07"),
            ("de", "Dezember", "2024-12"),
            ("tr", "15 Mart 2024", "2024-03-15"),
            ("tr", "15 Mart", "2024-03-15"),
            ("tr", "Mart 2024", "2024-03"),
            ("tr", "15 Mart 2024'te", "2024-03-15"),
            ("tr", "2024'te", "2024"),
            ("tr", "geçen ay", "2025-01"),
            ("es", "el 5 de mayo de 2024", "2024-05-05"),
            ("es", "5 de mayo de 2024", "2024-05-05"),
            ("es", "en mayo de 2024", "2024-05"),
            ("es", "mayo de 2024", "2024-05"),
            ("es", "el año pasado", "2024"),
            ("es", "diciembre", "2024-12"),
        ],
    )
    def test_forms(self, language: str, text: str, expected: str) -> None:
        """Day, month and year forms, with leading prepositions, articles and case endings."""
        assert expected == edtf(text)
        assert expected == edtf(text, languages=[language])

    def test_month_as_time_zone(self) -> None:
        """'Mart' is March in Turkish, not Marquesas Time: the languages that know every word win."""
        assert edtf("15 Mart 2024", languages=["ru", "tr"]) == "2024-03-15"

    def test_function_words_only_when_needed(self) -> None:
        """A leading word is dropped only when the whole phrase reads as no date."""
        assert edtf("il y a 2 jours") == "2025-02-08"  # "il" is also an Italian article

    @pytest.mark.parametrize(
        "text",
        ["10 days", "2 hours ago", "in 2 hours", "de 10 days", "el", "hello world"],
    )
    def test_refuses_to_guess(self, text: str) -> None:
        """Durations, times and half-read dates raise rather than give a wrong day."""
        with pytest.raises(DateResolutionError):
            resolve(text, REF)


class TestReference:
    @pytest.mark.parametrize(
        "reference",
        [
            "2025-02-10",
            pendulum.date(2025, 2, 10),
            datetime.date(2025, 2, 10),
            datetime.datetime(2025, 2, 10, 23, 59),  # noqa: DTZ001
            pendulum.datetime(2025, 2, 10, 23, 59, tz="Asia/Baku"),
        ],
    )
    def test_kinds(self, reference: object) -> None:
        """Dates, datetimes (their calendar date) and ISO strings all work."""
        assert str(resolve("yesterday", reference)) == "2025-02-09"  # type: ignore[arg-type]

    def test_bad_reference(self) -> None:
        """A reference that is not a date is a ValidationError naming it."""
        with pytest.raises(ValidationError, match="reference"):
            resolve("yesterday", "last Tuesday")

    @pytest.mark.parametrize(
        ("option", "value"),
        [("prefer", "later"), ("date_order", "DDMMYY"), ("languages", "ru")],
    )
    def test_bad_options(self, option: str, value: object) -> None:
        """Options outside their documented values are a ValidationError."""
        with pytest.raises(ValidationError):
            resolve("2025-01-01", **{option: value})  # type: ignore[arg-type]


class TestErrors:
    @pytest.mark.parametrize(
        ("text", "reason"),
        [
            ("", "empty"),
            ("   ", "empty"),
            ("x" * (MAX_LENGTH + 1), "longer"),
            ("Dec 25\x00", "control"),
            ("next blursday", "no date"),
            ("February 30, 2025", "no day 30"),
            ("the eighth day", "no date"),
        ],
    )
    def test_raises(self, text: str, reason: str) -> None:
        """Bad text raises DateResolutionError, a ValueError that names the text."""
        with pytest.raises(DateResolutionError, match=reason) as info:
            resolve(text, REF)

        assert isinstance(info.value, ValueError)
        assert info.value.reference == REF
        assert text[:20] in info.value.text

    def test_not_a_string(self) -> None:
        """A non-string text is a DateResolutionError too."""
        with pytest.raises(DateResolutionError):
            resolve(None)  # type: ignore[arg-type]

    def test_tabs_and_newlines_are_spaces(self) -> None:
        """Ordinary whitespace is not a control character."""
        assert edtf("December\n25,\t2024") == "2024-12-25"


class TestResult:
    def test_carries_the_text(self) -> None:
        """The result keeps the phrase it came from."""
        assert resolve("  Dec. 25 ", REF).text == "  Dec. 25 "

    def test_cached(self) -> None:
        """The same text and reference resolve once."""
        cache_clear()
        first = resolve("last week", REF)
        second = resolve("last week", REF)

        assert first is second
        assert cache_info().hits == 1

    def test_import_does_not_load_dateparser(self) -> None:
        """`import timeline` leaves dateparser unimported until a phrase needs it."""
        code = (
            "import sys, timeline; timeline.resolve('December 25', '2025-02-10');"
            "print('dateparser' in sys.modules)"
        )
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        )

        assert out.stdout.strip() == "False"


class TestRules:
    """Each English rule declares its trigger words next to itself; they must fire it."""

    @staticmethod
    def examples(doc):
        """The examples a rule's docstring opens with: before the first colon."""
        head = re.sub(r"\([^()]*\)", "", doc.strip().split("\n")[0]).split(":")[0]
        return [x.strip(" .") for part in head.split(";") for x in part.split(", ")]

    @pytest.mark.parametrize(
        "entry", english.RULES, ids=lambda entry: entry.handler.__name__
    )
    def test_triggers_fire_the_rule(self, entry):
        """Every docstring example the rule's pattern reads lets the rule run."""
        index = english.RULES.index(entry)
        read = [
            t
            for t in map(english.normalise, self.examples(entry.handler.__doc__))
            if entry.regex().fullmatch(t)
        ]
        assert read, "the docstring gives no example the pattern reads"
        assert [t for t in read if index not in english.candidates(t)] == []

    def test_index_is_complete_at_import(self):
        """The trigger index is filled as rules register: nothing is built lazily."""
        for index, entry in enumerate(english.RULES):
            for word in entry.triggers:
                assert index in english._INDEX[word]

    def test_a_rule_needs_triggers(self):
        """A rule that declares no trigger words is refused when it registers."""
        with pytest.raises(ValueError, match="no trigger words"):
            english.rule("x", triggers=" ")


PHRASES = [
    "December 25", "last week", "Q1 2025", "the 1990s", "Tuesday", "next Monday",
    "two days ago", "early January 2025", "since 2022", "mid-2024", "this quarter",
    "the past two years", "in three weeks", "summer 1998", "the year-ago quarter",
    "Christmas", "25 December 2024", "late last week", "between March and May 2025",
    "2025-01-28", "the first half of 2025", "year-end", "earlier this month", "1994 or later",
]  # fmt: skip


class TestConcurrency:
    def test_threads_resolve_alike_from_a_cold_start(self):
        """Threads that race on the first use of every rule read what one thread reads."""
        cache_clear()
        expected = [resolve(p, REF) for p in PHRASES]
        for attempt in range(3):
            cache_clear()
            for entry in english.RULES:
                entry.compiled.clear()  # back to a cold start: nothing compiled
            barrier = threading.Barrier(8)

            def work(seed, barrier=barrier):
                barrier.wait()
                order = PHRASES[seed:] + PHRASES[:seed]
                return {p: resolve(p, REF) for p in order}

            with concurrent.futures.ThreadPoolExecutor(8) as pool:
                results = list(pool.map(work, range(8)))
            for got in results:
                assert [got[p] for p in PHRASES] == expected, attempt


class TestCache:
    def test_controls_on_the_function(self):
        """`timeline.resolve` is the function and carries its cache controls."""
        import timeline

        timeline.resolve.cache_clear()
        assert timeline.resolve.cache_info().currsize == 0
        timeline.resolve("December 25", REF)
        assert timeline.resolve.cache_info().currsize == 1
        assert timeline.resolve.cache_info() == cache_info()

    def test_keeps_only_the_part_of_the_context_read(self):
        """1 MB contexts are not kept whole: the cache holds about 1 KB of each."""
        cache_clear()
        tracemalloc.start()
        try:
            before = tracemalloc.get_traced_memory()[0]
            for i in range(20):
                context = f"{i} " + "x " * 100_000 + "Talks will resume on Tuesday."
                resolve("Tuesday", REF, context=context)
                del context
            held = tracemalloc.get_traced_memory()[0] - before
        finally:
            tracemalloc.stop()
            cache_clear()
        assert held < 200_000  # 20 whole contexts would be 4 MB

    def test_reads_the_tense_near_the_phrase_in_a_long_context(self):
        """The window is around the phrase, wherever it stands in the context."""
        context = "x " * 5_000 + "Talks will resume on Tuesday."
        assert edtf("Tuesday", context=context) == "2025-02-11"
        assert edtf("Tuesday", context="x " * 5_000 + "Talks resumed on Tuesday.") == (
            "2025-02-04"
        )


class TestRanges:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("January 25-26", "2025-01-25/2025-01-26"),
            ("Dec. 24-25", "2024-12-24/2024-12-25"),
            ("November 9-10, 1989", "1989-11-09/1989-11-10"),
            ("25-26 January", "2025-01-25/2025-01-26"),
            ("January 25 \u2013 26", "2025-01-25/2025-01-26"),
            ("between March 3 and 5, 2024", "2024-03-03/2024-03-05"),
            ("from 3 to 5 March 2024", "2024-03-03/2024-03-05"),
            ("January 30-February 2", "2025-01-30/2025-02-02"),
            ("Dec. 30-Jan. 2", "2024-12-30/2025-01-02"),
            ("December 30 to January 2, 2025", "2024-12-30/2025-01-02"),
            ("from March 3, 2024 to March 5", "2024-03-03/2024-03-05"),
            ("between March and May 2024", "2024-03/2024-05"),
            ("from December to February", "2024-12/2025-02"),
            ("from 2021 to 2024", "2021/2024"),
            ("1990-1995", "1990/1995"),
            ("1990-95", "1990/1995"),
            ("2024-25", "2024/2025"),
            ("Monday through Friday", "2025-02-10/2025-02-14"),
        ],
    )
    def test_span_of_both_ends(self, text, expected):
        """A range is the span from its first day to its last, one year for both."""
        assert edtf(text) == expected

    def test_year_less_range_follows_the_tense(self):
        """The sentence's tense places the whole range; the end follows the start."""
        assert edtf("March 3-5", context="Polls will open March 3-5.") == (
            "2025-03-03/2025-03-05"
        )
        assert edtf("from March 3 to May 5") == "2024-03-03/2024-05-05"

    def test_iso_month_is_no_range(self):
        """ "2011-12" is December 2011, as ISO 8601 writes it."""
        assert edtf("2011-12") == "2011-12"

    @pytest.mark.parametrize(
        "text",
        ["January 26-25", "February 30-31, 2025", "1995-1990", "from 2024 to 2021"],
    )
    def test_backwards_or_impossible_range_raises(self, text):
        """A range that ends before it starts, or names no such day, is an error."""
        with pytest.raises(DateResolutionError):
            resolve(text, REF)


class TestVerbTense:
    """The verb group that governs a year-less date places it (REF is a Monday)."""

    @pytest.mark.parametrize(
        ("text", "sentence", "expected"),
        [
            # a present tense after its subject: a scheduled event
            ("Thursday", "The envoys meet Thursday.", "2025-02-13"),
            ("Thursday", "The parliament opens on Thursday.", "2025-02-13"),
            ("Thursday", "Bush meets on Thursday.", "2025-02-13"),
            ("March 3", "The vote is March 3.", "2025-03-03"),
            # "until" points ahead, unless a past verb governs it
            ("May 9", "Troops stay until May 9.", "2025-05-09"),
            ("May 9", "The embassy stays closed until May 9.", "2025-05-09"),
            ("May 9", "Exports rose until May 9.", "2024-05-09"),
            ("May 9", "The border was closed until May 9.", "2024-05-09"),
            # a participle that modifies a noun dates that noun's event: past
            (
                "Thursday",
                "Officials will enforce the order signed Thursday.",
                "2025-02-06",
            ),
            (
                "Friday",
                "The panel had agreed on the deal named Friday as the deadline.",
                "2025-02-07",
            ),
            # nouns in -s are no verbs
            ("Aug. 7", "The bombings on Aug. 7 killed 259 people.", "2024-08-07"),
            ("January", "The job figures for January were strong.", "2025-01"),
            ("Thursday", "The company reported results Thursday.", "2025-02-06"),
            # no verb in the past anywhere: the nearest such date
            ("February 14", "Parliament's budget debate: February 14.", "2025-02-14"),
            ("February 3", "Parliament's budget debate: February 3.", "2025-02-03"),
            ("February 14", "The budget debate ended February 14.", "2024-02-14"),
        ],
    )
    def test_rule(self, text, sentence, expected):
        """Each rule of docs/resolving.md, "The sentence as context"."""
        assert edtf(text, context=sentence) == expected


class TestOtherLanguagesInText:
    @pytest.mark.parametrize("lang", ["ru", "uk", "az", "tr"])
    def test_generated_month_forms_agree_with_dateparser(self, lang):
        """The month names typed once, and the case forms generated, match dateparser's data."""
        import importlib

        from timeline._words import languages

        info = importlib.import_module(
            f"dateparser.data.date_translation_data.{lang}"
        ).info
        forms = languages.month_forms(lang)
        for number, name in enumerate(
            ["january", "february", "march", "april", "may", "june", "july", "august",
             "september", "october", "november", "december"],
            start=1,
        ):  # fmt: skip
            words = [w.lower().replace("i\u0307", "i").rstrip(".") for w in info[name]]
            mine = [form for form, n in forms.items() if n == number]
            # each of dateparser's words is one of ours, or an abbreviation of one
            full = [w for w in words if len(w) > 4]
            assert all(any(f.startswith(w) for f in mine) for w in full), (name, words)
            assert any(forms.get(w) == number for w in words), (name, words)

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("28 января 2025", "2025-01-28"),
            ("в январе 2025", "2025-01"),
            ("3 вересня 1939 року", "1939-09-03"),
            ("у вересні 1939", "1939-09"),
            ("наприкінці 1918 року", "1918-09~/1918-12~"),
            ("влітку 1942", "1942-06/1942-08"),
            ("yanvarın 28-də", "2025-01-28"),
            ("2025-ci il", "2025"),
            ("25 dekabr 2024-cü ildə", "2024-12-25"),
            ("25 Aralık'ta", "2024-12-25"),
            ("2024'te", "2024"),
            ("вчора", "2025-02-09"),
        ],
    )
    def test_read_without_dateparser(self, text, expected, monkeypatch):
        """The seed's languages resolve through the project's own tables, not dateparser."""
        cache_clear()
        monkeypatch.setitem(sys.modules, "dateparser", None)  # importing it fails
        assert edtf(text) == expected


class TestMoreClasses:
    """Classes of phrases missed on unseen news (issue 12), each a named rule."""

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            # vague references: the open interval before or around the reference
            ("formerly", "../2025-02-10"),
            ("back then", "../2025-02-10"),
            ("in past years", "../2025-02-10"),
            ("previously", "../2025-02-10"),
            ("nowadays", "2025-02-10"),
            ("these days", "2025-02-10"),
            # open-ended years
            ("post-1945", "1946/.."),
            ("pre-2000", "../1999"),
            ("2030 and beyond", "2030/.."),
            # a company's period, named with a possessive
            ("its third quarter", "2024-07/2024-09"),
            ("their first half", "2025-01/2025-06"),
            ("the 2019 fiscal year", "2019?"),
            ("the 2019 period", "2019"),
            # year-earlier as an adjective alone
            ("year-earlier", "2024-02-10"),
            # years read out
            ("two thousand and three", "2003"),
            ("nineteen ninety-eight", "1998"),
            ("twenty twenty-four", "2024"),
            # a time of day with its day: the day
            ("10 a.m. Wednesday", "2025-02-05"),
            ("6 p.m. GMT Friday", "2025-02-07"),
            ("Friday at 6 p.m.", "2025-02-07"),
        ],
    )
    def test_class(self, text, expected):
        """Each class resolves by its rule (REF is Monday 2025-02-10)."""
        assert edtf(text) == expected

    def test_last_week_written_on_a_sunday(self):
        """On a Sunday, "last week" is the week ending that day."""
        assert edtf("last week", "2025-02-16") == "2025-02-10/2025-02-16"
        assert edtf("last week", "2025-02-15") == "2025-02-03/2025-02-09"

    @pytest.mark.parametrize("text", ["twenty", "nineteen", "10 a.m."])
    def test_not_years_or_days(self, text):
        """A number word alone is no year; a time with no day is no date."""
        with pytest.raises(DateResolutionError):
            resolve(text, REF)


class TestNovruz:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("Novruz", "2024-03-20/2024-03-21"),
            ("Nowruz 2023", "2023-03-20/2023-03-21"),
            ("next Novruz", "2025-03-20/2025-03-21"),
        ],
    )
    def test_the_march_equinox_both_days(self, text, expected):
        """Novruz is March 20 or 21 as the equinox falls: both days, never a guess."""
        assert edtf(text) == expected
