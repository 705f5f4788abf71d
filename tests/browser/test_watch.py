"""Watch it: `slowmo` slows every browser operation down, as pytest-playwright's --slowmo does.

Only a lower bound is asserted (three operations at 1 s each take at least 3 s), so a slow machine
cannot fail it; without slow_mo the same three operations on a local page take a fraction of that.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from harness.browser.session import launch_browser
from harness.config import load_settings
from tests.reliability.conftest import TinySite

pytestmark = pytest.mark.browser


def test_slowmo_slows_each_browser_operation(tmp_path: Path) -> None:
    site = TinySite()
    site.routes["/"] = (200, "<html><body><input id='q'></body></html>")
    try:
        with launch_browser(load_settings(tmp_path, overrides={"slowmo": 1000})) as handle:
            context = handle.new_context()
            page = context.new_page()
            started = time.monotonic()
            page.goto(site.url + "/")
            page.fill("#q", "hello")
            page.click("#q")
            elapsed = time.monotonic() - started
            context.close()
    finally:
        site.close()
    assert elapsed >= 3.0, elapsed
