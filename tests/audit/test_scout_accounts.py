"""The scout on a site that shows its sign-up form to a signed-in member too, in other words."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest

from harness.audit.model import SiteMap
from harness.audit.scout import Scout
from harness.config import load_settings
from harness.personas.loader import load_persona
from tests.audit.site import field, form, page, recording_app
from tests.sites import serve

pytestmark = [pytest.mark.e2e, pytest.mark.slow]
PASSWORD = "s3cret-for-the-test"


def _with_sign_in(app: Any) -> Any:
    """`app` with /login: the test's password signs in any username (kept in a cookie) and goes home."""
    from flask import redirect, request

    @app.route("/login", methods=["GET", "POST"])
    def login() -> Any:
        if request.method == "POST" and request.form.get("password") == PASSWORD:
            response = redirect("/", code=303)
            response.set_cookie("who", request.form.get("username", ""))
            return response
        return page("Sign in", form("/login", field("Username", "username") + field("Password", "password",
                                                                                      "password"), "Sign in"))

    return app


def _scout(browser: Any, app: Any, tmp_path: Path, start: str, pages: int) -> SiteMap:
    """What the scout finds on `app` as the returning persona (its password the test's)."""
    with serve(app) as url:
        settings = load_settings(tmp_path, overrides={"base_url": url, "seed": 2,
                                                      "reports_dir": str(tmp_path / "reports")})
        return Scout(settings, load_persona("returning", settings), start=start, pages=pages,
                     deadline=time.monotonic() + 600, submit=False).run(browser)


def _app(log: list[tuple[str, str]]) -> Any:
    from flask import request

    app = _with_sign_in(recording_app(log))

    @app.get("/")
    def home() -> str:
        return page("Wiki", "<a href='/login'>Sign in</a> <a href='/join'>Join</a>")

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


def test_a_sign_up_form_read_signed_in_is_walked_as_it_shows_signed_out(browser: Any, tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EMPATHY_DEMO_PASSWORD", PASSWORD)  # the returning persona's password
    log: list[tuple[str, str]] = []
    site = _scout(browser, _app(log), tmp_path, "/login", 4)
    join = next(f for f in site.flows if f.start.path.startswith("/join"))
    assert (join.start.sign_in, join.start.button) == ("", "Create your account")
    assert ("POST", "/join") in log  # sent as the people it is for send it, not its signed-in twin's button


def test_the_sign_in_the_scout_did_while_exploring_is_its_forms_walk(browser: Any, tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """Signing in on the first sign-in form met walked that form: it is written as its flow, not walked again (a walk
    of one press the scout had just made, 15 to 25 s of a loaded machine's share of following forms)."""
    monkeypatch.setenv("EMPATHY_DEMO_PASSWORD", PASSWORD)
    log: list[tuple[str, str]] = []
    site = _scout(browser, _app(log), tmp_path, "/login", 4)
    [signing] = [f for f in site.flows if f.start.signs_in]
    assert (signing.start.path, signing.start.button, signing.ended_at) == ("/login", "Sign in", "/")
    assert log.count(("POST", "/login")) == 1, log


def _staff_app(added: list[tuple[str, str]], log: list[tuple[str, str]]) -> Any:
    """Signed in, a member of staff adds an account for someone else: a username, a password and its confirmation;
    the header's "Log out" is a form's button, as in an admin that signs out by POST."""
    from flask import redirect, request

    app = _with_sign_in(recording_app(log))

    @app.get("/")
    def home() -> str:
        return page("Staff", form("/logout", "", "Log out") + "<a href='/people/add'>Add user</a>")

    @app.post("/logout")
    def logout() -> Any:
        response = redirect("/login", code=303)
        response.delete_cookie("who")
        return response

    @app.route("/people/add", methods=["GET", "POST"])
    def add() -> Any:
        if not request.cookies.get("who"):
            return redirect("/login", code=303)
        if request.method == "POST":
            added.append((request.cookies["who"], request.form.get("username", "")))
            if request.form.get("username") == request.cookies["who"]:
                return page("Add user", "<p>A user with that username already exists.</p>")
            return page("Change user", "<p>The user was added successfully.</p>")
        fields = field("Username", "username") + field("Password", "password1", "password") + field(
            "Password confirmation", "password2", "password")
        return page("Add user", form("/people/add", fields, "Save"))

    return app


def test_signed_in_an_add_user_form_gets_someone_elses_username_and_the_way_out_is_noted_not_taken(
        browser: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EMPATHY_DEMO_PASSWORD", PASSWORD)
    added: list[tuple[str, str]] = []
    log: list[tuple[str, str]] = []
    site = _scout(browser, _staff_app(added, log), tmp_path, "/login", 3)
    assert any(f.start.path == "/people/add" and f.start.sign_in for f in site.flows), site.flows
    assert added and all(who != new and new for who, new in added), added  # a new person's, never "already exists"
    assert site.sign_out == ("/login", "/") and ("POST", "/logout") not in log  # the features sign out, not the scout


def _project_app(log: list[tuple[str, str]]) -> Any:
    """A shared project signed in to by its identifier ("house"), not a person's username: the project's own
    address sends a visitor to the sign-in form with that identifier filled in."""
    from flask import redirect, request

    app = recording_app(log)

    def sign_in_page(project: str, error: str = "") -> str:
        fields = (f'<p><label for="id">Project identifier</label><input id="id" name="id" value="{project}"></p>'
                  + field("Private code", "code", "password"))
        return page("Sign in", f"<p>{error}</p>" + form("/login", fields, "Log in"))

    @app.get("/")
    def home() -> str:
        return page("Home", "<a href='/login'>Log in</a> <a href='/house/'>Our house</a>")

    @app.route("/login", methods=["GET", "POST"])
    def login() -> Any:
        if request.method == "GET":
            return sign_in_page(request.args.get("project", ""))
        if request.form.get("id") != "house":
            return sign_in_page("", "The project you are trying to access does not exist.")
        if request.form.get("code") != PASSWORD:
            return sign_in_page("house", "This private code is not the right one.")
        response = redirect("/house/", code=303)
        response.set_cookie("project", "house")
        return response

    @app.route("/house/", methods=["GET", "POST"])
    def bills() -> Any:
        if request.cookies.get("project") != "house":
            return redirect("/login?project=house", code=303)
        return page("Bills", form("/house/", field("What?", "what") + field("How much?", "amount"), "Add a bill"))

    return app


def test_where_accounts_are_not_the_persons_a_sign_in_form_the_site_filled_in_is_signed_in_to_as_its_account(
        browser: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from harness.audit.probes import features_for

    monkeypatch.setenv("EMPATHY_DEMO_PASSWORD", PASSWORD)
    site = _scout(browser, _project_app([]), tmp_path, "/", 5)
    assert site.account == "house", site.skipped
    bills = next(f for f in site.flows if f.start.path == "/house/")
    assert (bills.start.sign_in, bills.start.account) == ("/login?project=house", "house")
    text = "\n".join(w.text for w in features_for(site, ["returning"], ["returning"]))
    assert 'I sign in as "house"' in text  # the features sign in as the scout did
    assert 'I enter "house" in "Project identifier"\n    And I enter "Wrong-pass-1"' in text  # a wrong code, not a name


def test_a_sign_up_is_walked_as_someone_with_no_account_and_a_new_password_so_it_ends_where_a_sign_up_leads(
        browser: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from flask import request

    from harness.audit.probes import features_for
    from harness.personas.data import generate_data

    monkeypatch.setenv("EMPATHY_DEMO_PASSWORD", PASSWORD)
    app = recording_app([])
    taken: list[str] = []

    @app.route("/join", methods=["GET", "POST"])
    def sign_up() -> str:  # the answer to the POST is the welcome page itself (no redirect): a reload sends it again
        fields = field("Username", "username") + field("Password", "pw", "password") + field(
            "Confirm password", "pw2", "password")
        if request.method == "POST" and (request.form.get("username") in taken or not request.form.get("pw")
                                         or request.form.get("pw") != request.form.get("pw2")):
            return page("Create account", "<p>That username is taken.</p>" + form("/join", fields, "Create account"))
        if request.method == "POST":
            return page("Welcome", "<p>Your account has been created.</p>")
        return page("Create account", form("/join", fields, "Create account"))

    with serve(app) as url:
        settings = load_settings(tmp_path, overrides={"base_url": url, "seed": 2,
                                                      "reports_dir": str(tmp_path / "reports")})
        returning, anxious = load_persona("returning", settings), load_persona("anxious", settings)
        taken.append(str(generate_data(returning, run_seed=2, scenario="audit flow 1", require_secrets=False)
                         ["username"]))  # the account's own person has signed up long ago
        site = Scout(settings, returning, newcomer=anxious, start="/join", pages=1,
                     deadline=time.monotonic() + 600, submit=False).run(browser)
    join = next(f for f in site.flows if f.start.path == "/join")
    assert not join.shown_again and join.ended_at == "/join", join
    text = "\n".join(w.text for w in features_for(site, ["returning", "anxious"], ["returning"]))
    assert "person reloads the page the form's answer came on" in text
