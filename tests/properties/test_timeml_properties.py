"""Properties of the TimeML reader: TLINKs true of some hidden times never conflict."""

from __future__ import annotations

import attrs
import pendulum
from hypothesis import given
from hypothesis import strategies as st

from timeline.formats import from_timeml, parts_from_timeml
from timeline.link import Link, Point

from ..test_timeml import MEANING

HOURS = 24
DAYS = 4
BASE = pendulum.Date(1998, 1, 12)  # a Monday, the first day of ISO week 3

# Calendar TIMEX3 values and the hours they cover, counted from BASE.
SPANS = [
    *(
        (BASE.add(days=d).isoformat(), (d * HOURS, (d + 1) * HOURS))
        for d in range(DAYS)
    ),
    ("1998-W03", (0, 7 * HOURS)),
    ("1998-01", (-11 * HOURS, 20 * HOURS)),
    ("1998", (-11 * HOURS, 354 * HOURS)),
]


@attrs.frozen
class Hidden:
    """A document drawn with the times that make it true: (start, end) in hours."""

    text: str
    times: dict[str, tuple[int, int]]


def _day_of_end(start: int, end: int) -> int:
    """The day of an interval's last moment: an end at midnight belongs to the day before."""
    return end // HOURS - 1 if end % HOURS == 0 else end // HOURS


def _days(times: tuple[int, int], point: Point) -> int:
    start, end = times
    return start // HOURS if point is Point.START else _day_of_end(start, end)


@st.composite
def _intervals(draw: st.DrawFn) -> tuple[int, int]:
    start = draw(st.integers(0, DAYS * HOURS - 1))
    return (start, draw(st.integers(start + 1, DAYS * HOURS)))


@st.composite
def documents(draw: st.DrawFn) -> Hidden:
    """
    A TimeML document whose DCT, calendar timexes (days, a week, a month, a year) and
    events have hidden times (events: hours on a few days), and whose TLINKs each
    name a relation type true of those times.
    """
    dct = draw(st.integers(0, DAYS - 1))
    timexes = draw(st.lists(st.sampled_from(SPANS), max_size=3))
    n_events = draw(st.integers(1, 5))
    times = {"t0": (dct * HOURS, (dct + 1) * HOURS)}
    body = []
    for i, (value, hidden) in enumerate(timexes, 1):
        times[f"t{i}"] = hidden
        body.append(f'<TIMEX3 tid="t{i}" type="DATE" value="{value}">span {i}</TIMEX3>')
    for i in range(1, n_events + 1):
        times[f"ei{i}"] = draw(_intervals())
        body.append(f'<EVENT eid="e{i}" class="OCCURRENCE">happened</EVENT>')
        body.append(f'<MAKEINSTANCE eiid="ei{i}" eventID="e{i}"/>')
    ids = sorted(times)
    pairs = draw(
        st.lists(st.tuples(st.sampled_from(ids), st.sampled_from(ids)), max_size=12)
    )
    for n, (a, b) in enumerate(pairs, 1):
        if a == b:
            continue
        true = [rel for rel, means in MEANING.items() if means(times[a], times[b])]
        rel = draw(st.sampled_from(true))
        kind_a = "timeID" if a.startswith("t") else "eventInstanceID"
        kind_b = "relatedToTime" if b.startswith("t") else "relatedToEventInstance"
        body.append(
            f'<TLINK lid="l{n}" relType="{rel}" {kind_a}="{a}" {kind_b}="{b}"/>'
        )
    dct_value = BASE.add(days=dct).isoformat()
    text = (
        f'<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="{dct_value}">'
        f"today</TIMEX3></DCT><TEXT>{''.join(body)}</TEXT></TimeML>"
    )
    return Hidden(text, times)


def _satisfied(link: Link, times: dict[str, tuple[int, int]]) -> bool:
    gap = _days(times[link.target], link.target_point) - _days(
        times[link.source], link.source_point
    )
    lo, hi = link.gap
    return (lo is None or lo <= gap) and (hi is None or gap <= hi)


@given(documents())
def test_hidden_times_satisfy_every_link(doc: Hidden):
    """Every link read from a TLINK holds of the days of the times that make it true."""
    parts = parts_from_timeml(doc.text)

    for link in parts.links:
        assert _satisfied(link, doc.times), link
    for event in parts.events:
        start, end = doc.times[event.id]
        if not event.when.is_unknown:
            assert event.when.contains(BASE.add(days=start // HOURS))
            assert event.when.is_exact
            last = event.when if event.ends is None else event.ends  # None: a point
            assert last.contains(BASE.add(days=_day_of_end(start, end)))


@given(documents())
def test_true_annotations_never_conflict(doc: Hidden):
    """A document whose TLINKs are true of hidden times builds, and allows those times."""
    t = from_timeml(doc.text)

    for event in t.events:
        start, end = doc.times[event.id]
        assert t.bounds(event.id).contains(BASE.add(days=start // HOURS))
        assert t.end_bounds(event.id).contains(BASE.add(days=_day_of_end(start, end)))
