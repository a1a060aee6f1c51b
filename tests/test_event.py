"""Tests for timeline.event: Event and Source."""

import attrs
import pendulum
import pytest

from timeline import Event, Source, ValidationError, When


class TestEvent:
    def test_defaults(self):
        """An event needs only an id and a title; its date defaults to unknown."""
        e = Event(id="call", title="Condolence call")

        assert When.unknown() == e.when
        assert (None, (), None, None, (), None, frozenset()) == (
            e.ends,
            e.actors,
            e.location,
            e.kind,
            e.sources,
            e.description,
            e.tags,
        )

    def test_converts_collections_and_dates(self):
        """Lists become tuples, tag sets frozensets, and EDTF strings Whens."""
        e = Event(
            id="summons",
            title="Ambassador summoned",
            when="2025-01-28",
            ends=pendulum.date(2025, 1, 28),
            actors=["Azerbaijan", "Russia"],
            tags={"diplomacy"},
        )

        assert When.day(2025, 1, 28) == e.when == e.ends
        assert e.actors == ("Azerbaijan", "Russia")
        assert frozenset({"diplomacy"}) == e.tags

    def test_frozen_and_hashable(self):
        """Events are values: hashable, equal by content, changed with evolve()."""
        e = Event(id="a", title="A", actors=("x",))
        moved = attrs.evolve(e, when=When.year(2024))

        assert {e, Event(id="a", title="A", actors=["x"])} == {e}
        assert When.year(2024) == moved.when
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            e.title = "B"  # type: ignore[misc]

    @pytest.mark.parametrize(
        ("fields", "field"),
        [
            ({"id": "", "title": "A"}, "id"),
            ({"id": "  ", "title": "A"}, "id"),
            ({"id": "a", "title": ""}, "title"),
            ({"id": 3, "title": "A"}, "id"),
            ({"id": "a", "title": "A", "actors": "Russia"}, "actors"),
            ({"id": "a", "title": "A", "actors": ["Russia", ""]}, "actors"),
            ({"id": "a", "title": "A", "tags": [1]}, "tags"),
            ({"id": "a", "title": "A", "location": 5}, "location"),
            ({"id": "a", "title": "A", "kind": b"summons"}, "kind"),
            ({"id": "a", "title": "A", "description": 1.5}, "description"),
            ({"id": "a", "title": "A", "sources": ["Reuters"]}, "sources"),
            ({"id": "a", "title": "A", "when": 2024}, "when"),
        ],
    )
    def test_bad_fields_raise(self, fields, field):
        """Each bad field raises ValidationError naming the field."""
        with pytest.raises(ValidationError) as info:
            Event(**fields)

        assert field == info.value.field

    def test_bad_edtf_raises_date_resolution_error(self):
        """A date string that is not EDTF is refused and named."""
        with pytest.raises(ValueError, match="25 Dec"):
            Event(id="a", title="A", when="25 Dec")

    def test_end_before_start_raises(self):
        """An event cannot certainly end before it starts."""
        with pytest.raises(ValidationError, match="ends"):
            Event(id="a", title="A", when="2025-01-28", ends="2025-01-27")

    def test_end_may_overlap_start(self):
        """A vague end that could be after the start is accepted."""
        e = Event(id="a", title="A", when="2025-01", ends="2025-01-15")

        assert When.day(2025, 1, 15) == e.ends


class TestSource:
    def test_fields(self):
        """A source has a name and optional url, publication date and quote."""
        s = Source("Example Wire", url="https://example.org/a", published="2025-02-10")

        assert pendulum.date(2025, 2, 10) == s.published
        assert s.quote is None

    @pytest.mark.parametrize(
        "fields",
        [{"name": ""}, {"name": "X", "url": 3}, {"name": "X", "published": "soon"}],
    )
    def test_bad_fields_raise(self, fields):
        """Bad source fields raise ValidationError."""
        with pytest.raises(ValidationError):
            Source(**fields)
