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
