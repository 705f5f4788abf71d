"""Turning findings into a pass or a fail a person can read in the test output.

The failure itself, `JourneyFeltCold`, lives beside `Finding` (harness/findings.py), so that
reporting can recognise it without importing the runner.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from harness.findings import JourneyFeltCold

if TYPE_CHECKING:
    from harness.config import Settings
    from harness.findings import Finding

__all__ = ["JourneyFeltCold", "check"]


def check(transcript_findings: list[Finding], settings: Settings, what: str) -> None:
    """Raise JourneyFeltCold when any of the findings blocks (failed, at or above fail_on)."""
    from harness.reporting import blocking_findings

    blocking = blocking_findings(transcript_findings, settings)
    if blocking:
        raise JourneyFeltCold(blocking, what)
