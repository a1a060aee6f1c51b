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
from collections.abc import Collection, Iterable, Sequence
from typing import Final, Literal, TypeAlias

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
from .link import Link, Relation
from .when import Granularity, When, _granularity, to_date

__all__ = [
    "dates",
    "events",
    "links",
    "whens",
]

DateLike: TypeAlias = datetime.date | str

_MIN_ORD: Final = datetime.date.min.toordinal()
_MAX_ORD: Final = datetime.date.max.toordinal()
_CAUSAL: Final = (Relation.CAUSED, Relation.PROMPTED, Relation.ENABLED)
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
_GAPS: Final = st.none() | st.integers(0, 400)
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
            distinct ids; default any text.
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
    # Every relation draws both gap values, so that shrinking favours CAUSED.
    low = draw(_GAPS)
    width = draw(_GAPS)
    min_days, max_days = _gap(relation, low, width)
    return _link(draw, source, target, relation, min_days, max_days)


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
    )


def _register() -> None:
    """Register the strategies with `st.from_type`, as the entry point also does."""
    from ._hypothesis_plugin import _hypothesis_setup_hook

    _hypothesis_setup_hook()


_register()
