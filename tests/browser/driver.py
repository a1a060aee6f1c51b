"""Headless Chromium through Selenium, with Debian's chromium and chromium-driver."""

from __future__ import annotations

import shutil
from typing import Any

BROWSERS = ("chromium", "chromium-browser", "google-chrome")
DRIVERS = ("chromedriver", "chromium-driver")


def missing() -> str | None:
    """Why no browser can run here, or None when one can."""
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (pip install 'timeline-tracker[test]')"
    if not any(shutil.which(b) for b in BROWSERS):
        return "no Chromium on PATH (apt-get install chromium chromium-driver)"
    if not any(shutil.which(d) for d in DRIVERS):
        return "no chromedriver on PATH (apt-get install chromium-driver)"
    return None


def chromium(width: int = 1280, height: int = 1000) -> Any:
    """A headless Chromium that may not go on the network."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = next(p for b in BROWSERS if (p := shutil.which(b)))
    for arg in (
        "--headless=new",
        "--no-sandbox",  # CI runs as root
        "--disable-dev-shm-usage",
        "--disable-gpu",
        f"--window-size={width},{height}",
        "--force-device-scale-factor=1",
        "--font-render-hinting=none",
    ):
        options.add_argument(arg)
    service = Service(next(p for d in DRIVERS if (p := shutil.which(d))))
    return webdriver.Chrome(options=options, service=service)
