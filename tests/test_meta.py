"""Project-wide guarantees: light CLI commands stay light, every module imports cleanly, layers stay apart.

Why: `empathy --help` must stay under half a second, which only holds while torch, Playwright and
friends are imported inside the commands that need them; checks and language code must run on a
transcript with no browser installed.
"""

from __future__ import annotations

import importlib
import pkgutil
import subprocess
import sys
import warnings
from pathlib import Path

import pytest

import harness

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
from cli_startup import HEAVY, LIGHT_COMMANDS, imported_by, imported_modules  # noqa: E402

pytestmark = pytest.mark.subprocess

MODULES = sorted(m.name for m in pkgutil.walk_packages(harness.__path__, "harness."))


@pytest.mark.parametrize("command", [" ".join(c) for c in LIGHT_COMMANDS])
def test_light_commands_never_import_heavy_libraries(command: str) -> None:
    names = imported_modules(command.split())
    assert "harness" in names, "the command did not run the harness CLI at all"
    assert not set(HEAVY) & names, f"empathy {command} imports {sorted(set(HEAVY) & names)}"


def test_the_import_check_sees_a_heavy_import() -> None:
    # the detector itself can fail: a module imported by the command does show up. Flask is on the heavy list and
    # imports in a fraction of a second; torch took over the detector's 120 s bound at load 88
    assert "flask" in HEAVY and "flask" in imported_by(["-c", "import flask"])


def test_every_harness_module_imports_without_warnings() -> None:
    assert len(MODULES) > 20
    code = ("import importlib, sys, warnings\nwarnings.simplefilter('error')\n"
            "for name in sys.argv[1:]:\n    importlib.import_module(name)\n")
    run = subprocess.run([sys.executable, "-W", "error", "-c", code, *MODULES], cwd=ROOT, capture_output=True,
                         text=True, timeout=300)
    assert run.returncode == 0, run.stderr[-3000:]


@pytest.mark.parametrize("package", ["harness.checks", "harness.language"])
def test_checks_and_language_never_import_playwright(package: str) -> None:
    names = [m for m in MODULES if m == package or m.startswith(package + ".")]
    code = ("import importlib, sys\nfor n in sys.argv[1:]:\n    importlib.import_module(n)\n"
            "bad = sorted(m for m in sys.modules if m.split('.')[0] == 'playwright')\n"
            "print(bad); sys.exit(1 if bad else 0)\n")
    run = subprocess.run([sys.executable, "-c", code, *names], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, f"{package} pulls in playwright: {run.stdout} {run.stderr[-2000:]}"
    with warnings.catch_warnings():
        assert importlib.import_module(package)
