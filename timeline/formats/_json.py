"""
The canonical JSON format: every field of every event and link, the asserted dates, loss-free.

A document reads::

    {
      "format": "timeline",
      "version": 2,
      "name": "...",
      "reference": "2025-02-10",
      "events": [ {"id": ..., "title": ..., "when": "2024-12-25", ...}, ... ],
      "links": [ {"source": ..., "target": ..., "relation": "prompted", ...}, ... ]
    }

Events are written sorted by id and links by (source, target, relation, points, and
then their other fields), each with every field in a fixed order, two-space
indented, so that the same timeline always gives the same bytes and a change to one
event is a change to a few lines.

Version 2 adds each link's `source_point` and `target_point` (``"start"`` or
``"end"``) and lets several links join one pair of events. Version 1 files load
with their old meaning: their links have no points (both are the starts), and a
link given twice with different fields is refused as it was.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from ..errors import FormatError
from ..event import Event
from ..link import Link
from ._atomic import write_atomic
from ._codec import (
    Problem,
    date_from_data,
    event_to_data,
    link_to_data,
    structure,
    type_name,
)
from ._locate import JsonIndex
from ._parts import Parts

if TYPE_CHECKING:
    from ..timeline import Timeline

__all__ = [
    "FORMAT",
    "VERSION",
    "from_data",
    "from_json",
    "load",
    "parts_from_data",
    "parts_from_json",
    "save",
    "to_data",
    "to_json",
]

FORMAT: Final = "timeline"
"""The value of every canonical document's ``"format"`` key."""

VERSION: Final = 2
"""The version of the canonical format this release writes."""
READS: Final = (1, 2)
"""The versions of the canonical format this release reads."""

_TOP_KEYS: Final = ("format", "version", "name", "reference", "events", "links")


def to_data(t: Timeline) -> dict[str, Any]:
    """
    The timeline as plain data (dicts, lists, strings, numbers), ready for `json.dumps`.

    Raises:
        Nothing: every timeline can be written.
    """
    return {
        "format": FORMAT,
        "version": VERSION,
        "name": t.name,
        "reference": None if t.reference is None else t.reference.isoformat(),
        "events": [event_to_data(e) for e in sorted(t.events, key=lambda e: e.id)],
        "links": [link_to_data(k) for k in sorted(t.links, key=Link.sort_key)],
    }


def to_json(t: Timeline) -> str:
    """
    The canonical JSON text of a timeline, ending in a newline; the same timeline always gives the same text.
    """
    return json.dumps(to_data(t), indent=2, ensure_ascii=False, allow_nan=False) + "\n"


def from_json(
    text: str | bytes, *, path: str | os.PathLike[str] | None = None
) -> Timeline:
    """
    Read a timeline from canonical JSON text; *path* only names the file in errors.

    Raises:
        FormatError: the text is not JSON, not a timeline document, of an unknown
            version, or has a missing, mistyped or unknown field, a link to a missing
            event or a repeated id. `.line` and `.field` (a JSON path) say where.
        ChronologyConflict: the document is well formed but its dates and links
            cannot all hold (`CausalCycleError` for a causal cycle).
    """
    return parts_from_json(text, path=path).build()


def parts_from_json(
    text: str | bytes, *, path: str | os.PathLike[str] | None = None
) -> Parts:
    """
    The events, links, reference and name of a JSON document, checked one by one
    but not yet put together (so that `Timeline.diagnose` can list every conflict).

    Raises:
        FormatError: as `from_json`.
    """
    where = None if path is None else os.fspath(path)
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError as exc:
            msg = f"not UTF-8 text (byte {exc.start} cannot be decoded)"
            raise FormatError(where, msg) from None
    try:
        data = json.loads(text, object_pairs_hook=_no_repeats)
    except json.JSONDecodeError as exc:
        msg = f"not valid JSON: {exc.msg} (column {exc.colno})"
        raise FormatError(where, msg, line=exc.lineno) from None
    except _RepeatedKey:
        # json.loads would keep the last of two equal keys; a canonical file has none.
        index = _index(text, where)
        first = index.duplicates[0]
        key = first.rsplit(".", 1)[-1]
        msg = f"the key {key!r} appears more than once"
        raise FormatError(where, msg, index.line(first), first) from None
    except RecursionError:
        raise FormatError(where, "not valid JSON: nested too deeply") from None
    try:
        return parts_from_data(data, path=where)
    except FormatError as exc:
        try:
            line = JsonIndex(text).line(exc.field)
        except RecursionError:  # deeper than the index can walk: no line, same error
            line = None
        raise FormatError(where, exc.reason, line, exc.field) from None


class _RepeatedKey(Exception):
    pass


def _no_repeats(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        raise _RepeatedKey
    return result


def _index(text: str, where: str | None) -> JsonIndex:
    """The line index of a text json.loads accepted; built only to report an error."""
    try:
        return JsonIndex(text)
    except RecursionError:
        raise FormatError(where, "not valid JSON: nested too deeply") from None


def from_data(data: object) -> Timeline:
    """
    Build a timeline from the plain data that `to_data` gives (and `json.loads` reads).

    Nothing is built until the whole document has been checked.

    Raises:
        FormatError: as `from_json`, without a file name or line.
        ChronologyConflict: the dates and links cannot all hold.
    """
    return parts_from_data(data).build()


def parts_from_data(data: object, *, path: str | None = None) -> Parts:
    """The checked parts of a document given as plain data; see `parts_from_json`."""
    top = _top(data)
    events = _events(top.get("events", []))
    links = _links(top.get("links", []), {e.id for e in events}, top["version"])
    name = top.get("name")
    if name is not None and not isinstance(name, str):
        msg = f"expected a string or null, got {type_name(name)}"
        raise FormatError(None, msg, field="$.name")
    reference = top.get("reference")
    if reference is not None:
        try:
            reference = date_from_data(reference)
        except Problem as exc:
            raise FormatError(None, exc.reason, field="$.reference") from None
    return Parts(tuple(events), tuple(links), reference, name, path)


def _top(data: object) -> Mapping[str, Any]:
    if not isinstance(data, dict):
        msg = f"expected a timeline document (a JSON object), got {type_name(data)}"
        raise FormatError(None, msg, field="$")
    fmt = data.get("format")
    if fmt != FORMAT:
        shown = "no 'format' key" if "format" not in data else f"format {fmt!r}"
        msg = f'not a timeline document: {shown} (expected "format": "{FORMAT}")'
        raise FormatError(None, msg, field="$.format")
    version = data.get("version")
    if isinstance(version, bool) or not isinstance(version, int):
        msg = f"expected the format version as a whole number, got {type_name(version)}"
        raise FormatError(None, msg, field="$.version")
    if version not in READS:
        known = " and ".join(map(str, READS))
        msg = f"unknown format version {version}; this release reads versions {known}"
        raise FormatError(None, msg, field="$.version")
    for key in data:
        if key not in _TOP_KEYS:
            expected = ", ".join(_TOP_KEYS)
            msg = f"unknown key {key!r} (a timeline document has {expected})"
            raise FormatError(None, msg, field=f"$.{key}")
    return data


def _list(value: object, path: str) -> Sequence[object]:
    if not isinstance(value, list):
        raise FormatError(None, f"expected a list, got {type_name(value)}", field=path)
    return value


def _events(value: object) -> list[Event]:
    events: list[Event] = []
    first: dict[str, int] = {}
    for i, item in enumerate(_list(value, "$.events")):
        event = structure(item, Event, f"$.events[{i}]")
        if event.id in first:
            msg = f"the id {event.id!r} is used twice (first by $.events[{first[event.id]}])"
            raise FormatError(None, msg, field=f"$.events[{i}].id")
        first[event.id] = i
        events.append(event)
    return events


def _links(value: object, ids: set[str], version: int) -> list[Link]:
    links: list[Link] = []
    first: dict[object, int] = {}
    for i, item in enumerate(_list(value, "$.links")):
        if version == 1 and isinstance(item, Mapping):
            for point in ("source_point", "target_point"):
                if point in item:
                    msg = f"unknown key {point!r} (links have points from version 2 on)"
                    raise FormatError(None, msg, field=f"$.links[{i}].{point}")
        link = structure(item, Link, f"$.links[{i}]")
        for end in ("source", "target"):
            ref = getattr(link, end)
            if ref not in ids:
                msg = f"no event has the id {ref!r}"
                raise FormatError(None, msg, field=f"$.links[{i}].{end}")
        # Version 1 has one link per pair and relation; version 2 any number of
        # different links, but each only once.
        key: object = link.key if version == 1 else link
        if key in first:
            msg = (
                f"the link {link.source} {link.relation.value} {link.target} "
                f"is given twice (first by $.links[{first[key]}])"
            )
            raise FormatError(None, msg, field=f"$.links[{i}]")
        first[key] = i
        links.append(link)
    return links


def save(t: Timeline, path: str | os.PathLike[str]) -> None:
    """
    Write the timeline's canonical JSON to *path* atomically.

    The text goes to a temporary file in the same folder, which is flushed, synced
    to disk and renamed over *path*: the old file is replaced whole or not at all.

    Raises:
        OSError: the folder cannot be written; the old file is untouched and no
            temporary file is left behind.
    """
    write_atomic(path, to_json(t))


def load(path: str | os.PathLike[str]) -> Timeline:
    """
    Read a timeline from a canonical JSON file.

    Raises:
        FormatError: as `from_json`, naming the file.
        ChronologyConflict: the file's dates and links cannot all hold.
        OSError: the file cannot be read.
    """
    return from_json(Path(path).read_bytes(), path=path)
