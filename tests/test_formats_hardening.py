"""Tests for the hardening of timeline.formats (issue 9): hostile files, paths and exports."""

from __future__ import annotations

import csv
import errno
import io
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import ClassVar

import pytest

from timeline import formats
from timeline.errors import (
    FolderNotFoundError,
    FormatError,
    PathError,
    ValidationError,
)
from timeline.event import Event, Source
from timeline.link import Link
from timeline.timeline import Timeline
from timeline.when import When

EVENTS_JSON = (
    '{"id": "a", "title": "A", "when": "2024-12-25"},\n'
    '{"id": "b", "title": "B", "when": "2024-12-26"}'
)


def _json_doc(links: str) -> str:
    return (
        '{"format": "timeline", "version": 1,\n"events": [\n'
        + EVENTS_JSON
        + '\n],\n"links": [\n'
        + links
        + "\n]}"
    )


def _yaml_doc(link: str) -> str:
    return (
        "events:\n"
        "  - {id: a, title: A, when: 2024-12-25}\n"
        "  - {id: b, title: B}\n"
        "links:\n"
        f"  - {link}\n"
    )


def _toml_doc(link: str) -> str:
    return (
        '[[events]]\nid = "a"\ntitle = "A"\nwhen = "2024-12-25"\n'
        '[[events]]\nid = "b"\ntitle = "B"\n'
        f'[[links]]\nfrom = "a"\nto = "b"\n{link}\n'
    )


class TestHugeNumbers:
    """Numbers no calendar can hold are refused as a FormatError, not an OverflowError."""

    @pytest.mark.parametrize("value", [10**30, 2**63, -(2**63), 9223372036854775807])
    @pytest.mark.parametrize("key", ["min_days", "max_days"])
    def test_json(self, key: str, value: int):
        """A gap beyond the calendar in JSON names the field."""
        doc = _json_doc(f'{{"source": "a", "target": "b", "{key}": {value}}}')

        with pytest.raises(FormatError) as info:
            formats.from_json(doc)

        assert (f"$.links[0].{key}", 7) == (info.value.field, info.value.line)

    @pytest.mark.parametrize("value", [10**30, 2**64])
    @pytest.mark.parametrize("key", ["min_days", "max_days"])
    def test_yaml(self, key: str, value: int):
        """A gap beyond the calendar in YAML names the field and the line."""
        with pytest.raises(FormatError) as info:
            formats.from_yaml(_yaml_doc(f"{{from: a, to: b, {key}: {value}}}"))

        assert (f"$.links[0].{key}", 5) == (info.value.field, info.value.line)

    @pytest.mark.parametrize("key", ["min_days", "max_days"])
    def test_toml(self, key: str):
        """A gap beyond the calendar in TOML names the field."""
        with pytest.raises(FormatError) as info:
            formats.from_toml(_toml_doc(f"{key} = 9223372036854775807"))

        assert f"$.links[0].{key}" == info.value.field

    def test_huge_confidence(self):
        """A confidence too large for a float is a FormatError in JSON and YAML."""
        big = "1" + "0" * 400
        with pytest.raises(FormatError) as info:
            formats.from_json(
                _json_doc(f'{{"source": "a", "target": "b", "confidence": {big}}}')
            )
        assert info.value.field == "$.links[0].confidence"
        with pytest.raises(FormatError) as info:
            formats.from_yaml(_yaml_doc(f"{{from: a, to: b, confidence: {big}}}"))
        assert info.value.field == "$.links[0].confidence"

    def test_longest_gap_the_calendar_allows_is_kept(self):
        """A gap of the whole calendar's length is still a gap: it is not refused here."""
        link = formats.from_json(
            _json_doc('{"source": "a", "target": "b", "max_days": 3652058}')
        ).links[0]

        assert link.max_days == 3652058

    @pytest.mark.parametrize(
        ("reader", "text"),
        [
            (
                formats.from_json,
                '{"format": "timeline", "version": ' + "9" * 5000 + "}",
            ),
            (formats.from_yaml, "name: x\nreference: " + "9" * 5000 + "\n"),
            (formats.from_toml, "name = " + "9" * 5000 + "\n"),
        ],
        ids=["json", "yaml", "toml"],
    )
    def test_too_many_digits(self, reader, text: str):
        """Python's limit on the digits of an integer becomes a FormatError."""
        with pytest.raises(FormatError, match="digits"):
            reader(text)


class TestYamlDates:
    """YAML's own dates are checked by timeline, with the field and the line."""

    @pytest.mark.parametrize(
        ("text", "field", "line"),
        [
            ("reference: 2025-02-30\n", "$.reference", 1),
            ("name: x\nreference: 0000-01-01\n", "$.reference", 2),
            (
                "events:\n  - {id: a, title: A, when: 2025-13-01}\n",
                "$.events[0].when",
                2,
            ),
            (
                "events:\n  - id: a\n    title: A\n    when: 2025-02-29\n",
                "$.events[0].when",
                4,
            ),
            (
                "events:\n  - {id: a, title: A, ends: 2025-04-31}\n",
                "$.events[0].ends",
                2,
            ),
        ],
    )
    def test_impossible_dates(self, text: str, field: str, line: int):
        """A day no calendar has is a FormatError naming the field and the line."""
        with pytest.raises(FormatError) as info:
            formats.from_yaml(text)

        assert (field, line) == (info.value.field, info.value.line)

    def test_impossible_source_date(self):
        """The same holds for a source's publication date."""
        text = (
            "events:\n  - id: a\n    title: A\n    sources:\n"
            "      - {name: Wire, published: 2025-02-30}\n"
        )

        with pytest.raises(FormatError) as info:
            formats.from_yaml(text)

        assert info.value.line == 5

    def test_real_dates_still_read_as_dates(self):
        """Unquoted ISO dates keep working, as before."""
        t = formats.from_yaml(
            "reference: 2025-02-10\nevents:\n  - {id: a, title: A, when: 2024-02-29}\n"
        )

        assert (2025, When.day(2024, 2, 29)) == (t.reference.year, t["a"].when)

    def test_date_and_time_still_refused(self):
        """A timestamp where a day belongs is refused, as before."""
        with pytest.raises(FormatError, match="date and time"):
            formats.from_yaml(
                "events:\n  - {id: a, title: A, when: 2025-01-01 10:00:00}\n"
            )


class TestYamlRepeatedKeys:
    """A key given twice in one YAML mapping is refused, as JSON and TOML refuse it."""

    def test_top_level(self):
        """A second `events:` would silently replace the first."""
        text = "events:\n  - {id: a, title: A}\nlinks: []\nevents: []\n"

        with pytest.raises(
            FormatError, match="'events' appears more than once"
        ) as info:
            formats.from_yaml(text)

        assert info.value.line == 4

    def test_inside_an_event(self):
        """The same holds inside an event."""
        text = "events:\n  - id: a\n    title: A\n    title: B\n"

        with pytest.raises(FormatError, match="'title'") as info:
            formats.from_yaml(text)

        assert info.value.line == 4

    def test_merge_keys_may_override(self):
        """YAML's merge key `<<` is not a repeat: the mapping's own keys win."""
        text = "events:\n  - &a {id: a, title: A}\n  - {<<: *a, id: b}\n"

        t = formats.from_yaml(text)

        assert [t["a"].title, t["b"].title] == ["A", "A"]


class TestYamlAliases:
    def test_amplification_is_refused(self):
        """Aliases that would multiply a small file into millions of values are refused."""
        tags = ", ".join(f"t{i}" for i in range(2_000))
        text = f"events:\n  - {{id: src, title: S, tags: &big [{tags}]}}\n" + "".join(
            f"  - {{id: e{i}, title: E, tags: *big}}\n" for i in range(1_000)
        )

        with pytest.raises(FormatError, match="aliases expand") as info:
            formats.from_yaml(text)

        assert info.value.line is not None

    def test_ordinary_aliases_still_read(self):
        """Aliases used as the format's authors use them (defaults, shared lists) read."""
        text = (
            "events:\n  - &d {id: a, title: A, actors: &who [Baku, Moscow]}\n"
            + "".join(f"  - {{<<: *d, id: e{i}, actors: *who}}\n" for i in range(200))
        )

        t = formats.from_yaml(text)

        assert t["e199"].actors == ("Baku", "Moscow")


class TestRepeatedKeyBeforeSyntaxError:
    def test_json(self):
        """A repeated key before a syntax error is reported, not a JSONDecodeError."""
        text = '{"format": "timeline",\n "events": [{"id": "a", "id": "b"}],\n "x": ,}'

        with pytest.raises(FormatError) as info:
            formats.from_json(text)

        assert not isinstance(info.value, json.JSONDecodeError)
        assert info.value.line in (2, 3)


class TestByteOrderMark:
    """A UTF-8 byte order mark is accepted alike by the three readers."""

    @pytest.mark.parametrize(
        ("reader", "text"),
        [
            (formats.from_json, '{"format": "timeline", "version": 1, "name": "x"}'),
            (formats.from_yaml, "name: x\n"),
            (formats.from_toml, 'name = "x"\n'),
        ],
        ids=["json", "yaml", "toml"],
    )
    @pytest.mark.parametrize("as_bytes", [True, False], ids=["bytes", "str"])
    def test_accepted(self, reader, text: str, as_bytes: bool):
        """The mark is dropped; the document reads as without it."""
        marked = "\ufeff" + text
        t = reader(marked.encode("utf-8") if as_bytes else marked)

        assert t.name == "x"

    def test_read_file(self, tmp_path: Path):
        """`read` accepts a file that a Windows editor saved with a mark."""
        path = tmp_path / "t.toml"
        path.write_bytes(b'\xef\xbb\xbfname = "x"\n')

        assert formats.read(path).name == "x"


class TestCompactLinks:
    """The compact link form is split on whitespace, in linear time."""

    def test_words(self):
        """Source, relation words and target, whatever the spacing."""
        t = formats.from_yaml(_yaml_doc('"  a   same day\\tb  "'))

        assert (
            t.links[0].source,
            t.links[0].target,
            t.links[0].relation.value,
        ) == ("a", "b", "same_day")

    @pytest.mark.parametrize("text", ["a", "a b", "   ", "a  "])
    def test_too_few_words(self, text: str):
        """Fewer than three words is refused with the expected shape."""
        with pytest.raises(FormatError, match="SOURCE RELATION TARGET"):
            formats.from_yaml(_yaml_doc(repr(text)))

    def test_long_runs_of_spaces(self):
        """Long runs of spaces (cubic for the old regex: minutes) are refused at once."""
        text = "a" + " " * 20_000 + "x" + " " * 20_000 + "b"
        doc = '[[events]]\nid = "a"\ntitle = "A"\n[[events]]\nid = "b"\ntitle = "B"\n'

        with pytest.raises(FormatError, match="unknown relation"):
            formats.from_toml(f"links = [{json.dumps(text)}]\n" + doc)
        with pytest.raises(FormatError, match="SOURCE RELATION TARGET"):
            formats.from_toml(f"links = [{json.dumps('a' + ' ' * 20_000)}]\n" + doc)


class TestSave:
    def test_through_a_symlink(self, tmp_path: Path):
        """Saving through a symlink writes the target and keeps the link."""
        target = tmp_path / "real.json"
        formats.save(Timeline(name="old"), target)
        link = tmp_path / "link.json"
        link.symlink_to(target)

        formats.save(Timeline(name="new"), link)

        assert link.is_symlink()
        assert (formats.load(target).name, formats.load(link).name) == ("new", "new")

    def test_through_a_relative_symlink_chain(self, tmp_path: Path):
        """A chain of relative links is followed to the real file."""
        (tmp_path / "d").mkdir()
        target = tmp_path / "d" / "real.json"
        formats.save(Timeline(name="old"), target)
        (tmp_path / "one.json").symlink_to("d/real.json")
        (tmp_path / "two.json").symlink_to("one.json")

        formats.save(Timeline(name="new"), tmp_path / "two.json")

        assert (tmp_path / "two.json").is_symlink()
        assert (tmp_path / "one.json").is_symlink()
        assert formats.load(target).name == "new"

    def test_dangling_symlink_creates_its_target(self, tmp_path: Path):
        """A link to a file not yet written creates that file."""
        link = tmp_path / "link.json"
        link.symlink_to("later.json")

        formats.save(Timeline(name="x"), link)

        assert link.is_symlink()
        assert (tmp_path / "later.json").is_file()

    def test_stale_temp_file_of_a_killed_save_is_removed(self, tmp_path: Path):
        """A temp file left by a save whose process is gone is removed by the next save."""
        target = tmp_path / "t.json"
        proc = subprocess.run(
            [sys.executable, "-c", "import os; print(os.getpid())"],
            capture_output=True,
            text=True,
            check=True,
        )
        dead = int(proc.stdout)
        stale = tmp_path / f".t.json.{dead}.timeline-tmp"
        stale.write_text("half a file")
        other = tmp_path / ".other.json.1.timeline-tmp"
        other.write_text("not ours")

        formats.save(Timeline(name="x"), target)

        assert not stale.exists()
        assert other.exists()
        assert sorted(["t.json", other.name]) == sorted(
            p.name for p in tmp_path.iterdir()
        )

    def test_temp_file_of_a_live_save_is_kept(self, tmp_path: Path):
        """A temp file whose process still runs may be a save in progress: it is kept."""
        target = tmp_path / "t.json"
        live = tmp_path / f".t.json.{os.getppid()}.timeline-tmp"
        live.write_text("in progress")

        formats.save(Timeline(name="x"), target)

        assert live.exists()

    def test_missing_folder_is_named(self, tmp_path: Path):
        """Saving into a folder that does not exist names the folder."""
        folder = tmp_path / "no" / "such"

        with pytest.raises(FolderNotFoundError) as info:
            formats.save(Timeline(), folder / "t.json")

        assert isinstance(info.value, FileNotFoundError)
        assert str(folder) == info.value.filename
        assert "timeline-tmp" not in str(info.value)

    @pytest.mark.parametrize(
        "call",
        [
            lambda p: formats.save(Timeline(), p),
            formats.load,
            formats.read,
            formats.read_parts,
        ],
        ids=["save", "load", "read", "read_parts"],
    )
    def test_nul_byte_in_path(self, tmp_path: Path, call):
        """A path with a NUL byte raises PathError, an OSError, as documented."""
        with pytest.raises(PathError) as info:
            call(str(tmp_path / "a\0b.json"))

        assert isinstance(info.value, OSError)
        assert info.value.errno == errno.EINVAL


class TestCsvFormulas:
    """Cells a spreadsheet would run as formulas are neutralised the OWASP way."""

    @pytest.mark.parametrize(
        "text",
        ['=HYPERLINK("http://x","y")', "@SUM(A1)", "+1+1", "-2+3", "\tx", "\rx"],
    )
    def test_events(self, text: str):
        """Such a cell starts with a single quote in the events table."""
        t = Timeline([Event("a", text, actors=[text], location=text, kind=text)])
        row = next(csv.DictReader(io.StringIO(formats.to_csv(t), newline="")))

        assert ["'" + text] * 4 == [
            row["title"],
            row["actors"],
            row["location"],
            row["kind"],
        ]

    def test_links(self):
        """And in the links table."""
        t = Timeline(
            [Event("a", "A"), Event("b", "B")],
            [Link("a", "b", note="=1+1", sources=[Source("@wire")])],
        )
        row = next(csv.DictReader(io.StringIO(formats.links_to_csv(t))))

        assert (row["note"], row["sources"]) == ("'=1+1", "'@wire")

    def test_harmless_cells_untouched(self):
        """Other cells, numbers and dates included, are written as they are."""
        t = Timeline([Event("a", "A - B = C", When.day(2024, 12, 25))])
        row = next(csv.DictReader(io.StringIO(formats.to_csv(t))))

        assert (row["title"], row["when"]) == ("A - B = C", "2024-12-25")


class TestMarkdownEscaping:
    def test_html_and_newlines(self):
        """Raw HTML and line breaks from names and titles reach no heading or cell."""
        evil = "<script>alert(1)</script>\n# Injected\r\nline\u2028sep"
        t = Timeline(
            [Event("a", evil, actors=[evil]), Event("b", "B")],
            [Link("a", "b", note=evil)],
            name=evil,
        )
        text = formats.to_markdown(t)

        assert "<script>" not in text
        assert "&lt;script&gt;" in text
        assert not any(line.startswith("# Injected") for line in text.splitlines())
        assert "\r" not in text
        assert "\u2028" not in text
        assert sum(line.startswith("# ") for line in text.splitlines()) == 1

    def test_markdown_markers_are_literal(self):
        """Link and emphasis markers in a title are escaped, so they print as typed."""
        t = Timeline([Event("a", "[click](javascript:x) *bold* `code`")])

        text = formats.to_markdown(t)

        assert r"\[click\](javascript:x) \*bold\* \`code\`" in text


class TestMermaidLines:
    def test_every_line_break_is_flattened(self):
        """A carriage return or line separator in a title cannot start a Mermaid statement."""
        t = Timeline([Event("a", "x\rclick e0 call evil()\u2028y\u0085z")])

        lines = formats.to_mermaid(t).splitlines()

        assert len(lines) == 2
        assert "click e0 call evil()" in lines[1]


class TestTimelineJsMarkup:
    def test_headlines_and_groups_are_escaped(self):
        """TimelineJS renders headlines as HTML, so titles, kinds and the name are escaped."""
        evil = "<img src=x onerror=alert(1)>"
        t = Timeline([Event("a", evil, When.day(2025, 1, 1), kind=evil)], name=evil)

        doc = formats.to_timelinejs_data(t)

        assert "<img" not in json.dumps(doc)
        assert (
            doc["events"][0]["text"]["headline"] == "&lt;img src=x onerror=alert(1)&gt;"
        )


class TestExportName:
    def test_unknown_export_is_a_timeline_error(self):
        """An unknown export name raises a ValidationError (still a ValueError)."""
        with pytest.raises(ValidationError, match="known: json") as info:
            formats.export(Timeline(), "pdf")

        assert (info.value.field, info.value.value) == ("name", "pdf")


class TestCliNeverTracebacks:
    """No input file makes the command print a traceback."""

    BAD: ClassVar[dict[str, str]] = {
        "huge.json": _json_doc(
            '{"source": "a", "target": "b", "min_days": 1' + "0" * 40 + "}"
        ),
        "digits.json": '{"format": "timeline", "version": ' + "9" * 5000 + "}",
        "dup-then-syntax.json": '{"events": [{"id": "a", "id": "b"}], "x": ,}',
        "bom.json": "\ufeff{}",
        "bad-date.yaml": "reference: 2025-02-30\n",
        "year-zero.yaml": "reference: 0000-01-01\n",
        "month-13.yaml": "events:\n  - {id: a, title: A, when: 2025-13-01}\n",
        "repeat.yaml": "events: []\nevents: []\n",
        "huge.yaml": _yaml_doc("{from: a, to: b, max_days: " + "9" * 30 + "}"),
        "digits.yaml": "name: " + "9" * 5000 + "\n",
        "huge.toml": _toml_doc("min_days = 9223372036854775807"),
        "digits.toml": "name = " + "9" * 5000 + "\n",
        "spaces.toml": 'links = ["a' + " " * 5000 + 'b"]\n',
        "binary.json": "\x00\xff\xfe",
        "nested.json": "[" * 100_000,
        "nested.yaml": "[" * 100_000,
        "nested.toml": "x = " + "[" * 100_000,
        "tag.yaml": "!!python/object/apply:os.system ['true']\n",
        "alias.yaml": "a: &a [x, x]\nb: &b [*a, *a]\nc: &c [*b, *b]\nname: *c\n",
        "empty.yaml": "",
        "list.toml": "events = 3\n",
        "when-int.yaml": "events:\n  - {id: a, title: A, when: 2025}\n",
        "gap-string.yaml": _yaml_doc("{from: a, to: b, min_days: '3'}"),
        "conf-nan.yaml": _yaml_doc("{from: a, to: b, confidence: .nan}"),
        "unknown.txt": "hello",
    }

    @pytest.mark.parametrize("name", sorted(BAD))
    @pytest.mark.parametrize("command", ["show", "check", "export"])
    def test_bad_files(
        self,
        tmp_path: Path,
        capsys: pytest.CaptureFixture[str],
        name: str,
        command: str,
    ):
        """Each bad file gives exit 1 and one error line, never a traceback."""
        from timeline.cli import main

        path = tmp_path / name
        content = self.BAD[name]
        path.write_bytes(
            content.encode("utf-8", "surrogateescape")
            if not name.startswith("binary")
            else content.encode("latin-1")
        )
        args = [command, str(path)] + (["--to", "csv"] if command == "export" else [])

        status = main(args)

        err = capsys.readouterr().err
        assert "Traceback" not in err
        assert "internal error" not in err
        assert status in (0, 1)
        if status == 1:
            assert err.startswith("timeline: error:") or "conflict" in err
