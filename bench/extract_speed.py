"""
Speed of `timeline.extract()`: milliseconds for a 5,000-character article.

The articles of ``docs_dev.jsonl`` (English news) and of
``docs_narrative_uk_dev.jsonl`` (Ukrainian, ``languages=["uk"]``) are joined and cut
into pieces of 5,000 characters; each piece is extracted with `resolve`'s cache cleared before it,
after one untimed pass (so that the patterns are compiled, as in a running program).
Prints the median and the 90th percentile per piece, and a growth check of issue 9
item 2: runs of sentence ends at two sizes, and the ratio of their times (about 2
for a linear path, 4 for a quadratic one).

    python bench/extract_speed.py [--data PATH] [--narrative PATH]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
import warnings
from pathlib import Path
from typing import Any

from timeline import extract, resolve

DATA = Path(__file__).resolve().parents[2] / "shared/data"
PIECE = 5_000


def pieces(path: Path) -> list[tuple[str, str]]:
    """
    (text, publication date) pieces of PIECE characters.

    The articles are joined (a blank line between two) and cut every PIECE characters;
    a piece takes the publication date of the article it starts in.
    """
    with path.open(encoding="utf-8") as f:
        docs: list[dict[str, Any]] = [json.loads(line) for line in f if line.strip()]
    stream, starts = "", []
    for doc in docs:
        starts.append((len(stream), doc["dct"]))
        stream += doc["text"] + "\n\n"
    out = []
    for start in range(0, len(stream) - PIECE + 1, PIECE):
        dct = max((s for s in starts if s[0] <= start), key=lambda s: s[0])[1]
        out.append((stream[start : start + PIECE], dct))
    return out


def timed(items: list[tuple[str, str]], **options: Any) -> list[float]:
    """Milliseconds per piece, each with the resolve cache cleared first."""
    for text, dct in items:  # untimed: compile the patterns
        extract(text, dct, **options)
    times = []
    for text, dct in items:
        resolve.cache_clear()
        start = time.perf_counter()
        extract(text, dct, **options)
        times.append(1000 * (time.perf_counter() - start))
    return times


def show(name: str, items: list[tuple[str, str]], times: list[float]) -> None:
    chars = statistics.mean(len(t) for t, _ in items)
    p90 = statistics.quantiles(times, n=10)[-1] if len(times) > 1 else times[0]
    print(
        f"{name:<34} {len(items):4d} pieces of {chars:5.0f} chars:"
        f" median {statistics.median(times):6.2f} ms, 90th percentile {p90:6.2f} ms"
    )


def growth() -> None:
    """Issue 9 item 2: runs of '.', '!', '?' at two sizes; linear growth is about 2x."""
    for piece in (".", "!", "?", ". ", "\n"):
        seconds = []
        for n in (25_000, 50_000):
            start = time.perf_counter()
            extract(piece * n, "2025-01-01")
            seconds.append(time.perf_counter() - start)
        print(
            f"run of {piece!r:>6}: 25,000 {1000 * seconds[0]:7.1f} ms, 50,000 "
            f"{1000 * seconds[1]:7.1f} ms, growth {seconds[1] / seconds[0]:4.1f}x"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0] if __doc__ else None
    )
    parser.add_argument("--data", type=Path, default=DATA / "docs_dev.jsonl")
    parser.add_argument(
        "--narrative", type=Path, default=DATA / "docs_narrative_uk_dev.jsonl"
    )
    args = parser.parse_args(argv)
    warnings.simplefilter("ignore")
    news = pieces(args.data)
    show("English news", news, timed(news))
    story = pieces(args.narrative)
    show(
        "Ukrainian narratives (uk)",
        story,
        timed(story, languages=["uk"], genre="narrative"),
    )
    growth()
    return 0


if __name__ == "__main__":
    sys.exit(main())
