"""The shared word lists and the reference finder the rules read."""

from __future__ import annotations

import pytest

from harness.checks.patterns import has, labelled_lines, names, references


@pytest.mark.parametrize(("text", "refs"), [
    ("Your claim reference is CLM-2026-00042.", ["CLM-2026-00042"]),
    ("Your reference number HM-AQ69VD", ["HM-AQ69VD"]),
    ("Your reference number HM-LGHFFE. Keep your reference number: you'll need it", ["HM-LGHFFE"]),
    ("Booking reference: QWXYZB", ["QWXYZB"]),
    ("Your reference will be emailed to you. Keep the REFERENCE SAFE", []),
    ("Order #48213 is on its way", ["48213"]),
    ("We sent it to sam.jones.8e7423@example.org", []),
    ("Call 0808 157 0192, 8am to 8pm, on 14/03/2026 or £12.50", []),
    ("Postcode SW1A 1AA", []),
])
def test_references(text, refs):
    assert references(text) == refs


@pytest.mark.parametrize(("name", "text", "expected"), [
    ("human_route", "Call us on 0800 123 4567", True),
    ("human_route", "Chat with an adviser", True),
    ("human_route", "Enter a valid card number", False),
    ("timing", "We'll be in touch within 2 working days", True),
    ("timing", "We'll be in touch", False),
    ("next_steps", "A claims handler will call you", True),
    ("timeout_warning", "Your session will time out in 2 minutes", True),
    ("timeout_notice", "Your session has expired", True),
    ("timeout_notice", "Your session will time out in 2 minutes", True),
    ("status_words", "Connecting you to an adviser", True),
    ("error_words", "For example, 14 3 2026", False),
    ("error_words", "The date must be in the past", True),
])
def test_signals(name, text, expected):
    assert has(name, text) is expected


def test_every_list_compiles():
    assert {"human_route", "next_steps", "timing", "reference_word", "sign_in", "status_words"} <= set(names())


def test_stable_text_blanks_per_run_values():
    from harness.checks.patterns import stable_text

    a = stable_text("Your reference HM-AQ69VD. We emailed sam.1@example.org on 14/03/2026")
    b = stable_text("Your reference HM-ZZ12QQ. We emailed kim.2@example.net on 15/03/2026")
    assert a == b and "<ref>" in a and "<email>" in a


def test_a_contracted_cannot_reads_as_an_error():
    assert has("error_words", "Sorry, we can't find this user.") and has("error_words", "We couldn’t save it")


def test_a_typographic_apostrophe_reads_as_a_plain_one():
    assert has("next_steps", "We\u2019ve emailed you instructions for setting your password.")


@pytest.mark.parametrize(("text", "lines"), [
    ("Error: This username is already registered. Error: The email address is not correct.",
     ["Error: This username is already registered.", "Error: The email address is not correct."]),
    ("Error: Name is missing! ERROR: Email is missing", ["Error: Name is missing!", "ERROR: Email is missing"]),
    # "errors:" inside a sentence introduces a list, it labels no line of its own
    ("Error: Please correct these errors: Name, Email.", []),
    ("Error: Name is missing. There were 2 errors: see below.", []),
    ("The form has errors: Name. Error: Email is missing.", []),
])
def test_labelled_lines_split_only_at_a_label_that_opens_a_line(text, lines):
    assert labelled_lines(text) == lines
