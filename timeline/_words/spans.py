"""Calendar arithmetic for `resolve()`: units around a day, parts of spans, year inference."""

from __future__ import annotations

import calendar
from collections.abc import Callable
from typing import Final, Literal

import pendulum

from ..when import When

Direction = Literal["past", "future", "nearest"]
Part = Literal["early", "mid", "late"]
Unit = Literal[
    "day", "week", "weekend", "month", "quarter", "half", "year", "decade", "century"
]

Date = pendulum.Date

# Meteorological seasons, as EDTF's season codes 21-24 read them: the first of three months.
# Winter starts in December and runs into the next year: winter 1998 is 1998-12..1999-02.
SEASONS: Final = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}


def from_ordinal(n: int) -> Date:
    """The day with this proleptic Gregorian ordinal."""
    return Date.fromordinal(n)


def add_days(d: Date, n: int) -> Date:
    """`d` moved by `n` days."""
    return Date.fromordinal(d.toordinal() + n)


def month_end(year: int, month: int) -> Date:
    """The last day of a month."""
    return Date(year, month, calendar.monthrange(year, month)[1])


def months_span(year: int, month: int, count: int) -> When:
    """`count` whole months from `month` of `year` (months past 12 roll into the next year)."""
    index = year * 12 + month - 1
    end_year, end_month0 = divmod(index + count - 1, 12)
    return When(Date(year, month, 1), month_end(end_year, end_month0 + 1))


def one_day(d: Date) -> When:
    """A single day."""
    return When(d, d)


def week_of(d: Date) -> When:
    """The ISO week (Monday to Sunday) holding `d`."""
    monday = add_days(d, 1 - d.isoweekday())
    return When(monday, add_days(monday, 6))


def weekend_of(d: Date) -> When:
    """The Saturday and Sunday of the ISO week holding `d`."""
    saturday = add_days(d, 6 - d.isoweekday())
    return When(saturday, add_days(saturday, 1))


def season(year: int, name: str) -> When:
    """A meteorological season: spring is March-May, ..., winter December-February."""
    return months_span(year, SEASONS[name], 3)


def unit_of(d: Date, unit: Unit, shift: int = 0) -> When:
    """The calendar unit holding `d`, moved by `shift` units."""
    if unit == "day":
        return one_day(add_days(d, shift))
    if unit == "week":
        return week_of(add_days(d, 7 * shift))
    if unit == "weekend":
        return weekend_of(add_days(d, 7 * shift))
    if unit == "month":
        index = d.year * 12 + d.month - 1 + shift
        return months_span(index // 12, index % 12 + 1, 1)
    if unit == "quarter":
        index = d.year * 4 + (d.month - 1) // 3 + shift
        return months_span(index // 4, 3 * (index % 4) + 1, 3)
    if unit == "half":
        index = d.year * 2 + (d.month - 1) // 6 + shift
        return months_span(index // 2, 6 * (index % 2) + 1, 6)
    if unit == "year":
        return When.year(d.year + shift)
    if unit == "decade":
        return When.decade(d.year // 10 * 10 + 10 * shift)
    return When.century(d.year // 100 * 100 + 100 * shift)


def unit_span(w: When, unit: Unit, shift: int = 0) -> When:
    """The units holding every day of a bounded `w`, moved by `shift` units."""
    assert w.earliest is not None
    assert w.latest is not None
    first = unit_of(w.earliest, unit, shift)
    last = unit_of(w.latest, unit, shift)
    return When(
        first.earliest, last.latest, approximate=w.approximate, uncertain=w.uncertain
    )


_THIRDS: Final = {"early": 0, "mid": 1, "late": 2}


def part_of(w: When, part: Part) -> When:
    """
    The early, middle or late third of a bounded span, marked approximate.

    A month splits into days 1-10, 11-20 and 21 to the end; a week into Monday-Tuesday,
    Wednesday-Thursday and Friday-Sunday; a decade into years 0-3, 4-6 and 7-9; a
    century into years 0-32, 33-65 and 66-99; any other span of whole months (a year,
    a quarter, a season) into three equal runs of months (a year: January-April,
    May-August, September-December); a single day stays that day.
    """
    lo, hi = w.earliest, w.latest
    assert lo is not None
    assert hi is not None
    i = _THIRDS[part]
    days = hi.toordinal() - lo.toordinal() + 1
    whole_months = lo.day == 1 and hi == month_end(hi.year, hi.month)
    if days == 1:
        return w
    if days == 7 and lo.isoweekday() == 1:
        first, last = ((0, 1), (2, 3), (4, 6))[i]
        return When(add_days(lo, first), add_days(lo, last), approximate=True)
    months = (hi.year - lo.year) * 12 + hi.month - lo.month + 1 if whole_months else 0
    if months == 1:
        first_day, last_day = ((1, 10), (11, 20), (21, hi.day))[i]
        return When(
            Date(lo.year, lo.month, first_day),
            Date(lo.year, lo.month, last_day),
            approximate=True,
        )
    if months in (120, 1200) and lo.month == 1:
        bounds = (
            ((0, 3), (4, 6), (7, 9)) if months == 120 else ((0, 32), (33, 65), (66, 99))
        )
        a, b = bounds[i]
        return When(
            Date(lo.year + a, 1, 1), Date(lo.year + b, 12, 31), approximate=True
        )
    if months and months % 3 == 0:
        step = months // 3
        index = lo.year * 12 + lo.month - 1 + i * step
        return _approx(months_span(index // 12, index % 12 + 1, step))
    # Any other span: thirds of its days.
    third = days // 3
    start = lo.toordinal() + i * third
    end = hi.toordinal() if i == 2 else start + third - 1
    return When(from_ordinal(start), from_ordinal(end), approximate=True)


def half_of(w: When, which: int) -> When:
    """The first (1) or second (2) half of a month or a span of an even number of whole months."""
    lo, hi = w.earliest, w.latest
    assert lo is not None
    assert hi is not None
    if lo.day == 1 and hi == month_end(hi.year, hi.month):
        months = (hi.year - lo.year) * 12 + hi.month - lo.month + 1
        if months == 1:
            if which == 1:
                return When(lo, Date(lo.year, lo.month, 15))
            return When(Date(lo.year, lo.month, 16), hi)
        if months % 2 == 0:
            index = lo.year * 12 + lo.month - 1 + (which - 1) * (months // 2)
            return months_span(index // 12, index % 12 + 1, months // 2)
    days = hi.toordinal() - lo.toordinal() + 1
    mid = lo.toordinal() + days // 2
    if which == 1:
        return When(lo, from_ordinal(mid - 1))
    return When(from_ordinal(mid), hi)


def _approx(w: When) -> When:
    return When(w.earliest, w.latest, approximate=True, uncertain=w.uncertain)


Bounds = tuple[Date, Date]


def month_bounds(year: int, month: int) -> Bounds:
    """The first and last day of a month."""
    return Date(year, month, 1), month_end(year, month)


def months_bounds(year: int, month: int, count: int) -> Bounds:
    """The first and last day of `count` months from `month` of `year`."""
    index = year * 12 + month - 1
    end_year, end_month0 = divmod(index + count - 1, 12)
    return Date(year, month, 1), month_end(end_year, end_month0 + 1)


def yearly(
    build: Callable[[int], Bounds | None],
    ref: Date,
    direction: Direction,
    spread: int = 9,
) -> When | None:
    """
    The candidate a year-less phrase means, among `build(year)` for the years around
    the reference's: under ``past`` the latest that starts on or before the reference,
    under ``future`` the first that ends on or after it, under ``nearest`` the closer
    of the two (a tie goes to the past).

    `build(year)` gives the first and last day of the candidate labelled with that year
    (None where there is none, such as February 29 in a common year); later labels
    give later spans. Only the winner becomes a `When`.
    """
    past: Bounds | None = None
    future: Bounds | None = None
    if direction in ("past", "nearest"):
        for year in range(min(9999, ref.year + 1), max(0, ref.year - spread), -1):
            b = _safe(build, year)
            if b is not None and b[0] <= ref:
                past = b
                break
        if direction == "past":
            return None if past is None else When(*past)
    for year in range(max(1, ref.year - 1), min(9999, ref.year + spread) + 1):
        b = _safe(build, year)
        if b is not None and b[1] >= ref:
            future = b
            break
    if direction == "future" or past is None:
        return None if future is None else When(*future)
    if future is None:
        return When(*past)
    r = ref.toordinal()
    closer_past = r - past[1].toordinal() if past[1] < ref else 0
    closer_future = future[0].toordinal() - r if future[0] > ref else 0
    return When(*past) if closer_past <= closer_future else When(*future)


def _safe(build: Callable[[int], Bounds | None], year: int) -> Bounds | None:
    try:
        return build(year)
    except (ValueError, OverflowError):  # past the year 9999
        return None
