"""Collect `.feature` files directly, so a product owner's repository needs no Python test module.

Why a Module subclass: pytest-bdd turns a feature into test functions by running `scenarios(path)`
inside a Python module. We build that module in memory (a fresh namespace per feature file) and
hand it to pytest's own Module collector, so parametrisation (Scenario Outlines), markers (tags)
and fixtures work exactly as in a hand-written test module.

Which files: every `*.feature` under the configured `features_dir`, and any `.feature` file named
on the command line. Feature files elsewhere (test fixtures, half-written drafts) are left alone.
"""

from __future__ import annotations

import types
from pathlib import Path

import pytest

from harness.runner.options import settings_of


class FeatureModule(pytest.Module):
    """A feature file seen by pytest as a module holding one test per scenario."""

    def _getobj(self) -> types.ModuleType:
        from pytest_bdd import scenarios

        name = "empathy_feature_" + "".join(c if c.isalnum() else "_" for c in self.path.stem)
        module = types.ModuleType(name, f"Scenarios of {self.path.name}")
        namespace = module.__dict__
        namespace.update(__file__=str(self.path), scenarios=scenarios)
        # `scenarios` writes the tests into its caller's locals: run it at module level of `namespace`.
        code = compile(f"scenarios({str(self.path)!r}, features_base_dir={str(self.path.parent)!r})",
                       str(self.path), "exec")
        exec(code, namespace)  # noqa: S102 - trusted, fixed code; the feature text is data to pytest-bdd
        return module


def _explicitly_named(path: Path, config: pytest.Config) -> bool:
    root = Path(config.invocation_params.dir)
    for arg in config.invocation_params.args:
        candidate = str(arg).split("::", 1)[0]
        if not candidate or candidate.startswith("-"):
            continue
        if (root / candidate).resolve() == path.resolve():
            return True
    return False


def collect_file(file_path: Path, parent: pytest.Collector) -> FeatureModule | None:
    """Collect a feature file inside `features_dir` or named on the command line."""
    if file_path.suffix != ".feature":
        return None
    features_dir = settings_of(parent.config).path("features_dir").resolve()
    inside = features_dir == file_path.resolve().parent or features_dir in file_path.resolve().parents
    if not (inside or _explicitly_named(file_path, parent.config)):
        return None
    return FeatureModule.from_parent(parent, path=file_path)
