"""The mail the site under test sent: read from where its test set-up writes it, to follow a link as a person does.

Why on disk: a site under test sends no real mail; its set-up writes it to a folder of message files (Django's file
backend, one file a sending, messages divided by a line of dashes; a Maildir) or an mbox file (an SMTP sink), which
`[tool.empathy] mailbox` names. Nothing is fetched from the network.
"""

from __future__ import annotations

import email
import html
import re
from email.message import Message
from email.utils import getaddresses
from pathlib import Path
from urllib.parse import urlsplit

# between two messages: a line of dashes (Django's file backend), or an mbox's "From <sender> <date>" line
_BETWEEN = re.compile(r"^(-{20,}[ \t]*|From [^\s:]+ .*)$", re.M)
_LINK = re.compile(r"https?://[^\s<>\"'()\[\]]+")
_HIDDEN = re.compile(r"<(style|script|head)\b", re.I)  # where an HTML mail's parts nobody reads begin
_OTHER_TAG = re.compile(r"<(?!a\s)[^<>]*>", re.I)  # every tag but a link's (no "<" inside: one pass, not one a "<")
_FIX = "check that [tool.empathy] mailbox names where the site under test writes the mail it sends"


def messages(where: Path) -> list[Message]:
    """Every message in the mailbox, oldest first (files in the order they were written): the folder's files and a
    Maildir's new/ and cur/, not its tmp/ (messages still being written: a link read there may be cut short), nor any
    folder below (a mailbox set to the workspace is not read whole at every look). A file gone meanwhile is passed."""
    out: list[Message] = []
    for path in sorted(_files(where), key=_written_at):
        try:
            out += _split(path.read_text(encoding="utf-8", errors="replace"))
        except OSError:
            continue
    return out


def _files(where: Path) -> list[Path]:
    if where.is_dir():
        return [p for d in (where, where / "new", where / "cur") if d.is_dir() for p in d.iterdir() if p.is_file()]
    return [where] if where.is_file() else []


def _written_at(path: Path) -> tuple[float, str]:
    try:
        return path.stat().st_mtime, path.name
    except OSError:  # gone since it was listed
        return 0.0, path.name


def _split(text: str) -> list[Message]:
    """The messages of one file. A piece with no headers after a divider belongs to the message before: the divider
    was a line of its body (a plain-text mail's rule of dashes, a sentence that begins "From here you can")."""
    pieces = _BETWEEN.split(text)  # text, divider, text, divider, ...
    raw: list[str] = []
    for n in range(0, len(pieces), 2):
        piece = pieces[n].lstrip("\r\n")
        if _headed(email.message_from_string(piece)):
            raw.append(piece)
        elif raw:
            raw[-1] += pieces[n - 1] + pieces[n]
    return [email.message_from_string(r) for r in raw]


def _headed(msg: Message) -> bool:
    return bool(msg["To"] or msg["Subject"])


def _to(msg: Message) -> set[str]:
    """The addresses the message went to, each whole ("sam@x" is not "adam.sam@x"), in any case."""
    return {a.casefold() for _, a in getaddresses([str(msg[h] or "") for h in ("To", "Cc", "Delivered-To")]) if a}


def _body(msg: Message) -> str:
    """The message's words: its plain-text part first, else its HTML, decoded, with its links' tags and no other (a
    logo's or a style sheet's address is nothing a person follows), its entities too ("&amp;" in a link's query is
    "&" to the browser that follows it)."""
    parts = {p.get_content_type(): p for p in msg.walk() if not p.is_multipart()}
    part = parts.get("text/plain") or parts.get("text/html")
    raw = part.get_payload(decode=True) if part is not None else b""
    if not (isinstance(raw, bytes) and part):
        return ""
    text = raw.decode(part.get_content_charset() or "utf-8", "replace")
    if part.get_content_type() != "text/html":
        return text
    return html.unescape(_OTHER_TAG.sub(" ", _without_hidden(text)))


def _without_hidden(text: str) -> str:
    """The HTML without its style, script and head elements, in one pass: a pattern that looked for each one's end
    from every start scanned to the end of the mail from every start never closed (minutes on a mail of 100 KB of
    them); a kind of part found unclosed once is not looked for again."""
    lower, kept, pos, unclosed = text.lower(), [], 0, set()
    for start in _HIDDEN.finditer(text):
        tag = start[1].lower()
        if start.start() < pos or tag in unclosed:
            continue
        end = lower.find(f"</{tag}", start.end())
        close = lower.find(">", end) if end >= 0 else -1
        if close < 0:
            unclosed.add(tag)
            continue
        kept += [text[pos:start.start()], " "]
        pos = close + 1
    return "".join([*kept, text[pos:]])


def link_sent_to(where: Path, address: str, site: str) -> tuple[str, str]:
    """(the link, "") in the newest message to `address`: the first on the site's own host, else the first; else
    ("", what the mailbox holds, for the failure)."""
    if not where.exists():
        return "", f"the mailbox {where} does not exist (no mail was written there): {_FIX}"
    mail = messages(where)
    if not mail:
        holds = "holds no mail (no message with a To or Subject)" if _files(where) else \
            "is empty (did the site send the mail?)"
        return "", f"the mailbox {where} {holds}: {_FIX}"
    mine = [m for m in mail if address.strip().casefold() in _to(m)]
    host = urlsplit(site).netloc
    for msg in reversed(mine):
        links = [u.rstrip(".,;:!?") for u in _LINK.findall(_body(msg))]
        if links:
            return next((u for u in links if urlsplit(u).netloc == host), links[0]), ""
    if mine:
        return "", f"the mail to {address} ({str(mine[-1]['Subject'] or '')!r}) holds no link"
    seen = ", ".join(dict.fromkeys(str(m["To"] or "") for m in mail)) or "none"
    return "", f"no mail to {address} in {where} ({len(mail)} message(s), to: {seen})"
