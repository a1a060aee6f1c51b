"""CSV: one table of events (with the dates the links imply) and one table of links."""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING, Final

from ._common import event_rows

if TYPE_CHECKING:
    from ..timeline import Timeline

__all__ = ["EVENT_COLUMNS", "LINK_COLUMNS", "links_to_csv", "to_csv"]

EVENT_COLUMNS: Final = (
    "id",
    "title",
    "when",
    "when_text",
    "earliest",
    "latest",
    "inferred",
    "granularity",
    "ends",
    "actors",
    "location",
    "kind",
    "sources",
    "description",
    "tags",
)
"""The columns of `to_csv`, in order."""

LINK_COLUMNS: Final = (
    "source",
    "target",
    "relation",
    "min_days",
    "max_days",
    "confidence",
    "note",
    "sources",
)
"""The columns of `links_to_csv`, in order."""


def to_csv(t: Timeline) -> str:
    """
    The events as CSV, one row each in chronological order.

    `when` is the asserted date (EDTF), `earliest`/`latest` the inferred bounds
    (ISO, empty when open) and `inferred` those bounds in words; lists are joined
    with ``"; "``.
    """
    out = io.StringIO()
    writer = csv.DictWriter(out, EVENT_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(event_rows(t))
    return out.getvalue()


def links_to_csv(t: Timeline) -> str:
    """The links as CSV, one row each, sorted by source, target and relation."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(LINK_COLUMNS)
    for k in t.links:
        writer.writerow(
            [
                k.source,
                k.target,
                k.relation.value,
                "" if k.min_days is None else k.min_days,
                "" if k.max_days is None else k.max_days,
                k.confidence,
                k.note or "",
                "; ".join(s.name for s in k.sources),
            ]
        )
    return out.getvalue()
