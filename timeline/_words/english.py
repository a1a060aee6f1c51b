"""
The fast path of `resolve()`: English date phrases as news writes them.

`parse(text, ctx)` returns a `When` for a phrase it knows, None for one it does not
(the caller then tries dateparser), and raises `DateResolutionError` for a phrase it
knows but cannot resolve (no such day, no reference, no anchor).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Final, NamedTuple

import attrs

from ..errors import DateResolutionError, ValidationError
from ..when import When
from . import spans as cal
from .spans import Date, Direction, Unit, add_days
from .vocabulary import MONTHS, NUMBERS, ORDINALS, WEEKDAYS, alternation

# -- vocabulary (from `vocabulary`, the one place for month, weekday and number words) --

_UNITS: Final = frozenset(
    ["day", "week", "weekend", "month", "quarter", "year", "decade", "century"]
)
_alt: Final = alternation


_UNIT_RE: Final = r"day|week|weekend|month|quarter|year|decade|century|fortnight"
_CAL_UNIT_RE: Final = r"week|weekend|month|quarter|year|decade|century"
_M: Final = _alt(MONTHS)
_WD: Final = _alt(WEEKDAYS)
# Number and ordinal words match as any word (or two); the handlers look them up. One
# alternation of every number word would make the patterns slow to compile and match.
_WORD_NUM: Final = r"[a-z]+(?:[- ][a-z]+)?"
_NUM: Final = rf"\d{{1,3}}|a couple of|{_WORD_NUM}"
_ORD: Final = rf"\d{{1,2}}(?:st|nd|rd|th)?|{_WORD_NUM}"
_DAYPART: Final = r"(?: (?:morning|afternoon|evening|night|noon|midday))?"
_PAST_WORDS: Final = r"last|past|previous|the last|the past|the previous|the preceding|this past|the prior"
_NEXT_WORDS: Final = r"next|coming|the coming|this coming|the next"
_QUARTER_ORD: Final = {
    "first": 1,
    "1st": 1,
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
    "final": 4,
    "last": 4,
}
_Q_ORD: Final = _alt(_QUARTER_ORD)
_SEASON: Final = r"spring|summer|autumn|fall|winter"
# A year as a phrase may name it: "2024", "this year", "last year", "next year".
_YEAR_SPEC: Final = (
    r"\d{4}|this year|the current year|the year|last year|the past year|"
    r"the previous year|next year|the coming year|the following year|that year|"
    r"the same year"
)


NEEDS_ANCHOR: Final = "this phrase is relative to another event: it needs an anchor (pass anchor=When(...))"


class Ctx(NamedTuple):
    """
    What a phrase is resolved against.

    `direction` places year-less dates, months and bare weekdays: the sentence's tense
    when `context` has one, else `prefer`. Year-less quarters, halves and seasons
    follow `prefer` alone: news reports on quarters that are over, whatever the tense.
    """

    text: str
    reference: Date | None
    anchor: When | None
    direction: Direction
    date_order: str | None
    prefer: Direction = "past"
    context: str | None = None

    def fail(self, reason: str) -> DateResolutionError:
        """An error naming the text and the reference."""
        ref = None if self.reference is None else str(self.reference)
        return DateResolutionError(self.text, ref, reason)

    @property
    def ref(self) -> Date:
        """The reference day, or an error saying that the phrase needs one."""
        if self.reference is None:
            msg = "this phrase needs a reference date (pass reference=..., e.g. pendulum.today())"
            raise self.fail(msg)
        return self.reference

    @property
    def anc_any(self) -> When:
        """The anchor, bounded or not, or an error saying that the phrase needs one."""
        if self.anchor is None:
            raise self.fail(NEEDS_ANCHOR)
        return self.anchor

    @property
    def anc(self) -> When:
        """The bounded anchor, or an error saying that the phrase needs one."""
        if self.anchor is None:
            raise self.fail(NEEDS_ANCHOR)
        if not self.anchor.is_bounded:
            raise self.fail("the anchor must be bounded on both sides")
        return self.anchor


Rule = Callable[["re.Match[str]", Ctx], When | None]


@attrs.frozen
class RuleEntry:
    """A registered rule: its pattern, its handler and the words that let it run."""

    pattern: str
    handler: Rule
    triggers: frozenset[str]
    compiled: list[re.Pattern[str]] = attrs.field(factory=list, eq=False)

    def regex(self) -> re.Pattern[str]:
        """The compiled pattern (compiled on first use: importing compiles nothing)."""
        if not self.compiled:
            # Two threads may both compile: the list then holds two equal patterns.
            self.compiled.append(re.compile(self.pattern))
        return self.compiled[0]


RULES: Final[list[RuleEntry]] = []
"""Every rule, in the order it is tried."""

# The words one of which a phrase must hold for a rule to be tried: a cheap set test
# that spares most phrases most regular expressions. Besides words: "#num", a token
# with a digit; "#dash", a dash between words; "#poss", a possessive.
_INDEX: Final[dict[str, list[int]]] = {}
_DAY_PARTS: Final = "morning afternoon evening night noon midday"


def rule(pattern: str, *, triggers: str) -> Callable[[Rule], Rule]:
    """
    Register a handler for phrases that match `pattern` in full.

    `triggers` lists (space-separated) the words one of which any phrase the pattern
    matches holds: the rule is tried only on phrases that hold one. The index is
    filled here, at import time (under the import lock): nothing is built lazily,
    so threads never see it half-built.
    """
    words = frozenset(triggers.split())
    if not words:
        msg = f"rule {pattern!r} declares no trigger words"
        raise ValueError(msg)

    def register(fn: Rule) -> Rule:
        index = len(RULES)
        RULES.append(RuleEntry(pattern, fn, words))
        for word in words:
            _INDEX.setdefault(word, []).append(index)
        return fn

    return register


_DIGIT: Final = re.compile(r"\d")


def tokens(t: str) -> list[str]:
    """The words of a normalised phrase, with the "#..." marks the triggers use."""
    found = t.split()
    if "-" in t:
        found += t.replace("-", " ").split()
        found.append("#dash")
    if _DIGIT.search(t):
        found.append("#num")
    if "'s " in t:
        found.append("#poss")
    return found


def candidates(t: str) -> list[int]:
    """The rules worth trying on `t` (indexes into `RULES`), in registration order."""
    found: set[int] = set()
    for token in tokens(t):
        rules = _INDEX.get(token)
        if rules is not None:
            found.update(rules)
    return sorted(found)


def _found(found: When | None, ctx: Ctx) -> When:
    if found is None:
        raise ctx.fail("no such date between the years 1 and 9999")
    return found


class _NotANumber(Exception):
    """A word in a number's (or unit's) place that is none: the rule does not apply."""


def _num(word: str) -> int:
    if word.isdigit():
        return int(word)
    if word not in NUMBERS:
        raise _NotANumber(word)
    return NUMBERS[word]


def _ordinal(word: str) -> int:
    if word[:1].isdigit():
        return int(word.rstrip("stndrh"))
    if word not in ORDINALS:
        raise _NotANumber(word)
    return ORDINALS[word]


def _day(ctx: Ctx, year: int, month: int, day: int) -> When:
    try:
        d = Date(year, month, day)
    except ValueError:
        msg = f"there is no day {day} in {year}-{month:02d}"
        raise ctx.fail(msg) from None
    return When(d, d)


def _year(ctx: Ctx, spec: str) -> int:
    """The year a year phrase names."""
    if spec[0].isdigit():
        year = int(spec)
        if year < 1:
            raise ctx.fail("there is no year 0")
        return year
    if spec in ("that year", "the same year"):
        anchor = ctx.anc
        assert anchor.earliest is not None
        return anchor.earliest.year
    if spec == "the following year":
        anchor = ctx.anc
        assert anchor.earliest is not None
        return anchor.earliest.year + 1
    shift = {"last year": -1, "the past year": -1, "the previous year": -1}.get(spec, 0)
    if spec in ("next year", "the coming year"):
        shift = 1
    return ctx.ref.year + shift


def _month_day(
    ctx: Ctx, month: int, day: int, year: str | None, weekday: str | None = None
) -> When:
    """A day of a month; without a year, the year its weekday (if named) or `ctx` picks."""
    if year is not None:
        return _day(ctx, _year(ctx, year), month, day)
    if not 1 <= day <= 31:
        msg = f"there is no day {day} in a month"
        raise ctx.fail(msg)
    wd = None if weekday is None else WEEKDAYS[weekday]

    def build(y: int) -> cal.Bounds | None:
        try:
            d = Date(y, month, day)
        except ValueError:
            return None
        if wd is not None and d.isoweekday() != wd:
            return None
        return d, d

    # "Saturday, April 25": the nearest April 25 that is a Saturday.
    found = cal.yearly(build, ctx.ref, ctx.direction if wd is None else "nearest")
    if found is None and wd is not None:
        return _month_day(ctx, month, day, None)
    if found is None:
        msg = f"there is no day {day} in month {month}"
        raise ctx.fail(msg)
    return found


# -- numbers: ISO and slashed dates --------------------------------------------------

_ISO: Final = re.compile(
    r"(?P<y>\d{4})-(?P<m>\d{2})(?:-(?P<d>\d{2})(?:[t ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:z|[+-]\d{2}:?\d{2})?)?)?"
)
_ISO_WEEK: Final = re.compile(r"(?P<y>\d{4})-?w(?P<w>\d{2})")
_SLASHED: Final = re.compile(
    r"(?P<a>\d{1,4})(?P<sep>[/.-])(?P<b>\d{1,2})(?P=sep)(?P<c>\d{1,4})"
)
_MONTH_YEAR_NUM: Final = re.compile(r"(?P<m>\d{1,2})[/.](?P<y>\d{4})")


def parse_numeric(t: str, ctx: Ctx) -> When | None:
    """ISO 8601 dates, months and weeks; dates written with slashes, dots or dashes."""
    m = _ISO.fullmatch(t)
    if m:
        year, month = int(m["y"]), int(m["m"])
        if m["d"] is None:
            if month > max(12, year % 100):
                return None  # "1990-95": two years, read by `_year_span_rule`
            if not 1 <= month <= 12 or year < 1:
                msg = f"there is no month {month}"
                raise ctx.fail(msg)
            return When.month(year, month)
        if year < 1:
            raise ctx.fail("there is no year 0")
        return _day(ctx, year, month, int(m["d"]))
    m = _ISO_WEEK.fullmatch(t)
    if m:
        try:
            return When.week(int(m["y"]), int(m["w"]))
        except ValidationError:
            msg = f"there is no ISO week {m['w']} in {m['y']}"
            raise ctx.fail(msg) from None
    m = _SLASHED.fullmatch(t)
    if m:
        return _slashed(m, ctx)
    m = _MONTH_YEAR_NUM.fullmatch(t)
    if m and 1 <= int(m["m"]) <= 12 and int(m["y"]) >= 1:
        return When.month(int(m["y"]), int(m["m"]))
    return None


def _slashed(m: re.Match[str], ctx: Ctx) -> When:
    a_s, b_s, c_s = m["a"], m["b"], m["c"]
    a, b, c = int(a_s), int(b_s), int(c_s)
    if len(a_s) == 4:  # 2025/01/28: year first is always year-month-day
        if ctx.date_order not in (None, "YMD"):
            msg = f"{_quoted(m)} starts with a year, not date_order {ctx.date_order}"
            raise ctx.fail(msg)
        return _day(ctx, a, b, c)
    if len(c_s) != 4:
        raise ctx.fail("write the year with four digits")
    order = ctx.date_order
    if order == "YMD":
        raise ctx.fail("date_order='YMD' but the year comes last")
    if order is None:
        if a > 12 >= b:
            order = "DMY"
        elif b > 12 >= a:
            order = "MDY"
        elif a == b:
            order = "DMY"
        else:
            msg = f"{_quoted(m)} could be day/month or month/day: pass date_order='DMY' or 'MDY'"
            raise ctx.fail(msg)
    day, month = (a, b) if order == "DMY" else (b, a)
    if not 1 <= month <= 12:
        msg = f"there is no month {month}"
        raise ctx.fail(msg)
    return _day(ctx, c, month, day)


def _quoted(m: re.Match[str]) -> str:
    """The matched text, quoted."""
    return repr(m.group(0))


# -- normalising words ---------------------------------------------------------------

_PUNCT: Final = re.compile(r"[,()\[\]\"“”]")
_ABBREV_DOT: Final = re.compile(r"(?<=[a-z])\.")
_DASHES: Final = re.compile(r"[‐‑‒–—―]")  # noqa: RUF001 - the dashes we fold
_MID: Final = re.compile(r"\bmid-(?=[a-z0-9'])")
_LEADING: Final = (
    rf"^(?:on|in(?! (?:\S+|\S+ \S+) (?:{_UNIT_RE})s?\b)|at|during|throughout|within|for|of|all of|most of|much of|"
    r"(?:a |the )?(?:good |large |big |greater |major |first |better )?part of|"
    r"the course of|the whole of|sometime in|some time in) "
)
_LEADING_WORDS: Final = frozenset(
    [
        "on",
        "in",
        "at",
        "during",
        "throughout",
        "within",
        "for",
        "of",
        "all",
        "most",
        "much",
        "a",
        "the",
        "good",
        "large",
        "big",
        "greater",
        "major",
        "first",
        "better",
        "part",
        "sometime",
        "some",
    ]
)
_PLAIN: Final = re.compile(r"[a-z0-9 ]+")
_POSSESSIVES: Final = frozenset({"its", "their", "our", "his", "her", "my", "your"})
_FISCAL: Final = re.compile(r"\bfiscal(?:[ -]year)?(?= \d{4})|\bfiscal[ -]?")
_TRAILING_S: Final = re.compile(r"(?<=[a-z])'s?$")


def normalise(text: str) -> str:
    """Lower case, plain punctuation, one space between words."""
    t = text.lower()
    if _PLAIN.fullmatch(t):  # the common case: nothing to fold
        return t
    t = t.replace("’", "'").replace("‘", "'")  # noqa: RUF001 - curly quotes
    t = _DASHES.sub("-", t)
    t = _PUNCT.sub(" ", t)
    t = _ABBREV_DOT.sub("", t)
    t = _MID.sub("mid ", t)
    t = " ".join(t.split())
    return t.strip(" .;:!?")


def parse(text: str, ctx: Ctx) -> When | None:
    """The `When` an English phrase names, or None when it is not a phrase we know."""
    t = text.strip().lower()
    if t[:1].isdigit():
        found = parse_numeric(t, ctx)
        if found is not None:
            return found
    return parse_words(normalise(text), ctx)


def parse_words(t: str, ctx: Ctx) -> When | None:
    """The `When` a normalised English phrase names, or None."""
    approximate = uncertain = False
    if "fiscal" in t:
        # Fiscal calendars differ from company to company: read "fiscal 1988" and "the
        # fiscal second quarter" as the calendar period named, marked uncertain.
        t = " ".join(_FISCAL.sub("", t).split())
        uncertain = True
    if t.endswith(" or so") or " or so " in t:
        t = t.replace(" or so", "")
        approximate = True
    while t.split(" ", 1)[0] in _LEADING_WORDS:
        m = re.match(_LEADING, t)
        if m is None or m.end() == len(t):
            break
        t = t[m.end() :]
    if "'" in t:
        t = _TRAILING_S.sub("", t)
    head, _, rest = t.partition(" ")
    if head in _POSSESSIVES and rest:
        t = f"the {rest}"  # "its third quarter", "their fiscal year": the company's
    found = _match(t, ctx)
    if found is None:
        return None
    if found.is_unknown:
        return found
    if approximate and not found.approximate:
        found = attrs.evolve(found, approximate=True)
    if uncertain and not found.uncertain:
        found = attrs.evolve(found, uncertain=True)
    return found


def _match(t: str, ctx: Ctx) -> When | None:
    for index in candidates(t):
        entry = RULES[index]
        m = entry.regex().fullmatch(t)
        if m is not None:
            try:
                found = entry.handler(m, ctx)
            except _NotANumber:
                continue
            if found is not None:
                return found
    return None


def _inner(t: str, ctx: Ctx) -> When:
    """A phrase inside a larger one; it must resolve."""
    found = parse_numeric(t, ctx)
    if found is None:
        found = parse_words(t, ctx)
    if found is None:
        msg = f"{t!r} is not a date"
        raise ctx.fail(msg)
    return found


# -- absolute dates --------------------------------------------------------------------


@rule(
    rf"(?:(?P<wd>{_WD}) )?(?P<m>{_M}) (?P<d>{_ORD})(?: (?P<y>{_YEAR_SPEC}))?",
    triggers=" ".join(MONTHS),
)
def _month_day_rule(m: re.Match[str], ctx: Ctx) -> When:
    """December 25, Dec. 25 2024, Tuesday April 25, December 25th."""
    return _month_day(ctx, MONTHS[m["m"]], _ordinal(m["d"]), m["y"], m["wd"])


@rule(
    rf"(?:(?P<wd>{_WD}) )?(?:the )?(?P<d>{_ORD})(?: of)? (?P<m>{_M})(?: (?P<y>{_YEAR_SPEC}))?",
    triggers=" ".join(MONTHS),
)
def _day_month_rule(m: re.Match[str], ctx: Ctx) -> When:
    """25 December 2024, the 25th of December."""
    return _month_day(ctx, MONTHS[m["m"]], _ordinal(m["d"]), m["y"], m["wd"])


@rule(rf"(?P<m>{_M})(?: of)? (?P<y>{_YEAR_SPEC})", triggers=" ".join(MONTHS))
def _month_year_rule(m: re.Match[str], ctx: Ctx) -> When:
    """January 2025, January of last year."""
    year = _year(ctx, m["y"])
    return When.month(year, MONTHS[m["m"]])


@rule(
    rf"(?:(?P<rel>{_PAST_WORDS}|{_NEXT_WORDS}|this) )?(?P<m>{_M})",
    triggers=" ".join(MONTHS),
)
def _month_rule(m: re.Match[str], ctx: Ctx) -> When | None:
    """December, last April, this September, next March."""
    month = MONTHS[m["m"]]
    rel = m["rel"]
    ref = ctx.ref
    if rel is None:
        found = cal.yearly(lambda y: cal.month_bounds(y, month), ref, ctx.direction)
        return _found(found, ctx)
    if rel == "this":
        return When.month(ref.year, month)
    if rel in _PAST_SET:
        year = ref.year if month < ref.month else ref.year - 1
        return When.month(year, month)
    year = ref.year if month > ref.month else ref.year + 1
    return When.month(year, month)


_PAST_SET: Final = frozenset(_PAST_WORDS.split("|"))


@rule(
    r"(?:the )?(?:(?:calendar )?year )?(?P<y>\d{4})"
    r"|(?:the )?(?P<y2>\d{4}) (?:calendar year|year|period)",
    triggers="#num",
)
def _year_rule(m: re.Match[str], ctx: Ctx) -> When:
    """
    2024, the year 2024, the 2019 fiscal year, the 2019 period.

    "The 2019 period" in a results report is that year's part the report compares
    (a quarter, nine months): the year is the span that surely holds it.
    """
    year = int(m["y"] or m["y2"])
    if year < 1:
        raise ctx.fail("there is no year 0")
    return When.year(year)


def _year_words(words: str) -> int | None:
    """'two thousand and five' 2005, 'nineteen ninety-eight' 1998, 'nineteen hundred' 1900."""
    words = words.replace(" and ", " ")
    if words.startswith("two thousand"):
        rest = words.removeprefix("two thousand").strip()
        return (
            2000 + (NUMBERS[rest] if rest else 0)
            if not rest or rest in NUMBERS
            else None
        )
    head, _, tail = words.partition(" ")
    if head not in NUMBERS or not 10 <= NUMBERS[head] <= 99:
        return None
    if tail == "hundred":
        return 100 * NUMBERS[head]
    if tail.startswith("oh "):
        tail_value = NUMBERS.get(tail.removeprefix("oh "))
        return (
            None
            if tail_value is None or tail_value > 9
            else 100 * NUMBERS[head] + tail_value
        )
    if tail in NUMBERS and 10 <= NUMBERS[tail] <= 99:
        return 100 * NUMBERS[head] + NUMBERS[tail]
    return None


@rule(r"the year (?P<w>[a-z -]+)", triggers="year")
def _year_in_words_rule(m: re.Match[str], ctx: Ctx) -> When | None:
    """The year two thousand, the year nineteen ninety-eight."""
    year = _year_words(m["w"])
    return None if year is None or year < 1 else When.year(year)


@rule(r"(?:the )?(?P<y>\d{3}0)'?s", triggers="#num")
def _decade_rule(m: re.Match[str], ctx: Ctx) -> When:
    """The 1990s."""
    year = int(m["y"])
    if year < 10:
        raise ctx.fail("there is no decade before the 10s")
    return When.decade(year)


@rule(r"(?:the )?'?(?P<y>\d0)'?s", triggers="#num")
def _short_decade_rule(m: re.Match[str], ctx: Ctx) -> When:
    """The '90s: the latest such decade that starts on or before the reference."""
    ref = ctx.ref
    year = ref.year // 100 * 100 + int(m["y"])
    if year > ref.year:
        year -= 100
    if year < 10:
        raise ctx.fail("there is no decade before the 10s")
    return When.decade(year)


@rule(
    rf"(?:the )?(?P<n>\d{{1,2}}(?:st|nd|rd|th)|{_WORD_NUM}) century", triggers="century"
)
def _century_rule(m: re.Match[str], ctx: Ctx) -> When:
    """The 20th century: 1900-1999, as news and TimeML count it."""
    n = _ordinal(m["n"])
    if not 1 <= n <= 99:
        msg = f"there is no {n}th century"
        raise ctx.fail(msg)
    if n == 1:
        return When(Date(1, 1, 1), Date(99, 12, 31))
    return When.century((n - 1) * 100)


# -- weekdays ---------------------------------------------------------------------------


@rule(
    rf"(?:(?P<rel>{_PAST_WORDS}|{_NEXT_WORDS}|this) )?(?P<wd>{_WD}){_DAYPART}",
    triggers=" ".join(WEEKDAYS),
)
def _weekday_rule(m: re.Match[str], ctx: Ctx) -> When:
    """Tuesday, on Tuesday, last Friday, next Monday, Friday night."""
    wd = WEEKDAYS[m["wd"]]
    ref = ctx.ref
    rel = m["rel"]
    back = (ref.isoweekday() - wd) % 7  # days back to the latest such weekday
    ahead = (wd - ref.isoweekday()) % 7
    if rel is None:
        if ctx.direction == "past":
            return cal.one_day(add_days(ref, -back))
        if ctx.direction == "future":
            return cal.one_day(add_days(ref, ahead))
        return cal.one_day(add_days(ref, -back if back <= ahead else ahead))
    if rel == "this":
        return cal.one_day(add_days(ref, wd - ref.isoweekday()))
    if rel in _PAST_SET:
        return cal.one_day(add_days(ref, -(back or 7)))
    return cal.one_day(add_days(ref, ahead or 7))


# -- quarters, halves, seasons ------------------------------------------------------------


def _quarter_in(ctx: Ctx, q: int, year: str | None) -> When:
    if year is not None:
        return When.quarter(_year(ctx, year), q)
    found = cal.yearly(
        lambda y: cal.months_bounds(y, 3 * q - 2, 3), ctx.ref, ctx.prefer
    )
    return _found(found, ctx)


@rule(
    r"q(?P<q>[1-4])(?: (?:of )?(?P<y>\d{4}))?|(?P<y2>\d{4}) q(?P<q2>[1-4])|(?P<q3>[1-4])q(?: (?P<y3>\d{4}))?",
    triggers="#num",
)
def _q_rule(m: re.Match[str], ctx: Ctx) -> When:
    """Q1 2025, 2025 Q1, 1Q 2025."""
    q = int(m["q"] or m["q2"] or m["q3"])
    return _quarter_in(ctx, q, m["y"] or m["y2"] or m["y3"])


@rule(
    rf"(?:the )?(?:(?P<y0>\d{{4}}|this year|last year|next year) )?(?P<q>{_Q_ORD})[ -]quarter(?: (?:of )?(?P<y>{_YEAR_SPEC}))?",
    triggers="quarter",
)
def _quarter_rule(m: re.Match[str], ctx: Ctx) -> When | None:
    """The first quarter of 2025, third-quarter, the 2024 fourth quarter."""
    q = _QUARTER_ORD[m["q"]]
    year = m["y"] or m["y0"]
    if year is None and m["q"] == "last":
        return None  # "the last quarter": the one before the reference's
    return _quarter_in(ctx, q, year)


@rule(
    r"(?:the )?(?P<y0>\d{4} )?(?:first|1st) two quarters(?: of (?P<y>"
    + _YEAR_SPEC
    + "))?",
    triggers="quarters",
)
def _first_two_quarters_rule(m: re.Match[str], ctx: Ctx) -> When:
    """The first two quarters of 1990: its first half."""
    y = m["y"] or (m["y0"] or "").strip() or None
    if y is None:
        found = cal.yearly(lambda yr: cal.months_bounds(yr, 1, 6), ctx.ref, ctx.prefer)
        return _found(found, ctx)
    return When.half(_year(ctx, y), 1)


@rule(r"h(?P<h>[12])(?: (?P<y>\d{4}))?|(?P<y2>\d{4}) h(?P<h2>[12])", triggers="#num")
def _h_rule(m: re.Match[str], ctx: Ctx) -> When:
    """H1 2025."""
    h = int(m["h"] or m["h2"])
    y = m["y"] or m["y2"]
    if y is None:
        found = cal.yearly(
            lambda yr: cal.months_bounds(yr, 6 * h - 5, 6), ctx.ref, ctx.prefer
        )
        return _found(found, ctx)
    return When.half(int(y), h)


@rule(
    r"(?:the )?(?P<h>first|second|1st|2nd|latter) half(?: (?:of )?(?P<rest>.+))?",
    triggers="half",
)
def _half_rule(m: re.Match[str], ctx: Ctx) -> When | None:
    """The first half of 2025, the second half of March, the first half."""
    h = 1 if m["h"] in ("first", "1st") else 2
    rest = m["rest"]
    if rest is None:
        found = cal.yearly(
            lambda yr: cal.months_bounds(yr, 6 * h - 5, 6), ctx.ref, ctx.prefer
        )
        return _found(found, ctx)
    inner = _inner(rest, ctx)
    if not inner.is_bounded:
        raise ctx.fail("only a bounded span has halves")
    return cal.half_of(inner, h)


@rule(
    rf"(?:(?P<rel>{_PAST_WORDS}|{_NEXT_WORDS}|this) )?(?:the )?(?P<s>{_SEASON})(?: (?:of )?(?P<y>{_YEAR_SPEC}))?",
    triggers="spring summer autumn fall winter",
)
def _season_rule(m: re.Match[str], ctx: Ctx) -> When:
    """Summer 1998, the summer of 1998, last fall, this past spring, winter."""
    name = m["s"]
    if m["y"] is not None:
        return cal.season(_year(ctx, m["y"]), name)
    ref = ctx.ref
    rel = m["rel"]
    if rel is None:
        found = cal.yearly(
            lambda y: cal.months_bounds(y, cal.SEASONS[name], 3), ref, ctx.prefer
        )
        return _found(found, ctx)
    if rel == "this":
        year = ref.year - 1 if name == "winter" and ref.month < 3 else ref.year
        return cal.season(year, name)
    if rel in _PAST_SET:
        # The latest such season that is over by the reference.
        for year in range(ref.year, ref.year - 3, -1):
            w = cal.season(year, name)
            assert w.latest is not None
            if w.latest < ref:
                return w
    for year in range(ref.year - 1, ref.year + 3):
        w = cal.season(year, name)
        assert w.earliest is not None
        if w.earliest > ref:
            return w
    raise ctx.fail("no such season")  # pragma: no cover - a season recurs every year


# -- holidays -----------------------------------------------------------------------------


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> Date:
    first = Date(year, month, 1)
    return add_days(first, (weekday - first.isoweekday()) % 7 + 7 * (n - 1))


_HOLIDAYS: Final[dict[str, Callable[[int], Date]]] = {
    "christmas": lambda y: Date(y, 12, 25),
    "christmas day": lambda y: Date(y, 12, 25),
    "christmas eve": lambda y: Date(y, 12, 24),
    "boxing day": lambda y: Date(y, 12, 26),
    "new year's day": lambda y: Date(y, 1, 1),
    "new year's eve": lambda y: Date(y, 12, 31),
    "independence day": lambda y: Date(y, 7, 4),
    "halloween": lambda y: Date(y, 10, 31),
    "valentine's day": lambda y: Date(y, 2, 14),
    "thanksgiving": lambda y: _nth_weekday(y, 11, 4, 4),
    "thanksgiving day": lambda y: _nth_weekday(y, 11, 4, 4),
}


@rule(
    rf"(?:(?P<rel>last|next|this) )?(?P<h>{_alt(_HOLIDAYS)})(?: (?P<y>{_YEAR_SPEC}))?",
    triggers="christmas boxing new independence halloween valentine's thanksgiving",
)
def _holiday_rule(m: re.Match[str], ctx: Ctx) -> When:
    """Christmas, Thanksgiving Day 1999, New Year's Eve (US dates)."""
    day_of = _HOLIDAYS[m["h"]]
    if m["y"] is not None:
        return cal.one_day(day_of(_year(ctx, m["y"])))
    ref = ctx.ref
    rel = m["rel"]
    if rel == "this":
        return cal.one_day(day_of(ref.year))
    direction: Direction = ctx.direction
    if rel == "last":
        direction, ref = "past", add_days(ref, -1)
    elif rel == "next":
        direction, ref = "future", add_days(ref, 1)
    found = cal.yearly(lambda y: (day_of(y), day_of(y)), ref, direction)
    return _found(found, ctx)


@rule(
    rf"(?:(?P<rel>last|next|this) )?(?:novruz|nowruz|navruz|nevruz)(?: holiday| bayrami)?(?: (?P<y>{_YEAR_SPEC}))?",
    triggers="novruz nowruz navruz nevruz",
)
def _novruz_rule(m: re.Match[str], ctx: Ctx) -> When:
    """
    Novruz, Nowruz 2024: the new year at the March equinox, March 20 or 21.

    The equinox falls on either day as the years go: both are given, never a guess.
    """

    def build(y: int) -> cal.Bounds:
        return Date(y, 3, 20), Date(y, 3, 21)

    if m["y"] is not None:
        return When(*build(_year(ctx, m["y"])))
    ref = ctx.ref
    if m["rel"] == "this":
        return When(*build(ref.year))
    direction: Direction = {"last": "past", "next": "future"}.get(
        m["rel"] or "", ctx.direction
    )  # type: ignore[assignment]
    return _found(cal.yearly(build, ref, direction), ctx)


# -- relative to the reference ---------------------------------------------------------------

_DAY_WORDS: Final = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}


@rule(
    rf"(?:(?:early|late|earlier|later|very early|very late) )?(?P<w>today|tonight|yesterday|tomorrow){_DAYPART}",
    triggers="today tonight yesterday tomorrow",
)
def _day_word_rule(m: re.Match[str], ctx: Ctx) -> When:
    """Today, yesterday, late yesterday, tomorrow morning."""
    return cal.one_day(add_days(ctx.ref, _DAY_WORDS[m["w"]]))


@rule(
    r"now|right now|just now|currently|current|at present|presently|at the moment|"
    r"(?:at )?this moment|at this time|this (?:morning|afternoon|evening)|the present|"
    r"nowadays|these days|today's|in this day and age",
    triggers="now currently current present presently moment time nowadays these today's age "
    + _DAY_PARTS,
)
def _now_rule(m: re.Match[str], ctx: Ctx) -> When:
    """Now, nowadays, these days: the reference day."""
    return cal.one_day(ctx.ref)


@rule(r"last night|overnight", triggers="night overnight")
def _last_night_rule(m: re.Match[str], ctx: Ctx) -> When:
    """Last night: the evening before the reference day."""
    return cal.one_day(add_days(ctx.ref, -1))


@rule(r"the day (?P<w>before yesterday|after tomorrow)", triggers="yesterday tomorrow")
def _two_days_rule(m: re.Match[str], ctx: Ctx) -> When:
    """The day before yesterday, the day after tomorrow."""
    return cal.one_day(add_days(ctx.ref, -2 if m["w"].startswith("before") else 2))


@rule(
    r"recently|lately|recent|of late|(?:in )?recent (?:days|weeks|months|years|times)(?: and (?:days|weeks|months|years))?|"
    r"the (?:last|past) (?:few|several) (?:days|weeks|months|years)|in the past|the past|"
    r"formerly|previously|earlier|historically|back then|in (?:past|earlier|previous|former) "
    r"(?:years|decades|times)|in years past|in years gone by|in the old days",
    triggers="recently lately recent late past last formerly previously earlier historically then years old",
)
def _recently_rule(m: re.Match[str], ctx: Ctx) -> When:
    """Recently, formerly, back then, in past years: some time up to the reference day."""
    return When(None, ctx.ref)


@rule(
    r"soon|shortly|the future|in the future|future|in the near future|the near future|"
    r"(?:in |over )?the (?:short|near|long|medium) term|"
    r"(?:in )?(?:the )?coming (?:days|weeks|months|years|quarters)|in the (?:next|coming) (?:few|several) (?:days|weeks|months|years)",
    triggers="soon shortly future term coming next",
)
def _future_rule(m: re.Match[str], ctx: Ctx) -> When:
    """Soon, in the future: some time from the reference day on."""
    return When(ctx.ref, None)


def _unit(word: str) -> Unit:
    word = word.removesuffix("s")
    if word == "centurie":
        word = "century"
    if word not in _UNITS:  # a fortnight has no calendar unit
        raise _NotANumber(word)
    return word  # type: ignore[return-value]  # one of _UNITS: a `Unit`


@rule(
    rf"(?:this|the current|current|the present|this current) (?P<u>{_UNIT_RE})",
    triggers="week weekend month quarter year decade century",
)
def _this_unit_rule(m: re.Match[str], ctx: Ctx) -> When:
    """This week, this month, this year, the current quarter."""
    return cal.unit_of(ctx.ref, _unit(m["u"]))


@rule(
    rf"(?:last|past|the last|the past|this past) (?P<u>{_CAL_UNIT_RE})",
    triggers="week weekend month quarter year decade century",
)
def _last_unit_rule(m: re.Match[str], ctx: Ctx) -> When:
    """
    Last week, the past year, the last decade: the unit before the reference's.

    Written on a Sunday, "last week" is the week that ends that day: news (and the
    calendars that start weeks on Sunday) counts Monday to Saturday as the week past.
    """
    unit = _unit(m["u"])
    if unit == "week" and ctx.ref.isoweekday() == 7:
        return cal.unit_of(ctx.ref, "week")
    return cal.unit_of(ctx.ref, unit, -1)


@rule(
    rf"(?:next|the coming|coming|this coming) (?P<u>{_CAL_UNIT_RE})",
    triggers="week weekend month quarter year decade century",
)
def _next_unit_rule(m: re.Match[str], ctx: Ctx) -> When:
    """Next week, next year, the coming month."""
    unit = _unit(m["u"])
    if unit == "weekend":
        ref = ctx.ref
        return cal.weekend_of(ref if ref.isoweekday() < 6 else add_days(ref, 7))
    return cal.unit_of(ctx.ref, unit, 1)


@rule(r"(?:the )?weekend", triggers="weekend")
def _weekend_rule(m: re.Match[str], ctx: Ctx) -> When:
    """The weekend: the latest one under prefer past, the next one under future."""
    ref = ctx.ref
    this = cal.weekend_of(ref)
    assert this.earliest is not None
    if ctx.direction == "future":
        return this
    if this.earliest <= ref or (ctx.direction == "nearest" and ref.isoweekday() >= 4):
        return this
    return cal.weekend_of(add_days(ref, -7))


@rule(
    r"the (?:full |whole |entire )?(?P<u>year|month|week|day)",
    triggers="year month week day",
)
def _the_unit_rule(m: re.Match[str], ctx: Ctx) -> When:
    """The year (as in "the end of the year"), the day ("later in the day"): the anchor's, else the reference's."""
    unit = _unit(m["u"])
    if ctx.anchor is not None:
        return cal.unit_span(ctx.anc, unit)
    return cal.unit_of(ctx.ref, unit)


_SHIFT: Final = {"day": "days", "week": "weeks", "month": "months", "year": "years"}


def _shift(w: When, unit: str, n: int, ctx: Ctx) -> When:
    try:
        if unit == "fortnight":
            return w.shift(weeks=2 * n)
        if unit == "decade":
            return w.shift(years=10 * n)
        if unit == "century":
            return w.shift(years=100 * n)
        if unit == "quarter":
            return w.shift(months=3 * n)
        if unit == "weekend":
            return w.shift(weeks=n)
        return w.shift(**{_SHIFT[unit]: n})
    except ValidationError as exc:
        raise ctx.fail(exc.reason) from None


_APPROX: Final = r"about|around|some|roughly|approximately|nearly|almost|more than|over|less than|under|just over|just under|barely|only|at least"


_CONTEXT_QUARTER: Final = re.compile(
    rf"\b(?:(?P<q>{_Q_ORD})[ -]quarter|(?:the|latest|this) quarter)\b"
)


def _quarter_in_context(ctx: Ctx) -> When | None:
    """
    The quarter a financial sentence reports on, if it names one.

    "Net rose to $5 million from $4 million a year ago": in a sentence about the third
    quarter, "a year ago" is that quarter a year before (the financial-news idiom).
    """
    if ctx.context is None or "quarter" not in ctx.context.lower():
        return None
    m = _CONTEXT_QUARTER.search(ctx.context.lower())
    if m is None:
        return None
    if m["q"] is not None and m["q"] != "last":
        return _quarter_in(ctx, _QUARTER_ORD[m["q"]], None)
    return cal.unit_of(ctx.ref, "quarter", -1)


@rule(r"(?:a|one) year (?P<dir>ago|earlier|before)", triggers="year")
def _year_ago_in_quarter_rule(m: re.Match[str], ctx: Ctx) -> When | None:
    """A year ago, in a sentence about a quarter: that quarter a year before."""
    if ctx.anchor is not None:
        return None
    quarter = _quarter_in_context(ctx)
    return None if quarter is None else quarter.shift(years=-1)


@rule(
    rf"(?:(?P<approx>{_APPROX}) )?(?P<n>{_NUM}) (?P<u>{_UNIT_RE})s? (?P<dir>ago|from now|hence|back|before now|earlier than now)",
    triggers="ago now hence back",
)
def _ago_rule(m: re.Match[str], ctx: Ctx) -> When:
    """Two days ago, a year ago (that day), two years ago (that year), six weeks ago (that ISO week)."""
    n = _num(m["n"])
    sign = 1 if m["dir"] in ("from now", "hence") else -1
    ref = ctx.ref
    if m["u"] == "fortnight":
        found = cal.one_day(add_days(ref, 14 * n * sign))
    elif n == 1:
        # "A year ago", "a week ago": that day, one unit from the reference.
        found = _shift(cal.one_day(ref), m["u"], sign, ctx)
    else:
        # "Two years ago", "six weeks ago": a rounder count names the unit itself.
        found = cal.unit_of(ref, _unit(m["u"]), sign * n)
    if m["approx"] is not None:
        found = attrs.evolve(found, approximate=True)
    return found


@rule(rf"in (?P<n>{_NUM}) (?P<u>{_UNIT_RE})s?(?:' time)?", triggers="in")
def _in_n_rule(m: re.Match[str], ctx: Ctx) -> When:
    """In two days, in three weeks: a time counted forward from the reference."""
    n = _num(m["n"])
    unit = _unit(m["u"])
    ref = ctx.ref
    anchor = _shift(cal.one_day(ref), m["u"], n, ctx)
    assert anchor.earliest is not None
    return cal.unit_of(anchor.earliest, "week" if unit == "weekend" else unit)


@rule(
    rf"(?:the |over the |in the |during the )?(?P<rel>past|last|previous|next|coming) (?P<n>{_NUM}) (?P<u>{_UNIT_RE})s",
    triggers="days weeks weekends months quarters years decades centuries fortnights",
)
def _last_n_rule(m: re.Match[str], ctx: Ctx) -> When:
    """The past two years, the next three months: up to or from the reference day."""
    n = _num(m["n"])
    ref = ctx.ref
    sign = 1 if m["rel"] in ("next", "coming") else -1
    other = _shift(cal.one_day(ref), m["u"], sign * n, ctx)
    assert other.earliest is not None
    return When(min(ref, other.earliest), max(ref, other.earliest))


@rule(
    r"(?P<rel>earlier|later) (?:this|in the|this current) (?P<u>week|month|year|quarter|decade)",
    triggers="earlier later",
)
def _earlier_this_rule(m: re.Match[str], ctx: Ctx) -> When:
    """Earlier this month: from the month's first day to the reference; later: the rest."""
    ref = ctx.ref
    unit = cal.unit_of(ref, _unit(m["u"]))
    if m["rel"] == "earlier":
        return When(unit.earliest, ref)
    return When(ref, unit.latest)


@rule(r"(?:the )?year[- ]end|(?:the )?year's end", triggers="year-end year's end")
def _year_end_rule(m: re.Match[str], ctx: Ctx) -> When:
    """Year-end: December 31 of the reference's year, as financial news uses it."""
    return cal.one_day(Date(ctx.ref.year, 12, 31))


# -- relative to an anchor -------------------------------------------------------------------


@rule(
    r"(?:on |at )?(?:the same day|that (?:same |very )?day|(?:earlier|later) that day|the same date|"
    r"then|at that time|at the time|that time|the day itself|that date)",
    triggers="day then time date",
)
def _same_day_rule(m: re.Match[str], ctx: Ctx) -> When:
    """The same day, that day, then: the anchor itself."""
    return ctx.anc_any


@rule(
    r"(?:that|the same|that same) (?P<u>week|weekend|month|quarter|year|decade)",
    triggers="that same",
)
def _that_unit_rule(m: re.Match[str], ctx: Ctx) -> When:
    """That week, the same month: the unit holding the anchor."""
    return cal.unit_span(ctx.anc, _unit(m["u"]))


@rule(
    r"(?P<rel>earlier|later) (?:that|in the|the same) (?P<u>week|month|year|quarter)",
    triggers="earlier later",
)
def _earlier_that_rule(m: re.Match[str], ctx: Ctx) -> When:
    """Later that month: after the anchor, within its month; earlier that week: before it."""
    anchor = ctx.anc
    assert anchor.earliest is not None
    assert anchor.latest is not None
    unit = cal.unit_span(anchor, _unit(m["u"]))
    one_day = anchor.earliest == anchor.latest
    lo: Date | None
    hi: Date | None
    if m["rel"] == "later":
        lo, hi = (
            (add_days(anchor.latest, 1) if one_day else anchor.earliest),
            unit.latest,
        )
    else:
        lo, hi = (
            unit.earliest,
            (add_days(anchor.earliest, -1) if one_day else anchor.latest),
        )
    assert lo is not None
    assert hi is not None
    if lo > hi:
        msg = f"nothing is {m['rel']} than the anchor {anchor} in its {m['u']}"
        raise ctx.fail(msg)
    return When(lo, hi, approximate=anchor.approximate, uncertain=anchor.uncertain)


@rule(
    rf"(?:the )?(?P<rel>following|next|previous|preceding|prior|subsequent) (?P<u>{_UNIT_RE})"
    rf"|the (?P<u2>{_UNIT_RE}) (?P<rel2>before|after|earlier|later|prior)",
    triggers="following next previous preceding prior subsequent before after earlier later",
)
def _neighbour_rule(m: re.Match[str], ctx: Ctx) -> When:
    """The following day, the day before, the next week, the month after: next to the anchor."""
    rel = m["rel"] or m["rel2"]
    unit = _unit(m["u"] or m["u2"])
    sign = 1 if rel in ("following", "next", "subsequent", "after", "later") else -1
    if unit == "day":
        return _shift(ctx.anc_any, "day", sign, ctx)
    return cal.unit_span(ctx.anc, unit, sign)


@rule(
    rf"(?:(?P<approx>{_APPROX}) )?(?P<n>{_NUM}) (?P<u>{_UNIT_RE})s? "
    r"(?P<dir>earlier|later|after|afterwards?|before|beforehand|previously|prior|on|before that|after that|later on)",
    triggers="earlier later after afterwards afterward before beforehand previously prior on that",
)
def _anaphoric_shift_rule(m: re.Match[str], ctx: Ctx) -> When:
    """A day earlier, two days later, a week after, three weeks earlier: the anchor moved."""
    n = _num(m["n"])
    backward = m["dir"] in (
        "earlier",
        "before",
        "beforehand",
        "previously",
        "prior",
        "before that",
    )
    found = _shift(ctx.anc_any, m["u"], -n if backward else n, ctx)
    if m["approx"] is not None:
        found = attrs.evolve(found, approximate=True)
    return found


@rule(r"(?:the |that )?quarter", triggers="quarter")
def _the_quarter_rule(m: re.Match[str], ctx: Ctx) -> When:
    """
    The quarter: the quarter the anchor falls in.

    With no anchor, in a sentence given as context ("Two units posted lower earnings
    for the quarter"), the quarter a report is about: the latest one to end. "That
    quarter" always needs an anchor.
    """
    if ctx.anchor is None and ctx.context and not m.group().startswith("that"):
        return cal.unit_of(ctx.ref, "quarter", -1)
    return cal.unit_span(ctx.anc, "quarter")


@rule(
    r"(?:the )?(?:latest|most recent|recent|just-ended|just ended|reported) (?:quarter|period)",
    triggers="quarter period",
)
def _latest_quarter_rule(m: re.Match[str], ctx: Ctx) -> When:
    """The latest quarter (or reporting period): the last quarter to end before the reference."""
    return cal.unit_of(ctx.ref, "quarter", -1)


@rule(
    rf"(?:the )?(?:comparable |same )?(?:year-ago|year-earlier|year ago|year earlier|prior-year|prior year|year-before)"
    rf"(?: (?P<q>{_Q_ORD}))?[ -](?:quarter|period)|(?:the )?quarter a year (?:ago|earlier|before)",
    triggers="quarter period",
)
def _year_ago_quarter_rule(m: re.Match[str], ctx: Ctx) -> When:
    """The year-ago quarter: the anchor's quarter (else the latest quarter) a year before."""
    if m["q"] is not None:
        base = _quarter_in(ctx, _QUARTER_ORD[m["q"]], None)
    elif ctx.anchor is not None:
        base = cal.unit_span(ctx.anc, "quarter")
    else:
        base = cal.unit_of(ctx.ref, "quarter", -1)
    return base.shift(years=-1)


# -- modifiers: open spans, ranges, approximation, parts ------------------------------------


@rule(r"since (?P<x>.+)", triggers="since")
def _since_rule(m: re.Match[str], ctx: Ctx) -> When:
    """Since 2022: from 2022-01-01 to the reference day."""
    inner = _inner(m["x"], ctx)
    ref = ctx.ref
    if inner.earliest is None or inner.earliest > ref:
        raise ctx.fail("'since' needs a start on or before the reference day")
    return When(
        inner.earliest, ref, approximate=inner.approximate, uncertain=inner.uncertain
    )


@rule(
    r"(?P<w>before|prior to|until|till|up to|up until|through|by|no later than|not later than|ahead of) (?P<x>.+)",
    triggers="before prior until till up through by no not ahead",
)
def _before_rule(m: re.Match[str], ctx: Ctx) -> When:
    """Before March 2025 (open start, to February 28); by March 2025 (to March 31)."""
    inner = _inner(m["x"], ctx)
    if m["w"] in ("before", "prior to", "ahead of"):
        if inner.earliest is None:
            raise ctx.fail("'before' needs a bounded start")
        return When(
            None,
            add_days(inner.earliest, -1),
            approximate=inner.approximate,
            uncertain=inner.uncertain,
        )
    if inner.latest is None:
        msg = f"{m['w']!r} needs a bounded end"
        raise ctx.fail(msg)
    return When(
        None, inner.latest, approximate=inner.approximate, uncertain=inner.uncertain
    )


@rule(
    r"(?P<w>after|following|from|starting|starting in|starting on|beginning|beginning in|no earlier than|not before|not earlier than) (?P<x>.+)",
    triggers="after following from starting beginning no not",
)
def _after_rule(m: re.Match[str], ctx: Ctx) -> When | None:
    """After March 2025 (from April 1, open end); from 2022 on."""
    x = m["x"]
    if m["w"] == "from" and re.search(r" (?:to|until|till|through) ", x):
        return None
    inner = _inner(x, ctx)
    if m["w"] in ("after", "following"):
        if inner.latest is None:
            raise ctx.fail("'after' needs a bounded end")
        return When(
            add_days(inner.latest, 1),
            None,
            approximate=inner.approximate,
            uncertain=inner.uncertain,
        )
    if inner.earliest is None:
        msg = f"{m['w']!r} needs a bounded start"
        raise ctx.fail(msg)
    return When(
        inner.earliest, None, approximate=inner.approximate, uncertain=inner.uncertain
    )


@rule(
    r"(?P<x>.+?) (?P<w>or later|or after|or afterwards|or beyond|and beyond|onwards|onward|and later|and after|on|or earlier|or before|and earlier)",
    triggers="or onwards onward and on",
)
def _or_later_rule(m: re.Match[str], ctx: Ctx) -> When | None:
    """1994 or later; 2020 onwards; 1990 or earlier."""
    if m["w"] == "on" and not m["x"].startswith("from "):
        return None
    x = m["x"].removeprefix("from ")
    inner = _inner(x, ctx)
    if "earlier" in m["w"] or "before" in m["w"]:
        return When(
            None, inner.latest, approximate=inner.approximate, uncertain=inner.uncertain
        )
    return When(
        inner.earliest, None, approximate=inner.approximate, uncertain=inner.uncertain
    )


@rule(r"(?P<w>post|pre)-? ?(?P<x>\d{4}s?)", triggers="post pre")
def _post_pre_rule(m: re.Match[str], ctx: Ctx) -> When:
    """Post-1945 (from 1946 on), pre-2000 (up to 1999): a year as an open span."""
    inner = _inner(m["x"], ctx)
    if m["w"] == "post":
        assert inner.latest is not None
        return When(add_days(inner.latest, 1), None)
    assert inner.earliest is not None
    return When(None, add_days(inner.earliest, -1))


@rule(
    r"(?:the )?(?:year-earlier|year-ago|year earlier|year ago)",
    triggers="year-earlier year-ago year",
)
def _year_ago_adjective_rule(m: re.Match[str], ctx: Ctx) -> When | None:
    """Year-earlier, year-ago (an adjective alone): as "a year ago"."""
    return parse_words("a year ago", ctx)


@rule(
    r"(?P<w>(?:two thousand|nineteen|eighteen|twenty)(?: and)?(?: [a-z]+(?:-[a-z]+)?)?)",
    triggers="thousand nineteen eighteen twenty",
)
def _spelled_year_rule(m: re.Match[str], ctx: Ctx) -> When | None:
    """Two thousand and three, nineteen ninety-eight: a year read out (transcripts)."""
    year = _year_words(m["w"])
    return None if year is None or year < 1000 else When.year(year)


_CLOCK_WORDS: Final = r"(?:\d{1,2}(?::\d{2})? ?(?:am|pm)|noon|midnight)(?: (?:gmt|utc|cet|cest|eet|eest|msk|est|edt|cst|cdt|pst|pdt|bst))?"


@rule(
    rf"{_CLOCK_WORDS}(?: on)? (?P<x>.+)|(?P<x2>.+?)(?: at)? {_CLOCK_WORDS}",
    triggers="am pm noon midnight #num",
)
def _clock_rule(m: re.Match[str], ctx: Ctx) -> When:
    """10 a.m. Wednesday, Friday at 6 p.m. GMT: the day (a `When` is a span of days)."""
    day = _inner(m["x"] or m["x2"], ctx)
    if day.earliest is None or day.earliest != day.latest:
        raise ctx.fail("a time of day needs a day")
    return day


_YEAR_AT_END: Final = re.compile(r" (\d{4})$")
_ORDINAL_DAY: Final = rf"\d{{1,2}}(?:st|nd|rd|th)?|{_alt(ORDINALS)}"
# A calendar date that names no year: its year comes from the other end of a range.
_YEARLESS: Final = (
    rf"(?:(?:{_WD}) )?(?:(?:{_M}) (?:{_ORDINAL_DAY})|(?:the )?(?:{_ORDINAL_DAY})(?: of)? (?:{_M}))"
    rf"|(?:{_M})|(?:{_WD})"
)


def _yearless(phrase: str) -> bool:
    """Whether a phrase is a calendar date that names no year (compiled on first use)."""
    return re.fullmatch(_YEARLESS, phrase) is not None


_SUFFIX: Final = r"(?:st|nd|rd|th)?"
_DAY_TO: Final = r"(?P<to>-| - | to | through | until | till | and )"

Ends = Callable[["re.Match[str]", Ctx], tuple[When, When] | None]
RANGE_ENDS: Final[dict[Rule, Ends]] = {}
"""The range rules, each with the function that gives its two ends."""


def range_rule(pattern: str, *, triggers: str) -> Callable[[Ends], Ends]:
    """
    Register a rule for a range: *ends* gives its first and last `When`.

    The rule resolves to the span from the first's start to the last's end; the ends
    themselves stay available to `range_ends` (an event's `when` and `ends`).
    """

    def register(ends: Ends) -> Ends:
        def handler(m: re.Match[str], ctx: Ctx) -> When | None:
            found = ends(m, ctx)
            return None if found is None else _span(*found, ctx)

        handler.__name__ = ends.__name__
        handler.__doc__ = ends.__doc__
        rule(pattern, triggers=triggers)(handler)
        RANGE_ENDS[handler] = ends
        return ends

    return register


def range_ends(text: str, ctx: Ctx) -> tuple[When, When] | None:
    """The first and last `When` of a range phrase ("March 3-5"), else None."""
    t = normalise(text)
    for index in candidates(t):
        entry = RULES[index]
        ends = RANGE_ENDS.get(entry.handler)
        m = None if ends is None else entry.regex().fullmatch(t)
        if ends is not None and m is not None:
            return ends(m, ctx)
    return None


def _span(start: When, end: When, ctx: Ctx) -> When:
    if start.earliest is None or end.latest is None or start.earliest > end.latest:
        raise ctx.fail("the range ends before it starts")
    return When(
        start.earliest,
        end.latest,
        approximate=start.approximate or end.approximate,
        uncertain=start.uncertain or end.uncertain,
    )


def _days_of_month(m: re.Match[str], ctx: Ctx) -> tuple[When, When] | None:
    if m["to"] == " and " and not m.group().startswith("between "):
        return None  # "on March 3 and 5": two days, not a range
    month, first, last = MONTHS[m["m"]], _ordinal(m["d1"]), _ordinal(m["d2"])
    if last < first:
        raise ctx.fail("the range ends before it starts")
    if m["y"] is not None:
        start = _month_day(ctx, month, first, m["y"], m["wd"])
        assert start.earliest is not None
        return start, _day(ctx, start.earliest.year, month, last)
    wd = None if m["wd"] is None else WEEKDAYS[m["wd"]]

    def build(y: int) -> cal.Bounds | None:
        # A year in which both days exist ("February 26-29" needs a leap year).
        try:
            a, b = Date(y, month, first), Date(y, month, last)
        except ValueError:
            return None
        return None if wd is not None and a.isoweekday() != wd else (a, b)

    found = cal.yearly(build, ctx.ref, ctx.direction if wd is None else "nearest")
    if found is None or found.earliest is None or found.latest is None:
        msg = f"there are no days {first}-{last} in month {month}"
        raise ctx.fail(msg)
    return cal.one_day(found.earliest), cal.one_day(found.latest)


@range_rule(
    rf"(?:(?:between|from) )?(?:(?P<wd>{_WD}) )?(?P<m>{_M}) (?P<d1>\d{{1,2}}){_SUFFIX}"
    rf"{_DAY_TO}(?P<d2>\d{{1,2}}){_SUFFIX}(?: (?P<y>{_YEAR_SPEC}))?",
    triggers=" ".join(MONTHS),
)
def _month_days_rule(m: re.Match[str], ctx: Ctx) -> tuple[When, When] | None:
    """January 25-26, Dec. 24-25, November 9-10, 1989, between March 3 and 5."""
    return _days_of_month(m, ctx)


@range_rule(
    rf"(?:(?:between|from) )?(?:(?P<wd>{_WD}) )?(?:the )?(?P<d1>\d{{1,2}}){_SUFFIX}{_DAY_TO}"
    rf"(?:the )?(?P<d2>\d{{1,2}}){_SUFFIX}(?: of)? (?P<m>{_M})(?: (?P<y>{_YEAR_SPEC}))?",
    triggers=" ".join(MONTHS),
)
def _days_month_rule(m: re.Match[str], ctx: Ctx) -> tuple[When, When] | None:
    """25-26 January, 9-10 November 1989, from 3 to 5 March."""
    return _days_of_month(m, ctx)


@range_rule(r"(?P<a>\d{4})-(?P<b>\d{4}|\d{2})", triggers="#num")
def _year_span_rule(m: re.Match[str], ctx: Ctx) -> tuple[When, When] | None:
    """1990-1995, 2024-25: from the first year to the second ("2011-12" is a month)."""
    first = int(m["a"])
    last = int(m["b"]) if len(m["b"]) == 4 else first // 100 * 100 + int(m["b"])
    if first < 1 or last <= first:
        raise ctx.fail("the range ends before it starts")
    return When.year(first), When.year(last)


@range_rule(
    r"between (?P<a>.+?) and (?P<b>.+)"
    r"|(?:from )?(?P<c>.+?) (?:to|until|till|through|-) (?P<d>.+)"
    rf"|(?:from )?(?P<e>(?:{_M}) \d{{1,2}}{_SUFFIX})-(?P<f>(?:{_M}) .+)",
    triggers="between to until till through #dash",
)
def _range_rule(m: re.Match[str], ctx: Ctx) -> tuple[When, When] | None:
    """Between March and May 2025; from 2021 to 2024; January 30-February 2."""
    first, last = next(
        (m[a], m[b]) for a, b in (("a", "b"), ("c", "d"), ("e", "f")) if m[a]
    )
    return _ends(first, last, ctx)


def _ends(first: str, last: str, ctx: Ctx) -> tuple[When, When]:
    """
    The two ends of a range, a year-less end placed next to the other end.

    "December 30 to January 2, 2025": the start is the last December 30 on or before
    the end; "from March 3 to May 5": the end is the first May 5 on or after the
    start, which the sentence's tense or `prefer` placed.
    """
    if _yearless(first) and _YEAR_AT_END.search(last):
        end = _inner(last, ctx)
        if end.latest is not None:
            return _inner(
                first, ctx._replace(reference=end.latest, direction="past")
            ), end
    year = _YEAR_AT_END.search(last)
    if year is not None and _YEAR_AT_END.search(first) is None and not first.isdigit():
        first = f"{first} {year.group(1)}"
    start = _inner(first, ctx)
    if _yearless(last) and start.earliest is not None:
        later = ctx._replace(reference=start.earliest, direction="future")
        return start, _inner(last, later)
    return start, _inner(last, ctx)


@rule(
    r"(?:around|about|circa|ca|c|approximately|roughly|some time around|sometime around|sometime|some time|near|close to|towards|toward) (?P<x>.+)",
    triggers="around about circa ca c approximately roughly sometime some near close towards toward",
)
def _around_rule(m: re.Match[str], ctx: Ctx) -> When:
    """Around November 1, circa 1990: the date, marked approximate."""
    inner = _inner(m["x"], ctx)
    if inner.is_unknown:
        return inner
    return attrs.evolve(inner, approximate=True)


_PARTS: Final = {
    "early": "early",
    "the early": "early",
    "earlier": "early",
    "the beginning of": "early",
    "the start of": "early",
    "the first days of": "early",
    "beginning of": "early",
    "start of": "early",
    "mid": "mid",
    "the mid": "mid",
    "the middle of": "mid",
    "middle of": "mid",
    "late": "late",
    "the late": "late",
    "later": "late",
    "the end of": "late",
    "end of": "late",
    "the last days of": "late",
}


@rule(
    rf"(?P<p>{_alt(_PARTS)}) (?P<x>.+)",
    triggers="early mid late earlier later beginning start middle end days",
)
def _part_rule(m: re.Match[str], ctx: Ctx) -> When:
    """Early January 2025 (days 1-10), mid-2024 (May-August), late last week (Friday-Sunday)."""
    inner = _inner(m["x"], ctx)
    if not inner.is_bounded:
        raise ctx.fail("only a bounded span has an early, middle or late part")
    return cal.part_of(inner, _PARTS[m["p"]])  # type: ignore[arg-type]


@rule(r"(?:the )?week of (?P<x>.+)", triggers="week")
def _week_of_rule(m: re.Match[str], ctx: Ctx) -> When:
    """The week of January 27: the ISO week holding that day."""
    inner = _inner(m["x"], ctx)
    if inner.earliest is None or inner.earliest != inner.latest:
        raise ctx.fail("'the week of' needs a day")
    return cal.week_of(inner.earliest)


@rule(
    r"(?:the )?(?P<n>\d{1,2}|"
    + _WORD_NUM
    + r") week of (?P<y>\d{4})|week (?P<n2>\d{1,2})(?: of)? (?P<y2>\d{4})",
    triggers="week",
)
def _nth_week_rule(m: re.Match[str], ctx: Ctx) -> When:
    """Week 5 of 2025: an ISO week."""
    n = int(m["n2"]) if m["n2"] else _ordinal(m["n"])
    year = int(m["y"] or m["y2"])
    try:
        return When.week(year, n)
    except ValidationError:
        msg = f"there is no ISO week {n} in {year}"
        raise ctx.fail(msg) from None


_POSSESSIVE: Final = rf"(?P<y>{_YEAR_SPEC})'s (?P<x>.+)"


@rule(_POSSESSIVE, triggers="#poss")
def _possessive_rule(m: re.Match[str], ctx: Ctx) -> When | None:
    """This year's third quarter, 2024's first half: the part named, of that year."""
    return parse_words(f"{m['x']} of {m['y']}", ctx)
