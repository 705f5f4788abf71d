"""Run Mailman 3 as one process group: the SMTP sink, Mailman core's runners and the web UI.

Why a wrapper: Mailman is two servers (core, which keeps lists and members and sends mail, and the
Django web UI, Postorius and HyperKitty, which talks to core's REST API); `mailman start` would detach
core into a session of its own, out of down.sh's reach. Here core's `master` runs in the foreground as
a child, the SMTP sink (the sites' shared mail_sink.py) as a thread, and the web UI in Django's
runserver; up.sh starts this in its own session, so down.sh stops all three at once.
Usage: python serve.py <work> <port> <smtp port> <mail.log>
"""
import os
import signal
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the sites' shared mail_sink.py
import mail_sink  # noqa: E402


def main() -> None:
    work, port, smtp_port, mail_log = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3]), sys.argv[4]
    mail_sink.start(mail_log, smtp_port)
    venv = work / "venv" / "bin"
    core = subprocess.Popen([str(venv / "master"), "-C", str(work / "mailman.cfg")])
    env = dict(os.environ, MAILMAN_WEB_CONFIG=str(work / "web" / "settings.py"))
    # --insecure: runserver serves the collected static files itself with DEBUG off (no web server here).
    web = subprocess.Popen([str(venv / "mailman-web"), "runserver", "--insecure", "--noreload", f"127.0.0.1:{port}"],
                           env=env)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    try:
        web.wait()
    finally:
        web.terminate()
        core.terminate()
        try:
            core.wait(timeout=8)
        except subprocess.TimeoutExpired:
            pass
        # Core's master does not always take its runners with it (one stopped in the middle of starting
        # them was seen to carry on): end whatever is left of this process group, this process last.
        os.killpg(0, signal.SIGKILL)


if __name__ == "__main__":
    main()
