"""Staying in bounds and hostile pages, end to end through `empathy run`.

A persona never submits to a host outside allowed_hosts (a second server on 127.0.0.2 sees no
request, and the attempt is reported); page text carrying markup ends up escaped in every HTML
attachment; a 5 MB page with 20,000 fields and an endless spinner finish within bounds; the
recorder keeps at most its bound of a page's fields and says what it cut in `truncated`.
The demo portal listens on 127.0.0.1 only.
"""

from __future__ import annotations

import json
import socket
import subprocess
from pathlib import Path

import pytest

from tests.reliability.conftest import Outcome, TinySite, finish, start_empathy, write_workspace

pytestmark = [pytest.mark.e2e, pytest.mark.slow]
SCRIPT = "<script>alert('pwned')</script>"
MANY = 300  # more fields than the recorder keeps of a page, few enough to be read on any machine in time

FEATURE = '''Feature: Bounds
  Scenario: a form posts to another host
    Given I am an anxious customer
    And I open the "home" page
    When I press "Send"

  Scenario: an error message carries markup
    Given I am an anxious customer
    When I open the "hostile" page

  Scenario: a huge page
    Given I am an anxious customer
    When I open the "huge" page

  Scenario: a page of many fields
    Given I am an anxious customer
    When I open the "many" page

  Scenario: a spinner that never stops
    Given I am an anxious customer
    And I open the "spinner" page
    When I wait for the page to finish
'''


def _fields(n: int) -> str:
    return "<form>" + "".join(f'<label>Field {i} <input name="f{i}"></label>' for i in range(n)) + "</form>"


def _huge() -> str:
    return f"<html><title>Huge</title><body><p>{'lorem ipsum ' * 440000}</p>{_fields(20000)}</body></html>"


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Outcome, TinySite]:
    import html

    site, other = TinySite(), TinySite(host="127.0.0.2")
    site.routes["/"] = (200, f'<html><title>Home</title><form method="post" action="{other.url}/collect">'
                             '<label>Name <input name="name" value="Ann"></label><button>Send</button></form></html>')
    site.routes["/hostile"] = (200, '<html><title>Oops</title><h1>Something went wrong</h1>'
                                    f'<div role="alert" class="error">Error: {html.escape(SCRIPT)} '
                                    '&lt;img src=x onerror=alert(1)&gt; failed. You did it wrong.</div></html>')
    site.routes["/huge"] = (200, _huge())
    site.routes["/many"] = (200, f"<html><title>Many</title><body>{_fields(MANY)}</body></html>")
    site.routes["/spinner"] = (200, '<html><title>Wait</title><div aria-busy="true" role="progressbar" '
                                    'class="spinner">Loading…</div><script>setInterval(()=>{document.querySelector('
                                    '".spinner").textContent += "."}, 200)</script></html>')
    pages = {"home": "/", "hostile": "/hostile", "huge": "/huge", "many": "/many", "spinner": "/spinner"}
    ws = write_workspace(tmp_path_factory.mktemp("bounds") / "ws", {"bounds.feature": FEATURE}, pages=pages,
                         base_url=site.url, action_timeout_ms=4000, fail_on="never")
    try:
        outcome = finish(start_empathy(ws, "run"), timeout=400)
    finally:
        site.close()
        other.close()
    return ws, outcome, other


def _transcript(ws: Path, words: str) -> dict:
    files = [p for p in (ws / "reports" / "transcripts").glob("*.json") if words in p.name]
    assert len(files) == 1, sorted(p.name for p in (ws / "reports" / "transcripts").glob("*.json"))
    return json.loads(files[0].read_text(encoding="utf-8"))


def test_nothing_reaches_another_host_and_the_attempt_is_reported(run: tuple[Path, Outcome, TinySite]) -> None:
    ws, outcome, other = run
    assert other.hits == []
    friction = [f for s in _transcript(ws, "another-host")["steps"] for f in s["friction"]]
    blocked = [f for f in friction if f["kind"] == "blocked-host"]
    assert blocked and "127.0.0.2" in blocked[0]["detail"], friction
    attachments = "".join(p.read_text(encoding="utf-8", errors="replace")
                          for p in (ws / "reports" / "allure-results").glob("*-attachment*"))
    assert "blocked-host" in attachments or "allowed_hosts" in attachments


def test_markup_in_page_text_is_escaped_in_every_html_attachment(run: tuple[Path, Outcome, TinySite]) -> None:
    ws, _, _ = run
    seen = [m["text"] for s in _transcript(ws, "carries-markup")["steps"] for m in s["messages"]]
    assert any(SCRIPT in text for text in seen), seen  # the recorder kept the text as text
    results = ws / "reports" / "allure-results"
    html_files = [p for p in results.glob("*-attachment.html")]
    assert html_files, sorted(p.name for p in results.iterdir())
    escaped = 0
    for path in html_files:
        text = path.read_text(encoding="utf-8")
        assert "<script" not in text.lower(), path.name
        assert "onerror=" not in text.replace("onerror=alert(1)&gt;", ""), path.name
        escaped += "&lt;script&gt;" in text
    assert escaped, "the hostile message appears in no HTML attachment at all"


def test_huge_pages_and_endless_spinners_are_bounded(run: tuple[Path, Outcome, TinySite]) -> None:
    ws, outcome, _ = run
    huge = _transcript(ws, "a-huge-page")
    step = huge["steps"][-1]
    assert step["ended_ms"] - step["started_ms"] < 60_000  # the transcript's own time, not the loaded machine's run
    # read in time, it is cut and says so; a machine too loaded to read it within the action's timeout says that
    assert step["truncated"] or step["status"] == "broken" and "stopped answering" in step["error"], step
    assert len(step["prompts"]) < 20000
    assert sum(len(m["text"]) for m in step["messages"]) < 1_000_000
    many = _transcript(ws, "many-fields")["steps"][-1]
    assert many["status"] == "passed", many["error"]
    assert 0 < len(many["prompts"]) < MANY and any(t.startswith("controls") for t in many["truncated"]), many
    spinner = _transcript(ws, "never-stops")
    assert spinner["steps"][-1]["ended_ms"] - spinner["steps"][-1]["started_ms"] < 60_000
    assert outcome.code in (0, 1), outcome.text[-2000:]


def test_the_demo_portal_listens_on_loopback_only() -> None:
    from harness.demo.server import DemoServer

    addresses = subprocess.run(["hostname", "-I"], capture_output=True, text=True, check=False).stdout.split()
    with DemoServer("warm", port=0) as server:
        assert server.url.startswith("http://127.0.0.1:")
        port = server.port
        for address in [a for a in addresses if ":" not in a and not a.startswith("127.")][:3]:
            with pytest.raises(OSError), socket.create_connection((address, port), timeout=2):
                pass
        with socket.create_connection(("127.0.0.1", port), timeout=2):
            pass
