"""The empathy score: 0 (cold) to 100 (considerate), per scenario, persona and run.

Weighting, as Lighthouse scores a category:
- Each rule is an audit with a weight (its META's `weight`): forgetting what a person said and leaving them
  in silence weigh most (3), cold copy 2, friction 1. A rule with no finding scores 1.
- A finding costs its rule `IMPACT_COST[impact]` (minor 0.05, moderate 0.15, serious 0.35,
  critical 0.6); a cantTell finding costs a quarter of that. A rule's score is 1 minus its costs,
  never below 0.
- Peak-end: people remember a journey by its first impression, its worst moment and its end
  (Kahneman's peak-end rule; anchoring). A finding in the first or last fifth of the steps, or on
  the step of peak strain (see `journey_map.strain`), costs `MOMENT_FACTOR` (1.5) times as much.
- The scenario score is 100 times the weighted mean of the rule scores. A persona's score and the
  run's score are the mean of their scenarios' scores.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

from harness.findings import Finding

DEFAULT_RULE_WEIGHT = 1.0  # a rule the registry does not know (a finding read from an older report)
IMPACT_COST: dict[str, float] = {"minor": 0.05, "moderate": 0.15, "serious": 0.35, "critical": 0.6}
CANTTELL_FACTOR = 0.25
MOMENT_FACTOR = 1.5


def memorable_steps(step_count: int, peak: int | None) -> set[int]:
    """Indexes of the first impression, the end and the peak: the moments a person remembers."""
    if step_count <= 0:
        return set()
    edge = max(1, math.ceil(step_count * 0.2))
    moments = set(range(edge)) | set(range(step_count - edge, step_count))
    if peak is not None:
        moments.add(peak)
    return moments


def finding_cost(finding: Finding, moments: set[int]) -> float:
    """What one finding takes off its rule's score."""
    cost = IMPACT_COST.get(finding.impact, IMPACT_COST["moderate"])
    if finding.outcome != "failed":
        cost *= CANTTELL_FACTOR
    if finding.step in moments:
        cost *= MOMENT_FACTOR
    return cost


def rule_weights() -> dict[str, float]:
    """Each registered rule's weight, from its own META."""
    from harness.checks.registry import RULES

    return {rule.id: rule.weight for rule in RULES.values()}


def scenario_score(findings: Iterable[Finding], step_count: int, peak: int | None = None,
                   rules: Iterable[str] | None = None) -> float:
    """The score of one journey, from its findings (`rules`: the rules judged, by default every registered
    one); 100 when nothing was found."""
    moments = memorable_steps(step_count, peak)
    known = rule_weights()
    costs: dict[str, float] = {rule: 0.0 for rule in (known if rules is None else rules)}
    for finding in findings:
        costs[finding.rule] = costs.get(finding.rule, 0.0) + finding_cost(finding, moments)
    weights = {rule: known.get(rule, DEFAULT_RULE_WEIGHT) for rule in costs}
    total = sum(weights.values()) or 1.0
    mean = sum(weights[rule] * max(0.0, 1.0 - cost) for rule, cost in costs.items()) / total
    return round(100.0 * mean, 1)


def mean_score(scores: Sequence[float]) -> float | None:
    """The mean of several scores, or None when there are none."""
    return round(sum(scores) / len(scores), 1) if scores else None
