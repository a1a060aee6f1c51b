"""Markdown: a chronology a person can paste into a report."""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from ._common import check_timeline, inferred, span

if TYPE_CHECKING:
    from ..timeline import Timeline

__all__ = ["to_markdown"]


_ESCAPES: Final = str.maketrans(
    {
        "\\": "\\\\",
        "|": "\\|",
        "`": "\\`",
        "*": "\\*",
        "_": "\\_",
        "[": "\\[",
        "]": "\\]",
        "&": "&amp;",
        "<": "&lt;",
        ">": "&gt;",
    }
)


def _text(text: str) -> str:
    """
    Text from a user, made inert: one line, raw HTML as entities, Markdown markers literal.

    >>> _text("<b>Crash</b> | *near*\\nAktau")
    '&lt;b&gt;Crash&lt;/b&gt; \\\\| \\\\*near\\\\* Aktau'
    """
    return " ".join(text.splitlines()).translate(_ESCAPES)


def to_markdown(t: Timeline) -> str:
    """
    A heading, a table of events in chronological order, then the links in words.

    The date column shows the inferred date; the words the source used follow in
    parentheses, and dates placed only by links are marked "(inferred)". Text from
    the timeline is kept to one line, with raw HTML written as entities and
    Markdown's markers (``*``, ``_``, `````, ``[``, ``]``, ``|``) escaped, so that it
    shows as typed and injects nothing.
    """
    check_timeline(t)
    lines = [f"# {_text(t.name or 'Chronology')}", ""]
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
        lines.append("| " + " | ".join(_text(c) for c in cells) + " |")
    if t.links:
        titles = {e.id: e.title for e in t.events}
        lines += ["", "## Links", ""]
        for k in t.links:
            gap = ""
            if k.min_days is not None or k.max_days is not None:
                lo = "" if k.min_days is None else str(k.min_days)
                hi = "" if k.max_days is None else str(k.max_days)
                gap = f" ({lo if lo == hi else f'{lo}..{hi}'} days)"
            note = f": {_text(k.note)}" if k.note else ""
            lines.append(
                f"- {_text(titles[k.source])} **{k.relation.phrase}** "
                f"{_text(titles[k.target])}{gap}{note}"
            )
    return "\n".join(lines) + "\n"
