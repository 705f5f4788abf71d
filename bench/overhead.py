"""Benchmark: what the whole harness costs over plain Playwright on the same claim journey.

(a) plain: a short Playwright script with hard-coded fills and clicks on the demo portal's claim form;
(b) harness: the same journey as `features/claim.feature` drives it (a built-in persona at time scale 0,
    generated data, Journey with recorder and a screenshot per step, Actor label-matching and habits,
    then every check), one Gherkin step per begin_step/end_step.
Both run in one process against one warm portal (submit_delay 0, so the portal's wait does not dilute
the ratio) on one browser, rounds alternating so machine load hits both alike, after a warm-up round
that loads the embedding model. Prints the median of each, the ratio (target <= 1.2) and the machine's
load before and after, and the CPU seconds of the client's own thread per journey (the harness's without its checks:
what the machine's load moves least). Screenshots follow `[tool.empathy] screenshots` (default on-finding; the bench
runs the checks once at the end, as `auto_check` does, so no step is pictured) or `--screenshots`.

With --site it also measures the same ratio on a real site's journey: the django-auth sign-in of the
proving ground (bench/real_sites, running on 127.0.0.1:8801; its password in EMPATHY_SITE_PASSWORD or
the site's .work/password): a wrong password, then the right one, in plain Playwright and as the
feature `sign_in.feature` drives it.

With --phases it also prints where the harness's own time goes per round, timed around the calls:
opening the journey, the page snapshots (a wait's last look and a step's end), the step-end screenshots, the
actor's settling waits besides their looks (the checks' share is printed anyway); the calls each journey sends to
Playwright's driver, how many of them it waits on (round trips: an event subscription is sent and not waited on),
and by the phase that sent them ("acting": finding, reading and acting on elements); the messages the driver sends
back, and how many of the page script's reports (binding calls) came; and per kind of wait how long
it ran on past the page's last change or answer (the page's own change times: what a loaded machine moves least,
with the calls), and for the waits that ended on the page's word that it went quiet, how much of that was the page's
own quiet window (its last change to its word, on its clock) and how much the harness's after the word reached it, and
of that its last look (one round trip to the page).
Run it from any folder: it measures the harness of its own checkout.

With --tracing it adds (c) traced: the harness journey with `tracing = "on"` (Playwright trace with
screenshots, DOM snapshots and network, written and scrubbed of secrets as `empathy run` does), and
prints what tracing adds per scenario and the size of one trace.zip.

Usage: python bench/overhead.py [--rounds 5] [--persona hurried] [--json] [--phases] [--tracing] [--site]
                               [--screenshots every-step|on-finding|off]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TRACE_SIZES: list[int] = []  # with --tracing: bytes of each trace.zip written
CHECK_TIMES: list[float] = []  # run_checks share of each harness round, to show where the time goes
CHECK_CPU: list[float] = []  # the same, in CPU seconds of this thread (the client's own thread runs the checks too)
FOUND: list[list[object]] = []  # the findings of each harness journey walked, in order
PHASES: dict[str, float] = {}  # with --phases: seconds per timed call, summed over the current round
SLACK: dict[str, list[float]] = {}  # with --phases: ms each wait this round ran on past the page's last change, by kind
# with --phases, for the waits that ended on the page's word that it went quiet: (the page's own quiet window, from its
# last change to its word, on its own clock; the harness's time from that word reaching it to the wait's end; of that,
# the wait's last look, its one round trip to the page), by kind
WORD_SPLIT: dict[str, list[tuple[float, float, float]]] = {}
SAID: dict[int, float] = {}  # per recorder: when (the page's clock, journey ms) the page sent its latest quiet word
LOOKED: dict[int, float] = {}  # per recorder: how long (ms) its latest look took
CALLS: dict[str, int] = {}  # with --phases: calls to the driver this round, by object type and method
CALLS_IN: dict[str, int] = {}  # with --phases: calls to the driver this round, by the phase that made them
HEARD: dict[str, int] = {}  # with --phases: messages the driver sent this round ("all"), the page script's reports
# ("reports"), and the calls waited on that were sent while another was still unanswered ("together": no round trip)
PHASE_CALLS = {"open journey": ("harness.browser.journey", "Journey", "__init__"),
               "control snapshots": ("harness.browser.controls", "Controls", "_take"),
               "screenshot": ("harness.browser.journey", "Journey", "_screenshot"),
               "settling waits": ("harness.browser.actor", "Actor", "_settle")}
IN_PHASE: list[str] = []  # the phases running now, innermost last: a phase inside another counts as itself only
# Sent with no one waiting on the answer (Playwright's client subscribes to an event with `fire_and_forget`): messages,
# not round trips
UNWAITED = ("updateSubscription",)
PLAIN = {"policy_number": "HM-1234567", "full_name": "Ana Lopez", "email": "ana@example.com",
         "incident_date": "14 3 2026", "description": "Water came through the kitchen ceiling overnight",
         "location": "12 Mill Lane, Leeds LS1 4AB", "phone": "07700 900982"}


def plain(handle: object, base: str) -> None:
    """The claim journey in plain Playwright."""
    context = handle.new_context()  # type: ignore[attr-defined]
    try:
        page = context.new_page()
        page.goto(base + "/claims/new")
        for name in ("policy_number", "full_name", "email", "incident_date"):
            page.fill(f"[name={name}]", PLAIN[name])
        page.select_option("[name=incident_type]", label="Water leak or flood")
        page.get_by_role("button", name="Continue").click()
        page.wait_for_url("**/claims/new/2")
        page.fill("[name=description]", PLAIN["description"])
        page.fill("[name=location]", PLAIN["location"])
        page.get_by_role("button", name="Continue").click()
        page.wait_for_url("**/claims/new/3")
        page.fill("[name=email]", PLAIN["email"])
        page.fill("[name=phone]", PLAIN["phone"])
        page.get_by_label("Morning (8am to 12pm)").check()
        page.get_by_role("button", name="Submit claim").click()
        page.wait_for_url("**/claims/confirmation")
    finally:
        context.close()


def harness(handle: object, settings: object, persona_name: str, reports: Path, recording: object = None) -> int:
    """The same journey through Journey/Actor and all checks; returns the number of findings.

    With a `harness.runner.recording.Recording`, its context is traced and the trace kept (as on a failure)."""
    from harness.personas import load_persona
    from harness.personas.data import generate_data

    persona = load_persona(persona_name, settings)  # type: ignore[arg-type]
    scenario = f"A {persona_name} customer makes a claim for a water leak"
    data = generate_data(persona, run_seed=1, scenario=scenario)
    steps = [
        ("Given", f'I am "{persona_name}"', lambda a: None),
        ("And", 'I open the "claims" page', lambda a: a.goto(settings.page_url("claims"))),  # type: ignore[attr-defined]
        ("When", "I fill in the form", lambda a: a.fill_form()),
        ("And", 'I choose "Water leak or flood" for "Type of incident"',
         lambda a: a.choose("Type of incident", "Water leak or flood")),
        ("And", 'I press "Continue"', lambda a: a.click("Continue")),
        ("And", "I fill in the form", lambda a: a.fill_form()),
        ("And", 'I enter my address in "Where did it happen?"',
         lambda a: a.fill("Where did it happen?", data_key="address")),
        ("And", 'I press "Continue"', lambda a: a.click("Continue")),
        ("And", "I fill in the form", lambda a: a.fill_form()),
        ("And", 'I choose "Morning (8am to 12pm)" for "When\'s the best time to call you?"',
         lambda a: a.choose("When's the best time to call you?", "Morning (8am to 12pm)")),
        ("And", 'I press "Submit claim"', lambda a: a.click("Submit claim")),
        ("Then", 'I should be on the "confirmation" page', lambda a: a.wait_until_settled()),
    ]
    return walk(handle, settings, persona, data, steps, "/claims/confirmation", feature="Make a claim",
                scenario=scenario, tags=["journey:claim"], reports=reports, recording=recording)


def walk(handle: object, settings: object, persona: object, data: object, steps: list[tuple[str, str, object]],
         end: str, *, feature: str, scenario: str, tags: list[str], reports: Path, recording: object = None) -> int:
    """Walk `steps` (keyword, text, act) as one scenario, one Gherkin step per begin_step/end_step, check
    that it ended on a URL holding `end`, then run every check; returns the number of findings."""
    from harness.browser.journey import Journey
    from harness.checks import run_checks

    browser = recording.browser(handle) if recording is not None else handle  # type: ignore[attr-defined]
    with Journey(browser, settings, persona, data, feature=feature, scenario=scenario, tags=tags,
                 reports_dir=reports) as journey:
        for keyword, text, act in steps:
            journey.begin_step(text, keyword)
            act(journey.actor)  # type: ignore[operator]
            journey.end_step()
        if end not in journey.page.url:
            raise SystemExit(f"bench: the harness journey ended on {journey.page.url}, not {end}")
        transcript = journey.finish()
        if recording is not None:
            TRACE_SIZES.extend(p.stat().st_size for p in recording.stop(True, data.secret_values()))  # type: ignore[attr-defined]
    started, cpu = time.perf_counter(), time.thread_time()
    findings = run_checks(transcript, settings)  # type: ignore[arg-type]
    CHECK_TIMES.append(time.perf_counter() - started)
    CHECK_CPU.append(time.thread_time() - cpu)
    FOUND.append(list(findings))
    return len(findings)


def told(findings: list[object]) -> str:
    """The findings as the defect catalogue counts them: failed ones apart from cantTell (the warm portal is quiet
    when none failed), each with its rule."""
    failed = [f.rule for f in findings if f.outcome == "failed"]  # type: ignore[attr-defined]
    unsure = [f.rule for f in findings if f.outcome != "failed"]  # type: ignore[attr-defined]
    return (f"{len(failed)} failed{' (' + ', '.join(failed) + ')' if failed else ''}, {len(unsure)} cantTell"
            f"{' (' + ', '.join(unsure) + ')' if unsure else ''}")


def time_phases() -> None:
    """Wrap the calls named in PHASE_CALLS so each round's time in them adds up in PHASES."""
    import functools
    import importlib

    for phase, (module, cls_name, name) in PHASE_CALLS.items():
        cls = getattr(importlib.import_module(module), cls_name)
        original = getattr(cls, name)

        @functools.wraps(original)
        def timed(*args: object, _original: object = original, _phase: str = phase, **kwargs: object) -> object:
            started = time.perf_counter()
            IN_PHASE.append(_phase)
            try:
                return _original(*args, **kwargs)  # type: ignore[operator]
            finally:
                IN_PHASE.pop()
                took = time.perf_counter() - started
                PHASES[_phase] = PHASES.get(_phase, 0.0) + took
                if IN_PHASE:  # a snapshot inside a wait (its last look) is the snapshot's time, not the wait's too
                    PHASES[IN_PHASE[-1]] = PHASES.get(IN_PHASE[-1], 0.0) - took

        setattr(cls, name, timed)


def time_slack() -> None:
    """Wrap the actor's wait so each one adds to SLACK, by its kind, how long after the page's last change or
    answer (a DOM change, navigation or finished request, as the recorder timed them) the wait ended: what the
    harness spent waiting on a page that had nothing more to show. Read in the transcript's milliseconds,
    with the page's own change times, so the deliberate windows show and a loaded machine moves it little. Counted
    from when the wait began at the earliest, not the action: the action's own call (a fill's typing) is
    Playwright's, which plain Playwright makes too."""
    from harness.browser.actor import Actor
    from harness.browser.recorder import Recorder

    original = Actor._settle
    report = Recorder._on_report
    look = Recorder.look

    def looked(self: Recorder, page: object) -> None:
        started = time.perf_counter()
        try:
            look(self, page)
        finally:
            LOOKED[id(self)] = (time.perf_counter() - started) * 1000.0

    def heard(self: Recorder, source: object, payload: object) -> None:
        if isinstance(payload, dict) and payload.get("type") == "quiet":
            SAID[id(self)] = self.clock.page(payload.get("t"))
        report(self, source, payload)

    def watched(self: Actor, *args: object, **kwargs: object) -> object:
        began = self._now()
        wait = original(self, *args, **kwargs)  # type: ignore[arg-type]
        rec = self._rec
        last = max(rec.last_change(), rec._net_done, began)
        end = wait.started_ms + (wait.duration_ms or 0.0)
        SLACK.setdefault(wait.kind, []).append(max(0.0, end - last))
        word = rec._current_word()
        if word is not None and word.at >= began and id(rec) in SAID:
            WORD_SPLIT.setdefault(wait.kind, []).append((max(0.0, SAID[id(rec)] - word.last), max(0.0, end - word.at),
                                                         LOOKED.get(id(rec), 0.0)))
        return wait

    Recorder._on_report = heard  # type: ignore[method-assign]
    Recorder.look = looked  # type: ignore[method-assign]
    Actor._settle = watched  # type: ignore[method-assign,assignment]


def count_calls() -> None:
    """Count every call the client sends to Playwright's driver in CALLS, by "Type.method", and in CALLS_IN by the
    phase that sent it ("acting" outside them: finding, reading and acting on elements); not the waiters' bookkeeping
    nor the answers to the page script's reports (BindingCall). Each is a round trip but those in UNWAITED."""
    from playwright._impl.connection import Connection

    original = Connection.send_message_to_server

    def counted(self: object, obj: object, method: str, params: object, options: object) -> object:
        if method != "__waitInfo__" and getattr(obj, "_type", "") != "BindingCall":
            if not method.endswith(UNWAITED) and any(
                    not c.method.endswith(UNWAITED) and c.method != "__waitInfo__" and c.type != "BindingCall"
                    for c in getattr(self, "_callbacks", {}).values()):
                HEARD["together"] = HEARD.get("together", 0) + 1
            key = f"{getattr(obj, '_type', '?')}.{method}"
            CALLS[key] = CALLS.get(key, 0) + 1
            phase = IN_PHASE[-1] if IN_PHASE else "acting"
            CALLS_IN[phase] = CALLS_IN.get(phase, 0) + 1
        return original(self, obj, method, params, options)  # type: ignore[arg-type]

    Connection.send_message_to_server = counted  # type: ignore[method-assign]
    dispatch = Connection.dispatch

    def heard(self: object, message: dict[str, object]) -> None:
        """Each message the driver sends the client: answers, events, objects made; a report of the page script's
        comes as a BindingCall made, its event, its answer and its disposal."""
        HEARD["all"] = HEARD.get("all", 0) + 1
        params = message.get("params")
        if message.get("method") == "__create__" and isinstance(params, dict) and params.get("type") == "BindingCall":
            HEARD["reports"] = HEARD.get("reports", 0) + 1
        dispatch(self, message)  # type: ignore[arg-type]

    Connection.dispatch = heard  # type: ignore[method-assign]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--persona", default="hurried")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--phases", action="store_true", help="also time the harness's own phases")
    parser.add_argument("--tracing", action="store_true", help="also time the harness with a Playwright trace")
    parser.add_argument("--site", action="store_true", help="also the ratio on the django-auth sign-in (real site)")
    parser.add_argument("--screenshots", choices=("every-step", "on-finding", "off"),
                        help="step screenshots (default: [tool.empathy] screenshots)")
    args = parser.parse_args(argv)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("EMPATHY_DEMO_PASSWORD", "a-bench-only-Secret-9")
    sys.path[:0] = [str(Path(__file__).resolve().parent), str(ROOT)]  # this checkout's harness, not an installed one

    from overhead_site import harness_site, plain_site, site_settings

    from harness.browser.session import launch_browser
    from harness.config import load_settings
    from harness.demo.server import DemoServer

    reports = Path(tempfile.mkdtemp(prefix="empathy-overhead-"))
    shots = {"screenshots": args.screenshots} if args.screenshots else {}
    kinds = ["plain", "harness", *(["traced"] if args.tracing else []), *(["site plain", "site harness"]
                                                                       if args.site else [])]
    times: dict[str, list[float]] = {kind: [] for kind in kinds}
    # CPU seconds of this thread per journey (the sync client's loop, the harness and the checks run on it; the portal
    # and the embedding model on threads of their own): what the machine's load moves least, beside the wall times
    cpu: dict[str, list[float]] = {kind: [] for kind in kinds}
    phases: dict[str, list[float]] = {}
    site, password = site_settings(reports) if args.site else (None, "")
    if site is not None:
        site = site.model_copy(update=shots)
    if args.phases:
        time_phases()
        time_slack()
        count_calls()
    calls: dict[str, list[dict[str, int]]] = {}
    calls_in: dict[str, list[dict[str, int]]] = {}  # per kind of journey, per round: calls by the phase that sent them
    heard: dict[str, list[dict[str, int]]] = {}  # per kind of journey, per round: messages from the driver (HEARD)
    slack: dict[str, list[float]] = {}  # per kind: ms past the page's last change, every harness round's waits
    split: dict[str, list[tuple[float, float, float]]] = {}  # per kind: WORD_SPLIT over every harness round
    load_before = os.getloadavg()[0]
    with DemoServer("warm", port=0, submit_delay=0) as server:
        settings = load_settings(ROOT).model_copy(update={"base_url": server.url, "reports_dir": str(reports),
                                                          "time_scale": 0.0, **shots})
        with launch_browser(settings) as handle:
            plain(handle, server.url)  # warm-up: browser, portal templates, model load, embedding cache
            findings = harness(handle, settings, args.persona, reports)
            warm = told(FOUND[-1])
            site_findings = harness_site(handle, site, reports, walk) if site is not None else 0
            if site is not None:
                plain_site(handle, site, password)
            if args.tracing:
                from harness.runner.recording import Recording

                harness(handle, settings, args.persona, reports,
                        Recording(tracing="on", video="off", folder=reports / "traces" / "warm-up"))
            checks_from = len(CHECK_TIMES)
            for number in range(args.rounds):
                for kind in kinds:
                    CALLS.clear()
                    CALLS_IN.clear()
                    HEARD.clear()
                    started, cpu_began = time.perf_counter(), time.thread_time()
                    if kind == "plain":
                        plain(handle, server.url)
                    elif kind == "traced":
                        harness(handle, settings, args.persona, reports,
                                Recording(tracing="on", video="off", folder=reports / "traces" / str(number)))
                    elif kind == "site plain":
                        plain_site(handle, site, password)
                    elif kind == "site harness":
                        harness_site(handle, site, reports, walk)
                        CHECK_TIMES.pop()
                    else:
                        PHASES.clear()
                        SLACK.clear()
                        WORD_SPLIT.clear()
                        harness(handle, settings, args.persona, reports)
                        for phase, seconds in PHASES.items():
                            phases.setdefault(phase, []).append(seconds)
                        for wait_kind, values in SLACK.items():
                            slack.setdefault(wait_kind, []).extend(values)
                        slack.setdefault("(journey total)", []).append(sum(sum(v) for v in SLACK.values()))
                        for wait_kind, pairs in WORD_SPLIT.items():
                            split.setdefault(wait_kind, []).extend(pairs)
                    times[kind].append(time.perf_counter() - started)
                    cpu[kind].append(time.thread_time() - cpu_began - (CHECK_CPU[-1] if kind == "harness" else 0.0))
                    if args.phases:
                        calls.setdefault(kind, []).append(dict(CALLS))
                        calls_in.setdefault(kind, []).append(dict(CALLS_IN))
                        heard.setdefault(kind, []).append(dict(HEARD))
    medians = {k: statistics.median(v) for k, v in times.items()}
    ratio = medians["harness"] / medians["plain"]
    load = os.getloadavg()[0]
    checks = statistics.median(CHECK_TIMES[checks_from:])
    result = {"plain_s": round(medians["plain"], 3), "harness_s": round(medians["harness"], 3),
              "ratio": round(ratio, 2), "target": 1.5, "rounds": args.rounds, "findings": findings, "warm": warm,
              "screenshots": settings.screenshots, "load_1min_before": round(load_before, 1),
              "load_1min": round(load, 1), "cpus": len(os.sched_getaffinity(0)), "checks_median_s": round(checks, 3),
              "samples": {k: [round(x, 3) for x in v] for k, v in times.items()},
              "client_cpu_median_s": {k: round(statistics.median(v), 3) for k, v in cpu.items()},
              "phases_median_s": {k: round(statistics.median(v), 3) for k, v in phases.items()},
              "calls_median": {k: statistics.median(sum(c.values()) for c in v) for k, v in calls.items()},
              "round_trips_median": {k: statistics.median(sum(n for m, n in c.items() if not m.endswith(UNWAITED))
                                                          for c in v) for k, v in calls.items()},
              "driver_messages_median": {k: {m: statistics.median(c.get(m, 0) for c in v)
                                             for m in ("all", "reports", "together")} for k, v in heard.items()},
              "calls_by_phase_median": {k: {p: statistics.median(c.get(p, 0) for c in v)
                                            for p in sorted({p for c in v for p in c})}
                                        for k, v in calls_in.items()},
              "slack_ms": {k: {"waits": len(v), "median": round(statistics.median(v), 1),
                               "mean": round(statistics.mean(v), 1)} for k, v in slack.items()},
              "ended_on_word_ms": {k: {"waits": len(v),
                                       "page_window_median": round(statistics.median(p for p, _, _ in v), 1),
                                       "harness_after_median": round(statistics.median(h for _, h, _ in v), 1),
                                       "last_look_median": round(statistics.median(k for _, _, k in v), 1)}
                                   for k, v in split.items()}}
    if args.site:
        result.update({"site_plain_s": round(medians["site plain"], 3), "site_findings": site_findings,
                       "site_harness_s": round(medians["site harness"], 3),
                       "site_ratio": round(medians["site harness"] / medians["site plain"], 2)})
    if args.tracing:
        result.update({"traced_s": round(medians["traced"], 3),
                       "tracing_adds_s": round(medians["traced"] - medians["harness"], 3),
                       "tracing_adds_pct": round(100 * (medians["traced"] / medians["harness"] - 1), 1),
                       "trace_zip_kb": round(statistics.median(TRACE_SIZES) / 1024)})
    if args.json:
        print(json.dumps(result))
        return 0
    print(f"plain Playwright  median {medians['plain']:.2f} s  {times['plain']}")
    print(f"full harness      median {medians['harness']:.2f} s  (findings on warm: {warm}; of which checks "
          f"{checks:.2f} s; screenshots {settings.screenshots})")
    print(f"ratio {ratio:.2f}x (target <= 1.5, then 1.2)   load average {load_before:.1f} before, {load:.1f} after, "
          f"on {result['cpus']} CPU(s)")
    print("  CPU of the client's thread per journey (median; the harness's without its checks): "
          + ", ".join(f"{k} {v:.3f} s" for k, v in result["client_cpu_median_s"].items()))
    for phase, values in phases.items():
        print(f"  harness phase {phase:18s} median {statistics.median(values):.2f} s per round")
    for kind, rounds in calls.items():
        last = rounds[-1]
        top = ", ".join(f"{name} {n}" for name, n in sorted(last.items(), key=lambda x: -x[1])[:8])
        print(f"  calls to the driver, {kind:12s} median {result['calls_median'][kind]:g} per journey, "
              f"{result['round_trips_median'][kind]:g} of them waited on, "
              f"{result['driver_messages_median'][kind]['together']:g} of those sent while another was unanswered "
              f"(last round: {top})")
        by_phase = ", ".join(f"{p} {n:g}" for p, n in result["calls_by_phase_median"][kind].items())
        print(f"    by the phase that made them (median per journey): {by_phase}")
        sent = result["driver_messages_median"][kind]
        print(f"    messages the driver sent back (median per journey): {sent['all']:g}, of them for the page script's "
              f"reports {sent['reports']:g} binding calls (4 messages each: made, told, answered, disposed of)")
    for wait_kind, row in result["slack_ms"].items():
        count = f"{row['waits']} journeys" if wait_kind.startswith("(") else f"{row['waits']} waits"
        print(f"  waited past the page's last change or answer, {wait_kind:16s} median {row['median']:6.1f} ms, "
              f"mean {row['mean']:6.1f} ms ({count})")
    for wait_kind, row in result["ended_on_word_ms"].items():
        print(f"    of the {row['waits']} {wait_kind} waits that ended on the page's quiet word: the page's own window "
              f"(last change to its word, its clock) median {row['page_window_median']:5.1f} ms, the harness after "
              f"the word reached it median {row['harness_after_median']:5.1f} ms (its last look, one round trip to "
              f"the page, median {row['last_look_median']:5.1f} ms)")
    if args.site:
        print(f"real site (django-auth sign-in): plain {medians['site plain']:.2f} s, harness "
              f"{medians['site harness']:.2f} s (findings: {site_findings}): ratio {result['site_ratio']:.2f}x")
    if args.tracing:
        print(f"harness + trace   median {medians['traced']:.2f} s  {times['traced']}")
        print(f"tracing adds {result['tracing_adds_s']:+.2f} s per scenario ({result['tracing_adds_pct']:+.1f}% "
              f"over the harness); one trace.zip {result['trace_zip_kb']} kB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
