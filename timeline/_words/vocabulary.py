"""
Every word the words layer knows for a month, a weekday or a number: one place.

English month and weekday names come from the `calendar` module (Python keeps
LC_TIME at "C", so they are English), with the abbreviations news writes; every
pattern and table elsewhere in `timeline._words` is built from these.

>>> MONTHS["sept"], WEEKDAYS["thurs"], NUMBERS["twenty-one"], ORDINALS["third"]
(9, 4, 21, 3)
>>> MONTH_NAMES[:3]
('January', 'February', 'March')
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable, Mapping
from typing import Final

MONTH_NAMES: Final = tuple(calendar.month_name)[1:]
"""January ... December."""
WEEKDAY_NAMES: Final = tuple(calendar.day_name)
"""Monday ... Sunday."""

# Abbreviations news writes besides the three-letter ones ("Sept.", "Tues.", "Thurs.").
_EXTRA_MONTH_ABBR: Final = {9: ("sept",)}
_EXTRA_WEEKDAY_ABBR: Final = {2: ("tues",), 4: ("thurs",)}


def _names(full: Iterable[str], extra: Mapping[int, tuple[str, ...]]) -> dict[str, int]:
    table: dict[str, int] = {}
    for i, name in enumerate(full, start=1):
        table[name.lower()] = i
        table[name[:3].lower()] = i
        for abbr in extra.get(i, ()):
            table[abbr] = i
    return table


MONTHS: Final = _names(MONTH_NAMES, _EXTRA_MONTH_ABBR)
"""Lower-case English month names and abbreviations to month numbers (1-12)."""
WEEKDAYS: Final = _names(WEEKDAY_NAMES, _EXTRA_WEEKDAY_ABBR)
"""Lower-case English weekday names and abbreviations to ISO weekdays (1-7)."""
MONTH_ABBREVIATIONS: Final = tuple(w for w in MONTHS if w.title() not in MONTH_NAMES)
"""jan, feb, ..., sept: the month words that are no full name."""
WEEKDAY_ABBREVIATIONS: Final = tuple(
    w for w in WEEKDAYS if w.title() not in WEEKDAY_NAMES
)
"""mon, tue, tues, ...: the weekday words that are no full name."""

_ONES: Final = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS: Final = [
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
]
_ORD_ONES: Final = [
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
    "twentieth",
]


def _numbers() -> dict[str, int]:
    table = {w: i for i, w in enumerate(_ONES)} | {"a": 1, "an": 1, "a couple of": 2}
    for t, tens in enumerate(_TENS):
        table[tens] = 20 + 10 * t
        for o in range(1, 10):
            table[f"{tens}-{_ONES[o]}"] = table[f"{tens} {_ONES[o]}"] = 20 + 10 * t + o
    return table


def _ordinals() -> dict[str, int]:
    table = {w: i + 1 for i, w in enumerate(_ORD_ONES)} | {"thirtieth": 30}
    for o in range(1, 10):
        table[f"twenty-{_ORD_ONES[o - 1]}"] = table[f"twenty {_ORD_ONES[o - 1]}"] = (
            20 + o
        )
    table["thirty-first"] = table["thirty first"] = 31
    return table


NUMBERS: Final = _numbers()
"""Number words to values: "one" 1, "twenty-one" 21, "a couple of" 2."""
ORDINALS: Final = _ordinals()
"""Ordinal words to values: "first" 1, "twenty-third" 23, "thirty-first" 31."""


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of *words*, longest first, each escaped."""
    return "|".join(sorted(map(re.escape, words), key=len, reverse=True))


IRREGULAR_PAST: Final = frozenset(
    [
        "arose",
        "ate",
        "became",
        "began",
        "bent",
        "bit",
        "blew",
        "broke",
        "brought",
        "built",
        "bought",
        "caught",
        "chose",
        "came",
        "dealt",
        "drew",
        "drank",
        "drove",
        "fell",
        "felt",
        "fought",
        "found",
        "fled",
        "flew",
        "forgot",
        "froze",
        "gave",
        "went",
        "grew",
        "hung",
        "heard",
        "hid",
        "held",
        "kept",
        "knew",
        "laid",
        "led",
        "left",
        "lent",
        "lost",
        "made",
        "meant",
        "met",
        "paid",
        "rode",
        "rang",
        "rose",
        "ran",
        "said",
        "saw",
        "sought",
        "sold",
        "sent",
        "shook",
        "shot",
        "sang",
        "sank",
        "sat",
        "slept",
        "spoke",
        "spent",
        "stood",
        "stole",
        "struck",
        "swore",
        "swept",
        "swam",
        "took",
        "taught",
        "tore",
        "told",
        "thought",
        "threw",
        "understood",
        "woke",
        "wore",
        "won",
        "wrote",
        "withdrew",
        "overtook",
        "undertook",
        "upheld",
        "withheld",
        "forbade",
        "foresaw",
        "overcame",
        "overthrew",
    ]
)
"""The simple past of common English irregular verbs, where it differs from the base."""


NUMBER_WORD: Final = (
    rf"(?:(?:{'|'.join(_TENS)})(?:[- ](?:{'|'.join(_ONES[1:10])}))?"
    rf"|{'|'.join(sorted(_ONES, key=len, reverse=True))}|an?|a couple of)"
)
"""A regex for the number words of `NUMBERS`, compact: tens, then units."""
