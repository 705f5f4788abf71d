"""Benchmark: `empathy --help` wall time, and proof that the light commands never import torch.

Runs the installed CLI in fresh interpreters (median of `--runs`; target < 0.5 s on this machine) and
runs `--help`, `check` and `steps` with `-X importtime` to list every module they import: torch,
sentence_transformers, onnxruntime, playwright, faker or flask in that list is a regression of the lazy imports.

Usage: python bench/cli_startup.py [--runs 7] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HEAVY = ("torch", "sentence_transformers", "transformers", "onnxruntime", "playwright", "faker", "flask")
LIGHT_COMMANDS = (["--help"], ["check"], ["steps"])


def cli(*args: str) -> list[str]:
    """The `empathy` entry point as a fresh interpreter would run it."""
    return [sys.executable, "-c", "import sys; from harness.cli import main; sys.exit(main())", *args]


def imported_modules(args: list[str], cwd: Path = ROOT) -> set[str]:
    """Top-level packages a CLI command imports."""
    return imported_by(cli(*args)[1:], cwd)


def imported_by(python_args: list[str], cwd: Path = ROOT) -> set[str]:
    """Top-level packages `python <python_args>` imports (from `-X importtime`, which writes to stderr)."""
    run = subprocess.run([sys.executable, "-X", "importtime", *python_args], cwd=cwd, capture_output=True,
                         text=True, timeout=120, env={**os.environ, "NO_COLOR": "1"})
    names = set()
    for line in run.stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            names.add(line.rsplit("|", 1)[1].strip().split(".")[0])
    return names


def heavy_imports(args: list[str], cwd: Path = ROOT) -> list[str]:
    return sorted(set(HEAVY) & imported_modules(args, cwd))


def timed(argv: list[str], runs: int) -> tuple[list[float], list[float]]:
    """Wall and CPU (user+sys) seconds of each run; on a loaded machine CPU time is the steadier figure."""
    wall, cpu = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        subprocess.run(argv, cwd=ROOT, capture_output=True, check=True, timeout=120)
        wall.append(time.perf_counter() - started)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return wall, cpu


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    times, cpu = timed(cli("--help"), args.runs)
    bare, _ = timed([sys.executable, "-c", "pass"], args.runs)  # the interpreter alone, for scale
    heavy = {" ".join(c): heavy_imports(list(c)) for c in LIGHT_COMMANDS}
    result = {"help_median_s": round(statistics.median(times), 3), "target_s": 0.5,
              "help_cpu_median_s": round(statistics.median(cpu), 3),
              "bare_python_median_s": round(statistics.median(bare), 3),
              "samples": [round(t, 3) for t in times], "heavy_imports": heavy,
              "load_1min": round(os.getloadavg()[0], 1)}
    if args.json:
        print(json.dumps(result))
    else:
        print(f"empathy --help: median {result['help_median_s']} s wall, {result['help_cpu_median_s']} s CPU "
              f"over {args.runs} runs (target < 0.5 s); bare `python -c pass` {result['bare_python_median_s']} s; "
              f"load average {result['load_1min']}")
        for command, names in heavy.items():
            print(f"empathy {command}: heavy imports {', '.join(names) or 'none'}")
    return 0 if not any(heavy.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
