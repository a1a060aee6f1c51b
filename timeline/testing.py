"""
Hypothesis strategies and assertions for testing code that works with timelines.

The strategies follow Hypothesis' own conventions: plural nouns, keyword-only
options, strategies rather than values for the parts a test may want to control,
and `hypothesis.errors.InvalidArgument` for impossible arguments. Everything they
generate shrinks towards simple values: single days near 2000-01-01, few events,
few links.

>>> from hypothesis import given
>>> import timeline.testing as tt
>>> @given(tt.whens(bounded=True))
... def test_a_date_contains_itself(w):
...     assert w.contains(w)
>>> test_a_date_contains_itself()

`st.from_type(When)`, `st.from_type(Event)`, `st.from_type(Link)` and
`st.from_type(Timeline)` use these strategies too, without importing this module:
the package registers them through Hypothesis' entry point.

This module needs Hypothesis: ``pip install 'timeline-tracker[testing]'``.
"""

from __future__ import annotations

import datetime
import itertools
import warnings
from collections.abc import Collection, Iterable, Sequence
from typing import TYPE_CHECKING, Final, Literal, NamedTuple, TypeAlias, overload

import attrs
import pendulum

try:
    from hypothesis import strategies as st
    from hypothesis.errors import InvalidArgument
except ImportError as exc:  # pragma: no cover - exercised in a subprocess
    msg = (
        "timeline.testing needs Hypothesis; install it with "
        "pip install 'timeline-tracker[testing]'"
    )
    raise ImportError(msg, name=__name__) from exc

from .event import Event, Source
from .link import Link, Point, Relation
from .when import Granularity, When, _granularity, to_date

if TYPE_CHECKING:
    from .timeline import Timeline

__all__ = [
    "assert_chronological",
    "assert_consistent",
    "assert_precedes",
    "assert_same_chronology",
    "batches",
    "dates",
    "events",
    "links",
    "timelines",
    "whens",
]

DateLike: TypeAlias = datetime.date | str

_MIN_ORD: Final = datetime.date.min.toordinal()
_MAX_ORD: Final = datetime.date.max.toordinal()
# How far past the true gap a generated `max_days` may reach.
_SLACK: Final = 30
_BOOLEANS: Final = st.booleans()


# -- arguments ---------------------------------------------------------------------


def _date_arg(name: str, value: object) -> pendulum.Date | None:
    if value is None:
        return None
    if not isinstance(value, datetime.date | str):
        msg = f"{name}={value!r} must be a date, an ISO date string or None"
        raise InvalidArgument(msg)
    try:
        return to_date(value, name)
    except ValueError:
        msg = f"{name}={value!r} is not an ISO date such as '2025-02-10'"
        raise InvalidArgument(msg) from None


def _window(
    min_name: str, min_value: object, max_name: str, max_value: object
) -> tuple[int, int]:
    """The window of days as ordinals, checked."""
    lo = _date_arg(min_name, min_value)
    hi = _date_arg(max_name, max_value)
    lo_ord = _MIN_ORD if lo is None else lo.toordinal()
    hi_ord = _MAX_ORD if hi is None else hi.toordinal()
    if lo_ord > hi_ord:
        msg = f"{min_name}={min_value!r} is after {max_name}={max_value!r}"
        raise InvalidArgument(msg)
    return lo_ord, hi_ord


def _flag_arg(name: str, value: object) -> bool | None:
    if value is not None and not isinstance(value, bool):
        msg = f"{name}={value!r} must be True, False or None (either)"
        raise InvalidArgument(msg)
    return value


def _strategy_arg(name: str, value: object) -> None:
    if value is not None and not isinstance(value, st.SearchStrategy):
        msg = (
            f"{name}={value!r} must be a strategy; "
            f"wrap a fixed value in hypothesis.strategies.just()"
        )
        raise InvalidArgument(msg)


def _relations_arg(relations: Iterable[Relation] | None) -> tuple[Relation, ...]:
    if relations is None:
        return tuple(Relation)
    if isinstance(relations, str | Relation) or not isinstance(relations, Iterable):
        msg = f"relations={relations!r} must be a collection of Relation members"
        raise InvalidArgument(msg)
    chosen = set(relations)
    for r in chosen:
        if not isinstance(r, Relation):
            msg = f"relations={relations!r} holds {r!r}, which is not a Relation"
            raise InvalidArgument(msg)
    if not chosen:
        msg = f"relations={relations!r} is empty: no link could be generated"
        raise InvalidArgument(msg)
    return tuple(r for r in Relation if r in chosen)


# -- dates -------------------------------------------------------------------------


def dates(
    min_value: DateLike | None = None, max_value: DateLike | None = None
) -> st.SearchStrategy[pendulum.Date]:
    """
    Calendar days as `pendulum.Date`, from `min_value` to `max_value` inclusive.

    Shrinks towards 2000-01-01 (or the bound nearest it).

    >>> from hypothesis import find
    >>> find(dates(min_value="2025-01-01"), lambda d: True)
    Date(2025, 1, 1)

    Raises:
        InvalidArgument: a bound is not a date, or `min_value` is after `max_value`.
    """
    lo, hi = _window("min_value", min_value, "max_value", max_value)
    return _days(lo, hi)


def _days(lo_ord: int, hi_ord: int) -> st.SearchStrategy[pendulum.Date]:
    lo, hi = datetime.date.fromordinal(lo_ord), datetime.date.fromordinal(hi_ord)
    return st.dates(lo, hi).map(_pendulum)


def _pendulum(d: datetime.date) -> pendulum.Date:
    return pendulum.Date(d.year, d.month, d.day)


def _date(n: int) -> pendulum.Date:
    return _pendulum(datetime.date.fromordinal(n))


# -- calendar units, as ordinals -----------------------------------------------------

_MONTHS_PER_UNIT: Final = {
    Granularity.MONTH: 1,
    Granularity.QUARTER: 3,
    Granularity.HALF: 6,
    Granularity.YEAR: 12,
}
_YEARS_PER_UNIT: Final = {Granularity.DECADE: 10, Granularity.CENTURY: 100}


def _unit_index(g: Granularity, n: int) -> int:
    """The index of the unit of granularity `g` that holds day ordinal `n`."""
    if g is Granularity.DAY:
        return n
    if g is Granularity.WEEK:
        return (n - 1) // 7  # 0001-01-01 is a Monday
    d = datetime.date.fromordinal(n)
    if g in _YEARS_PER_UNIT:
        return d.year // _YEARS_PER_UNIT[g]
    return ((d.year - 1) * 12 + d.month - 1) // _MONTHS_PER_UNIT[g]


def _unit_span(g: Granularity, i: int) -> tuple[int, int]:
    """The first and last day ordinals of unit `i`; they may lie outside 1..9999."""
    if g is Granularity.DAY:
        return i, i
    if g is Granularity.WEEK:
        return 7 * i + 1, 7 * i + 7
    if g in _YEARS_PER_UNIT:
        size = _YEARS_PER_UNIT[g]
        return _year_ordinal(i * size), _year_ordinal((i + 1) * size) - 1
    size = _MONTHS_PER_UNIT[g]
    return _month_ordinal(i * size), _month_ordinal((i + 1) * size) - 1


def _year_ordinal(year: int) -> int:
    """The ordinal of January 1 of `year`, or just outside the calendar."""
    if year < 1:
        return _MIN_ORD - 1
    if year > 9999:
        return _MAX_ORD + 1
    return datetime.date(year, 1, 1).toordinal()


def _month_ordinal(months: int) -> int:
    """The ordinal of the first day of the month `months` after 0001-01."""
    year, month = divmod(months, 12)
    if year + 1 > 9999:
        return _MAX_ORD + 1
    return datetime.date(year + 1, month + 1, 1).toordinal()


def _unit_range(g: Granularity, lo: int, hi: int) -> tuple[int, int] | None:
    """The indexes of the first and last units of `g` wholly inside [lo, hi]."""
    first, last = _unit_index(g, lo), _unit_index(g, hi)
    if _unit_span(g, first)[0] < lo:
        first += 1
    if _unit_span(g, last)[1] > hi:
        last -= 1
    return (first, last) if first <= last else None


def _unit_holding(g: Granularity, n: int, lo: int, hi: int) -> tuple[int, int] | None:
    """The unit of `g` holding day `n`, if it lies wholly inside [lo, hi]."""
    a, b = _unit_span(g, _unit_index(g, n))
    return (a, b) if lo <= a and b <= hi else None


# -- whens ---------------------------------------------------------------------------

_Kind: TypeAlias = Granularity | Literal["range", "half-open", "unknown"]


def whens(
    *,
    granularities: Collection[Granularity | None] | None = None,
    bounded: bool | None = None,
    min_date: DateLike | None = None,
    max_date: DateLike | None = None,
    approximate: bool | None = None,
    uncertain: bool | None = None,
) -> st.SearchStrategy[When]:
    """
    Every kind of `When`: days, ISO weeks, months, quarters, halves, years, decades,
    centuries, ranges that are no calendar unit, half-open dates and unknown dates.

    Shrinks towards a single exact day near 2000-01-01.

    Args:
        granularities: only dates whose `When.granularity` is one of these; ``None``
            in the collection stands for ranges, half-open and unknown dates.
            Default: all of them.
        bounded: True for dates bounded on both sides only, False for half-open
            and unknown dates only, None (the default) for both.
        min_date, max_date: every bounded side lies within these days.
        approximate, uncertain: True to always set the EDTF flag, False never,
            None (the default) either way. Unknown dates never carry a flag.

    >>> from hypothesis import find
    >>> find(whens(), lambda w: True)
    When.day(2000, 1, 1)
    >>> find(whens(granularities=[Granularity.MONTH], min_date="2025-02-10"), lambda w: True)
    When.month(2025, 3)

    Raises:
        InvalidArgument: a bad argument, or arguments that no `When` satisfies.
    """
    lo, hi = _window("min_date", min_date, "max_date", max_date)
    _flag_arg("bounded", bounded)
    _flag_arg("approximate", approximate)
    _flag_arg("uncertain", uncertain)
    if granularities is None:
        wanted: set[Granularity | None] = {*Granularity, None}
    else:
        if isinstance(granularities, str | Granularity) or not isinstance(
            granularities, Collection
        ):
            msg = f"granularities={granularities!r} must be a collection of Granularity members or None"
            raise InvalidArgument(msg)
        wanted = set(granularities)
        for g in wanted:
            if g is not None and not isinstance(g, Granularity):
                msg = f"granularities={granularities!r} holds {g!r}, which is not a Granularity or None"
                raise InvalidArgument(msg)

    units = {g: r for g in Granularity if (r := _unit_range(g, lo, hi)) is not None}
    kinds: list[_Kind] = []
    if bounded is not False:
        kinds += [g for g in Granularity if g in wanted and g in units]
        if None in wanted and hi - lo >= 1:
            kinds.append("range")
    if None in wanted and bounded is not True:
        kinds.append("half-open")
        if not approximate and not uncertain:
            kinds.append("unknown")
    if not kinds:
        msg = (
            f"no When has granularities={granularities!r}, bounded={bounded!r}, "
            f"approximate={approximate!r}, uncertain={uncertain!r} and lies "
            f"within min_date={min_date!r}, max_date={max_date!r}"
        )
        raise InvalidArgument(msg)
    base_kinds: list[_Kind] = [*units]
    if hi > lo:
        base_kinds.append("range")
    return _whens(
        st.sampled_from(kinds),
        st.sampled_from(base_kinds),
        _days(lo, hi),
        units,
        (lo, hi),
        (approximate, uncertain),
    )


@st.composite
def _whens(
    draw: st.DrawFn,
    kind_s: st.SearchStrategy[_Kind],
    base_s: st.SearchStrategy[_Kind],
    day_s: st.SearchStrategy[pendulum.Date],
    units: dict[Granularity, tuple[int, int]],
    window: tuple[int, int],
    flags: tuple[bool | None, bool | None],
) -> When:
    # Every kind draws its kind, a day and the flags first, so that shrinking, which
    # prefers fewer choices, reaches a single exact day rather than an unknown date.
    lo, hi = window
    kind = draw(kind_s)
    centre = draw(day_s).toordinal()
    approximate, uncertain = flags
    is_approximate = draw(_BOOLEANS) if approximate is None else approximate
    is_uncertain = draw(_BOOLEANS) if uncertain is None else uncertain
    if kind == "unknown":
        return When.unknown()
    if kind == "half-open":
        # One side of a calendar unit or of a range, so EDTF such as '../2025-01' occurs.
        a, b = _draw_span(draw, draw(base_s), centre, units, lo, hi)
        start, end = (None, _date(b)) if draw(_BOOLEANS) else (_date(a), None)
    else:
        a, b = _draw_span(draw, kind, centre, units, lo, hi)
        start, end = _date(a), _date(b)
    return When(start, end, approximate=is_approximate, uncertain=is_uncertain)


def _draw_span(
    draw: st.DrawFn,
    kind: _Kind,
    centre: int,
    units: dict[Granularity, tuple[int, int]],
    lo: int,
    hi: int,
) -> tuple[int, int]:
    """The first and last day ordinals of a bounded span of `kind` inside [lo, hi]."""
    if isinstance(kind, Granularity):
        first, last = units[kind]
        i = min(max(_unit_index(kind, centre), first), last)
        return _unit_span(kind, i)
    # A range that is no calendar unit: from the centre, at least two days long.
    a = min(centre, hi - 1)
    b = a + draw(st.integers(1, hi - a))
    if _granularity(_date(a), _date(b)) is not None:
        # One day more (or less) is never a calendar unit.
        if b < hi:
            b += 1
        elif a > lo:
            a -= 1
    return a, b


# -- events and links --------------------------------------------------------------

_NAMES: Final = st.text(min_size=1).filter(str.strip)
_OPTIONAL_TEXT: Final = st.none() | st.text()
_SOURCES: Final = st.lists(
    st.builds(
        Source,
        name=_NAMES,
        url=st.none() | st.just("https://example.org/report"),
        published=st.none() | dates(),
        quote=_OPTIONAL_TEXT,
    ),
    max_size=2,
).map(tuple)
_ACTORS: Final = st.lists(_NAMES, max_size=3)
_EVENT_KINDS: Final = st.none() | st.sampled_from(["summons", "protest", "statement"])
_TAGS: Final = st.frozensets(_NAMES, max_size=3)
# None (which shrinking prefers) or a number of days, in one choice.
_GAPS: Final = st.integers(0, 401).map(lambda v: None if v == 0 else v - 1)
_CONFIDENCES: Final = st.just(1.0) | st.floats(0.0, 1.0)


def events(
    *,
    ids: st.SearchStrategy[str] | None = None,
    whens: st.SearchStrategy[When] | None = None,
) -> st.SearchStrategy[Event]:
    """
    Valid `Event` records, every optional field included now and then.

    Args:
        ids: the ids to use (non-empty, not only whitespace); default any such text.
        whens: the dates of the events' starts and ends; default `whens()`.

    Shrinks towards an event with a one-character id and title, dated 2000-01-01,
    and no other fields.

    >>> from hypothesis import given, strategies as st
    >>> @given(events(ids=st.sampled_from(["crash", "protest"]), whens=whens(bounded=True)))
    ... def test_every_event_is_dated(event):
    ...     assert event.id in ("crash", "protest") and event.when.is_bounded
    >>> test_every_event_is_dated()

    Raises:
        InvalidArgument: `ids` or `whens` is not a strategy.
    """
    _strategy_arg("ids", ids)
    _strategy_arg("whens", whens)
    when_s = _default_whens() if whens is None else whens
    return _events(_NAMES if ids is None else ids, when_s, st.none() | when_s)


def _default_whens() -> st.SearchStrategy[When]:
    return whens()


@st.composite
def _events(
    draw: st.DrawFn,
    ids: st.SearchStrategy[str],
    when_s: st.SearchStrategy[When],
    ends_s: st.SearchStrategy[When | None],
) -> Event:
    when = draw(when_s)
    ends = draw(ends_s)
    if ends is not None and ends.before(when):
        ends = None  # an event cannot end before it starts
    return Event(
        id=draw(ids),
        title=draw(_NAMES),
        when=when,
        ends=ends,
        actors=draw(_ACTORS),
        location=draw(_OPTIONAL_TEXT),
        kind=draw(_EVENT_KINDS),
        sources=draw(_SOURCES),
        description=draw(_OPTIONAL_TEXT),
        tags=draw(_TAGS),
    )


def links(
    *,
    between: st.SearchStrategy[str] | Sequence[str] | None = None,
    relations: Iterable[Relation] | None = None,
) -> st.SearchStrategy[Link]:
    """
    Valid `Link` records between two different event ids.

    Args:
        between: the event ids to join, as a strategy or a sequence of at least two
            distinct ids; default any text. A strategy must be able to give two
            different ids: the target is drawn until it differs from the source.
        relations: the relations to use; default every `Relation`.

    Shrinks towards a CAUSED link with the default gap and full confidence.

    >>> from hypothesis import given
    >>> @given(links(between=["crash", "protest"], relations=[Relation.PROMPTED]))
    ... def test_a_response_comes_after(link):
    ...     low, high = link.gap
    ...     assert link.relation is Relation.PROMPTED and low is not None and low >= 0
    >>> test_a_response_comes_after()

    Raises:
        InvalidArgument: fewer than two distinct ids, or a bad `relations`.
    """
    chosen = _relations_arg(relations)
    if between is None:
        return _links(_NAMES, None, st.sampled_from(chosen))
    if isinstance(between, st.SearchStrategy):
        return _links(between, None, st.sampled_from(chosen))
    if isinstance(between, str) or not isinstance(between, Sequence):
        msg = f"between={between!r} must be a strategy or a sequence of event ids"
        raise InvalidArgument(msg)
    ids = tuple(dict.fromkeys(between))
    if len(ids) < 2 or not all(isinstance(i, str) and i.strip() for i in ids):
        msg = f"between={between!r} must hold at least two distinct, non-empty ids"
        raise InvalidArgument(msg)
    return _links(None, ids, st.sampled_from(chosen))


@st.composite
def _links(
    draw: st.DrawFn,
    id_s: st.SearchStrategy[str] | None,
    ids: tuple[str, ...] | None,
    relation_s: st.SearchStrategy[Relation],
) -> Link:
    if ids is not None:
        i = draw(st.integers(0, len(ids) - 1))
        j = draw(st.integers(0, len(ids) - 2))
        source, target = ids[i], ids[j if j < i else j + 1]
    else:
        assert id_s is not None
        source = draw(id_s)
        target = draw(id_s.filter(lambda x: x != source))
    relation = draw(relation_s)
    # Every relation draws both gap values and its points, so that shrinking
    # favours a CAUSED link between start days.
    low = draw(_GAPS)
    width = draw(_GAPS)
    points = draw(_POINT_PAIRS)
    min_days, max_days = _gap(relation, low, width)
    if relation not in _POINTED:
        points = (Point.START, Point.START)
    elif relation is Relation.BEFORE and points[0] is Point.END and low == 0:
        min_days = 0  # "on or before": the end of one, the start of the other
        max_days = None if width is None else width
    return _link(draw, source, target, relation, min_days, max_days, points)


def _gap(
    relation: Relation, low: int | None, width: int | None
) -> tuple[int | None, int | None]:
    """A valid (min_days, max_days) for `relation` from two drawn numbers."""
    if relation is Relation.PART_OF:
        return None, None
    if relation is Relation.SAME_DAY:
        return (None if low is None else 0), (None if width is None else 0)
    floor = 1 if relation is Relation.BEFORE else 0
    min_days = None if low is None else floor + low
    max_days = None if width is None else (min_days or floor) + width
    return min_days, max_days


def _link(
    draw: st.DrawFn,
    source: str,
    target: str,
    relation: Relation,
    min_days: int | None,
    max_days: int | None,
    points: tuple[Point, Point] = (Point.START, Point.START),
) -> Link:
    return Link(
        source,
        target,
        relation,
        min_days=min_days,
        max_days=max_days,
        confidence=draw(_CONFIDENCES),
        note=draw(_OPTIONAL_TEXT),
        sources=draw(_SOURCES),
        source_point=points[0],
        target_point=points[1],
    )


_POINTED: Final = (Relation.BEFORE, Relation.SAME_DAY)  # may join end days
_POINT_PAIRS: Final = st.sampled_from(
    [
        (Point.START, Point.START),
        (Point.END, Point.START),
        (Point.START, Point.END),
        (Point.END, Point.END),
    ]
)


# -- timelines ------------------------------------------------------------------------

Batch: TypeAlias = tuple[tuple[Event, ...], tuple[Link, ...]]


@overload
def timelines(
    *,
    min_events: int = 0,
    max_events: int | None = None,
    consistent: Literal[True] = True,
    undated_fraction: float = 0.2,
    relations: Iterable[Relation] | None = None,
    min_date: DateLike | None = None,
    max_date: DateLike | None = None,
) -> st.SearchStrategy[Timeline]: ...


@overload
def timelines(
    *,
    min_events: int = 0,
    max_events: int | None = None,
    consistent: Literal[False],
    undated_fraction: float = 0.2,
    relations: Iterable[Relation] | None = None,
    min_date: DateLike | None = None,
    max_date: DateLike | None = None,
) -> st.SearchStrategy[Batch]: ...


def timelines(
    *,
    min_events: int = 0,
    max_events: int | None = None,
    consistent: bool = True,
    undated_fraction: float = 0.2,
    relations: Iterable[Relation] | None = None,
    min_date: DateLike | None = None,
    max_date: DateLike | None = None,
) -> st.SearchStrategy[Timeline] | st.SearchStrategy[Batch]:
    """
    Timelines that are consistent by construction, or batches that may conflict.

    With ``consistent=True`` (the default) each event gets a hidden true day; the
    events, in order of those days, are the topological order of a random graph of
    links; each date is drawn around its event's true day and each link's gap holds
    for the true days. Causal links only run forward in that order, so they never
    form a cycle, and no example is ever rejected. A failing test shrinks towards
    few events on 2000-01-01 with exact dates and few links.

    Events may last (a dated end, or ``ends=When.unknown()``), and BEFORE and
    SAME_DAY links may join end days or say "on or before" (``min_days=0``);
    several links may join one pair.

    ``consistent=False`` is deprecated: it gives what `batches` gives (a different
    type, so it has its own name now) and warns with a DeprecationWarning.

    Args:
        min_events, max_events: how many events (default: up to ``min_events + 8``).
        consistent: see above.
        undated_fraction: the share of events, on average, whose own date is
            unknown (they are placed by their links alone).
        relations: the relations links may have; default every `Relation`.
        min_date, max_date: the true days lie within these; so do the bounded
            sides of the dates.

    >>> from hypothesis import given
    >>> @given(timelines(max_events=4))
    ... def test_chronology_lists_every_event(t):
    ...     assert sorted(e.id for e in t.chronology()) == sorted(e.id for e in t.events)
    >>> test_chronology_lists_every_event()

    Raises:
        InvalidArgument: a bad count, fraction, relation or window.
    """
    top = _top(min_events, max_events)
    if not isinstance(consistent, bool):
        msg = f"consistent={consistent!r} must be True or False"
        raise InvalidArgument(msg)
    if not consistent:
        warnings.warn(
            "timelines(consistent=False) is deprecated: use timeline.testing.batches()",
            DeprecationWarning,
            stacklevel=2,
        )
    shape = _shape(min_events, top, undated_fraction, relations, min_date, max_date)
    if consistent:
        return _consistent_timelines(shape)
    return _batches(shape)


def batches(
    *,
    min_events: int = 0,
    max_events: int | None = None,
    undated_fraction: float = 0.2,
    relations: Iterable[Relation] | None = None,
    min_date: DateLike | None = None,
    max_date: DateLike | None = None,
) -> st.SearchStrategy[Batch]:
    """
    ``(events, links)`` batches that often conflict: dates close together, links in
    any direction, on start or end days, with any gaps.

    For testing code that handles `ChronologyConflict`, `CausalCycleError` or
    `Timeline.diagnose`. The arguments mean what they mean for `timelines`.

    >>> from hypothesis import given
    >>> from timeline import Timeline
    >>> @given(batches(max_events=4))
    ... def test_diagnose_never_raises(batch):
    ...     events, links = batch
    ...     assert isinstance(Timeline.diagnose(events, links), list)
    >>> test_diagnose_never_raises()

    Raises:
        InvalidArgument: a bad count, fraction, relation or window.
    """
    top = _top(min_events, max_events)
    return _batches(
        _shape(min_events, top, undated_fraction, relations, min_date, max_date)
    )


def _top(min_events: int, max_events: int | None) -> int:
    """The most events to draw, once both counts are checked."""
    for name, value in (("min_events", min_events), ("max_events", max_events)):
        if (value is not None or name == "min_events") and (
            isinstance(value, bool) or not isinstance(value, int) or value < 0
        ):
            msg = f"{name}={value!r} must be a whole number of events, 0 or more"
            raise InvalidArgument(msg)
    top = min_events + 8 if max_events is None else max_events
    if top < min_events:
        msg = f"max_events={max_events!r} is below min_events={min_events!r}"
        raise InvalidArgument(msg)
    return top


def _shape(
    min_events: int,
    top: int,
    undated_fraction: float,
    relations: Iterable[Relation] | None,
    min_date: DateLike | None,
    max_date: DateLike | None,
) -> _Shape:
    if isinstance(undated_fraction, bool) or not (
        isinstance(undated_fraction, int | float) and 0 <= undated_fraction <= 1
    ):
        msg = f"undated_fraction={undated_fraction!r} must be a number from 0 to 1"
        raise InvalidArgument(msg)
    chosen = _relations_arg(relations)
    lo, hi = _window("min_date", min_date, "max_date", max_date)
    fraction = float(undated_fraction)
    drafts = st.lists(
        st.builds(
            _Draft,
            id=_NAMES,
            title=_NAMES,
            step=_STEPS,
            undated=_PER_MILLE.map(lambda x: x >= 1000 * (1 - fraction)),
            start=_AROUNDS,
            ending=st.none() | st.tuples(_STEPS, _AROUNDS | st.just(_OPEN_END)),
            causes=st.lists(st.tuples(_BACK, _PICK, _GAPS, _GAPS), max_size=3),
        ),
        min_size=min_events,
        max_size=top,
        unique_by=lambda d: d.id,
    )
    return _Shape(drafts, _days(lo, hi), chosen, lo, hi)


class _Around(NamedTuple):
    """How to draw a date around a day: its kind, flags and reach."""

    kind: Granularity | str
    approximate: bool
    uncertain: bool
    before: int
    after: int
    open_before: bool


class _Draft(NamedTuple):
    """One event of a timeline, before its true day is known."""

    id: str
    title: str
    step: int  # days after the previous event's true day
    undated: bool
    start: _Around
    ending: tuple[int, _Around] | None  # days from start to end, and the end's date
    # Links from earlier events: how many events back, which relation, the gap.
    causes: list[tuple[int, int, int | None, int | None]]


@attrs.frozen
class _Shape:
    """The strategies `timelines()` draws from, made once from its arguments."""

    drafts: st.SearchStrategy[list[_Draft]]
    days: st.SearchStrategy[pendulum.Date]
    relations: tuple[Relation, ...]
    lo: int
    hi: int


_PER_MILLE: Final = st.integers(0, 999)
_NEAR: Final = st.integers(0, 60)
# Steps between consecutive true days: often none (so SAME_DAY links fit), often a
# few days, sometimes years.
_STEPS: Final = st.one_of(st.just(0), st.integers(0, 10), st.integers(0, 3650))
_PICK: Final = st.integers(0, 63)
_BACK: Final = st.integers(1, 8)
_AROUND_KINDS: Final[st.SearchStrategy[Granularity | str]] = st.sampled_from(
    [
        Granularity.DAY,
        Granularity.WEEK,
        Granularity.MONTH,
        Granularity.QUARTER,
        Granularity.YEAR,
        Granularity.DECADE,
        "range",
        "half-open",
    ]
)
_FLAGS: Final = st.integers(0, 3)  # approximate, uncertain: one bit each


@st.composite
def _arounds(draw: st.DrawFn) -> _Around:
    # Only ranges draw their reach: simpler kinds take fewer choices, which
    # shrinking prefers.
    kind = draw(_AROUND_KINDS)
    flags = draw(_FLAGS)
    before = after = 0
    open_before = False
    if kind in ("range", "half-open"):
        before, after = draw(_NEAR), draw(_NEAR)
        open_before = kind == "half-open" and draw(_BOOLEANS)
    return _Around(kind, bool(flags & 1), bool(flags & 2), before, after, open_before)


_AROUNDS: Final = _arounds()


# The end of an event that lasts for an unknown time.
_OPEN_END: Final = _Around("unknown", False, False, 0, 0, False)


def _place(around: _Around, day: int, lo: int, hi: int) -> When:
    """A date that allows `day`, lying within [lo, hi] where it is bounded."""
    kind = around.kind
    if kind == "unknown":
        return When.unknown()
    a, b = day, day
    if isinstance(kind, Granularity):
        a, b = _unit_holding(kind, day, lo, hi) or (day, day)
    elif kind in ("range", "half-open"):
        a, b = max(lo, day - around.before), min(hi, day + around.after)
    start: pendulum.Date | None = _date(a)
    end: pendulum.Date | None = _date(b)
    if kind == "half-open":
        start, end = (None, end) if around.open_before else (start, None)
    return When(start, end, approximate=around.approximate, uncertain=around.uncertain)


def _fits(relation: Relation, gap: int, part_ends_by: bool) -> bool:
    """Whether a link of `relation` from an earlier event to a later one can hold.

    `gap` >= 0 is the days between their true days; `part_ends_by` says whether the
    later event ends by the end of the earlier one (as a part of a whole must).
    """
    if relation is Relation.BEFORE:
        return gap >= 0  # "on or before" when 0
    if relation is Relation.SAME_DAY:
        return gap == 0
    if relation is Relation.PART_OF:
        return part_ends_by
    return True


def _events_on(
    drafts: Sequence[_Draft], days: Sequence[int], lo: int, hi: int
) -> list[Event]:
    """The events of `drafts`, each dated around its true day."""
    events = []
    for draft, day in zip(drafts, days, strict=True):
        when = When.unknown() if draft.undated else _place(draft.start, day, lo, hi)
        ends = None
        if draft.ending is not None:
            step, around = draft.ending
            ends = _place(around, min(hi, day + step), lo, hi)
        events.append(Event(id=draft.id, title=draft.title, when=when, ends=ends))
    return events


# Each event is one element of a list, holding its links from earlier events, so
# that shrinking can delete an event, or one of its links, whole.


@st.composite
def _consistent_timelines(draw: st.DrawFn, shape: _Shape) -> Timeline:
    from .timeline import Timeline

    drafts = draw(shape.drafts)
    n = len(drafts)
    # The hidden true days, in the order of the graph of links.
    days: list[int] = []
    if n:
        days.append(draw(shape.days).toordinal())
        for draft in drafts[1:]:
            days.append(min(shape.hi, days[-1] + draft.step))
    events = _events_on(drafts, days, shape.lo, shape.hi)
    # The true end days (an event without `ends` ends the day it starts).
    last_days = [
        day if draft.ending is None else min(shape.hi, day + draft.ending[0])
        for draft, day in zip(drafts, days, strict=True)
    ]
    links: dict[Link, None] = {}
    for j, draft in enumerate(drafts):
        for back, pick, low, high in draft.causes:
            # Links join an earlier event i and this one, and their gaps hold for
            # the true days; a PART_OF link runs back from the part (j) to the whole
            # (i) it lies within (a whole without `ends` bounds no end). BEFORE and
            # SAME_DAY links may join end days: `pick` chooses which.
            if j == 0:
                break
            i = j - 1 - (back - 1) % j  # one of the earlier events; 1 back shrinks best
            ends_at = (pick // 16) % 4
            sp = Point.END if ends_at & 1 else Point.START
            tp = Point.END if ends_at & 2 else Point.START
            day_i = last_days[i] if sp is Point.END else days[i]
            day_j = last_days[j] if tp is Point.END else days[j]
            within = events[i].ends is None or last_days[j] <= last_days[i]
            fitting = [
                r
                for r in shape.relations
                if _fits(
                    r,
                    abs(day_j - day_i) if r in _POINTED else days[j] - days[i],
                    within,
                )
            ]
            if not fitting:
                continue
            relation = fitting[pick % len(fitting)]
            if relation not in _POINTED:
                link = _forward_link(
                    events[i].id, events[j].id, relation, days[j] - days[i], low, high
                )
            elif day_j >= day_i:
                link = _forward_link(
                    events[i].id,
                    events[j].id,
                    relation,
                    day_j - day_i,
                    low,
                    high,
                    (sp, tp),
                )
            else:  # the chosen point of i comes later: the link runs the other way
                link = _forward_link(
                    events[j].id,
                    events[i].id,
                    relation,
                    day_i - day_j,
                    low,
                    high,
                    (tp, sp),
                )
            links[link] = None
    return Timeline(events, links)


def _forward_link(
    source: str,
    target: str,
    relation: Relation,
    gap: int,
    low: int | None,
    high: int | None,
    points: tuple[Point, Point] = (Point.START, Point.START),
) -> Link:
    """A link from `source` to `target` whose gap allows `gap` days (>= 0)."""
    if relation is Relation.PART_OF:
        return Link(target, source, relation)
    sp, tp = points
    if relation is Relation.BEFORE and gap == 0:
        max_days = None if high is None else high % (_SLACK + 1)
        return Link(
            source,
            target,
            relation,
            min_days=0,
            max_days=max_days,
            source_point=sp,
            target_point=tp,
        )
    floor = 1 if relation is Relation.BEFORE else 0
    min_days = None if low is None else floor + low % (gap - floor + 1)
    max_days = None if high is None else gap + high % (_SLACK + 1)
    if relation is Relation.SAME_DAY:
        min_days = None if low is None else 0
        max_days = None if high is None else 0
    return Link(
        source,
        target,
        relation,
        min_days=min_days,
        max_days=max_days,
        source_point=sp,
        target_point=tp,
    )


@st.composite
def _batches(draw: st.DrawFn, shape: _Shape) -> Batch:
    drafts = draw(shape.drafts)
    # Days within a few weeks of each other, so that links often contradict them.
    start = draw(shape.days).toordinal()
    days = [min(shape.hi, start + d.step % 31) for d in drafts]
    events = _events_on(drafts, days, shape.lo, shape.hi)
    links: dict[Link, None] = {}
    for j, draft in enumerate(drafts):
        for back, pick, low, high in draft.causes:
            if j == 0:
                break
            i = j - 1 - (back - 1) % j
            # Either direction, any relation, any gap: conflicts and cycles occur.
            relation = shape.relations[pick % len(shape.relations)]
            source, target = (i, j) if pick < 32 else (j, i)
            min_days, max_days = _gap(
                relation,
                None if low is None else low % 31,
                None if high is None else high % 31,
            )
            ends_at = (pick // 8) % 4 if relation in _POINTED else 0
            link = Link(
                events[source].id,
                events[target].id,
                relation,
                min_days=min_days,
                max_days=max_days,
                source_point=Point.END if ends_at & 1 else Point.START,
                target_point=Point.END if ends_at & 2 else Point.START,
            )
            links.setdefault(link, None)
    return tuple(events), tuple(links)


# -- assertions ----------------------------------------------------------------------

_MAX_PROBLEMS: Final = 10


def _describe(event: Event) -> str:
    return f"{event.id!r} ({event.title!r}, dated {event.when})"


def _fail(summary: str, problems: Sequence[str]) -> AssertionError:
    shown = [f"  - {p}" for p in problems[:_MAX_PROBLEMS]]
    if len(problems) > _MAX_PROBLEMS:
        shown.append(f"  ... and {len(problems) - _MAX_PROBLEMS} more")
    return AssertionError("\n".join([summary, *shown]))


def assert_chronological(events: Iterable[Event]) -> None:
    """
    Check that no event is certainly after an event listed later.

    Events whose dates overlap may come in either order; only an order that the
    events' own dates rule out fails.

    >>> crash = Event(id="crash", title="Jet crashes", when="2024-12-25")
    >>> protest = Event(id="protest", title="Ambassador summoned", when="2025-01")
    >>> assert_chronological([crash, protest])
    >>> assert_chronological([protest, crash])
    Traceback (most recent call last):
    ...
    AssertionError: events out of order: 'protest' ('Ambassador summoned', dated 2025-01) at position 0 is certainly after 'crash' ('Jet crashes', dated 2024-12-25) at position 1

    Raises:
        AssertionError: naming the first such pair, their dates and positions.
    """
    latest: tuple[int, Event] | None = None  # the listed event that starts latest
    for position, event in enumerate(events):
        if latest is not None and latest[1].when.after(event.when):
            msg = (
                f"events out of order: {_describe(latest[1])} at position "
                f"{latest[0]} is certainly after {_describe(event)} at position "
                f"{position}"
            )
            raise AssertionError(msg)
        start = event.when.earliest
        if start is not None and (
            latest is None
            or latest[1].when.earliest is None
            or start > latest[1].when.earliest
        ):
            latest = (position, event)


def _id(event: Event | str) -> str:
    return event if isinstance(event, str) else event.id


def assert_precedes(
    t: Timeline, a: Event | str, b: Event | str, *, certainly: bool = False
) -> None:
    """
    Check that event `a` comes before event `b` in the timeline's chronology.

    With ``certainly=True``, also that the dates the timeline infers for them
    (`Timeline.bounds`) put every possible day of `a` before every possible day of `b`.

    Raises:
        AssertionError: naming both events, their positions and inferred dates.
    """
    order = [e.id for e in t.chronology()]
    a_id, b_id = _id(a), _id(b)
    for x in (a_id, b_id):
        if x not in order:
            msg = f"no event {x!r} in the timeline (it has {len(order)} events)"
            raise AssertionError(msg)
    i, j = order.index(a_id), order.index(b_id)
    a_event, b_event = t[a_id], t[b_id]
    a_when, b_when = t.bounds(a_id), t.bounds(b_id)
    where = (
        f"{_describe(a_event)}, inferred {a_when}, at position {i}; "
        f"{_describe(b_event)}, inferred {b_when}, at position {j}"
    )
    if i >= j:
        msg = f"{a_id!r} does not come before {b_id!r} in the chronology: {where}"
        raise AssertionError(msg)
    if certainly and not a_when.before(b_when):
        msg = f"{a_id!r} is not certainly before {b_id!r}: {where}"
        raise AssertionError(msg)


def assert_same_chronology(t1: Timeline, t2: Timeline) -> None:
    """
    Check that two timelines list the same events in the same order.

    Raises:
        AssertionError: naming the events only one timeline has, or the first
            position where the orders differ.
    """
    first = [e.id for e in t1.chronology()]
    second = [e.id for e in t2.chronology()]
    if first == second:
        return
    only_first = sorted(set(first) - set(second))
    only_second = sorted(set(second) - set(first))
    problems = []
    if only_first:
        problems.append(f"only in the first timeline: {only_first}")
    if only_second:
        problems.append(f"only in the second timeline: {only_second}")
    if not problems and first and second:
        pairs = enumerate(zip(first, second, strict=False))
        k = next((k for k, (x, y) in pairs if x != y), min(len(first), len(second)))
        problems.append(
            f"at position {k} the first has "
            f"{_describe(t1[first[k]]) if k < len(first) else 'nothing'}, the second "
            f"{_describe(t2[second[k]]) if k < len(second) else 'nothing'}"
        )
    problems.append(f"first:  {first}")
    problems.append(f"second: {second}")
    raise _fail("the chronologies differ:", problems)


def assert_consistent(t: Timeline) -> None:
    """
    Check a timeline's invariants independently of the checks it makes itself.

    - every link joins two events of the timeline, and causal links form no cycle;
    - the dates and link gaps can all hold at once (an independent solver, which
      reads only start days and gaps, finds days for every event);
    - every inferred date `t.bounds(id)` lies within the event's own date;
    - every link's gap can hold between the inferred dates of its two events;
    - `t.chronology()` lists every event once, each link's source before its
      target (for causal and BEFORE links), and an event whose inferred date is
      certainly before another's before that other.

    Raises:
        AssertionError: listing every broken invariant with the events involved.
    """
    events = list(t.events)
    links = list(t.links)
    by_id = {e.id: e for e in events}
    problems: list[str] = []
    if len(by_id) != len(events):
        problems.append("some event ids occur more than once")
    for link in links:
        for end in (link.source, link.target):
            if end not in by_id:
                problems.append(f"link {_link_text(link)} names no event {end!r}")
    if problems:
        raise _fail("the timeline is not consistent:", problems)

    cycle = _causal_cycle(links)
    if cycle:
        path = " -> ".join(_describe(by_id[i]) for i in (*cycle, cycle[0]))
        problems.append(f"causal links form a cycle: {path}")
    conflict = _stn_conflict(events, links)
    if conflict:
        problems.append(
            "no days satisfy these dates and links together: " + "; ".join(conflict)
        )

    bounds = {e.id: t.bounds(e.id) for e in events}
    for e in events:
        if not e.when.contains(bounds[e.id]):
            problems.append(
                f"inferred date {bounds[e.id]} of {_describe(e)} is not within its own date"
            )
    end_bounds = {e.id: t.end_bounds(e.id) for e in events}
    for e in events:
        if e.ends is not None and not e.ends.contains(end_bounds[e.id]):
            problems.append(
                f"inferred end {end_bounds[e.id]} of {_describe(e)} is not within its own end"
            )
    for link in links:
        low, high = link.gap
        s = (bounds if link.source_point is Point.START else end_bounds)[link.source]
        u = (bounds if link.target_point is Point.START else end_bounds)[link.target]
        # The gaps the inferred dates allow: target's days minus source's days.
        least = (
            None
            if u.earliest is None or s.latest is None
            else _days_between(s.latest, u.earliest)
        )
        most = (
            None
            if u.latest is None or s.earliest is None
            else _days_between(s.earliest, u.latest)
        )
        if (low is not None and most is not None and most < low) or (
            high is not None and least is not None and least > high
        ):
            problems.append(
                f"link {_link_text(link)} cannot hold between the inferred dates "
                f"{s} of {_describe(by_id[link.source])} and {u} of "
                f"{_describe(by_id[link.target])}"
            )

    order = [e.id for e in t.chronology()]
    if sorted(order) != sorted(by_id):
        problems.append(
            f"the chronology lists {order}, not each of the {len(by_id)} events once"
        )
    else:
        position = {event_id: k for k, event_id in enumerate(order)}
        for link in links:
            if _orders(link) and position[link.source] > position[link.target]:
                problems.append(
                    f"the chronology puts {_describe(by_id[link.target])} before "
                    f"{_describe(by_id[link.source])}, against the link {_link_text(link)}"
                )
        for x, y in itertools.combinations(order, 2):
            if bounds[y].before(bounds[x]):
                problems.append(
                    f"the chronology puts {_describe(by_id[x])} (inferred {bounds[x]}) "
                    f"before {_describe(by_id[y])} (inferred {bounds[y]}), which is "
                    f"certainly earlier"
                )
    if problems:
        raise _fail("the timeline is not consistent:", problems)


def _orders(link: Link) -> bool:
    """Whether the chronology must list a link's source first (see `Timeline.chronology`)."""
    if link.relation.is_causal:
        return True
    low = link.gap[0]
    return (
        link.relation is Relation.BEFORE
        and link.target_point is Point.START
        and low is not None
        and low >= 1
    )


def _days_between(a: pendulum.Date, b: pendulum.Date) -> int:
    return b.toordinal() - a.toordinal()


def _link_text(link: Link) -> str:
    low, high = link.gap
    gap = (
        f"gap {'-inf' if low is None else low}..{'inf' if high is None else high} days"
    )
    return f"{link.source!r} {link.relation.phrase} {link.target!r} ({gap})"


def _causal_cycle(links: Sequence[Link]) -> tuple[str, ...]:
    """The ids around one cycle of causal links, or () when there is none."""
    graph: dict[str, list[str]] = {}
    for link in links:
        if link.relation.is_causal:
            graph.setdefault(link.source, []).append(link.target)
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    for root in sorted(graph):
        if root in state:
            continue
        path: list[str] = [root]
        stack = [iter(graph.get(root, ()))]
        state[root] = 1
        while stack:
            nxt = next(stack[-1], None)
            if nxt is None:
                state[path.pop()] = 2
                stack.pop()
            elif state.get(nxt) == 1:
                return tuple(path[path.index(nxt) :])
            elif nxt not in state:
                state[nxt] = 1
                path.append(nxt)
                stack.append(iter(graph.get(nxt, ())))
    return ()


def _stn_conflict(events: Sequence[Event], links: Sequence[Link]) -> list[str]:
    """
    The constraints around a negative cycle of the day points' distance graph, or [].

    Each event has a start point and, when it has `ends`, an end point no earlier
    than its start (without `ends` the end is the start). Each constraint
    ``P(v) - P(u) <= w`` is an edge u -> v of weight w; the node ZERO stands for
    day 0. The constraints are the events' own dates (`when` for the start, `ends`
    for the end), the links' gaps between the points they name, and a PART_OF
    link's part ending by the end of a whole that has `ends`. They can all hold iff
    no cycle is negative (Bellman-Ford).
    """
    zero = ("", "zero")
    by_id = {e.id: e for e in events}

    def point(id: str, which: str) -> tuple[str, str]:
        lasts = by_id[id].ends is not None
        return (id, "end" if which == "end" and lasts else "start")

    edges: list[tuple[tuple[str, str], tuple[str, str], int, str]] = []
    nodes = [zero]
    for e in events:
        dates = [(point(e.id, "start"), e.when)]
        nodes.append(point(e.id, "start"))
        if e.ends is not None:
            dates.append((point(e.id, "end"), e.ends))
            nodes.append(point(e.id, "end"))
            why = f"{_describe(e)} ends no earlier than it starts"
            edges.append((point(e.id, "end"), point(e.id, "start"), 0, why))
        for node, when in dates:
            if when.earliest is not None:
                edges.append((node, zero, -when.earliest.toordinal(), _describe(e)))
            if when.latest is not None:
                edges.append((zero, node, when.latest.toordinal(), _describe(e)))
    for link in links:
        low, high = link.gap
        why = f"link {_link_text(link)}"
        u = point(link.source, link.source_point.value)
        v = point(link.target, link.target_point.value)
        if high is not None:
            edges.append((u, v, high, why))
        if low is not None:
            edges.append((v, u, -low, why))
        if link.relation is Relation.PART_OF and by_id[link.target].ends is not None:
            # A part ends by the end of its whole.
            whole_end = point(link.target, "end")
            edges.append((whole_end, point(link.source, "end"), 0, why))
    dist = dict.fromkeys(nodes, 0)
    pred: dict[tuple[str, str], tuple[tuple[str, str], str]] = {}
    changed: tuple[str, str] | None = None
    for _ in range(len(nodes)):
        changed = None
        for u, v, w, why in edges:
            if dist[u] + w < dist[v]:
                dist[v] = dist[u] + w
                pred[v] = (u, why)
                changed = v
        if changed is None:
            return []
    if changed is None:  # pragma: no cover - the loop has returned
        return []
    # Walk back far enough to be on the cycle, then collect it.
    node = changed
    for _ in range(len(nodes)):
        node = pred[node][0]
    reasons: list[str] = []
    current = node
    while True:
        current, why = pred[current]
        if why not in reasons:
            reasons.append(why)
        if current == node:
            break
    return reasons[::-1]


def _register() -> None:
    """Register the strategies with `st.from_type`, as the entry point also does."""
    from ._hypothesis_plugin import _hypothesis_setup_hook

    _hypothesis_setup_hook()


_register()
