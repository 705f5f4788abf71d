"""The progress view: shown on an interactive terminal, silent when output is piped or CI is set.

The terminal is a real pseudo-terminal (pty), so pytest sees `isatty()` true exactly as it would
in a person's shell.
"""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

pytestmark = pytest.mark.subprocess

FEATURE = """
Feature: Counting
  Scenario Outline: Count <n>
    Given a number <n>
    Then it doubles to <m>

    Examples:
      | n | m |
      | 1 | 2 |
      | 2 | 4 |
      | 3 | 6 |
"""

STEPS = Path(__file__).with_name("arithmetic_steps.py").read_text(encoding="utf-8")


def _run(cwd: str, *, tty: bool, ci: bool) -> str:
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    if ci:
        env["CI"] = "true"
    command = [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "features"]
    if not tty:
        return subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=300).stdout
    leader, follower = pty.openpty()
    proc = subprocess.Popen(command, cwd=cwd, env=env, stdin=follower, stdout=follower, stderr=follower)
    os.close(follower)
    chunks = []
    while True:
        try:
            data = os.read(leader, 65536)
        except OSError:  # the child closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    proc.wait(timeout=300)
    os.close(leader)
    return b"".join(chunks).decode("utf-8", "replace")


@pytest.fixture
def workspace(project: Callable[..., pytest.Pytester]) -> str:
    return str(project({"counting.feature": FEATURE}, {"count.py": STEPS}).path)


def test_progress_lines_on_a_terminal(workspace: str) -> None:
    out = _run(workspace, tty=True, ci=False)
    assert "3 passed" in out
    assert "empathy [3/3] passed: features/counting.feature::test_count_n[3-6]" in out
    assert "0 finding(s), 0 so far" in out


@pytest.mark.parametrize(("tty", "ci"), [(False, False), (True, True)], ids=["piped", "CI"])
def test_quiet_when_piped_or_in_ci(workspace: str, tty: bool, ci: bool) -> None:
    out = _run(workspace, tty=tty, ci=ci)
    assert "3 passed" in out
    assert "empathy [" not in out
