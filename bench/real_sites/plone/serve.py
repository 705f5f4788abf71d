"""Serve the Zope instance's Plone site at the root of 127.0.0.1:<port> with waitress.

Why a wrapper: the site lives at /Plone inside Zope; a person should meet it at the address's root, as
behind the usual front web server. Zope's virtual hosting does that from the path alone (the
VirtualHostBase/VirtualHostRoot prefix), so every request gets that prefix here.
Usage: python serve.py <instance>/etc/zope.ini <port>
"""
import logging.config
import sys

from paste.deploy import loadapp
from waitress import serve


def main() -> None:
    ini, port = sys.argv[1], int(sys.argv[2])
    logging.config.fileConfig(ini, disable_existing_loggers=False)
    zope = loadapp(f"config:{ini}")
    prefix = f"/VirtualHostBase/http/127.0.0.1:{port}/Plone/VirtualHostRoot"

    def at_root(environ, start_response):
        environ["PATH_INFO"] = prefix + environ.get("PATH_INFO", "/")
        return zope(environ, start_response)

    serve(at_root, host="127.0.0.1", port=port, threads=4)


if __name__ == "__main__":
    main()
