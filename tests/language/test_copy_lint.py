"""`copy_lint` on real catalogue shapes: labels are not messages, placeholders read as values, kinds fit."""

from __future__ import annotations

from pathlib import Path

import pytest

from harness.language.copy_kinds import candidate_kinds
from harness.language.copy_lint import is_message, lint
from harness.language.placeholders import fill, has_placeholder
from tests.language.test_copy import private_cache  # noqa: F401  # autouse: never the workspace's cache


@pytest.mark.parametrize(("text", "read"), [
    ("Use at most %(limit)d characters (you used %(used)d).", "Use at most 5 characters (you used 5)."),
    ("Pick a date after {start_date}.", "Pick a date after 3 June 2026."),
    ("We sent a code to %s.", "We sent a code to Example."),
    ("The {field} field must be 0:{min} or more", "The Title field must be 5 or more"),
    ("Please %(link)sopen the form%(end_link)s again.", "Please open the form again."),
    ("We emailed %{email}.", "We emailed name@example.com."),
    ("Save 20% today", "Save 20% today"),  # a percentage is not a placeholder
])
def test_placeholders_read_as_the_values_they_stand_for(text: str, read: str) -> None:
    assert fill(text) == read
    assert has_placeholder(text) == (text != read)


@pytest.mark.parametrize("text", ["Inbox", "Whole number (unbounded)", "…", "%(excerpt)s…", "Are you sure?",
                                  "I agree to the terms", "Hello from %(site)s!", "Account Settings Saved",
                                  "yes,no", "A comma-separated list of tags, one per item."])
def test_labels_headings_and_prompts_are_not_messages(text: str) -> None:
    assert not is_message(text)


@pytest.mark.parametrize("text", ["Used to group invoices in reports.", "Leave blank to use the shop's name.",
                                  "Optional. Shown on the receipt under the total.", "If ticked, guests can reply.",
                                  "Click to pick a colour for the label.", "No, keep my subscription",
                                  "Whether the widget appears on the dashboard."])
def test_help_texts_and_answer_buttons_are_not_messages(text: str) -> None:
    assert not is_message(text)


@pytest.mark.parametrize("text", ["Invalid code", "No results", "Your file could not be read.",
                                  "Signed out of every other device.", "Only one photo is allowed.",
                                  "No card was found with that number.", "If you wait, the page reloads itself."])
def test_short_messages_are_still_messages(text: str) -> None:
    assert is_message(text)


def test_the_catalogues_own_context_decides() -> None:
    assert not is_message("Reference is not valid", "field label")  # msgctxt says label
    assert is_message("Try later", "errors.retry")  # the key names a message


@pytest.mark.parametrize(("text", "kind"), [
    ("No photo was uploaded.", "validation"), ("Type a full value.", "validation"),
    ("Your payment was not accepted.", "error"), ("The attached file is empty.", "validation"),
    ("Password changed.", "confirmation"), ("You have removed the card.", "confirmation"),
    ("No saved cards yet.", "empty"), ("Use no more than 3 tags.", "validation"),
    ("Nicknames cannot start with a space.", "validation"), ("Venue address is required.", "validation"),
])
def test_kind_fits_the_message(text: str, kind: str) -> None:
    assert candidate_kinds(text) == (kind,)


@pytest.mark.model
def test_lint_marks_labels_inapplicable_and_never_flags_a_placeholder(tmp_path: Path) -> None:
    po = tmp_path / "messages.po"
    po.write_text('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
                  'msgid "Inbox"\nmsgstr ""\n\n'
                  'msgctxt "button"\nmsgid "Remove item"\nmsgstr ""\n\n'
                  'msgid "Use at most %(limit_value)d characters."\nmsgstr ""\n\n'
                  'msgid "No photo was uploaded."\nmsgstr ""\n', encoding="utf-8")
    records, findings = lint([po])
    verdicts = {r["text"]: r for r in records}
    assert verdicts["Inbox"]["verdict"] == "inapplicable"
    assert verdicts["Remove item"]["verdict"] == "inapplicable"
    assert verdicts["Use at most %(limit_value)d characters."]["verdict"] == "warm"
    assert verdicts["No photo was uploaded."]["kind"] == "validation"
    assert not [f for f in findings if f.rule.startswith("E1")]


def test_pattern_quantifiers_are_not_placeholders() -> None:
    assert fill("Must match [0-9]{5} or \\d{3}") == "Must match [0-9]{5} or \\d{3}"


def test_punctuation_alone_is_never_a_message_whatever_the_context_says() -> None:
    assert not is_message(":", "Translators: the suffix after form field labels")
    assert not is_message("%(count)s", "errors.count")


@pytest.mark.parametrize("text", ["Try again", "Go home", "Send link", "Getting started", "Last updated by %(user)s",
                                  "items with missing tags", "date published", "Thanks for visiting the shop today.",
                                  "Kind regards", "See you soon!"])
def test_buttons_names_headings_and_sign_offs_are_not_messages(text: str) -> None:
    assert not is_message(text)


@pytest.mark.parametrize("text", ["Try again later", "Link copied to clipboard", "Photo uploaded",
                                  "You do not have access to this folder",
                                  "Photo size exceeds the 5 MB limit. Before trying again, reduce it to 2,000 pixels.",
                                  "Thanks for signing up!"])
def test_messages_without_a_full_stop_or_an_auxiliary_are_messages(text: str) -> None:
    assert is_message(text)


def test_a_comment_that_calls_the_string_a_message_outweighs_its_label_words() -> None:
    assert is_message("That nickname is taken, pick another", "Error message shown under the name field")
    assert not is_message("That nickname is taken, pick another", "Label of the name field")


def test_a_fuzzy_translation_is_never_shown_so_the_msgid_is_read(tmp_path: Path) -> None:
    from harness.language.catalogues import read_catalogue

    po = tmp_path / "en.po"
    po.write_text('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
                  '#, fuzzy\nmsgid "You may not edit this folder."\nmsgstr "You cannot edit this folder"\n\n'
                  'msgid "Folder moved."\nmsgstr "The folder was moved."\n', encoding="utf-8")
    assert [m.text for m in read_catalogue(po)] == ["You may not edit this folder.", "The folder was moved."]


@pytest.mark.parametrize("catalogue", [
    {"nav.retry": "Try later, please", "nav.retry___DESCRIPTION": "The label of the button that reloads the page"},
    {"retry": {"message": "Try later, please", "description": "The label of the button that reloads the page"}},
    {"retry": "Try later, please", "@retry": {"description": "The label of the button that reloads the page"}},
])
def test_a_note_for_translators_is_context_not_a_string_to_lint(tmp_path: Path, catalogue: dict) -> None:
    import json

    from harness.language.catalogues import read_catalogue
    from harness.language.copy_lint import collect

    path = tmp_path / "en.json"
    path.write_text(json.dumps(catalogue), encoding="utf-8")
    messages = read_catalogue(path)
    assert [m.text for m in messages if not m.note] == ["Try later, please"]
    assert "button" in next(m.context for m in messages if not m.note)
    assert not [m for m, _, applies in collect([path]) if applies]  # the note says it is a button; the note is none


def test_a_notes_words_about_the_subject_do_not_outrank_a_key_that_names_a_message(tmp_path: Path) -> None:
    # the note says when the message shows ("the sign-in link", "the file name"): words about its subject, not
    # a statement that the string is a link or a name; the key ("expired", "upload_failed") names a message
    import json

    from harness.language.copy_lint import collect

    path = tmp_path / "en.json"
    path.write_text(json.dumps({
        "session": {"expired": "This link has expired. Ask for a new one.",
                    "expired___DESCRIPTION": "Shown when the sign-in link from the email is too old"},
        "upload_failed": "We could not upload your file. Try a smaller one.",
        "upload_failed__comment": "Shown under the file name",
        "retry": "Try later, please", "retry__comment": "The label of the button that reloads the page",
    }), encoding="utf-8")
    judged = {m.text: applies for m, _, applies in collect([path]) if not m.note}
    assert judged == {"This link has expired. Ask for a new one.": True,
                      "We could not upload your file. Try a smaller one.": True, "Try later, please": False}


@pytest.mark.model
def test_the_texts_own_shape_outranks_the_keys_word_for_the_kind(tmp_path: Path) -> None:
    path = tmp_path / "en.json"
    path.write_text('{"rules": {"confirmed": "The two {field} boxes do not match"}}', encoding="utf-8")
    records, _ = lint([path])
    assert records[0]["kind"] == "validation"


def test_camel_case_keys_name_labels_and_kinds(tmp_path: Path) -> None:
    from harness.language.copy_lint import collect

    path = tmp_path / "en.json"
    path.write_text('{"toolbar": {"retryButtonLabel": "Try later", "cardDeclined": "We could not take the payment."}}',
                    encoding="utf-8")
    found = {m.text: (hint, applies) for m, hint, applies in collect([path])}
    assert found["Try later"] == (None, False)
    assert found["We could not take the payment."] == ("error", True)


def test_the_message_slot_of_a_keyed_catalogue_says_nothing_of_its_string(tmp_path: Path) -> None:
    # `{"x": {"message": ..., "description": ...}}` (Chrome's messages.json) holds every string, label or not, under
    # "message": the slot's name is the format's, so a string there is judged as it would be under "x" alone
    import json

    from harness.language.copy_lint import collect

    strings = {"sortNow": "Sort tabs now", "groupByHost": "Group by site", "sortFailed": "Sorting failed"}
    keyed = tmp_path / "messages.json"
    keyed.write_text(json.dumps({k: {"message": v, "description": "Seen in the toolbar"} for k, v in strings.items()}),
                     encoding="utf-8")
    plain = tmp_path / "plain.json"
    plain.write_text(json.dumps(strings), encoding="utf-8")
    judged = {path.name: {m.text: applies for m, _, applies in collect([path]) if not m.note}
              for path in (keyed, plain)}
    assert judged["messages.json"] == judged["plain.json"] == {"Sort tabs now": False, "Group by site": False,
                                                               "Sorting failed": True}


@pytest.mark.parametrize(("text", "message"), [
    ("Rotate chosen photos", False), ("Get started with Example", False), ("All %(count)s selected", False),
    ("Most viewed", False), ("can see hidden folders", False), ("is hidden", False), ("export failed", True),
    ("no photo chosen", True),
    ("Photos added to the album", True),
])
def test_done_deeds_are_told_from_counts_ranks_rights_and_actions(text: str, message: bool) -> None:
    assert is_message(text) is message
