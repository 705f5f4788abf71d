"""Score `empathy audit` (no feature file) on the real third-party sites against their expected.md.

For each site (already running on 127.0.0.1; the lead keeps them up), run `empathy audit <base_url>`
in the site's workspace folder (its pyproject.toml gives the base URL and allowed hosts; the audit
writes its own features) with the workspace's own persona first (its seeded account, so the audit can
sign in), then anxious and hurried, within the default time budget; then match the audit's failed
findings to the site's expected rows. The audit names its own journeys, so a finding matches a row on
rule (or alternate) and evidence alone, whatever the journey. Every failed finding that matches no row
is a candidate false alarm, printed for a reviewer; those a borderline item of the same rule quotes
are counted apart.

    python bench/real_sites/audit_score.py                    # every site
    python bench/real_sites/audit_score.py wagtail --minutes 3
    python bench/real_sites/audit_score.py --no-run           # score the last audit again
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
import tomllib
from pathlib import Path

import yaml
from score import Found, Row, parse_expected, read_run, sites

REPO = Path(__file__).resolve().parents[2]


def _matches(row: Row, f: Found) -> bool:
    return f.rule in row.rules() and (row.evidence in ("", "-") or row.evidence.lower() in f.text)


def own_persona(site_dir: Path, config: dict[str, object]) -> str:
    """The workspace's persona with the site's seeded account: its default persona, else the persona with a
    secret (a password) that its features walk most often, by name or alias, as a customer would name it."""
    if config.get("default_persona"):
        return str(config["default_persona"])
    walked = " ".join(p.read_text(encoding="utf-8") for p in sorted((site_dir / "features").glob("*.feature")))
    counts = []
    for file in sorted((site_dir / str(config.get("personas_dir", "personas"))).glob("*.yaml")):
        persona = yaml.safe_load(file.read_text(encoding="utf-8")) or {}
        if (persona.get("data") or {}).get("secrets"):
            names = [persona.get("name", file.stem), *persona.get("aliases", [])]
            counts.append((sum(walked.count(f'"{n}"') + walked.count(f"I am {n}\n") + walked.count(f"| {n} ")
                               for n in names), str(persona.get("name", file.stem))))
    best = max(counts, key=lambda c: (c[0], -len(c[1])), default=(0, ""))  # a tie: the plain persona
    return best[1] if best[0] else ""


def run_audit(site_dir: Path, minutes: float, extra: list[str]) -> tuple[float, int]:
    config = tomllib.loads((site_dir / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["empathy"]
    base = config["base_url"]
    own = own_persona(site_dir, config)  # the workspace's persona with the site's seeded account
    personas = ",".join(p for p in (own, "anxious", "hurried") if p)
    password = site_dir / ".work" / "password"
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    if password.is_file():
        env.setdefault("EMPATHY_SITE_PASSWORD", password.read_text(encoding="utf-8").strip())
    started = time.monotonic()
    done = subprocess.run([sys.executable, "-c", "from harness.cli import main; main()", "audit", base,
                           "--minutes", str(minutes), "--personas", personas, *extra], cwd=site_dir, env=env,
                          check=False)
    return time.monotonic() - started, done.returncode


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sites", nargs="*", help="site folder names (default: every folder with an expected.md)")
    parser.add_argument("--minutes", type=float, default=5.0, help="the audit's time budget (default 5)")
    parser.add_argument("--submit", action="store_true", help="let the audit press irreversible buttons")
    parser.add_argument("--ignore-robots", action="store_true", help="follow links on robots-nofollow pages")
    parser.add_argument("--no-run", action="store_true", help="score the last audit's results without running")
    args = parser.parse_args(argv)
    rows = []
    for site_dir in sites(args.sites):
        expected = parse_expected(site_dir / "expected.md")
        seconds, code = (0.0, 0) if args.no_run else run_audit(site_dir, args.minutes,
                                                                [*(["--submit"] if args.submit else []),
                                                                 *(["--ignore-robots"] if args.ignore_robots else [])])
        journeys, found = read_run(site_dir / ".work" / "reports" / "audit")
        failed = [f for f in found if f.failed]
        raised = [r for r in expected.findings if any(_matches(r, f) for f in failed)]
        unmatched = [f for f in failed if not any(_matches(r, f) for r in expected.findings)]
        excused = [f for f in unmatched if any(b.rule == f.rule and b.quotes and
                                               any(q.lower() in f.message.lower() for q in b.quotes)
                                               for b in expected.borderline)]
        alarms = [f for f in unmatched if f not in excused]
        print(f"== {site_dir.name}: {len(journeys)} journey(s) audited, exit {code}, {seconds:.0f} s")
        for r in expected.findings:
            print(f"  {'RAISED' if r in raised else 'missed'} {r.id} {r.rule} ({r.journey}): {r.evidence}")
            if r in raised:  # what matched it, for a reviewer (a row whose evidence is "-" takes any of its rule)
                hit = next(f for f in failed if _matches(r, f))
                print(f"      by [{hit.persona}] {hit.scenario[:60]}: {hit.message[:140]}")
        for f in alarms:
            print(f"  candidate false alarm: {f.rule} [{f.persona}] {f.scenario[:60]}: {f.message[:160]}")
        rows.append((site_dir.name, len(raised), len(expected.findings), len(alarms), len(excused), seconds))
    print("\n| site | expected raised | candidate false alarms | excused by borderline | time (s) |")
    print("| --- | --- | --- | --- | --- |")
    for name, hit, total, alarms, excused, seconds in rows:
        print(f"| {name} | {hit} of {total} | {alarms} | {excused} | {seconds:.0f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
