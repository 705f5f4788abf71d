"""The scout on a single-page app: a list drawn from a script's fetch, and a sign-in dialog behind a button."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest

from harness.audit.model import SiteMap
from harness.audit.probes import features_for
from harness.audit.scout import Scout
from harness.config import load_settings
from harness.personas.loader import load_persona
from tests.audit.site import recording_app
from tests.sites import serve

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

# a list fetched by script and drawn a task later (as a framework's scheduler draws it); "Log in" opens a modal
# dialog whose own "Log in" stays greyed out until both boxes are filled
SHELL = """<!doctype html><html lang=en><head><title>Registry</title></head><body>
<header><button type=button id=open>Log in</button> <button type=button>Delete everything</button></header>
<main id=list></main>
<dialog id=dialog><form method=post action=/session><h2>Log in</h2>
<p><label for=u>Username</label><input id=u name=username required></p>
<p><label for=p>Password</label><input id=p name=password type=password required></p>
<button type=submit id=go disabled>Log in</button></form></dialog>
<script>
document.getElementById("open").onclick = () => document.getElementById("dialog").showModal();
for (const box of document.querySelectorAll("dialog input"))
  box.oninput = () => { document.getElementById("go").disabled = !(u.value && p.value); };
const later = (task) => {
  const channel = new MessageChannel(); channel.port1.onmessage = task; channel.port2.postMessage(0); };
addEventListener("load", () => later(() => fetch("/api/items").then((r) => r.json()).then((items) => later(() => {
  list.innerHTML = items.map((i) => `<a href="${i.href}">${i.name}</a>`).join(" ");
}))));
</script></body></html>"""


def _app(log: list[tuple[str, str]]) -> Any:
    app = recording_app(log)

    @app.get("/")
    def shell() -> str:
        return SHELL

    @app.get("/api/items")
    def items() -> Any:
        return [{"href": "/items/7", "name": "Lantern"}, {"href": "/items/8", "name": "Old lamp"}]  # 8: gone

    @app.get("/items/7")
    def item() -> str:
        return "<!doctype html><title>Lantern</title><h1>Lantern</h1><a href='/'>Home</a>"

    @app.post("/session")
    def session() -> str:
        return "<!doctype html><title>Log in</title><p>Wrong username or password.</p>"

    @app.get("/items/8")
    def gone() -> tuple[str, int]:
        return "<!doctype html><title>Error</title><p>Error 404: resource not located.</p>", 404

    return app


def _scout(browser: Any, url: str, tmp: Path) -> SiteMap:
    settings = load_settings(tmp, overrides={"base_url": url, "seed": 3, "reports_dir": str(tmp / "reports")})
    return Scout(settings, load_persona("anxious", settings), pages=5, deadline=time.monotonic() + 600,
                 submit=False).run(browser)


def test_a_dialog_behind_a_button_is_probed_through_it_and_a_broken_links_page_is_read(browser: Any,
                                                                                      tmp_path: Path) -> None:
    log: list[tuple[str, str]] = []
    with serve(_app(log)) as url:
        site = _scout(browser, url, tmp_path)
    assert "/items/7" in {p for p, _ in site.pages}  # the list the script drew after its fetch, followed
    dialog = next(f.start for f in site.flows if f.start.opener)
    assert (dialog.opener, dialog.button, [f.label for f in dialog.fields]) == ("Log in", "Log in",
                                                                                ["Username", "Password"])
    assert not [m for m, _ in log if m == "POST"]  # no password to type: its greyed-out "Log in" sent nothing
    text = next(w.text for w in features_for(site, ["anxious"]) if w.flow and w.flow.start.opener)
    assert 'I open "/"\n    When I press "Log in"\n    And I press "Log in"\n' in text  # sent empty, in the dialog
    assert 'I enter "Wrong-pass-1" in "Password"' in text
    # the page a broken link led to is read too, as a person who followed it (first: one page, quick to run)
    errors = features_for(site, ["anxious"])[0]
    assert (errors.name, site.error_pages) == ("00-error-pages.feature", [("/items/8", 404)])
    assert ('Scenario: An anxious person opens /items/8 (the site answered 404)\n    Given I am "anxious"\n'
            '    And I open "/items/8"\n    Then every message should be kind' in errors.text)
