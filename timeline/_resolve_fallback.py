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
# ~200 locales is slow and finds dates in noise ("12 ab" is April 12 in Duala).
DEFAULT_LANGUAGES: Final = (
    "en", "ru", "az", "uk", "tr", "fr", "de", "es", "it", "pt", "nl", "pl", "kk",
    "uz", "be", "ka", "hy", "ro", "cs", "sv", "da", "nb", "fi", "hu", "el", "ar",
    "fa", "he", "zh", "ja", "ko",
)  # fmt: skip

# dateparser's parsers that read calendar dates; the others read Unix timestamps and
# digit runs ("1990" seconds) that are never what a news phrase means.
_PARSERS: Final = ["relative-time", "absolute-time"]
_LETTERS: Final = re.compile(r"[^\W\d_]{3,}")
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

    langs = list(languages) if languages else list(DEFAULT_LANGUAGES)
    bases = (
        (datetime.datetime(ctx.reference.year, ctx.reference.month, ctx.reference.day),)  # noqa: DTZ001
        if ctx.reference is not None
        else _PROBES
    )
    results: list[tuple[Date, str]] = []
    locale_name: str | None = None
    for base in bases:
        settings: dict[str, Any] = {
            "RELATIVE_BASE": base,
            "PREFER_DATES_FROM": "future" if ctx.direction == "future" else "past",
            "PARSERS": _PARSERS,
            "RETURN_AS_TIMEZONE_AWARE": False,
        }
        parser = DateDataParser(languages=langs, settings=settings)
        data = parser.get_date_data(text)
        if data.date_obj is None:
            raise ctx.fail("no date found")
        locale_name = data.locale
        if ctx.reference is None or base is bases[0]:
            translated = _translate(parser, text, locale_name)
            if translated is not None:
                found = english.parse_words(english.normalise(translated), ctx)
                if found is not None:
                    return found
        parsed = data.date_obj
        if (parsed.hour, parsed.minute, parsed.second) != (0, 0, 0):
            raise ctx.fail("a time of day, not a date")
        # drop dateparser's own tzinfo before it reaches pendulum: pendulum.instance() crashes on it
        results.append(
            (Date(parsed.year, parsed.month, parsed.day), data.period or "day")
        )
    if len({r for r in results}) > 1:
        raise ctx.fail(
            "this phrase needs a reference date (pass reference=..., e.g. pendulum.today())"
        )
    day, period = results[0]
    if period == "day":
        return When(day, day)
    if period == "month":
        return When.month(day.year, day.month)
    if period == "year":
        return When.year(day.year)
    msg = f"dateparser read a {period}, which it cannot place on the calendar"
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
