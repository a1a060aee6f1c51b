"""Properties of timeline.resolve: it never fails with a foreign error, and its arithmetic holds."""

from __future__ import annotations

import calendar
import datetime

import pendulum
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline import DateResolutionError, When, resolve

MONTH_NAMES = list(calendar.month_name)[1:]  # English: Python leaves LC_TIME at "C"
WEEKDAY_NAMES = list(calendar.day_name)
VOCABULARY = [
    *MONTH_NAMES,
    *WEEKDAY_NAMES,
    "Dec.",
    "Sept.",
    "last",
    "next",
    "this",
    "the",
    "of",
    "week",
    "month",
    "year",
    "quarter",
    "Q1",
    "H2",
    "early",
    "mid-",
    "late",
    "since",
    "before",
    "after",
    "between",
    "and",
    "to",
    "from",
    "ago",
    "later",
    "earlier",
    "a",
    "two",
    "days",
    "weeks",
    "yesterday",
    "today",
    "summer",
    "winter",
    "weekend",
    "1990s",
    "'90s",
    "century",
    "fiscal",
    "around",
    "or so",
    "or later",
    "2024",
    "0000",
    "9999",
    "25",
    "31",
    "29",
    "25th",
    "01/02/2025",
    "2025-01-28",
    "2025-W05",
    "января",
    "yanvar",
    "janvier",
    "вчера",
    ",",
    ".",
    "-",
    "/",
    "'s",
    "am",
    "el",
    "le",
    "de",
    "в",
    "Mart",
    "'te",
    "that",
    "following",
    "the day",
    "deadline",
    "will",
    "than",
]

references = st.dates(
    min_value=datetime.date(1900, 1, 1), max_value=datetime.date(2100, 12, 31)
)
phrases = st.lists(
    st.one_of(st.sampled_from(VOCABULARY), st.text(max_size=4)), min_size=1, max_size=6
).map(" ".join)
anchors = st.dates(
    min_value=datetime.date(1900, 1, 1), max_value=datetime.date(2100, 12, 31)
).map(lambda d: When(d, d))


# dateparser's first parse loads its language data and can take a second or more, far
# beyond Hypothesis's 200 ms deadline: these tests have no deadline.
@settings(deadline=None)
@given(text=st.text(max_size=60), reference=st.none() | references)
def test_any_text_resolves_or_raises_its_own_error(
    text: str, reference: datetime.date | None
) -> None:
    """Any text either resolves to a When carrying the text or raises DateResolutionError."""
    try:
        result = resolve(text, reference)
    except DateResolutionError:
        return

    assert isinstance(result, When)
    assert text == result.text


@settings(deadline=None)
@given(
    text=phrases,
    reference=st.none() | references,
    anchor=st.none() | anchors,
    prefer=st.sampled_from(["past", "future", "nearest"]),
    date_order=st.sampled_from([None, "DMY", "MDY", "YMD"]),
)
def test_date_vocabulary_with_noise_resolves_or_raises_its_own_error(
    text: str,
    reference: datetime.date | None,
    anchor: When | None,
    prefer: str,
    date_order: str | None,
) -> None:
    """Date words mixed with noise either resolve or raise DateResolutionError."""
    try:
        result = resolve(
            text,
            reference,
            anchor=anchor,
            prefer=prefer,  # type: ignore[arg-type]
            date_order=date_order,  # type: ignore[arg-type]
        )
    except DateResolutionError:
        return

    assert isinstance(result, When)
    assert text == result.text


@settings(deadline=None)
@given(
    text=phrases,
    before=phrases,
    after=phrases,
    reference=st.none() | references,
    anchor=st.none() | anchors,
)
def test_any_sentence_as_context_resolves_or_raises_its_own_error(
    text: str,
    before: str,
    after: str,
    reference: datetime.date | None,
    anchor: When | None,
) -> None:
    """With any sentence around it, a phrase either resolves or raises DateResolutionError."""
    try:
        result = resolve(
            text, reference, anchor=anchor, context=f"{before} {text} {after}"
        )
    except DateResolutionError:
        return

    assert isinstance(result, When)
    assert text == result.text


@given(
    month=st.integers(1, 12),
    day=st.integers(1, 31),
    reference=references,
    prefer=st.sampled_from(["past", "future"]),
)
def test_yearless_dates_fall_on_the_preferred_side(
    month: int, day: int, reference: datetime.date, prefer: str
) -> None:
    """'December 25' is on or before the reference under past, on or after under future."""
    text = f"{MONTH_NAMES[month - 1]} {day}"
    try:
        result = resolve(text, reference, prefer=prefer)  # type: ignore[arg-type]
    except DateResolutionError:
        assert day > 29 or (month, day) == (2, 29)  # only days no year has
        return

    assert result.earliest is not None
    assert result.earliest == result.latest
    assert (result.earliest.month, result.earliest.day) == (month, day)
    if prefer == "past":
        assert result.earliest <= reference
        assert (reference - result.earliest).days < 366 or (month, day) == (2, 29)
    else:
        assert result.earliest >= reference


@given(weekday=st.integers(0, 6), reference=references)
def test_bare_weekdays_are_the_latest_such_day(
    weekday: int, reference: datetime.date
) -> None:
    """'Tuesday' is the latest Tuesday on or before the reference."""
    result = resolve(WEEKDAY_NAMES[weekday], reference)

    assert result.earliest is not None
    assert result.earliest.weekday() == weekday
    assert 0 <= (reference - result.earliest).days <= 6


@given(n=st.integers(0, 60), anchor=anchors)
def test_n_days_later_shifts_the_anchor(n: int, anchor: When) -> None:
    """'N days later' and 'N days earlier' are the anchor shifted by N days."""
    assert anchor.shift(days=n) == resolve(f"{n} days later", anchor=anchor)
    assert anchor.shift(days=-n) == resolve(f"{n} days earlier", anchor=anchor)
    assert anchor.shift(weeks=n) == resolve(f"{n} weeks after", anchor=anchor)


@given(day=st.dates(min_value=datetime.date(1000, 1, 1)))
def test_iso_dates_read_back(day: datetime.date) -> None:
    """An ISO date resolves to that day, with no reference needed."""
    assert When.day(day.year, day.month, day.day) == resolve(day.isoformat())


@given(reference=references, n=st.integers(1, 30))
def test_days_ago_is_reference_minus_n(reference: datetime.date, n: int) -> None:
    """'N days ago' is the reference minus N days."""
    expected = pendulum.Date.fromordinal(reference.toordinal() - n)

    assert When(expected, expected) == resolve(f"{n} days ago", reference)


@given(
    month=st.integers(1, 12),
    first=st.integers(1, 28),
    length=st.integers(0, 3),
    year=st.none() | st.integers(1900, 2100),
    reference=references,
    prefer=st.sampled_from(["past", "future", "nearest"]),
)
def test_day_ranges_span_both_days_in_one_year(
    month: int,
    first: int,
    length: int,
    year: int | None,
    reference: datetime.date,
    prefer: str,
) -> None:
    """'March 3-5' is the days from the first to the last, both in one year."""
    last = first + length
    text = f"{MONTH_NAMES[month - 1]} {first}-{last}" + (
        "" if year is None else f", {year}"
    )
    if year is not None and last > calendar.monthrange(year, month)[1]:
        try:
            resolve(text, reference, prefer=prefer)  # type: ignore[arg-type]
        except DateResolutionError:
            return  # "February 26-29, 1900": no such day, an error, never a guess
        raise AssertionError(text)
    w = resolve(text, reference, prefer=prefer)  # type: ignore[arg-type]

    assert w.earliest is not None
    assert w.latest is not None
    assert (w.earliest.month, w.earliest.day) == (month, first)
    assert (w.latest.month, w.latest.day) == (month, last)
    assert w.earliest.year == w.latest.year
    assert year is None or w.earliest.year == year


@given(a=st.integers(1900, 2100), b=st.integers(1900, 2100), reference=references)
def test_year_ranges_never_end_before_they_start(
    a: int, b: int, reference: datetime.date
) -> None:
    """'from A to B' is A..B when A <= B, and an error otherwise: never a wrong span."""
    try:
        w = resolve(f"from {a} to {b}", reference)
    except DateResolutionError:
        assert a > b
        return
    assert a <= b
    assert w == When.between(When.year(a), When.year(b))
