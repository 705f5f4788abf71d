"""Quality and speed of the copy scorer on the labelled set (bench/data/copy_messages.jsonl).

Prints, for the train split (the model saw it) and the held-apart test split (it never did):
accuracy, precision, recall and F1 for "cold", over the messages the scorer decided, plus the share
it called "uncertain"; the same with the kind hidden (the scorer infers it) and how often the
inferred kind is right. Then timing: one new message after the model has loaded, 1,000 new
messages through `score_many` (wall and CPU seconds, with the load average: on a shared machine the
wall time measures the load, the CPU time the code; the budget is 10 s wall on 2 quiet cores), and
1,000 through `empathy copy score --jsonl` from a cold start. Timings use a fresh embedding cache so
nothing is served from an earlier run.

Then the three figures side by side, accuracy with "uncertain" counted as wrong and the kind
inferred: the own test split; leave-one-domain-out (the model retrained by
`bench/train_copy_model.py`'s own procedure on the train rows of every other domain, then the
left-out domain's test rows judged: what a new customer's site sees); and the outside corpus
(rows with "text" and "label" in ``bench/data/outside/*.jsonl``, written outside the team) when present.

    python bench/copy_scorer.py [--no-cli] [--no-lodo] [--errors outside] [--outside DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "bench" / "data" / "copy_messages.jsonl"
OUTSIDE = ROOT / "bench" / "data" / "outside"  # every *.jsonl there whose rows have "text" and "label"


def metrics(rows: list[dict], verdicts: list[str]) -> dict[str, float]:
    """Cold is the positive class; uncertain answers are left out of the four figures and counted."""
    decided = [(r["label"], v) for r, v in zip(rows, verdicts, strict=True) if v != "uncertain"]
    tp = sum(1 for y, v in decided if y == "cold" and v == "cold")
    fp = sum(1 for y, v in decided if y == "warm" and v == "cold")
    fn = sum(1 for y, v in decided if y == "cold" and v == "warm")
    correct = sum(1 for y, v in decided if y == v)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return {
        "n": len(rows),
        "accuracy": correct / len(decided) if decided else 0.0,
        "precision": precision,
        "recall": recall,
        "f1": 2 * precision * recall / (precision + recall) if precision + recall else 0.0,
        "uncertain": 1 - len(decided) / len(rows) if rows else 0.0,
    }


def strict_accuracy(rows: list[dict], verdicts: list[str]) -> float:
    """Share judged right when an uncertain verdict counts as wrong (the issue's headline figure)."""
    return sum(r["label"] == v for r, v in zip(rows, verdicts, strict=True)) / len(rows) if rows else 0.0


def _hidden(rows: list[dict]) -> list[dict]:
    return [{"text": r["text"], "field": r.get("field", ""), "context": r.get("context") or {}} for r in rows]


def leave_one_domain_out(rows: list[dict]) -> tuple[float, int]:
    """Pooled strict accuracy on each domain's test rows, the model trained without that domain."""
    sys.path.insert(0, str(ROOT / "bench"))
    from train_copy_model import train

    from harness.language.copy import score_many
    from harness.language.copy_model import model_from_weights

    right, judged = 0, 0
    for domain in sorted({r["domain"] for r in rows}):
        train_rows = [r for r in rows if r["split"] == "train" and r["domain"] != domain]
        held = [r for r in rows if r["split"] == "test" and r["domain"] == domain]
        model = model_from_weights(train(train_rows))
        verdicts = [s.verdict for s in score_many(_hidden(held), model=model)]
        right += sum(r["label"] == v for r, v in zip(held, verdicts, strict=True))
        judged += len(held)
        print(f"  without {domain:<12} test rows {len(held):3d}  strict accuracy "
              f"{strict_accuracy(held, verdicts):.3f}")
    return right / judged if judged else 0.0, judged


def three_figures(rows: list[dict], lodo: bool, errors: bool, outside_dir: Path = OUTSIDE) -> None:
    from harness.language.copy import score_many

    test = [r for r in rows if r["split"] == "test"]
    own = strict_accuracy(test, [s.verdict for s in score_many(_hidden(test))])
    line = f"THREE FIGURES (accuracy, uncertain = wrong, kind inferred): own test split {own:.3f} (n={len(test)})"
    if lodo:
        figure, n = leave_one_domain_out(rows)
        line += f"  leave-one-domain-out {figure:.3f} (n={n})"
    outside = [row for path in sorted(outside_dir.rglob("*.jsonl"))
               for row in (json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip())
               if "text" in row and "label" in row]
    labels = [r for r in outside if r["label"] not in ("cold", "warm")]  # not messages: the linter's filter
    outside = [r for r in outside if r["label"] in ("cold", "warm")]
    if labels:
        from harness.language.copy_lint import is_message

        right = sum(not is_message(r["text"], (r.get("source") or {}).get("msgctxt", "")) for r in labels)
        print(f"outside strings that are not messages: {right}/{len(labels)} called 'not a message' by copy lint")
    if outside:
        scores = score_many(_hidden(outside))
        unsure = sum(s.verdict == "uncertain" for s in scores)
        line += (f"  outside corpus {strict_accuracy(outside, [s.verdict for s in scores]):.3f} "
                 f"(n={len(outside)}, {unsure} uncertain)")
        if errors:
            for r, s in zip(outside, scores, strict=True):
                if s.verdict != r["label"]:
                    print(f"  outside miss: {r['label']}->{s.verdict} {s.score:.2f} [{s.kind}] {r['text'][:100]}")
    else:
        line += "  outside corpus: not present"
    print(line)


def _line(name: str, m: dict[str, float]) -> str:
    return (f"{name:<26} n={m['n']:<4} accuracy={m['accuracy']:.3f} precision={m['precision']:.3f} "
            f"recall={m['recall']:.3f} f1={m['f1']:.3f} uncertain={m['uncertain']:.3f}")


def quality(rows: list[dict]) -> None:
    from harness.language.copy import score_many

    for split in ("train", "test"):
        part = [r for r in rows if r["split"] == split]
        known = score_many([{"text": r["text"], "kind": r["kind"], "field": r.get("field", "")} for r in part])
        hidden = score_many([{"text": r["text"], "field": r.get("field", "")} for r in part])
        print(_line(f"{split} (kind given)", metrics(part, [s.verdict for s in known])))
        print(_line(f"{split} (kind inferred)", metrics(part, [s.verdict for s in hidden])))
        right = sum(1 for r, s in zip(part, hidden, strict=True) if s.kind == r["kind"])
        print(f"{split + ' kind inference':<26} {right}/{len(part)} = {right / len(part):.3f}")
        if split == "test":
            wrong = [(r, s) for r, s in zip(part, known, strict=True) if s.verdict not in (r["label"], "uncertain")]
            for r, s in wrong:
                print(f"  miss: {r['label']}->{s.verdict} {s.score:.2f} [{r['kind']}] {r['text'][:90]}")


def _novel(rows: list[dict], n: int) -> list[dict]:
    """n distinct messages no cache has seen: labelled texts with a varying, realistic tail."""
    tails = ["", " Thank you.", " We're sorry.", " Please try again.", " Call 0800 000 {i}.", " Ref {i}."]
    out = []
    for i in range(n):
        r = rows[i % len(rows)]
        out.append({"text": f"{r['text']}{tails[i % len(tails)].format(i=i)} ({i})", "kind": r["kind"]})
    return out


def timing(rows: list[dict], with_cli: bool) -> None:
    from harness.language.copy import score, score_many

    t0 = time.perf_counter()
    score("Warm-up message to load the model")
    print(f"first call (imports + model load): {time.perf_counter() - t0:.2f} s")
    t0 = time.perf_counter()
    result = score("Enter your membership number, like MEM 4471 09", "validation", "Membership number")
    print(f"single new message after load:     {(time.perf_counter() - t0) * 1000:.0f} ms ({result.verdict})")
    batch = _novel(rows, 1000)
    t0, cpu0 = time.perf_counter(), time.process_time()
    score_many(batch)
    print(f"1,000 new messages via score_many:  wall {time.perf_counter() - t0:.2f} s, CPU "
          f"{time.process_time() - cpu0:.2f} s (goal: wall < 10 s); load average {os.getloadavg()[0]:.1f} "
          f"on {os.cpu_count()} cores")
    if with_cli:
        lines = "\n".join(json.dumps({**b, "text": b["text"] + " *"}) for b in batch) + "\n"
        empathy = Path(sys.executable).with_name("empathy")
        cmd = [str(empathy)] if empathy.exists() else [sys.executable, "-m", "harness.cli"]
        t0 = time.perf_counter()
        done = subprocess.run([*cmd, "copy", "score", "--jsonl"], input=lines, capture_output=True, text=True,
                              check=False, env=os.environ.copy())
        took = time.perf_counter() - t0
        count = len(done.stdout.splitlines())
        print(f"1,000 via `empathy copy score --jsonl` (cold start): {took:.2f} s, {count} lines, "
              f"exit {done.returncode}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-cli", action="store_true", help="skip the --jsonl subprocess timing")
    parser.add_argument("--no-lodo", action="store_true", help="skip leave-one-domain-out (retrains 10 times)")
    parser.add_argument("--errors", choices=["none", "outside"], default="none", help="list the outside misses")
    parser.add_argument("--outside", type=Path, default=OUTSIDE, help="folder of the outside corpus")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    rows = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]
    with tempfile.TemporaryDirectory() as cache:
        os.environ["EMPATHY_CACHE_DIR"] = cache
        quality(rows)
        timing(rows, with_cli=not args.no_cli)
        three_figures(rows, lodo=not args.no_lodo, errors=args.errors == "outside", outside_dir=args.outside)


if __name__ == "__main__":
    main()
