"""The release gate: which findings fail a scenario, and whether the whole run passes.

A scenario fails on a failed finding at or above `fail_on` that the baseline does not already know.
The run fails on any such finding, on a score below `score_floor`, or on a drop of more than
`max_score_drop` against the baseline's score (or, without a baseline, the previous run's).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from harness.config import Settings
from harness.findings import Finding, Impact
from harness.reporting.baseline import load_baseline
from harness.reporting.results import ScenarioResult
from harness.reporting.score import mean_score


def blocking_findings(findings: list[Finding], settings: Settings) -> list[Finding]:
    """The failed findings at or above `fail_on` that the baseline does not excuse."""
    if settings.fail_on == "never":
        return []
    floor = Impact.parse(settings.fail_on)
    known, _ = load_baseline(settings.path("baseline")) if settings.baseline else (set(), None)
    return [f for f in findings if f.failed and f.impact_level >= floor and f.key() not in known]


@dataclass
class GateDecision:
    """Whether the run passes, and every reason it does not."""

    score: float | None
    reasons: list[str] = field(default_factory=list)
    blocking: int = 0  # blocking findings over all scenarios
    reference: float | None = None  # the score a drop is measured against (baseline, else previous run)

    @property
    def passed(self) -> bool:
        return not self.reasons


def decide(results: list[ScenarioResult], settings: Settings, previous_score: float | None = None) -> GateDecision:
    """The run-level verdict over every scenario result (all shards merged)."""
    score = mean_score([r.score for r in results])
    blocking = sum(len(r.blocking) for r in results)
    decision = GateDecision(score=score, blocking=blocking)
    if blocking:
        failing = sum(1 for r in results if r.blocking)
        decision.reasons.append(f"{blocking} finding(s) at or above {settings.fail_on} in {failing} scenario(s)")
    if score is not None and score < settings.score_floor:
        decision.reasons.append(f"empathy score {score} is below the floor of {settings.score_floor}")
    reference = previous_score
    if settings.baseline:
        _, baseline_score = load_baseline(settings.path("baseline"))
        reference = baseline_score if baseline_score is not None else previous_score
    decision.reference = reference
    if score is not None and reference is not None and reference - score > settings.max_score_drop:
        decision.reasons.append(f"empathy score dropped from {reference} to {score} "
                                f"(more than the allowed {settings.max_score_drop})")
    return decision
