from __future__ import annotations

from pathlib import Path

import pytest

from harness.config import Settings
from harness.findings import Finding
from harness.transcript import Message, Step, Transcript, Wait


def finding(rule: str = "cold-copy", impact: str = "serious", step: int = 1, outcome: str = "failed",
            scenario: str = "File a claim", message: str = "Cold message") -> Finding:
    return Finding(rule=rule, impact=impact, step=step, outcome=outcome, persona="anxious", feature="Claims",
                   scenario=scenario, step_text=f"step {step}", message=message, suggestion="Say what to do next")


def transcript(steps: int = 5) -> Transcript:
    made = [Step(index=i, text=f"When I do thing {i}") for i in range(steps)]
    return Transcript(persona={"patience": {"silence_ms": 2000}}, persona_name="anxious", seed=3,
                      feature="Claims", scenario="File a claim", tags=["journey:claim"], steps=made)


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    s = Settings(reports_dir=str(tmp_path / "reports"))
    s._root = tmp_path
    return s


__all__ = ["finding", "transcript", "Message", "Wait"]
