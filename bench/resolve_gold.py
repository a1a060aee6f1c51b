"""
Accuracy of `timeline.resolve()` on annotated news (TimeML TIMEX3 DATE expressions).

Every row of ``timex_dev.tsv`` is resolved against its document date, once with the
sentence as `context` and once without, and scored at the gold value's own
granularity (see ../shared/data/README.md):

- a calendar gold value (a day, ISO week, weekend, month, quarter, half, season,
  year, decade or century) is correct when the resolved span of days equals it, or,
  for a row with a ``mod`` (START, END, APPROX, ...), lies inside it;
- ``PRESENT_REF`` is correct as the document day, ``PAST_REF`` as a span ending by
  it, ``FUTURE_REF`` as one starting on or after it (reported on their own line);
- values with ``X`` digits are "underspecified": correct when the resolved span lies
  inside the range the known digits allow (also reported on their own line).

Raw ``dateparser.parse`` (RELATIVE_BASE = document date, PREFER_DATES_FROM = past) runs
on the same rows. It returns one day, so it is scored leniently: correct when that day
lies inside the gold span. Both throughputs are printed, and that of
``dateparser.parse(languages=["en"])`` (its fastest setting) with the ratio; each timed
pass follows an untimed one, and `resolve`'s cache is cleared in between.

    python bench/resolve_gold.py [--data PATH] [--failures]
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import datetime
import re
import sys
import time
import warnings
from collections import Counter, defaultdict
from pathlib import Path

import timeline
from timeline import DateResolutionError, When
from timeline.resolve import cache_clear

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared/data/timex_dev.tsv"

CALENDAR = (
    "day",
    "day+time",
    "week",
    "weekend",
    "month",
    "quarter",
    "half",
    "season",
    "year",
    "decade",
    "century",
)
SEASON_CODES = {"SP": 21, "SU": 22, "FA": 23, "WI": 24}

Span = tuple[datetime.date, datetime.date]


def gold_span(value: str) -> Span | None:
    """The days a calendar gold value covers, or None for REF and X values."""
    v = value.split("T")[0]
    if "X" in v or v.endswith("_REF"):
        return None
    m = re.fullmatch(r"(\d{4})-W(\d{1,2})(-WE)?", v)
    if m:
        monday = datetime.date.fromisocalendar(int(m[1]), int(m[2]), 1)
        if m[3]:
            return monday + datetime.timedelta(5), monday + datetime.timedelta(6)
        return monday, monday + datetime.timedelta(6)
    m = re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", v)
    if m:
        w = When.from_edtf(f"{m[1]}-{SEASON_CODES[m[2]]}")
        return _span(w)
    m = re.fullmatch(r"(\d{4})-([QH])(\d)", v)
    if m:
        y, n = int(m[1]), int(m[3])
        w = When.quarter(y, n) if m[2] == "Q" else When.half(y, n)
        return _span(w)
    if re.fullmatch(r"\d{3}", v):
        return _span(When.decade(int(v) * 10))
    if re.fullmatch(r"\d{2}", v):
        return _span(When.century(int(v) * 100))
    try:
        return _span(When.from_edtf(v))
    except ValueError:
        return None


def x_range(value: str) -> Span | None:
    """The days an underspecified value (with X digits) allows."""
    m = re.match(r"(\d{4})", value)
    if m:
        month = re.match(r"\d{4}-(\d{2})", value)
        if month:
            return _span(When.month(int(m[1]), int(month[1])))
        return _span(When.year(int(m[1])))
    m = re.match(r"(\d{1,3})X", value)
    if m:
        digits = m[1]
        first = int(digits.ljust(4, "0"))
        last = int(digits.ljust(4, "9"))
        return datetime.date(max(first, 1), 1, 1), datetime.date(last, 12, 31)
    return None


def _span(w: When) -> Span:
    assert w.earliest is not None
    assert w.latest is not None
    return (w.earliest, w.latest)


def bucket(row: dict[str, str]) -> str:
    """The granularity a row is scored at."""
    if row["gold_value"].endswith("_REF"):
        return "ref"
    return row["granularity"]


def correct(
    row: dict[str, str], lo: datetime.date | None, hi: datetime.date | None
) -> bool:
    """Whether a resolved span (None = unbounded) is right for the row."""
    value, dct = row["gold_value"], datetime.date.fromisoformat(row["dct"])
    if value == "PRESENT_REF":
        return lo == hi == dct
    if value == "PAST_REF":
        return hi is not None and hi <= dct and (lo is None or lo <= hi)
    if value == "FUTURE_REF":
        return lo is not None and lo >= dct
    if lo is None or hi is None:
        return False
    gold = gold_span(value)
    if gold is None:
        allowed = x_range(value)
        return allowed is not None and allowed[0] <= lo and hi <= allowed[1]
    if row["mod"]:
        return gold[0] <= lo and hi <= gold[1]
    return (lo, hi) == gold


def run_resolve(
    rows: list[dict[str, str]], *, with_context: bool
) -> tuple[list[bool], float, list[str]]:
    """Resolve every row; the verdicts, the seconds it took and what each gave."""
    # One untimed pass first, as for dateparser: neither pays its one-time loading
    # (dateparser's locale data, the rules' patterns compiled on first use).
    for row in rows:
        with contextlib.suppress(DateResolutionError):
            timeline.resolve(row["timex_text"], row["dct"], context=row["sentence"])
    cache_clear()
    verdicts, shown = [], []
    start = time.perf_counter()
    results = []
    for row in rows:
        try:
            w: When | None = timeline.resolve(
                row["timex_text"],
                row["dct"],
                context=row["sentence"] if with_context else None,
            )
        except DateResolutionError as exc:
            w = None
            results.append((None, exc.reason))
            continue
        results.append((w, ""))
    elapsed = time.perf_counter() - start
    for row, (w, reason) in zip(rows, results, strict=True):
        if w is None:
            verdicts.append(False)
            shown.append(f"error: {reason}")
        else:
            verdicts.append(correct(row, w.earliest, w.latest))
            shown.append(str(w))
    return verdicts, elapsed, shown


def english_dateparser_seconds(rows: list[dict[str, str]]) -> float:
    """Seconds `dateparser.parse(languages=["en"])` takes over every row: its fastest setting."""
    import dateparser

    def one_pass() -> float:
        start = time.perf_counter()
        for row in rows:
            dct = datetime.datetime.fromisoformat(row["dct"])
            settings = {"RELATIVE_BASE": dct, "PREFER_DATES_FROM": "past"}
            with contextlib.suppress(Exception):
                dateparser.parse(row["timex_text"], languages=["en"], settings=settings)  # type: ignore[arg-type]
        return time.perf_counter() - start

    one_pass()  # untimed, as for resolve: its data loaded
    return one_pass()


def run_dateparser(rows: list[dict[str, str]]) -> tuple[list[bool], float]:
    """Raw dateparser.parse on every row (its one day, scored leniently)."""
    import dateparser

    dateparser.parse("January 1, 2000")  # load its data before timing
    dateparser.parse("not a date at all")
    verdicts = []
    start = time.perf_counter()
    days = []
    for row in rows:
        dct = datetime.datetime.fromisoformat(row["dct"])
        settings = {"RELATIVE_BASE": dct, "PREFER_DATES_FROM": "past"}
        try:
            parsed = dateparser.parse(row["timex_text"], settings=settings)  # type: ignore[arg-type]
        except Exception:
            parsed = None
        days.append(None if parsed is None else parsed.date())
    elapsed = time.perf_counter() - start
    for row, day in zip(rows, days, strict=True):
        if day is None:
            verdicts.append(False)
            continue
        value = row["gold_value"]
        gold = gold_span(value) or (x_range(value) if "X" in value else None)
        if gold is None:
            verdicts.append(correct(row, day, day))
        else:
            verdicts.append(gold[0] <= day <= gold[1])
    return verdicts, elapsed


def table(rows: list[dict[str, str]], columns: dict[str, list[bool]]) -> None:
    """Accuracy per granularity, for every column of verdicts."""
    groups: dict[str, list[int]] = defaultdict(list)
    for i, row in enumerate(rows):
        groups[bucket(row)].append(i)
    names = list(columns)
    print(f"{'granularity':<16}{'rows':>6}" + "".join(f"{n:>22}" for n in names))

    def line(label: str, idx: list[int]) -> None:
        cells = []
        for n in names:
            hits = sum(columns[n][i] for i in idx)
            cells.append(
                f"{hits:>4}/{len(idx):<4} {100 * hits / max(len(idx), 1):5.1f}%"
            )
        print(f"{label:<16}{len(idx):>6}" + "".join(f"{c:>22}" for c in cells))

    order = [g for g in (*CALENDAR, "ref", "underspecified") if g in groups]
    order += sorted(set(groups) - set(order))
    for g in order:
        line(g, groups[g])
    print("-" * (22 + 22 * len(names)))
    dmy = [i for g in ("day", "month", "year") for i in groups.get(g, [])]
    cal = [i for g in CALENDAR for i in groups.get(g, [])]
    line("day/month/year", dmy)
    line("calendar (all)", cal)
    line("every row", list(range(len(rows))))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0] if __doc__ else None
    )
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="timex_dev.tsv")
    parser.add_argument(
        "--failures", action="store_true", help="list the rows missed (with context)"
    )
    args = parser.parse_args(argv)
    warnings.simplefilter("ignore")
    with args.data.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))

    ctx, t_ctx, shown = run_resolve(rows, with_context=True)
    plain, t_plain, _ = run_resolve(rows, with_context=False)
    raw, t_raw = run_dateparser(rows)
    print(f"{len(rows)} rows from {args.data}\n")
    table(
        rows,
        {
            "resolve + context": ctx,
            "resolve, no context": plain,
            "dateparser (lenient)": raw,
        },
    )
    n = len(rows)
    print()
    print(f"throughput  resolve (cache cleared, with context): {n / t_ctx:9.0f} rows/s")
    print(
        f"            resolve (cache cleared, no context):   {n / t_plain:9.0f} rows/s"
    )
    print(f"            dateparser.parse:                      {n / t_raw:9.0f} rows/s")
    t_en = english_dateparser_seconds(rows)
    print(
        f"            dateparser.parse(languages=['en']):    {n / t_en:9.0f} rows/s"
        f"  (resolve with context: {t_en / t_ctx:.1f}x as fast)"
    )
    if args.failures:
        print(
            "\nmissed (with context): granularity | text | dct | gold | mod | resolved | sentence"
        )
        misses: Counter[str] = Counter()
        for row, ok, got in zip(rows, ctx, shown, strict=True):
            if not ok:
                misses[bucket(row)] += 1
                print(
                    f"{bucket(row):<10} | {row['timex_text']} | {row['dct']} | {row['gold_value']}"
                    f" | {row['mod']} | {got} | {row['sentence'][:140]}"
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
