"""A second small site the project has never been tuned on: a library-card sign-up.

Why it exists: the step library must work on any site, not only the demo portal. This one shares
no markup or wording with the portal: a wrapping label, an aria-labelledby field, an aria-label-only
field, a placeholder-only field, "Surname", "DOB", "Postcode / ZIP", a two-part form posted in the
background with a role=status line, and a confirmation page with a reference. `/old/join` is the
same form with a planted defect: part 2 asks, empty, for the e-mail address part 1 already took.
Served by a thread on 127.0.0.1 from the HTML files in `site/`.
"""

from __future__ import annotations

import html
import json
import secrets
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

SITE = Path(__file__).parent / "site"
SEND_DELAY_S = 1.0  # the library's system is a little slow: long enough that a status line matters
CARRIED = ("given", "sn", "contact_a", "contact_b", "born")


def _page(name: str, **values: str) -> bytes:
    text = (SITE / name).read_text(encoding="utf-8")
    for key, value in values.items():
        text = text.replace("{" + key + "}", value)
    return text.encode("utf-8")


class _Library(BaseHTTPRequestHandler):
    """Routes: /join and /old/join (part 1), <prefix>/2 (part 2), <prefix>/send (JSON), /done."""

    applications: dict[str, dict[str, str]] = {}

    def _send(self, body: bytes, kind: str = "text/html; charset=utf-8") -> None:
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _form(self) -> dict[str, str]:
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length).decode("utf-8")
        return {key: values[0] for key, values in parse_qs(raw, keep_blank_values=True).items()}

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        url = urlsplit(self.path)
        if url.path in ("/join", "/old/join"):
            self._send(_page("join.html", next=f"{url.path.removesuffix('/join')}/join/2"))
        elif url.path == "/done":
            ref = parse_qs(url.query).get("ref", [""])[0]
            app = self.applications.get(ref)
            if app is None:
                self.send_error(404)
                return
            self._send(_page("done.html", reference=html.escape(ref),
                             **{k: html.escape(app.get(v, "")) for k, v in
                                (("given", "given"), ("postcode", "pc"), ("email", "contact_a"))}))
        else:
            self.send_error(404)

    def do_POST(self) -> None:  # noqa: N802 - http.server's naming
        url = urlsplit(self.path)
        form = self._form()
        prefix = url.path.rsplit("/", 1)[0]
        if url.path in ("/join/2", "/old/join/2"):
            carried = "\n".join(f'<input type="hidden" name="{k}" value="{html.escape(form.get(k, ""))}">'
                                for k in CARRIED)
            again = _page("again.html").decode("utf-8") if prefix == "/old/join" else ""
            self._send(_page("where.html", given=html.escape(form.get("given", "")), carried=carried,
                             again=again, submit=f"{prefix}/send"))
        elif url.path in ("/join/send", "/old/join/send"):
            time.sleep(SEND_DELAY_S)
            ref = "RL-" + secrets.token_hex(3).upper()
            self.applications[ref] = form
            self._send(json.dumps({"next": f"/done?ref={ref}"}).encode(), "application/json")
        else:
            self.send_error(404)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def library_site() -> Iterator[tuple[str, dict[str, dict[str, str]]]]:
    """The site's base URL and what it received (reference -> submitted form)."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Library)
    _Library.applications = {}
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}", _Library.applications
    server.shutdown()
    server.server_close()
