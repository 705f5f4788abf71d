"""`empathy report`: one HTML report, summary and gate decision from one or more runs (or CI shards)."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Add `report` to the top-level app."""
    app.command()(report)


def report(
    folders: list[str] = typer.Argument(None, help="Reports folders (holding allure-results/ and empathy/) or "
                                                   "allure-results folders; default: the configured reports_dir."),
    output: str = typer.Option(None, "--output", "-o", help="Where the HTML report goes "
                                                            "(default: <reports_dir>/allure-report)."),
    gate: bool = typer.Option(True, "--gate/--no-gate", help="Exit 1 when the merged run fails the gate."),
) -> None:
    """Build the Allure 3 HTML report (the gate in its Quality Gates tab, the score on its first screen) and the
    empathy summary, keeping history so trends show. Needs Node.js 20+; the Allure generator is the workspace's
    (package.json) or, when it has none, installed once into ~/.cache/empathy-harness."""
    from pathlib import Path

    from harness.config import load_settings
    from harness.exceptions import ReportError
    from harness.reporting import build_report
    from harness.reporting.results import read_results

    settings = load_settings()
    reports = settings.path("reports_dir")
    given = [Path(f) for f in folders] if folders else [reports]
    results_dirs = [f / "allure-results" if (f / "allure-results").is_dir() else f for f in given]
    empathy_dirs = [f if (f / "empathy").is_dir() else f.parent for f in given]
    out = Path(output) if output else reports / "allure-report"
    if not read_results(empathy_dirs):  # a report of nothing would overwrite the last run's summary and history
        raise ReportError(f"no scenario results in {', '.join(str(f) for f in given)}",
                          hint="run the suites first (`empathy run`), or name the reports folders of your runs or "
                               "shards; nothing was written")
    index, summary, decision = build_report(settings, results_dirs, empathy_dirs, out)
    delta = "" if summary["delta"] is None else f" ({summary['delta']:+} against the previous run)"
    typer.echo(f"empathy score {summary['score']}{delta} over {summary['scenarios']} scenario(s)")
    typer.echo(f"summary: {reports / 'empathy-summary.md'} and {reports / 'empathy-summary.html'}")
    typer.echo(f"report: {index}")
    for reason in decision.reasons:
        typer.secho(f"gate: {reason}", err=True, fg=typer.colors.RED)
    if gate and not decision.passed:
        raise typer.Exit(1)
