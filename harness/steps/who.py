"""Who: pick the persona that walks the journey.

The persona decides pace, patience, habits and the personal details typed in, so it comes first
in a scenario. Phrases resolve through the persona files' names and aliases ("an anxious customer",
"\"hurried\""); an unknown one fails naming the personas that exist.
"""

from __future__ import annotations

from pytest_bdd import given, parsers

from harness.runner.scenario import EmpathyScenario

_NOUN = r"(?:customer|user|person|visitor|member)"


@given(parsers.re(rf'I am (?P<article>an?) (?P<persona>[A-Za-z][\w-]*(?: [A-Za-z][\w-]*)?) (?P<noun>{_NOUN})'))
def i_am_a_kind_of_customer(empathy_scenario: EmpathyScenario, article: str, persona: str, noun: str) -> None:
    """Given I am an anxious customer

    Walk the journey as the persona this describes ("a hurried customer", "a screen-reader user").
    """
    empathy_scenario.cast(f"{article} {persona} {noun}")


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
