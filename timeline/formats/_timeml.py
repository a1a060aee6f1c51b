"""
Reading TimeML: the DCT, TIMEX3 dates, EVENT instances and TLINKs as a `Timeline`.

A TIMEX3 with a calendar value becomes an event that starts on the value's first day
and ends on its last; every MAKEINSTANCE becomes an undated event; every TLINK
becomes one or more links between start and end days, as strict as day granularity
allows and never stronger (see `_timeml_relations` and docs/formats.md). Each link's
note names its TLINK's ``lid``, and a contradictory annotation raises a
`ChronologyConflict` that names the TLINKs.

The XML is read with the standard library's expat parser, which refuses DOCTYPE and
ENTITY declarations here: a TimeML file never needs them, and refusing them rules
out entity expansion from untrusted files.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import TYPE_CHECKING, Final
from xml.parsers import expat

import attrs
import pendulum

from ..errors import ChronologyConflict, FormatError, TimelineError
from ..event import Event
from ..link import Link, Point, Relation
from ..when import When
from ._parts import Parts
from ._timeml_relations import RELATION_TYPES, Side, Span, Term, point_constraints
from ._timeml_values import EXACT_MODS, WITHIN_MODS, timex_days

if TYPE_CHECKING:
    from ..timeline import Timeline

__all__ = ["from_timeml", "parts_from_timeml", "tlink_ids"]

NOTE_PREFIX: Final = "TimeML TLINK "
"""Every link read from a TLINK has a note that starts so, then names the ``lid``."""


class _Refused(Exception):
    """A construct the reader refuses, raised from inside an expat handler."""

    def __init__(self, line: int, reason: str) -> None:
        super().__init__(line, reason)
        self.line = line
        self.reason = reason


@attrs.frozen
class _Timex:
    tid: str
    type: str
    value: str
    mod: str
    text: str
    line: int
    creation_time: bool


@attrs.frozen
class _Instance:
    eiid: str
    event_id: str
    line: int


@attrs.frozen
class _TLink:
    lid: str
    rel_type: str
    source: str
    target: str
    line: int


@attrs.define
class _Reader:
    """The expat handlers: collect the elements a timeline needs, with their lines."""

    parser: expat.XMLParserType
    root: str | None = None
    doc_id: list[str] = attrs.Factory(list)
    timexes: list[_Timex] = attrs.Factory(list)
    events: dict[str, tuple[str, str]] = attrs.Factory(dict)  # eid: (text, class)
    instances: list[_Instance] = attrs.Factory(list)
    tlinks: list[_TLink] = attrs.Factory(list)
    _open: list[tuple[str, dict[str, str], int]] = attrs.Factory(list)
    _text: list[str] = attrs.Factory(list)
    _in_dct: bool = False
    _in_doc_id: bool = False

    def start(self, name: str, attributes: dict[str, str]) -> None:
        line = self.parser.CurrentLineNumber
        if self.root is None:
            self.root = name
            if name != "TimeML":
                msg = f"not a TimeML document: the root element is <{name}>"
                raise _Refused(line, msg)
        if name in ("TIMEX3", "EVENT"):
            self._open.append((name, attributes, line))
            self._text = []
        elif name == "DCT":
            self._in_dct = True
        elif name == "DOCID":
            self._in_doc_id = True
        elif name == "MAKEINSTANCE":
            eiid = self._required(name, attributes, "eiid", line)
            event_id = self._required(name, attributes, "eventID", line)
            self.instances.append(_Instance(eiid, event_id, line))
        elif name == "TLINK":
            self.tlinks.append(self._tlink(attributes, line))

    def end(self, name: str) -> None:
        if name == "DCT":
            self._in_dct = False
        elif name == "DOCID":
            self._in_doc_id = False
        elif name in ("TIMEX3", "EVENT") and self._open and self._open[-1][0] == name:
            _, attributes, line = self._open.pop()
            text = " ".join("".join(self._text).split())
            if name == "EVENT":
                eid = self._required(name, attributes, "eid", line)
                self.events[eid] = (text, attributes.get("class", ""))
            else:
                self.timexes.append(self._timex(attributes, text, line))

    def data(self, text: str) -> None:
        if self._open:
            self._text.append(text)
        elif self._in_doc_id:
            self.doc_id.append(text)

    def refuse_declaration(self, *_: object) -> None:
        msg = "DOCTYPE and ENTITY declarations are refused: TimeML needs none"
        raise _Refused(self.parser.CurrentLineNumber, msg)

    def _timex(self, attributes: dict[str, str], text: str, line: int) -> _Timex:
        return _Timex(
            tid=self._required("TIMEX3", attributes, "tid", line),
            type=attributes.get("type", "").upper(),
            value=attributes.get("value", ""),
            mod=attributes.get("mod", "").upper(),
            text=text,
            line=line,
            creation_time=self._in_dct
            or attributes.get("functionInDocument") == "CREATION_TIME",
        )

    def _tlink(self, attributes: dict[str, str], line: int) -> _TLink:
        lid = self._required("TLINK", attributes, "lid", line)
        rel_type = self._required("TLINK", attributes, "relType", line)
        if rel_type.strip().upper().replace("-", "_") not in RELATION_TYPES:
            known = ", ".join(sorted(RELATION_TYPES))
            msg = f"TLINK {lid} has an unknown relType {rel_type!r} (known: {known})"
            raise _Refused(line, msg)
        ends = []
        for names in (
            ("eventInstanceID", "timeID"),
            ("relatedToEventInstance", "relatedToTime"),
        ):
            found = [attributes[n] for n in names if attributes.get(n)]
            if len(found) != 1:
                msg = f"TLINK {lid} needs exactly one of {' or '.join(names)}"
                raise _Refused(line, msg)
            ends.append(found[0])
        return _TLink(lid, rel_type, ends[0], ends[1], line)

    def _required(
        self, element: str, attributes: dict[str, str], name: str, line: int
    ) -> str:
        value = attributes.get(name, "").strip()
        if not value:
            raise _Refused(line, f"<{element}> has no {name}")
        return value


def _read_xml(text: str | bytes, path: str | None) -> _Reader:
    parser = expat.ParserCreate()
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    reader = _Reader(parser)
    parser.StartDoctypeDeclHandler = reader.refuse_declaration
    parser.EntityDeclHandler = reader.refuse_declaration
    parser.StartElementHandler = reader.start
    parser.EndElementHandler = reader.end
    parser.CharacterDataHandler = reader.data
    try:
        parser.Parse(text, True)
    except expat.ExpatError as exc:
        reason = (
            f"malformed XML: {expat.ErrorString(exc.code)} (column {exc.offset + 1})"
        )
        raise FormatError(path, reason, line=exc.lineno) from None
    except _Refused as exc:
        raise FormatError(path, exc.reason, line=exc.line) from None
    return reader


def _timex_event(timex: _Timex) -> Event:
    kind = f"timex3:{timex.type.lower()}" if timex.type else "timex3"
    mod = f", mod {timex.mod}" if timex.mod else ""
    description = f"TIMEX3 {timex.type or 'with no type'} value {timex.value!r}{mod}"
    title = timex.text or timex.value or timex.tid
    days = (
        timex_days(timex.value)
        if timex.type in ("DATE", "TIME")
        and (timex.mod in EXACT_MODS or timex.mod in WITHIN_MODS)
        else None
    )
    ends: When | None
    if days is None:
        when, ends = When.unknown(), When.unknown()
    elif days[0] == days[1]:  # one day: a point at day level, as an event without ends
        when, ends = When.between(*days), None
    elif timex.mod in WITHIN_MODS:  # "early 1998": somewhere inside the year
        when = ends = When.between(*days)
    else:
        when, ends = When.between(days[0], days[0]), When.between(days[1], days[1])
    return Event(
        id=timex.tid,
        title=title,
        when=when,
        ends=ends,
        kind=kind,
        description=description,
        tags={"timeml", "timex3"},
    )


def _instance_event(instance: _Instance, events: dict[str, tuple[str, str]]) -> Event:
    text, cls = events.get(instance.event_id, ("", ""))
    return Event(
        id=instance.eiid,
        title=text or instance.event_id,
        when=When.unknown(),
        ends=When.unknown(),  # an event that lasts, for as long as its links allow
        kind=f"event:{cls.lower()}" if cls else "event",
        description=f"TimeML EVENT {instance.event_id}",
        tags={"timeml", "event"},
    )


def _links(tlink: _TLink) -> list[Link]:
    note = f"{NOTE_PREFIX}{tlink.lid}: {tlink.source} {tlink.rel_type} {tlink.target}"
    return [_link(tlink, term, note) for term in point_constraints(tlink.rel_type)]


def _link(tlink: _TLink, term: Term, note: str) -> Link:
    ids = {Side.SOURCE: tlink.source, Side.TARGET: tlink.target}
    same_day = term.lo == term.hi == 0
    return Link(
        ids[term.frm_side],
        ids[term.to_side],
        Relation.SAME_DAY if same_day else Relation.BEFORE,
        min_days=None if same_day else term.lo,
        max_days=None if same_day else term.hi,
        note=note,
        source_point=_POINTS[term.frm_point],
        target_point=_POINTS[term.to_point],
    )


_POINTS: Final = {Span.START: Point.START, Span.END: Point.END}


def _parts(reader: _Reader, path: str | None) -> Parts:
    events: list[Event] = []
    lines: dict[str, int] = {}
    reference: pendulum.Date | None = None
    for timex in reader.timexes:
        event = _timex_event(timex)
        if timex.creation_time and reference is None and event.when.earliest:
            reference = event.when.earliest
        events.append(event)
        _claim(lines, timex.tid, timex.line, path)
    for instance in reader.instances:
        events.append(_instance_event(instance, reader.events))
        _claim(lines, instance.eiid, instance.line, path)
    links: list[Link] = []
    for tlink in reader.tlinks:
        for end in (tlink.source, tlink.target):
            if end not in lines:
                msg = f"TLINK {tlink.lid} names {end!r}, which is neither a TIMEX3 tid nor a MAKEINSTANCE eiid"
                raise FormatError(path, msg, line=tlink.line)
        if tlink.source == tlink.target:
            msg = f"TLINK {tlink.lid} links {tlink.source!r} to itself"
            raise FormatError(path, msg, line=tlink.line)
        try:
            links.extend(_links(tlink))
        except (
            TimelineError
        ) as exc:  # pragma: no cover - the table only makes valid links
            raise FormatError(path, str(exc), line=tlink.line) from exc
    name = " ".join("".join(reader.doc_id).split()) or None
    return _TimemlParts(tuple(events), tuple(links), reference, name, path)


def _claim(lines: dict[str, int], id: str, line: int, path: str | None) -> None:
    first = lines.setdefault(id, line)
    if first != line:
        msg = f"the id {id!r} is used twice (first on line {first})"
        raise FormatError(path, msg, line=line)


def tlink_ids(links: Iterable[Link]) -> list[str]:
    """
    The ``lid`` of each TLINK behind *links* (those read from TimeML), each once.

    >>> from timeline import Link
    >>> from timeline.formats import tlink_ids
    >>> tlink_ids([Link("ei1", "ei2", "before", note="TimeML TLINK l7: ei1 BEFORE ei2")])
    ['l7']
    """
    seen: dict[str, None] = {}
    for link in links:
        if link.note is not None and link.note.startswith(NOTE_PREFIX):
            lid = link.note.removeprefix(NOTE_PREFIX).split(":", 1)[0]
            seen.setdefault(lid, None)
    return list(seen)


def _named(conflict: ChronologyConflict) -> ChronologyConflict:
    """The conflict, its explanation followed by the TLINKs it involves."""
    lids = tlink_ids(conflict.links)
    if not lids:
        return conflict
    noun = "TLINK" if len(lids) == 1 else "TLINKs"
    text = f"{conflict.explanation} (TimeML {noun} {', '.join(lids)})"
    named = ChronologyConflict(text, conflict.events, conflict.links)
    for note in getattr(conflict, "__notes__", ()):
        named.add_note(note)
    return named


@attrs.frozen
class _TimemlParts(Parts):
    """Parts whose conflicts name the TLINKs (by ``lid``) they come from."""

    def build(self) -> Timeline:
        try:
            return super().build()
        except ChronologyConflict as exc:
            raise _named(exc) from None

    def diagnose(self) -> list[ChronologyConflict]:
        return [_named(c) for c in super().diagnose()]


def parts_from_timeml(
    text: str | bytes, *, path: str | os.PathLike[str] | None = None
) -> Parts:
    """
    The events and links of a TimeML document, not yet put together.

    ``.build()`` gives the timeline (as `from_timeml` does); ``.diagnose()`` lists
    every conflict in the annotation, each naming its TLINKs, without raising.

    >>> parts = parts_from_timeml(
    ...     '<TimeML><TIMEX3 tid="t1" type="DATE" value="1998-W05">that week</TIMEX3>'
    ...     '<EVENT eid="e1">met</EVENT><MAKEINSTANCE eiid="ei1" eventID="e1"/>'
    ...     '<TLINK lid="l1" relType="BEGINS" eventInstanceID="ei1" relatedToTime="t1"/></TimeML>'
    ... )
    >>> [(e.id, str(e.when)) for e in parts.events], parts.diagnose()
    ([('t1', '1998-01-26'), ('ei1', '../..')], [])

    Raises:
        FormatError: malformed XML (with its line), a DOCTYPE or ENTITY
            declaration, a root other than ``TimeML``, a TLINK with an unknown
            relType or naming an id the document does not define.
    """
    where = None if path is None else os.fspath(path)
    return _parts(_read_xml(text, where), where)


def from_timeml(
    text: str | bytes, *, path: str | os.PathLike[str] | None = None
) -> Timeline:
    """
    A timeline from a TimeML document (TimeBank, TempEval-3 ``.tml``).

    TIMEX3 dates are events from the value's first day to its last; EVENT
    instances (MAKEINSTANCE ``eiid``) are undated events; each TLINK becomes links
    between start and end days; the DCT is the timeline's reference.

    >>> t = from_timeml(
    ...     '<TimeML><TIMEX3 tid="t1" type="DATE" value="1998-W05">that week</TIMEX3>'
    ...     '<EVENT eid="e1">met</EVENT><MAKEINSTANCE eiid="ei1" eventID="e1"/>'
    ...     '<TLINK lid="l1" relType="BEGINS" eventInstanceID="ei1" relatedToTime="t1"/></TimeML>'
    ... )
    >>> str(t.bounds("ei1")), str(t.end_bounds("ei1"))
    ('1998-01-26', '1998-01-26/1998-02-01')

    Raises:
        ChronologyConflict: the annotation contradicts itself; the message names
            the TLINKs (``lid``) involved.
        FormatError: as `parts_from_timeml`.
    """
    return parts_from_timeml(text, path=path).build()
