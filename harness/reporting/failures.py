"""Failures read as findings, not tracebacks: in the Allure results and on the console.

A blocking finding is a verdict on the site, not a bug in the harness, so its Python traceback (pytest's
fixture frames, `raise JourneyFeltCold`) helps nobody reading the report. Three things follow:
- the Gherkin step where the finding was made is marked failed, with the finding as its message;
- every status message of such a failure (and of a step the harness could not do) loses the exception's
  name and its trace;
- on the console the failure prints as its message, unless `--tb` was given to debug the harness.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import allure_commons
from allure_commons.model2 import Label, Status, StatusDetails, TestResult, TestStepResult

from harness.findings import Finding, JourneyFeltCold
from harness.reporting.allure import allure_lifecycle
from harness.reporting.release import RULE_LABEL
from harness.transcript import Transcript

_PREFIXES = (f"{JourneyFeltCold.__module__}.{JourneyFeltCold.__qualname__}: ", f"{JourneyFeltCold.__qualname__}: ")
_HARNESS = Path(__file__).resolve().parents[1]
_NAME = re.compile(r"^[A-Za-z_][\w.]*: ")  # "harness.browser.errors.ActionFailed: " before a message
_SHOWN_PLAIN: set[str] = set()  # messages of this process's journey failures, shown without a traceback


def finding_text(findings: Iterable[Finding]) -> str:
    """The findings on one step, each with its suggestion and evidence, as a step's failure message."""
    blocks = []
    for f in findings:
        lines = [f"{f.rule} ({f.impact}): {f.message}"]
        if f.suggestion:
            lines.append(f"Suggestion: {f.suggestion}")
        lines += [f"{key}: {value}" for key, value in f.evidence.items() if key != "key" and isinstance(value, str)]
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


def _current_test() -> TestResult | None:
    """The Allure test result under way in this process, if any."""
    lifecycle = allure_lifecycle()
    if lifecycle is None:
        return None
    with lifecycle.update_test_case() as test:
        return test if isinstance(test, TestResult) else None


def mark_finding_steps(transcript: Transcript, blocking: list[Finding]) -> None:
    """Fail the Gherkin step on which each blocking finding was made, with the findings as its message."""
    test = _current_test()
    if test is None or not blocking:
        return
    by_step: dict[int, list[Finding]] = {}
    for finding in blocking:
        by_step.setdefault(finding.step, []).append(finding)
    for index, findings in sorted(by_step.items()):
        if not 0 <= index < len(transcript.steps):
            continue
        text = transcript.steps[index].text
        nth = sum(1 for s in transcript.steps[: index + 1] if s.text == text)
        same = [s for s in test.steps if " ".join((s.name or "").split()) == text]
        if len(same) >= nth:
            step = same[nth - 1]
            step.status = Status.FAILED
            step.statusDetails = StatusDetails(message=finding_text(findings))


class CleanResults:
    """An allure-commons plugin: strips the exception's name and trace from the journey's own failures
    (see `plain_failure`) in every result before it is written."""

    @allure_commons.hookimpl(tryfirst=True)
    def report_result(self, result: TestResult) -> None:
        _clean(result)


def plain(message: str) -> str:
    """A JourneyFeltCold's message without the exception's name ("JourneyFeltCold: ...")."""
    for prefix in _PREFIXES:
        if message.startswith(prefix):
            return message[len(prefix):].strip()
    return message


def plain_failure(exc: BaseException) -> bool:
    """Whether a failure is the journey's, told by the harness: blocking findings, or a step the harness could
    not do or see ("no field labelled ..."); its message says it all. Failures in a project's own step code
    keep their traceback."""
    if isinstance(exc, JourneyFeltCold):
        return True
    if not isinstance(exc, AssertionError):
        return False
    tb = exc.__traceback__
    while tb is not None and tb.tb_next is not None:
        tb = tb.tb_next
    return tb is not None and Path(tb.tb_frame.f_code.co_filename).resolve().is_relative_to(_HARNESS)


def _clean(item: TestResult | TestStepResult) -> None:
    details = item.statusDetails
    if details is not None and details.message:
        text = _NAME.sub("", details.message.strip(), count=1)
        if text in _SHOWN_PLAIN:
            details.message, details.trace = text, None
    for step in item.steps or []:
        _clean(step)


def register(config: Any) -> None:
    """Install the cleaner once per pytest run (the allure plugin manager is process-wide)."""
    plugin = CleanResults()
    allure_commons.plugin_manager.register(plugin)
    config.add_cleanup(lambda: allure_commons.plugin_manager.unregister(plugin))


def failed_on_findings(config: Any, call: Any, report: Any) -> None:
    """A scenario failed as a journey (see `plain_failure`): in the results and, unless `--tb` asks for a
    traceback style, on the console, its message alone; on blocking findings, label their rules (categories)."""
    excinfo = call.excinfo
    if excinfo is None or not report.failed or not plain_failure(excinfo.value):
        return
    _SHOWN_PLAIN.add(str(excinfo.value).strip())
    test = _current_test()
    if test is not None and isinstance(excinfo.value, JourneyFeltCold):
        test.labels += [Label(name=RULE_LABEL, value=rule) for rule in sorted({f.rule for f in excinfo.value.findings})]
    if getattr(config.option, "tbstyle", "auto") == "auto":
        report.longrepr = str(excinfo.value)
