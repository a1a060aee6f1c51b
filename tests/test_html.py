"""Tests for the pictures: the HTML page and its layout, notebook HTML, repr, and the figure."""

from __future__ import annotations

import datetime
import itertools
import re
import sys
from html.parser import HTMLParser

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from timeline import (
    Event,
    Link,
    Source,
    Timeline,
    ValidationError,
    When,
    formats,
)
from timeline._display import MAX_ITEMS, timeline_repr
from timeline.formats._layout import (
    LANE_MODES,
    arrow_path,
    layout,
    scale_for,
    ticks,
)
from timeline.testing import timelines

from . import test_formats_exports as _exports
from .test_formats_exports import NASTY

# The exports' fixture: text that every format must escape, dates of every shape.
tricky = _exports.tricky


@pytest.fixture(scope="module")
def example() -> Timeline:
    return formats.example()


class _Checker(HTMLParser):
    """Checks that elements nest properly and collects text and the attributes of tags."""

    VOID = frozenset({"meta", "br", "path", "circle", "rect", "line"})

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.text: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        if tag in self.VOID:
            return
        assert self.stack[-1:] == [tag], f"</{tag}> closes {self.stack[-1:]}"
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def having(self, tag: str, cls: str) -> list[dict[str, str | None]]:
        return [
            a
            for t, a in self.tags
            if t == tag and cls in (a.get("class") or "").split()
        ]


def _parse(page: str) -> _Checker:
    checker = _Checker()
    checker.feed(page)
    checker.close()
    return checker


class TestPage:
    def test_well_formed_and_escaped(self, tricky: Timeline):
        """Elements nest, titles come back unescaped as text, nothing is injected."""
        page = formats.to_html(tricky)
        checker = _parse(page)

        assert checker.stack == []
        assert "<b>bold</b>" not in page
        assert any(NASTY in chunk for chunk in checker.text)

    def test_fetches_nothing(self, example: Timeline):
        """A CSP forbids requests, and no element has a source or link outside the page."""
        page = formats.to_html(example)
        checker = _parse(page)
        refs = [a.get("src") or a.get("href") for _, a in checker.tags]

        assert "default-src 'none'" in page
        assert "://" not in page
        assert [r for r in refs if r is not None and not r.startswith("#")] == []

    def test_an_element_per_event_and_link(self, example: Timeline):
        """One focusable group per event, one path per link, causal ones marked."""
        checker = _parse(formats.to_html(example))
        groups = checker.having("g", "event")
        paths = [p for p in checker.having("path", "link") if p.get("data-relation")]

        assert [g["data-id"] for g in groups] == [e.id for e in example.chronology()]
        assert all(g["tabindex"] == "0" for g in groups)
        assert len(paths) == len(example.links)
        assert sum(1 for k in example.links if k.relation.is_causal) == sum(
            1 for p in paths if "causal" in str(p["class"])
        )

    def test_marks_say_what_is_known(self, tricky: Timeline):
        """A point for a known day, hatching for possible days, a bar for what lasted, a line for an open side."""
        checker = _parse(formats.to_html(tricky))
        kinds: dict[str, list[str]] = {}
        event = None
        for tag, a in checker.tags:
            if tag == "g" and "event" in (a.get("class") or ""):
                event = a["data-id"]
                kinds[str(event)] = []
            elif "mk" in (a.get("class") or "").split():
                kinds[str(event)].append(str(a["class"]).split()[1])

        assert kinds["a"] == ["point"]
        assert kinds["span"] == ["possible"]
        assert kinds["year"] == ["possible", "certain", "possible"]
        assert kinds["open"] == ["open"]
        assert kinds["nothing"] == []
        assert "approximate" in str(checker.having("g", "event")[-2:])

    def test_details_for_hover_and_focus(self, tricky: Timeline):
        """Each event carries its full title, date, words and sources for the tooltip."""
        checker = _parse(formats.to_html(tricky))
        a = next(g for g in checker.having("g", "event") if g["data-id"] == "a")

        assert a["data-title"] == NASTY
        assert a["data-date"] == "2025-01-28"
        assert a["data-words"] == "Words: 28 января"
        assert a["data-sources"] == "Sources: Wire; Inc."
        assert a["data-who"] == "X, Y, Baku, Azerbaijan"
        assert a["data-links"] == "Links: month caused this; span came before this"

    def test_legend_and_table(self, tricky: Timeline):
        """The legend explains the marks; the table lists every event, the undated too."""
        page = formats.to_html(tricky)

        assert "possible days" in page
        assert "time left out of the axis" in page
        assert page.count("<tr><td>") == len(tricky)
        assert "<td>date unknown</td><td>Nothing known</td>" in page

    def test_empty(self):
        """An empty timeline is still a page."""
        page = formats.to_html(Timeline())

        assert _parse(page).stack == []
        assert "</html>" in page

    def test_disputes_are_marked(
        self, tricky: Timeline, monkeypatch: pytest.MonkeyPatch
    ):
        """Where the timeline lists disputes (claims), the event gets a mark and the legend a line."""

        @attrs.frozen
        class Claim:
            event_id: str

        @attrs.frozen
        class Dispute:
            claim: Claim
            explanation: str

        found = [Dispute(Claim("span"), "one source says 2024-12-01")]
        monkeypatch.setattr(Timeline, "disputes", lambda self: found, raising=False)
        checker = _parse(formats.to_html(tricky))
        span = next(g for g in checker.having("g", "event") if g["data-id"] == "span")

        assert span["data-dispute"] == "Disputed: one source says 2024-12-01"
        assert (
            len(checker.having("text", "dispute")) == 2
        )  # the event's and the legend's

    def test_no_disputes_no_mark(self, tricky: Timeline):
        """Without claims there is no dispute mark, and the legend does not mention it."""
        page = formats.to_html(tricky)

        assert "disputed" not in page.lower()

    def test_export_by_name(self, tricky: Timeline):
        """`timeline export --to html` and `t.to_html()` give the same page."""

        assert formats.export(tricky, "html") == tricky.to_html()


day_lists = st.lists(
    st.integers(1, datetime.date.max.toordinal()) | st.integers(700_000, 760_000),
    min_size=1,
    max_size=30,
)


class TestScale:
    @given(days=day_lists, probes=st.lists(st.floats(0, 3_700_000), max_size=20))
    def test_monotone_and_inside(self, days: list[int], probes: list[float]):
        """A later day is never left of an earlier one, and every x is within the plot."""
        scale = scale_for(days, width=800.0)
        xs = [scale.x(d) for d in sorted(probes + days)]

        assert xs == sorted(xs)
        assert all(0.0 <= x <= 800.0 for x in xs)

    @given(days=day_lists)
    def test_segments_hold_every_day(self, days: list[int]):
        """Every key day falls inside a segment, and segments are apart and in order."""
        segs = scale_for(days, width=800.0).segments

        assert all(any(s.lo <= d < s.hi for s in segs) for d in days)
        assert all(a.hi < b.lo and a.x1 < b.x0 for a, b in itertools.pairwise(segs))

    def test_outlier_gets_a_break_not_the_width(self):
        """A day 40 years before a year of events is cut off: the year keeps most of the width."""
        year = [datetime.date(2000, m, 1).toordinal() for m in range(1, 13)]
        scale = scale_for([datetime.date(1961, 4, 18).toordinal(), *year], width=900.0)

        assert len(scale.segments) == 2
        assert scale.segments[1].x1 - scale.segments[1].x0 > 0.8 * 900

    def test_one_cluster_no_break(self):
        """Days a few weeks apart share one segment."""
        days = [datetime.date(2025, 1, d).toordinal() for d in (3, 9, 27, 28)]

        assert len(scale_for(days).segments) == 1

    @pytest.mark.parametrize(
        "when",
        [When.day(1, 1, 1), When.day(9999, 12, 31), When.year(9999), When.year(1)],
    )
    def test_ends_of_the_calendar(self, when: When):
        """The first and last days there are still get an axis, ticks and a page."""
        t = Timeline([Event("e", "E", when), Event("f", "F", "2000-01-01")])
        scale = layout(t).scale

        assert ticks(scale)
        assert scale.segments[0].lo >= 1
        assert '<g class="event' in formats.to_html(t)

    def test_two_days_no_break(self):
        """Two days far apart keep one axis: cutting would give nothing more room."""
        days = [datetime.date(y, 1, 1).toordinal() for y in (1961, 2000)]

        assert len(scale_for(days).segments) == 1


class TestTicks:
    @pytest.mark.parametrize(
        ("start", "end", "label"),
        [
            ("2025-01-01", "2025-01-20", re.compile(r"\d+ [A-Z][a-z]{2}( \d{4})?")),
            ("2020-01-01", "2025-01-01", re.compile(r"[A-Z][a-z]{2}( \d{4})?")),
            ("1900-01-01", "2025-01-01", re.compile(r"\d{4}")),
            ("2024-01-15", "2024-11-15", re.compile(r"[A-Z][a-z]{2}( \d{4})?")),
        ],
    )
    def test_units_fit_the_range(self, start: str, end: str, label: re.Pattern[str]):
        """Days for weeks, months for a year, years for decades; never crowded."""
        lo, hi = (datetime.date.fromisoformat(d).toordinal() for d in (start, end))
        days = range(lo, hi + 1, max(1, (hi - lo) // 20))  # no gap to cut
        found = ticks(scale_for(days, width=900.0))

        assert 2 <= len(found) <= 20
        assert all(label.fullmatch(t.label) for t in found)
        assert all(b.x - a.x >= 35 for a, b in itertools.pairwise(found))


def _overlap(
    a: tuple[float, float, float, float], b: tuple[float, float, float, float]
) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


class TestLayout:
    @given(t=timelines(max_events=12))
    def test_boxes_never_overlap(self, t: Timeline):
        """In every lane mode, no two events' boxes (marks and label) overlap."""
        lay = layout(t)
        for mode in range(len(LANE_MODES)):
            boxes = [
                (b.left, b.y[mode], b.right, b.y[mode] + b.height) for b in lay.events
            ]
            for i, a in enumerate(boxes):
                assert not any(_overlap(a, b) for b in boxes[i + 1 :])

    @given(t=timelines(max_events=12))
    def test_lanes_stack_and_hold_their_events(self, t: Timeline):
        """Lanes follow one another; each event's row is inside its own lane."""
        lay = layout(t)
        for mode in range(len(LANE_MODES)):
            lanes = {lane.name: lane for lane in lay.lanes[mode]}
            for box in lay.events:
                lane = lanes[box.lanes[mode]]
                assert lane.y <= box.y[mode] < lane.y + lane.height
            assert lay.heights[mode] == sum(lane.height for lane in lanes.values())

    def test_days_that_last(self):
        """An event from one known day to another is one bar over both, nothing hatched."""
        t = Timeline([Event("talks", "Talks", "2000-05-02", ends="2000-06-20")])
        box = layout(t).events[0]
        x = layout(t).scale.x

        assert [m.kind for m in box.marks] == ["certain"]
        assert box.marks[0].x0 == x(datetime.date(2000, 5, 2).toordinal())
        assert box.marks[0].x1 == x(datetime.date(2000, 6, 21).toordinal())

    def test_full_titles(self, tricky: Timeline):
        """Titles are wrapped, never cut."""
        lay = layout(tricky)
        month = next(b for b in lay.events if b.id == "month")

        assert " ".join(month.lines) == tricky["month"].title.strip()


class TestArrows:
    def test_forward_is_an_s_curve(self):
        """A link to a later event curves forward, its control points between the ends."""
        assert (
            arrow_path(0, 0, 100, 40, 0)
            == "M 0.0 0.0 C 50.0 0.0, 50.0 40.0, 100.0 40.0"
        )

    def test_same_day_links_bow_apart(self):
        """Links between events of the same days bow out to the left, each wider than the last."""
        first, second = arrow_path(50, 0, 50, 40, 0), arrow_path(50, 0, 50, 40, 1)

        assert first == "M 50.0 0.0 C 34.0 0.0, 34.0 40.0, 50.0 40.0"
        assert second == "M 50.0 0.0 C 27.0 0.0, 27.0 40.0, 50.0 40.0"


class TestRepr:
    def test_lists_events_and_links(self, tricky: Timeline):
        """Each event on a line (id, asserted date, inferred date, title), then each link."""
        text = repr(tricky)

        assert text.startswith("<Timeline 'Tricky \"name\"': 7 events, 2 links\n")
        assert "  year     2021 until 2024" in text
        assert "  month caused a" in text
        assert text.endswith("  span came before a>")

    def test_singular(self):
        """One event and one link are not "1 links"."""
        t = Timeline(
            [Event("a", "A", "2025-01-01"), Event("b", "B", "2025-01-02")],
            [Link("a", "b")],
        )
        t.remove("b")
        t.add_event(Event("c", "C", "2025-01-03"))
        t.link("a", "c")

        assert timeline_repr(t).splitlines()[0] == "<Timeline: 2 events, 1 link"
        assert timeline_repr(Timeline([Event("a", "A")])).startswith(
            "<Timeline: 1 event, 0 links"
        )

    def test_cut_past_a_size(self):
        """Past `MAX_ITEMS` events or links, it says how many more."""
        events = [
            Event(f"e{i:02}", f"E{i}", When.day(2025, 1, i + 1)) for i in range(20)
        ]
        links = [Link(f"e{i:02}", f"e{i + 1:02}") for i in range(19)]
        lines = repr(Timeline(events, links)).splitlines()

        assert f"  ... and {20 - MAX_ITEMS} more events" in lines
        assert f"  ... and {19 - MAX_ITEMS} more links>" in lines
        assert len(lines) == 1 + MAX_ITEMS + 1 + MAX_ITEMS + 1


class TestNotebook:
    def test_timeline(self, tricky: Timeline):
        """A notebook shows the same picture, compact, with the table folded away."""
        html = tricky._repr_html_()

        assert html.startswith('<div class="tlv"')
        assert html.count('<g class="event') == len(tricky)
        assert "<details><summary>" in html
        assert "<!DOCTYPE" not in html

    def test_event(self, tricky: Timeline):
        """An event shows its title, date, words and sources, escaped."""
        html = tricky["a"]._repr_html_()

        assert "&lt;b&gt;bold&lt;/b&gt;" in html
        assert "<code>2025-01-28</code>" in html
        assert "28 января" in html
        assert "Wire; Inc." in html
        quoted = Event("q", "Q", sources=[Source("S", quote="on <Tuesday>")])
        assert "\u201con &lt;Tuesday&gt;\u201d" in quoted._repr_html_()

    def test_when(self):
        """A date shows its EDTF, its unit or span in words, and the words it came from."""
        unknown = When.unknown()._repr_html_()
        open_end = When.between("2025-01-01", None, text="since <then>")._repr_html_()

        assert "<code>..</code>" in unknown or "date unknown" in unknown
        assert "2025-01-01 or later" in open_end
        assert "since &lt;then&gt;" in open_end


class TestPlot:
    def test_figure(self, tricky: Timeline):
        """`t.plot()` gives a matplotlib Figure with one axes, a legend and the title."""
        fig = tricky.plot(lanes="actor")

        assert type(fig).__name__ == "Figure"
        assert len(fig.axes) == 1
        assert fig.legends
        assert fig.get_suptitle() == 'Tricky "name"'

    def test_bad_lanes(self, tricky: Timeline):
        """An unknown lane mode is refused and named."""
        with pytest.raises(ValidationError, match="lanes"):
            tricky.plot(lanes="colour")

    def test_missing_extra(self, tricky: Timeline, monkeypatch: pytest.MonkeyPatch):
        """Without matplotlib, the error names the extra to install."""
        monkeypatch.setitem(sys.modules, "matplotlib.figure", None)

        with pytest.raises(ImportError, match=r"timeline-tracker\[plot\]"):
            tricky.plot()


class TestDiagrams:
    def test_gantt(self, tricky: Timeline):
        """A task per bounded event: milestones for known days, lighter bars for uncertain ones."""
        text = formats.to_mermaid_gantt(tricky)
        tasks = [
            line
            for line in text.splitlines()
            if re.fullmatch(
                r"    [^:]+ :(milestone, |active, )?e\d+, \d{4}-\d\d-\d\d, \d+d", line
            )
        ]

        assert text.startswith('gantt\n    title Tricky "name"\n')
        assert len(tasks) == 5  # "open" and "nothing" have no bounded date
        assert "    A year (2021 until 2024) :active, e1, 2021-01-01, 1461d" in text
        assert ":milestone, e6, 2025-01-28, 0d" in text
        assert "%% no bounded date: Open ended" in text

    def test_gantt_keeps_separators_out_of_names(self):
        """Colons, semicolons and hashes in titles cannot break a task line."""
        t = Timeline([Event("a", "Talks: #2; 50% done", "2025-01-27")])

        assert "    Talks - no. 2, 50 per cent done :milestone, e0, 2025-01-27, 0d" in (
            formats.to_mermaid_gantt(t)
        )

    def test_flowchart_and_dot_show_spans(self, tricky: Timeline):
        """An event that lasts shows its end in both diagrams; DOT fills its box."""
        dot = formats.to_dot(tricky)

        assert "2021 until 2024<br/>A year" in formats.to_mermaid(tricky)
        assert '"year" [label="2021 until 2024\\nA year", style="rounded,filled"' in dot
        assert dot.count('style="rounded,filled"') == 1

    def test_gantt_by_name(self, tricky: Timeline):
        """`timeline export --to mermaid-gantt` gives the chart."""

        assert formats.export(tricky, "mermaid-gantt") == formats.to_mermaid_gantt(
            tricky
        )
