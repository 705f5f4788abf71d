"""`empathy audit` as a user runs it: help, a bad address, and Ctrl-C keeping what was found so far."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from harness.cli import app
from harness.exceptions import ConfigError
from tests.audit.site import make_site
from tests.sites import serve

ROOT = Path(__file__).resolve().parents[2]
EMPATHY = [sys.executable, "-c", "from harness.cli import main; main()"]


def test_help_names_every_option() -> None:
    out = CliRunner().invoke(app, ["audit", "--help"], terminal_width=100).output
    for option in ("--personas", "--pages", "--minutes", "--submit", "--seed", "--ignore-robots"):
        assert option in out


def test_a_budget_too_short_to_explore_and_run_is_refused() -> None:
    result = CliRunner().invoke(app, ["audit", "http://127.0.0.1:9/", "--minutes", "0.5"])
    assert result.exit_code == 2 and "--minutes" in result.output  # a usage error, before anything starts


def test_an_address_that_is_not_one_is_named() -> None:
    result = CliRunner().invoke(app, ["audit", "staging.example.com"])
    assert isinstance(result.exception, ConfigError) and result.exception.exit_code == 3  # main() prints one line
    assert "'staging.example.com' is not a web address" in str(result.exception)


def test_a_site_that_is_down_is_named_and_the_last_audits_features_stay(tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    from harness.exceptions import SiteError

    (tmp_path / "pyproject.toml").write_text("[tool.empathy]\n", encoding="utf-8")
    kept = tmp_path / "reports" / "audit" / "features" / "contact.feature"
    kept.parent.mkdir(parents=True)
    kept.write_text("Feature: the last audit's\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["audit", "http://127.0.0.1:9/"])  # the discard port: nothing listens
    assert isinstance(result.exception, SiteError) and result.exception.exit_code == 6, result.output
    assert "refused the connection" in str(result.exception), str(result.exception)
    # the audit takes its address as its argument: no base_url setting nor --base-url option to fix
    assert "base_url" not in str(result.exception) and "the address given to `empathy audit`" in str(
        result.exception), str(result.exception)
    assert kept.read_text(encoding="utf-8") == "Feature: the last audit's\n"


def test_the_workspaces_named_pages_are_explored_only_on_its_own_site() -> None:
    from harness.audit.run import audit_settings, named_pages
    from harness.config import Settings

    ours = Settings(base_url="http://127.0.0.1:8000", pages={"contact": "/contact"})
    assert named_pages(audit_settings(ours, "http://127.0.0.1:8000/start", None)) == ("/contact",)
    assert named_pages(audit_settings(ours, "http://127.0.0.1:9000/", None)) == ()  # another site: its paths only


def test_each_audit_makes_up_new_people_unless_the_workspace_names_an_identity() -> None:
    """A sign-up probe on a site that keeps accounts never meets one an earlier audit left there."""
    from harness.audit.run import audit_settings
    from harness.config import Settings
    from harness.suite import pytest_args

    first, second = (audit_settings(Settings(), "http://127.0.0.1:1/", None) for _ in range(2))
    assert first.identity and second.identity and first.identity != second.identity
    assert f"--empathy-identity={first.identity}" in pytest_args(first, [], workers=None, shard=None, reruns=0,
                                                                  extra=[])
    assert audit_settings(Settings(identity="kept"), "http://127.0.0.1:1/", None).identity == "kept"



def test_the_replay_it_prints_makes_up_the_same_people(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The printed replay names the audit's identity: without it the replay's names and e-mails differ from the
    audit's, and so can its findings (a sign-up probe, a greeting by name)."""
    from harness.audit.model import SiteMap
    from harness.audit.run import Audit
    from harness.cli.audit import _summary

    _summary(Audit(site=SiteMap(base_url="http://127.0.0.1:9", seed=4), features=[], folder=tmp_path),
             "http://127.0.0.1:9", "5eed1d")
    replay = next(line for line in capsys.readouterr().out.splitlines() if line.startswith("replay: "))
    assert "EMPATHY_IDENTITY=5eed1d " in replay and "--seed 4" in replay

@pytest.mark.e2e
@pytest.mark.subprocess
def test_ctrl_c_while_exploring_keeps_the_features_found_so_far(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.empathy]\n", encoding="utf-8")
    log: list[tuple[str, str, str]] = []
    with serve(make_site(log)) as url:
        proc = subprocess.Popen([*EMPATHY, "audit", url, "--personas", "anxious"], cwd=tmp_path,
                                env={**os.environ, "PYTHONPATH": str(ROOT)}, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True)
        assert proc.stderr is not None
        for line in proc.stderr:  # stop once the scout follows its first form
            if "followed 1/" in line:
                proc.send_signal(signal.SIGINT)
                break
        out, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, out + err
    assert "stopped early: interrupted" in out
    written = list((tmp_path / "reports" / "audit" / "features").glob("*.feature"))
    assert written, "the features found before the stop were not written"
