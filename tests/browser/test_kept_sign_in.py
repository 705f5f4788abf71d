"""Sign each persona in once (`keep_sign_in`): a later sign-in by the same persona restores its session, never another
persona's, and signs in again where the site ended it."""

from __future__ import annotations

import secrets
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from flask import Flask, Response, redirect, request

from tests.browser.conftest import PASSWORD, make_persona, take_step
from tests.sites import serve

pytestmark = pytest.mark.e2e

FORM = ('<form method="post" action="/login"><label>Username <input name="u"></label>'
        '<label>Password <input type="password" name="p"></label><button>Log in</button></form>')


class Site:
    """Sessions on the server (a cookie names one); each sign-in press counted, by username."""

    def __init__(self) -> None:
        self.sessions: dict[str, str] = {}
        self.presses: list[str] = []

    def app(self) -> Flask:
        app = Flask(__name__)

        def who() -> str:
            return self.sessions.get(request.cookies.get("sid", ""), "")

        @app.get("/login")
        def login() -> Any:
            return redirect("/home") if who() else f'<!doctype html><html lang="en"><body>{FORM}</body></html>'

        @app.post("/login")
        def signed() -> Any:
            self.presses.append(request.form.get("u", ""))
            if request.form.get("p") != PASSWORD:
                return f'<!doctype html><html lang="en"><body><p>Wrong password.</p>{FORM}</body></html>'
            sid = secrets.token_hex(8)
            self.sessions[sid] = request.form.get("u", "")
            out = redirect("/home")
            out.set_cookie("sid", sid)
            return out

        @app.get("/home")
        def home() -> Any:
            if not who():
                return redirect("/login")
            return (f'<!doctype html><html lang="en"><body><nav>Signed in as {who()} <a href="/logout">Log out</a>'
                    '</nav><h1>Your page</h1></body></html>')

        @app.get("/other")
        def other() -> Any:
            return '<!doctype html><html lang="en"><body><h1>Other</h1></body></html>' if who() else redirect("/")

        @app.get("/logout")
        def logout() -> Response:
            self.sessions.pop(request.cookies.get("sid", ""), None)
            return Response('<!doctype html><html lang="en"><body><p>You have signed out.</p></body></html>')

        return app


@pytest.fixture
def site_() -> Iterator[tuple[Site, str]]:
    site = Site()  # no test meets another's kept session: `browser` gives each test the module's with none kept
    with serve(site.app()) as url:
        yield site, url


def _sign_in(j: Any, url: str) -> Any:
    take_step(j, 'Given I open "/login"', lambda: j.actor.goto(f"{url}/login"))
    step = take_step(j, "When I sign in", j.actor.sign_in)
    take_step(j, "And I wait for the page to finish", j.actor.wait_until_settled)
    return step


def _sign_out(j: Any) -> None:
    take_step(j, "When I sign out", j.actor.sign_out)


def _on(settings: Any, url: str, *, keep: bool = True) -> Any:
    """The test's settings for this site, with `keep_sign_in` on or off."""
    moved = settings.model_copy(update={"keep_sign_in": keep, "base_url": url})
    moved._root = settings.root
    return moved


PERSONA = {"data": {"secrets": {"password": "EMPATHY_TEST_BROWSER_PASSWORD"}, "fixed": {"username": "kim"}}}


def _second_sign_in(journey_for: Any, settings: Any, url: str,
                    between: Callable[[Any], None] = lambda first: None) -> tuple[Any, Any]:
    """Scenario "one" signs in, does `between`, and closes; scenario "two" of the same persona signs in: its
    journey and its sign-in step."""
    first = journey_for(make_persona(**PERSONA), scenario="one", settings_=settings)
    _sign_in(first, url)
    between(first)
    first.close()
    second = journey_for(make_persona(**PERSONA), scenario="two", settings_=settings)
    return second, _sign_in(second, url)


def test_a_persona_signs_in_once_and_its_next_scenario_restores_the_session(journey_for: Any, settings: Any,
                                                                              site_: tuple[Site, str]) -> None:
    from harness.browser.kept_sign_in import RESTORED

    site, url = site_
    second, step = _second_sign_in(journey_for, _on(settings, url), url)
    assert site.presses == ["kim"], site.presses  # pressed once, by the first scenario only
    assert second.page.url == f"{url}/home" and "Signed in as kim" in second.page.inner_text("nav")
    assert [a.detail for a in step.actions if a.kind == "sign-in"] == [RESTORED]
    assert {g.data_key for g in step.given} == {"username", "password"}  # what signing in gives, as the first typed it
    assert all(g.value != PASSWORD for g in step.given)  # the password stays masked


def test_a_restored_session_lands_where_the_sign_in_landed_not_where_the_scenario_went_next(
        journey_for: Any, settings: Any, site_: tuple[Site, str]) -> None:
    site, url = site_
    keeping = _on(settings, url)
    first = journey_for(make_persona(**PERSONA), scenario="one", settings_=keeping)
    for text, act in (('Given I open "/login"', lambda: first.actor.goto(f"{url}/login")),
                      ("When I sign in", first.actor.sign_in),
                      ('And I open "/other"', lambda: first.actor.goto(f"{url}/other"))):  # right after signing in
        first.begin_step(text, text.split()[0])
        act()
        first.end_step()
    first.close()
    second = journey_for(make_persona(**PERSONA), scenario="two", settings_=keeping)
    _sign_in(second, url)
    assert site.presses == ["kim"], site.presses
    assert second.page.url == f"{url}/home", second.page.url  # the sign-in's landing, as a typed sign-in lands


def test_without_keep_sign_in_each_scenario_signs_in_itself(journey_for: Any, settings: Any,
                                                            site_: tuple[Site, str]) -> None:
    site, url = site_
    _second_sign_in(journey_for, _on(settings, url, keep=False), url)
    assert site.presses == ["kim", "kim"]


def test_another_persona_never_gets_the_session(journey_for: Any, settings: Any, site_: tuple[Site, str]) -> None:
    site, url = site_
    keeping = _on(settings, url)
    for name, user in (("tester", "kim"), ("other", "sam")):
        j = journey_for(make_persona(name=name, data={**PERSONA["data"], "fixed": {"username": user}}),
                        scenario=name, settings_=keeping)
        _sign_in(j, url)
        assert f"Signed in as {user}" in j.page.inner_text("nav")
        j.close()
    assert site.presses == ["kim", "sam"]


def test_a_session_the_site_ended_is_signed_in_to_again(journey_for: Any, settings: Any,
                                                        site_: tuple[Site, str]) -> None:
    site, url = site_
    # the site forgot every session (a restart, a password saved again elsewhere)
    second, _ = _second_sign_in(journey_for, _on(settings, url), url, lambda first: site.sessions.clear())
    assert site.presses == ["kim", "kim"]
    assert second.page.url == f"{url}/home" and "Signed in as kim" in second.page.inner_text("nav")


def test_signing_out_forgets_the_kept_session(journey_for: Any, settings: Any, site_: tuple[Site, str]) -> None:
    site, url = site_
    second, _ = _second_sign_in(journey_for, _on(settings, url), url, _sign_out)
    assert site.presses == ["kim", "kim"]  # no restore was tried: the persona's kept session was forgotten
    assert not any(a.kind == "goto" for s in second.transcript.steps[1:] for a in s.actions)
