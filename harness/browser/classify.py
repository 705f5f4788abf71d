"""Name what a page said: the kind of a message, who said it, and whether it asks something.

Why in Python and not in the page script: the rules are easier to read and unit-test here, and
the page script stays small. The rules lean on structure first (ARIA roles, live regions, field
ties, speaker attributes) and only then on wording, so they hold on sites nobody has seen.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from harness.transcript import MessageKind, Speaker

_TIMEOUT = re.compile(
    r"\bsession\b.{0,40}\b(expir|time[sd]? ?out|timing out|end(?:s|ed|ing)?\b|about to)"
    r"|\b(time[sd]? out|timing out|expir\w*|logged out|signed out)\b.{0,40}\b(inactiv|idle|security)"
    r"|\bstill there\?|\bare you still (there|here|with us)"
    r"|\byou(?:'ll| will) be (?:signed|logged) out\b|\b(sign|log)(?:ged)? you out\b.{0,30}\b(minute|second)",
    re.I,
)
_HANDOFF = re.compile(
    # Happening now (not a promise for later): "connecting you to an adviser", "an agent has joined".
    r"\b(connecting|transferring|passing|handing|putting)\b.{0,20}\b(you|this|the conversation|the chat)\b.{0,40}"
    r"\b(to|with|through to|over to|on to)\b.{0,30}\b(person|human|agent|advis[oe]r|colleague|specialist"
    r"|representative|member of (?:our |the )?team|someone|staff|operator)"
    r"|\b(agent|advis[oe]r|colleague|specialist|representative|operator)\b.{0,40}"
    r"\b(has |have )?(joined|is joining|is here|is now)"
    r"|\byou(?:'re| are) now (chatting|talking|speaking|connected) (with|to)\b"
    r"|\b(handing (?:you )?over|transferring you|connecting you)\b",
    re.I,
)
_CONFIRM = re.compile(
    r"\b(reference|ref\.?|confirmation|claim|order|case|application|ticket|booking|tracking)\s*"
    r"(number|no\.?|id|code|#)?\s*(is|:)?\s*(?=[A-Z-]*\d)[A-Z0-9][A-Z0-9-]{3,}\b"
    r"|\b(we(?:'ve| have)|has been|have been|was|were|is)\s+(received|submitted|sent|saved|booked|registered"
    r"|confirmed|complete[d]?|accepted|processed|updated|created)\b"
    r"|^\s*[a-z]+ #?\d+ created\b"  # the new item named by its number: "issue 5 created"
    r"|\bwe(?:'ve| have)( just)? (e-?mailed|texted|messaged|sent)\b"
    r"|\byou (?:should|will|'ll) (?:soon )?(?:receive|get)\b.{0,60}\b(shortly|soon|within|minutes?|hours?|days?)\b"
    r"|\b(thank you|thanks) for\b|\bsuccess(fully)?\b"
    r"|\b(application|claim|order|request|payment|submission|form) (complete|received|submitted|sent|confirmed)\b",
    re.I,
)
_GREETING = re.compile(
    r"^\s*(welcome( back)?|hello|hi|hey|good (morning|afternoon|evening)|greetings|nice to see you)\b", re.I
)
_EMPTY = re.compile(
    r"\b(you have(n't| not)? no|you don't have any|there (are|is) no|nothing (to show|here|yet|found)"
    r"|no (results|items|records|claims|messages|orders|documents|data)( found| yet| to show)?\b|none yet"
    r"|^(0|zero) (results|matches|hits|items|records)\b)",  # a count of nothing: "0 results (6 total)"
    re.I,
)
_ERRORISH = re.compile(
    r"\b(error|errors|problem|went wrong|failed|failure|could ?n[o']t|can ?n[o']t|unable|invalid|incorrect"
    r"|not (?:a |an )?(valid|allowed|recognised|recognized|found|accepted)|denied|rejected|try again|unavailable"
    r"|must (be|have|include|contain|match)|is required|too (long|short))\b",
    re.I,
)
_QUESTION_START = re.compile(
    r"^(what|which|when|where|who|whom|whose|why|how|can|could|would|will|do|does|did|is|are|have|has|may|shall|should)\b"
    r"|\b(please (tell|enter|give|provide|share|type|confirm|send|let me know)|tell me|let me know"
    r"|can you|could you|may i have)\b",
    re.I,
)
_SPEAKERS: tuple[tuple[Speaker, re.Pattern[str]], ...] = (
    ("bot", re.compile(r"\b(bot|chatbot|assistant|virtual|automated|ai|robot)\b", re.I)),
    ("agent", re.compile(
        r"\b(agent|advis[oe]r|human|staff|operator|representative|support|colleague|person|specialist|team)\b", re.I)),
    ("user", re.compile(r"\b(user|customer|me|you|self|visitor|client|outgoing|sent|mine)\b", re.I)),
    ("system", re.compile(r"\b(system|info|notice|event|status|meta)\b", re.I)),
)
_CLASS = {
    "toast": re.compile(r"toast|snackbar|notification|flash", re.I),
    "summary": re.compile(
        r"error[-_]?summary|errorlist|error[-_]?list|alert[-_]?(danger|error)|notification--error", re.I),
    "error": re.compile(r"error|invalid|danger|field-validation|validation", re.I),
    "success": re.compile(r"confirmation|success|panel--confirmation", re.I),
    "empty": re.compile(r"empty|no-?results?|zero-state|nothing|not-?found", re.I),
    "greeting": re.compile(r"greeting|welcome", re.I),
    "timeout": re.compile(r"timeout|time-out|session-(warning|expir)", re.I),
    "warning": re.compile(r"warn", re.I),
}
_WARNING = re.compile(r"^\s*(warning|caution)\b", re.I)
_QUOTES = str.maketrans(dict.fromkeys("\u2018\u2019\u201b\u2032", "'"))


def speaker_of(hints: str, text: str = "") -> Speaker:
    """Who said a chat line, from data attributes, classes, aria-label or a "Name:" prefix."""
    for speaker, pattern in _SPEAKERS:
        if hints and pattern.search(hints):
            return speaker
    prefix = re.match(r"^\s*([\w .()'-]{1,30}):\s", text)
    if prefix:
        for speaker, pattern in _SPEAKERS:
            if pattern.search(prefix.group(1)):
                return speaker
    return ""


def is_question(text: str) -> bool:
    """A line that asks the person for something (ends with '?', or asks in so many words)."""
    t = text.strip()
    if not t:
        return False
    if "?" in t[-3:] or re.search(r"\?\s", t):
        return True
    return bool(_QUESTION_START.search(t))


def classify(raw: Mapping[str, Any]) -> tuple[MessageKind, Speaker, bool]:
    """Kind, speaker and question-ness of one message the page script saw.

    Structure decides first: a field tie makes a validation message, a chat container or speaker
    makes a chat line, a role or live region an alert or status; wording only settles the rest.
    """
    text = str(raw.get("text", "")).translate(_QUOTES)  # "We\u2019ve" reads as "We've"
    role = str(raw.get("role", "")).lower()
    cls = str(raw.get("cls", ""))
    live = str(raw.get("live", "")).lower()
    tag = str(raw.get("tag", "")).lower()
    speaker: Speaker = ""
    if raw.get("chat") or raw.get("speaker"):
        speaker = speaker_of(str(raw.get("speaker", "")), text)
    is_chat = bool(raw.get("chat")) or (bool(raw.get("speaker")) and speaker != "")
    errorish_class = bool(_CLASS["error"].search(cls))

    if raw.get("raw_page"):  # a JSON or plain-text answer shown as is: an error if it says one, never a page's copy
        return ("error" if _ERRORISH.search(text) else "text"), "", False
    if raw.get("browser_validation"):
        return "error", "", False  # the browser's own bubble: the submit did not go
    if raw.get("field") and (raw.get("field_tied") or errorish_class
                             or (raw.get("field_invalid") and (role == "alert" or _ERRORISH.search(text)))):
        return "validation", "", False
    if role == "alertdialog" or _CLASS["timeout"].search(cls) or raw.get("in_dialog"):
        if _TIMEOUT.search(text):
            return "timeout", speaker, False
    elif _TIMEOUT.search(text) and (role in ("alert", "status") or live or _CLASS["toast"].search(cls)):
        return "timeout", speaker, False
    if _HANDOFF.search(text) and (is_chat or role in ("status", "log", "alert") or live):
        return "handoff", speaker or "system", False
    if is_chat:
        return "chat", speaker, speaker in ("bot", "agent", "") and is_question(text)
    if _CLASS["toast"].search(cls):
        return "toast", "", False
    if _CLASS["summary"].search(cls):
        return "error", "", False
    if raw.get("chrome"):
        return "text", "", False  # a live region holding navigation or a landmark's name: announced, not status
    if _CLASS["warning"].search(cls) or (_WARNING.search(text) and (role in ("alert", "status") or live)):
        return "warning", "", False
    if role in ("alert", "alertdialog"):
        if _CONFIRM.search(text) and not _ERRORISH.search(text):
            return "confirmation", "", False
        return "alert", "", False
    if _CLASS["success"].search(cls) and not _ERRORISH.search(text):
        return "confirmation", "", False
    if role in ("status", "progressbar", "timer") or live in ("polite", "assertive"):
        if _CONFIRM.search(text) and not _ERRORISH.search(text):
            return "confirmation", "", False
        if errorish_class and _ERRORISH.search(text):
            return "error", "", False  # announced politely, but an error all the same
        return "status", "", False
    if errorish_class and _ERRORISH.search(text):
        return "error", "", False
    if _EMPTY.search(text) or (_CLASS["empty"].search(cls) and len(text) < 200):
        return "empty", "", False
    if _GREETING.search(text) or _CLASS["greeting"].search(cls):
        return "greeting", "", False
    if role == "heading" or tag in ("h1", "h2"):
        if _CONFIRM.search(text) and not _ERRORISH.search(text):
            return "confirmation", "", False
        return "heading", "", False
    if _CONFIRM.search(text) and not _ERRORISH.search(text):
        return "confirmation", "", False
    if errorish_class:
        return "error", "", False
    return "text", "", False
