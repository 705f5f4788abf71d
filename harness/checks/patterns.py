"""The word lists in `patterns.yaml`, compiled once.

Why data: which phrases count as "what happens next" or "a way to reach a person" is a content
judgement a designer should be able to change without touching a rule (Vale's lesson).
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml

from harness.exceptions import ConfigError

PATTERNS_FILE = Path(__file__).with_name("patterns.yaml")
KINDS = ("existence", "regex")


@lru_cache(maxsize=1)
def _compiled() -> dict[str, re.Pattern[str]]:
    data = yaml.safe_load(PATTERNS_FILE.read_text(encoding="utf-8")) or {}
    out: dict[str, re.Pattern[str]] = {}
    for name, entry in data.items():
        kind = (entry or {}).get("kind")
        if kind not in KINDS:
            raise ConfigError(f"{PATTERNS_FILE}: {name}.kind: {kind!r} is not one of {', '.join(KINDS)}")
        if kind == "existence":
            words = sorted(entry.get("tokens") or [], key=len, reverse=True)
            alternatives = [r"\b" + re.escape(str(w)).replace(r"\ ", r"\s+") + r"\b" for w in words]
        else:
            alternatives = [str(p) for p in entry.get("patterns") or []]
        if not alternatives:
            raise ConfigError(f"{PATTERNS_FILE}: {name}: no tokens or patterns")
        try:
            out[name] = re.compile("|".join(f"(?:{a})" for a in alternatives), re.IGNORECASE)
        except re.error as exc:
            raise ConfigError(f"{PATTERNS_FILE}: {name}: bad pattern: {exc}") from None
    return out


def pattern(name: str) -> re.Pattern[str]:
    return _compiled()[name]


def has(name: str, text: str) -> bool:
    """Whether `text` shows the signal `name` (a key of patterns.yaml)."""
    return bool(text) and pattern(name).search(text) is not None


def names() -> list[str]:
    return sorted(_compiled())


# A reference someone can quote: a token of 5+ characters with at least three digits, or a code
# mixing capitals and digits ("HM-AQ69VD"); never a date, time, amount, email or web address.
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
        code = digits >= 1 and sum(ch.isupper() for ch in token) >= 2 and len(token) >= 6
        if digits >= 3 or code:
            out.append(token)
    for match in _NAMED_REF.finditer(text or ""):
        token = match.group(1)
        if len(token) >= 5 and token not in out and not _NOT_REF.match(token):
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
