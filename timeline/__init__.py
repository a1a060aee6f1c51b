"""Track events, when they happened, and what caused what."""

from importlib.metadata import PackageNotFoundError as _PackageNotFoundError
from importlib.metadata import version as _version

from . import allen
from .errors import (
    CausalCycleError,
    ChronologyConflict,
    DateResolutionError,
    DuplicateEventError,
    FormatError,
    TimelineError,
    UnknownEventError,
    ValidationError,
)
from .event import Event, Source
from .extract import Mention, extract
from .link import Link, Relation
from .resolve import resolve
from .timeline import Explanation, Timeline
from .when import Granularity, When

__all__ = [
    # Errors
    "CausalCycleError",
    "ChronologyConflict",
    "DateResolutionError",
    "DuplicateEventError",
    # Events and links
    "Event",
    "Explanation",
    "FormatError",
    # Dates
    "Granularity",
    "Link",
    "Mention",
    "Relation",
    "Source",
    # The chronology
    "Timeline",
    "TimelineError",
    "UnknownEventError",
    "ValidationError",
    "When",
    # Submodules with a vocabulary of their own
    "allen",
    # Reading dates from text
    "extract",
    "resolve",
]

try:
    __version__ = _version("timeline-tracker")
except _PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0.0.0+unknown"
