"""Reporting: what the plugin hands over at each step and scenario end (owned by the reporting module).

These four functions are the whole surface the plugin uses; everything else in this package is
implementation. (Placeholder bodies until the reporting issue lands.)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from harness.config import Settings
    from harness.findings import Finding
    from harness.transcript import Step, Transcript


def report_step(step: Step, findings: list[Finding], reports_dir: Any) -> None:
    """Attach the step's screenshot and its findings inside the Allure step that is still open."""


def report_scenario(transcript: Transcript, findings: list[Finding], settings: Settings) -> None:
    """Attach the transcript, labels, journey map and score to the scenario; write its result file."""


def blocking_findings(findings: list[Finding], settings: Settings) -> list[Finding]:
    """The failed findings at or above `fail_on` that no baseline or allow-tag excuses."""
    return []


def session_start(settings: Settings) -> None:
    """Write run-level Allure files (categories, environment, executor) once per run."""


def session_finish(settings: Settings) -> None:
    """Write the run summary (JSON and Markdown) from the per-scenario result files."""
