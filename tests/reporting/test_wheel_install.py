"""The install a newcomer follows: the harness from its wheel only, `init`, `run` and `report` on the demo portal.

Cost bound: the fresh venv reuses the dependencies already installed for the test run (a .pth line to their
site-packages) and gets the harness only from the wheel (`pip install --no-deps`). The workspace has no
node_modules, as the README's newcomer has none: `empathy report` installs the Allure generator into the
user cache the first time (about 15 s from npm), then finds it there. The generated report is then read
as people read it: the raw results searched for traceback text, the HTML opened in Chromium.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import site
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[2]
TRACEBACK_TEXT = ("Traceback (most recent call last)", "call_fixture_func", "JourneyFeltCold", 'File "', "raise ")
# .work: a proving-ground site's installed copy (a symlink copytree follows: 5 GB on a machine with the sites installed)
SKIP = shutil.ignore_patterns("__pycache__", "*.pyc", "node_modules", "reports", ".venv", "build", "dist", ".git",
                              "*.egg-info", ".empathy-cache", ".hypothesis", ".work")


def _run(cmd: list[str], cwd: Path, env: dict[str, str], timeout: float = 600) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout, check=False)


def _wheel(tmp: Path) -> Path:
    """Build the wheel from a clean copy of the sources (no stale build/ folder can leak into it)."""
    source = tmp / "source"
    shutil.copytree(ROOT, source, ignore=SKIP)
    done = _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w",
                 str(tmp / "dist"), str(source)], tmp, dict(os.environ))
    assert done.returncode == 0, done.stderr[-2000:]
    [wheel] = (tmp / "dist").glob("empathy_harness-*.whl")
    return wheel


def _venv(tmp: Path, wheel: Path) -> Path:
    venv = tmp / "venv"
    base = Path(getattr(sys, "_base_executable", sys.executable))
    assert _run([str(base), "-m", "venv", "--without-pip", str(venv)], tmp, dict(os.environ)).returncode == 0
    [packages] = venv.glob("lib/python*/site-packages")
    (packages / "_shared_dependencies.pth").write_text(site.getsitepackages()[0] + "\n")
    # --ignore-installed: the shared site-packages already lists the harness (the developer's editable copy)
    done = _run([sys.executable, "-m", "pip", "--python", str(venv / "bin" / "python"), "install", "--no-deps",
                 "--ignore-installed", "-q", str(wheel)], tmp, dict(os.environ))
    assert done.returncode == 0, done.stderr[-2000:]
    return venv


def test_a_newcomer_installs_the_wheel_and_gets_a_report(tmp_path: Path) -> None:
    from harness.demo.server import DemoServer
    from tests.reliability.conftest import demo_details

    started = time.monotonic()
    wheel = _wheel(tmp_path)
    packaged = {name for name in zipfile.ZipFile(wheel).namelist() if name.startswith("harness/")}
    data = {str(p.relative_to(ROOT)) for p in (ROOT / "harness").rglob("*")
            if p.is_file() and p.suffix not in (".py", ".pyc") and "__pycache__" not in p.parts}
    assert data and data <= packaged, f"package data missing from the wheel: {sorted(data - packaged)}"
    venv = _venv(tmp_path, wheel)
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONPATH", "VIRTUAL_ENV") and not k.startswith("EMPATHY_")}
    env.update(PATH=f"{venv / 'bin'}{os.pathsep}{env['PATH']}", CI="1", HF_HUB_OFFLINE="1",
               EMPATHY_DEMO_PASSWORD=os.environ.get("EMPATHY_DEMO_PASSWORD", "a-test-only-Secret-9"))
    site_dir = tmp_path / "site"
    site_dir.mkdir()
    where = _run([str(venv / "bin" / "python"), "-c", "import harness; print(harness.__file__)"], site_dir, env)
    assert where.stdout.startswith(str(venv)), where.stdout + where.stderr

    with DemoServer("cold", port=0, submit_delay=1.0) as server:
        init = _run(["empathy", "init", "--base-url", server.url], site_dir, env)
        assert init.returncode == 0, init.stdout + init.stderr
        with (site_dir / "pyproject.toml").open("a", encoding="utf-8") as pyproject:  # the pages table is last
            pyproject.write('sign-in = "/sign-in"\npayment = "/account/payment"\n\n[tool.empathy.details]\n')
            pyproject.write("".join(f"{key} = {names!r}\n" for key, names in demo_details().items()))  # its words
        shutil.copy(ROOT / "features" / "update_payment.feature", site_dir / "features")
        shutil.copy(ROOT / "steps" / "demo_portal.py", site_dir / "steps")
        assert _run(["empathy", "check", "features/"], site_dir, env).returncode == 0
        run = _run(["empathy", "run", "features/update_payment.feature"], site_dir, env)
    assert run.returncode == 1, run.stdout[-3000:] + run.stderr[-2000:]  # the cold portal fails the gate
    assert "at or above fail_on" in run.stdout, run.stdout[-3000:]
    assert not [t for t in TRACEBACK_TEXT if t in run.stdout], run.stdout[-3000:]

    report = _run(["empathy", "report"], site_dir, env)
    elapsed = time.monotonic() - started
    print(f"wheel, venv, init, run and report: {elapsed:.1f} s")
    assert report.returncode == 1 and "gate: " in report.stderr, report.stdout + report.stderr
    reports = site_dir / "reports"
    results = [p for p in (reports / "allure-results").iterdir() if p.suffix in (".json", ".txt", ".html")]
    leaks = {p.name: t for p in results for t in TRACEBACK_TEXT if t in p.read_text(encoding="utf-8")}
    assert results and not leaks, leaks
    gate = json.loads((reports / "allure-report" / "quality-gate.json").read_text())
    assert [r["rule"] for r in gate if not r["success"]] == ["Findings at or above serious/at most"]
    _read_the_report(reports / "allure-report" / "index.html")


def _read_the_report(index: Path) -> None:
    """The first screen names the verdict, the score and each persona; categories per rule; the gate's tab."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=shutil.which("chromium") or None)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.set_default_timeout(120_000)  # a loaded machine opens a few-MB single file slowly; no race here
        outside: list[str] = []  # the report opens offline: it asks nothing of the network
        page.route(re.compile(r"^(?!file:)"), lambda route: (outside.append(route.request.url), route.abort()))
        page.goto(index.as_uri())
        try:
            page.get_by_text("Release gate").wait_for()
        except Exception as exc:  # say what the page showed instead
            raise AssertionError(f"no 'Release gate' on the first screen: {page.inner_text('body')[:1500]!r}") from exc
        assert not outside, outside
        first = page.inner_text("body")
        assert "Empathy score" in first and "Persona returning" in first, first
        assert "failed: " in first and "finding(s) at or above serious" in first, first
        page.get_by_text("Categories", exact=False).first.click()
        page.get_by_text("Cold copy").wait_for()
        page.get_by_text("Quality Gates", exact=False).first.click()
        page.get_by_text("The number of findings at or above serious is").wait_for()
        browser.close()
