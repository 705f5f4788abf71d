"""The browser side: launch or connect (session), record (recorder), act as the persona (actor), journey."""

from __future__ import annotations

__all__ = ["launch_browser", "BrowserHandle", "Journey", "Actor", "Recorder"]


def __getattr__(name: str) -> object:
    # Why lazy: importing the package must stay cheap (the CLI imports it for `--help` paths).
    if name in ("launch_browser", "BrowserHandle"):
        from harness.browser import session

        return getattr(session, name)
    if name == "Journey":
        from harness.browser.journey import Journey

        return Journey
    if name == "Actor":
        from harness.browser.actor import Actor

        return Actor
    if name == "Recorder":
        from harness.browser.recorder import Recorder

        return Recorder
    raise AttributeError(name)
