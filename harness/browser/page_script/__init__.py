"""The recorder's page script, in parts by concern, run at document start in every frame.

Why a page script: toasts and live-region updates come and go between Playwright calls; a MutationObserver
sees them all. It reports raw facts through an exposed binding (nothing is lost at navigation); Python
classifies and times them (`harness.browser.recorder`). Password values never leave the page in clear text.
The parts share one closure, so they read as one script split into chapters.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

PARTS = ("facts.js", "controls.js", "regions.js", "unmarked.js", "messages.js", "lines.js", "own.js", "settling.js",
         "events.js")


@cache
def page_script() -> str:
    """The whole script: the parts joined, in order, inside one closure that runs once per document."""
    here = Path(__file__).parent
    body = "\n".join((here / part).read_text(encoding="utf-8") for part in PARTS)
    return f"(() => {{\nif (window.__empathy) return;\n{body}\n}})();\n"
