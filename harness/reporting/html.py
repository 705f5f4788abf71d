"""Building the Allure HTML report with the Allure 3 generator from npm (`npx allure generate`)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from harness.exceptions import ReportError

CONFIG = Path(__file__).with_name("allurerc.mjs")
INSTALL_HINT = "run `npm ci` in the project (package.json pins the npm package `allure`), or `npm install allure@3.18`"


def find_allure(root: Path) -> list[str]:
    """The command that runs the Allure 3 CLI: the project's node_modules first, then one on PATH."""
    local = root / "node_modules" / ".bin" / "allure"
    if local.is_file():
        return [str(local)]
    on_path = shutil.which("allure")
    if on_path:
        return [on_path]
    raise ReportError("the Allure report generator is not installed", hint=INSTALL_HINT)


def generate(results: list[Path], output: Path, history: Path, root: Path, name: str = "empathy-harness") -> Path:
    """Generate a single-file HTML report from one or more results folders, keeping history; returns index.html."""
    missing = [str(r) for r in results if not r.is_dir()]
    if missing:
        raise ReportError(f"no Allure results at {', '.join(missing)}",
                          hint="run the suites first (`empathy run`) or name the results folders of your shards")
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        history.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ReportError(f"{output.parent}: cannot write the report: {exc.strerror}",
                          hint="choose a writable folder with --output") from None
    env = {**os.environ, "EMPATHY_REPORT_DIR": str(output), "EMPATHY_HISTORY_PATH": str(history),
           "EMPATHY_REPORT_NAME": name}
    cmd = [*find_allure(root), "generate", "--config", str(CONFIG), *map(str, results)]
    done = subprocess.run(cmd, cwd=root, env=env, capture_output=True, text=True, timeout=600, check=False)
    index = output / "index.html"
    if done.returncode != 0 or not index.is_file():
        tail = (done.stderr or done.stdout).strip().splitlines()[-3:]
        raise ReportError(f"allure generate failed (exit {done.returncode}): {' / '.join(tail)}", hint=INSTALL_HINT)
    return index
