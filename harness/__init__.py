"""empathy-harness: synthetic-user journey tests that catch cold, forgetful, silent journeys."""

from __future__ import annotations

from harness.exceptions import EmpathyError
from harness.findings import Finding, Impact, Outcome
from harness.transcript import Transcript

__version__ = "0.1.0"
__all__ = ["EmpathyError", "Finding", "Impact", "Outcome", "Transcript", "__version__"]
