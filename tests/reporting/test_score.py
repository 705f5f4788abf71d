from __future__ import annotations

from harness.reporting.score import memorable_steps, scenario_score
from tests.reporting.conftest import finding


def test_no_findings_scores_100() -> None:
    assert scenario_score([], step_count=6) == 100.0


def test_worse_impact_costs_more() -> None:
    minor = scenario_score([finding(impact="minor", step=2)], step_count=6)
    serious = scenario_score([finding(impact="serious", step=2)], step_count=6)
    critical = scenario_score([finding(impact="critical", step=2)], step_count=6)
    assert 100 > minor > serious > critical


def test_cant_tell_costs_less_than_failed() -> None:
    failed = scenario_score([finding(step=2)], step_count=6)
    unsure = scenario_score([finding(step=2, outcome="cantTell")], step_count=6)
    assert failed < unsure < 100


def test_peak_and_end_weigh_more_than_the_middle() -> None:
    middle = scenario_score([finding(step=3)], step_count=10)
    end = scenario_score([finding(step=9)], step_count=10)
    first = scenario_score([finding(step=0)], step_count=10)
    peak = scenario_score([finding(step=3)], step_count=10, peak=3)
    assert end < middle and first < middle and peak < middle


def test_memorable_steps_are_first_fifth_last_fifth_and_peak() -> None:
    assert memorable_steps(10, peak=5) == {0, 1, 5, 8, 9}
    assert memorable_steps(0, peak=None) == set()


def test_score_never_negative() -> None:
    many = [finding(impact="critical", step=i % 5) for i in range(40)]
    assert scenario_score(many, step_count=5) >= 0


def test_a_rule_weighs_what_its_meta_says() -> None:
    """Forgetting what a person said (weight 3) costs more than a wasted click (weight 1)."""
    lost = scenario_score([finding(rule="lost-context", step=3)], step_count=10)
    click = scenario_score([finding(rule="friction", step=3)], step_count=10)
    assert lost < click < 100
