"""Names as people read them: rule ids as words, and "a"/"an" agreeing after a persona is put in a title."""

from __future__ import annotations

import re

RULE_NAMES = {
    "repeated-prompt": "Repeated prompt",
    "lost-context": "Lost context",
    "cold-copy": "Cold copy",
    "missing-reassurance": "Missing reassurance",
    "friction": "Friction",
}
# Vowel letters that sound like consonants ("a user", "a one-off", "a euro") and silent h ("an hour").
_CONSONANT_SOUND = re.compile(r"(?i)(u[bcdfgjklmnpqrstvwxz][aeiou]|uni|eu|ew|one\b|once\b)")
_VOWEL_SOUND = re.compile(r"(?i)(hour|honest|honou?r|heir)")
_ARTICLE = re.compile(r"\b([Aa])(n?) (?=([A-Za-z]+))")


def rule_name(rule: str) -> str:
    """A rule id as a person reads it: 'cold-copy' -> 'Cold copy'."""
    return RULE_NAMES.get(rule, rule.replace("-", " ").capitalize())


def _wants_an(word: str) -> bool:
    if _VOWEL_SOUND.match(word):
        return True
    return word[0].lower() in "aeiou" and not _CONSONANT_SOUND.match(word)


def articles(text: str) -> str:
    """'A anxious customer' -> 'An anxious customer', 'an hurried one' -> 'a hurried one' (titles only)."""
    def fix(match: re.Match[str]) -> str:
        a, word = match.group(1), match.group(3)
        before = text[: match.start()].rstrip()
        if len(word) == 1 or (a == "A" and before and before[-1] not in ".!?:"):  # "a B", "Plan A is": a letter
            return match.group(0)
        return f"{a}{'n' if _wants_an(word) else ''} "
    return _ARTICLE.sub(fix, text)
