"""The plugin without a browser: feature collection, workspace steps, tags as markers, options.

Each test writes a real workspace (pyproject, features/, steps/) with pytester and runs pytest on
it in-process; there is no Python test module anywhere in these workspaces.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

STEPS = Path(__file__).with_name("arithmetic_steps.py").read_text(encoding="utf-8")

DOUBLING = """
@journey:claim @priority:high @smoke
Feature: Arithmetic
  Scenario: Doubling
    Given a number 3
    Then it doubles to 6
    And the "journey" marker says "claim"

  Scenario Outline: Doubling <n>
    Given a number <n>
    Then it doubles to <m>

    Examples:
      | n | m  |
      | 1 | 2  |
      | 5 | 10 |

  Scenario: A table
    Then the table sums to its last row
      | number |
      | 2      |
      | 3      |
      | 5      |
"""


def test_feature_files_run_without_a_test_module(project: Callable[..., pytest.Pytester]) -> None:
    pytester = project({"arithmetic.feature": DOUBLING}, {"arith.py": STEPS})
    assert not list(pytester.path.rglob("test_*.py")) and not list(pytester.path.rglob("conftest.py"))
    result = pytester.runpytest_inprocess("-p", "no:cacheprovider", "-v")
    result.assert_outcomes(passed=4)
    result.stdout.fnmatch_lines(["*features/arithmetic.feature::test_doubling PASSED*",
                                 "*features/arithmetic.feature::test_doubling_n[[]5-10[]] PASSED*"])


def test_a_failing_step_fails_the_scenario(project: Callable[..., pytest.Pytester]) -> None:
    wrong = DOUBLING.replace("Then it doubles to 6", "Then it doubles to 7")
    pytester = project({"arithmetic.feature": wrong}, {"arith.py": STEPS})
    result = pytester.runpytest_inprocess("-p", "no:cacheprovider")
    result.assert_outcomes(passed=3, failed=1)


def test_feature_files_outside_features_dir_are_left_alone_unless_named(
        project: Callable[..., pytest.Pytester]) -> None:
    pytester = project({"arithmetic.feature": DOUBLING}, {"arith.py": STEPS})
    draft = pytester.path / "drafts" / "broken.feature"
    draft.parent.mkdir()
    draft.write_text("Feature: Draft\n  Scenario: Unfinished\n    Given a step nobody wrote\n", encoding="utf-8")
    pytester.runpytest_inprocess("-p", "no:cacheprovider").assert_outcomes(passed=4)
    named = pytester.runpytest_inprocess("-p", "no:cacheprovider", "drafts/broken.feature")
    assert named.ret != pytest.ExitCode.OK  # named, so collected; its undefined step stops the run
    assert "a step nobody wrote" in named.stdout.str() + named.stderr.str()


def test_a_named_folder_of_features_outside_features_dir_is_said_to_be_so(
        project: Callable[..., pytest.Pytester]) -> None:
    # `empathy run drafts/` collected nothing and said only "no scenario finished, so there is no score"
    pytester = project({"arithmetic.feature": DOUBLING}, {"arith.py": STEPS})
    draft = pytester.path / "drafts" / "doubling.feature"
    draft.parent.mkdir()
    draft.write_text(DOUBLING, encoding="utf-8")
    result = pytester.runpytest_inprocess("-p", "no:cacheprovider", "--alluredir", "allure", "drafts")
    assert result.ret == 5
    said = result.stdout.str() + result.stderr.str()
    assert "drafts holds 1 feature file(s), none under features_dir (features)" in said, said
    assert "drafts/doubling.feature" in said


def test_tags_become_registered_markers(project: Callable[..., pytest.Pytester]) -> None:
    pytester = project({"arithmetic.feature": DOUBLING}, {"arith.py": STEPS})
    strict = pytester.runpytest_inprocess("-p", "no:cacheprovider", "--strict-markers",
                                          "-W", "error::pytest.PytestUnknownMarkWarning", "-m", "smoke")
    strict.assert_outcomes(passed=4)
    by_journey = pytester.runpytest_inprocess("-p", "no:cacheprovider", "-m", "journey and priority")
    by_journey.assert_outcomes(passed=4)
    none = pytester.runpytest_inprocess("-p", "no:cacheprovider", "-m", "not journey")
    none.assert_outcomes()
    assert "PytestUnknownMarkWarning" not in strict.stdout.str()


def test_options_override_the_configured_settings(project: Callable[..., pytest.Pytester]) -> None:
    feature = """
Feature: Settings
  Scenario: The command line wins
    Then the setting seed is "42"
    And the setting fail_on is "critical"
    And the setting variant is "cold"
    And the setting base_url is "http://127.0.0.1:9"
    And the setting time_scale is "0.5"
    And the setting headless is "False"
    And the setting auto_check is "False"
"""
    pytester = project({"settings.feature": feature}, {"arith.py": STEPS}, seed=7, fail_on="serious")
    result = pytester.runpytest_inprocess(
        "-p", "no:cacheprovider", "--empathy-seed", "42", "--empathy-fail-on", "critical",
        "--empathy-variant", "cold", "--empathy-base-url", "http://127.0.0.1:9", "--empathy-time-scale", "0.5",
        "--empathy-headed", "--empathy-no-auto-check")
    result.assert_outcomes(passed=1)
    configured = pytester.runpytest_inprocess("-p", "no:cacheprovider")
    configured.assert_outcomes(failed=1)  # seed is 7 from pyproject, not 42


def test_a_bad_option_is_one_clear_error(project: Callable[..., pytest.Pytester]) -> None:
    pytester = project({"arithmetic.feature": DOUBLING}, {"arith.py": STEPS})
    result = pytester.runpytest_inprocess("-p", "no:cacheprovider", "--empathy-fail-on", "sometimes")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["*empathy:*command line*fail-on option*never*"])  # where the value came from


def test_a_step_module_that_cannot_import_names_its_file(project: Callable[..., pytest.Pytester]) -> None:
    pytester = project({"arithmetic.feature": DOUBLING}, {"arith.py": STEPS, "broken.py": "import nowhere_at_all\n"})
    result = pytester.runpytest_inprocess("-p", "no:cacheprovider")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["*steps/broken.py: step module fails to import: ModuleNotFoundError*"])


@pytest.mark.subprocess
def test_features_run_under_xdist(project: Callable[..., pytest.Pytester]) -> None:
    pytester = project({"arithmetic.feature": DOUBLING}, {"arith.py": STEPS})
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", "-n", "2")
    result.assert_outcomes(passed=4)


def test_shards_each_run_their_slice_and_together_every_scenario_once(project: Callable[..., pytest.Pytester]) -> None:
    # `empathy run --shard 2/4` (README's CI matrix) stopped at once: "unrecognized arguments: --shard=2/4" (the
    # option's module was never registered with pytest)
    pytester = project({"arithmetic.feature": DOUBLING}, {"arith.py": STEPS})
    ran: list[str] = []
    for k in (1, 2):
        result = pytester.runpytest_inprocess("-p", "no:cacheprovider", "-v", "--shard", f"{k}/2",
                                              "--alluredir", "allure")
        result.assert_outcomes(passed=2, deselected=2)
        ran += [line.split()[0] for line in result.outlines if line.endswith("PASSED") or " PASSED " in line]
    assert len(ran) == 4 and len(set(ran)) == 4, ran
    assert (pytester.path / "reports" / "durations.json").is_file()  # what the next split balances by
