"""
TIMEX3 values as spans of days: the calendar values TimeML writes, nothing looser.

>>> timex_days("1998-W05")
(Date(1998, 1, 26), Date(1998, 2, 1))
>>> timex_days("PAST_REF") is None
True
"""

from __future__ import annotations

import re
from typing import Final

import pendulum

from ..errors import ValidationError
from ..when import When

__all__ = ["EXACT_MODS", "WITHIN_MODS", "timex_days"]

# Each pattern is anchored and has no nested or overlapping quantifiers: linear time.
_DAY: Final = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:T([^T]*))?")
_MONTH: Final = re.compile(r"(\d{4})-(\d{2})")
_YEAR: Final = re.compile(r"(\d{4})")
_WEEK: Final = re.compile(r"(\d{4})-W(\d{2})(?:-(WE|[1-7]))?")
_QUARTER: Final = re.compile(r"(\d{4})-Q([1-4])")
_HALF: Final = re.compile(r"(\d{4})-H([12])")
_DECADE: Final = re.compile(r"(\d{3})X?")
_CENTURY: Final = re.compile(r"(\d{2})(?:XX)?")

EXACT_MODS: Final = frozenset({"", "EQUAL"})
"""TIMEX3 ``mod`` values under which the value's span is the timex's span exactly."""

WITHIN_MODS: Final = frozenset({"START", "MID", "END"})
"""``mod`` values that put the timex somewhere inside the value's span ("early 1998")."""

Days = tuple[pendulum.Date, pendulum.Date]


def _when_days(w: When) -> Days:
    assert w.earliest is not None
    assert w.latest is not None
    return (w.earliest, w.latest)


def _day(m: re.Match[str]) -> Days:
    day = pendulum.Date(int(m[1]), int(m[2]), int(m[3]))
    # A night (TNI) runs past midnight into the next morning.
    last = day.add(days=1) if m[4] == "NI" else day
    return (day, last)


def _week(m: re.Match[str]) -> Days:
    first, last = _when_days(When.week(int(m[1]), int(m[2])))
    if m[3] == "WE":
        return (first.add(days=5), last)
    if m[3]:
        day = first.add(days=int(m[3]) - 1)
        return (day, day)
    return (first, last)


_READERS: Final = (
    (_DAY, _day),
    (_MONTH, lambda m: _when_days(When.month(int(m[1]), int(m[2])))),
    (_YEAR, lambda m: _when_days(When.year(int(m[1])))),
    (_WEEK, _week),
    (_QUARTER, lambda m: _when_days(When.quarter(int(m[1]), int(m[2])))),
    (_HALF, lambda m: _when_days(When.half(int(m[1]), int(m[2])))),
    (_DECADE, lambda m: _when_days(When.decade(int(m[1]) * 10))),
    (_CENTURY, lambda m: _when_days(When.century(int(m[1]) * 100))),
)


def timex_days(value: str) -> Days | None:
    """
    The first and last day of a TIMEX3 calendar value, or None for any other value.

    Days (with or without a time of day), ISO weeks, weekends and week days,
    months, quarters, halves, years, decades (``199`` or ``199X``) and centuries
    (``19``) are calendar spans. Durations (``P3D``), references (``PAST_REF``),
    seasons (``1998-SU``), values with unknown digits (``1998-XX-XX``) and
    impossible dates are not.

    >>> timex_days("1998-02-06TEV")
    (Date(1998, 2, 6), Date(1998, 2, 6))
    >>> timex_days("199")
    (Date(1990, 1, 1), Date(1999, 12, 31))
    """
    text = value.strip()
    for pattern, read in _READERS:
        m = pattern.fullmatch(text)
        if m is not None:
            try:
                return read(m)
            except (ValueError, ValidationError):  # month 13, week 54, day 0 ...
                return None
    return None
