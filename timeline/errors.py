"""
The errors `timeline` raises: one base class, a subclass for each kind of mistake.

Every error is a `TimelineError` and also the closest builtin, so ``except ValueError``
and ``except KeyError`` keep working::

    TimelineError
    ├── ValidationError       (ValueError)  .field, .value, .reason
    ├── DateResolutionError   (ValueError)  .text, .reference, .reason
    ├── UnknownEventError     (KeyError)    .id, .known
    ├── LinkNotFoundError     (KeyError)    .source, .target, .relation
    ├── DuplicateEventError   (ValueError)  .id, .reason
    ├── FormatError           (ValueError)  .path, .line, .field, .reason
    └── ChronologyConflict    (ValueError)  .explanation, .events, .links
        └── CausalCycleError                .cycle

Each error keeps the offending input as attributes, so callers never parse messages,
and passes its constructor arguments to ``Exception.__init__`` so that it pickles.

>>> err = DateResolutionError("next blursday", "2025-02-10", "no date found")
>>> str(err)
"cannot resolve 'next blursday' (reference 2025-02-10): no date found"
>>> isinstance(err, ValueError)
True
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .link import Link

__all__ = [
    "CausalCycleError",
    "ChronologyConflict",
    "DateResolutionError",
    "DuplicateEventError",
    "FormatError",
    "LinkNotFoundError",
    "TimelineError",
    "UnknownEventError",
    "ValidationError",
]


class TimelineError(Exception):
    """The base of every error that `timeline` raises on purpose."""


class ValidationError(TimelineError, ValueError):
    """
    A value could not be built: a field was given something it cannot hold.

    >>> str(ValidationError("confidence", 1.5, "must be between 0 and 1"))
    'invalid confidence=1.5: must be between 0 and 1'
    """

    def __init__(self, field: str, value: object, reason: str) -> None:
        super().__init__(field, value, reason)
        self.field = field
        self.value = value
        self.reason = reason

    def __str__(self) -> str:
        return f"invalid {self.field}={self.value!r}: {self.reason}"


class DateResolutionError(TimelineError, ValueError):
    """A piece of text could not be read as a date; the text is kept as `.text`."""

    def __init__(
        self, text: str, reference: str | None = None, reason: str = "no date found"
    ) -> None:
        super().__init__(text, reference, reason)
        self.text = text
        self.reference = reference
        self.reason = reason

    def __str__(self) -> str:
        ref = (
            "no reference" if self.reference is None else f"reference {self.reference}"
        )
        return f"cannot resolve {self.text!r} ({ref}): {self.reason}"


class UnknownEventError(TimelineError, KeyError):
    """
    No event has this id. `.known` holds the ids there are, for suggestions.

    >>> str(UnknownEventError("crahs", ("crash", "protest")))
    "no event with id 'crahs' (did you mean 'crash'?)"
    """

    def __init__(self, id: str, known: Iterable[str] = ()) -> None:
        known = tuple(known)
        super().__init__(id, known)
        self.id = id
        self.known = known

    def __str__(self) -> str:
        close = difflib.get_close_matches(self.id, self.known, n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        return f"no event with id {self.id!r}{hint}"


class LinkNotFoundError(TimelineError, KeyError):
    """
    No link matches: `unlink()` was asked to remove a link that is not there.

    >>> str(LinkNotFoundError("crash", "protest", "caused"))
    "no link from 'crash' to 'protest' by caused"
    """

    def __init__(
        self, source: str, target: str, relation: str | None = None, detail: str = ""
    ) -> None:
        super().__init__(source, target, relation, detail)
        self.source = source
        self.target = target
        self.relation = relation
        self.detail = detail

    def __str__(self) -> str:
        by = "any relation" if self.relation is None else self.relation
        more = f" {self.detail}" if self.detail else ""
        return f"no link from {self.source!r} to {self.target!r} by {by}{more}"


class DuplicateEventError(TimelineError, ValueError):
    """An id is already taken by a different event."""

    def __init__(self, id: str, reason: str = "") -> None:
        super().__init__(id, reason)
        self.id = id
        self.reason = reason

    def __str__(self) -> str:
        detail = f": {self.reason}" if self.reason else ""
        return f"an event with id {self.id!r} already exists{detail}"


class FormatError(TimelineError, ValueError):
    """
    A file or document could not be read: it names the file, the line and the field.

    >>> str(FormatError("chronology.json", "unknown relation 'CAUSES'", line=12, field="links[3].relation"))
    "chronology.json, line 12, links[3].relation: unknown relation 'CAUSES'"
    """

    def __init__(
        self,
        path: str | None,
        reason: str,
        line: int | None = None,
        field: str | None = None,
    ) -> None:
        super().__init__(path, reason, line, field)
        self.path = path
        self.reason = reason
        self.line = line
        self.field = field

    def __str__(self) -> str:
        where = [self.path or "<document>"]
        if self.line is not None:
            where.append(f"line {self.line}")
        if self.field:
            where.append(self.field)
        return f"{', '.join(where)}: {self.reason}"


class ChronologyConflict(TimelineError, ValueError):
    """
    Dates and links that cannot all hold.

    `.explanation` says why in words that name each event, date and link involved;
    `.events` lists the ids of those events and `.links` the links.
    """

    def __init__(
        self,
        explanation: str,
        events: Sequence[str] = (),
        links: Sequence[Link] = (),
    ) -> None:
        events, links = tuple(events), tuple(links)
        super().__init__(explanation, events, links)
        self.explanation = explanation
        self.events: tuple[str, ...] = events
        self.links: tuple[Link, ...] = links

    def __str__(self) -> str:
        return self.explanation


class CausalCycleError(ChronologyConflict):
    """
    Causal links that run in a circle; `.cycle` lists the event ids around it.

    >>> str(CausalCycleError(("a", "b")))
    'causal links form a cycle: a -> b -> a'
    """

    def __init__(
        self,
        cycle: Sequence[str],
        links: Sequence[Link] = (),
        explanation: str | None = None,
    ) -> None:
        cycle = tuple(cycle)
        if explanation is None:
            path = " -> ".join((*cycle, cycle[0])) if cycle else "(empty)"
            explanation = f"causal links form a cycle: {path}"
        super().__init__(explanation, cycle, links)
        self.args = (cycle, tuple(links), explanation)
        self.cycle = cycle
