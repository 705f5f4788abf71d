"""Serve the Zope instance's Plone site at the root of 127.0.0.1:<port> with waitress, and keep its mail.

Why a wrapper: the site lives at /Plone inside Zope; a person should meet it at the address's root, as
behind the usual front web server. Zope's virtual hosting does that from the path alone (the
VirtualHostBase/VirtualHostRoot prefix), so every request gets that prefix here. Plone sends some mail
at once (a forgotten user name) and shows an error page when no mail server answers, so an SMTP sink
on 127.0.0.1:<smtp port> writes every message to <mail.log> instead: nothing reaches the network.
Usage: python serve.py <instance>/etc/zope.ini <port> <smtp port> <mail.log>
"""
import logging.config
import sys
from pathlib import Path

from paste.deploy import loadapp
from waitress import serve

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the sites' shared mail_sink.py
import mail_sink  # noqa: E402


def main() -> None:
    ini, port, smtp_port, mail_log = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    mail_sink.start(mail_log, smtp_port)
    logging.config.fileConfig(ini, disable_existing_loggers=False)
    zope = loadapp(f"config:{ini}")
    prefix = f"/VirtualHostBase/http/127.0.0.1:{port}/Plone/VirtualHostRoot"

    def at_root(environ, start_response):
        environ["PATH_INFO"] = prefix + environ.get("PATH_INFO", "/")
        return zope(environ, start_response)

    serve(at_root, host="127.0.0.1", port=port, threads=4)


if __name__ == "__main__":
    main()
