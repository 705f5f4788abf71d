"""Turning findings into a pass or a fail a person can read in the test output.

Why an AssertionError subclass: pytest reports assertion failures as failed (not broken), and
allure groups them as product defects; the message lists each blocking finding in one line with
the rule, impact, step and suggestion, so nobody has to open the report to know what broke.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from harness.config import Settings
    from harness.findings import Finding


class JourneyFeltCold(AssertionError):
    """A check found something at or above the configured `fail_on` impact."""

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


def check(transcript_findings: list[Finding], settings: Settings, what: str) -> None:
    """Raise JourneyFeltCold when any of the findings blocks (failed, at or above fail_on)."""
    from harness.reporting import blocking_findings

    blocking = blocking_findings(transcript_findings, settings)
    if blocking:
        raise JourneyFeltCold(blocking, what)
