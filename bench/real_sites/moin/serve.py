"""Serve the seeded Moin wiki on 127.0.0.1:<port> and keep its mail in a file.

Why a wrapper: Moin sends password-recovery mail through an SMTP server; an SMTP sink on
127.0.0.1:<smtp port>, started in this process (so it stops with it), appends every message to
<mail.log> instead, so nothing reaches the network. The wiki itself runs on werkzeug's threaded server,
as `moin run` does.
Usage: python serve.py <wikiconfig.py> <port> <smtp port> <mail.log>
"""
import sys
from pathlib import Path

from moin.app import create_app
from werkzeug.serving import run_simple

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the sites' shared mail_sink.py
import mail_sink  # noqa: E402


def main() -> None:
    config, port, smtp_port, mail_log = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    mail_sink.start(mail_log, smtp_port)
    run_simple("127.0.0.1", port, create_app(config), threaded=True, use_reloader=False)


if __name__ == "__main__":
    main()
