"""Serve the seeded Indico on 127.0.0.1:<port> and keep its mail, a file a message, in a folder.

Why a wrapper: Indico sends mail (a password reset, an address's verification) through an SMTP server; an SMTP
sink on 127.0.0.1:<smtp port>, started in this process (so it stops with it), writes every message to a file of
its own in <mail folder> instead (the harness's `mailbox` reads a folder of message files), so nothing reaches
the network. Indico itself runs on werkzeug's threaded server, as
`indico run` does, with its packaged static files served by Flask (no nginx, no uwsgi). Indico checks an
e-mail address's domain for mail servers in the DNS; this machine has no network, so every address would be
"invalid": the check is kept for the address's form and skips the look-up, and the reserved `.test` domain
of the personas' addresses is allowed (email_validator's own test mode).
Usage: INDICO_CONFIG=<indico.conf> python serve.py <port> <smtp port> <mail folder>
"""
import sys
import time
from pathlib import Path

import email_validator
from aiosmtpd.controller import Controller
from werkzeug.serving import run_simple


class KeepEach:
    """An SMTP handler that writes each message to a file of its own in a folder."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    async def handle_DATA(self, server, session, envelope) -> str:
        (self.folder / f"{time.time_ns()}.eml").write_bytes(envelope.content)
        return "250 Message kept"


def offline(validate):
    """email_validator.validate_email without the DNS look-up, allowing the `.test` domain."""
    def validate_offline(email, **kwargs):
        kwargs.update(check_deliverability=False, test_environment=True)
        return validate(email, **kwargs)
    return validate_offline


def main() -> None:
    email_validator.validate_email = offline(email_validator.validate_email)
    from indico.web.flask.app import make_app

    port, smtp_port, mail = int(sys.argv[1]), int(sys.argv[2]), Path(sys.argv[3])
    Controller(KeepEach(mail), hostname="127.0.0.1", port=smtp_port).start()
    run_simple("127.0.0.1", port, make_app(), threaded=True, use_reloader=False)


if __name__ == "__main__":
    main()
