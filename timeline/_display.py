"""
How timelines, events and dates show themselves: a `repr` that lists what a timeline
holds (so a failing test shows it), and HTML for notebooks.

>>> from timeline import Timeline
>>> t = Timeline(reference="2025-02-10", name="Aktau")
>>> _ = t.add("Jet crashes near Aktau", when="December 25", id="crash")
>>> print(timeline_repr(t))
<Timeline 'Aktau': 1 event, 0 links
  crash  2024-12-25  Jet crashes near Aktau>
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING, Final

from .formats import plot
from .formats._common import describe
from .formats._html import figure, to_html

if TYPE_CHECKING:
    from .event import Event
    from .timeline import Timeline
    from .when import When

__all__ = [
    "event_html",
    "plot",
    "timeline_html",
    "timeline_repr",
    "to_html",
    "when_html",
]

MAX_ITEMS: Final = 12
"""How many events, and how many links, `repr` lists before it says how many more."""

_TITLE_MAX: Final = 60


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _cut(text: str, limit: int = _TITLE_MAX) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


def timeline_repr(t: Timeline) -> str:
    """
    ``<Timeline name: N events, M links`` then one line per event in chronological
    order (id, asserted date, the inferred one in brackets where links narrow it,
    title) and one per link, each list cut after `MAX_ITEMS` lines.

    >>> from timeline import Timeline
    >>> timeline_repr(Timeline())
    '<Timeline: 0 events, 0 links>'
    """
    name = "" if t.name is None else f" {t.name!r}"
    links = t.links
    head = f"<Timeline{name}: {_count(len(t), 'event')}, {_count(len(links), 'link')}"
    events = t.chronology()
    if not events:
        return head + ">"
    shown = events[:MAX_ITEMS]
    width = max(len(e.id) for e in shown)
    dates = []
    for e in shown:
        date = e.when.to_edtf()
        if e.ends is not None:
            date += f" until {e.ends.to_edtf()}"
        inferred = t.bounds(e.id)
        if inferred != e.when:
            date += f" [{inferred.to_edtf()}]"
        dates.append(date)
    date_w = max(len(d) for d in dates)
    lines = [
        f"  {e.id:<{width}}  {d:<{date_w}}  {_cut(e.title)}"
        for e, d in zip(shown, dates, strict=True)
    ]
    if len(events) > MAX_ITEMS:
        lines.append(f"  ... and {_count(len(events) - MAX_ITEMS, 'more event')}")
    lines += [f"  {k.source} {k.relation.phrase} {k.target}" for k in links[:MAX_ITEMS]]
    if len(links) > MAX_ITEMS:
        lines.append(f"  ... and {_count(len(links) - MAX_ITEMS, 'more link')}")
    return head + "\n" + "\n".join(lines) + ">"


def timeline_html(t: Timeline) -> str:
    """The HTML page's picture, compact, for a notebook cell."""
    return figure(t, compact=True)


_CARD: Final = (
    "border-left: 3px solid #0072b2; padding: 0.2rem 0.6rem; font-family: sans-serif"
)


def when_html(w: When) -> str:
    """
    A date for a notebook: EDTF, in words, and the words it came from.

    >>> from timeline import When
    >>> when_html(When.month(2025, 1))
    '<span class="tl-when" title="2025-01-01 to 2025-01-31"><code>2025-01</code> (a month)</span>'
    """
    span = (
        "no bound known"
        if w.is_unknown
        else f"{w.earliest or 'any day'} to {w.latest or 'any day'}"
    )
    words = []
    if w.granularity is not None:
        words.append(f"a {w.granularity.value}")
    elif not w.is_unknown:
        words.append(describe(w))
    else:
        words.append("date unknown")
    if w.text:
        words.append(f"from \u201c{escape(w.text)}\u201d")
    return (
        f'<span class="tl-when" title="{span}"><code>{escape(w.to_edtf())}</code> '
        f"({', '.join(words)})</span>"
    )


def event_html(e: Event) -> str:
    """
    An event for a notebook: its title and date, then whatever else it records.

    >>> from timeline import Event
    >>> "<strong>Crash</strong>" in event_html(Event("crash", "Crash", "2024-12-25"))
    True
    """
    rows = [("date", when_html(e.when))]
    if e.ends is not None:
        rows.append(("ends", when_html(e.ends)))
    for label, value in (
        ("who", ", ".join(e.actors)),
        ("where", e.location or ""),
        ("kind", e.kind or ""),
        ("tags", ", ".join(sorted(e.tags))),
        ("about", e.description or ""),
    ):
        if value:
            rows.append((label, escape(value)))
    for s in e.sources:
        bits = [escape(s.name)]
        if s.published is not None:
            bits.append(f"published {s.published}")
        if s.quote:
            bits.append(f"\u201c{escape(s.quote)}\u201d")
        if s.url:
            bits.append(f"<code>{escape(s.url)}</code>")
        rows.append(("source", ", ".join(bits)))
    body = "".join(
        f'<tr><th style="text-align: left; padding-right: 0.8rem">{k}</th>'
        f'<td style="text-align: left">{v}</td></tr>'
        for k, v in rows
    )
    return (
        f'<div class="tl-event" style="{_CARD}"><strong>{escape(e.title)}</strong> '
        f"<code>{escape(e.id)}</code><table>{body}</table></div>"
    )
