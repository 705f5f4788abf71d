from __future__ import annotations

import json
from pathlib import Path

import pytest

from harness.config import Settings
from harness.reporting.baseline import write_baseline
from harness.reporting.gate import blocking_findings, decide
from harness.reporting.results import ScenarioResult, read_results, write_result
from harness.reporting.summary import write_summary
from tests.reporting.conftest import finding


def result(findings: list, score: float, settings: Settings, persona: str = "anxious") -> ScenarioResult:
    return ScenarioResult(persona=persona, scenario="File a claim", feature="Claims", score=score,
                          findings=findings, blocking=[f.key() for f in blocking_findings(findings, settings)])


def test_results_round_trip_through_files(tmp_path: Path, settings: Settings) -> None:
    write_result(result([finding()], 70.0, settings), tmp_path)
    (tmp_path / "empathy" / "broken.json").write_text("{not json")
    [back] = read_results([tmp_path])
    assert back.findings[0].rule == "cold-copy" and back.score == 70.0


def test_gate_passes_with_no_findings(settings: Settings) -> None:
    assert decide([result([], 100.0, settings)], settings).passed


def test_gate_passes_with_minor_findings_only(settings: Settings) -> None:
    assert decide([result([finding(impact="minor")], 98.0, settings)], settings).passed


def test_gate_fails_on_a_serious_finding(settings: Settings) -> None:
    decision = decide([result([finding(impact="serious")], 80.0, settings)], settings)
    assert not decision.passed and "at or above serious" in decision.reasons[0]


def test_gate_fails_on_score_below_floor_and_on_a_drop(settings: Settings) -> None:
    floor = settings.model_copy(update={"score_floor": 90.0})
    assert "below the floor" in decide([result([], 85.0, floor)], floor).reasons[0]
    drop = settings.model_copy(update={"max_score_drop": 5.0})
    reasons = decide([result([], 85.0, drop)], drop, previous_score=95.0).reasons
    assert "dropped from 95.0 to 85.0" in reasons[0]
    assert decide([result([], 93.0, drop)], drop, previous_score=95.0).passed


def test_baseline_suppresses_known_findings_but_not_new_ones(settings: Settings, tmp_path: Path) -> None:
    known = finding(rule="cold-copy", message="known")
    write_baseline(tmp_path / "base.json", [result([known], 80.0, settings)], 80.0)
    with_baseline = settings.model_copy(update={"baseline": str(tmp_path / "base.json")})
    with_baseline._root = tmp_path
    new = finding(rule="repeated-prompt", step=2)
    assert blocking_findings([known], with_baseline) == []
    assert blocking_findings([known, new], with_baseline) == [new]


def test_summary_json_and_markdown_with_delta(tmp_path: Path, settings: Settings) -> None:
    first = write_summary(tmp_path, [result([], 100.0, settings)], keep_history=True)
    assert first["delta"] is None
    hostile = finding(message="<script>alert(1)</script> | cell")
    second = write_summary(tmp_path, [result([hostile], 60.0, settings), result([], 100.0, settings, "hurried")])
    assert second["score"] == 80.0 and second["delta"] == -20.0
    assert second["personas"] == {"anxious": 60.0, "hurried": 100.0}
    assert second["findings_by_rule"] == {"cold-copy": 1} and second["new_findings"] == 1
    md = (tmp_path / "empathy-summary.md").read_text()
    assert "Empathy score: 80.0 / 100** (-20.0 against the previous run)" in md
    assert "<script>" not in md and "&lt;script&gt;" in md and "\\| cell" in md
    assert json.loads((tmp_path / "empathy-summary.json").read_text())["scenarios"] == 2


def test_runs_added_to_one_results_folder_keep_both_environments(tmp_path: Path) -> None:
    from harness.reporting.allure import write_run_files

    write_run_files(tmp_path, Settings(variant="warm", base_url="http://a"), {"harness": "1"})
    write_run_files(tmp_path, Settings(variant="cold", base_url="http://b"), {"harness": "1"})
    props = (tmp_path / "environment.properties").read_text()
    assert "variant=warm, cold" in props and "site=http://a, http://b" in props and "harness=1\n" in props


def test_the_last_runs_summary_is_no_scenario_of_this_one(tmp_path: Path, settings: Settings) -> None:
    # `empathy run nope.feature` collected nothing, and the reports folder (its results folder cleaned away) held
    # only the last run's empathy-summary.json: read as a scenario, it made "score 100.0 over 1 scenario(s)"
    write_summary(tmp_path, [result([finding()], 70.0, settings)])
    assert (tmp_path / "empathy-summary.json").is_file() and not (tmp_path / "empathy").exists()
    assert read_results([tmp_path]) == []


def test_a_result_that_cannot_be_read_is_named_with_why(tmp_path: Path, settings: Settings,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    # before: a result cut short (a run killed while writing it) or written by another version was skipped without
    # a word: `empathy report` then said "no scenario results", or a summary left a scenario out, and nobody knew
    write_result(result([finding()], 70.0, settings), tmp_path)
    (tmp_path / "empathy" / "cut.json").write_text('{"uuid": "cut", "scen')
    (tmp_path / "empathy" / "older.json").write_text(json.dumps({"uuid": "older", "findings": [{"rule": 3}]}))
    assert len(read_results([tmp_path])) == 1
    said = capsys.readouterr().err.splitlines()
    assert len(said) == 2, said
    assert "cut.json" in said[0] and "not whole JSON" in said[0]
    assert "older.json" in said[1] and "findings.0" in said[1] and "another version" in said[1]


def test_a_result_is_never_left_half_written(tmp_path: Path, settings: Settings,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    # a write cut short (the disk full, the run killed) leaves the file it had before, or none: never a piece
    first = result([finding()], 70.0, settings)
    path = write_result(first, tmp_path)

    def cut_short(self: Path, text: str, **_: object) -> int:
        with self.open("w", encoding="utf-8") as f:
            f.write(text[:20])
        raise OSError("No space left on device")

    monkeypatch.setattr(Path, "write_text", cut_short)
    with pytest.raises(OSError):
        write_result(first.model_copy(update={"score": 10.0}), tmp_path)
    monkeypatch.undo()
    assert [r.score for r in read_results([tmp_path])] == [70.0]
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]
