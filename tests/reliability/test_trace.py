"""Investigate a red build the Playwright way, end to end with `empathy run` on the demo portal.

A returning customer (password from EMPATHY_DEMO_PASSWORD, a random canary per test) fails to be
greeted by name on the cold portal: with `--tracing retain-on-failure` its trace is in the Allure
results, opens in Playwright's own trace reader (`playwright trace`), holds the DOM snapshot of the
failing step's page and never the canary, and its video is
attached beside it; `--video` without Playwright's ffmpeg stops the run in one line. A claim that loses its
answers run with `--tracing off` leaves no trace, and the finding's printed re-run command, pasted into a shell,
runs that one scenario again and finds the same thing (one first run read by both tests).
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import subprocess
import zipfile
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.reliability.conftest import BIN, Outcome, demo_details, empathy_env, finish, start_empathy, write_workspace

pytestmark = [pytest.mark.e2e, pytest.mark.slow]
ROOT = Path(__file__).resolve().parents[2]
PAGES = {"home": "/", "claims": "/claims/new", "sign-in": "/sign-in", "dashboard": "/dashboard",
         "confirmation": "/claims/confirmation"}
GREETED = ("--persona", "returning", "-k", "dashboard_greets")


@pytest.fixture(scope="module")
def cold_portal() -> Iterator[str]:
    from harness.demo.server import DemoServer

    with DemoServer("cold", port=0) as server:
        yield server.url


def _workspace(root: Path, url: str, *features: str) -> Path:
    ws = write_workspace(root, {}, base_url=url, pages=PAGES, details=demo_details())
    for name in features:
        shutil.copy(ROOT / "features" / name, ws / "features")
    shutil.copy(ROOT / "steps" / "demo_portal.py", ws / "steps")
    return ws


def _results(ws: Path) -> list[dict]:
    folder = ws / "reports" / "allure-results"
    return [json.loads(p.read_text(encoding="utf-8")) for p in folder.glob("*-result.json")]


def _attachments(result: dict) -> list[dict]:
    found = list(result.get("attachments", []))
    stack = list(result.get("steps", []))
    while stack:
        step = stack.pop()
        found += step.get("attachments", [])
        stack += step.get("steps", [])
    return found


@pytest.fixture(scope="module")
def first_runs(tmp_path_factory: pytest.TempPathFactory, cold_portal: str) -> dict[str, tuple[Path, Outcome]]:
    """The module's two first runs, started together and each read by several tests: the traced one (below) and the
    untraced one (`untraced`). Neither reads what the other writes (their own workspaces; the portal keeps a person
    per browser session), and each mostly waits on the portal and the browser, so side by side they take little
    more than one."""
    started = {"traced": _start_traced(tmp_path_factory, cold_portal),
               "untraced": _start_untraced(tmp_path_factory, cold_portal)}
    with ThreadPoolExecutor(len(started)) as pool:
        ended = {name: pool.submit(finish, run, 400) for name, (_, run) in started.items()}
        return {name: (ws, ended[name].result()) for name, (ws, _) in started.items()}


PASSWORD = "Pw" + secrets.token_urlsafe(12).replace("-", "x").replace("_", "y")  # a canary, drawn as the module loads


def _start_traced(tmp_path_factory: pytest.TempPathFactory, url: str) -> tuple[Path, subprocess.Popen[str]]:
    ws = _workspace(tmp_path_factory.mktemp("traced") / "ws", url, "returning_customer.feature")
    return ws, start_empathy(ws, "run", *GREETED, "--tracing", "retain-on-failure", "--video", "retain-on-failure",
                             EMPATHY_DEMO_PASSWORD=PASSWORD, CI="")


@pytest.fixture(scope="module")
def traced(first_runs: dict[str, tuple[Path, Outcome]]) -> tuple[Path, str, Outcome]:
    ws, outcome = first_runs["traced"]
    return ws, PASSWORD, outcome


def test_the_failing_scenario_has_its_trace_in_the_allure_results(traced: tuple[Path, str, Outcome]) -> None:
    ws, _, outcome = traced
    assert outcome.code == 1 and "1 failed, 2 deselected" in outcome.out, outcome.text[-3000:]
    [result] = _results(ws)
    traces = [a for a in _attachments(result) if a["type"] == "application/vnd.allure.playwright-trace"]
    assert len(traces) == 1, _attachments(result)
    command = traces[0]["name"].split(": ", 1)[1]
    assert command.startswith("playwright show-trace reports/artifacts/") and command.endswith("/trace.zip")
    assert (ws / command.split()[-1]).is_file()  # the command works from the project folder
    with zipfile.ZipFile(ws / "reports" / "allure-results" / traces[0]["source"]) as z:
        events = [json.loads(line) for line in z.read("trace.trace").decode().splitlines() if line.strip()]
    snapshots = [e for e in events if e.get("type") == "frame-snapshot"]
    assert any(s["snapshot"]["frameUrl"].endswith("/dashboard") for s in snapshots), "no DOM snapshot of the step"


def test_the_failing_scenario_has_its_video_in_the_allure_results(traced: tuple[Path, str, Outcome]) -> None:
    ws, _, _ = traced
    [result] = _results(ws)
    videos = [a for a in _attachments(result) if a["type"] == "video/webm"]
    assert [v["name"] for v in videos] == ["video.webm"], _attachments(result)
    assert (ws / "reports" / "allure-results" / videos[0]["source"]).read_bytes()[:4] == b"\x1a\x45\xdf\xa3"


def test_video_without_playwrights_ffmpeg_stops_the_run_in_one_line(tmp_path: Path, cold_portal: str) -> None:
    ws = _workspace(tmp_path / "ws", cold_portal, "returning_customer.feature")
    outcome = finish(start_empathy(ws, "run", *GREETED, "--video", "on", EMPATHY_DEMO_PASSWORD="PwNoFfmpeg1",
                                   PLAYWRIGHT_BROWSERS_PATH=str(tmp_path / "no-browsers")), timeout=200)
    assert outcome.code == 7, outcome.text[-3000:]
    assert "needs Playwright's ffmpeg" in outcome.text and "python -m playwright install ffmpeg" in outcome.text
    assert "Traceback" not in outcome.text


def test_playwrights_own_trace_reader_opens_it(traced: tuple[Path, str, Outcome], tmp_path: Path) -> None:
    """`playwright trace open/actions/requests` (Playwright's CLI reader) reads the scrubbed zip: the sign-in
    is there, its password fill masked, its form post listed."""
    ws, password, _ = traced
    [trace] = (ws / "reports" / "artifacts").rglob("trace.zip")

    def reader(*args: str) -> str:
        run = subprocess.run([str(BIN / "python"), "-m", "playwright", "trace", *args], cwd=tmp_path,
                             capture_output=True, text=True, timeout=120)
        assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
        return run.stdout

    reader("open", str(trace))
    actions, requests = reader("actions"), reader("requests")
    assert 'Fill "••••••"' in actions and "input[type=password]" in actions, actions[-3000:]
    assert re.search(r"POST\s+302\s+sign-in", requests), requests
    assert password not in actions + requests


def test_no_member_of_the_trace_holds_the_password(traced: tuple[Path, str, Outcome]) -> None:
    ws, password, _ = traced
    zips = list((ws / "reports").rglob("*.zip"))
    assert len(zips) == 2  # the kept trace and its copy in the Allure results
    for path in zips:
        with zipfile.ZipFile(path) as z:
            network = [json.loads(line) for line in z.read("trace.network").decode().splitlines() if line.strip()]
            posts = [e["snapshot"]["request"] for e in network if e["snapshot"]["request"]["method"] == "POST"]
            # the sign-in form post was captured (body as a resource, fields parsed), so the grep below means something
            [body] = [r["postData"] for r in posts if r["url"].endswith("/sign-in")]
            assert {"name": "password", "value": "••••••"} in body["params"] and body["_file"] in z.namelist()
            leaks = [n for n in z.namelist() if password.encode() in z.read(n)]
            assert not leaks, f"{path.name}: the password is in {leaks}"


def _start_untraced(tmp_path_factory: pytest.TempPathFactory, url: str) -> tuple[Path, subprocess.Popen[str]]:
    """A failing scenario (a lost-context finding) run with `--tracing off`: one run read by two tests.

    The anxious persona waits out any silence the action bound allows: with its 3 s it reloaded once when a loaded
    machine (load 45) kept "Continue" silent that long, and the re-run's finding moved to that reload's step."""
    ws = _workspace(tmp_path_factory.mktemp("untraced") / "ws", url, "claim.feature")
    anxious = (ROOT / "harness" / "personas" / "builtin" / "anxious.yaml").read_text(encoding="utf-8")
    assert "silence_ms: 3000 " in anxious
    (ws / "personas" / "anxious.yaml").write_text(anxious.replace("silence_ms: 3000 ", "silence_ms: 45000 "),
                                                  encoding="utf-8")
    return ws, start_empathy(ws, "run", "--persona", "anxious", "--tags", "@journey:claim and not @wip",
                             "-k", "goes_back", "--tracing", "off")


@pytest.fixture(scope="module")
def untraced(first_runs: dict[str, tuple[Path, Outcome]]) -> tuple[Path, Outcome]:
    return first_runs["untraced"]


def test_tracing_off_leaves_no_trace(untraced: tuple[Path, Outcome]) -> None:
    ws, outcome = untraced
    assert outcome.code == 1 and "1 failed" in outcome.out, outcome.text[-3000:]
    assert not list((ws / "reports").rglob("*.zip")) and not (ws / "reports" / "artifacts").exists()


def test_the_printed_rerun_command_reproduces_the_finding(untraced: tuple[Path, Outcome]) -> None:
    ws, first = untraced
    finding = re.search(r"- (lost-context \[serious\] at step \d+ .*)", first.out)
    rerun = re.search(r"re-run: (empathy run .*)", first.out)
    assert first.code == 1 and finding and rerun, first.text[-3000:]
    assert "1 failed, 7 deselected" in first.out
    html = [a for r in _results(ws) for a in _attachments(r) if a["name"].startswith("all findings")]
    assert html and f"Re-run: <code>{rerun.group(1)}</code>" in \
        (ws / "reports" / "allure-results" / html[0]["source"]).read_text(encoding="utf-8")
    env = empathy_env(PATH=f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}")
    again = subprocess.run(rerun.group(1), shell=True, cwd=ws, env=env, capture_output=True, text=True,  # noqa: S602
                           timeout=400)
    assert again.returncode == 1, again.stdout[-3000:] + again.stderr[-2000:]
    assert finding.group(1) in again.stdout and "= 1 failed" in again.stdout and "deselected" not in again.stdout


def test_an_unknown_persona_or_tag_stops_empathy_run_in_one_line(tmp_path: Path) -> None:
    ws = write_workspace(tmp_path / "ws", {}, base_url="http://127.0.0.1:9", pages=PAGES)
    persona = finish(start_empathy(ws, "run", "--persona", "anxius"), timeout=120)
    assert persona.code == 4 and "unknown persona 'anxius' (did you mean 'anxious'?" in persona.err, persona.text
    tag = finish(start_empathy(ws, "run", "--tags", '@journey:"x"'), timeout=120)
    assert tag.code == 3 and "is not a tag" in tag.err, tag.text
    assert "Traceback" not in persona.text + tag.text and not (ws / "reports").exists()
