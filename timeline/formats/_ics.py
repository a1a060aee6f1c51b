"""iCalendar (RFC 5545): one all-day VEVENT per dated event, for any calendar program."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pendulum

from ._common import check_timeline, describe, inferred

if TYPE_CHECKING:
    from ..timeline import Timeline

__all__ = ["to_ics"]

_PRODID = "-//timeline developers//timeline-tracker//EN"


def _text(value: str) -> str:
    """An iCalendar TEXT value: backslash, semicolon, comma and newline escaped."""
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n")


def _fold(line: str) -> list[str]:
    """Lines of at most 75 octets, continuations starting with a space, never splitting a character."""
    parts: list[str] = []
    current, size, limit = "", 0, 75
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            parts.append(current)
            current, size, limit = " ", 1, 75
        current += char
        size += width
    parts.append(current)
    return parts


def _day(d: pendulum.Date) -> str:
    return f"{d.year:04d}{d.month:02d}{d.day:02d}"


def _uid_part(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "-", text).strip("-") or "event"


def to_ics(t: Timeline) -> str:
    """
    An iCalendar file: one all-day event per event whose inferred date is bounded.

    A single day becomes a one-day event; a span (a month, "2024-12-20 to
    2025-01-05") an event covering every day it could be, with the date in words
    in the description. `DTEND` is the day after the last day, as RFC 5545 wants
    for all-day events. UIDs come from the event ids and `DTSTAMP` from the
    timeline's reference date, so the same timeline always gives the same file.
    Events with an open-ended date are left out.
    """
    check_timeline(t)
    domain = _uid_part(t.name or "timeline").lower() + ".timeline-tracker.invalid"
    stamp_day = t.reference or pendulum.Date(1970, 1, 1)
    stamp = f"{_day(stamp_day)}T000000Z"
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{_PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ]
    if t.name:
        lines.append(f"X-WR-CALNAME:{_text(t.name)}")
    for e in t.chronology():
        w = inferred(t, e)
        if w.earliest is None or w.latest is None or w.latest.year == 9999:
            continue  # open-ended, or no day after the last to end on
        last = w.latest
        ends = None if e.ends is None else e.ends.latest
        if ends is not None and last < ends and ends.year < 9999:
            last = ends
        details = [f"Date: {describe(w)}"]
        if e.when.text:
            details.append(f"Dated from: {e.when.text}")
        if e.actors:
            details.append("Who: " + ", ".join(e.actors))
        if e.sources:
            details.append("Sources: " + ", ".join(s.name for s in e.sources))
        if e.description:
            details.append(e.description)
        lines += [
            "BEGIN:VEVENT",
            f"UID:{_uid_part(e.id)}-{_uid_hash(e.id)}@{domain}",
            f"DTSTAMP:{stamp}",
            f"DTSTART;VALUE=DATE:{_day(w.earliest)}",
            f"DTEND;VALUE=DATE:{_day(last.add(days=1))}",
            f"SUMMARY:{_text(e.title)}",
            f"DESCRIPTION:{_text(chr(10).join(details))}",
            "TRANSP:TRANSPARENT",
        ]
        if e.location:
            lines.append(f"LOCATION:{_text(e.location)}")
        if e.kind:
            lines.append(f"CATEGORIES:{_text(e.kind)}")
        if not w.is_exact:
            lines.append("STATUS:TENTATIVE")
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "".join(part + "\r\n" for line in lines for part in _fold(line))


def _uid_hash(text: str) -> str:
    """A short stable hash, so ids that differ only in punctuation keep distinct UIDs."""
    import hashlib

    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]
