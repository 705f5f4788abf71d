"""Soak run: the demo suite again and again against a demo portal this script starts, to show nothing grows.

One long `empathy run` over enough copies of a bundled feature to reach --scenarios scenarios (so
each worker lives through all of them), sampling every worker's RSS (the pytest process plus its
Chromium) and open file descriptors twice a second; prints the time per scenario over the first and
last tenth, each worker's mean RSS and descriptors over the second and the last quarter of the run
(flat: the last within 10% of the second), and any process of the run still alive after it ended.
Usage: `python bench/soak.py --scenarios 200 --workers 2`.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from harness.runner.interrupt import descendants  # noqa: E402


def _rss_kb(pid: int) -> int | None:
    """A live process's RSS (kB) from /proc, or None once it is gone."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    return next((int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS:")), 0)


def _tree_rss_kb(pid: int) -> dict[int, int]:
    """RSS (kB) of `pid` and every process below it."""
    return {p: kb for p in [pid, *descendants(pid)] if (kb := _rss_kb(p)) is not None}


Sample = tuple[float, dict[int, int], dict[int, int]]  # (t, RSS kB per worker, open fds per worker)


def _fds(pids: list[int]) -> int:
    count = 0
    for pid in pids:
        try:
            count += len(os.listdir(f"/proc/{pid}/fd"))
        except OSError:
            pass
    return count


def _run(workspace: Path, base_url: str, workers: int) -> tuple[float, list[Sample], list[int]]:
    """One long `empathy run` over all copies; returns (seconds, samples, processes of the run still alive)."""
    args = [str(Path(sys.executable).parent / "empathy"), "run", "--base-url", base_url, "--fail-on", "never"]
    if workers > 1:
        args += ["-n", str(workers)]
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "EMPATHY_DEMO_PASSWORD": "soak-" + os.urandom(6).hex()}
    started = time.monotonic()
    proc = subprocess.Popen(args, cwd=workspace, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    samples: list[Sample] = []
    seen: set[int] = set()
    try:
        while proc.poll() is None:
            tree = _tree_rss_kb(proc.pid)
            seen.update(tree)
            rss = _worker_sums(proc.pid, tree, workers)
            samples.append((time.monotonic() - started, rss,
                            {w: _fds(list(_tree_rss_kb(w))) for w in rss}))
            time.sleep(0.5)
    except BaseException:  # Ctrl-C here stops the run too, so no browser outlives the soak
        proc.send_signal(signal.SIGINT)
        proc.wait(120)
        raise
    seconds = time.monotonic() - started
    time.sleep(5)  # what the run ended is reaped by now
    left = [p for p in seen - {proc.pid} if Path(f"/proc/{p}").exists() and b"defunct" not in _cmd(p)]
    return seconds, samples, left


def _worker_sums(root: int, tree: dict[int, int], count: int) -> dict[int, int]:
    """Per worker (the run itself without xdist, else each xdist worker): RSS of it and its browser."""
    if count <= 1:
        return {root: sum(tree.values())}
    children = [p for p in tree if p != root and _parent(p) == root and b"python" in _cmd(p)]
    workers = children or [root]
    return {w: sum(_tree_rss_kb(w).values()) for w in workers}


def _parent(pid: int) -> int:
    try:
        return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])
    except OSError:
        return -1


def _cmd(pid: int) -> bytes:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return b""


def _scenario_times(results: Path) -> list[tuple[float, float]]:
    """(start, seconds) of every scenario from the Allure results, in start order."""
    out = []
    for path in results.glob("*-result.json"):
        data = json.loads(path.read_text(encoding="utf-8"))
        out.append((data["start"] / 1000.0, (data["stop"] - data["start"]) / 1000.0))
    return sorted(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scenarios", type=int, default=200, help="about this many scenarios (whole copies)")
    parser.add_argument("--workers", type=int, default=1, help="pytest-xdist workers")
    parser.add_argument("--feature", default="features/claim.feature", help="the feature file to repeat")
    options = parser.parse_args()
    from harness.demo.server import DemoServer
    from harness.features.checker import Checker  # noqa: F401 - fail early if the harness is not installed

    text = (ROOT / options.feature).read_text(encoding="utf-8")
    per_copy = text.count("Scenario:") + sum(
        max(0, len([ln for ln in block.split("Scenario")[0].splitlines() if ln.strip().startswith("|")]) - 1)
        for block in text.split("Examples:")[1:])
    copies = max(1, -(-options.scenarios // max(per_copy, 1)))
    with tempfile.TemporaryDirectory() as tmp, DemoServer("warm", port=0) as server:
        workspace = Path(tmp)
        (workspace / "pyproject.toml").write_text((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
        for folder in ("steps", "personas"):
            if (ROOT / folder).is_dir():
                os.symlink(ROOT / folder, workspace / folder)
        (workspace / "features").mkdir()
        for i in range(copies):
            (workspace / "features" / f"soak_{i:03d}.feature").write_text(
                text.replace("Feature:", f"Feature: (soak copy {i:03d})", 1), encoding="utf-8")
        seconds, samples, left = _run(workspace, server.url, options.workers)
        times = _scenario_times(workspace / "reports" / "allure-results")
    if not times:
        raise SystemExit("no scenario ran; run `empathy run` in a copy of the workspace to see why")
    tenth = max(2, len(times) // 10)
    warm = times[1:] if len(times) > tenth * 2 else times  # the first scenario also loads the model and browser
    head, tail = warm[:tenth], warm[-tenth:]
    quarter = max(1, len(samples) // 4)
    second, last = samples[quarter:2 * quarter], samples[-quarter:]

    def means(part: list[Sample], which: int) -> dict[int, int]:
        per: dict[int, list[int]] = {}
        for _, rss_kb, fds in part:
            for w, value in (rss_kb if which == 1 else fds).items():
                per.setdefault(w, []).append(value)
        return {w: round(sum(v) / len(v)) for w, v in sorted(per.items())}

    workers = sorted(set(means(second, 1)) & set(means(last, 1)))  # the same worker processes in both quarters
    rss2 = [means(second, 1)[w] // 1024 for w in workers]
    rss4 = [means(last, 1)[w] // 1024 for w in workers]
    fds2 = [means(second, 2)[w] for w in workers]
    fds4 = [means(last, 2)[w] for w in workers]
    growth = max(((b - a) / a for a, b in zip(rss2, rss4, strict=True)), default=0.0)
    print(f"{len(times)} scenarios ({copies} copies of {options.feature}) in {seconds:.0f} s, "
          f"{options.workers} worker(s), load average {os.getloadavg()[0]:.1f}")
    print(f"start ({tenth} after the first): {sum(d for _, d in head) / len(head):.2f} s/scenario; "
          f"end (last {tenth}): {sum(d for _, d in tail) / len(tail):.2f} s/scenario")
    print(f"mean RSS per worker, second quarter {rss2} MB, last quarter {rss4} MB: "
          f"{growth:+.1%} ({'flat' if growth <= 0.10 else 'GROWING'}: target within 10%)")
    print(f"open file descriptors per worker, second quarter {fds2}, last quarter {fds4}")
    print(f"processes of the run alive 5 s after it ended: {len(left)}"
          + (f" {[_cmd(p)[:80] for p in left]}" if left else ""))
    print("(RSS = the pytest worker plus its Chromium and driver processes)")


if __name__ == "__main__":
    main()
