"""
Make ``st.from_type`` know timeline's types, through Hypothesis' entry point.

Hypothesis calls `_hypothesis_setup_hook` when it is imported (the ``hypothesis``
entry point in pyproject.toml). The hook only registers functions; each imports
`timeline.testing` when Hypothesis first asks it for a strategy. Importing
`timeline.testing` here instead would be circular whenever `timeline.testing` is
imported before Hypothesis: it imports Hypothesis, which runs this hook, which
would import the half-initialised `timeline.testing`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from hypothesis.strategies import SearchStrategy

    from .event import Event
    from .link import Link
    from .timeline import Timeline
    from .when import When

__all__: list[str] = []


def _whens(_: type[When]) -> SearchStrategy[When]:
    from .testing import whens

    return whens()


def _events(_: type[Event]) -> SearchStrategy[Event]:
    from .testing import events

    return events()


def _links(_: type[Link]) -> SearchStrategy[Link]:
    from .testing import links

    return links()


def _timelines(_: type[Timeline]) -> SearchStrategy[Timeline]:
    from .testing import timelines

    return timelines()


def _hypothesis_setup_hook() -> None:
    """Register strategies for `When`, `Event`, `Link` and `Timeline`."""
    from hypothesis import strategies as st

    from .event import Event
    from .link import Link
    from .timeline import Timeline
    from .when import When

    st.register_type_strategy(When, _whens)
    st.register_type_strategy(Event, _events)
    st.register_type_strategy(Link, _links)
    st.register_type_strategy(Timeline, _timelines)
