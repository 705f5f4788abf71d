"""Building the single-file Allure 3 HTML report with Node (`generate.mjs` over the Allure 3 packages)."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

from harness.exceptions import ReportError
from harness.reporting.generator import find_allure, node

CONFIG = Path(__file__).with_name("allurerc.mjs")
DRIVER = Path(__file__).with_name("generate.mjs")
# Allure 3.18 writes Google Analytics into every report and has no switch for it yet (allure3 issue #476;
# Allure 2's ALLURE_NO_ANALYTICS is set too, for the version that honours it). A report about a staging
# site must not call a third party when someone opens it, and must open the same on an offline machine.
_ANALYTICS = re.compile(r'<script async src="https://www\.googletagmanager\.com/[^"]*"></script>\s*'
                        r"<script>\s*window\.dataLayer.*?</script>\s*", re.S)


def generate(results: list[Path], output: Path, history: Path, root: Path, plan: Path,
             name: str = "empathy-harness") -> Path:
    """Generate the report from one or more results folders, keeping history; returns its index.html."""
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
    runtime = node()
    package = find_allure(root)
    env = {**os.environ, "EMPATHY_REPORT_DIR": str(output), "EMPATHY_HISTORY_PATH": str(history),
           "EMPATHY_REPORT_NAME": name, "EMPATHY_REPORT_PLAN": str(plan), "NO_COLOR": "1",
           "ALLURE_NO_ANALYTICS": "true"}
    cmd = [runtime, str(DRIVER), str(package), str(CONFIG), str(plan), *map(str, results)]
    done = subprocess.run(cmd, cwd=root, env=env, capture_output=True, text=True, timeout=600, check=False)
    index = output / "index.html"
    if done.returncode != 0 or not index.is_file():
        tail = " / ".join((done.stderr or done.stdout).strip().splitlines()[-3:])
        raise ReportError(f"the Allure generator in {package} failed (exit {done.returncode}): {tail}",
                          hint=f"check that {package} is Allure 3 ({'allure@3.18'} or later) and Node.js is 20+")
    html = index.read_text(encoding="utf-8")
    index.write_text(_ANALYTICS.sub("", html), encoding="utf-8")
    return index
