"""Parallel runs find the same things as serial ones, and a re-run embeds nothing new.

One small bundled feature (update_payment: three scenarios) against the cold demo portal, so there
are findings to compare: run once serially and once with `-n 2`, each into its own reports folder,
and compare the findings' keys. Then re-check the first run's transcripts in a fresh process with
the same embedding cache folder: every text must come from the disk cache, none recomputed.

The two runs start together: neither reads what the other writes (the portal keeps a card per browser session; the
embedding cache is SQLite, written by both runs' processes as by `-n 2`'s workers), and each mostly waits on the
portal and the browser (the module: 33 s of CPU at load 16, 76 s on a quiet machine), so side by side they take
little more than one.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[2]
FEATURE = "features/update_payment.feature"


def _start(url: str, reports: Path, cache: Path, workers: str | None) -> subprocess.Popen[str]:
    env = {**os.environ, "EMPATHY_DEMO_PASSWORD": os.environ.get("EMPATHY_DEMO_PASSWORD", "a-test-only-Secret-9"),
           "EMPATHY_CACHE_DIR": str(cache), "HF_HUB_OFFLINE": "1", "CI": "1"}
    return subprocess.Popen(
        [sys.executable, "-m", "pytest", FEATURE, "-p", "no:cacheprovider", "--empathy-base-url", url,
         "--empathy-fail-on", "never", "--empathy-reports", str(reports), *(["-n", workers] if workers else [])],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _keys(reports: Path) -> list[str]:
    from harness.reporting.results import read_results

    return sorted(f.key() + "|" + f.outcome for r in read_results([reports]) for f in r.findings)


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    from harness.demo.server import DemoServer

    out = tmp_path_factory.mktemp("parallel")
    with DemoServer("cold", port=0, submit_delay=1.0) as server:
        started = {name: _start(server.url, out / name, out / "cache", workers)
                   for name, workers in (("serial", None), ("parallel", "2"))}
        try:
            ended = {name: (run, *run.communicate(timeout=1200)) for name, run in started.items()}
        finally:
            for run in started.values():
                run.kill()  # a run that timed out; no-op for one that ended
    for name, (run, out_text, err_text) in ended.items():
        assert run.returncode == 0, f"{name}: " + out_text[-3000:] + err_text[-2000:]
    return {"serial": out / "serial", "parallel": out / "parallel", "cache": out / "cache"}


def test_two_workers_find_what_one_worker_finds(runs: dict[str, Path]) -> None:
    serial, parallel = _keys(runs["serial"]), _keys(runs["parallel"])
    assert len(list((runs["serial"] / "empathy").glob("*.json"))) == 3
    assert serial, "the cold portal produced no findings: nothing was compared"
    assert serial == parallel


def test_rechecking_the_same_pages_hits_the_embedding_cache(runs: dict[str, Path]) -> None:
    transcripts = sorted(str(p) for p in (runs["serial"] / "transcripts").glob("*.json"))
    assert len(transcripts) == 3
    code = ("import json, sys\nfrom harness.checks import run_checks\nfrom harness.config import load_settings\n"
            "from harness.language import embeddings\nfrom harness.transcript import Transcript\n"
            "settings = load_settings()\n"
            "for path in sys.argv[1:]:\n"
            "    run_checks(Transcript.model_validate_json(open(path, encoding='utf-8').read()), settings)\n"
            "print(json.dumps(embeddings.cache_stats()))\n")
    env = {**os.environ, "EMPATHY_CACHE_DIR": str(runs["cache"]), "HF_HUB_OFFLINE": "1"}
    run = subprocess.run([sys.executable, "-c", code, *transcripts], cwd=ROOT, env=env, capture_output=True,
                         text=True, timeout=600)
    assert run.returncode == 0, run.stderr[-3000:]
    stats = json.loads(run.stdout.strip().splitlines()[-1])
    assert stats["disk_hits"] > 0, stats
    assert stats["computed"] == 0, stats
