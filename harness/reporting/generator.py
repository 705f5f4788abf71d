"""Finding the Allure 3 report generator (npm package `allure`), or installing it once per machine.

Order: the workspace's own `node_modules` (what its package.json pins), then the copy this harness
installed into the user cache, then an `allure` on PATH. When none is there and the workspace does
not pin one, `npm install` puts the pinned version into the cache, so a newcomer's `empathy report`
just works. Every failure names the real cause: no Node.js, no npm, or what npm said.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

from harness.exceptions import ReportError

ALLURE_VERSION = "3.18.0"
NODE_HINT = "install Node.js 20 or later (https://nodejs.org, or `apt-get install nodejs npm`), then run it again"


def cache_dir() -> Path:
    """Where `empathy report` installs the generator when the workspace has none (beside the model)."""
    from harness.language.onnx_encoder import model_cache_dir

    return model_cache_dir() / f"allure-{ALLURE_VERSION}"


def node() -> str:
    """The `node` executable, or a ReportError saying Node.js is missing."""
    found = shutil.which("node")
    if not found:
        raise ReportError("Node.js is not installed (no `node` on PATH): the Allure 3 report generator runs on it",
                          hint=NODE_HINT)
    return found


def _package(start: Path) -> Path | None:
    """The `allure` npm package folder under a node_modules root, if installed there."""
    folder = start / "node_modules" / "allure"
    return folder.resolve() if (folder / "package.json").is_file() else None


def _on_path() -> Path | None:
    found = shutil.which("allure")
    if not found:
        return None
    package = Path(found).resolve().parent  # .../node_modules/allure/cli.js
    return package if (package / "package.json").is_file() else None


def workspace_pins_allure(root: Path) -> bool:
    """Whether the workspace's package.json asks for the `allure` package."""
    try:
        data = json.loads((root / "package.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return any("allure" in (data.get(key) or {}) for key in ("dependencies", "devDependencies"))


def find_allure(root: Path) -> Path:
    """The installed `allure` package folder; installs it into the cache when nothing pins or provides one."""
    found = _package(root) or _package(cache_dir()) or _on_path()
    if found:
        return found
    if workspace_pins_allure(root):
        command = "npm ci" if (root / "package-lock.json").is_file() else "npm install"
        raise ReportError(f"{root / 'package.json'} pins the Allure report generator but it is not installed",
                          hint=f"run `{command}` in {root}")
    return install_allure(cache_dir())


def install_allure(target: Path) -> Path:
    """`npm install allure@<pinned>` into `target` (once per machine); returns the package folder."""
    npm = shutil.which("npm")
    if not npm:
        node()  # no Node at all is the real cause, when that is the case
        raise ReportError("npm is not installed, so the Allure report generator cannot be installed",
                          hint=f"install npm, or run `npm install --save-dev allure@{ALLURE_VERSION}` where npm is")
    target.mkdir(parents=True, exist_ok=True)
    print(f"empathy: installing the Allure report generator (allure@{ALLURE_VERSION}) into {target}, once",
          flush=True)
    done = subprocess.run([npm, "install", "--prefix", str(target), "--no-audit", "--no-fund", "--loglevel=error",
                           f"allure@{ALLURE_VERSION}"], capture_output=True, text=True, timeout=900, check=False)
    package = _package(target)
    if done.returncode != 0 or package is None:
        tail = " / ".join((done.stderr or done.stdout).strip().splitlines()[-3:])
        raise ReportError(f"npm could not install allure@{ALLURE_VERSION} (exit {done.returncode}): {tail}",
                          hint="check the network or npm registry settings, or install it yourself with "
                               f"`npm install --save-dev allure@{ALLURE_VERSION}`")
    return package
