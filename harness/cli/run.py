"""`empathy run` and `empathy baseline`: the release gate as one command for CI.

`empathy run` is a thin wrapper over pytest with the plugin: it points Allure results and JUnit XML
into the reports folder, passes sharding and parallelism through, and applies the run-level gate.

Exit codes: 0 the journeys passed the gate; 1 the gate failed (a blocking finding, a failing
scenario, a score below the floor or a drop beyond the limit); 2 usage error; 3-10 a harness error
(see `harness.exceptions`); 5 also when no scenario was collected; 130 interrupted.
"""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Add `run` and `baseline` to the top-level app."""
    app.command(context_settings={"allow_extra_args": True, "ignore_unknown_options": True})(run)
    app.command()(baseline)


def run(
    ctx: typer.Context,
    paths: list[str] = typer.Argument(None, help="Feature files or folders (default: [tool.empathy] features_dir)."),
    workers: str = typer.Option(None, "-n", "--workers", help="Parallel workers (pytest-xdist), e.g. 2 or auto."),
    shard: str = typer.Option(None, "--shard", metavar="K/N", help="Run only slice K of N (CI matrix)."),
    base_url: str = typer.Option(None, "--base-url", help="Site under test."),
    fail_on: str = typer.Option(None, "--fail-on", help="minor, moderate, serious, critical or never."),
    seed: int = typer.Option(None, "--seed", help="Run seed for generated persona data."),
    variant: str = typer.Option(None, "--variant", help="A label for this run, shown in the report."),
    browser_endpoint: str = typer.Option(None, "--browser-endpoint", help="ws:// Playwright server or http:// CDP."),
    reruns: int = typer.Option(0, "--reruns", min=0, help="Retry a failing scenario up to N times (shown as flaky)."),
    keep_results: bool = typer.Option(False, "--keep-results", help="Add to earlier results, do not start clean."),
    persona: str = typer.Option(None, "--persona", help="Run only the scenarios (and Examples rows) this persona "
                                "walks, e.g. anxious.", rich_help_panel="Run just that one"),
    tags: str = typer.Option(None, "--tags", help='Gherkin tag expression, e.g. "@journey:checkout and not @slow".',
                             rich_help_panel="Run just that one"),
    keyword: str = typer.Option(None, "-k", help="pytest -k expression on scenario names.",
                                rich_help_panel="Run just that one"),
    tracing: str = typer.Option(None, "--tracing", metavar="on|off|retain-on-failure",
                                help="Playwright trace per scenario, attached to the report (default: "
                                     "retain-on-failure when CI is set, else off).", rich_help_panel="Watch it"),
    video: str = typer.Option(None, "--video", metavar="on|off|retain-on-failure",
                              help="Video per scenario, attached to the report (default: off).",
                              rich_help_panel="Watch it"),
    screenshots: str = typer.Option(None, "--screenshots", metavar="every-step|on-finding|off",
                                    help="Step screenshots (default: on-finding, a step with a finding or a "
                                         "failure).", rich_help_panel="Watch it"),
    headed: bool = typer.Option(False, "--headed", help="Show the browser window.", rich_help_panel="Watch it"),
    slowmo: int = typer.Option(None, "--slowmo", metavar="MS", min=0,
                               help="Slow every browser operation down by MS milliseconds.",
                               rich_help_panel="Watch it"),
) -> None:
    """Run the feature suites as personas, then apply the gate. Extra arguments after `--` go to pytest."""
    from harness.config import load_settings
    from harness.suite import run_suites

    overrides = {"base_url": base_url, "fail_on": fail_on, "seed": seed, "variant": variant,
                 "browser_endpoint": browser_endpoint, "tracing": tracing, "video": video, "slowmo": slowmo,
                 "screenshots": screenshots,
                 "headless": False if headed else None}
    settings = load_settings(overrides=overrides)
    if shard:  # a ConfigError naming the option, before any output folder is touched
        from harness.shard import parse_shard

        parse_shard(shard)
    if persona:  # an unknown one is a PersonaError here, before any output folder is touched
        from harness.personas.loader import persona_files, resolve_name

        persona = resolve_name(persona, persona_files(settings))
    code = run_suites(settings, paths or [], workers=workers, shard=shard, reruns=reruns,
                      keep_results=keep_results, extra=[*selection_args(persona, tags, keyword), *ctx.args])
    raise typer.Exit(code)


def selection_args(persona: str | None, tags: str | None, keyword: str | None) -> list[str]:
    """--persona, --tags and -k as pytest arguments (a tag expression becomes a marker expression)."""
    from harness.runner.selection import tags_to_markers

    args = ["--empathy-only-persona", persona] if persona else []
    if tags:
        args += ["-m", tags_to_markers(tags)]
    return args + (["-k", keyword] if keyword else [])


def baseline(
    output: str = typer.Option(None, "--output", "-o", help="Baseline file (default: [tool.empathy] baseline "
                               "or empathy-baseline.json)."),
    reports: list[str] = typer.Argument(None, help="Reports folders to read (default: the configured reports_dir)."),
) -> None:
    """Record the current findings as known, so only new findings fail the gate from now on."""
    from pathlib import Path

    from harness.config import load_settings
    from harness.reporting.baseline import write_baseline
    from harness.reporting.results import read_results
    from harness.reporting.score import mean_score

    settings = load_settings()
    folders = [Path(r) for r in reports] if reports else [settings.path("reports_dir")]
    results = read_results(folders)
    target = Path(output) if output else settings.path("baseline") if settings.baseline else \
        settings.root / "empathy-baseline.json"
    count = write_baseline(target, results, mean_score([r.score for r in results]))
    typer.echo(f"baseline: {count} known finding(s) from {len(results)} scenario(s) written to {target}")
