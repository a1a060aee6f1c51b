"""
Where things go in a picture of a timeline: a time axis with breaks, marks, lanes, arrows.

The HTML page and the matplotlib figure both draw from this one layout, in "world"
pixels: x from 0 to the plot's width at the zoom that fits everything, y from the top
of the first lane.

>>> from timeline import formats
>>> lay = layout(formats.example())
>>> len(lay.scale.segments), lay.events[2].id, lay.events[2].lanes
(4, 'crash', ('accident', 'Azerbaijan Airlines', ''))
"""

from __future__ import annotations

import bisect
import datetime
import heapq
import textwrap
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Final, Literal

import attrs

from ._common import describe, inferred

if TYPE_CHECKING:
    from ..event import Event
    from ..timeline import Timeline
    from ..when import When

__all__ = [
    "LANE_MODES",
    "Box",
    "Layout",
    "Mark",
    "Scale",
    "Segment",
    "Tick",
    "arrow_path",
    "layout",
    "scale_for",
    "text_px",
    "ticks",
]

LANE_MODES: Final = ("kind", "actor", "none")
"""How events may be grouped into lanes: by `kind`, by first actor, or all in one."""

PLOT_W: Final = 900.0
BREAK_PX: Final = 26.0  # the width of the band that stands for skipped time
MIN_SEGMENT_PX: Final = 60.0
FONT_PX: Final = 12.0  # the labels' font size
LINE_PX: Final = 15.0
WRAP: Final = 34  # characters per label line
MARK_Y: Final = 10.0  # the mark's line within its row
ROW_PAD: Final = 10.0
LANE_PAD: Final = 12.0
_MIN_BREAK_DAYS: Final = 60
_MAX_BREAKS: Final = 8
_STEP: Final = 20.0  # boxes whose left edges are this close are packed in date order
_LAST_DAY: Final = datetime.date.max.toordinal()


# Character widths in em, rounded up from DejaVu Sans, the widest of the common
# sans-serif faces, so that a label never takes more room than the layout gave it.
_NARROW: Final = frozenset("ijlI.,;:!|'`")
_THIN: Final = frozenset('frt ()[]-/"')
_WIDE: Final = frozenset("mwMW@%")


def _em(c: str) -> float:
    if c in _NARROW:
        return 0.33
    if c in _THIN:
        return 0.45
    if c in _WIDE:
        return 1.0
    if c.isascii():
        return 0.8 if c.isupper() else 0.66
    return 0.8  # other scripts: Cyrillic capitals are as wide as Latin ones


def text_px(text: str) -> float:
    """
    A width that *text* at `FONT_PX` does not exceed in common sans-serif fonts.

    >>> round(text_px("Ambassador summoned"))
    159
    """
    return sum(_em(c) for c in text) * FONT_PX


@attrs.frozen
class Segment:
    """A stretch of days drawn at one scale: days ``lo`` (inclusive) to ``hi`` (exclusive)."""

    lo: int
    hi: int
    x0: float
    x1: float

    def x(self, day: float) -> float:
        return self.x0 + (day - self.lo) * (self.x1 - self.x0) / (self.hi - self.lo)


@attrs.frozen
class Scale:
    """
    Days (proleptic Gregorian ordinals) to x, linear within each segment, with a break
    band between segments where empty time is skipped.

    >>> s = scale_for([738000, 738010], width=100.0)
    >>> s.x(738000) < s.x(738005) < s.x(738010)
    True
    """

    segments: tuple[Segment, ...]
    width: float

    def x(self, day: float) -> float:
        segs = self.segments
        i = bisect.bisect_right([s.lo for s in segs], day) - 1
        if i < 0:
            return segs[0].x0
        s = segs[i]
        if day <= s.hi:
            return s.x(day)
        if i + 1 == len(segs):
            return s.x1
        nxt = segs[i + 1]  # in the break band: straight across it
        return s.x1 + (day - s.hi) * (nxt.x0 - s.x1) / (nxt.lo - s.hi)

    def to_data(self) -> list[list[float]]:
        return [[s.lo, s.hi, s.x0, s.x1] for s in self.segments]


def _clusters(keys: list[int]) -> list[tuple[int, int]]:
    """The runs of key days left once the longest empty stretches are cut out."""
    gaps = sorted(range(len(keys) - 1), key=lambda i: keys[i] - keys[i + 1])
    remaining = keys[-1] - keys[0]
    cut: list[int] = []
    for i in gaps[:_MAX_BREAKS]:
        # Cut a long gap that takes a third of the axis or more, when cutting it
        # gives other days room to spread (not when it is all there is).
        gap = keys[i + 1] - keys[i]
        if gap < max(_MIN_BREAK_DAYS, remaining / 3) or gap == remaining:
            break
        cut.append(i)
        remaining -= gap
    runs, start = [], 0
    for i in sorted(cut):
        runs.append((keys[start], keys[i]))
        start = i + 1
    runs.append((keys[start], keys[-1]))
    return runs


def scale_for(days: Iterable[int], width: float = PLOT_W) -> Scale:
    """
    The axis for these key days: stretches far apart become segments of their own,
    each at least `MIN_SEGMENT_PX` wide, with the rest of the width shared by days.

    >>> s = scale_for([715000, 738000, 738020], width=500.0)
    >>> [(g.lo, g.hi) for g in s.segments]
    [(714999, 715002), (737999, 738021)]
    """
    keys = sorted(set(days))
    if not keys:
        keys = [730120]  # nothing dated: any day will do (2000-01-01)
    runs = _clusters(keys)
    bounds = []
    for lo, hi in runs:
        pad = max(1, (hi - lo) // 25)
        # Stay within the calendar: day 1 is 0001-01-01, the last 9999-12-31.
        bounds.append((max(lo - pad, 1), min(hi + pad + (hi == lo), _LAST_DAY + 1)))
    total = sum(hi - lo for lo, hi in bounds)
    free = width - BREAK_PX * (len(bounds) - 1)
    spare = max(free - MIN_SEGMENT_PX * len(bounds), 0.0)
    minimum = min(MIN_SEGMENT_PX, free / len(bounds))
    segments, x = [], 0.0
    for lo, hi in bounds:
        w = minimum + spare * (hi - lo) / total
        segments.append(Segment(lo, hi, x, min(x + w, width)))
        x += w + BREAK_PX
    return Scale(tuple(segments), width)


@attrs.frozen
class Tick:
    """A labelled line on the axis at the start of a calendar unit."""

    x: float
    label: str


_UNITS: Final = (
    ("day", 1, 74),
    ("day", 2, 74),
    ("week", 7, 74),
    ("month", 1, 60),
    ("month", 3, 60),
    ("month", 6, 60),
    ("year", 1, 40),
    ("year", 2, 40),
    ("year", 5, 40),
    ("year", 10, 40),
    ("year", 25, 40),
    ("year", 50, 40),
    ("year", 100, 40),
)
_DAYS_IN: Final = {"day": 1, "week": 1, "month": 30.44, "year": 365.25}


def _starts(unit: str, n: int, lo: int, hi: int) -> Iterable[datetime.date]:
    """The first day of every *n*-th *unit* from day *lo* to before *hi*."""
    first = datetime.date.fromordinal(lo)
    if unit in ("day", "week"):
        step = n if unit == "day" else 7
        begin = lo + (-lo % step if unit == "day" else -(lo - 1) % 7)  # weeks: Mondays
        last = min(hi, _LAST_DAY + 1)
        yield from (datetime.date.fromordinal(k) for k in range(begin, last, step))
        return
    if unit == "month":
        m = first.year * 12 + first.month - 1
        m += -m % n
        while (
            m < 12 * 10000
            and (d := datetime.date(m // 12, m % 12 + 1, 1)).toordinal() < hi
        ):
            if d.toordinal() >= lo:
                yield d
            m += n
        return
    y = first.year + -first.year % n
    while y <= 9999 and (d := datetime.date(y, 1, 1)).toordinal() < hi:
        if d.toordinal() >= lo:
            yield d
        y += n


def ticks(scale: Scale, zoom: float = 1.0) -> list[Tick]:
    """
    Labelled ticks for each segment at the finest calendar unit that leaves room for
    the labels (the page's script does the same at each zoom).

    >>> [t.label for t in ticks(scale_for([715000, 738000, 738030], width=600.0))]
    ['9 Aug 1958', '2 Aug 2021', '9 Aug', '16 Aug', '23 Aug']
    """
    out = []
    for s in scale.segments:
        per_day = (s.x1 - s.x0) * zoom / (s.hi - s.lo)
        unit, n, _ = next(
            (u for u in _UNITS if u[1] * _DAYS_IN[u[0]] * per_day >= u[2]), _UNITS[-1]
        )
        for k, d in enumerate(_starts(unit, n, s.lo, s.hi)):
            if unit == "year":
                label = str(d.year)
            elif unit == "month":
                label = (
                    d.strftime("%b %Y") if k == 0 or d.month == 1 else d.strftime("%b")
                )
            else:
                label = f"{d.day} {d:%b}" + (f" {d.year}" if k == 0 else "")
            out.append(Tick(s.x(d.toordinal()), label))
        if not any(s.x0 <= t.x <= s.x1 for t in out):  # no unit starts here: name a day
            d = datetime.date.fromordinal((s.lo + s.hi) // 2)
            out.append(Tick(s.x(d.toordinal()), f"{d.day} {d:%b %Y}"))
    return out


@attrs.frozen
class Mark:
    """
    One piece of an event's drawing, from ``x0`` to ``x1``: a ``point`` (a known
    day), ``possible`` days (hatched), a ``certain`` stretch of an event that lasts,
    or an ``open`` side with no bound.
    """

    kind: Literal["point", "possible", "certain", "open"]
    x0: float
    x1: float


@attrs.frozen
class Box:
    """An event's place in the picture: its marks, its wrapped label, its row in each lane mode."""

    id: str
    marks: tuple[Mark, ...]
    anchor: float  # where arrows meet it: its first possible start day
    label_x: float
    lines: tuple[str, ...]
    lanes: tuple[str, str, str]  # its lane in each of LANE_MODES
    y: tuple[float, float, float]  # the top of its row in each of LANE_MODES
    start: When
    end: When | None

    @property
    def left(self) -> float:
        return min([self.label_x] + [m.x0 for m in self.marks])

    @property
    def right(self) -> float:
        width = max(text_px(line) for line in self.lines)
        return max([self.label_x + width] + [m.x1 for m in self.marks])

    @property
    def height(self) -> float:
        return MARK_Y + 6 + LINE_PX * len(self.lines) + ROW_PAD


@attrs.frozen
class Lane:
    """A band of rows for the events that share a kind or an actor."""

    name: str
    y: float
    height: float


@attrs.frozen
class Layout:
    """Everything placed: the scale, each event's box, each mode's lanes and height."""

    scale: Scale
    events: tuple[Box, ...]
    lanes: tuple[tuple[Lane, ...], tuple[Lane, ...], tuple[Lane, ...]]
    heights: tuple[float, float, float]


def _end_bounds(t: Timeline, e: Event) -> When | None:
    """The end's inferred bounds where the timeline knows them, else the event's own `ends`."""
    end_bounds: Callable[[str], When] | None = getattr(t, "end_bounds", None)
    if e.ends is None:
        return None
    return e.ends if end_bounds is None else end_bounds(e.id)


def _key_days(start: When, end: When | None) -> list[int]:
    days = [start.earliest, start.latest] + (
        [] if end is None else [end.earliest, end.latest]
    )
    return [d.toordinal() + (i % 2) for i, d in enumerate(days) if d is not None]


def _marks(scale: Scale, start: When, end: When | None) -> tuple[Mark, ...]:
    """The pieces that draw an event: its possible start days, what certainly lasted, its possible end days."""
    x = scale.x
    lo, hi = start.earliest, start.latest
    last = end if end is not None and not end.is_unknown else None
    if lo is None and hi is None:
        return ()
    if lo is not None and lo == hi and last is None:
        centre = x(lo.toordinal() + 0.5)
        return (Mark("point", centre, centre),)
    marks: list[Mark] = []
    if lo is None or hi is None:
        known = x(lo.toordinal()) if lo is not None else x(hi.toordinal() + 1)  # type: ignore[union-attr]
        edge = scale.width if hi is None else 0.0
        marks.append(Mark("open", min(known, edge), max(known, edge)))
    elif lo != hi:
        marks.append(Mark("possible", x(lo.toordinal()), x(hi.toordinal() + 1)))
    if last is None:
        return tuple(marks)
    # What certainly went on runs from the last possible start to the first possible end.
    from_x = x(hi.toordinal() + (0 if lo == hi else 1)) if hi is not None else None
    e_lo, e_hi = last.earliest, last.latest
    ending: list[Mark] = []
    if e_lo is None:  # ended on or before a day: it may have ended right after it began
        to_x = from_x
        ending.append(Mark("open", from_x or 0.0, x(e_hi.toordinal() + 1)))  # type: ignore[union-attr]
    elif e_hi is None:
        to_x = x(e_lo.toordinal())
        ending.append(Mark("open", to_x, scale.width))
    elif e_lo == e_hi:
        to_x = x(e_lo.toordinal() + 1)
    else:
        to_x = x(e_lo.toordinal())
        ending.append(Mark("possible", to_x, x(e_hi.toordinal() + 1)))
    if from_x is not None and to_x is not None and to_x > from_x:
        marks.append(Mark("certain", from_x, to_x))
    return tuple(m for m in marks + ending if m.x1 >= m.x0)


def _anchor(marks: tuple[Mark, ...]) -> float:
    # Links constrain starts, so arrows meet an event at its first possible day (or
    # its one known side): labels run rightwards from there, out of the arrows' way.
    first = marks[0]
    if first.kind == "open":
        return first.x1 if first.x0 == 0.0 else first.x0
    return first.x0


def _lanes_of(e: Event) -> tuple[str, str, str]:
    return (e.kind or "(no kind)", e.actors[0] if e.actors else "(no actor)", "")


def _pack(
    boxes: list[Box], mode: int
) -> tuple[dict[str, float], tuple[Lane, ...], float]:
    """
    Rows within lanes, so no two boxes overlap: in order of left edge (in steps of
    `_STEP` px, chronological within a step, so a cause sits above what it caused), each box
    takes the lowest row that is free by then (heaps keep this near-linear).
    """
    lanes: dict[str, list[tuple[int, int, Box]]] = {}
    for i, b in enumerate(boxes):
        lanes.setdefault(b.lanes[mode], []).append((int(b.left // _STEP), i, b))
    tops: dict[str, float] = {}
    placed: list[Lane] = []
    y = 0.0
    for name, members in lanes.items():
        heights: list[float] = []
        busy: list[tuple[float, int]] = []  # (right edge, row) of rows in use
        free: list[int] = []  # rows whose last box ended before the current one
        row_of: dict[str, int] = {}
        for _, _, b in sorted(members, key=lambda m: m[:2]):
            # A box may start up to _STEP px left of one placed before it.
            while busy and busy[0][0] + _STEP + 8 < b.left:
                heapq.heappush(free, heapq.heappop(busy)[1])
            if free:
                r = heapq.heappop(free)
                heights[r] = max(heights[r], b.height)
            else:
                r = len(heights)
                heights.append(b.height)
            heapq.heappush(busy, (b.right, r))
            row_of[b.id] = r
        offsets = [y + LANE_PAD]
        for h in heights:
            offsets.append(offsets[-1] + h)
        for id, r in row_of.items():
            tops[id] = offsets[r]
        height = offsets[-1] - y + LANE_PAD
        placed.append(Lane(name, y, height))
        y += height
    return tops, tuple(placed), y


def layout(t: Timeline, width: float = PLOT_W) -> Layout:
    """Place every event of *t*: the axis, the marks, the labels, the rows in each lane mode."""
    events = t.chronology()
    dates = [(inferred(t, e), _end_bounds(t, e)) for e in events]
    scale = scale_for([d for s, end in dates for d in _key_days(s, end)], width)
    boxes = []
    for e, (start, end) in zip(events, dates, strict=True):
        marks = _marks(scale, start, end)
        lines = tuple(textwrap.wrap(e.title, WRAP, break_long_words=True)) or (e.title,)
        label_w = max(text_px(line) for line in lines)
        anchor = _anchor(marks) if marks else 0.0
        left = marks[0].x0 if marks and marks[0].kind != "open" else anchor
        label_x = max(0.0, min(left - 3, width - label_w))
        boxes.append(
            Box(
                e.id, marks, anchor, label_x, lines, _lanes_of(e), (0, 0, 0), start, end
            )
        )
    packed = [_pack(boxes, mode) for mode in range(len(LANE_MODES))]
    boxes = [
        attrs.evolve(b, y=(packed[0][0][b.id], packed[1][0][b.id], packed[2][0][b.id]))
        for b in boxes
    ]
    return Layout(
        scale,
        tuple(boxes),
        (packed[0][1], packed[1][1], packed[2][1]),
        (packed[0][2], packed[1][2], packed[2][2]),
    )


def arrow_path(x1: float, y1: float, x2: float, y2: float, bow: int) -> str:
    """
    An arrow from one event's anchor to another's: an S-curve when the target is well
    to the right, else a bow out to the left, wider for each further link between
    events of the same days (so parallel links do not lie on one another).

    >>> arrow_path(0, 0, 100, 20, 0)
    'M 0.0 0.0 C 50.0 0.0, 50.0 20.0, 100.0 20.0'
    """
    if x2 - x1 > 24:
        c = (x2 - x1) / 2
        return f"M {x1:.1f} {y1:.1f} C {x1 + c:.1f} {y1:.1f}, {x2 - c:.1f} {y2:.1f}, {x2:.1f} {y2:.1f}"
    b = 16 + 7 * bow
    return f"M {x1:.1f} {y1:.1f} C {x1 - b:.1f} {y1:.1f}, {x2 - b:.1f} {y2:.1f}, {x2:.1f} {y2:.1f}"


def date_words(start: When, end: When | None) -> str:
    """The date in words, with the end for an event that lasts."""
    text = describe(start)
    return text if end is None or end.is_unknown else f"{text} until {describe(end)}"
