"""
Allen's thirteen relations between two spans of days.

Spans are closed: a span covers its first and its last day. Two spans that touch on
consecutive days *meet* (December ends on the 31st, January starts on the 1st); two
that share a day overlap.

>>> from timeline import When
>>> relation(When.month(2024, 12), When.month(2025, 1))
<AllenRelation.MEETS: 'meets'>
>>> relation(When.day(2025, 1, 27), When.week(2025, 5))
<AllenRelation.STARTS: 'starts'>
>>> converse(AllenRelation.STARTS)
<AllenRelation.STARTED_BY: 'started_by'>
>>> sorted(r.value for r in compose(AllenRelation.MEETS, AllenRelation.MEETS))
['before']
"""

from __future__ import annotations

import datetime
import enum
import functools
import itertools
from typing import Final, final

from .errors import ValidationError
from .when import When, to_date

__all__ = ["AllenRelation", "compose", "converse", "relation"]


@final
class AllenRelation(enum.Enum):
    """
    One of Allen's thirteen interval relations, read as "a RELATION b".

    >>> AllenRelation.DURING.value
    'during'
    """

    BEFORE = "before"
    MEETS = "meets"
    OVERLAPS = "overlaps"
    STARTS = "starts"
    DURING = "during"
    FINISHES = "finishes"
    EQUALS = "equals"
    FINISHED_BY = "finished_by"
    CONTAINS = "contains"
    STARTED_BY = "started_by"
    OVERLAPPED_BY = "overlapped_by"
    MET_BY = "met_by"
    AFTER = "after"


_ORDER: Final = tuple(AllenRelation)
_CONVERSE: Final = {r: _ORDER[len(_ORDER) - 1 - i] for i, r in enumerate(_ORDER)}

Span = When | tuple[datetime.date, datetime.date]


def _ordinals(span: Span, name: str) -> tuple[int, int]:
    """A span as half-open ordinals [first day, day after the last)."""
    if isinstance(span, When):
        if span.earliest is None or span.latest is None:
            raise ValidationError(name, span, "Allen relations need a bounded span")
        lo, hi = span.earliest, span.latest
    else:
        try:
            first, last = span
        except (TypeError, ValueError):
            msg = "expected a When or a (first day, last day) pair"
            raise ValidationError(name, span, msg) from None
        lo, hi = to_date(first, name), to_date(last, name)
        if lo > hi:
            raise ValidationError(name, span, "the span ends before it starts")
    return lo.toordinal(), hi.toordinal() + 1


def _relation(s1: int, e1: int, s2: int, e2: int) -> AllenRelation:
    # Half-open intervals with s < e: the classic definitions apply unchanged.
    if e1 < s2:
        return AllenRelation.BEFORE
    if e2 < s1:
        return AllenRelation.AFTER
    if e1 == s2:
        return AllenRelation.MEETS
    if e2 == s1:
        return AllenRelation.MET_BY
    if s1 == s2:
        if e1 == e2:
            return AllenRelation.EQUALS
        return AllenRelation.STARTS if e1 < e2 else AllenRelation.STARTED_BY
    if e1 == e2:
        return AllenRelation.FINISHES if s1 > s2 else AllenRelation.FINISHED_BY
    if s2 < s1 and e1 < e2:
        return AllenRelation.DURING
    if s1 < s2 and e2 < e1:
        return AllenRelation.CONTAINS
    return AllenRelation.OVERLAPS if s1 < s2 else AllenRelation.OVERLAPPED_BY


def relation(a: Span, b: Span) -> AllenRelation:
    """
    The Allen relation of span `a` to span `b`: exactly one of the thirteen.

    A span is a bounded `When` or a pair of dates (first day, last day).

    >>> relation(When.year(2024), When.day(2024, 6, 1))
    <AllenRelation.CONTAINS: 'contains'>
    >>> import pendulum
    >>> relation((pendulum.date(2025, 1, 1), pendulum.date(2025, 1, 5)), When.month(2025, 1))
    <AllenRelation.STARTS: 'starts'>

    Raises:
        ValidationError: a span is unbounded or not a span.
    """
    s1, e1 = _ordinals(a, "a")
    s2, e2 = _ordinals(b, "b")
    return _relation(s1, e1, s2, e2)


def converse(r: AllenRelation) -> AllenRelation:
    """
    The relation of b to a when `r` is the relation of a to b.

    >>> converse(AllenRelation.BEFORE)
    <AllenRelation.AFTER: 'after'>
    >>> converse(AllenRelation.EQUALS)
    <AllenRelation.EQUALS: 'equals'>
    """
    return _CONVERSE[r]


@functools.cache
def _composition_table() -> dict[
    tuple[AllenRelation, AllenRelation], frozenset[AllenRelation]
]:
    # Every arrangement of three intervals' six endpoints is realised by integers 0..5,
    # so enumerating those triples yields Allen's table exactly, with no typing errors.
    points = range(6)
    spans = [(s, e) for s, e in itertools.combinations(points, 2)]
    table: dict[tuple[AllenRelation, AllenRelation], set[AllenRelation]] = {}
    for a, b, c in itertools.product(spans, repeat=3):
        key = (_relation(*a, *b), _relation(*b, *c))
        table.setdefault(key, set()).add(_relation(*a, *c))
    return {key: frozenset(value) for key, value in table.items()}


def compose(r1: AllenRelation, r2: AllenRelation) -> frozenset[AllenRelation]:
    """
    Allen's composition: the relations a can have to c when a `r1` b and b `r2` c.

    >>> sorted(r.value for r in compose(AllenRelation.DURING, AllenRelation.BEFORE))
    ['before']
    >>> len(compose(AllenRelation.BEFORE, AllenRelation.AFTER))
    13
    """
    return _composition_table()[(r1, r2)]
