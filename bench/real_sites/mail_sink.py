"""An SMTP sink for the sites that send mail: every message is appended to a file, nothing leaves the machine.

Shared by the sites' serve.py wrappers, which start it in the server's own process (so it stops with it).
"""
from aiosmtpd.controller import Controller


class Keep:
    """An SMTP handler that appends each message to a file."""

    def __init__(self, path: str) -> None:
        self.path = path

    async def handle_DATA(self, server, session, envelope) -> str:
        with open(self.path, "ab") as log:
            log.write(b"To: " + ", ".join(envelope.rcpt_tos).encode() + b"\n" + envelope.content + b"\n\n")
        return "250 Message kept"


def start(mail_log: str, port: int) -> None:
    """Listen on 127.0.0.1:<port> in a background thread, keeping each message in <mail_log>."""
    Controller(Keep(mail_log), hostname="127.0.0.1", port=port).start()
