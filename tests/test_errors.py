"""Tests for timeline.errors: the TimelineError family."""

import pickle

import pytest

from timeline import (
    CausalCycleError,
    ChronologyConflict,
    DateResolutionError,
    DuplicateEventError,
    FormatError,
    TimelineError,
    UnknownEventError,
    ValidationError,
)

ERRORS = [
    ValidationError("confidence", 1.5, "must be between 0 and 1"),
    DateResolutionError("next blursday", "2025-02-10", "no date found"),
    UnknownEventError("crahs", ("crash", "protest")),
    DuplicateEventError("crash", "it has a different title"),
    FormatError(
        "chronology.json", "unknown relation 'CAUSES'", 12, "links[3].relation"
    ),
    ChronologyConflict(
        "the summons is dated before the crash that prompted it", ("a", "b")
    ),
    CausalCycleError(("a", "b", "c")),
]


class TestFamily:
    @pytest.mark.parametrize("error", ERRORS, ids=lambda e: type(e).__name__)
    def test_every_error_is_a_timeline_error(self, error):
        """Every error subclasses TimelineError."""
        assert isinstance(error, TimelineError)

    @pytest.mark.parametrize("error", ERRORS, ids=lambda e: type(e).__name__)
    def test_every_error_pickles(self, error):
        """Errors survive pickling with their attributes and message."""
        back = pickle.loads(pickle.dumps(error))

        assert str(error) == str(back)
        assert vars(error) == vars(back)

    def test_builtin_bases(self):
        """Each error is also the closest builtin."""
        assert issubclass(DateResolutionError, ValueError)
        assert issubclass(UnknownEventError, KeyError)
        assert issubclass(CausalCycleError, ChronologyConflict)
        assert issubclass(FormatError, ValueError)


class TestMessages:
    def test_date_resolution(self):
        """DateResolutionError names the text, the reference and the reason."""
        err = DateResolutionError("yesterday", None, "needs a reference date")

        assert (
            str(err)
            == "cannot resolve 'yesterday' (no reference): needs a reference date"
        )

    def test_unknown_event_suggests(self):
        """UnknownEventError suggests a close id, and is not quoted like a KeyError."""
        assert str(ERRORS[2]) == "no event with id 'crahs' (did you mean 'crash'?)"
        assert str(UnknownEventError("zzz", ("crash",))) == "no event with id 'zzz'"

    def test_duplicate(self):
        """DuplicateEventError names the id and the reason."""
        assert (
            str(ERRORS[3])
            == "an event with id 'crash' already exists: it has a different title"
        )
        assert str(DuplicateEventError("x")) == "an event with id 'x' already exists"

    def test_format_error_where(self):
        """FormatError names the file, the line and the field."""
        assert (
            str(ERRORS[4])
            == "chronology.json, line 12, links[3].relation: unknown relation 'CAUSES'"
        )
        assert str(FormatError(None, "empty")) == "<document>: empty"

    def test_cycle(self):
        """CausalCycleError draws the cycle and keeps it as .cycle."""
        err = ERRORS[6]

        assert err.cycle == ("a", "b", "c")
        assert err.events == ("a", "b", "c")
        assert str(err) == "causal links form a cycle: a -> b -> c -> a"
