"""Who: pick the persona that walks the journey, and sign it in or out.

The persona decides pace, patience, habits and the personal details typed in, so it comes first
in a scenario. Phrases resolve through the persona files' names and aliases ("an anxious customer",
"\"hurried\""); an unknown one fails naming the personas that exist.
"""

from __future__ import annotations

from typing import Any

from pytest_bdd import given, parsers, step

from harness.config import Settings
from harness.exceptions import FeatureError
from harness.runner.scenario import EmpathyScenario
from harness.steps.details import value_of

_NOUN = r"(?:customer|user|person|visitor|member)"


@given(parsers.re(rf"I am (?P<persona>an? [A-Za-z][\w-]*(?: [A-Za-z][\w-]*)? {_NOUN})"))
def i_am_a_kind_of_customer(empathy_scenario: EmpathyScenario, persona: str) -> None:
    """Given I am an anxious customer

    Walk the journey as the persona this describes ("a hurried customer", "a screen-reader user",
    or an alias a persona file lists, such as "a returning team member").
    """
    empathy_scenario.cast(persona)


@given(parsers.re(r"I am (?P<persona>[A-Za-z][\w-]*)"))
def i_am_persona_name(empathy_scenario: EmpathyScenario, persona: str) -> None:
    """Given I am hurried

    Walk the journey as the persona with this one-word name (the same as `I am "hurried"`).
    """
    empathy_scenario.cast(persona)


@given(parsers.re(r'I am "(?P<persona>[^"]+)"'))
def i_am_named_persona(empathy_scenario: EmpathyScenario, persona: str) -> None:
    """Given I am "hurried"

    Walk the journey as the persona with this name (handy in a Scenario Outline: `I am "<persona>"`).
    """
    empathy_scenario.cast(persona)


@given(parsers.re(r'I am (?:"(?P<name>[^"]+)"|(?P<phrase>an? [A-Za-z][\w -]*?)) with an? (?:previous|earlier|past) '
                  r'(?P<history>[A-Za-z][\w -]*)'))
def i_am_with_history(empathy_scenario: EmpathyScenario, history: str, name: str | None = None,
                      phrase: str | None = None) -> None:
    """Given I am a returning customer with a previous order

    Walk the journey as this persona after a set-up journey has given them history on the site
    (the workspace implements `pytest_empathy_setup_history` for the kinds of history it knows).
    """
    empathy_scenario.cast(name or phrase or "")
    empathy_scenario.setup_history(history.strip())


@given(parsers.re(r"I am (?:(?:signed|logged) out|not (?:signed|logged) in)"))
def signed_out(journey: Any) -> None:
    """Given I am signed out

    Start without a session: the browser forgets the site's cookies and storage.
    """
    journey.page.context.clear_cookies()
    for frame in journey.page.frames:
        if frame.url.startswith("http"):
            frame.evaluate("() => { try { localStorage.clear(); sessionStorage.clear(); } catch (e) {} }")


_SIGN_IN_PAGES = ("sign-in", "sign in", "signin", "login", "log-in", "log in")


@given(parsers.re(r"I am (?:signed|logged) in"))
def signed_in(journey: Any, empathy_settings: Settings) -> None:
    """Given I am signed in

    Start signed in with the persona's account: on the page named "sign-in" (or "login") in
    `[tool.empathy.pages]`, else on the page open now.
    """
    page = next((name for name in _SIGN_IN_PAGES if name in empathy_settings.pages), None)
    if page is not None:
        journey.actor.goto(empathy_settings.page_url(page))
    elif not journey.page.url.startswith("http"):
        raise FeatureError("`Given I am signed in` needs a sign-in page: no page is open and none is named "
                           '"sign-in" or "login"', hint='add sign-in = "/your/login/path" under '
                           "[tool.empathy.pages], or open the sign-in page first")
    journey.actor.sign_in()


@step(parsers.re(r"I (?:sign|log) in"))
def sign_in(journey: Any) -> None:
    """When I sign in

    Sign in with the persona's account (email and password from their details; synonym: log in).
    """
    journey.actor.sign_in()


@step(parsers.re(r'I (?:sign|log) in as "(?P<user>[^"]+)"'))
def sign_in_as(journey: Any, user: str) -> None:
    """When I sign in as "editor"

    Sign in with this username and the persona's password (its `data.secrets.password`, an
    environment variable name: the password itself is never written in a feature or a report).
    """
    journey.actor.sign_in(user, user_key=journey.actor.detail_key_of(user))


@step(parsers.re(r"I (?:sign|log) in with my (?:username|user name|login)"))
def sign_in_with_username(journey: Any) -> None:
    """When I sign in with my username

    Sign in with the persona's username (not its e-mail address) and password.
    """
    key, value = value_of(journey, "username")
    journey.actor.sign_in(value, user_key=key)


@step(parsers.re(r"I (?:sign|log) out"))
def sign_out(journey: Any) -> None:
    """When I sign out

    Sign out of the site (synonym: log out), opening first the menu that holds the link when it is closed.
    """
    journey.actor.sign_out()
