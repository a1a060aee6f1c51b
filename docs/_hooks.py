"""
MkDocs hooks (mkdocs.yml: ``hooks``): show the docstrings' ``>>>`` examples as code.

Docstrings here put their doctests in the text rather than in an Examples section,
and Markdown would read ``>>>`` as nested quotes and ``['a', 'b']`` as a link.
"""

from __future__ import annotations

from typing import Any

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor


class _DoctestBlocks(Preprocessor):
    """Fence each run of ``>>>`` lines and their output as a ``pycon`` block."""

    def run(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        fenced, i = False, 0
        while i < len(lines):
            line = lines[i]
            if line.lstrip().startswith(("```", "~~~")):
                fenced = not fenced
            if fenced or not line.lstrip().startswith(">>>"):
                out.append(line)
                i += 1
                continue
            indent = line[: len(line) - len(line.lstrip())]
            if out and out[-1].strip():
                out.append("")
            out.append(indent + "```pycon")
            while i < len(lines) and lines[i].strip():
                out.append(lines[i])
                i += 1
            out += [indent + "```", ""]
        return out


class _Extension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        md.preprocessors.register(_DoctestBlocks(md), "doctest_blocks", 40)


def on_config(config: Any) -> Any:
    config.markdown_extensions.append(_Extension())
    return config
