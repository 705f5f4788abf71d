"""The emotional journey map: how the persona felt at each step, drawn as a small SVG.

Strain per step adds up what wears a person down: waiting longer than their patience, error
messages, the findings at that step (repeated asks, lost answers, cold copy, silence) and effort
(fields to fill). The map draws "ease" (1 - strain) so bad moments dip, and marks the moments people
remember: the first impression, the worst moment (peak) and the end. All text is escaped: page
copy can be hostile.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape
from typing import Any

from harness.findings import Finding
from harness.transcript import Step, Transcript

FINDING_STRAIN = {"minor": 0.1, "moderate": 0.25, "serious": 0.5, "critical": 0.8}
IMPACT_COLOUR = {"minor": "#8a8a8a", "moderate": "#d08b00", "serious": "#d1492e", "critical": "#8b0000"}
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


_W, _H, _PAD = 760, 260, 48


def _x(i: int, n: int) -> float:
    return _PAD + (i * (_W - 2 * _PAD) / max(1, n - 1))


def _y(strain_value: float) -> float:
    return _PAD / 2 + strain_value * (_H - 1.6 * _PAD)


def render_svg(transcript: Transcript, findings: Sequence[Finding], title: str = "") -> str:
    """One scenario's journey map as a standalone SVG document."""
    strains = strain(transcript, findings)
    n = len(strains)
    peak = peak_step(strains)
    heading = title or f"{transcript.scenario} - {transcript.persona_name}"
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{_W}" height="{_H}" viewBox="0 0 {_W} {_H}" '
        'font-family="sans-serif" font-size="11" role="img">',
        f"<title>{escape(heading)}</title>",
        f'<rect width="{_W}" height="{_H}" fill="#fff"/>',
        f'<text x="{_PAD}" y="16" font-size="13" font-weight="bold">{escape(heading)}</text>',
        f'<text x="8" y="{_y(0) + 4:.0f}" fill="#2e7d32">at ease</text>',
        f'<text x="8" y="{_y(1) + 4:.0f}" fill="#b71c1c">strained</text>',
    ]
    if n:
        points = " ".join(f"{_x(i, n):.1f},{_y(s):.1f}" for i, s in enumerate(strains))
        parts.append(f'<polyline points="{points}" fill="none" stroke="#1565c0" stroke-width="2.5"/>')
    moments = {0: "first impression", n - 1: "end"} if n else {}
    if peak is not None:
        moments[peak] = "worst moment" if peak not in moments else f"{moments[peak]} + worst moment"
    for i, step in enumerate(transcript.steps):
        x, y = _x(i, n), _y(strains[i])
        parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" fill="#1565c0"><title>'
                     f"{escape(step.text)} (strain {strains[i]:.2f})</title></circle>")
        parts.append(f'<text x="{x:.1f}" y="{_H - 8}" text-anchor="middle">{i + 1}</text>')
        if i in moments:
            parts.append(f'<text x="{x:.1f}" y="{y - 10:.1f}" text-anchor="middle" fill="#333">'
                         f"{escape(moments[i])}</text>")
    for k, finding in enumerate(sorted(findings, key=lambda f: f.step)):
        if not 0 <= finding.step < n:
            continue
        x, y = _x(finding.step, n), _y(strains[finding.step]) + 14 + 10 * (k % 3)
        colour = IMPACT_COLOUR.get(finding.impact, "#d08b00")
        parts.append(f'<rect x="{x - 5:.1f}" y="{y - 5:.1f}" width="10" height="10" fill="{colour}"><title>'
                     f"{escape(finding.rule)} ({escape(finding.impact)}): {escape(finding.message)}</title></rect>")
    parts.append("</svg>")
    return "\n".join(parts)


def render_overview_svg(journey: str, lines: Mapping[str, Sequence[float]]) -> str:
    """Several personas' strain on one journey, one line each, for the run overview."""
    palette = ["#1565c0", "#c62828", "#2e7d32", "#6a1b9a", "#ef6c00", "#00838f", "#4e342e"]
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{_W}" height="{_H}" viewBox="0 0 {_W} {_H}" '
        'font-family="sans-serif" font-size="11" role="img">',
        f"<title>{escape(journey)}</title>",
        f'<rect width="{_W}" height="{_H}" fill="#fff"/>',
        f'<text x="{_PAD}" y="16" font-size="13" font-weight="bold">{escape(journey)}: strain by persona</text>',
    ]
    for k, (persona, strains) in enumerate(sorted(lines.items())):
        colour = palette[k % len(palette)]
        n = len(strains)
        if n:
            points = " ".join(f"{_x(i, n):.1f},{_y(s):.1f}" for i, s in enumerate(strains))
            parts.append(f'<polyline points="{points}" fill="none" stroke="{colour}" stroke-width="2"/>')
        parts.append(f'<text x="{_W - 150}" y="{34 + 14 * k}" fill="{colour}">{escape(persona)}</text>')
    parts.append("</svg>")
    return "\n".join(parts)
