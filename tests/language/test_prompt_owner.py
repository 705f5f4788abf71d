"""Whose value a prompt asks for, read from the noun that owns it (harness/language/prompt_owner.py)."""

from __future__ import annotations

import pytest

from harness.language.prompts import compare


@pytest.mark.parametrize(("a", "b"), [
    ("Venue name", "Your name"),  # a compound's first noun owns the value
    ("Name of the club", "Full name"),  # so does the noun after "of"
    ("Password for the admin account", "Password"),  # ... or after "for the"
    ("Email addresses of your guests", "Email"),  # a plural of a personal value is several people's
    ("Phone numbers to text", "Phone number"),
    ("Renewal date", "Joining date"),  # two owners of one kind of attribute
    ("Order date", "Dispatch date"),  # a listed word ("dispatch": a delivery) still says which date it is
    ("Invoice amount", "Refund amount"),
    ("Name on the certificate", "Name on the parcel"),
])
def test_a_value_another_noun_owns_is_different_information(a: str, b: str) -> None:
    result = compare(a, b)
    assert result.same_info is False, result.reason


@pytest.mark.parametrize(("a", "b"), [
    ("Contact email", "Email address"),  # the person's own contact and account details
    ("Enter your email", "Email"),  # a verb or a pronoun before the noun owns nothing
    ("Which email should we use?", "Email"),
    ("Name on the certificate", "How should your name appear on the certificate?"),  # the same owner, named again
    ("Date of the meeting", "Meeting date"),
    ("Start date", "Commencement date"),  # two words for one moment
    ("Date of delivery", "Delivery date"),
])
def test_the_person_s_own_value_or_the_same_owner_stays_the_same(a: str, b: str) -> None:
    result = compare(a, b)
    assert result.same_info is True, result.reason


@pytest.mark.parametrize(("a", "b"), [
    ("Real name", "Your name"),  # an adjective says what kind of name, not whose
    ("Full legal name", "Name"),
    ("Registered email", "Email address"),  # a participle qualifies the value, it owns nothing
    ("Official name", "What is your name?"),
])
def test_an_adjective_before_the_value_is_no_owner(a: str, b: str) -> None:
    result = compare(a, b)
    assert result.same_info is True, result.reason


def test_an_adjective_after_of_the_leaves_the_noun_that_owns() -> None:
    result = compare("Name of the registered keeper", "Your name")
    assert result.same_info is False, result.reason
    assert "the keeper's vs your own" in result.reason, result.reason
