"""Chronologies the browser tests and the documentation's screenshots draw."""

from __future__ import annotations

from timeline import Event, Link, Relation, Timeline, When, formats


def outlier() -> Timeline:
    """Events of one year 2000 whose cause goes back 39 years, to 1961."""
    events = [
        Event(
            "convention",
            "A convention on diplomatic premises is signed",
            When.day(1961, 4, 18),
            kind="treaty",
            actors=["United Nations"],
        ),
        Event(
            "lease",
            "The embassy's lease runs out",
            When.month(2000, 3),
            kind="property",
            actors=["Embassy"],
        ),
        Event(
            "notice",
            "The host ministry asks the embassy to leave the building",
            When.day(2000, 4, 3),
            kind="note",
            actors=["Host ministry"],
        ),
        Event(
            "reply",
            "The embassy cites the 1961 convention in its reply",
            When.day(2000, 4, 5),
            kind="note",
            actors=["Embassy"],
        ),
        Event(
            "talks",
            "Talks over a new building",
            When.day(2000, 5, 2),
            ends=When.day(2000, 6, 20),
            kind="talks",
            actors=["Embassy", "Host ministry"],
        ),
        Event(
            "court",
            "A court case on the building drags on",
            When.month(2000, 4),
            ends=When.between("2000-09-01", "2000-10-31"),
            kind="court",
            actors=["Host ministry"],
        ),
        Event(
            "move",
            "The embassy moves to its new building",
            When.between("2000-07-01", "2000-07-31", approximate=True),
            kind="property",
            actors=["Embassy"],
        ),
        Event(
            "press",
            "Newspapers report the move",
            When.day(2000, 8, 2),
            kind="press",
            actors=["Press"],
        ),
    ]
    links = [
        Link("convention", "reply", Relation.ENABLED),
        Link("lease", "notice", Relation.PROMPTED),
        Link("notice", "reply", Relation.PROMPTED),
        Link("reply", "talks", Relation.PROMPTED),
        Link("talks", "move", Relation.CAUSED),
        Link("move", "press", Relation.PROMPTED),
        Link("notice", "court", Relation.BEFORE),
    ]
    return Timeline(events, links, name="An embassy moves, under a 1961 convention")


def example() -> Timeline:
    """The shipped example chronology."""
    return formats.example()
