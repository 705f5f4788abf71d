"""Serve I Hate Money on 127.0.0.1 with werkzeug, writing each mail it would send to .work/mail.log.

Why a wrapper: the application sends mail through Flask-Mail; here nothing may reach the network, so
sending is suppressed (MAIL_SUPPRESS_SEND in the generated config) and the messages are kept readable.
Usage: python serve.py <port> <mail.log>
"""
import sys

from flask_mail import email_dispatched
from ihatemoney.run import create_app
from werkzeug.serving import run_simple


def main() -> None:
    port, mail_log = int(sys.argv[1]), sys.argv[2]
    app = create_app()

    def keep(sender, message, **extra):
        with open(mail_log, "a", encoding="utf-8") as log:
            log.write(f"To: {', '.join(message.recipients)}\nSubject: {message.subject}\n\n{message.body}\n\n")

    email_dispatched.connect(keep, app)
    run_simple("127.0.0.1", port, app, threaded=True)


if __name__ == "__main__":
    main()
