"""A multi-step form whose steps each post to their own address, with buttons named "action", is walked to its end."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
from flask import redirect, request

from harness.audit.scout import Scout
from harness.config import load_settings
from harness.personas.loader import load_persona
from tests.audit.site import field, page, recording_app
from tests.sites import serve

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

STEPS = {1: field("Talk title", "title"), 2: field("Your email", "email", "email"),
         3: field("Short biography", "bio", "textarea")}


def _wizard(log: list[tuple[str, str]]) -> Any:
    """Three steps, each a form with no action attribute (it posts to its own page) and the same buttons named
    "action", as Django wizards write them (pretalx's proposal form): the form's `action` property is then a button."""
    app = recording_app(log)

    @app.route("/propose/<int:n>/", methods=["GET", "POST"])
    def step(n: int) -> Any:
        if request.method == "POST" and n < 3:
            return redirect(f"/propose/{n + 1}/", code=303)
        buttons = ('<button name="action" value="submit">Continue</button>'
                   '<button name="action" value="draft">or save as draft for now</button>')
        last = '<button name="action" value="submit">Send proposal</button>'
        return page(f"Step {n} of 3", f'<form method="post">{STEPS[n]}{last if n == 3 else buttons}</form>')

    return app


def test_a_wizards_later_steps_are_walked_though_a_button_named_action_hides_the_forms_address(
        browser: Any, tmp_path: Path) -> None:
    """Before, page.js read `form.action`, which a control named "action" replaces: every step read as one form
    sending to one address, so the second step was taken for the first shown again and the walk ended there
    (pretalx's proposal form: its Account and Profile steps were never walked)."""
    log: list[tuple[str, str]] = []
    with serve(_wizard(log)) as url:
        settings = load_settings(tmp_path, overrides={"base_url": url, "seed": 1,
                                                      "reports_dir": str(tmp_path / "reports")})
        site = Scout(settings, load_persona("anxious", settings), start="/propose/1/", pages=2,
                     deadline=time.monotonic() + 600, submit=False).run(browser)
    flow = next(f for f in site.flows if f.start.path == "/propose/1/")
    assert [s.form.path for s in flow.steps] == ["/propose/1/", "/propose/2/", "/propose/3/"]
    assert flow.held_back and ("POST", "/propose/3/") not in log  # its last step sends a message: held back
    assert len({s.form.action for s in flow.steps}) == 3
