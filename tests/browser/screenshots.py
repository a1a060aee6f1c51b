"""
Screenshots of the HTML export for the documentation, by headless Chromium, and the
matplotlib figure of the example: ``python -m tests.browser.screenshots`` writes
docs/images/*.png.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from tests.browser.driver import chromium
from tests.browser.pages import example, outlier
from timeline import formats

IMAGES = Path(__file__).resolve().parents[2] / "docs" / "images"


def main() -> None:
    IMAGES.mkdir(exist_ok=True)
    driver = chromium(width=1200, height=900)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            for name, t in (("aktau", example()), ("outlier", outlier())):
                page = Path(tmp) / f"{name}.html"
                page.write_text(formats.to_html(t), encoding="utf-8")
                driver.get(page.as_uri())
                height = driver.execute_script(
                    "return document.querySelector('.tlv-help').getBoundingClientRect().bottom + 10"
                )
                driver.set_window_size(1200, int(height) + 120)
                driver.save_screenshot(str(IMAGES / f"{name}.png"))
                print(IMAGES / f"{name}.png")
    finally:
        driver.quit()
    example().plot(lanes="none").savefig(IMAGES / "aktau-plot.png")
    print(IMAGES / "aktau-plot.png")


if __name__ == "__main__":
    main()
