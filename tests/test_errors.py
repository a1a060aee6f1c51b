"""Tests for timeline.errors: the TimelineError family."""

import errno
import pickle

import pytest

from timeline import (
    CausalCycleError,
    ChronologyConflict,
    DateResolutionError,
    DuplicateEventError,
    FolderNotFoundError,
    FormatError,
    PathError,
    TimelineError,
    UnknownEventError,
    ValidationError,
    WrongTypeError,
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
    WrongTypeError("actors", None, "must be a collection of strings, got NoneType"),
    PathError(errno.EINVAL, "a path cannot contain a NUL byte", "a\x00b.json"),
    FolderNotFoundError(errno.ENOENT, "no such folder", "/no/such/folder"),
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


class TestHardeningErrors:
    def test_wrong_type_is_a_type_error_and_a_validation_error(self):
        """WrongTypeError keeps `except ValueError` working and adds `except TypeError`."""
        err = ERRORS[7]

        assert isinstance(err, TypeError)
        assert isinstance(err, ValidationError)
        assert isinstance(err, ValueError)
        assert err.field == "actors"

    def test_wrong_type_expected(self):
        """WrongTypeError.expected names the argument, what belongs there and what came."""
        err = WrongTypeError.expected("year", "2025", "a whole number")

        assert str(err) == "invalid year='2025': must be a whole number, got str"

    def test_path_errors_are_os_errors(self):
        """PathError is an OSError with errno and filename; FolderNotFoundError a FileNotFoundError."""
        nul, folder = ERRORS[8], ERRORS[9]

        assert isinstance(nul, OSError)
        assert nul.errno == errno.EINVAL
        assert isinstance(folder, FileNotFoundError)
        assert isinstance(folder, PathError)
        assert folder.filename == "/no/such/folder"
