"""Benchmark: how well does the prompt comparer tell same from different information?

Reads ``bench/data/prompt_pairs.jsonl`` (one pair a line: a, b, label same|different|confirmation,
domain, split dev|test). The dev split was looked at while building; the test split was held apart
and is only evaluated. Prints per split:

- accuracy: the verdict matches the label exactly (a confirmation must be flagged as one; an
  uncertain verdict counts as wrong);
- precision and recall of "same information" (label same or confirmation; verdict same_info True);
- how many pairs were left uncertain, and accuracy on the pairs it did decide;
- throughput in pairs per second, model already loaded: first with an empty embedding cache, then warm.

Then the three figures side by side (uncertain counted as wrong): the own test split;
leave-one-domain-out (the similarity thresholds tuned on the dev rows of every other domain,
then the left-out domain's test rows judged: what a new customer's site sees); and the outside
corpus (rows with "a" and "b" in ``bench/data/outside/*.jsonl``, written outside the team) when present.
Nothing is tuned on the outside corpus.

Usage: python bench/prompt_pairs.py [--errors dev|test|all|outside] [--data PATH] [--outside DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

DATA = Path(__file__).parent / "data" / "prompt_pairs.jsonl"
OUTSIDE = Path(__file__).parent / "data" / "outside"  # every *.jsonl there whose rows have "a" and "b"
SAME_GRID = [round(0.60 + 0.02 * i, 2) for i in range(14)]  # 0.60 .. 0.86
DIFFERENT_GRID = [round(0.36 + 0.02 * i, 2) for i in range(14)]  # 0.36 .. 0.62
DESCRIPTION_GRID = [round(0.10 + 0.04 * i, 2) for i in range(8)]  # 0.10 .. 0.38: a label against its help text


def predicted(comparison: object) -> str:
    same, confirmation = comparison.same_info, comparison.confirmation  # type: ignore[attr-defined]
    if same is None:
        return "uncertain"
    if same:
        return "confirmation" if confirmation else "same"
    return "different"


def metrics(rows: list[dict], results: list) -> dict[str, float]:
    gold = [r["label"] for r in rows]
    pred = [predicted(c) for c in results]
    n = len(rows)
    correct = sum(g == p for g, p in zip(gold, pred, strict=True))
    decided = [(g, p) for g, p in zip(gold, pred, strict=True) if p != "uncertain"]
    positive_gold = [g in ("same", "confirmation") for g in gold]
    positive_pred = [p in ("same", "confirmation") for p in pred]
    tp = sum(g and p for g, p in zip(positive_gold, positive_pred, strict=True))
    fp = sum(p and not g for g, p in zip(positive_gold, positive_pred, strict=True))
    fn = sum(g and not p for g, p in zip(positive_gold, positive_pred, strict=True))
    return {
        "pairs": n,
        "accuracy": correct / n if n else 0.0,
        "precision": tp / (tp + fp) if tp + fp else 0.0,
        "recall": tp / (tp + fn) if tp + fn else 0.0,
        "uncertain": sum(p == "uncertain" for p in pred),
        "decided_accuracy": sum(g == p for g, p in decided) / len(decided) if decided else 0.0,
    }


def read_rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def accuracy(rows: list[dict], results: list) -> float:
    return metrics(rows, results)["accuracy"] if rows else 0.0


def leave_one_domain_out(rows: list[dict]) -> tuple[float, int, dict[str, tuple[float, float, float, int, int]]]:
    """Pooled test accuracy when each domain's thresholds are tuned on the other domains' dev rows; per fold, the
    thresholds chosen (label against label, then a label against its description with those) and the left-out
    domain's test rows right and judged."""
    from harness.language.prompts import DESCRIPTION_THRESHOLD, DIFFERENT_THRESHOLD, SAME_THRESHOLD, compare_many

    pairs = [(r["a"], r["b"]) for r in rows]
    grid = {(s, d, DESCRIPTION_THRESHOLD): compare_many(pairs, same_threshold=s, different_threshold=d)
            for s in SAME_GRID for d in DIFFERENT_GRID if d < s}
    domains = sorted({r["domain"] for r in rows})
    right, judged, chosen = 0, 0, {}

    def best_of(keys: list[tuple[float, float, float]], tune: list[int]) -> tuple[float, float, float]:
        return max(keys, key=lambda k: (accuracy([rows[i] for i in tune], [grid[k][i] for i in tune]),
                                        -abs(k[0] - SAME_THRESHOLD) - abs(k[1] - DIFFERENT_THRESHOLD)
                                        - abs(k[2] - DESCRIPTION_THRESHOLD)))

    for domain in domains:
        tune = [i for i, r in enumerate(rows) if r["domain"] != domain and r["split"] == "dev"]
        s, d, _ = best_of([k for k in grid if k[2] == DESCRIPTION_THRESHOLD], tune)
        for t in DESCRIPTION_GRID:
            if (s, d, t) not in grid:
                grid[(s, d, t)] = compare_many(pairs, same_threshold=s, different_threshold=d, description_threshold=t)
        best = best_of([(s, d, t) for t in DESCRIPTION_GRID], tune)
        held = [i for i, r in enumerate(rows) if r["domain"] == domain and r["split"] == "test"]
        fold_right = sum(predicted(grid[best][i]) == rows[i]["label"] for i in held)
        chosen[domain] = (*best, fold_right, len(held))
        right += fold_right
        judged += len(held)
    return right / judged if judged else 0.0, judged, chosen


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--outside", type=Path, default=OUTSIDE, help="folder of the outside corpus")
    parser.add_argument("--errors", choices=["none", "dev", "test", "all", "outside"], default="none",
                        help="list the pairs it got wrong in this split")
    args = parser.parse_args()
    rows = read_rows(args.data)
    outside = [r for path in sorted(args.outside.rglob("*.jsonl")) for r in read_rows(path) if "a" in r and "b" in r]

    # A private cache dir: the cold throughput figure must not be flattered by earlier runs.
    os.environ["EMPATHY_CACHE_DIR"] = tempfile.mkdtemp(prefix="empathy-bench-cache-")
    from harness.language import embeddings
    from harness.language.prompts import compare_many

    start = time.perf_counter()
    embeddings.get_model()
    load_s = time.perf_counter() - start
    pairs = [(r["a"], r["b"]) for r in rows]
    start = time.perf_counter()
    results = compare_many(pairs)
    cold_s = time.perf_counter() - start
    embeddings.reset_memory_cache()
    start = time.perf_counter()
    compare_many(pairs)
    disk_s = time.perf_counter() - start
    start = time.perf_counter()
    compare_many(pairs)
    warm_s = time.perf_counter() - start

    print(f"prompt pairs: {len(rows)} from {args.data}")
    print(f"model load: {load_s:.2f} s")
    for split in ("dev", "test", "all"):
        chosen = [i for i, r in enumerate(rows) if split == "all" or r.get("split") == split]
        m = metrics([rows[i] for i in chosen], [results[i] for i in chosen])
        print(f"{split:>4}: pairs {m['pairs']:3d}  accuracy {m['accuracy']:.3f}  precision {m['precision']:.3f}  "
              f"recall {m['recall']:.3f}  uncertain {m['uncertain']}  decided-accuracy {m['decided_accuracy']:.3f}")
    # A stranger's set may tag each pair with how it was drawn ("label-vs-help", "random"): accuracy per tag and label.
    for group in sorted({(r["kind"], r["label"]) for r in rows if "kind" in r}):
        chosen = [i for i, r in enumerate(rows) if (r.get("kind"), r["label"]) == group]
        m = metrics([rows[i] for i in chosen], [results[i] for i in chosen])
        print(f"  {group[0]} / {group[1]}: {m['accuracy']:.3f} ({round(m['accuracy'] * m['pairs'])}/{m['pairs']}, "
              f"{m['uncertain']} uncertain)")
    methods: dict[str, int] = {}
    for c in results:
        methods[c.method] = methods.get(c.method, 0) + 1
    print("decided by: " + ", ".join(f"{k} {v}" for k, v in sorted(methods.items())))
    print(f"throughput: {len(rows) / cold_s:.0f} pairs/s with an empty embedding cache "
          f"({100 * cold_s / len(rows):.2f} s per 100 new pairs after load; goal < 1 s), "
          f"{len(rows) / disk_s:.0f} pairs/s from the disk cache, {len(rows) / warm_s:.0f} pairs/s warm")
    own = metrics([r for r in rows if r["split"] == "test"], [c for r, c in zip(rows, results, strict=True)
                                                               if r["split"] == "test"])
    lodo, lodo_n, chosen = leave_one_domain_out(rows)
    print("leave-one-domain-out folds (thresholds same/different/description, left-out test rows right/judged): "
          + ", ".join(f"{d} {s:.2f}/{t:.2f}/{u:.2f} {n}/{k}" for d, (s, t, u, n, k) in chosen.items()))
    line = f"THREE FIGURES (accuracy, uncertain = wrong): own test split {own['accuracy']:.3f} (n={own['pairs']})" \
           f"  leave-one-domain-out {lodo:.3f} (n={lodo_n})"
    outside_results = compare_many([(r["a"], r["b"]) for r in outside]) if outside else []
    if outside:
        m = metrics(outside, outside_results)
        line += f"  outside corpus {m['accuracy']:.3f} (n={m['pairs']}, {m['uncertain']} uncertain)"
    else:
        line += "  outside corpus: not present"
    print(line)
    if args.errors == "outside":
        rows, results = outside, outside_results
    if args.errors != "none":
        for row, c in zip(rows, results, strict=True):
            if (args.errors in ("all", "outside") or row.get("split") == args.errors) and predicted(c) != row["label"]:
                print(f"  [{row.get('split', 'outside')}] want {row['label']:<12} got {predicted(c):<12} "
                      f"{json.dumps(row['a'], ensure_ascii=False)} | {json.dumps(row['b'], ensure_ascii=False)}"
                      f" :: {c.reason}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
