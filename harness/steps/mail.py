"""The mail the site under test sent: read from where its test set-up writes it, to follow a link as a person does.

Why on disk: a site under test sends no real mail; its set-up writes it to a folder of message files (Django's file
backend, one file a sending, messages divided by a line of dashes; a Maildir) or an mbox file (an SMTP sink), which
`[tool.empathy] mailbox` names. Nothing is fetched from the network.
"""

from __future__ import annotations

import email
import re
from email.message import Message
from pathlib import Path
from urllib.parse import urlsplit

# between two messages: a line of dashes (Django's file backend), or an mbox's "From <sender> <date>" line
_BETWEEN = re.compile(r"^(?:-{20,}[ \t]*|From [^\s:]+ .*)$", re.M)
_LINK = re.compile(r"https?://[^\s<>\"'()\[\]]+")


def messages(where: Path) -> list[Message]:
    """Every message in the mailbox, oldest first (files in the order they were written)."""
    written = [p for p in where.rglob("*") if p.is_file()] if where.is_dir() else [where] if where.is_file() else []
    files = sorted(written, key=lambda p: (p.stat().st_mtime, p.name))
    out: list[Message] = []
    for path in files:
        for chunk in _BETWEEN.split(path.read_text(encoding="utf-8", errors="replace")):
            msg = email.message_from_string(chunk.lstrip("\r\n"))
            if msg["To"] or msg["Subject"]:
                out.append(msg)
    return out


def _to(msg: Message) -> str:
    return " ".join(str(msg[h] or "") for h in ("To", "Cc", "Delivered-To")).casefold()


def _body(msg: Message) -> str:
    """The message's words: its plain-text part first, else its HTML, decoded."""
    parts = {p.get_content_type(): p for p in msg.walk() if not p.is_multipart()}
    part = parts.get("text/plain") or parts.get("text/html")
    raw = part.get_payload(decode=True) if part is not None else b""
    return raw.decode(part.get_content_charset() or "utf-8", "replace") if isinstance(raw, bytes) and part else ""


def link_sent_to(where: Path, address: str, site: str) -> tuple[str, str]:
    """(the link, "") in the newest message to `address`: the first on the site's own host, else the first; else
    ("", what the mailbox holds, for the failure)."""
    mail = messages(where)
    mine = [m for m in mail if address.casefold() in _to(m)]
    host = urlsplit(site).netloc
    for msg in reversed(mine):
        links = [u.rstrip(".,;:!?") for u in _LINK.findall(_body(msg))]
        if links:
            return next((u for u in links if urlsplit(u).netloc == host), links[0]), ""
    if mine:
        return "", f"the mail to {address} ({str(mine[-1]['Subject'] or '')!r}) holds no link"
    seen = ", ".join(dict.fromkeys(str(m["To"] or "") for m in mail)) or "none"
    return "", f"no mail to {address} in {where} ({len(mail)} message(s), to: {seen})"
