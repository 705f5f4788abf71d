"""`run_suites` keeps the last run's results when a run stops before it starts (harness/suite.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from harness import suite
from harness.config import Settings
from harness.exceptions import FeatureError
from harness.runner import preflight


def _settings(tmp_path: Path) -> Settings:
    settings = Settings(base_url="http://127.0.0.1:9", reports_dir=str(tmp_path / "reports"))
    settings._root = tmp_path
    return settings


def _last_run(reports: Path) -> None:
    for name, file in (("empathy", "a.json"), ("allure-results", "a-result.json"), ("transcripts", "a.json")):
        (reports / name).mkdir(parents=True)
        (reports / name / file).write_text("{}", encoding="utf-8")


def test_a_run_stopped_by_its_preflight_keeps_the_last_runs_results(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    # a bad feature file or a site that is down stopped the run after its results folders were emptied: the last
    # run's results, transcripts and report inputs were gone for a mistake that ran nothing
    reports = tmp_path / "reports"
    _last_run(reports)

    def stopped_before_any_scenario(args: list[str]) -> int:
        (reports / "allure-results" / "new-container.json").parent.mkdir(parents=True, exist_ok=True)
        (reports / "allure-results" / "new-container.json").write_text("{}", encoding="utf-8")
        preflight.STOPPED.append(FeatureError.exit_code)
        return 5

    monkeypatch.setattr(pytest, "main", stopped_before_any_scenario)
    assert suite.run_suites(_settings(tmp_path), ["features"]) == FeatureError.exit_code
    assert sorted(p.name for p in (reports / "allure-results").iterdir()) == ["a-result.json"]
    assert (reports / "empathy" / "a.json").is_file() and (reports / "transcripts" / "a.json").is_file()


def test_a_run_that_ran_starts_from_empty_results(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    reports = tmp_path / "reports"
    _last_run(reports)
    monkeypatch.setattr(pytest, "main", lambda args: 5)  # ran, and collected nothing
    suite.run_suites(_settings(tmp_path), ["features"])
    assert not (reports / "empathy").exists() and not (reports / "allure-results").exists()
    assert [p.name for p in reports.iterdir() if not p.name.startswith("empathy-summary")] in ([], ["history"])


def test_a_run_stopped_by_its_preflight_keeps_the_last_runs_junit_xml(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    # before: pytest's junit.xml of the stopped run (no test) replaced the last run's, which CI reads
    reports = tmp_path / "reports"
    _last_run(reports)
    (reports / "junit.xml").write_text("<testsuites><testsuite tests='3'/></testsuites>", encoding="utf-8")

    def stopped_before_any_scenario(args: list[str]) -> int:
        (reports / "junit.xml").write_text("<testsuites><testsuite tests='0'/></testsuites>", encoding="utf-8")
        preflight.STOPPED.append(FeatureError.exit_code)
        return 5

    monkeypatch.setattr(pytest, "main", stopped_before_any_scenario)
    assert suite.run_suites(_settings(tmp_path), ["features"]) == FeatureError.exit_code
    assert "tests='3'" in (reports / "junit.xml").read_text(encoding="utf-8")
    assert not (reports / suite.LAST_RUN).exists()
