"""The emotional journey map: how the persona felt at each step, drawn as a small SVG.

Strain per step adds up what wears a person down: waiting longer than their patience, error
messages, the findings at that step (repeated asks, lost answers, cold copy, silence) and effort
(fields to fill). The map draws "ease" (1 - strain) so bad moments dip, and marks the moments people
remember: the first impression, the worst moment (peak) and the end (drawn by `map_svg`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from harness.findings import Finding
from harness.transcript import Step, Transcript

FINDING_STRAIN = {"minor": 0.1, "moderate": 0.25, "serious": 0.5, "critical": 0.8}
ERROR_KINDS = {"validation", "error", "alert"}
DEFAULT_PATIENCE_MS = 3000.0


def _patience_ms(persona: Mapping[str, Any]) -> float:
    patience = persona.get("patience") or {}
    return float(patience.get("silence_ms") or DEFAULT_PATIENCE_MS)


def step_strain(step: Step, findings: Sequence[Finding], patience_ms: float) -> float:
    """How strained the persona is after this step, from 0 (at ease) to 1 (at breaking point)."""
    longest = max((w.duration_ms for w in step.waits), default=0.0)
    waiting = min(1.0, max(0.0, (longest - patience_ms) / patience_ms))
    errors = min(1.0, 0.25 * sum(1 for m in step.messages if m.kind in ERROR_KINDS))
    found = sum(FINDING_STRAIN.get(f.impact, 0.25) * (1.0 if f.failed else 0.3) for f in findings)
    effort = min(0.3, 0.03 * len(step.given))
    return round(min(1.0, waiting + errors + found + effort), 3)


def strain(transcript: Transcript, findings: Sequence[Finding]) -> list[float]:
    """The strain at every step of a journey."""
    patience = _patience_ms(transcript.persona)
    by_step: dict[int, list[Finding]] = {}
    for finding in findings:
        by_step.setdefault(finding.step, []).append(finding)
    return [step_strain(s, by_step.get(s.index, []), patience) for s in transcript.steps]


def peak_step(strains: Sequence[float]) -> int | None:
    """The index of the worst moment (the first of equals), or None for a calm journey."""
    if not strains or max(strains) <= 0:
        return None
    return max(range(len(strains)), key=lambda i: (strains[i], -i))


def render_svg(transcript: Transcript, findings: Sequence[Finding], title: str = "") -> str:
    """One scenario's journey map as a standalone SVG document (layout in `map_svg`)."""
    from harness.reporting.map_svg import render_map

    strains = strain(transcript, findings)
    heading = title or f"{transcript.scenario} - as {transcript.persona_name}"
    return render_map(heading, [s.text for s in transcript.steps], strains, findings, peak_step(strains))
