"""
Track events, when they happened, and what caused what.

>>> import timeline as tl
>>> tl.resolve("December 25", "2025-02-10")
When.day(2024, 12, 25, text='December 25')
"""

import importlib as _importlib
from typing import TYPE_CHECKING as _TYPE_CHECKING
from typing import Any as _Any

from . import allen
from .errors import (
    CausalCycleError,
    ChronologyConflict,
    DateResolutionError,
    DuplicateEventError,
    FormatError,
    LinkNotFoundError,
    TimelineError,
    UnknownEventError,
    ValidationError,
)
from .event import Event, Source
from .extract import Mention, extract
from .link import Link, Point, Relation
from .resolve import resolve
from .when import Granularity, When

if _TYPE_CHECKING:
    from .timeline import Explanation, Timeline

__all__ = [
    "CausalCycleError",
    "ChronologyConflict",
    "DateResolutionError",
    "DuplicateEventError",
    "Event",
    "Explanation",
    "FormatError",
    "Granularity",
    "Link",
    "LinkNotFoundError",
    "Mention",
    "Point",
    "Relation",
    "Source",
    "Timeline",
    "TimelineError",
    "UnknownEventError",
    "ValidationError",
    "When",
    "allen",
    "extract",
    "resolve",
]

# The constraint engine needs numpy, and the version needs importlib.metadata: both
# load on first use, to keep `import timeline` cheap (whenever does the same).
_LAZY = {"Timeline": ".timeline", "Explanation": ".timeline"}


def __getattr__(name: str) -> _Any:
    if name in _LAZY:
        value = getattr(_importlib.import_module(_LAZY[name], __name__), name)
    elif name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            value = version("timeline-tracker")
        except PackageNotFoundError:  # pragma: no cover - running from a source tree
            value = "0.0.0+unknown"
    else:
        msg = f"module {__name__!r} has no attribute {name!r}"
        raise AttributeError(msg)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY, "__version__"})
