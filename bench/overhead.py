"""Benchmark: what the whole harness costs over plain Playwright on the same claim journey.

(a) plain: a short Playwright script with hard-coded fills and clicks on the demo portal's claim form;
(b) harness: the same journey as `features/claim.feature` drives it (a built-in persona at time scale 0,
    generated data, Journey with recorder and a screenshot per step, Actor label-matching and habits,
    then every check), one Gherkin step per begin_step/end_step.
Both run in one process against one warm portal (submit_delay 0, so the portal's wait does not dilute
the ratio) on one browser, rounds alternating so machine load hits both alike, after a warm-up round
that loads the embedding model. Prints the median of each and the ratio (target <= 1.2).

With --phases it also prints where the harness's own time goes per round, timed around the calls:
opening the journey, the form snapshots, the step-end screenshots, the actor's settling waits (the
checks' share is printed anyway).

With --tracing it adds (c) traced: the harness journey with `tracing = "on"` (Playwright trace with
screenshots, DOM snapshots and network, written and scrubbed of secrets as `empathy run` does), and
prints what tracing adds per scenario and the size of one trace.zip.

Usage: python bench/overhead.py [--rounds 5] [--persona hurried] [--json] [--phases] [--tracing]
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
PHASES: dict[str, float] = {}  # with --phases: seconds per timed call, summed over the current round
PHASE_CALLS = {"open journey": ("harness.browser.journey", "Journey", "__init__"),
               "control snapshots": ("harness.browser.recorder", "Recorder", "snapshot"),
               "screenshot": ("harness.browser.journey", "Journey", "_screenshot"),
               "settling waits": ("harness.browser.actor", "Actor", "_settle")}
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
    from harness.browser.journey import Journey
    from harness.checks import run_checks
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
    browser = recording.browser(handle) if recording is not None else handle  # type: ignore[attr-defined]
    with Journey(browser, settings, persona, data, feature="Make a claim", scenario=scenario,
                 tags=["journey:claim"], reports_dir=reports) as journey:
        for keyword, text, act in steps:
            journey.begin_step(text, keyword)
            act(journey.actor)
            journey.end_step()
        if "/claims/confirmation" not in journey.page.url:
            raise SystemExit(f"bench: the harness journey ended on {journey.page.url}, not the confirmation")
        transcript = journey.finish()
        if recording is not None:
            TRACE_SIZES.extend(p.stat().st_size for p in recording.stop(True, data.secret_values()))  # type: ignore[attr-defined]
    started = time.perf_counter()
    findings = len(run_checks(transcript, settings))  # type: ignore[arg-type]
    CHECK_TIMES.append(time.perf_counter() - started)
    return findings


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
            try:
                return _original(*args, **kwargs)  # type: ignore[operator]
            finally:
                PHASES[_phase] = PHASES.get(_phase, 0.0) + time.perf_counter() - started

        setattr(cls, name, timed)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--persona", default="hurried")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--phases", action="store_true", help="also time the harness's own phases")
    parser.add_argument("--tracing", action="store_true", help="also time the harness with a Playwright trace")
    args = parser.parse_args(argv)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("EMPATHY_DEMO_PASSWORD", "a-bench-only-Secret-9")

    from harness.browser.session import launch_browser
    from harness.config import load_settings
    from harness.demo.server import DemoServer

    reports = Path(tempfile.mkdtemp(prefix="empathy-overhead-"))
    times: dict[str, list[float]] = {"plain": [], "harness": [], **({"traced": []} if args.tracing else {})}
    phases: dict[str, list[float]] = {}
    if args.phases:
        time_phases()
    with DemoServer("warm", port=0, submit_delay=0) as server:
        settings = load_settings(ROOT).model_copy(update={"base_url": server.url, "reports_dir": str(reports),
                                                          "time_scale": 0.0})
        with launch_browser(settings) as handle:
            plain(handle, server.url)  # warm-up: browser, portal templates, model load, embedding cache
            findings = harness(handle, settings, args.persona, reports)
            if args.tracing:
                from harness.runner.recording import Recording

                harness(handle, settings, args.persona, reports,
                        Recording(tracing="on", video="off", folder=reports / "traces" / "warm-up"))
            for number in range(args.rounds):
                for kind in times:
                    started = time.perf_counter()
                    if kind == "plain":
                        plain(handle, server.url)
                    elif kind == "traced":
                        harness(handle, settings, args.persona, reports,
                                Recording(tracing="on", video="off", folder=reports / "traces" / str(number)))
                    else:
                        PHASES.clear()
                        harness(handle, settings, args.persona, reports)
                        for phase, seconds in PHASES.items():
                            phases.setdefault(phase, []).append(seconds)
                    times[kind].append(time.perf_counter() - started)
    medians = {k: statistics.median(v) for k, v in times.items()}
    ratio = medians["harness"] / medians["plain"]
    load = os.getloadavg()[0]
    result = {"plain_s": round(medians["plain"], 3), "harness_s": round(medians["harness"], 3),
              "ratio": round(ratio, 2), "target": 1.2, "rounds": args.rounds, "findings": findings,
              "load_1min": round(load, 1),
              "checks_median_s": round(statistics.median(CHECK_TIMES[1:]), 3),
              "samples": {k: [round(x, 3) for x in v] for k, v in times.items()},
              "phases_median_s": {k: round(statistics.median(v), 3) for k, v in phases.items()}}
    if args.tracing:
        result.update({"traced_s": round(medians["traced"], 3),
                       "tracing_adds_s": round(medians["traced"] - medians["harness"], 3),
                       "tracing_adds_pct": round(100 * (medians["traced"] / medians["harness"] - 1), 1),
                       "trace_zip_kb": round(statistics.median(TRACE_SIZES) / 1024)})
    if args.json:
        print(json.dumps(result))
    else:
        print(f"plain Playwright  median {medians['plain']:.2f} s  {times['plain']}")
        print(f"full harness      median {medians['harness']:.2f} s  (findings on warm: {findings}; of which checks "
              f"{statistics.median(CHECK_TIMES[1:]):.2f} s)")
        print(f"ratio {ratio:.2f}x (target <= 1.2)   load average {load:.1f}")
        for phase, values in phases.items():
            print(f"  harness phase {phase:18s} median {statistics.median(values):.2f} s per round")
        if args.tracing:
            print(f"harness + trace   median {medians['traced']:.2f} s  {times['traced']}")
            print(f"tracing adds {result['tracing_adds_s']:+.2f} s per scenario ({result['tracing_adds_pct']:+.1f}% "
                  f"over the harness); one trace.zip {result['trace_zip_kb']} kB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
