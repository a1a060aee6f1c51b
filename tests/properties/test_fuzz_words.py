"""Fuzzing resolve() and extract(): any text resolves, or raises nothing but a TimelineError."""

from __future__ import annotations

import datetime

from hypothesis import given
from hypothesis import strategies as st

from timeline import When, extract, resolve
from timeline.errors import TimelineError

# Words that reach the date rules, and characters that have troubled regexes before.
WORDS = st.sampled_from(
    [
        "December", "25", "2025", "a", "day", "earlier", "later", "last", "week", "Q1",
        "early", "since", "the", "1990s", "января", "yanvar", "am", "28.", "01/02/2025",
        "2025-02-30", "0000-01-01", "9999-12-31", "...", "!!!", "???", "\n", "\t", "\u2028",
        "  ", "-", "/", "~", "?", "X", "9" * 40, "\x00", "\ufeff",
    ]
)  # fmt: skip
TEXTS = st.text(max_size=80) | st.lists(WORDS, max_size=12).map(" ".join)
REFERENCES = st.none() | st.dates(
    min_value=datetime.date(1, 1, 1), max_value=datetime.date(9999, 12, 31)
)
ANCHORS = st.none() | st.builds(
    When.day, st.integers(1, 9999), st.integers(1, 12), st.integers(1, 28)
)


@given(text=TEXTS, reference=REFERENCES, anchor=ANCHORS, context=st.none() | TEXTS)
def test_resolve_raises_only_timeline_errors(
    text: str,
    reference: datetime.date | None,
    anchor: When | None,
    context: str | None,
) -> None:
    """resolve() returns a When or raises a TimelineError, at the calendar's edges too."""
    try:
        result = resolve(text, reference, anchor=anchor, context=context)
    except TimelineError:
        return
    assert isinstance(result, When)


@given(text=TEXTS, published=REFERENCES)
def test_extract_raises_only_timeline_errors(
    text: str, published: datetime.date | None
) -> None:
    """extract() lists mentions inside the text, or raises a TimelineError."""
    try:
        mentions = extract(text, published)
    except TimelineError:
        return
    for m in mentions:
        assert text[m.start : m.end] == m.text
