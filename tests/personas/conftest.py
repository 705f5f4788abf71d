"""Shared helpers for persona tests: a throw-away workspace whose personas folder the test writes."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from harness.config import Settings


@pytest.fixture
def workspace(tmp_path: Path) -> Settings:
    """Settings whose personas_dir is an empty temporary folder (built-ins still apply)."""
    folder = tmp_path / "personas"
    folder.mkdir()
    return Settings(personas_dir=str(folder))


@pytest.fixture
def write() -> Callable[[Settings, str, str], Path]:
    """A function writing personas/<name>.yaml in a workspace and returning its path."""

    def _write(settings: Settings, name: str, text: str) -> Path:
        path = settings.path("personas_dir") / f"{name}.yaml"
        path.write_text(text, encoding="utf-8")
        return path

    return _write
