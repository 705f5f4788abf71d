"""The recorder's page script, in parts by concern, run at document start in every frame.

Why a page script: toasts and live-region updates come and go between Playwright calls; a MutationObserver
sees them all. It reports raw facts through an exposed binding (nothing is lost at navigation); Python
classifies and times them (`harness.browser.recorder`). Password values never leave the page in clear text.
The parts share one closure, so they read as one script split into chapters.
"""

from __future__ import annotations

import json
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


# Selector engines over the page script's own finders: engine name -> its finder on `window.__empathy`. Why: a locator
# that finds by one asks the page in the call that uses it, where marking the page for a CSS locator first was a call
# of its own. Registered once per Playwright, before any context (`selector_engines`); they run in the page's world.
FINDERS = {"empathy_field": "fieldsNamed", "empathy_region": "regionNamed", "empathy_headed": "boxesHeaded",
           "empathy_boxes": "boxesUnder"}


def selector_engines() -> dict[str, str]:
    """Each engine's script: the elements its finder gives for the selector's JSON text, under the root asked."""
    return {name: ("({ queryAll(root, body) { const e = window.__empathy;"
                   f" return e ? e.{finder}(JSON.parse(body)).filter((el) => root.contains(el)) : []; }},"
                   " query(root, body) { return this.queryAll(root, body)[0] || null; } })")
            for name, finder in FINDERS.items()}


def found_by(engine: str, text: str) -> str:
    """The selector that finds what `engine`'s finder gives for `text`."""
    return f"{engine}={json.dumps(text)}"
