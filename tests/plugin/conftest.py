"""Shared set-up for plugin tests: pytester projects with a real pyproject, features and steps folders."""

from __future__ import annotations

from collections.abc import Callable

import pytest


@pytest.fixture
def project(pytester: pytest.Pytester) -> Callable[..., pytest.Pytester]:
    """Write a workspace: `[tool.empathy]`, feature files under features/, step modules under steps/."""

    def make(features: dict[str, str], steps: dict[str, str] | None = None, **settings: object) -> pytest.Pytester:
        lines = ["[tool.empathy]", 'features_dir = "features"', 'steps_dir = "steps"',
                 'reports_dir = "reports"', "time_scale = 0.0"]
        for key, value in settings.items():
            lines.append(f"{key} = {value!r}".replace("'", '"') if isinstance(value, str) else f"{key} = {value}")
        lines += ["", "[tool.empathy.pages]", 'home = "/"', 'second = "/second"']
        pytester.makefile(".toml", pyproject="\n".join(lines) + "\n")
        for name, text in features.items():
            path = pytester.path / "features" / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        (pytester.path / "steps").mkdir(exist_ok=True)
        for name, text in (steps or {}).items():
            (pytester.path / "steps" / name).write_text(text, encoding="utf-8")
        return pytester

    return make
