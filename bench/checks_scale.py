"""Benchmark: what do the checks cost as a journey grows? (10, 100 and 1,000 steps)

Builds synthetic transcripts that look like long real journeys (multi-page forms with fields the
persona fills, re-asked fields, validation errors, status lines, slow waits, chat with a bot and an
agent, confirmations with unique references), loads the models once on a small journey, then times
`run_checks` on each size with a fresh embedding cache directory (so new texts are really embedded)
and again warm. Growth should be roughly linear; the target is 1,000 steps in under 2 s once the
model has loaded.

Usage: python bench/checks_scale.py [--sizes 10,100,1000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time

LABELS = [("Full name", "name", "full_name"), ("Email address", "email", "email"), ("Phone number", "tel", "phone"),
          ("Postcode", "postal-code", "postcode"), ("Date of birth", "bday", "date_of_birth"),
          ("Policy number", "", "policy_number"), ("What happened?", "", "claim_description"),
          ("Vehicle registration", "", "vehicle_registration"), ("Date of the incident", "", "incident_date")]
MESSAGES = [("Enter your postcode, like SW1A 1AA", "validation"), ("Invalid input", "validation"),
            ("Something went wrong", "error"), ("Still processing", "status"),
            ("We're checking your details. This takes about 10 seconds.", "status")]


def synthetic(n_steps: int, seed: int = 7):
    """A journey of `n_steps` steps over pages of 3 fields each, with the noise real journeys have."""
    from harness.transcript import Action, Control, Given, Message, Request, Step, Transcript, Wait

    rnd = random.Random(seed)
    steps = []
    for i in range(n_steps):
        page = f"/form/{i // 3}"
        url = "http://portal.test" + page
        fields = [LABELS[(i // 3 * 3 + k) % len(LABELS)] for k in range(3)]
        prompts = [Control(selector=f"#{key}", label=label, name=key, autocomplete=ac, url=url,
                           value="x" if k < i % 3 else "") for k, (label, ac, key) in enumerate(fields)]
        label, ac, key = fields[i % 3]
        given = [Given(value=f"{key}-value-{i // 40}", field=label, name=key, data_key=key, autocomplete=ac,
                       selector=f"#{key}", url=url, at_ms=i * 1000.0)]
        messages = []
        if rnd.random() < 0.3:
            text, kind = rnd.choice(MESSAGES)
            messages.append(Message(text=text, kind=kind, url=url, appeared_ms=i * 1000.0 + 10))
        if i % 25 == 24:
            messages.append(Message(text=f"Claim received. Your reference is CLM-{i:06d}. We'll call you within "
                                         "2 working days.", kind="confirmation", url=url, appeared_ms=i * 1000.0))
        if i % 50 == 10:
            messages.append(Message(text="Can I take your policy number?", kind="chat", speaker="agent",
                                    question=True, url=url, appeared_ms=i * 1000.0 + 20))
        actions = [Action(kind="fill", target=label, at_ms=i * 1000.0)]
        waits, requests = [], []
        if i % 3 == 2:
            actions.append(Action(kind="click", target="Continue", at_ms=i * 1000.0 + 500))
            requests.append(Request(url=url, method="POST", status=303, resource="document"))
            waits.append(Wait(action='click "Continue"', kind="click", started_ms=i * 1000.0 + 500,
                              duration_ms=rnd.choice([300.0, 1800.0, 12000.0]), navigated=True))
        if i % 7 == 3:
            actions.append(Action(kind="back", at_ms=i * 1000.0 + 800))
        steps.append(Step(index=i, text=f"When I fill in \"{label}\"", url_before=url, url_after=url,
                          prompts=prompts, given=given, messages=messages, waits=waits, requests=requests,
                          actions=actions))
    return Transcript(persona={"patience": {"silence_ms": 3000, "give_up_ms": 45000}},
                      persona_name="anxious", feature="Scale", scenario=f"{n_steps} steps", steps=steps)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10,100,1000")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    os.environ["EMPATHY_CACHE_DIR"] = tempfile.mkdtemp(prefix="empathy-bench-")
    from harness.checks import run_checks
    from harness.config import Settings

    settings = Settings()
    t0 = time.perf_counter()
    run_checks(synthetic(12, seed=1), settings)  # loads the embedding model and the copy model
    print(f"model load and first journey: {time.perf_counter() - t0:.2f} s")
    print(f"{'steps':>6} {'findings':>9} {'cold cache s':>13} {'warm s':>8} {'ms/step':>8}")
    results = []
    for n in sizes:
        journey = synthetic(n)
        t0 = time.perf_counter()
        found = run_checks(journey, settings)
        cold = time.perf_counter() - t0
        warm = min(_timed(run_checks, journey, settings) for _ in range(args.repeat))
        results.append((n, cold))
        print(f"{n:>6} {len(found):>9} {cold:>13.3f} {warm:>8.3f} {1000 * cold / n:>8.2f}")
    if len(results) >= 2:
        (n0, t_0), (n1, t_1) = results[-2], results[-1]
        print(f"growth {n0} -> {n1} steps: x{t_1 / max(t_0, 1e-9):.1f} time for x{n1 / n0:.0f} steps")
    biggest = max(results)
    ok = biggest[0] < 1000 or biggest[1] < 2.0
    print(f"target 1,000 steps < 2 s after model load: {'met' if ok else 'NOT met'}")
    return 0 if ok else 1


def _timed(fn, *args) -> float:
    t0 = time.perf_counter()
    fn(*args)
    return time.perf_counter() - t0


if __name__ == "__main__":
    sys.exit(main())
