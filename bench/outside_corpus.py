"""Baseline on the outside corpus (bench/data/outside/): the judge nobody tunes on.

Runs the two public commands a new customer would run, over items that real products shipped and
that were labelled with bench/data/outside/RUBRIC.md before any model saw them:

- `empathy copy score --jsonl` over messages.jsonl, text only (the kind is inferred, as when a
  catalogue is linted). Accuracy over the cold/warm messages, uncertain counted as wrong; how often
  the inferred kind is the labelled one; and, apart, how many of the items that are not messages
  (kind `label`) it answers with "not a message" rather than a cold/warm verdict.
- `empathy prompts compare --jsonl` over prompt_pairs.jsonl: accuracy against same / different /
  confirmation, uncertain counted as wrong.

Each figure is printed overall, per domain and per class. Never train, tune or pick thresholds on
these items; --errors lists the misses so they can be reported, not fitted.

With --given-kind each message is sent with its labelled kind (as a journey check knows it), which
shows how much of the miss is kind inference.

    python bench/outside_corpus.py [--errors] [--given-kind] [--data DIR]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "bench" / "data" / "outside"
VERDICTS = ("cold", "warm", "uncertain")


def load(path: Path) -> list[dict]:
    """The labelled lines of one file; a bad line stops the run with its file and line number."""
    if not path.is_file():
        sys.exit(f"{path}: not found; pass --data with the folder that holds messages.jsonl and prompt_pairs.jsonl")
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            rows.append(json.loads(line))
        except json.JSONDecodeError as exc:
            sys.exit(f"{path}:{number}: not JSON ({exc.msg}); fix or remove the line")
    return rows


def run(args: list[str], rows: Iterable[dict]) -> tuple[list[dict], float]:
    """One `empathy ... --jsonl` run: its answers in input order and the wall time it took."""
    empathy = Path(sys.executable).with_name("empathy")
    cmd = [str(empathy)] if empathy.exists() else [sys.executable, "-m", "harness.cli"]
    lines = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    start = time.perf_counter()
    done = subprocess.run([*cmd, *args], input=lines, capture_output=True, text=True, check=False)
    took = time.perf_counter() - start
    answers = [json.loads(line) for line in done.stdout.splitlines() if line.strip()]
    if done.returncode not in (0, 1) or len(answers) != lines.count("\n"):
        command = " ".join(args)
        sys.exit(f"`empathy {command}` exited {done.returncode} with {len(answers)} answers:\n{done.stderr[-2000:]}")
    return answers, took


def copy_verdict(answer: dict) -> str:
    """cold, warm or uncertain; any other verdict (a linter's "not a message") counts as `label`."""
    verdict = str(answer.get("verdict", "uncertain"))
    return verdict if verdict in VERDICTS else "label"


def pair_verdict(answer: dict) -> str:
    same = answer.get("same_info")
    if same is None:
        return "uncertain"
    return ("confirmation" if answer.get("confirmation") else "same") if same else "different"


def table(title: str, rows: list[dict], predicted: list[str], gold: Callable[[dict], str],
          groups: dict[str, Callable[[dict], str]]) -> None:
    """Accuracy overall and per group, with how many answers were uncertain."""
    def line(name: str, pick: list[int]) -> str:
        right = sum(predicted[i] == gold(rows[i]) for i in pick)
        unsure = sum(predicted[i] == "uncertain" for i in pick)
        return f"  {name:<22} {right / len(pick):6.3f}  ({right}/{len(pick)}, {unsure} uncertain)"
    everything = list(range(len(rows)))
    print(f"{title}\n{line('all', everything)}")
    for label, key in groups.items():
        buckets: dict[str, list[int]] = defaultdict(list)
        for i in everything:
            buckets[key(rows[i])].append(i)
        print(f" per {label}:")
        for name in sorted(buckets):
            print(line(name, buckets[name]))


def misses(rows: list[dict], predicted: list[str], gold: Callable[[dict], str], show: Callable[[dict], str]) -> None:
    for row, guess in zip(rows, predicted, strict=True):
        if guess != gold(row):
            print(f"  [{row['domain']}] labelled {gold(row)}, got {guess}: {show(row)}")


def miss_counts(title: str, rows: list[dict], predicted: list[str], gold: Callable[[dict], str],
                cls: Callable[[dict], str]) -> None:
    """How many misses fall in each class ("status: warm called cold: 31"), counts only, never item text."""
    counts: dict[str, int] = defaultdict(int)
    for row, guess in zip(rows, predicted, strict=True):
        if guess != gold(row):
            counts[f"{cls(row)}: {gold(row)} called {guess}"] += 1
    print(f"{title}:")
    for name, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"  {name:<40} {n}")


def kind_confusion(messages: list[dict], kinds: list[str | None]) -> None:
    """Counts of labelled kind -> inferred kind where they differ, largest first; never an item's text."""
    counts: dict[str, int] = defaultdict(int)
    for m, k in zip(messages, kinds, strict=True):
        if k != m["kind"]:
            counts[f"{m['kind']} inferred {k}"] += 1
    print(" kind misses: " + ", ".join(f"{name} {n}" for name, n in sorted(counts.items(), key=lambda kv: -kv[1])))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA,
                        help="folder with messages.jsonl and prompt_pairs.jsonl (the pairs may be left out)")
    parser.add_argument("--errors", action="store_true", help="list every item the commands got wrong")
    parser.add_argument("--given-kind", action="store_true",
                        help="send each message's labelled kind instead of letting the scorer infer it")
    args = parser.parse_args()
    items = load(args.data / "messages.jsonl")
    pair_file = args.data / "prompt_pairs.jsonl"
    pairs = load(pair_file) if pair_file.exists() else []

    def request(m: dict) -> dict:
        given = args.given_kind and m["kind"] != "label"
        return {"text": m["text"], "kind": m["kind"]} if given else {"text": m["text"]}

    answers, took = run(["copy", "score", "--jsonl"], (request(m) for m in items))
    verdicts = [copy_verdict(a) for a in answers]
    is_message = [i for i, m in enumerate(items) if m["kind"] != "label"]
    messages = [items[i] for i in is_message]
    said = [verdicts[i] for i in is_message]
    how = "labelled kind given" if args.given_kind else "kind inferred"
    print(f"`empathy copy score --jsonl`: {len(items)} items in {took:.1f} s ({how})\n")
    table("Copy, cold/warm messages (uncertain counts as wrong)", messages, said, lambda m: m["label"],
          {"domain": lambda m: m["domain"], "kind": lambda m: m["kind"]})
    if not args.given_kind:
        kinds = [answers[i].get("kind") for i in is_message]
        right = sum(k == m["kind"] for k, m in zip(kinds, messages, strict=True))
        print(f"\nInferred kind is the labelled kind: {right / len(messages):.3f} ({right}/{len(messages)})")
        kind_confusion(messages, kinds)
    labels = [i for i, m in enumerate(items) if m["kind"] == "label"]
    inapplicable = sum(verdicts[i] == "label" for i in labels)
    called_cold = sum(verdicts[i] == "cold" for i in labels)
    print(f"\nNot messages (kind label): {inapplicable}/{len(labels)} answered 'not a message', "
          f"{called_cold} called cold, {len(labels) - inapplicable - called_cold} warm or uncertain")
    overall = sum(v == (m["label"] if m["kind"] != "label" else "label") for v, m in zip(verdicts, items, strict=True))
    print(f"All {len(items)} items, a label counted right only as 'not a message': {overall / len(items):.3f}\n")

    miss_counts("Copy misses by kind", messages, said, lambda m: m["label"], lambda m: m["kind"])
    print()

    if not pairs:
        return 0
    answers, took = run(["prompts", "compare", "--jsonl"], ({"a": p["a"], "b": p["b"]} for p in pairs))
    compared = [pair_verdict(a) for a in answers]
    print(f"`empathy prompts compare --jsonl`: {len(pairs)} pairs in {took:.1f} s\n")
    table("Prompt pairs (uncertain counts as wrong)", pairs, compared, lambda p: p["label"],
          {"domain": lambda p: p["domain"], "label": lambda p: p["label"]})

    print()
    miss_counts("Pair misses by domain", pairs, compared, lambda p: p["label"], lambda p: p["domain"])

    if args.errors:
        print("\nCopy misses:")
        misses(messages, said, lambda m: m["label"], lambda m: f"({m['kind']}) {m['text']}")
        print("\nLabels not answered 'not a message':")
        misses([items[i] for i in labels], [verdicts[i] for i in labels], lambda m: "label", lambda m: m["text"])
        print("\nPrompt pair misses:")
        misses(pairs, compared, lambda p: p["label"], lambda p: f"{p['a']!r} / {p['b']!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
