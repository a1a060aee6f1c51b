"""
CSV: one table of events (with the dates the links imply) and one table of links.

A spreadsheet runs a cell that starts with ``=``, ``+``, ``-`` or ``@`` (or a tab or
carriage return before one) as a formula: ``=HYPERLINK(...)`` in a title would be a
live link. As OWASP recommends, such text cells get a leading single quote, which
spreadsheets show as text; numbers are written as they are.

Rows end in ``\r\n`` as RFC 4180 says, so that the csv module quotes a cell holding
a lone carriage return instead of letting it split the row.
"""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING, Final

from ._common import check_timeline, event_rows

if TYPE_CHECKING:
    from ..timeline import Timeline

__all__ = ["EVENT_COLUMNS", "LINK_COLUMNS", "links_to_csv", "safe_cell", "to_csv"]

_FORMULA_STARTS: Final = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> object:
    """
    A cell a spreadsheet will not run: text that starts like a formula gets a leading ``'``.

    >>> safe_cell("=SUM(A1:A9)"), safe_cell("Baku"), safe_cell(-1)
    ("'=SUM(A1:A9)", 'Baku', -1)
    """
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


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
    with ``"; "``. Text that a spreadsheet would run as a formula starts with ``'``
    (see `safe_cell`).
    """
    check_timeline(t)
    out = io.StringIO()
    writer = csv.DictWriter(out, EVENT_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(
        {key: safe_cell(value) for key, value in row.items()} for row in event_rows(t)
    )
    return out.getvalue()


def links_to_csv(t: Timeline) -> str:
    """
    The links as CSV, one row each, sorted by source, target and relation; text
    cells are made safe as in `to_csv`.
    """
    check_timeline(t)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(LINK_COLUMNS)
    for k in t.links:
        row = [
            k.source,
            k.target,
            k.relation.value,
            "" if k.min_days is None else k.min_days,
            "" if k.max_days is None else k.max_days,
            k.confidence,
            k.note or "",
            "; ".join(s.name for s in k.sources),
        ]
        writer.writerow([safe_cell(cell) for cell in row])
    return out.getvalue()
