"""
`Event` and `Source`: frozen records of what happened, when, who took part, per whom.

>>> crash = Event(id="crash", title="Jet crashes near Aktau", when=When.day(2024, 12, 25))
>>> crash.when.to_edtf()
'2024-12-25'
>>> Event(id="call", title="Condolence call").when.is_unknown
True
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, final

import attrs
import pendulum

from .errors import ValidationError, WrongTypeError
from .when import When, _when_from_anything, to_date

__all__ = ["Event", "Source"]


def _non_empty(name: str) -> Any:
    def check(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, str):
            raise WrongTypeError.expected(name, value, "a string")
        if not value.strip():
            raise ValidationError(name, value, "must not be empty")

    return check


def _optional_str(name: str) -> Any:
    def check(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is not None and not isinstance(value, str):
            raise WrongTypeError.expected(name, value, "a string or None")

    return check


def _items(name: str, value: object, what: str) -> tuple[Any, ...]:
    """The items of a collection given for the field *name*; one string is not one."""
    if isinstance(value, str):
        msg = f"must be a collection of {what}, not one string"
        raise WrongTypeError(name, value, msg)
    if isinstance(value, tuple):
        return value
    if not isinstance(value, Iterable) or isinstance(value, bytes | Mapping):
        raise WrongTypeError.expected(name, value, f"a collection of {what}")
    return tuple(value)


def _checked_strings(name: str, value: Iterable[str] | str) -> tuple[str, ...]:
    items = _items(name, value, "strings")
    for item in items:
        if not isinstance(item, str):
            raise WrongTypeError.expected(name, item, "a collection of strings")
        if not item.strip():
            raise ValidationError(name, items, "every item must be a non-empty string")
    return items


def _actors(value: Iterable[str] | str) -> tuple[str, ...]:
    if value == ():
        return ()
    return _checked_strings("actors", value)


# Most events have no tags: sharing one empty set saves a couple of hundred bytes each.
_NO_TAGS: frozenset[str] = frozenset()


def _tags(value: Iterable[str] | str) -> frozenset[str]:
    if value is _NO_TAGS:
        return _NO_TAGS
    items = _checked_strings("tags", value)
    return frozenset(items) if items else _NO_TAGS


def _when(value: When | str | pendulum.Date) -> When:
    return _when_from_anything(value)


def _ends(value: When | str | pendulum.Date | None) -> When | None:
    return None if value is None else _when_from_anything(value, "ends")


def _published(value: object) -> pendulum.Date | None:
    return None if value is None else to_date(value, "published")


def _sources(value: Iterable[Source]) -> tuple[Source, ...]:
    items = _items("sources", value, "Source records")
    for item in items:
        if not isinstance(item, Source):
            msg = f"every item must be a Source, got {type(item).__name__}"
            raise WrongTypeError("sources", item, msg)
    return items


@final
@attrs.frozen
class Source:
    """
    Who reported something: an outlet or person, where, when, and in which words.

    >>> Source("Example Wire", published="2025-02-10").published
    Date(2025, 2, 10)
    """

    name: str = attrs.field(validator=_non_empty("name"))
    url: str | None = attrs.field(default=None, validator=_optional_str("url"))
    published: pendulum.Date | None = attrs.field(default=None, converter=_published)
    quote: str | None = attrs.field(default=None, validator=_optional_str("quote"))


@final
@attrs.frozen
class Event:
    """
    Something that happened, dated as precisely as the sources allow.

    `when` is the asserted date of the event's start; `ends`, for events that last,
    the date of its end. A `Timeline` narrows both with what its links imply
    (`Timeline.bounds`), but the event keeps the date its sources gave.

    >>> e = Event(id="summons", title="Ambassador summoned", when="2025-01-28",
    ...           actors=["Azerbaijan", "Russia"], tags={"diplomacy"})
    >>> e.actors, e.when
    (('Azerbaijan', 'Russia'), When.day(2025, 1, 28))

    Raises:
        ValidationError: an empty id or title, or an end that is certainly before
            the start.
        WrongTypeError: a field of the wrong type (``actors=None``, ``when=3``), named
            by `.field`; it is a `ValidationError` and a `TypeError`.
    """

    id: str = attrs.field(validator=_non_empty("id"))
    title: str = attrs.field(validator=_non_empty("title"))
    when: When = attrs.field(factory=When.unknown, converter=_when)
    ends: When | None = attrs.field(default=None, converter=_ends)
    actors: tuple[str, ...] = attrs.field(default=(), converter=_actors)
    location: str | None = attrs.field(
        default=None, validator=_optional_str("location")
    )
    kind: str | None = attrs.field(default=None, validator=_optional_str("kind"))
    sources: tuple[Source, ...] = attrs.field(default=(), converter=_sources)
    description: str | None = attrs.field(
        default=None, validator=_optional_str("description")
    )
    tags: frozenset[str] = attrs.field(default=_NO_TAGS, converter=_tags)

    def _repr_html_(self) -> str:  # notebooks; timeline/_display.py draws it
        from ._display import event_html

        return event_html(self)

    def __attrs_post_init__(self) -> None:
        if self.ends is not None and self.ends.before(self.when):
            msg = f"the event ends ({self.ends}) before it starts ({self.when})"
            raise ValidationError("ends", self.ends, msg)
