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

from tests.conftest import BYTECODE, prune_bytecode


@pytest.mark.subprocess
def test_a_pytest_the_suite_starts_writes_its_rewritten_modules_to_the_cache_not_beside_them(tmp_path: Path) -> None:
    (tmp_path / "test_shown.py").write_text("def test_shown():\n    assert 'kept'\n", encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "test_shown.py"],
                         cwd=tmp_path, env=dict(os.environ), capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
    cache = Path(os.environ.get("PYTHONPYCACHEPREFIX") or BYTECODE) / str(tmp_path).lstrip(os.sep)
    assert [p.name for p in cache.glob("test_shown.*-pytest-*.pyc")], sorted(p.name for p in cache.glob("*"))
    assert not (tmp_path / "__pycache__").exists()


def test_the_bytecode_of_folders_that_are_gone_is_dropped_the_rest_kept(tmp_path: Path) -> None:
    sources, cache = tmp_path / "sources", tmp_path / "cache"
    for folder in ("tmp/pytest-of-me/pytest-7", "tmp/pytest-of-me/pytest-8", "work/repo/harness"):
        (cache / folder).mkdir(parents=True)
        (cache / folder / "mod.cpython-311.pyc").write_bytes(b"")
    (sources / "tmp" / "pytest-of-me" / "pytest-8").mkdir(parents=True)  # pytest-7 is gone, and the whole work/
    prune_bytecode(cache, sources, depth=3)
    kept = sorted(str(p.relative_to(cache)) for p in cache.rglob("*.pyc"))
    assert kept == ["tmp/pytest-of-me/pytest-8/mod.cpython-311.pyc"]
    prune_bytecode(tmp_path / "no-cache-yet", sources, depth=3)  # nothing cached yet: nothing to do
