"""One headless Chromium for every browser test of the session."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.browser.driver import chromium, missing


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    reason = missing()
    if reason is not None:
        pytest.skip(f"no browser for the browser tests: {reason}")
    driver = chromium()
    try:
        yield driver
    finally:
        driver.quit()
