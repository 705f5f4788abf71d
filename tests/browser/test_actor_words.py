"""The actor's guesswork (which field asks for the e-mail, which button sends a chat) reads the words of the
page's language from harness/phrases/<language>.yaml, entry by entry, with English where a file has none."""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace

import pytest

from harness import phrases
from harness.browser.classify import classify
from harness.browser.hands import Hands
from harness.exceptions import ConfigError

BROWSER = Path(phrases.__file__).parents[1] / "browser"


def _hands(lang: str) -> Hands:
    return Hands(SimpleNamespace(recorder=SimpleNamespace(lang=lang)))  # type: ignore[arg-type]


def test_the_pages_language_gives_the_words_and_english_fills_its_gaps(tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "en.yaml").write_text((phrases.FOLDER / "en.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "de.yaml").write_text("chat_box:\n  kind: existence\n  tokens: [Nachricht]\n"
                                      "main_menu:\n  kind: existence\n  tokens: [Hauptmenü]\n"
                                      "message_empty:\n  kind: existence\n  tokens: [keine Ergebnisse]\n",
                                      encoding="utf-8")
    monkeypatch.setattr(phrases, "FOLDER", tmp_path)
    phrases.signals.cache_clear()
    phrases.book.cache_clear()
    try:
        assert _hands("de-DE")._words("chat_box").search("Ihre Nachricht")
        assert not _hands("de-DE")._words("chat_box").search("Your message")
        assert _hands("de")._words("send_button").search("Send")  # no German entry: the English one
        assert _hands("fr")._words("chat_box").search("Your message")  # no French file at all: English
        assert _hands("")._words("sign_in_button").search("Log in")  # a page that declares no language
        assert _hands("de")._tokens("main_menu") == ["Hauptmenü"]  # plain words for the page, the same way
        assert "account" in _hands("de")._tokens("account_menu")
        assert _hands("fr")._tokens("ask_for_person") == ["Can I talk to a person, please?"]
        assert classify({"text": "Keine Ergebnisse gefunden"}, "de-DE")[0] == "empty"  # the recorder's words too
        assert classify({"text": "No results found"}, "de")[0] == "text"
        assert classify({"text": "Hallo, willkommen!"}, "de")[0] == "text"  # no German greeting: English, no match
        assert classify({"text": "Welcome back"}, "de")[0] == "greeting"
    finally:
        phrases.signals.cache_clear()
        phrases.book.cache_clear()


def test_an_entry_read_as_words_must_be_a_list_of_words() -> None:
    with pytest.raises(ConfigError, match=r"en\.yaml: chat_box: needs an entry of `kind: existence`"):
        phrases.tokens("en", "chat_box")


def test_every_entry_the_actor_reads_is_in_the_english_file() -> None:
    used = {name for p in BROWSER.glob("*.py")
            for name in re.findall(r"_words\(\s*\"(\w+)\"", p.read_text(encoding="utf-8"))}
    used |= {name for p in BROWSER.glob("*.py")
             for pair in re.findall(r"_words\(\s*\"(\w+)\" if .+? else \"(\w+)\"\)", p.read_text(encoding="utf-8"))
             for name in pair}
    used |= {name for p in BROWSER.glob("*.py")
             for name in re.findall(r"_tokens\(\s*\"(\w+)\"", p.read_text(encoding="utf-8"))}
    used |= {name for p in BROWSER.glob("*.py")
             for name in re.findall(r"(?:language_for|for_page)\(.+?, \"(\w+)\"\)", p.read_text(encoding="utf-8"))}
    used |= set(re.findall(r"says\(\"(\w+)\"\)", (BROWSER / "classify.py").read_text(encoding="utf-8")))
    assert {"chat_box", "sign_in_button", "username_field", "account_menu", "main_menu", "ask_for_person",
            "wait_progress", "message_timeout", "message_handoff", "message_confirm", "message_greeting",
            "message_empty", "message_errorish", "message_question", "message_warning"} <= used
    assert not used - set(phrases.book("en")), f"missing from en.yaml: {sorted(used - set(phrases.book('en')))}"


def test_a_short_value_is_no_persona_detail_though_a_detail_holds_it() -> None:
    from harness.browser.fill import Fill

    fill = Fill(SimpleNamespace(data={"dob_day": "1", "email": "kim@example.test"}))  # type: ignore[arg-type]
    assert fill.detail_key_of("1") == ""  # the audit's plausible quantity, not the day of birth
    assert fill.detail_key_of("kim@example.test") == "email"
