"""Markdown: a chronology a person can paste into a report."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ._common import inferred, span

if TYPE_CHECKING:
    from ..timeline import Timeline

__all__ = ["to_markdown"]


def _cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def to_markdown(t: Timeline) -> str:
    """
    A heading, a table of events in chronological order, then the links in words.

    The date column shows the inferred date; the words the source used follow in
    parentheses, and dates placed only by links are marked "(inferred)".
    """
    lines = [f"# {t.name or 'Chronology'}", ""]
    if t.reference is not None:
        lines += [f"Dates read as of {t.reference}.", ""]
    lines += ["| Date | Event | Who | Where | Sources |", "|---|---|---|---|---|"]
    for e in t.chronology():
        placed = inferred(t, e)
        date = span(t, e)
        if e.when.text:
            date += f" ({e.when.text})"
        elif e.when.is_unknown and not placed.is_unknown:
            date += " (inferred)"
        cells = [
            date,
            e.title,
            ", ".join(e.actors),
            e.location or "",
            ", ".join(s.name for s in e.sources),
        ]
        lines.append("| " + " | ".join(_cell(c) for c in cells) + " |")
    if t.links:
        titles = {e.id: e.title for e in t.events}
        lines += ["", "## Links", ""]
        for k in t.links:
            gap = ""
            if k.min_days is not None or k.max_days is not None:
                lo = "" if k.min_days is None else str(k.min_days)
                hi = "" if k.max_days is None else str(k.max_days)
                gap = f" ({lo if lo == hi else f'{lo}..{hi}'} days)"
            note = f": {k.note}" if k.note else ""
            lines.append(
                f"- {titles[k.source]} **{k.relation.phrase}** "
                f"{titles[k.target]}{gap}{note}"
            )
    return "\n".join(lines) + "\n"
