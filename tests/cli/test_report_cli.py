"""`empathy report` on folders that hold no results: one clear error, and the last run's summary kept."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from harness.cli import app
from harness.exceptions import ConfigError, ReportError


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A workspace whose last run left its summary in reports/."""
    (tmp_path / "pyproject.toml").write_text('[tool.empathy]\nbase_url = "http://127.0.0.1:9"\n')
    (tmp_path / "reports").mkdir()
    (tmp_path / "reports" / "empathy-summary.json").write_text('{"score": 91, "scenarios": 4}', encoding="utf-8")
    for name in [n for n in os.environ if n.startswith("EMPATHY_")]:
        monkeypatch.delenv(name)
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("folder", ["missing", "empty", "half"])
def test_a_folder_without_results_is_said_to_be_so_and_nothing_is_overwritten(project: Path, folder: str) -> None:
    # it built a report of nothing ("empathy score None over 0 scenario(s)", exit 0) over the last run's summary
    (project / "empty" / "allure-results").mkdir(parents=True)
    half = project / "half" / "empathy"
    half.mkdir(parents=True)
    (half / "a-result.json").write_text('{"uuid": "1", "scenario": "Half wri', encoding="utf-8")  # cut off
    summary = (project / "reports" / "empathy-summary.json").read_text(encoding="utf-8")
    with pytest.raises(ReportError, match=rf"no scenario results in {folder}") as raised:
        CliRunner().invoke(app, ["report", folder], catch_exceptions=False)
    assert "empathy run" in raised.value.hint
    assert (project / "reports" / "empathy-summary.json").read_text(encoding="utf-8") == summary
    assert not (project / "reports" / "history").exists()


@pytest.mark.parametrize("shard", ["3/2", "two", "0/4"])
def test_a_bad_shard_is_a_config_error_naming_the_option_and_nothing_is_set_aside(project: Path, shard: str) -> None:
    # it reached pytest: "pytest.main(): error: unrecognized arguments", exit 2, the last run's results moved aside
    (project / "reports" / "empathy").mkdir()
    with pytest.raises(ConfigError, match="--shard") as raised:
        CliRunner().invoke(app, ["run", "--shard", shard], catch_exceptions=False)
    assert "2/4" in raised.value.hint
    assert (project / "reports" / "empathy").is_dir() and not (project / "reports" / ".last-run").exists()
