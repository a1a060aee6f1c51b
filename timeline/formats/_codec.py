"""
Plain data to and from `Event`, `Link` and `Source`: the cattrs converter every format shares.

Unstructuring writes every field, in the classes' own field order, with dates as EDTF
strings (an object ``{"edtf": ..., "text": ...}`` when the date keeps the words it came
from), tags sorted and relations by value. Structuring is strict: a number is never
turned into a string nor a string into a number, unknown keys are refused, and every
problem is reported with the JSON path of the value at fault.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterator, Mapping
from typing import Any, Final, TypeVar

import cattrs
import pendulum
from cattrs.errors import (
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
)

from ..errors import DateResolutionError, FormatError, TimelineError, ValidationError
from ..event import Event, Source
from ..link import Link, Point, Relation
from ..when import When

__all__ = [
    "Problem",
    "date_to_data",
    "event_to_data",
    "link_to_data",
    "structure",
    "when_from_data",
    "when_to_data",
]

T = TypeVar("T")

_TYPE_NAMES: Final = {
    str: "a string",
    int: "a whole number",
    float: "a decimal number",
    bool: "true or false",
    list: "a list",
    dict: "an object",
    type(None): "null",
}


def type_name(value: object) -> str:
    """How a JSON reader would call the type of *value* ("a string", "null", ...)."""
    return _TYPE_NAMES.get(type(value), type(value).__name__)


class Problem(Exception):
    """One thing wrong with a value, before a path is attached to it."""

    def __init__(self, reason: str, field: str | None = None) -> None:
        super().__init__(reason, field)
        self.reason = reason
        self.field = field

    def __str__(self) -> str:
        return self.reason


# -- dates -----------------------------------------------------------------------------


def when_to_data(w: When) -> str | dict[str, str]:
    """
    A `When` as data: its EDTF string, or ``{"edtf", "text"}`` when it keeps its words.

    >>> when_to_data(When.day(2024, 12, 25))
    '2024-12-25'
    >>> when_to_data(When.day(2024, 12, 25, text="December 25"))
    {'edtf': '2024-12-25', 'text': 'December 25'}
    """
    if w.text is None:
        return w.to_edtf()
    return {"edtf": w.to_edtf(), "text": w.text}


def when_from_data(value: object, _: object = None) -> When:
    """The inverse of `when_to_data`; raises `Problem` naming what is wrong."""
    if isinstance(value, str):
        return _edtf(value, None)
    if isinstance(value, Mapping):
        extra = set(value) - {"edtf", "text"}
        if extra:
            msg = f"unknown key {sorted(extra)[0]!r} in a date (expected 'edtf' and 'text')"
            raise Problem(msg)
        if "edtf" not in value:
            raise Problem("a date object needs an 'edtf' string", "edtf")
        edtf, text = value["edtf"], value.get("text")
        if not isinstance(edtf, str):
            msg = f"expected an EDTF string, got {type_name(edtf)}"
            raise Problem(msg, "edtf")
        if text is not None and not isinstance(text, str):
            msg = f"expected a string or null, got {type_name(text)}"
            raise Problem(msg, "text")
        return _edtf(edtf, text)
    msg = f"expected an EDTF string such as '2024-12-25', got {type_name(value)}"
    raise Problem(msg)


def _edtf(value: str, text: str | None) -> When:
    try:
        return When.from_edtf(value, text=text)
    except (DateResolutionError, ValidationError) as exc:
        msg = f"{value!r} is not an EDTF date: {_reason(exc)}"
        raise Problem(msg) from None


def date_to_data(d: pendulum.Date) -> str:
    """An ISO calendar date."""
    return d.isoformat()


def date_from_data(value: object, _: object = None) -> pendulum.Date:
    """An ISO calendar date (or a `datetime.date`, as YAML and TOML give them)."""
    if isinstance(value, datetime.datetime):
        raise Problem("expected a calendar date, got a date and time")
    if isinstance(value, datetime.date):
        return pendulum.Date(value.year, value.month, value.day)
    if not isinstance(value, str):
        msg = f"expected an ISO date such as '2025-02-10', got {type_name(value)}"
        raise Problem(msg)
    try:
        parsed = datetime.date.fromisoformat(value.strip())
    except ValueError:
        msg = f"{value!r} is not an ISO date such as '2025-02-10'"
        raise Problem(msg) from None
    return pendulum.Date(parsed.year, parsed.month, parsed.day)


# -- the converter ---------------------------------------------------------------------


def _strict_str(value: object, _: object) -> str:
    if not isinstance(value, str):
        msg = f"expected a string, got {type_name(value)}"
        raise Problem(msg)
    return value


def _strict_int(value: object, _: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        msg = f"expected a whole number, got {type_name(value)}"
        raise Problem(msg)
    return value


def _strict_float(value: object, _: object) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        msg = f"expected a number, got {type_name(value)}"
        raise Problem(msg)
    return float(value)


def _relation(value: object, _: object) -> Relation:
    names = ", ".join(r.value for r in Relation)
    if not isinstance(value, str):
        msg = f"expected a relation ({names}), got {type_name(value)}"
        raise Problem(msg)
    try:
        return Relation(value)
    except ValueError:
        msg = f"unknown relation {value!r} (expected one of {names})"
        raise Problem(msg) from None


def _point(value: object, _: object) -> Point:
    if not isinstance(value, str):
        msg = f"expected a point ('start' or 'end'), got {type_name(value)}"
        raise Problem(msg)
    try:
        return Point(value)
    except ValueError:
        msg = f"unknown point {value!r} (expected 'start' or 'end')"
        raise Problem(msg) from None


def _strict_list(value: object, _: object) -> None:
    if not isinstance(value, list | tuple):
        msg = f"expected a list, got {type_name(value)}"
        raise Problem(msg)


def _is(expected: object) -> Callable[[object], bool]:
    def predicate(type_: object) -> bool:
        return type_ == expected

    return predicate


def _is_frozenset(type_: object) -> bool:
    return type_ is frozenset or getattr(type_, "__origin__", None) is frozenset


def _objects_only(inner: Callable[[Any, Any], Any]) -> Callable[[Any, Any], Any]:
    """Refuse anything but a mapping where an object belongs."""

    def hook(value: Any, type_: Any) -> Any:
        if not isinstance(value, Mapping):
            msg = f"expected an object, got {type_name(value)}"
            raise Problem(msg)
        return inner(value, type_)

    return hook


def _listed(inner: Callable[[Any, Any], Any]) -> Callable[[Any, Any], Any]:
    """Refuse a bare string where a list belongs (instead of reading "Baku" as four actors)."""

    def hook(value: Any, type_: Any) -> Any:
        _strict_list(value, type_)
        return inner(value, type_)

    return hook


def _make_converter() -> cattrs.Converter:
    conv = cattrs.Converter(forbid_extra_keys=True)
    conv.register_structure_hook(str, _strict_str)
    conv.register_structure_hook(int, _strict_int)
    conv.register_structure_hook(float, _strict_float)
    conv.register_structure_hook(When, when_from_data)
    conv.register_structure_hook(pendulum.Date, date_from_data)
    conv.register_structure_hook(Relation, _relation)
    conv.register_unstructure_hook(When, when_to_data)
    conv.register_unstructure_hook(pendulum.Date, date_to_data)
    conv.register_unstructure_hook(Relation, lambda r: r.value)
    conv.register_structure_hook(Point, _point)
    conv.register_unstructure_hook(Point, lambda p: p.value)
    conv.register_unstructure_hook_func(_is_frozenset, sorted)
    conv.register_structure_hook(Source, _objects_only(conv.get_structure_hook(Source)))
    # A bare string is iterable: refuse it where a list belongs instead of
    # reading "Baku" as the actors "B", "a", "k", "u".
    for seq in (tuple[str, ...], frozenset[str], tuple[Source, ...]):
        conv.register_structure_hook_func(
            _is(seq), _listed(conv.get_structure_hook(seq))
        )
    # Last: these build on the hooks above for their fields.
    for cls in (Event, Link):
        conv.register_structure_hook(cls, _objects_only(conv.get_structure_hook(cls)))
    return conv


_CONVERTER: Final = _make_converter()


def event_to_data(event: Event) -> dict[str, Any]:
    """
    Every field of an event, as JSON-ready data in the class's field order.

    >>> event_to_data(Event("crash", "Jet crashes", When.day(2024, 12, 25)))["when"]
    '2024-12-25'
    """
    data: dict[str, Any] = _CONVERTER.unstructure(event)
    return data


def link_to_data(link: Link) -> dict[str, Any]:
    """
    Every field of a link (its points included), as JSON-ready data in the class's
    field order.

    >>> link_to_data(Link("crash", "protest", "prompted"))["relation"]
    'prompted'
    """
    data: dict[str, Any] = _CONVERTER.unstructure(link)
    return data


def structure(value: object, cls: type[T], path: str) -> T:
    """
    Build a `cls` (Event, Link or Source) from data, or raise `FormatError` at the path.

    The error names the first problem found (and how many more there are);
    `.field` is the JSON path of the offending value.
    """
    if not isinstance(value, Mapping):
        msg = f"expected an object, got {type_name(value)}"
        raise FormatError(None, msg, field=path)
    try:
        return _CONVERTER.structure(value, cls)
    except Exception as exc:  # cattrs groups whatever the fields raised
        problems = list(_walk(exc, path))
        if not problems:  # pragma: no cover - _walk always yields at least one
            raise
        where, reason = problems[0]
        if len(problems) > 1:
            more = len(problems) - 1
            reason += f" (and {more} more problem{'s' if more > 1 else ''})"
        raise FormatError(None, reason, field=where) from exc


def _walk(exc: BaseException, path: str) -> Iterator[tuple[str, str]]:
    """Each leaf problem in a cattrs error group, with the JSON path it belongs to."""
    if isinstance(exc, IterableValidationError):
        with_notes, without = exc.group_exceptions()
        for sub, inote in with_notes:
            yield from _walk(sub, f"{path}[{inote.index!r}]")
        for sub in without:
            yield from _walk(sub, path)
    elif isinstance(exc, ClassValidationError):
        with_notes_c, without_c = exc.group_exceptions()
        for sub, cnote in with_notes_c:
            yield from _walk(sub, f"{path}.{cnote.name}")
        for sub in without_c:
            yield from _walk(sub, path)
    elif isinstance(exc, ForbiddenExtraKeysError):
        keys = ", ".join(repr(k) for k in sorted(exc.extra_fields))
        yield path, f"unknown key {keys}"
    elif isinstance(exc, Problem):
        yield (f"{path}.{exc.field}" if exc.field else path), exc.reason
    elif isinstance(exc, ValidationError):
        # Raised by the class itself (a validator or a check across fields).
        yield f"{path}.{exc.field}", exc.reason
    elif isinstance(exc, KeyError):
        # cattrs has already put the missing key's name on the path.
        yield path, "required field is missing"
    elif isinstance(exc, TimelineError | ValueError | TypeError):
        yield path, str(exc)
    else:
        raise exc


def _reason(exc: BaseException) -> str:
    return str(getattr(exc, "reason", exc))
