"""Tests for the `timeline` command: in process through main(argv), and as `python -m timeline`."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from timeline import formats
from timeline.cli import main
from timeline.event import Event
from timeline.link import Link, Relation
from timeline.timeline import Timeline
from timeline.when import When


def run(*args: str) -> subprocess.CompletedProcess[str]:
    """`python -m timeline ARGS` in a subprocess, as a user would run it."""
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, "-m", "timeline", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )


@pytest.fixture
def json_file(tmp_path: Path) -> Path:
    path = tmp_path / "example.json"
    formats.save(formats.example(), path)
    return path


@pytest.fixture
def conflicting(tmp_path: Path) -> Path:
    """A file whose links contradict its dates, twice over."""
    doc = {
        "format": "timeline",
        "version": 1,
        "events": [
            {"id": "crash", "title": "Crash", "when": "2024-12-25"},
            {"id": "summons", "title": "Summons", "when": "2024-12-20"},
            {"id": "reply", "title": "Reply", "when": "2024-12-01"},
        ],
        "links": [
            {"source": "crash", "target": "summons", "relation": "prompted"},
            {"source": "crash", "target": "reply", "relation": "caused"},
        ],
    }
    path = tmp_path / "conflict.json"
    path.write_text(json.dumps(doc, indent=2))
    return path


class TestDemo:
    def test_subprocess(self):
        """`timeline demo` prints the chronology, the links and what was inferred."""
        result = run("demo")

        assert result.returncode == 0, result.stderr
        assert result.stderr == ""
        out = result.stdout
        assert "Azerbaijan and Russia after the Aktau crash" in out
        assert "2024-12-25" in out
        assert '"December 25"' in out
        assert "2025-01-27" in out
        assert '"a day earlier"' in out
        assert "crash prompted protest" in out
        assert (
            out.index("\nChronology")
            < out.index("\nLinks")
            < out.index("\nInferred from the links")
        )

    def test_order(self, capsys: pytest.CaptureFixture[str]):
        """Events print in chronological order: crash, then the summons of the 27th, then the 28th."""

        assert main(["demo"]) == 0
        out = capsys.readouterr().out
        chronology = out.split("\nLinks")[0]
        assert (
            chronology.index(" crash ")
            < chronology.index(" called-in ")
            < chronology.index(" protest ")
        )

    def test_inferred_section(self, capsys: pytest.CaptureFixture[str]):
        """The undated condolence call is listed with the dates its links give it."""
        main(["demo"])
        inferred = capsys.readouterr().out.split("\nInferred from the links")[1]

        assert "condolence: 2024-12-25" in inferred
        assert "called-in: 2025-01-27 (own date: unknown)" in inferred


class TestShowAndCheck:
    def test_show(self, json_file: Path, capsys: pytest.CaptureFixture[str]):
        """show prints a file's chronology."""

        assert main(["show", str(json_file)]) == 0
        assert "Kazakhstan publishes" in capsys.readouterr().out

    @pytest.mark.parametrize("name", ["example.yaml", "example.yml", "example.toml"])
    def test_authoring_files(
        self, tmp_path: Path, name: str, capsys: pytest.CaptureFixture[str]
    ):
        """YAML and TOML files are read by their extension."""
        kind = "toml" if name.endswith("toml") else "yaml"
        path = tmp_path / name
        path.write_text(formats.example_text(kind), encoding="utf-8")

        assert main(["check", str(path)]) == 0
        assert "consistent (13 events" in capsys.readouterr().out

    def test_check_consistent(self, json_file: Path):
        """check exits 0 and says so."""
        result = run("check", str(json_file))

        assert result.returncode == 0
        assert "consistent" in result.stdout

    def test_check_conflicts(self, conflicting: Path):
        """check exits 1 and explains every conflict, naming the events and dates."""
        result = run("check", str(conflicting))

        assert result.returncode == 1
        assert "Traceback" not in result.stderr
        assert "conflict" in result.stderr
        assert "summons" in result.stderr
        assert "2024-12-25" in result.stderr

    def test_check_lists_each_conflict(
        self, conflicting: Path, capsys: pytest.CaptureFixture[str]
    ):
        """Every conflict Timeline.diagnose finds is printed, numbered."""
        parts = formats.read_parts(conflicting)
        expected = Timeline.diagnose(parts.events, parts.links)

        assert main(["check", str(conflicting)]) == 1
        err = capsys.readouterr().err
        assert len(expected) >= 1
        for i in range(1, len(expected) + 1):
            assert f"  {i}. " in err

    def test_check_conflicting_yaml(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ):
        """Authoring files are checked the same way: every conflict, exit 1."""
        path = tmp_path / "conflict.yaml"
        path.write_text(
            "reference: 2025-02-10\n"
            "events:\n"
            "  - {id: crash, title: Crash, when: December 25}\n"
            "  - {id: summons, title: Summons, when: December 20}\n"
            "  - {id: a, title: A, when: January 5}\n"
            "  - {id: b, title: B, when: January 2}\n"
            "links: [crash prompted summons, a caused b]\n"
        )

        assert main(["check", str(path)]) == 1
        err = capsys.readouterr().err
        assert "2 conflicts" in err
        assert "  2. " in err

    def test_show_conflicting_file(self, conflicting: Path):
        """show on a conflicting file is one error line naming the file, exit 1."""
        result = run("show", str(conflicting))

        assert result.returncode == 1
        assert len(result.stderr.strip().splitlines()) == 1
        assert result.stderr.startswith(f"timeline: error: {conflicting}: ")


class TestBadInput:
    def test_bad_json(self, tmp_path: Path):
        """A broken file is one readable line on stderr with file and line, exit 1."""
        path = tmp_path / "broken.json"
        path.write_text('{"format": "timeline",\n "version": 1,\n "events": [}')
        result = run("show", str(path))

        assert result.returncode == 1
        assert result.stdout == ""
        assert [
            f"timeline: error: {path}, line 3: not valid JSON: Expecting value (column 13)"
        ] == result.stderr.splitlines()

    def test_missing_file(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]):
        """A file that is not there is exit 1 and one line."""

        assert main(["check", str(tmp_path / "nope.json")]) == 1
        err = capsys.readouterr().err
        assert "nope.json: No such file or directory" in err

    def test_unknown_extension(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ):
        """An extension no reader knows is named."""
        path = tmp_path / "t.txt"
        path.write_text("")

        assert main(["show", str(path)]) == 1
        assert "'.txt'" in capsys.readouterr().err

    def test_usage_errors_exit_2(self, capsys: pytest.CaptureFixture[str]):
        """A missing command or argument, or an unknown format, is exit 2 with usage."""

        assert main([]) == 2
        assert main(["export", "x.json"]) == 2
        assert main(["export", "x.json", "--to", "pdf"]) == 2
        assert "usage:" in capsys.readouterr().err

    def test_unresolvable_date(self):
        """resolve with words it cannot read is exit 1, one line naming the words."""
        result = run("resolve", "next blursday", "--reference", "2025-02-10")

        assert result.returncode == 1
        assert "'next blursday'" in result.stderr
        assert len(result.stderr.splitlines()) == 1

    @pytest.mark.parametrize(
        "command",
        [[], ["demo"], ["show"], ["check"], ["export"], ["resolve"], ["extract"]],
    )
    def test_help_everywhere(
        self, command: list[str], capsys: pytest.CaptureFixture[str]
    ):
        """--help works on every command and exits 0."""

        assert main([*command, "--help"]) == 0
        assert "usage: timeline" in capsys.readouterr().out


class TestExport:
    @pytest.mark.parametrize("fmt", sorted(formats.EXPORTS))
    def test_every_format_to_stdout(
        self, fmt: str, json_file: Path, capsys: pytest.CaptureFixture[str]
    ):
        """Every format prints what the library function gives."""

        assert main(["export", str(json_file), "--to", fmt]) == 0
        assert formats.export(formats.load(json_file), fmt) == capsys.readouterr().out

    def test_to_file(self, json_file: Path, tmp_path: Path):
        """-o writes the file (atomically) and prints nothing."""
        out = tmp_path / "events.csv"
        result = run("export", str(json_file), "--to", "csv", "-o", str(out))

        assert result.returncode == 0, result.stderr
        assert result.stdout == ""
        rows = list(csv.DictReader(io.StringIO(out.read_text())))
        assert len(rows) == 13

    def test_yaml_round_trip(self, json_file: Path, tmp_path: Path):
        """JSON exported to YAML reads back to an equal timeline."""
        out = tmp_path / "example.yaml"

        assert main(["export", str(json_file), "--to", "yaml", "-o", str(out)]) == 0
        assert formats.load(json_file) == formats.read(out)

    def test_json_from_toml(self, tmp_path: Path):
        """The authoring format converts to canonical JSON."""
        src = tmp_path / "example.toml"
        src.write_text(formats.example_text("toml"), encoding="utf-8")
        out = tmp_path / "example.json"

        assert main(["export", str(src), "--to", "json", "-o", str(out)]) == 0
        assert formats.example() == formats.load(out)

    def test_unwritable_output(
        self, json_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ):
        """An output folder that does not exist is one error line, exit 1."""

        assert (
            main(
                [
                    "export",
                    str(json_file),
                    "--to",
                    "json",
                    "-o",
                    str(tmp_path / "no" / "x.json"),
                ]
            )
            == 1
        )
        assert capsys.readouterr().err.startswith("timeline: error: ")


class TestResolve:
    def test_reference(self, capsys: pytest.CaptureFixture[str]):
        """A date without a year is read against the reference."""

        assert main(["resolve", "January 28", "--reference", "2025-02-10"]) == 0
        assert capsys.readouterr().out.startswith("2025-01-28  (day")

    def test_anchor(self):
        """An anaphoric phrase is read against the anchor."""
        result = run("resolve", "a day earlier", "--anchor", "2025-01-28")

        assert result.returncode == 0
        assert result.stdout.startswith("2025-01-27")

    def test_month(self, capsys: pytest.CaptureFixture[str]):
        """The granularity the words carry is printed."""

        assert main(["resolve", "January 2025"]) == 0
        assert "2025-01  (month" in capsys.readouterr().out


class TestExtract:
    @pytest.fixture
    def article(self, tmp_path: Path) -> Path:
        path = tmp_path / "article.txt"
        path.write_text(
            "Ministers met in Vienna on March 3.\n"
            "Two days later, the delegation flew home. Exports fell in 2023.\n",
            encoding="utf-8",
        )
        return path

    def test_text(self, article: Path, capsys: pytest.CaptureFixture[str]):
        """One line per mention: offsets, EDTF date, words, and the anchor."""

        assert main(["extract", str(article), "--published", "2025-04-01"]) == 0
        assert capsys.readouterr().out.splitlines() == [
            "27-34  2025-03-03  'March 3'",
            "36-50  2025-03-05  'Two days later'  (counted from 'March 3')",
            "94-98  2023  '2023'",
        ]

    def test_json(self, article: Path, capsys: pytest.CaptureFixture[str]):
        """--format json lists each mention with its offsets into the file's text."""
        text = article.read_text(encoding="utf-8")

        assert (
            main(
                [
                    "extract",
                    str(article),
                    "--published",
                    "2025-04-01",
                    "--format",
                    "json",
                ]
            )
            == 0
        )
        doc = json.loads(capsys.readouterr().out)
        assert [d["when"] for d in doc] == ["2025-03-03", "2025-03-05", "2023"]
        assert all(text[d["start"] : d["end"]] == d["text"] for d in doc)
        assert doc[1]["anchor"] == "March 3"
        assert doc[2]["granularity"] == "year"

    def test_without_published(self, article: Path, capsys: pytest.CaptureFixture[str]):
        """Without a publication date, only dates that name their year are found."""

        assert main(["extract", str(article)]) == 0
        assert capsys.readouterr().out == "94-98  2023  '2023'\n"

    def test_prefer_future(self, article: Path, capsys: pytest.CaptureFixture[str]):
        """--prefer future puts a year-less date at or after the publication date."""

        assert (
            main(
                [
                    "extract",
                    str(article),
                    "--published",
                    "2025-04-01",
                    "--prefer",
                    "future",
                ]
            )
            == 0
        )
        assert "2026-03-03" in capsys.readouterr().out

    def test_stdin(
        self, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ):
        """- reads the article from standard input."""
        monkeypatch.setattr("sys.stdin", io.StringIO("Polls close on 2025-05-04."))

        assert main(["extract", "-"]) == 0
        assert capsys.readouterr().out == "15-25  2025-05-04  '2025-05-04'\n"

    def test_subprocess(self, article: Path):
        """python -m timeline extract runs as a user would run it."""
        result = run("extract", str(article), "--published", "2025-04-01")

        assert result.returncode == 0
        assert result.stdout.startswith("27-34  2025-03-03  'March 3'")

    def test_bad_published(self, article: Path, capsys: pytest.CaptureFixture[str]):
        """A publication date that is no ISO date is a one-line error, exit 1."""

        assert main(["extract", str(article), "--published", "March 3"]) == 1
        err = capsys.readouterr().err
        assert err.startswith("timeline: error: invalid published='March 3'")
        assert len(err.splitlines()) == 1

    def test_missing_file(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]):
        """A file that is not there is a one-line error, exit 1."""

        assert main(["extract", str(tmp_path / "none.txt")]) == 1
        assert "none.txt: No such file or directory" in capsys.readouterr().err

    def test_not_utf8(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]):
        """A file that is not UTF-8 text is a one-line error, exit 1."""
        path = tmp_path / "latin1.txt"
        path.write_bytes("Caf\xe9 opened on 2024-06-01.".encode("latin-1"))

        assert main(["extract", str(path)]) == 1
        assert "latin1.txt: not UTF-8 text" in capsys.readouterr().err

    def test_usage(self, capsys: pytest.CaptureFixture[str]):
        """A missing ARTICLE or an unknown format is a usage error, exit 2; --help exits 0."""

        assert main(["extract"]) == 2
        assert main(["extract", "a.txt", "--format", "xml"]) == 2
        assert main(["extract", "--help"]) == 0
        assert "--published DATE" in capsys.readouterr().out


def test_console_script_entry_point():
    """pyproject's console script points at main."""
    import importlib.metadata

    scripts = {
        ep.name: ep.value
        for ep in importlib.metadata.entry_points(group="console_scripts")
    }

    assert scripts.get("timeline", "timeline.cli:main") == "timeline.cli:main"


def test_show_prints_undated_and_spans(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    """show handles undated events, spans, events that last and a timeline without a name."""
    t = Timeline(
        [
            Event("a", "A", When.month(2024, 12)),
            Event("b", "B", When.year(2021), ends=When.year(2024)),
            Event("c", "C"),
        ],
        [Link("a", "c", Relation.BEFORE, min_days=2, max_days=5)],
    )
    path = tmp_path / "t.json"
    formats.save(t, path)

    assert main(["show", str(path)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Chronology\n")
    assert "a came before c (2 to 5 days)" in out


class TestHostileInput:
    def test_stdin_not_utf8(self, monkeypatch: pytest.MonkeyPatch, capsys):
        """Bytes that are not UTF-8 on standard input are one error line, not a traceback."""

        class Stdin:
            buffer = io.BytesIO(b"Polls close on \xff 2025-05-04.")

        monkeypatch.setattr("sys.stdin", Stdin())

        status = main(["extract", "-"])

        assert status == 1
        assert "standard input: not UTF-8 text" in capsys.readouterr().err

    def test_nul_byte_in_output_path(self, tmp_path, capsys):
        """An output path no file system can hold is one error line naming it."""
        source = tmp_path / "t.yaml"
        source.write_text("name: x\n")

        status = main(["export", str(source), "--to", "csv", "-o", "a\0b.csv"])

        assert status == 1
        assert "a path cannot contain a NUL byte" in capsys.readouterr().err
