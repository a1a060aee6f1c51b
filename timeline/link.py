"""
`Relation`, `Point` and `Link`: what one event has to do with another, as days.

Each event has two points, its start day and its end day (start <= end). A link
bounds the gap between a point of its source and a point of its target,
P(target.target_point) - P(source.source_point); both points are the starts unless
the link says otherwise (only BEFORE and SAME_DAY may use end points):

==========  ====================================  ==============================
relation    meaning                               gap in days (default)
==========  ====================================  ==============================
CAUSED      the source brought the target about   min_days (0) .. max_days (none)
PROMPTED    the target was a response to source   min_days (0) .. max_days (none)
ENABLED     the source made the target possible   min_days (0) .. max_days (none)
BEFORE      the source happened first             min_days (1) .. max_days (none);
                                                  min_days=0 is "on or before"
SAME_DAY    both happened on the same day         exactly 0
PART_OF     the source happened within the target none .. 0, and within its span
==========  ====================================  ==============================

A PART_OF link also ends the part no later than the whole ends (when the whole has
`ends`). See `Timeline.relate` for the 13 Allen relations written as such links.

>>> link = Link("crash", "protest", Relation.PROMPTED)
>>> link.gap
(0, None)
>>> Link("called-in", "protest", "before", min_days=1, max_days=1).gap
(1, 1)
>>> Link("summit", "statement", "before", source_point="end", min_days=0).source_point
<Point.END: 'end'>
"""

from __future__ import annotations

import datetime
import enum
import math
from collections.abc import Iterable
from typing import Any, Final, final

import attrs

from .errors import ValidationError
from .event import Source, _non_empty, _optional_str, _sources

__all__ = ["Link", "Point", "Relation"]


@final
class Relation(enum.Enum):
    """
    How a link's source bears on its target.

    Values are lower-case words; lookup ignores case, so files may say ``PROMPTED``.

    >>> Relation("prompted") is Relation("PROMPTED") is Relation.PROMPTED
    True
    >>> Relation.PROMPTED.is_causal, Relation.BEFORE.is_causal
    (True, False)
    """

    CAUSED = "caused"
    PROMPTED = "prompted"
    ENABLED = "enabled"
    BEFORE = "before"
    SAME_DAY = "same_day"
    PART_OF = "part_of"

    @classmethod
    def _missing_(cls, value: object) -> Relation | None:
        if isinstance(value, str):
            key = value.strip().lower().replace("-", "_").replace(" ", "_")
            for member in cls:
                if member.value == key:
                    return member
        return None

    @property
    def is_causal(self) -> bool:
        """True for CAUSED, PROMPTED and ENABLED, the links that may never form a cycle."""
        return self in _CAUSAL

    @property
    def phrase(self) -> str:
        """
        The relation in words, as "source PHRASE target" reads.

        >>> Relation.PROMPTED.phrase
        'prompted'
        """
        return _PHRASES[self]


@final
class Point(enum.Enum):
    """
    Which day of an event a link bounds: the day it starts or the day it ends.

    >>> Point("end") is Point("END") is Point.END
    True
    """

    START = "start"
    END = "end"

    @classmethod
    def _missing_(cls, value: object) -> Point | None:
        if isinstance(value, str):
            key = value.strip().lower()
            for member in cls:
                if member.value == key:
                    return member
        return None


def _point(name: str, value: Point | str) -> Point:
    if isinstance(value, Point):
        return value
    try:
        return Point(value)
    except ValueError:
        raise ValidationError(name, value, "must be 'start' or 'end'") from None


def _source_point(value: Point | str) -> Point:
    return _point("source_point", value)


def _target_point(value: Point | str) -> Point:
    return _point("target_point", value)


# Relations whose links may bound an end day; the others keep their start-based meaning.
_POINTED = frozenset({Relation.BEFORE, Relation.SAME_DAY})

_CAUSAL = frozenset({Relation.CAUSED, Relation.PROMPTED, Relation.ENABLED})
_PHRASES = {
    Relation.CAUSED: "caused",
    Relation.PROMPTED: "prompted",
    Relation.ENABLED: "enabled",
    Relation.BEFORE: "came before",
    Relation.SAME_DAY: "happened the same day as",
    Relation.PART_OF: "is part of",
}


def _relation(value: Relation | str) -> Relation:
    if isinstance(value, Relation):
        return value
    try:
        return Relation(value)
    except ValueError:
        names = ", ".join(r.name for r in Relation)
        raise ValidationError("relation", value, f"must be one of {names}") from None


# No two days of the calendar (years 1 to 9999) are further apart than this.
MAX_GAP: Final = datetime.date.max.toordinal() - datetime.date.min.toordinal()


def _optional_int(name: str) -> Any:
    def check(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is not None and (
            isinstance(value, bool) or not isinstance(value, int)
        ):
            msg = f"must be a whole number of days or None, got {type(value).__name__}"
            raise ValidationError(name, value, msg)
        if value is not None and abs(value) > MAX_GAP:
            msg = (
                f"is longer than the calendar allows (years 1 to 9999: {MAX_GAP} days)"
            )
            raise ValidationError(name, value, msg)

    return check


def _confidence(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        msg = f"must be a number, got {type(value).__name__}"
        raise ValidationError("confidence", value, msg)
    if math.isnan(value) or not 0.0 <= value <= 1.0:
        raise ValidationError("confidence", value, "must be between 0 and 1")


def _link_sources(value: Iterable[Source]) -> tuple[Source, ...]:
    return _sources(value)


@final
@attrs.frozen
class Link:
    """
    A causal, temporal or structural link from one event (by id) to another.

    `min_days` and `max_days` bound the gap from the source's `source_point` to the
    target's `target_point` (both the start days unless told otherwise), as the table
    in this module's docstring says; `confidence` is how sure the sources are (0 to 1).

    >>> Link("crash", "protest", Relation.PROMPTED, min_days=1)
    Link(source='crash', target='protest', relation=<Relation.PROMPTED: 'prompted'>, min_days=1, max_days=None, confidence=1.0, note=None, sources=(), source_point=<Point.START: 'start'>, target_point=<Point.START: 'start'>)

    Raises:
        ValidationError: a link from an event to itself, `min_days` above
            `max_days`, a gap its relation forbids (a cause after its effect, a
            BEFORE below 0 days, a SAME_DAY that is not 0), an end point on a
            causal or PART_OF link, or a confidence outside [0, 1].
    """

    source: str = attrs.field(validator=_non_empty("source"))
    target: str = attrs.field(validator=_non_empty("target"))
    relation: Relation = attrs.field(default=Relation.CAUSED, converter=_relation)
    min_days: int | None = attrs.field(
        default=None, kw_only=True, validator=_optional_int("min_days")
    )
    max_days: int | None = attrs.field(
        default=None, kw_only=True, validator=_optional_int("max_days")
    )
    confidence: float = attrs.field(default=1.0, kw_only=True, validator=_confidence)
    note: str | None = attrs.field(
        default=None, kw_only=True, validator=_optional_str("note")
    )
    sources: tuple[Source, ...] = attrs.field(
        default=(), kw_only=True, converter=_link_sources
    )
    source_point: Point = attrs.field(
        default=Point.START, kw_only=True, converter=_source_point
    )
    target_point: Point = attrs.field(
        default=Point.START, kw_only=True, converter=_target_point
    )

    def __attrs_post_init__(self) -> None:
        if self.source == self.target:
            msg = "a link must join two different events"
            raise ValidationError("target", self.target, msg)
        lo, hi, rel = self.min_days, self.max_days, self.relation
        if rel not in _POINTED:
            for name in ("source_point", "target_point"):
                if getattr(self, name) is Point.END:
                    msg = (
                        f"a {rel.name} link relates start days; only BEFORE and "
                        "SAME_DAY links may use an end point"
                    )
                    raise ValidationError(name, Point.END.value, msg)
        if lo is not None and hi is not None and lo > hi:
            msg = f"min_days={lo} is above max_days={hi}"
            raise ValidationError("min_days", lo, msg)
        if rel is Relation.SAME_DAY and (lo or hi):
            msg = "a SAME_DAY link has a gap of exactly 0 days"
            raise ValidationError("min_days" if lo else "max_days", lo or hi, msg)
        if rel is Relation.PART_OF and (lo is not None or hi is not None):
            msg = "a PART_OF link takes its gap from the target's span, not from days"
            raise ValidationError("min_days" if lo is not None else "max_days", lo, msg)
        if rel.is_causal or rel is Relation.BEFORE:
            for name, value in (("min_days", lo), ("max_days", hi)):
                if value is not None and value < 0:
                    msg = f"a {rel.name} link's gap must be at least 0 days"
                    raise ValidationError(name, value, msg)
        if rel is Relation.BEFORE and lo is None and hi is not None and hi < 1:
            msg = "a BEFORE link is at least 1 day unless min_days=0 says otherwise"
            raise ValidationError("max_days", hi, msg)

    @property
    def gap(self) -> tuple[int | None, int | None]:
        """
        The bounds on P(target) - P(source) in days (the linked points); None is unbounded.

        >>> Link("a", "b", "same_day").gap, Link("a", "b", "part_of").gap
        ((0, 0), (None, 0))
        """
        rel = self.relation
        if rel is Relation.SAME_DAY:
            return (0, 0)
        if rel is Relation.PART_OF:
            return (None, 0)
        floor = 1 if rel is Relation.BEFORE else 0
        return (floor if self.min_days is None else self.min_days, self.max_days)

    @property
    def key(self) -> tuple[str, str, Relation]:
        """The two events and the relation (several links may share a key)."""
        return (self.source, self.target, self.relation)

    def sort_key(self) -> tuple[Any, ...]:
        """
        A key that orders links by source, target, relation, points, then the rest.

        >>> Link("a", "b").sort_key()[:3]
        ('a', 'b', 'caused')
        """
        return (
            self.source,
            self.target,
            self.relation.value,
            self.source_point.value,
            self.target_point.value,
            -1 if self.min_days is None else self.min_days,
            -1 if self.max_days is None else self.max_days,
            self.confidence,
            self.note or "",
            repr(self.sources),
        )

    @property
    def points(self) -> tuple[Point, Point]:
        """
        The linked points, (source_point, target_point).

        >>> Link("a", "b", "before", source_point="end", min_days=0).points
        (<Point.END: 'end'>, <Point.START: 'start'>)
        """
        return (self.source_point, self.target_point)
