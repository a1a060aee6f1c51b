"""A self-contained HTML page: the chronology drawn as an SVG timeline, with the causal arrows."""

from __future__ import annotations

import math
from collections.abc import Callable
from html import escape
from typing import TYPE_CHECKING, Final

import pendulum

from ._common import check_timeline, describe, inferred

if TYPE_CHECKING:
    from ..timeline import Timeline
    from ..when import When

__all__ = ["to_html"]

_LABEL_W: Final = 330  # the column of titles left of the plot
_PLOT_W: Final = 620
_ROW_H: Final = 34
_TOP: Final = 40
_STYLE: Final = """
body { font-family: system-ui, sans-serif; margin: 2rem; color: #222; }
h1 { font-size: 1.4rem; }
svg text { font-size: 12px; }
.label { fill: #222; }
.date { fill: #666; font-size: 11px; }
.span { fill: #4a78b5; fill-opacity: 0.35; stroke: #4a78b5; }
.day { fill: #4a78b5; }
.open { stroke: #4a78b5; stroke-dasharray: 4 3; }
.tick { stroke: #ddd; }
.causal { stroke: #c0392b; fill: none; stroke-width: 1.5; }
.temporal { stroke: #888; fill: none; stroke-dasharray: 3 3; }
table { border-collapse: collapse; margin-top: 1.5rem; }
td, th { border-bottom: 1px solid #ddd; padding: 0.25rem 0.6rem; text-align: left; }
"""


def to_html(t: Timeline) -> str:
    """
    One HTML page, no scripts and nothing fetched: an SVG with a row per event (a dot
    for a known day, a bar for a span of possible days, a dashed line for an open
    side), curved red arrows for causal links and dashed grey ones for temporal
    links, then the chronology as a table.
    """
    check_timeline(t)
    events = t.chronology()
    bounds = {e.id: inferred(t, e) for e in events}
    lo, hi = _axis(list(bounds.values()))

    def x(day: int) -> float:
        # Dates beyond the axis (a trend over years beside events of one month)
        # run to the edge of the plot.
        day = min(max(day, lo), hi)
        return _LABEL_W + (day - lo) / (hi - lo) * _PLOT_W

    height = _TOP + _ROW_H * len(events) + 20
    width = _LABEL_W + _PLOT_W + 30
    title = t.name or "Chronology"
    svg = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-label="{escape(title)}">',
        "<defs>",
        '<marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" '
        'markerHeight="7" orient="auto-start-reverse">'
        '<path d="M 0 0 L 10 5 L 0 10 z" fill="#c0392b"/></marker>',
        '<marker id="arrow-grey" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" '
        'markerHeight="7" orient="auto-start-reverse">'
        '<path d="M 0 0 L 10 5 L 0 10 z" fill="#888"/></marker>',
        "</defs>",
    ]
    if any(not w.is_unknown for w in bounds.values()):
        svg += _ticks(lo, hi, x, height)
    anchor: dict[str, tuple[float, float]] = {}
    for row, e in enumerate(events):
        y = _TOP + row * _ROW_H + _ROW_H / 2
        w = bounds[e.id]
        svg.append(f'<g class="event" id="event-{escape(e.id)}">')
        svg.append(f"<title>{escape(e.title)}: {escape(describe(w))}</title>")
        svg.append(
            f'<text class="label" x="8" y="{y - 2:.1f}">{escape(_short(e.title))}</text>'
        )
        svg.append(
            f'<text class="date" x="8" y="{y + 11:.1f}">{escape(describe(w))}</text>'
        )
        anchor[e.id] = _mark(svg, w, x, y)
        svg.append("</g>")
    for k in t.links:
        (x1, y1), (x2, y2) = anchor[k.source], anchor[k.target]
        cls, marker = (
            ("causal", "arrow") if k.relation.is_causal else ("temporal", "arrow-grey")
        )
        bend = max(abs(y2 - y1) / 2, 12.0)
        svg.append(
            f'<path class="{cls}" data-relation="{k.relation.value}" '
            f'd="M {x1:.1f} {y1:.1f} C {x1 + bend:.1f} {y1:.1f}, {x2 + bend:.1f} {y2:.1f}, '
            f'{x2:.1f} {y2:.1f}" marker-end="url(#{marker})">'
            f"<title>{escape(k.source)} {escape(k.relation.phrase)} {escape(k.target)}</title>"
            "</path>"
        )
    svg.append("</svg>")

    rows = []
    for e in events:
        rows.append(
            "<tr>"
            f"<td>{escape(describe(bounds[e.id]))}</td>"
            f"<td>{escape(e.title)}</td>"
            f"<td>{escape(', '.join(e.actors))}</td>"
            f"<td>{escape(e.location or '')}</td>"
            f"<td>{escape(e.when.text or '')}</td>"
            "</tr>"
        )
    intro = f"<p>Dates read as of {t.reference}.</p>" if t.reference is not None else ""
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(title)}</title>\n<style>{_STYLE}</style>\n</head>\n<body>\n"
        f"<h1>{escape(title)}</h1>\n{intro}\n"
        + "\n".join(svg)
        + "\n<table>\n<thead><tr><th>Date</th><th>Event</th><th>Who</th><th>Where</th>"
        "<th>Words used</th></tr></thead>\n<tbody>\n"
        + "\n".join(rows)
        + "\n</tbody>\n</table>\n</body>\n</html>\n"
    )


def _axis(dates: list[When]) -> tuple[int, int]:
    """
    The first and last day the plot shows, as ordinals.

    The axis covers the dates known to within a quarter where there are any, so
    that a long trend does not squeeze a month of events into a few pixels.
    """
    precise = [w for w in dates if w.days is not None and w.days <= 92]
    chosen = precise or dates
    days = [
        d.toordinal() for w in chosen for d in (w.earliest, w.latest) if d is not None
    ]
    if not days:
        return (1, 2)
    lo, hi = min(days), max(days) + 1
    pad = max((hi - lo) // 20, 1)
    return (max(lo - pad, 1), min(hi + pad, pendulum.Date.max.toordinal()))


def _short(title: str, limit: int = 48) -> str:
    return title if len(title) <= limit else title[: limit - 1] + "\u2026"


def _mark(
    svg: list[str], w: When, x: Callable[[int], float], y: float
) -> tuple[float, float]:
    """Draw one event's date; return the point its arrows start from and end at."""
    left = None if w.earliest is None else x(w.earliest.toordinal())
    right = None if w.latest is None else x(w.latest.toordinal() + 1)
    if left is not None and right is not None:
        if w.earliest == w.latest:
            svg.append(f'<circle class="day" cx="{left:.1f}" cy="{y:.1f}" r="5"/>')
            return (left, y)
        svg.append(
            f'<rect class="span" x="{left:.1f}" y="{y - 6:.1f}" '
            f'width="{max(right - left, 4):.1f}" height="12" rx="3"/>'
        )
        return (left, y)
    start = _LABEL_W if left is None else left
    end = _LABEL_W + _PLOT_W if right is None else right
    svg.append(
        f'<line class="open" x1="{start:.1f}" y1="{y:.1f}" x2="{end:.1f}" y2="{y:.1f}"/>'
    )
    return (left if left is not None else (start + end) / 2, y)


def _ticks(lo: int, hi: int, x: Callable[[int], float], height: int) -> list[str]:
    """Vertical lines at the first of each month (of each few years, for long spans), labelled."""
    first, last = pendulum.Date.fromordinal(lo), pendulum.Date.fromordinal(hi)
    start, end = first.year * 12 + first.month - 1, last.year * 12 + last.month - 1
    span = end - start
    if span <= 18:
        step, index = 1, start + 1
    else:
        step, index = 12 * max(1, math.ceil(span / 144)), (first.year + 1) * 12
    out = []
    while index <= end:
        year, month = divmod(index, 12)
        px = x(pendulum.Date(year, month + 1, 1).toordinal())
        label = f"{year}-{month + 1:02d}" if step == 1 else f"{year}"
        out.append(
            f'<line class="tick" x1="{px:.1f}" y1="{_TOP - 12}" x2="{px:.1f}" '
            f'y2="{height - 10}"/><text class="date" x="{px + 2:.1f}" '
            f'y="{_TOP - 16}">{label}</text>'
        )
        index += step
    return out
