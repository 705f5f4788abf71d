"""Name what a page said: the kind of a message, who said it, and whether it asks something.

Why in Python and not in the page script: the rules are easier to read and unit-test here, and
the page script stays small. The rules lean on structure first (ARIA roles, live regions, field
ties, speaker attributes) and only then on wording, so they hold on sites nobody has seen.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

from harness import phrases
from harness.transcript import MessageKind, Speaker

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
    # a notice's kind as a whole class word or suffix ("alert-info", "statusmessage-info"), not "infobox"
    "info": re.compile(r"(^|[-_\s])info(rmation)?([-_\s]|$)", re.I),
}
_SAYS_ERROR = re.compile(r"error|invalid", re.I)  # a class that names the verdict, not the colour ("danger")
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


def is_question(text: str, page_lang: str = "") -> bool:
    """A line that asks the person for something (ends with '?', or asks in so many words, in the words of
    the page's language)."""
    t = text.strip()
    if not t:
        return False
    if "?" in t[-3:] or re.search(r"\?\s", t):
        return True
    return bool(phrases.for_page(page_lang, "message_question").search(t))


_DANGER = re.compile(r"(^|[-_\s])danger([-_\s]|$)", re.I)


def _danger_notice(cls: str, says: Callable[[str], bool]) -> bool:
    """A toast drawn in the danger colour ("alert alert-danger" in a snackbar): the framework's notice for an error,
    whatever its words ("Fill out both fields.", "No user with this e-mail exists."); one that says it was done
    ("Thread deleted successfully.", red for a destructive action) is still a toast. A field's note is told apart by
    a class naming the verdict (`drawn_as_error`): a red note under a box may warn; a red notice answers a press."""
    return bool(_DANGER.search(cls)) and not (says("message_confirm") and not says("message_errorish"))


def drawn_as_error(raw: Mapping[str, Any], kind: str) -> bool:
    """A field's message whose own class draws it as an error ("errorlist", "invalid-feedback"): the site shows it
    as that field's error whatever its words ("A user with that username already exists."), though no role says so.
    A class that only colours it ("text-danger") does not: a red note under a box may warn before an action."""
    return kind == "validation" and bool(_SAYS_ERROR.search(str(raw.get("cls", ""))))


def classify(raw: Mapping[str, Any], page_lang: str = "") -> tuple[MessageKind, Speaker, bool]:
    """Kind, speaker and question-ness of one message the page script saw on a page in `page_lang`.

    Structure decides first: a field tie makes a validation message, a chat container or speaker
    makes a chat line, a role or live region an alert or status; wording only settles the rest.
    """
    text = str(raw.get("text", "")).translate(_QUOTES)  # "We\u2019ve" reads as "We've"

    def says(name: str) -> bool:
        if name == "message_confirm":  # "if your talk is accepted" says what would happen, not what was done
            return bool(phrases.for_page(page_lang, name).search(
                phrases.for_page(page_lang, "message_condition").sub(" ", text)))
        return bool(phrases.for_page(page_lang, name).search(text))

    role = str(raw.get("role", "")).lower()
    cls = str(raw.get("cls", ""))
    live = str(raw.get("live", "")).lower()
    tag = str(raw.get("tag", "")).lower()
    speaker: Speaker = ""
    if raw.get("chat") or raw.get("speaker"):
        speaker = speaker_of(str(raw.get("speaker", "")), text)
    is_chat = bool(raw.get("chat")) or (bool(raw.get("speaker")) and speaker != "")
    errorish_class = bool(_CLASS["error"].search(cls))
    # the page's own label opens the line ("Error: Please fill the required fields."): an error by its own word; a
    # heading so labelled names its page ("Error: Invalid entry number"), which a fault page is judged by
    labelled = (role != "heading" and tag not in ("h1", "h2")
                and bool(phrases.for_page(page_lang, "error_label").match(text.strip())))

    if raw.get("own"):  # the person's own words shown back (their post): content, whatever they say
        return "text", "", False
    if raw.get("raw_page"):  # a JSON or plain-text answer shown as is: an error if it says one, never a page's copy
        return ("error" if says("message_errorish") else "text"), "", False
    if raw.get("ways_on") and role != "heading" and tag not in ("h1", "h2"):
        return "text", "", False  # every word a link away ("Return to Home" in a box classed as an error): a way on
    if raw.get("empty_table"):
        return "empty", "", False  # a table that shows only its header row: nothing came back
    if raw.get("browser_validation"):
        return "error", "", False  # the browser's own bubble: the submit did not go
    if raw.get("field") and (raw.get("field_tied") or errorish_class
                             or (raw.get("field_invalid") and (role == "alert" or says("message_errorish")))):
        return "validation", "", False
    if role == "alertdialog" or _CLASS["timeout"].search(cls) or raw.get("in_dialog"):
        if says("message_timeout"):
            return "timeout", speaker, False
    elif says("message_timeout") and (role in ("alert", "status") or live or _CLASS["toast"].search(cls)):
        return "timeout", speaker, False
    if says("message_handoff") and (is_chat or role in ("status", "log", "alert") or live):
        return "handoff", speaker or "system", False
    if is_chat:
        return "chat", speaker, speaker in ("bot", "agent", "") and is_question(text, page_lang)
    if says("signed_in_as") and not says("message_errorish"):
        return "greeting", "", False  # "You are now logged in as …" names who the person is: no submission confirmed
    if _CLASS["toast"].search(cls) and not _SAYS_ERROR.search(cls) and not _danger_notice(cls, says):
        return "toast", "", False  # a flash box classed an error ("flash error") is the error it says it is
    if _CLASS["summary"].search(cls):
        return "error", "", False
    if raw.get("chrome"):
        return "text", "", False  # a live region holding navigation or a landmark's name: announced, not status
    if _CLASS["warning"].search(cls) or (says("message_warning") and (role in ("alert", "status") or live)):
        return "warning", "", False
    if role in ("alert", "alertdialog"):
        if says("message_confirm") and not says("message_errorish"):
            return "confirmation", "", False
        if _CLASS["info"].search(cls) and not errorish_class and not says("message_errorish"):
            return "status", "", False  # every notice announced as an alert, this one classed as information
        if _CLASS["success"].search(cls) and not errorish_class and not says("message_errorish"):
            return "confirmation", "", False  # ... and this one classed as a success ("alert-success")
        return "alert", "", False
    if _CLASS["success"].search(cls) and not says("message_errorish"):
        return "confirmation", "", False
    if role in ("status", "progressbar", "timer") or live in ("polite", "assertive"):
        if says("message_confirm") and not says("message_errorish"):
            return "confirmation", "", False
        if errorish_class and says("message_errorish") or labelled:
            return "error", "", False  # announced politely, but an error all the same
        return "status", "", False
    if errorish_class and says("message_errorish") or labelled:
        return "error", "", False
    if says("message_empty") or (_CLASS["empty"].search(cls) and len(text) < 200):
        return "empty", "", False
    if says("message_greeting") or _CLASS["greeting"].search(cls):
        return "greeting", "", False
    # worded as a confirmation but in the site's footer ("Thank you for creating with …"): its sign-off, no answer;
    # in a navigation landmark (a checkout's steps: "Order confirmed"): the name of a place, no answer either
    confirms = says("message_confirm") and not says("message_errorish") and \
        raw.get("landmark") not in ("contentinfo", "navigation")
    if role == "heading" or tag in ("h1", "h2"):
        return ("confirmation" if confirms else "heading"), "", False
    if confirms:
        return "confirmation", "", False
    if errorish_class:
        return "error", "", False
    return "text", "", False
