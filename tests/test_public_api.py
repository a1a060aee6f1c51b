"""Tests for the public surface of `timeline`: what it exports and what it costs to import."""

import subprocess
import sys
from types import ModuleType

import pytest

import timeline

CONTRACT = {
    "When", "Granularity", "resolve", "Event", "Source", "Link", "Relation", "Timeline",
    "allen", "TimelineError", "DateResolutionError", "UnknownEventError",
    "DuplicateEventError", "ChronologyConflict", "CausalCycleError", "FormatError",
}  # fmt: skip


class TestExports:
    def test_all_lists_every_public_name(self):
        """`timeline.__all__` is exactly the public names, submodules aside from allen."""
        public = {
            n
            for n, o in vars(timeline).items()
            if not n.startswith("_") and (not isinstance(o, ModuleType) or n == "allen")
        }

        assert sorted(public) == sorted(timeline.__all__)

    def test_contract_names_are_importable(self):
        """Every name that DESIGN.md makes part of the contract is exported."""
        missing = CONTRACT - set(timeline.__all__)

        assert set() == missing

    def test_errors_share_one_base(self):
        """Every exported exception is a TimelineError."""
        errors = [
            o
            for o in (getattr(timeline, n) for n in timeline.__all__)
            if isinstance(o, type) and issubclass(o, Exception)
        ]

        assert errors
        assert all(issubclass(e, timeline.TimelineError) for e in errors)

    def test_lazy_names_resolve(self):
        """Names loaded on first use are the real objects, and unknown names raise."""
        from timeline.timeline import Timeline

        assert timeline.Timeline is Timeline
        with pytest.raises(AttributeError, match="no_such_name"):
            _ = timeline.no_such_name

    def test_version_is_a_string(self):
        """`timeline.__version__` comes from the installed distribution."""
        assert isinstance(timeline.__version__, str)


class TestImportCost:
    def test_import_does_not_load_heavy_modules(self):
        """`import timeline` loads neither dateparser, hypothesis nor numpy."""
        code = (
            "import sys, timeline; print(','.join(m for m in "
            "('dateparser', 'hypothesis', 'numpy', 'cattrs') if m in sys.modules))"
        )

        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        )

        assert out.stdout.strip() == ""
