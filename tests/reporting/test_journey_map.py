from __future__ import annotations

import xml.etree.ElementTree as ET

from harness.reporting.journey_map import peak_step, render_svg, strain
from harness.transcript import Message, Wait
from tests.reporting.conftest import finding, transcript


def test_strain_rises_with_long_waits_errors_and_findings() -> None:
    t = transcript(4)
    t.steps[1].waits.append(Wait(action="click Submit", kind="click", duration_ms=3000))
    t.steps[2].messages.append(Message(text="Invalid input", kind="validation"))
    strains = strain(t, [finding(step=3, impact="critical")])
    assert strains[0] == 0
    assert all(s > 0 for s in strains[1:])
    assert peak_step(strains) == 3


def test_calm_journey_has_no_peak() -> None:
    assert peak_step(strain(transcript(3), [])) is None


def test_svg_is_well_formed_and_escapes_page_text() -> None:
    t = transcript(3)
    t.steps[1].text = 'When I see "<script>alert(1)</script>"'
    svg = render_svg(t, [finding(step=1, message="<img src=x onerror=alert(1)>")])
    ET.fromstring(svg)  # well-formed: nothing unescaped broke the markup
    assert "<script>" not in svg and "<img" not in svg
    assert "&lt;script&gt;" in svg
    assert "worst moment" in svg and "first impression" in svg
