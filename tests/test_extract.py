# ruff: noqa: RUF001 - Cyrillic and Turkic letters in the texts of other languages
"""Tests for timeline.extract: dated mentions found in article text."""

from __future__ import annotations

import datetime
import itertools
import re
import sys
import types

import attrs
import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

import timeline
from timeline import Mention, TimelineError, ValidationError, When, extract

PUBLISHED = "2025-04-01"  # a Tuesday


def found(
    text: str, published: object = PUBLISHED, **options: object
) -> list[tuple[str, str]]:
    """The (words, EDTF date) of each DATE mention in *text*."""
    return [
        (m.text, m.when.to_edtf())
        for m in extract(text, published, **options)  # type: ignore[arg-type]
        if m.type == "DATE"
    ]


class TestMention:
    def test_fields(self):
        """A mention has its words, offsets, date and sentence."""
        text = "The summit opened on March 3. It ended in chaos."

        (m,) = extract(text, PUBLISHED)

        assert (m.text, m.start, m.end) == ("March 3", 21, 28)
        assert text[m.start : m.end] == m.text
        assert When.day(2025, 3, 3) == m.when
        assert m.sentence == "The summit opened on March 3."
        assert m.anchor is None
        assert m.anchor_text is None
        assert not m.relative

    def test_frozen_and_slotted(self):
        """A mention cannot be changed and has no __dict__."""
        (m,) = extract("Rates rose in 2024.")

        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            m.start = 0  # type: ignore[misc]
        assert not hasattr(m, "__dict__")

    def test_repr_names_the_anchor_by_its_words(self):
        """The repr shows an anchor by its words, not the whole anchor mention."""
        mentions = extract(
            "Polls closed on May 4. A day later, results came.", PUBLISHED
        )

        assert repr(mentions[1]).endswith("anchor='May 4')")

    def test_exported(self):
        """extract and Mention are part of the public API."""
        assert timeline.extract is extract
        assert timeline.Mention is Mention


class TestAbsoluteDates:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("Ministers met on March 3.", [("March 3", "2025-03-03")]),
            (
                "The treaty was signed on Nov. 9, 1989.",
                [("Nov. 9, 1989", "1989-11-09")],
            ),
            ("Voting ended on 14 February 2024.", [("14 February 2024", "2024-02-14")]),
            ("The port reopened in January 2025.", [("January 2025", "2025-01")]),
            ("The port reopened in January.", [("January", "2025-01")]),
            ("Strikes began last October.", [("last October", "2024-10")]),
            ("The envoy left on Friday.", [("Friday", "2025-03-28")]),
            ("Crowds gathered yesterday.", [("yesterday", "2025-03-31")]),
            ("The court rules today.", [("today", "2025-04-01")]),
            ("Talks resume tomorrow.", [("tomorrow", "2025-04-02")]),
            ("Prices jumped last week.", [("last week", "2025-03-24/2025-03-30")]),
            ("Output fell last month.", [("last month", "2025-03")]),
            ("Output fell last year.", [("last year", "2024")]),
            ("Exports grew this year.", [("this year", "2025")]),
            ("Exports grew in 2023.", [("2023", "2023")]),
            (
                "The region has been calm since 2022.",
                [("since 2022", "2022-01-01/2025-04-01")],
            ),
            ("The dam was built in the 1970s.", [("the 1970s", "197X")]),
            ("Profit doubled in Q1 2024.", [("Q1 2024", "2024-01/2024-03")]),
            (
                "Profit doubled in the first quarter of 2024.",
                [("the first quarter of 2024", "2024-01/2024-03")],
            ),
            (
                "Its third-quarter sales slipped.",
                [("third-quarter", "2024-07/2024-09")],
            ),
            ("Floods hit last summer.", [("last summer", "2024-06/2024-08")]),
            (
                "Floods hit in the winter of 2019.",
                [("the winter of 2019", "2019-12/2020-02")],
            ),
            ("The decree dated 2024-11-05 was void.", [("2024-11-05", "2024-11-05")]),
            ("A decree dated 28/01/2025 was void.", [("28/01/2025", "2025-01-28")]),
            (
                "Work starts in early June 2025.",
                [("early June 2025", "2025-06")],
            ),
            ("Rents rose in mid-2024.", [("mid-2024", "2024")]),
            (
                "Shops shut in late December.",
                [("late December", "2024-12")],
            ),
            ("Debts fall due at year-end.", [("year-end", "2025-12-31")]),
            ("Markets closed on Christmas Day.", [("Christmas Day", "2024-12-25")]),
            ("The plant closed two years ago.", [("two years ago", "2023")]),
            (
                "Rules changed earlier this month.",
                [("earlier this month", "2025-04")],
            ),
        ],
    )
    def test_forms(self, text: str, expected: list[tuple[str, str]]):
        """Each form news uses is found with its words and the granularity they have."""
        assert expected == found(text)

    def test_weekday_with_date_is_one_mention(self):
        """The longest phrase wins: a weekday and the date after it are one mention."""
        assert found(
            "Fighting resumed on Tuesday, Jan. 28, 2025, near the border."
        ) == [("Tuesday, Jan. 28, 2025", "2025-01-28")]

    def test_several_in_order(self):
        """Mentions come in the order of the text, none overlapping."""
        text = (
            "From 2021 to 2024 trade grew; on March 3 it fell, and yesterday it rose."
        )

        mentions = extract(text, PUBLISHED)

        assert [m.text for m in mentions] == ["2021", "2024", "March 3", "yesterday"]
        assert all(a.end <= b.start for a, b in itertools.pairwise(mentions))

    def test_tense_of_the_sentence(self):
        """The sentence is the context: "will" puts a weekday after publication."""
        assert found("The envoys will meet on Friday.") == [("Friday", "2025-04-04")]

    def test_prefer_future(self):
        """prefer="future" puts a year-less date at or after the publication date."""
        assert found("Fees change on March 3.", prefer="future") == [
            ("March 3", "2026-03-03")
        ]


class TestRelativeDates:
    def test_a_day_earlier(self):
        """A relative phrase counts from the latest date before it, and names it."""
        text = "The ambassador was summoned on January 28. A day earlier, Baku had protested."

        mentions = extract(text, PUBLISHED)

        assert [(m.text, m.when.to_edtf()) for m in mentions] == [
            ("January 28", "2025-01-28"),
            ("A day earlier", "2025-01-27"),
        ]
        assert mentions[1].anchor is mentions[0]
        assert mentions[1].anchor_text == "January 28"
        assert mentions[1].relative

    @pytest.mark.parametrize(
        ("phrase", "expected"),
        [
            ("the day before", "2025-03-09"),
            ("the following day", "2025-03-11"),
            ("two days later", "2025-03-12"),
            ("a week later", "2025-03-17"),
            ("that week", "2025-03-10/2025-03-16"),
            ("later that month", "2025-03-11/2025-03-31"),
            ("the same day", "2025-03-10"),
        ],
    )
    def test_phrases(self, phrase: str, expected: str):
        """Each anaphoric form resolves against the preceding date."""
        text = f"The strike began on March 10. Talks collapsed {phrase}."

        assert [("March 10", "2025-03-10"), (phrase, expected)] == found(text)

    def test_chain(self):
        """A relative mention can anchor the next one."""
        text = "Troops crossed on May 2. The next day they halted. Two days later they withdrew."

        assert found(text, "2025-06-01") == [
            ("May 2", "2025-05-02"),
            ("The next day", "2025-05-03"),
            ("Two days later", "2025-05-05"),
        ]

    def test_without_anchor_is_skipped(self):
        """With no date before it, a relative phrase is left out, never guessed."""
        assert found("A day earlier, the minister resigned.") == []

    def test_anchor_too_far_back_is_skipped(self):
        """Only the same or the previous sentence can hold the anchor."""
        text = "Rain fell on June 4. Roads flooded. Bridges shut. A day later, schools closed."

        assert found(text) == [("June 4", "2024-06-04")]

    def test_anchor_too_vague_is_skipped(self):
        """ "The next day" after a decade names no day: it is skipped."""
        assert found(
            "Growth was slow in the 1980s. The next day, nothing changed."
        ) == [("the 1980s", "198X")]

    def test_after_an_event_is_not_after_the_last_date(self):
        """ "Two days after the vote" counts from the vote, which has no date here."""
        text = "The vote was held on April 6. Two days after the coup, troops left."

        assert found(text) == [("April 6", "2024-04-06")]


class TestNotDates:
    @pytest.mark.parametrize(
        "text",
        [
            "The blockade lasted three months.",
            "He served for two years.",
            "Prices rose over the past two weeks.",
            "Prices rose over the past year.",
            "Protesters gathered this evening.",
            "The vote is at 5 p.m.",
            "Officials may meet again.",
            "They march on the capital.",
            "After the fall of the government, markets slid.",
            "The firm raised $2000 from backers.",
            "Some 1,995 people signed.",
            "Turnout rose 2000% in the suburb.",
        ],
    )
    def test_no_mention(self, text: str):
        """Durations, times of day, verbs and amounts are not dates (see TestTimexTypes)."""
        assert found(text) == []

    def test_ambiguous_numeric_date_is_skipped(self):
        """01/02/2025 could be either day: it is left out, not guessed."""
        assert found("The order dated 01/02/2025 was cancelled.") == []

    def test_needs_published(self):
        """Without a publication date, only dates that name their year are found."""
        text = "The port shut yesterday; it first opened on June 1, 1990."

        assert found(text, None) == [("June 1, 1990", "1990-06-01")]


class TestSentences:
    def test_abbreviations_do_not_end_a_sentence(self):
        """ "Jan." and "Mr." do not split the sentence a mention comes from."""
        text = "Mr. Lee arrived on Jan. 6 in Seoul. He left."

        (m,) = extract(text, PUBLISHED)

        assert m.sentence == "Mr. Lee arrived on Jan. 6 in Seoul."

    def test_paragraphs_end_sentences(self):
        """A blank line ends a sentence even without a full stop."""
        text = "Border talks, 2019\n\nThe parties met again in 2021."

        assert [m.sentence for m in extract(text)] == [
            "Border talks, 2019",
            "The parties met again in 2021.",
        ]

    def test_very_long_sentence(self):
        """A sentence of any length works; the mention keeps all of it."""
        text = "Markets " + "rallied and " * 200 + "closed on March 3, 2025 at last."

        (m,) = extract(text)

        assert m.text == "March 3, 2025"
        assert m.sentence == text

    def test_phrase_wraps_onto_the_next_line(self):
        """A phrase broken by a line break is one mention, quoted as written."""
        text = "The accord was signed on\nMarch 3,\n2025 in Minsk."

        (m,) = extract(text)

        assert (m.text, str(m.when)) == ("March 3,\n2025", "2025-03-03")

    def test_phrase_never_crosses_a_blank_line(self):
        """A blank line separates what comes before it from what follows."""
        assert found("Filed in March\n\n3 people were hurt.") == [("March", "2025-03")]

    def test_no_sentence_text(self):
        """Text of only spaces has no mentions."""
        assert extract("   \n\n  ") == []


class TestPublished:
    @pytest.mark.parametrize(
        "published",
        [
            "2025-04-01",
            datetime.date(2025, 4, 1),
            datetime.datetime(2025, 4, 1, 9, 30, tzinfo=datetime.UTC),
            pendulum.date(2025, 4, 1),
        ],
    )
    def test_kinds(self, published: object):
        """A date, a datetime, a pendulum date and an ISO string all work."""
        assert found("Shares fell yesterday.", published) == [
            ("yesterday", "2025-03-31")
        ]

    def test_keyword(self):
        """published may be passed by keyword."""
        (m,) = extract("Shares fell yesterday.", published="2025-04-01")

        assert When.day(2025, 3, 31) == m.when


class TestErrors:
    @pytest.mark.parametrize("text", [b"January 2025", None, 2025, ["March 3"]])
    def test_text_not_a_string(self, text: object):
        """Anything but a string is a ValidationError naming the type."""
        with pytest.raises(ValidationError, match="expected the article as a string"):
            extract(text)  # type: ignore[arg-type]

    @pytest.mark.parametrize("published", ["April 1", "2025-13-01", 20250401, ["2025"]])
    def test_bad_published(self, published: object):
        """A publication date that is no date is a ValidationError naming it."""
        with pytest.raises(ValidationError, match="published"):
            extract("Shares fell yesterday.", published)  # type: ignore[arg-type]

    def test_bad_prefer(self):
        """prefer must be past, future or nearest."""
        with pytest.raises(ValidationError, match="prefer"):
            extract("On March 3.", PUBLISHED, prefer="later")  # type: ignore[arg-type]

    @pytest.mark.parametrize("languages", ["ru", [1, 2], 5])
    def test_bad_languages(self, languages: object):
        """languages must be a list of language codes."""
        with pytest.raises(ValidationError, match="languages"):
            extract("On March 3.", PUBLISHED, languages=languages)  # type: ignore[arg-type]

    def test_errors_are_timeline_errors(self):
        """Every error extract raises is a TimelineError (and a ValueError)."""
        with pytest.raises(TimelineError):
            extract(b"bytes")  # type: ignore[arg-type]
        with pytest.raises(ValueError, match="published"):
            extract("text", "soon")


class TestLanguages:
    def test_dateparser_finds_other_languages(self):
        """With languages read by none of the project's patterns, dateparser searches."""
        text = "L'ambassadeur a été convoqué le 28 janvier 2025. Trade rose in 2024."

        assert found(text, PUBLISHED, languages=["fr", "en"]) == [
            ("le 28 janvier 2025", "2025-01-28"),
            ("2024", "2024"),
        ]

    @pytest.mark.parametrize(
        ("lang", "text", "expected"),
        [
            (
                "ru",
                "Посла вызвали 28 января 2025 года. В январе переговоры шли. Вчера всё кончилось.",
                [
                    ("28 января 2025", "2025-01-28"),
                    ("январе", "2025-01"),
                    ("Вчера", "2025-03-31"),
                ],
            ),
            (
                "uk",
                "Бої почалися 3 вересня 1939 року, а наприкінці 1918 року ні. У вересні знову.",
                [
                    ("3 вересня 1939", "1939-09-03"),
                    ("наприкінці 1918 року", "1918"),
                    ("вересні", "2024-09"),
                ],
            ),
            (
                "az",
                "Səfir yanvarın 28-də çağırıldı. 25 dekabr 2024-cü ildə danışıqlar başladı.",
                [
                    ("yanvarın 28-də", "2025-01-28"),
                    ("25 dekabr 2024-cü ildə", "2024-12-25"),
                ],
            ),
            (
                "tr",
                "Büyükelçi 25 Aralık'ta çağrıldı. 2024'te görüşmeler başladı.",
                [("25 Aralık'ta", "2024-12-25"), ("2024'te", "2024")],
            ),
        ],
    )
    def test_own_patterns_read_the_seeds_languages(
        self, lang, text, expected, monkeypatch
    ):
        """Russian, Ukrainian, Azerbaijani and Turkish dates, with case endings, without dateparser."""
        monkeypatch.setitem(
            sys.modules, "dateparser.search", None
        )  # importing it fails
        assert found(text, PUBLISHED, languages=[lang]) == expected

    def test_relative_day_words_need_an_anchor(self):
        """ "днем ранее" (a day earlier) counts from the day just told, never from a month."""
        text = "Посла вызвали 28 января 2025 года, а днем ранее он уехал. В январе, днем ранее."
        assert found(text, PUBLISHED, languages=["ru"]) == [
            ("28 января 2025", "2025-01-28"),
            ("днем ранее", "2025-01-27"),
            ("январе", "2025-01"),
        ]

    def test_dateparser_failure_reports_english_only(
        self, monkeypatch: pytest.MonkeyPatch
    ):
        """If dateparser fails on the text, the English mentions are still returned."""

        def broken(*args: object, **kwargs: object) -> object:
            raise RuntimeError("boom")

        fake = types.ModuleType("dateparser.search")
        fake.search_dates = broken  # type: ignore[attr-defined]
        monkeypatch.setitem(sys.modules, "dateparser.search", fake)

        assert found("Trade rose in 2024.", languages=["fr"]) == [("2024", "2024")]

    def test_unreadable_finds_are_skipped(self, monkeypatch: pytest.MonkeyPatch):
        """Finds that are not in the text or that resolve cannot read are dropped."""

        def fake_search(
            text: str, **kwargs: object
        ) -> list[tuple[str, datetime.datetime]]:
            day = datetime.datetime(2025, 1, 1)  # noqa: DTZ001 - as dateparser returns
            return [("absent words", day), ("blursday", day), ("2024", day)]

        fake = types.ModuleType("dateparser.search")
        fake.search_dates = fake_search  # type: ignore[attr-defined]
        monkeypatch.setitem(sys.modules, "dateparser.search", fake)

        assert found("It was blursday in 2024.", None, languages=["en"]) == [
            ("2024", "2024")
        ]

    def test_nothing_found(self, monkeypatch: pytest.MonkeyPatch):
        """dateparser finding nothing (None) adds nothing."""
        fake = types.ModuleType("dateparser.search")
        fake.search_dates = lambda *a, **k: None  # type: ignore[attr-defined]
        monkeypatch.setitem(sys.modules, "dateparser.search", fake)

        assert found("Nothing here.", languages=["de"]) == []


# -- every regular expression over user text is linear -----------------------------------
#
# A backtracking engine is quadratic (or worse) on a pattern whose quantifiers can share
# the same characters: one unbounded repeat nested in another, two adjacent unbounded
# repeats over overlapping characters, or an unbounded repeat that `search`/`finditer`
# try from every position of a run ("[.!?]+" on 50,000 dots took 51 s). The audit reads
# each compiled pattern's parse tree (`re._parser`, the module behind `sre_parse`) and
# refuses those three shapes; it times nothing.

from re import _constants as _sre  # noqa: E402
from re import _parser as _sre_parser  # noqa: E402

_REPEATS = {_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT}
_ALPHABET = frozenset(
    [chr(c) for c in range(0x250)]
    + list("\u00a0\u2010\u2011\u2013\u2014\u2018\u2019\u201c\u201d\u2028")
    + list("абвгдеёжзийклмнопрстуфхцчшщъыьэюяєіїґəğışöüç")
)
_CATEGORIES = {
    _sre.CATEGORY_DIGIT: re.compile(r"\d"),
    _sre.CATEGORY_NOT_DIGIT: re.compile(r"\D"),
    _sre.CATEGORY_SPACE: re.compile(r"\s"),
    _sre.CATEGORY_NOT_SPACE: re.compile(r"\S"),
    _sre.CATEGORY_WORD: re.compile(r"\w"),
    _sre.CATEGORY_NOT_WORD: re.compile(r"\W"),
}


def _chars(item, ignore_case):
    """The characters a one-character item matches (over a sample), None if unknown."""
    op, av = item
    if op is _sre.LITERAL:
        found = {chr(av)}
    elif op is _sre.NOT_LITERAL:
        found = _ALPHABET - {chr(av)}
    elif op is _sre.ANY:
        found = _ALPHABET - {"\n"}
    elif op is _sre.IN:
        found, negate = set(), False
        for sop, sav in av:
            if sop is _sre.NEGATE:
                negate = True
            elif sop is _sre.LITERAL:
                found.add(chr(sav))
            elif sop is _sre.RANGE:
                found.update(chr(c) for c in range(sav[0], sav[1] + 1))
            elif sop is _sre.CATEGORY:
                found.update(ch for ch in _ALPHABET if _CATEGORIES[sav].match(ch))
            else:
                return None
        if negate:
            found = _ALPHABET - found
    else:
        return None
    if ignore_case:
        found |= {ch.swapcase() for ch in found}
    return frozenset(found)


def _unbounded(item):
    return item[0] in _REPEATS and item[1][1] == _sre.MAXREPEAT


def _single(item, ignore_case):
    body = list(item[1][2])
    return _chars(body[0], ignore_case) if len(body) == 1 else None


def _children(item):
    op, av = item
    if op in _REPEATS:
        yield av[2]
    elif op is _sre.SUBPATTERN:
        yield av[3]
    elif op is _sre.BRANCH:
        yield from av[1]
    elif op in (_sre.ASSERT, _sre.ASSERT_NOT):
        yield av[1]
    elif op is _sre.GROUPREF_EXISTS:
        yield from (branch for branch in av[1:] if branch is not None)


def _holds_unbounded(seq):
    return any(
        _unbounded(it) or any(_holds_unbounded(c) for c in _children(it)) for it in seq
    )


def _may_be_empty(item):
    op, av = item
    return (op in _REPEATS and av[0] == 0) or op in (
        _sre.AT,
        _sre.ASSERT,
        _sre.ASSERT_NOT,
    )


def _shape_problems(seq, ignore_case):
    """Nested unbounded repeats, and adjacent ones over overlapping characters."""
    found = []
    items = list(seq)
    for i, it in enumerate(items):
        if _unbounded(it):
            if _holds_unbounded(it[1][2]):
                found.append("nested unbounded quantifiers")
            mine = _single(it, ignore_case)
            for nxt in items[i + 1 :]:
                if _unbounded(nxt):
                    theirs = _single(nxt, ignore_case)
                    if mine is None or theirs is None or mine & theirs:
                        found.append("adjacent overlapping quantifiers")
                    break
                if not _may_be_empty(nxt):
                    break
        for child in _children(it):
            found += _shape_problems(child, ignore_case)
    return found


def _starts_unguarded(seq, ignore_case):
    """
    Whether a search may try the pattern's leading unbounded repeat at every position.

    A look-behind that refuses the repeat's own characters (or a `^`) lets only the
    first position of a run start a match.
    """
    guard = frozenset()
    for it in seq:
        op, av = it
        if op is _sre.AT and av in (_sre.AT_BEGINNING, _sre.AT_BEGINNING_STRING):
            return False
        if op is _sre.ASSERT_NOT and av[0] == -1:
            body = list(av[1])
            if len(body) == 1:
                guard |= _chars(body[0], ignore_case) or frozenset()
            continue
        if op in (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT):
            continue
        if op is _sre.SUBPATTERN:
            return not guard and _starts_unguarded(av[3], ignore_case)
        if op is _sre.BRANCH:
            return not guard and any(_starts_unguarded(b, ignore_case) for b in av[1])
        if _unbounded(it):
            mine = _single(it, ignore_case)
            return mine is None or not mine <= guard
        return False
    return False


def regex_problems(pattern, *, searched=True):
    """What makes *pattern* super-linear on some text, as a list of reasons."""
    tree = _sre_parser.parse(pattern.pattern, pattern.flags)
    ignore_case = bool(pattern.flags & re.IGNORECASE)
    found = _shape_problems(tree, ignore_case)
    if searched and _starts_unguarded(tree, ignore_case):
        found.append("a leading unbounded repeat tried from every position")
    return found


# Patterns the audit flags for their leading repeat, and why each is linear anyway.
_BOUNDED_USE = {
    "patterns._OF_NOT_YEAR": "match() at one position of a 12-character window",
    "patterns._LAST_WORD": "searched in the 12 characters before a full stop",
    "context._WORD_BEFORE": "searched in at most 80 characters before a cue",
    "context._PAST_HEAD": "fullmatch() on one word",
    "context._TOKEN": "findall() over at most 80 characters; nothing follows the repeat",
    "english._PLAIN": "fullmatch() on a phrase of at most MAX_LENGTH characters",
    "fallback._LETTERS": "nothing follows the repeat: the first run of 3 letters matches",
}


def _words_patterns():
    import importlib

    for name in (
        "patterns",
        "context",
        "english",
        "fallback",
        "resolving",
        "extracting",
        "vocabulary",
        "spans",
        "languages",
    ):
        module = importlib.import_module(f"timeline._words.{name}")
        for attr, value in vars(module).items():
            if isinstance(value, re.Pattern):
                yield f"{name}.{attr}", value
            elif (
                isinstance(value, tuple) and value and isinstance(value[0], re.Pattern)
            ):
                for i, pattern in enumerate(value):
                    yield f"{name}.{attr}[{i}]", pattern
    from timeline._words import languages

    for lang in languages.LANGUAGES:
        yield f"languages._pattern({lang!r})", languages._pattern(lang)


class TestLinearRegexes:
    @pytest.mark.parametrize(
        ("source", "reason"),
        [
            (r"(a+)+b", "nested unbounded quantifiers"),
            (r"(?:\w+\s?)*$", "nested unbounded quantifiers"),
            (r"x\s*\s+y", "adjacent overlapping quantifiers"),
            (r"x[a-z]+(?:-)?\w+y", "adjacent overlapping quantifiers"),
            (
                r"[.!?]+[\"']*(?=\s+[A-Z])",
                "a leading unbounded repeat tried from every position",
            ),
        ],
    )
    def test_audit_refuses_backtracking_shapes(self, source, reason):
        """The audit finds each shape that backtracks (the old sentence end included)."""
        assert reason in regex_problems(re.compile(source))

    @pytest.mark.parametrize(
        "source",
        [
            r"(?<![.!?])[.!?]+(?=\s)",
            r"\d{1,3}(?:,\d{3})*",
            r"(?<![a-z])[a-z]+ [0-9]+",
            r"^\s+x",
        ],
    )
    def test_audit_accepts_linear_shapes(self, source):
        """A guarded run, a repeat of fixed-length items, disjoint neighbours pass."""
        assert regex_problems(re.compile(source)) == []

    def test_every_words_pattern_is_linear(self):
        """No pattern of the words layer backtracks on any text."""
        flagged = {}
        for name, pattern in _words_patterns():
            problems = regex_problems(pattern, searched=name not in _BOUNDED_USE)
            if problems:
                flagged[name] = problems
        assert flagged == {}

    def test_every_rule_is_linear(self):
        """The English rules (fullmatch on at most MAX_LENGTH characters) too."""
        from timeline._words.english import RULES

        flagged = {
            entry.handler.__name__: regex_problems(entry.regex(), searched=False)
            for entry in RULES
        }
        assert {k: v for k, v in flagged.items() if v} == {}

    def test_bounded_use_list_is_current(self):
        """Each exemption names a pattern that exists and needs it."""
        patterns = dict(_words_patterns())
        for name in _BOUNDED_USE:
            assert regex_problems(patterns[name]) != []

    @given(
        piece=st.sampled_from(
            [
                ".",
                "!",
                "?",
                "...",
                ". ",
                "\n",
                "\n \n",
                " ",
                "\t",
                "-",
                "'",
                "May ",
                "1990 ",
                "January 1, ",
                "a day ",
                "early ",
                "the ",
                "since ",
                "Mr. ",
                "March 3-",
                "from ",
                "between ",
                "Q1 ",
                "12/1/",
                "2025-",
            ]
        ),
        count=st.integers(1, 3000),
        tail=st.text(max_size=20),
    )
    def test_runs_of_one_piece(self, piece, count, tail):
        """Long runs of sentence ends, spaces and date words read to valid mentions."""
        text = piece * count + tail
        mentions = extract(text, PUBLISHED)
        ends = [(m.start, m.end) for m in mentions]
        assert ends == sorted(ends)
        assert all(text[m.start : m.end] == m.text for m in mentions)
        assert all(a[1] <= b[0] for a, b in itertools.pairwise(ends))


class TestRanges:
    def test_dash_range_is_one_mention_with_both_ends(self):
        """ "March 3-5" is one mention: its `when` spans both days, `starts`/`ends` each."""
        (m,) = extract("Polls open March 3-5, 2025.", PUBLISHED)

        assert m.text == "March 3-5, 2025"
        assert m.when == When.between("2025-03-03", "2025-03-05")
        assert (m.starts, m.ends) == (When.day(2025, 3, 3), When.day(2025, 3, 5))

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("It ran January 25-26.", [("January 25-26", "2025-01-25/2025-01-26")]),
            ("They met Dec. 24-25.", [("Dec. 24-25", "2024-12-24/2024-12-25")]),
            (
                "on November 9-10, 1989.",
                [("November 9-10, 1989", "1989-11-09/1989-11-10")],
            ),
            ("It ran 1990-95.", [("1990-95", "1990/1995")]),
            (
                "It ran January 30-February 2.",
                [("January 30-February 2", "2025-01-30/2025-02-02")],
            ),
        ],
    )
    def test_dash_ranges(self, text, expected):
        """Ranges written with a dash are found whole, never read as a year."""
        assert found(text) == expected

    def test_words_join_two_mentions(self):
        """ "from X to Y": two dates (as TimeML marks them), read with one year."""
        mentions = extract("It ran from December 30 to January 2, 2025.", PUBLISHED)

        assert [(m.text, m.when.to_edtf()) for m in mentions] == [
            ("December 30", "2024-12-30"),
            ("January 2, 2025", "2025-01-02"),
        ]
        assert (mentions[0].starts, mentions[0].ends) == (
            When.day(2024, 12, 30),
            When.day(2025, 1, 2),
        )
        assert mentions[1].ends is None

    @pytest.mark.parametrize(
        "text",
        [
            "Sales rose between 1985 and 1987.",
            "The offices open Monday through Friday.",
            "They ruled from 1990 until 1995.",
        ],
    )
    def test_joined_forms(self, text):
        """ "between ... and", "through", "until" join two dates the same way."""
        first, second = extract(text, PUBLISHED)
        assert first.ends == second.when
        assert first.starts == first.when

    def test_single_dates_have_no_ends(self):
        """A mention that is no range has neither `starts` nor `ends`."""
        (m,) = extract("Talks opened on January 27.", PUBLISHED)
        assert (m.starts, m.ends) == (None, None)


class TestNarrative:
    STORY = (
        "The war began in 1939. On September 3, Britain joined it, and two days later "
        "France followed. In May 1940 the front moved; on June 14 Paris fell."
    )

    def test_year_less_dates_take_the_story_year(self):
        """In a narrative, "September 3" is in the year the story last told."""
        got = found(self.STORY, "2018-05-01", genre="narrative")
        assert got == [
            ("1939", "1939"),
            ("September 3", "1939-09-03"),
            ("two days later", "1939-09-05"),
            ("May 1940", "1940-05"),
            ("June 14", "1940-06-14"),
        ]

    def test_news_counts_from_the_publication_date(self):
        """The same text as news reads year-less dates against `published`."""
        got = dict(found(self.STORY, "2018-05-01"))
        assert got["September 3"] == "2017-09-03"
        assert got["June 14"] == "2017-06-14"

    def test_deictic_words_count_from_the_story_day(self):
        """In a narrative, "two years ago" counts from the date last told."""
        text = "In May 1940 the front moved. Two years ago, in 1938, it had not."
        got = found(text, "2018-05-01", genre="narrative")
        assert got[1] == ("Two years ago", "1938")

    def test_without_a_date_told_nothing_year_less_is_read(self):
        """Before the story names a date, a year-less date needs `published`."""
        assert found("On September 3, Britain joined.", None, genre="narrative") == []

    def test_ukrainian_narrative(self):
        """The Ukrainian war narratives' case: months in the genitive and locative."""
        text = "Війна почалася 1 вересня 1939 року. 17 вересня СРСР вторгся. У жовтні бої вщухли."
        got = found(text, "2018-05-01", languages=["uk"], genre="narrative")
        assert got == [
            ("1 вересня 1939", "1939-09-01"),
            ("17 вересня", "1939-09-17"),
            ("жовтні", "1939-10"),
        ]

    def test_bad_genre(self):
        """A genre other than news or narrative is refused, naming it."""
        with pytest.raises(ValidationError, match="genre"):
            extract("text", genre="poem")  # type: ignore[arg-type]


def typed(text: str, published: object = PUBLISHED) -> list[tuple[str, str, str]]:
    """The (words, TIMEX3 type, TIMEX3 value) of each mention in *text*."""
    return [(m.text, m.type, m.value) for m in extract(text, published)]  # type: ignore[arg-type]


class TestTimexTypes:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            (
                "Talks resume at 11 a.m. Monday.",
                [("11 a.m. Monday", "TIME", "2025-04-07T11:00")],
            ),
            (
                "The vote closes 5 p.m. CET Thursday.",
                [("5 p.m. CET Thursday", "TIME", "2025-04-03T17:00")],
            ),
            (
                "They met Friday at 9:30 p.m.",
                [("Friday at 9:30 p.m.", "TIME", "2025-03-28T21:30")],
            ),
            ("The vote is at 5 p.m.", [("5 p.m.", "TIME", "2025-04-01T17:00")]),
            (
                "The blockade lasted three months.",
                [("three months", "DURATION", "P3M")],
            ),
            (
                "He spoke for a minute and a half.",
                [("a minute and a half", "DURATION", "PT1.5M")],
            ),
            ("a three-year deal", [("three-year", "DURATION", "P3Y")]),
            ("He served for several years.", [("several years", "DURATION", "PXY")]),
            ("Prices are set daily.", [("daily", "SET", "P1D")]),
            (
                "The council meets every Monday.",
                [("every Monday", "SET", "XXXX-WXX-1")],
            ),
            (
                "Elections are held every four years.",
                [("every four years", "SET", "P4Y")],
            ),
            ("Talks opened on January 27.", [("January 27", "DATE", "2025-01-27")]),
            (
                "Sales fell in the third quarter of 2024.",
                [("the third quarter of 2024", "DATE", "2024-Q3")],
            ),
            ("It rained last week.", [("last week", "DATE", "2025-W13")]),
            (
                "They left in the summer of 1998.",
                [("the summer of 1998", "DATE", "1998-SU")],
            ),
            ("In the 1990s it grew.", [("the 1990s", "DATE", "199")]),
            ("Polls open March 3-5, 2025.", [("March 3-5, 2025", "DATE", "2025-03")]),
        ],
    )
    def test_type_and_value(self, text, expected):
        """Each mention carries its TIMEX3 type and TimeML value string."""
        assert typed(text) == expected

    def test_durations_before_ago_or_later_are_dates(self):
        """'three years ago' is a date; 'two days later' relative to a date too."""
        got = typed(
            "Three years ago it failed. It opened June 2, 2024; two days later it shut."
        )
        assert [(t, k) for t, k, _ in got] == [
            ("Three years ago", "DATE"),
            ("June 2, 2024", "DATE"),
            ("two days later", "DATE"),
        ]

    def test_a_duration_is_not_a_date(self):
        """A duration's or a set's `when` is unknown: a `When` is a span of days."""
        (m,) = extract("The blockade lasted three months.", PUBLISHED)
        assert m.when.is_unknown
        assert not m.relative

    def test_a_time_without_a_day_needs_published(self):
        """A time of day with no day and no publication date is left out."""
        assert typed("The vote is at 5 p.m.", None) == []

    def test_open_spans(self):
        """A span open on one side is PAST_REF or FUTURE_REF."""
        from timeline._words.timex import date_value

        assert date_value(When.between(None, "2025-01-01")) == "PAST_REF"
        assert date_value(When.between("2025-01-01", None)) == "FUTURE_REF"


class TestParts:
    @pytest.mark.parametrize(
        ("text", "words", "value", "mod"),
        [
            ("Work starts in early June 2025.", "early June 2025", "2025-06", "START"),
            ("Rents rose in mid-2024.", "mid-2024", "2024", "MID"),
            (
                "The shares are redeemable after the end of 1994.",
                "the end of 1994",
                "1994",
                "END",
            ),
            (
                "Rules changed earlier this month.",
                "earlier this month",
                "2025-04",
                "START",
            ),
        ],
    )
    def test_timeml_marks_the_unit_and_the_part(self, text, words, value, mod):
        """A part of a unit is that unit, with TimeML's `mod` (START, MID, END)."""
        (m,) = extract(text, PUBLISHED)
        assert (m.text, m.value, m.mod) == (words, value, mod)

    def test_resolve_still_gives_the_part(self):
        """`resolve` reads the words alone as the part itself (a third, approximate)."""
        (m,) = extract("Work starts in early June 2025.", PUBLISHED)
        assert str(timeline.resolve(m.text)) == "2025-06-01~/2025-06-10~"

    def test_other_mentions_have_no_mod(self):
        """A mention that names no part has no `mod`."""
        (m,) = extract("Talks opened on January 27.", PUBLISHED)
        assert m.mod is None


class TestCountsInOtherLanguages:
    def test_a_number_before_a_noun_is_no_year(self):
        """In Ukrainian and Russian a year carries its word; "1200 солдатів" counts soldiers."""
        text = "У 1939 році почалася війна. Загинуло 1200 солдатів. 17 вересня бої."
        got = found(text, "2018-01-01", languages=["uk"], genre="narrative")
        assert got == [("1939 році", "1939"), ("17 вересня", "1939-09-17")]
