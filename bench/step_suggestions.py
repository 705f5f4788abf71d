"""How often `empathy check` suggests the step a product owner meant, on realistic rewordings.

Each line of bench/data/step_rewordings.jsonl is a step as someone might write it and the step they
meant. Every reworded step goes through the real checker (real catalogue, real embedding model) in a
one-step scenario; a step is a hit when the checker understood it as the intended step, or when the
intended step is the first (top-1) or among the first three (top-3) suggestions it prints.
With --compare, it also ranks by spelling only and by meaning only, to show what each part adds.

bench/data/step_rewordings_real_sites.jsonl holds the wordings reached for while writing the real
sites' features (bench/real_sites/GAPS.md) and rewordings of them: pass it with --data.

--data bench/data/step_values_real_sites.jsonl: rewordings from the real sites' features and the
wording people reached for (bench/real_sites/GAPS.md). Its items carry a `split`: "tune" items were
looked at while building the value filling and the polarity guard; the figure to quote is "report".
It also prints how often the first suggestion carries the author's own values in the right places
(`values`), how often an opposite step (`never`) is offered in the first three, and how many
suggestions hold a word of the bundled demo's domain.

Run: python bench/step_suggestions.py [--data FILE] [--compare] [--show-misses]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from harness.config import load_settings
from harness.features.catalogue import StepDef, load_catalogue, matching, strip_keyword
from harness.features.checker import Checker
from harness.features.suggest import MEANING_WEIGHT, suggest

DATA = Path(__file__).parent / "data" / "step_rewordings.jsonl"
KINDS = {"given": "given", "when": "when", "then": "then"}


def kind_of(line: str) -> str:
    return KINDS[line.split(maxsplit=1)[0].lower()]


def intended_defs(catalogue: list[StepDef], line: str) -> list[StepDef]:
    found = matching(catalogue, kind_of(line), strip_keyword(line))
    if not found:
        raise SystemExit(f"intended step matches no definition: {line!r} (update the data set)")
    return found


def is_intended(suggestion_line: str, intended: list[StepDef]) -> bool:
    text = strip_keyword(suggestion_line)
    return any(d.matches(text) for d in intended)


def through_checker(catalogue: list[StepDef], settings, items: list[dict]) -> list[tuple[str, list[str]]]:  # type: ignore[no-untyped-def]
    """('understood' | 'wrong-step' | 'undefined', suggestion lines) per item, as `empathy check` prints them."""
    checker = Checker(catalogue, settings)
    out = []
    for item in items:
        text = f"Feature: bench\n  Scenario: one step\n    {item['step']}\n"
        result = checker.check_text(text, "bench.feature")
        undefined = [d for d in result.diagnostics if d.rule == "undefined-step"]
        if undefined:
            out.append(("undefined", list(undefined[0].suggestions)))
        else:
            found = matching(catalogue, kind_of(item["step"]), strip_keyword(item["step"]))
            out.append(("understood" if found else "other", [f"{item['step']}"] if found else []))
    return out


def score(rows: list[tuple[str, list[str]]], intended: list[list[StepDef]]) -> tuple[int, int, list[int]]:
    top1 = top3 = 0
    misses = []
    for i, ((_, lines), wanted) in enumerate(zip(rows, intended, strict=True)):
        if not wanted:
            continue
        hits = [is_intended(line, wanted) for line in lines[:3]]
        top1 += bool(hits and hits[0])
        top3 += any(hits)
        if not (hits and hits[0]):
            misses.append(i)
    return top1, top3, misses


def words_and_polarity(catalogue: list[StepDef], items: list[dict], rows: list[tuple[str, list[str]]],
                       intended: list[list[StepDef]]) -> None:
    """The author's values kept, no opposite step offered, no word of the demo's domain."""
    from tests.demo_words import DEMO_WORDS

    valued = [i for i, item in enumerate(items) if item.get("values") and intended[i]]
    right = 0
    for i in valued:
        first = rows[i][1][:1]
        text = strip_keyword(first[0]) if first else ""
        found = [d for d in intended[i] if d.matches(text)]
        args = found[0].arguments(text) if found else {}
        right += all(str(args.get(k, "")) == v for k, v in items[i]["values"].items())
    if valued:
        print(f"first suggestion carries the author's values in their places: {right}/{len(valued)}")
    never = [i for i, item in enumerate(items) if item.get("never")]
    if never:
        offered = sum(1 for i in never if any(is_intended(line, intended_defs(catalogue, items[i]["never"]))
                                              for line in rows[i][1][:3]))
        print(f"opposite step offered in the first three: {offered}/{len(never)}")
    lines = [line for _, found in rows for line in found]
    spoken = [line for line in lines if DEMO_WORDS.search(line)]
    print(f"suggestions holding a word of the demo's domain: {len(spoken)}/{len(lines)}")


def report(catalogue: list[StepDef], settings, items: list[dict], args: argparse.Namespace) -> None:  # type: ignore[no-untyped-def]
    intended = [intended_defs(catalogue, item["intended"]) if item.get("intended") else [] for item in items]
    n = sum(1 for wanted in intended if wanted)
    rows = through_checker(catalogue, settings, items)
    understood = sum(1 for (status, _), wanted in zip(rows, intended, strict=True) if status == "understood" and wanted)
    top1, top3, misses = score(rows, intended)
    print(f"{n} reworded steps, {len(catalogue)} steps in the catalogue")
    print(f"understood as written (synonyms in the step phrases): {understood}")
    print(f"intended step first  (top-1): {top1}/{n} = {top1 / n:.0%}")
    print(f"intended step in top 3      : {top3}/{n} = {top3 / n:.0%}")
    undefined = [i for i, (status, _) in enumerate(rows) if status == "undefined" and intended[i]]
    if undefined:
        u1 = sum(1 for i in undefined if i not in misses)
        print(f"among the {len(undefined)} the checker had to suggest for: top-1 {u1}/{len(undefined)} "
              f"= {u1 / len(undefined):.0%}")
    words_and_polarity(catalogue, items, rows, intended)
    if args.compare and undefined:
        for label, weight in (("spelling only", 0.0), ("meaning only", 1.0), ("combined", MEANING_WEIGHT)):
            queries = [(kind_of(items[i]["step"]), strip_keyword(items[i]["step"]), strip_keyword(items[i]["step"]))
                       for i in undefined]
            ranked = suggest(queries, catalogue, meaning_weight=weight)
            t1 = sum(1 for i, picks in zip(undefined, ranked, strict=True)
                     if picks and is_intended(picks[0].text, intended[i]))
            t3 = sum(1 for i, picks in zip(undefined, ranked, strict=True)
                     if any(is_intended(p.text, intended[i]) for p in picks[:3]))
            m = len(undefined)
            print(f"  ranking by {label:<13} (weight {weight:.2f}): top-1 {t1}/{m}, top-3 {t3}/{m}")
    if args.show_misses:
        for i in misses:
            print(f"  miss: {items[i]['step']!r} -> {rows[i][1][:1]} (meant {items[i]['intended']!r})")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA, help="the labelled rewordings (JSON lines)")
    parser.add_argument("--compare", action="store_true", help="also rank by spelling only and meaning only")
    parser.add_argument("--show-misses", action="store_true", help="print the steps whose first suggestion is wrong")
    args = parser.parse_args()
    settings = load_settings()
    catalogue = load_catalogue(settings)
    items = [json.loads(line) for line in args.data.read_text(encoding="utf-8").splitlines() if line.strip()]
    splits = sorted({item.get("split", "") for item in items}, key=lambda name: name != "report")
    for split in splits:
        if split:
            print(f"\n== split {split!r}" + (" (the figure to quote)" if split == "report" else
                                              " (looked at while tuning: not a figure)"))
        report(catalogue, settings, [item for item in items if item.get("split", "") == split], args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
