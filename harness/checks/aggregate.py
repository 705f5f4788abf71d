"""Combining findings in one small place: project re-grading, de-duplication, order, axe-like results.

Why one place (axe-core's aggregate-checks): every consumer (the steps, Allure, the summary, the
gate) must see the same list, in the same order, with the same de-duplication.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from harness.findings import Finding, Impact, Outcome

if TYPE_CHECKING:
    from harness.checks.base import Rule


def regrade(findings: Iterable[Finding], grades: Mapping[str, str]) -> list[Finding]:
    """Apply `[tool.empathy.rules]` impacts: every finding of a re-graded rule takes that impact."""
    out = []
    for f in findings:
        grade = grades.get(f.rule)
        if grade and grade != "off" and grade != f.impact:
            f = f.model_copy(update={"impact": grade, "evidence": {**f.evidence, "default_impact": f.impact}})
        out.append(f)
    return out


_OUTCOME = {o.name: o.value for o in Outcome}
_IMPACT = {i.name: i.value for i in Impact}


def _rank(f: Finding) -> tuple[int, int]:
    return _OUTCOME.get(f.outcome, 0), _IMPACT.get(f.impact, 0)


def combine(findings: Iterable[Finding]) -> list[Finding]:
    """One finding per key (the worst outcome, then impact, wins), ordered by step, then severity, then rule."""
    best: dict[str, Finding] = {}
    for f in findings:
        k = f.key()
        if k not in best or _rank(f) > _rank(best[k]):
            best[k] = f
    return sorted(best.values(), key=lambda f: (f.step, -_rank(f)[0], -_rank(f)[1], f.rule, f.target))


def results(findings: Iterable[Finding], rules: Iterable[Rule]) -> dict[str, Any]:
    """axe-core's shape: rules with failures (violations), open questions (incomplete), and clean passes."""
    by_rule: dict[str, list[Finding]] = {}
    for f in findings:
        by_rule.setdefault(f.rule, []).append(f)
    out: dict[str, Any] = {"violations": [], "incomplete": [], "passes": []}
    for rule in rules:
        found = by_rule.get(rule.id, [])
        failed = [f for f in found if f.outcome == "failed"]
        unsure = [f for f in found if f.outcome == "cantTell"]
        entry = {"id": rule.id, "impact": rule.impact, "tags": list(rule.tags), "help": rule.help,
                 "description": rule.description, "helpUrl": rule.help_url}
        if failed:
            out["violations"].append({**entry, "nodes": [f.model_dump() for f in failed]})
        if unsure:
            out["incomplete"].append({**entry, "nodes": [f.model_dump() for f in unsure]})
        if not found:
            out["passes"].append({**entry, "nodes": []})
    return out
