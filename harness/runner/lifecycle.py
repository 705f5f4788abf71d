"""What happens around every Gherkin step and scenario: record, check, report, decide.

Order matters. Per step: the journey closes the step, the checks run on the transcript so far, a
step with new findings is pictured (`screenshots = "on-finding"`: the page still shows it), and
reporting attaches the screenshot and the step's new findings while the Allure step is still open
(the plugin runs these hooks `tryfirst`, before allure-pytest-bdd closes the step). Per scenario:
the journey is finished (transcript written), every enabled check runs on the whole transcript,
reporting writes the scenario's result, and a blocking finding makes the scenario fail. pytest-bdd
calls the after-scenario hook inside the test, so raising there fails the test itself, not its
teardown.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from harness.findings import JourneyFeltCold
from harness.runner import interrupt, progress
from harness.runner.scenario import EmpathyScenario

if TYPE_CHECKING:
    import pytest

    from harness.findings import Finding
    from harness.transcript import Transcript


def _state(request: pytest.FixtureRequest) -> EmpathyScenario:
    return request.getfixturevalue("empathy_scenario")


def scenario_tags(feature: Any, scenario: Any) -> list[str]:
    """The scenario's tags with the feature's and rule's (as written, without '@')."""
    rule = getattr(scenario, "rule", None)
    tags = set(scenario.tags) | set(feature.tags) | (set(rule.tags) if rule is not None else set())
    return sorted(tags)


def step_text(step: Any) -> str:
    """The step as written in the feature file, with its keyword ("And I press \"Continue\"")."""
    return f"{step.keyword.strip()} {step.name}"


def before_scenario(request: pytest.FixtureRequest, feature: Any, scenario: Any) -> None:
    """Tell the scenario state its names and tags; update the progress line (a stop asked for is taken here)."""
    interrupt.scenario_began()
    state = _state(request)
    state.feature = feature.name or feature.rel_filename
    state.scenario = scenario.name
    state.tags = scenario_tags(feature, scenario)
    progress.scenario_started(request.config, state.scenario)


def before_step(request: pytest.FixtureRequest, step: Any) -> None:
    """Start recording the step (the journey picks it up when it opens during the step)."""
    interrupt.raise_if_requested()
    state = _state(request)
    state.begin_step(step_text(step), step.keyword.strip())
    progress.step_started(request.config, state.persona_name, step_text(step))


def _check_so_far(state: EmpathyScenario) -> None:
    if state.settings.auto_check and state.started:
        from harness.checks import run_checks

        state.new_findings(run_checks(state.journey.transcript, state.settings, tags=state.tags))


def after_step(request: pytest.FixtureRequest, status: str = "passed", error: str = "") -> None:
    """Close the step, check the journey so far, and attach screenshot and new findings to the step."""
    from harness.reporting import report_step

    interrupt.raise_if_requested()

    state = _state(request)
    recorded = state.end_step(status=status, error=error)
    if recorded is None:
        return
    _check_so_far(state)
    fresh = state.take_unreported()
    if fresh and recorded.screenshot is None:  # on-finding: the page still shows what was found
        recorded.screenshot = state.journey.screenshot_last_step()
    report_step(recorded, fresh, state.settings.path("reports_dir"), state.rerun_command if fresh else "")
    progress.findings_added(request.config, len(fresh))


def step_error(request: pytest.FixtureRequest, exception: BaseException) -> None:
    """Close a step that raised: the journey's own failure is a failed step, a hang or crash a broken one."""
    from harness.browser.errors import status_for

    status = status_for(exception)
    after_step(request, status=status, error=f"{type(exception).__name__}: {exception}"[:2000])


def after_scenario(request: pytest.FixtureRequest, feature: Any, scenario: Any) -> None:
    """Finish the journey, run every enabled check, report, and fail on blocking findings.

    Not after a stop: pytest-bdd calls this hook on the way out of an interrupted scenario too, and
    finishing the journey would take a screenshot of a page that may hang. A stop the run asked for as its
    last step closed is raised here: the scenario goes unreported, so the run must end as stopped.
    """
    from harness.reporting import blocking_findings, report_scenario

    if interrupt.requested() is not None:
        return
    interrupt.raise_if_requested()
    state = _state(request)
    transcript = state.finish()
    if transcript is None:
        return
    findings = _final_findings(state, transcript)
    rerun = state.rerun_command
    report_scenario(transcript, findings, state.settings, rerun)
    request.node.user_properties.append(("empathy_persona", state.persona_name))
    request.node.user_properties.append(("empathy_findings", len(findings)))
    blocking = blocking_findings(findings, state.settings)
    if blocking and not state.failed:
        raise JourneyFeltCold(blocking, f"{state.scenario} as {state.persona_name}", rerun)


def _final_findings(state: EmpathyScenario, transcript: Transcript) -> list[Finding]:
    """Every enabled rule over the whole journey (authoritative) and what check steps asked for; without auto-check,
    the check steps' findings."""
    if not state.settings.auto_check:
        return list(state.findings)
    from harness.checks import run_checks

    final = run_checks(transcript, state.settings, tags=state.tags)
    state.new_findings(final)
    return state.with_asked(final)
