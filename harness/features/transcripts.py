"""`empathy check transcript.json`: re-run the enabled checks on saved journeys, Vale-style output."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from harness.config import Settings
    from harness.findings import Finding


def blocks(finding: Finding, settings: Settings) -> bool:
    """A failed finding at or above `fail_on` fails the build; cantTell never does."""
    from harness.findings import Impact

    return settings.fail_on != "never" and finding.failed and finding.impact_level >= Impact.parse(settings.fail_on)


def check_transcripts(paths: Sequence[Path], settings: Settings, fmt: str = "text") -> tuple[str, bool]:
    """The findings of every transcript, as `file:step:rule:impact: message` lines or JSON, and
    whether any of them blocks the build."""
    from harness.checks import run_checks
    from harness.transcript import Transcript

    lines: list[str] = []
    records: list[dict[str, object]] = []
    blocking = False
    for path in paths:
        transcript = Transcript.load(path)
        findings = run_checks(transcript, settings, tags=transcript.tags)
        for f in findings:
            is_blocking = blocks(f, settings)
            blocking = blocking or is_blocking
            impact = f.impact if f.failed else f"{f.impact}/{f.outcome}"
            lines.append(f"{path}:{f.step}:{f.rule}:{impact}: {f.message}")
            if f.suggestion:
                lines.append(f"    fix: {f.suggestion}")
            records.append({"file": str(path), **f.model_dump(mode="json"), "blocking": is_blocking})
        lines.append(f"{path}: {len(findings)} finding{'s' * (len(findings) != 1)}")
    if fmt == "json":
        return json.dumps({"findings": records, "blocking": blocking}, indent=2, ensure_ascii=False), blocking
    return "\n".join(lines), blocking
