"""Shared by the benchmarks: serve the demo portal and run bundled features against it through the harness.

Why a module of its own: checks_quality, suite_speedup and the parallel test all need "portal with these
defects + these features + a throw-away reports folder -> scenario results", and each run must be
isolated (its own process, port and reports folder) so several can go at once and re-runs never read
stale results.

As a script it runs ONE such job and prints its results as JSON on the last line of stdout:
    python bench/demo_runs.py --variant warm --defects silent-submit --journeys file-a-claim -n 2
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FEATURES = ROOT / "features"
# Short delays keep runs quick but long enough for the timing rules to see a wait.
PORTAL_OPTIONS = {"submit_delay": 2.0, "agent_delay": 1.5}
MARK = "EMPATHY-BENCH-RESULT "


@dataclass
class RunOutcome:
    """What one job produced: the findings per scenario, the pytest exit code and the wall time."""

    code: int
    seconds: float
    scenarios: list[dict] = field(default_factory=list)  # {scenario, persona, findings: [{rule, outcome,...}]}
    error: str = ""


def feature_journeys(folder: Path = FEATURES) -> dict[str, Path]:
    """@journey:<name> tag of each feature file -> the file."""
    out: dict[str, Path] = {}
    for path in sorted(folder.glob("*.feature")):
        for tag in re.findall(r"@journey:([\w-]+)", path.read_text(encoding="utf-8")):
            out.setdefault(tag, path)
    return out


def features_for(journey: str, folder: Path = FEATURES) -> Path:
    """The feature of a catalogue journey: the same tag, or the tag that ends the journey's name
    (the catalogue says `file-a-claim`, the feature is tagged `@journey:claim`)."""
    tagged = feature_journeys(folder)
    if journey in tagged:
        return tagged[journey]
    ends = [tag for tag in tagged if journey.endswith("-" + tag) or tag.endswith("-" + journey)]
    if len(ends) == 1:
        return tagged[ends[0]]
    raise SystemExit(f"bench: no feature in {folder} is tagged @journey:{journey} "
                     f"(tags found: {', '.join(sorted(tagged))}); tag the feature or fix defects.yaml")


def env() -> dict[str, str]:
    """The benchmark's environment: offline model, a demo password that is not a real secret."""
    return {**os.environ, "HF_HUB_OFFLINE": "1", "CI": "1",
            "EMPATHY_DEMO_PASSWORD": os.environ.get("EMPATHY_DEMO_PASSWORD", "a-bench-only-Secret-9")}


def run_here(variant: str, defects: list[str], paths: list[str], *, workers: str | None,
             reports: Path, extra: list[str] | None = None, quiet: bool = True) -> RunOutcome:
    """Serve the portal in this process and run the features through `run_suites` (pytest in-process)."""
    from harness.config import load_settings
    from harness.demo.server import DemoServer
    from harness.reporting.results import read_results
    from harness.suite import run_suites

    os.environ.update(env())
    base = load_settings(ROOT)
    with DemoServer(variant, defects, port=0, **PORTAL_OPTIONS) as server:
        settings = base.model_copy(update={"base_url": server.url, "reports_dir": str(reports), "fail_on": "never",
                                           "variant": variant})
        started = time.perf_counter()
        sink = io.StringIO()
        with contextlib.redirect_stdout(sink) if quiet else contextlib.nullcontext():
            code = run_suites(settings, paths, workers=workers, keep_results=False,
                              extra=["--empathy-reports", str(reports), "-q", "-p", "no:randomly", *(extra or [])])
        seconds = time.perf_counter() - started
    scenarios = [{"scenario": r.scenario, "persona": r.persona, "feature": r.feature,
                  "findings": [{"rule": f.rule, "outcome": f.outcome, "impact": f.impact, "step": f.step,
                                "message": f.message} for f in r.findings]}
                 for r in read_results([reports])]
    return RunOutcome(code=code, seconds=seconds, scenarios=scenarios,
                      error="" if scenarios else sink.getvalue()[-3000:] if quiet else "")


def start_job(variant: str, defects: list[str], paths: list[str], *, workers: str | None,
              reports: Path) -> subprocess.Popen[str]:
    """The same job in a child process (so several can run at once); collect with `finish_job`."""
    args = [sys.executable, str(Path(__file__).resolve()), "--variant", variant, "--reports", str(reports),
            "--defects", ",".join(defects), *(["-n", workers] if workers else []), *paths]
    return subprocess.Popen(args, cwd=ROOT, env=env(), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def finish_job(job: subprocess.Popen[str], timeout: float = 1800) -> RunOutcome:
    out, _ = job.communicate(timeout=timeout)
    for line in reversed(out.splitlines()):
        if line.startswith(MARK):
            return RunOutcome(**json.loads(line[len(MARK):]))
    return RunOutcome(code=job.returncode or 99, seconds=0.0, error=out[-3000:])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", help="feature files (default: all bundled features)")
    parser.add_argument("--variant", default="warm")
    parser.add_argument("--defects", default="", help="comma-separated defect ids switched on")
    parser.add_argument("--journeys", default="", help="comma-separated catalogue journeys (instead of paths)")
    parser.add_argument("-n", dest="workers", default=None, help="xdist workers")
    parser.add_argument("--reports", default="", help="reports folder (default: a new temp folder)")
    args = parser.parse_args(argv)
    paths = list(args.paths) + [str(features_for(j)) for j in args.journeys.split(",") if j]
    paths = paths or [str(FEATURES)]
    reports = Path(args.reports or tempfile.mkdtemp(prefix="empathy-bench-"))
    outcome = run_here(args.variant, [d for d in args.defects.split(",") if d], paths, workers=args.workers,
                       reports=reports)
    print(MARK + json.dumps(outcome.__dict__), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
