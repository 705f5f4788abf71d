"""Running the suites for `empathy run`: pytest in-process, then the run-level gate.

Why in-process: Ctrl-C and SIGTERM from CI become a KeyboardInterrupt in this process
(`harness.runner.interrupt`), so pytest tears down browsers and any portal it started and flushes
the results written so far; a stopped run exits 130 whatever pytest made of it.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import typer

from harness.config import Settings

PYTEST_TO_EXIT = {0: 0, 1: 1, 2: 130, 3: 70, 4: 2, 5: 5}
OUTPUT_FOLDERS = ("allure-results", "empathy", "transcripts", "screenshots", "artifacts")


LAST_RUN = ".last-run"  # under reports_dir: the last run's outputs while this run's pre-flight decides
SET_ASIDE = (*OUTPUT_FOLDERS, "junit.xml")  # junit.xml: pytest writes one (of no test) for a run it stopped too


def set_aside(reports: Path) -> Path:
    """Start a run from empty result folders (history and durations stay), the last run's moved under LAST_RUN.

    Why not deleted: a run its pre-flight stops (a bad feature file, the site down) ran nothing, and a mistake in
    the input must not lose the results, transcripts and report of the run before (`restore`)."""
    aside = reports / LAST_RUN
    shutil.rmtree(aside, ignore_errors=True)
    for name in SET_ASIDE:
        if (reports / name).exists():
            aside.mkdir(parents=True, exist_ok=True)
            (reports / name).replace(aside / name)
    return aside


def restore(reports: Path, aside: Path) -> None:
    """Put the last run's outputs back (`set_aside`), over what a stopped run began."""
    for name in SET_ASIDE:
        if (aside / name).exists():
            if (reports / name).is_dir():
                shutil.rmtree(reports / name, ignore_errors=True)
            (aside / name).replace(reports / name)  # over a file of the stopped run's
    shutil.rmtree(aside, ignore_errors=True)


def pytest_args(settings: Settings, paths: list[str], *, workers: str | None, shard: str | None,
                reruns: int, extra: list[str]) -> list[str]:
    """The pytest command line for a run."""
    reports = settings.path("reports_dir")
    args = [*(paths or [str(settings.path("features_dir"))]),
            f"--alluredir={reports / 'allure-results'}", f"--junitxml={reports / 'junit.xml'}",
            f"--empathy-base-url={settings.base_url}", f"--empathy-seed={settings.seed}",
            f"--empathy-fail-on={settings.fail_on}", f"--rootdir={settings.root}", "-p", "no:cacheprovider",
            # `empathy` imported the harness before pytest could mark its own plugin for assertion rewriting
            "-W", "ignore:Module already imported so cannot be rewritten:pytest.PytestAssertRewriteWarning"]
    if settings.variant:
        args.append(f"--empathy-variant={settings.variant}")
    if settings.identity:
        args.append(f"--empathy-identity={settings.identity}")
    if settings.browser_endpoint:
        args.append(f"--browser-endpoint={settings.browser_endpoint}")
    if settings.keep_sign_in:
        args.append("--empathy-keep-sign-in")
    args += watch_args(settings)
    if workers:
        args += ["-n", workers]
    if shard:
        args.append(f"--shard={shard}")
    if reruns:
        args.append(f"--reruns={reruns}")
    return args + extra


def watch_args(settings: Settings) -> list[str]:
    """Trace, video, screenshots, window and pace of the run, as pytest flags."""
    args = [f"--empathy-video={settings.video}", f"--empathy-slowmo={settings.slowmo}",
            f"--empathy-screenshots={settings.screenshots}"]
    if settings.tracing:
        args.append(f"--empathy-tracing={settings.tracing}")
    if not settings.headless:
        args.append("--empathy-headed")
    return args


def run_suites(settings: Settings, paths: list[str], *, workers: str | None = None, shard: str | None = None,
               reruns: int = 0, keep_results: bool = False, extra: list[str] | None = None) -> int:
    """Run pytest with the plugin, write the summary, apply the gate; returns the exit code."""
    import pytest

    from harness.reporting import summarise_run
    from harness.reporting.results import any_written
    from harness.runner import interrupt, preflight

    reports = settings.path("reports_dir")
    preflight.check_reports_dir(reports)  # ReportError before anything is written
    aside = None if keep_results else set_aside(reports)
    with interrupt.stopping_on_signals(workers=bool(workers)):
        watch = preflight.RunWatch()
        try:
            code = int(pytest.main(pytest_args(settings, paths, workers=workers, shard=shard, reruns=reruns,
                                               extra=extra or []), plugins=[watch]))
        except BaseException:  # Ctrl-C while pytest still loads its plugins and step modules: it ran nothing
            if aside is not None and not any_written(reports):
                restore(reports, aside)  # else they waited under LAST_RUN, and the next run's set_aside deleted them
            raise
        stop = watch.stopped()
        if stop is None and code == pytest.ExitCode.USAGE_ERROR:  # pytest refused the command line (said above):
            stop = PYTEST_TO_EXIT[code]  # a path not found, a bad -m, -k or -n; nothing ran
        elif stop is None and interrupt.requested() is not None:  # Ctrl-C or SIGTERM (in the pre-flight, say)
            stop = 130
        # the run never started (no scenario finished: with workers, one's stop may come after another's scenario):
        # no summary, no gate, the harness error's own code
        if stop is not None and not any_written(reports):
            if aside is not None:
                restore(reports, aside)
            if stop == 130:
                typer.secho(f"empathy: interrupted before any scenario finished; the last run's results are kept in "
                            f"{reports}", err=True)
            return stop
        if aside is not None:
            shutil.rmtree(aside, ignore_errors=True)
        summary, decision = summarise_run(settings)  # also after a stop: the scenarios that finished
        stopped = interrupt.requested() is not None
        # the run's own stop took effect only if pytest was interrupted: one asked for once every scenario had
        # finished (the run winding down) stopped nothing, and the gate decides
        asked = interrupt.asked() if code == pytest.ExitCode.INTERRUPTED else ""
    if summary["scenarios"]:
        typer.echo(f"empathy: score {summary['score']} over {summary['scenarios']} scenario(s); "
                   f"summary in {reports / 'empathy-summary.md'}")
    else:
        typer.echo("empathy: no scenario finished, so there is no score")
    if stopped:
        typer.secho(f"empathy: interrupted; the results of finished scenarios are in {reports}", err=True)
        return 130
    if asked:  # the run's own stop (a time budget): whoever asked for it says so
        return 130
    for reason in decision.reasons:
        typer.secho(f"empathy: gate: {reason}", err=True, fg=typer.colors.RED)
    exit_code = PYTEST_TO_EXIT.get(code, code)
    if exit_code == 0 and not decision.passed:
        exit_code = 1
    return exit_code
