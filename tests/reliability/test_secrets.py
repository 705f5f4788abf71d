"""Secrets: a returning customer's password (from EMPATHY_DEMO_PASSWORD, random per test) appears nowhere in
a whole demo run's output, and password fields are painted over in screenshots.

The run is real: `empathy run` on the bundled returning-customer feature against the demo portal,
with the bundled workspace steps that create the persona's account.
"""

from __future__ import annotations

import json
import secrets
import shutil
from pathlib import Path

import pytest

from tests.browser.conftest import mask_colour
from tests.reliability.conftest import Outcome, demo_details, finish, start_empathy, write_workspace

pytestmark = pytest.mark.e2e
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def demo_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, Outcome]:
    from harness.demo.server import DemoServer

    password = "Pw" + secrets.token_urlsafe(12).replace("-", "x").replace("_", "y")
    with DemoServer("warm", port=0) as server:
        ws = write_workspace(tmp_path_factory.mktemp("secrets") / "ws", {}, base_url=server.url,
                             pages={"home": "/", "claims": "/claims/new", "sign-in": "/sign-in",
                                    "dashboard": "/dashboard", "confirmation": "/claims/confirmation"},
                             details=demo_details(), screenshots="every-step")  # every picture is scanned
        shutil.copy(ROOT / "features" / "returning_customer.feature", ws / "features")
        shutil.copy(ROOT / "steps" / "demo_portal.py", ws / "steps")
        # the scenario that signs in and is greeted: the password is typed, shown masked and screenshotted
        outcome = finish(start_empathy(ws, "run", "--fail-on", "never", "-k", "greets",
                                       EMPATHY_DEMO_PASSWORD=password),
                         timeout=400)
    return ws, password, outcome


def test_the_journey_really_used_the_password(demo_run: tuple[Path, str, Outcome]) -> None:
    ws, _, outcome = demo_run
    assert outcome.code == 0, outcome.text[-3000:]
    given = [g for p in (ws / "reports" / "transcripts").glob("*.json")
             for s in json.loads(p.read_text(encoding="utf-8"))["steps"] for g in s["given"]]
    typed = [g for g in given if g["data_key"] == "password" or g["type"] == "password"]
    assert typed, "no password was typed, so the scan below proves nothing"
    assert all(g["value"] == "••••••" for g in typed)


def test_no_output_file_or_log_contains_the_password(demo_run: tuple[Path, str, Outcome]) -> None:
    ws, password, outcome = demo_run
    files = [p for p in (ws / "reports").rglob("*") if p.is_file()]
    kinds = {p.suffix for p in files}
    assert {".json", ".jpg", ".xml", ".md"} <= kinds, kinds  # results, screenshots, junit, summary
    assert any("attachment" in p.name for p in files)
    leaks = [str(p.relative_to(ws)) for p in files if password.encode() in p.read_bytes()]
    assert not leaks, f"the password leaked into {leaks}"
    assert password not in outcome.text


PIXELS_JS = """async ({src, box}) => {
  const img = new Image(); img.src = src; await img.decode();
  const canvas = document.createElement('canvas'); canvas.width = img.width; canvas.height = img.height;
  const ctx = canvas.getContext('2d'); ctx.drawImage(img, 0, 0);
  const out = [];
  for (let x = box.x + 3; x < box.x + box.width - 3; x += 7)
    for (let y = box.y + 3; y < box.y + box.height - 3; y += 5) {
      const d = ctx.getImageData(Math.floor(x), Math.floor(y), 1, 1).data; out.push([d[0], d[1], d[2]]);
    }
  return out;
}"""


def test_password_fields_are_painted_over_in_screenshots(tmp_path: Path) -> None:
    """A filled password field, screenshotted by the journey: every pixel inside it is the mask colour."""
    import base64

    from harness.browser.journey import Journey
    from harness.browser.session import launch_browser
    from harness.config import load_settings
    from harness.personas import load_persona
    from harness.personas.data import generate_data
    from tests.reliability.conftest import TinySite

    site = TinySite()
    site.routes["/"] = (200, '<html><body style="background:#fff"><label>Password <input type="password" '
                             'id="pw" style="width:300px;height:40px;font-size:30px"></label></body></html>')
    settings = load_settings(tmp_path, overrides={"base_url": site.url, "reports_dir": str(tmp_path / "r")})
    persona = load_persona("anxious", settings)
    data = generate_data(persona, run_seed=1, scenario="mask")
    try:
        with launch_browser(settings) as browser, Journey(browser, settings, persona, data, feature="f",
                                                          scenario="mask", reports_dir=tmp_path / "r") as journey:
            journey.begin_step("Given a password field")
            journey.page.goto(site.url + "/")
            journey.page.fill("#pw", "hunter2hunter2")
            box = journey.page.locator("#pw").bounding_box()
            journey.end_step()
            shot = journey.screenshot_last_step()  # as the default, on-finding, takes it
            assert box is not None and shot
            jpeg = base64.b64encode((tmp_path / "r" / shot).read_bytes()).decode()
            inside = journey.page.evaluate(PIXELS_JS, {"src": f"data:image/jpeg;base64,{jpeg}", "box": box})
    finally:
        site.close()
    assert len(inside) > 20
    assert all(mask_colour(px) for px in inside), {tuple(px) for px in inside}
