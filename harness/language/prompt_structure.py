"""What a prompt asks for, read from its structure: words, autocomplete tokens and input types.

Why structure before embeddings: measured on all-MiniLM-L6-v2, "Date of birth"/"DOB" score 0.14
(same information) while "First name"/"Last name" score 0.79 (different information). A synonym
map and qualifier words settle such pairs exactly; the model only handles free text nothing here
recognises. The vocabularies are data (``data/*.yaml``, loaded with ``yaml.safe_load``) so they can
grow without code changes.

Why the text caches: a pair's texts are read several times over (each side's analysis, the owner, the head and
the described-value readings all tokenise them), and journeys repeat their labels; a text's tokens and analysis
depend on the text and the loaded vocabulary only, so each is computed once (``clear_caches`` forgets them).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from harness.language.prompt_owner import owner_of

MAX_CHARS = 2000  # text beyond this is ignored: prompts are short, and time must stay bounded
NEAR_TOKENS_BEFORE = 3  # in long texts a qualifier must sit this close before an info phrase ...
NEAR_TOKENS_AFTER = 4  # ... or this close after it ("date of birth of your partner")
LONG_TEXT_WORDS = 6  # texts longer than this are sentences: qualifiers must be near an info phrase
TEXT_CACHE = 8192  # texts whose tokens and analysis are kept (a few MB at most)
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's where PyYAML has it: 20 times faster
COMPOUND_WORDS = 4  # a label this short naming two things with no "or" between them is a compound noun
# "Your manager's email": a possessive noun that no qualifier names still makes the value someone else's.
POSSESSIVE = re.compile(r"\b([^\W\d_]{3,})['’]s\b(?!\s+(?:been|got|not)\b)")
# Words that are verbs when they start a prompt of several words ("Type your email", "Show password").
IMPERATIVES = frozenset({"type", "format", "show", "hide", "subscribe", "unsubscribe", "verify", "consent"})

# The WHATWG autocomplete detail tokens that qualify a field name.
_AUTOCOMPLETE_ROLE = {"shipping": "delivery", "billing": "billing"}
_AUTOCOMPLETE_KIND = {"home": "home", "work": "work", "mobile": "mobile", "fax": "fax", "pager": "pager"}
_AUTOCOMPLETE_TIME = {"new-password": "new", "current-password": "current"}


@dataclass(frozen=True)
class InfoType:
    """One canonical kind of information (a key of ``info_types.yaml``)."""

    key: str
    label: str
    parent: str | None = None
    implies: tuple[tuple[str, str], ...] = ()
    related: tuple[str, ...] = ()
    owned: str | None = None  # "person" or "thing": a noun that owns the value makes it another's (prompt_owner)


@dataclass
class Analysis:
    """What one piece of text (or one whole prompt) asks for."""

    types: frozenset[str] = frozenset()
    qualifiers: dict[str, str] = field(default_factory=dict)
    confirmation: bool = False
    words: int = 0
    via: str = ""  # which part decided the types: autocomplete, label, placeholder, name, id, type, pattern


@dataclass(frozen=True)
class _Entry:
    kind: str  # "info", "qualifier", "confirm"
    value: str  # info key, "group=value", or "confirm"
    implies: tuple[tuple[str, str], ...] = ()
    short_only: bool = False


class Vocabulary:
    """Phrase indexes built once from the YAML data files."""

    def __init__(self, info: dict[str, Any], qualifiers: dict[str, Any], confirmation: dict[str, Any]) -> None:
        self.types: dict[str, InfoType] = {}
        self.autocomplete: dict[str, str] = {}
        self.input_types: dict[str, str] = {}
        self.patterns: list[tuple[re.Pattern[str], str]] = []
        self.defaults: dict[str, str] = {}
        self.group_max_words: dict[str, int] = {}
        self.anywhere: set[str] = set()  # "group=value" qualifiers that need not sit next to an info phrase
        self.confirm_max_words = int(confirmation.get("max_words", 4))
        self.name_suffixes = {_norm_phrase(s) for s in confirmation.get("name_suffixes", [])}
        self.confirm_patterns = [re.compile(p) for p in confirmation.get("patterns") or ()]
        raw: list[tuple[str, _Entry]] = []
        for key, spec in info.items():
            implies = tuple(sorted((spec.get("implies") or {}).items()))
            self.types[key] = InfoType(key, spec.get("label", key.replace("_", " ")), spec.get("parent"),
                                       implies, tuple(spec.get("related") or ()), spec.get("owned"))
            for token in spec.get("autocomplete") or ():
                self.autocomplete[token] = key
            for input_type in spec.get("input_types") or ():
                self.input_types[input_type] = key
            for phrase in spec.get("phrases") or ():
                raw.append((str(phrase), _Entry("info", key)))
            for phrase, quals in (spec.get("qualified") or {}).items():
                raw.append((str(phrase), _Entry("info", key, tuple(sorted(quals.items())))))
            for pattern in spec.get("patterns") or ():
                self.patterns.append((re.compile(pattern), key))
        for group, spec in qualifiers.items():
            if spec.get("default"):
                self.defaults[group] = spec["default"]
            if spec.get("max_words"):
                self.group_max_words[group] = int(spec["max_words"])
            self.anywhere.update(f"{group}={value}" for value in spec.get("anywhere") or ())
            for value, phrases in spec["values"].items():
                for phrase in phrases:
                    raw.append((str(phrase), _Entry("qualifier", f"{group}={value}")))
            for phrase, value in (spec.get("short_only") or {}).items():
                raw.append((str(phrase), _Entry("qualifier", f"{group}={value}", short_only=True)))
        for phrase in confirmation.get("phrases") or ():
            raw.append((str(phrase), _Entry("confirm", "confirm")))
        for phrase in confirmation.get("short_only") or ():
            raw.append((str(phrase), _Entry("confirm", "confirm", short_only=True)))
        self.info_index: dict[tuple[str, ...], _Entry] = {}
        self.other_index: dict[tuple[str, ...], _Entry] = {}
        for phrase, entry in raw:
            tokens = tuple(_tokens(phrase))
            if not tokens:
                continue
            index = self.info_index if entry.kind == "info" else self.other_index
            index.setdefault(tokens, entry)  # first listing wins; YAML order is deliberate
        self.vocab = {t for index in (self.info_index, self.other_index) for key in index for t in key}
        self.max_len = max(len(k) for index in (self.info_index, self.other_index) for k in index)

    def ancestors(self, key: str) -> list[str]:
        """The chain of broader types above ``key`` (nearest first)."""
        chain: list[str] = []
        parent = self.types[key].parent if key in self.types else None
        while parent and parent not in chain:
            chain.append(parent)
            parent = self.types[parent].parent if parent in self.types else None
        return chain

    def label(self, key: str) -> str:
        return self.types[key].label if key in self.types else key


def load_yaml(text: str) -> Any:
    """Safe YAML, by libyaml's C loader where PyYAML has it (the vocabularies load 20 times faster)."""
    return yaml.load(text, Loader=SAFE_LOADER)  # noqa: S506 - a safe loader


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    """The vocabulary from the packaged data files, loaded once."""
    data = resources.files("harness.language") / "data"

    def load(name: str) -> dict[str, Any]:
        return load_yaml((data / name).read_text(encoding="utf-8")) or {}

    return Vocabulary(load("info_types.yaml"), load("qualifiers.yaml"), load("confirmation.yaml"))


_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
_DOTTED = re.compile(r"\b(?:[A-Za-z]\.){2,}")
_WORD = re.compile(r"[^\W\d_]+|\d+")
_POSSESSIVE_S = re.compile(r"['’]s\b")


def _fold(text: str) -> str:
    """Lower case without accents, so 'Téléphone' and 'telephone' meet."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def _tokens(text: str) -> list[str]:
    """Words of a label, name or id: camelCase, snake_case, kebab-case and D.O.B. all split alike."""
    return list(_cached_tokens(text))


@lru_cache(maxsize=TEXT_CACHE)
def _cached_tokens(text: str) -> tuple[str, ...]:
    text = text[:MAX_CHARS]
    text = _DOTTED.sub(lambda m: m.group(0).replace(".", ""), text)
    text = _CAMEL.sub(" ", text)
    text = _POSSESSIVE_S.sub("", text)
    return tuple(_WORD.findall(_fold(text)))


def clear_caches() -> None:
    """Forget every text read so far (a benchmark's run of new texts must not find the last run's)."""
    for cached in (_cached_tokens, _cached_words, _cached_analysis):
        cached.cache_clear()


def _norm_phrase(text: str) -> str:
    return " ".join(_tokens(text))


# Short forms labels use for "number" after a noun ("Membership no.", "Order #", "Acc. nr"): read only
# in labels (a sentence's "no" is a word), and never first ("No. of items" keeps its own phrase).
# "by email", "via SMS": the kind named is the way to reach the person, not the value asked for.
_CHANNEL_WORDS = frozenset({"by", "via"})
_NUMBER_FORMS = frozenset({"no", "nr", "num", "nbr", "nos"})
_LABEL_WORDS = 4
_ABBREVIATIONS = {"acc": "account", "acct": "account", "tel": "telephone", "addr": "address", "ref": "reference"}


def words(text: str) -> list[str]:
    """Tokens with a trailing plural 's' or 'es' dropped when only the singular is known vocabulary, and the
    short forms of "number" and a few nouns spelled out in labels."""
    return list(_cached_words(text))


@lru_cache(maxsize=TEXT_CACHE)
def _cached_words(text: str) -> tuple[str, ...]:
    vocab = vocabulary().vocab
    tokens = _tokens(text.replace("#", " no "))
    out = []
    for n, token in enumerate(tokens):
        if token not in vocab and len(token) > 3 and token.endswith("s"):
            token = token[:-1] if token[:-1] in vocab else token[:-2] if token.endswith("es") and token[:-2] in vocab \
                else token
        if len(tokens) <= _LABEL_WORDS:
            if n > 0 and token in _NUMBER_FORMS:
                token = "number"
            token = _ABBREVIATIONS.get(token, token) if token not in vocab else token
        out.append(token)
    return tuple(out)


def _longest_matches(tokens: list[str], index: dict[tuple[str, ...], _Entry], max_len: int,
                     skip: set[int]) -> list[tuple[int, int, _Entry]]:
    """Non-overlapping phrase matches (start, end, entry), longest first wherever they start.

    Longest-first over the whole text, not left to right: in "confirm your email address" the
    phrase "email address" must win over a shorter phrase that happens to start earlier.
    """
    candidates = []
    for i in range(len(tokens)):
        if i in skip:
            continue
        for length in range(min(max_len, len(tokens) - i), 0, -1):
            entry = index.get(tuple(tokens[i:i + length]))
            if entry is not None and not any(j in skip for j in range(i, i + length)):
                candidates.append((i, i + length, entry))
    taken: set[int] = set()
    found = []
    for start, end, entry in sorted(candidates, key=lambda c: (c[0] - c[1], c[0])):
        if not any(j in taken for j in range(start, end)):
            taken.update(range(start, end))
            found.append((start, end, entry))
    return sorted(found, key=lambda c: c[0])


def analyse_text(text: str) -> Analysis:
    """Info types, qualifiers and re-entry words found in one text."""
    found = _cached_analysis(text)
    return replace(found, qualifiers=dict(found.qualifiers))  # the caller may change its own copy


@lru_cache(maxsize=TEXT_CACHE)
def _cached_analysis(text: str) -> Analysis:
    vocab = vocabulary()
    tokens = words(text)
    n = len(tokens)
    info = _longest_matches(tokens, vocab.info_index, vocab.max_len, set())
    consumed = {j for start, end, _ in info for j in range(start, end)}
    others = _longest_matches(tokens, vocab.other_index, vocab.max_len, consumed)
    types = frozenset(entry.value for _, _, entry in info)
    if len(types) > 1 and n <= COMPOUND_WORDS and not {"or", "and", "oder", "ou", "o"} & set(tokens):
        types = frozenset({info[-1][2].value})  # "Email subject": a compound label asks for its last noun
    via = "text" if types else ""
    if not types and vocab.patterns:
        flat = " ".join(tokens)
        types = frozenset(key for pattern, key in vocab.patterns if pattern.search(flat))
        via = "pattern" if types else ""
    qualifiers: dict[str, str] = {}
    for start, _, entry in info:
        for group, value in entry.implies:
            qualifiers.setdefault(group, value)
        if start and tokens[start - 1] in _CHANNEL_WORDS:
            qualifiers.setdefault("aspect", "channel")  # "Remind me by email" asks how, not for the address
    confirmation = False
    for start, end, entry in others:
        if entry.kind == "confirm":
            if not entry.short_only or n <= vocab.confirm_max_words:
                confirmation = True
            continue
        group, value = entry.value.split("=", 1)
        if entry.short_only and n > vocab.group_max_words.get(group, 3):
            continue
        if n > LONG_TEXT_WORDS and entry.value not in vocab.anywhere and not _near_info(start, end, info):
            continue
        if start == (1 if tokens[0] == "please" else 0) and end < n and tokens[start] in IMPERATIVES:
            continue
        # "Your partner's phone": the named person outranks the default one the determiner points at.
        if qualifiers.get(group, vocab.defaults.get(group)) == vocab.defaults.get(group):
            qualifiers[group] = value
        else:
            qualifiers.setdefault(group, value)
    taken = {j: "info" for j in consumed} | {j: entry.value for start, end, entry in others
                                             for j in range(start, end)}
    _read_owners(tokens, _tokens(text.replace("#", " no ")), info, types, taken, qualifiers)
    if "person" not in qualifiers or qualifiers["person"] == vocab.defaults.get("person"):
        owners = [w for w in POSSESSIVE.findall(text[:MAX_CHARS]) if _fold(w) not in vocab.vocab]
        if owners and types:
            qualifiers["person"] = "other"
    if not confirmation and vocab.confirm_patterns:
        flat = " ".join(tokens)
        confirmation = any(p.search(flat) for p in vocab.confirm_patterns)
    return Analysis(types, qualifiers, confirmation, n, via)


def _read_owners(tokens: list[str], raw: list[str], info: list[tuple[int, int, _Entry]], types: frozenset[str],
                 taken: dict[int, str], qualifiers: dict[str, str]) -> None:
    """Whose value it is, from the noun that owns it (see prompt_owner): someone else's, or a named thing's."""
    vocab = vocabulary()
    for start, end, entry in info:
        owned = vocab.types[entry.value].owned
        if entry.value not in types or not owned:
            continue
        owner, plural = owner_of(tokens, raw, start, end, taken, owned == "thing")
        if owner:
            qualifiers.setdefault("owner", owner)
        if owned == "person" and (owner or plural) and qualifiers.get("person", vocab.defaults.get("person")) \
                == vocab.defaults.get("person"):
            qualifiers["person"] = "other"


def _near_info(start: int, end: int, info: list[tuple[int, int, _Entry]]) -> bool:
    """In a sentence, a qualifier counts only when it sits next to an info phrase it can modify."""
    return any(start < i_start and i_start - end < NEAR_TOKENS_BEFORE or
               start >= i_end and start - i_end < NEAR_TOKENS_AFTER
               for i_start, i_end, _ in info)


def analyse_autocomplete(value: str) -> Analysis:
    """Parse a WHATWG autocomplete attribute: [section-*] [shipping|billing] [home|work|mobile|fax|pager] field."""
    vocab = vocabulary()
    tokens = value.strip().lower().split()
    tokens = [t for t in tokens if t != "webauthn"]
    if not tokens or tokens[-1] not in vocab.autocomplete:
        return Analysis()
    name = tokens[-1]
    key = vocab.autocomplete[name]
    qualifiers: dict[str, str] = dict(vocab.types[key].implies)
    for token in tokens[:-1]:
        if token.startswith("section-"):
            qualifiers["section"] = token[len("section-"):]
        elif token in _AUTOCOMPLETE_ROLE:
            qualifiers["kind"] = _AUTOCOMPLETE_ROLE[token]
        elif token in _AUTOCOMPLETE_KIND:
            qualifiers["kind"] = _AUTOCOMPLETE_KIND[token]
    if name in _AUTOCOMPLETE_TIME:
        qualifiers["time"] = _AUTOCOMPLETE_TIME[name]
    return Analysis(frozenset({key}), qualifiers, False, 1, "autocomplete")


def is_confirmation_name(name: str, types: frozenset[str]) -> bool:
    """`password2`, `email_confirm`, `confirmEmail`: a name or id that marks a re-entry field."""
    vocab = vocabulary()
    tokens = _tokens(name)
    if not tokens:
        return False
    edge = {tokens[0], tokens[-1]} & vocab.name_suffixes
    if edge == {"2"} or (edge and edge <= {"2"}):
        return bool(types & {"password", "email"})
    return bool(edge)


def _relation(a: str, b: str) -> str:
    """'same', 'partial' (one contains or overlaps the other) or 'different' for two info types."""
    vocab = vocabulary()
    if a == b:
        return "same"
    if a in vocab.ancestors(b) or b in vocab.ancestors(a):
        return "partial"
    if b in vocab.types.get(a, _EMPTY).related or a in vocab.types.get(b, _EMPTY).related:
        return "partial"
    return "different"


class _Empty:
    related: tuple[str, ...] = ()


_EMPTY = _Empty()


def relation_sets(a: frozenset[str], b: frozenset[str]) -> str:
    """'same' when each side's kinds are the other's, 'partial' when some overlap, else 'different'."""
    if a == b:
        return "same"
    pairs = [(x, y, _relation(x, y)) for x in a for y in b]
    covered_a = all(any(r == "same" for x2, _, r in pairs if x2 == x) for x in a)
    covered_b = all(any(r == "same" for _, y2, r in pairs if y2 == y) for y in b)
    if covered_a and covered_b:
        return "same"
    if any(r in ("same", "partial") for _, _, r in pairs):
        return "partial"
    return "different"
