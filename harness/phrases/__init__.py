"""Phrase data per language: the words that show an error, a confirmation, a next step, a way to reach a person.

Why one validated place per language: a rule judges wording only through these lists, so a designer
changes a list without touching a rule, a mistake in a file is one message naming the file and entry
(pydantic validates each file when first read), and a page in a language with no file is an open
question (cantTell) rather than English judgements. Files are `<language>.yaml` (the primary subtag
of the page's `lang`, e.g. "en" for en-GB) in this folder.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError, model_validator

from harness.exceptions import ConfigError

FOLDER = Path(__file__).parent
DEFAULT = "en"  # pages that do not say their language are read as English, as before
_current: ContextVar[str] = ContextVar("empathy_phrase_language", default=DEFAULT)


class Signal(BaseModel):
    """One signal: words (matched on word boundaries) or regular expressions, case-insensitive."""

    model_config = ConfigDict(extra="forbid")

    kind: Literal["existence", "regex"]
    description: str = ""
    tokens: list[str] = []
    patterns: list[str] = []

    @model_validator(mode="after")
    def _compiles(self) -> Signal:
        if not self.alternatives():
            raise ValueError("no tokens or patterns")
        try:
            self.compiled()
        except re.error as exc:
            raise ValueError(f"bad pattern: {exc}") from None
        return self

    def alternatives(self) -> list[str]:
        if self.kind == "existence":
            words = sorted(self.tokens, key=len, reverse=True)
            return [r"\b" + re.escape(str(w)).replace(r"\ ", r"\s+") + r"\b" for w in words]
        return [str(p) for p in self.patterns]

    def compiled(self) -> re.Pattern[str]:
        return re.compile("|".join(f"(?:{a})" for a in self.alternatives()), re.IGNORECASE)


def primary(lang: str) -> str:
    """The primary language subtag of a page's `lang` ("en-GB" -> "en"), lower case; "" when none."""
    return lang.strip().split("-")[0].split("_")[0].lower()


def languages() -> tuple[str, ...]:
    """The languages that have phrase data (asked for every text the recorder reads: the folder is read once)."""
    return _languages_in(FOLDER)


@lru_cache(maxsize=8)
def _languages_in(folder: Path) -> tuple[str, ...]:
    return tuple(sorted(p.stem for p in folder.glob("*.yaml")))


@lru_cache(maxsize=8)
def signals(lang: str) -> dict[str, Signal]:
    """The validated entries of one language; a bad file is a ConfigError naming the file and entry."""
    path = FOLDER / f"{lang}.yaml"
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read phrase data: {exc.strerror}") from None
    out = {}
    for name, entry in raw.items():
        try:
            out[name] = Signal.model_validate(entry)
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(x) for x in (name, *first["loc"]))
            raise ConfigError(f"{path}: {where}: {first['msg']}") from None
    return out


@lru_cache(maxsize=8)
def book(lang: str) -> dict[str, re.Pattern[str]]:
    """The compiled signals of one language."""
    return {name: signal.compiled() for name, signal in signals(lang).items()}


def language_for(page_lang: str, name: str) -> str:
    """The language whose file gives entry `name` on a page in `page_lang`: the page's own, English where it has
    no such entry (the harness's own guesswork, unlike a rule's judgement, still works on any page)."""
    lang = primary(page_lang)
    return lang if lang in languages() and name in signals(lang) else DEFAULT


def for_page(page_lang: str, name: str) -> re.Pattern[str]:
    """Entry `name` compiled, from the file `language_for` picks: what code reading a page looks for."""
    return book(language_for(page_lang, name))[name]


def tokens(lang: str, name: str) -> list[str]:
    """The words of the `existence` entry `name` in `lang`, as written, for code that hands plain words to
    the page rather than a pattern."""
    signal = signals(lang).get(name)
    if signal is None or signal.kind != "existence":
        raise ConfigError(f"{FOLDER / f'{lang}.yaml'}: {name}: needs an entry of `kind: existence` with `tokens` "
                          "(the harness reads it as a list of words)")
    return [str(t) for t in signal.tokens]


WRITTEN_IN_SHARE = 0.25  # share of a text's words that are a language's small words for it to be written in it
WRITTEN_IN_WORDS = 5  # fewer words than this say nothing of their language


def written_in(text: str) -> str:
    """The language with phrase data the text is written in, by the share of its words that are that language's
    `function_words`; "" when too short or in none of them."""
    said = [w.casefold() for w in re.findall(r"[^\W\d_]+", text)]
    if len(said) < WRITTEN_IN_WORDS:
        return ""
    for lang in languages():
        if "function_words" in signals(lang):
            small = {t.casefold() for t in tokens(lang, "function_words")}
            if sum(w in small for w in said) >= WRITTEN_IN_SHARE * len(said):
                return lang
    return ""


@contextmanager
def reading(lang: str) -> Iterator[None]:
    """Judge wording in `lang` (a language with data) within this block."""
    token = _current.set(lang or DEFAULT)
    try:
        yield
    finally:
        _current.reset(token)


def current() -> dict[str, re.Pattern[str]]:
    return book(_current.get())
