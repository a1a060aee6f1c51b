"""Tests for timeline.allen: Allen's interval relations."""

import pendulum
import pytest

from timeline import ValidationError, When, allen
from timeline.allen import AllenRelation as R

DEC = When.month(2024, 12)


class TestRelation:
    @pytest.mark.parametrize(
        ("a", "b", "expected"),
        [
            (When.month(2024, 11), When.month(2025, 1), R.BEFORE),
            (DEC, When.month(2025, 1), R.MEETS),
            (DEC, When.between("2024-12-20", "2025-01-10"), R.OVERLAPS),
            (When.day(2024, 12, 1), DEC, R.STARTS),
            (When.day(2024, 12, 25), DEC, R.DURING),
            (When.day(2024, 12, 31), DEC, R.FINISHES),
            (DEC, When.between("2024-12-01", "2024-12-31"), R.EQUALS),
            (DEC, When.day(2024, 12, 31), R.FINISHED_BY),
            (DEC, When.day(2024, 12, 25), R.CONTAINS),
            (DEC, When.day(2024, 12, 1), R.STARTED_BY),
            (When.between("2024-12-20", "2025-01-10"), DEC, R.OVERLAPPED_BY),
            (When.month(2025, 1), DEC, R.MET_BY),
            (When.month(2025, 1), When.month(2024, 11), R.AFTER),
        ],
    )
    def test_each_relation(self, a, b, expected):
        """Each of the thirteen relations is recognised on day-closed spans."""
        assert expected is allen.relation(a, b)

    def test_consecutive_days_meet(self):
        """Two single days in a row meet; the same day twice is equal."""
        assert R.MEETS is allen.relation(When.day(2025, 1, 27), When.day(2025, 1, 28))
        assert R.EQUALS is allen.relation(When.day(2025, 1, 27), When.day(2025, 1, 27))

    def test_pairs_of_dates(self):
        """A span may be a pair of dates."""
        span = (pendulum.date(2025, 1, 1), pendulum.date(2025, 1, 5))

        assert R.STARTS is allen.relation(span, When.month(2025, 1))

    @pytest.mark.parametrize(
        "bad",
        [
            When.unknown(),
            When.between("2025-01-01", None),
            "2025",
            (pendulum.date(2025, 1, 5), pendulum.date(2025, 1, 1)),
        ],
    )
    def test_unbounded_or_malformed_spans_raise(self, bad):
        """Unbounded, reversed or malformed spans raise ValidationError."""
        with pytest.raises(ValidationError):
            allen.relation(bad, DEC)


class TestAlgebra:
    def test_converse_pairs(self):
        """converse() pairs each relation with its inverse; equals is its own."""
        assert R.AFTER is allen.converse(R.BEFORE)
        assert R.CONTAINS is allen.converse(R.DURING)
        assert R.EQUALS is allen.converse(R.EQUALS)
        assert all(allen.converse(allen.converse(r)) is r for r in R)

    def test_composition_table_size(self):
        """The composition table has Allen's 409 entries over 169 cells."""
        assert sum(len(allen.compose(a, b)) for a in R for b in R) == 409

    @pytest.mark.parametrize(
        ("r1", "r2", "expected"),
        [
            (R.BEFORE, R.BEFORE, {R.BEFORE}),
            (R.MEETS, R.MEETS, {R.BEFORE}),
            (R.DURING, R.DURING, {R.DURING}),
            (R.EQUALS, R.OVERLAPS, {R.OVERLAPS}),
            (R.OVERLAPS, R.OVERLAPS, {R.BEFORE, R.MEETS, R.OVERLAPS}),
            (R.STARTS, R.MET_BY, {R.MET_BY}),
            (R.BEFORE, R.AFTER, set(R)),
        ],
    )
    def test_known_cells(self, r1, r2, expected):
        """Spot checks against Allen's published table."""
        assert expected == allen.compose(r1, r2)
