"""
TIMEX3 types and values: what TimeML calls each mention, and the value it writes.

`date_value(when)` is the TimeML value of a `When`: the smallest calendar unit that
holds its days ("2025-01-28", "2025-W05", "2025-W05-WE", "2025-01", "2025-Q1",
"2025-H1", "2025-SU", "2025", "199", "19"), or "PAST_REF"/"FUTURE_REF" for a span
open on one side. Times of day, durations and sets are found by patterns of their
own; their values come from their words ("11 a.m." "T11:00", "three years" "P3Y",
"every Monday" "XXXX-WXX-1").

>>> from timeline import When
>>> date_value(When.day(2025, 1, 28)), date_value(When.quarter(2025, 1))
('2025-01-28', '2025-Q1')
>>> duration_value("a minute and a half"), duration_value("three-year")
('PT1.5M', 'P3Y')
>>> set_value("every Monday"), set_value("daily"), time_value("11 a.m.")
('XXXX-WXX-1', 'P1D', 'T11:00')
"""

from __future__ import annotations

import datetime
import re
from typing import Final, Literal

from ..when import When
from .vocabulary import NUMBERS, WEEKDAYS, alternation

TimexType = Literal["DATE", "TIME", "DURATION", "SET"]

_SEASON_CODES: Final = {3: "SP", 6: "SU", 9: "FA", 12: "WI"}


def date_value(when: When) -> str:
    """
    The TimeML value of a date: the smallest calendar unit holding all its days.

    A span open before its end is "PAST_REF", one open after its start "FUTURE_REF".

    >>> date_value(When.between("2025-03-03", "2025-03-05"))
    '2025-03'
    >>> date_value(When.between(None, "2025-02-10"))
    'PAST_REF'
    """
    lo, hi = when.earliest, when.latest
    if lo is None and hi is None:
        return "XXXX"
    if lo is None:
        return "PAST_REF"
    if hi is None:
        return "FUTURE_REF"
    if lo == hi:
        return lo.isoformat()
    days = (hi - lo).days + 1
    year, week, weekday = lo.isocalendar()
    if days == 2 and weekday == 6:
        return f"{year}-W{week:02d}-WE"
    if days == 7 and weekday == 1:
        return f"{year}-W{week:02d}"
    last_of_month = (lo.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
    if lo.day == 1 and hi == last_of_month - datetime.timedelta(days=1):
        return f"{lo.year}-{lo.month:02d}"
    if lo.month in _SEASON_CODES and _months_between(lo, hi) == 3:
        return f"{lo.year}-{_SEASON_CODES[lo.month]}"  # seasons start in months 3, 6, 9, 12
    if lo.month in (1, 4, 7, 10) and _months_between(lo, hi) == 3:
        return f"{lo.year}-Q{(lo.month - 1) // 3 + 1}"
    if lo.month in (1, 7) and _months_between(lo, hi) == 6:
        return f"{lo.year}-H{1 if lo.month == 1 else 2}"
    return _enclosing(lo, hi)


def _months_between(lo: datetime.date, hi: datetime.date) -> int | None:
    """How many whole months lo..hi covers, or None when it is no run of months."""
    nxt = hi + datetime.timedelta(days=1)
    if lo.day != 1 or nxt.day != 1:
        return None
    return (nxt.year - lo.year) * 12 + nxt.month - lo.month


def _enclosing(lo: datetime.date, hi: datetime.date) -> str:
    """The smallest month, year, decade or century that holds lo..hi."""
    if (lo.year, lo.month) == (hi.year, hi.month):
        return f"{lo.year}-{lo.month:02d}"
    if lo.year == hi.year:
        return f"{lo.year}"
    if lo.year // 10 == hi.year // 10:
        return f"{lo.year // 10:03d}"
    if lo.year // 100 == hi.year // 100:
        return f"{lo.year // 100:02d}"
    return "XXXX"


# -- durations -----------------------------------------------------------------------------

_UNIT_CODES: Final = {
    "second": "TS",
    "minute": "TM",
    "hour": "TH",
    "day": "D",
    "night": "D",
    "week": "W",
    "fortnight": "W",
    "month": "M",
    "quarter": "Q",
    "year": "Y",
    "decade": "DE",
    "century": "CE",
    "centurie": "CE",
}
_VAGUE: Final = frozenset({"several", "many", "some", "a few", "few", "a couple of"})
DURATION_UNITS: Final = alternation(
    [
        "second",
        "minute",
        "hour",
        "day",
        "night",
        "week",
        "fortnight",
        "month",
        "quarter",
        "year",
        "decade",
        "century",
        "centuries",
    ]
)
"""The units a duration counts in, as a regex alternation."""


def _code(unit: str, count: str) -> str:
    code = _UNIT_CODES[unit]
    return f"PT{count}{code[1:]}" if code.startswith("T") else f"P{count}{code}"


def duration_value(phrase: str) -> str | None:
    """
    The TimeML value of a duration ("P3Y", "PT1.5M", "PXY"), or None.

    >>> duration_value("24 hours"), duration_value("two and a half years")
    ('PT24H', 'P2.5Y')
    >>> duration_value("several weeks"), duration_value("a fortnight")
    ('PXW', 'P2W')
    """
    words = " ".join(phrase.lower().replace("-", " ").split())
    m = re.fullmatch(
        rf"(?P<n>.+?)(?P<half> and a half)? (?P<u>{DURATION_UNITS})s?(?P<half2> and a half)?",
        words,
    )
    if m is None:
        if words in ("a fortnight", "fortnight"):
            return "P2W"
        return None
    unit = m["u"].removesuffix("s")
    if unit == "centurie":
        unit = "century"
    n = m["n"]
    if n in _VAGUE:
        return _code(unit, "X")
    value = int(n) if n.isdigit() else NUMBERS.get(n)
    if value is None:
        return None
    if unit == "fortnight":
        unit, value = "week", 2 * value
    half = m["half"] or m["half2"]
    count = f"{value}.5" if half else str(value)
    return _code(unit, count)


# -- sets ----------------------------------------------------------------------------------

_ADVERBS: Final = {
    "daily": "P1D",
    "nightly": "P1D",
    "weekly": "P1W",
    "monthly": "P1M",
    "quarterly": "P1Q",
    "annually": "P1Y",
    "yearly": "P1Y",
    "hourly": "PT1H",
}
SET_ADVERBS: Final = alternation(list(_ADVERBS))
"""Adverbs of frequency that are TIMEX3 sets."""


def set_value(phrase: str) -> str | None:
    """
    The TimeML value of a set ("P1D", "P2W", "XXXX-WXX-1"), or None.

    >>> set_value("every two weeks"), set_value("each year"), set_value("Mondays")
    ('P2W', 'P1Y', 'XXXX-WXX-1')
    """
    words = " ".join(phrase.lower().split())
    if words in _ADVERBS:
        return _ADVERBS[words]
    m = re.fullmatch(r"(?:every|each) (?:(?P<n>\w+) )?(?P<u>\w+?)s?", words)
    if m is not None and m["u"] in WEEKDAYS:
        return f"XXXX-WXX-{WEEKDAYS[m['u']]}"
    if m is not None and m["u"] in _UNIT_CODES:
        n = m["n"]
        value = 1 if n is None else (int(n) if n.isdigit() else NUMBERS.get(n))
        return None if value is None else _code(m["u"], str(value))
    if words.endswith("s") and words[:-1] in WEEKDAYS:
        return f"XXXX-WXX-{WEEKDAYS[words[:-1]]}"
    return None


# -- times of day ----------------------------------------------------------------------------

_PARTS_OF_DAY: Final = {
    "morning": "MO",
    "afternoon": "AF",
    "evening": "EV",
    "night": "NI",
    "tonight": "NI",
}
_CLOCK: Final = re.compile(
    r"(?P<h>\d{1,2})(?::(?P<m>\d{2}))?\s*(?P<ap>a\.?m\.?|p\.?m\.?)?|(?P<word>noon|midday|midnight)",
    re.IGNORECASE,
)


def time_value(clock: str) -> str | None:
    """
    The time part of a TimeML value ("T11:00", "T17:30", "TEV"), or None.

    >>> time_value("5:30 p.m."), time_value("noon"), time_value("evening")
    ('T17:30', 'T12:00', 'TEV')
    """
    words = clock.strip().lower()
    if words in _PARTS_OF_DAY:
        return f"T{_PARTS_OF_DAY[words]}"
    m = _CLOCK.fullmatch(words)
    if m is None:
        return None
    if m["word"]:
        return "T00:00" if m["word"] == "midnight" else "T12:00"
    hour, minute = int(m["h"]), int(m["m"] or 0)
    ap = (m["ap"] or "").replace(".", "")
    if ap == "pm" and hour < 12:
        hour += 12
    elif ap == "am" and hour == 12:
        hour = 0
    if hour > 23 or minute > 59 or (not ap and m["m"] is None):
        return None
    return f"T{hour:02d}:{minute:02d}"
