"""Tests for arguments of the wrong type: a WrongTypeError naming the argument, never a raw error."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from timeline import (
    Event,
    Granularity,
    Source,
    TimelineError,
    ValidationError,
    When,
    WrongTypeError,
    formats,
)
from timeline.cli import main
from timeline.timeline import Timeline

DAY = When.day(2025, 1, 28)

# (call, the argument the error must name)
CASES: list[tuple[str, Callable[[], Any], str]] = [
    ("When.day year None", lambda: When.day(None, 1, 1), "year"),  # type: ignore[arg-type]
    ("When.day month str", lambda: When.day(2025, "1", 1), "month"),  # type: ignore[arg-type]
    ("When.day day float", lambda: When.day(2025, 1, 1.5), "day"),  # type: ignore[arg-type]
    ("When.day year bool", lambda: When.day(True, 1, 1), "year"),
    ("When.month", lambda: When.month(2025, None), "month"),  # type: ignore[arg-type]
    ("When.year", lambda: When.year("2025"), "year"),  # type: ignore[arg-type]
    ("When.week", lambda: When.week(2025, "5"), "week"),  # type: ignore[arg-type]
    ("When.quarter", lambda: When.quarter(2025, "1"), "quarter"),  # type: ignore[arg-type]
    ("When.half", lambda: When.half(None, 1), "year"),  # type: ignore[arg-type]
    ("When.decade", lambda: When.decade("1990"), "year"),  # type: ignore[arg-type]
    ("When.century", lambda: When.century(19.0), "year"),  # type: ignore[arg-type]
    ("When.between", lambda: When.between(3, None), "start"),  # type: ignore[arg-type]
    ("When.between end", lambda: When.between(None, [2025]), "end"),  # type: ignore[arg-type]
    (
        "When approximate",
        lambda: When.day(2025, 1, 1, approximate="yes"),
        "approximate",
    ),  # type: ignore[arg-type]
    ("When text", lambda: When.day(2025, 1, 1, text=3), "text"),  # type: ignore[arg-type]
    ("When earliest", lambda: When(3, None), "earliest"),  # type: ignore[arg-type]
    ("When.before", lambda: DAY.before("2025-01-29"), "other"),  # type: ignore[arg-type]
    ("When.after", lambda: DAY.after(None), "other"),  # type: ignore[arg-type]
    ("When.may_precede", lambda: DAY.may_precede(3), "other"),  # type: ignore[arg-type]
    ("When.overlaps", lambda: DAY.overlaps(3), "other"),  # type: ignore[arg-type]
    ("When.contains", lambda: DAY.contains(3), "other"),  # type: ignore[arg-type]
    ("When.intersection", lambda: DAY.intersection(None), "other"),  # type: ignore[arg-type]
    ("When.shift", lambda: DAY.shift(days="1"), "days"),  # type: ignore[arg-type]
    ("When.shift months", lambda: DAY.shift(months=1.5), "months"),  # type: ignore[arg-type]
    ("Granularity", lambda: Granularity(3), "granularity"),
    ("Event actors None", lambda: Event("a", "T", actors=None), "actors"),  # type: ignore[arg-type]
    ("Event actors int", lambda: Event("a", "T", actors=3), "actors"),  # type: ignore[arg-type]
    ("Event actor item", lambda: Event("a", "T", actors=[3]), "actors"),  # type: ignore[list-item]
    ("Event tags None", lambda: Event("a", "T", tags=None), "tags"),  # type: ignore[arg-type]
    ("Event sources None", lambda: Event("a", "T", sources=None), "sources"),  # type: ignore[arg-type]
    (
        "Event sources str",
        lambda: Event("a", "T", sources=[Source("x"), "y"]),
        "sources",
    ),  # type: ignore[list-item]
    ("Event id", lambda: Event(3, "T"), "id"),  # type: ignore[arg-type]
    ("Event title", lambda: Event("a", None), "title"),  # type: ignore[arg-type]
    ("Event when", lambda: Event("a", "T", when=3), "when"),  # type: ignore[arg-type]
    ("Event ends", lambda: Event("a", "T", ends=[]), "ends"),  # type: ignore[arg-type]
    ("Event location", lambda: Event("a", "T", location=3), "location"),  # type: ignore[arg-type]
    ("Source name", lambda: Source(3), "name"),  # type: ignore[arg-type]
    ("Source url", lambda: Source("x", url=3), "url"),  # type: ignore[arg-type]
    ("Source published", lambda: Source("x", published=3), "published"),  # type: ignore[arg-type]
    ("from_json", lambda: formats.from_json(3), "text"),  # type: ignore[arg-type]
    ("from_yaml", lambda: formats.from_yaml(None), "text"),  # type: ignore[arg-type]
    ("from_toml", lambda: formats.from_toml(["x"]), "text"),  # type: ignore[arg-type]
    ("from_json path", lambda: formats.from_json("{}", path=3), "path"),  # type: ignore[arg-type]
    ("load", lambda: formats.load(3), "path"),  # type: ignore[arg-type]
    ("read", lambda: formats.read(None), "path"),  # type: ignore[arg-type]
    ("read_parts", lambda: formats.read_parts(b"x.json"), "path"),  # type: ignore[arg-type]
    ("save path", lambda: formats.save(Timeline(), 3), "path"),  # type: ignore[arg-type]
    ("save timeline", lambda: formats.save(None, "x.json"), "t"),  # type: ignore[arg-type]
    ("export timeline", lambda: formats.export(None, "csv"), "t"),  # type: ignore[arg-type]
    ("export name", lambda: formats.export(Timeline(), 3), "name"),  # type: ignore[arg-type]
    ("cli argv", lambda: main("show x.json"), "argv"),  # type: ignore[arg-type]
    ("cli argv item", lambda: main(["show", 3]), "argv"),  # type: ignore[list-item]
]

WRITERS = [
    "to_json",
    "to_data",
    "to_yaml",
    "to_authoring",
    "to_csv",
    "links_to_csv",
    "to_markdown",
    "to_mermaid",
    "to_dot",
    "to_timelinejs",
    "to_timelinejs_data",
    "to_ics",
    "to_html",
    "to_pandas",
    "links_to_pandas",
]


class TestWrongTypes:
    @pytest.mark.parametrize(
        ("call", "argument"),
        [(call, argument) for _, call, argument in CASES],
        ids=[name for name, _, _ in CASES],
    )
    def test_named_wrong_type_error(self, call: Callable[[], Any], argument: str):
        """The call raises WrongTypeError naming the argument."""
        with pytest.raises(WrongTypeError) as info:
            call()

        assert argument == info.value.field
        assert argument in str(info.value)

    @pytest.mark.parametrize("name", WRITERS)
    def test_writers_want_a_timeline(self, name: str):
        """Every writer refuses what is not a Timeline, naming `t`."""
        writer = getattr(formats, name)

        with pytest.raises(WrongTypeError) as info:
            writer([Event("a", "A")])

        assert info.value.field == "t"

    def test_wrong_type_is_every_kind_of_error_callers_catch(self):
        """A WrongTypeError is a TypeError, a ValidationError, a ValueError and a TimelineError."""
        with pytest.raises(WrongTypeError) as info:
            When.day(None, 1, 1)  # type: ignore[arg-type]

        for kind in (TypeError, ValueError, ValidationError, TimelineError):
            assert isinstance(info.value, kind)

    def test_right_types_still_work(self, tmp_path: Path):
        """Dates, datetimes and path-likes keep working where they did."""
        assert When.between(datetime.date(2025, 1, 1), "2025-01-31") == When.month(
            2025, 1
        )
        assert DAY.contains(datetime.date(2025, 1, 28))
        assert DAY.contains(When.day(2025, 1, 28))
        assert Granularity("day") is Granularity.DAY
        assert Event("a", "T", actors=()).actors == ()
        formats.save(Timeline(name="x"), tmp_path / "t.json")
        assert formats.read(tmp_path / "t.json").name == "x"

    def test_value_errors_stay_value_errors(self):
        """A value of the right type but out of range is a ValidationError, not a TypeError."""
        with pytest.raises(ValidationError) as info:
            When.day(2025, 2, 30)

        assert not isinstance(info.value, TypeError)
