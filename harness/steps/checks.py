"""Checks: say in the feature file what the journey must feel like, and fail when it does not.

Each step runs one rule (or all enabled rules) on the transcript so far. Findings are attached to
this step in the report; the step fails when a finding is at or above `fail_on` (the same verdict
as the automatic checks at the end of every scenario, so a check step never disagrees with them).
"""

from __future__ import annotations

from pytest_bdd import parsers, then

from harness.findings import JourneyFeltCold
from harness.runner.scenario import EmpathyScenario


def _check(state: EmpathyScenario, rules: list[str] | None, what: str) -> None:
    from harness.checks import run_checks
    from harness.reporting import blocking_findings

    found = run_checks(state.journey.transcript, state.settings, only=rules, tags=state.tags)
    state.new_findings(found, asked=True)
    blocking = blocking_findings(found, state.settings)
    if blocking:
        raise JourneyFeltCold(blocking, what, state.rerun_command)


@then(parsers.re(r"I should not (?:be asked|have to give|have to tell you) (?:for )?anything twice"))
def not_asked_twice(empathy_scenario: EmpathyScenario) -> None:
    """Then I should not be asked for anything twice

    No page or chat asked again, empty, for something the persona already gave (rule repeated-prompt).
    """
    _check(empathy_scenario, ["repeated-prompt"], "I was asked for something twice")


@then(parsers.re(r"nothing I (?:said|gave|told you|entered) should (?:be|get) lost"))
def nothing_lost(empathy_scenario: EmpathyScenario) -> None:
    """Then nothing I said should be lost

    What the persona gave follows them: kept after back, reload and errors, passed on at a hand-off,
    remembered for a returning customer (rule lost-context).
    """
    _check(empathy_scenario, ["lost-context"], "something I said was lost")


@then(parsers.re(r"every message should be (?:kind|warm|considerate)"))
def every_message_kind(empathy_scenario: EmpathyScenario) -> None:
    """Then every message should be kind

    Errors, validation, status and confirmation messages acknowledge the person and say what to do
    next, without codes, blame or shouting (rule cold-copy).
    """
    _check(empathy_scenario, ["cold-copy"], "a message was cold")


@then(parsers.re(r"I should be reassured while I wait"))
def reassured_while_waiting(empathy_scenario: EmpathyScenario) -> None:
    """Then I should be reassured while I wait

    Every wait longer than about a second showed a busy or status signal, longer ones progress or a
    time estimate (rule missing-reassurance).
    """
    _check(empathy_scenario, ["missing-reassurance"], "I was left waiting in silence")


@then(parsers.re(r"I should know what happens next"))
def know_what_happens_next(empathy_scenario: EmpathyScenario) -> None:
    """Then I should know what happens next

    After a submission that matters the persona sees a reference, what happens next and when, and a
    route to a person after repeated errors (rule missing-reassurance).
    """
    _check(empathy_scenario, ["missing-reassurance"], "I was not told what happens next")


@then(parsers.re(r"the journey should feel (?:considerate|kind|human)"))
def journey_feels_considerate(empathy_scenario: EmpathyScenario) -> None:
    """Then the journey should feel considerate

    Every enabled check passes on the journey so far.
    """
    _check(empathy_scenario, None, "the journey did not feel considerate")
