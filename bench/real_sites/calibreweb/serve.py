"""Run calibre-web on its seeded settings, with an SMTP sink beside it that keeps every message in a file.

Why a wrapper: calibre-web sends its mail (a new account's password, a reset password) through an SMTP
server in the background; the sink on 127.0.0.1:<smtp port> appends each message to <mail.log>, so
nothing reaches the network and the server and its sink start and stop as one process.
Usage: python serve.py <data dir> <smtp port> <mail.log>
"""
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the sites' shared mail_sink.py
import mail_sink  # noqa: E402


def main() -> None:
    data, smtp_port, mail_log = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    mail_sink.start(mail_log, smtp_port)
    from calibreweb.__main__ import main as calibre_web

    sys.argv = ["cps", "-p", os.path.join(data, "app.db"), "-i", "127.0.0.1",
                "-o", os.path.join(data, "calibre-web.log")]
    calibre_web()


if __name__ == "__main__":
    main()
