"""A form the audit holds back is pressed only empty: its step never sends a form holding answers (safety)."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
from flask import request

from harness.audit.probes import features_for
from harness.audit.scout import Scout
from harness.browser.errors import ActionFailed
from harness.browser.journey import Journey
from harness.config import load_settings
from harness.personas.data import generate_data
from harness.personas.loader import load_persona
from tests.audit.site import field, form, page, recording_app
from tests.sites import serve

pytestmark = [pytest.mark.e2e, pytest.mark.slow]


def _app(log: list[tuple[str, str]], sent: list[dict[str, str]]) -> Any:
    app = recording_app(log)

    @app.route("/", methods=["GET", "POST"])
    def note() -> str:  # a message to a real person: held back; with ?name=… the page remembers the person's name
        if request.method == "POST":
            sent.append(dict(request.form))
            return page("Leave a note", "<p>Please write your note first.</p>")
        name = request.args.get("name", "")
        fields = field("Note", "note", "textarea") + field("Your name", "who", extra=f'value="{name}"')
        return page("Leave a note", form("/", fields, "Post note"))

    return app


def test_a_held_back_forms_empty_probe_sends_it_empty_and_never_a_form_holding_answers(browser: Any,
                                                                                         tmp_path: Path) -> None:
    log: list[tuple[str, str]] = []
    sent: list[dict[str, str]] = []
    with serve(_app(log, sent)) as url:
        settings = load_settings(tmp_path, overrides={"base_url": url, "seed": 1,
                                                      "reports_dir": str(tmp_path / "reports")})
        persona = load_persona("anxious", settings)
        site = Scout(settings, persona, pages=3, deadline=time.monotonic() + 600, submit=False).run(browser)
        assert not sent, "the scout pressed a held-back button"
        text = next(w.text for w in features_for(site, ["anxious"]) if w.flow)
        assert 'When I send the form empty with "Post note"' in text
        data = generate_data(persona, run_seed=1, scenario="empty")
        with Journey(browser, settings, persona, data, feature="f", scenario="empty",
                     reports_dir=tmp_path / "reports") as journey:
            journey.actor.goto(f"{url}/")
            journey.actor.click_empty("Post note")
            journey.actor.wait_until_settled()
            assert sent == [{"note": "", "who": ""}]  # sent, with nothing in it
            journey.actor.goto(f"{url}/?name=Robin")  # the page filled a box in: pressing would send it
            with pytest.raises(ActionFailed, match="holds answers"):
                journey.actor.click_empty("Post note")
            journey.actor.goto(f"{url}/")
            journey.actor.fill("Note", value="Hello")  # typed: no longer empty
            with pytest.raises(ActionFailed, match="holds answers"):
                journey.actor.click_empty("Post note")
    assert len(sent) == 1 and [m for m, _ in log].count("POST") == 1
