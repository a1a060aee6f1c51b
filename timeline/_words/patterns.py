"""
Where dates may be in article text: candidate phrases and sentence boundaries.

`candidates(text)` lists every phrase that looks like a date in English news, longest
first at each position, overlapping freely; `extract()` then keeps what `resolve()`
can read. `sentences(text)` splits the text into sentence spans.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

import attrs

from .languages import COUNTED_AFTER
from .timex import DURATION_UNITS, SET_ADVERBS, TimexType
from .vocabulary import NUMBER_WORD, WEEKDAY_NAMES

# -- vocabulary ------------------------------------------------------------------------
# Months and weekdays are matched case-sensitively ("(?-i:...)"): news capitalises
# them, and the lower-case words ("may", "march") are mostly verbs.

_MONTH_FULL: Final = (
    r"(?-i:January|February|March|April|May|June|July|August|September|October|"
    r"November|December)"
)
_MONTH_ABBR: Final = r"(?-i:(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b\.?)"
_MONTH: Final = rf"(?:{_MONTH_FULL}|{_MONTH_ABBR})"
_WEEKDAY: Final = r"(?-i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DAY: Final = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
_YEAR4: Final = r"(?:1\d{3}|20\d{2})(?!\d)"
_YEAR_WORDS: Final = r"(?:this|last|next|the previous|the following|that) year"
_YEAR_SPEC: Final = rf"(?:{_YEAR4}|{_YEAR_WORDS})"
_NUM: Final = (
    r"(?:\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"a couple of|a few)"
)
_APPROX: Final = (
    r"(?:(?:about|around|some|roughly|nearly|almost|more than|less than) )?"
)
_UNIT: Final = r"(?:day|week|weekend|month|quarter|year|decade|fortnight)"
_ORD_Q: Final = r"(?:first|second|third|fourth|final|1st|2nd|3rd|4th)"
_SEASON: Final = r"(?:spring|summer|autumn|fall|winter)"
_S: Final = r"(?:[ \t]*\n[ \t]*|[ \t]+)"  # a space inside a phrase: a phrase may wrap, not span a blank line
_PART: Final = (
    r"(?:early|mid-|mid|late|the early|the late|the beginning of|the start of|"
    r"the middle of|the end of)"
)
_HOLIDAY: Final = (
    r"(?-i:Christmas(?: Day| Eve)?|New Year's (?:Day|Eve)|Thanksgiving(?: Day)?"
    r"|Novruz|Nowruz|Navruz|Nevruz)"
)

# -- the phrases -----------------------------------------------------------------------

_MONTH_DAY: Final = rf"(?:{_WEEKDAY},?{_S})?{_MONTH}(?:{_S})?{_DAY}(?:,?{_S}{_YEAR4})?"
_DAY_MONTH: Final = rf"(?:{_WEEKDAY},?{_S})?(?:the{_S})?{_DAY}(?:{_S}of)?{_S}{_MONTH}(?:,?{_S}{_YEAR4})?"
_MONTH_YEAR: Final = rf"{_MONTH}(?:,?{_S}|{_S}of{_S}){_YEAR_SPEC}"
_REL_MONTH: Final = rf"(?:last|next|this|this past|this coming){_S}{_MONTH_FULL}"
_BARE_MONTH: Final = _MONTH_FULL
_YEAR: Final = rf"(?:the{_S}year{_S}|fiscal{_S}(?:year{_S})?)?{_YEAR4}"
_DECADE: Final = r"(?:the[ \t]+)?(?:1\d{2}0|20\d0)'?s|(?:the[ \t]+)?'\d0s"
_QUARTER: Final = (
    rf"(?:the{_S})?(?:(?:{_YEAR4}|this year's|last year's|next year's){_S})?(?:fiscal{_S})?"
    rf"{_ORD_Q}[ \t-]quarter(?:{_S}of{_S}(?:fiscal{_S})?{_YEAR_SPEC})?"
    rf"|(?-i:Q[1-4])(?:{_S}{_YEAR4})?(?![\w-])|{_YEAR4}{_S}(?-i:Q[1-4])"
)
_HALF: Final = (
    rf"(?:the{_S})?(?:first|second|1st|2nd){_S}half{_S}of{_S}{_YEAR_SPEC}"
    rf"|(?-i:H[12]){_S}{_YEAR4}"
)
_SEASON_P: Final = (
    rf"(?:(?:last|next|this|this past|this coming|the){_S})?(?:(?:early|late){_S})?"
    rf"{_SEASON}(?:{_S}(?:of{_S})?{_YEAR4})?"
)
_DEICTIC: Final = (
    rf"(?:(?:early|late|earlier|later){_S})?(?:today|tonight|yesterday|tomorrow)(?![\w-])"
    rf"|the{_S}day{_S}(?:before{_S}yesterday|after{_S}tomorrow)"
)
_REL_UNIT: Final = (
    rf"(?:this|last|next|this past|this coming|the coming|the current|the past|the last)"
    rf"{_S}(?:week|weekend|month|quarter|year|decade|century)"
    rf"|the{_S}weekend"
)
_EARLIER_THIS: Final = (
    rf"(?:earlier|later){_S}(?:this|in{_S}the){_S}(?:week|month|year|quarter|decade)"
)
_AGO: Final = rf"{_APPROX}{_NUM}{_S}{_UNIT}s?(?:{_S}or{_S}so)?{_S}ago"
_WEEKDAY_P: Final = rf"(?:(?:last|next|this|this past|this coming){_S})?{_WEEKDAY}"
_NUMERIC: Final = (
    r"\d{4}-\d{2}-\d{2}(?![\d-])|(?<![\d/])\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})(?![\d/])"
)
_FINANCIAL: Final = (
    rf"(?:the{_S})?(?:comparable{_S}|same{_S})?(?:year-ago|year-earlier|year{_S}ago|year{_S}earlier)"
    rf"{_S}(?:{_ORD_Q}[ \t-])?(?:quarter|period)"
    rf"|(?:the{_S})?year[ \t-]end|(?:the{_S})?year's{_S}end"
    rf"|(?:the|this|last|next){_S}fiscal{_S}year"
    rf"|(?:the{_S})?(?:1\d|20|1\dth|20th|1st|2nd|3rd|[4-9]th){_S}century"
    rf"|the{_S}(?:latest|most{_S}recent){_S}quarter"
)

# What a part ("early", "the end of") or "since" may govern.
_CORE: Final = "|".join(
    f"(?:{p})"
    for p in (
        _MONTH_DAY,
        _MONTH_YEAR,
        _REL_MONTH,
        _BARE_MONTH,
        _DECADE,
        _YEAR,
        _SEASON_P,
        _DEICTIC,
        _REL_UNIT,
        _QUARTER,
        rf"(?:the{_S})?(?:year|month|week)",
    )
)
_PART_P: Final = rf"{_PART}[ \t]*(?:{_CORE})"
_AROUND: Final = (
    rf"(?:around|about|circa|approximately|roughly){_S}(?:{_MONTH_DAY}|{_MONTH_YEAR})"
)
_SINCE: Final = rf"since{_S}(?:{_CORE}|{_WEEKDAY_P}|{_DAY_MONTH}|{_AGO})"

# Phrases relative to another event: they need an anchor.
_AFTER_WORD: Final = r"(?:after|before|prior)"
# "a day after the vote" counts from the vote, not from the last date: only a "before"
# or "after" that ends the clause points back to an earlier date.
_CLAUSE_END: Final = r"(?=[ \t]*(?:[.,;:!?)\"\u201d\u2019]|$|\n))"
_ANAPHORIC: Final = (  # factored by first word: each start tries few branches
    rf"{_APPROX}{_NUM}{_S}{_UNIT}s?{_S}"
    rf"(?:earlier|later|afterwards?|previously|beforehand|{_AFTER_WORD}{_CLAUSE_END})"
    rf"|the{_S}(?:(?:following|next|previous|preceding|prior|subsequent){_S}"
    rf"(?:day|week|weekend|month|year)"
    rf"|(?:day|week|month|year){_S}(?:earlier|later|{_AFTER_WORD}{_CLAUSE_END})"
    rf"|same{_S}(?:day|week|weekend|month|quarter|year))"
    rf"|that{_S}(?:(?:same|very){_S})?(?:day|week|weekend|month|quarter|year)"
    rf"|(?:earlier|later){_S}that{_S}(?:day|week|month|year)"
)

# Ranges written with a dash, or days joined by "to" ("March 3-5", "Dec. 24-25",
# "November 9-10, 1989", "25-26 January", "January 30-February 2", "1990-95"): one
# mention, resolved to the span, whose ends become an event's `when` and `ends`.
_DASH: Final = r"[ \t]*[-\u2013\u2014][ \t]*"
_DAY_TO: Final = rf"(?:{_DASH}|{_S}(?:to|through|until|till){_S})"
_DAY_RANGE: Final = (
    rf"(?:(?:between|from){_S})?(?:{_WEEKDAY},?{_S})?{_MONTH}(?:{_S})?{_DAY}{_DAY_TO}{_DAY}"
    rf"(?:,?{_S}{_YEAR4})?"
    rf"|(?:from{_S})?(?:the{_S})?{_DAY}{_DAY_TO}(?:the{_S})?{_DAY}(?:{_S}of)?{_S}{_MONTH}"
    rf"(?:,?{_S}{_YEAR4})?"
    rf"|between{_S}{_MONTH}(?:{_S})?{_DAY}{_S}and{_S}{_DAY}(?:,?{_S}{_YEAR4})?"
    rf"|{_MONTH}(?:{_S})?{_DAY}{_DASH}{_MONTH}(?:{_S})?{_DAY}(?:,?{_S}{_YEAR4})?"
    rf"|(?:1\d{{3}}|20\d{{2}})[-\u2013](?:(?:1\d{{3}}|20\d{{2}})|\d{{2}})(?!\d)"
)

# -- times of day, durations and sets (TIMEX3 TIME, DURATION and SET) -----------------------

_CLOCK: Final = (
    r"(?:(?:[01]?\d|2[0-3])(?::[0-5]\d)?[ \t]*(?:a\.m\.|p\.m\.|am\b|pm\b)"
    r"|(?:[01]?\d|2[0-3]):[0-5]\d(?!\d)|noon|midnight)"
)
_ZONE: Final = (
    r"(?-i:GMT|UTC|CET|CEST|EET|EEST|MSK|EST|EDT|CST|CDT|MST|MDT|PST|PDT|BST)"
)
_TIME_DAY: Final = rf"(?:{_WEEKDAY_P}|today|tomorrow|yesterday|{_MONTH_DAY})"
_TIME_P: Final = (
    rf"{_CLOCK}(?:{_S}{_ZONE})?(?:,?{_S}(?:on{_S})?{_TIME_DAY})?"
    rf"|{_TIME_DAY}{_S}(?:at{_S})?{_CLOCK}(?:{_S}{_ZONE})?"
)
_COUNT: Final = rf"(?:\d{{1,4}}(?:\.\d)?|{NUMBER_WORD}|several|many|a{_S}few|some)"
_NOT_A_DURATION_AFTER: Final = (
    rf"(?!{_S}(?:ago|later|earlier|after|before|afterwards?|previously|beforehand|"
    rf"from{_S}now|hence|back|prior|or{_S}so|old)\b)"
)
_DURATION_P: Final = (
    rf"{_COUNT}(?:{_S}and{_S}a{_S}half)?(?:{_S}|-)(?:{DURATION_UNITS})s?"
    rf"(?:{_S}and{_S}a{_S}half)?{_NOT_A_DURATION_AFTER}"
    rf"|a{_S}fortnight{_NOT_A_DURATION_AFTER}"
)
_SET_P: Final = (
    rf"(?:every|each){_S}(?:(?:\d{{1,2}}|{NUMBER_WORD}){_S})?"
    rf"(?:{DURATION_UNITS}|{_WEEKDAY})s?|{SET_ADVERBS}"
    rf"|(?-i:Mondays|Tuesdays|Wednesdays|Thursdays|Fridays|Saturdays|Sundays)"
)

_FLAGS: Final = re.IGNORECASE
# Word edges: no letter, digit or joining mark right outside a phrase.
_BEGIN: Final = r"(?<![\w$£€#@/.-])(?=[\w'])"
_END: Final = r"(?![\w@]|-\w|'\w\w)"

# Each pattern with its gates: words one of which every phrase it matches holds (lower
# case). A text that holds none is not scanned with that pattern: a substring test
# costs microseconds, a scan a tenth of a millisecond per 5,000 characters.
_MONTH_GATES: Final = (
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
)  # fmt: skip
_GATED: Final[tuple[tuple[str, tuple[str, ...] | None], ...]] = (
    (_DAY_RANGE, None),  # gated by `_RANGE_GATE`
    (_MONTH_DAY, _MONTH_GATES),
    (_DAY_MONTH, _MONTH_GATES),
    (_MONTH_YEAR, _MONTH_GATES),
    (_REL_MONTH, ("last", "next", "this")),
    (_BARE_MONTH, _MONTH_GATES),
    (_YEAR, None),
    (_DECADE, ("0s", "0's")),
    (_QUARTER, ("quarter", "q1", "q2", "q3", "q4")),
    (_HALF, ("half", "h1", "h2")),
    (_SEASON_P, ("spring", "summer", "autumn", "fall", "winter")),
    (_DEICTIC, ("today", "tonight", "yesterday", "tomorrow")),
    (_REL_UNIT, ("week", "month", "quarter", "year", "decade", "century")),
    (_EARLIER_THIS, ("earlier", "later")),
    (_AGO, ("ago",)),
    (_WEEKDAY_P, tuple(name.lower() for name in WEEKDAY_NAMES)),
    (_NUMERIC, ("-", "/")),
    (_FINANCIAL, ("ago", "earlier", "end", "fiscal", "century", "latest", "recent")),
    (_PART_P, ("early", "mid", "late", "beginning", "start", "middle", "end")),
    (_SINCE, ("since",)),
    (_AROUND, ("around", "about", "circa", "approximately", "roughly")),
    (_HOLIDAY, ("christmas", "new year", "thanksgiving", "ruz")),
)
_ABSOLUTE: Final = tuple(
    re.compile(f"{_BEGIN}(?:{p}){_END}", _FLAGS) for p, _ in _GATED
)
_GATES: Final = tuple(gates for _, gates in _GATED)
_PAIR_GATES: Final = ("from", "between")
# A day range has a digit before a dash or a joining word: a search that starts with a
# digit skips most of the text at C speed.
_RANGE_GATE: Final = re.compile(
    r"\d[ \t]*[-\u2013\u2014]|\d(?:st|nd|rd|th)?\s+(?:to|through|until|till|and)\s"
)
_CLOCK_GATE: Final = re.compile(r"\d(?::\d\d)?[ \t]*[ap]\.?m\b|\d:\d\d", re.IGNORECASE)
_RELATIVE: Final = re.compile(f"{_BEGIN}(?:{_ANAPHORIC}){_END}", _FLAGS)
CLOCK: Final = re.compile(rf"{_CLOCK}(?:{_S}{_ZONE})?", _FLAGS)
"""A time of day, with its time zone: the clock part of a TIME phrase."""
_TIMES: Final = re.compile(f"{_BEGIN}(?:{_TIME_P}){_END}", _FLAGS)
_TIME_WORDS: Final = ("noon", "midnight")
# One scan for both: a set ("every two weeks") before the duration it holds.
_SPANS: Final = re.compile(
    f"{_BEGIN}(?:(?P<SET>{_SET_P})|(?P<DURATION>{_DURATION_P})){_END}", _FLAGS
)

# Ranges joined by words ("from 1990 to 1995", "between March and May", "Monday through
# Friday"): TimeML marks each end as a date of its own, so they stay two mentions, read
# together so that a year-less end takes its year from the other.
_POINT: Final = (
    rf"(?:{_MONTH_DAY}|{_DAY_MONTH}|{_MONTH_YEAR}|{_MONTH_FULL}|{_YEAR4}|{_WEEKDAY})"
)
_PAIRS: Final = re.compile(  # one scan: both forms start with their own word
    f"{_BEGIN}(?:"
    rf"from{_S}(?P<a1>{_POINT}){_S}(?:to|until|till|through){_S}(?P<b1>{_POINT})"
    rf"|between{_S}(?P<a2>{_POINT}){_S}and{_S}(?P<b2>{_POINT})"
    f"){_END}",
    _FLAGS,
)
_THROUGH: Final = re.compile(
    rf"{_BEGIN}(?P<a3>{_POINT}){_S}through{_S}(?P<b3>{_POINT}){_END}", _FLAGS
)

# -- filters: the same words used for something else -------------------------------------

# "May" and "March" alone are verbs as often as months; other words make them dates.
_MONTH_CUE: Final = re.compile(
    r"(?:\b(?:in|since|until|till|by|through|from|to|of|during|before|after|between|"
    r"and|or|early|mid|late|last|next|this|each|every|since|around)|[,(])[ \t]*$",
    re.IGNORECASE,
)
# "over the past year" and "for the last month" are durations, not dates.
_DURATION_CUE: Final = re.compile(
    r"\b(?:over|during|for|in|within|throughout|through)[ \t]*$", re.IGNORECASE
)
# A four-digit number that counts or costs something is no year.
_NOT_YEAR_BEFORE: Final = re.compile(
    r"(?:[$£€#]|\bNo\.|\bnumber|\bNos?\.?|\d[,.])[ \t]*$", re.IGNORECASE
)
_NOT_YEAR_AFTER: Final = re.compile(
    rf"^(?:[ \t]*(?:%|percent|per cent)|[,.]\d|:\d|-\d|{COUNTED_AFTER})", re.IGNORECASE
)
_FALL_WORD: Final = re.compile(r"^(?:the[ \t]+)?(?:early[ \t]+|late[ \t]+)?fall$", re.I)
_PREP_BEFORE: Final = re.compile(r"\b(?:in|by|until|since|during|through)[ \t]*$", re.I)
_OF_NOT_YEAR: Final = re.compile(r"[ \t]+of[ \t]+(?!\d)", re.I)
_BARE_YEAR: Final = re.compile(r"^\d{4}$")


@attrs.frozen
class Candidate:
    """
    A phrase that may name a date; `relative` phrases need an anchor.

    A dash range ("March 3-5") has `dash` set; two dates joined by words ("from 1990
    to 1995") have `ends`: the offsets of the first and of the second. A date in
    another language has `english`, the English phrase it means.
    """

    start: int
    end: int
    relative: bool
    dash: bool = False
    ends: tuple[int, int, int, int] | None = None
    english: str | None = None
    type: TimexType = "DATE"


def candidates(text: str, languages: tuple[str, ...] = ()) -> list[Candidate]:
    """
    Every plausible date phrase, by start and then longest first.

    With *languages*, the dates of those that `languages` reads are candidates too,
    each with its English reading.
    """
    found: set[Candidate] = set()
    if languages:
        from .languages import RELATIVE_READINGS, finditer

        for m, english in finditer(text, languages):
            relative = english in RELATIVE_READINGS
            found.add(Candidate(m.start(), m.end(), relative, english=english))
    lowered = text.lower()
    ranges = _RANGE_GATE.search(text) is not None
    for i, (pattern, gates) in enumerate(zip(_ABSOLUTE, _GATES, strict=True)):
        if gates is not None and not any(gate in lowered for gate in gates):
            continue
        if i == 0 and not ranges:
            continue
        for m in pattern.finditer(text):
            if _plausible(text, m.start(), m.end()):
                found.add(Candidate(m.start(), m.end(), relative=False, dash=i == 0))
    pairs = (
        list(_PAIRS.finditer(text)) if any(g in lowered for g in _PAIR_GATES) else []
    )
    if "through" in lowered:
        pairs += _THROUGH.finditer(text)
    for m in pairs:
        k = next(i for i in "123" if m.groupdict().get(f"a{i}") is not None)
        a, b = f"a{k}", f"b{k}"
        if _plausible(text, m.start(a), m.end(a)):
            ends = (m.start(a), m.end(a), m.start(b), m.end(b))
            found.add(Candidate(m.start(), m.end(), relative=False, ends=ends))
    for m in _RELATIVE.finditer(text):
        found.add(Candidate(m.start(), m.end(), relative=True))
    if _CLOCK_GATE.search(text) or any(word in lowered for word in _TIME_WORDS):
        for m in _TIMES.finditer(text):
            found.add(Candidate(m.start(), m.end(), relative=False, type="TIME"))
    for m in _SPANS.finditer(text):
        kind: TimexType = "SET" if m["SET"] else "DURATION"
        found.add(Candidate(m.start(), m.end(), relative=False, type=kind))
    return sorted(found, key=lambda c: (c.start, -c.end, c.relative))


def _plausible(text: str, start: int, end: int) -> bool:
    """Whether a match is a date, judged by the words around it."""
    phrase = text[start:end]
    before = text[max(0, start - 24) : start]
    after = text[end : end + 12]
    if phrase in ("May", "March") and not _MONTH_CUE.search(before):
        return False
    if _BARE_YEAR.match(phrase) and (
        _NOT_YEAR_BEFORE.search(before) or _NOT_YEAR_AFTER.match(after)
    ):
        return False
    lower = phrase.lower()
    if lower.startswith(("the past ", "the last ")) and _DURATION_CUE.search(before):
        return False
    # "the fall of the regime": the season only with a year or after a preposition.
    if _FALL_WORD.match(phrase):
        return bool(_PREP_BEFORE.search(before)) and not _OF_NOT_YEAR.match(after)
    return True


_UNIT_WORD: Final = re.compile(
    r"\b(day|weekend|week|fortnight|month|quarter|year)s?\b", re.I
)
_UNIT_DAYS: Final = {
    "day": 1,
    "weekend": 7,
    "week": 7,
    "fortnight": 14,
    "month": 31,
    "quarter": 92,
    "year": 366,
}


def unit_days(phrase: str) -> int | None:
    """The most days a unit the phrase counts in spans ("a week later": 7), or None."""
    m = _UNIT_WORD.search(phrase)
    return None if m is None else _UNIT_DAYS[m.group(1).lower()]


# -- sentences -------------------------------------------------------------------------

_ABBREVIATIONS: Final = frozenset(
    [
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "mon",
        "tue",
        "tues",
        "wed",
        "thu",
        "thurs",
        "fri",
        "sat",
        "sun",
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "gen",
        "lt",
        "col",
        "maj",
        "capt",
        "sgt",
        "sen",
        "rep",
        "gov",
        "pres",
        "st",
        "mt",
        "ft",
        "ave",
        "blvd",
        "rd",
        "inc",
        "corp",
        "co",
        "ltd",
        "jr",
        "sr",
        "vs",
        "etc",
        "no",
        "nos",
        "approx",
        "dept",
        "univ",
        "est",
        "fig",
        "u.s",
        "u.k",
        "u.n",
        "e.g",
        "i.e",
        "a.m",
        "p.m",
    ]
)
# A run of end marks is matched once, from its first mark (the look-behind): tried from
# every mark of a run, as `finditer` would, 50,000 dots took 51 s (quadratic).
_BOUNDARY: Final = re.compile(
    r"(?<![.!?])[.!?]+[\"'\u201d\u2019)\]]*"
    r"(?=\s+[\"\u201c\u2018\u00ab(\[]?[A-Z0-9\u0410-\u042f\u0401\u0404\u0406\u0407\u0490\u00c7\u011e\u0130\u00d6\u015e\u00dc\u018f])"
    r"|(?<!\n)\n[ \t]*\n\s*"
)
_LAST_WORD: Final = re.compile(r"(\S+)$")
_LONGEST_WORD: Final = 12  # enough to recognise any abbreviation above


def sentences(text: str) -> Iterator[tuple[int, int]]:
    """The (start, end) spans of the sentences in *text*, blank ones skipped."""
    start = 0
    for m in _BOUNDARY.finditer(text):
        if m.group().startswith("."):
            word = _LAST_WORD.search(text, max(0, m.start() - _LONGEST_WORD), m.start())
            token = word.group(1).lower().lstrip("\"'\u201c\u2018(") if word else ""
            # An abbreviation ("Jan.", "Mr.") or an initial ("P.") ends no sentence.
            if token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha()):
                continue
        yield from _trimmed(text, start, m.end())
        start = m.end()
    yield from _trimmed(text, start, len(text))


def _trimmed(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        yield start, end
