"""Findings: what a check says about a journey, in axe-core's shape.

Impacts and outcomes have a fixed order, so "the worst finding" and "at or above fail_on" are
plain comparisons.
"""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class Impact(IntEnum):
    """How much a finding hurts, from axe-core's scale."""

    minor = 1
    moderate = 2
    serious = 3
    critical = 4

    @classmethod
    def parse(cls, value: str | Impact) -> Impact:
        from harness.exceptions import ConfigError

        if isinstance(value, Impact):
            return value
        try:
            return cls[str(value).strip().lower()]
        except KeyError:
            allowed = ", ".join(i.name for i in cls)
            raise ConfigError(f"unknown impact {value!r}", hint=f"use one of: {allowed}") from None


class Outcome(IntEnum):
    """axe-core's outcome order: inapplicable < passed < cantTell < failed."""

    inapplicable = 0
    passed = 1
    cantTell = 2
    failed = 3


class Finding(BaseModel):
    """One thing a rule noticed, with the evidence a release manager needs to act on it."""

    model_config = ConfigDict(extra="forbid")

    rule: str  # rule id, e.g. "repeated-prompt"
    impact: str = "moderate"  # Impact name
    outcome: str = "failed"  # Outcome name: "failed" or "cantTell"
    persona: str = ""
    feature: str = ""
    scenario: str = ""
    step: int = 0  # index of the step where it happened
    step_text: str = ""
    url: str = ""
    target: str = ""  # selector of the element involved
    message: str = ""
    suggestion: str = ""
    evidence: dict[str, Any] = Field(default_factory=dict)  # texts, the earlier step it refers to, scores

    @property
    def impact_level(self) -> Impact:
        return Impact.parse(self.impact)

    @property
    def failed(self) -> bool:
        return self.outcome == "failed"

    def key(self) -> str:
        """Identity for baselines and de-duplication: stable across runs of the same journey."""
        return "|".join([self.rule, self.feature, self.scenario, self.persona, self.step_text, self.target,
                         str(self.evidence.get("key", ""))])


class JourneyFeltCold(AssertionError):
    """A check found something at or above the configured `fail_on` impact.

    Why an AssertionError subclass: pytest reports assertion failures as failed (not broken), and
    Allure groups them as product defects; the message lists each blocking finding in one line with
    the rule, impact, step and suggestion, so nobody has to open the report to know what broke.
    """

    def __init__(self, findings: list[Finding], what: str = "the journey", rerun: str = "") -> None:
        self.findings = list(findings)
        lines = [f"{what}: {len(self.findings)} finding(s) at or above fail_on:"]
        for f in self.findings:
            where = f"step {f.step + 1}" + (f" ({f.step_text})" if f.step_text else "")
            lines.append(f"  - {f.rule} [{f.impact}] at {where}: {f.message}")
            if f.suggestion:
                lines.append(f"      fix: {f.suggestion}")
            if rerun:
                lines.append(f"      re-run: {rerun}")
        super().__init__("\n".join(lines))
