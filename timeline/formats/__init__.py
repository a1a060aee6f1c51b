"""
Reading, writing and exporting timelines.

- Canonical JSON, loss-free: `to_json`, `from_json`, `save`, `load` (and `to_data`,
  `from_data` for the plain data).
- The authoring format, written by hand in YAML or TOML with dates in words:
  `from_yaml`, `from_toml`, `to_yaml`, `to_authoring`, `from_authoring`.
- TimeML (TimeBank, TempEval-3 ``.tml``): `from_timeml`, `parts_from_timeml`,
  `tlink_ids`.
- `read(path)` picks the reader from the file's extension.
- Exports: `to_csv`, `links_to_csv`, `to_markdown`, `to_mermaid`,
  `to_mermaid_gantt`, `to_dot`, `to_timelinejs`, `to_ics`, `to_html`, `to_pandas`;
  `export(t, name)` by name; `plot(t)`, a matplotlib figure (the ``plot`` extra).

docs/formats.md describes each format.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Final

from ..errors import FormatError, ValidationError, WrongTypeError
from ._atomic import checked_path
from ._authoring import (
    from_authoring,
    from_toml,
    from_yaml,
    parts_from_authoring,
    parts_from_toml,
    parts_from_yaml,
    to_authoring,
    to_yaml,
)
from ._common import check_timeline
from ._csv import EVENT_COLUMNS, LINK_COLUMNS, links_to_csv, to_csv
from ._example import example, example_text
from ._graph import to_dot, to_mermaid, to_mermaid_gantt
from ._html import to_html
from ._ics import to_ics
from ._json import (
    FORMAT,
    VERSION,
    from_data,
    from_json,
    load,
    parts_from_data,
    parts_from_json,
    save,
    to_data,
    to_json,
)
from ._markdown import to_markdown
from ._pandas import links_to_pandas, to_pandas
from ._parts import Parts
from ._plot import plot
from ._timelinejs import to_timelinejs, to_timelinejs_data
from ._timeml import from_timeml, parts_from_timeml, tlink_ids

if TYPE_CHECKING:
    from ..timeline import Timeline

__all__ = [
    "EVENT_COLUMNS",
    "EXPORTS",
    "FORMAT",
    "LINK_COLUMNS",
    "PARTS_READERS",
    "READERS",
    "VERSION",
    "Parts",
    "example",
    "example_text",
    "export",
    "from_authoring",
    "from_data",
    "from_json",
    "from_timeml",
    "from_toml",
    "from_yaml",
    "links_to_csv",
    "links_to_pandas",
    "load",
    "parts_from_authoring",
    "parts_from_data",
    "parts_from_json",
    "parts_from_timeml",
    "parts_from_toml",
    "parts_from_yaml",
    "plot",
    "read",
    "read_parts",
    "save",
    "tlink_ids",
    "to_authoring",
    "to_csv",
    "to_data",
    "to_dot",
    "to_html",
    "to_ics",
    "to_json",
    "to_markdown",
    "to_mermaid",
    "to_mermaid_gantt",
    "to_pandas",
    "to_timelinejs",
    "to_timelinejs_data",
    "to_yaml",
]

EXPORTS: Final[dict[str, Callable[[Timeline], str]]] = {
    "json": to_json,
    "yaml": to_yaml,
    "csv": to_csv,
    "csv-links": links_to_csv,
    "markdown": to_markdown,
    "mermaid": to_mermaid,
    "mermaid-gantt": to_mermaid_gantt,
    "dot": to_dot,
    "timelinejs": to_timelinejs,
    "ics": to_ics,
    "html": to_html,
}
"""Every text export by the name the command line uses for it."""

READERS: Final[dict[str, Callable[..., Timeline]]] = {
    ".json": from_json,
    ".yaml": from_yaml,
    ".yml": from_yaml,
    ".toml": from_toml,
    ".tml": from_timeml,
    ".xml": from_timeml,
}
"""The reader for each file extension that `read` knows."""


def export(t: Timeline, name: str) -> str:
    """
    The timeline in the export called *name* (a key of `EXPORTS`).

    >>> export(example(), "mermaid").splitlines()[0]
    'flowchart TD'

    Raises:
        ValidationError: no export has that name (a `ValueError`).
        WrongTypeError: *name* is not a string.
    """
    check_timeline(t)
    if not isinstance(name, str):
        raise WrongTypeError.expected("name", name, "the name of an export")
    try:
        writer = EXPORTS[name]
    except KeyError:
        known = ", ".join(EXPORTS)
        raise ValidationError(
            "name", name, f"unknown export (known: {known})"
        ) from None
    return writer(t)


PARTS_READERS: Final[dict[str, Callable[..., Parts]]] = {
    ".json": parts_from_json,
    ".yaml": parts_from_yaml,
    ".yml": parts_from_yaml,
    ".toml": parts_from_toml,
    ".tml": parts_from_timeml,
    ".xml": parts_from_timeml,
}
"""The reader of checked, not yet joined, parts for each file extension."""


def read(path: str | os.PathLike[str]) -> Timeline:
    """
    Read a timeline from a file: canonical JSON (``.json``), the authoring format
    (``.yaml``, ``.yml``, ``.toml``) or TimeML (``.tml``, ``.xml``), chosen by the
    extension.

    Raises:
        FormatError: an unknown extension, or whatever the reader finds wrong.
        ChronologyConflict: the file's dates and links cannot all hold.
        PathError: the path holds a NUL byte (an `OSError`).
        OSError: the file cannot be read.
    """
    return read_parts(path).build()


def read_parts(path: str | os.PathLike[str]) -> Parts:
    """
    The events and links of a file, each checked, not yet put together: call
    `.build()` for the timeline or `.diagnose()` for every conflict among them.

    Raises:
        FormatError: an unknown extension, or whatever the reader finds wrong.
        PathError: the path holds a NUL byte (an `OSError`).
        OSError: the file cannot be read.
    """
    where = checked_path(path)
    suffix = Path(where).suffix.lower()
    try:
        reader = PARTS_READERS[suffix]
    except KeyError:
        known = ", ".join(PARTS_READERS)
        msg = f"cannot tell the format from the extension {suffix!r} (known: {known})"
        raise FormatError(where, msg) from None
    return reader(Path(where).read_bytes(), path=path)
