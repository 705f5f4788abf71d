"""What every view of the portal shares: the switched-on defects, timings, records and copy.

Why an object in `app.extensions`: two apps (warm and cold) can run in one process, e.g. in tests.
"""

from __future__ import annotations

import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from flask import current_app, render_template, session

from harness.demo.records import Account, Records
from harness.demo.sessions import ServerSession, SessionStore
from harness.demo.voice import CONTACT_PHONE, Voice, duration


@dataclass
class Portal:
    """One running portal: its variant, defects, timings and in-memory back office."""

    variant: str
    defects: frozenset[str]
    submit_delay: float
    session_timeout: float
    agent_delay: float
    clock: Callable[[], float] = time.monotonic
    records: Records = field(default_factory=Records)
    sessions: SessionStore = field(default_factory=SessionStore)
    inflight: dict[str, threading.Event] = field(default_factory=dict)
    inflight_lock: threading.Lock = field(default_factory=threading.Lock)

    def __post_init__(self) -> None:
        self.voice = Voice(self.defects)

    def on(self, defect: str) -> bool:
        return defect in self.defects

    @property
    def warn_before(self) -> float:
        """How long before the claim-form timeout the warning appears (half the timeout, at most 2 min)."""
        return min(120.0, self.session_timeout / 2)


def portal() -> Portal:
    found = current_app.extensions["demo_portal"]
    assert isinstance(found, Portal)
    return found


def on(defect: str) -> bool:
    return portal().on(defect)


def say(key: str, variant: str = "", **values: Any) -> str:
    return portal().voice.say(key, variant, **values)


def rotate_session() -> None:
    """New cookie id, same data: on sign-in and sign-out, against session fixation."""
    real = session._get_current_object()  # type: ignore[attr-defined]
    assert isinstance(real, ServerSession)
    portal().sessions.rotate(real)


def visitor_id() -> str:
    """A stable id for this browser's visit, kept across sign-in (the cookie id rotates)."""
    if "visitor" not in session:
        session["visitor"] = secrets.token_hex(8)
    return str(session["visitor"])


def signed_in() -> Account | None:
    email = session.get("account")
    return portal().records.account(email) if email else None


def error_messages(errors: dict[str, str]) -> dict[str, str]:
    """Turn error kinds ("required", "format", "format:card_expired") into the words shown."""
    messages: dict[str, str] = {}
    for name, kind in errors.items():
        group, _, specific = kind.partition(":")
        messages[name] = say(f"errors.{group}", specific or name)
    return messages


def summary_heading(count: int) -> str:
    return say("errors.summary_heading", count=f"{count} answer" if count == 1 else f"{count} answers")


def page(template: str, status: int = 200, **context: Any) -> tuple[str, int]:
    """Render with what every page needs: the account, the help route, the defect switches."""
    p = portal()
    context.setdefault("account", signed_in())
    context.setdefault("show_help", not p.on("no-human-route"))
    context.setdefault("errors", {})
    context.setdefault("values", {})
    return render_template(template, on=p.on, say=say, phone=CONTACT_PHONE, duration=duration,
                           variant=p.variant, **context), status
