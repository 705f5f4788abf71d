"""Load the step library and the workspace's own step modules as pytest plugins.

Why plugins: pytest-bdd step definitions are fixtures; fixtures defined in a registered plugin are
visible to every test, which is what lets a bare `.feature` file find its steps with no
`conftest.py` or test module in the user's repository.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from harness.exceptions import ConfigError
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
        module_name = f"empathy_workspace_steps_{path.stem}"
        if manager.get_plugin(module_name) is not None:
            continue
        manager.register(_load(path, module_name), module_name)


def _load(path: Path, module_name: str) -> object:
    spec = importlib.util.spec_from_file_location(module_name, path)
    if spec is None or spec.loader is None:
        raise ConfigError(f"{path}: cannot load step module", hint="check steps_dir in [tool.empathy]")
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module
    try:
        spec.loader.exec_module(module)
    except Exception as exc:
        sys.modules.pop(module_name, None)
        raise pytest.UsageError(f"empathy: {path}: cannot import step module: "
                                f"{type(exc).__name__}: {exc}") from exc
    return module
