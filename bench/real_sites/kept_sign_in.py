"""Time a typed sign-in against a restored one (`keep_sign_in`) on a running proving-ground site, in alternating pairs.

Each pair: one journey of the persona types and presses on the sign-in page (its session is kept), a second restores
that session; the kept sessions are cleared before each pair. Prints each sign-in with its landing page, then the
medians and the load, since on a shared machine the load moves both.

    python bench/real_sites/kept_sign_in.py django-auth staff "/admin/login/?next=/admin/" --pairs 4
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", help="site folder name under bench/real_sites (already up)")
    parser.add_argument("persona", help="the workspace's persona with the site's account")
    parser.add_argument("page", help="the sign-in page's path")
    parser.add_argument("--pairs", type=int, default=4)
    args = parser.parse_args(argv)
    site_dir = REPO / "bench" / "real_sites" / args.site
    password = site_dir / ".work" / "password"
    if password.is_file():
        os.environ.setdefault("EMPATHY_SITE_PASSWORD", password.read_text(encoding="utf-8").strip())
    os.chdir(site_dir)
    sys.path.insert(0, str(REPO))
    from harness.browser.journey import Journey
    from harness.browser.session import launch_browser
    from harness.config import load_settings
    from harness.personas.data import generate_data
    from harness.personas.loader import load_persona, persona_files, resolve_name

    settings = load_settings().model_copy(update={"keep_sign_in": True, "reports_dir": tempfile.mkdtemp(),
                                                  "screenshots": "off"})
    persona = load_persona(resolve_name(args.persona, persona_files(settings)), settings)
    took: dict[str, list[float]] = {"typed": [], "restored": []}
    with launch_browser(settings) as browser:
        for n in range(args.pairs):
            browser.kept_sign_ins.clear()
            for which in ("typed", "restored"):
                data = generate_data(persona, run_seed=settings.seed, scenario=f"pair {n} {which}")
                journey = Journey(browser, settings, persona, data, feature="bench", scenario=f"pair {n} {which}")
                try:
                    journey.begin_step(f'I open "{args.page}"', "Given")
                    journey.actor.goto(settings.page_url(args.page))
                    journey.end_step()
                    started = time.monotonic()
                    journey.begin_step("I sign in", "When")
                    journey.actor.sign_in()
                    journey.end_step()
                    journey.begin_step("I wait for the page to finish", "And")
                    journey.actor.wait_until_settled()
                    landed = journey.end_step().url_after
                    seconds = time.monotonic() - started
                    how = "restored" if any("restored" in a.detail for s in journey.transcript.steps
                                            for a in s.actions) else "typed"
                    took[how].append(seconds)
                    print(f"{which}: {how} in {seconds:.2f} s, landed on {landed}", flush=True)
                finally:
                    journey.close()
    medians = ", ".join(f"{k} {statistics.median(v):.2f} s" for k, v in took.items() if v)
    print(f"median: {medians} (load {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
