"""What `empathy report` hands Allure 3: categories, quality-gate rules that agree with the gate, the summary."""

from __future__ import annotations

import json
import operator
from pathlib import Path

import pytest

from harness.config import Settings
from harness.reporting.gate import blocking_findings, decide
from harness.reporting.release import categories, first_screen, metrics, quality_gate, summary_html, write_plan
from harness.reporting.results import ScenarioResult
from harness.reporting.summary import build_summary
from harness.reporting.text import articles, rule_name
from tests.reporting.conftest import finding

HOLDS = {"at most": operator.le, "at least": operator.ge}  # what allurerc.mjs's two rules check


def result(findings: list, score: float, settings: Settings, persona: str = "anxious",
           journey: str = "claim") -> ScenarioResult:
    return ScenarioResult(persona=persona, scenario="A anxious customer files a claim", feature="Claims",
                          journey=journey, score=score, findings=findings, steps=["a", "b", "c"],
                          blocking=[f.key() for f in blocking_findings(findings, settings)])


def allure_gate_passes(decision, settings: Settings) -> bool:  # type: ignore[no-untyped-def]
    """Evaluate the plan's quality-gate rules over its metrics, as Allure does with allurerc.mjs's rules."""
    values = {m["key"]: m["value"] for m in metrics(decision, settings)}
    for rule in quality_gate(decision, settings):
        [(name, expected)] = [(k, v) for k, v in rule.items() if k != "id"]
        if not HOLDS[name](values[expected["key"]], expected["value"]):
            return False
    return True


@pytest.mark.parametrize(("impact", "score", "floor", "previous", "drop"), [
    ("minor", 98.0, 0.0, None, 100.0),
    ("serious", 80.0, 0.0, None, 100.0),
    ("minor", 85.0, 90.0, None, 100.0),
    ("minor", 85.0, 0.0, 95.0, 5.0),
    ("minor", 93.0, 0.0, 95.0, 5.0),
])
def test_the_quality_gate_tab_and_the_exit_code_agree(settings: Settings, impact: str, score: float, floor: float,
                                                       previous: float | None, drop: float) -> None:
    tuned = settings.model_copy(update={"score_floor": floor, "max_score_drop": drop})
    decision = decide([result([finding(impact=impact)], score, tuned)], tuned, previous_score=previous)
    assert allure_gate_passes(decision, tuned) == decision.passed


def test_categories_are_one_per_rule_in_allure_3_form() -> None:
    made = categories(["cold-copy", "friction"])
    assert made[0] == {"id": "empathy-cold-copy", "name": "Cold copy",
                       "matchers": {"statuses": ["failed"], "labels": {"empathy-rule": r"^cold\-copy$"}}}
    assert [c["name"] for c in made][:2] == ["Cold copy", "Friction"] and "messageRegex" not in json.dumps(made)


def test_the_plan_names_every_rule_found_and_the_summary_page(settings: Settings, tmp_path: Path) -> None:
    results = [result([finding(rule="our-own-rule")], 90.0, settings)]
    decision = decide(results, settings)
    page = tmp_path / "summary.html"
    plan = json.loads(write_plan(tmp_path, settings, build_summary(results), decision, results, page).read_text())
    assert [c["id"] for c in plan["categories"]][-2:] == ["empathy-our-own-rule", "empathy-broken"]
    assert plan["globalAttachments"] == [str(page.resolve())]
    assert plan["variables"]["Release gate"].startswith("failed: 1 finding(s) at or above serious")


def test_first_screen_shows_score_and_each_persona_by_journey(settings: Settings) -> None:
    results = [result([], 100.0, settings), result([], 60.0, settings, journey="chat"),
               result([], 90.0, settings, persona="hurried")]
    shown = first_screen(build_summary(results), decide(results, settings), results)
    assert shown == {"Release gate": "passed", "Empathy score": "83.3 / 100",
                     "Persona anxious": "80.0 (chat 60.0, claim 100.0)", "Persona hurried": "90.0"}


def test_summary_page_escapes_page_text_and_shows_the_worst_moment_with_its_screenshot(
        settings: Settings, tmp_path: Path) -> None:
    (tmp_path / "shot.png").write_bytes(b"\x89PNG fake")
    hostile = finding(impact="critical", message="<script>alert(1)</script>", step=1)
    worst = result([hostile, finding(impact="minor")], 40.0, settings)
    worst.screenshots = [None, "shot.png", None]
    results = [worst, result([], 100.0, settings, persona="hurried")]
    page = summary_html(build_summary(results), decide(results, settings), results, tmp_path, [70.0, 75.5])
    assert "<script>" not in page and "&lt;script&gt;alert(1)" in page
    assert "An anxious customer files a claim, step 2" in page and "data:image/png;base64," in page
    assert "70.0 → 75.5" in page and "The release gate failed" in page
    assert "<th>claim</th><td class=\"n\">40.0</td><td class=\"n\">100.0</td>" in page


@pytest.mark.parametrize(("text", "expected"), [
    ("A anxious customer makes a claim", "An anxious customer makes a claim"),
    ("An hurried customer", "A hurried customer"),
    ("as a anxious one, a user, a one-off, an hour", "as an anxious one, a user, a one-off, an hour"),
    ("Plan A is kept", "Plan A is kept"),
])
def test_articles_agree_with_the_word_after_them(text: str, expected: str) -> None:
    assert articles(text) == expected


def test_rule_names_read_as_words() -> None:
    assert rule_name("missing-reassurance") == "Missing reassurance" and rule_name("slow-pages") == "Slow pages"


def test_summary_page_puts_each_journey_s_personas_side_by_side(settings: Settings, tmp_path: Path) -> None:
    results = [result([finding(step=2)], 70.0, settings), result([], 100.0, settings, persona="hurried"),
               result([], 90.0, settings, journey="chat")]
    page = summary_html(build_summary(results), decide(results, settings), results, tmp_path, [])
    claim = page.split("<h3>claim</h3>")[1].split("<h3>")[0]
    assert claim.count("<svg") == 2 and "as anxious" in claim and "as hurried" in claim
    assert page.split("<h3>chat</h3>")[1].split("<h3>")[0].count("<svg") == 1
