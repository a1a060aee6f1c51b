"""
A self-contained HTML page: the chronology drawn on a time axis with breaks, lanes,
the causal arrows, zoom and keyboard navigation, then the chronology as a table.

Nothing is fetched: the SVG, the style and a little script are all in the page, and a
Content-Security-Policy forbids any request.
"""

from __future__ import annotations

import hashlib
import itertools
import json
from html import escape
from importlib.resources import files
from typing import TYPE_CHECKING, Final

from ._common import check_timeline
from ._layout import (
    LANE_MODES,
    LINE_PX,
    MARK_Y,
    PLOT_W,
    Box,
    Layout,
    arrow_path,
    date_words,
    layout,
    text_px,
    ticks,
)

if TYPE_CHECKING:
    from ..event import Event
    from ..link import Link
    from ..timeline import Timeline

__all__ = ["figure", "to_html"]

_GUTTER: Final = 150.0  # the column of lane names left of the plot
_TOP: Final = 36.0  # the axis labels above the first lane
_CSP: Final = (
    "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; "
    "img-src data:"
)
_SCRIPT: Final = files(__package__).joinpath("_html_script.js").read_text("utf-8")
_STYLE: Final = """
.tlv { position: relative; font-family: "DejaVu Sans", Verdana, system-ui, sans-serif;
  color: #1a1a1a; max-width: 100%; }
.tlv svg { display: block; max-width: 100%; height: auto; user-select: none; }
.tlv svg text { font-size: 12px; }
.tlv .label tspan { fill: #1a1a1a; paint-order: stroke; stroke: #fff; stroke-width: 3px;
  stroke-linejoin: round; }
.tlv .tick { stroke: #ddd; }
.tlv .tick-label { fill: #555; font-size: 11px; }
.tlv .break { fill: url(#PFX-zigzag); stroke: #bbb; stroke-dasharray: 2 2; }
.tlv .lane-name { fill: #333; font-weight: bold; font-size: 11px; }
.tlv .lane-rule { stroke: #ccc; }
.tlv .point { fill: #0072b2; stroke: #fff; stroke-width: 1.5px; }
.tlv .approximate .point { fill: #fff; stroke: #0072b2; stroke-width: 2px; }
.tlv .possible { fill: url(#PFX-hatch); stroke: #0072b2; stroke-dasharray: 3 2; }
.tlv .certain { fill: #0072b2; }
.tlv .open { stroke: #0072b2; stroke-width: 2px; stroke-dasharray: 1 4;
  stroke-linecap: round; }
.tlv .link { fill: none; stroke-width: 1.6px; opacity: 0.75; }
.tlv .link:hover { stroke-width: 3px; opacity: 1; }
.tlv .causal { stroke: #d55e00; }
.tlv .temporal { stroke: #666; stroke-dasharray: 5 3; }
.tlv .dispute { fill: #cc0000; font-weight: bold; }
.tlv g.event { outline: none; cursor: default; }
.tlv g.event:focus .label tspan, .tlv g.event:hover .label tspan { fill: #000;
  text-decoration: underline; }
.tlv g.event:focus .mk { stroke: #000; stroke-width: 2px; }
.tlv-controls { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center;
  margin: 0.5rem 0; font-size: 0.9rem; }
.tlv-controls button, .tlv-controls select { font: inherit; padding: 0.15rem 0.6rem; }
.tlv-legend { display: flex; flex-wrap: wrap; gap: 0.3rem 1.2rem; margin: 0.4rem 0;
  padding: 0; list-style: none; font-size: 0.85rem; }
.tlv-legend svg { display: inline-block; vertical-align: middle; margin-right: 0.3rem; }
.tlv-tip { position: absolute; z-index: 2; max-width: 320px; background: #fff;
  border: 1px solid #444; padding: 0.4rem 0.6rem; font-size: 0.85rem;
  box-shadow: 2px 2px 6px rgba(0, 0, 0, 0.2); pointer-events: none; }
.tlv-help { font-size: 0.8rem; color: #555; }
.tlv table { border-collapse: collapse; margin-top: 1rem; font-size: 0.9rem; }
.tlv td, .tlv th { border-bottom: 1px solid #ddd; padding: 0.25rem 0.6rem;
  text-align: left; vertical-align: top; }
@media print {
  .tlv-controls, .tlv-help, .tlv-tip { display: none; }
  .tlv .link { opacity: 1; }
}
"""


def to_html(t: Timeline) -> str:
    """
    One HTML page that fetches nothing: the picture of the chronology, then its table.

    The picture draws each event where its inferred dates put it (a point for a known
    day, hatched possible days, a bar for the certain part of an event that lasts, a
    dotted line for an open side), in lanes by kind or actor, with the causal links
    as arrows; time where nothing happens is cut out of the axis (a zigzag band).
    Wheel, drag and keys zoom and pan; the table is the text alternative.

    >>> from timeline import formats
    >>> page = to_html(formats.example())
    >>> page.startswith("<!DOCTYPE html>"), page.count('<g class="event'), "://" in page
    (True, 13, False)
    """
    check_timeline(t)
    title = t.name or "Chronology"
    intro = (
        f"<p>Dates read as of {t.reference}.</p>\n" if t.reference is not None else ""
    )
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n"
        "<style>body { margin: 1.5rem; font-family: system-ui, sans-serif; }"
        " h1 { font-size: 1.4rem; }</style>\n"
        "</head>\n<body>\n"
        f"<h1>{escape(title)}</h1>\n{intro}" + figure(t) + "\n</body>\n</html>\n"
    )


def figure(t: Timeline, *, compact: bool = False) -> str:
    """
    The picture, controls, legend and table as one ``<div>`` to put in any page (a
    notebook shows it compact: narrower, with the table folded away).

    >>> from timeline import Timeline
    >>> figure(Timeline()).startswith('<div class="tlv"')
    True
    """
    lay = layout(t, width=640.0 if compact else PLOT_W)
    events = {e.id: e for e in t.chronology()}
    pfx = (
        "tlv"
        + hashlib.sha1(
            "\0".join(f"{e.id}\0{e.title}" for e in events.values()).encode(),
            usedforsecurity=False,
        ).hexdigest()[:8]
    )
    disputes = _disputes(t)
    mode = _default_mode(lay)
    data = {
        "segments": lay.scale.to_data(),
        "width": lay.scale.width,
        "gutter": _GUTTER,
        "top": _TOP,
        "markY": MARK_Y,
        "heights": list(lay.heights),
        "modes": list(LANE_MODES),
        "mode": mode,
    }
    table = _table(t, lay)
    parts = [
        f'<div class="tlv" id="{pfx}">',
        f"<style>{_STYLE.replace('PFX', pfx)}</style>",
        _controls(mode),
        _legend(pfx, lay, bool(disputes)),
        _svg(t, lay, events, disputes, pfx, mode),
        '<div class="tlv-tip" role="tooltip" hidden></div>',
        '<p class="tlv-help">Wheel or + and - to zoom, drag or ←/→ to pan, 0 to fit; '
        "Tab to an event, then arrow keys to move from one to the next.</p>",
        f"<details><summary>The chronology as a table</summary>{table}</details>"
        if compact
        else table,
        '<script type="application/json" class="tlv-data">'
        + json.dumps(data).replace("<", "\\u003c")
        + "</script>",
        f"<script>{_SCRIPT}</script>",
        "</div>",
    ]
    return "\n".join(parts)


def _default_mode(lay: Layout) -> int:
    """Lanes by kind when events have kinds, else by actor when they have actors, else none."""
    for mode in (0, 1):
        names = {b.lanes[mode] for b in lay.events}
        if len(names) > 1 or (names and not next(iter(names)).startswith("(")):
            return mode
    return 2


def _disputes(t: Timeline) -> dict[str, list[str]]:
    """
    Event id to the explanations of its disputed claims, for timelines that record
    claims (`t.disputes()`); empty for those that do not.
    """
    disputes = getattr(t, "disputes", None)
    out: dict[str, list[str]] = {}
    for d in disputes() if callable(disputes) else ():
        claim = d.claim
        event = getattr(claim, "event_id", None) or getattr(claim, "event", None)
        out.setdefault(str(event), []).append(str(d.explanation))
    return out


def _controls(mode: int) -> str:
    options = "".join(
        f'<option value="{m}"{" selected" if i == mode else ""}>'
        f"{'one lane' if m == 'none' else 'by ' + m}</option>"
        for i, m in enumerate(LANE_MODES)
    )
    return (
        '<div class="tlv-controls">'
        '<button type="button" class="tlv-fit" title="Show everything (0)">Fit</button>'
        '<button type="button" class="tlv-in" title="Zoom in (+)" aria-label="Zoom in">+</button>'
        '<button type="button" class="tlv-out" title="Zoom out (-)" aria-label="Zoom out">\N{MINUS SIGN}</button>'
        f'<label>Lanes <select class="tlv-lanes">{options}</select></label>'
        "</div>"
    )


def _swatch(body: str) -> str:
    return f'<svg width="34" height="14" viewBox="0 0 34 14" aria-hidden="true">{body}</svg>'


def _legend(pfx: str, lay: Layout, disputed: bool) -> str:
    items = [
        (_swatch('<circle class="point" cx="17" cy="7" r="5"/>'), "a known day"),
        (
            _swatch(
                f'<rect x="2" y="2" width="30" height="10" fill="url(#{pfx}-hatch)" stroke="#0072b2" stroke-dasharray="3 2"/>'
            ),
            "possible days (the date is known only to within this range)",
        ),
        (
            _swatch('<rect class="certain" x="2" y="3" width="30" height="8"/>'),
            "lasting: the days it certainly went on",
        ),
        (
            _swatch('<line class="open" x1="2" y1="7" x2="32" y2="7"/>'),
            "open: no bound on this side",
        ),
        (
            _swatch('<path class="link causal" d="M 2 7 L 30 7"/>'),
            "caused, prompted or enabled",
        ),
        (
            _swatch('<path class="link temporal" d="M 2 7 L 30 7"/>'),
            "before, same day or part of",
        ),
    ]
    if len(lay.scale.segments) > 1:
        items.append(
            (
                _swatch(
                    f'<rect class="break" x="10" y="0" width="14" height="14" fill="url(#{pfx}-zigzag)"/>'
                ),
                "time left out of the axis",
            )
        )
    if disputed:
        items.append(
            (_swatch('<text class="dispute" x="12" y="12">!</text>'), "disputed date")
        )
    return (
        '<ul class="tlv-legend" aria-label="Legend">'
        + "".join(f"<li>{s}{escape(text)}</li>" for s, text in items)
        + "</ul>"
    )


def _defs(pfx: str, width: float) -> str:
    return (
        "<defs>"
        f'<pattern id="{pfx}-hatch" width="5" height="5" patternUnits="userSpaceOnUse" '
        'patternTransform="rotate(45)"><rect width="5" height="5" fill="#e8f1f8"/>'
        '<line x1="0" y1="0" x2="0" y2="5" stroke="#0072b2" stroke-width="1.6"/></pattern>'
        f'<pattern id="{pfx}-zigzag" width="8" height="8" patternUnits="userSpaceOnUse">'
        '<rect width="8" height="8" fill="#f6f6f6"/>'
        '<path d="M 0 4 L 2 2 L 6 6 L 8 4" fill="none" stroke="#bbb"/></pattern>'
        + "".join(
            f'<marker id="{pfx}-{name}" viewBox="0 0 10 10" refX="9" refY="5" '
            'markerWidth="7" markerHeight="7" orient="auto-start-reverse">'
            f'<path d="M 0 0 L 10 5 L 0 10 z" fill="{colour}"/></marker>'
            for name, colour in (("causal", "#d55e00"), ("temporal", "#666"))
        )
        + f'<clipPath id="{pfx}-clip"><rect x="{_GUTTER - 6}" y="0" '
        f'width="{width + 30}" height="100000"/></clipPath>'
        "</defs>"
    )


def _svg(
    t: Timeline,
    lay: Layout,
    events: dict[str, Event],
    disputes: dict[str, list[str]],
    pfx: str,
    mode: int,
) -> str:
    width = _GUTTER + lay.scale.width + 16
    height = _TOP + lay.heights[mode] + 8
    title = escape(t.name or "Chronology")
    out = [
        f'<svg class="tlv-plot" width="{width:.0f}" height="{height:.0f}" '
        f'viewBox="0 0 {width:.0f} {height:.0f}" role="group" '
        f'aria-label="{title}: {len(events)} events on a time axis; the table below lists them">',
        _defs(pfx, lay.scale.width),
        '<g class="tlv-ticks">',
    ]
    for tick in ticks(lay.scale):
        x = _GUTTER + tick.x
        out.append(
            f'<line class="tick" x1="{x:.1f}" x2="{x:.1f}" y1="{_TOP - 10}" y2="{height:.0f}"/>'
            f'<text class="tick-label" x="{x + 3:.1f}" y="{_TOP - 14}">{escape(tick.label)}</text>'
        )
    out.append('</g><g class="tlv-breaks">')
    segs = lay.scale.segments
    for a, b in itertools.pairwise(segs):
        out.append(
            f'<rect class="break" x="{_GUTTER + a.x1:.1f}" y="{_TOP - 10}" '
            f'width="{b.x0 - a.x1:.1f}" height="{height - _TOP + 10:.0f}"/>'
        )
    out.append("</g>")
    for i, m in enumerate(LANE_MODES):
        hidden = "" if i == mode else ' style="display: none"'
        out.append(f'<g class="lanes" data-mode="{m}"{hidden}>')
        for lane in lay.lanes[i]:
            y = _TOP + lane.y
            out.append(
                f'<line class="lane-rule" x1="0" x2="{width:.0f}" y1="{y:.1f}" y2="{y:.1f}"/>'
            )
            for k, line in enumerate(_wrap_lane(lane.name)):
                out.append(
                    f'<text class="lane-name" x="4" y="{y + 16 + k * 13:.1f}">{escape(line)}</text>'
                )
        out.append("</g>")
    out.append(f'<g clip-path="url(#{pfx}-clip)">')
    links = t.links
    out += _links(t, links, lay, pfx, mode)
    touching: dict[str, list[str]] = {}  # each event's links in words, for its tooltip
    for link in links:
        phrase = link.relation.phrase
        touching.setdefault(link.source, []).append(f"this {phrase} {link.target}")
        touching.setdefault(link.target, []).append(f"{link.source} {phrase} this")
    for box in lay.events:
        e = events[box.id]
        out.append(
            _event(box, e, touching.get(e.id, []), disputes.get(box.id, []), mode)
        )
    out.append("</g></svg>")
    return "\n".join(out)


def _wrap_lane(name: str) -> list[str]:
    limit = int((_GUTTER - 10) / 6.5)
    return [name] if len(name) <= limit else [name[: limit - 1] + "…"]


def _links(
    t: Timeline, links: tuple[Link, ...], lay: Layout, pfx: str, mode: int
) -> list[str]:
    boxes = {b.id: b for b in lay.events}
    out: list[str] = []
    near_at: dict[int, int] = {}  # how many short links already start near each x
    for k in links:
        a, b = boxes[k.source], boxes[k.target]
        if not a.marks or not b.marks:
            continue
        bow = 0
        if b.anchor - a.anchor <= 24:
            slot = round(min(a.anchor, b.anchor) / 24)
            bow = near_at.get(slot, 0)
            near_at[slot] = bow + 1
        cls = "causal" if k.relation.is_causal else "temporal"
        d = arrow_path(
            _GUTTER + a.anchor,
            _TOP + a.y[mode] + MARK_Y,
            _GUTTER + b.anchor,
            _TOP + b.y[mode] + MARK_Y,
            bow,
        )
        out.append(
            f'<path class="link {cls}" data-relation="{k.relation.value}" '
            f'data-source="{escape(k.source)}" data-target="{escape(k.target)}" '
            f'data-bow="{bow}" d="{d}" marker-end="url(#{pfx}-{cls})">'
            f"<title>{escape(t[k.source].title)} {escape(k.relation.phrase)} "
            f"{escape(t[k.target].title)}</title></path>"
        )
    return out


def _event(
    box: Box, e: Event, touching: list[str], disputes: list[str], mode: int
) -> str:
    date = date_words(box.start, box.end)
    sources = "; ".join(
        s.name
        + (f" ({s.url})" if s.url else "")
        + (f': "{s.quote}"' if s.quote else "")
        for s in e.sources
    )
    words = ", ".join(w.text for w in (e.when, e.ends) if w is not None and w.text)
    links = "; ".join(touching)
    attrs = {
        "data-id": e.id,
        "data-title": e.title,
        "data-date": date,
        "data-start": "" if box.start.earliest is None else str(box.start.earliest),
        "data-anchor": f"{box.anchor:.2f}",
        "data-words": f"Words: {words}" if words else "",
        "data-who": ", ".join(e.actors + ((e.location,) if e.location else ())),
        "data-sources": f"Sources: {sources}" if sources else "",
        "data-links": f"Links: {links}" if links else "",
        "data-dispute": ("Disputed: " + "; ".join(disputes)) if disputes else "",
    }
    for i, y in enumerate(box.y):
        attrs[f"data-y{i}"] = f"{y:.1f}"
    classes = "event" + (" approximate" if box.start.approximate else "")
    head = " ".join(f'{k}="{escape(v)}"' for k, v in attrs.items())
    out = [
        f'<g class="{classes}" tabindex="0" role="img" '
        f'aria-label="{escape(e.title)}, {escape(date)}" {head} '
        f'transform="translate(0,{_TOP + box.y[mode]:.1f})">',
        f"<title>{escape(e.title)}: {escape(date)}</title>",
    ]
    for m in box.marks:
        x0, x1 = _GUTTER + m.x0, _GUTTER + m.x1
        pos = f'data-x0="{m.x0:.2f}" data-x1="{m.x1:.2f}"'
        if m.kind == "point":
            out.append(
                f'<circle class="mk point" {pos} cx="{x0:.1f}" cy="{MARK_Y}" r="5"/>'
            )
        elif m.kind == "open":
            out.append(
                f'<line class="mk open" {pos} x1="{x0:.1f}" x2="{x1:.1f}" y1="{MARK_Y}" y2="{MARK_Y}"/>'
            )
        else:
            h = 12 if m.kind == "possible" else 8
            out.append(
                f'<rect class="mk {m.kind}" {pos} x="{x0:.1f}" y="{MARK_Y - h / 2}" '
                f'width="{max(x1 - x0, 2):.1f}" height="{h}"/>'
            )
    ref = box.marks[0].x0 if box.marks else 0.0
    lx = _GUTTER + box.label_x
    out.append(
        f'<text class="label" data-ref="{ref:.2f}" data-dx="{box.label_x - ref:.2f}">'
        + "".join(
            f'<tspan x="{lx:.1f}" y="{MARK_Y + 6 + LINE_PX * (k + 1) - 3:.1f}">{escape(line)}</tspan>'
            for k, line in enumerate(box.lines)
        )
        + "</text>"
    )
    if disputes:
        w = max(text_px(line) for line in box.lines)
        out.append(
            f'<text class="dispute" x="{lx + w + 4:.1f}" y="{MARK_Y + 6 + LINE_PX - 3:.1f}">!</text>'
        )
    out.append("</g>")
    return "".join(out)


def _table(t: Timeline, lay: Layout) -> str:
    rows = []
    for box in lay.events:
        e = t[box.id]
        sources = "; ".join(
            s.name + (f" ({s.url})" if s.url else "") for s in e.sources
        )
        words = ", ".join(w.text for w in (e.when, e.ends) if w is not None and w.text)
        rows.append(
            "<tr>"
            + "".join(
                f"<td>{escape(cell)}</td>"
                for cell in (
                    date_words(box.start, box.end),
                    e.title,
                    ", ".join(e.actors),
                    e.location or "",
                    e.kind or "",
                    sources,
                    words,
                )
            )
            + "</tr>"
        )
    head = "".join(
        f"<th>{h}</th>"
        for h in ("Date", "Event", "Who", "Where", "Kind", "Sources", "Words used")
    )
    return (
        f"<table><caption>{escape(t.name or 'Chronology')}, in order</caption>"
        f"<thead><tr>{head}</tr></thead><tbody>" + "".join(rows) + "</tbody></table>"
    )
