"""Server-side sessions: the browser holds only a random id; the answers live in this process.

Why not Flask's signed-cookie session: a real portal keeps claim drafts on the server, and the
session-timeout journey needs the server to be able to forget a form.
"""

from __future__ import annotations

import secrets
import threading
import time
from typing import Any

from flask import Flask, Request, Response
from flask.sessions import SessionInterface, SessionMixin

COOKIE_NAME = "hm_session"
IDLE_LIFETIME_S = 2 * 60 * 60  # sessions unused this long are dropped, so memory stays bounded


class ServerSession(dict[str, Any], SessionMixin):
    """One visitor's data; the same object is shared by concurrent requests of that visitor."""

    def __init__(self, sid: str) -> None:
        super().__init__()
        self.sid = sid
        self.lock = threading.RLock()  # for read-modify-write sequences (chat, submit)
        self.touched = time.monotonic()
        self.modified = True


class SessionStore:
    """A thread-safe dict of session id -> ServerSession."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._sessions: dict[str, ServerSession] = {}

    def get(self, sid: str | None) -> ServerSession | None:
        with self._lock:
            found = self._sessions.get(sid) if sid else None
            if found is not None:
                found.touched = time.monotonic()
            return found

    def create(self) -> ServerSession:
        with self._lock:
            self._prune()
            sid = secrets.token_urlsafe(24)
            created = self._sessions[sid] = ServerSession(sid)
            return created

    def drop(self, sid: str) -> None:
        with self._lock:
            self._sessions.pop(sid, None)

    def rotate(self, session: ServerSession) -> None:
        """Give a session a new id, keeping its data (sign-in and sign-out, against session fixation)."""
        with self._lock:
            self._sessions.pop(session.sid, None)
            session.sid = secrets.token_urlsafe(24)
            self._sessions[session.sid] = session

    def __len__(self) -> int:
        with self._lock:
            return len(self._sessions)

    def _prune(self) -> None:
        cutoff = time.monotonic() - IDLE_LIFETIME_S
        for sid in [sid for sid, s in self._sessions.items() if s.touched < cutoff]:
            del self._sessions[sid]


class ServerSessionInterface(SessionInterface):
    """Plugs the store into Flask: `session` is the visitor's ServerSession."""

    def __init__(self, store: SessionStore) -> None:
        self.store = store

    def open_session(self, app: Flask, request: Request) -> ServerSession:
        return self.store.get(request.cookies.get(COOKIE_NAME)) or self.store.create()

    def save_session(self, app: Flask, session: SessionMixin, response: Response) -> None:
        assert isinstance(session, ServerSession)
        if self.store.get(session.sid) is None:  # dropped during the request (sign-out): forget the cookie
            response.delete_cookie(COOKIE_NAME, path="/")
            return
        response.set_cookie(COOKIE_NAME, session.sid, httponly=True, samesite="Lax", path="/")
