"""Benchmark and build of the pair model (a cross-encoder fine-tuned from all-MiniLM-L6-v2), round 6 of #22.

Trains with `harness.language.pair_build` (torch, one thread) and prints, in the order the issue asks:

1. dev: out-of-fold figures on the dev split, the folds whole domains (a fold's model never saw the
   domains it is judged on);
2. leave-domains-out: the test rows of each fold's domains, judged by the model trained without them (the
   domains are left out in groups, not one by one: a training per domain would take hours on 2 shared cores);
3. own test split: the model trained on every dev row, judged on the held-apart test split;
4. speed: that model exported to ONNX (int8 and float32, beside --graph), how far its P(same) strays from
   torch's, its load time and 100 new pairs, with the load average.

Each of 1 to 3 for the model alone (P(same) >= 0.5 on every pair) and for the comparer as it is (structure,
then the cosine) against the comparer with the model in the cosine's place, alone or blended with the cosine
(the blend's weight chosen on the dev figure only). Never reads the outside corpus.

Usage: python bench/pair_model.py [--folds 5] [--epochs 4] [--augmented N] [--frozen N] [--graph PATH]
"""

from __future__ import annotations

import argparse
import math
import os
import sys
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from prompt_pairs import predicted  # noqa: E402 - the bench folder is not a package

DATA = Path(__file__).parent / "data" / "prompt_pairs.jsonl"
MIDPOINT = 0.63  # between the comparer's two cosine thresholds (0.62 and 0.64)
BLENDS = [(w, k) for w in (0.3, 0.5, 0.7, 1.0) for k in (10, 20, 40)]  # model weight, cosine steepness


def domain_folds(rows: list[dict], folds: int) -> list[set[str]]:
    """Whole domains dealt into folds, biggest first, each to the fold with fewest rows so far."""
    sizes: dict[str, int] = {}
    for r in rows:
        sizes[r["domain"]] = sizes.get(r["domain"], 0) + 1
    groups: list[set[str]] = [set() for _ in range(folds)]
    counts = [0] * folds
    for domain in sorted(sizes, key=lambda d: (-sizes[d], d)):
        at = counts.index(min(counts))
        groups[at].add(domain)
        counts[at] += sizes[domain]
    return groups


def verdict(comparison: object, chance: float, blend: tuple[float, float] | None) -> str:
    """The comparer's verdict, the model's (or the blend's) taking the cosine's place when one is given."""
    if blend is None or comparison.method != "embedding":  # type: ignore[attr-defined]
        return predicted(comparison)
    weight, steep = blend
    cosine = 1.0 / (1.0 + math.exp(-steep * (comparison.score - MIDPOINT)))  # type: ignore[attr-defined]
    return "same" if weight * chance + (1 - weight) * cosine >= 0.5 else "different"


def accuracy(rows: list[dict], chosen: list[int], results: list, chances: dict[int, float],
             blend: tuple[float, float] | None) -> float:
    return sum(verdict(results[i], chances[i], blend) == rows[i]["label"] for i in chosen) / len(chosen)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--epochs", type=int, default=None, help="training epochs (default: the build's)")
    parser.add_argument("--augmented", type=int, default=None, help="rule-made pairs used (default: the build's)")
    parser.add_argument("--frozen", type=int, default=None, help="lower layers kept frozen (default: the build's)")
    parser.add_argument("--graph", type=Path, default=Path("/tmp/empathy-pairs.onnx"), help="where to export")
    args = parser.parse_args()
    from harness.language import embeddings
    from harness.language.pair_build import (
        MAX_TOKENS,
        TrainSettings,
        export,
        labelled,
        probabilities,
        read_rows,
        train,
        training_examples,
    )
    from harness.language.pair_model import PairModel
    from harness.language.prompts import compare_many

    rows = read_rows(args.data)
    test = [r for r in rows if r["split"] == "test"]
    settings = TrainSettings()
    for field, value in (("epochs", args.epochs), ("augmented", args.augmented), ("frozen_layers", args.frozen)):
        if value is not None:
            settings = replace(settings, **{field: value})
    print(settings, flush=True)
    model_dir = embeddings.model_path()
    texts = labelled(rows)
    frozen: dict = {}
    oof: dict[int, float] = {}
    started = time.perf_counter()
    for n, held in enumerate(domain_folds(rows, args.folds), 1):
        train_rows = [r for r in rows if r["split"] == "dev" and r["domain"] not in held]
        judged = [i for i, r in enumerate(rows) if r["domain"] in held]
        net = train(model_dir, training_examples(train_rows, settings, held_apart=test), settings,
                    log=lambda m, n=n: print(f"fold {n}: {m}", flush=True), frozen=frozen)
        oof.update(zip(judged, map(float, probabilities(net, model_dir, [texts[i][:2] for i in judged])), strict=True))
    net = train(model_dir, training_examples([r for r in rows if r["split"] == "dev"], settings, held_apart=test),
                settings, log=lambda m: print(f"all dev: {m}", flush=True), frozen=frozen)
    tests = [i for i, r in enumerate(rows) if r["split"] == "test"]
    full = dict(zip(tests, map(float, probabilities(net, model_dir, [texts[i][:2] for i in tests])), strict=True))
    print(f"training wall time: {time.perf_counter() - started:.0f} s for {args.folds + 1} trainings (one thread)")

    results = compare_many([(r["a"], r["b"]) for r in rows])
    dev = [i for i, r in enumerate(rows) if r["split"] == "dev"]
    best = max(BLENDS, key=lambda b: (accuracy(rows, dev, results, oof, b), -b[0]))
    print(f"blend chosen on dev: model weight {best[0]}, cosine steepness {best[1]}")
    print(f"{'':28} {'model alone':>12} {'comparer':>9} {'model in':>9} {'blend':>6}  (open pairs)")
    for name, chosen, chances in (("dev out-of-fold", dev, oof), ("leave-domains-out (test)", tests, oof),
                                  ("own test split", tests, full)):
        alone = sum((chances[i] >= 0.5) == bool(texts[i][2]) for i in chosen) / len(chosen)
        open_pairs = sum(results[i].method == "embedding" for i in chosen)
        print(f"{name:28} {alone:12.3f} {accuracy(rows, chosen, results, chances, None):9.3f} "
              f"{accuracy(rows, chosen, results, chances, (1.0, 1.0)):9.3f} "
              f"{accuracy(rows, chosen, results, chances, best):6.3f}  ({open_pairs} of {len(chosen)})")

    new = [(f"{a} {n}", b) for n, (a, b, _) in enumerate(texts[:100])]  # texts no cache has seen
    for int8 in (True, False):
        graph = args.graph.with_suffix(".int8.onnx" if int8 else ".float32.onnx")
        start = time.perf_counter()
        drift, flips = export(net, model_dir, graph, [texts[i][:2] for i in tests], int8=int8, limit=None)
        print(f"exported {'int8' if int8 else 'float32'} graph {graph} ({graph.stat().st_size / 1e6:.0f} MB) in "
              f"{time.perf_counter() - start:.0f} s; on the test pairs P(same) strays up to {drift:.3f} from "
              f"torch's, {flips} verdicts flip")
        start = time.perf_counter()
        runner = PairModel(graph, model_dir, MAX_TOKENS)
        load_s = time.perf_counter() - start
        start = time.perf_counter()
        runner.probabilities(new)
        print(f"  speed: load {load_s:.2f} s, 100 new pairs {time.perf_counter() - start:.2f} s after load "
              f"(goal < 1 s); load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
