"""Regenerate the report screenshots in docs/: a small demo report, photographed by headless Chromium.

    python docs/screenshots.py            # about three minutes: two features on the cold demo portal

It runs `features/update_payment.feature` and `features/claim.feature` against the cold demo portal into
a temporary reports folder, builds the report with `empathy report`, prints its size, and saves
docs/report-overview.png (the first screen), docs/report-failing-scenario.png (a scenario that failed on
a finding, its red step open) and docs/report-journey-map.png (one journey's maps, persona by persona).
Look at them before committing.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
FEATURES = ["features/update_payment.feature", "features/claim.feature"]


def build_report(reports: Path) -> Path:
    """Run the feature on the cold demo portal and build the report; returns index.html."""
    from harness.demo.server import DemoServer

    env = {**os.environ, "EMPATHY_REPORTS_DIR": str(reports), "HF_HUB_OFFLINE": "1",
           "EMPATHY_DEMO_PASSWORD": os.environ.get("EMPATHY_DEMO_PASSWORD", "a-docs-only-Secret-9")}
    empathy = [sys.executable, "-c", "from harness.cli import main; main()"]
    with DemoServer("cold", port=0, submit_delay=1.0) as server:
        subprocess.run([*empathy, "run", *FEATURES, "--base-url", server.url], cwd=ROOT, env=env, check=False,
                       capture_output=True)
    done = subprocess.run([*empathy, "report"], cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    print(done.stdout + done.stderr, end="")
    index = reports / "allure-report" / "index.html"
    print(f"report: {index.stat().st_size / 1e6:.1f} MB")
    return index


def photograph(index: Path, summary: Path) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=shutil.which("chromium") or None)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(index.as_uri())
        page.get_by_text("Release gate").wait_for()
        page.wait_for_timeout(1500)  # the report scrolls to its first test once loaded: back to the top
        page.get_by_text("Results", exact=False).first.scroll_into_view_if_needed()
        page.mouse.wheel(0, -2000)
        page.wait_for_timeout(300)
        page.screenshot(path=str(DOCS / "report-overview.png"))
        page.get_by_text("Saving a card that my bank declines").last.click()
        step = page.get_by_text('And I press "Save card"', exact=True).first  # the red step: open it
        step.scroll_into_view_if_needed()
        step.click()
        page.wait_for_timeout(800)
        page.get_by_text("Then every message should be kind", exact=True).first.scroll_into_view_if_needed()
        page.screenshot(path=str(DOCS / "report-failing-scenario.png"))
        page.goto(summary.as_uri())
        maps = page.locator("h3:text-is('claim') + .maps")  # one journey, persona by persona
        maps.screenshot(path=str(DOCS / "report-journey-map.png"))
        browser.close()


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        reports = Path(folder) / "reports"
        photograph(build_report(reports), reports / "empathy-summary.html")
    for name in ("report-overview.png", "report-failing-scenario.png", "report-journey-map.png"):
        print(f"wrote docs/{name}")


if __name__ == "__main__":
    main()
