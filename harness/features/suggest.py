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


# What a quoted value is, from its slot's group name (the step's) or the word before it (the author's):
# the thing on the page that is acted on, or what is typed, chosen or looked for.
_LABEL_SLOTS = re.compile(r"label|field|button|link|page|menu|target|control|box|persona|name|address|tab|dialog")
_VALUE_SLOTS = re.compile(r"value|text|option|choice|message|file|path|answer|content|detail|query")
_LABEL_BEFORE = {"in", "into", "to", "for", "from", "on", "under", "inside", "within", "of", "field", "box",
                 "button", "link", "page", "menu", "tab", "called", "named", "labelled", "labeled", "at", "open",
                 "press", "click", "tap", "tick", "untick", "check", "uncheck", "am", "is", "set", "change", ""}
_VALUE_BEFORE = {"with", "type", "types", "typing", "enter", "enters", "write", "writes", "put", "say", "says",
                 "tell", "see", "read", "contain", "contains", "choose", "select", "pick", "search", "upload", "as",
                 "value", "text", "message", "shows", "show", "showing", "reads", "answer", "fill"}


def _role_of_slot(name: str) -> str:
    return "label" if _LABEL_SLOTS.search(name) else "value" if _VALUE_SLOTS.search(name) else ""


def _roles_of_values(text: str) -> list[str]:
    """'label', 'value' or '' for each quoted value of the author's text, from the word just before it."""
    roles = []
    for m in _QUOTED.finditer(text):
        before = re.findall(r"[a-z]+", text[:m.start()].lower())
        word = before[-1] if before else ""
        roles.append("value" if word in _VALUE_BEFORE else "label" if word in _LABEL_BEFORE else "")
    return roles


def _slots(step: StepDef, template: str) -> list[str]:
    """The group name behind each quoted value of a wording ('' where the regex names none)."""
    regex = getattr(step.parser, "regex", None)
    match = regex.fullmatch(template) if isinstance(regex, re.Pattern) else None
    names = []
    for q in _QUOTED.finditer(template):
        inside = (q.start() + 1, q.end() - 1)
        found = "" if match is None else next(
            (n for n in (regex.groupindex if regex is not None else {}) if match.span(n) == inside), "")
        names.append(found)
    return names


def _placeholder(name: str) -> str:
    return f'"<{name or "…"}>"'


def _assign(slots: list[str], roles: list[str]) -> list[int | None]:
    """Which of the author's values goes to each slot: in order, but a known role only to the same role."""
    unused = list(range(len(roles)))
    if len(slots) < 2 or len(roles) < 2:  # one value, one slot: nothing to swap
        return [unused.pop(0) if unused else None for _ in slots]
    chosen: list[int | None] = []
    for slot in slots:
        want = _role_of_slot(slot)
        pick = next((i for i in unused if not want or roles[i] == want), None)
        if pick is None:
            pick = next((i for i in unused if not roles[i]), None)
        if pick is not None:
            unused.remove(pick)
        chosen.append(pick)
    return chosen


def fill(step: StepDef, raw: str, check: str, template: str | None = None) -> str:
    """A wording of the step (its example by default) carrying the author's quoted values, never the example's.

    The author's values go to the slots in their order, but a label only to a label and a typed value
    only to a value, so `type "compost" into "Search"` becomes `fill in "Search" with "compost"`, never
    the other way round; a slot the author gave nothing for shows its name (`"<label>"`) for them to
    fill in. `raw` is the author's text as written (outline placeholders kept), `check` the same as the
    runner sees it; the filled wording must match the definition.
    """
    template = step.example if template is None else template
    if not _QUOTED.search(template):
        return template
    slots = _slots(step, template)
    theirs_raw, theirs = _QUOTED.findall(raw), _QUOTED.findall(check)
    if len(theirs) != len(theirs_raw):
        theirs = theirs_raw
    chosen = _assign(slots, _roles_of_values(raw))

    def rebuild(values: list[str], picks: list[int | None]) -> str:
        parts = _QUOTED.split(template)
        out = parts[0]
        for slot, pick, rest in zip(slots, picks, parts[1:], strict=True):
            out += (values[pick] if pick is not None else _placeholder(slot)) + rest
        return out

    if step.matches(rebuild(theirs, chosen)):
        return rebuild(theirs_raw, chosen)
    return rebuild([], [None] * len(slots))


# A suggestion that says the opposite of what the author wrote is worse than none ("I should stay signed
# in" -> "I sign out"): each pair is two words of opposite sense; a negation flips the sense of a Then.
_OPPOSITES = (("in", "out"), ("stay", "leave"), ("open", "close"), ("show", "hide"), ("shown", "hidden"),
              ("visible", "hidden"), ("accept", "dismiss"), ("add", "remove"), ("enabled", "disabled"),
              ("tick", "untick"), ("check", "uncheck"), ("keep", "lose"), ("kept", "lost"), ("same", "different"))
_SAME_SENSE = ((re.compile(r"\bfill(?:ing)? out\b"), "fill in"),)  # phrases whose words look opposite but are not
_NEGATION = re.compile(r"\b(?:not|never|no|nothing|none|cannot)\b|n't\b")
OPPOSITE_PENALTY = 0.5  # a word against its opposite: almost surely the wrong step
NEGATION_PENALTY = 0.15  # negated on one side only, the rest alike: the opposite
NEGATION_ALIKE = 0.5  # share of words the two must have in common for a negation to decide


def polarity_penalty(a: str, b: str) -> float:
    """How much to lower a candidate wording `b` for the author's `a` (both masked) saying the opposite."""
    for pattern, same in _SAME_SENSE:
        a, b = pattern.sub(same, a), pattern.sub(same, b)
    wa, wb = set(re.findall(r"[a-z]+", a)), set(re.findall(r"[a-z]+", b))
    if any((x in wa and y in wb and x not in wb and y not in wa) or (y in wa and x in wb and y not in wb
                                                                     and x not in wa) for x, y in _OPPOSITES):
        return OPPOSITE_PENALTY
    if bool(_NEGATION.search(a)) == bool(_NEGATION.search(b)):
        return 0.0
    # only where the rest reads alike ("I should see X" / "I should not see X"); "my answers should be
    # remembered" and "nothing I said should be lost" say one thing in two framings
    rest_a, rest_b = (set(re.findall(r"[a-z]+", _NEGATION.sub(" ", t))) for t in (a, b))
    alike = len(rest_a & rest_b) / max(1, len(rest_a | rest_b))
    return NEGATION_PENALTY if alike >= NEGATION_ALIKE else 0.0


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
            score -= polarity_penalty(queries[qi], targets[ti])
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
