"""
The constraint engine behind `Timeline`: points, constraints, bounds, order, reasons.

`network` holds the simple temporal network over events' start and end days (add
events and links in a transaction, read bounds, the chronological order and the
chains that explain them); `arrays` its whole-graph numpy steps; `wording` the
sentences that explain links and contradictions.

>>> from timeline.event import Event
>>> net = Network([Event("a", "A", when="2025-01-02", ends="2025-01-05")])
>>> net.end_bounds("a")
When.day(2025, 1, 5)
"""

from .network import FAR, MAX_DAY, MIN_DAY, Network, link_edges
from .wording import describe_link, difference

__all__ = [
    "FAR",
    "MAX_DAY",
    "MIN_DAY",
    "Network",
    "describe_link",
    "difference",
    "link_edges",
]
