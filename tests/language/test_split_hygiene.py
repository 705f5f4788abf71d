"""The held-apart test splits stay held apart: no unit test, word list or training row repeats them.

The held-apart sets are the copy and prompt test splits and the held-apart catalogue samples
(bench/data/catalogue_samples.jsonl, every split named "held-apart...": what `empathy copy lint` is judged on;
their strings of three words or more: "Email address" or "Invalid input" is everyone's vocabulary).

Why: a figure measured on items the tests pin or the word lists were edited to fit says how well we
fit our own examples, not how the scorer does on a stranger's words (issue #22). What counts as
"appears" (normalised: case and punctuation folded; the
values of a mapping prompt are compared whole):

- a unit test of the language code (tests/language, tests/cli/test_copy_cli.py, test_prompts_cli.py)
  has a string literal equal to a test message, or containing one of three words or more; a test
  pair is pinned when both its sides are literals of the same test file, and so is a pair of a stranger's
  set (bench/data/stranger*/);
- a word list (YAML under harness/language/) contains six running words of a test message (the
  whole message when shorter, from three words), or a test prompt of four words or more (a question,
  not a label: one- and two-word labels such as "Date of birth" are the vocabulary itself);
- a training row shares six running words with a test message, or a dev pair equals a test pair.
"""

from __future__ import annotations

import ast
import json
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "bench" / "data"
UNIT_TESTS = (*sorted((ROOT / "tests" / "language").glob("test_*.py")),
              ROOT / "tests" / "cli" / "test_copy_cli.py", ROOT / "tests" / "cli" / "test_prompts_cli.py")
WORD_LISTS = sorted(p for p in (ROOT / "harness" / "language").rglob("*") if p.suffix in (".yaml", ".yml"))
RUN = 6  # running words that make a shared passage


def norm(text: str) -> str:
    folded = unicodedata.normalize("NFKC", text).casefold().replace("’", "'")
    return " ".join(re.findall(r"[^\W_]+(?:'[^\W_]+)*", folded))


def runs(text: str) -> set[str]:
    words = text.split()
    return {" ".join(words[i:i + RUN]) for i in range(max(1, len(words) - RUN + 1))}


def rows(name: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in (DATA / name).read_text(encoding="utf-8").splitlines() if line.strip()]


def sides(prompt: Any) -> set[str]:
    """The texts a prompt side is made of (a plain text, or each value of a mapping)."""
    if isinstance(prompt, str):
        return {norm(prompt)} if norm(prompt) else set()
    return {v.strip().casefold() for v in prompt.values() if isinstance(v, str) and v.strip()}


def literals(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = [n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)]
    return {norm(v) for v in found} | {v.strip().casefold() for v in found}


def test_messages() -> list[tuple[str, str]]:
    """The held-apart messages: the copy test split's and the held-apart catalogue samples' strings."""
    catalogue = [r["msgid"] for r in rows("catalogue_samples.jsonl")
                 if r["split"].startswith("held-apart") and len(norm(r["msgid"]).split()) >= 3]
    texts = [r["text"] for r in rows("copy_messages.jsonl") if r["split"] == "test"] + catalogue
    return [(t, norm(t)) for t in texts if norm(t)]


test_messages.__test__ = False  # type: ignore[attr-defined]  # a helper, not a test


def pinned_messages(texts: set[str]) -> Iterator[str]:
    for raw, text in test_messages():
        if text in texts or len(text.split()) >= 3 and any(text in t for t in texts):
            yield raw


@pytest.mark.parametrize("path", UNIT_TESTS, ids=lambda p: p.name)
def test_no_unit_test_pins_a_test_split_item(path: Path) -> None:
    found = literals(path)
    pairs = [r for r in rows("prompt_pairs.jsonl") if r["split"] == "test"]
    pinned_pairs = [(r["a"], r["b"]) for r in pairs if sides(r["a"]) <= found and sides(r["b"]) <= found]
    assert not pinned_pairs, f"{path.name} pins held-apart prompt pairs: {pinned_pairs}"
    assert not list(pinned_messages(found)), f"{path.name} pins held-apart messages: {list(pinned_messages(found))}"


@pytest.mark.parametrize("path", WORD_LISTS, ids=lambda p: p.name)
def test_no_word_list_holds_a_test_split_item(path: Path) -> None:
    text = " " + norm(path.read_text(encoding="utf-8")) + " "
    shared = [raw for raw, msg in test_messages() if len(msg.split()) >= 3
              and any(f" {run} " in text for run in runs(msg))]
    assert not shared, f"{path.name} holds passages of held-apart messages: {shared}"
    questions = {s for r in rows("prompt_pairs.jsonl") if r["split"] == "test"
                 for side in (r["a"], r["b"]) for s in sides(side) if len(s.split()) >= 4}
    listed = sorted(q for q in questions if f" {q} " in text)
    assert not listed, f"{path.name} lists held-apart prompts: {listed}"


def test_no_training_row_repeats_a_test_split_item() -> None:
    train = {run for r in rows("copy_messages.jsonl") if r["split"] == "train" for run in runs(norm(r["text"]))}
    shared = [raw for raw, msg in test_messages() if runs(msg) & train]
    assert not shared, f"the copy train split shares passages with held-apart messages: {shared}"
    pairs = rows("prompt_pairs.jsonl")
    dev = {frozenset((json.dumps(r["a"], sort_keys=True).casefold(), json.dumps(r["b"], sort_keys=True).casefold()))
           for r in pairs if r["split"] != "test"}
    repeated = [r for r in pairs if r["split"] == "test" and frozenset(
        (json.dumps(r["a"], sort_keys=True).casefold(), json.dumps(r["b"], sort_keys=True).casefold())) in dev]
    assert not repeated, f"held-apart prompt pairs repeated in the dev split: {repeated}"


OUTSIDE = DATA / "outside"
# The judges nobody tunes on: the outside corpus and each round's stranger's set (bench/data/stranger7/ ...).
JUDGES = (OUTSIDE, *sorted(DATA.glob("stranger*")))


def outside_texts() -> list[str]:
    """Every message and prompt of the judges (bench/data/outside/, bench/data/stranger*/), normalised."""
    found: list[str] = []
    for path in sorted(p for judge in JUDGES for p in judge.rglob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line) if line.strip() else {}
            found += [norm(row["text"])] if isinstance(row.get("text"), str) else []
            found += [s for side in (row.get("a"), row.get("b")) if side for s in sides(side)]
    return [t for t in found if len(t.split()) >= 3]


@pytest.mark.skipif(not OUTSIDE.is_dir(), reason="the outside corpus is not in this checkout")
def test_the_outside_corpus_is_never_trained_on_or_listed() -> None:
    texts = [t for t in outside_texts() if len(t.split()) >= 4]  # shorter labels are everyone's vocabulary
    train = {norm(r["text"]) for r in rows("copy_messages.jsonl") if r["split"] == "train"} | {
        s for r in rows("prompt_pairs.jsonl") if r["split"] == "dev" for side in (r["a"], r["b"])
        for s in sides(side)}
    lists = " ".join(" " + norm(p.read_text(encoding="utf-8")) + " " for p in WORD_LISTS)
    trained = [t for t in texts if t in train]
    listed = [t for t in texts if f" {t} " in lists]
    assert not trained, f"outside items in our training rows: {trained}"
    assert not listed, f"outside items in a word list: {listed}"


def test_the_judges_include_this_round_s_stranger_set() -> None:
    for name in ("stranger7", "stranger8", "stranger9", "stranger10", "stranger11", "stranger12", "stranger12_copy",
                 "stranger13_copy", "stranger13", "stranger14", "stranger14_copy"):
        assert DATA / name in JUDGES and any((DATA / name).glob("*.jsonl"))


@pytest.mark.parametrize("path", UNIT_TESTS, ids=lambda p: p.name)
def test_no_unit_test_pins_a_stranger_s_pair(path: Path) -> None:
    """A stranger's pair both of whose sides are literals of one test file is pinned (counted, never printed)."""
    found = literals(path)
    pinned = sum(sides(r["a"]) <= found and sides(r["b"]) <= found
                 for judge in JUDGES[1:] for p in sorted(judge.glob("*.jsonl"))
                 for r in rows(str(p.relative_to(DATA))) if "a" in r and "b" in r)
    assert not pinned, f"{path.name} pins {pinned} pairs of a stranger's set"


def test_the_pair_models_rule_made_pairs_hold_no_held_apart_or_outside_item() -> None:
    """The pair model trains on rule-made pairs too: none may equal a test pair or a long outside prompt."""
    from harness.language.pair_augment import augmented

    made = augmented()
    held = {frozenset(sides(r["a"]) | sides(r["b"])) for r in rows("prompt_pairs.jsonl") if r["split"] == "test"}
    repeated = [(a, b) for a, b, _ in made if frozenset({norm(a), norm(b)}) in held]
    assert not repeated, f"rule-made pairs repeat held-apart pairs: {repeated}"
    if OUTSIDE.is_dir():  # counted, never printed: the outside items stay unread
        outside = {t for t in outside_texts() if len(t.split()) >= 4}
        hits = sum(norm(side) in outside for a, b, _ in made for side in (a, b))
        assert not hits, f"{hits} rule-made prompts equal outside items; change pair_augment's templates"
