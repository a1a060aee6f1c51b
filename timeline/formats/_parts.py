"""What a file holds, checked piece by piece, before it becomes a `Timeline`."""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs
import pendulum

from ..errors import ChronologyConflict, FormatError, TimelineError
from ..event import Event
from ..link import Link

if TYPE_CHECKING:
    from ..timeline import Timeline

__all__ = ["Parts"]


@attrs.frozen
class Parts:
    """
    The events, links, reference date and name a file gives, each valid on its own.

    `build()` puts them together (all or nothing); `diagnose()` lists every conflict
    among them instead, for ``timeline check``.
    """

    events: tuple[Event, ...]
    links: tuple[Link, ...]
    reference: pendulum.Date | None = None
    name: str | None = None
    path: str | None = None

    def build(self) -> Timeline:
        """
        The timeline these parts make.

        Raises:
            ChronologyConflict: the dates and links cannot all hold (with a note
                naming the file).
            FormatError: the timeline refuses the parts for another reason.
        """
        from ..timeline import Timeline  # the container imports the formats lazily

        try:
            return Timeline(
                self.events, self.links, reference=self.reference, name=self.name
            )
        except ChronologyConflict as exc:
            if self.path is not None:
                exc.add_note(f"while reading {self.path}")
            raise
        except TimelineError as exc:
            raise FormatError(self.path, str(exc)) from exc

    def diagnose(self) -> list[ChronologyConflict]:
        """Every conflict among the parts, without raising (see `Timeline.diagnose`)."""
        from ..timeline import Timeline

        return Timeline.diagnose(self.events, self.links)
