"""Phrase data per language: the page's `lang` chooses it; a language with none is an open question."""

from __future__ import annotations

from pathlib import Path

import pytest

from harness import phrases
from harness.checks import run_checks
from harness.config import Settings
from harness.exceptions import ConfigError

from .conftest import journey, say

COLD = "Error 500: invalid request. You failed to complete the form."
KALT = "Fehler 500: ungültige Anfrage. Sie haben das Formular nicht ausgefüllt."  # the same, in German


def _cold(lang: str, text: str = COLD):  # a server fault in cold, blaming words: cold-copy fails it when it reads them
    return journey({"text": "When I submit", "lang": lang, "messages": [say(text, "error")]})


@pytest.mark.model
def test_an_english_page_is_judged_in_english_whatever_its_region():
    for lang in ("en-GB", "en", ""):
        found = run_checks(_cold(lang), Settings(), only=["cold-copy"])
        assert [f.outcome for f in found] == ["failed"], lang


def test_a_page_in_a_language_without_data_is_an_open_question_not_english_judgements():
    found = run_checks(_cold("de-DE", KALT), Settings())
    wording = [f for f in found if f.rule != "friction"]
    assert wording and all(f.outcome == "cantTell" for f in wording)
    assert all("'de'" in f.message and "phrase data" in f.message for f in wording)
    assert {f.rule for f in wording} == {"cold-copy", "lost-context", "missing-reassurance", "repeated-prompt"}


@pytest.mark.model
def test_a_page_that_declares_a_language_without_data_but_is_written_in_english_is_read_in_english():
    # a missing page marked lang="de" whose words are English: the person reads English, so its words are judged
    found = run_checks(_cold("de", COLD), Settings(), only=["cold-copy"])
    assert [f.outcome for f in found] == ["failed"] and "phrase data" not in found[0].message
    assert phrases.written_in(KALT) == "" and phrases.written_in("Page not found") == ""  # German; too few words


def test_a_bad_phrase_file_names_the_file_and_entry(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    (tmp_path / "xx.yaml").write_text("error_words:\n  kind: regex\n  patterns: ['(unclosed']\n", encoding="utf-8")
    monkeypatch.setattr(phrases, "FOLDER", tmp_path)
    phrases.book.cache_clear()
    try:
        with pytest.raises(ConfigError, match=r"xx\.yaml: error_words: .*bad pattern"):
            phrases.book("xx")
    finally:
        phrases.book.cache_clear()


def test_the_phrase_folder_is_read_once_not_for_every_text(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """The recorder asks for the page's words for every text it reads (hundreds a journey): a glob of the folder each
    time was a filesystem walk per text. A folder put in place (a test's, a new language) is read when first asked."""
    (tmp_path / "en.yaml").write_text((phrases.FOLDER / "en.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "de.yaml").write_text("chat_box:\n  kind: existence\n  tokens: [Nachricht]\n", encoding="utf-8")
    globbed: list[Path] = []
    glob = Path.glob

    def counted(self: Path, pattern: str, **kwargs: object):  # type: ignore[no-untyped-def]
        globbed.append(self)
        return glob(self, pattern, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "glob", counted)
    monkeypatch.setattr(phrases, "FOLDER", tmp_path)
    phrases.signals.cache_clear()
    try:
        for _ in range(50):
            assert phrases.language_for("de-DE", "chat_box") == "de"
            assert phrases.language_for("fr", "chat_box") == "en"
        assert list(phrases.languages()) == ["de", "en"]
        assert globbed.count(tmp_path) == 1
    finally:
        phrases.signals.cache_clear()
