"""Tests for timeline.formats._codec, _locate and _atomic: the parts every format shares."""

from __future__ import annotations

import json
import os
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from timeline.errors import FormatError
from timeline.event import Event, Source
from timeline.formats._atomic import write_atomic
from timeline.formats._codec import (
    Problem,
    event_to_data,
    link_to_data,
    structure,
    when_from_data,
    when_to_data,
)
from timeline.formats._locate import JsonIndex
from timeline.link import Link, Relation
from timeline.testing import events, links, whens
from timeline.when import When


def _with_text(w: When, text: str | None) -> When:
    return attrs.evolve(w, text=text)


texts = st.none() | st.text(max_size=20)
whens_with_text = st.builds(_with_text, whens(), texts)


class TestDates:
    def test_plain_date_is_an_edtf_string(self):
        """A date without words is written as its EDTF string alone."""

        assert when_to_data(When.month(2024, 12)) == "2024-12"

    def test_words_make_an_object(self):
        """A date that keeps its words is written as {edtf, text}."""
        w = When.day(2024, 12, 25, text="December 25")

        assert when_to_data(w) == {"edtf": "2024-12-25", "text": "December 25"}

    @given(whens_with_text)
    def test_round_trip_keeps_text(self, w: When):
        """Reading a written date gives it back, words included."""
        back = when_from_data(json.loads(json.dumps(when_to_data(w))))

        assert (w, w.text) == (back, back.text)

    @pytest.mark.parametrize(
        ("value", "reason"),
        [
            (20241225, "expected an EDTF string"),
            ("2024-13", "is not an EDTF date"),
            ({"text": "x"}, "needs an 'edtf'"),
            ({"edtf": "2024", "words": "x"}, "unknown key 'words'"),
            ({"edtf": 2024}, "expected an EDTF string"),
            ({"edtf": "2024", "text": 5}, "expected a string or null"),
        ],
    )
    def test_bad_dates(self, value: object, reason: str):
        """A date that is not EDTF is refused with the reason."""
        with pytest.raises(Problem, match=reason):
            when_from_data(value)


class TestEventsAndLinks:
    @given(events(whens=whens_with_text))
    def test_event_round_trip(self, event: Event):
        """Every field of every event survives JSON, date words included."""
        data = json.loads(json.dumps(event_to_data(event)))
        back = structure(data, Event, "$")

        assert event == back
        assert event_to_data(event) == event_to_data(back)

    @given(links())
    def test_link_round_trip(self, link: Link):
        """Every field of every link survives JSON."""
        data = json.loads(json.dumps(link_to_data(link)))

        assert link == structure(data, Link, "$")

    def test_fields_in_class_order(self):
        """Every field is written, in the class's order, tags sorted."""
        e = Event(
            "a", "T", tags={"z", "b"}, sources=[Source("S", published="2025-01-02")]
        )
        data = event_to_data(e)

        assert [f.name for f in attrs.fields(Event)] == list(data)
        assert data["tags"] == ["b", "z"]
        assert data["sources"][0]["published"] == "2025-01-02"
        assert data["when"] == "../.."

    @pytest.mark.parametrize(
        ("data", "field", "reason"),
        [
            ({"title": "t"}, "$.id", "required field is missing"),
            (
                {"id": "a", "title": 3},
                "$.title",
                "expected a string, got a whole number",
            ),
            (
                {"id": "a", "title": "t", "actors": "Baku"},
                "$.actors",
                "expected a list",
            ),
            (
                {"id": "a", "title": "t", "actors": ["x", 4]},
                "$.actors[1]",
                "expected a string",
            ),
            ({"id": "a", "title": "t", "bogus": 1}, "$", "unknown key 'bogus'"),
            ({"id": "a", "title": ""}, "$.title", "must not be empty"),
            (
                {"id": "a", "title": "t", "when": "2024", "ends": "2023"},
                "$.ends",
                "ends",
            ),
            (
                {
                    "id": "a",
                    "title": "t",
                    "sources": [{"name": "x", "published": "2024-02-30"}],
                },
                "$.sources[0].published",
                "not an ISO date",
            ),
            (
                {"id": "a", "title": "t", "tags": [None]},
                "$.tags[0]",
                "expected a string, got null",
            ),
        ],
    )
    def test_bad_events(self, data: dict[str, object], field: str, reason: str):
        """Each problem is a FormatError whose field is the JSON path at fault."""
        with pytest.raises(FormatError, match=reason) as info:
            structure(data, Event, "$")

        assert field == info.value.field

    @pytest.mark.parametrize(
        ("data", "field", "reason"),
        [
            (
                {"source": "a", "target": "b", "relation": "causes"},
                "$.relation",
                "unknown relation 'causes'",
            ),
            (
                {"source": "a", "target": "b", "relation": 1},
                "$.relation",
                "expected a relation",
            ),
            ({"source": "a", "target": "a"}, "$.target", "two different events"),
            (
                {"source": "a", "target": "b", "min_days": 1.5},
                "$.min_days",
                "whole number",
            ),
            (
                {"source": "a", "target": "b", "min_days": True},
                "$.min_days",
                "whole number",
            ),
            (
                {"source": "a", "target": "b", "confidence": "high"},
                "$.confidence",
                "a number",
            ),
            (
                {"source": "a", "target": "b", "confidence": 2},
                "$.confidence",
                "between 0 and 1",
            ),
            (
                {"source": "a", "target": "b", "relation": "before", "min_days": -1},
                "$.min_days",
                "at least 0",
            ),
            (
                {"source": "a", "target": "b", "source_point": "middle"},
                "$.source_point",
                "unknown point",
            ),
            (
                {"source": "a", "target": "b", "target_point": 2},
                "$.target_point",
                "expected a point",
            ),
            (
                {"source": "a", "target": "b", "target_point": "end"},
                "$.target_point",
                "only BEFORE and SAME_DAY",
            ),
        ],
    )
    def test_bad_links(self, data: dict[str, object], field: str, reason: str):
        """Each problem is a FormatError whose field is the JSON path at fault."""
        with pytest.raises(FormatError, match=reason) as info:
            structure(data, Link, "$")

        assert field == info.value.field

    def test_several_problems_are_counted(self):
        """The first problem is named and the rest are counted."""
        with pytest.raises(FormatError, match=r"and 1 more problem\)"):
            structure({"source": 1, "target": 2}, Link, "$")

    def test_relation_case_is_forgiven(self):
        """Relations are read as Relation() reads them, case-insensitively."""

        assert (
            Relation.SAME_DAY
            is structure(
                {"source": "a", "target": "b", "relation": "SAME_DAY"}, Link, "$"
            ).relation
        )

    def test_not_an_object(self):
        """A list where an event belongs is refused at its path."""
        with pytest.raises(FormatError, match="expected an object, got a list") as info:
            structure([], Event, "$.events[2]")

        assert info.value.field == "$.events[2]"


class TestJsonIndex:
    def test_lines_of_paths(self):
        """Every value's line is known by its JSON path; missing keys give the parent's."""
        text = '{\n  "events": [\n    {\n      "id": "a",\n      "when": "2024"\n    }\n  ]\n}\n'
        index = JsonIndex(text)

        assert index.line("$") == 1
        assert index.line("$.events") == 2
        assert index.line("$.events[0].id") == 4
        assert index.line("$.events[0].when") == 5
        assert index.line("$.events[0].title") == 3
        assert index.line(None) is None

    def test_duplicates(self):
        """Keys given twice in one object are listed by path."""
        index = JsonIndex('{"a": {"b": 1, "b": 2}, "c": [], "d": {}}')

        assert index.duplicates == ["$.a.b"]

    @given(
        st.recursive(
            st.none() | st.integers() | st.text(),
            lambda c: st.lists(c) | st.dictionaries(st.text(), c),
        )
    )
    def test_any_json(self, value: object):
        """Any JSON text can be indexed, whatever its shape and indentation."""
        for indent in (None, 2):
            index = JsonIndex(json.dumps(value, indent=indent))

            assert index.line("$") == 1


class TestWriteAtomic:
    def test_writes_and_replaces(self, tmp_path: Path):
        """The file ends up with the new text, and nothing else is left in the folder."""
        target = tmp_path / "t.json"
        target.write_text("old")
        target.chmod(0o640)
        write_atomic(target, "new\n")

        assert target.read_text() == "new\n"
        assert target.stat().st_mode & 0o777 == 0o640
        assert os.listdir(tmp_path) == ["t.json"]

    def test_failed_rename_keeps_old_file(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ):
        """When the rename fails the old file is untouched and no temporary file is left."""
        target = tmp_path / "t.json"
        target.write_text("old")

        def broken(src: object, dst: object) -> None:
            raise OSError("disk on fire")

        monkeypatch.setattr(os, "replace", broken)
        with pytest.raises(OSError, match="disk on fire"):
            write_atomic(target, "new")

        assert target.read_text() == "old"
        assert os.listdir(tmp_path) == ["t.json"]

    def test_failed_write_keeps_old_file(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ):
        """When syncing fails midway the old file is untouched and no temporary file is left."""
        target = tmp_path / "t.json"
        target.write_text("old")

        def broken(fd: int) -> None:
            raise OSError("sync failed")

        monkeypatch.setattr(os, "fsync", broken)
        with pytest.raises(OSError, match="sync failed"):
            write_atomic(target, "new")

        assert target.read_text() == "old"
        assert os.listdir(tmp_path) == ["t.json"]

    def test_missing_folder(self, tmp_path: Path):
        """A folder that does not exist is an OSError, and nothing is created."""
        with pytest.raises(FileNotFoundError):
            write_atomic(tmp_path / "nope" / "t.json", "x")

        assert os.listdir(tmp_path) == []
