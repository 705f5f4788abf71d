"""A second small site the project has never been tuned on: a library-card sign-up.

Why it exists: the step library must work on any site, not only the demo portal. This one shares
no markup or wording with the portal: a wrapping label, an aria-labelledby field, an aria-label-only
field, a placeholder-only field, "Surname", "DOB", "Postcode / ZIP", a two-part form posted in the
background with a role=status line, and a confirmation page with a reference. `/old/join` is the
same form with a planted defect: part 2 asks, empty, for the e-mail address part 1 already took.
Served by a Flask app on 127.0.0.1 (tests/sites.py) from the HTML files in `site/`.
"""

from __future__ import annotations

import html
import json
import secrets
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask, Response, abort, request

from tests.sites import serve

SITE = Path(__file__).parent / "site"
SEND_DELAY_S = 1.0  # the library's system is a little slow: long enough that a status line matters
CARRIED = ("given", "sn", "contact_a", "contact_b", "born")


def _page(name: str, **values: str) -> str:
    text = (SITE / name).read_text(encoding="utf-8")
    for key, value in values.items():
        text = text.replace("{" + key + "}", value)
    return text


def _library(applications: dict[str, dict[str, str]]) -> Flask:
    """Routes: /join and /old/join (part 1), <prefix>/2 (part 2), <prefix>/send (JSON), /done."""
    app = Flask(__name__)

    @app.get("/join")
    @app.get("/old/join")
    def join() -> str:
        return _page("join.html", next=f"{request.path.removesuffix('/join')}/join/2")

    @app.post("/join/2")
    @app.post("/old/join/2")
    def where() -> str:
        prefix = request.path.rsplit("/", 1)[0]
        form = request.form
        carried = "\n".join(f'<input type="hidden" name="{k}" value="{html.escape(form.get(k, ""))}">'
                            for k in CARRIED)
        again = _page("again.html") if prefix == "/old/join" else ""
        return _page("where.html", given=html.escape(form.get("given", "")), carried=carried, again=again,
                     submit=f"{prefix}/send")

    @app.post("/join/send")
    @app.post("/old/join/send")
    def send() -> Response:
        time.sleep(SEND_DELAY_S)
        ref = "RL-" + secrets.token_hex(3).upper()
        applications[ref] = request.form.to_dict()
        return Response(json.dumps({"next": f"/done?ref={ref}"}), mimetype="application/json")

    @app.get("/done")
    def done() -> str:
        ref = request.args.get("ref", "")
        sent = applications.get(ref)
        if sent is None:
            abort(404)
        return _page("done.html", reference=html.escape(ref),
                     **{k: html.escape(sent.get(v, "")) for k, v in
                        (("given", "given"), ("postcode", "pc"), ("email", "contact_a"))})

    return app


@pytest.fixture(scope="module")
def library_site() -> Iterator[tuple[str, dict[str, dict[str, str]]]]:
    """The site's base URL and what it received (reference -> submitted form)."""
    applications: dict[str, dict[str, str]] = {}
    with serve(_library(applications)) as url:
        yield url, applications
