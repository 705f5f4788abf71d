"""Reporting: what the plugin hands over at each step and scenario end.

These functions are the whole surface the plugin uses; the modules beside them are the
implementation (allure, journey_map, score, results, summary, gate, baseline).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from harness.config import Settings
    from harness.findings import Finding
    from harness.reporting.gate import GateDecision
    from harness.transcript import Step, Transcript


def report_step(step: Step, findings: list[Finding], reports_dir: Path | str, rerun: str = "") -> None:
    """Attach the step's screenshot and its findings (each with the `rerun` command) inside the open Allure step."""
    from harness.reporting.allure import attach_step

    attach_step(step, findings, Path(reports_dir), rerun)


def report_scenario(transcript: Transcript, findings: list[Finding], settings: Settings, rerun: str = "") -> None:
    """Attach labels, score, journey map and transcript to the scenario, and write its result file."""
    from harness.reporting import allure as allure_report
    from harness.reporting.failures import mark_finding_steps
    from harness.reporting.gate import blocking_findings
    from harness.reporting.journey_map import peak_step, render_svg, strain
    from harness.reporting.results import ScenarioResult, write_result
    from harness.reporting.score import scenario_score

    strains = strain(transcript, findings)
    peak = peak_step(strains)
    score = scenario_score(findings, len(transcript.steps), peak)
    blocking = blocking_findings(findings, settings)
    reports_dir = settings.path("reports_dir")
    transcript_path = reports_dir / "transcripts"
    result = ScenarioResult(
        feature=transcript.feature, scenario=transcript.scenario, journey=allure_report.journey_of(transcript.tags),
        persona=transcript.persona_name, seed=transcript.seed, variant=settings.variant,
        base_url=transcript.base_url, score=score, strains=strains, peak=peak,
        steps=[s.text for s in transcript.steps], screenshots=[s.screenshot for s in transcript.steps],
        findings=findings, blocking=[f.key() for f in blocking],
        transcript=str(transcript_path.relative_to(reports_dir)) if transcript_path.is_relative_to(reports_dir) else "",
    )
    write_result(result, reports_dir)
    allure_report.label_scenario(transcript, findings, settings)
    mark_finding_steps(transcript, blocking)
    moment = f"worst moment: step {peak + 1}" if peak is not None else "no strained moment"
    text = (f"Empathy score {score} / 100 for {transcript.persona_name} ({moment}; "
            f"{sum(1 for f in findings if f.failed)} failed finding(s), {len(blocking)} blocking)")
    allure_report.attach_scenario(transcript, findings, render_svg(transcript, findings), text, rerun)


def blocking_findings(findings: list[Finding], settings: Settings) -> list[Finding]:
    """The failed findings at or above `fail_on` that no baseline excuses."""
    from harness.reporting.gate import blocking_findings as blocking

    return blocking(findings, settings)


def session_start(settings: Settings, results_dir: Path | str | None = None, **environment: str) -> None:
    """Write run-level Allure files (environment, executor) into the results folder."""
    from harness import __version__
    from harness.reporting.allure import write_run_files

    folder = Path(results_dir) if results_dir else settings.path("reports_dir") / "allure-results"
    write_run_files(folder, settings, {"harness": __version__, "model": "all-MiniLM-L6-v2", **environment})


def session_finish(settings: Settings) -> None:
    """Write the run summary (JSON and Markdown) from the per-scenario result files."""
    summarise_run(settings)


def summarise_run(settings: Settings, folders: list[Path] | None = None, *,
                  keep_history: bool = False) -> tuple[dict[str, Any], GateDecision]:
    """Summary and run-level gate decision over the scenario results in `folders` (default: reports_dir)."""
    from harness.reporting.gate import decide
    from harness.reporting.results import read_results
    from harness.reporting.summary import previous_summary, write_summary

    reports_dir = settings.path("reports_dir")
    results = read_results(folders or [reports_dir])
    last = previous_summary(reports_dir)
    summary = write_summary(reports_dir, results, keep_history=keep_history)
    return summary, decide(results, settings, (last or {}).get("score"))


def build_report(settings: Settings, results_dirs: list[Path], empathy_dirs: list[Path],
                 output: Path) -> tuple[Path, dict[str, Any], GateDecision]:
    """The summary (kept in history), its HTML page, the Allure plan and the single-file report: index.html."""
    from harness.exceptions import ReportError
    from harness.reporting.html import generate
    from harness.reporting.release import summary_html, write_plan
    from harness.reporting.results import read_results
    from harness.reporting.summary import score_trend

    reports = settings.path("reports_dir")
    summary, decision = summarise_run(settings, empathy_dirs, keep_history=True)
    results = read_results(empathy_dirs)
    page = reports / "empathy-summary.html"
    page.write_text(summary_html(summary, decision, results, reports, score_trend(reports)), encoding="utf-8")
    plan = write_plan(reports / "history", settings, summary, decision, results, page)
    try:
        index = generate(results_dirs, output, reports / "history" / "allure-history.jsonl", settings.root, plan)
    except ReportError as exc:  # no Node or no generator: the summary page needs neither, say where it is
        raise ReportError(exc.message, hint=f"{exc.hint}; the empathy summary is already in {page}") from None
    return index, summary, decision
