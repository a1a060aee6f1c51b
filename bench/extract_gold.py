"""
How well `timeline.extract()` finds and dates the DATE expressions of annotated news.

Every article of ``docs_dev.jsonl`` (TimeML TIMEX3 annotations; see
../shared/data/README.md) is passed to ``extract(text, published=dct)`` and scored
TempEval-3 style on its DATE expressions:

- span precision, recall and F1, strict (same offsets) and relaxed (overlapping); a
  mention that overlaps only a TIME, DURATION or SET expression counts neither way;
- value accuracy: the share of the DATE expressions found (relaxed) whose resolved span
  of days equals the gold value's span exactly (no leniency for ``mod``; REF values and
  values with X digits have no span and count as wrong);
- value F1 = relaxed F1 x value accuracy.

Raw ``dateparser.search.search_dates`` (RELATIVE_BASE = the document date,
PREFER_DATES_FROM = past) runs on the same articles; it reports one day per find.
Both throughputs are printed.

    python bench/extract_gold.py [--data PATH] [--no-dateparser] [--misses] [--extra]
                                 [--languages uk,ru] [--genre narrative]
    python bench/extract_gold.py --narrative   # the Ukrainian narratives, as below
    python bench/extract_gold.py --data ../shared/data/docs_narrative_uk_dev.jsonl \
        --languages uk --genre narrative
"""

from __future__ import annotations

import argparse
import datetime
import json
import sys
import time
import warnings
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import attrs

sys.path.insert(0, str(Path(__file__).resolve().parent))

from resolve_gold import gold_span  # the gold-value-to-span helper, shared

from timeline import extract
from timeline.resolve import cache_clear

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared/data/docs_dev.jsonl"
NARRATIVE_DATA = DEFAULT_DATA.with_name("docs_narrative_uk_dev.jsonl")

Span = tuple[datetime.date, datetime.date]


@attrs.frozen
class Found:
    """One mention an extractor reported: its offsets and the days it resolved to."""

    start: int
    end: int
    days: Span | None
    text: str


@attrs.define
class Score:
    """Counts over a corpus, and the figures they give."""

    gold: int = 0
    system: int = 0  # mentions counted (those overlapping only non-DATE gold are not)
    strict_tp: int = 0
    relaxed_tp_sys: int = 0  # mentions that overlap a DATE
    relaxed_tp_gold: int = 0  # DATE expressions overlapped by a mention
    value_ok: int = 0
    misses: list[str] = attrs.Factory(list)
    extra: list[str] = attrs.Factory(list)

    def prf(self, tp_sys: int, tp_gold: int) -> tuple[float, float, float]:
        p = tp_sys / self.system if self.system else 0.0
        r = tp_gold / self.gold if self.gold else 0.0
        return p, r, 2 * p * r / (p + r) if p + r else 0.0

    @property
    def strict(self) -> tuple[float, float, float]:
        return self.prf(self.strict_tp, self.strict_tp)

    @property
    def relaxed(self) -> tuple[float, float, float]:
        return self.prf(self.relaxed_tp_sys, self.relaxed_tp_gold)

    @property
    def value_accuracy(self) -> float:
        return self.value_ok / self.relaxed_tp_gold if self.relaxed_tp_gold else 0.0


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def score_doc(doc: dict[str, Any], found: list[Found], score: Score) -> None:
    """Add one article's counts to *score*."""
    dates = [t for t in doc["timexes"] if t["type"] == "DATE"]
    others = [t for t in doc["timexes"] if t["type"] != "DATE"]
    score.gold += len(dates)
    for f in found:
        span = (f.start, f.end)
        on_date = any(_overlaps(span, (t["start"], t["end"])) for t in dates)
        on_other = any(_overlaps(span, (t["start"], t["end"])) for t in others)
        if not on_date and on_other:
            continue
        score.system += 1
        if on_date:
            score.relaxed_tp_sys += 1
        else:
            score.extra.append(f"{doc['doc_id']} | {f.text!r} | {_around(doc, f)}")
        if any((t["start"], t["end"]) == span for t in dates):
            score.strict_tp += 1
    for t in dates:
        hits = [f for f in found if _overlaps((f.start, f.end), (t["start"], t["end"]))]
        if not hits:
            score.misses.append(f"{doc['doc_id']} | {t['text']!r} | {t['value']}")
            continue
        score.relaxed_tp_gold += 1
        best = max(hits, key=lambda f: min(f.end, t["end"]) - max(f.start, t["start"]))
        if best.days is not None and best.days == gold_span(t["value"]):
            score.value_ok += 1


def _around(doc: dict[str, Any], f: Found) -> str:
    text: str = doc["text"]
    return " ".join(text[max(0, f.start - 50) : f.end + 30].split())


OPTIONS: dict[str, Any] = {}
"""Options for `extract` given on the command line (languages, genre)."""


def run_extract(doc: dict[str, Any]) -> list[Found]:
    """`timeline.extract` on one article."""
    out = []
    for m in extract(doc["text"], published=doc["dct"], **OPTIONS):
        if m.type != "DATE":
            continue  # scored by `timex3_score`
        lo, hi = m.when.earliest, m.when.latest
        days = None if lo is None or hi is None else (lo, hi)
        out.append(Found(m.start, m.end, days, m.text))
    return out


def timex3_score(docs: list[dict[str, Any]]) -> tuple[float, float, float, float]:
    """
    TempEval-3 style over every TIMEX3 type: relaxed span P/R/F1 and value accuracy.

    A mention matches a gold expression of any type that it overlaps; its value is
    right when `Mention.value` is the gold value string exactly.
    """
    system = gold = tp_sys = tp_gold = right = 0
    for doc in docs:
        mentions = extract(doc["text"], published=doc["dct"], **OPTIONS)
        golds = doc["timexes"]
        system += len(mentions)
        gold += len(golds)
        for m in mentions:
            if any(_overlaps((m.start, m.end), (g["start"], g["end"])) for g in golds):
                tp_sys += 1
        for g in golds:
            hits = [
                m
                for m in mentions
                if _overlaps((m.start, m.end), (g["start"], g["end"]))
            ]
            if hits:
                tp_gold += 1
                right += hits[0].value == g["value"]
    p = tp_sys / system if system else 0.0
    r = tp_gold / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f, right / tp_gold if tp_gold else 0.0


def run_dateparser(doc: dict[str, Any]) -> list[Found]:
    """Raw `dateparser.search.search_dates` on one article (one day per find)."""
    from dateparser.search import search_dates

    dct = datetime.datetime.fromisoformat(doc["dct"])
    settings = {"RELATIVE_BASE": dct, "PREFER_DATES_FROM": "past"}
    text: str = doc["text"]
    try:
        hits = search_dates(text, languages=["en"], settings=settings)
    except Exception:
        hits = None
    out, cursor = [], 0
    for phrase, when in hits or ():
        start = text.find(phrase, cursor)
        if start < 0:
            continue
        cursor = start + len(phrase)
        day = when.date()
        out.append(Found(start, cursor, (day, day), phrase))
    return out


def measure(
    docs: Iterable[dict[str, Any]], extractor: Callable[[dict[str, Any]], list[Found]]
) -> tuple[Score, float]:
    """Score an extractor on every article; the score and the seconds it took."""
    docs = list(docs)
    start = time.perf_counter()
    results = [extractor(doc) for doc in docs]
    elapsed = time.perf_counter() - start
    score = Score()
    for doc, found in zip(docs, results, strict=True):
        score_doc(doc, found, score)
    return score, elapsed


def report(name: str, score: Score, seconds: float, docs: list[dict[str, Any]]) -> None:
    chars = sum(len(d["text"]) for d in docs)
    sp, sr, sf = score.strict
    rp, rr, rf = score.relaxed
    acc = score.value_accuracy
    print(f"{name}")
    print(f"  strict   P {100 * sp:5.1f}  R {100 * sr:5.1f}  F1 {100 * sf:5.1f}")
    print(f"  relaxed  P {100 * rp:5.1f}  R {100 * rr:5.1f}  F1 {100 * rf:5.1f}")
    print(
        f"  value accuracy {100 * acc:5.1f}% ({score.value_ok}/{score.relaxed_tp_gold})"
        f"   value F1 {100 * rf * acc:5.1f}"
    )
    print(
        f"  throughput {len(docs) / seconds:8.1f} articles/s, "
        f"{chars / seconds / 1000:8.1f} kchars/s ({score.system} mentions counted)"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0] if __doc__ else None
    )
    parser.add_argument(
        "--data", type=Path, default=DEFAULT_DATA, help="docs_dev.jsonl"
    )
    parser.add_argument(
        "--no-dateparser", action="store_true", help="skip the dateparser baseline"
    )
    parser.add_argument(
        "--misses", action="store_true", help="list the DATE expressions not found"
    )
    parser.add_argument(
        "--extra", action="store_true", help="list mentions that overlap no gold"
    )
    parser.add_argument(
        "--languages", default=None, help="comma-separated language codes for extract"
    )
    parser.add_argument(
        "--genre", default="news", choices=["news", "narrative"], help="extract's genre"
    )
    parser.add_argument(
        "--narrative",
        action="store_true",
        help="the Ukrainian narratives: --languages uk --genre narrative on their data",
    )
    args = parser.parse_args(argv)
    if args.narrative:
        args.data = NARRATIVE_DATA
        args.languages, args.genre = "uk", "narrative"
    OPTIONS.clear()
    OPTIONS["genre"] = args.genre
    if args.languages:
        OPTIONS["languages"] = args.languages.split(",")
    warnings.simplefilter("ignore")
    with args.data.open(encoding="utf-8") as f:
        docs = [json.loads(line) for line in f if line.strip()]
    n_dates = sum(t["type"] == "DATE" for d in docs for t in d["timexes"])
    print(f"{len(docs)} articles, {n_dates} DATE expressions, from {args.data}\n")

    cache_clear()
    score, seconds = measure(docs, run_extract)
    report("timeline.extract (resolve cache cleared)", score, seconds, docs)
    corpora = sorted({d.get("corpus", "") for d in docs} - {""})
    print("  TIMEX3, all types (DATE, TIME, DURATION, SET), value strings:")
    for name, part in [("all", docs)] + [
        (c, [d for d in docs if d.get("corpus") == c]) for c in corpora
    ] * (len(corpora) > 1):
        tp, tr, tf, tacc = timex3_score(part)
        print(
            f"  {name:<13} relaxed P {100 * tp:5.1f} R {100 * tr:5.1f} F1 {100 * tf:5.1f}"
            f"   value accuracy {100 * tacc:5.1f}%   value F1 {100 * tf * tacc:5.1f}"
        )
    if not args.no_dateparser:
        from dateparser.search import search_dates

        search_dates("It rained on January 1, 2000.")  # load its data before timing
        dp_score, dp_seconds = measure(docs, run_dateparser)
        print()
        report("dateparser.search.search_dates (past)", dp_score, dp_seconds, docs)
    if args.misses:
        print("\nDATE expressions not found: doc | text | gold value")
        print("\n".join(score.misses))
    if args.extra:
        print("\nmentions overlapping no gold: doc | text | around")
        print("\n".join(score.extra))
    return 0


if __name__ == "__main__":
    sys.exit(main())
