"""How much wall time the recorder adds to a journey: the same journey with and without it.

Run: python bench/recorder_overhead.py [--rounds N]
It serves the browser tests' fixture pages on 127.0.0.1, then drives one journey (open a form,
fill four fields, submit, open a page with a toast, press a button) with plain Playwright calls in
a fresh context, N times without the recorder and N times with it (page script, binding, request
and console listeners, a control snapshot at every step end, as a Journey does). Rounds alternate
so machine load hits both alike. Prints the median wall time of each and their ratio (aim: < 1.15).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.browser.conftest import _site_app  # noqa: E402 - the fixture site, reused
from tests.sites import serve  # noqa: E402


def journey(context: object, site: str, recorder: object | None) -> None:
    """The journey, in plain Playwright; step ends snapshot the controls when recording."""
    page = context.new_page()  # type: ignore[attr-defined]

    def step_end() -> None:
        if recorder is not None:
            recorder.snapshot(page)  # type: ignore[attr-defined]
            recorder.drain()  # type: ignore[attr-defined]

    page.goto(f"{site}/claim.html")
    step_end()
    page.get_by_label("Email address").fill("sam@example.com")
    page.get_by_label("Full name").fill("Sam Jones")
    page.get_by_label("Nickname (optional)").fill("Sam")
    page.get_by_label("Policy number").fill("POL-12345678")
    step_end()
    page.get_by_role("button", name="Continue").click()
    page.wait_for_load_state("load")
    step_end()
    page.goto(f"{site}/toast.html")
    step_end()
    page.get_by_role("button", name="Save draft").click()
    page.get_by_text("Draft saved").wait_for()
    step_end()
    page.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()

    from harness.browser.recorder import Clock, Limits, Recorder
    from harness.browser.session import launch_browser
    from harness.config import Settings

    times: dict[str, list[float]] = {"plain": [], "recorded": []}
    with serve(_site_app()) as site, launch_browser(Settings(base_url=site)) as handle:
        for _ in range(2):  # warm up both paths
            for recorded in (False, True):
                ctx = handle.new_context()
                journey(ctx, site, Recorder(ctx, Clock(), Limits()) if recorded else None)
                ctx.close()
        for _ in range(args.rounds):
            for name in ("plain", "recorded"):
                ctx = handle.new_context()
                start = time.perf_counter()
                rec = Recorder(ctx, Clock(), Limits()) if name == "recorded" else None
                journey(ctx, site, rec)
                times[name].append(time.perf_counter() - start)
                ctx.close()
    plain, recorded = statistics.median(times["plain"]), statistics.median(times["recorded"])
    print(f"journey without recorder: median {plain * 1000:.0f} ms over {args.rounds} rounds")
    print(f"journey with recorder:    median {recorded * 1000:.0f} ms over {args.rounds} rounds")
    print(f"recorder overhead ratio:  {recorded / plain:.3f} (aim < 1.15)")


if __name__ == "__main__":
    main()
