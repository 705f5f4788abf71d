"""Run the whole test suite N times in a row on a loaded machine and print every test that ever failed.

Why loaded: CI shares a 2-core machine, and a test that races a wall-clock window passes on a quiet
laptop and fails there at random. The script keeps one busy loop per core running for the whole hunt
(`--burners`, default: one per core) so the suite meets at least that much contention, and reads each
run's JUnit XML, so a test that failed once in ten runs is named.

    python bench/flake_hunt.py --runs 10            # the figure in the README
    python bench/flake_hunt.py --runs 3 -- -m unit  # extra pytest arguments after --
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _burn(stop_at: float) -> None:
    """A busy loop that ends by itself (bounded even if the hunt is killed)."""
    while time.monotonic() < stop_at:
        pass


def _failures(junit: Path) -> list[str]:
    """The node ids of the tests that failed or errored in one run's JUnit XML."""
    if not junit.is_file():
        return ["<no JUnit XML: the run did not finish>"]
    failed = []
    for case in ET.parse(junit).getroot().iter("testcase"):
        if case.find("failure") is not None or case.find("error") is not None:
            failed.append(f"{case.get('classname', '')}::{case.get('name', '')}")
    return failed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--burners", type=int, default=os.cpu_count() or 2, help="busy loops (default: one per core)")
    parser.add_argument("--workers", default="2", help="pytest-xdist workers, as `make test` uses")
    parser.add_argument("--max-minutes", type=float, default=30.0, help="upper bound on each run")
    args, extra = parser.parse_known_args()
    extra = [a for a in extra if a != "--"]
    failed: Counter[str] = Counter()
    burners = [multiprocessing.Process(target=_burn, args=(time.monotonic() + args.runs * args.max_minutes * 60,),
                                       daemon=True) for _ in range(args.burners)]
    for burner in burners:
        burner.start()
    print(f"flake hunt: {args.runs} runs of the suite (-n {args.workers}) beside {args.burners} busy loop(s)",
          flush=True)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            for run in range(1, args.runs + 1):
                junit = Path(tmp) / f"run-{run}.xml"
                started = time.monotonic()
                cmd = [sys.executable, "-m", "pytest", "-q", "-n", args.workers, f"--junitxml={junit}", *extra]
                try:
                    done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True,
                                          timeout=args.max_minutes * 60)
                    tail = (done.stdout.strip().splitlines() or ["(no output)"])[-1]
                except subprocess.TimeoutExpired:
                    tail = f"did not finish within {args.max_minutes} min"
                this = _failures(junit)
                failed.update(this)
                print(f"run {run}/{args.runs}: {time.monotonic() - started:6.0f} s, load "
                      f"{os.getloadavg()[0]:.1f}: {tail}", flush=True)
                for name in this:
                    print(f"    failed: {name}", flush=True)
    finally:
        for burner in burners:
            burner.terminate()
    print(f"\n{len(failed)} test(s) failed at least once in {args.runs} runs")
    for name, count in failed.most_common():
        print(f"  {count}/{args.runs}  {name}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
