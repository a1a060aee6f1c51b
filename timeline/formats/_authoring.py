"""
The authoring format: a chronology written by hand in YAML or TOML, dates in words.

A document has a `reference` (the date the source was written, against which words
such as "December 25" are read), an optional `name`, a list of `events` and a list of
`links`::

    reference: 2025-02-10
    name: An example
    events:
      - id: crash
        title: Passenger jet crashes near Aktau
        when: December 25
      - id: protest
        title: Russian ambassador summoned in Baku
        when: January 28
      - id: called-in
        title: Azerbaijani ambassador called in at the Russian MFA
        when: a day earlier
        relative_to: protest
    links:
      - crash prompted protest
      - {from: crash, to: called-in, relation: before, note: in that order}

An event's `when` is natural text (resolved by `timeline.resolve`), an EDTF string
or a date; `when_text` keeps the words an EDTF date came from. A link is either the
string ``"SOURCE RELATION TARGET"`` or a mapping with `from`, `to` and optionally
`relation` (default ``caused``), `min_days`, `max_days`, `confidence`, `note`,
`sources`, `source_point` and `target_point` (``start`` or ``end``).
docs/formats.md has the full description.
"""

from __future__ import annotations

import datetime
import os
import re
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Final

from ..errors import (
    DateResolutionError,
    FormatError,
    ValidationError,
)
from ..event import Event, Source
from ..link import Link, Point, Relation
from ..when import When
from ._codec import Problem, date_from_data, structure, type_name
from ._parts import Parts

if TYPE_CHECKING:
    from ..timeline import Timeline

__all__ = [
    "YAML_MISSING",
    "from_authoring",
    "from_toml",
    "from_yaml",
    "parts_from_authoring",
    "parts_from_toml",
    "parts_from_yaml",
    "to_authoring",
    "to_yaml",
]

YAML_MISSING: Final = (
    "reading or writing YAML needs PyYAML: pip install 'timeline-tracker[yaml]'"
)

_TOP_KEYS: Final = ("name", "reference", "events", "links")
_EVENT_KEYS: Final = (
    "id",
    "title",
    "when",
    "when_text",
    "relative_to",
    "ends",
    "ends_text",
    "actors",
    "location",
    "kind",
    "sources",
    "description",
    "tags",
)
_LINK_KEYS: Final = (
    "from",
    "to",
    "relation",
    "min_days",
    "max_days",
    "confidence",
    "note",
    "sources",
    "source_point",
    "target_point",
)
_EDTF_LIKE: Final = re.compile(r"[\d.X][\dX\-~?%/.]*")

Lines = Callable[[str | None], int | None]


def _no_lines(_: str | None) -> int | None:
    return None


# -- reading ---------------------------------------------------------------------------


def from_authoring(
    data: object,
    *,
    path: str | os.PathLike[str] | None = None,
    lines: Lines = _no_lines,
) -> Timeline:
    """
    Build a timeline from an authoring document already parsed into plain data.

    Events are added in the order their `relative_to` anchors need; nothing is
    returned until every event and link is in.

    Raises:
        FormatError: a missing, mistyped or unknown key, a date that cannot be
            resolved, an unknown relation or a link to a missing event; `.field`
            is the path (``$.events[2].when``) and `.line` its line where known.
        ChronologyConflict: the events and links cannot all hold.
    """
    return parts_from_authoring(data, path=path, lines=lines).build()


def parts_from_authoring(
    data: object,
    *,
    path: str | os.PathLike[str] | None = None,
    lines: Lines = _no_lines,
) -> Parts:
    """The checked events and links of an authoring document, not yet put together."""
    where = None if path is None else os.fspath(path)
    try:
        return _build(data, where)
    except FormatError as exc:
        raise FormatError(where, exc.reason, lines(exc.field), exc.field) from None


def from_yaml(
    text: str | bytes, *, path: str | os.PathLike[str] | None = None
) -> Timeline:
    """
    Read an authoring document written in YAML (with `yaml.safe_load`).

    Raises:
        ImportError: PyYAML is not installed (the ``yaml`` extra).
        FormatError, ChronologyConflict: as `from_authoring`.
    """
    return parts_from_yaml(text, path=path).build()


def parts_from_yaml(
    text: str | bytes, *, path: str | os.PathLike[str] | None = None
) -> Parts:
    """The checked events and links of a YAML authoring document."""
    yaml = _yaml()
    where = None if path is None else os.fspath(path)
    text = _decode(text, where)
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = None if mark is None else mark.line + 1
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise FormatError(where, f"not valid YAML: {problem}", line) from None
    except RecursionError:
        raise FormatError(where, "not valid YAML: nested too deeply") from None
    return parts_from_authoring(data, path=path, lines=_yaml_lines(text))


def from_toml(
    text: str | bytes, *, path: str | os.PathLike[str] | None = None
) -> Timeline:
    """
    Read an authoring document written in TOML (with the standard library's `tomllib`).

    Raises:
        FormatError, ChronologyConflict: as `from_authoring`.
    """
    return parts_from_toml(text, path=path).build()


def parts_from_toml(
    text: str | bytes, *, path: str | os.PathLike[str] | None = None
) -> Parts:
    """The checked events and links of a TOML authoring document."""
    import tomllib

    where = None if path is None else os.fspath(path)
    text = _decode(text, where)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        found = re.search(r"\(at line (\d+), column \d+\)", message)
        line = int(found.group(1)) if found else None
        reason = re.sub(r"\s*\(at line \d+, column \d+\)", "", message)
        raise FormatError(where, f"not valid TOML: {reason}", line) from None
    except RecursionError:
        raise FormatError(where, "not valid TOML: nested too deeply") from None
    return parts_from_authoring(data, path=path)


def _decode(text: str | bytes, where: str | None) -> str:
    if isinstance(text, str):
        return text
    try:
        return text.decode("utf-8")
    except UnicodeDecodeError as exc:
        msg = f"not UTF-8 text (byte {exc.start} cannot be decoded)"
        raise FormatError(where, msg) from None


def _yaml() -> Any:
    try:
        import yaml
    except ImportError as exc:  # pragma: no cover - the test suite installs PyYAML
        raise ImportError(YAML_MISSING) from exc
    return yaml


def _yaml_lines(text: str) -> Lines:
    """A function from a path such as ``$.events[2].when`` to its line in the YAML text."""

    def line(path: str | None) -> int | None:
        if path is None:
            return None
        import yaml

        try:
            node = yaml.compose(text, Loader=yaml.SafeLoader)
        except (yaml.YAMLError, RecursionError):  # pragma: no cover - loaded once
            return None
        steps = re.findall(r"\.([^.\[]+)|\[(\d+)\]", path)
        best = None if node is None else node.start_mark.line + 1
        for key, index in steps:
            child = None
            if key and isinstance(node, yaml.MappingNode):
                child = next((v for k, v in node.value if k.value == key), None)
                if child is None:  # a missing key: point at the mapping
                    break
            elif index and isinstance(node, yaml.SequenceNode):
                i = int(index)
                child = node.value[i] if i < len(node.value) else None
            if child is None:
                break
            node = child
            best = node.start_mark.line + 1
        return best

    return line


def _fail(reason: str, path: str) -> FormatError:
    return FormatError(None, reason, field=path)


def _mapping(
    value: object, path: str, keys: Sequence[str], what: str
) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        msg = f"expected {what} (a mapping), got {type_name(value)}"
        raise _fail(msg, path)
    for key in value:
        if key not in keys:
            import difflib

            close = difflib.get_close_matches(str(key), keys, n=1)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            allowed = ", ".join(keys)
            msg = f"unknown key {key!r} in {what} (allowed: {allowed}){hint}"
            raise _fail(msg, f"{path}.{key}")
    return value


def _text(value: object, path: str, *, optional: bool = True) -> str | None:
    if value is None and optional:
        return None
    if not isinstance(value, str):
        expected = "a string" + (" or nothing" if optional else "")
        msg = f"expected {expected}, got {type_name(value)}"
        raise _fail(msg, path)
    if not optional and not value.strip():
        raise _fail("must not be empty", path)
    return value


def _strings(value: object, path: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        msg = f"expected a list of strings, got {type_name(value)}"
        raise _fail(msg, path)
    return tuple(
        str(_text(v, f"{path}[{i}]", optional=False)) for i, v in enumerate(value)
    )


def _sources(value: object, path: str) -> tuple[Source, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        msg = f"expected a list of sources, got {type_name(value)}"
        raise _fail(msg, path)
    sources = []
    for i, item in enumerate(value):
        here = f"{path}[{i}]"
        if isinstance(item, str):
            sources.append(Source(str(_text(item, here, optional=False))))
        else:
            sources.append(structure(item, Source, here))
    return tuple(sources)


def _edtf_when(value: object, text: str | None) -> When | None:
    """The date when *value* is a date or reads as EDTF; None when it is words to resolve."""
    if isinstance(value, datetime.datetime):
        raise Problem("expected a calendar date, got a date and time")
    if isinstance(value, datetime.date):
        d = date_from_data(value)
        return When(d, d, text=text)
    if isinstance(value, str) and _EDTF_LIKE.fullmatch(value.strip()):
        try:
            return When.from_edtf(value, text=text)
        except DateResolutionError:
            return None
    return None


def _build(data: object, where: str | None) -> Parts:
    from ..timeline import Timeline

    top = _mapping({} if data is None else data, "$", _TOP_KEYS, "a timeline document")
    name = _text(top.get("name"), "$.name")
    reference = None
    if top.get("reference") is not None:
        try:
            reference = date_from_data(top["reference"])
        except Problem as exc:
            raise _fail(exc.reason, "$.reference") from None
    raw_events = top.get("events")
    raw_events = [] if raw_events is None else raw_events
    if not isinstance(raw_events, list):
        msg = f"expected a list of events, got {type_name(raw_events)}"
        raise _fail(msg, "$.events")
    raw_links = top.get("links")
    raw_links = [] if raw_links is None else raw_links
    if not isinstance(raw_links, list):
        msg = f"expected a list of links, got {type_name(raw_links)}"
        raise _fail(msg, "$.links")

    # Timeline.add resolves the dates and records each relative_to link; the links
    # the document lists are only checked here, and joined all at once by Parts.
    t = Timeline(reference=reference, name=name)
    for i in _anchor_order(raw_events):
        _add_event(t, raw_events[i], f"$.events[{i}]")
    # Several links may join one pair (each report with its own gap and note).
    links = dict.fromkeys(t.links)
    for i, item in enumerate(raw_links):
        links[_link(t, item, f"$.links[{i}]")] = None
    return Parts(t.events, tuple(links), reference, name, where)


def _anchor_order(raw: list[Any]) -> list[int]:
    """Indices of the events, each after the event its `relative_to` names."""
    position: dict[str, int] = {}
    for n, entry in enumerate(raw):
        if isinstance(entry, Mapping) and isinstance(entry.get("id"), str):
            position.setdefault(entry["id"], n)
    order: list[int] = []
    done: set[int] = set()
    for start in range(len(raw)):
        # Each event names at most one anchor, so the anchors form chains: follow
        # one to its end (or to an event already placed), then place it backwards.
        chain: list[int] = []
        i: int | None = start
        while i is not None and i not in done:
            if i in chain:
                ids = " -> ".join(
                    str(raw[j].get("id")) for j in (*chain[chain.index(i) :], i)
                )
                msg = f"relative_to runs in a circle: {ids}"
                raise _fail(msg, f"$.events[{i}].relative_to")
            chain.append(i)
            item = raw[i]
            anchor = item.get("relative_to") if isinstance(item, Mapping) else None
            i = position.get(anchor) if isinstance(anchor, str) else None
        for j in reversed(chain):
            done.add(j)
            order.append(j)
    return order


def _add_event(t: Timeline, raw: object, path: str) -> None:
    item = _mapping(raw, path, _EVENT_KEYS, "an event")
    if "title" not in item:
        raise _fail("required field is missing", f"{path}.title")
    title = str(_text(item["title"], f"{path}.title", optional=False))
    event_id = _text(item.get("id"), f"{path}.id")
    if event_id is not None and event_id in t:
        msg = f"the id {event_id!r} is used twice"
        raise _fail(msg, f"{path}.id")
    anchor = _text(item.get("relative_to"), f"{path}.relative_to")
    if anchor is not None and anchor not in t:
        msg = f"no event has the id {anchor!r}"
        raise _fail(msg, f"{path}.relative_to")
    fields: dict[str, Any] = {
        "actors": _strings(item.get("actors"), f"{path}.actors"),
        "location": _text(item.get("location"), f"{path}.location"),
        "kind": _text(item.get("kind"), f"{path}.kind"),
        "sources": _sources(item.get("sources"), f"{path}.sources"),
        "description": _text(item.get("description"), f"{path}.description"),
        "tags": frozenset(_strings(item.get("tags"), f"{path}.tags")),
    }
    when = _when(t, item, "when", path, anchor=anchor)
    ends = _when(t, item, "ends", path, anchor=None)
    if ends is not None:
        fields["ends"] = ends
    try:
        if anchor is not None:
            t.add(
                title, when or When.unknown(), id=event_id, relative_to=anchor, **fields
            )
        else:
            t.add(title, when or When.unknown(), id=event_id, **fields)
    except DateResolutionError as exc:
        msg = f"cannot resolve {exc.text!r}: {exc.reason}"
        raise _fail(msg, f"{path}.when") from None
    except ValidationError as exc:
        raise _fail(exc.reason, f"{path}.{exc.field}") from None


def _when(
    t: Timeline, item: Mapping[str, Any], key: str, path: str, *, anchor: str | None
) -> When | str | None:
    """An event's `when` or `ends`: a `When`, words for `Timeline.add`, or None when absent."""
    here = f"{path}.{key}"
    text = _text(item.get(f"{key}_text"), f"{path}.{key}_text")
    value = item.get(key)
    if value is None:
        return None if text is None and key == "ends" else When.unknown(text=text)
    if not isinstance(value, str | datetime.date):
        msg = f"expected a date in words, an EDTF string or a date, got {type_name(value)}"
        raise _fail(msg, here)
    try:
        exact = _edtf_when(value, text)
    except Problem as exc:
        raise _fail(exc.reason, here) from None
    if exact is not None:
        return exact
    words = str(value)
    if anchor is not None and key == "when":
        return words  # Timeline.add resolves it against the anchor and links the two
    from ..resolve import resolve

    try:
        return resolve(words, t.reference)
    except DateResolutionError as exc:
        msg = f"cannot resolve {words!r}: {exc.reason}"
        raise _fail(msg, here) from None


_SPACE: Final = re.compile(r"\s")
_LINK_WORDS: Final = re.compile(r"\s*(\S+)\s+(.+?)\s+(\S+)\s*")


def _link(t: Timeline, raw: object, path: str) -> Link:
    if isinstance(raw, str):
        match = _LINK_WORDS.fullmatch(raw)
        if match is None:
            msg = f"expected 'SOURCE RELATION TARGET', such as 'crash prompted protest', got {raw!r}"
            raise _fail(msg, path)
        source, word, target = match.groups()
        fields: dict[str, Any] = {}
        relation = _relation(word, path)
        ends = {"source": (source, path), "target": (target, path)}
    else:
        item = _mapping(raw, path, _LINK_KEYS, "a link")
        for key in ("from", "to"):
            if key not in item:
                raise _fail("required field is missing", f"{path}.{key}")
        source = str(_text(item["from"], f"{path}.from", optional=False))
        target = str(_text(item["to"], f"{path}.to", optional=False))
        relation = _relation(item.get("relation", "caused"), f"{path}.relation")
        fields = {}
        for key in (
            "min_days",
            "max_days",
            "confidence",
            "note",
            "source_point",
            "target_point",
        ):
            if item.get(key) is not None:
                fields[key] = item[key]
        if item.get("sources") is not None:
            fields["sources"] = _sources(item["sources"], f"{path}.sources")
        ends = {"source": (source, f"{path}.from"), "target": (target, f"{path}.to")}
    for ref, here in ends.values():
        if ref not in t:
            msg = f"no event has the id {ref!r}"
            raise _fail(msg, here)
    try:
        return Link(source, target, relation, **fields)
    except ValidationError as exc:
        field = {"source": "from", "target": "to"}.get(exc.field, exc.field)
        here = path if isinstance(raw, str) else f"{path}.{field}"
        raise _fail(exc.reason, here) from None


def _relation(value: object, path: str) -> Relation:
    names = ", ".join(r.value for r in Relation)
    if not isinstance(value, str):
        msg = f"expected a relation ({names}), got {type_name(value)}"
        raise _fail(msg, path)
    try:
        return Relation(value)
    except ValueError:
        msg = f"unknown relation {value!r} (expected one of {names})"
        raise _fail(msg, path) from None


# -- writing ---------------------------------------------------------------------------


def to_authoring(t: Timeline) -> dict[str, Any]:
    """
    The timeline as an authoring document: EDTF dates (with their words in `when_text`),
    events in chronological order, links compact where they can be.

    Reading the result back with `from_authoring` gives an equal timeline.
    """
    doc: dict[str, Any] = {}
    if t.name is not None:
        doc["name"] = t.name
    if t.reference is not None:
        doc["reference"] = t.reference.isoformat()
    doc["events"] = [_event_doc(e) for e in t.chronology()]
    doc["links"] = [_link_doc(k) for k in t.links]
    return doc


def _event_doc(e: Event) -> dict[str, Any]:
    doc: dict[str, Any] = {"id": e.id, "title": e.title}
    for key, w in (("when", e.when), ("ends", e.ends)):
        if w is None:
            continue
        if not w.is_unknown or key == "ends":  # an unknown end is not no end
            doc[key] = w.to_edtf()
        if w.text is not None:
            doc[f"{key}_text"] = w.text
    if e.actors:
        doc["actors"] = list(e.actors)
    for key in ("location", "kind"):
        if getattr(e, key) is not None:
            doc[key] = getattr(e, key)
    if e.sources:
        doc["sources"] = [_source_doc(s) for s in e.sources]
    if e.description is not None:
        doc["description"] = e.description
    if e.tags:
        doc["tags"] = sorted(e.tags)
    return doc


def _source_doc(s: Source) -> str | dict[str, Any]:
    if s.url is None and s.published is None and s.quote is None:
        return s.name
    doc: dict[str, Any] = {"name": s.name}
    if s.url is not None:
        doc["url"] = s.url
    if s.published is not None:
        doc["published"] = s.published.isoformat()
    if s.quote is not None:
        doc["quote"] = s.quote
    return doc


def _link_doc(k: Link) -> str | dict[str, Any]:
    plain = (
        k.min_days is None
        and k.max_days is None
        and k.confidence == 1.0
        and k.note is None
        and not k.sources
        and k.points == (Point.START, Point.START)
        and not _SPACE.search(k.source + k.target)  # the short form splits at spaces
    )
    if plain:
        return f"{k.source} {k.relation.value} {k.target}"
    doc: dict[str, Any] = {
        "from": k.source,
        "to": k.target,
        "relation": k.relation.value,
    }
    for key in ("min_days", "max_days"):
        if getattr(k, key) is not None:
            doc[key] = getattr(k, key)
    if k.confidence != 1.0:
        doc["confidence"] = k.confidence
    if k.note is not None:
        doc["note"] = k.note
    if k.sources:
        doc["sources"] = [_source_doc(s) for s in k.sources]
    for key in ("source_point", "target_point"):
        if getattr(k, key) is not Point.START:
            doc[key] = getattr(k, key).value
    return doc


def to_yaml(t: Timeline) -> str:
    """
    The timeline in the YAML authoring format, with EDTF dates.

    Raises:
        ImportError: PyYAML is not installed (the ``yaml`` extra).
    """
    yaml = _yaml()
    text: str = yaml.dump(
        to_authoring(t),
        Dumper=_dumper(yaml),
        sort_keys=False,
        allow_unicode=True,
        width=88,
    )
    return text


def _dumper(yaml: Any) -> Any:
    """A safe dumper that double-quotes strings YAML would otherwise fold or trim."""

    class Dumper(yaml.SafeDumper):  # type: ignore[misc]
        pass

    def represent_str(dumper: Any, value: str) -> Any:
        # NEL and the Unicode line separators read back as line breaks, and other
        # unprintable characters as whatever the scanner makes of them; only a
        # double-quoted scalar escapes them all.
        style = None if value.isprintable() else '"'
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)

    Dumper.add_representer(str, represent_str)
    return Dumper
