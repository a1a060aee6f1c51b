"""TimelineJS3: the JSON that Knight Lab's TimelineJS reads, for a newsroom's timeline page."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

import pendulum

from ..when import Granularity, When
from ._common import check_timeline, describe, inferred

if TYPE_CHECKING:
    from ..event import Event
    from ..timeline import Timeline

__all__ = ["to_timelinejs", "to_timelinejs_data"]


def _date(d: pendulum.Date, granularity: Granularity | None) -> dict[str, int]:
    """A TimelineJS date object, only as fine as the date is known."""
    if granularity in (Granularity.YEAR, Granularity.DECADE, Granularity.CENTURY):
        return {"year": d.year}
    if granularity in (Granularity.MONTH,):
        return {"year": d.year, "month": d.month}
    return {"year": d.year, "month": d.month, "day": d.day}


def _slide(t: Timeline, e: Event) -> dict[str, Any] | None:
    w: When = inferred(t, e)
    if w.is_unknown:
        return None
    lo = w.earliest if w.earliest is not None else w.latest
    if lo is None:  # pragma: no cover - is_unknown above
        return None
    g = w.granularity
    slide: dict[str, Any] = {"unique_id": e.id}
    if g in (Granularity.DAY, Granularity.MONTH, Granularity.YEAR):
        slide["start_date"] = _date(lo, g)
    else:
        # A week, quarter or range: pin it to its first day and say what is known.
        slide["start_date"] = _date(lo, Granularity.DAY)
        if w.latest is not None and w.earliest is not None and w.latest != w.earliest:
            slide["end_date"] = _date(w.latest, Granularity.DAY)
        slide["display_date"] = describe(w)
    if e.ends is not None and e.ends.latest is not None and "end_date" not in slide:
        slide["end_date"] = _date(e.ends.latest, e.ends.granularity)
    if w.approximate or w.uncertain:
        slide["display_date"] = describe(w)
    text = {"headline": _escape(e.title)}  # TimelineJS renders headlines as HTML
    details = [e.description] if e.description else []
    if e.actors:
        details.append("Who: " + ", ".join(e.actors))
    if e.location:
        details.append("Where: " + e.location)
    if e.sources:
        details.append("Sources: " + ", ".join(s.name for s in e.sources))
    if e.when.text:
        details.append(f"Dated from: \u201c{e.when.text}\u201d")
    if details:
        text["text"] = "<br>".join(_escape(d) for d in details)
    slide["text"] = text
    if e.kind:
        slide["group"] = _escape(e.kind)
    return slide


def _escape(text: str) -> str:
    import html

    return html.escape(text, quote=False)


def to_timelinejs_data(t: Timeline) -> dict[str, Any]:
    """
    The TimelineJS3 document as data: a title slide and one slide per dated event.

    Each slide's `start_date` is as fine as the inferred date (a year gives only
    ``year``, a month ``year`` and ``month``); other spans start on their first day,
    end on their last and carry a `display_date` in words. Events that nothing
    dates at all are left out: TimelineJS needs a year.
    """
    check_timeline(t)
    doc: dict[str, Any] = {
        "title": {"text": {"headline": _escape(t.name or "Chronology")}},
        "events": [],
    }
    if t.reference is not None:
        doc["title"]["text"]["text"] = f"Dates read as of {t.reference}."
    for e in t.chronology():
        slide = _slide(t, e)
        if slide is not None:
            doc["events"].append(slide)
    return doc


def to_timelinejs(t: Timeline) -> str:
    """`to_timelinejs_data` as JSON text."""
    return json.dumps(to_timelinejs_data(t), indent=2, ensure_ascii=False) + "\n"
