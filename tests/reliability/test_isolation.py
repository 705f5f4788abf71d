"""Every scenario starts from a clean browser context: a persona signed in by one scenario is signed
out in the next one on the same worker (cookies and storage do not leak), whatever order they run in.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.reliability.conftest import TinySite, finish, start_empathy, write_workspace

pytestmark = pytest.mark.e2e

SIGN_IN = '''<!doctype html><html lang="en"><head><title>Sign in</title></head><body><main><h1>Sign in</h1>
<form><label for="u">Email address</label><input id="u" type="email" autocomplete="username">
<label for="p">Password</label><input id="p" type="password" autocomplete="current-password">
<button type="submit">Sign in</button></form>
<script>document.querySelector("form").addEventListener("submit", (ev) => {
  ev.preventDefault(); localStorage.setItem("who", document.getElementById("u").value);
  document.cookie = "session=ok; path=/"; location.href = "/account"; });</script></main></body></html>'''
ACCOUNT = '''<!doctype html><html lang="en"><head><title>Your account</title></head><body><main><h1 id="hi"></h1>
<p id="cookie"></p></main><script>
document.getElementById("hi").textContent = localStorage.getItem("who") ? "Signed in" : "You are not signed in";
document.getElementById("cookie").textContent =
  document.cookie.includes("session=ok") ? "Session cookie kept" : "No session";
</script></body></html>'''
FEATURE = '''Feature: Isolation
  Scenario: the first visit signs in
    Given I am a returning customer
    When I open the "sign-in" page
    And I sign in
    Then I should see "Signed in"

  Scenario: the next visit on the same worker starts signed out
    Given I am a returning customer
    When I open the "account" page
    Then I should see "You are not signed in"
    And I should see "No session"
'''


def test_a_scenario_does_not_inherit_the_sign_in_of_the_one_before(tmp_path: Path) -> None:
    site = TinySite()
    site.routes.update({"/": (200, "<h1>Home</h1>"), "/sign-in": (200, SIGN_IN), "/account": (200, ACCOUNT)})
    try:
        ws = write_workspace(tmp_path / "ws", {"a.feature": FEATURE}, base_url=site.url, auto_check=False,
                             pages={"home": "/", "sign-in": "/sign-in", "account": "/account"})
        outcome = finish(start_empathy(ws, "run", "-p", "no:randomly", EMPATHY_DEMO_PASSWORD="correct horse 42"))
    finally:
        site.close()
    assert outcome.code == 0, outcome.text[-3000:]
    assert "2 passed" in outcome.out, outcome.out[-2000:]
    assert "PytestAssertRewriteWarning" not in outcome.text  # a user's run shows no warning about the harness
