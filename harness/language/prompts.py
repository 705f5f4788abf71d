"""Do two prompts ask for the same information? Structure first, sentence embeddings for free text.

The order of evidence (why: raw cosine fails both ways, see docs/CHECKS.md "repeated-prompt"):

1. Structure: the WHATWG ``autocomplete`` token, then the label, placeholder, name and id read
   through a synonym map (``data/info_types.yaml``: DOB = date of birth, ZIP = postcode …), then
   the input type. Two prompts whose types are known are the same when the types are equal,
   the same when one names the other's kind among others, different when one is a part or a neighbour
   of the other ("Name" vs "First name"), different otherwise.
2. Qualifiers (``data/qualifiers.yaml``): first/last are separate types; billing/delivery,
   home/work/mobile, new/current/previous, start/end/birth/incident, self/partner/recipient and
   primary/secondary are qualifier groups. Two prompts with different values of one group ask for
   different information whatever else they share.
3. Security re-entry (``data/confirmation.yaml``): "Confirm password", "Re-enter email" are the same
   information with ``confirmation=True`` (WCAG 3.3.7 allows them).
4. Asked in other words (``prompt_asks``): a short label against the sentence that asks for its value, read
   from the sentence's structure (a question's wh-word, a description's opening noun phrase, an option's help),
   or an identifier described rather than named (``prompt_heads``): the same information.
5. Free text that structure cannot read (chat questions, unusual labels): cosine similarity of
   all-MiniLM-L6-v2 sentence embeddings between the two texts, and between the text and the
   other side's info-type name when that side is known. The thresholds:

   - ``SAME_THRESHOLD`` (0.64): at or above, the same information. Published best thresholds for
     this model on duplicate-question sets lie around 0.66 to 0.76; 0.64 is the best on the dev split
     of ``bench/data/prompt_pairs.jsonl`` (grid in ``bench/prompt_pairs.py``; the test split unused).
   - ``DIFFERENT_THRESHOLD`` (0.62): below, different information; the best on the same dev grid
     (0.50 before: the narrow band leaves fewer pairs uncertain, and the dev split is best with it).
   - between the two: ``same_info=None`` (uncertain), which checks report as ``cantTell``.
   - ``DESCRIPTION_THRESHOLD`` (0.18): a short label against a sentence that describes a value
     (``prompt_asks.label_and_description``) is the same at or above, different below: the cosine of a
     label and a help text is on another scale (the best on the dev split, grid 0.10 to 0.62).

Everything is deterministic given the model. Text beyond ``MAX_CHARS`` is ignored, so time is bounded.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass
from typing import Any

from harness.language.prompt_asks import asked_for_whoever, bare_label_and_sentence, described, label_and_description
from harness.language.prompt_heads import HEAD_SYNONYM, MODIFIER_SYNONYM, differing_heads, differing_modifiers
from harness.language.prompt_hints import by_identity
from harness.language.prompt_owner import another_s
from harness.language.prompt_structure import (
    MAX_CHARS,
    Analysis,
    analyse_autocomplete,
    analyse_text,
    is_confirmation_name,
    relation_sets,
    vocabulary,
    words,
)

SAME_THRESHOLD = 0.64
DIFFERENT_THRESHOLD = 0.62
DESCRIPTION_THRESHOLD = 0.18
# Input types that only accept one kind of value outrank the label (type="tel" does not: sites use it
# for card numbers and codes to get a numeric keypad).
STRONG_INPUT_TYPES = frozenset({"email", "url"})
STRUCTURE_SAME_SCORE = 1.0
STRUCTURE_PARTIAL_SCORE = 0.5
STRUCTURE_DIFFERENT_SCORE = 0.0

__all__ = ["PromptSpec", "Comparison", "describe", "info_key", "compare", "compare_many", "answers",
           "SAME_THRESHOLD", "DIFFERENT_THRESHOLD"]


@dataclass(frozen=True)
class PromptSpec:
    """One prompt as the page shows it: a form control's label and attributes, or a question's text."""

    label: str
    name: str = ""
    id: str = ""
    type: str = ""
    autocomplete: str = ""
    placeholder: str = ""

    @classmethod
    def from_control(cls, control: Any) -> PromptSpec:
        """From a ``harness.transcript.Control`` (or anything with the same attributes)."""
        return cls(label=str(getattr(control, "label", "") or ""), name=str(getattr(control, "name", "") or ""),
                   id=str(getattr(control, "id", "") or ""), type=str(getattr(control, "type", "") or ""),
                   autocomplete=str(getattr(control, "autocomplete", "") or ""),
                   placeholder=str(getattr(control, "placeholder", "") or ""))

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> PromptSpec:
        """From a JSON object with any of label/name/id/type/autocomplete/placeholder (also "text")."""
        known = {"label", "name", "id", "type", "autocomplete", "placeholder", "text"}
        unknown = sorted(set(data) - known)
        if unknown:
            raise ValueError(f"unknown prompt key(s) {', '.join(unknown)}; allowed: {', '.join(sorted(known))}")
        values = {k: data[k] for k in known - {"text"} if k in data}
        for key, value in values.items():
            if not isinstance(value, str):
                raise ValueError(f"prompt key {key!r} must be a string, got {type(value).__name__}")
        label = data.get("label", data.get("text", ""))
        if not isinstance(label, str):
            raise ValueError(f"prompt key 'label' must be a string, got {type(label).__name__}")
        values["label"] = label
        return cls(**values)

    def text(self) -> str:
        """What a person reads: the label, else the placeholder, else the name or id."""
        for value in (self.label, self.placeholder, self.name, self.id):
            if value.strip():
                return value
        return ""


@dataclass(frozen=True)
class Comparison:
    """The verdict on two prompts. ``same_info`` is None when the evidence is ambiguous (cantTell)."""

    same_info: bool | None
    confirmation: bool
    score: float
    reason: str
    info_a: str | None
    info_b: str | None
    method: str = "structure"  # structure, identical, embedding
    cosine: float | None = None  # the model's similarity when it was consulted

    @property
    def verdict(self) -> str:
        """'same', 'different' or 'uncertain'."""
        return {True: "same", False: "different", None: "uncertain"}[self.same_info]

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["verdict"] = self.verdict
        return data


PromptLike = PromptSpec | str


def describe(obj: Any) -> PromptSpec:
    """Turn a Control, mapping, PromptSpec or plain text into a PromptSpec."""
    if isinstance(obj, PromptSpec):
        return obj
    if isinstance(obj, str):
        return PromptSpec(label=obj)
    if isinstance(obj, Mapping):
        return PromptSpec.from_mapping(obj)
    return PromptSpec.from_control(obj)


@dataclass
class _Profile:
    spec: PromptSpec
    analysis: Analysis
    text: str  # what gets embedded


def _profile(prompt: Any) -> _Profile:
    spec = describe(prompt)
    parts = {"label": spec.label, "placeholder": spec.placeholder, "name": spec.name, "id": spec.id}
    analyses = {key: analyse_text(value) for key, value in parts.items() if value.strip()}
    auto = analyse_autocomplete(spec.autocomplete) if spec.autocomplete else Analysis()
    types, via = auto.types, auto.via
    input_type = spec.type.strip().lower()
    if not types and input_type in STRONG_INPUT_TYPES:
        types, via = frozenset({vocabulary().input_types[input_type]}), "type"
    for key in ("label", "placeholder", "name", "id"):
        if not types and key in analyses and analyses[key].types:
            types, via = analyses[key].types, key
    if not types and input_type in vocabulary().input_types:
        types, via = frozenset({vocabulary().input_types[input_type]}), "type"
    qualifiers: dict[str, str] = {}
    for source in (auto, *analyses.values()):
        for group, value in source.qualifiers.items():
            qualifiers.setdefault(group, value)
    if input_type == "password" and not types:
        types, via = frozenset({"password"}), "type"
    if len(types) == 1:
        for group, value in vocabulary().types[next(iter(types))].implies:
            qualifiers.setdefault(group, value)
    confirmation = any(a.confirmation for a in analyses.values()) or any(
        is_confirmation_name(value, types) for value in (spec.name, spec.id) if value)
    text = _clean(spec.text())
    words = max((a.words for a in analyses.values()), default=0)
    return _Profile(spec, Analysis(types, qualifiers, confirmation, words, via), text)


_NOISE = re.compile(r"\*|\((?:required|optional|mandatory)\)|\b(?:required|optional)\b\s*$|:\s*$", re.IGNORECASE)
_CONFIRM_WORDS = re.compile(
    r"\b(?:please\s+)?(?:re-?enter|re-?type|confirm|repeat|verify|type\s+again|enter\s+again)\b|\bagain\b",
    re.IGNORECASE)


def _clean(text: str) -> str:
    """The words to embed: no asterisks, '(required)', trailing colons or re-entry verbs."""
    text = text[:MAX_CHARS]
    text = _NOISE.sub(" ", text)
    text = _CONFIRM_WORDS.sub(" ", text)
    return " ".join(text.split())


def _key(types: frozenset[str]) -> str | None:
    return "|".join(sorted(types)) if types else None


def info_types(spec: Any) -> frozenset[str]:
    """The canonical info types a prompt asks for ("email", "dob", "postcode"); empty when none is known."""
    return _profile(spec).analysis.types


def info_key(spec: Any) -> str | None:
    """The canonical info type a prompt asks for, '|'-joined when several (a key to group or store by)."""
    return _key(info_types(spec))


def _conflicts(a: Analysis, b: Analysis, text_a: str = "", text_b: str = "") -> list[tuple[str, str, str]]:
    """Groups whose values differ (after defaults); not an owner both name ("Badge name" / "… on the badge").

    A default says what an unqualified kind of value is (a bare "Date of birth" is the person's own, a bare "Email"
    the address, not its frequency). A short label that names no kind has no value for a default to qualify, and a
    sentence's kinds may be things it only mentions, so between the two only stated qualifiers conflict ("Send
    HTML" / "Whether to send HTML versions of e-mails"; "Verified" / "Whether the user has completed identity
    verification"). A label that names a kind keeps them ("Playlist name" / "Tell people what this playlist is for").
    """
    defaults = {} if bare_label_and_sentence(a, b, text_a, text_b) else vocabulary().defaults
    out = []
    owners = ((a.qualifiers.get("owner"), text_b), (b.qualifiers.get("owner"), text_a))
    named = a.types == b.types != frozenset() and any(owner and owner in words(other) for owner, other in owners)
    named = named or asked_for_whoever(a, b, text_a, text_b)
    for group in sorted(set(a.qualifiers) | set(b.qualifiers)):
        if named and group in ("owner", "person"):
            continue
        # A re-entry field re-asks whatever came just before it, so it takes no default of its own.
        va = a.qualifiers.get(group, None if a.confirmation else defaults.get(group))
        vb = b.qualifiers.get(group, None if b.confirmation else defaults.get(group))
        if va and vb and va != vb:
            out.append((group, va, vb))
    return out


def _names(types: frozenset[str]) -> str:
    vocab = vocabulary()
    return " or ".join(f"{vocab.label(t)} ({t})" for t in sorted(types))


def _structural(pa: _Profile, pb: _Profile) -> Comparison | None:
    """A verdict from structure alone, or None when the model has to look at the words."""
    a, b = pa.analysis, pb.analysis
    ka, kb = _key(a.types), _key(b.types)
    conflicts = _conflicts(a, b, pa.text, pb.text)
    if conflicts:
        group, va, vb = conflicts[0]
        same_kind = bool(a.types) and a.types == b.types
        if group in ("person", "owner"):
            what = another_s(group, a.qualifiers.get("owner", va), b.qualifiers.get("owner", vb))
        else:
            what = f"differ in {group}: {va} vs {vb}" if same_kind else f"{group} {va} vs {group} {vb}"
        reason = f"both ask for {_names(a.types)} but {what}" if same_kind else f"different information: {what}"
        return Comparison(False, False, STRUCTURE_DIFFERENT_SCORE, reason, ka, kb)
    if a.types and b.types:
        relation = relation_sets(a.types, b.types)
        if relation == "different":
            return Comparison(False, False, STRUCTURE_DIFFERENT_SCORE,
                              f"different information: {_names(a.types)} vs {_names(b.types)}", ka, kb)
        if relation == "partial":
            return _partial(pa, pb)
        confirmation = a.confirmation or b.confirmation
        reason = f"both ask for {_names(a.types)}"
        if confirmation:
            which = "b" if b.confirmation and not a.confirmation else "a" if not b.confirmation else "both"
            reason += f"; {which} is a security re-entry (confirmation)"
        return Comparison(True, confirmation, STRUCTURE_SAME_SCORE, reason, ka, kb)
    if pa.text and pa.text.casefold() == pb.text.casefold():
        confirmation = a.confirmation != b.confirmation
        reason = "the same words" + ("; one is a security re-entry (confirmation)" if confirmation else "")
        return Comparison(True, confirmation, STRUCTURE_SAME_SCORE, reason, ka, kb, method="identical")
    if not pa.text.strip() or not pb.text.strip():
        return Comparison(None, False, 0.0, "nothing to compare: a prompt has no words", ka, kb)
    return None


_JOINED = re.compile(r"\b(?:and|or|und|oder|et|ou|y|o)\b|[&/]", re.IGNORECASE)


def _partial(pa: _Profile, pb: _Profile) -> Comparison:
    """Two prompts whose kinds overlap without being equal.

    One that names a single kind, against one that names it among others in a question that joins
    nothing ("Annual income" / "How much do you earn in a year?"), asks for it: the same. A prompt that
    joins two kinds ("Email or phone") is uncertain. Otherwise one is a part of the other or a
    neighbour ("Full name" / "First name", "Age" / "Date of birth"): different information (RUBRIC's
    part and whole).
    """
    a, b = pa.analysis, pb.analysis
    ka, kb = _key(a.types), _key(b.types)
    names = f"{_names(a.types)} vs {_names(b.types)}"
    for small, (big, big_text) in ((a.types, (b.types, pb.text)), (b.types, (a.types, pa.text))):
        if len(small) == 1 and small < big:
            if _JOINED.search(big_text):
                return Comparison(None, False, STRUCTURE_PARTIAL_SCORE, f"one of several kinds: {names}", ka, kb)
            return Comparison(True, False, STRUCTURE_SAME_SCORE,
                              f"both ask for {_names(small)} (the other's words name it among others)", ka, kb)
    return Comparison(False, False, STRUCTURE_DIFFERENT_SCORE, f"part and whole, or neighbours: {names}", ka, kb)


def _embedding_texts(pa: _Profile, pb: _Profile) -> list[tuple[str, str]]:
    """Text pairs whose cosine is evidence: the two texts, and each text against the other's type name."""
    pairs = [(pa.text, pb.text)]
    vocab = vocabulary()
    for known, other in ((pa, pb), (pb, pa)):
        if len(known.analysis.types) == 1 and not other.analysis.types:
            pairs.append((other.text, vocab.label(next(iter(known.analysis.types)))))
    return pairs


def _from_cosine(pa: _Profile, pb: _Profile, cosines: list[float], same_at: float, different_below: float,
                 scale: str = "") -> Comparison:
    score = max(cosines)
    ka, kb = _key(pa.analysis.types), _key(pb.analysis.types)
    if score >= same_at:
        same: bool | None = True
        reason = f"similar wording: similarity {score:.2f} >= {same_at:.2f}"
    elif score < different_below:
        same = False
        reason = f"unrelated wording: similarity {score:.2f} < {different_below:.2f}"
    else:
        same = None
        reason = f"ambiguous wording: similarity {score:.2f} between {different_below:.2f} and {same_at:.2f}"
    reason = scale + reason
    confirmation = bool(same) and (pa.analysis.confirmation or pb.analysis.confirmation)
    if confirmation:
        reason += "; a security re-entry (confirmation)"
    return Comparison(same, confirmation, round(min(1.0, max(0.0, score)), 4), reason, ka, kb, method="embedding",
                      cosine=round(cosines[0], 4))


def compare_many(pairs: Iterable[tuple[Any, Any]], *, same_threshold: float | None = None,
                 different_threshold: float | None = None, description_threshold: float | None = None
                 ) -> list[Comparison]:
    """Compare many pairs, embedding every free text in one batch.

    ``same_threshold`` / ``different_threshold`` / ``description_threshold`` override the module defaults
    (the benchmark's leave-one-domain-out folds re-tune them; a project cannot set them).
    """
    same_at = SAME_THRESHOLD if same_threshold is None else same_threshold
    different_below = DIFFERENT_THRESHOLD if different_threshold is None else different_threshold
    describes_at = DESCRIPTION_THRESHOLD if description_threshold is None else description_threshold
    profiles = [(_profile(x), _profile(y)) for x, y in (by_identity(describe(a), describe(b)) for a, b in pairs)]
    results: list[Comparison | None] = [_structural(pa, pb) for pa, pb in profiles]
    for i, ((pa, pb), done) in enumerate(zip(profiles, results, strict=True)):
        if done is None and (why := described(pa.text, pb.text)):
            results[i] = Comparison(True, False, STRUCTURE_SAME_SCORE, why, _key(pa.analysis.types),
                                    _key(pb.analysis.types))
    pending = [i for i, r in enumerate(results) if r is None]
    if pending:
        from harness.language import embeddings

        text_pairs = {i: _embedding_texts(*profiles[i]) for i in pending}
        heads = {i: differing_heads(profiles[i][0].text, profiles[i][1].text) for i in pending}
        which = {i: differing_modifiers(profiles[i][0].text, profiles[i][1].text) for i in pending}
        texts = list(dict.fromkeys([*(t for i in pending for pair in text_pairs[i] for t in pair),
                                    *(t for told in (heads, which) for pair in told.values() if pair for t in pair)]))
        vectors = embeddings.embed(texts)
        row = {t: vectors[n] for n, t in enumerate(texts)}
        for i in pending:
            cosines = [float(min(1.0, max(-1.0, row[x] @ row[y]))) for x, y in text_pairs[i]]
            pa, pb = profiles[i]
            if label_and_description(pa.analysis, pb.analysis, pa.text, pb.text):  # the two texts, on their scale
                results[i] = _from_cosine(pa, pb, cosines[:1], describes_at, describes_at, "a label and its help: ")
            else:
                results[i] = _from_cosine(pa, pb, cosines, same_at, different_below)
            for found, synonym_at, what in ((heads, HEAD_SYNONYM, "another attribute of the same thing"),
                                            (which, MODIFIER_SYNONYM, "another one of the same kind")):
                told = found[i]
                if told and float(row[told[0]] @ row[told[1]]) < synonym_at:
                    results[i] = Comparison(False, False, STRUCTURE_DIFFERENT_SCORE, f"{what}: {told[0]} vs {told[1]}",
                                            _key(pa.analysis.types), _key(pb.analysis.types), method="embedding",
                                            cosine=round(cosines[0], 4))
                    break
    return [r for r in results if r is not None]


def compare(a: Any, b: Any, *, same_threshold: float | None = None,
            different_threshold: float | None = None) -> Comparison:
    """Do prompts ``a`` and ``b`` (PromptSpec, Control, mapping or text) ask for the same information?"""
    return compare_many([(a, b)], same_threshold=same_threshold, different_threshold=different_threshold)[0]


def answers(question: str, prompt: Any, *, same_threshold: float | None = None,
            different_threshold: float | None = None) -> Comparison:
    """Does a chat question ask for what ``prompt`` (a field or an earlier message) asked for?"""
    return compare(question, prompt, same_threshold=same_threshold, different_threshold=different_threshold)

