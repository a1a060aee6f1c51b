"""Fuzzing the public API with values of every type: only TimelineErrors, never a raw TypeError."""

from __future__ import annotations

import contextlib
import datetime
from collections.abc import Callable
from typing import Any

import pendulum
from hypothesis import given
from hypothesis import strategies as st

from timeline import Event, Granularity, Source, When, formats
from timeline.errors import TimelineError
from timeline.timeline import Timeline

# Values of many types, the right ones included, so both branches get exercised.
ANYTHING = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(1, 9999),
    st.floats(),
    st.text(max_size=10),
    st.binary(max_size=5),
    st.dates().map(lambda d: pendulum.Date(d.year, d.month, d.day)),
    st.datetimes(),
    st.lists(st.text(max_size=3), max_size=3),
    st.lists(st.integers(), max_size=2),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
    st.just(When.day(2025, 1, 28)),
    st.just(Source("Wire")),
    st.just(object()),
)

# Each constructor with the number of positional arguments it takes.
WHEN_CALLS: list[tuple[Callable[..., Any], int]] = [
    (When.day, 3),
    (When.month, 2),
    (When.year, 1),
    (When.week, 2),
    (When.quarter, 2),
    (When.half, 2),
    (When.decade, 1),
    (When.century, 1),
    (When.between, 2),
    (When, 2),
]
DAY = When.day(2025, 1, 28)
METHODS = ["before", "after", "may_precede", "overlaps", "contains", "intersection"]


def _only_timeline_errors(call: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
    with contextlib.suppress(TimelineError):
        call(*args, **kwargs)


@given(call=st.sampled_from(WHEN_CALLS), data=st.data())
def test_when_constructors(
    call: tuple[Callable[..., Any], int], data: st.DataObject
) -> None:
    """When's constructors take any arguments and raise only TimelineErrors."""
    build, arity = call
    args = data.draw(st.lists(ANYTHING, min_size=arity, max_size=arity))
    _only_timeline_errors(build, *args)


@given(
    approximate=ANYTHING, uncertain=ANYTHING, text=ANYTHING, year=st.integers(1, 9999)
)
def test_when_flags(approximate: Any, uncertain: Any, text: Any, year: int) -> None:
    """The keyword arguments of When are checked too."""
    _only_timeline_errors(
        When.year, year, approximate=approximate, uncertain=uncertain, text=text
    )


@given(method=st.sampled_from(METHODS), other=ANYTHING)
def test_when_comparisons(method: str, other: Any) -> None:
    """When's comparisons take any argument and raise only TimelineErrors."""
    _only_timeline_errors(getattr(DAY, method), other)


@given(
    shift=st.dictionaries(
        st.sampled_from(["days", "weeks", "months", "years"]), ANYTHING
    )
)
def test_when_shift(shift: dict[str, Any]) -> None:
    """When.shift takes any distances and raises only TimelineErrors."""
    _only_timeline_errors(DAY.shift, **shift)


@given(value=ANYTHING)
def test_granularity(value: Any) -> None:
    """Granularity(value) is a Granularity or a TimelineError."""
    _only_timeline_errors(Granularity, value)


@given(
    fields=st.dictionaries(
        st.sampled_from(
            ["id", "title", "when", "ends", "actors", "location", "kind", "sources",
             "description", "tags"]
        ),
        ANYTHING,
    )
)  # fmt: skip
def test_event(fields: dict[str, Any]) -> None:
    """Event takes any field values and raises only TimelineErrors."""
    _only_timeline_errors(Event, **{"id": "a", "title": "T", **fields})


@given(
    fields=st.dictionaries(
        st.sampled_from(["name", "url", "published", "quote"]), ANYTHING
    )
)
def test_source(fields: dict[str, Any]) -> None:
    """Source takes any field values and raises only TimelineErrors."""
    _only_timeline_errors(Source, **{"name": "Wire", **fields})


@given(
    name=st.sampled_from([*sorted(formats.EXPORTS), "to_csv", "to_markdown", "save"]),
    t=ANYTHING,
)
def test_writers(name: str, t: Any) -> None:
    """Every writer takes anything as its timeline and raises only TimelineErrors."""
    if name in formats.EXPORTS:
        _only_timeline_errors(formats.export, t, name)
    elif name == "save":
        _only_timeline_errors(formats.save, t, "/nonexistent-folder/t.json")
    else:
        _only_timeline_errors(getattr(formats, name), t)


@given(
    reader=st.sampled_from(["from_json", "from_yaml", "from_toml", "load", "read"]),
    value=ANYTHING,
    path=ANYTHING,
)
def test_readers(reader: str, value: Any, path: Any) -> None:
    """Every reader takes anything as text or path and raises only TimelineErrors or OSErrors."""
    try:
        if reader in ("load", "read"):
            getattr(formats, reader)(value)
        else:
            getattr(formats, reader)(value, path=path)
    except (TimelineError, OSError):
        pass


@given(name=ANYTHING)
def test_export_name(name: Any) -> None:
    """export() takes anything as a name and raises only TimelineErrors."""
    _only_timeline_errors(formats.export, Timeline(), name)


def test_real_dates_are_accepted() -> None:
    """The right types still work: a guard that the fuzzing above is not all refusals."""
    assert When.between(datetime.date(2025, 1, 1), None).earliest == pendulum.date(
        2025, 1, 1
    )
