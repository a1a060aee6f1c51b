"""Diagrams of the links: a Mermaid flowchart and a Graphviz DOT graph, both in chronological order."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ._common import check_timeline, describe, inferred

if TYPE_CHECKING:
    from ..link import Link
    from ..timeline import Timeline

__all__ = ["to_dot", "to_mermaid"]


def _mermaid_text(text: str) -> str:
    # Mermaid reads entity codes inside a quoted label; escape '#' first.
    for raw, code in (("#", "#35;"), ('"', "#quot;"), ("<", "#lt;"), (">", "#gt;")):
        text = text.replace(raw, code)
    return " ".join(text.splitlines())  # \r and U+2028 end a Mermaid line too


def _arrow(link: Link) -> str:
    return "-->" if link.relation.is_causal else "-.->"


def to_mermaid(t: Timeline) -> str:
    """
    A Mermaid flowchart: one box per event (inferred date and title), solid arrows for
    causal links and dotted arrows for temporal and structural ones.

    Node names are ``e0``, ``e1``, ... in chronological order, so any event id is safe.
    """
    check_timeline(t)
    names = {}
    lines = ["flowchart TD"]
    for i, e in enumerate(t.chronology()):
        names[e.id] = f"e{i}"
        label = f"{describe(inferred(t, e))}<br/>{_mermaid_text(e.title)}"
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
    A Graphviz DOT digraph, left to right: boxes labelled with date and title, solid
    edges for causal links, dashed ones for the rest.
    """
    check_timeline(t)
    lines = [
        f"digraph {_dot_string(t.name or 'timeline')} {{",
        "    rankdir=LR;",
        '    node [shape=box, fontname="Helvetica"];',
    ]
    for e in t.chronology():
        label = f"{describe(inferred(t, e))}\n{e.title}"
        lines.append(f"    {_dot_string(e.id)} [label={_dot_string(label)}];")
    for k in t.links:
        style = "solid" if k.relation.is_causal else "dashed"
        lines.append(
            f"    {_dot_string(k.source)} -> {_dot_string(k.target)} "
            f"[label={_dot_string(k.relation.phrase)}, style={style}];"
        )
    lines.append("}")
    return "\n".join(lines) + "\n"
