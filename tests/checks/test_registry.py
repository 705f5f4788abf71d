"""The registry and run_checks: rule data is complete, projects and scenarios can re-grade and allow rules."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from harness.checks import run_checks
from harness.checks.base import REQUIRED_MESSAGES, Threshold, rule_from
from harness.checks.registry import RULES, validate
from harness.config import Settings
from harness.exceptions import ConfigError, FeatureError
from harness.findings import Impact

from .conftest import act, journey, rub, say

pytestmark = [pytest.mark.model, pytest.mark.subprocess]

HERE = Path(__file__).parent


def test_every_rule_has_metadata_messages_and_a_test_module():
    assert set(RULES) >= {"repeated-prompt", "lost-context", "cold-copy", "missing-reassurance", "friction"}
    for rule_id, rule in RULES.items():
        assert rule.id == rule_id and Impact.parse(rule.impact)
        assert rule.help and rule.description.startswith("Ensure ") and rule.how_to_fix and rule.help_url
        assert all(rule.messages.get(m) for m in REQUIRED_MESSAGES)
        assert rule.tags
        assert (HERE / f"test_{rule_id.replace('-', '_')}.py").is_file(), f"no test module for {rule_id}"
        assert rule.evaluate.__module__ == f"harness.checks.{rule_id.replace('-', '_')}"


def test_wcag_criteria_are_tagged():
    tags = {t for r in RULES.values() for t in r.tags}
    assert {"wcag337", "wcag413", "wcag334", "wcag326", "wcag221"} <= tags


def test_validation_rejects_bad_rule_data():
    good = RULES["friction"]
    with pytest.raises(ValueError, match="registered twice"):
        validate([good, good])
    meta = {"id": "x-rule", "impact": "minor", "tags": ["t"], "help": "h", "description": "Ensure x",
            "how_to_fix": "f", "messages": {"passed": "p", "failed": "f"}}
    with pytest.raises(ValueError, match="cantTell"):
        validate([rule_from(meta, good.evaluate)])
    with pytest.raises(ValueError, match="kebab-case"):
        validate([rule_from({**meta, "id": "Bad_Id", "messages": {**meta["messages"], "cantTell": "c"}},
                            good.evaluate)])
    with pytest.raises(ValueError, match="template does not parse"):
        validate([rule_from({**meta, "messages": {**meta["messages"], "cantTell": "about {field"}}, good.evaluate)])
    with pytest.raises(ValueError, match="weight must be"):
        validate([rule_from({**meta, "messages": {**meta["messages"], "cantTell": "c"}, "weight": 0}, good.evaluate)])
    with pytest.raises(ValueError, match="no description"):
        validate([rule_from({**meta, "messages": {**meta["messages"], "cantTell": "c"},
                             "thresholds": {"x": Threshold(1, " ")}}, good.evaluate)])


def test_checks_never_import_playwright():
    code = ("import sys, harness.checks, harness.checks.registry; from harness.checks import run_checks; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] == 'playwright'))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def _rough():
    return journey({"text": "When I press Submit", "actions": [act("click", "Submit")],
                    "friction": [rub("rage-click", "#submit")],
                    "messages": [say("Error 500: Internal Server Error", "error")]}, tags=("@claims",))


def test_project_can_regrade_and_switch_off_rules():
    settings = Settings(rules={"cold-copy": "minor", "friction": "off"})
    found = run_checks(_rough(), settings)
    assert {f.rule for f in found} == {"cold-copy"}
    assert [(f.impact, f.evidence["default_impact"]) for f in found] == [("minor", "moderate")]


@pytest.mark.parametrize("tag", ["@allow:friction", "allow:friction"])
def test_scenario_tag_allows_a_rule(tag):
    assert "friction" not in {f.rule for f in run_checks(_rough(), Settings(), tags=[tag])}
    t = _rough().model_copy(update={"tags": [tag]})
    assert "friction" not in {f.rule for f in run_checks(t, Settings())}
    assert "friction" in {f.rule for f in run_checks(_rough(), Settings())}


def test_unknown_rule_names_are_clear_errors():
    with pytest.raises(FeatureError, match="allow:frictoin"):
        run_checks(_rough(), Settings(), tags=["@allow:frictoin"])
    with pytest.raises(ConfigError, match="cold-cpy"):
        run_checks(_rough(), Settings(rules={"cold-cpy": "off"}))
    with pytest.raises(ConfigError, match="nope"):
        run_checks(_rough(), Settings(), only=["nope"])
    with pytest.raises(ConfigError, match="friction has no threshold 'max_feilds'"):
        run_checks(_rough(), Settings(thresholds={"friction.max_feilds": 3}))
    with pytest.raises(ConfigError, match="'cold_copy.brief_status_ms': no rule 'cold_copy'"):
        run_checks(_rough(), Settings(thresholds={"cold_copy.brief_status_ms": 800}))  # the rule is cold-copy
    with pytest.raises(ConfigError, match="'friction.max_fields' = 'by-load': not a number"):
        run_checks(_rough(), Settings(thresholds={"friction.max_fields": "by-load"}))  # the recorder's word only
    with pytest.raises(ConfigError, match="'friction.max_fields' = nan: not a finite number"):
        run_checks(_rough(), Settings(thresholds={"friction.max_fields": float("nan")}))  # TOML's nan: no count is
    with pytest.raises(ConfigError, match="'friction.max_fields' = -3.0: below 0") as raised:
        run_checks(_rough(), Settings(thresholds={"friction.max_fields": -3}))  # was taken: every form was effort
    assert "0 or more" in raised.value.hint


def test_thresholds_can_be_overridden():
    from .conftest import control

    t = journey({"text": "Given a form", "prompts": [control(f"Q{i}") for i in range(5)]})
    assert run_checks(t, Settings(), only=["friction"]) == []
    assert len(run_checks(t, Settings(thresholds={"friction.max_fields": 4}), only=["friction"])) == 1


def test_findings_are_deduplicated_and_sorted_by_step():
    t = journey({"text": "one", "friction": [rub("dead-click", "#a"), rub("dead-click", "#a")]},
                {"text": "two", "friction": [rub("rage-click", "#b", at_ms=5000)]},
                {"text": "three", "messages": [say("Error 500", "error")],
                 "friction": [rub("dead-click", "#c", at_ms=10000)]})
    found = run_checks(t, Settings(), only=["friction", "cold-copy"])
    assert [(f.step, f.rule) for f in found] == [(0, "friction"), (1, "friction"), (2, "cold-copy"), (2, "friction")]
    for f in found:
        assert f.persona == "tester" and f.feature == "Claims" and f.scenario == "A scenario" and f.step_text
        assert f.message and f.suggestion and f.evidence["key"]


def test_results_have_axe_shape():
    from harness.checks.aggregate import results

    found = run_checks(_rough(), Settings())
    out = results(found, RULES.values())
    assert {r["id"] for r in out["violations"]} == {"cold-copy", "friction"}
    assert "repeated-prompt" in {r["id"] for r in out["passes"]}
