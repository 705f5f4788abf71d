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
from typing import Any

import allure
import allure_commons
from allure_commons.lifecycle import AllureLifecycle
from allure_commons.model2 import Parameter
from allure_commons.types import AttachmentType, Severity

from harness.config import Settings
from harness.findings import Finding, Impact
from harness.reporting.text import articles
from harness.transcript import Step, Transcript

# The worst failed finding's impact -> the Allure severity of the same name; Allure has no "serious", so
# serious and moderate share "normal" and the `impact` label keeps the exact word.
SEVERITY = {
    None: Severity.TRIVIAL,
    Impact.minor: Severity.MINOR,
    Impact.moderate: Severity.NORMAL,
    Impact.serious: Severity.NORMAL,
    Impact.critical: Severity.CRITICAL,
}
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
    """Inside the open Allure step: what was found on it, with its screenshot.

    Only a step with findings or a failure carries its screenshot: screenshots are most of a report's
    weight (with `screenshots = "every-step"` every step's picture stays in `reports/screenshots`)."""
    if step.screenshot and (findings or step.status != "passed"):
        shot = reports_dir / step.screenshot
        if shot.is_file():
            kind = AttachmentType.JPG if shot.suffix == ".jpg" else AttachmentType.PNG
            allure.attach.file(str(shot), name="screenshot", attachment_type=kind)
    if findings:
        allure.attach(findings_html(findings, rerun), name=f"findings ({len(findings)})",
                      attachment_type=AttachmentType.HTML)


def allure_lifecycle() -> Any:
    """allure-pytest-bdd's lifecycle in this process (None when the run writes no Allure results)."""
    for plugin in allure_commons.plugin_manager.get_plugins():
        lifecycle = getattr(plugin, "lifecycle", None)
        if isinstance(lifecycle, AllureLifecycle):
            return lifecycle
    return None


def readable_parameters(step: Any, arguments: dict[str, Any]) -> None:
    """Keep a Gherkin step's own arguments as parameters, as written; drop fixtures (journey, settings, ...)."""
    lifecycle = allure_lifecycle()
    if lifecycle is None:
        return
    from allure_pytest_bdd.steps import get_step_uuid

    plain = {k: v for k, v in arguments.items() if isinstance(v, str | int | float) and k not in ("docstring",)}
    with lifecycle.update_step(uuid=get_step_uuid(step)) as result:
        if result is not None:
            result.parameters = [Parameter(name=k, value=str(v)) for k, v in plain.items()]


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
    title = articles(transcript.scenario)
    allure.dynamic.story(title)
    allure.dynamic.title(f"{title} [{settings.variant}]" if settings.variant else title)
    failed = [f.impact_level for f in findings if f.failed]
    worst = max(failed) if failed else None
    allure.dynamic.severity(SEVERITY[worst])
    if worst is not None:
        allure.dynamic.label("impact", worst.name)
    for rule in sorted({f.rule for f in findings}):
        allure.dynamic.tag(rule)
    allure.dynamic.parameter("seed", transcript.seed, excluded=True)
    if settings.variant:
        allure.dynamic.parameter("variant", settings.variant)


def attach_scenario(transcript: Transcript, findings: list[Finding], svg: str, summary: str,
                    rerun: str = "") -> None:
    """The scenario-level attachments: empathy score, journey map, all findings, the transcript."""
    allure.attach(summary, name="empathy score", attachment_type=AttachmentType.TEXT)
    allure.attach(svg, name="journey map", attachment_type=AttachmentType.SVG)
    if findings:
        allure.attach(findings_html(findings, rerun), name="all findings", attachment_type=AttachmentType.HTML)
    from harness.reporting.failures import plain

    shown = transcript.model_copy(update={"steps": [s.model_copy(update={"error": plain(s.error)}) if s.error else s
                                                    for s in transcript.steps]})
    allure.attach(shown.to_json(), name="transcript", attachment_type=AttachmentType.JSON)


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
    """environment.properties and (in a known CI) executor.json; categories are Allure 3 config (release.py)."""
    results_dir.mkdir(parents=True, exist_ok=True)
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


