"""
`resolve()`: the words a reporter used for a date, as a `When`.

>>> import timeline as tl
>>> tl.resolve("December 25", "2025-02-10")
When.day(2024, 12, 25, text='December 25')
>>> tl.resolve("a day earlier", anchor=tl.When.day(2025, 1, 28))
When.day(2025, 1, 27, text='a day earlier')
>>> tl.resolve("Q1 2025")
When.quarter(2025, 1, text='Q1 2025')

English news forms go through the project's own rules (fast: no dateparser import);
other languages and forms go through dateparser, whose answer is read with the same
rules. Results are cached: the same text, reference and options resolve once, with
only the part of the context that is read kept (`read_window`).
`resolve.cache_clear()` empties the cache and `resolve.cache_info()` reports on it.
"""

from __future__ import annotations

import datetime
import functools
import re
from collections.abc import Callable
from typing import Final, Literal, ParamSpec, Protocol, cast

from ..errors import DateResolutionError, ValidationError
from ..when import When, _when_from_anything, to_date
from . import english, fallback
from .context import anchor_in, in_english, tells_past, tense_of

__all__ = ["MAX_LENGTH", "cache_clear", "cache_info", "resolve"]

MAX_LENGTH: Final = 200
"""The longest text `resolve()` reads; a date phrase is far shorter."""

CACHE_SIZE: Final = 4096
"""How many resolved phrases the cache keeps (each with at most ~1 KB of context)."""

Prefer = Literal["past", "future", "nearest"]
DateOrder = Literal["DMY", "MDY", "YMD"]

# C0 and C1 control characters and lone surrogates; tab, newline and carriage return
# are ordinary whitespace.
_CONTROL: Final = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


def cache_clear() -> None:
    """
    Empty the cache of resolved phrases (for benchmarks, or to free memory).

    >>> import timeline as tl
    >>> tl.resolve.cache_clear()
    """
    _resolve.cache_clear()


def cache_info() -> functools._CacheInfo:
    """Hits, misses and size of the cache of resolved phrases."""
    return _resolve.cache_info()


_P = ParamSpec("_P")


class CachedResolve(Protocol[_P]):
    """`resolve`'s type: the function, with its cache controls as attributes."""

    def __call__(self, *args: _P.args, **kwargs: _P.kwargs) -> When: ...

    def cache_clear(self) -> None: ...

    def cache_info(self) -> functools._CacheInfo: ...


def _with_cache_controls(fn: Callable[_P, When]) -> CachedResolve[_P]:
    """*fn* with `cache_clear` and `cache_info` as attributes, as `lru_cache` gives."""
    setattr(fn, "cache_clear", cache_clear)  # noqa: B010 - a function has no such slot
    setattr(fn, "cache_info", cache_info)  # noqa: B010
    return cast("CachedResolve[_P]", fn)


@_with_cache_controls
def resolve(
    text: str,
    reference: datetime.date | str | None = None,
    *,
    anchor: When | datetime.date | str | None = None,
    prefer: Prefer = "past",
    context: str | None = None,
    languages: tuple[str, ...] | list[str] | None = None,
    date_order: DateOrder | None = None,
) -> When:
    """
    The `When` a date phrase names, with the granularity its words have.

    Args:
        text: the phrase, such as "December 25", "last week", "28 января 2025".
        reference: the day the text was written (a date, a datetime or an ISO
            string). There is no hidden clock: phrases that need a reference raise
            without one; pass ``pendulum.today()`` to mean today.
        anchor: the date of the event an anaphoric phrase ("a day earlier", "the
            following week") points at.
        prefer: where a year-less date or a bare weekday falls: ``"past"`` (on or
            before the reference, the news default), ``"future"`` or ``"nearest"``.
        context: the sentence around the phrase; its tense cues ("will", "is
            expected to", "payable", an infinitive, a deadline) choose past or
            future where the phrase alone cannot, overriding `prefer`; with no
            `anchor`, an anaphoric phrase counts from the date with a year that the
            sentence names before it ("On May 22, 1995, ... the following year").
        languages: language codes for dateparser (other languages than English).
        date_order: how to read an ambiguous numeric date such as 01/02/2025.

    >>> resolve("last week", "2025-02-10")
    When.week(2025, 6, text='last week')
    >>> resolve("Tuesday", "2025-02-10", context="Talks will resume on Tuesday.")
    When.day(2025, 2, 11, text='Tuesday')
    >>> str(resolve("since 2022", "2025-02-10"))
    '2022-01-01/2025-02-10'
    >>> resolve("28 января 2025")
    When.day(2025, 1, 28, text='28 января 2025')

    Raises:
        DateResolutionError: the text is not a date `resolve` can read, needs a
            reference or an anchor it was not given, is ambiguous, is empty, holds
            control characters or is longer than `MAX_LENGTH`.
        ValidationError: an option is not valid (a bad `reference`, `prefer`, ...).
    """
    ref = None if reference is None else to_date(reference, "reference")
    anchor_when = None if anchor is None else _when_from_anything(anchor)
    if prefer not in ("past", "future", "nearest"):
        raise ValidationError("prefer", prefer, "must be 'past', 'future' or 'nearest'")
    if date_order not in (None, "DMY", "MDY", "YMD"):
        raise ValidationError("date_order", date_order, "must be 'DMY', 'MDY' or 'YMD'")
    if isinstance(languages, str) or (
        languages is not None and not all(isinstance(lang, str) for lang in languages)
    ):
        raise ValidationError(
            "languages", languages, "must be a list of language codes"
        )
    langs = None if languages is None else tuple(languages)
    if not isinstance(text, str):
        raise DateResolutionError(repr(text), _ref_str(ref), "expected a string")
    if context is not None and not isinstance(context, str):
        raise ValidationError("context", context, "must be a string")
    window = None if not context else read_window(text, context)
    return _resolve(text, ref, anchor_when, prefer, window, langs, date_order)


CONTEXT_BEFORE: Final = 4 * MAX_LENGTH
"""The most characters of context before the phrase that `resolve` reads."""
CONTEXT_AFTER: Final = 2 * MAX_LENGTH
"""The most characters of context after the phrase that `resolve` reads."""


def read_window(text: str, context: str) -> str:
    """
    The part of *context* that `resolve` reads: around the phrase, else its start.

    Only this part is passed on (and kept in the cache), however long the context:
    the tense cues, the anchor a sentence names and a report's quarter are all near
    the phrase.

    >>> window = read_window("May 3", "x" * 5000 + " It fell on May 3. " + "y" * 5000)
    >>> len(window), "It fell on May 3." in window
    (1205, True)
    >>> len(read_window("May 3", "z " * 5000))
    800
    """
    phrase = text.strip()
    where = context.find(phrase) if phrase else -1
    if where < 0 and phrase:
        lowered = context.lower()
        if len(lowered) == len(context):  # offsets in the lower case are the same
            where = lowered.find(phrase.lower())
    if where < 0:
        return context[:CONTEXT_BEFORE]
    lo = max(0, where - CONTEXT_BEFORE)
    hi = min(len(context), where + len(phrase) + CONTEXT_AFTER)
    return context[lo:hi]


def _ref_str(ref: datetime.date | None) -> str | None:
    return None if ref is None else ref.isoformat()


@functools.lru_cache(maxsize=CACHE_SIZE)
def _resolve(
    text: str,
    ref: datetime.date | None,
    anchor: When | None,
    prefer: Prefer,
    context: str | None,
    languages: tuple[str, ...] | None,
    date_order: DateOrder | None,
) -> When:
    """`resolve` on checked arguments: a pure function of them, hence cached."""
    _check_text(text, ref)
    ctx = _ctx(text, ref, anchor, prefer, context, date_order)
    try:
        try:
            found = english.parse(text, ctx)
        except DateResolutionError as exc:
            found = _with_context_anchor(text, ctx, exc)
        if found is None:
            found = _in_other_language(text, ctx, languages)
        if found is None:
            found = fallback.parse(text, ctx, languages)
    except DateResolutionError:
        raise
    except (ValueError, OverflowError) as exc:
        # Calendar arithmetic that runs off the years 1 to 9999 ("next year" in 9999).
        reason = getattr(exc, "reason", None) or str(exc)
        msg = f"outside the calendar: {reason}"
        raise ctx.fail(msg) from None
    except Exception as exc:  # pragma: no cover - a bug; still only our error escapes
        msg = f"internal error ({type(exc).__name__}): please report this phrase"
        raise ctx.fail(msg) from exc
    return When(
        found.earliest,
        found.latest,
        approximate=found.approximate,
        uncertain=found.uncertain,
        text=text,
    )


def _in_other_language(
    text: str, ctx: english.Ctx, languages: tuple[str, ...] | None
) -> When | None:
    """A Russian, Ukrainian, Azerbaijani or Turkish date, read in English (no dateparser)."""
    from . import languages as other

    reading = other.read(text, other.LANGUAGES if languages is None else languages)
    return None if reading is None else english.parse(reading, ctx)


def _ctx(
    text: str,
    ref: datetime.date | None,
    anchor: When | None,
    prefer: Prefer,
    context: str | None,
    date_order: DateOrder | None,
) -> english.Ctx:
    """What the rules read a phrase against: the sentence's tense, else `prefer`."""
    direction = prefer
    if context:
        tense = tense_of(text.strip(), context)
        if tense is not None:
            direction = tense
        elif prefer == "past" and in_english(context) and not tells_past(context):
            direction = "nearest"  # no verb in the past: no past event told
    return english.Ctx(
        text,
        None if ref is None else to_date(ref),
        anchor,
        direction,
        date_order,
        prefer=prefer,
        context=context,
    )


def resolve_range(
    text: str,
    reference: datetime.date | None,
    *,
    prefer: Prefer = "past",
    context: str | None = None,
) -> tuple[When, When] | None:
    """
    The first and last `When` of a range phrase, or None when it is no range we read.

    The ends are placed together: a year-less end takes its year from the other end.

    >>> import datetime
    >>> first, last = resolve_range("December 30 to January 2, 2025", None)
    >>> str(first), str(last)
    ('2024-12-30', '2025-01-02')
    >>> resolve_range("December 30", None) is None
    True
    """
    try:
        _check_text(text, reference)
        window = None if not context else read_window(text, context)
        ctx = _ctx(text, reference, None, prefer, window, None)
        return english.range_ends(text, ctx)
    except (DateResolutionError, ValueError, OverflowError):
        return None


def _with_context_anchor(
    text: str, ctx: english.Ctx, exc: DateResolutionError
) -> When | None:
    """
    An anaphoric phrase read against the anchor its sentence names, or `exc` raised.

    "On May 22, 1995, he was promoted, and the following year ...": the sentence
    names the date "the following year" counts from; "up 15% from 4 pence a year
    earlier" compares with the reference day's figure. A sentence that names neither
    leaves the phrase without an anchor, which is an error.
    """
    if exc.reason != english.NEEDS_ANCHOR or ctx.anchor is not None or not ctx.context:
        raise exc
    named = anchor_in(text.strip(), ctx.context)
    if named is None:
        raise exc
    if named == "today":
        if ctx.reference is None:
            raise exc
        anchor = When(ctx.reference, ctx.reference)
    else:
        try:
            anchor = _resolve(named, None, None, "past", None, None, None)
        except DateResolutionError:
            raise exc from None
    return english.parse(text, ctx._replace(anchor=anchor))


def _check_text(text: str, ref: datetime.date | None) -> None:
    if len(text) > MAX_LENGTH:
        msg = f"longer than {MAX_LENGTH} characters: pass the date phrase, not the article"
        raise DateResolutionError(text[:MAX_LENGTH] + "...", _ref_str(ref), msg)
    if not text.strip():
        raise DateResolutionError(text, _ref_str(ref), "empty text")
    bad = _CONTROL.search(text)
    if bad is not None:
        msg = f"control character {bad.group()!r}"
        raise DateResolutionError(text, _ref_str(ref), msg)
