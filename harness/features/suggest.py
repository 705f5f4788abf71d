"""Rank catalogue steps for a step nobody defined: by meaning first, spelling second.

"When I type in my e-mail" and "When I enter my email address" share few letters but mean the same,
so sentence embeddings carry most of the weight; spelling similarity breaks ties and catches typos.
Quoted values are masked on both sides (they name the site's labels, not the step's meaning), and the
suggestion is filled back with the author's own values so it can be pasted as is.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from harness.features.catalogue import StepDef

MEANING_WEIGHT = 0.7  # the rest is spelling
SAME_KEYWORD_BONUS = 0.05  # a step the line's keyword can use is a little more likely
MAX_COMPARE_CHARS = 300  # bounds difflib's quadratic time and the model's input
_QUOTED = re.compile(r'"[^"\n]*"')
_MASK = '"…"'


@dataclass(frozen=True)
class Suggestion:
    """One candidate step, filled with the author's values when they fit, and how close it is."""

    step: StepDef
    text: str  # ready to paste, without keyword
    score: float

    def line(self, keyword: str, kind: str) -> str:
        """The suggestion as a whole line: keep the author's And/But when the step type is right."""
        return f"{keyword if self.step.accepts(kind) else self.step.keyword} {self.text}"


def masked(text: str) -> str:
    """Lower-cased text with quoted values replaced by one neutral token."""
    return " ".join(_QUOTED.sub(_MASK, text[:MAX_COMPARE_CHARS]).lower().split())


def trigrams(text: str) -> Counter[str]:
    """Character trigrams of a text padded with spaces: typos keep most of them ("clik" ~ "click")."""
    padded = f"  {text} "
    return Counter(padded[i:i + 3] for i in range(len(padded) - 2))


def spelling(a: str, b: str, grams_a: Counter[str] | None = None, grams_b: Counter[str] | None = None) -> float:
    """Mean of character-trigram overlap (Dice) and word-order similarity (0..1) of two masked texts.

    Trigrams rather than difflib's character matcher: as good for typos and linear in length, so
    ranking a few hundred unknown steps against every wording stays fast.
    """
    ga = grams_a if grams_a is not None else trigrams(a)
    gb = grams_b if grams_b is not None else trigrams(b)
    total = sum(ga.values()) + sum(gb.values())
    chars = 2 * sum((ga & gb).values()) / total if total else 1.0
    words = difflib.SequenceMatcher(None, a.split(), b.split(), autojunk=False).ratio()
    return (chars + words) / 2


def fill(step: StepDef, raw: str, check: str, template: str | None = None) -> str:
    """A wording of the step (its example by default) with the author's quoted values, if that still matches.

    `raw` is the author's text as written (outline placeholders kept), `check` the same text as the
    runner sees it; the filled wording must match the definition for `check`'s values.
    """
    template = step.example if template is None else template
    ours = _QUOTED.findall(template)
    theirs_raw = _QUOTED.findall(raw)
    theirs = _QUOTED.findall(check)
    if not ours or len(ours) != len(theirs_raw) or len(theirs) != len(theirs_raw):
        return template

    def rebuild(values: list[str]) -> str:
        parts = _QUOTED.split(template)
        out = parts[0]
        for value, rest in zip(values, parts[1:], strict=True):
            out += value + rest
        return out

    return rebuild(theirs_raw) if step.matches(rebuild(theirs)) else template


def suggest(steps: Sequence[tuple[str, str, str]], catalogue: Sequence[StepDef], k: int = 3, *,
            meaning_weight: float = MEANING_WEIGHT) -> list[list[Suggestion]]:
    """For each (kind, text, raw) step, the k closest catalogue steps, best first.

    `kind` is the step's resolved type (given/when/then), `text` what the runner matches, `raw` the text
    as written. One batch of embeddings covers all steps and all examples.
    """
    from harness.features.phrasings import phrasings

    candidates = [d for d in catalogue if d.example]
    if not steps or not candidates or k <= 0:
        return [[] for _ in steps]
    from harness.language.embeddings import embed

    wordings = [(ci, text) for ci, d in enumerate(candidates) for text in phrasings(d)]
    queries = [masked(text) for _, text, _ in steps]
    targets = [masked(text) for _, text in wordings]
    vectors = embed(queries + targets)
    meaning = vectors[: len(queries)] @ vectors[len(queries):].T
    target_grams = [trigrams(t) for t in targets]
    out: list[list[Suggestion]] = []
    for qi, (kind, text, raw) in enumerate(steps):
        query_grams = trigrams(queries[qi])
        best: dict[int, tuple[float, str]] = {}  # candidate -> (score, its closest wording)
        for ti, (ci, wording) in enumerate(wordings):
            spelt = spelling(queries[qi], targets[ti], query_grams, target_grams[ti])
            score = meaning_weight * float(meaning[qi, ti]) + (1 - meaning_weight) * spelt
            if candidates[ci].accepts(kind):
                score += SAME_KEYWORD_BONUS
            if ci not in best or score > best[ci][0]:
                best[ci] = (score, wording)
        ranked = sorted(best.items(), key=lambda item: -item[1][0])
        picks: list[Suggestion] = []
        shown: set[str] = set()
        for ci, (score, wording) in ranked:
            step = candidates[ci]
            text_out = fill(step, raw, text, wording)
            if text_out in shown:
                continue
            shown.add(text_out)
            picks.append(Suggestion(step, text_out, round(score, 3)))
            if len(picks) == k:
                break
        out.append(picks)
    return out
