"""A matplotlib figure of the chronology for papers and reports, behind the ``plot`` extra."""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING, Final

from ..errors import ValidationError
from ._layout import LANE_MODES, LINE_PX, MARK_Y, PLOT_W, layout, ticks

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from ..timeline import Timeline

__all__ = ["PLOT_MISSING", "plot"]

PLOT_MISSING: Final = "plot() needs matplotlib: pip install 'timeline-tracker[plot]'"
_BLUE: Final = "#0072b2"
_VERMILLION: Final = "#d55e00"
_GUTTER: Final = 150.0
_DPI: Final = 100.0


def plot(t: Timeline, *, lanes: str | None = None, width: float = PLOT_W) -> Figure:
    """
    The chronology as a `matplotlib.figure.Figure`, drawn as the HTML page draws it:
    points for known days, hatched possible days, bars for what certainly lasted,
    arrows for links, a zigzag band where the axis skips empty time.

    *lanes* is ``"kind"``, ``"actor"`` or ``"none"`` (one lane); by default, by kind.
    The figure is made without pyplot, so it touches no global state: save it with
    ``fig.savefig("chronology.pdf")``.

    >>> from timeline import formats
    >>> fig = plot(formats.example(), lanes="none")
    >>> type(fig).__name__, len(fig.axes)
    ('Figure', 1)

    Raises:
        ValidationError: *lanes* is not one of the lane modes.
        ImportError: matplotlib is not installed (the ``plot`` extra).
    """
    mode = LANE_MODES.index(lanes) if lanes in LANE_MODES else -1
    if lanes is None:
        mode = 0
    if mode < 0:
        msg = f"must be one of {', '.join(LANE_MODES)}"
        raise ValidationError("lanes", lanes, msg)
    try:
        from matplotlib.figure import Figure
        from matplotlib.lines import Line2D
        from matplotlib.patches import FancyArrowPatch, Patch, Rectangle
        from matplotlib.patheffects import withStroke
    except ImportError as exc:
        raise ImportError(PLOT_MISSING) from exc

    halo = withStroke(linewidth=3, foreground="white")
    lay = layout(t, width=width)
    plot_h = lay.heights[mode]
    total_w, total_h = _GUTTER + width + 20, plot_h + 60 + 70  # + axis labels, legend
    fig = Figure(figsize=(total_w / _DPI, total_h / _DPI), dpi=_DPI)
    ax = fig.add_axes(
        (_GUTTER / total_w, 70 / total_h, width / total_w, plot_h / total_h)
    )
    ax.set_xlim(0, width)
    ax.set_ylim(lay.heights[mode], 0)
    ax.set_yticks([])
    for side in ("left", "right", "bottom"):
        ax.spines[side].set_visible(False)
    ax.xaxis.tick_top()
    marks = ticks(lay.scale)
    ax.set_xticks([m.x for m in marks], [m.label for m in marks], fontsize=7)
    ax.grid(axis="x", color="#dddddd", linewidth=0.6)
    segs = lay.scale.segments
    for a, b in itertools.pairwise(segs):
        ax.axvspan(
            a.x1,
            b.x0,
            facecolor="#f2f2f2",
            hatch="xx",
            edgecolor="#cccccc",
            linewidth=0,
        )
    for lane in lay.lanes[mode]:
        ax.axhline(lane.y, color="#cccccc", linewidth=0.6)
        if lane.name:
            ax.text(
                -8,
                lane.y + 14,
                lane.name,
                ha="right",
                va="center",
                fontsize=8,
                weight="bold",
            )
    anchors = {}
    for box in lay.events:
        y = box.y[mode] + MARK_Y
        anchors[box.id] = (box.anchor, y)
        for m in box.marks:
            if m.kind == "point":
                ax.plot(
                    [m.x0],
                    [y],
                    "o",
                    color=_BLUE,
                    markersize=6,
                    zorder=3,
                    markerfacecolor="white" if box.start.approximate else _BLUE,
                )
            elif m.kind == "open":
                ax.plot([m.x0, m.x1], [y, y], ":", color=_BLUE, linewidth=1.5)
            elif m.kind == "possible":
                ax.add_patch(
                    Rectangle(
                        (m.x0, y - 6),
                        max(m.x1 - m.x0, 2),
                        12,
                        facecolor="#e8f1f8",
                        edgecolor=_BLUE,
                        hatch="////",
                        linewidth=0.8,
                        zorder=2,
                    )
                )
            else:
                ax.add_patch(
                    Rectangle(
                        (m.x0, y - 4),
                        max(m.x1 - m.x0, 2),
                        8,
                        facecolor=_BLUE,
                        linewidth=0,
                        zorder=2,
                    )
                )
        ax.text(
            box.label_x,
            y + 6 + LINE_PX * 0.2,
            "\n".join(box.lines),
            va="top",
            ha="left",
            fontsize=8,
            linespacing=1.25,
            zorder=4,
            path_effects=[halo],  # legible where an arrow crosses
        )
    for k in t.links:
        if k.source not in anchors or k.target not in anchors or not lay.events:
            continue
        (x1, y1), (x2, y2) = anchors[k.source], anchors[k.target]
        causal = k.relation.is_causal
        ax.add_patch(
            FancyArrowPatch(
                (x1, y1),
                (x2, y2),
                connectionstyle="arc3,rad=0.25" if x2 - x1 <= 24 else "arc3,rad=-0.15",
                arrowstyle="-|>",
                mutation_scale=9,
                linewidth=1,
                color=_VERMILLION if causal else "#666666",
                linestyle="-" if causal else "--",
                alpha=0.8,
                zorder=1,
            )
        )
    handles = [
        Line2D([], [], marker="o", color=_BLUE, linestyle="", label="a known day"),
        Patch(
            facecolor="#e8f1f8", edgecolor=_BLUE, hatch="////", label="possible days"
        ),
        Patch(facecolor=_BLUE, label="lasting (certain part)"),
        Line2D([], [], color=_BLUE, linestyle=":", label="open side"),
        Line2D([], [], color=_VERMILLION, label="caused, prompted, enabled"),
        Line2D(
            [], [], color="#666666", linestyle="--", label="before, same day, part of"
        ),
    ]
    fig.legend(handles=handles, loc="lower center", ncols=3, fontsize=7, frameon=False)
    if t.name:
        fig.suptitle(
            t.name, fontsize=10, x=0.02, y=1 - 6 / total_h, ha="left", va="top"
        )
    return fig
