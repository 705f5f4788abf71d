"""Run n8n beside an SMTP sink that keeps its mail, in one process group that down.sh stops.

Why a wrapper: n8n sends its mail (an invitation, a password reset) only over SMTP; the sink on
127.0.0.1:<smtp port> writes every message to <mail.log> instead, so nothing reaches the network, and it
lives in this process, so it stops with the site.
Usage: python serve.py <smtp port> <mail.log> <n8n's command ...>
"""
import signal
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the sites' shared mail_sink.py
import mail_sink  # noqa: E402


def main() -> None:
    smtp_port, mail_log, command = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
    mail_sink.start(mail_log, smtp_port)
    site = subprocess.Popen(command)
    signal.signal(signal.SIGTERM, lambda *_: site.terminate())
    sys.exit(site.wait())


if __name__ == "__main__":
    main()
