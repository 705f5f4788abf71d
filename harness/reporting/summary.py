"""The run summary: `empathy-summary.json` for machines, `empathy-summary.md` for a CI job page or PR.

The previous run's summary is kept in `history/empathy-summary.json`, so each summary can say whether
this release feels better or worse than the last.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from harness.findings import Impact
from harness.reporting.results import ScenarioResult
from harness.reporting.score import mean_score
from harness.reporting.text import articles

HISTORY_FILE = Path("history") / "empathy-summary.json"
TREND_FILE = Path("history") / "empathy-scores.jsonl"  # one line per kept run: the trend on the summary page
TOP = 10


def previous_summary(reports_dir: Path) -> dict[str, Any] | None:
    """The summary of the last finished run, if one was kept."""
    path = reports_dir / HISTORY_FILE
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError):
        return None


def score_trend(reports_dir: Path) -> list[float]:
    """The scores of the kept runs, oldest first."""
    try:
        lines = (reports_dir / TREND_FILE).read_text(encoding="utf-8").splitlines()
    except OSError:
        return []
    scores = []
    for line in lines:
        try:
            scores.append(float(json.loads(line)["score"]))
        except (ValueError, KeyError, TypeError):
            continue
    return scores


def build_summary(results: list[ScenarioResult], previous: dict[str, Any] | None = None) -> dict[str, Any]:
    """Scores per run, persona and journey; counts by rule and impact; the worst findings first."""
    by_persona: dict[str, list[float]] = defaultdict(list)
    by_journey: dict[str, list[float]] = defaultdict(list)
    by_variant: dict[str, list[float]] = defaultdict(list)
    rules: Counter[str] = Counter()
    impacts: Counter[str] = Counter()
    findings = []
    for r in results:
        by_persona[r.persona].append(r.score)
        by_journey[r.journey or r.feature].append(r.score)
        by_variant[r.variant].append(r.score)
        for f in r.findings:
            if f.failed:
                rules[f.rule] += 1
                impacts[f.impact] += 1
            findings.append(f)
    findings.sort(key=lambda f: (f.outcome != "failed", -f.impact_level, f.rule, f.scenario, f.step))
    score = mean_score([r.score for r in results])
    prev_score = (previous or {}).get("score")
    prev_keys = set((previous or {}).get("finding_keys", []))
    keys = sorted({f.key() for f in findings if f.failed})
    return {
        "score": score,
        "previous_score": prev_score,
        "delta": None if score is None or prev_score is None else round(score - prev_score, 1),
        "scenarios": len(results),
        "failed_scenarios": sum(1 for r in results if r.blocking),
        "personas": {p: mean_score(s) for p, s in sorted(by_persona.items())},
        "journeys": {j: mean_score(s) for j, s in sorted(by_journey.items())},
        "variants": {v: mean_score(s) for v, s in sorted(by_variant.items()) if v},
        "findings_by_rule": dict(sorted(rules.items())),
        "findings_by_impact": {i.name: impacts[i.name] for i in Impact if impacts[i.name]},
        "new_findings": len([k for k in keys if k not in prev_keys]) if previous else None,
        "finding_keys": keys,
        "top_findings": [f.model_dump(include={"rule", "impact", "outcome", "persona", "scenario", "step",
                                               "step_text", "message", "suggestion", "url"})
                         for f in findings[:TOP]],
    }


def render_markdown(summary: dict[str, Any]) -> str:
    """The summary as Markdown for a CI job summary or a pull-request comment."""
    score, delta = summary["score"], summary["delta"]
    trend = "" if delta is None else f" ({'+' if delta >= 0 else ''}{delta} against the previous run)"
    lines = [
        "# Empathy summary",
        "",
        f"**Empathy score: {score if score is not None else 'n/a'} / 100**{trend}  ",
        f"{summary['scenarios']} scenario(s), {summary['failed_scenarios']} failing the gate.",
        "",
        "| Persona | Score |",
        "| --- | --- |",
        *[f"| {_cell(p)} | {s} |" for p, s in summary["personas"].items()],
        "",
    ]
    if summary.get("variants"):
        lines += ["| Variant | Score |", "| --- | --- |",
                  *[f"| {_cell(v)} | {s} |" for v, s in summary["variants"].items()], ""]
    if summary["findings_by_rule"]:
        lines += ["| Rule | Failed findings |", "| --- | --- |",
                  *[f"| {r} | {n} |" for r, n in summary["findings_by_rule"].items()], ""]
    if summary["top_findings"]:
        lines += ["## Top findings", ""]
        for f in summary["top_findings"]:
            lines.append(f"- **{f['rule']}** ({f['impact']}, {f['outcome']}) - {_cell(f['persona'])}, "
                         f"{_cell(articles(f['scenario']))}, step {f['step'] + 1}: {_cell(f['message'])}"
                         + (f"  \n  Suggestion: {_cell(f['suggestion'])}" if f["suggestion"] else ""))
    else:
        lines.append("No findings: every journey felt considerate.")
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    """Page text is hostile until shown otherwise: no markup, no table breaks, in Markdown."""
    return (text or "").replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;").replace("\n", " ")


def write_summary(reports_dir: Path, results: list[ScenarioResult], *, keep_history: bool = False) -> dict[str, Any]:
    """Write the JSON and Markdown summaries; with keep_history, remember this run for the next one."""
    summary = build_summary(results, previous_summary(reports_dir))
    reports_dir.mkdir(parents=True, exist_ok=True)
    text = json.dumps(summary, indent=2)
    (reports_dir / "empathy-summary.json").write_text(text + "\n", encoding="utf-8")
    (reports_dir / "empathy-summary.md").write_text(render_markdown(summary), encoding="utf-8")
    if keep_history:
        (reports_dir / HISTORY_FILE).parent.mkdir(parents=True, exist_ok=True)
        (reports_dir / HISTORY_FILE).write_text(text + "\n", encoding="utf-8")
        if summary["score"] is not None:
            with (reports_dir / TREND_FILE).open("a", encoding="utf-8") as trend:
                trend.write(json.dumps({"score": summary["score"]}) + "\n")
    return summary
