"""
`extract()`: the dated mentions in an article, each resolved against its publication date.

>>> import timeline as tl
>>> text = "Talks opened on January 27. A day later the envoy left Baku."
>>> for m in tl.extract(text, "2025-02-10"):
...     print(m.start, m.end, repr(m.text), m.when, m.anchor_text)
16 26 'January 27' 2025-01-27 None
28 39 'A day later' 2025-01-28 January 27

Each mention is found by the project's own patterns for English news (month names,
weekdays, "yesterday", "last week", "the 1990s", quarters, seasons, numeric dates,
"early 2024", "since 2022", ...) and resolved by `timeline.resolve` with its sentence
as the context. A phrase relative to another event ("a day later", "the following
week") is resolved against the latest date mentioned before it in the same or the
previous sentence, and carries that mention as `anchor`; with no such date, it is left
out. Durations ("three months") and times of day ("this evening") are not dates and
are never reported. Whatever does not resolve is skipped: `extract` returns what it
can read and never guesses.
"""

from __future__ import annotations

import bisect
import datetime
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Final, Literal, final

import attrs

from ..errors import DateResolutionError, TimelineError, ValidationError
from ..when import When, to_date
from .resolving import resolve, resolve_range
from .timex import TimexType, date_value, duration_value, set_value, time_value

if TYPE_CHECKING:
    from .patterns import Candidate

__all__ = ["Mention", "extract"]

Prefer = Literal["past", "future", "nearest"]
Genre = Literal["news", "narrative"]
Mod = Literal["START", "MID", "END"]

_CONTEXT: Final = 600
"""The most characters of a sentence passed to `resolve` as a phrase's context."""

_ANCHOR_REACH: Final = 1
"""How many sentences back a relative phrase may look for the date it counts from."""


def _anchor_repr(anchor: Mention | None) -> str:
    return "None" if anchor is None else repr(anchor.text)


@final
@attrs.frozen
class Mention:
    """
    A date phrase found in a text: where it is, the words, and the `When` they mean.

    `text[start:end] == mention.text` for the text it was found in. `sentence` is the
    sentence around it (the context it was resolved with); `anchor` is the earlier
    mention a relative phrase ("a day earlier") was counted from, else None.

    A range has `starts` and `ends`, the `When` it starts and ends on, an event's
    `when` and `ends`: "March 3-5" is one mention whose `when` spans both days; in
    "from 1990 to 1995" each year is a mention of its own (as TimeML marks them), and
    the first carries both ends. Other mentions have neither (None).

    >>> m = extract("Polls open March 3-5, 2025.")[0]
    >>> str(m.when), str(m.starts), str(m.ends)
    ('2025-03-03/2025-03-05', '2025-03-03', '2025-03-05')

    >>> m = extract("Voting ends on March 3, 2025.")[0]
    >>> m
    Mention(text='March 3, 2025', start=15, end=28, when=When.day(2025, 3, 3, text='March 3, 2025'), anchor=None)
    >>> m.sentence, m.relative
    ('Voting ends on March 3, 2025.', False)
    """

    text: str
    start: int
    end: int
    when: When
    sentence: str = attrs.field(repr=False)
    anchor: Mention | None = attrs.field(default=None, repr=_anchor_repr)
    starts: When | None = attrs.field(default=None, repr=False, kw_only=True)
    ends: When | None = attrs.field(default=None, repr=False, kw_only=True)
    type: TimexType = attrs.field(default="DATE", repr=False, kw_only=True)
    mod: Mod | None = attrs.field(default=None, repr=False, kw_only=True)
    value: str = attrs.field(
        default=attrs.Factory(lambda self: date_value(self.when), takes_self=True),
        repr=False,
        kw_only=True,
    )

    @property
    def relative(self) -> bool:
        """Whether the phrase counts from another date ("the next day")."""
        return self.anchor is not None

    @property
    def anchor_text(self) -> str | None:
        """The words of the mention a relative phrase counts from, else None."""
        return None if self.anchor is None else self.anchor.text


def extract(
    text: str,
    published: datetime.date | str | None = None,
    *,
    prefer: Prefer = "past",
    languages: Sequence[str] | None = None,
    genre: Genre = "news",
) -> list[Mention]:
    """
    The dated mentions in *text*, in order, none overlapping another.

    Args:
        text: the article (any length).
        published: the day it was published (a date, a datetime or an ISO string):
            the reference for "yesterday", "December 25" and the like. Without it,
            only mentions that name their own year are found (and, in a narrative,
            those after one).
        prefer: where a year-less date falls when its sentence has no tense cue:
            ``"past"`` (the news default), ``"future"`` or ``"nearest"``.
        languages: language codes of other languages the text is in: Russian,
            Ukrainian, Azerbaijani and Turkish dates ("3 вересня 1939 року",
            "28 yanvar 2025") are read by the project's own patterns; for other
            languages dateparser searches the text (slow).
        genre: ``"news"`` (year-less dates and "yesterday" count from `published`,
            placed by the sentence's tense) or ``"narrative"`` (a history, an
            encyclopedia article: they count from the date the story last
            mentioned, its reference time; a year-less date takes that date's year).

    Returns:
        The mentions, ordered by position; the longest phrase wins where two overlap.

    >>> text = "Shares fell 3% yesterday, their worst day since the 1990s."
    >>> [(m.text, str(m.when)) for m in extract(text, published="2025-02-10")]
    [('yesterday', '2025-02-09'), ('since the 1990s', '1990-01-01/2025-02-10')]
    >>> story = "The war began in 1939. On September 3, Britain joined it."
    >>> [str(m.when) for m in extract(story, "2018-05-01", genre="narrative")]
    ['1939', '1939-09-03']

    Raises:
        ValidationError: *text* is not a string, or *published*, *prefer*,
            *languages* or *genre* is not valid.
    """
    if not isinstance(text, str):
        msg = f"expected the article as a string, got {type(text).__name__}"
        raise ValidationError("text", _short(text), msg)
    reference = None if published is None else to_date(published, "published")
    if prefer not in ("past", "future", "nearest"):
        raise ValidationError("prefer", prefer, "must be 'past', 'future' or 'nearest'")
    if genre not in ("news", "narrative"):
        raise ValidationError("genre", genre, "must be 'news' or 'narrative'")
    langs = _languages(languages) or ()

    # Compiling the patterns costs tens of milliseconds: keep it out of `import timeline`.
    from .languages import LANGUAGES
    from .patterns import candidates

    own = tuple(lang for lang in langs if lang in LANGUAGES)
    others = tuple(lang for lang in langs if lang not in LANGUAGES)
    sents = _Sentences(text)
    found: list[Mention] = []
    found_sentence: list[int] = []
    story: When | None = None  # a narrative's reference time: the last date told
    taken = 0  # the end of the last mention kept: nothing may start before it
    for cand in candidates(text, own):
        if cand.start < taken:
            continue
        where = sents.index(cand.start)
        sentence = sents.text(where)
        context = sents.around(where, cand.start, cand.end)
        ref = reference if story is None else _story_reference(story)
        if cand.ends is not None or cand.dash:
            phrase = text[cand.start : cand.end]
            ends = resolve_range(phrase, ref, prefer=prefer, context=context)
            if ends is None:
                continue  # not read as a range: its dates may still be read alone
            pair = _range_mentions(text, cand, ends, sentence)
            found += pair
            found_sentence += [where] * len(pair)
            taken = cand.end
            continue
        if cand.type != "DATE":
            other = _other_type(text, cand, ref, prefer, context, sentence)
            if other is not None:
                found.append(other)
                found_sentence.append(where)
                taken = cand.end
            continue
        anchor = None
        if cand.relative:
            anchor = _anchor_for(found, found_sentence, where)
            words = cand.english or text[cand.start : cand.end]
            if anchor is None or not _fits(words, anchor):
                continue  # relative to nothing we know: skip, never guess
        phrase = cand.english or text[cand.start : cand.end]
        if genre == "narrative" and story is not None and anchor is None:
            when = _in_story(phrase, story, context)
        else:
            when = _resolved(phrase, reference, anchor, prefer, context)
        if when is None:
            continue
        mod = None
        if anchor is None:
            when, mod = _as_timeml_part(phrase, when, ref, prefer, context)
        if cand.english is not None:
            when = attrs.evolve(when, text=text[cand.start : cand.end])
        found.append(
            Mention(
                text[cand.start : cand.end],
                cand.start,
                cand.end,
                when,
                sentence,
                anchor,
                mod=mod,
            )
        )
        found_sentence.append(where)
        taken = cand.end
        if genre == "narrative" and _tells_time(when):
            story = when
    if others:
        found = _merge(found, _search(text, reference, prefer, others, sents))
    return found


def _other_type(
    text: str,
    cand: Candidate,
    reference: datetime.date | None,
    prefer: Prefer,
    context: str,
    sentence: str,
) -> Mention | None:
    """A time of day, a duration or a set: its TIMEX3 value from its words."""
    from .patterns import CLOCK

    phrase = text[cand.start : cand.end]
    unknown = When.unknown()
    if cand.type == "DURATION":
        value = duration_value(phrase)
    elif cand.type == "SET":
        value = set_value(phrase)
    else:
        clock = CLOCK.search(phrase)
        assert clock is not None  # a TIME phrase holds a clock
        words = (phrase[: clock.start()] + " " + phrase[clock.end() :]).split()
        while words and words[0].lower().strip(",") in ("at", "on"):
            words.pop(0)
        while words and words[-1].lower().strip(",") in ("at", "on"):
            words.pop()
        day_words = " ".join(words).strip(" ,")
        time = time_value(_clock_only(clock.group()))
        if time is None:
            return None
        if day_words:
            # The clock is no verb: the tense is read as if the day stood alone.
            alone = context.replace(phrase, day_words, 1)
            day = _resolved(day_words, reference, None, prefer, alone)
        elif reference is not None:
            day = When(reference, reference)
        else:
            day = None
        if day is None or day.earliest is None or day.earliest != day.latest:
            return None
        when = attrs.evolve(day, text=phrase)
        value = f"{day.earliest.isoformat()}{time}"
        return Mention(
            phrase, cand.start, cand.end, when, sentence, type="TIME", value=value
        )
    if value is None:
        return None
    return Mention(
        phrase, cand.start, cand.end, unknown, sentence, type=cand.type, value=value
    )


def _clock_only(clock: str) -> str:
    """The clock without its time zone ("5 p.m. CET": "5 p.m.")."""
    head, _, zone = clock.rpartition(" ")
    return head.strip() if head and zone.isupper() and zone.isalpha() else clock


# "early 1990", "mid-November", "the end of 1994", "earlier this month": TimeML marks
# the unit divided, with a `mod` for the part.
_PART_HEAD: Final = re.compile(
    r"(?:the )?(?:very )?(?P<p>early|mid|late|earlier|later)(?:-| |-in |\s+in\s+)"
    r"|(?:the )?(?P<q>beginning|start|middle|end)(?: of| of the)? ",
    re.IGNORECASE,
)
_MODS: Final[dict[str, Mod]] = {
    "early": "START",
    "earlier": "START",
    "beginning": "START",
    "start": "START",
    "mid": "MID",
    "middle": "MID",
    "late": "END",
    "later": "END",
    "end": "END",
}


def _as_timeml_part(
    phrase: str,
    when: When,
    reference: datetime.date | None,
    prefer: Prefer,
    context: str,
) -> tuple[When, Mod | None]:
    """
    A part of a unit as TimeML marks it: the unit divided, and the part as `mod`.

    "early 1990" is 1990 with mod START, "mid-November" November with mod MID: the
    unit whose part the words name. Anything else is left as it is.
    """
    m = _PART_HEAD.match(phrase)
    if m is None:
        return when, None
    unit = _resolved(phrase[m.end() :], reference, None, prefer, context)
    if (
        unit is None
        or not unit.is_bounded
        or not when.is_bounded
        or not unit.contains(when)
    ):
        return when, None
    word = (m["p"] or m["q"]).lower()
    return attrs.evolve(unit, text=when.text), _MODS[word]


def _tells_time(when: When) -> bool:
    """Whether a date is precise enough to be a story's reference time (a year or less)."""
    days = when.days
    return when.is_bounded and days is not None and days <= 366


def _story_reference(story: When) -> datetime.date:
    assert story.earliest is not None
    return story.earliest


_DEICTIC: Final = frozenset(
    {"today", "tonight", "yesterday", "tomorrow", "now", "ago", "last", "next", "this"}
)


def _in_story(phrase: str, story: When, context: str) -> When | None:
    """
    A phrase in a narrative, read against the story's reference time.

    A year-less date takes the year of the date the story last told ("In 1939 ...
    On September 3": 1939-09-03), as HeidelTime's narrative mode does; words that
    count from a day ("the day before yesterday", "two days ago", "this year") count
    from that date's first day.
    """
    assert story.earliest is not None
    words = set(phrase.lower().split())
    if words & _DEICTIC:
        return _resolved(phrase, story.earliest, None, "past", context)
    year_end = datetime.date(story.earliest.year, 12, 31)
    return _resolved(phrase, year_end, None, "past", None)


class _Sentences:
    """The sentences of a text: which one holds an offset, and their words."""

    def __init__(self, text: str) -> None:
        from .patterns import sentences

        self._text = text
        self._spans = list(sentences(text)) or [(0, len(text))]
        self._starts = [start for start, _ in self._spans]
        self._cache: dict[int, str] = {}

    def index(self, offset: int) -> int:
        """The number of the sentence that holds *offset*."""
        return max(bisect.bisect_right(self._starts, offset) - 1, 0)

    def text(self, i: int) -> str:
        """Sentence *i*, one string however many mentions share it."""
        if i not in self._cache:
            start, end = self._spans[i]
            self._cache[i] = self._text[start:end]
        return self._cache[i]

    def around(self, i: int, start: int, end: int) -> str:
        """The context for a phrase: its sentence, or a window of a very long one."""
        lo, hi = self._spans[i]
        if hi - lo <= _CONTEXT:
            return self.text(i)
        return self._text[max(lo, start - _CONTEXT // 2) : min(hi, end + _CONTEXT // 2)]


def _range_mentions(
    text: str, cand: Candidate, ends: tuple[When, When], sentence: str
) -> list[Mention]:
    """A dash range as one mention, or two dates joined by words as two."""
    first, last = ends
    if cand.ends is None:
        phrase = text[cand.start : cand.end]
        assert first.earliest is not None
        assert last.latest is not None
        span = When(first.earliest, last.latest, text=phrase)
        return [
            Mention(
                phrase, cand.start, cand.end, span, sentence, starts=first, ends=last
            )
        ]
    a, b, c, d = cand.ends
    first = attrs.evolve(first, text=text[a:b])
    last = attrs.evolve(last, text=text[c:d])
    return [
        Mention(text[a:b], a, b, first, sentence, starts=first, ends=last),
        Mention(text[c:d], c, d, last, sentence),
    ]


def _short(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _languages(languages: object) -> tuple[str, ...] | None:
    if languages is None:
        return None
    if isinstance(languages, str) or not (
        isinstance(languages, Sequence)
        and all(isinstance(lang, str) for lang in languages)
    ):
        raise ValidationError(
            "languages", languages, "must be a list of language codes"
        )
    return tuple(languages)


def _anchor_for(
    found: list[Mention], found_sentence: list[int], where: int
) -> Mention | None:
    """The latest bounded mention in this sentence or the few before it."""
    for mention, sentence in zip(
        reversed(found), reversed(found_sentence), strict=True
    ):
        if sentence < where - _ANCHOR_REACH:
            return None
        if mention.when.is_bounded:
            return mention
    return None


def _fits(phrase: str, anchor: Mention) -> bool:
    """
    Whether the anchor is precise enough to count from in the phrase's unit.

    "The next day" after "the 1990s" names no day: it is skipped, not guessed.
    """
    from .patterns import unit_days

    unit = unit_days(phrase)
    days = anchor.when.days
    return unit is None or (days is not None and days <= unit)


def _resolved(
    phrase: str,
    reference: datetime.date | None,
    anchor: Mention | None,
    prefer: Prefer,
    context: str | None,
) -> When | None:
    """The phrase's `When`, or None when `resolve` cannot read it."""
    try:
        when = resolve(
            phrase,
            reference,
            anchor=None if anchor is None else anchor.when,
            prefer=prefer,
            context=context,
        )
    except TimelineError:
        return None
    return None if when.is_unknown else when


def _search(
    text: str,
    reference: datetime.date | None,
    prefer: Prefer,
    languages: tuple[str, ...],
    sents: _Sentences,
) -> list[Mention]:
    """Dates dateparser finds in the given languages, read again by `resolve`."""
    from dateparser.search import search_dates  # costly import: only when asked for

    settings: dict[str, Any] = {"PREFER_DATES_FROM": prefer}
    if reference is not None:
        # dateparser compares RELATIVE_BASE with naive datetimes of its own
        settings["RELATIVE_BASE"] = datetime.datetime(  # noqa: DTZ001
            reference.year, reference.month, reference.day
        )
    try:
        hits = search_dates(text, languages=list(languages), settings=settings)
    except Exception:  # dateparser fails in its own ways on odd text; report nothing
        return []
    mentions: list[Mention] = []
    cursor = 0
    for phrase, _day in hits or ():
        start = text.find(phrase, cursor)
        if start < 0:
            continue
        end = start + len(phrase)
        cursor = end
        where = sents.index(start)
        try:
            when = resolve(
                phrase,
                reference,
                prefer=prefer,
                context=sents.around(where, start, end),
                languages=languages,
            )
        except (DateResolutionError, ValidationError):
            continue
        if not when.is_unknown:
            mentions.append(Mention(phrase, start, end, when, sents.text(where)))
    return mentions


def _merge(first: list[Mention], extra: list[Mention]) -> list[Mention]:
    """Both lists in order, the longer of two overlapping mentions kept."""
    kept: list[Mention] = []
    for m in sorted((*first, *extra), key=lambda m: (m.start, m.start - m.end)):
        if kept and m.start < kept[-1].end:
            continue
        kept.append(m)
    return kept
