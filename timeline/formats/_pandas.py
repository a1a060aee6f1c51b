"""pandas: the events (and links) as DataFrames, behind the ``pandas`` extra."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any, Final

from ._common import check_timeline, inferred
from ._csv import LINK_COLUMNS

if TYPE_CHECKING:
    from ..timeline import Timeline

__all__ = ["PANDAS_MISSING", "links_to_pandas", "to_pandas"]

PANDAS_MISSING: Final = (
    "to_pandas() needs pandas: pip install 'timeline-tracker[pandas]'"
)


def _pandas() -> Any:
    # pandas ships no type information; importing it by name keeps mypy --strict
    # honest about what we get back (Any) without a blanket ignore.
    try:
        return importlib.import_module("pandas")
    except ImportError as exc:
        raise ImportError(PANDAS_MISSING) from exc


def to_pandas(t: Timeline) -> Any:
    """
    The events as a `pandas.DataFrame`, one row each in chronological order, indexed by id.

    `earliest` and `latest` (the inferred bounds) are datetime columns, NaT where a
    side is open; `when` is the asserted EDTF date; `actors`, `sources` and `tags`
    hold tuples.

    Raises:
        ImportError: pandas is not installed (the ``pandas`` extra).
    """
    check_timeline(t)
    pd = _pandas()
    rows = []
    for e in t.chronology():
        w = inferred(t, e)
        rows.append(
            {
                "id": e.id,
                "title": e.title,
                "when": e.when.to_edtf(),
                "when_text": e.when.text,
                "earliest": None if w.earliest is None else w.earliest.isoformat(),
                "latest": None if w.latest is None else w.latest.isoformat(),
                "granularity": None if w.granularity is None else w.granularity.value,
                "ends": None if e.ends is None else e.ends.to_edtf(),
                "actors": e.actors,
                "location": e.location,
                "kind": e.kind,
                "sources": tuple(s.name for s in e.sources),
                "description": e.description,
                "tags": tuple(sorted(e.tags)),
            }
        )
    columns = [
        "id", "title", "when", "when_text", "earliest", "latest", "granularity",
        "ends", "actors", "location", "kind", "sources", "description", "tags",
    ]  # fmt: skip
    frame = pd.DataFrame(rows, columns=columns)
    for column in ("earliest", "latest"):
        frame[column] = pd.to_datetime(frame[column], format="ISO8601")
    return frame.set_index("id")


def links_to_pandas(t: Timeline) -> Any:
    """
    The links as a `pandas.DataFrame`, one row each.

    Raises:
        ImportError: pandas is not installed (the ``pandas`` extra).
    """
    check_timeline(t)
    pd = _pandas()
    rows = [
        {
            "source": k.source,
            "target": k.target,
            "relation": k.relation.value,
            "min_days": k.min_days,
            "max_days": k.max_days,
            "confidence": k.confidence,
            "note": k.note,
        }
        for k in t.links
    ]
    # The CSV's columns but `sources`, nested records that do not fit a cell's dtype.
    columns = [c for c in LINK_COLUMNS if c != "sources"]
    return pd.DataFrame(rows, columns=columns).astype(
        {"min_days": "Int64", "max_days": "Int64"}
    )
