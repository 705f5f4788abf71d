"""Benchmark: how long the prompt comparer takes per 100 new pairs after load, on long help texts.

Why its own script: the budget (#22: 100 pairs under 1 s after load, on 2 cores) is hardest on a label against its
field's help text, and `bench/prompt_pairs.py` also re-tunes thresholds and scores the outside corpus. This one loads
the model and the vocabularies once, then compares each set's pairs with an empty embedding cache (new texts, as a
new site's are), a number of times, and prints wall and CPU seconds per 100 pairs and the load average: on a shared
machine the wall time measures the load as much as the code, the CPU time does not.

Usage: python bench/pair_speed.py [--repeat N] [DATA.jsonl ...]  (default: the stranger's sets of rounds 9 and 10)
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

DATA = Path(__file__).parent / "data"
DEFAULT = [DATA / "stranger9" / "prompt_pairs.jsonl", DATA / "stranger10" / "prompt_pairs.jsonl"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="*", type=Path, default=DEFAULT)
    parser.add_argument("--repeat", type=int, default=3, help="runs per set, each with an empty cache")
    args = parser.parse_args()
    os.environ["EMPATHY_CACHE_DIR"] = tempfile.mkdtemp(prefix="empathy-bench-cache-")
    from harness.language import embeddings
    from harness.language.prompt_structure import clear_caches
    from harness.language.prompts import compare_many

    start = time.perf_counter()
    compare_many([("Email address", "What is your email address?")])  # loads the model and the vocabularies
    print(f"load: {time.perf_counter() - start:.2f} s; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    for path in args.data:
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        pairs = [(r["a"], r["b"]) for r in rows]
        walls, cpus = [], []
        for _ in range(args.repeat):
            embeddings.reset_memory_cache()
            clear_caches()
            os.environ["EMPATHY_CACHE_DIR"] = tempfile.mkdtemp(prefix="empathy-bench-cache-")
            wall, cpu = time.perf_counter(), time.process_time()
            compare_many(pairs)
            walls.append(100 * (time.perf_counter() - wall) / len(pairs))
            cpus.append(100 * (time.process_time() - cpu) / len(pairs))
        chars = sum(len(a) + len(b) for a, b in pairs) / len(pairs)
        print(f"{path}: {len(pairs)} pairs, {chars:.0f} characters a pair; per 100 new pairs: wall "
              f"{statistics.median(walls):.2f} s (best {min(walls):.2f}), CPU {statistics.median(cpus):.2f} s "
              f"(goal: wall < 1 s); load average now {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
