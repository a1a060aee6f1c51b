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
import importlib
import operator
import os
import re
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any, Final, final

import attrs
import numpy as np
import pendulum

from . import _bulk
from .constraints import FAR, Network, _difference, describe_link
from .errors import (
    ChronologyConflict,
    DuplicateEventError,
    TimelineError,
    ValidationError,
)
from .event import Event
from .link import Link, Relation
from .when import When, _when_from_anything, to_date

__all__ = ["Explanation", "Timeline"]

# Two anchors that differ in month length, year length and weekday: a phrase that
# moves both by the same number of days is a pure shift ("two days later").
_PROBES: Final = (pendulum.Date(2001, 2, 15), pendulum.Date(2004, 1, 13))

_WhenLike = When | datetime.date | str | None
_ID = operator.attrgetter("id")


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


def _link_sort_key(link: Link) -> tuple[str, str, str]:
    return (link.source, link.target, link.relation.value)


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


@final
class Timeline:
    """
    A chronology: events, causal and temporal links, and dates that all hold.

    Every change either leaves the timeline consistent or raises and changes
    nothing. Text dates are resolved against `reference`, the date the words were
    written.

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
        self._net = Network(events, links)
        self._order: list[Event] | None = None

    # -- reading -------------------------------------------------------------------

    @property
    def events(self) -> tuple[Event, ...]:
        """The events, in chronological order."""
        return tuple(self.chronology())

    @property
    def links(self) -> tuple[Link, ...]:
        """The links, sorted by source, target and relation."""
        return tuple(sorted(self._net.links, key=_link_sort_key))

    def __len__(self) -> int:
        return len(self._net.events)

    def __contains__(self, id: object) -> bool:
        return isinstance(id, str) and id in self._net.index

    def __getitem__(self, id: str) -> Event:
        return self._net.events[self._net.node(id)]

    def __iter__(self) -> Iterator[Event]:
        return iter(self.chronology())

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Timeline):
            return NotImplemented
        return (
            self.reference == other.reference
            and self.name == other.name
            and len(self) == len(other)
            and len(self._net.links) == len(other._net.links)
            and all(e == other._event_or_none(e.id) for e in self._net.events)
            and set(self._net.links) == set(other._net.links)
        )

    __hash__ = None  # type: ignore[assignment]  # mutable

    # -- pictures: thin hooks; the drawing is in _display.py and formats/ ----------

    def __repr__(self) -> str:
        return str(_display().timeline_repr(self))

    def _repr_html_(self) -> str:
        return str(_display().timeline_html(self))

    def to_html(self) -> str:
        """The self-contained HTML page (picture and table); see `timeline.formats.to_html`."""
        return str(_display().to_html(self))

    def plot(self, **options: Any) -> Any:
        """A matplotlib `Figure` of the chronology (the ``plot`` extra); see `timeline.formats.plot`."""
        return _display().plot(self, **options)

    def _event_or_none(self, id: str) -> Event | None:
        i = self._net.index.get(id)
        return None if i is None else self._net.events[i]

    def bounds(self, id: str) -> When:
        """
        The date of an event as its own date and every link imply.

        It is always within the event's own `when`.

        Raises:
            UnknownEventError: no event has this id.
        """
        return self._net.bounds(id)

    def chronology(self) -> list[Event]:
        """
        The events in chronological order.

        The order respects every causal and BEFORE link (the source first) and
        every pair whose inferred dates are certainly ordered; the two ends of a
        SAME_DAY or PART_OF link come in either order when their dates allow it. Ties go by
        inferred earliest day, then inferred latest day, then id, so the order does
        not depend on the order in which events and links were added.
        """
        if self._order is None:
            self._order = self._compute_order()
        return list(self._order)

    def _compute_order(self) -> list[Event]:
        net = self._net
        code = np.frombuffer(net.link_code, dtype=np.int64)
        ordering = _bulk.ORDERING[code]
        src = np.frombuffer(net.link_src, dtype=np.int64)[ordering]
        tgt = np.frombuffer(net.link_tgt, dtype=np.int64)[ordering]
        del code  # views: the arrays must stay free to grow
        # Sorted by bounds, then id; along a causal or BEFORE link the bounds never
        # decrease, so only ties can put a target before its source, and those are
        # put right. Causal links never form a cycle, and a cycle through a BEFORE
        # link would need a positive gap, so a linear extension always exists.
        lo = np.frombuffer(net.lo, dtype=np.int64)
        hi = np.frombuffer(net.hi, dtype=np.int64)
        ids = list(map(_ID, net.events))
        perm = _bulk.chronological_order(lo, hi, ids, src, tgt)
        del lo, hi, src, tgt, ids  # views: the arrays must stay free to grow
        events = np.fromiter(net.events, dtype=object, count=len(net.events))
        ordered: list[Event] = events[perm].tolist()
        return ordered

    def between(
        self,
        start: _WhenLike = None,
        end: _WhenLike = None,
        *,
        certain: bool = False,
    ) -> list[Event]:
        """
        The events that may fall (or, with ``certain=True``, certainly fall) between
        `start` and `end`, both included, in chronological order.

        A `When` as `start` counts from its earliest day, as `end` to its latest;
        None leaves a side open.
        """
        window = When.between(_as_bound(start), _as_bound(end))
        lo = -FAR if window.earliest is None else window.earliest.toordinal()
        hi = FAR if window.latest is None else window.latest.toordinal()
        net = self._net
        found = []
        for e in self.chronology():
            i = net.index[e.id]
            if certain:
                ok = lo <= net.lo[i] and net.hi[i] <= hi
            else:
                ok = net.lo[i] <= hi and lo <= net.hi[i]
            if ok:
                found.append(e)
        return found

    def involving(self, actor: str) -> list[Event]:
        """The events an actor took part in (ignoring case), in chronological order."""
        key = actor.casefold()
        return [e for e in self.chronology() if key in (a.casefold() for a in e.actors)]

    def causes(self, id: str, *, transitive: bool = False) -> list[Event]:
        """
        The events with a causal link to this one (or, transitively, to any of its
        causes), in chronological order.

        Raises:
            UnknownEventError: no event has this id.
        """
        return self._causal_walk(id, forward=False, transitive=transitive)

    def effects(self, id: str, *, transitive: bool = False) -> list[Event]:
        """
        The events this one has a causal link to (or, transitively, their effects),
        in chronological order.

        Raises:
            UnknownEventError: no event has this id.
        """
        return self._causal_walk(id, forward=True, transitive=transitive)

    def _causal_neighbours(self, i: int, *, forward: bool) -> Iterator[int]:
        net = self._net
        own = net.events[i].id
        for e in net.out_edges(i) if forward else net.in_edges(i):
            link = net.links[net.e_link[e]]
            if (
                link.relation.is_causal
                and (link.source if forward else link.target) == own
            ):
                yield net.index[link.target if forward else link.source]

    def _causal_walk(self, id: str, *, forward: bool, transitive: bool) -> list[Event]:
        start = self._net.node(id)
        found: set[int] = set()
        queue = deque([start])
        while queue:
            i = queue.popleft()
            for j in self._causal_neighbours(i, forward=forward):
                if j not in found:
                    found.add(j)
                    if transitive:
                        queue.append(j)
        found.discard(start)
        ids = {self._net.events[j].id for j in found}
        return [e for e in self.chronology() if e.id in ids]

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
        net = self._net
        ia, ib = net.node(a), net.node(b)
        ea, eb = net.events[ia], net.events[ib]
        head = f"{ea.title} ({a}) comes before {eb.title} ({b})"
        path = self._order_path(ia, ib)
        if path is not None:
            steps = [
                describe_link(
                    link,
                    net.events[net.index[link.source]],
                    net.events[net.index[link.target]],
                )
                for link in path
            ]
            chain = [a]
            for link in path:
                chain.append(link.source if link.source != chain[-1] else link.target)
            text = f"{head}: " + "; ".join(steps)
            return Explanation(a, b, tuple(chain), tuple(path), text)
        if net.hi[ia] < net.lo[ib]:
            high, low = net._hi_chain(ia), net._lo_chain(ib)
            text = (
                f"{head}: "
                + net._chain_text(high, towards=False)
                + "; "
                + net._chain_text(low, towards=True)
            )
            edges = [*reversed(high.edges), *low.edges]
            links = tuple(dict.fromkeys(net.links[net.e_link[e]] for e in edges))
            ids = tuple(
                dict.fromkeys(
                    [a, net.events[high.origin].id, net.events[low.origin].id, b]
                )
            )
            return Explanation(a, b, ids, links, text)
        msg = (
            f"nothing puts {ea.title} ({a}) before {eb.title} ({b}): "
            f"no chain of links leads from one to the other and their dates "
            f"({self.bounds(a)} and {self.bounds(b)}) may overlap"
        )
        raise ValidationError("explain", (a, b), msg)

    def _order_path(self, ia: int, ib: int) -> list[Link] | None:
        """The fewest links that order `ia` before `ib`, by breadth-first search."""
        net = self._net
        parent: dict[int, tuple[int, Link]] = (
            {ia: (-1, net.links[0])} if net.links else {}
        )
        if not parent:
            return None
        queue = deque([ia])
        while queue:
            i = queue.popleft()
            own = net.events[i].id
            for e in [*net.out_edges(i), *net.in_edges(i)]:
                link = net.links[net.e_link[e]]
                rel = link.relation
                if rel is Relation.SAME_DAY:
                    continue
                if rel is Relation.PART_OF:
                    if link.target != own:
                        continue
                    j = net.index[link.source]
                elif link.source == own:
                    j = net.index[link.target]
                else:
                    continue
                if j in parent:
                    continue
                parent[j] = (i, link)
                if j == ib:
                    path = []
                    while j != ia:
                        j, link = parent[j]
                        path.append(link)
                    return path[::-1]
                queue.append(j)
        return None

    # -- changing ------------------------------------------------------------------

    @contextmanager
    def _change(self) -> Iterator[Network]:
        """Apply changes to the network as one step: all of them, or none."""
        net = self._net
        mark = net.begin()
        try:
            yield net
        except BaseException:
            net.rollback(mark)
            raise
        else:
            net.commit()
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
        base = _slug(title)
        candidate, n = base, 1
        while candidate in self._net.index:
            n += 1
            candidate = f"{base}-{n}"
        return candidate

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

        Words are resolved against the timeline's `reference`. With `relative_to`,
        a phrase such as "a day earlier" or "the same day" becomes a link to that
        event, so refining its date later moves this one too; phrases that are no
        plain shift ("later that month") are resolved against its current date.
        Without `id`, the id is a slug of the title, made unique.

        >>> t = Timeline()
        >>> t.add("Jet crashes near Aktau", "2024-12-25").id
        'jet-crashes-near-aktau'
        >>> t.add("Jet crashes near Aktau", "2024-12-25").id
        'jet-crashes-near-aktau-2'

        Raises:
            DuplicateEventError: `id` is taken.
            UnknownEventError: `relative_to` is not an event.
            DateResolutionError: the words name no date.
            ChronologyConflict: the relative date contradicts the timeline.
        """
        eid = self._new_id(title) if id is None else id
        if eid in self._net.index:
            raise DuplicateEventError(eid, "choose another id, or refine() that event")
        if relative_to is None:
            event = Event(eid, title, self._resolve(when), **fields)
            with self._change() as net:
                net.add_node(event)
            return event
        self._net.node(relative_to)
        if not isinstance(when, str):
            msg = "relative_to needs a phrase such as 'a day earlier'"
            raise ValidationError("when", when, msg)
        link = _shift_link(when, self.reference, relative_to, eid)
        if link is None:
            event = Event(
                eid, title, self._resolve(when, self.bounds(relative_to)), **fields
            )
        else:
            event = Event(eid, title, When.unknown(text=when), **fields)
        with self._change() as net:
            net.add_node(event)
            if link is not None:
                net.add_link(link)
        return event

    def add_event(self, event: Event) -> Event:
        """
        Add an event as it is; adding an equal event again changes nothing.

        Raises:
            DuplicateEventError: a different event has the same id.
        """
        if not isinstance(event, Event):
            msg = f"expected an Event, got {type(event).__name__}"
            raise ValidationError("event", event, msg)
        existing = self._event_or_none(event.id)
        if existing is not None:
            if existing == event:
                return existing
            raise DuplicateEventError(event.id, _difference(existing, event))
        with self._change() as net:
            net.add_node(event)
        return event

    def link(
        self,
        source: str,
        target: str,
        relation: Relation | str = Relation.CAUSED,
        **fields: Any,
    ) -> Link:
        """
        Link two events; linking them again with the same link changes nothing.

        `fields` are `Link` fields: min_days, max_days, confidence, note, sources.

        Raises:
            UnknownEventError: either end is not an event.
            ValidationError: the link itself is invalid, or these two events are
                already linked by this relation with other fields.
            CausalCycleError: the link closes a causal cycle.
            ChronologyConflict: the link contradicts the dates and other links.
        """
        link = Link(source, target, relation, **fields)
        return self._add_link(link)

    def _add_link(self, link: Link) -> Link:
        self._net.node(link.source)
        self._net.node(link.target)
        for existing in self._find_links(link.source, link.target, link.relation):
            if existing == link:
                return existing
            msg = (
                f"{link.source} and {link.target} are already linked by "
                f"{link.relation.name} with other fields: unlink() them first"
            )
            raise ValidationError("link", link.key, msg)
        with self._change() as net:
            net.add_link(link)
        return link

    def _find_links(
        self, source: str, target: str, relation: Relation | None = None
    ) -> list[Link]:
        net = self._net
        i = net.node(source)
        found = {}
        for e in [*net.out_edges(i), *net.in_edges(i)]:
            link = net.links[net.e_link[e]]
            if (
                link.source == source
                and link.target == target
                and (relation is None or link.relation is relation)
            ):
                found[link.key] = link
        return sorted(found.values(), key=_link_sort_key)

    def remove(self, id: str) -> Event:
        """
        Remove an event and every link to or from it; the removed event.

        Raises:
            UnknownEventError: no event has this id.
        """
        event = self[id]
        self._rebuild(
            (e for e in self._net.events if e.id != id),
            (k for k in self._net.links if id not in (k.source, k.target)),
        )
        return event

    def unlink(
        self, source: str, target: str, relation: Relation | str | None = None
    ) -> list[Link]:
        """
        Remove the links from `source` to `target` (only those of `relation`, if
        given); the removed links.

        Raises:
            UnknownEventError: either end is not an event.
            ValidationError: there is no such link.
        """
        self._net.node(target)
        rel = None if relation is None else Link(source, target, relation).relation
        found = self._find_links(source, target, rel)
        if not found:
            what = "any relation" if rel is None else rel.name
            msg = f"there is no link from {source!r} to {target!r} by {what}"
            raise ValidationError("link", (source, target, relation), msg)
        gone = set(found)
        self._rebuild(self._net.events, (k for k in self._net.links if k not in gone))
        return found

    def refine(self, id: str, when: _WhenLike) -> Event:
        """
        Replace an event's own date (new evidence); words are resolved as in `add`.

        Events linked to it move with it.

        Raises:
            UnknownEventError: no event has this id.
            ChronologyConflict: the new date contradicts the links.
        """
        old = self[id]
        new_when = self._resolve(when, None)
        event = attrs.evolve(old, when=new_when)
        # A narrower date only tightens the network; any other means building again.
        if old.when.contains(new_when):
            with self._change() as net:
                net.narrow(id, new_when)
        else:
            self._rebuild(
                (event if e.id == id else e for e in self._net.events), self._net.links
            )
        return event

    def merge(self, other: Timeline) -> None:
        """
        Add another timeline's events and links to this one.

        Events with the same id must be equal. The reference and name are kept, or
        taken from `other` when this timeline has none.

        Raises:
            DuplicateEventError: the timelines define an id differently.
            ValidationError: they link two events by one relation with other fields.
            CausalCycleError, ChronologyConflict: together they cannot all hold.
        """
        new_events = []
        for event in other._net.events:
            mine = self._event_or_none(event.id)
            if mine is None:
                new_events.append(event)
            elif mine != event:
                raise DuplicateEventError(event.id, _difference(mine, event))
        new_links = []
        for link in other._net.links:
            if link.source in self._net.index and link.target in self._net.index:
                existing = self._find_links(link.source, link.target, link.relation)
                if existing and existing[0] != link:
                    msg = "the timelines link these events by one relation differently"
                    raise ValidationError("link", link.key, msg)
                if existing:
                    continue
            new_links.append(link)
        with self._change() as net:
            for event in new_events:
                net.add_node(event)
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
        contradictions, smallest first. An empty list means `Timeline(events, links)`
        would succeed.

        >>> Timeline.diagnose([Event("a", "A", when="2025-01-02"), Event("b", "B", when="2025-01-01")],
        ...                   [Link("a", "b", "before")])
        [ChronologyConflict('B (b) is dated 2025-01-01 but it comes after A (a) on 2025-01-02', ('a', 'b'), ...)]
        """
        problems: list[ChronologyConflict] = []
        kept: dict[str, Event] = {}
        for event in events:
            first = kept.get(event.id)
            if first is None:
                kept[event.id] = event
            elif first != event:
                text = f"two different events have the id {event.id!r}: {_difference(first, event)}"
                problems.append(ChronologyConflict(text, (event.id,)))
        kept_links: dict[tuple[str, str, Relation], Link] = {}
        for link in links:
            missing = [x for x in (link.source, link.target) if x not in kept]
            if missing:
                text = (
                    f"the link {link.source} {link.relation.phrase} {link.target} "
                    f"names {missing[0]!r}, which is not an event"
                )
                problems.append(ChronologyConflict(text, tuple(missing), (link,)))
                continue
            first_link = kept_links.setdefault(link.key, link)
            if first_link != link:
                text = (
                    f"{link.source} and {link.target} are linked twice by "
                    f"{link.relation.name} with different fields"
                )
                problems.append(
                    ChronologyConflict(text, (link.source, link.target), (link,))
                )
        remaining = list(kept_links.values())
        found: list[ChronologyConflict] = []
        while True:
            try:
                Network(kept.values(), remaining)
            except ChronologyConflict as conflict:
                found.append(conflict)
                if not conflict.links:  # pragma: no cover - dates alone always hold
                    break
                drop = conflict.links[-1]
                remaining = [k for k in remaining if k != drop]
                continue
            break
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


def _display() -> Any:
    """timeline._display, imported on first use (it pulls in the exports)."""
    from . import _display

    return _display


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


def _as_bound(value: _WhenLike) -> When | datetime.date | None:
    if value is None or isinstance(value, When | datetime.date):
        return value
    return _when_from_anything(value)
