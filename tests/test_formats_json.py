"""Tests for the canonical JSON format: timeline.formats to_json, from_json, save and load."""

from __future__ import annotations

import copy
import json
import os
from pathlib import Path
from typing import Any, ClassVar

import pytest

from timeline import formats
from timeline.errors import ChronologyConflict, FormatError
from timeline.event import Event, Source
from timeline.link import Link, Point, Relation
from timeline.timeline import Timeline
from timeline.when import When

SCHEMA = Path(__file__).parent.parent / "docs" / "timeline.schema.json"


@pytest.fixture
def small() -> Timeline:
    """Three events, two links, a date with its words, every kind of field."""
    events = [
        Event(
            "protest",
            "Russian ambassador summoned in Baku",
            When.day(2025, 1, 28, text="January 28"),
            actors=["Mikhail Yevdokimov", "Azerbaijan"],
            location="Baku",
            kind="summons",
            sources=[
                Source(
                    "Example Wire", url="https://example.org/a", published="2025-02-10"
                )
            ],
            tags={"diplomacy", "aviation"},
        ),
        Event("crash", "Passenger jet crashes near Aktau", When.day(2024, 12, 25)),
        Event("call", "Condolence call", description="No date given."),
    ]
    links = [
        Link("crash", "protest", Relation.PROMPTED, note="per the ministry"),
        Link("crash", "call", Relation.PROMPTED, confidence=0.8),
    ]
    return Timeline(events, links, reference="2025-02-10", name="Example")


def _schema_validator():  # jsonschema is a test-only dependency
    import jsonschema

    schema = json.loads(SCHEMA.read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


class TestWriting:
    def test_document_shape(self, small: Timeline):
        """The document names its format and version, then name, reference, events, links."""
        data = json.loads(formats.to_json(small))

        assert list(data) == [
            "format",
            "version",
            "name",
            "reference",
            "events",
            "links",
        ]
        assert (data["format"], data["version"]) == ("timeline", 2)
        assert data["reference"] == "2025-02-10"

    def test_events_sorted_by_id_and_links_by_key(self, small: Timeline):
        """Events are written by id and links by (source, target, relation), whatever the chronology."""
        data = json.loads(formats.to_json(small))

        assert [e["id"] for e in data["events"]] == ["call", "crash", "protest"]
        assert [(k["source"], k["target"]) for k in data["links"]] == [
            ("crash", "call"),
            ("crash", "protest"),
        ]

    def test_every_field_is_written(self, small: Timeline):
        """Every field of every event and link appears, null or empty when unset."""
        data = json.loads(formats.to_json(small))
        call = data["events"][0]

        assert call == {
            "id": "call",
            "title": "Condolence call",
            "when": "../..",
            "ends": None,
            "actors": [],
            "location": None,
            "kind": None,
            "sources": [],
            "description": "No date given.",
            "tags": [],
        }
        assert data["events"][2]["when"] == {"edtf": "2025-01-28", "text": "January 28"}
        assert data["events"][2]["tags"] == ["aviation", "diplomacy"]
        assert data["links"][0] == {
            "source": "crash",
            "target": "call",
            "relation": "prompted",
            "min_days": None,
            "max_days": None,
            "confidence": 0.8,
            "note": None,
            "sources": [],
            "source_point": "start",
            "target_point": "start",
        }

    def test_asserted_dates_not_inferred(self, small: Timeline):
        """The call is written with its own unknown date, not the bounds the links give it."""
        data = json.loads(formats.to_json(small))

        assert data["events"][0]["when"] == "../.."

    def test_deterministic_and_indented(self, small: Timeline):
        """The same timeline always gives the same text, two-space indented, ending in a newline."""
        text = formats.to_json(small)

        assert text == formats.to_json(formats.from_json(text))
        assert text.endswith("}\n")
        assert '\n  "format": "timeline",\n' in text

    def test_unicode_is_kept_readable(self):
        """Non-ASCII text is written as is, not as escapes."""
        t = Timeline(
            [Event("a", "Посол вызван", When.day(2025, 1, 28, text="28 января"))]
        )

        assert "28 января" in formats.to_json(t)

    def test_written_files_match_the_schema(self, small: Timeline):
        """What to_json writes validates against docs/timeline.schema.json."""
        validator = _schema_validator()
        validator.validate(json.loads(formats.to_json(small)))
        validator.validate(json.loads(formats.to_json(Timeline())))
        validator.validate(json.loads(formats.to_json(formats.example())))


class TestReading:
    def test_round_trip(self, small: Timeline):
        """Reading what was written gives an equal timeline, date words included."""
        back = formats.from_json(formats.to_json(small))

        assert small == back
        assert (
            next(e for e in back.events if e.id == "protest").when.text == "January 28"
        )

    def test_missing_optional_fields_take_defaults(self):
        """Only id and title are needed for an event, source and target for a link."""
        text = json.dumps(
            {
                "format": "timeline",
                "version": 1,
                "events": [
                    {"id": "a", "title": "A"},
                    {"id": "b", "title": "B", "when": "2025"},
                ],
                "links": [{"source": "a", "target": "b"}],
            }
        )
        t = formats.from_json(text)

        assert t.name is None
        assert t.reference is None
        assert Relation.CAUSED is t.links[0].relation

    def test_bytes_are_read_as_utf8(self, small: Timeline):
        """from_json takes bytes too."""

        assert small == formats.from_json(formats.to_json(small).encode())

    def test_save_and_load(self, small: Timeline, tmp_path: Path):
        """save writes the canonical text; load reads it back."""
        path = tmp_path / "chronology.json"
        formats.save(small, path)

        assert formats.to_json(small) == path.read_text(encoding="utf-8")
        assert small == formats.load(path)
        assert os.listdir(tmp_path) == ["chronology.json"]

    def test_save_is_atomic(
        self, small: Timeline, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ):
        """When the rename fails the old file is untouched and no temporary file is left."""
        path = tmp_path / "chronology.json"
        path.write_text("the old file")

        def broken(src: object, dst: object) -> None:
            raise OSError("rename failed")

        monkeypatch.setattr(os, "replace", broken)
        with pytest.raises(OSError, match="rename failed"):
            formats.save(small, path)

        assert path.read_text() == "the old file"
        assert os.listdir(tmp_path) == ["chronology.json"]


def _doc(**changes: object) -> dict[str, object]:
    doc: dict[str, object] = {
        "format": "timeline",
        "version": 1,
        "name": "x",
        "reference": "2025-02-10",
        "events": [
            {"id": "crash", "title": "Crash", "when": "2024-12-25"},
            {"id": "protest", "title": "Protest", "when": "2025-01-28"},
        ],
        "links": [{"source": "crash", "target": "protest", "relation": "prompted"}],
    }
    doc.update(changes)
    return doc


class TestBadFiles:
    """Each bad document raises FormatError naming the file, the line and the JSON path."""

    def _error(self, text: str) -> FormatError:
        with pytest.raises(FormatError) as info:
            formats.from_json(text, path="bad.json")
        return info.value

    def test_truncated(self, small: Timeline):
        """A file cut short names the line where the JSON stops making sense."""
        text = formats.to_json(small)
        error = self._error(text[: len(text) // 2])

        assert error.path == "bad.json"
        assert error.line is not None
        assert error.reason.startswith("not valid JSON")

    def test_corrupt(self):
        """Bytes that are not UTF-8 are refused as such."""
        with pytest.raises(FormatError, match="not UTF-8"):
            formats.from_json(b'{"format": "\xff"}', path="bad.json")

    def test_not_an_object(self):
        """A JSON list is not a timeline document."""
        error = self._error("[1, 2]")

        assert error.field == "$"

    @pytest.mark.parametrize("fmt", [None, "chronology", 1])
    def test_wrong_format(self, fmt: object):
        """A document without "format": "timeline" is refused at $.format."""
        doc = _doc(format=fmt) if fmt is not None else {"version": 1}
        error = self._error(json.dumps(doc))

        assert error.field == "$.format"
        assert "not a timeline document" in error.reason

    @pytest.mark.parametrize(
        ("version", "reason"),
        [
            (3, "unknown format version 3"),
            (0, "reads versions 1 and 2"),
            ("1", "whole number"),
            (None, "whole number"),
        ],
    )
    def test_unknown_version(self, version: object, reason: str):
        """Only versions 1 and 2 are read."""
        error = self._error(json.dumps(_doc(version=version)))

        assert error.field == "$.version"
        assert reason in error.reason

    def test_unknown_top_level_key(self):
        """A key the format does not have is refused, not ignored."""
        error = self._error(json.dumps(_doc(evnets=[])))

        assert error.field == "$.evnets"

    def test_missing_field_names_line_and_path(self):
        """A missing title is reported at its event, on that event's line."""
        doc = _doc(
            events=[{"id": "crash", "title": "Crash"}, {"id": "protest"}], links=[]
        )
        text = json.dumps(doc, indent=2)
        error = self._error(text)

        assert error.field == "$.events[1].title"
        assert error.reason == "required field is missing"
        assert text.splitlines()[error.line - 1].strip() == "{"
        assert '"id": "protest"' in text.splitlines()[error.line]

    def test_mistyped_field(self):
        """A number where a string belongs is reported at its path and line."""
        doc = _doc()
        doc["events"][0]["location"] = 7  # type: ignore[index]
        text = json.dumps(doc, indent=2)
        error = self._error(text)

        assert error.field == "$.events[0].location"
        assert '"location": 7' in text.splitlines()[error.line - 1]

    def test_bad_date(self):
        """A date that is not EDTF is reported with the reason."""
        doc = _doc()
        doc["events"][1]["when"] = "January 28"  # type: ignore[index]
        error = self._error(json.dumps(doc))

        assert error.field == "$.events[1].when"
        assert "not an EDTF date" in error.reason

    def test_unknown_relation(self):
        """An unknown relation names the relations there are."""
        doc = _doc(
            links=[{"source": "crash", "target": "protest", "relation": "causes"}]
        )
        error = self._error(json.dumps(doc))

        assert error.field == "$.links[0].relation"
        assert "unknown relation 'causes'" in error.reason
        assert "prompted" in error.reason

    def test_link_to_missing_event(self):
        """A link to an id no event has is refused at that end of the link."""
        doc = _doc(links=[{"source": "crash", "target": "protset"}])
        error = self._error(json.dumps(doc))

        assert error.field == "$.links[0].target"
        assert "'protset'" in error.reason

    def test_duplicate_id(self):
        """Two events with one id are refused at the second."""
        doc = _doc(
            events=[{"id": "a", "title": "A"}, {"id": "a", "title": "B"}], links=[]
        )
        error = self._error(json.dumps(doc))

        assert error.field == "$.events[1].id"

    def test_duplicate_link(self):
        """The same link given twice is refused at the second."""
        link = {"source": "crash", "target": "protest"}
        error = self._error(json.dumps(_doc(links=[link, link])))

        assert error.field == "$.links[1]"

    def test_duplicate_key(self):
        """A key written twice in one object is refused (JSON readers disagree on which wins)."""
        text = '{"format": "timeline", "version": 1,\n "version": 1}'
        error = self._error(text)

        assert (error.field, error.line) == ("$.version", 2)

    def test_deeply_nested(self):
        """Nesting deeper than Python can follow is a FormatError, not a RecursionError."""
        deep = (
            '{"format": "timeline", "version": 1, "name": '
            + "[" * 900
            + "]" * 900
            + "}"
        )

        assert self._error(deep).field == "$.name"
        assert "nested too deeply" in self._error("[" * 100_000).reason

    def test_conflicting_links(self):
        """Links that contradict the dates raise the conflict, naming the file in a note."""
        doc = _doc(
            links=[{"source": "protest", "target": "crash", "relation": "caused"}]
        )
        with pytest.raises(ChronologyConflict) as info:
            formats.from_json(json.dumps(doc), path="bad.json")

        assert "while reading bad.json" in info.value.__notes__

    def test_message_names_file_line_and_path(self):
        """str(error) reads 'file, line N, path: reason'."""
        doc = _doc(
            links=[{"source": "crash", "target": "protest", "relation": "causes"}]
        )
        error = self._error(json.dumps(doc, indent=2))

        assert str(error).startswith(
            f"bad.json, line {error.line}, $.links[0].relation: unknown relation"
        )

    def test_load_names_the_file(self, tmp_path: Path):
        """load puts the path in the error."""
        path = tmp_path / "t.json"
        path.write_text("{")
        with pytest.raises(FormatError) as info:
            formats.load(path)

        assert str(path) == info.value.path


class TestTimelineMethods:
    def test_to_json_and_from_json(self, small: Timeline):
        """Timeline.to_json and Timeline.from_json are the module's functions."""

        assert formats.to_json(small) == small.to_json()
        assert small == Timeline.from_json(small.to_json())

    def test_save_and_load(self, small: Timeline, tmp_path: Path):
        """t.save writes canonical JSON; Timeline.load reads JSON, YAML or TOML by extension."""
        small.save(tmp_path / "t.json")
        (tmp_path / "t.yaml").write_text(formats.to_yaml(small), encoding="utf-8")

        assert small == Timeline.load(tmp_path / "t.json")
        assert small == Timeline.load(tmp_path / "t.yaml")

    def test_export_and_pandas(self, small: Timeline):
        """t.export(name) and t.to_pandas() delegate to timeline.formats."""

        assert formats.to_markdown(small) == small.export("markdown")
        assert len(small.to_pandas()) == 3


class TestVersions:
    """Version 2 stores points and several links per pair; version 1 keeps its meaning."""

    V1: ClassVar[dict[str, Any]] = {
        "format": "timeline",
        "version": 1,
        "events": [
            {"id": "war", "title": "War"},
            {"id": "battle", "title": "Battle", "when": "2025-01-02"},
            {"id": "talks", "title": "Talks", "when": "2025-01", "ends": "2025-02"},
        ],
        "links": [
            {"source": "battle", "target": "war", "relation": "part_of"},
            {"source": "war", "target": "talks", "relation": "before"},
        ],
    }

    def test_version_1_loads_unchanged(self):
        """A v1 file reads with its links on start days and its old bounds."""
        t = formats.from_json(json.dumps(self.V1))

        assert all(k.points == (Point.START, Point.START) for k in t.links)
        # A whole without `ends` bounds nothing after its start (v1 meaning).
        t.refine("war", "2025-01-01")
        assert t.bounds("battle") == When.day(2025, 1, 2)
        assert t.bounds("talks") == When.between("2025-01-02", "2025-01-31")

    def test_version_1_rewritten_as_version_2(self):
        """A v1 file written again is version 2 and reads back equal."""
        t = formats.from_json(json.dumps(self.V1))

        data = json.loads(formats.to_json(t))

        assert data["version"] == 2
        assert all(k["source_point"] == "start" for k in data["links"])
        assert formats.from_json(formats.to_json(t)) == t

    def test_version_1_has_no_points(self):
        """Points in a v1 file are refused with the path."""
        doc = copy.deepcopy(self.V1)
        doc["links"][1]["source_point"] = "end"

        with pytest.raises(FormatError, match="version 2") as info:
            formats.from_json(json.dumps(doc))

        assert info.value.field == "$.links[1].source_point"

    def test_version_1_pair_given_twice(self):
        """A v1 file joining a pair twice by one relation is refused, as before."""
        doc = copy.deepcopy(self.V1)
        doc["links"].append(
            {"source": "war", "target": "talks", "relation": "before", "min_days": 2}
        )

        with pytest.raises(FormatError, match="given twice"):
            formats.from_json(json.dumps(doc))

    def test_version_2_round_trip_of_points_and_pairs(self):
        """Points and several links per pair survive a round trip, schema-valid."""
        t = Timeline(
            [
                Event("summit", "Summit", "2025-03-01", ends="2025-03-03"),
                Event("note", "Note", "2025-03-05"),
            ]
        )
        t.link("summit", "note", "before", source_point="end", min_days=0, note="A")
        t.link("summit", "note", "before", source_point="end", min_days=2, note="B")
        t.link("summit", "note", "before")

        text = formats.to_json(t)

        assert formats.from_json(text) == t
        _schema_validator().validate(json.loads(text))
        assert len(json.loads(text)["links"]) == 3

    def test_version_2_same_link_twice(self):
        """The very same link twice in a v2 file is refused."""
        t = Timeline([Event("a", "A"), Event("b", "B")], [Link("a", "b")])
        doc = json.loads(formats.to_json(t))
        doc["links"].append(doc["links"][0])

        with pytest.raises(FormatError, match="given twice"):
            formats.from_json(json.dumps(doc))

    def test_schema_refuses_points_in_version_1(self):
        """The schema knows v1 links have no points."""
        import jsonschema

        doc = copy.deepcopy(self.V1)
        doc["links"][0]["target_point"] = "start"

        with pytest.raises(jsonschema.ValidationError):
            _schema_validator().validate(doc)
        _schema_validator().validate(self.V1)
