"""Score `empathy audit` (no feature file) on the real third-party sites against their expected.md.

For each site (already running on 127.0.0.1; the lead keeps them up), run `empathy audit <base_url>`
in the site's workspace folder (its pyproject.toml gives the base URL and allowed hosts; the audit
writes its own features) with the workspace's own persona first (its seeded account, so the audit can
sign in), then anxious and hurried, within the default time budget; then match the audit's failed
findings to the site's expected rows. The audit names its own journeys, so a finding matches a row on
rule (or alternate) and evidence alone, whatever the journey. Every failed finding that matches no row
is a candidate false alarm, printed for a reviewer; those a borderline item of the same rule quotes
are counted apart.

That match flatters a row whose evidence is `-`: it takes any finding of its rule, on any page. So the
script prints a second figure, **by evidence**, the one a new customer would see: a row with evidence is
found as above (its words are in the finding, wherever the audit met them); a `-` row is found only by a
failed finding of its rule (or alternate) on one of the row's own pages, whatever the audit calls its
journey. The row's page is the page its journey's scenarios go on from in the site's own features,
written before any audit ran: each scenario's last opened page (`I open the "<name>" page` through
`[tool.empathy.pages]`, or `I open "<address>"`), else its Background's last when nothing is pressed after it
there (a sign-in leads to a page the text does not name: such a row has no page and is not found by
evidence; so is a scenario's press after its own sign-in). A finding is on a page when the step it was
found at started or ended there (the step's
addresses in the audit's transcript). Two addresses are one page when their paths are
equal, a run of digits matching any other (`/issue1`, `/issue2`), and the row's page's query parameters
are all in the finding's address with the same values (`/doku.php?do=login` is `?id=start&do=login`).
So the figure is a lower bound for a row met a press or two past its journey's page (a form the page's
press opens elsewhere is still found, as its press started on the page).
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import time
import tomllib
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import yaml
from gherkin.parser import Parser
from score import Found, Row, parse_expected, read_run, sites

REPO = Path(__file__).resolve().parents[2]


def _matches(row: Row, f: Found) -> bool:
    return f.rule in row.rules() and (row.evidence in ("", "-") or row.evidence.lower() in f.text)


def journey_pages(site_dir: Path, config: dict[str, object]) -> dict[str, set[str]]:
    """Journey -> the pages its scenarios go on from in the site's own features: each scenario's last opened page,
    else its Background's when nothing is pressed after it there (a press leads to a page the text does not name)."""
    named = config.get("pages") if isinstance(config.get("pages"), dict) else {}
    assert isinstance(named, dict)
    out: dict[str, set[str]] = {}

    def last_opened(steps: list[dict[str, Any]], *, presses_leave: bool = True) -> str | None:
        """The last page the steps open ("" when a step after it may have left it; None when they open none). A
        scenario's own presses start on its page (`presses_leave` False), unless one follows a sign-in there: that
        press is on the page the sign-in led to, which the text does not name."""
        page, signed_in = None, False
        for step in steps:
            if m := re.fullmatch(r'I open the "([^"]+)" page', step["text"]):
                page, signed_in = str(named.get(m.group(1), "")), False
            elif m := re.fullmatch(r'I open "(/[^"]*)"', step["text"]):
                page, signed_in = m.group(1), False
            elif page and re.match(r"I (press|search|sign in|click)", step["text"]):
                page = "" if presses_leave or signed_in else page
                signed_in = signed_in or step["text"].startswith("I sign in")
        return page

    for path in sorted((site_dir / str(config.get("features_dir", "features"))).glob("*.feature")):
        feature: dict[str, Any] = dict(Parser().parse(path.read_text(encoding="utf-8")).get("feature") or {})
        tags = [t["name"] for t in feature.get("tags", [])]
        background: str | None = None
        for child in feature.get("children", []):
            if "background" in child:
                background = last_opened(child["background"]["steps"])
            elif "scenario" in child:
                scenario = child["scenario"]
                own = any(re.fullmatch(r'I open (the "[^"]+" page|"/[^"]*")', s["text"]) for s in scenario["steps"])
                page = last_opened(scenario["steps"], presses_leave=False) if own else background
                for tag in tags + [t["name"] for t in scenario["tags"]]:
                    if tag.startswith("@journey:"):
                        out.setdefault(tag.removeprefix("@journey:"), set()).update([page] if page else [])
    return out


def same_page(page: str, address: str) -> bool:
    """`address` is the page `page` (a path, maybe with a query): the rule is in the module docstring."""
    want, got = urlsplit(page), urlsplit(address)
    if re.sub(r"\d+", "#", want.path) != re.sub(r"\d+", "#", got.path):
        return False
    return set(parse_qsl(want.query)) <= set(parse_qsl(got.query))


def by_evidence(row: Row, f: Found, pages: dict[str, set[str]]) -> bool:
    """`f` finds `row` by its evidence, or, for a `-` row, on one of its journey's own pages."""
    if not _matches(row, f):
        return False
    return row.evidence not in ("", "-") or any(same_page(p, a) for p in pages.get(row.journey, ())
                                                for a in f.pages)


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
        pages = journey_pages(site_dir, tomllib.loads((site_dir / "pyproject.toml").read_text(encoding="utf-8"))
                              ["tool"]["empathy"])
        evident = [r for r in raised if any(by_evidence(r, f, pages) for f in failed)]
        unmatched = [f for f in failed if not any(_matches(r, f) for r in expected.findings)]
        excused = [f for f in unmatched if any(b.rule == f.rule and b.quotes and
                                               any(q.lower() in f.message.lower() for q in b.quotes)
                                               for b in expected.borderline)]
        alarms = [f for f in unmatched if f not in excused]
        print(f"== {site_dir.name}: {len(journeys)} journey(s) audited, exit {code}, {seconds:.0f} s")
        for r in expected.findings:
            mark = "RAISED" if r in evident else "raised only by the scorer" if r in raised else "missed"
            print(f"  {mark} {r.id} {r.rule} ({r.journey}): {r.evidence}")
            if r in raised:  # what matched it, for a reviewer (a row whose evidence is "-" takes any of its rule)
                hit = next((f for f in failed if by_evidence(r, f, pages)), None) or next(
                    f for f in failed if _matches(r, f))
                where = f" at {hit.pages[-1]}" if hit.pages else ""
                print(f"      by [{hit.persona}] {hit.scenario[:60]}{where}: {hit.message[:140]}")
            if r in raised and r not in evident:
                print(f"      (its evidence is '-' and no finding of its rule is on its pages: "
                      f"{', '.join(sorted(pages.get(r.journey, ()))) or 'none opened'})")
        for f in alarms:
            print(f"  candidate false alarm: {f.rule} [{f.persona}] {f.scenario[:60]}: {f.message[:160]}")
        rows.append((site_dir.name, len(raised), len(evident), len(expected.findings), len(alarms), len(excused),
                     seconds))
    print("\n| site | expected raised (any page) | by evidence | candidate false alarms | excused by borderline "
          "| time (s) |")
    print("| --- | --- | --- | --- | --- | --- |")
    for name, n_raised, n_evident, total, n_alarms, n_excused, secs in rows:
        print(f"| {name} | {n_raised} of {total} | {n_evident} of {total} | {n_alarms} | {n_excused} | {secs:.0f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
