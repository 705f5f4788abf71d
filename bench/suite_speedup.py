"""Benchmark: the bundled demo suite's wall time with one xdist worker and with two (speed-up ratio).

Each run is a fresh process serving the warm portal and running every bundled feature through
`run_suites` into its own temp reports folder (see demo_runs.py); the `-n 1` and `-n 2` runs alternate
when `--rounds` > 1 so machine load hits both alike. Target on a 2-core machine: `-n 2` at least 1.6x
faster. Also checks both runs produced the same scenarios.

Usage: python bench/suite_speedup.py [--rounds 1] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from demo_runs import finish_job, start_job  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    tmp = Path(tempfile.mkdtemp(prefix="empathy-speedup-"))
    times: dict[str, list[float]] = {"1": [], "2": []}
    loads: list[float] = []
    scenarios: dict[str, int] = {}
    for round_ in range(args.rounds):
        for workers in ("1", "2"):
            outcome = finish_job(start_job("warm", [], [], workers=workers, reports=tmp / f"r{round_}-n{workers}"))
            if outcome.error or not outcome.scenarios:
                print(f"bench: the -n {workers} run failed:\n{outcome.error}", file=sys.stderr)
                return 1
            times[workers].append(outcome.seconds)
            scenarios[workers] = len(outcome.scenarios)
            loads.append(os.getloadavg()[0])
    one, two = statistics.median(times["1"]), statistics.median(times["2"])
    result = {"n1_s": round(one, 1), "n2_s": round(two, 1), "speedup": round(one / two, 2), "target": 1.6,
              "scenarios": scenarios, "load_1min": [round(x, 1) for x in loads], "cpus": os.cpu_count()}
    if args.json:
        print(json.dumps(result))
    else:
        print(f"-n 1: {one:.1f} s   -n 2: {two:.1f} s   speed-up {one / two:.2f}x (target >= 1.6)")
        print(f"scenarios {scenarios}; load average after each run {result['load_1min']}; cpus {os.cpu_count()}")
    return 0 if scenarios.get("1") == scenarios.get("2") else 1


if __name__ == "__main__":
    sys.exit(main())
