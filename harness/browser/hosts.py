"""The hosts a persona may reach, and the guard that keeps it there: a proxy that refuses everything else.

Why a proxy, not a route: a persona must never carry its data to a host the team did not allow. A route sees
every request (the browser pauses each one for the driver, and Playwright turns the HTTP cache off for a context
with one) and costs a call as the journey opens; a per-context proxy is an option of the context itself. Every
request to a host not allowed goes to a proxy that refuses to connect (a port this process holds bound and never
listens on), so it fails in the browser before it leaves the machine (no name is looked up either), and the journey
records it as "blocked-host" friction from the failure; the allowed hosts bypass it and are fetched as plain
Playwright fetches them. `<-loopback>` takes off Chromium's own bypass of 127.0.0.0/8 and localhost, so a second
local server on another address or port is refused too.
"""

from __future__ import annotations

import socket
from typing import Any
from urllib.parse import urlsplit

BLOCKED = "ERR_PROXY_CONNECTION_FAILED"  # how the browser tells a request the guard refused
_REFUSER: list[socket.socket] = []  # the bound, never listening socket the guard's proxy address points at


def allowed_hosts(settings: Any) -> list[str]:
    """The hosts a persona may visit: `allowed_hosts`, or the base URL's host."""
    hosts = [h.strip().lower() for h in (getattr(settings, "allowed_hosts", []) or []) if h.strip()]
    if not hosts:
        host = urlsplit(settings.base_url).hostname or ""
        hosts = [host.lower()] if host else []
    return hosts


def host_matches(host: str, port: int | None, allowed: list[str]) -> bool:
    """Whether host[:port] is allowed; entries may be "host", "host:port" or "*.domain"."""
    host = (host or "").lower().rstrip(".")
    for entry in allowed:
        name, _, want_port = entry.partition(":") if not entry.startswith("[") else (entry, "", "")
        if want_port and str(port or "") != want_port:
            continue
        if name.startswith("*."):
            if host.endswith(name[1:]) or host == name[2:]:
                return True
        elif host == name:
            return True
    return False


def url_allowed(url: str, allowed: list[str]) -> bool:
    """Whether a persona may reach `url` (an address of no host, as data: or about:, always)."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https", "ws", "wss"):
        return True
    try:
        port = parts.port
    except ValueError:
        return False
    return host_matches(parts.hostname or "", port, allowed)


def guard_proxy(allowed: list[str]) -> dict[str, str]:
    """The context's proxy settings: every host but `allowed` goes to a proxy that refuses to connect."""
    if not _REFUSER:
        refuser = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        refuser.bind(("127.0.0.1", 0))
        _REFUSER.append(refuser)
    port = _REFUSER[0].getsockname()[1]
    bypass = []
    for entry in allowed:
        bypass.append(entry)
        if entry.startswith("*."):
            bypass.append(entry[2:])  # "*.example.org" is example.org itself too, as host_matches reads it
    return {"server": f"http://127.0.0.1:{port}", "bypass": ",".join(["<-loopback>", *bypass])}
