"""Diagrams: a Mermaid flowchart or Gantt chart and a Graphviz DOT graph, in chronological order."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ._common import check_timeline, inferred, span

if TYPE_CHECKING:
    from ..link import Link
    from ..timeline import Timeline

__all__ = ["to_dot", "to_mermaid", "to_mermaid_gantt"]


def _mermaid_text(text: str) -> str:
    # Mermaid reads entity codes inside a quoted label; escape '#' first.
    for raw, code in (("#", "#35;"), ('"', "#quot;"), ("<", "#lt;"), (">", "#gt;")):
        text = text.replace(raw, code)
    return " ".join(text.splitlines())  # \r and U+2028 end a Mermaid line too


def _arrow(link: Link) -> str:
    return "-->" if link.relation.is_causal else "-.->"


def to_mermaid(t: Timeline) -> str:
    """
    A Mermaid flowchart: one box per event (inferred date, its end for an event that
    lasts, and title), solid arrows for causal links and dotted arrows for temporal
    and structural ones. `to_mermaid_gantt` draws the dates on a time axis instead.

    Node names are ``e0``, ``e1``, ... in chronological order, so any event id is safe.
    """
    check_timeline(t)
    names = {}
    lines = ["flowchart TD"]
    for i, e in enumerate(t.chronology()):
        names[e.id] = f"e{i}"
        label = f"{span(t, e)}<br/>{_mermaid_text(e.title)}"
        lines.append(f'    e{i}["{label}"]')
    for k in t.links:
        lines.append(
            f"    {names[k.source]} {_arrow(k)}|{k.relation.phrase}| {names[k.target]}"
        )
    return "\n".join(lines) + "\n"


def _dot_string(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"'


def to_dot(t: Timeline) -> str:
    """
    A Graphviz DOT digraph, left to right: boxes labelled with date (and end, for an
    event that lasts) and title, lasting events as filled rounded boxes, solid edges
    for causal links, dashed ones for the rest.
    """
    check_timeline(t)
    lines = [
        f"digraph {_dot_string(t.name or 'timeline')} {{",
        "    rankdir=LR;",
        '    node [shape=box, fontname="Helvetica"];',
    ]
    for e in t.chronology():
        label = f"{span(t, e)}\n{e.title}"
        lasting = ', style="rounded,filled", fillcolor="#d9e8f5"' if e.ends else ""
        lines.append(f"    {_dot_string(e.id)} [label={_dot_string(label)}{lasting}];")
    for k in t.links:
        style = "solid" if k.relation.is_causal else "dashed"
        lines.append(
            f"    {_dot_string(k.source)} -> {_dot_string(k.target)} "
            f"[label={_dot_string(k.relation.phrase)}, style={style}];"
        )
    lines.append("}")
    return "\n".join(lines) + "\n"


def _gantt_text(text: str) -> str:
    # A Gantt line is "name :tags, id, start, length": keep its separators out of names.
    for raw, safe in ((":", " -"), (";", ","), ("#", "no. "), ("%", " per cent")):
        text = text.replace(raw, safe)
    return " ".join(text.split())


def to_mermaid_gantt(t: Timeline) -> str:
    """
    A Mermaid Gantt chart: a section per kind, a milestone for an event of one known
    day, a bar from the first possible start day to the last possible end day for the
    rest, marked ``active`` (drawn lighter) where a start or end is uncertain.
    Events without a bounded date are listed in a comment.

    >>> from timeline import Event, Timeline, When
    >>> t = Timeline([Event("a", "Trade grows", When.year(2021), ends=When.year(2024)),
    ...               Event("b", "Talks: day one", "2025-01-27")])
    >>> print(to_mermaid_gantt(t), end="")
    gantt
        title Chronology
        dateFormat YYYY-MM-DD
        axisFormat %Y-%m-%d
        section Events
        Trade grows (2021 until 2024) :active, e0, 2021-01-01, 1461d
        Talks - day one :milestone, e1, 2025-01-27, 0d
    """
    lines = [
        "gantt",
        f"    title {_gantt_text(t.name or 'Chronology')}",
        "    dateFormat YYYY-MM-DD",
        "    axisFormat %Y-%m-%d",
    ]
    sections: dict[str, list[str]] = {}
    left_out = []
    for i, e in enumerate(t.chronology()):
        start = inferred(t, e)
        end_bounds = getattr(t, "end_bounds", None)
        end = e.ends if end_bounds is None or e.ends is None else end_bounds(e.id)
        last = start.latest if end is None else end.latest
        if start.earliest is None or last is None:
            left_out.append(e.title)
            continue
        name = _gantt_text(e.title)
        if start.days == 1 and (end is None or end == start):
            task = f"{name} :milestone, e{i}, {start.earliest}, 0d"
        else:
            days = last.toordinal() - start.earliest.toordinal() + 1
            exact = start.days == 1 and (end is None or end.days == 1)
            tag = "" if exact else "active, "
            task = f"{name} ({_gantt_text(span(t, e))}) :{tag}e{i}, {start.earliest}, {days}d"
        sections.setdefault(e.kind or "Events", []).append(task)
    for section, tasks in sections.items():
        lines.append(f"    section {_gantt_text(section)}")
        lines += [f"    {task}" for task in tasks]
    lines += [f"    %% no bounded date: {_gantt_text(title)}" for title in left_out]
    return "\n".join(lines) + "\n"
