"""
TimeML TLINK relation types as constraints between start and end days.

Each relation type between a source interval *a* and a target interval *b* becomes a
few constraints P(y) - P(x) in [lo, hi] over the four days S(a), E(a), S(b), E(b): the
day an interval starts and the day of its last moment. Each is the strongest statement
about days that the relation implies, and never a stronger one: a TimeML ``BEFORE``
(a ends before b starts) only says E(a) <= S(b), since both can fall on the same day.

>>> [str(c) for c in point_constraints("IBEFORE")]
['S(b) - E(a) in [0, 1]']
"""

from __future__ import annotations

import enum
from typing import Final, final

import attrs

__all__ = [
    "RELATION_TYPES",
    "UNCONSTRAINED",
    "Side",
    "Span",
    "Term",
    "point_constraints",
]


@final
class Side(enum.Enum):
    """Which interval of a TLINK a constraint's point belongs to."""

    SOURCE = "a"
    TARGET = "b"


@final
class Span(enum.Enum):
    """Which end of an interval: its start day or the day of its last moment."""

    START = "S"
    END = "E"


@final
@attrs.frozen
class Term:
    """
    One constraint of a relation: P(to) - P(frm) lies in [lo, hi] (hi None: no bound).

    >>> str(Term(Side.SOURCE, Span.END, Side.TARGET, Span.START, 0, None))
    'S(b) - E(a) >= 0'
    """

    frm_side: Side
    frm_point: Span
    to_side: Side
    to_point: Span
    lo: int
    hi: int | None

    def __str__(self) -> str:
        diff = (
            f"{self.to_point.value}({self.to_side.value}) - "
            f"{self.frm_point.value}({self.frm_side.value})"
        )
        if self.hi is None:
            return f"{diff} >= {self.lo}"
        if self.lo == self.hi:
            return f"{diff} = {self.lo}"
        return f"{diff} in [{self.lo}, {self.hi}]"

    def swapped(self) -> Term:
        """The same constraint with source and target exchanged (for inverse relations)."""
        return attrs.evolve(
            self, frm_side=_OTHER[self.frm_side], to_side=_OTHER[self.to_side]
        )


_OTHER = {Side.SOURCE: Side.TARGET, Side.TARGET: Side.SOURCE}
_A, _B = Side.SOURCE, Side.TARGET
_S, _E = Span.START, Span.END


def _t(frm: tuple[Side, Span], to: tuple[Side, Span], lo: int, hi: int | None) -> Term:
    return Term(frm[0], frm[1], to[0], to[1], lo, hi)


_AS, _AE, _BS, _BE = (_A, _S), (_A, _E), (_B, _S), (_B, _E)

# The relations read forwards; each inverse below is its partner with a and b swapped.
_FORWARD: Final[dict[str, tuple[Term, ...]]] = {
    # a ends before b starts: the two days may be the same.
    "BEFORE": (_t(_AE, _BS, 0, None),),
    # a ends at the instant b starts; at midnight that is one day later than a's last moment.
    "IBEFORE": (_t(_AE, _BS, 0, 1),),
    # b lies within a (strictly in Allen's reading; the days may coincide either way).
    "INCLUDES": (_t(_AS, _BS, 0, None), _t(_BE, _AE, 0, None)),
    # a lies within b: what both the TempEval-3 reading (a = b) and Allen's during imply.
    "DURING": (_t(_BS, _AS, 0, None), _t(_AE, _BE, 0, None)),
    "SIMULTANEOUS": (_t(_AS, _BS, 0, 0), _t(_AE, _BE, 0, 0)),
    # a starts b: same start, a ends no later.
    "BEGINS": (_t(_AS, _BS, 0, 0), _t(_AE, _BE, 0, None)),
    # a ends b: same end, a starts no earlier.
    "ENDS": (_t(_AE, _BE, 0, 0), _t(_BS, _AS, 0, None)),
    # ISO-TimeML/TempEval-2 extras: a and b share some time; Allen's overlaps.
    "OVERLAP": (_t(_AS, _BE, 0, None), _t(_BS, _AE, 0, None)),
    "OVERLAPS": (
        _t(_AS, _BS, 0, None),
        _t(_BS, _AE, 0, None),
        _t(_AE, _BE, 0, None),
    ),
}
_INVERSE: Final = {
    "AFTER": "BEFORE",
    "IAFTER": "IBEFORE",
    "IS_INCLUDED": "INCLUDES",
    "DURING_INV": "DURING",
    "BEGUN_BY": "BEGINS",
    "ENDED_BY": "ENDS",
    "OVERLAPPED_BY": "OVERLAPS",
}
_SAME: Final = {"IDENTITY": "SIMULTANEOUS"}

_TABLE: Final[dict[str, tuple[Term, ...]]] = {
    **_FORWARD,
    **{inv: tuple(t.swapped() for t in _FORWARD[fwd]) for inv, fwd in _INVERSE.items()},
    **{same: _FORWARD[fwd] for same, fwd in _SAME.items()},
}

UNCONSTRAINED: Final = frozenset({"VAGUE", "NONE", "UNKNOWN"})
"""Relation types that say nothing about order (TimeBank-Dense's VAGUE): no constraint."""

RELATION_TYPES: Final = frozenset(_TABLE) | UNCONSTRAINED
"""Every TLINK relType the reader knows."""


def point_constraints(rel_type: str) -> tuple[Term, ...]:
    """
    The day-level constraints a TLINK of *rel_type* puts on its source a and target b.

    Hyphens and case are ignored (``is-included`` is ``IS_INCLUDED``).

    >>> [str(c) for c in point_constraints("includes")]
    ['S(b) - S(a) >= 0', 'E(a) - E(b) >= 0']

    Raises:
        KeyError: a relation type the reader does not know.
    """
    key = rel_type.strip().upper().replace("-", "_")
    if key in UNCONSTRAINED:
        return ()
    return _TABLE[key]
