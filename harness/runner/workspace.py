"""Load the step library and the workspace's own step modules as pytest plugins.

Why plugins: pytest-bdd step definitions are fixtures; fixtures defined in a registered plugin are
visible to every test, which is what lets a bare `.feature` file find its steps with no
`conftest.py` or test module in the user's repository.
"""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import pytest

from harness.exceptions import FeatureError
from harness.runner.options import settings_of

LIBRARY = ("harness.steps.who", "harness.steps.where", "harness.steps.act", "harness.steps.see",
           "harness.steps.checks")


def register_steps(config: pytest.Config) -> None:
    """Register the generic steps, then every `*.py` in the configured `steps_dir`."""
    manager = config.pluginmanager
    for name in LIBRARY:
        if manager.get_plugin(name) is None:
            manager.import_plugin(name)
    folder = settings_of(config).path("steps_dir")
    if not folder.is_dir():
        return
    for path in sorted(folder.glob("*.py")):
        if path.name.startswith("_") or path.name.startswith("test_") or path.name == "conftest.py":
            continue
        module = _load(path)
        if manager.get_plugin(module.__name__) is None:
            manager.register(module, module.__name__)


def _load(path: Path) -> ModuleType:
    """One loader for step files, shared with `empathy check`, so a file is imported once per process."""
    from harness.features.catalogue import import_step_module

    try:
        return import_step_module(path)
    except FeatureError as exc:
        raise pytest.UsageError(f"empathy: {exc}") from None
