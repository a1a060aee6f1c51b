# ruff: noqa: RUF001 - Cyrillic and Turkic letters in the texts of other languages
"""Properties of timeline.extract: any text gives ordered, non-overlapping, exact mentions."""

from __future__ import annotations

import datetime
import itertools

from hypothesis import given
from hypothesis import strategies as st

from timeline import Mention, extract

# Words and marks that date phrases are made of, so that generated text often holds
# something extract finds (or nearly finds) and not only noise.
PIECES = [
    "January",
    "May",
    "Dec.",
    "Sept.",
    "Tuesday",
    "Friday",
    "28",
    "1st",
    "2024",
    "1990s",
    "'90s",
    "Q3",
    "third-quarter",
    "quarter",
    "yesterday",
    "today",
    "last",
    "next",
    "this",
    "the",
    "of",
    "week",
    "year",
    "month",
    "day",
    "days",
    "a",
    "two",
    "ago",
    "earlier",
    "later",
    "before",
    "after",
    "following",
    "same",
    "that",
    "since",
    "early",
    "mid-",
    "late",
    "end",
    "fall",
    "summer",
    "in",
    "on",
    "Mr.",
    "2024-11-05",
    "01/02/2025",
    "31/12/1999",
    "$",
    "%",
    ",",
    ".",
    ". ",
    "\n\n",
    " ",
    " ",
    " ",
]

texts = st.one_of(
    st.text(),
    st.lists(st.sampled_from(PIECES) | st.text(max_size=3), max_size=40).map("".join),
)
published = st.none() | st.dates(
    min_value=datetime.date(1900, 1, 1), max_value=datetime.date(2100, 12, 31)
)


@given(text=texts, published=published)
def test_mentions_are_exact_ordered_and_disjoint(
    text: str, published: datetime.date | None
) -> None:
    """For any text, extract never raises; mentions quote the text, in order, apart."""
    mentions = extract(text, published)

    assert all(isinstance(m, Mention) for m in mentions)
    assert all(text[m.start : m.end] == m.text for m in mentions)
    assert all(m.start < m.end for m in mentions)
    assert all(a.end <= b.start for a, b in itertools.pairwise(mentions))
    assert all(m.text in m.sentence for m in mentions)
    assert all(m.anchor is None or m.anchor.end <= m.start for m in mentions)


# Pieces of the other languages, ranges, times, durations and sets.
MORE_PIECES = [
    *PIECES,
    "3-5",
    "25-26",
    "-",
    "\u2013",
    "from",
    "to",
    "between",
    "and",
    "through",
    "11 a.m.",
    "5 p.m.",
    "CET",
    "every",
    "daily",
    "three",
    "years",
    "вересня",
    "у вересні",
    "1939 року",
    "наприкінці",
    "январе",
    "днем ранее",
    "yanvarın",
    "28-də",
    "2024-cü ildə",
    "Aralık'ta",
    "2024'te",
    "1200 солдатів",
]
more_texts = st.lists(
    st.sampled_from(MORE_PIECES) | st.text(max_size=3), max_size=40
).map("".join)
TYPES = {"DATE", "TIME", "DURATION", "SET"}


@given(
    text=more_texts,
    published=published,
    genre=st.sampled_from(["news", "narrative"]),
    languages=st.none() | st.just(["uk", "ru", "az", "tr"]),
)
def test_every_genre_and_language_keeps_the_invariants(
    text: str,
    published: datetime.date | None,
    genre: str,
    languages: list[str] | None,
) -> None:
    """Narratives, other languages, ranges and every TIMEX3 type keep the invariants."""
    mentions = extract(text, published, genre=genre, languages=languages)  # type: ignore[arg-type]

    assert all(text[m.start : m.end] == m.text for m in mentions)
    assert all(a.end <= b.start for a, b in itertools.pairwise(mentions))
    assert all(m.type in TYPES and m.value for m in mentions)
    assert all(m.when.is_unknown == (m.type in ("DURATION", "SET")) for m in mentions)
    for m in mentions:
        if m.ends is not None:
            assert m.starts is not None
            assert m.when.earliest is not None
            assert m.ends.latest is not None
            assert m.starts.earliest is not None
            assert m.starts.earliest <= m.ends.latest
        if m.mod is not None:
            assert m.type == "DATE"
