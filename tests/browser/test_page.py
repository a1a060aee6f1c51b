"""Tests for the HTML export in a real browser: headless Chromium loads the page."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

import pytest

from tests.browser.pages import example, outlier
from timeline import Timeline, formats
from timeline.formats._layout import layout, ticks

GUTTER = 150.0


@pytest.fixture(scope="module", params=["example", "outlier"])
def loaded(
    request: pytest.FixtureRequest,
    browser: Any,
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[Timeline, Any]:
    t = example() if request.param == "example" else outlier()
    page = Path(tmp_path_factory.mktemp("pages")) / f"{request.param}.html"
    page.write_text(formats.to_html(t), encoding="utf-8")
    browser.get(page.as_uri())
    return t, browser


def _marks(driver: Any) -> list[dict[str, Any]]:
    """Each event's id, first date and the on-screen x of its first mark."""
    return driver.execute_script(
        """
        var svg = document.querySelector('svg.tlv-plot');
        var scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
        return Array.from(svg.querySelectorAll('g.event')).map(function (g) {
          var m = g.querySelector('.mk');
          var x = null;
          if (m) { x = (m.getBoundingClientRect().left - svg.getBoundingClientRect().left) / scale; }
          if (m && m.tagName === 'circle') { x = parseFloat(m.getAttribute('cx')); }
          return {id: g.getAttribute('data-id'), start: g.getAttribute('data-start'),
                  kind: m ? m.getAttribute('class') : null, x: x};
        });
        """
    )


class TestPage:
    def test_every_event_where_its_date_puts_it(self, loaded: tuple[Timeline, Any]):
        """Each event has an element, drawn at the x of its first possible day."""
        t, driver = loaded
        scale = layout(t).scale
        marks = _marks(driver)

        assert sorted(m["id"] for m in marks) == sorted(e.id for e in t.events)
        for m in marks:
            if m["start"] and "open" not in m["kind"]:
                day = datetime.date.fromisoformat(m["start"]).toordinal()
                expected = GUTTER + scale.x(day + (0.5 if "point" in m["kind"] else 0))
                assert m["x"] == pytest.approx(expected, abs=1.5), m

    def test_dates_in_order_along_the_axis(self, loaded: tuple[Timeline, Any]):
        """A later first day is never drawn left of an earlier one."""
        _, driver = loaded
        dated = sorted(
            (m["start"], m["x"])
            for m in _marks(driver)
            if m["start"] and "open" not in m["kind"]
        )

        assert [x for _, x in dated] == sorted(x for _, x in dated)

    @pytest.mark.parametrize("lanes", ["kind", "actor", "none"])
    def test_no_two_labels_overlap(self, loaded: tuple[Timeline, Any], lanes: str):
        """In every lane mode, the rendered boxes of the event titles never intersect."""
        from selenium.webdriver.support.ui import Select

        _, driver = loaded
        Select(driver.find_element("css selector", ".tlv-lanes")).select_by_value(lanes)
        boxes = driver.execute_script(
            """
            return Array.from(document.querySelectorAll('g.event text.label')).map(function (t) {
              var r = t.getBoundingClientRect();
              return [r.left, r.top, r.right, r.bottom, t.textContent];
            });
            """
        )
        Select(driver.find_element("css selector", ".tlv-lanes")).select_by_value(
            "kind"
        )

        for i, a in enumerate(boxes):
            for b in boxes[i + 1 :]:
                apart = a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1]
                assert apart, (a[4], b[4])

    def test_no_request_and_no_external_url(self, loaded: tuple[Timeline, Any]):
        """Loading the page fetches nothing, a CSP forbids it, and no element points outside."""
        _, driver = loaded
        resources = driver.execute_script(
            "return performance.getEntriesByType('resource').length"
        )
        csp = driver.execute_script(
            "var m = document.querySelector('meta[http-equiv=\"Content-Security-Policy\"]');"
            "return m && m.content"
        )
        outside = driver.execute_script(
            """
            return Array.from(document.querySelectorAll('[src], [href]')).map(function (e) {
              return e.getAttribute('src') || e.getAttribute('href');
            }).filter(function (u) { return !u.startsWith('#'); });
            """
        )

        assert resources == 0
        assert "default-src 'none'" in csp
        assert outside == []

    def test_zoom_narrows_the_visible_range_and_fit_restores_it(
        self, loaded: tuple[Timeline, Any]
    ):
        """The + button zooms in: the dates at the plot's edges come closer; Fit undoes it."""
        _, driver = loaded
        svg = driver.find_element("css selector", "svg.tlv-plot")
        before = (svg.get_attribute("data-view-lo"), svg.get_attribute("data-view-hi"))
        driver.find_element("css selector", ".tlv-in").click()
        zoomed = (svg.get_attribute("data-view-lo"), svg.get_attribute("data-view-hi"))
        driver.find_element("css selector", ".tlv-fit").click()

        assert before[0] < zoomed[0]
        assert zoomed[1] < before[1]
        assert (
            svg.get_attribute("data-view-lo"),
            svg.get_attribute("data-view-hi"),
        ) == before

    def test_script_ticks_match_the_python_ones(self, loaded: tuple[Timeline, Any]):
        """At load, the script's ticks are the ones the page was written with."""
        t, driver = loaded
        labels = driver.execute_script(
            "return Array.from(document.querySelectorAll('.tlv-ticks text'))"
            ".map(function (t) { return t.textContent; })"
        )

        assert labels == [tick.label for tick in ticks(layout(t).scale)]

    def test_zoom_refines_the_ticks(self, loaded: tuple[Timeline, Any]):
        """Zoomed in, the ticks are as many or more, at a finer or equal unit."""
        _, driver = loaded

        def count() -> int:
            return driver.execute_script(
                "return document.querySelectorAll('.tlv-ticks text').length"
            )

        before = count()
        for _ in range(4):
            driver.find_element("css selector", ".tlv-in").click()
        after = count()
        driver.find_element("css selector", ".tlv-fit").click()

        assert after >= 2
        assert count() == before

    def test_wheel_zooms(self, loaded: tuple[Timeline, Any]):
        """Turning the wheel over the plot zooms in."""
        _, driver = loaded
        svg = driver.find_element("css selector", "svg.tlv-plot")
        before = svg.get_attribute("data-view-hi")
        driver.execute_script(
            "var s = arguments[0], r = s.getBoundingClientRect();"
            "s.dispatchEvent(new WheelEvent('wheel', {deltaY: -100, clientX: r.left + r.width / 2,"
            " clientY: r.top + 50, bubbles: true, cancelable: true}));",
            svg,
        )
        after = svg.get_attribute("data-view-hi")
        driver.find_element("css selector", ".tlv-fit").click()

        assert after < before

    def test_keyboard_moves_through_events(self, loaded: tuple[Timeline, Any]):
        """Tab reaches the first event; arrow keys go to the next and back, in chronological order."""
        from selenium.webdriver.common.keys import Keys

        t, driver = loaded
        order = [e.id for e in t.chronology()]
        first = driver.find_element("css selector", "g.event")
        driver.execute_script("arguments[0].focus()", first)

        def focused() -> str:
            return driver.execute_script(
                "return document.activeElement.getAttribute('data-id')"
            )

        assert focused() == order[0]
        driver.switch_to.active_element.send_keys(Keys.ARROW_RIGHT)
        assert focused() == order[1]
        driver.switch_to.active_element.send_keys(Keys.ARROW_RIGHT)
        driver.switch_to.active_element.send_keys(Keys.ARROW_LEFT)
        assert focused() == order[1]
        tip = driver.find_element("css selector", ".tlv-tip")
        assert tip.is_displayed()
        assert t[order[1]].title in tip.text

    def test_tab_reaches_the_events_after_the_controls(
        self, loaded: tuple[Timeline, Any]
    ):
        """From the last control, Tab goes to the first event, then to the second."""
        from selenium.webdriver.common.keys import Keys

        t, driver = loaded
        order = [e.id for e in t.chronology()]
        driver.execute_script("document.querySelector('.tlv-lanes').focus()")
        driver.switch_to.active_element.send_keys(Keys.TAB)
        first = driver.execute_script(
            "return document.activeElement.getAttribute('data-id')"
        )
        driver.switch_to.active_element.send_keys(Keys.TAB)
        second = driver.execute_script(
            "return document.activeElement.getAttribute('data-id')"
        )

        assert [first, second] == order[:2]

    def test_lanes_switch(self, loaded: tuple[Timeline, Any]):
        """Choosing another lane mode moves the events and shows that mode's lane names."""
        from selenium.webdriver.support.ui import Select

        _, driver = loaded
        select = Select(driver.find_element("css selector", ".tlv-lanes"))
        select.select_by_value("none")
        svg = driver.find_element("css selector", "svg.tlv-plot")
        mode = svg.get_attribute("data-lanes")
        visible = driver.execute_script(
            "return Array.from(document.querySelectorAll('g.lanes'))"
            ".filter(function (g) { return g.style.display !== 'none'; })"
            ".map(function (g) { return g.getAttribute('data-mode'); })"
        )
        select.select_by_value("kind")

        assert mode == "none"
        assert visible == ["none"]


def test_two_notebook_figures_on_one_page(browser: Any, tmp_path: Path):
    """Each notebook figure's script works on its own figure only, as in a notebook of two cells."""
    page = tmp_path / "notebook.html"
    page.write_text(
        "<!DOCTYPE html><html><head><meta charset='utf-8'></head><body>"
        + example()._repr_html_()
        + outlier()._repr_html_()
        + "</body></html>",
        encoding="utf-8",
    )
    browser.get(page.as_uri())
    svgs = browser.find_elements("css selector", "svg.tlv-plot")
    before = [s.get_attribute("data-view-hi") for s in svgs]
    browser.find_elements("css selector", ".tlv-in")[1].click()
    after = [s.get_attribute("data-view-hi") for s in svgs]

    assert len(svgs) == 2
    assert all(before)
    assert after[0] == before[0]
    assert after[1] < before[1]
