"""Tests for the authoring format (YAML and TOML) and the shipped example chronology."""

from __future__ import annotations

import builtins
import textwrap

import pytest
import yaml

from timeline import formats
from timeline.errors import ChronologyConflict, FormatError
from timeline.event import Event
from timeline.link import Link, Relation
from timeline.timeline import Timeline
from timeline.when import When

YAML_DOC = textwrap.dedent(
    """\
    name: A small example
    reference: 2025-02-10
    events:
      - id: crash
        title: Passenger jet crashes near Aktau
        when: December 25
        actors: [Azerbaijan Airlines]
        location: Aktau
        sources: [Example Wire, {name: Other Wire, published: 2025-02-09}]
      - id: called-in
        title: Azerbaijani ambassador called in at the Russian MFA
        when: a day earlier
        relative_to: protest
      - id: protest
        title: Russian ambassador summoned in Baku
        when: January 28
        tags: [diplomacy]
      - id: call
        title: Condolence call
    links:
      - crash prompted protest
      - crash prompted call
      - {from: call, to: protest, relation: before, note: an early call}
    """
)

TOML_DOC = textwrap.dedent(
    """\
    name = "A small example"
    reference = 2025-02-10
    links = [
        "crash prompted protest",
        "crash prompted call",
        { from = "call", to = "protest", relation = "before", note = "an early call" },
    ]

    [[events]]
    id = "crash"
    title = "Passenger jet crashes near Aktau"
    when = "December 25"
    actors = ["Azerbaijan Airlines"]
    location = "Aktau"
    sources = ["Example Wire", { name = "Other Wire", published = 2025-02-09 }]

    [[events]]
    id = "called-in"
    title = "Azerbaijani ambassador called in at the Russian MFA"
    when = "a day earlier"
    relative_to = "protest"

    [[events]]
    id = "protest"
    title = "Russian ambassador summoned in Baku"
    when = "January 28"
    tags = ["diplomacy"]

    [[events]]
    id = "call"
    title = "Condolence call"
    """
)


class TestReading:
    def test_yaml(self):
        """Words are resolved against the reference; relative_to places an event by its anchor."""
        t = formats.from_yaml(YAML_DOC)

        assert When.day(2024, 12, 25) == t.bounds("crash")
        assert When.day(2025, 1, 27) == t.bounds("called-in")
        assert next(e for e in t.events if e.id == "crash").when.text == "December 25"
        assert (t.name, str(t.reference)) == ("A small example", "2025-02-10")

    def test_toml_equals_yaml(self):
        """The same document in TOML and in YAML gives equal timelines."""

        assert formats.from_yaml(YAML_DOC) == formats.from_toml(TOML_DOC)

    def test_compact_and_mapping_links(self):
        """'a prompted b' and {from, to, relation, ...} both make links."""
        t = formats.from_yaml(YAML_DOC)
        links = {k.key: k for k in t.links}

        assert ("crash", "protest", Relation.PROMPTED) in links
        assert links[("call", "protest", Relation.BEFORE)].note == "an early call"

    def test_sources_by_name_or_mapping(self):
        """A source is a name, or a mapping with name, url, published and quote."""
        t = formats.from_yaml(YAML_DOC)
        crash = next(e for e in t.events if e.id == "crash")

        assert [s.name for s in crash.sources] == ["Example Wire", "Other Wire"]
        assert str(crash.sources[1].published) == "2025-02-09"

    def test_edtf_and_when_text(self):
        """An EDTF `when` is read as is; `when_text` keeps the words it came from."""
        doc = {
            "events": [
                {
                    "id": "a",
                    "title": "A",
                    "when": "2024-12",
                    "when_text": "last December",
                },
                {"id": "b", "title": "B", "when": "2021", "ends": "2024"},
            ]
        }
        t = formats.from_authoring(doc)
        a, b = sorted(t.events, key=lambda e: e.id)

        assert (When.month(2024, 12), "last December") == (a.when, a.when.text)
        assert When.year(2024) == b.ends

    def test_empty_document(self):
        """An empty file is an empty timeline."""

        assert Timeline() == formats.from_yaml("")

    @pytest.mark.parametrize(
        ("doc", "field", "reason"),
        [
            ({"evnts": []}, "$.evnts", "did you mean 'events'"),
            ({"events": {}}, "$.events", "expected a list of events"),
            (
                {"events": [{"id": "a"}]},
                "$.events[0].title",
                "required field is missing",
            ),
            (
                {"events": [{"title": "A", "wen": "2024"}]},
                "$.events[0].wen",
                "did you mean 'when'",
            ),
            (
                {"events": [{"title": "A", "when": "Blursday"}]},
                "$.events[0].when",
                "cannot resolve 'Blursday'",
            ),
            (
                {"events": [{"title": "A", "when": "December 25"}]},
                "$.events[0].when",
                "cannot resolve",
            ),
            (
                {"events": [{"title": "A", "when": 12}]},
                "$.events[0].when",
                "got a whole number",
            ),
            (
                {"events": [{"title": "A", "actors": "Baku"}]},
                "$.events[0].actors",
                "expected a list",
            ),
            (
                {"events": [{"title": "A", "relative_to": "b"}]},
                "$.events[0].relative_to",
                "no event has the id 'b'",
            ),
            (
                {
                    "events": [
                        {
                            "id": "a",
                            "title": "A",
                            "when": "a day later",
                            "relative_to": "b",
                        },
                        {
                            "id": "b",
                            "title": "B",
                            "when": "a day later",
                            "relative_to": "a",
                        },
                    ]
                },
                "$.events[0].relative_to",
                "in a circle",
            ),
            (
                {"events": [{"id": "a", "title": "A"}, {"id": "a", "title": "B"}]},
                "$.events[1].id",
                "used twice",
            ),
            (
                {"events": [{"id": "a", "title": "A"}], "links": ["a prompted b"]},
                "$.links[0]",
                "no event has the id 'b'",
            ),
            (
                {
                    "events": [{"id": "a", "title": "A"}, {"id": "b", "title": "B"}],
                    "links": ["a causes b"],
                },
                "$.links[0]",
                "unknown relation 'causes'",
            ),
            (
                {
                    "events": [{"id": "a", "title": "A"}, {"id": "b", "title": "B"}],
                    "links": ["a b"],
                },
                "$.links[0]",
                "SOURCE RELATION TARGET",
            ),
            (
                {
                    "events": [{"id": "a", "title": "A"}, {"id": "b", "title": "B"}],
                    "links": [{"from": "a"}],
                },
                "$.links[0].to",
                "required field is missing",
            ),
            (
                {
                    "events": [{"id": "a", "title": "A"}, {"id": "b", "title": "B"}],
                    "links": [{"from": "a", "to": "b", "min_days": -1}],
                },
                "$.links[0].min_days",
                "at least 0",
            ),
            (
                {
                    "events": [{"id": "a", "title": "A"}, {"id": "b", "title": "B"}],
                    "links": [{"from": "a", "to": "b", "kind": "x"}],
                },
                "$.links[0].kind",
                "unknown key",
            ),
            ({"reference": "soon"}, "$.reference", "not an ISO date"),
        ],
    )
    def test_bad_documents(self, doc: object, field: str, reason: str):
        """Each mistake is a FormatError at its path, with a reason that says what to fix."""
        with pytest.raises(FormatError, match=reason) as info:
            formats.from_authoring(doc, path="bad.yaml")

        assert ("bad.yaml", field) == (info.value.path, info.value.field)

    def test_yaml_lines(self):
        """YAML errors name the line of the offending value."""
        text = YAML_DOC.replace("when: January 28", "when: Janvier 28th of never")
        with pytest.raises(FormatError) as info:
            formats.from_yaml(text, path="bad.yaml")

        assert "when: Janvier" in text.splitlines()[info.value.line - 1]

    def test_yaml_syntax(self):
        """Text that is not YAML names its line."""
        with pytest.raises(FormatError, match="not valid YAML") as info:
            formats.from_yaml("events:\n  - id: [a\n", path="bad.yaml")

        assert info.value.line is not None

    def test_toml_syntax(self):
        """Text that is not TOML names its line."""
        with pytest.raises(FormatError, match="not valid TOML") as info:
            formats.from_toml('name = "x"\nreference = \n', path="bad.toml")

        assert info.value.line == 2

    def test_conflict(self):
        """Links that contradict the dates raise the conflict itself."""
        doc = {
            "reference": "2025-02-10",
            "events": [
                {"id": "a", "title": "A", "when": "January 28"},
                {"id": "b", "title": "B", "when": "December 25"},
            ],
            "links": ["a caused b"],
        }
        with pytest.raises(ChronologyConflict):
            formats.from_authoring(doc)

    def test_yaml_missing(self, monkeypatch: pytest.MonkeyPatch):
        """Without PyYAML the error says which extra to install."""
        real_import = builtins.__import__

        def no_yaml(name: str, *args: object, **kwargs: object) -> object:
            if name == "yaml":
                raise ImportError("No module named 'yaml'")
            return real_import(name, *args, **kwargs)  # type: ignore[arg-type]

        monkeypatch.setattr(builtins, "__import__", no_yaml)
        with pytest.raises(
            ImportError, match=r"pip install 'timeline-tracker\[yaml\]'"
        ):
            formats.from_yaml("events: []")


class TestWriting:
    def test_yaml_round_trip(self):
        """Writing YAML and reading it back gives an equal timeline, date words included."""
        t = formats.from_yaml(YAML_DOC)
        text = formats.to_yaml(t)
        back = formats.from_yaml(text)

        assert t == back
        assert formats.to_json(t) == formats.to_json(back)

    def test_yaml_uses_edtf_and_compact_links(self):
        """Dates are EDTF with their words beside them; plain links are one line."""
        data = yaml.safe_load(formats.to_yaml(formats.from_yaml(YAML_DOC)))
        crash = next(e for e in data["events"] if e["id"] == "crash")

        assert (crash["when"], crash["when_text"]) == ("2024-12-25", "December 25")
        assert "crash prompted protest" in data["links"]
        assert {
            "from": "call",
            "to": "protest",
            "relation": "before",
            "note": "an early call",
        } in data["links"]

    def test_links_with_spaces_in_ids_use_mappings(self):
        """An id with a space cannot be written compactly, so the mapping form is used."""
        from timeline.event import Event

        t = Timeline([Event("a b", "A"), Event("c", "C")], [Link("a b", "c")])
        data = formats.to_authoring(t)

        assert data["links"] == [{"from": "a b", "to": "c", "relation": "caused"}]
        assert t == formats.from_authoring(data)


class TestExample:
    def test_toml_and_yaml_agree(self):
        """The shipped YAML and TOML copies give equal timelines."""
        toml_t, yaml_t = formats.example("toml"), formats.example("yaml")

        assert toml_t == yaml_t
        assert formats.to_json(toml_t) == formats.to_json(yaml_t)

    def test_dates_as_design_states(self):
        """The crash is 2024-12-25 and the summonses 2025-01-27 and 2025-01-28."""
        t = formats.example()

        assert str(t.reference) == "2025-02-10"
        assert When.day(2024, 12, 25) == t.bounds("crash")
        assert When.day(2025, 1, 27) == t.bounds("called-in")
        assert When.day(2025, 1, 28) == t.bounds("protest")

    def test_shape(self):
        """Ten to fifteen events, the crash prompted the protest, an undated call placed by links."""
        t = formats.example()
        keys = {k.key for k in t.links}
        call = next(e for e in t.events if e.id == "condolence")
        placed = t.bounds("condolence")

        assert 10 <= len(t.events) <= 15
        assert ("crash", "protest", Relation.PROMPTED) in keys
        assert call.when.is_unknown
        assert placed.earliest is not None
        assert placed.latest is not None
        assert str(placed.earliest) >= "2024-12-25"
        assert str(placed.latest) <= "2025-02-10"
        order = [e.id for e in t.chronology()]
        assert order.index("crash") < order.index("protest")


class TestDocs:
    def test_documented_example_loads(self):
        """The YAML and TOML examples in docs/formats.md load, and agree."""
        import re
        from pathlib import Path

        doc = (Path(__file__).parent.parent / "docs" / "formats.md").read_text()
        yaml_text = re.search(r"```yaml\n(.*?)```", doc, re.S)
        toml_text = re.search(r"```toml\n(.*?)```", doc, re.S)
        assert yaml_text is not None
        assert toml_text is not None
        t = formats.from_yaml(yaml_text.group(1))

        assert t == formats.from_toml(toml_text.group(1))
        assert When.day(2025, 1, 27) == t.bounds("called-in")
        assert len(t.events) == 4


class TestEventsThatLast:
    """The authoring format keeps link points, several links per pair and `ends` in words."""

    def test_points_and_pairs_round_trip(self):
        """Links on end days and two links between one pair survive YAML."""
        t = Timeline(
            [
                Event("summit", "Summit", "2025-03-01", ends="2025-03-03"),
                Event("note", "Note", "2025-03-05"),
            ]
        )
        t.link("summit", "note", "before", source_point="end", min_days=0)
        t.link("summit", "note", "before", note="per the ministry")

        back = formats.from_yaml(formats.to_yaml(t))

        assert back.links == t.links

    def test_ends_in_words(self):
        """`ends` in words is resolved against the document's reference."""
        t = formats.from_yaml(
            "reference: 2025-04-20\n"
            "events:\n"
            "  - {id: talks, title: Talks, when: April 14, ends: April 17}\n"
        )

        assert t.end_bounds("talks") == When.day(2025, 4, 17)
