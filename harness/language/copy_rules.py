"""Vale-style copy criteria: one small YAML file per criterion, evaluated by a closed set of kinds.

Why data and not code: a content designer can read, argue with and change a word list or a
requirement without touching Python, as with Vale's styles and axe-core's rule JSON. The kinds are
closed (`existence`, `shouting`, `generic`, `requires`, `reuse`) so every file means one thing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from harness.exceptions import ConfigError

CRITERIA_DIR = Path(__file__).with_name("copy_criteria")
RULE_KINDS = ("existence", "shouting", "generic", "requires", "reuse")
LEVELS = ("suggestion", "warning", "error")
MESSAGE_KINDS = ("validation", "error", "timeout", "status", "confirmation", "handoff", "empty")
MAX_CHARS = 10_000  # a UI message longer than this is not a message; only its start is judged
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-",
                         "\u2014": "-", "\u00a0": " "})


@dataclass(frozen=True)
class Reason:
    """One criterion's judgement of one message: met (`ok`) or broken, with the evidence."""

    code: str
    ok: bool
    detail: str
    name: str = ""
    level: str = "warning"


@dataclass(frozen=True)
class Rule:
    """A criterion loaded from its YAML file; `params` are the kind's own keys."""

    code: str
    name: str
    extends: str
    level: str
    message: str
    ok_message: str
    suggestion: str
    decisive: bool
    params: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)
    path: str = ""


def normalise(text: str) -> str:
    """Straighten quotes and dashes, collapse spaces, cap the length: the form every rule reads."""
    text = text or ""
    if len(text) > MAX_CHARS:
        text = text[:MAX_CHARS].rsplit(None, 1)[0]  # cut at a word boundary, never mid-word
    text = text.translate(_QUOTES)
    return re.sub(r"[ \t\r\f\v]+", " ", text).strip()


def _bad(path: Path, key: str, problem: str) -> ConfigError:
    return ConfigError(f"{path}: {key}: {problem}", hint="fix the copy criteria file")


def _compile(path: Path, key: str, pattern: str, flags: int) -> re.Pattern[str]:
    try:
        return re.compile(pattern, flags)
    except re.error as exc:
        raise _bad(path, key, f"bad regular expression {pattern!r} ({exc})") from None


def _word_pattern(tokens: list[str]) -> str:
    return r"(?<![\w])(?:" + "|".join(f"(?:{t})" for t in tokens) + r")(?![\w])"


def _load_rule(path: Path) -> Rule:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"{path}: cannot read copy criterion ({exc})", hint="fix the YAML") from None
    if not isinstance(data, dict):
        raise _bad(path, "(top)", "expected a mapping")
    for key in ("extends", "code", "name", "level", "message", "ok_message", "suggestion"):
        if not isinstance(data.get(key), str) or not data[key]:
            raise _bad(path, key, "missing; every criterion needs it")
    if data["extends"] not in RULE_KINDS:
        raise _bad(path, "extends", f"{data['extends']!r} is not one of {', '.join(RULE_KINDS)}")
    if data["level"] not in LEVELS:
        raise _bad(path, "level", f"{data['level']!r} is not one of {', '.join(LEVELS)}")
    flags = re.IGNORECASE if data.get("ignorecase", True) else 0
    params: dict[str, Any] = {k: v for k, v in data.items() if k not in Rule.__dataclass_fields__}
    kind = data["extends"]
    for key in ("tokens", "raw", "message_only", "phrases", "filler", "exceptions", "stopwords"):
        if key in data and not all(isinstance(t, str) for t in data[key] or []):
            raise _bad(path, key, "every entry must be a string (quote entries that contain ': ')")
    if kind == "existence":
        pats = [_word_pattern(data.get("tokens") or [])] if data.get("tokens") else []
        pats += list(data.get("raw") or [])
        if not pats:
            raise _bad(path, "tokens", "an existence rule needs tokens or raw patterns")
        params["patterns"] = [_compile(path, "tokens/raw", p, flags) for p in pats]
        only = data.get("message_only") or []  # tokens that are jargon in a message, plain in a note (kind "note")
        params["message_patterns"] = [_compile(path, "message_only", _word_pattern(only), flags)] if only else []
    elif kind == "generic":
        params["phrase_re"] = _compile(path, "phrases", _word_pattern(data.get("phrases") or ["$^"]), flags)
        params["filler_set"] = {str(w).lower() for w in data.get("filler") or []}
    elif kind == "shouting":
        params["allowed_set"] = {str(w).upper() for w in data.get("exceptions") or []}
        params["onset_set"] = {str(o).upper() for o in data.get("word_onsets") or []}
    elif kind == "requires":
        kinds = data.get("kinds")
        if not isinstance(kinds, dict) or not kinds:
            raise _bad(path, "kinds", "a requires rule maps message kinds to {any|all: [signals], describe}")
        for mk, need in kinds.items():
            if mk not in MESSAGE_KINDS:
                raise _bad(path, f"kinds.{mk}", f"not one of {', '.join(MESSAGE_KINDS)}")
            names = (need or {}).get("any") or (need or {}).get("all")
            unknown = [n for n in names or [] if n not in signal_patterns()]
            if not names or unknown:
                raise _bad(path, f"kinds.{mk}", f"unknown or missing signals {unknown or names}")
            for flag in ("decisive", "sufficient"):
                if not isinstance((need or {}).get(flag, False), bool):
                    raise _bad(path, f"kinds.{mk}.{flag}", "must be true or false")
    return Rule(code=data["code"], name=data["name"], extends=kind, level=data["level"],
                message=data["message"], ok_message=data["ok_message"], suggestion=data["suggestion"],
                decisive=bool(data.get("decisive", False)), params=params, path=str(path))


@lru_cache(maxsize=1)
def signal_patterns() -> dict[str, re.Pattern[str]]:
    """The named signals in `_signals.yml` (fix, example, retry, saved, contact, …), each compiled once
    into one alternation (one search per signal, not one per pattern)."""
    path = CRITERIA_DIR / "_signals.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    flags = re.IGNORECASE | re.MULTILINE
    for name, pats in data.items():
        for p in pats:
            _compile(path, name, p, flags)  # names the one bad pattern, if any
    return {name: _compile(path, name, "|".join(f"(?:{p})" for p in pats), flags) for name, pats in data.items()}


def signals(text: str) -> dict[str, bool]:
    """Which named signals the (normalised) text carries."""
    return {name: pattern.search(text) is not None for name, pattern in signal_patterns().items()}


@lru_cache(maxsize=4)
def load_rules(folder: str = str(CRITERIA_DIR)) -> tuple[Rule, ...]:
    """Every criterion file in `folder` (not starting with `_`), ordered by code; codes must be unique."""
    rules = [_load_rule(p) for p in sorted(Path(folder).glob("*.yml")) if not p.name.startswith("_")]
    seen: dict[str, str] = {}
    for r in rules:
        if r.code in seen:
            raise ConfigError(f"{r.path}: code: {r.code} already used by {seen[r.code]}",
                              hint="give each criterion its own code")
        seen[r.code] = r.path
    return tuple(sorted(rules, key=lambda r: (len(r.code), r.code)))


def _content_words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9][a-z0-9'@./-]*", text.lower())


def _existence(rule: Rule, text: str, kind: str) -> Reason:
    for pat in [*rule.params["patterns"], *(rule.params["message_patterns"] if kind != "note" else [])]:
        m = pat.search(text)
        if m:
            return Reason(rule.code, False, rule.message.replace("%s", m.group(0).strip()), rule.name, rule.level)
    return Reason(rule.code, True, rule.ok_message, rule.name, rule.level)


# a code in capitals: parts joined by hyphens or slashes ("HM-UUGMCV", "AB/123"), or letters among digits ("X7KQPL")
_CODE = re.compile(r"\b[A-Z0-9]+(?:[-/][A-Z0-9]+)+\b|\b(?=[A-Z]*\d)(?=\d*[A-Z])[A-Z0-9]{3,}\b")


def _shouting(rule: Rule, text: str) -> Reason:
    p = rule.params
    problems: list[str] = []
    bangs = text.count("!") + text.count("\u203c")
    if bangs > int(p.get("max_exclamations", 0)):
        problems.append(f"{bangs} exclamation mark{'s' if bangs > 1 else ''}")
    allowed, onsets = p["allowed_set"], p["onset_set"]
    min_len = int(p.get("min_caps_word_length", 4))
    words = re.findall(r"[^\W\d_]+", _CODE.sub(" ", text))  # a reference's letters are no raised voice
    named = _listed_names(text, allowed, onsets)
    caps = [w for w in words if len(w) >= min_len and w.isupper() and w.upper() not in allowed
            and not (onsets and _acronym(w, onsets)) and w not in named]
    letters = [c for c in text if c.isalpha()]
    upper_ratio = sum(c.isupper() for c in letters) / len(letters) if len(letters) >= 8 else 0.0
    if len(caps) > int(p.get("max_caps_words", 0)) or upper_ratio > float(p.get("max_caps_ratio", 0.5)):
        shown = ", ".join(caps[:3]) or "capitals"
        problems.append(f"words in capitals ({shown})")
    if problems:
        return Reason(rule.code, False, rule.message.replace("%s", " and ".join(problems)), rule.name, rule.level)
    return Reason(rule.code, True, rule.ok_message, rule.name, rule.level)


# words in capitals listed together ("JPEG, TIFF or AVIF", "PDF, MOBI and EPUB")
_LIST = re.compile(r"\b[A-Z0-9]{2,}(?:(?:\s*,\s*(?:(?:or|and)\s+)?|\s+(?:or|and)\s+)[A-Z0-9]{2,}\b)+")


def _listed_names(text: str, allowed: set[str], onsets: set[str]) -> set[str]:
    """The words of a list in capitals in which one is a known name or an acronym: a list of formats or codes, whose
    known member vouches for the rest (WEBP beside JPEG), not a raised voice ("NEVER, EVER" vouches for nothing). Two
    words and a bare comma are no list ("a PDF, NEVER a photo": a sentence going on); two names take or/and."""
    named: set[str] = set()
    for run in _LIST.finditer(text):
        items = re.findall(r"[A-Z0-9]{2,}", run.group(0))
        if len(items) < 3 and not re.search(r"\s(?:or|and)\s", run.group(0)):
            continue
        if any(i in allowed or i.isalpha() and onsets and _acronym(i, onsets) for i in items):
            named.update(items)
    return named


def _acronym(word: str, onsets: set[str]) -> bool:
    """Capitals no English word is spelt with: no vowel (SMTP) or a run of consonants no word begins with (LDAP). A
    name, not a raised voice; a common word in capitals (NEVER, WARNING) still shouts."""
    head = re.match(r"[^AEIOUY]*", word.upper())
    lead = head.group(0) if head else ""
    return lead == word.upper() or len(lead) > 1 and lead not in onsets


def _generic(rule: Rule, text: str) -> Reason:
    phrases = list(rule.params["phrase_re"].finditer(text))
    if not phrases:
        return Reason(rule.code, True, rule.ok_message, rule.name, rule.level)
    rest = rule.params["phrase_re"].sub(" ", text)
    specific = {w.strip(".'") for w in _content_words(rest)} - rule.params["filler_set"] - {""}
    if len(specific) >= int(rule.params.get("min_specific_words", 3)):
        return Reason(rule.code, True, rule.ok_message, rule.name, rule.level)
    # a generic word said as an exclamation of its own ("Success!") before words that say what ("Profile Updated")
    head, bang, tail = text.partition("!")
    if bang and not specific & set(_content_words(head)) and not rule.params["phrase_re"].search(tail) and len(
            specific & set(_content_words(tail))) >= 2:
        return Reason(rule.code, True, rule.ok_message, rule.name, rule.level)
    return Reason(rule.code, False, rule.message.replace("%s", phrases[0].group(0).strip()), rule.name, rule.level)


def _requires(rule: Rule, kind: str, sig: dict[str, bool]) -> Reason | None:
    need = (rule.params.get("kinds") or {}).get(kind)
    if not need:
        return None
    describe = str(need.get("describe", ""))
    if "all" in need:
        ok = all(sig.get(n, False) for n in need["all"])
    else:
        ok = any(sig.get(n, False) for n in need["any"])
    template = rule.ok_message if ok else rule.message
    return Reason(rule.code, ok, template.replace("%s", describe), rule.name, rule.level)


def _stem(word: str) -> str:
    return re.sub(r"(?:'s|s)$", "", word.lower())


def _reuse(rule: Rule, text: str, kind: str, label: str) -> Reason | None:
    if kind not in (rule.params.get("kinds") or []) or not label.strip():
        return None
    stop = {str(w).lower() for w in rule.params.get("stopwords") or []}
    wanted = {_stem(w) for w in re.findall(r"[^\W_]+", label.lower()) if w not in stop}
    if not wanted:
        return None
    have = {_stem(w) for w in re.findall(r"[^\W_]+", text.lower())}
    share = len(wanted & have) / len(wanted)
    ok = share >= float(rule.params.get("min_overlap", 0.5))
    template = rule.ok_message if ok else rule.message
    return Reason(rule.code, ok, template.replace("%s", label.strip()), rule.name, rule.level)


def evaluate(text: str, kind: str, field_label: str = "",
             sig: dict[str, bool] | None = None) -> list[Reason]:
    """Every applicable criterion's reason for one normalised message of a known kind."""
    sig = signals(text) if sig is None else sig
    out: list[Reason] = []
    for rule in load_rules():
        reason: Reason | None
        if rule.extends == "existence":
            reason = _existence(rule, text, kind)
        elif rule.extends == "shouting":
            reason = _shouting(rule, text)
        elif rule.extends == "generic":
            reason = _generic(rule, text)
        elif rule.extends == "requires":
            reason = _requires(rule, kind, sig)
        else:
            reason = _reuse(rule, text, kind, field_label)
        if reason is not None:
            out.append(reason)
    return out


def sufficient_codes(kind: str) -> frozenset[str]:
    """Requirements marked sufficient for a kind: met, with no other criterion broken, they make the message warm
    (a confirmation that says what was done to what needs nothing more, however short)."""
    return frozenset(r.code for r in load_rules() if r.extends == "requires" and bool(
        ((r.params.get("kinds") or {}).get(kind) or {}).get("sufficient")))


def decisive_codes(kind: str = "") -> frozenset[str]:
    """Codes whose breach alone makes a message cold, whatever the model says; for a kind, also the
    requirements marked decisive for it (an empty state that says neither what would appear nor what to do)."""
    return frozenset(r.code for r in load_rules() if r.decisive or (
        r.extends == "requires" and bool(((r.params.get("kinds") or {}).get(kind) or {}).get("decisive"))))
