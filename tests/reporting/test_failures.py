"""Failures as findings: the finding's step turns red with the finding; JourneyFeltCold's name and trace go."""

from __future__ import annotations

from collections.abc import Iterator
from types import SimpleNamespace

import allure_commons
import pytest
from allure_commons import model2
from allure_commons.lifecycle import AllureLifecycle
from allure_commons.model2 import Status, StatusDetails

from harness.reporting.failures import CleanResults, failed_on_findings, finding_text, mark_finding_steps
from harness.runner.verdict import check
from tests.reporting.conftest import finding, transcript


class Listener:
    """Stands where allure-pytest-bdd's listener stands: a plugin holding the lifecycle."""

    def __init__(self) -> None:
        self.lifecycle = AllureLifecycle()


@pytest.fixture
def test_result() -> Iterator[model2.TestResult]:
    listener = Listener()
    allure_commons.plugin_manager.register(listener)
    with listener.lifecycle.schedule_test_case() as result:
        result.name = "File a claim"
    for i, text in enumerate(["Given I am anxious", "When I do thing 0", "When I do thing 1", "When I do thing 0"]):
        with listener.lifecycle.start_step(uuid=f"s{i}", parent_uuid=result.uuid) as step:
            step.name, step.status = text, Status.PASSED
        listener.lifecycle.stop_step(uuid=f"s{i}")
    yield result
    allure_commons.plugin_manager.unregister(listener)


def test_the_step_where_the_finding_was_made_fails_with_it(test_result: model2.TestResult) -> None:
    t = transcript(3)
    t.steps[2].text = "When I do thing 0"  # the same words twice: the second one is meant
    cold = finding(step=2, message="Cold message")
    mark_finding_steps(t, [cold])
    statuses = [s.status for s in test_result.steps]
    assert statuses == [Status.PASSED, Status.PASSED, Status.PASSED, Status.FAILED]
    assert test_result.steps[3].statusDetails.message == finding_text([cold])
    assert finding_text([cold]) == "cold-copy (serious): Cold message\nSuggestion: Say what to do next"


def _fail(exc_raiser) -> tuple[SimpleNamespace, SimpleNamespace]:  # type: ignore[no-untyped-def]
    try:
        exc_raiser()
    except AssertionError:
        excinfo = pytest.ExceptionInfo.from_current()
    report = SimpleNamespace(failed=True, longrepr="a long traceback")
    failed_on_findings(SimpleNamespace(option=SimpleNamespace(tbstyle="auto")), SimpleNamespace(excinfo=excinfo),
                       report)
    return excinfo, report


def test_a_journey_failure_loses_its_name_and_trace_but_project_code_keeps_its_own(settings) -> None:  # type: ignore[no-untyped-def]
    raised, report = _fail(lambda: check([finding()], settings, "a message was cold"))  # raised in the harness
    message = str(raised.value)
    assert report.longrepr == message
    details = StatusDetails(message=f"harness.findings.JourneyFeltCold: {message}",
                            trace="fixturefunc = <function ...>\n  raise JourneyFeltCold")
    result = model2.TestResult(statusDetails=details)

    def project_step() -> None:
        raise AssertionError("the basket is empty")

    _, kept = _fail(project_step)  # a project's own step: its traceback helps its author
    assert kept.longrepr == "a long traceback"
    other = StatusDetails(message="AssertionError: the basket is empty", trace="a real trace")
    result.steps.append(model2.TestStepResult(statusDetails=other))
    CleanResults().report_result(result)
    assert result.statusDetails.message == message and result.statusDetails.trace is None
    assert result.steps[0].statusDetails.trace == "a real trace"
