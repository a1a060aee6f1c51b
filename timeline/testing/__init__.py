"""
Hypothesis strategies and assertions for testing code that works with timelines.

The strategies follow Hypothesis' own conventions: plural nouns, keyword-only
options, strategies rather than values for the parts a test may want to control,
and `hypothesis.errors.InvalidArgument` for impossible arguments. Everything they
generate shrinks towards simple values: single days near 2000-01-01, few events,
few links.

>>> from hypothesis import given
>>> import timeline.testing as tt
>>> @given(tt.whens(bounded=True))
... def test_a_date_contains_itself(w):
...     assert w.contains(w)
>>> test_a_date_contains_itself()

`st.from_type(When)`, `st.from_type(Event)`, `st.from_type(Link)` and
`st.from_type(Timeline)` use these strategies too, without importing this module:
the package registers them through Hypothesis' entry point.

The package holds `strategies`, `assertions` and `solver` (an independent check of
consistency that `assert_consistent` uses). It needs Hypothesis: ``pip install 'timeline-tracker[testing]'``.
"""

from __future__ import annotations

try:
    import hypothesis  # noqa: F401
except ImportError as exc:  # pragma: no cover - exercised in a subprocess
    msg = (
        "timeline.testing needs Hypothesis; install it with "
        "pip install 'timeline-tracker[testing]'"
    )
    raise ImportError(msg, name=__name__) from exc

from .assertions import (
    assert_chronological,
    assert_consistent,
    assert_precedes,
    assert_same_chronology,
)
from .solver import _causal_cycle as _causal_cycle
from .solver import _stn_conflict as _stn_conflict
from .strategies import (
    Batch,
    DateLike,
    batches,
    dates,
    events,
    links,
    timelines,
    whens,
)

__all__ = [
    "Batch",
    "DateLike",
    "assert_chronological",
    "assert_consistent",
    "assert_precedes",
    "assert_same_chronology",
    "batches",
    "dates",
    "events",
    "links",
    "timelines",
    "whens",
]


def _register() -> None:
    """Register the strategies with `st.from_type`, as the entry point also does."""
    from .._hypothesis_plugin import _hypothesis_setup_hook

    _hypothesis_setup_hook()


_register()
