"""Small helpers the exports share: dates in words, and one row of facts per event."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import attrs

from ..errors import WrongTypeError
from ..when import When

if TYPE_CHECKING:
    from ..event import Event
    from ..timeline import Timeline

__all__ = ["check_timeline", "describe", "event_rows", "inferred", "narrowed", "span"]


def check_timeline(t: object) -> None:
    """Refuse, naming the argument `t`, anything but a `Timeline` given to a writer."""
    from ..timeline import Timeline

    if not isinstance(t, Timeline):
        raise WrongTypeError.expected("t", t, "a Timeline")


def describe(w: When) -> str:
    """
    A date as a reader would like it: EDTF for calendar units, words for open ranges.

    >>> describe(When.day(2024, 12, 25)), describe(When.between("2024-12-25", None))
    ('2024-12-25', '2024-12-25 or later')
    >>> describe(When.between("2024-12-25", "2025-02-10")), describe(When.unknown())
    ('2024-12-25 to 2025-02-10', 'date unknown')
    """
    lo, hi = w.earliest, w.latest
    mark = "~" if w.approximate else ""
    mark += "?" if w.uncertain else ""
    if lo is None and hi is None:
        return "date unknown"
    if lo is None:
        return f"{hi} or earlier{mark}"
    if hi is None:
        return f"{lo} or later{mark}"
    if w.granularity is not None:
        return w.to_edtf()
    return f"{lo} to {hi}{mark}"


def inferred(t: Timeline, e: Event) -> When:
    """
    The event's date as the timeline infers it, keeping the event's own ``~`` and ``?``.
    """
    w = t.bounds(e.id)
    flags = (w.approximate or e.when.approximate, w.uncertain or e.when.uncertain)
    if w.is_unknown or flags == (w.approximate, w.uncertain):
        return w
    return attrs.evolve(w, approximate=flags[0], uncertain=flags[1])


def span(t: Timeline, e: Event) -> str:
    """The event's inferred date in words, and its end for an event that lasts."""
    text = describe(inferred(t, e))
    if e.ends is not None and not e.ends.is_unknown:
        text += f" until {describe(e.ends)}"
    return text


def event_rows(t: Timeline) -> list[dict[str, Any]]:
    """
    One dict per event in chronological order: its own fields, its asserted date and the inferred one.
    """
    rows = []
    for e in t.chronology():
        when = inferred(t, e)
        rows.append(
            {
                "id": e.id,
                "title": e.title,
                "when": e.when.to_edtf(),
                "when_text": e.when.text or "",
                "earliest": "" if when.earliest is None else str(when.earliest),
                "latest": "" if when.latest is None else str(when.latest),
                "inferred": describe(when),
                "granularity": ""
                if when.granularity is None
                else when.granularity.value,
                "ends": "" if e.ends is None else e.ends.to_edtf(),
                "actors": "; ".join(e.actors),
                "location": e.location or "",
                "kind": e.kind or "",
                "sources": "; ".join(s.name for s in e.sources),
                "description": e.description or "",
                "tags": "; ".join(sorted(e.tags)),
            }
        )
    return rows


def narrowed(t: Timeline, e: Event) -> bool:
    """True when the links place the event more precisely than its own date does."""
    b = t.bounds(e.id)
    return (b.earliest, b.latest) != (e.when.earliest, e.when.latest)
