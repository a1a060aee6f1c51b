"""Properties of the file formats: loss-free round trips, and bad input only ever raising our errors."""

from __future__ import annotations

import contextlib
import copy
import json
from typing import Any

import attrs
from hypothesis import assume, given, reject
from hypothesis import strategies as st

from timeline import formats
from timeline.errors import ChronologyConflict, TimelineError
from timeline.event import Event
from timeline.link import Link
from timeline.testing import dates, events, links, whens
from timeline.testing import timelines as project_timelines
from timeline.timeline import Timeline
from timeline.when import When

IDS = st.sampled_from(["crash", "protest", "called-in", "call", "Ω", "a b", '"q"'])


def _with_text(w: When, text: str | None) -> When:
    return attrs.evolve(w, text=text)


# Dates that keep the words they came from, so the round trip must keep those too.
dated = st.builds(_with_text, whens(), st.none() | st.text(max_size=12))


@st.composite
def _any_fields(draw: st.DrawFn) -> Timeline:
    """Events with every optional field, a few links; inconsistent draws are rejected."""
    evs = draw(
        st.lists(events(ids=IDS, whens=dated), max_size=6, unique_by=lambda e: e.id)
    )
    ks: list[Link] = []
    if len(evs) >= 2:
        ids = [e.id for e in evs]
        ks = draw(st.lists(links(between=ids), max_size=4, unique_by=lambda k: k.key))
    try:
        return Timeline(
            evs,
            ks,
            reference=draw(st.none() | dates()),
            name=draw(st.none() | st.text(max_size=12)),
        )
    except ChronologyConflict:
        reject()


@st.composite
def _project(draw: st.DrawFn) -> Timeline:
    """timeline.testing's consistent timelines, with date words, a reference and a name."""
    t = draw(project_timelines(max_events=6))
    evs = [
        attrs.evolve(e, when=_with_text(e.when, draw(st.none() | st.text(max_size=8))))
        for e in t.events
    ]
    return Timeline(
        evs,
        t.links,
        reference=draw(st.none() | dates()),
        name=draw(st.none() | st.text(max_size=12)),
    )


def timelines() -> st.SearchStrategy[Timeline]:
    """Consistent timelines: many links (timeline.testing) or many fields (local)."""
    return st.one_of(_project(), _any_fields())


@given(timelines())
def test_json_round_trip(t: Timeline):
    """from_json(to_json(t)) == t, and writing it again gives the same bytes."""
    text = formats.to_json(t)
    back = formats.from_json(text)

    assert t == back
    assert text == formats.to_json(back)


@given(timelines())
def test_yaml_round_trip(t: Timeline):
    """The YAML authoring export reads back to an equal timeline, date words included."""
    back = formats.from_yaml(formats.to_yaml(t))

    assert t == back
    assert formats.to_json(t) == formats.to_json(back)


@given(timelines())
def test_exports_never_fail(t: Timeline):
    """Every export writes every consistent timeline."""
    for writer in formats.EXPORTS.values():
        assert isinstance(writer(t), str)


# -- mutations of valid documents -------------------------------------------------------


def _slots(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """The path of every value inside a JSON document."""
    found = [path]
    if isinstance(value, dict):
        for key, item in value.items():
            found += _slots(item, (*path, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            found += _slots(item, (*path, i))
    return found


def _at(doc: Any, path: tuple[Any, ...]) -> Any:
    for step in path:
        doc = doc[step]
    return doc


OTHER_VALUES = st.sampled_from(
    [None, True, 0, -1, 1.5, "", "x", "2024-13-45", "caused", [], [1], {}, {"a": 1}]
)


@st.composite
def mutated_documents(draw: st.DrawFn) -> str:
    """A valid canonical document with one thing done to it, as text."""
    doc = formats.to_data(draw(timelines()))
    kind = draw(st.sampled_from(["drop", "retype", "duplicate", "cut", "flip", "add"]))
    text = json.dumps(doc, indent=2, ensure_ascii=False)
    if kind == "cut":
        return text[: draw(st.integers(0, len(text)))]
    if kind == "flip":
        i = draw(st.integers(0, max(len(text) - 1, 0)))
        return text[:i] + draw(st.characters(codec="utf-8")) + text[i + 1 :]
    doc = copy.deepcopy(doc)
    path = draw(st.sampled_from(_slots(doc)))
    if kind == "duplicate":
        # The same key twice in one object, textually (json.dumps cannot write it).
        assume(path and isinstance(path[-1], str))
        line = json.dumps({path[-1]: _at(doc, path)})[1:-1]
        return text.replace(line, f"{line}, {line}", 1)
    if not path:
        return json.dumps(draw(OTHER_VALUES))
    parent, key = _at(doc, path[:-1]), path[-1]
    if kind == "drop":
        del parent[key]
    elif kind == "retype":
        parent[key] = draw(OTHER_VALUES)
    elif isinstance(parent, dict):
        parent[draw(st.sampled_from(["extra", "when", "id", "relation"]))] = draw(
            OTHER_VALUES
        )
    else:
        parent.insert(key, draw(OTHER_VALUES))
    return json.dumps(doc, indent=2)


@given(mutated_documents())
def test_mutated_json_raises_only_timeline_errors(text: str):
    """A damaged document either still reads or raises a TimelineError; nothing else escapes."""
    try:
        t = formats.from_json(text, path="mutated.json")
    except TimelineError:
        return

    assert isinstance(t, Timeline)


@given(timelines(), st.data())
def test_cut_yaml_raises_only_timeline_errors(t: Timeline, data: st.DataObject):
    """A YAML authoring file cut short either reads or raises a TimelineError."""
    text = formats.to_yaml(t)
    cut = text[: data.draw(st.integers(0, len(text)))]
    with contextlib.suppress(TimelineError):
        formats.from_yaml(cut, path="cut.yaml")


@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=8) | dates(),
        lambda inner: (
            st.lists(inner, max_size=3)
            | st.dictionaries(
                st.sampled_from(
                    [
                        "events",
                        "links",
                        "id",
                        "title",
                        "when",
                        "from",
                        "to",
                        "relation",
                        "reference",
                        "relative_to",
                        "sources",
                        "actors",
                        "x",
                    ]
                ),
                inner,
                max_size=4,
            )
        ),
        max_leaves=12,
    )
)
def test_any_authoring_data_raises_only_timeline_errors(data: object):
    """Any plain data given as an authoring document either reads or raises a TimelineError."""
    with contextlib.suppress(TimelineError):
        formats.from_authoring(data)


def test_event_and_link_are_attrs():
    """The round-trip properties cover every field: the codec writes exactly the attrs fields."""

    assert [f.name for f in attrs.fields(Event)] == list(
        formats.to_data(Timeline([Event("a", "A")]))["events"][0]
    )
    assert [f.name for f in attrs.fields(Link)] == list(
        formats.to_data(Timeline([Event("a", "A"), Event("b", "B")], [Link("a", "b")]))[
            "links"
        ][0]
    )
