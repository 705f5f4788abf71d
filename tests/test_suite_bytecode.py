"""The suite's processes keep their bytecode in one cache folder (tests/conftest.py), compiled once for all of them.

Why it matters: an inner `empathy run` or pytest that may not write bytecode compiles the harness and rewrites every
plugin's asserts again, about 2 s of CPU each, and the suite starts about a hundred.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import BYTECODE

pytestmark = pytest.mark.subprocess


def test_a_pytest_the_suite_starts_writes_its_rewritten_modules_to_the_cache_not_beside_them(tmp_path: Path) -> None:
    (tmp_path / "test_shown.py").write_text("def test_shown():\n    assert 'kept'\n", encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "test_shown.py"],
                         cwd=tmp_path, env=dict(os.environ), capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
    cache = Path(os.environ.get("PYTHONPYCACHEPREFIX") or BYTECODE) / str(tmp_path).lstrip(os.sep)
    assert [p.name for p in cache.glob("test_shown.*-pytest-*.pyc")], sorted(p.name for p in cache.glob("*"))
    assert not (tmp_path / "__pycache__").exists()
