"""The journey map's text never overlaps, measured by Chromium on the rendered SVG (long titles, 30 steps)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from harness.reporting.map_svg import render_map
from tests.reporting.conftest import finding

pytestmark = pytest.mark.e2e

BOXES = """() => [...document.querySelectorAll('svg text')].map(t => {
  const r = t.getBoundingClientRect();
  return {text: t.textContent, x: r.left, y: r.top, w: r.width, h: r.height};
})"""


def _overlaps(boxes: list[dict]) -> list[tuple[str, str]]:
    found = []
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            if a["x"] < b["x"] + b["w"] - 0.5 and b["x"] < a["x"] + a["w"] - 0.5 \
                    and a["y"] < b["y"] + b["h"] - 0.5 and b["y"] < a["y"] + a["h"] - 0.5:
                found.append((a["text"], b["text"]))
    return found


def _layouts() -> dict[str, str]:
    long_title = "A anxious customer " + "orders a very long list of things for the upstairs bathroom " * 3
    steps30 = [f'And I enter "something rather long for step {i}" in "A field with a long label {i}"'
               for i in range(30)]
    strains30 = [((i * 7) % 10) / 10 for i in range(30)]
    many = [finding(rule=rule, step=step, impact="serious", message="A long finding message " * 12)
            for step in (0, 1, 14, 15, 28, 29) for rule in ("cold-copy", "lost-context", "a-rule-of-our-own")]
    return {
        "thirty steps": render_map(long_title, steps30, strains30, many, peak=1),
        "worst next to the end": render_map("Short", ["Given a", "When b", "Then c"], [0, 0.2, 0.9],
                                           [finding(step=2)], peak=2),
        "worst one step in": render_map(long_title, steps30[:4], [0.1, 0.9, 0.2, 0.3], many[:3], peak=1),
        "one step": render_map("One", ["Given I open the home page"], [0.0], [], peak=None),
    }


def test_no_text_on_the_map_overlaps_other_text(tmp_path: Path) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=shutil.which("chromium") or None)
        page = browser.new_page(viewport={"width": 1600, "height": 1200})
        for name, svg in _layouts().items():
            path = tmp_path / f"{name}.svg"
            path.write_text(svg, encoding="utf-8")
            page.goto(path.as_uri())
            boxes = page.evaluate(BOXES)
            width = page.evaluate("() => document.querySelector('svg').getBoundingClientRect().right")
            assert boxes and not _overlaps(boxes), (name, _overlaps(boxes)[:5])
            assert max(b["x"] + b["w"] for b in boxes) <= width + 0.5, f"{name}: text runs off the map"
        browser.close()


def test_the_map_names_steps_moments_rules_and_findings() -> None:
    svg = _layouts()["worst next to the end"]
    assert "3. Then c" in svg and "end and worst moment" in svg and "first impression" in svg
    assert "Cold copy" in svg and "Cold copy (serious), step 3: Cold message" in svg
