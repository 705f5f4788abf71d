"""Shared set-up for reliability tests: throw-away workspaces, `empathy run` as a subprocess, tiny servers.

Why subprocesses: what a user sees (one line on stderr, an exit code, no traceback) is only
visible from outside the process, exactly as CI runs `empathy run`.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from flask import Flask, request

from tests.sites import serve

BIN = Path(sys.executable).parent
EMPATHY = str(BIN / "empathy")


def demo_details() -> dict[str, list[str]]:
    """The demo portal's own names for persona details, as this repository's pyproject.toml gives them."""
    import tomllib

    config = tomllib.loads((Path(__file__).resolve().parents[2] / "pyproject.toml").read_text(encoding="utf-8"))
    return dict(config["tool"]["empathy"]["details"])


def write_workspace(root: Path, features: dict[str, str], *, steps: dict[str, str] | None = None,
                    personas: dict[str, str] | None = None, pages: dict[str, str] | None = None,
                    details: dict[str, list[str]] | None = None, **settings: object) -> Path:
    """A user's repository: pyproject `[tool.empathy]`, features/, steps/ and personas/."""
    lines = ["[tool.empathy]"]
    defaults: dict[str, object] = {"features_dir": "features", "steps_dir": "steps", "personas_dir": "personas",
                                   "reports_dir": "reports", "time_scale": 0.0}
    for key, value in {**defaults, **settings}.items():
        if isinstance(value, str):
            lines.append(f'{key} = "{value}"')
        elif isinstance(value, bool):
            lines.append(f"{key} = {'true' if value else 'false'}")
        elif isinstance(value, dict):  # an inline table: thresholds = { "friction.max_fields" = 12 }
            lines.append(f"{key} = {{ " + ", ".join(f'"{k}" = {v!r}' for k, v in value.items()) + " }")
        else:
            lines.append(f"{key} = {value!r}".replace("'", '"'))
    pages = pages or {"home": "/", "second": "/second.html", "start": "/start.html", "hang": "/hang"}
    lines += ["", "[tool.empathy.pages]", *(f'{name} = "{path}"' for name, path in pages.items())]
    if details:
        lines += ["", "[tool.empathy.details]", *(f"{key} = {json.dumps(names)}" for key, names in details.items())]
    root.mkdir(parents=True, exist_ok=True)
    (root / "pyproject.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    for folder, files in (("features", features), ("steps", steps or {}), ("personas", personas or {})):
        (root / folder).mkdir(exist_ok=True)
        for name, text in files.items():
            (root / folder / name).write_text(text, encoding="utf-8")
    return root


def empathy_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("EMPATHY_", "PYTEST_"))}
    env.update({"HF_HUB_OFFLINE": "1", "NO_COLOR": "1"})  # bytecode: to the suite's cache (tests/conftest.py)
    env.update(extra)
    return env


def start_empathy(workspace: Path, *args: str, **env: str) -> subprocess.Popen[str]:
    """`empathy <args>` in the workspace, output captured (argument list, no shell)."""
    return subprocess.Popen([EMPATHY, *args], cwd=workspace, env=empathy_env(**env), text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)


@dataclass
class Outcome:
    code: int
    out: str
    err: str

    @property
    def text(self) -> str:
        return self.out + "\n" + self.err


def finish(proc: subprocess.Popen[str], timeout: float = 240) -> Outcome:
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        out, err = proc.communicate()
        raise AssertionError(f"empathy did not finish within {timeout} s:\n{out[-3000:]}\n{err[-3000:]}") from None
    return Outcome(proc.returncode, out, err)


Route = Callable[[Any], object]  # called with the Flask request; may hang; answers 204 unless it returns a reply


class TinySite:
    """A site on 127.0.0.1 (tests.sites' Flask server) whose pages are set per test: path -> (status, html) or
    a callable; `hits` lists every path asked for, with its query."""

    def __init__(self, host: str = "127.0.0.1") -> None:
        self.routes: dict[str, tuple[int, str] | Route] = {}
        self.hits: list[str] = []
        app = Flask(__name__)

        @app.route("/", defaults={"path": ""}, methods=["GET", "POST"])
        @app.route("/<path:path>", methods=["GET", "POST"])
        def page(path: str) -> Any:
            query = request.query_string.decode("latin-1")
            self.hits.append(request.path + (f"?{query}" if query else ""))
            route = self.routes.get(request.path, (404, "<h1>Not found</h1>"))
            if callable(route):
                return route(request) or ("", 204)
            status, html = route
            return html, status, {"Content-Type": "text/html; charset=utf-8"}

        self._serving = ExitStack()
        self.url = self._serving.enter_context(serve(app, host))

    def close(self) -> None:
        self._serving.close()


@pytest.fixture(scope="module")
def tiny_site() -> Iterator[TinySite]:
    site = TinySite()
    yield site
    site.close()
