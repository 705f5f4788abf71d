"""Run just that one, without a browser: tag expressions as `-m`, `--persona`, the re-run command, and the
trace/video/slowmo settings as flags.

The workspaces are real (pytester, pyproject, features/, steps/); the persona steps are the harness's own,
so `--persona` is checked on collection only (`--collect-only`), where no browser opens.
"""

from __future__ import annotations

import shlex
from collections.abc import Callable
from pathlib import Path

import pytest

from harness.config import load_settings
from harness.exceptions import ConfigError
from harness.runner.selection import rerun_command, tags_to_markers

STEPS = Path(__file__).with_name("arithmetic_steps.py").read_text(encoding="utf-8")

SHOP = """
@journey:checkout
Feature: Checkout
  Scenario: Quick sum
    Given a number 1
    Then it doubles to 2

  @slow
  Scenario: Slow sum
    Given a number 2
    Then it doubles to 4
"""
CLAIM = """
@journey:claim
Feature: Claim
  Scenario: Claim sum
    Given a number 3
    Then it doubles to 6
"""
PERSONAS = """
Feature: Who walks it
  Scenario Outline: A <persona> customer
    Given I am "<persona>"
    And I open the "home" page

    Examples:
      | persona |
      | anxious |
      | hurried |

  Scenario: The anxious one with a phrase
    Given I am an anxious customer
    And I open the "home" page

  Scenario: Nobody said who
    Given I open the "home" page

  Scenario: The hurried one by a bare name
    Given I am hurried
    And I open the "home" page

  Scenario: A returning one with history
    Given I am a returning customer with a previous claim
    And I open the "home" page
"""


def test_a_tag_expression_becomes_a_marker_expression() -> None:
    assert tags_to_markers("@journey:checkout and not @slow") == 'journey(value="checkout") and not slow'
    assert tags_to_markers("(@smoke or @priority:high) AND not @wip") == \
        '(smoke or priority(value="high")) and not wip'
    with pytest.raises(ConfigError, match="is not a tag"):
        tags_to_markers("@journey:\"x\" and @slow")



@pytest.mark.parametrize("tags", ["@smoke and (", "@smoke @slow", "and @smoke", "(@smoke or @slow"])
def test_tags_that_make_no_whole_expression_are_a_config_error_naming_the_option(tags: str) -> None:
    # they reached pytest as -m: "ERROR: Wrong expression passed to '-m'" (an option the person never typed), exit 2
    with pytest.raises(ConfigError, match=r"--tags .* is not a whole expression") as raised:
        tags_to_markers(tags)
    assert "bracket" in raised.value.hint and "-m" not in str(raised.value)


def test_tags_select_the_scenarios_pytest_runs(project: Callable[..., pytest.Pytester]) -> None:
    pytester = project({"shop.feature": SHOP, "claim.feature": CLAIM}, {"arith.py": STEPS})
    result = pytester.runpytest_inprocess("-p", "no:cacheprovider", "-v", "--strict-markers",
                                          "-m", tags_to_markers("@journey:checkout and not @slow"))
    result.assert_outcomes(passed=1, deselected=2)
    result.stdout.fnmatch_lines(["*shop.feature::test_quick_sum PASSED*"])
    either = pytester.runpytest_inprocess("-p", "no:cacheprovider", "-m", tags_to_markers("@journey:claim or @slow"))
    either.assert_outcomes(passed=2, deselected=1)


def test_persona_keeps_only_the_scenarios_and_rows_that_persona_walks(
        project: Callable[..., pytest.Pytester]) -> None:
    pytester = project({"who.feature": PERSONAS})
    anxious = pytester.runpytest_inprocess("-p", "no:cacheprovider", "--collect-only", "-q",
                                           "--empathy-only-persona", "anxious")
    out = anxious.stdout.str()
    assert "test_a_persona_customer[anxious]" in out and "test_the_anxious_one_with_a_phrase" in out
    assert "test_nobody_said_who" in out  # the default persona walks it
    assert "[hurried]" not in out and "returning" not in out and "bare_name" not in out
    returning = pytester.runpytest_inprocess("-p", "no:cacheprovider", "--collect-only", "-q",
                                             "--empathy-only-persona", "a returning customer")
    assert "test_a_returning_one_with_history" in returning.stdout.str()
    assert "1/6 tests collected (5 deselected)" in returning.stdout.str()



def test_round_robin_runs_every_features_first_scenario_before_any_second(
        project: Callable[..., pytest.Pytester]) -> None:
    pytester = project({"a-shop.feature": SHOP, "b-claim.feature": CLAIM, "c-shop.feature": SHOP},
                       {"arith.py": STEPS})
    result = pytester.runpytest_inprocess("-p", "no:cacheprovider", "-v", "--empathy-round-robin")
    ran = [line.split("::")[0].split("/")[-1] + ":" + line.split("::")[1].split()[0]
           for line in result.stdout.lines if " PASSED" in line and "::" in line]
    assert ran == ["a-shop.feature:test_quick_sum", "b-claim.feature:test_claim_sum", "c-shop.feature:test_quick_sum",
                   "a-shop.feature:test_slow_sum", "c-shop.feature:test_slow_sum"], result.stdout.str()

SUMS = """
Feature: Sums by each
  Scenario Outline: Sum <n>
    Given a number <n>
    Then it doubles to <twice>

    Examples:
      | n | twice |
      | 5 | 10    |
      | 6 | 12    |

  Scenario: Last sum
    Given a number 7
    Then it doubles to 14
"""


def test_round_robin_runs_an_outlines_later_rows_after_every_features_other_scenarios(
        project: Callable[..., pytest.Pytester]) -> None:
    # a later row walks the same journey again (an audit's carry-on, as the next persona): a run the budget stops
    # has first tried every probe of every journey (before, the row came second and the other file's slow sum third)
    pytester = project({"a-sums.feature": SUMS, "b-shop.feature": SHOP}, {"arith.py": STEPS})
    result = pytester.runpytest_inprocess("-p", "no:cacheprovider", "-v", "--empathy-round-robin")
    ran = [line.split("::")[0].split("/")[-1] + ":" + line.split("::")[1].split()[0]
           for line in result.stdout.lines if " PASSED" in line and "::" in line]
    assert ran == ["a-sums.feature:test_sum_n[5-10]", "b-shop.feature:test_quick_sum", "a-sums.feature:test_last_sum",
                   "b-shop.feature:test_slow_sum", "a-sums.feature:test_sum_n[6-12]"], result.stdout.str()


def test_an_unknown_persona_is_one_clear_error(project: Callable[..., pytest.Pytester]) -> None:
    pytester = project({"who.feature": PERSONAS})
    result = pytester.runpytest_inprocess("-p", "no:cacheprovider", "--collect-only", "--empathy-only-persona",
                                          "anxius")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["*empathy: --persona: unknown persona 'anxius'*did you mean 'anxious'*"])


def test_the_rerun_command_names_the_scenario_row_persona_and_seed(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.empathy]\nbase_url = "http://127.0.0.1:8000"\nseed = 3\n')
    settings = load_settings(tmp_path)
    nodeid = "features/claim.feature::test_a_persona_customer_makes_a_claim[low-confidence]"
    command = rerun_command(nodeid, settings, "low-confidence")
    assert shlex.split(command) == ["empathy", "run", nodeid, "--persona", "low-confidence", "--seed", "3"]
    elsewhere = load_settings(tmp_path, overrides={"base_url": "http://127.0.0.1:9000", "seed": 8})
    assert shlex.split(rerun_command(nodeid, elsewhere))[3:] == ["--seed", "8", "--base-url", "http://127.0.0.1:9000"]


def test_the_rerun_command_names_the_file_from_the_project_folder_not_pytests_rootdir(tmp_path: Path) -> None:
    from types import SimpleNamespace

    from harness.runner.selection import rerun_of

    project = tmp_path / "site-tests"
    project.mkdir()
    (project / "pyproject.toml").write_text("[tool.empathy]\n")
    node = SimpleNamespace(path=project / "features" / "pay.feature", name="test_pay[anxious]",
                           nodeid="site-tests/features/pay.feature::test_pay[anxious]")  # rootdir one level up
    assert shlex.split(rerun_of(node, load_settings(project)))[2] == "features/pay.feature::test_pay[anxious]"


def test_trace_video_and_slowmo_are_settings_the_flags_override(project: Callable[..., pytest.Pytester]) -> None:
    feature = """
Feature: Watching
  Scenario: Flags win
    Then the setting tracing is "on"
    And the setting video is "retain-on-failure"
    And the setting slowmo is "250"
"""
    pytester = project({"w.feature": feature}, {"arith.py": STEPS}, tracing="off", video="off", slowmo=0)
    pytester.runpytest_inprocess("-p", "no:cacheprovider", "--empathy-tracing", "on", "--empathy-video",
                                 "retain-on-failure", "--empathy-slowmo", "250").assert_outcomes(passed=1)
    pytester.runpytest_inprocess("-p", "no:cacheprovider").assert_outcomes(failed=1)
    bad = pytester.runpytest_inprocess("-p", "no:cacheprovider", "--empathy-tracing", "sometimes")
    assert bad.ret == pytest.ExitCode.USAGE_ERROR
    bad.stderr.fnmatch_lines(["*empathy:*tracing*"])


def test_tracing_defaults_to_retain_on_failure_in_ci_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from harness.runner.recording import trace_mode

    settings = load_settings(tmp_path)
    monkeypatch.setenv("CI", "true")
    assert trace_mode(settings) == "retain-on-failure"
    monkeypatch.setenv("CI", "")
    assert trace_mode(settings) == "off"
    assert trace_mode(load_settings(tmp_path, overrides={"tracing": "on"})) == "on"


def test_empathy_run_flags_become_the_plugins_pytest_flags(tmp_path: Path) -> None:
    from harness.cli.run import selection_args
    from harness.suite import watch_args

    settings = load_settings(tmp_path, overrides={"tracing": "on", "video": "retain-on-failure", "slowmo": 300,
                                                  "headless": False, "screenshots": "every-step"})
    assert watch_args(settings) == ["--empathy-video=retain-on-failure", "--empathy-slowmo=300",
                                    "--empathy-screenshots=every-step", "--empathy-tracing=on", "--empathy-headed"]
    assert "--empathy-tracing" not in " ".join(watch_args(load_settings(tmp_path)))  # unset: CI decides in the run
    assert selection_args("anxious", "@journey:claim and not @slow", "goes_back") == [
        "--empathy-only-persona", "anxious", "-m", 'journey(value="claim") and not slow', "-k", "goes_back"]
    assert selection_args(None, None, None) == []


def test_video_without_playwrights_ffmpeg_is_one_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from harness.exceptions import BrowserError
    from harness.runner.recording import check_video, playwright_ffmpeg

    monkeypatch.setenv("PLAYWRIGHT_BROWSERS_PATH", str(tmp_path / "browsers"))
    check_video(load_settings(tmp_path))  # video off: nothing needed
    check_video(load_settings(tmp_path, overrides={"video": "on", "browser_endpoint": "ws://127.0.0.1:9/"}))
    with pytest.raises(BrowserError, match=r"video = 'on' needs Playwright's ffmpeg at .*browsers/ffmpeg-\d+/") as err:
        check_video(load_settings(tmp_path, overrides={"video": "on"}))
    assert "python -m playwright install ffmpeg" in err.value.hint
    expected = playwright_ffmpeg()
    assert expected is not None
    expected.parent.mkdir(parents=True)
    expected.write_bytes(b"")
    check_video(load_settings(tmp_path, overrides={"video": "on"}))
