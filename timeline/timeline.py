"""
`Timeline`: events and the links between them, kept consistent at every step.

>>> t = Timeline(reference="2025-02-10")
>>> t.add("Passenger jet crashes near Aktau", when="2024-12-25", id="crash").id
'crash'
>>> _ = t.add("Russian ambassador summoned in Baku", when="2025-01-28", id="protest")
>>> _ = t.link("crash", "protest", Relation.PROMPTED)
>>> [e.id for e in t]
['crash', 'protest']
"""

from __future__ import annotations

import datetime
import functools
import importlib
import os
import re
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any, Final, ParamSpec, TypeVar, final

import attrs
import pendulum

from . import allen
from ._engine import FAR, Network, difference
from .errors import (
    ChronologyConflict,
    DuplicateEventError,
    LinkNotFoundError,
    TimelineError,
    ValidationError,
)
from .event import Event
from .link import Link, Point, Relation
from .when import When, _when_from_anything, to_date

__all__ = ["Explanation", "Timeline"]

# Two anchors that differ in month length, year length and weekday: a phrase that
# moves both by the same number of days is a pure shift ("two days later").
_PROBES: Final = (pendulum.Date(2001, 2, 15), pendulum.Date(2004, 1, 13))

_WhenLike = When | datetime.date | str | None
_P = ParamSpec("_P")
_R = TypeVar("_R")


def _resolver() -> Callable[..., When]:
    """`timeline.resolve`, imported when first needed (or EDTF until it exists)."""
    try:
        module = importlib.import_module("timeline.resolve")
    except ImportError:  # pragma: no cover - resolve.py ships with the package

        def from_edtf(text: str, reference: object = None, **_: object) -> When:
            return When.from_edtf(text, text=text)

        return from_edtf
    resolve: Callable[..., When] = module.resolve
    return resolve


def _slug(title: str) -> str:
    slug = re.sub(r"[\W_]+", "-", title.casefold()).strip("-")
    return slug or "event"


def _locked(method: Callable[_P, _R]) -> Callable[_P, _R]:
    """Run a method holding the timeline's lock: one writer at a time, no torn reads."""

    @functools.wraps(method)
    def run(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        with args[0]._lock:  # type: ignore[attr-defined]
            return method(*args, **kwargs)

    return run


def _check_id(name: str, value: object) -> str:
    if not isinstance(value, str):
        msg = f"must be an event id (a string), got {type(value).__name__}"
        raise ValidationError(name, value, msg)
    return value


@final
@attrs.frozen
class Explanation:
    """
    Why one event comes before another: the links and dates that order them.

    `str()` gives the reasons in words.
    """

    first: str
    then: str
    events: tuple[str, ...]
    links: tuple[Link, ...]
    text: str

    def __str__(self) -> str:
        return self.text


# Allen's relations at day level: the links `Timeline.relate(a, b, r)` writes, as
# (source is a, relation, source point, target point, min_days, max_days).
_S, _E = Point.START, Point.END
_AllenLink = tuple[bool, Relation, Point, Point, int | None, int | None]
_ALLEN_FORWARD: Final[dict[allen.AllenRelation, tuple[_AllenLink, ...]]] = {
    allen.AllenRelation.BEFORE: ((True, Relation.BEFORE, _E, _S, 2, None),),
    allen.AllenRelation.MEETS: ((True, Relation.BEFORE, _E, _S, 1, 1),),
    allen.AllenRelation.OVERLAPS: (
        (True, Relation.BEFORE, _S, _S, 1, None),
        (False, Relation.BEFORE, _S, _E, 0, None),
        (True, Relation.BEFORE, _E, _E, 1, None),
    ),
    allen.AllenRelation.STARTS: (
        (True, Relation.SAME_DAY, _S, _S, None, None),
        (True, Relation.BEFORE, _E, _E, 1, None),
    ),
    allen.AllenRelation.DURING: (
        (False, Relation.BEFORE, _S, _S, 1, None),
        (True, Relation.BEFORE, _E, _E, 1, None),
    ),
    allen.AllenRelation.FINISHES: (
        (True, Relation.SAME_DAY, _E, _E, None, None),
        (False, Relation.BEFORE, _S, _S, 1, None),
    ),
    allen.AllenRelation.EQUALS: (
        (True, Relation.SAME_DAY, _S, _S, None, None),
        (True, Relation.SAME_DAY, _E, _E, None, None),
    ),
}


def _swapped(links: tuple[_AllenLink, ...]) -> tuple[_AllenLink, ...]:
    return tuple((not a_first, *rest) for a_first, *rest in links)  # type: ignore[misc]


_ALLEN: Final[dict[allen.AllenRelation, tuple[_AllenLink, ...]]] = {
    **_ALLEN_FORWARD,
    **{
        allen.converse(r): _swapped(links)
        for r, links in _ALLEN_FORWARD.items()
        if r is not allen.AllenRelation.EQUALS
    },
}
_LINK_FIELDS: Final = frozenset(f.name for f in attrs.fields(Link)) - {
    "source",
    "target",
    "relation",
}


@final
class Timeline:
    """
    A chronology: events, causal and temporal links, and dates that all hold.

    Every change either leaves the timeline consistent or raises and changes
    nothing. Text dates are resolved against `reference`, the date the words were
    written. A timeline is safe to share between threads: each change and each
    reading holds its lock, so readers never see half a change.

    >>> t = Timeline(reference="2025-02-10")
    >>> crash = t.add("Passenger jet crashes near Aktau", when="December 25", id="crash")
    >>> protest = t.add("Russian ambassador summoned in Baku", when="January 28", id="protest")
    >>> _ = t.add("Azerbaijani ambassador called in", when="a day earlier",
    ...           relative_to="protest", id="called-in")
    >>> _ = t.link("crash", "protest", Relation.PROMPTED)
    >>> [e.id for e in t.chronology()]
    ['crash', 'called-in', 'protest']
    >>> t.bounds("called-in")
    When.day(2025, 1, 27)

    Raises:
        DuplicateEventError: two different events share an id.
        UnknownEventError: a link names an event that is not there.
        CausalCycleError: causal links run in a circle.
        ChronologyConflict: the dates and links cannot all hold.
    """

    def __init__(
        self,
        events: Iterable[Event] = (),
        links: Iterable[Link] = (),
        *,
        reference: datetime.date | str | None = None,
        name: str | None = None,
    ) -> None:
        self.reference: pendulum.Date | None = (
            None if reference is None else to_date(reference, "reference")
        )
        if name is not None and not isinstance(name, str):
            msg = f"must be a string or None, got {type(name).__name__}"
            raise ValidationError("name", name, msg)
        self.name: str | None = name
        self._lock = threading.RLock()
        self._net = Network(_iterable("events", events), _iterable("links", links))
        self._order: list[Event] | None = None
        self._suffix: dict[str, int] = {}  # the next number to try for a slug

    # -- reading -------------------------------------------------------------------

    @property
    def events(self) -> tuple[Event, ...]:
        """The events, in chronological order."""
        return tuple(self.chronology())

    @property
    @_locked
    def links(self) -> tuple[Link, ...]:
        """The links, sorted by source, target, relation, points and then the rest."""
        return tuple(sorted(self._net.links(), key=Link.sort_key))

    @_locked
    def __len__(self) -> int:
        return len(self._net)

    @_locked
    def __contains__(self, id: object) -> bool:
        return id in self._net

    @_locked
    def __getitem__(self, id: str) -> Event:
        return self._net.event(id)

    def __iter__(self) -> Iterator[Event]:
        return iter(self.chronology())

    @_locked
    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Timeline):
            return NotImplemented
        if other is self:
            return True
        with other._lock:
            return (
                self.reference == other.reference
                and self.name == other.name
                and len(self._net) == len(other._net)
                and self._net.link_count() == other._net.link_count()
                and all(e == other._net.get(e.id) for e in self._net.events())
                and set(self._net.links()) == set(other._net.links())
            )

    __hash__ = None  # type: ignore[assignment]  # mutable

    def __repr__(self) -> str:
        name = "" if self.name is None else f" {self.name!r}"
        return f"<Timeline{name}: {len(self)} events, {self._net.link_count()} links>"

    @_locked
    def bounds(self, id: str) -> When:
        """
        The start of an event as its own date and every link imply.

        It is always within the event's own `when`.

        Raises:
            UnknownEventError: no event has this id.
        """
        return self._net.bounds(_check_id("id", id))

    @_locked
    def end_bounds(self, id: str) -> When:
        """
        The end of an event as its own `ends` and every link imply.

        An event without `ends` ends the day it starts, so its end bounds are its
        start bounds.

        >>> t = Timeline([Event("summit", "Summit", "2025-03-01", ends="2025-03"),
        ...               Event("note", "Note", "2025-03-04")],
        ...              [Link("summit", "note", "before", source_point="end", min_days=1)])
        >>> t.end_bounds("summit")
        When.from_edtf('2025-03-01/2025-03-03')

        Raises:
            UnknownEventError: no event has this id.
        """
        return self._net.end_bounds(_check_id("id", id))

    @_locked
    def span(self, id: str) -> tuple[When, When]:
        """
        The inferred start and end of an event: ``(bounds(id), end_bounds(id))``.

        Raises:
            UnknownEventError: no event has this id.
        """
        _check_id("id", id)
        return self._net.bounds(id), self._net.end_bounds(id)

    @_locked
    def chronology(self) -> list[Event]:
        """
        The events in chronological order.

        The order respects every causal link and every BEFORE link that makes its
        target start at least a day after its source starts (the source first),
        and every pair whose inferred starts are certainly ordered; the two ends of
        other links (SAME_DAY, PART_OF, "on or before", links between end days)
        come in either order when their dates allow it. Ties go by inferred
        earliest start, then inferred latest start, then id, so the order does not
        depend on the order in which events and links were added.
        """
        if self._order is None:
            self._order = self._net.order()
        return list(self._order)

    @_locked
    def between(
        self,
        start: _WhenLike = None,
        end: _WhenLike = None,
        *,
        certain: bool = False,
    ) -> list[Event]:
        """
        The events whose span (start day to end day, both included) may overlap
        the window from `start` to `end`, or, with ``certain=True``, surely does,
        in chronological order.

        A `When` as `start` counts from its earliest day, as `end` to its latest;
        None leaves a side open. An event without `ends` lasts one day.

        >>> t = Timeline([Event("war", "War", "2024-01-01", ends="2024-12-31"),
        ...               Event("talks", "Talks", "2025-02-02")])
        >>> [e.id for e in t.between("2024-06-01", "2024-06-30", certain=True)]
        ['war']
        """
        window = When.between(_as_bound(start, "start"), _as_bound(end, "end"))
        lo = -FAR if window.earliest is None else window.earliest.toordinal()
        hi = FAR if window.latest is None else window.latest.toordinal()
        net = self._net
        found = []
        for e in self.chronology():
            start_lo, start_hi = net.day_bounds(e.id, Point.START)
            end_lo, end_hi = net.day_bounds(e.id, Point.END)
            if certain:
                ok = start_hi <= hi and lo <= end_lo
            else:
                ok = start_lo <= hi and lo <= end_hi
            if ok:
                found.append(e)
        return found

    @_locked
    def involving(self, actor: str) -> list[Event]:
        """The events an actor took part in (ignoring case), in chronological order."""
        if not isinstance(actor, str):
            msg = f"must be a string, got {type(actor).__name__}"
            raise ValidationError("actor", actor, msg)
        key = actor.casefold()
        return [e for e in self.chronology() if key in (a.casefold() for a in e.actors)]

    @_locked
    def causes(self, id: str, *, transitive: bool = False) -> list[Event]:
        """
        The events with a causal link to this one (or, transitively, to any of its
        causes), in chronological order.

        Raises:
            UnknownEventError: no event has this id.
        """
        return self._causal_walk(
            _check_id("id", id), forward=False, transitive=transitive
        )

    @_locked
    def effects(self, id: str, *, transitive: bool = False) -> list[Event]:
        """
        The events this one has a causal link to (or, transitively, their effects),
        in chronological order.

        Raises:
            UnknownEventError: no event has this id.
        """
        return self._causal_walk(
            _check_id("id", id), forward=True, transitive=transitive
        )

    def _causal_walk(self, id: str, *, forward: bool, transitive: bool) -> list[Event]:
        self._net.event(id)
        found: set[str] = set()
        queue = deque([id])
        while queue:
            own = queue.popleft()
            for link in self._net.links_of(own):
                if not link.relation.is_causal:
                    continue
                if (link.source if forward else link.target) != own:
                    continue
                other = link.target if forward else link.source
                if other not in found:
                    found.add(other)
                    if transitive:
                        queue.append(other)
        found.discard(id)
        return [e for e in self.chronology() if e.id in found]

    @_locked
    def explain(self, a: str, b: str) -> Explanation:
        """
        The chain of links, or of dates, that puts event `a` before event `b`.

        >>> t = Timeline([Event("a", "A", when="2025-01-01"), Event("b", "B"),
        ...               Event("c", "C", when="2025-02-01")],
        ...              [Link("a", "b", "caused")])
        >>> print(t.explain("a", "b"))
        A (a) comes before B (b): A (a) caused B (b)
        >>> print(t.explain("a", "c"))
        A (a) comes before C (c): A (a) is dated 2025-01-01; C (c) is dated 2025-02-01

        Raises:
            UnknownEventError: either id is not an event.
            ValidationError: nothing orders `a` before `b`.
        """
        _check_id("a", a)
        _check_id("b", b)
        found = self._net.explain_order(a, b)
        if found is None:
            ea, eb = self._net.event(a), self._net.event(b)
            msg = (
                f"nothing puts {ea.title} ({a}) before {eb.title} ({b}): "
                f"no chain of links leads from one to the other and their dates "
                f"({self._net.bounds(a)} and {self._net.bounds(b)}) may overlap"
            )
            raise ValidationError("explain", (a, b), msg)
        ids, links, text = found
        return Explanation(a, b, ids, links, text)

    # -- changing ------------------------------------------------------------------

    @contextmanager
    def _change(self) -> Iterator[Network]:
        """Apply changes to the network as one step: all of them, or none."""
        try:
            with self._net.transaction() as net:
                yield net
        finally:
            self._order = None

    def _rebuild(self, events: Iterable[Event], links: Iterable[Link]) -> None:
        """Replace the whole network; on any error the timeline stays as it was."""
        self._net = Network(events, links)
        self._order = None

    def _resolve(self, when: _WhenLike, anchor: When | None = None) -> When:
        if when is None:
            return When.unknown()
        if isinstance(when, str):
            resolved = _resolver()(when, self.reference, anchor=anchor)
            return (
                resolved
                if resolved.text is not None
                else attrs.evolve(resolved, text=when)
            )
        return _when_from_anything(when)

    def _new_id(self, title: str) -> str:
        """A slug of the title that no event has: the base, then base-2, base-3, ..."""
        base = _slug(title)
        if base not in self._net:
            return base
        n = self._suffix.get(base, 2)
        while f"{base}-{n}" in self._net:
            n += 1
        self._suffix[base] = n + 1
        return f"{base}-{n}"

    @_locked
    def add(
        self,
        title: str,
        when: _WhenLike = None,
        *,
        id: str | None = None,
        relative_to: str | None = None,
        **fields: Any,
    ) -> Event:
        """
        Add an event, its date given as a `When`, a date or words.

        Words are resolved against the timeline's `reference`, for `when` and for an
        `ends` among `fields` alike. With `relative_to`, a phrase such as "a day
        earlier" or "the same day" becomes a link to that event, so refining its
        date later moves this one too; phrases that are no plain shift ("later
        that month") are resolved against its current date. Without `id`, the id
        is a slug of the title, made unique.

        >>> t = Timeline(reference="2025-04-20")
        >>> t.add("Jet crashes near Aktau", "2024-12-25").id
        'jet-crashes-near-aktau'
        >>> t.add("Jet crashes near Aktau", "2024-12-25").id
        'jet-crashes-near-aktau-2'
        >>> t.add("Talks", "April 14", ends="April 17").ends
        When.day(2025, 4, 17, text='April 17')

        Raises:
            ValidationError: the title or a field is of the wrong type.
            DuplicateEventError: `id` is taken.
            UnknownEventError: `relative_to` is not an event.
            DateResolutionError: the words name no date.
            ChronologyConflict: the relative date contradicts the timeline.
        """
        if not isinstance(title, str):
            msg = f"must be a string, got {type(title).__name__}"
            raise ValidationError("title", title, msg)
        if id is not None:
            _check_id("id", id)
        if relative_to is not None:
            _check_id("relative_to", relative_to)
        if isinstance(fields.get("ends"), str):
            fields["ends"] = self._resolve(fields["ends"])
        eid = self._new_id(title) if id is None else id
        if eid in self._net:
            raise DuplicateEventError(eid, "choose another id, or refine() that event")
        if relative_to is None:
            event = Event(eid, title, self._resolve(when), **fields)
            with self._change() as net:
                net.add_event(event)
            return event
        self._net.event(relative_to)
        if not isinstance(when, str):
            msg = "relative_to needs a phrase such as 'a day earlier'"
            raise ValidationError("when", when, msg)
        link = _shift_link(when, self.reference, relative_to, eid)
        if link is None:
            event = Event(
                eid, title, self._resolve(when, self._net.bounds(relative_to)), **fields
            )
        else:
            event = Event(eid, title, When.unknown(text=when), **fields)
        with self._change() as net:
            net.add_event(event)
            if link is not None:
                net.add_link(link)
        return event

    @_locked
    def add_event(self, event: Event) -> Event:
        """
        Add an event as it is; adding an equal event again changes nothing.

        Raises:
            DuplicateEventError: a different event has the same id.
        """
        if not isinstance(event, Event):
            msg = f"expected an Event, got {type(event).__name__}"
            raise ValidationError("event", event, msg)
        existing = self._net.get(event.id)
        if existing is not None:
            if existing == event:
                return existing
            raise DuplicateEventError(event.id, difference(existing, event))
        with self._change() as net:
            net.add_event(event)
        return event

    @_locked
    def link(
        self,
        source: str,
        target: str,
        relation: Relation | str = Relation.CAUSED,
        **fields: Any,
    ) -> Link:
        """
        Link two events; the same link again changes nothing.

        `fields` are `Link` fields: min_days, max_days, confidence, note, sources,
        source_point, target_point. Two events may be joined by several links, each
        with its own gap, note, sources and confidence.

        Raises:
            UnknownEventError: either end is not an event.
            ValidationError: the link itself is invalid.
            CausalCycleError: the link closes a causal cycle.
            ChronologyConflict: the link contradicts the dates and other links.
        """
        link = Link(source, target, relation, **fields)
        return self._add_link(link)

    def _add_link(self, link: Link) -> Link:
        self._net.event(link.source)
        self._net.event(link.target)
        for existing in self._net.links_of(link.source):
            if existing == link:
                return existing
        with self._change() as net:
            net.add_link(link)
        return link

    @_locked
    def relate(
        self, a: str, b: str, relation: allen.AllenRelation | str, **fields: Any
    ) -> list[Link]:
        """
        Write one of Allen's 13 relations between two events' spans as links.

        Spans are closed days: `a` MEETS `b` means `b` starts the day after `a`
        ends. `fields` (confidence, note, sources) go to every link; the note says
        which relation the links stand for unless given. The links, in the order
        written:

        ==============  ==============================================================
        a RELATION b    links (P(x) is a day; every one in days)
        ==============  ==============================================================
        BEFORE          end(a) + 2 <= start(b)
        MEETS           end(a) + 1 == start(b)
        OVERLAPS        start(a) + 1 <= start(b) <= end(a), end(a) + 1 <= end(b)
        STARTS          start(a) == start(b), end(a) + 1 <= end(b)
        DURING          start(b) + 1 <= start(a), end(a) + 1 <= end(b)
        FINISHES        end(a) == end(b), start(b) + 1 <= start(a)
        EQUALS          start(a) == start(b), end(a) == end(b)
        the converses   (AFTER, MET_BY, ...) the same with a and b swapped
        ==============  ==============================================================

        >>> t = Timeline([Event("war", "War", "2024-01-01", ends=When.unknown()),
        ...               Event("battle", "Battle", "2024-03-05", ends="2024-03-07")])
        >>> len(t.relate("battle", "war", "during"))
        2
        >>> t.end_bounds("war")
        When.from_edtf('2024-03-08/..')

        Raises:
            ValidationError: not an Allen relation, or a bad field.
            UnknownEventError: either id is not an event.
            ChronologyConflict: the relation contradicts the timeline.
        """
        _check_id("a", a)
        _check_id("b", b)
        try:
            rel = (
                relation
                if isinstance(relation, allen.AllenRelation)
                else allen.AllenRelation(relation)
            )
        except ValueError:
            names = ", ".join(r.name for r in allen.AllenRelation)
            msg = f"must be one of {names}"
            raise ValidationError("relation", relation, msg) from None
        unknown = set(fields) - {"confidence", "note", "sources"}
        if unknown:
            msg = "relate() takes only confidence, note and sources"
            raise ValidationError(sorted(unknown)[0], fields[sorted(unknown)[0]], msg)
        fields.setdefault("note", f"{a} {rel.value.replace('_', ' ')} {b}")
        links = [
            Link(
                a if a_first else b,
                b if a_first else a,
                kind,
                source_point=sp,
                target_point=tp,
                min_days=lo,
                max_days=hi,
                **fields,
            )
            for a_first, kind, sp, tp, lo, hi in _ALLEN[rel]
        ]
        self._net.event(a)
        self._net.event(b)
        new = [k for k in dict.fromkeys(links) if k not in self._net.links_of(a)]
        with self._change() as net:
            for link in new:
                net.add_link(link)
        return links

    def _find_links(self, source: str, target: str, **fields: Any) -> list[Link]:
        """The links from `source` to `target` whose fields equal those given."""
        wanted: dict[str, Any] = {}
        for name, value in fields.items():
            if name not in _LINK_FIELDS | {"relation"}:
                msg = f"is not a Link field ({', '.join(sorted(_LINK_FIELDS))})"
                raise ValidationError(name, value, msg)
            if value is None and name == "relation":
                continue
            if name == "relation":
                value = Link(source, target, value).relation
            elif name in ("source_point", "target_point"):
                value = Link("a", "b", "before", **{name: value}).points[
                    name == "target_point"
                ]
            wanted[name] = value
        return sorted(
            (
                k
                for k in self._net.links_of(source)
                if k.source == source
                and k.target == target
                and all(getattr(k, name) == value for name, value in wanted.items())
            ),
            key=Link.sort_key,
        )

    @_locked
    def remove(self, id: str) -> Event:
        """
        Remove an event and every link to or from it; the removed event.

        Raises:
            UnknownEventError: no event has this id.
        """
        event = self[_check_id("id", id)]
        self._rebuild(
            (e for e in self._net.events() if e.id != id),
            (k for k in self._net.links() if id not in (k.source, k.target)),
        )
        return event

    @_locked
    def unlink(
        self,
        source: str,
        target: str,
        relation: Relation | str | None = None,
        **fields: Any,
    ) -> list[Link]:
        """
        Remove the links from `source` to `target`: those of `relation`, if given,
        and whose other fields (min_days, source_point, note, ...) equal those
        given. The removed links say which ones went.

        >>> t = Timeline([Event("a", "A"), Event("b", "B")])
        >>> _ = t.link("a", "b", "before", note="per the ministry")
        >>> _ = t.link("a", "b", "before", min_days=3, note="per the embassy")
        >>> [k.note for k in t.unlink("a", "b", "before", min_days=3)]
        ['per the embassy']

        Raises:
            ValidationError: `source` and `target` are one event, or a field is
                not a Link field.
            UnknownEventError: either end is not an event.
            LinkNotFoundError: no link matches.
        """
        _check_id("source", source)
        _check_id("target", target)
        if source == target:
            msg = "a link must join two different events"
            raise ValidationError("target", target, msg)
        self._net.event(source)
        self._net.event(target)
        found = self._find_links(source, target, relation=relation, **fields)
        if not found:
            rel = None if relation is None else Link(source, target, relation).relation
            detail = ", ".join(f"{k}={v!r}" for k, v in fields.items())
            raise LinkNotFoundError(
                source,
                target,
                None if rel is None else rel.value,
                f"with {detail}" if detail else "",
            )
        gone = set(found)
        self._rebuild(
            self._net.events(), (k for k in self._net.links() if k not in gone)
        )
        return found

    @_locked
    def refine(self, id: str, when: _WhenLike) -> Event:
        """
        Replace an event's own date (new evidence); words are resolved as in `add`.

        Events linked to it move with it.

        Raises:
            UnknownEventError: no event has this id.
            ChronologyConflict: the new date contradicts the links.
        """
        old = self[_check_id("id", id)]
        new_when = self._resolve(when, None)
        event = attrs.evolve(old, when=new_when)
        # A narrower date only tightens the network; any other means building again.
        if old.when.contains(new_when):
            with self._change() as net:
                net.narrow(id, new_when)
        else:
            self._rebuild(
                (event if e.id == id else e for e in self._net.events()),
                self._net.links(),
            )
        return event

    @_locked
    def merge(self, other: Timeline) -> None:
        """
        Add another timeline's events and links to this one.

        Events with the same id must be equal; links already here are not added
        twice. The reference and name are kept, or taken from `other` when this
        timeline has none.

        Raises:
            ValidationError: `other` is not a Timeline.
            DuplicateEventError: the timelines define an id differently.
            CausalCycleError, ChronologyConflict: together they cannot all hold.
        """
        if not isinstance(other, Timeline):
            msg = f"expected a Timeline, got {type(other).__name__}"
            raise ValidationError("other", other, msg)
        if other is self:
            return
        with other._lock:
            theirs, their_links = other._net.events(), other._net.links()
        new_events = []
        for event in theirs:
            mine = self._net.get(event.id)
            if mine is None:
                new_events.append(event)
            elif mine != event:
                raise DuplicateEventError(event.id, difference(mine, event))
        known = set(self._net.links())
        new_links = [k for k in dict.fromkeys(their_links) if k not in known]
        with self._change() as net:
            for event in new_events:
                net.add_event(event)
            for link in new_links:
                net.add_link(link)
        if self.reference is None:
            self.reference = other.reference
        if self.name is None:
            self.name = other.name

    # -- checking a batch ----------------------------------------------------------

    @staticmethod
    def diagnose(
        events: Iterable[Event], links: Iterable[Link]
    ) -> list[ChronologyConflict]:
        """
        Every problem in a batch of events and links, without raising.

        Duplicate ids and links to missing events come first, then causal cycles and
        contradictions, smallest first. Each contradiction leaves its last link out
        of what follows, so one bad link is reported once. An empty list means
        `Timeline(events, links)` would succeed.

        >>> Timeline.diagnose([Event("a", "A", when="2025-01-02"), Event("b", "B", when="2025-01-01")],
        ...                   [Link("a", "b", "before")])
        [ChronologyConflict('B (b) is dated 2025-01-01 but it comes after A (a) on 2025-01-02', ('a', 'b'), ...)]

        Raises:
            ValidationError: an item is not an Event or a Link.
        """
        problems: list[ChronologyConflict] = []
        kept: dict[str, Event] = {}
        for event in _iterable("events", events):
            if not isinstance(event, Event):
                msg = f"expected an Event, got {type(event).__name__}"
                raise ValidationError("events", event, msg)
            first = kept.get(event.id)
            if first is None:
                kept[event.id] = event
            elif first != event:
                text = f"two different events have the id {event.id!r}: {difference(first, event)}"
                problems.append(ChronologyConflict(text, (event.id,)))
        kept_links: dict[Link, None] = {}
        for link in _iterable("links", links):
            if not isinstance(link, Link):
                msg = f"expected a Link, got {type(link).__name__}"
                raise ValidationError("links", link, msg)
            missing = [x for x in (link.source, link.target) if x not in kept]
            if missing:
                text = (
                    f"the link {link.source} {link.relation.phrase} {link.target} "
                    f"names {missing[0]!r}, which is not an event"
                )
                problems.append(ChronologyConflict(text, tuple(missing), (link,)))
                continue
            kept_links[link] = None
        found = Network.diagnose(list(kept.values()), list(kept_links))
        found.sort(key=lambda c: (len(c.links), len(c.events)))
        return problems + found

    # -- files: thin wrappers over timeline.formats (owned by the formats module) --

    def to_json(self) -> str:
        """The canonical JSON text; see `timeline.formats.to_json`."""
        from .formats import to_json

        return to_json(self)

    @staticmethod
    def from_json(text: str | bytes) -> Timeline:
        """
        A timeline from canonical JSON text; see `timeline.formats.from_json`.

        Raises:
            FormatError: the text is not a valid timeline document.
            ChronologyConflict: its dates and links cannot all hold.
        """
        from .formats import from_json

        return from_json(text)

    def save(self, path: str | os.PathLike[str]) -> None:
        """Write the canonical JSON to *path* atomically; see `timeline.formats.save`."""
        from .formats import save

        save(self, path)

    @staticmethod
    def load(path: str | os.PathLike[str]) -> Timeline:
        """
        Read a timeline file: JSON, or the YAML/TOML authoring format by extension.

        Raises:
            FormatError: the file is not a valid timeline document.
            ChronologyConflict: its dates and links cannot all hold.
            OSError: the file cannot be read.
        """
        from .formats import read

        return read(path)

    def export(self, format: str) -> str:
        """The timeline as text in an export format (csv, markdown, ics, ...); see `timeline.formats.EXPORTS`."""
        from .formats import export

        return export(self, format)

    def to_pandas(self) -> Any:
        """The events as a `pandas.DataFrame` (the ``pandas`` extra); see `timeline.formats.to_pandas`."""
        from .formats import to_pandas

        return to_pandas(self)


def _shift_link(
    phrase: str, reference: pendulum.Date | None, anchor: str, new: str
) -> Link | None:
    """The link a relative phrase means when it is a pure shift of days, else None."""
    resolve = _resolver()
    offsets = set()
    for probe in _PROBES:
        try:
            w = resolve(phrase, reference, anchor=When(probe, probe))
        except TimelineError:
            return None
        if w.earliest is None or w.latest is None:
            return None
        offsets.add(
            (
                w.earliest.toordinal() - probe.toordinal(),
                w.latest.toordinal() - probe.toordinal(),
            )
        )
    if len(offsets) != 1:
        return None
    (lo, hi) = offsets.pop()
    if lo == hi == 0:
        return Link(anchor, new, Relation.SAME_DAY, note=phrase)
    if lo >= 1:
        return Link(anchor, new, Relation.BEFORE, min_days=lo, max_days=hi, note=phrase)
    if hi <= -1:
        return Link(
            new, anchor, Relation.BEFORE, min_days=-hi, max_days=-lo, note=phrase
        )
    return None


def _as_bound(value: _WhenLike, name: str) -> When | datetime.date | None:
    if value is None or isinstance(value, When | datetime.date):
        return value
    if not isinstance(value, str):
        msg = f"must be a When, a date, a string or None, got {type(value).__name__}"
        raise ValidationError(name, value, msg)
    return _when_from_anything(value)


def _iterable(name: str, value: object) -> Iterable[Any]:
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        msg = f"must be a collection, got {type(value).__name__}"
        raise ValidationError(name, value, msg)
    return value
