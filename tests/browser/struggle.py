"""What the friction rule reads as struggle in recorded steps (dead, rage and repeated clicks)."""

from __future__ import annotations

from harness.checks.clicks import ClickLimits, Sign, signs
from harness.transcript import Step, Transcript


def signs_of(*steps: Step, **limits: float) -> list[Sign]:
    """The signs in these steps, judged with the friction rule's default (or given) thresholds."""
    renumbered = [s.model_copy(update={"index": i}) for i, s in enumerate(steps)]
    return signs(Transcript(steps=renumbered), ClickLimits(**limits))  # type: ignore[arg-type]
