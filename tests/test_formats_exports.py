"""Tests for the exports: each is read back by the tool that consumes it, where Python has one."""

from __future__ import annotations

import csv
import datetime
import html
import io
import json
import re

import pytest

from timeline import formats
from timeline.event import Event, Source
from timeline.link import Link, Relation
from timeline.timeline import Timeline
from timeline.when import When

NASTY = 'He said "no", then | left; <b>bold</b>, \\ back\nslash — 28 января'


@pytest.fixture(scope="module")
def example() -> Timeline:
    return formats.example()


@pytest.fixture(scope="module")
def tricky() -> Timeline:
    """Text that every format must escape, and dates of every shape."""
    events = [
        Event(
            "a",
            NASTY,
            When.day(2025, 1, 28, text="28 января"),
            location="Baku, Azerbaijan",
            actors=["X, Y"],
            sources=[Source("Wire; Inc.")],
        ),
        Event("month", "A whole month " + "long " * 20, When.month(2024, 12)),
        Event("span", "A range", When.between("2024-12-20", "2025-01-05")),
        Event("year", "A year", When.year(2021), ends=When.year(2024), kind="trade"),
        Event("open", "Open ended", When.between("2025-01-01", None)),
        Event("nothing", "Nothing known"),
        Event("fuzzy", "About a day", When.day(2025, 1, 10, approximate=True)),
    ]
    links = [
        Link("month", "a", Relation.CAUSED),
        Link("span", "a", Relation.BEFORE, min_days=1),
    ]
    return Timeline(events, links, reference="2025-02-10", name='Tricky "name"')


class TestCsv:
    def test_events(self, example: Timeline):
        """One row per event, chronological, with the inferred bounds."""
        rows = list(csv.DictReader(io.StringIO(formats.to_csv(example))))

        assert [e.id for e in example.chronology()] == [r["id"] for r in rows]
        assert list(formats.EVENT_COLUMNS) == list(rows[0])
        called_in = next(r for r in rows if r["id"] == "called-in")
        assert (called_in["when"], called_in["when_text"]) == ("../..", "a day earlier")
        assert (
            called_in["earliest"],
            called_in["latest"],
            called_in["granularity"],
        ) == ("2025-01-27", "2025-01-27", "day")

    def test_escaping(self, tricky: Timeline):
        """Commas, quotes and newlines survive the csv module."""
        rows = list(csv.DictReader(io.StringIO(formats.to_csv(tricky))))
        a = next(r for r in rows if r["id"] == "a")

        assert (
            a["title"],
            a["location"],
            a["actors"],
            a["sources"],
        ) == (NASTY, "Baku, Azerbaijan", "X, Y", "Wire; Inc.")
        nothing = next(r for r in rows if r["id"] == "nothing")
        assert (nothing["earliest"], nothing["latest"]) == ("", "")

    def test_links(self, example: Timeline):
        """The links table has one row per link."""
        rows = list(csv.DictReader(io.StringIO(formats.links_to_csv(example))))

        assert len(example.links) == len(rows)
        assert list(formats.LINK_COLUMNS) == list(rows[0])
        assert {
            "source": "called-in",
            "target": "protest",
            "relation": "before",
            "min_days": "1",
            "max_days": "1",
        }.items() <= next(r for r in rows if r["source"] == "called-in").items()


class TestMarkdown:
    def test_table(self, tricky: Timeline):
        """A heading, then one table row per event with five cells, pipes escaped."""
        text = formats.to_markdown(tricky)
        rows = [
            line
            for line in text.splitlines()
            if line.startswith("| ") and "---" not in line
        ]

        assert text.startswith('# Tricky "name"\n')
        assert 1 + len(tricky.events) == len(rows)
        for row in rows:
            assert len(re.split(r"(?<!\\)\|", row)) - 1 == 6

    def test_example(self, example: Timeline):
        """Dates in words keep their words; links read as sentences."""
        text = formats.to_markdown(example)

        assert (
            "| 2024-12-25 (December 25) | Azerbaijan Airlines passenger jet crashes near Aktau |"
            in text
        )
        assert "**prompted**" in text
        assert "(inferred)" in text


class TestMermaid:
    def test_flowchart(self, tricky: Timeline):
        """A node per event and an arrow per link; quotes and brackets are entity codes."""
        text = formats.to_mermaid(tricky)
        lines = text.splitlines()
        nodes = [line for line in lines if re.fullmatch(r'    e\d+\["[^"]*"\]', line)]
        edges = [
            line
            for line in lines
            if re.fullmatch(r"    e\d+ (-->|-\.->)\|[^|]+\| e\d+", line)
        ]

        assert lines[0] == "flowchart TD"
        assert len(tricky.events) == len(nodes)
        assert len(tricky.links) == len(edges)
        assert "#quot;no#quot;" in text
        assert "#lt;b#gt;" in text

    def test_causal_solid_temporal_dotted(self, tricky: Timeline):
        """Causal links are solid arrows, the rest dotted."""
        text = formats.to_mermaid(tricky)

        assert "-->|caused|" in text
        assert "-.->|came before|" in text


def _dot_statements(text: str) -> list[str]:
    """The statements of a DOT graph body, honouring quoted strings."""
    body = text[text.index("{") + 1 : text.rindex("}")]
    statements, current, quoted, escaped = [], "", False, False
    for char in body:
        current += char
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == '"':
            quoted = not quoted
        elif char == ";" and not quoted:
            statements.append(current.strip())
            current = ""
    assert not quoted
    assert not current.strip()
    return statements


class TestDot:
    def test_graph(self, tricky: Timeline):
        """Statements parse; a node per event and an edge per link."""
        statements = _dot_statements(formats.to_dot(tricky))
        nodes = [s for s in statements if re.match(r'"[^"]+" \[label=', s)]
        edges = [s for s in statements if re.match(r'"[^"]+" -> "[^"]+"', s)]

        assert len(tricky.events) == len(nodes)
        assert len(tricky.links) == len(edges)

    def test_escaping(self, tricky: Timeline):
        """Quotes and backslashes are escaped inside labels."""
        text = formats.to_dot(tricky)

        assert '\\"no\\"' in text
        assert "\\\\ back" in text
        assert text.startswith('digraph "Tricky \\"name\\"" {')


class TestTimelineJs:
    def test_slides(self, tricky: Timeline):
        """Dated events become slides with start dates as fine as the date is known."""
        doc = json.loads(formats.to_timelinejs(tricky))
        slides = {s["unique_id"]: s for s in doc["events"]}

        assert slides["a"]["start_date"] == {"year": 2025, "month": 1, "day": 28}
        assert slides["month"]["start_date"] == {"year": 2024, "month": 12}
        assert slides["year"]["start_date"] == {"year": 2021}
        assert slides["year"]["end_date"] == {"year": 2024}
        assert slides["span"]["display_date"] == "2024-12-20 to 2025-01-05"
        assert slides["span"]["end_date"] == {"year": 2025, "month": 1, "day": 5}
        assert "display_date" in slides["fuzzy"]
        assert "nothing" not in slides
        # TimelineJS renders headlines as HTML: the markup in the title is escaped.
        assert slides["a"]["text"]["headline"] == html.escape(NASTY, quote=False)
        assert doc["title"]["text"]["headline"] == 'Tricky "name"'

    def test_example(self, example: Timeline):
        """Every event of the example is dated well enough to appear."""
        doc = formats.to_timelinejs_data(example)

        assert len(example.events) >= len(doc["events"]) >= 10


class TestIcs:
    def test_parsed_by_icalendar(self, tricky: Timeline):
        """icalendar reads the file: all-day events, DTEND the day after, deterministic DTSTAMP."""
        import icalendar

        text = formats.to_ics(tricky)
        cal = icalendar.Calendar.from_ical(text)
        vevents = {str(v["SUMMARY"]): v for v in cal.walk("VEVENT")}

        assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
        a = vevents[NASTY]
        assert datetime.date(2025, 1, 28) == a["DTSTART"].dt
        assert datetime.date(2025, 1, 29) == a["DTEND"].dt
        assert str(a["LOCATION"]) == "Baku, Azerbaijan"
        assert datetime.datetime(2025, 2, 10, tzinfo=datetime.UTC) == a["DTSTAMP"].dt
        month = next(v for k, v in vevents.items() if k.startswith("A whole month"))
        assert (datetime.date(2024, 12, 1), datetime.date(2025, 1, 1)) == (
            month["DTSTART"].dt,
            month["DTEND"].dt,
        )
        assert str(month["STATUS"]) == "TENTATIVE"
        year = vevents["A year"]
        assert (datetime.date(2021, 1, 1), datetime.date(2025, 1, 1)) == (
            year["DTSTART"].dt,
            year["DTEND"].dt,
        )
        assert "Open ended" not in vevents
        assert "Nothing known" not in vevents

    def test_uids_unique_and_stable(self, example: Timeline):
        """Every event has its own UID, the same on every export."""
        import icalendar

        text = formats.to_ics(example)
        uids = [
            str(v["UID"]) for v in icalendar.Calendar.from_ical(text).walk("VEVENT")
        ]

        assert len(uids) == len(set(uids))
        assert text == formats.to_ics(formats.from_json(formats.to_json(example)))
        assert text.endswith("END:VCALENDAR\r\n")


class TestPandas:
    def test_frame(self, tricky: Timeline):
        """Events indexed by id, inferred bounds as datetimes, NaT where open."""
        import pandas as pd

        frame = formats.to_pandas(tricky)

        assert [e.id for e in tricky.chronology()] == list(frame.index)
        assert pd.Timestamp("2025-01-28") == frame.loc["a", "earliest"]
        assert pd.isna(frame.loc["nothing", "earliest"])
        assert frame.loc["a", "actors"] == ("X, Y",)

    def test_links(self, example: Timeline):
        """Links as a frame, gaps as nullable integers."""
        frame = formats.links_to_pandas(example)

        assert len(example.links) == len(frame)
        assert frame[frame.source == "called-in"].min_days.iloc[0] == 1

    def test_missing(self, monkeypatch: pytest.MonkeyPatch):
        """Without pandas the error says which extra to install."""
        import importlib

        real = importlib.import_module

        def fake(name: str, package: str | None = None) -> object:
            if name == "pandas":
                raise ImportError("No module named 'pandas'")
            return real(name, package)

        monkeypatch.setattr(importlib, "import_module", fake)
        with pytest.raises(ImportError, match=r"timeline-tracker\[pandas\]"):
            formats.to_pandas(Timeline())


class TestExportByName:
    def test_every_export(self, example: Timeline):
        """export(t, name) gives the same text as the named function."""
        for name, writer in formats.EXPORTS.items():
            assert writer(example) == formats.export(example, name)

    def test_unknown(self, example: Timeline):
        """An unknown name lists the known ones."""
        with pytest.raises(ValueError, match="known: json"):
            formats.export(example, "pdf")
