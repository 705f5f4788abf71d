"""Benchmark: do the checks catch the demo portal's catalogued defects, and stay quiet on the warm portal?

For each defect in `harness/demo/defects.yaml`: serve the warm portal with only that defect on, run the
features of its journey (all built-in personas the features name), and record which rules failed
(and which could not tell). Then run the warm portal over every feature and count each rule's failed
findings: false alarms. Rules that fire on a defect run but not on the warm run of the same journey are
reported as "new". Per rule: true positives, false negatives, false alarms, precision, recall, where a
positive is "the rule failed a scenario of a run" and the catalogue says which rule each defect must trip.

Each run is its own process (portal, pytest with the plugin, a temp reports folder), `--jobs` at once.

Usage: python bench/checks_quality.py [--defects a,b] [-n 2] [--jobs 2] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from demo_runs import RunOutcome, features_for, finish_job, start_job  # noqa: E402


def fired(outcome: RunOutcome, outcome_name: str = "failed") -> Counter[str]:
    """Rule id -> number of findings with that outcome over the run's scenarios."""
    return Counter(f["rule"] for s in outcome.scenarios for f in s["findings"] if f["outcome"] == outcome_name)


def run_all(defects: dict[str, dict], workers: str | None, jobs: int) -> tuple[dict[str, RunOutcome], RunOutcome]:
    """Every defect run plus one warm run of all features, `jobs` processes at a time."""
    tmp = Path(tempfile.mkdtemp(prefix="empathy-quality-"))

    def one(key: str) -> tuple[str, RunOutcome]:
        if key == "__warm__":
            job = start_job("warm", [], [], workers=workers, reports=tmp / "warm")
        else:
            feature = str(features_for(defects[key]["journey"]))
            job = start_job("warm", [key], [feature], workers=workers, reports=tmp / key)
        return key, finish_job(job)

    with ThreadPoolExecutor(max_workers=jobs) as pool:
        done = dict(pool.map(one, ["__warm__", *defects]))
    return {k: v for k, v in done.items() if k != "__warm__"}, done["__warm__"]


def warm_by_feature(warm: RunOutcome) -> dict[str, Counter[str]]:
    """Failed rules on the warm portal per feature name, to tell which defect-run findings are new."""
    out: dict[str, Counter[str]] = {}
    for s in warm.scenarios:
        out.setdefault(s["feature"], Counter()).update(f["rule"] for f in s["findings"] if f["outcome"] == "failed")
    return out


def score(defects: dict[str, dict], runs: dict[str, RunOutcome], warm: RunOutcome) -> dict:
    """The table rows and per-rule precision/recall."""
    baseline = warm_by_feature(warm)
    rows = []
    for key, info in defects.items():
        run = runs[key]
        failed, cant = fired(run), fired(run, "cantTell")
        features = {s["feature"] for s in run.scenarios}
        warm_rules = set().union(*(set(baseline.get(f, ())) for f in features)) if features else set()
        rows.append({"defect": key, "journey": info["journey"], "expected_rule": info["expected_rule"],
                     "caught": failed[info["expected_rule"]] > 0, "cant_tell": cant[info["expected_rule"]] > 0,
                     "failed": dict(failed), "new_rules": sorted(set(failed) - warm_rules - {info["expected_rule"]}),
                     "scenarios": len(run.scenarios), "seconds": round(run.seconds, 1),
                     "error": run.error[-600:]})
    warm_failed = fired(warm)
    by_persona: dict[str, dict[str, Counter[str]]] = {}
    for sc in warm.scenarios:
        row = by_persona.setdefault(sc["persona"], {"failed": Counter(), "cantTell": Counter()})
        for f in sc["findings"]:
            if f["outcome"] in row:
                row[f["outcome"]][f["rule"]] += 1
    rules = sorted({r["expected_rule"] for r in rows} | set(warm_failed) | {x for r in rows for x in r["failed"]})
    per_rule = {}
    for rule in rules:
        tp = sum(1 for r in rows if r["expected_rule"] == rule and r["caught"])
        fn = sum(1 for r in rows if r["expected_rule"] == rule and not r["caught"])
        # a wrong-rule alarm on a defect run (new relative to warm) or any failed finding on warm
        fp_defects = sum(1 for r in rows if rule in r["new_rules"])
        fp_warm = warm_failed[rule]
        fp = fp_defects + fp_warm
        per_rule[rule] = {"tp": tp, "fn": fn, "false_alarms_warm": fp_warm, "wrong_defect_alarms": fp_defects,
                          "precision": round(tp / (tp + fp), 3) if tp + fp else None,
                          "recall": round(tp / (tp + fn), 3) if tp + fn else None}
    return {"defects": rows, "rules": per_rule, "warm": {"scenarios": len(warm.scenarios),
                                                         "failed": dict(warm_failed),
                                                         "cant_tell": dict(fired(warm, "cantTell")),
                                                         "by_persona": {p: {k: dict(v) for k, v in row.items()}
                                                                        for p, row in sorted(by_persona.items())},
                                                         "seconds": round(warm.seconds, 1),
                                                         "error": warm.error[-600:]}}


def print_tables(report: dict) -> None:
    print(f"{'defect':26} {'expected rule':20} {'caught':7} {'cantTell':8} other new rules")
    for r in report["defects"]:
        caught = "yes" if r["caught"] else ("ERROR" if r["error"] else "no")
        print(f"{r['defect']:26} {r['expected_rule']:20} {caught:7} {'yes' if r['cant_tell'] else '':8} "
              f"{', '.join(r['new_rules']) or '-'}")
    w = report["warm"]
    print(f"\nwarm portal: {w['scenarios']} scenarios, failed findings {w['failed'] or '{}'}, "
          f"cantTell {w['cant_tell'] or '{}'}")
    for persona, row in w.get("by_persona", {}).items():
        print(f"  {persona:16} failed {row['failed'] or '{}'}  cantTell {row['cantTell'] or '{}'}")
    print(f"\n{'rule':20} {'TP':>3} {'FN':>3} {'FA warm':>8} {'FA wrong':>8} {'precision':>9} {'recall':>7}")
    for rule, s in report["rules"].items():
        p = "-" if s["precision"] is None else f"{s['precision']:.2f}"
        r = "-" if s["recall"] is None else f"{s['recall']:.2f}"
        print(f"{rule:20} {s['tp']:>3} {s['fn']:>3} {s['false_alarms_warm']:>8} {s['wrong_defect_alarms']:>8} "
              f"{p:>9} {r:>7}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--defects", default="", help="comma-separated defect ids (default: the whole catalogue)")
    parser.add_argument("-n", dest="workers", default="2", help="xdist workers inside each run (default 2)")
    parser.add_argument("--jobs", type=int, default=2, help="runs (portals) at once (default 2)")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    args = parser.parse_args(argv)

    from harness.demo.defects import DEFECTS

    catalogue = {key: {"journey": d.journey, "expected_rule": d.expected_rule} for key, d in DEFECTS.items()}
    wanted = [d for d in args.defects.split(",") if d]
    unknown = [d for d in wanted if d not in catalogue]
    if unknown:
        print(f"bench: unknown defect(s) {', '.join(unknown)}; known: {', '.join(catalogue)}", file=sys.stderr)
        return 2
    defects = {k: v for k, v in catalogue.items() if not wanted or k in wanted}
    started = time.perf_counter()
    load_before = os.getloadavg()
    runs, warm = run_all(defects, None if args.workers in ("0", "1") else args.workers, args.jobs)
    report = score(defects, runs, warm)
    report["total_seconds"] = round(time.perf_counter() - started, 1)
    # the timing rules must hold on a loaded machine: say how loaded it was (1-minute average, 2 cores)
    report["load_average"] = {"start": [round(x, 2) for x in load_before],
                              "end": [round(x, 2) for x in os.getloadavg()]}
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        print_tables(report)
        print(f"\ntotal {report['total_seconds']} s; load average (1, 5, 15 min) at start "
              f"{report['load_average']['start']}, at end {report['load_average']['end']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
