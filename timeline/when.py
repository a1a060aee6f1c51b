"""
`When`: a date known to some precision, as the closed interval of days it could be.

>>> w = When.month(2024, 12)
>>> w.granularity
<Granularity.MONTH: 'month'>
>>> str(w), w.earliest, w.latest
('2024-12', Date(2024, 12, 1), Date(2024, 12, 31))
>>> When.day(2024, 12, 25).before(When.from_edtf("2025-01"))
True
"""

from __future__ import annotations

import calendar
import datetime
import enum
import re
from typing import Any, Final, final

import attrs
import pendulum

from .errors import DateResolutionError, ValidationError, WrongTypeError

__all__ = ["Granularity", "When", "to_date"]

_MIN_ORD: Final = datetime.date.min.toordinal()
_MAX_ORD: Final = datetime.date.max.toordinal()


@final
class Granularity(enum.Enum):
    """
    The calendar unit a `When` covers exactly, from finest to coarsest.

    Granularities are ordered: ``Granularity.DAY < Granularity.YEAR``.

    >>> When.quarter(2025, 1).granularity
    <Granularity.QUARTER: 'quarter'>
    >>> Granularity.WEEK < Granularity.MONTH
    True
    """

    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    QUARTER = "quarter"
    HALF = "half"
    YEAR = "year"
    DECADE = "decade"
    CENTURY = "century"

    @classmethod
    def _missing_(cls, value: object) -> Granularity | None:
        names = ", ".join(g.value for g in cls)
        if not isinstance(value, str):
            raise WrongTypeError.expected("granularity", value, f"one of {names}")
        raise ValidationError("granularity", value, f"must be one of {names}")

    @property
    def _rank(self) -> int:
        return _GRANULARITY_ORDER.index(self)

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Granularity):
            return NotImplemented
        return self._rank < other._rank

    def __le__(self, other: object) -> bool:
        if not isinstance(other, Granularity):
            return NotImplemented
        return self._rank <= other._rank

    def __gt__(self, other: object) -> bool:
        if not isinstance(other, Granularity):
            return NotImplemented
        return self._rank > other._rank

    def __ge__(self, other: object) -> bool:
        if not isinstance(other, Granularity):
            return NotImplemented
        return self._rank >= other._rank


_GRANULARITY_ORDER: Final = tuple(Granularity)


def to_date(value: object, name: str = "date") -> pendulum.Date:
    """
    Turn a `datetime.date`, a datetime (its calendar date) or an ISO string into a `pendulum.Date`.

    >>> to_date("2025-02-10")
    Date(2025, 2, 10)

    Raises:
        ValidationError: a string that is not an ISO date.
        WrongTypeError: neither a date nor a string.
    """
    if isinstance(value, datetime.datetime):
        return pendulum.Date(value.year, value.month, value.day)
    if isinstance(value, pendulum.Date):
        return value
    if isinstance(value, datetime.date):
        return pendulum.Date(value.year, value.month, value.day)
    if isinstance(value, str):
        try:
            parsed = datetime.date.fromisoformat(value.strip())
        except ValueError:
            msg = "expected an ISO date such as '2025-02-10'"
            raise ValidationError(name, value, msg) from None
        return pendulum.Date(parsed.year, parsed.month, parsed.day)
    raise WrongTypeError.expected(name, value, "a date")


def _optional_date(value: object, name: str = "date") -> pendulum.Date | None:
    return None if value is None else to_date(value, name)


def _earliest(value: object) -> pendulum.Date | None:
    return _optional_date(value, "earliest")


def _latest(value: object) -> pendulum.Date | None:
    return _optional_date(value, "latest")


def _whole(**numbers: object) -> None:
    """Refuse, by name, any of *numbers* that is not a whole number (bools included)."""
    for name, value in numbers.items():
        if isinstance(value, bool) or not isinstance(value, int):
            raise WrongTypeError.expected(name, value, "a whole number")


def _a_when(value: object, name: str = "other") -> When:
    if not isinstance(value, When):
        raise WrongTypeError.expected(name, value, "a When")
    return value


def _is_bool(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, bool):
        raise WrongTypeError.expected(attribute.name, value, "True or False")


def _is_text(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and not isinstance(value, str):
        raise WrongTypeError.expected(attribute.name, value, "a string or None")


def _from_ordinal(n: int) -> pendulum.Date:
    if not _MIN_ORD <= n <= _MAX_ORD:
        msg = "the result falls outside the years 1 to 9999"
        raise ValidationError("date", n, msg)
    return pendulum.Date.fromordinal(n)


def _month_end(year: int, month: int) -> pendulum.Date:
    return pendulum.Date(year, month, calendar.monthrange(year, month)[1])


def _checked(builder: str, *parts: int) -> pendulum.Date:
    try:
        return pendulum.Date(*parts)
    except (ValueError, OverflowError) as exc:
        raise ValidationError(builder, parts, str(exc)) from None


def _is_month_start(d: pendulum.Date) -> bool:
    return d.day == 1


def _is_month_end(d: pendulum.Date) -> bool:
    return d.day == calendar.monthrange(d.year, d.month)[1]


def _is_year_start(d: pendulum.Date) -> bool:
    return d.month == 1 and d.day == 1


def _is_year_end(d: pendulum.Date) -> bool:
    return d.month == 12 and d.day == 31


@final
@attrs.frozen(repr=False)
class When:
    """
    A date known to some precision: every day it could be, from `earliest` to `latest`.

    `None` on a side means unbounded on that side. `approximate` and `uncertain` are
    EDTF's ``~`` and ``?``. `text` records the words the date came from; it is
    provenance and takes no part in equality or hashing.

    >>> When.day(2024, 12, 25) == When.from_edtf("2024-12-25")
    True
    >>> When.between("2025-01-27", "2025-02-02").granularity
    <Granularity.WEEK: 'week'>
    >>> When.unknown().contains(pendulum.date(1066, 10, 14))
    True

    Raises:
        ValidationError: `earliest` is after `latest`, or a wholly unbounded date
            is marked approximate or uncertain.
        WrongTypeError: a bound that is not a date, a flag that is not a bool, or
            (for the comparisons) an `other` that is not a `When`.
    """

    earliest: pendulum.Date | None = attrs.field(default=None, converter=_earliest)
    latest: pendulum.Date | None = attrs.field(default=None, converter=_latest)
    approximate: bool = attrs.field(default=False, kw_only=True, validator=_is_bool)
    uncertain: bool = attrs.field(default=False, kw_only=True, validator=_is_bool)
    text: str | None = attrs.field(
        default=None, kw_only=True, eq=False, validator=_is_text
    )

    def __attrs_post_init__(self) -> None:
        lo, hi = self.earliest, self.latest
        if lo is not None and hi is not None and lo > hi:
            msg = f"earliest {lo} is after latest {hi}"
            raise ValidationError("When", (str(lo), str(hi)), msg)
        if lo is None and hi is None and (self.approximate or self.uncertain):
            msg = "a wholly unknown date cannot be approximate or uncertain"
            raise ValidationError("When", "../..", msg)

    # -- constructors -------------------------------------------------------------

    @classmethod
    def day(
        cls,
        year: int,
        month: int,
        day: int,
        *,
        approximate: bool = False,
        uncertain: bool = False,
        text: str | None = None,
    ) -> When:
        """
        One day.

        >>> str(When.day(2024, 12, 25))
        '2024-12-25'

        Raises:
            ValidationError: no such day (February 30, month 13, ...).
            WrongTypeError: a part that is not a whole number (``When.day(None, 1, 1)``);
                every constructor checks its arguments' types the same way.
        """
        _whole(year=year, month=month, day=day)
        d = _checked("When.day", year, month, day)
        return cls(d, d, approximate=approximate, uncertain=uncertain, text=text)

    @classmethod
    def month(
        cls,
        year: int,
        month: int,
        *,
        approximate: bool = False,
        uncertain: bool = False,
        text: str | None = None,
    ) -> When:
        """
        A whole calendar month.

        >>> When.month(2024, 2).latest
        Date(2024, 2, 29)
        """
        _whole(year=year, month=month)
        start = _checked("When.month", year, month, 1)
        end = _month_end(year, month)
        return cls(start, end, approximate=approximate, uncertain=uncertain, text=text)

    @classmethod
    def year(
        cls,
        year: int,
        *,
        approximate: bool = False,
        uncertain: bool = False,
        text: str | None = None,
    ) -> When:
        """
        A whole calendar year.

        >>> str(When.year(2024))
        '2024'
        """
        _whole(year=year)
        start = _checked("When.year", year, 1, 1)
        end = pendulum.Date(year, 12, 31)
        return cls(start, end, approximate=approximate, uncertain=uncertain, text=text)

    @classmethod
    def week(
        cls,
        year: int,
        week: int,
        *,
        approximate: bool = False,
        uncertain: bool = False,
        text: str | None = None,
    ) -> When:
        """
        An ISO 8601 week: Monday to Sunday, week 1 holding the year's first Thursday.

        >>> str(When.week(2025, 5))
        '2025-01-27/2025-02-02'
        """
        _whole(year=year, week=week)
        try:
            monday = datetime.date.fromisocalendar(year, week, 1)
        except ValueError as exc:
            raise ValidationError("When.week", (year, week), str(exc)) from None
        start = to_date(monday)
        end = _from_ordinal(start.toordinal() + 6)
        return cls(start, end, approximate=approximate, uncertain=uncertain, text=text)

    @classmethod
    def quarter(
        cls,
        year: int,
        quarter: int,
        *,
        approximate: bool = False,
        uncertain: bool = False,
        text: str | None = None,
    ) -> When:
        """
        A calendar quarter: Q1 is January to March.

        >>> When.quarter(2025, 1).latest
        Date(2025, 3, 31)
        """
        _whole(year=year, quarter=quarter)
        if not 1 <= quarter <= 4:
            raise ValidationError("quarter", quarter, "must be 1, 2, 3 or 4")
        first = 3 * quarter - 2
        start = _checked("When.quarter", year, first, 1)
        end = _month_end(year, first + 2)
        return cls(start, end, approximate=approximate, uncertain=uncertain, text=text)

    @classmethod
    def half(
        cls,
        year: int,
        half: int,
        *,
        approximate: bool = False,
        uncertain: bool = False,
        text: str | None = None,
    ) -> When:
        """
        A half year: 1 is January to June, 2 is July to December.

        >>> When.half(2025, 2).granularity
        <Granularity.HALF: 'half'>
        """
        _whole(year=year, half=half)
        if half not in (1, 2):
            raise ValidationError("half", half, "must be 1 or 2")
        start = _checked("When.half", year, 6 * half - 5, 1)
        end = _month_end(year, 6 * half)
        return cls(start, end, approximate=approximate, uncertain=uncertain, text=text)

    @classmethod
    def decade(
        cls,
        year: int,
        *,
        approximate: bool = False,
        uncertain: bool = False,
        text: str | None = None,
    ) -> When:
        """
        A decade named by its first year: ``When.decade(1990)`` is the 1990s.

        >>> str(When.decade(1990))
        '199X'
        """
        _whole(year=year)
        if year % 10 or not 10 <= year <= 9990:
            msg = "must be the first year of a decade, such as 1990"
            raise ValidationError("decade", year, msg)
        start = pendulum.Date(year, 1, 1)
        end = pendulum.Date(year + 9, 12, 31)
        return cls(start, end, approximate=approximate, uncertain=uncertain, text=text)

    @classmethod
    def century(
        cls,
        year: int,
        *,
        approximate: bool = False,
        uncertain: bool = False,
        text: str | None = None,
    ) -> When:
        """
        The hundred years from `year`, a multiple of 100: ``When.century(1900)`` is 1900-1999.

        >>> str(When.century(1900))
        '19XX'
        """
        _whole(year=year)
        if year % 100 or not 100 <= year <= 9900:
            msg = "must be the first year of a century, such as 1900"
            raise ValidationError("century", year, msg)
        start = pendulum.Date(year, 1, 1)
        end = pendulum.Date(year + 99, 12, 31)
        return cls(start, end, approximate=approximate, uncertain=uncertain, text=text)

    @classmethod
    def between(
        cls,
        start: When | datetime.date | str | None,
        end: When | datetime.date | str | None,
        *,
        approximate: bool = False,
        uncertain: bool = False,
        text: str | None = None,
    ) -> When:
        """
        Every day from `start` to `end`, both included; `None` leaves a side open.

        A `When` as `start` contributes its earliest day, as `end` its latest.

        >>> str(When.between(When.year(2021), When.year(2024)))
        '2021/2024'
        >>> str(When.between(None, "2025-01-31"))
        '../2025-01'
        """
        lo = (
            start.earliest
            if isinstance(start, When)
            else _optional_date(start, "start")
        )
        hi = end.latest if isinstance(end, When) else _optional_date(end, "end")
        return cls(lo, hi, approximate=approximate, uncertain=uncertain, text=text)

    @classmethod
    def unknown(cls, *, text: str | None = None) -> When:
        """
        A date about which nothing is known: unbounded on both sides.

        >>> When.unknown().is_unknown
        True
        """
        return cls(None, None, text=text)

    @classmethod
    def from_edtf(cls, value: str, *, text: str | None = None) -> When:
        """
        Read an Extended Date/Time Format string (levels 0 and 1, and level 2's quarters).

        >>> When.from_edtf("2024-12~")
        When.month(2024, 12, approximate=True)
        >>> When.from_edtf("202X") == When.decade(2020)
        True

        Raises:
            DateResolutionError: the string is not EDTF that `When` can hold.
        """
        parsed = _parse_edtf(value)
        return parsed if text is None else attrs.evolve(parsed, text=text)

    # -- derived properties ------------------------------------------------------

    @property
    def is_unknown(self) -> bool:
        """True when nothing bounds the date on either side."""
        return self.earliest is None and self.latest is None

    @property
    def is_bounded(self) -> bool:
        """True when both sides are bounded."""
        return self.earliest is not None and self.latest is not None

    @property
    def is_exact(self) -> bool:
        """True when the date is one day, neither approximate nor uncertain."""
        return self.granularity is Granularity.DAY and not (
            self.approximate or self.uncertain
        )

    @property
    def days(self) -> int | None:
        """
        How many days the date could be; None when unbounded.

        >>> When.month(2025, 2).days
        28
        """
        if self.earliest is None or self.latest is None:
            return None
        return self.latest.toordinal() - self.earliest.toordinal() + 1

    @property
    def granularity(self) -> Granularity | None:
        """
        The calendar unit the span covers exactly, or None for any other range.

        >>> When.between("2025-01-01", "2025-03-31").granularity
        <Granularity.QUARTER: 'quarter'>
        >>> print(When.between("2025-01-01", "2025-01-10").granularity)
        None
        """
        return _granularity(self.earliest, self.latest)

    # -- comparisons ---------------------------------------------------------------

    def before(self, other: When) -> bool:
        """
        True when every possible day of this date precedes every possible day of `other`.

        >>> When.month(2024, 12).before(When.day(2025, 1, 1))
        True
        >>> When.month(2024, 12).before(When.day(2024, 12, 31))
        False
        """
        other = _a_when(other)
        return (
            self.latest is not None
            and other.earliest is not None
            and self.latest < other.earliest
        )

    def after(self, other: When) -> bool:
        """
        True when every possible day of this date follows every possible day of `other`.

        >>> When.day(2025, 1, 28).after(When.day(2025, 1, 27))
        True
        """
        return _a_when(other).before(self)

    def may_precede(self, other: When) -> bool:
        """
        True when some possible day of this date is before some possible day of `other`.

        >>> When.month(2025, 1).may_precede(When.day(2025, 1, 2))
        True
        >>> When.day(2025, 1, 2).may_precede(When.day(2025, 1, 2))
        False
        """
        other = _a_when(other)
        return (
            self.earliest is None
            or other.latest is None
            or self.earliest < other.latest
        )

    def overlaps(self, other: When) -> bool:
        """
        True when the two dates could be the same day.

        >>> When.month(2025, 1).overlaps(When.day(2025, 1, 31))
        True
        """
        other = _a_when(other)
        return not (self.before(other) or other.before(self))

    def contains(self, other: When | datetime.date) -> bool:
        """
        True when a day, or every possible day of another `When`, lies within this one.

        >>> When.year(2024).contains(pendulum.date(2024, 12, 25))
        True
        >>> When.year(2024).contains(When.between("2024-12-01", "2025-01-31"))
        False
        """
        if isinstance(other, When):
            lo, hi = other.earliest, other.latest
        else:
            lo = hi = to_date(other, "other")
        if self.earliest is not None and (lo is None or lo < self.earliest):
            return False
        return self.latest is None or (hi is not None and hi <= self.latest)

    def intersection(self, other: When) -> When | None:
        """
        The days both dates allow, or None when they share none.

        The result is approximate (uncertain) when either input is.

        >>> When.year(2024).intersection(When.between("2024-12-20", "2025-01-05"))
        When.from_edtf('2024-12-20/2024-12-31')
        >>> print(When.year(2024).intersection(When.year(2025)))
        None
        """
        if not self.overlaps(other):  # also refuses what is not a When
            return None
        lo = _max_opt(self.earliest, other.earliest)
        hi = _min_opt(self.latest, other.latest)
        bounded = lo is not None or hi is not None
        return When(
            lo,
            hi,
            approximate=bounded and (self.approximate or other.approximate),
            uncertain=bounded and (self.uncertain or other.uncertain),
        )

    def shift(
        self, *, days: int = 0, weeks: int = 0, months: int = 0, years: int = 0
    ) -> When:
        """
        The same date moved by a distance; open sides stay open.

        Months and years move first and clamp to the month's end (January 31 plus
        a month is February 28 or 29); a span of whole months stays a span of whole
        months. Days and weeks follow.

        >>> str(When.day(2025, 1, 31).shift(months=1))
        '2025-02-28'
        >>> str(When.month(2025, 2).shift(months=1))
        '2025-03'
        >>> str(When.day(2024, 12, 25).shift(weeks=1, days=-1))
        '2024-12-31'

        Raises:
            ValidationError: the result would fall outside the years 1 to 9999.
        """
        _whole(days=days, weeks=weeks, months=months, years=years)
        lo, hi = self.earliest, self.latest
        total_months = 12 * years + months
        if total_months:
            whole = (lo is None or _is_month_start(lo)) and (
                hi is None or _is_month_end(hi)
            )
            lo = None if lo is None else _add_months(lo, total_months, end=False)
            hi = None if hi is None else _add_months(hi, total_months, end=whole)
        step = days + 7 * weeks
        if step:
            lo = None if lo is None else _from_ordinal(lo.toordinal() + step)
            hi = None if hi is None else _from_ordinal(hi.toordinal() + step)
        return When(lo, hi, approximate=self.approximate, uncertain=self.uncertain)

    # -- text ----------------------------------------------------------------------

    def to_edtf(self) -> str:
        """
        This date in the Extended Date/Time Format (levels 0 and 1).

        >>> [When.from_edtf(s).to_edtf() for s in ("2024-12-25", "2025-01", "202X", "../2025-01")]
        ['2024-12-25', '2025-01', '202X', '../2025-01']
        >>> When.week(2025, 5).to_edtf()
        '2025-01-27/2025-02-02'
        """
        return _render_edtf(self)

    def __str__(self) -> str:
        return self.to_edtf()

    def _repr_html_(self) -> str:  # notebooks; timeline/_display.py draws it
        from ._display import when_html

        return when_html(self)

    def __repr__(self) -> str:
        flags = ""
        if self.approximate:
            flags += ", approximate=True"
        if self.uncertain:
            flags += ", uncertain=True"
        if self.text is not None:
            flags += f", text={self.text!r}"
        lo, hi, g = self.earliest, self.latest, self.granularity
        if lo is None or hi is None or g is None:
            # The EDTF string carries the qualifiers; only the provenance is added.
            extra = "" if self.text is None else f"text={self.text!r}"
            if self.is_unknown:
                return f"When.unknown({extra})"
            return f"When.from_edtf({self.to_edtf()!r}{', ' if extra else ''}{extra})"
        if g is Granularity.DAY:
            args = f"{lo.year}, {lo.month}, {lo.day}"
        elif g is Granularity.WEEK:
            iso = lo.isocalendar()
            args = f"{iso[0]}, {iso[1]}"
        elif g is Granularity.MONTH:
            args = f"{lo.year}, {lo.month}"
        elif g is Granularity.QUARTER:
            args = f"{lo.year}, {(lo.month + 2) // 3}"
        elif g is Granularity.HALF:
            args = f"{lo.year}, {(lo.month + 5) // 6}"
        else:
            args = f"{lo.year}"
        return f"When.{g.value}({args}{flags})"

    @property
    def sort_key(self) -> tuple[int, int]:
        """
        A key that orders dates by earliest, then latest day; open sides sort outermost.

        >>> sorted([When.year(2024), When.day(2024, 1, 1)], key=lambda w: w.sort_key)
        [When.day(2024, 1, 1), When.year(2024)]
        """
        lo = _MIN_ORD - 1 if self.earliest is None else self.earliest.toordinal()
        hi = _MAX_ORD + 1 if self.latest is None else self.latest.toordinal()
        return (lo, hi)


def _min_opt(a: pendulum.Date | None, b: pendulum.Date | None) -> pendulum.Date | None:
    if a is None:
        return b
    if b is None:
        return a
    return min(a, b)


def _max_opt(a: pendulum.Date | None, b: pendulum.Date | None) -> pendulum.Date | None:
    if a is None:
        return b
    if b is None:
        return a
    return max(a, b)


def _add_months(d: pendulum.Date, n: int, *, end: bool) -> pendulum.Date:
    index = d.year * 12 + (d.month - 1) + n
    year, month = divmod(index, 12)
    month += 1
    if not 1 <= year <= 9999:
        msg = "the result falls outside the years 1 to 9999"
        raise ValidationError("months", n, msg)
    last = calendar.monthrange(year, month)[1]
    return pendulum.Date(year, month, last if end else min(d.day, last))


def _granularity(
    lo: pendulum.Date | None, hi: pendulum.Date | None
) -> Granularity | None:
    if lo is None or hi is None:
        return None
    if lo == hi:
        return Granularity.DAY
    if lo.isoweekday() == 1 and hi.toordinal() - lo.toordinal() == 6:
        return Granularity.WEEK
    if not (_is_month_start(lo) and _is_month_end(hi)):
        return None
    months = (hi.year - lo.year) * 12 + hi.month - lo.month + 1
    if months == 1:
        return Granularity.MONTH
    if months == 3 and lo.month % 3 == 1:
        return Granularity.QUARTER
    if months == 6 and lo.month in (1, 7):
        return Granularity.HALF
    if lo.month != 1:
        return None
    if months == 12:
        return Granularity.YEAR
    if months == 120 and lo.year % 10 == 0:
        return Granularity.DECADE
    if months == 1200 and lo.year % 100 == 0:
        return Granularity.CENTURY
    return None


# -- EDTF ------------------------------------------------------------------------------

_QUALIFIERS: Final = {
    "": (False, False),
    "~": (True, False),
    "?": (False, True),
    "%": (True, True),
}

_DATE_RE: Final = re.compile(
    r"""
    (?P<year>\d{4}|\d{3}X|\d{2}XX|\d{1}XXX)
    (?:-(?P<month>\d{2}|XX))?
    (?:-(?P<day>\d{2}|XX))?
    (?P<qual>[~?%]?)
    """,
    re.VERBOSE,
)

# EDTF sub-year groupings: level 1 seasons (21-24, read as the northern hemisphere's
# meteorological seasons), level 2 quarters (33-36) and halves (40-41).
_SEASON_MONTHS: Final = {21: (3, 5), 22: (6, 8), 23: (9, 11), 24: (12, 14)}
_QUARTER_CODES: Final = {33: 1, 34: 2, 35: 3, 36: 4}
_HALF_CODES: Final = {40: 1, 41: 2}


def _edtf_error(value: str, reason: str) -> DateResolutionError:
    return DateResolutionError(value, None, f"not EDTF that When can hold: {reason}")


def _span_of_months(
    value: str, year: int, first: int, last: int
) -> tuple[pendulum.Date, pendulum.Date]:
    end_year, end_month = year + (last - 1) // 12, (last - 1) % 12 + 1
    if end_year > 9999:
        raise _edtf_error(value, "past the year 9999")
    return pendulum.Date(year, first, 1), _month_end(end_year, end_month)


def _parse_side(value: str, side: str) -> tuple[pendulum.Date, pendulum.Date, str]:
    """One EDTF date: its first and last day and its qualifier."""
    match = _DATE_RE.fullmatch(side)
    if match is None:
        raise _edtf_error(value, f"{side!r} is not a date")
    year_s, month_s, day_s, qual = match.group("year", "month", "day", "qual")
    if "X" in year_s:
        if month_s is not None or day_s is not None:
            raise _edtf_error(value, "a year with unspecified digits takes no month")
        first_year = max(int(year_s.replace("X", "0")), 1)
        last_year = int(year_s.replace("X", "9"))
        return pendulum.Date(first_year, 1, 1), pendulum.Date(last_year, 12, 31), qual
    year = int(year_s)
    if year == 0:
        raise _edtf_error(value, "the year 0 cannot be represented")
    if month_s is None or month_s == "XX":
        if day_s is not None and day_s != "XX":
            raise _edtf_error(value, "a day needs a month")
        return pendulum.Date(year, 1, 1), pendulum.Date(year, 12, 31), qual
    month = int(month_s)
    if day_s is None or day_s == "XX":
        if 1 <= month <= 12:
            return pendulum.Date(year, month, 1), _month_end(year, month), qual
        if day_s is not None:
            raise _edtf_error(value, f"no month {month_s}")
        if month in _SEASON_MONTHS:
            lo, hi = _span_of_months(value, year, *_SEASON_MONTHS[month])
        elif month in _QUARTER_CODES:
            q = _QUARTER_CODES[month]
            lo, hi = _span_of_months(value, year, 3 * q - 2, 3 * q)
        elif month in _HALF_CODES:
            h = _HALF_CODES[month]
            lo, hi = _span_of_months(value, year, 6 * h - 5, 6 * h)
        else:
            raise _edtf_error(value, f"no month or season {month_s}")
        return lo, hi, qual
    try:
        d = pendulum.Date(year, month, int(day_s))
    except ValueError as exc:
        raise _edtf_error(value, str(exc)) from None
    return d, d, qual


def _parse_edtf(value: object) -> When:
    if not isinstance(value, str):
        msg = f"expected an EDTF string, got {type(value).__name__}"
        raise DateResolutionError(repr(value), None, msg)
    s = value.strip()
    if not s:
        raise _edtf_error(value, "empty")
    if "/" not in s:
        lo, hi, qual = _parse_side(value, s)
        approximate, uncertain = _QUALIFIERS[qual]
        return When(lo, hi, approximate=approximate, uncertain=uncertain)
    if s.count("/") > 1:
        raise _edtf_error(value, "more than one '/'")
    left, right = s.split("/")
    approximate = uncertain = False
    start: pendulum.Date | None = None
    end: pendulum.Date | None = None
    if left not in ("", ".."):
        start, _, qual = _parse_side(value, left)
        approximate, uncertain = _QUALIFIERS[qual]
    if right not in ("", ".."):
        _, end, qual = _parse_side(value, right)
        a, u = _QUALIFIERS[qual]
        approximate, uncertain = approximate or a, uncertain or u
    if start is not None and end is not None and start > end:
        raise _edtf_error(value, "the interval ends before it starts")
    return When(start, end, approximate=approximate, uncertain=uncertain)


def _render_side(d: pendulum.Date, unit: str) -> str:
    if unit == "year":
        return f"{d.year:04d}"
    if unit == "month":
        return f"{d.year:04d}-{d.month:02d}"
    return f"{d.year:04d}-{d.month:02d}-{d.day:02d}"


def _render_edtf(w: When) -> str:
    lo, hi = w.earliest, w.latest
    qual = {v: k for k, v in _QUALIFIERS.items()}[(w.approximate, w.uncertain)]
    if lo is None and hi is None:
        return "../.."
    g = _granularity(lo, hi)
    if lo is not None and g is not None:
        if g is Granularity.DAY:
            return _render_side(lo, "day") + qual
        if g is Granularity.MONTH:
            return _render_side(lo, "month") + qual
        if g is Granularity.YEAR:
            return _render_side(lo, "year") + qual
        if g is Granularity.DECADE and not qual:
            return f"{lo.year // 10:03d}X"
        if g is Granularity.CENTURY and not qual:
            return f"{lo.year // 100:02d}XX"
    # An interval; both sides at the coarsest unit they both align to.
    if (lo is None or _is_year_start(lo)) and (hi is None or _is_year_end(hi)):
        unit = "year"
    elif (lo is None or _is_month_start(lo)) and (hi is None or _is_month_end(hi)):
        unit = "month"
    else:
        unit = "day"
    left = ".." if lo is None else _render_side(lo, unit) + qual
    right = ".." if hi is None else _render_side(hi, unit) + qual
    return f"{left}/{right}"


def _when_from_anything(value: Any, name: str = "when") -> When:
    """A `When` from a `When`, a date, or an EDTF string (used by the other modules)."""
    if isinstance(value, When):
        return value
    if isinstance(value, datetime.date):
        d = to_date(value)
        return When(d, d)
    if isinstance(value, str):
        return When.from_edtf(value)
    raise WrongTypeError.expected(name, value, "a When, a date or an EDTF string")
