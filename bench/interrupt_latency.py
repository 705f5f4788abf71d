"""How long Ctrl-C and SIGTERM take to stop `empathy` in each phase of a run (target: under 5 s).

Each phase is reached as the test does (`tests/reliability/phases.py`); the figure is from the signal
to the process's exit, with every process below it gone. Prints per phase and signal the slowest and
median stop over the repeats, the exit codes seen, and the load average.

    python bench/interrupt_latency.py --repeats 5
"""

from __future__ import annotations

import argparse
import os
import signal
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.reliability import phases  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--phase", action="append", choices=phases.PHASES, help="only these phases")
    args = parser.parse_args()
    worst = 0.0
    for phase in args.phase or phases.PHASES:
        for sig in (signal.SIGINT, signal.SIGTERM):
            took, codes, left = [], set(), 0
            for _ in range(args.repeats):
                with tempfile.TemporaryDirectory() as tmp:
                    extra = {"node_modules": ROOT / "node_modules"} if phase == "report" else {}
                    stopped = phases.DRIVERS[phase](Path(tmp), sig, **extra)
                took.append(stopped.took)
                codes.add(stopped.outcome.code)
                left += len(stopped.left)
            worst = max(worst, max(took))
            print(f"{phase:<22} {signal.Signals(sig).name:<8} slowest {max(took):5.2f} s, median "
                  f"{statistics.median(took):5.2f} s over {args.repeats}; exit {sorted(codes)}; "
                  f"processes left {left}", flush=True)
    print(f"slowest stop {worst:.2f} s (target < 5 s); load average {os.getloadavg()[0]:.1f}")
    return 0 if worst < 5 else 1


if __name__ == "__main__":
    raise SystemExit(main())
