"""
Speed of `timeline.resolve()` on common English news phrases, next to raw dateparser.

Prints the throughput of both on the same distinct (phrase, reference) pairs, with the
cache cleared first so that every call does the work, and their ratio; then the time
of ``import timeline`` and of a first ``resolve()`` call, each measured in fresh
subprocesses (median of several runs).

    python bench/resolve_speed.py [--count N] [--runs N]
"""

from __future__ import annotations

import argparse
import calendar
import datetime
import os
import random
import statistics
import subprocess
import sys
import time
import warnings
from typing import Any

import timeline
from timeline.resolve import cache_clear

MONTHS = list(calendar.month_name)[1:]  # English: Python leaves LC_TIME at "C"
ABBREVIATIONS = [
    "Jan.",
    "Feb.",
    "March",
    "April",
    "May",
    "June",
    "July",
    "Aug.",
    "Sept.",
    "Oct.",
    "Nov.",
    "Dec.",
]
WEEKDAYS = list(calendar.day_name)
NUMBERS = ["a", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
FIXED = [
    "today",
    "yesterday",
    "last week",
    "this week",
    "last month",
    "this month",
    "last year",
    "this year",
    "next year",
    "earlier this month",
    "earlier this year",
    "the weekend",
    "last summer",
    "the third quarter",
    "a year ago",
]


REFERENCE = datetime.date(2025, 2, 10)


def phrases(count: int, seed: int = 2025) -> list[str]:
    """Distinct phrases in the forms news uses most, drawn in turn from each form."""
    rng = random.Random(seed)
    makers = [
        lambda: f"{rng.choice(ABBREVIATIONS)} {rng.randint(1, 28)}",
        lambda: f"{rng.choice(MONTHS)} {rng.randint(1, 28)}, {rng.randint(1950, 2025)}",
        lambda: f"{rng.choice(MONTHS)} {rng.randint(1950, 2025)}",
        lambda: f"{rng.randint(1, 28)} {rng.choice(MONTHS)} {rng.randint(1950, 2025)}",
        lambda: (
            f"on {rng.choice(WEEKDAYS)}" if rng.random() < 0.5 else rng.choice(WEEKDAYS)
        ),
        lambda: f"{rng.choice(['last', 'next'])} {rng.choice(WEEKDAYS)}",
        lambda: (
            f"{rng.choice(NUMBERS)} {rng.choice(['days', 'weeks', 'months', 'years'])} ago"
        ),
        lambda: f"in {rng.randint(1900, 2025)}",
        lambda: (
            f"the {rng.choice(['first', 'second', 'third', 'fourth'])} quarter of {rng.randint(1950, 2025)}"
        ),
        lambda: f"Q{rng.randint(1, 4)} {rng.randint(1950, 2025)}",
        lambda: (
            f"{rng.choice(['early ', 'mid-', 'late '])}{rng.choice(MONTHS)} {rng.randint(1950, 2025)}"
        ),
        lambda: f"since {rng.randint(1950, 2024)}",
        lambda: f"the {rng.randint(190, 202)}0s",
        lambda: rng.choice(FIXED),
    ]
    seen: set[str] = set()
    out: list[str] = []
    tries = 0
    while len(out) < count and tries < 100 * count:
        tries += 1
        text = makers[tries % len(makers)]()
        if text not in seen:
            seen.add(text)
            out.append(text)
    return out


def interleaved(texts: list[str], chunk: int = 100) -> tuple[float, float, float]:
    """
    Phrases per second through resolve(), dateparser (any language) and dateparser
    (English only), timed chunk by chunk in turn so that a busy machine slows all three
    alike. resolve()'s cache is cleared before each of its chunks.
    """
    import dateparser

    base = datetime.datetime(REFERENCE.year, REFERENCE.month, REFERENCE.day)  # noqa: DTZ001
    settings: Any = {"RELATIVE_BASE": base}
    for langs in (None, ["en"]):  # load dateparser's data before timing
        dateparser.parse("January 1, 2000", settings=settings, languages=langs)
        dateparser.parse("not a date at all", settings=settings, languages=langs)
    spent = [0.0, 0.0, 0.0]
    for at in range(0, len(texts), chunk):
        part = texts[at : at + chunk]
        cache_clear()
        start = time.perf_counter()
        for text in part:
            timeline.resolve(text, REFERENCE)
        spent[0] += time.perf_counter() - start
        for k, langs in ((1, None), (2, ["en"])):
            start = time.perf_counter()
            for text in part:
                dateparser.parse(text, settings=settings, languages=langs)
            spent[k] += time.perf_counter() - start
    n = len(texts)
    return n / spent[0], n / spent[1], n / spent[2]


def _env() -> dict[str, str]:
    # Byte-code caching on, as in an installed package; a first run writes the cache.
    return {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def in_fresh_process(code: str, runs: int) -> float:
    """The median of what `code` prints (seconds), each run in a new interpreter."""
    values = []
    for _ in range(runs + 1):
        out = subprocess.run(
            [sys.executable, "-W", "ignore", "-c", code],
            capture_output=True,
            text=True,
            check=True,
            env=_env(),
        )
        values.append(float(out.stdout.strip()))
    return statistics.median(values[1:])


def resolve_share(runs: int) -> float:
    """Median seconds of `import timeline` spent in the words layer (resolve, extract, _words)."""
    values = []
    for _ in range(runs):
        out = subprocess.run(
            [
                sys.executable,
                "-W",
                "ignore",
                "-X",
                "importtime",
                "-c",
                "import timeline",
            ],
            capture_output=True,
            text=True,
            check=True,
            env=_env(),
        )
        total = 0
        for line in out.stderr.splitlines():
            parts = line.split("|")
            name = parts[2].strip() if len(parts) == 3 else ""
            if name in ("timeline.resolve", "timeline.extract") or name.startswith(
                "timeline._words"
            ):
                total += int(parts[0].split(":")[-1])  # self time, microseconds
        values.append(total / 1e6)
    return statistics.median(values) if values else float("nan")


IMPORT_CODE = "import time; t = time.perf_counter(); import timeline; print(time.perf_counter() - t)"
FIRST_CALL_CODE = (
    "import time, timeline; t = time.perf_counter();"
    " timeline.resolve('December 25', '2025-02-10'); print(time.perf_counter() - t)"
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="resolve() speed against dateparser")
    parser.add_argument("--count", type=int, default=3000, help="distinct phrases")
    parser.add_argument(
        "--runs", type=int, default=7, help="subprocess runs for import timings"
    )
    args = parser.parse_args(argv)
    warnings.simplefilter("ignore")
    texts = phrases(args.count)
    timeline.resolve("28 января 2025")  # load dateparser as the benchmark below does

    ours, theirs, theirs_en = interleaved(texts)
    print(
        f"{len(texts)} distinct phrases, reference {REFERENCE}; resolve()'s cache cleared"
    )
    print(f"resolve():                           {ours:8.0f} phrases/s")
    print(
        f"dateparser.parse() (any language):   {theirs:8.0f} phrases/s, ratio {ours / theirs:.0f}x"
    )
    print(
        f"dateparser.parse(languages=['en']):  {theirs_en:8.0f} phrases/s, ratio {ours / theirs_en:.0f}x"
    )
    imp = in_fresh_process(IMPORT_CODE, args.runs)
    share = resolve_share(args.runs)
    first = in_fresh_process(FIRST_CALL_CODE, args.runs)
    print(
        f"import timeline:              {1000 * imp:6.1f} ms (median of {args.runs} fresh processes)"
    )
    print(
        f"  of which the words layer: {1000 * share:6.1f} ms (-X importtime, cumulative)"
    )
    print(
        f"first resolve('December 25'): {1000 * first:6.1f} ms (after the import, same)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
