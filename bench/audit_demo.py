"""`empathy audit` on the demo portal with no feature file: which defects it reaches, and the warm portal's alarms.

A new customer's workspace (a temporary folder whose pyproject.toml names nothing but the seed): the
warm portal, then the cold one (every defect on), each audited from its home page with `--submit` (the
demo is a staging site) and the default personas and budget. A defect counts as found when a failed
finding of its expected rule was made on its page; each match is printed with its message so a reader
can judge it, since on the cold portal several defects share a page.

    python bench/audit_demo.py [--minutes 5]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from harness.demo.defects import DEFECTS  # noqa: E402
from harness.demo.server import DemoServer  # noqa: E402
from harness.reporting.results import read_results  # noqa: E402


def audit(variant: str, minutes: float, extra: list[str]) -> tuple[list, float]:  # type: ignore[type-arg]
    with tempfile.TemporaryDirectory() as folder, DemoServer(variant) as server:
        (Path(folder) / "pyproject.toml").write_text("[tool.empathy]\nseed = 1\n", encoding="utf-8")
        started = time.monotonic()
        subprocess.run([sys.executable, "-c", "from harness.cli import main; main()", "audit", server.url,
                        "--minutes", str(minutes), "--submit", *extra], cwd=folder,
                       env={**os.environ, "PYTHONPATH": str(REPO)}, check=False)
        seconds = time.monotonic() - started
        results = read_results([Path(folder) / "reports" / "audit"])
    return [f for r in results for f in r.findings if f.failed], seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--minutes", type=float, default=5.0)
    parser.add_argument("--personas", default="", help="passed to --personas (default: the audit's own)")
    args = parser.parse_args()
    extra = ["--personas", args.personas] if args.personas else []
    warm, warm_s = audit("warm", args.minutes, extra)
    cold, cold_s = audit("cold", args.minutes, extra)
    print(f"\n== warm portal: {len(warm)} failed finding(s), {warm_s:.0f} s")
    for f in warm:
        print(f"  {f.rule} [{f.persona}] {urlsplit(f.url).path}: {f.message[:150]}")
    found = 0
    print(f"\n== cold portal: {len(cold)} failed finding(s), {cold_s:.0f} s")
    for d in DEFECTS.values():
        hits = [f for f in cold if f.rule == d.expected_rule and urlsplit(f.url).path == d.page]
        found += bool(hits)
        print(f"  {'FOUND' if hits else 'missed'} {d.id} ({d.expected_rule}, {d.page})"
              + (f": {hits[0].message[:140]}" if hits else ""))
    print(f"\ndefects found: {found} of {len(DEFECTS)}; warm portal failed findings: {len(warm)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
