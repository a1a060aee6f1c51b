"""
The constraint engine's public face: date bounds propagated over links.

The engine lives in the private package `timeline._engine`; this module keeps the
names that earlier versions documented. See `timeline._engine.network` for how
events' start and end days and the links between them become a simple temporal
network.

>>> from timeline.event import Event
>>> from timeline.link import Link
>>> net = Network([Event("a", "A", when="2025-01-01"), Event("b", "B")], [Link("a", "b", "before")])
>>> net.bounds("b")
When.from_edtf('2025-01-02/..')
"""

from ._engine import FAR, MAX_DAY, MIN_DAY, Network, describe_link, link_edges

__all__ = ["FAR", "MAX_DAY", "MIN_DAY", "Network", "describe_link", "link_edges"]
