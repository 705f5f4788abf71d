"""Score the harness on the real third-party sites against the truth written before it ran.

For each site folder here that has an `expected.md` (or the sites named): bring the site up with its
`up.sh`, run `empathy run --fail-on never` in its workspace with the reports under `.work/reports`,
match the run's failed findings to the expected rows, print recall, candidate false alarms and the
expected passes, then stop the site with `down.sh`.

    python bench/real_sites/score.py                 # every site
    python bench/real_sites/score.py wagtail --no-up # a site that is already running
    python bench/real_sites/score.py --no-run        # score the last run again, without a browser

A finding matches an expected row when it is in a scenario tagged `@journey:<journey>`, its rule is the
row's rule or alternate, and the row's evidence (case-insensitive) is in the finding's message,
evidence, step or target (evidence `-`: any finding of that rule in that journey). A row counts as
exercised when a scenario of its journey ran; raised when a failed finding matches; a cantTell match
counts half. A failed finding that matches no expected row and no borderline item (`journey` rule: …)
is a candidate false alarm, printed with its message for a reviewer to judge. An expected pass is quiet
when no failed finding of its rule in its journey is left unexplained by an expected finding.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
RULES = ("repeated-prompt", "lost-context", "cold-copy", "missing-reassurance", "friction")
FINDING_COLUMNS = ("id", "journey", "rule", "alternate", "confidence", "evidence", "what the page shows")
PASS_COLUMNS = ("id", "journey", "rule", "what the site does well (quoted)")


class ExpectedError(ValueError):
    """expected.md does not follow the format; the message names the file and line."""


@dataclass(frozen=True)
class Row:
    """One expected finding (evidence, alternate) or expected pass (evidence '-')."""

    id: str
    journey: str
    rule: str
    alternate: str = "-"
    evidence: str = "-"
    shows: str = ""

    def rules(self) -> set[str]:
        return {self.rule} | ({self.alternate} if self.alternate not in ("", "-") else set())


@dataclass
class Expected:
    findings: list[Row] = field(default_factory=list)
    passes: list[Row] = field(default_factory=list)
    borderline: list[Borderline] = field(default_factory=list)


@dataclass(frozen=True)
class Borderline:
    """A borderline item ``- `journey` rule: …``; its quoted texts, when it has any, narrow what it excuses
    to findings whose message quotes one of them (not the step: a step's words are in every finding of it)."""

    journey: str
    rule: str
    quotes: tuple[str, ...] = ()

    def excuses(self, f: Found) -> bool:
        return (f.journey == self.journey and f.rule == self.rule
                and (not self.quotes or any(q.lower() in f.message.lower() for q in self.quotes)))


@dataclass(frozen=True)
class Found:
    """A finding of the run with the journey of its scenario and the text a match may look in."""

    journey: str
    rule: str
    outcome: str
    persona: str
    scenario: str
    message: str
    text: str
    pages: tuple[str, ...] = ()  # the addresses its step started and ended on (from the transcript)

    @property
    def failed(self) -> bool:
        return self.outcome == "failed"


def _cells(line: str) -> list[str]:
    return [c.strip() for c in line.strip().strip("|").split("|")]


def parse_expected(path: Path) -> Expected:
    """Read the three sections of an expected.md (see bench/real_sites/README.md for the format)."""
    out, section, header = Expected(), "", None
    lines = path.read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines, 1):
        if line.startswith("## "):
            section, header = line[3:].strip().lower(), None
            continue
        if section == "borderline" and line.lstrip().startswith("- "):
            # ``- `journey` rule: …``, or several pairs joined by "and" before the colon
            m = re.match(r"\s*-\s*((?:`[^`]+`\s*[a-z-]+(?:\s*(?:,|and)\s*)?)+)", line)
            pairs = [(j, r) for j, r in re.findall(r"`([^`]+)`\s*([a-z-]+)", m.group(1)) if r in RULES] if m else []
            quotes = tuple(a or b for a, b in re.findall(r'"([^"]{4,})"|“([^”]{4,})”', line))
            out.borderline.extend(Borderline(journey, rule, quotes) for journey, rule in pairs)
            continue
        if section not in ("expected findings", "expected passes") or not line.lstrip().startswith("|"):
            continue
        cells = _cells(line)
        if header is None:
            header = [c.lower() for c in cells]
            want = FINDING_COLUMNS if section == "expected findings" else PASS_COLUMNS
            if tuple(header) != want:
                raise ExpectedError(f"{path}:{number}: the {section} table's columns must be "
                                    f"| {' | '.join(want)} |, not | {' | '.join(cells)} |")
            continue
        if set("".join(cells)) <= set("-: "):
            continue  # the |---| line
        if len(cells) != len(header):
            raise ExpectedError(f"{path}:{number}: {len(cells)} cells, the header has {len(header)} "
                                "(a '|' inside a quote must be written '\\|')")
        row = dict(zip(header, cells, strict=True))
        for key in ("rule", "alternate"):
            if row.get(key, "-") not in (*RULES, "-"):
                raise ExpectedError(f"{path}:{number}: {key} {row[key]!r} is not one of {', '.join(RULES)} (or -)")
        if section == "expected findings":
            out.findings.append(Row(row["id"], row["journey"], row["rule"], row["alternate"],
                                    row["evidence"], row["what the page shows"]))
        else:
            out.passes.append(Row(row["id"], row["journey"], row["rule"], shows=row[PASS_COLUMNS[-1]]))
    if not out.findings:
        raise ExpectedError(f"{path}: no '## Expected findings' table")
    return out


def read_run(reports: Path) -> tuple[set[str], list[Found]]:
    """The journeys that ran and every finding, from the run's per-scenario result files (and each finding's
    step's addresses, from its scenario's transcript)."""
    journeys: set[str] = set()
    found: list[Found] = []
    steps = _transcript_steps(reports / "transcripts")
    for path in sorted((reports / "empathy").glob("*.json")):
        result = json.loads(path.read_text(encoding="utf-8"))
        journey = result.get("journey", "")
        journeys.add(journey)
        walked = steps.get((result.get("feature"), result.get("scenario"), result.get("persona")), [])
        for f in result.get("findings", []):
            text = " ".join([f.get("message", ""), f.get("step_text", ""), f.get("target", ""),
                             json.dumps(f.get("evidence", {}), ensure_ascii=False)])
            step = f.get("step")
            pages = walked[step] if isinstance(step, int) and 0 <= step < len(walked) else ()
            found.append(Found(journey, f["rule"], f.get("outcome", "failed"), f.get("persona", ""),
                               f.get("scenario", ""), f.get("message", ""), text.lower(),
                               tuple(dict.fromkeys(u for u in (*pages, f.get("url", "")) if u))))
    return journeys, found


def _transcript_steps(folder: Path) -> dict[tuple[str, str, str], list[tuple[str, str]]]:
    """(feature, scenario, persona) -> each step's (url_before, url_after)."""
    out: dict[tuple[str, str, str], list[tuple[str, str]]] = {}
    for path in sorted(folder.glob("*.json")):
        t = json.loads(path.read_text(encoding="utf-8"))
        out[(t.get("feature"), t.get("scenario"), t.get("persona_name"))] = [
            (s.get("url_before", ""), s.get("url_after", "")) for s in t.get("steps", [])]
    return out


def stopped_journeys(site_dir: Path, reports: Path) -> dict[str, str]:
    """Journey -> the first step error, for journeys whose every scenario stopped on a failing step
    (from the run's junit.xml): the rows of such a journey were never reached, so they are not scored."""
    path = reports / "junit.xml"
    if not path.is_file():
        return {}
    outcomes: dict[str, list[str]] = {}
    for case in ET.parse(path).getroot().iter("testcase"):
        feature = site_dir / (case.get("classname", "").replace(".", "/").removesuffix("/feature") + ".feature")
        problem = case.find("failure") if case.find("failure") is not None else case.find("error")
        error = "" if problem is None else (problem.get("message") or "failed").splitlines()[0][:160]
        text = feature.read_text(encoding="utf-8") if feature.is_file() else ""
        for journey in set(re.findall(r"@journey:([\w-]+)", text)):
            outcomes.setdefault(journey, []).append(error)
    return {j: errors[0] for j, errors in outcomes.items() if all(errors)}


def matches(row: Row, f: Found) -> bool:
    return (f.journey == row.journey and f.rule in row.rules()
            and (row.evidence in ("", "-") or row.evidence.lower() in f.text))


@dataclass
class SiteScore:
    site: str
    blocked: dict[str, str] = field(default_factory=dict)  # row id -> the step error that stopped its journey
    exercised: list[Row] = field(default_factory=list)
    raised: list[Row] = field(default_factory=list)
    cant_tell: list[Row] = field(default_factory=list)
    missed: list[Row] = field(default_factory=list)
    false_alarms: list[Found] = field(default_factory=list)
    borderline: list[Found] = field(default_factory=list)  # failed findings a borderline item excuses
    passes: list[tuple[Row, list[Found]]] = field(default_factory=list)  # (pass, failed findings against it)

    @property
    def recall(self) -> float | None:
        if not self.exercised:
            return None
        return (len(self.raised) + 0.5 * len(self.cant_tell)) / len(self.exercised)


def score(site: str, expected: Expected, journeys: set[str], found: list[Found],
          stopped: dict[str, str] | None = None) -> SiteScore:
    """Match the run's findings to the expected rows (the rules are in the module docstring)."""
    out, stopped = SiteScore(site), stopped or {}
    failed = [f for f in found if f.failed]
    for row in expected.findings:
        if row.journey not in journeys:
            continue
        if row.journey in stopped:
            out.blocked[row.id] = stopped[row.journey]
            continue
        out.exercised.append(row)
        if any(matches(row, f) for f in failed):
            out.raised.append(row)
        elif any(matches(row, f) for f in found if f.outcome == "cantTell"):
            out.cant_tell.append(row)
        else:
            out.missed.append(row)
    explained = [f for f in failed if any(matches(row, f) for row in expected.findings)]
    for f in failed:
        if f in explained:
            continue
        if any(b.excuses(f) for b in expected.borderline):
            out.borderline.append(f)
        else:
            out.false_alarms.append(f)
    for row in expected.passes:
        if row.journey in journeys and row.journey not in stopped:
            out.passes.append((row, [f for f in failed if f.journey == row.journey and f.rule == row.rule
                                     and f not in explained]))
    return out


def _pct(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.2f}"


def report(s: SiteScore, expected: Expected) -> str:
    """Per rule and in total: exercised, raised, cantTell, recall; then false alarms and passes."""
    lines = [f"== {s.site}", f"{'rule':<20} {'exercised':>9} {'raised':>6} {'cantTell':>8} {'recall':>6} "
             f"{'false alarms':>12}"]
    for rule in (*RULES, "all"):
        def pick(rows: Iterable[Row], rule: str = rule) -> list[Row]:
            return [r for r in rows if rule in ("all", r.rule)]
        ex, ra, ct = pick(s.exercised), pick(s.raised), pick(s.cant_tell)
        fa = [f for f in s.false_alarms if rule in ("all", f.rule)]
        recall = (len(ra) + 0.5 * len(ct)) / len(ex) if ex else None
        if ex or fa or rule == "all":
            lines.append(f"{rule:<20} {len(ex):>9} {len(ra):>6} {len(ct):>8} {_pct(recall):>6} {len(fa):>12}")
    unexercised = [r.id for r in expected.findings if r not in s.exercised and r.id not in s.blocked]
    if unexercised:
        lines.append(f"not exercised (no scenario tagged with their journey): {', '.join(unexercised)}")
    for row_id, error in s.blocked.items():
        lines.append(f"blocked (every scenario of its journey stopped on a step): {row_id}: {error}")
    for label, rows in (("raised", s.raised), ("cantTell", s.cant_tell), ("missed", s.missed)):
        if rows:
            lines.append(f"{label}: " + ", ".join(f"{r.id} ({r.rule})" for r in rows))
    for label, found in (("candidate false alarms", s.false_alarms), ("excused by a borderline item", s.borderline)):
        lines.append(f"{label}: {len(found)}")
        lines += [f"  - [{f.journey}] {f.rule} ({f.persona}): {f.message}" for f in found]
    quiet = sum(1 for _, against in s.passes if not against)
    lines.append(f"expected passes quiet: {quiet} of {len(s.passes)}")
    for row, against in s.passes:
        lines.append(f"  {'quiet' if not against else 'NOT QUIET'}  {row.id} ({row.journey}, {row.rule})")
        for f in against:
            note = " (excused by a borderline item)" if f in s.borderline else ""
            lines.append(f"      - ({f.persona}){note}: {f.message}")
    return "\n".join(lines)


def _script(site_dir: Path, name: str) -> None:
    script = site_dir / name
    if not script.is_file():
        raise SystemExit(f"{script}: missing (each site needs up.sh and down.sh; see bench/real_sites/README.md)")
    done = subprocess.run(["bash", str(script)], cwd=site_dir)
    if done.returncode != 0:
        raise SystemExit(f"{script} exited with {done.returncode}; its output is above")


def run_harness(site_dir: Path, reports: Path) -> None:
    """`empathy run --fail-on never` in the site's workspace, with this checkout's harness."""
    env = dict(os.environ, PYTHONPATH=str(REPO), EMPATHY_REPORTS_DIR=str(reports))
    password = site_dir / ".work" / "password"
    if not env.get("EMPATHY_SITE_PASSWORD") and password.is_file():
        env["EMPATHY_SITE_PASSWORD"] = password.read_text(encoding="utf-8").strip()
    empathy = Path(sys.executable).with_name("empathy")  # the venv's own script, beside its python
    if not empathy.is_file():
        raise SystemExit(f"no `empathy` beside {sys.executable}: run this with the project's venv python")
    subprocess.run([str(empathy), "run", "--fail-on", "never"], cwd=site_dir, env=env)


def sites(names: list[str]) -> list[Path]:
    found = sorted(p.parent for p in HERE.glob("*/expected.md"))
    if not names:
        return found
    by_name = {p.name: p for p in found}
    unknown = [n for n in names if n not in by_name]
    if unknown:
        raise SystemExit(f"no site {', '.join(unknown)} under {HERE} (sites with an expected.md: "
                         f"{', '.join(by_name) or 'none'})")
    return [by_name[n] for n in names]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sites", nargs="*", help="site folder names (default: every folder with an expected.md)")
    parser.add_argument("--no-up", action="store_true", help="reuse sites that are already running (no up.sh/down.sh)")
    parser.add_argument("--no-run", action="store_true", help="score the last run's results without running")
    args = parser.parse_args(argv)
    totals: list[SiteScore] = []
    for site_dir in sites(args.sites):
        try:
            expected = parse_expected(site_dir / "expected.md")
        except ExpectedError as error:
            raise SystemExit(str(error)) from None
        reports = site_dir / ".work" / "reports"
        if not args.no_run:
            if not args.no_up:
                _script(site_dir, "up.sh")
            try:
                run_harness(site_dir, reports)
            finally:
                if not args.no_up:
                    _script(site_dir, "down.sh")
        journeys, found = read_run(reports)
        result = score(site_dir.name, expected, journeys, found, stopped_journeys(site_dir, reports))
        totals.append(result)
        print(report(result, expected), flush=True)
    print(_summary(totals))
    return 0


def _summary(totals: list[SiteScore]) -> str:
    exercised = sum(len(t.exercised) for t in totals)
    raised = sum(len(t.raised) + 0.5 * len(t.cant_tell) for t in totals)
    passes = sum(len(t.passes) for t in totals)
    quiet = sum(1 for t in totals for _, against in t.passes if not against)
    lines = ["== all sites", "| site | expected exercised | blocked | raised | cantTell | recall "
             "| candidate false alarms | passes quiet |", "| --- | --- | --- | --- | --- | --- | --- | --- |"]
    for t in totals:
        lines.append(f"| {t.site} | {len(t.exercised)} | {len(t.blocked)} | {len(t.raised)} | {len(t.cant_tell)} "
                     f"| {_pct(t.recall)} | {len(t.false_alarms)} | {sum(1 for _, a in t.passes if not a)} of "
                     f"{len(t.passes)} |")
    blocked = sum(len(t.blocked) for t in totals)
    lines.append(f"| all | {exercised} | {blocked} | {sum(len(t.raised) for t in totals)} | "
                 f"{sum(len(t.cant_tell) for t in totals)} | {_pct(raised / exercised if exercised else None)} | "
                 f"{sum(len(t.false_alarms) for t in totals)} | {quiet} of {passes} |")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
