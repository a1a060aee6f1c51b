"""
The ``timeline`` command: print the example, show, check and export chronology files, resolve dates, extract them from articles.

Exit status: 0 on success, 1 for a bad file or a chronology that does not hold,
2 for a usage mistake, 3 for a bug in timeline itself. Errors are one line on
stderr, never a traceback, whatever the input files hold.

>>> main(["resolve", "December 25", "--reference", "2025-02-10"])
2024-12-25  (day, from 'December 25')
0
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, TextIO

from .errors import ChronologyConflict, TimelineError, WrongTypeError

if TYPE_CHECKING:
    from .timeline import Timeline

__all__ = ["main"]

_PROG = "timeline"
_FILE_HELP = "a .json, .yaml, .yml, .toml or TimeML (.tml, .xml) file"


def main(argv: Sequence[str] | None = None) -> int:
    """
    Run the command with *argv* (default: the process's arguments); return the exit status.

    Raises:
        WrongTypeError: *argv* is not a sequence of strings.
    """
    if argv is not None and (
        isinstance(argv, str | bytes)
        or not isinstance(argv, Sequence)
        or not all(isinstance(arg, str) for arg in argv)
    ):
        raise WrongTypeError.expected("argv", argv, "a sequence of strings")
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help (0) or a usage error (2), already printed
        return exc.code if isinstance(exc.code, int) else 2
    try:
        status: int = args.run(args)
    except BrokenPipeError:  # pragma: no cover - e.g. piped into `head`
        # The reader has gone: stop quietly, and keep Python's exit-time flush quiet too.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except ChronologyConflict as exc:
        _error(_one_line(exc, with_notes=True))
        return 1
    except OSError as exc:  # PathError too: it names the path as any OSError does
        where = f"{exc.filename}: " if exc.filename else ""
        _error(f"{where}{exc.strerror or exc}")
        return 1
    except TimelineError as exc:
        _error(_one_line(exc))
        return 1
    except ImportError as exc:  # an optional extra that is not installed
        _error(str(exc))
        return 1
    except KeyboardInterrupt:  # pragma: no cover - Ctrl-C
        return 130
    except Exception as exc:  # pragma: no cover - a bug: still no traceback for users
        _error(f"internal error, please report it: {type(exc).__name__}: {exc}")
        return 3
    return status


def _one_line(exc: BaseException, *, with_notes: bool = False) -> str:
    text = str(exc)
    notes = getattr(exc, "__notes__", []) if with_notes else []
    for note in notes:
        if note.startswith("while reading "):
            text = f"{note.removeprefix('while reading ')}: {text}"
    return " ".join(text.split())


def _error(message: str) -> None:
    print(f"{_PROG}: error: {message}", file=sys.stderr)


# -- the parser ------------------------------------------------------------------------


def _parser() -> argparse.ArgumentParser:
    from .formats import EXPORTS

    parser = argparse.ArgumentParser(
        prog=_PROG,
        description="Chronologies of news events: dates from words, causal links, "
        "and an order that respects both.",
        epilog="Files: canonical JSON (.json), the authoring format (.yaml, .yml, "
        ".toml) or TimeML (.tml, .xml), told apart by their extension. "
        "See docs/cli.md.",
    )
    sub = parser.add_subparsers(title="commands", metavar="COMMAND", required=True)

    demo = sub.add_parser(
        "demo",
        help="print the shipped example chronology",
        description="Load the example chronology shipped with timeline (Azerbaijan "
        "and Russia after the Aktau crash), resolve its dates, check it and print "
        "each event with its inferred date, the links, and what propagation inferred.",
    )
    demo.set_defaults(run=_demo)

    show = sub.add_parser(
        "show",
        help="print a chronology file",
        description="Read FILE and print its events in chronological order, "
        "its links and the dates the links imply.",
    )
    show.add_argument("file", metavar="FILE", help=_FILE_HELP)
    show.set_defaults(run=_show)

    check = sub.add_parser(
        "check",
        help="check that a file's dates and links can all hold",
        description="Read FILE and check it. Exit 0 when it is consistent; exit 1 "
        "and explain every conflict when it is not.",
    )
    check.add_argument("file", metavar="FILE", help=_FILE_HELP)
    check.set_defaults(run=_check)

    export = sub.add_parser(
        "export",
        help="write a chronology file in another format",
        description="Read FILE and write it as FORMAT, to standard output or to OUT.",
    )
    export.add_argument("file", metavar="FILE", help=_FILE_HELP)
    export.add_argument(
        "--to",
        required=True,
        choices=sorted(EXPORTS),
        metavar="FORMAT",
        help=f"one of: {', '.join(EXPORTS)}",
    )
    export.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help="write here (atomically) instead of to standard output",
    )
    export.set_defaults(run=_export)

    resolve = sub.add_parser(
        "resolve",
        help="read a date in words",
        description="Resolve TEXT (such as 'December 25' or 'a day earlier') to a "
        "date, as timeline.resolve() does, and print it in EDTF.",
    )
    resolve.add_argument("text", metavar="TEXT", help="the words for the date")
    resolve.add_argument(
        "--reference",
        metavar="DATE",
        help="the ISO date the text was written (an article's publication date)",
    )
    resolve.add_argument(
        "--anchor",
        metavar="EDTF",
        help="the date of the event a phrase such as 'a day earlier' points at",
    )
    resolve.add_argument(
        "--prefer",
        choices=("past", "future", "nearest"),
        default="past",
        help="for dates without a year: the year at or before the reference "
        "(past, the default), at or after it (future), or the nearest",
    )
    resolve.set_defaults(run=_resolve)

    extract = sub.add_parser(
        "extract",
        help="list the dates an article mentions",
        description="Find the date phrases in ARTICLE (a UTF-8 text file, or - for "
        "standard input), as timeline.extract() does, and print each with its "
        "character offsets and its date in EDTF. Phrases such as 'a day later' count "
        "from the date mentioned just before them.",
    )
    extract.add_argument(
        "article", metavar="ARTICLE", help="a UTF-8 text file, or - for standard input"
    )
    extract.add_argument(
        "--published",
        metavar="DATE",
        help="the ISO date the article was published: the reference for "
        "'yesterday', 'December 25' and the like (without it, only dates that "
        "name their year are found)",
    )
    extract.add_argument(
        "--prefer",
        choices=("past", "future", "nearest"),
        default="past",
        help="for dates without a year: the year at or before the publication date "
        "(past, the default), at or after it (future), or the nearest",
    )
    extract.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text: one line per mention (the default); json: a list of objects",
    )
    extract.set_defaults(run=_extract)
    return parser


# -- the commands ----------------------------------------------------------------------


def _demo(args: argparse.Namespace) -> int:
    from .formats import example

    _print_chronology(example(), sys.stdout)
    return 0


def _show(args: argparse.Namespace) -> int:
    from .formats import read

    _print_chronology(read(args.file), sys.stdout)
    return 0


def _check(args: argparse.Namespace) -> int:
    from .formats import read_parts

    parts = read_parts(args.file)
    conflicts = parts.diagnose()
    if not conflicts:
        print(
            f"{args.file}: consistent "
            f"({_count(len(parts.events), 'event')}, {_count(len(parts.links), 'link')})"
        )
        return 0
    print(
        f"{args.file}: {_count(len(conflicts), 'conflict')}",
        file=sys.stderr,
    )
    for i, conflict in enumerate(conflicts, 1):
        print(f"  {i}. {_one_line(conflict)}", file=sys.stderr)
    return 1


def _export(args: argparse.Namespace) -> int:
    from .formats import export, read
    from .formats._atomic import write_atomic

    text = export(read(args.file), args.to)
    if args.output is None:
        sys.stdout.write(text)
    else:
        write_atomic(args.output, text)
    return 0


def _resolve(args: argparse.Namespace) -> int:
    from .resolve import resolve
    from .when import When

    anchor = None if args.anchor is None else When.from_edtf(args.anchor)
    w = resolve(args.text, args.reference, anchor=anchor, prefer=args.prefer)
    unit = "range" if w.granularity is None else w.granularity.value
    print(f"{w.to_edtf()}  ({unit}, from {args.text!r})")
    return 0


def _extract(args: argparse.Namespace) -> int:
    import json

    from .extract import extract

    name = "standard input" if args.article == "-" else args.article
    try:
        if args.article == "-":
            raw = getattr(sys.stdin, "buffer", None)  # None: already text (a test's)
            text = sys.stdin.read() if raw is None else raw.read().decode("utf-8-sig")
        else:
            with open(args.article, encoding="utf-8-sig") as f:
                text = f.read()
    except UnicodeDecodeError as exc:
        _error(f"{name}: not UTF-8 text ({exc.reason} at byte {exc.start})")
        return 1
    mentions = extract(text, args.published, prefer=args.prefer)
    if args.format == "json":
        doc = [
            {
                "text": m.text,
                "start": m.start,
                "end": m.end,
                "when": m.when.to_edtf(),
                "granularity": None
                if m.when.granularity is None
                else m.when.granularity.value,
                "anchor": m.anchor_text,
                "sentence": m.sentence,
            }
            for m in mentions
        ]
        print(json.dumps(doc, ensure_ascii=False, indent=2))
        return 0
    for m in mentions:
        words = " ".join(m.text.split())
        anchor = "" if m.anchor is None else f"  (counted from {m.anchor_text!r})"
        print(f"{m.start}-{m.end}  {m.when.to_edtf()}  {words!r}{anchor}")
    return 0


# -- printing a chronology -------------------------------------------------------------


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _print_chronology(t: Timeline, out: TextIO) -> None:
    from .formats._common import narrowed, span
    from .link import Point

    events = t.chronology()
    title = t.name or "Chronology"
    print(title, file=out)
    facts = [_count(len(events), "event"), _count(len(t.links), "link"), "consistent"]
    if t.reference is not None:
        facts.insert(0, f"dates read as of {t.reference}")
    print("; ".join(facts), file=out)

    print("\nChronology", file=out)
    dates = {e.id: span(t, e) for e in events}
    width = max((len(d) for d in dates.values()), default=0)
    id_width = max((len(e.id) for e in events), default=0)
    for e in events:
        origin = f'from "{e.when.text}"' if e.when.text else ""
        if e.when.is_unknown and not e.when.text:
            origin = "placed by its links"
        origin = f"  ({origin})" if origin else ""
        print(
            f"  {dates[e.id]:<{width}}  {e.id:<{id_width}}  {e.title}{origin}", file=out
        )

    print("\nLinks", file=out)
    if not t.links:
        print("  (none)", file=out)
    for k in t.links:
        gap = ""
        if k.min_days is not None or k.max_days is not None:
            lo = "?" if k.min_days is None else str(k.min_days)
            hi = "?" if k.max_days is None else str(k.max_days)
            gap = (
                f" (by {lo} day{'s' if lo != '1' else ''})"
                if lo == hi
                else f" ({lo} to {hi} days)"
            )
        note = f": {k.note}" if k.note else ""
        source, target = (
            i if p is Point.START else f"the end of {i}"
            for i, p in ((k.source, k.source_point), (k.target, k.target_point))
        )
        print(f"  {source} {k.relation.phrase} {target}{gap}{note}", file=out)

    print("\nInferred from the links", file=out)
    inferred = [e for e in events if narrowed(t, e)]
    if not inferred:
        print("  (nothing: every date is as its source gave it)", file=out)
    for e in inferred:
        own = "unknown" if e.when.is_unknown else e.when.to_edtf()
        print(f"  {e.id}: {dates[e.id]} (own date: {own})", file=out)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
