"""Tests for timeline.extract: dated mentions found in article text."""

from __future__ import annotations

import datetime
import itertools
import sys
import types

import attrs
import pendulum
import pytest

import timeline
from timeline import Mention, TimelineError, ValidationError, When, extract

PUBLISHED = "2025-04-01"  # a Tuesday


def found(
    text: str, published: object = PUBLISHED, **options: object
) -> list[tuple[str, str]]:
    """The (words, EDTF date) of each mention in *text*."""
    return [
        (m.text, m.when.to_edtf())
        for m in extract(text, published, **options)  # type: ignore[arg-type]
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
                [("early June 2025", "2025-06-01~/2025-06-10~")],
            ),
            ("Rents rose in mid-2024.", [("mid-2024", "2024-05~/2024-08~")]),
            (
                "Shops shut in late December.",
                [("late December", "2024-12-21~/2024-12-31~")],
            ),
            ("Debts fall due at year-end.", [("year-end", "2025-12-31")]),
            ("Markets closed on Christmas Day.", [("Christmas Day", "2024-12-25")]),
            ("The plant closed two years ago.", [("two years ago", "2023")]),
            (
                "Rules changed earlier this month.",
                [("earlier this month", "2025-04-01")],
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
        """Durations, times of day, verbs and amounts are not dates."""
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
        """With languages, dateparser's finds are added where they are longer."""
        text = "Посла вызвали 28 января 2025 года. Trade rose in 2024."

        assert found(text, PUBLISHED, languages=["ru", "en"]) == [
            ("28 января 2025 года", "2025-01-28"),
            ("2024", "2024"),
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
