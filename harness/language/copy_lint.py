"""Lint message catalogues with the copy scorer, Vale style: `file:line:col: rule: message`.

Why a filter: a catalogue also holds button labels, headings, field names and month names
("Continue", "Messages", "String (unlimited)") that are not messages; scoring them as cold copy is
a false alarm people learn to ignore. Like axe's "inapplicable", such strings get the verdict
"not a message" and no finding. A string is a message when its key or the catalogue's own context
(msgctxt, translator comments) names a message kind (`errors.*`, `*.confirmation`, …); a label when
they name a label (`title`, `button`, `verbose_name`, …). Otherwise by its shape: one word, a lone
question, a first-person checkbox line, a greeting or a short Title Case heading is not a message; a
short unpunctuated phrase needs a message word ("not", "invalid", "failed"), a longer one a cue.
Format placeholders are read as the values they stand for (`placeholders.fill`) before scoring.
`all_strings` lints everything; plain-text catalogues are one message a line, all linted.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from harness.language.catalogues import CatalogueMessage, catalogue_format, read_catalogue
from harness.language.placeholders import fill

# Key path words -> message kind; the first match wins, so specific words come first. "errors.*" keys
# hold field errors as often as faults, so they mark a message but leave its kind to the text.
_KEY_HINTS: tuple[tuple[str, str | None], ...] = (
    (r"valid|invalid|required|field|format|too_?long|too_?short|missing", "validation"),
    (r"timeout|timed_?out|session|expire|inactiv|signed_?out", "timeout"),
    (r"hand_?off|hand_?over|transfer|agent|escalat", "handoff"),
    (r"empty|no_?results|no_?items|none_?found|nothing", "empty"),
    (r"confirm|success|submitted|thank|receipt|done|complete", "confirmation"),
    (r"status|loading|progress|pending|processing|waiting|busy", "status"),
    (r"fault|unavailable|declined|denied|exception|outage|maintenance", "error"),
    (r"errors?|fail|problem|oops|alert|warning|message|notice|toast|flash", None),
)
_KEY_RES = tuple((re.compile(rf"(?:^|[._\-\[\]|/\s]|\b)(?:{p})", re.IGNORECASE), k) for p, k in _KEY_HINTS)


@dataclass(frozen=True)
class LintFinding:
    """One alert: where, which rule, how severe, what to say, and the suggested rewrite."""

    file: str
    line: int
    col: int
    rule: str
    level: str
    message: str
    text: str
    suggestion: str = ""

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def kind_hint(key: str) -> str | None:
    """The message kind a catalogue key names, if any (`payment.declined` -> error, `errors.x` -> None)."""
    for pattern, kind in _KEY_RES:
        if pattern.search(key):
            return kind
    return None


def names_message(key: str) -> bool:
    """Whether the key says its string is a message (`errors.*`, `*.confirmation`, `flash.*`, …)."""
    return any(pattern.search(key) for pattern, _ in _KEY_RES)


# Key or context words that say the string is a label, not a message (last key segment or comment).
_LABEL_HINT = re.compile(
    r"(?:^|[._\-\[\]|/\s])(?:title|label|heading|header|button|btn|menu|nav|link|tab|column|col|caption|"
    r"placeholder|verbose_?name|name|month|weekday|day|language|lang|code|subject|tooltip|legend|option|"
    r"choice|field label|abbrev|alt)s?(?:$|[._\-\[\]|/\s])", re.IGNORECASE)
# Words that make even a short, unpunctuated phrase a message ("Invalid login", "No results").
_MESSAGE_WORDS = re.compile(
    r"\b(?:not|no|never|nothing|none|cannot|can't|couldn't|unable|fail(?:ed|s|ure)?|error|invalid|required|must|"
    r"please|sorry|thank(?:s| you)|success(?:ful(?:ly)?)?|saved|sent|received|deleted|removed|added|updated|"
    r"expired|denied|forbidden|wait|try|isn't|aren't|doesn't|don't|won't|wasn't|missing|too (?:long|short)|"
    r"exceed(?:s|ed)?)\b",
    re.IGNORECASE)
_SHORT_WORDS = 5
# A comment or note that says the string is a message wins over its label words ("the error message shown
# under the name field").
_MESSAGE_NOTE = re.compile(r"\b(?:error|warning|success|confirmation|notification|status|validation|flash|toast) "
                           r"(?:message|text)s?\b", re.IGNORECASE)
# A short phrase that starts with an action verb is a button or link ("Try again", "Go back", "Send code"),
# unless it names a fault or a rule ("Try again later", "Upload a valid image").
_ACTION = re.compile(
    r"^(?:add|apply|approve|archive|assign|back|browse|cancel|change|clear|close|collapse|continue|copy|create|"
    r"crop|delete|disable|download|duplicate|edit|enable|expand|export|get|go|hide|import|invite|lock|log|manage|"
    r"mark|merge|move|open|preview|print|publish|refresh|reject|reload|remove|rename|reply|reset|resend|resize|"
    r"restore|retry|return|rotate|run|save|scroll|search|see|send|set|share|show|sign|skip|sort|start|stop|"
    r"submit|subscribe|switch|toggle|try|undo|unlock|unsubscribe|update|upload|view|visit)\b(?![^.!?]*\b(?:valid|"
    r"invalid|required|must|later|please|sorry|fail(?:ed)?|error|not|no)\b)", re.IGNORECASE)
# A short phrase that reports a done deed on a thing is a message ("URL copied to clipboard", "File uploaded"),
# not a heading ("Getting started"), a count ("All 5 selected"), a rank ("Most used") or a right ("can view
# restricted pages").
_DONE = re.compile(r"^(?!\w+ing\b|(?:most|least|last|first|recently|newly|is|are|can|may|will)\b)[^\W\d_][\w-]*"
                   r"(?: [^\W\d_][\w-]*)? (?:\w+ed|sent|done|made)(?: (?:to|from|in|into|on|for) [\w -]+)?$",
                   re.IGNORECASE)
# What keeps a lower-case phrase a message rather than a name ("upload failed", "no file chosen" against "date
# published", "files with missing tags").
_FAULT = re.compile(r"\b(?:fail(?:ed|s|ure)?|error|denied|expired|invalid|not|cannot|can't|unable)\b", re.IGNORECASE)
# A finite verb, a person, an imperative or a done deed ("Signed out.", "Key deactivated."): what turns a
# phrase into something said to someone.
_FINITE = re.compile(r"\b(?:is|are|was|were|be|been|has|have|had|can|could|will|would|must|should|may|might|do|"
                     r"does|did|we|you|your|i|it|they|please|exists?|already|now)\b", re.IGNORECASE)
_CLAUSE = re.compile(
    _FINITE.pattern + r"|(?:^|[.!?;]\s+)(?:enter|choose|select|use|add|check|try|"
    r"click|tap|upload|contact|call|resize|reduce|remove|change|ask|go)\b|^\w+ed\b|\b\w+ed[.!]?$",
    re.IGNORECASE)
# Shapes that are never a message: a lone question ("Are you sure?", "Forgot your password?") is a prompt;
# a first-person line ("I have saved my codes") is a checkbox or button; a greeting opens an email and a
# sign-off closes one ("Thanks for visiting today.", "Kind regards"); a date's caption ("Last updated by
# %(user)s"); an answer button ("No, go back"); a help text that describes a field or setting before anything
# went wrong ("Used to build the address.", "Leave empty to keep it.", "Optional. Shown under the title.", "If
# ticked, ...", "Click to pick a colour.").
_NOT_A_MESSAGE = re.compile(
    r"^[^.!?]*\?$|^I (?!am sorry)|^(?:hello|hi|hey|dear|welcome)\b|^(?:yes|no|ok|okay),\s"
    r"|^(?:thanks|thank you),? for (?:using|visiting|spending|choosing|reading|stopping by|being)\b"
    r"|^(?:(?:kind|best|warm) )?regards\b|^see you (?:soon|later|again)\b|^cheers\b"
    r"|^(?:last|first|recently|most recently) \w+(?:ed|en)(?: (?:on|at|by|in)\b|$)"
    r"|^(?:designates|determines|controls|specifies|indicates|whether|used (?:to|for|as|when|in|by)|shown|displayed|"
    r"leave (?:this |it )?(?:empty|blank)|(?:optional|required)\.|if (?:checked|ticked|set|enabled|selected|"
    r"unchecked|unticked|left|blank|empty)\b|(?:click|tap|tick|check|hover)(?: this| here)? to\b)",
    re.IGNORECASE)


_NOTE_HEAD = 3  # the words of a note that say what its string is ("The label of ...", "Title of the page")
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")  # where a camelCase key starts a word


def _hints(msg: CatalogueMessage) -> tuple[str, str]:
    """What names the string, never the text: (the key path, its note) for JSON/YAML, (the catalogue's context, "")
    for .po; camelCase words are split (`retryButtonLabel` names a label, `cardDeclined` an error). A key's last
    `.message` is the slot its format keeps every string in (`{"x": {"message": ..., "description": ...}}`), no word
    about the string."""
    key = re.sub(r"(?<=.)\.message$", "", msg.key)
    hints, note = (msg.context, "") if catalogue_format(Path(msg.file)) == "po" else (key, msg.context)
    return _CAMEL.sub("_", hints), _CAMEL.sub("_", note)


def is_message(text: str, hints: str = "", note: str = "") -> bool:
    """Whether a catalogue string is a message worth scoring rather than a label, heading or button.

    `hints` (a key, or a .po context) outranks `note` (a JSON/YAML note for translators) unless the note opens by
    saying what the string is ("The label of the button ..."): further on, its words are often about the string's
    subject ("Shown when the sign-in link has expired"), and decide only when the key is silent.
    """
    from harness.language.copy_kinds import cue_counts

    value = " ".join(fill(text).split())
    words = re.findall(r"[^\W\d_]+", re.sub(r"\([^)]*\)", " ", value))
    says_message = _MESSAGE_NOTE.search(f"{hints} {note}")
    head = " ".join(note.split()[:_NOTE_HEAD])
    if not words or (_LABEL_HINT.search(hints) or _LABEL_HINT.search(head)) and not says_message:
        return False
    if names_message(hints):
        return True
    if _LABEL_HINT.search(note) and not says_message:
        return False
    if names_message(note):
        return True
    if len(words) < 2 or " " not in value or _NOT_A_MESSAGE.search(value):
        return False
    if len(words) <= _SHORT_WORDS and not value.endswith((".", "!")):
        titled = all(w[0].isupper() for w in words if len(w) > 3)
        if titled or _ACTION.search(value):
            return False
        if value[0].islower() and not (_FINITE.search(value) or _FAULT.search(value) or _MESSAGE_WORDS.match(value)):
            return False  # a name or a column ("files with missing metadata", "date taken")
        return _MESSAGE_WORDS.search(value) is not None or _DONE.search(value) is not None
    if not _CLAUSE.search(value) and not _MESSAGE_WORDS.search(value):
        return False  # a description with no verb or person in it: a help text or a caption
    return any(cue_counts(value).values()) or value.endswith((".", "!", "?")) or bool(_MESSAGE_WORDS.search(value))


def collect(paths: Iterable[Path], all_strings: bool = False,
            ) -> list[tuple[CatalogueMessage, str | None, bool]]:
    """Every string in the files with the kind its key or context suggests and whether it is a message."""
    out: list[tuple[CatalogueMessage, str | None, bool]] = []
    for path in paths:
        plain = catalogue_format(path) == "text"
        for msg in read_catalogue(path):
            hints, note = _hints(msg)
            applies = plain or all_strings or is_message(msg.text, hints, note)
            out.append((msg, kind_hint(f"{hints} {note}"), applies and not msg.note))
    return out


def lint(paths: Iterable[Path], kind: str | None = None, all_strings: bool = False,
         ) -> tuple[list[dict[str, Any]], list[LintFinding]]:
    """Score every message in the files: (one record per string, "inapplicable" for those that are not
    messages; the findings for cold/uncertain ones)."""
    from harness.language.copy import score_many
    from harness.language.copy_kinds import decided_kind

    found = collect(paths, all_strings)
    messages = [(m, hint) for m, hint, applies in found if applies]
    # The text's own shape ("... does not match") outranks a key's word (`confirmed`); the key outranks cue counts.
    scores = score_many([{"text": fill(m.text), "kind": kind or decided_kind(fill(m.text)) or hint, "field": ""}
                         for m, hint in messages])
    records: list[dict[str, Any]] = [
        {"file": m.file, "line": m.line, "col": m.col, "key": m.key, "text": m.text, "verdict": "inapplicable",
         "reason": "a note for translators" if m.note else "not a message (a label, heading or name)"}
        for m, _, applies in found if not applies]
    findings: list[LintFinding] = []
    for (msg, _), result in zip(messages, scores, strict=True):
        records.append({"file": msg.file, "line": msg.line, "col": msg.col, "key": msg.key, "text": msg.text,
                        **result.to_dict()})
        if result.verdict == "warm":
            continue
        level = "error" if result.verdict == "cold" else "warning"
        flat = " ".join(msg.text.split())
        short = flat if len(flat) <= 60 else flat[:57] + "..."
        summary = f"'{short}' reads as {result.verdict} (score {result.score:.2f}, {result.kind})."
        findings.append(LintFinding(msg.file, msg.line, msg.col, f"copy.{result.verdict}", level, summary,
                                    msg.text, result.suggestion))
        for reason in result.reasons:
            if not reason.ok:
                findings.append(LintFinding(msg.file, msg.line, msg.col, f"{reason.code}-{reason.name}",
                                            reason.level, reason.detail, msg.text))
    return records, findings


def format_text(findings: list[LintFinding]) -> str:
    """Vale's line format; the verdict line carries the suggested rewrite."""
    lines = []
    for f in findings:
        tail = f" Try: {f.suggestion}" if f.suggestion else ""
        lines.append(f"{f.file}:{f.line}:{f.col}: {f.rule}: {f.message}{tail}")
    return "\n".join(lines)
