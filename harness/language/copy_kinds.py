"""Guess what kind of message a text is when the caller does not know (a catalogue line, a toast).

Why: the criteria differ by kind (a validation message needs a fix, a confirmation a reference),
so an unknown message is first placed. Cue words decide when they clearly point one way; the
embedding's nearest kind centroid breaks ties and places texts with no cue at all.
"""

from __future__ import annotations

import re

from harness.language.copy_rules import MESSAGE_KINDS

_CUES: dict[str, tuple[str, ...]] = {
    "validation": (
        r"^(?:please )?(?:enter|type|choose|select|pick|tick|upload|tell us)\b",
        r"\bmust (?:be|include|contain|have)\b",
        r"\b(?:digits?|characters?|letters?)\b", r"\bformat\b", r"\brequired\b", r"\bfield\b",
        r"\b(?:invalid|not valid|valid)\b", r"\bfor example\b",
        r"(?<!took )(?<!taking )\btoo (?:long|short|many|few)\b(?! (?:requests|attempts|tries|times)\b)",
        r"\bmax(?:imum)? length\b",
    ),
    "error": (
        r"\berror\b",
        r"\bwent wrong\b",
        r"\bgone wrong\b",
        r"\bproblem\b",
        r"\b(?:couldn't|could not|can't|cannot|unable to)\b",
        r"\bfail(?:ed|ure|s)?\b",
        r"\bdeclined\b",
        r"\bdenied\b",
        r"\bunavailable\b",
        r"\bdidn't go through\b",
        r"\b[45]\d\d\b", r"\bexception\b", r"\bforbidden\b",
        # A refusal or a missing thing is a failed request: "You do not have permission to ...", "Page not found".
        r"\bpermissions?\b", r"\bnot authori[sz]ed\b", r"\b(?:does not|doesn't|no longer) exists?\b", r"\bnot found\b",
    ),
    "timeout": (
        r"\bsession\b",
        r"\bsign(?:ed)? (?:you )?out\b",
        r"\blog(?:ged)? (?:you )?out\b",
        r"\btim(?:ed|es|e)[ -]?out\b",
        r"\bexpire[sd]?\b", r"\binactiv", r"\bno activity\b", r"\bstill there\b", r"\bstay signed in\b",
    ),
    "status": (
        r"^\w+ing\b", r"\b(?:processing|loading|pending|in progress|please wait|uploading|updating|saving)\b",
        r"\bwe're (?:\w+ing)\b", r"\bbeing \w+ed\b", r"\bon its way\b", r"\bstep \d+ of \d+\b", r"\.\.\.$|…$",
        r"\bunder review\b", r"\bqueued?\b",
    ),
    "confirmation": (
        r"\b(?:submitted|received|confirmed|booked|(?<!a )(?<!the )complete|successful(?:ly)?|success|placed|accepted|"
        r"sent|finished)\b",
        r"\byou(?:'ve| have) been \w+ed\b",
        r"\bthank(?:s| you)\b", r"\breference\b", r"\border (?:number|id)\b", r"\bset up\b", r"\bis yours\b",
        r"\bdone\b", r"\bsaved\b",
        r"\b(?:has|have) been (?:added|removed|changed|updated|deleted|activated|deactivated|connected|disconnected|"
        r"created|set|reset|enabled|disabled|verified|generated)\b",
        r"^(?:\w+ ){0,3}\w+ (?:added|removed|changed|updated|deleted|activated|deactivated|connected|disconnected|"
        r"created|enabled|disabled|verified|set up|set)\.?$",
    ),
    "handoff": (
        r"\b(?:agent|adviser|advisor|specialist|human|representative|caseworker|nurse|pharmacist)s?\b",
        r"\btransfer(?:ring|red)?\b",
        r"\bconnecting (?:you|to)\b",
        r"\bjoin(?:ing|ed)?\b",
        r"\bhand(?:ing|ed)? (?:you|over|off)\b",
        r"\bpass(?:ing)? you\b", r"\bhold\b", r"\bqueue\b",
    ),
    "empty": (
        r"\bno \w+(?: \w+)? (?:yet|found|to (?:show|display)|available|here)\b",
        r"\bempty\b",
        r"\bnothing (?:here|to|found)\b",
        r"\byou (?:have|don't have|haven't) (?:no|any)\b",
        r"^no \w+\.?$",
        r"^0 results\b",
        r"\bno (?:results|data|records|items|matches)\b", r"\bdid you mean\b", r"\bshowing results for\b",
        r"\byou haven't \w+ any\b", r"\b(?:has|have) no \w+", r"^there (?:are|is) no\b",
    ),
}
_COMPILED = {k: [re.compile(p, re.IGNORECASE) for p in pats] for k, pats in _CUES.items()}
# When cue counts tie, the kind with stricter demands is the safer guess.
_PRIORITY = ("timeout", "handoff", "empty", "confirmation", "validation", "error", "status")


def cue_counts(text: str, field_label: str = "") -> dict[str, int]:
    """How many cue patterns of each kind the text matches (a known field leans to validation)."""
    counts = {k: sum(1 for p in pats if p.search(text)) for k, pats in _COMPILED.items()}
    if field_label.strip():
        counts["validation"] += 2
    return counts


# Shapes that settle the kind before cues are counted, first match wins: an imperative asks for a fix
# ("Enter a complete value."); a missing or empty value is a field's problem ("No file was submitted.");
# an operation that failed is an error ("Upload failed."); a value as the subject is a field's problem;
# a rule a value breaks ("Names can't contain spaces", "Title is required") is a field's; a denied success word
# is a failure ("Your payment was not accepted"), never a confirmation; a limit
# is a field's rule ("at most 5"); "No X yet" is an empty state; a done deed is a confirmation.
# Participles of an operation carried out on the person's behalf: "cannot be displayed" reports a failed request.
_OPERATION_DONE = (r"(?:displayed|shown|processed|loaded|completed|found|reached|opened|accessed|performed|retrieved|"
                   r"fetched|saved|sent|downloaded|generated|started|executed|connected|contacted|delivered)")
_DECIDED: tuple[tuple[re.Pattern[str], str], ...] = tuple((re.compile(p, re.IGNORECASE), k) for p, k in (
    # The person lacks the standing an action needs: a refused request, not a field's value ("You must be a member to
    # see this board", "You aren't allowed to move this card", "You don't have access to this project").
    (r"^(?:sorry,? )?you (?:must|need to|have to) (?:be|have)\b[^.!?]{0,40}\bto \w+|"
     r"\byou (?:are|were)(?: not|n't) (?:allowed|permitted|authori[sz]ed|eligible) to\b|"
     r"\byou(?: do not| don't| no longer) have (?:the )?(?:access|permissions?|rights?|privileges?)\b", "error"),
    # A value that collides with one already taken is a field's problem ("This address is already in use.", "A label
    # with this name already exists."); the person's own state ("You are already a member") is not.
    (r"^(?!(?:you|we|i)\b)[^.!?]{0,60}\b(?:already (?:exists?|taken|in use|registered|been (?:taken|used|registered))|"
     r"(?:is|are) (?:already )?(?:taken|in use))\b", "validation"),
    # An operation named as what failed is an error, not a field's ("Upload failed.", "Sync error").
    (r"^(?:the )?(?:upload|download|export|import|sync|synchroni[sz]ation|connection|request|payment|operation|action|"
     r"transfer|search|update|installation|backup|restore)s? (?:has )?(?:failed|error)\b", "error"),
    # An imperative asks for a fix; the same verb as a noun before its state is an operation's outcome ("Upload
    # complete", "Add finished"), not a request.
    (r"^(?:please )?(?:enter|type|choose|select|pick|tick|upload|provide|fill in|correct|add)\b(?!\s+(?:complete|"
     r"completed|finished|done|successful|succeeded|failed|in progress|started|cancell?ed|pending)\b)", "validation"),
    # A value as the sentence's subject is a field's problem ("Value could not be parsed.", "Input too long").
    (r"^(?:the |this |that |your )?(?:value|input|entry|answer|selection)s?\b(?! (?:has been|was) (?:saved|added))",
     "validation"),
    (r"\bno (?:file|value|answer|selection|option|input)s?\b|^no \w+ (?:was|were) (?:\w+ed|chosen|given)\b|"
     r"\b(?:file|field|value|input|answer)s? (?:is|was|are|were) (?:empty|blank|missing)\b|^missing \w+", "validation"),
    # A rule a value breaks ("cannot be empty", "must not contain spaces"); an operation that cannot be carried out
    # ("The page cannot be displayed", "cannot be processed") is a failed request, not a value's rule.
    (r"\b(?:can't|cannot|can not|must not|mustn't|may not)\s+(?:be(?!\s+" + _OPERATION_DONE + r"\b)|contain|include|"
     r"start|begin|end|exceed|match|repeat)\b|^[\w' -]{1,40}\b(?:is|are) required\b", "validation"),
    (r"\b(?:not|n't|never)\b[^.,;]{0,30}\b(?:submitted|received|confirmed|sent|saved|accepted|placed|booked|"
     r"completed?)\b", "error"),
    # A value measured against a rule or another value: a mismatch, a limit, or too much of something ("too similar
    # to the username", "too common"); "too many requests", "took too long" and "too often" are the request's.
    (r"\b(?:does|do|did)(?: not|n't) match\b|\b(?:more|fewer|less|greater) than \d|\bat (?:least|most) \d|"
     r"\bonly\b[^.]{0,40}\b(?:is|are) allowed\b|(?<!took )(?<!taking )(?<!takes )(?<!take )\btoo (?!many (?:requests|"
     r"attempts|tries|times|failed|login)\b|(?:often|frequently|quickly|fast|soon|late|early|busy)\b)[a-z]{3,}\b",
     "validation"),
    (r"^no \w+(?: \w+)? (?:set up|added|yet|found|available|connected|saved)\b", "empty"),
    (r"^(?:successfully )?(?:removed|added|deleted|changed|updated|saved|marked|signed (?:in|out)|logged (?:in|out)|"
     r"connected|disconnected|confirmed|sent)\b|\byou(?:'ve| have) (?:added|removed|changed|updated|deleted|"
     r"confirmed|connected|disconnected|created|set up|signed (?:in|out)|logged (?:in|out))\b", "confirmation"),
))


def decided_kind(text: str) -> str | None:
    """The kind the text's own shape settles ("Enter a ...", "... does not match"), before any cue is counted."""
    return next((kind for pattern, kind in _DECIDED if pattern.search(text)), None)


def candidate_kinds(text: str, field_label: str = "") -> tuple[str, ...]:
    """The kinds with the most cues, best first; all kinds when nothing matched."""
    decided = decided_kind(text)
    if decided:
        return (decided,)
    counts = cue_counts(text, field_label)
    best = max(counts.values())
    if best == 0:
        return MESSAGE_KINDS
    return tuple(k for k in _PRIORITY if counts[k] == best)
