"""One audit: scout the site, write the features it walked, run them as a suite, report.

Why the written features are run by `run_suites`, the same as `empathy run`: the transcript, the
checks, the Allure report and the gate are then a written suite's by construction, and a replay of
the written files gives the same findings. The time budget covers all of it: the run's stop margin (its
wind-down, longer on a loaded machine) is set aside first, the scout gets its share of what is left and the run
everything after the scout; when time is up the run is stopped the way Ctrl-C stops it, keeping every scenario
that finished.
"""

from __future__ import annotations

import os
import secrets
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from harness.audit.model import Flow, SiteMap
from harness.audit.probes import Written, features_for
from harness.config import Settings
from harness.exceptions import ConfigError, PersonaError, SiteError
from harness.findings import Finding
from harness.runner.preflight import check_site

if TYPE_CHECKING:
    from harness.audit.scout import Scout
    from harness.personas.model import Persona

SCOUT_SHARE = 0.4  # of the time left once the stop margin is set aside: finding pages and following forms
WIND_DOWN_S = 35.0  # after the last scenario: the browser closed, the summary and the report written
WIND_DOWN_PER_LOAD_S = 0.5  # more per runnable task beyond one a core: on a shared machine all of that is slower
STEP_S = 15.0  # the step under way when the run is stopped inside a scenario (a wait is bounded by the action timeout)
MAX_MARGIN_S = 150.0
RUN_START_S = 17.0  # a run's own start before its first scenario: pytest 8 s and the first browser 9 s at load 30
WATCH_S = 0.2  # how often the run's budget is looked at


@dataclass
class Audit:
    """What one audit did: the site map, the features written, the run's exit code and what it found."""

    site: SiteMap
    features: list[Written]
    folder: Path
    code: int = 0
    time_up: str = ""  # "time is up after 5 minutes" when the budget stopped the run
    findings: list[Finding] = field(default_factory=list)  # failed findings of the run
    journeys: int = 0  # journeys (features) with a scenario reported
    scenarios: int = 0  # scenarios reported
    skipped_personas: list[str] = field(default_factory=list)
    report: Path | None = None  # the Allure HTML report, when it could be built


def audit_settings(settings: Settings, url: str, seed: int | None) -> Settings:
    """The settings of an audit: the site under test, the seed, reports under `<reports_dir>/audit`, and a
    fresh `identity` (unless the workspace sets one): the people it makes up are new each run, so a sign-up
    probe never meets the account an earlier audit left on a site that is not reset. Each persona signs in once per
    browser (`keep_sign_in`): a probe's time goes to the probe, not to the same sign-in again."""
    if not url.startswith(("http://", "https://")) or not urlsplit(url).hostname:
        raise ConfigError(f"empathy audit: {url!r} is not a web address",
                          hint="give one such as https://staging.example.com")
    parts = urlsplit(url)
    reports = settings.path("reports_dir") / "audit"
    # the features open paths on the site's origin, so a replay needs only `--base-url`
    update: dict[str, object] = {"base_url": f"{parts.scheme}://{parts.netloc}", "reports_dir": str(reports),
                                 "features_dir": str(reports / "features"), "keep_sign_in": True}
    if seed is not None:
        update["seed"] = seed
    if settings.base_url and urlsplit(settings.base_url).netloc != parts.netloc:
        update["pages"] = {}  # the workspace names pages of its own site, not of the one audited
    if not settings.identity:
        update["identity"] = secrets.token_hex(4)
    return settings.model_copy(update=update)  # the root (and so relative folders) stays the project's


@dataclass
class Walkers:
    """The personas that can walk the site, those with an account (a password), those skipped and why."""

    first: Persona  # the one the scout explores as
    newcomer: Persona | None = None  # the first with no account: the scout signs up as them, as the features do
    names: list[str] = field(default_factory=list)
    signers: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


def usable_personas(names: list[str], settings: Settings) -> Walkers:
    """Load each persona; one whose secret is not set is skipped (said), not fatal; none at all is an error."""
    from harness.personas.data import generate_data
    from harness.personas.loader import load_persona, persona_files, resolve_name

    files = persona_files(settings)
    usable: list[Persona] = []
    newcomers: list[Persona] = []
    signers: list[str] = []
    skipped: list[str] = []
    for name in names:
        persona = load_persona(resolve_name(name, files), settings)
        try:
            data = generate_data(persona, run_seed=settings.seed, scenario="audit")
        except PersonaError as exc:
            skipped.append(f"{persona.name}: {exc.message}")
            continue
        usable.append(persona)
        if "password" in data:
            signers.append(persona.name)
        else:
            newcomers.append(persona)
    if not usable:
        raise PersonaError("empathy audit: no persona can walk the site", hint="; ".join(skipped) or "name one")
    return Walkers(first=usable[0], newcomer=next(iter(newcomers), None), names=[p.name for p in usable],
                   signers=signers, skipped=skipped)


def named_pages(settings: Settings) -> tuple[str, ...]:
    """The paths of the pages the workspace names (`[tool.empathy.pages]`) on the audited site: a page no
    link reaches (a contact form, a shop behind a marketing site) is still one a person is sent to."""
    from harness.audit.model import path_and_query

    site = urlsplit(settings.base_url).netloc
    urls = [settings.page_url(p) for p in settings.pages.values()]
    return tuple(path_and_query(u) for u in urls if urlsplit(u).netloc == site)


def write_features(written: list[Written], folder: Path) -> None:
    """Replace the folder's feature files with the audit's."""
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.feature"):
        old.unlink()
    for w in written:
        (folder / w.name).write_text(w.text, encoding="utf-8")


def check_features(folder: Path, settings: Settings) -> None:
    """The written features pass `empathy check` (a failure here is the audit's own bug: say so)."""
    from harness.features.catalogue import load_catalogue
    from harness.features.checker import Checker

    result = Checker(load_catalogue(settings), settings).check_paths([folder])
    errors = [d for d in result.diagnostics if d.severity == "error"]
    if errors:
        raise ConfigError(f"empathy audit wrote a feature that `empathy check` refuses: {errors[0]}",
                          hint="please report it with the feature file; the others are in " + str(folder))


def run_audit(settings: Settings, start: str, *, personas: list[str], pages: int, minutes: float, submit: bool,
              ignore_robots: bool = False, say: Callable[[str], None]) -> Audit:
    """Scout from `start` (a path), write, run and report within `minutes`; Ctrl-C keeps what was found."""
    from harness.audit.scout import Scout
    from harness.browser.session import launch_browser

    began = time.monotonic()
    deadline = began + minutes * 60.0

    def progress(what: str) -> None:
        left = max(0, int(deadline - time.monotonic()))
        say(f"{what} ({left // 60}:{left % 60:02d} left)")

    # a site that is down or mistyped: one line and exit 6, as `empathy run`
    check_site(settings.base_url, named="the address", fix="the address given to `empathy audit`")
    walkers = usable_personas(personas, settings)
    for why in walkers.skipped:
        say(f"persona skipped: {why}")
    margin = stop_margin(*_load())
    scout = Scout(settings, walkers.first, newcomer=walkers.newcomer, start=start, pages=pages,
                  deadline=scout_until(time.monotonic(), deadline, margin), submit=submit,
                  ignore_robots=ignore_robots, also=named_pages(settings), progress=progress,
                  run_until=deadline - margin, scenarios=lambda site: sum(
                      w.scenarios for w in features_for(site, walkers.names, walkers.signers)))
    with launch_browser(settings) as browser:  # closed before the run: Playwright's sync API runs one at a time
        site = scout.run(browser)
    if not site.pages and site.stopped != "interrupted":  # the features of an earlier audit stay
        raise SiteError(f"the audit opened no page of {settings.page_url(start)}: "
                        f"{site.skipped[0] if site.skipped else 'nothing to explore there'}",
                        hint="check the address (and allowed_hosts), then run the audit again")
    folder = settings.path("features_dir")
    result = Audit(site=site, features=[], folder=folder, skipped_personas=walkers.skipped)
    ran: list[Flow | None] = []  # the flows whose features a round ran (None: the error pages', the sign-out's)
    while True:
        result.features = features_for(site, walkers.names, walkers.signers)
        write_features(result.features, folder)  # every flow so far, named in one order, as a replay runs them
        todo = [w for w in result.features if not any(w.flow is f for f in ran)]
        progress(f"wrote {len(result.features)} feature(s), {sum(w.scenarios for w in result.features)} "
                 f"scenario(s) to {folder}" + (f"; running the {len(todo)} new" if ran else ""))
        if site.stopped == "interrupted" and not ran:  # nothing walked yet: the features alone
            result.code = 130
            return result
        if site.stopped == "interrupted" or not todo:
            result.code = 130 if site.stopped == "interrupted" else result.code
            break
        check_features(folder, settings)
        result.code, result.time_up = _run(settings, folder, deadline, f"time is up after {minutes:g} minutes",
                                           say=progress, files=[folder / w.name for w in todo], keep=bool(ran))
        ran += [w.flow for w in todo]
        if not more_time(deadline, result, scout.walk_s):
            break
        progress("time left after the run: the scout follows more forms")
        with launch_browser(settings) as browser:
            more = _next_round(scout, browser, deadline, sum(w.scenarios for w in result.features))
        if more is None:  # said: a round that found nothing still took its time
            progress("the scout found no new form")
            break
        site = more
    if not result.features:
        return result
    _reported(settings, result)
    result.report = _report(settings, say)
    return result


def _next_round(scout: Scout, browser: Any, deadline: float, ran: int) -> SiteMap | None:
    """The scout follows more forms (and reads more pages) with its share of the time left; None when none."""
    margin = stop_margin(*_load())
    scout.deadline, scout.run_until = scout_until(time.monotonic(), deadline, margin), deadline - margin
    before = len(scout.site.flows)
    site = scout.run(browser, ran=ran)
    return site if len(site.flows) > before or site.stopped == "interrupted" else None


def more_time(deadline: float, audit: Audit, walk: float) -> bool:
    """A run that ended with its scenarios all walked and time to spare leaves room for another round: the scout
    follows more forms and the run walks their features. At load 41 django-auth's one round ended 85 s early, every
    scenario walked, four forms found and not followed. To spare: beyond the stop margin, a run's start, one walk as
    long as the scout's (`walk`) and one scenario at this run's pace. A fixed 60 s kept django-auth's round from
    running at load 13 to 16 with 57 s beyond the margin, where a walk took 7 s and a scenario 5 s: it ended 97 s
    early with 5 forms found and not followed."""
    from harness.runner import interrupt

    need = RUN_START_S + walk + interrupt.pace()[0]
    return audit.code != 130 and deadline - time.monotonic() - stop_margin(*_load()) >= need


def _report(settings: Settings, say: Callable[[str], None]) -> Path | None:
    """The single-file Allure report of the run, as `empathy report` builds it (None, said, without Node)."""
    from harness.exceptions import EmpathyError
    from harness.reporting import build_report

    reports = settings.path("reports_dir")
    try:
        index, _, _ = build_report(settings, [reports / "allure-results"], [reports], reports / "allure-report")
    except EmpathyError as exc:
        say(f"no HTML report: {exc}")
        return None
    return index


def wind_down(load: float, cores: int) -> float:
    """Seconds the run needs after its last scenario ends: close the browser, write the summary and the report. On
    a machine shared beyond one runnable task a core (the load average) each takes a little longer: 33 to 41 s at load
    30 on 2 cores (I Hate Money, session 17), 35 s at load 55 (django-auth)."""
    return min(MAX_MARGIN_S - STEP_S, WIND_DOWN_S + WIND_DOWN_PER_LOAD_S * max(0.0, load / max(cores, 1) - 1.0))


def stop_margin(load: float, cores: int) -> float:
    """Seconds before the deadline that the scout leaves the run's stop: its wind-down and a step under way."""
    return wind_down(load, cores) + STEP_S


def budget_stop(left: float, wind: float, pace: float, running: float) -> str:
    """How the run stops with `left` seconds of its budget: "" (not yet), "scenario" (begin no other: one as long as
    the pace so far would end inside the wind-down; the one under way ends and is reported) or "step" (at the next
    step: the scenario under way outran the pace with only the wind-down and a step left, or the wind-down is all
    that is left). Stopping every run at 4 s a task beyond one a core whatever was under way (91 s at load 30) left
    I Hate Money's run idle for its last 50 s, a sixth of its budget, and its last scenario unreported."""
    if left <= wind or left <= wind + STEP_S and running > pace:
        return "step"
    return "scenario" if left <= wind + pace else ""


def scout_until(now: float, deadline: float, margin: float) -> float:
    """When the scout stops: its share of the time left once the run's stop margin is set aside (the run gets the
    rest, and whatever the scout did not use). A fixed 40% of the whole budget left the run 60% less the margin: at
    load 15 to 33 on 2 cores django-auth's run had 95 s of 300 (the margin 56 s), and at load 88 none."""
    return now + SCOUT_SHARE * max(0.0, deadline - margin - now)


def _load() -> tuple[float, int]:
    """The machine's 1-minute load average and its cores (no load average: none beyond the cores)."""
    cores = os.cpu_count() or 1
    try:
        return os.getloadavg()[0], cores
    except OSError:
        return 0.0, cores


def _run(settings: Settings, folder: Path, deadline: float, why: str,
         clock: Callable[[], float] = time.monotonic,
         load: Callable[[], tuple[float, int]] = _load, say: Callable[[str], None] = lambda _: None,
         files: list[Path] | None = None, keep: bool = False) -> tuple[int, str]:
    """`run_suites` on the written features, stopped within the budget as `budget_stop` says (the run's pace from
    `interrupt.pace`, the wind-down from the machine's load then)."""
    from harness.runner import interrupt
    from harness.suite import run_suites

    done, fired, said = threading.Event(), threading.Event(), list[str]()  # said after the run (pytest holds stderr)

    def watch() -> None:
        while not done.wait(WATCH_S):  # asked again after the run's own start forgets earlier stops
            left, (now_load, cores) = deadline - clock(), load()
            mean, running = interrupt.pace()
            stop = budget_stop(left, wind_down(now_load, cores), mean, running)
            if stop == "step" and not interrupt.stopping():
                fired.set()
                interrupt.ask_to_stop(why)
                said.append(f"stopped the run at its next step: {left:.0f} s left at load {now_load:.0f}")
            elif stop == "scenario" and not interrupt.asked():
                fired.set()
                interrupt.ask_to_stop(why, between_scenarios=True)
                said.append(f"no scenario begun after the one under way: {left:.0f} s left, one takes {mean:.0f} s "
                            f"at load {now_load:.0f}")

    watcher = threading.Thread(target=watch, name="empathy-audit-budget", daemon=True)
    watcher.start()
    try:
        # named files are collected wherever they are; `keep`: an earlier round's results stay, and count
        named = [str(p) for p in files or sorted(folder.glob("*.feature"))]
        code = run_suites(settings, named, keep_results=keep,  # the round robin: each journey's first probe first
                          extra=[f"--empathy-reports={settings.path('reports_dir')}", "--empathy-round-robin"])
    finally:
        done.set()
        watcher.join()
        for line in said:
            say(line)
    return code, interrupt.asked() if fired.is_set() and code == 130 else ""  # 130: the ask stopped the run


def _reported(settings: Settings, audit: Audit) -> None:
    """What the run reported: its failed findings, how many scenarios and of how many journeys."""
    from harness.reporting.results import read_results

    results = read_results([settings.path("reports_dir")])
    audit.findings = [f for r in results for f in r.findings if f.failed]
    audit.scenarios, audit.journeys = len(results), len({r.journey or r.feature for r in results})


def site_map(findings: list[Finding]) -> list[tuple[str, Counter[str]]]:
    """Where findings cluster: each page (path) with its failed findings by rule, most first."""
    pages: dict[str, Counter[str]] = {}
    for f in findings:
        pages.setdefault(urlsplit(f.url).path or "/", Counter())[f.rule] += 1
    return sorted(pages.items(), key=lambda kv: (-sum(kv[1].values()), kv[0]))
