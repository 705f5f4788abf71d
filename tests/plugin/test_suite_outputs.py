"""`run_suites` keeps the last run's results when a run stops before it starts (harness/suite.py)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from harness import suite
from harness.config import Settings
from harness.exceptions import FeatureError, SiteError
from harness.runner import preflight


def _settings(tmp_path: Path) -> Settings:
    settings = Settings(base_url="http://127.0.0.1:9", reports_dir=str(tmp_path / "reports"))
    settings._root = tmp_path
    return settings


def _last_run(reports: Path) -> None:
    for name, file in (("empathy", "a.json"), ("allure-results", "a-result.json"), ("transcripts", "a.json")):
        (reports / name).mkdir(parents=True)
        (reports / name / file).write_text("{}", encoding="utf-8")


def _stopped_after(began: Callable[[], object], code: int) -> Callable[..., int]:
    """pytest.main as a run its pre-flight stops: what it `began`, then the stop, noted on the run's config as the
    plugin notes it (`preflight.halt`)."""

    def main(args: list[str], plugins: list[Any]) -> int:
        config = SimpleNamespace(stash=pytest.Stash())
        for plugin in plugins:
            plugin.pytest_cmdline_main(config)
        began()
        with pytest.raises(pytest.exit.Exception):
            preflight.halt(config, "empathy: stopped", code)  # type: ignore[arg-type]
        return code

    return main


def test_a_run_stopped_by_its_preflight_keeps_the_last_runs_results(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    # a bad feature file or a site that is down stopped the run after its results folders were emptied: the last
    # run's results, transcripts and report inputs were gone for a mistake that ran nothing
    reports = tmp_path / "reports"
    _last_run(reports)

    def container() -> None:
        (reports / "allure-results" / "new-container.json").parent.mkdir(parents=True, exist_ok=True)
        (reports / "allure-results" / "new-container.json").write_text("{}", encoding="utf-8")

    monkeypatch.setattr(pytest, "main", _stopped_after(container, FeatureError.exit_code))
    assert suite.run_suites(_settings(tmp_path), ["features"]) == FeatureError.exit_code
    assert sorted(p.name for p in (reports / "allure-results").iterdir()) == ["a-result.json"]
    assert (reports / "empathy" / "a.json").is_file() and (reports / "transcripts" / "a.json").is_file()


def test_a_run_that_ran_starts_from_empty_results(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    reports = tmp_path / "reports"
    _last_run(reports)
    monkeypatch.setattr(pytest, "main", lambda args, plugins: 5)  # ran, and collected nothing
    suite.run_suites(_settings(tmp_path), ["features"])
    assert not (reports / "empathy").exists() and not (reports / "allure-results").exists()
    assert [p.name for p in reports.iterdir() if not p.name.startswith("empathy-summary")] in ([], ["history"])


def test_a_run_stopped_by_its_preflight_keeps_the_last_runs_junit_xml(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    # before: pytest's junit.xml of the stopped run (no test) replaced the last run's, which CI reads
    reports = tmp_path / "reports"
    _last_run(reports)
    (reports / "junit.xml").write_text("<testsuites><testsuite tests='3'/></testsuites>", encoding="utf-8")

    junit = reports / "junit.xml"
    monkeypatch.setattr(pytest, "main", _stopped_after(
        lambda: junit.write_text("<testsuites><testsuite tests='0'/></testsuites>", encoding="utf-8"),
        FeatureError.exit_code))
    assert suite.run_suites(_settings(tmp_path), ["features"]) == FeatureError.exit_code
    assert "tests='3'" in (reports / "junit.xml").read_text(encoding="utf-8")
    assert not (reports / suite.LAST_RUN).exists()


def test_a_stop_after_a_scenario_finished_keeps_this_runs_results(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    # with -n 2 a worker's pre-flight stop (its site check failing) may come after the other worker finished a
    # scenario: what finished is this run's result, not to be replaced by the last run's
    from harness.reporting.results import ScenarioResult, read_results, write_result

    reports = tmp_path / "reports"
    _last_run(reports)

    monkeypatch.setattr(pytest, "main", _stopped_after(
        lambda: write_result(ScenarioResult(uuid="this-run", scenario="finished"), reports), SiteError.exit_code))
    assert suite.run_suites(_settings(tmp_path), ["features"]) == SiteError.exit_code
    assert [r.uuid for r in read_results([reports])] == ["this-run"]
    assert not (reports / "transcripts" / "a.json").exists() and not (reports / suite.LAST_RUN).exists()


def test_a_run_pytest_refused_keeps_the_last_runs_results_and_summary(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    # `empathy run features/nope.feature` (or a bad --tags, -k or -n): pytest's usage error, exit 2, and the last
    # run's results deleted and its summary overwritten with one of 0 scenarios, for a typo that ran nothing
    reports = tmp_path / "reports"
    _last_run(reports)
    (reports / "empathy-summary.json").write_text('{"scenarios": 3}', encoding="utf-8")
    monkeypatch.setattr(pytest, "main", lambda args, plugins: pytest.ExitCode.USAGE_ERROR)
    assert suite.run_suites(_settings(tmp_path), ["features/nope.feature"]) == 2
    assert (reports / "empathy" / "a.json").is_file() and (reports / "transcripts" / "a.json").is_file()
    assert (reports / "empathy-summary.json").read_text(encoding="utf-8") == '{"scenarios": 3}'


def test_a_run_interrupted_while_pytest_starts_keeps_the_last_runs_results(tmp_path: Path,
                                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    # Ctrl-C while pytest loaded its plugins (a KeyboardInterrupt out of pytest.main): the last run's results stayed
    # under reports/.last-run, and the next run's set_aside deleted them
    reports = tmp_path / "reports"
    _last_run(reports)

    def interrupted(args: list[str], plugins: list[Any]) -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr(pytest, "main", interrupted)
    with pytest.raises(KeyboardInterrupt):
        suite.run_suites(_settings(tmp_path), ["features"])
    assert (reports / "empathy" / "a.json").is_file() and (reports / "transcripts" / "a.json").is_file()
    assert not (reports / suite.LAST_RUN).exists()


def test_a_run_interrupted_before_any_scenario_finished_keeps_the_last_runs_results(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Ctrl-C during the pre-flight (the site check waiting on a slow site): pytest returned 'interrupted', the last
    # run's results were deleted and its summary overwritten with one of 0 scenarios; exit 130 all the same
    from harness.runner import interrupt

    reports = tmp_path / "reports"
    _last_run(reports)
    (reports / "empathy-summary.json").write_text('{"scenarios": 3}', encoding="utf-8")
    monkeypatch.setattr(pytest, "main", lambda args, plugins: pytest.ExitCode.INTERRUPTED)
    monkeypatch.setattr(interrupt, "requested", lambda: 2)  # the signal a real Ctrl-C leaves (SIGINT)
    assert suite.run_suites(_settings(tmp_path), ["features"]) == 130
    assert (reports / "empathy" / "a.json").is_file() and (reports / "transcripts" / "a.json").is_file()
    assert (reports / "empathy-summary.json").read_text(encoding="utf-8") == '{"scenarios": 3}'
