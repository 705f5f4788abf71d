"""What `empathy report` hands Allure 3 besides the test results: the release decision in Allure's own terms.

- Categories per rule (Allure 3's `categories` config: matchers on the `empathy-rule` label that a
  scenario carries for each rule of the findings it failed on, see `failures.py`).
- The gate as Allure quality-gate rules over three metrics measured here (empathy score, blocking
  findings, the drop against the reference), so the Quality Gates tab and `empathy report`'s exit
  code come from the same numbers.
- The empathy summary page (score, persona by journey, trend, worst moments) as a global attachment.
"""

from __future__ import annotations

import base64
import json
import re
from html import escape
from pathlib import Path
from typing import Any

from harness.config import Settings
from harness.reporting.gate import GateDecision
from harness.reporting.results import ScenarioResult
from harness.reporting.text import RULE_NAMES, articles, rule_name

RULE_LABEL = "empathy-rule"
WORST = 3  # worst moments shown with their screenshots on the summary page
_STYLE = ("body{font-family:sans-serif;font-size:14px;margin:12px;color:#222}h1{font-size:20px;margin:0 0 4px}"
          "h2{font-size:16px;margin:18px 0 6px}table{border-collapse:collapse}td,th{border:1px solid #ccc;"
          "padding:4px 10px;text-align:left}td.n{text-align:right}.pass{color:#2e7d32}.fail{color:#c62828}"
          ".m{border-left:4px solid #d1492e;padding:4px 10px;margin:10px 0}.m img{max-width:480px;"
          "border:1px solid #ccc;display:block;margin-top:6px}.maps{display:flex;flex-wrap:wrap;gap:12px}"
          ".maps>div{flex:0 1 calc(50% - 6px);min-width:420px}.maps svg{width:100%;height:auto;border:1px solid #eee}")


def categories(rules: list[str]) -> list[dict[str, Any]]:
    """One Allure 3 category per rule (failed scenarios), then broken journeys."""
    out: list[dict[str, Any]] = [
        {"id": f"empathy-{rule}", "name": rule_name(rule),
         "matchers": {"statuses": ["failed"], "labels": {RULE_LABEL: f"^{re.escape(rule)}$"}}} for rule in rules]
    out.append({"id": "empathy-broken", "name": "Broken journeys (the harness or the site failed)",
                "matchers": {"statuses": ["broken"]}})
    return out


def metrics(decision: GateDecision, settings: Settings) -> list[dict[str, Any]]:
    """The measures the gate decided on, as Allure 3 metric samples."""
    out: list[dict[str, Any]] = [{"key": "blocking-findings", "value": decision.blocking, "better": "lower",
                                  "title": f"The number of findings at or above {settings.fail_on}"}]
    if decision.score is not None:
        out.append({"key": "empathy-score", "value": decision.score, "better": "higher", "title": "The empathy score"})
        if decision.reference is not None:
            out.append({"key": "empathy-score-drop", "value": round(decision.reference - decision.score, 1),
                        "better": "lower", "title": f"The drop in empathy score from {decision.reference}"})
    return out


def quality_gate(decision: GateDecision, settings: Settings) -> list[dict[str, Any]]:
    """The gate's three conditions as Allure quality-gate rules over `metrics`."""
    rules: list[dict[str, Any]] = []
    if settings.fail_on != "never":
        rules.append({"id": f"Findings at or above {settings.fail_on}",
                      "at most": {"key": "blocking-findings", "value": 0}})
    if decision.score is not None:
        rules.append({"id": "Empathy score", "at least": {"key": "empathy-score", "value": settings.score_floor}})
        if decision.reference is not None:
            rules.append({"id": "Empathy score drop",
                          "at most": {"key": "empathy-score-drop", "value": settings.max_score_drop}})
    return rules


def first_screen(summary: dict[str, Any], decision: GateDecision, results: list[ScenarioResult]) -> dict[str, str]:
    """Report variables (the overview's Metadata): the verdict, the score and each persona's score by journey."""
    delta = summary.get("delta")
    out = {"Release gate": "passed" if decision.passed else "failed: " + "; ".join(decision.reasons),
           "Empathy score": f"{_score(summary['score'])} / 100" + ("" if delta is None else f" ({delta:+.1f})")}
    for persona, score in summary["personas"].items():
        journeys: dict[str, list[float]] = {}
        for r in results:
            if r.persona == persona:
                journeys.setdefault(r.journey or r.feature, []).append(r.score)
        each = ", ".join(f"{j} {_score(sum(v) / len(v))}" for j, v in sorted(journeys.items()))
        out[f"Persona {persona}"] = f"{_score(score)}" + (f" ({each})" if len(journeys) > 1 else "")
    return out


def _image(reports_dir: Path, relative: str | None) -> str:
    if not relative:
        return ""
    path = reports_dir / relative
    if not path.is_file():
        return ""
    data = base64.b64encode(path.read_bytes()).decode("ascii")
    kind = "jpeg" if path.suffix == ".jpg" else "png"
    return f'<img alt="screenshot of this moment" src="data:image/{kind};base64,{data}">'


def _score(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}"


def summary_html(summary: dict[str, Any], decision: GateDecision, results: list[ScenarioResult],
                 reports_dir: Path, trend: list[float]) -> str:
    """The first thing a release manager reads: verdict, score, persona by journey, trend, worst moments."""
    verdict = ('<p class="pass"><b>The release gate passed.</b></p>' if decision.passed else
               '<p class="fail"><b>The release gate failed:</b> ' + escape("; ".join(decision.reasons)) + "</p>")
    delta = summary.get("delta")
    change = "" if delta is None else f" ({delta:+.1f} against the previous run)"
    personas = sorted({r.persona for r in results})
    journeys = sorted({r.journey or r.feature for r in results})
    cells: dict[tuple[str, str], list[float]] = {}
    for r in results:
        cells.setdefault((r.journey or r.feature, r.persona), []).append(r.score)
    rows = "".join(
        f"<tr><th>{escape(j)}</th>" + "".join(
            f'<td class="n">{_score(sum(v) / len(v)) if (v := cells.get((j, p))) else "-"}</td>' for p in personas)
        + "</tr>" for j in journeys)
    table = ("<table><tr><th>Journey</th>" + "".join(f"<th>{escape(p)}</th>" for p in personas) + "</tr>"
             + rows + "<tr><th>All journeys</th>" + "".join(
                 f'<td class="n">{_score(summary["personas"].get(p))}</td>' for p in personas) + "</tr></table>")
    history = " → ".join(_score(s) for s in trend[-10:]) or "this is the first run with a kept history"
    worst = _worst_moments(results, reports_dir)
    return (f"<!doctype html><html><head><meta charset='utf-8'><title>Empathy summary</title>"
            f"<style>{_STYLE}</style></head><body>"
            f"<h1>Empathy score {_score(summary['score'])} / 100{escape(change)}</h1>{verdict}"
            f"<p>{summary['scenarios']} scenario(s), {summary['failed_scenarios']} with a finding that fails the "
            f"gate.</p><h2>Score by persona and journey</h2>{table}"
            f"<h2>Trend over the last runs</h2><p>{escape(history)}</p>"
            f"<h2>Worst moments</h2>{worst or '<p>No failed finding: every journey felt considerate.</p>'}"
            f"{_maps_side_by_side(results)}</body></html>")


def _maps_side_by_side(results: list[ScenarioResult]) -> str:
    """Per journey, each scenario's map with its personas next to each other: who suffers where."""
    from harness.reporting.map_svg import render_map

    journeys: dict[str, list[ScenarioResult]] = {}
    for r in results:
        journeys.setdefault(r.journey or r.feature, []).append(r)
    out = ["<h2>Journey maps, persona by persona</h2>"]
    for journey, walked in sorted(journeys.items()):
        maps = "".join(f"<div>{render_map(f'{r.scenario} - as {r.persona}', r.steps, r.strains, r.findings, r.peak)}"
                       "</div>" for r in sorted(walked, key=lambda r: (r.scenario, r.persona)))
        out.append(f'<h3>{escape(journey)}</h3><div class="maps">{maps}</div>')
    return "".join(out)


def _worst_moments(results: list[ScenarioResult], reports_dir: Path) -> str:
    found = [(f, r) for r in results for f in r.findings if f.failed]
    found.sort(key=lambda pair: (-pair[0].impact_level, pair[1].score))
    blocks: list[str] = []
    shown: set[str] = set()
    for f, r in found[:WORST]:
        shot = r.screenshots[f.step] if 0 <= f.step < len(r.screenshots) else None
        if shot in shown:  # one picture per moment, however many findings it had
            shot = None
        elif shot:
            shown.add(shot)
        blocks.append(
            f'<div class="m"><b>{escape(rule_name(f.rule))}</b> ({escape(f.impact)}) - {escape(r.persona)}, '
            f"{escape(articles(r.scenario))}, step {f.step + 1}: <i>{escape(f.step_text)}</i><br>{escape(f.message)}"
            + (f"<br><b>Suggestion:</b> {escape(f.suggestion)}" if f.suggestion else "")
            + _image(reports_dir, shot) + "</div>")
    return "".join(blocks)


def write_plan(folder: Path, settings: Settings, summary: dict[str, Any], decision: GateDecision,
               results: list[ScenarioResult], summary_page: Path) -> Path:
    """The plan file `allurerc.mjs` and `generate.mjs` read: categories, gate rules, metrics, attachments."""
    rules = [*RULE_NAMES, *sorted({f.rule for r in results for f in r.findings} - set(RULE_NAMES))]
    plan = {"categories": categories(rules), "qualityGate": quality_gate(decision, settings),
            "metrics": metrics(decision, settings), "globalAttachments": [str(summary_page.resolve())],
            "variables": first_screen(summary, decision, results)}
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "allure-plan.json"
    path.write_text(json.dumps(plan, indent=2), encoding="utf-8")
    return path
