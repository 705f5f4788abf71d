"""Finding the Allure generator: the workspace's, then one on PATH; each missing piece named as the real cause."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from harness.exceptions import ReportError
from harness.reporting.generator import find_allure, node

INSTALLED = Path(__file__).resolve().parents[2] / "node_modules" / "allure"


@pytest.fixture
def bare(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A workspace with no node_modules, an empty cache and a PATH holding only `node` (no npm, no allure)."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    real_node = shutil.which("node")
    if real_node:
        (bin_dir / "node").symlink_to(real_node)
    monkeypatch.setenv("PATH", str(bin_dir))
    monkeypatch.setenv("EMPATHY_MODEL_CACHE", str(tmp_path / "cache"))
    workspace = tmp_path / "site"
    workspace.mkdir()
    return workspace


def test_no_node_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(ReportError, match=r"Node\.js is not installed") as raised:
        node()
    assert "install Node.js 20 or later" in raised.value.hint


def test_a_workspace_pinning_allure_is_told_npm_ci_only_with_a_lockfile(bare: Path) -> None:
    (bare / "package.json").write_text(json.dumps({"devDependencies": {"allure": "3.18.0"}}))
    with pytest.raises(ReportError, match="pins the Allure report generator") as raised:
        find_allure(bare)
    assert raised.value.hint == f"run `npm install` in {bare}"
    (bare / "package-lock.json").write_text("{}")
    with pytest.raises(ReportError) as raised:
        find_allure(bare)
    assert raised.value.hint == f"run `npm ci` in {bare}"


def test_no_package_json_and_no_npm_names_npm_not_npm_ci(bare: Path) -> None:
    (bare / "package.json").write_text(json.dumps({"dependencies": {"left-pad": "1"}}))
    with pytest.raises(ReportError, match="npm is not installed") as raised:
        find_allure(bare)
    assert "npm ci" not in raised.value.hint and "allure@3.18.0" in raised.value.hint


@pytest.mark.skipif(not (INSTALLED / "package.json").is_file(), reason="needs the workspace's node_modules")
def test_the_workspace_copy_is_found_first(bare: Path) -> None:
    (bare / "node_modules").mkdir()
    (bare / "node_modules" / "allure").symlink_to(INSTALLED)
    assert find_allure(bare) == INSTALLED.resolve()
