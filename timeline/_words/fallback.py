"""
The slow path of `resolve()`: dateparser, for other languages and forms.

dateparser finds the language and translates the phrase into English ("28 января 2025"
becomes "28 january 2025"); the project's English rules then read the translation, so
that granularity and year inference are the same in every language. Only when they
cannot does dateparser's own date count, and then only at the precision dateparser
reports (a day, a month or a year) and only when that date does not depend on
dateparser's idea of "today".

A phrase no language reads whole is tried again without its leading prepositions and
articles ("am", "el", "le", "в", ...: `LEADING_WORDS`) and Turkish or Azerbaijani case
endings ("2024'te"). A reading that drops a part of the date (a month name taken for
a time zone) is retried with the languages that know every word of the phrase.
"""

from __future__ import annotations

import datetime
import re
from typing import TYPE_CHECKING, Any, Final

from ..errors import DateResolutionError
from ..when import When
from . import english
from . import spans as cal
from .spans import Date

if TYPE_CHECKING:
    from .english import Ctx

# Languages tried when the caller names none: auto-detection over all of dateparser's
# ~200 locales is slow and finds dates in noise ("12 ab" is April 12 in Duala). English
# comes last: the fast path has read English already, and dateparser's English skips
# words it does not know ("15 Mart 2024" would be July 15 when counted from July).
DEFAULT_LANGUAGES: Final = (
    "ru", "az", "uk", "tr", "fr", "de", "es", "it", "pt", "nl", "pl", "kk",
    "uz", "be", "ka", "hy", "ro", "cs", "sv", "da", "nb", "fi", "hu", "el", "ar",
    "fa", "he", "zh", "ja", "ko", "en",
)  # fmt: skip

# dateparser's parsers that read calendar dates; the others read Unix timestamps and
# digit runs ("1990" seconds) that are never what a news phrase means.
_PARSERS: Final = ["relative-time", "absolute-time"]
_LETTERS: Final = re.compile(r"[^\W\d_]{3,}")
_PARTS_NEEDED: Final = {"day": {"day", "month"}, "month": {"month"}, "year": {"year"}}
# Two bases far apart, to tell a date that depends on "today" from one that does not.
_PROBES: Final = (datetime.datetime(2003, 7, 15), datetime.datetime(2016, 3, 9))  # noqa: DTZ001

# Prepositions and articles that news puts before a date and that add nothing to it
# ("am 28. Januar", "el 5 de mayo", "le 28 janvier", "en mayo", "im Januar", "в 2024"):
# one or two of them are dropped from the front before dateparser reads the phrase.
# Only words meaning "on", "in", "at", "of" or "the"; never "since", "until", "before",
# "after" or "ago" ("seit", "bis", "vor", "nach", "hace"), which change the date.
LEADING_WORDS: Final = {
    "de": ("am", "an", "im", "in", "um", "der", "den", "dem"),
    "es": ("el", "la", "en", "de", "del"),
    "fr": ("le", "la", "l'", "en", "au", "du", "de"),
    "it": ("il", "lo", "la", "l'", "nel", "nello", "nella", "in", "del", "al"),
    "pt": ("o", "a", "em", "no", "na", "de", "do", "da"),
    "ru": ("в", "во", "на"),
    "uk": ("в", "у", "на"),  # noqa: RUF001 - Cyrillic letters
    "nl": ("op", "in", "de", "het"),
}
_LEADING: Final = frozenset(w for words in LEADING_WORDS.values() for w in words)
# Turkish and Azerbaijani write case endings after an apostrophe: "2024'te", "Mart'ta"
# ("in 2024", "in March"). The ending adds nothing to the date.
_CASE_ENDING: Final = re.compile(r"(?<=[\w.])['’][^\W\d_]{1,4}\b")  # noqa: RUF001


def strip_function_words(text: str) -> str:
    """
    The phrase without leading prepositions and articles or apostrophe case endings.

    >>> strip_function_words("am 28. Januar 2025")
    '28. Januar 2025'
    >>> strip_function_words("15 Mart 2024'te")
    '15 Mart 2024'
    """
    core = _CASE_ENDING.sub("", text.strip())
    for _ in range(2):
        head, _, rest = core.partition(" ")
        if head.lower() in _LEADING and rest.strip():
            core = rest.strip()
        elif head[:2].lower() == "l'" and len(head) > 2:  # "l'an 2024"
            core = f"{head[2:]} {rest}".strip()
        else:
            break
    return core


def parse(text: str, ctx: Ctx, languages: tuple[str, ...] | None) -> When:
    """The `When` dateparser finds in `text`, read with the project's rules."""
    try:
        return _parse_or_not(text, ctx, languages)
    except _NoDate as exc:
        core = strip_function_words(text)
        if core == text:
            raise ctx.fail(exc.reason) from None
    # Nothing read the whole phrase: try it without its leading prepositions and
    # articles or case endings. Only then, so that a word that is an article in one
    # language and part of a date in another ("il y a deux jours") is kept.
    found = english.parse(core, ctx)  # "2024'te", "в 2024", "de 2024"
    if found is not None:
        return found
    try:
        return _parse_or_not(core, ctx, languages)
    except _NoDate as exc:
        raise ctx.fail(exc.reason) from None


class _NoDate(Exception):
    """dateparser read no date at all in the phrase."""

    def __init__(self, reason: str = "no date found") -> None:
        super().__init__(reason)
        self.reason = reason


def _parse_or_not(text: str, ctx: Ctx, languages: tuple[str, ...] | None) -> When:
    if _LETTERS.search(text) is None:
        raise _NoDate("not a date: no word that names a date")
    try:
        return _parse(text, ctx, languages)
    except (DateResolutionError, _NoDate):
        raise
    except Exception as exc:  # dateparser raises assorted errors on odd input
        msg = f"dateparser failed: {type(exc).__name__}"
        raise ctx.fail(msg) from exc


def _parse(text: str, ctx: Ctx, languages: tuple[str, ...] | None) -> When:
    from dateparser.date import (
        DateDataParser,
    )  # costly import: keep it out of `import timeline`

    # English last, and only when no other language reads the phrase.
    attempts = (
        [list(languages)] if languages else [list(DEFAULT_LANGUAGES[:-1]), ["en"]]
    )
    found: list[tuple[Date, str]] = []
    for base in _PROBES:
        settings: dict[str, Any] = {
            "RELATIVE_BASE": base,
            "PARSERS": _PARSERS,
            "RETURN_AS_TIMEZONE_AWARE": False,
        }
        for langs in attempts:
            parser = DateDataParser(languages=langs, settings=settings)
            data = parser.get_date_data(text)
            if data.date_obj is not None and not _complete(data):
                # "15 Mart 2024": the first language that reads the phrase (Russian)
                # does so only by taking "Mart" for a time zone (Marquesas Time) and
                # drops the month. Languages that know every word come first.
                whole = _whole_word_languages(parser, text, langs)
                if whole and whole != langs:
                    parser = DateDataParser(languages=whole, settings=settings)
                    data = parser.get_date_data(text)
                    langs = whole
            if data.date_obj is not None:
                attempts = [langs]
                break
        else:
            raise _NoDate
        if not found:
            # The English rules read the translation: same granularity, same year inference.
            translated = _translate(parser, text, data.locale)
            if translated is not None:
                english_reading = english.parse_words(
                    english.normalise(translated), ctx
                )
                if english_reading is not None:
                    return _at_least(english_reading, data.period)
        parsed = data.date_obj
        assert parsed is not None
        if (parsed.hour, parsed.minute, parsed.second) != (0, 0, 0):
            raise ctx.fail("a time of day, not a date")
        if not _complete(data):
            # A day and a year without a month (a month name taken for a time zone
            # in every language tried): a date with a part missing is a guess.
            raise ctx.fail("dateparser found only part of a date")
        # drop dateparser's own tzinfo before it reaches pendulum: pendulum.instance() crashes on it
        period: str = data.period or "day"
        # Compare at the precision dateparser claims: the rest comes from the base.
        ymd = {
            "year": (parsed.year, 1, 1),
            "month": (parsed.year, parsed.month, 1),
        }.get(period, (parsed.year, parsed.month, parsed.day))
        found.append((Date(*ymd), period))
    if found[0] != found[1]:
        # dateparser counted from "today" in a way the rules do not know ("10 days" as
        # ten days ago): rather than guess, refuse.
        raise ctx.fail("a relative phrase that resolve() does not know")
    day, claimed = found[0]
    if claimed == "day":
        return When(day, day)
    if claimed == "month":
        return When.month(day.year, day.month)
    if claimed == "year":
        return When.year(day.year)
    msg = f"dateparser read a {claimed}, which it cannot place on the calendar"
    raise ctx.fail(msg)


def _at_least(w: When, period: str | None) -> When:
    """
    `w` widened to the unit dateparser says the phrase names, if that is coarser.

    dateparser translates "letztes Jahr", "el año pasado" and "в прошлом году" (last
    year) into "1 year ago", which the English rules read as one day; its period
    ("year") keeps what the words meant. Widening also turns "vor einem Jahr" (a
    year ago) into the year: coarser than the English reading, but never wrong.
    """
    if period not in ("week", "month", "year") or w.earliest is None:
        return w
    if w.earliest != w.latest:
        return w
    return cal.unit_of(w.earliest, period)  # type: ignore[arg-type]


def _complete(data: Any) -> bool:
    """Whether dateparser read every part of the date its period claims."""
    needed = _PARTS_NEEDED.get(data.period or "day", {"day", "month", "year"})
    parts: tuple[str, ...] = getattr(data, "parts", None) or ()  # not in the stubs
    return needed <= set(parts)


def _whole_word_languages(parser: Any, text: str, langs: list[str]) -> list[str]:
    """Those of `langs` that know every word of `text`, none taken for a time zone."""
    from dateparser.languages.loader import default_loader

    return [
        lang
        for lang in langs
        if default_loader.get_locale(lang).is_applicable(
            text, strip_timezone=False, settings=parser._settings
        )
    ]


def _translate(parser: Any, text: str, locale_name: str | None) -> str | None:
    """The phrase in English, as dateparser's locale data translates it."""
    if locale_name is None:
        return None
    from dateparser.languages.loader import default_loader

    locale = default_loader.get_locale(locale_name)
    translated: str = locale.translate(
        text, keep_formatting=False, settings=parser._settings
    )
    return translated
