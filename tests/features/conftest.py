"""A known step library (fixtures/sample_steps.py) and settings in a clean folder, for checker tests."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from harness.config import Settings
from harness.features.catalogue import StepDef, load_catalogue
from harness.features.checker import Checker
from harness.features.diagnostics import CheckResult

FIXTURES = Path(__file__).parent / "fixtures"
PAGES = {"home": "/", "claims": "/claims/new", "confirmation": "/claims/confirmation"}


@pytest.fixture(scope="session")
def sample_catalogue() -> list[StepDef]:
    sys.path.insert(0, str(FIXTURES))
    try:
        return load_catalogue(modules=["sample_steps"])
    finally:
        sys.path.remove(str(FIXTURES))


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    s = Settings(pages=PAGES)
    s._root = tmp_path  # personas: built-ins only; steps: none from the workspace
    return s


@pytest.fixture
def check(sample_catalogue: list[StepDef], settings: Settings):  # type: ignore[no-untyped-def]
    def run(text: str, path: str = "t.feature") -> CheckResult:
        return Checker(sample_catalogue, settings).check_text(text, path)

    return run
