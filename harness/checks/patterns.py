"""The word lists the rules read (harness.phrases, in the page's language), and the reference finder.

Why data: which phrases count as "what happens next" or "a way to reach a person" is a content
judgement a designer should be able to change without touching a rule (Vale's lesson); the lists
live in `harness/phrases/<language>.yaml`, and `run_checks` chooses the language from the pages.
"""

from __future__ import annotations

import re

from harness import phrases


def pattern(name: str) -> re.Pattern[str]:
    return phrases.current()[name]


def has(name: str, text: str) -> bool:
    """Whether `text` shows the signal `name` (a key of the language's phrase file); a typographic apostrophe
    ("We’ve") reads as a plain one, as the lists are written."""
    return bool(text) and pattern(name).search(text.replace("\u2019", "'")) is not None


def names() -> list[str]:
    return sorted(phrases.current())


# A reference someone can quote: a token of 5+ characters with at least three digits, or a code
# mixing capitals and digits ("HM-AQ69VD", "A9MLT"); never a date, time, amount, email or web address.
# Shorter marked keys ("#1234", "[DH-5]") are the phrase file's `reference_code`.
_REF_SHAPE = re.compile(r"^[A-Za-z0-9]+(?:[-/][A-Za-z0-9]+)*$")
_NOT_REF = re.compile(r"^(\d{1,2}[-/]\d{1,2}([-/]\d{2,4})?|\d{1,4}|\d+(st|nd|rd|th|am|pm|px|kb|mb|gb|ms|s))$",
                      re.IGNORECASE)


# A code named as a reference may be letters only ("Your reference number HM-LGHFFE"): random codes
# do not always draw a digit. Capitals only (no lower case), so ordinary words after "reference" are not codes.
_NAMED_REF = re.compile(
    r"(?i:\b(?:reference|ref|case|claim|order|booking|confirmation|ticket|application|tracking)\b\.?"
    r"(?:\s+(?:number|no|id|code)\b\.?)?\s*(?:is\b|:)?\s*#?)([A-Z0-9]+(?:[-/][A-Z0-9]+)+|[A-Z]{2,}[A-Z0-9]{3,})\b")


def references(text: str) -> list[str]:
    """Reference-like tokens in `text` ("CLM-2026-0042", "#48213", "HM-AQ69VD", "reference HM-LGHFFE")."""
    out = []
    for raw in (text or "").split():
        token = raw.strip(".,;:!?()[]{}\"'‘’“”").lstrip("#")
        if len(token) < 5 or not _REF_SHAPE.match(token) or _NOT_REF.match(token):
            continue
        digits = sum(ch.isdigit() for ch in token)
        code = digits >= 1 and sum(ch.isupper() for ch in token) >= 2 and not any(ch.islower() for ch in token)
        if digits >= 3 or code:
            out.append(token)
    for match in _NAMED_REF.finditer(text or ""):
        token = match.group(1)
        if len(token) >= 5 and token not in out and not _NOT_REF.match(token):
            out.append(token)
    for match in pattern("reference_code").finditer(text or ""):  # short marked keys: "#1234", "[DH-5]"
        token = match.group(0).strip("[]")
        if not any(token.lstrip("#") in found for found in out):
            out.append(token)
    return out


_EMAIL = re.compile(r"\S+@\S+")
_DIGITS = re.compile(r"\d+")


def stable_text(text: str, limit: int = 120) -> str:
    """Text with per-run values (emails, references, numbers) blanked: a baseline key that survives re-runs."""
    text = _EMAIL.sub("<email>", text or "")
    for ref in references(text):
        text = text.replace(ref, "<ref>")
    return _DIGITS.sub("#", " ".join(text.split()))[:limit]


def squash(text: str) -> str:
    """Lower case letters and digits only: how IDs and names are compared across differently formatted text."""
    return re.sub(r"[\W_]+", "", (text or "").casefold())


def words(text: str) -> list[str]:
    return re.findall(r"[^\W_]+(?:'[^\W_]+)?", (text or "").casefold())


def labelled_lines(text: str) -> list[str]:
    """A box that lists several errors, each under the page's own label ("Error: This username is already
    registered. … Error: The email address is not correct."): its lines, each an error a person reads on its own (a
    next step for one does not warm the other); [] for a message with one label or none. A label opens the text or a
    sentence: "errors:" inside one introduces a list ("Please correct these errors: Name, Email.")."""
    starts = [m.start() for m in pattern("error_label").finditer(text)
              if not text[:m.start()].strip() or text[:m.start()].rstrip()[-1] in ".!?"]
    if len(starts) < 2 or text[:starts[0]].strip():
        return []
    return [text[a:b].strip() for a, b in zip(starts, [*starts[1:], len(text)], strict=True)]
