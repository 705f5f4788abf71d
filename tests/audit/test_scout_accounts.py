"""The scout on a site that shows its sign-up form to a signed-in member too, in other words."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest

from harness.audit.scout import Scout
from harness.browser.session import launch_browser
from harness.config import load_settings
from harness.personas.loader import load_persona
from tests.audit.site import field, form, page, recording_app
from tests.sites import serve

pytestmark = pytest.mark.e2e
PASSWORD = "s3cret-for-the-test"


def _app(log: list[tuple[str, str]]) -> Any:
    from flask import redirect, request

    app = recording_app(log)

    @app.get("/")
    def home() -> str:
        return page("Wiki", "<a href='/login'>Sign in</a> <a href='/join'>Join</a>")

    @app.route("/login", methods=["GET", "POST"])
    def login() -> Any:
        if request.method == "POST" and request.form.get("password") == PASSWORD:
            response = redirect("/", code=303)
            response.set_cookie("who", request.form.get("username", ""))
            return response
        return page("Sign in", form("/login", field("Username", "username") + field("Password", "password",
                                                                                      "password"), "Sign in"))

    @app.route("/join", methods=["GET", "POST"])
    def join() -> str:  # signed in, a member may open another account: the same form, another button
        if request.method == "POST":
            return page("Welcome", "<p>Your account is ready.</p>")
        member = bool(request.cookies.get("who"))
        fields = field("Username", "name") + field("Password", "pw", "password") + field(
            "Confirm password", "pw2", "password")
        header = "<a href='/join?again=1'>Create account</a>" if member else ""
        return page("Create account", header + form("/join", fields, "Create account" if member else
                                                    "Create your account"))

    return app


def test_a_sign_up_form_read_signed_in_is_walked_as_it_shows_signed_out(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EMPATHY_DEMO_PASSWORD", PASSWORD)  # the returning persona's password
    log: list[tuple[str, str]] = []
    settings_dir = tmp_path
    with serve(_app(log)) as url:
        settings = load_settings(settings_dir, overrides={"base_url": url, "seed": 2,
                                                          "reports_dir": str(tmp_path / "reports")})
        with launch_browser(settings) as browser:
            site = Scout(settings, load_persona("returning", settings), start="/login", pages=4,
                         deadline=time.monotonic() + 600, submit=False).run(browser)
    join = next(f for f in site.flows if f.start.path.startswith("/join"))
    assert (join.start.sign_in, join.start.button) == ("", "Create your account")
    assert ("POST", "/join") in log  # sent as the people it is for send it, not its signed-in twin's button
