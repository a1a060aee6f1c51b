"""
The slow path of `resolve()`: dateparser, for other languages and forms.

dateparser finds the language and translates the phrase into English ("28 января 2025"
becomes "28 january 2025"); the project's English rules then read the translation, so
that granularity and year inference are the same in every language. Only when they
cannot does dateparser's own date count, and then only at the precision dateparser
reports (a day, a month or a year) and only when that date does not depend on
dateparser's idea of "today".
"""

from __future__ import annotations

import datetime
import re
from typing import TYPE_CHECKING, Any, Final

from . import _resolve_english as english
from ._resolve_calendar import Date
from .errors import DateResolutionError
from .when import When

if TYPE_CHECKING:
    from ._resolve_english import Ctx

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


def parse(text: str, ctx: Ctx, languages: tuple[str, ...] | None) -> When:
    """The `When` dateparser finds in `text`, read with the project's rules."""
    fail = ctx.fail
    if _LETTERS.search(text) is None:
        raise fail("not a date: no word that names a date")
    try:
        return _parse(text, ctx, languages)
    except DateResolutionError:
        raise
    except Exception as exc:  # dateparser raises assorted errors on odd input
        msg = f"dateparser failed: {type(exc).__name__}"
        raise fail(msg) from exc


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
            if data.date_obj is not None:
                attempts = [langs]
                break
        else:
            raise ctx.fail("no date found")
        if not found:
            # The English rules read the translation: same granularity, same year inference.
            translated = _translate(parser, text, data.locale)
            if translated is not None:
                english_reading = english.parse_words(
                    english.normalise(translated), ctx
                )
                if english_reading is not None:
                    return english_reading
        parsed = data.date_obj
        assert parsed is not None
        if (parsed.hour, parsed.minute, parsed.second) != (0, 0, 0):
            raise ctx.fail("a time of day, not a date")
        needed = _PARTS_NEEDED.get(data.period or "day", {"day", "month", "year"})
        parts: tuple[str, ...] = getattr(data, "parts", None) or ()  # not in the stubs
        if not needed <= set(parts):
            # "15 Mart 2024": dateparser took "MART" for a time zone and kept a day
            # and a year without a month; a date with a part missing is a guess.
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
