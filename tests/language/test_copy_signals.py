"""Copy criteria read from a message's structure (round 11 of #22): a programming type named to the person is
jargon; a required field's name may stand in quotes; a confirmation may say what was done to what; a status may name
the person's thing or whom they wait on. Every text here is new wording, not an item of a labelled set."""

from __future__ import annotations

import pytest

from harness.language.copy_rules import decisive_codes, evaluate, normalise


def broken(text: str, kind: str) -> set[str]:
    """The criteria a message of this kind breaks (no model: the criteria alone)."""
    return {r.code for r in evaluate(normalise(text), kind) if not r.ok}


def e6_met(text: str, kind: str) -> bool:
    """Whether the next-step criterion holds for this kind (no model: the criteria alone)."""
    return any(r.code == "E6" and r.ok for r in evaluate(normalise(text), kind))


@pytest.mark.parametrize("text", [
    "Colour must be a string or a list of strings.",
    "Expected a number but got text for 'quantity'.",
    "Settings must be a dictionary.",
    "No record with pk 12.",
    "Tags must be an array.",
    "Start must be a datetime, not a date.",
    "The slug may only contain letters and hyphens.",
    "Price has the wrong data type.",
    "Photo object does not exist.",
])
def test_a_programming_type_named_to_the_person_is_jargon(text: str) -> None:
    assert "E1" in broken(text, "validation") and "E1" in decisive_codes("validation")  # decisive: cold outright


@pytest.mark.parametrize("text", [
    "Your password must not be a dictionary word.",
    "This file type is not supported. Upload a PDF or a JPG.",
    "Enter a search string of at least 3 letters.",
    "Choose which type of ticket you need.",
    "Guitar strings are back in stock.",
    "Protect your seedlings from slugs and snails.",
    "Solar arrays need a roof that faces south.",
])
def test_the_plain_sense_of_those_words_is_not_jargon(text: str) -> None:
    assert "E1" not in broken(text, "validation")


@pytest.mark.parametrize("text", ['"Team name" is required.', "'Billing postcode' is required", "(Venue) is required."])
def test_a_required_field_named_in_quotes_says_how_to_fix_it(text: str) -> None:
    assert e6_met(text, "validation")


@pytest.mark.parametrize("text, says", [
    ("4 photos deleted.", True),
    ("Deleted 12 old drafts.", True),
    ("Invitation sent to sam@example.org.", True),
    ("Folder 'Receipts 2025' renamed.", True),
    ('Label "urgent" added to the thread.', True),
    ("Changes saved.", False),
    ("Saved 2 minutes ago.", False),
    ("You've updated it, haven't you.", False),
])
def test_a_confirmation_that_names_what_it_acted_on_says_what_was_done(text: str, says: bool) -> None:
    assert e6_met(text, "confirmation") is says


@pytest.mark.parametrize("text, intent", [
    ("Sending invitation…", True),
    ("Uploading photos...", True),
    ("Checking for new replies…", True),
    ("Your post is awaiting approval by a moderator.", True),
    ("Account pending administrator approval.", True),
    ("Loading data…", False),
    ("Searching...", False),
    ("Logging in", False),
    ("Pending", False),
    ("Pending approval.", False),
])
def test_a_status_that_names_the_persons_thing_or_whom_they_wait_on_carries_intent(text: str, intent: bool) -> None:
    assert e6_met(text, "status") is intent
