"""What the Allure report shows: screenshots and findings per step, the story labels per scenario.

Every piece of page text that reaches an attachment goes through `html.escape` first: a page under
test is hostile until shown otherwise, and the report travels around a company.
"""

from __future__ import annotations

import json
import os
import platform
from html import escape
from pathlib import Path

import allure
from allure_commons.types import AttachmentType, Severity

from harness.config import Settings
from harness.findings import Finding, Impact
from harness.transcript import Step, Transcript

SEVERITY = {  # the worst finding's impact -> Allure severity
    None: Severity.TRIVIAL,
    Impact.minor: Severity.MINOR,
    Impact.moderate: Severity.NORMAL,
    Impact.serious: Severity.CRITICAL,
    Impact.critical: Severity.BLOCKER,
}
CATEGORIES = [
    ("Repeated prompt", "repeated-prompt"),
    ("Lost context", "lost-context"),
    ("Cold copy", "cold-copy"),
    ("Missing reassurance", "missing-reassurance"),
    ("Friction", "friction"),
]
PLAYWRIGHT_TRACE = "application/vnd.allure.playwright-trace"  # Allure 3 shows these in Playwright's viewer
_STYLE = ("body{font-family:sans-serif;font-size:14px;margin:8px}"
          ".f{border-left:4px solid #d1492e;padding:4px 10px;margin:8px 0}"
          ".minor{border-color:#8a8a8a}.moderate{border-color:#d08b00}.critical{border-color:#8b0000}"
          "dt{font-weight:bold;margin-top:4px}code{white-space:pre-wrap}")


def findings_html(findings: list[Finding], rerun: str = "") -> str:
    """Findings as a small HTML page a release manager reads; all page text escaped; each ends with
    `rerun`, the command that re-runs its scenario, when given."""
    blocks = []
    for f in findings:
        evidence = "".join(f"<dt>{escape(str(k))}</dt><dd><code>{escape(_short(v))}</code></dd>"
                           for k, v in f.evidence.items() if k != "key")
        blocks.append(
            f'<div class="f {escape(f.impact)}"><h3>{escape(f.rule)}: {escape(f.impact)} ({escape(f.outcome)})</h3>'
            f"<p>{escape(f.message)}</p>"
            + (f"<p><b>Suggestion:</b> {escape(f.suggestion)}</p>" if f.suggestion else "")
            + (f"<p>Where: <code>{escape(f.url)}</code> <code>{escape(f.target)}</code></p>" if f.url else "")
            + (f"<dl>{evidence}</dl>" if evidence else "")
            + (f"<p>Re-run: <code>{escape(rerun)}</code></p>" if rerun else "") + "</div>")
    return f"<!doctype html><html><head><meta charset='utf-8'><style>{_STYLE}</style></head><body>" \
           + "".join(blocks) + "</body></html>"


def _short(value: object, limit: int = 600) -> str:
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= limit else text[:limit] + " …"


def attach_step(step: Step, findings: list[Finding], reports_dir: Path, rerun: str = "") -> None:
    """Inside the open Allure step: its screenshot, then what was found on it."""
    if step.screenshot:
        shot = reports_dir / step.screenshot
        if shot.is_file():
            allure.attach.file(str(shot), name="screenshot", attachment_type=AttachmentType.PNG)
    if findings:
        allure.attach(findings_html(findings, rerun), name=f"findings ({len(findings)})",
                      attachment_type=AttachmentType.HTML)


def journey_of(tags: list[str]) -> str:
    """The journey a scenario belongs to, from its `@journey:<name>` tag."""
    for tag in tags:
        name = tag.lstrip("@")
        if name.startswith("journey:"):
            return name.split(":", 1)[1]
    return ""


def label_scenario(transcript: Transcript, findings: list[Finding], settings: Settings) -> None:
    """The story labels: persona, journey, severity from the worst finding, one tag per rule found."""
    allure.dynamic.label("persona", transcript.persona_name)
    journey = journey_of(transcript.tags)
    if journey:
        allure.dynamic.epic(journey)
    allure.dynamic.feature(transcript.feature)
    allure.dynamic.story(transcript.scenario)
    failed = [f.impact_level for f in findings if f.failed]
    allure.dynamic.severity(SEVERITY[max(failed) if failed else None])
    for rule in sorted({f.rule for f in findings}):
        allure.dynamic.tag(rule)
    allure.dynamic.parameter("seed", transcript.seed, excluded=True)
    if settings.variant:
        allure.dynamic.parameter("variant", settings.variant)
        allure.dynamic.title(f"{transcript.scenario} [{settings.variant}]")


def attach_scenario(transcript: Transcript, findings: list[Finding], svg: str, summary: str,
                    rerun: str = "") -> None:
    """The scenario-level attachments: empathy score, journey map, all findings, the transcript."""
    allure.attach(summary, name="empathy score", attachment_type=AttachmentType.TEXT)
    allure.attach(svg, name="journey map", attachment_type=AttachmentType.SVG)
    if findings:
        allure.attach(findings_html(findings, rerun), name="all findings", attachment_type=AttachmentType.HTML)
    allure.attach(transcript.to_json(), name="transcript", attachment_type=AttachmentType.JSON)


def attach_recordings(traces: list[Path], videos: list[Path], root: Path) -> None:
    """A scenario's Playwright traces (Allure 3 opens them in its trace viewer) with the command that opens
    each, and its videos."""
    for trace in traces:
        shown = trace.relative_to(root) if trace.is_relative_to(root) else trace
        command = f"playwright show-trace {shown}"
        allure.attach.file(str(trace), name=f"{trace.name}: {command}", attachment_type=PLAYWRIGHT_TRACE,
                           extension="zip")
        allure.attach(command + "\n", name=f"open {trace.name}", attachment_type=AttachmentType.TEXT)
    for video in videos:
        allure.attach.file(str(video), name=video.name, attachment_type=AttachmentType.WEBM)


def write_run_files(results_dir: Path, settings: Settings, extra: dict[str, str]) -> None:
    """categories.json, environment.properties and (in a known CI) executor.json."""
    results_dir.mkdir(parents=True, exist_ok=True)
    # [\s\S] rather than a DOTALL flag: Allure 2 (Java) and Allure 3 (JavaScript) read the same regex.
    categories = [{"name": name, "messageRegex": f"[\\s\\S]*\\b{rule} \\[[\\s\\S]*", "matchedStatuses": ["failed"]}
                  for name, rule in CATEGORIES]
    categories.append({"name": "Broken journeys", "matchedStatuses": ["broken"]})
    (results_dir / "categories.json").write_text(json.dumps(categories, indent=2), encoding="utf-8")
    env = {"site": settings.base_url, "variant": settings.variant or "-", "seed": str(settings.seed),
           "python": platform.python_version(), **extra}
    path = results_dir / "environment.properties"
    for key, earlier in _read_properties(path).items():  # runs added to the same results: keep both values
        values = earlier.split(", ")
        env[key] = earlier if env.get(key) in values else ", ".join([*values, env[key]]) if key in env else earlier
    lines = [f"{k}={_prop(v)}" for k, v in env.items()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    executor = ci_executor()
    if executor:
        (results_dir / "executor.json").write_text(json.dumps(executor, indent=2), encoding="utf-8")


def _read_properties(path: Path) -> dict[str, str]:
    if not path.is_file():
        return {}
    pairs = (line.split("=", 1) for line in path.read_text(encoding="utf-8").splitlines() if "=" in line)
    return {k: v for k, v in pairs}


def _prop(value: str) -> str:
    return str(value).replace("\\", "\\\\").replace("\n", " ")


def ci_executor() -> dict[str, str] | None:
    """Who ran this, when a known CI runs it (GitHub Actions, GitLab CI)."""
    env = os.environ
    if env.get("GITHUB_ACTIONS") == "true":
        server, repo = env.get("GITHUB_SERVER_URL", ""), env.get("GITHUB_REPOSITORY", "")
        run = env.get("GITHUB_RUN_ID", "")
        return {"name": "GitHub Actions", "type": "github", "buildName": f"{env.get('GITHUB_WORKFLOW', '')} #{run}",
                "buildUrl": f"{server}/{repo}/actions/runs/{run}", "buildOrder": env.get("GITHUB_RUN_NUMBER", "")}
    if env.get("GITLAB_CI") == "true":
        return {"name": "GitLab CI", "type": "gitlab", "buildName": env.get("CI_PIPELINE_ID", ""),
                "buildUrl": env.get("CI_PIPELINE_URL", ""), "buildOrder": env.get("CI_PIPELINE_IID", "")}
    return None


