"""Score a message as cold or warm, say why, and suggest a warmer rewrite.

Why rules first: guidance (GOV.UK, NN/g, Microsoft) names checkable criteria, and embeddings alone
mark good terse copy ("Enter a postcode, like SW1A 1AA") as cold. So the Vale-style criteria in
`copy_criteria/` judge each message for its kind; a breach of a decisive criterion (codes, jokes,
generic wording) makes it cold outright; otherwise a tiny logistic head weighs the criteria with a
sentence-embedding score (`copy_model`). A score inside the uncertain band is "uncertain", the
scorer's cantTell, never a guess.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields
from typing import Any, Literal

import numpy as np

from harness.exceptions import ConfigError
from harness.language.copy_kinds import candidate_kinds
from harness.language.copy_model import REQUIREMENT_CODES, CopyModel, load_model, rule_features
from harness.language.copy_rules import (
    MESSAGE_KINDS,
    Reason,
    decisive_codes,
    evaluate,
    normalise,
    signals,
    sufficient_codes,
)
from harness.language.copy_suggest import suggest
from harness.language.placeholders import fill

__all__ = ["KIND_ALIASES", "MESSAGE_KINDS", "CopyScore", "Reason", "resolve_kind", "score", "score_many"]

Verdict = Literal["cold", "warm", "uncertain"]
EMBED_CHARS = 1_000  # the model reads ~256 word pieces; more text only costs tokenising time
DECISIVE_CAP = 0.2  # a decisive breach keeps the score at or below this
SUFFICIENT_FLOOR = 0.8  # a kind's sufficient requirement met, nothing the rubric counts cold broken: at least this
# Other names for the kinds, including the transcript's message kinds that are not copy kinds.
KIND_ALIASES: dict[str, str | None] = {
    "hand-off": "handoff", "hand_off": "handoff", "empty-state": "empty", "empty_state": "empty",
    "empty state": "empty", "fault": "error", "alert": "error", "inline": "validation",
    "toast": None, "chat": None, "text": None, "heading": None, "greeting": None, "": None, "unknown": None,
}


@dataclass(frozen=True)
class CopyScore:
    """A message's verdict, its warmth from 0 (cold) to 1 (warm), the criteria's reasons and a rewrite."""

    verdict: Verdict
    score: float
    reasons: list[Reason]
    suggestion: str
    kind: str = ""
    kind_inferred: bool = False
    broken: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form (the CLI's --json and --jsonl output)."""
        data = {f.name: getattr(self, f.name) for f in fields(self)}  # shallow: asdict deep-copies (1 ms each)
        data["reasons"] = [dict(vars(r)) for r in self.reasons]
        data["broken"] = list(self.broken)
        return data


def resolve_kind(kind: object) -> str | None:
    """A canonical kind, None for 'infer it'; an unknown name is a ConfigError listing the kinds."""
    if kind is None:
        return None
    key = str(kind).strip().lower()
    if key in MESSAGE_KINDS:
        return key
    if key in KIND_ALIASES:
        return KIND_ALIASES[key]
    raise ConfigError(f"message kind {kind!r} is not known",
                      hint=f"use one of {', '.join(MESSAGE_KINDS)}, or leave it out to infer it")


@dataclass(frozen=True)
class _Item:
    text: str
    kind: str | None
    field: str
    context: dict[str, Any]


def _item(raw: Any) -> _Item:
    if isinstance(raw, str):
        return _Item(raw, None, "", {})
    if isinstance(raw, Mapping):
        ctx = raw.get("context") or {}
        return _Item(str(raw.get("text") or ""), resolve_kind(raw.get("kind")), str(raw.get("field") or ""),
                     dict(ctx) if isinstance(ctx, Mapping) else {})
    if isinstance(raw, tuple | list):
        parts = [*raw, None, None, None][:4]
        ctx = parts[3] if isinstance(parts[3], Mapping) else {}
        return _Item(str(parts[0] or ""), resolve_kind(parts[1]), str(parts[2] or ""), dict(ctx))
    return _Item(str(raw), None, "", {})


def score(text: str, kind: str | None = None, field: str = "",
          context: dict[str, Any] | None = None) -> CopyScore:
    """Judge one message; `kind` None infers it, `field` is the label of the control it belongs to."""
    return score_many([{"text": text, "kind": kind, "field": field, "context": context}])[0]


def score_many(items: Iterable[Any], model: CopyModel | None = None) -> list[CopyScore]:
    """Judge many messages with one batched embedding call; items are texts, dicts or tuples.

    ``model`` replaces the shipped weights (the benchmark's leave-one-domain-out retrains them).
    """
    from harness.language.embeddings import embed

    prepared = [_item(raw) for raw in items]
    if not prepared:
        return []
    model = model or load_model()
    texts = [normalise(fill(i.text)) for i in prepared]  # `%(count)d` is read as the 5 a person sees
    vectors = embed([t[:EMBED_CHARS] or "(empty)" for t in texts])
    kinds: list[str] = []
    inferred: list[bool] = []
    cued: list[bool] = []  # the kind was given or the text's own cue words point to it, not a centroid's guess
    for item, text, vector in zip(prepared, texts, vectors, strict=True):
        if item.kind is not None:
            kinds.append(item.kind)
            inferred.append(False)
            cued.append(True)
            continue
        among = candidate_kinds(text, item.field)
        kinds.append(among[0] if len(among) == 1 else model.nearest_kind(vector, among))
        inferred.append(True)
        cued.append(len(among) < len(MESSAGE_KINDS))
    sigs = [signals(t) for t in texts]
    reasons = [evaluate(t, k, i.field, s) for t, k, i, s in zip(texts, kinds, prepared, sigs, strict=True)]
    rows = np.vstack([rule_features(t, r, s) for t, r, s in zip(texts, reasons, sigs, strict=True)])
    probs = model.probability(rows, vectors)
    # A kind's own decisive requirement holds only when the kind is known: a guessed kind decides nothing alone.
    decisive = {k: decisive_codes(k) for k in {"", *kinds}}
    sufficient = {k: sufficient_codes(k) for k in set(kinds)}
    out: list[CopyScore] = []
    for idx, item in enumerate(prepared):
        broken = [r.code for r in reasons[idx] if not r.ok]
        p = float(probs[idx])
        if not texts[idx]:
            reasons[idx] = [Reason("E5", False, "The message is empty: it tells the person nothing.", "generic",
                                   "error")]
            broken, p = ["E5"], 0.0
        elif (decisive[kinds[idx]] if cued[idx] else decisive[""]).intersection(broken):
            p = min(p, DECISIVE_CAP)
        elif cued[idx] and _suffices(sufficient[kinds[idx]], reasons[idx]):
            p = max(p, SUFFICIENT_FLOOR)
        verdict: Verdict = "warm" if p >= model.warm_above else "cold" if p <= model.cold_below else "uncertain"
        tip = "" if verdict == "warm" else suggest(kinds[idx], item.field, item.context)
        out.append(CopyScore(verdict, round(p, 3), reasons[idx], tip, kinds[idx], inferred[idx], broken))
    return out


def _suffices(codes: frozenset[str], reasons: list[Reason]) -> bool:
    """A sufficient requirement is met and no criterion the rubric counts cold (codes, blame, shouting, jokes,
    generic words, stonewalling) is broken; the other requirements (a reference and a time) are extras."""
    met = {r.code for r in reasons if r.ok}
    return bool(codes & met) and not any(not r.ok and r.code not in REQUIREMENT_CODES for r in reasons)
