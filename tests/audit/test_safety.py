"""The audit's safety rule: which buttons commit a person, which links it never follows."""

from __future__ import annotations

from pathlib import Path

import pytest

from harness.audit.safety import FormFacts, irreversible, is_logout, link_commits


@pytest.mark.parametrize("facts", [
    FormFacts(button="Pay now"), FormFacts(button="Place order"), FormFacts(button="Delete my account"),
    FormFacts(button="Send message"), FormFacts(button="Buy tickets"), FormFacts(button="Confirm booking"),
    FormFacts(button="Save", autocompletes=("cc-number",)),
    FormFacts(button="Go", words="Cancel your subscription"),
    FormFacts(button="Go", action="https://shop.test/basket/checkout/"),
    FormFacts(button="Submit", field_types=("text", "textarea")),  # a message that may reach a person
    FormFacts(button="Submit", last_of_flow=True),  # the last step of a flow commits what it collected
    FormFacts(button="Go", method="post", choices=("Delete selected users",)),  # a bulk action's first option
    FormFacts(button="Continue and pay"), FormFacts(button="Proceed with payment", autocompletes=("cc-number",)),
    # what is on file, shown to be changed: an account's details, an item's edit page, a settings page's choices
    FormFacts(button="Save", field_types=("text", "text", "email"), held=("text", "email")),
    FormFacts(button="Save", page="/admin/pages/7/edit/", field_types=("text", "url", "select"),
              held=("select",)),
    FormFacts(button="Save", words="Preferences", field_types=("select", "select"), held=("select", "select")),
])
def test_an_irreversible_form_is_named_with_its_reason(facts: FormFacts) -> None:
    assert irreversible(facts)


@pytest.mark.parametrize("facts", [
    FormFacts(button="Search", method="get", field_types=("search",)),
    FormFacts(button="Sign in", field_types=("email", "password")),
    FormFacts(button="Continue", field_types=("text", "textarea")),  # a step of a flow moves on
    FormFacts(button="Next", last_of_flow=True),
    FormFacts(button="Create account", field_types=("email", "password")),
    FormFacts(button="Filter", method="get", words="Show orders"),
    FormFacts(button="Register", field_types=("text", "password", "password", "textarea")),  # an account's notes
    FormFacts(button="Proceed with checkout"), FormFacts(button="Continue to payment", last_of_flow=True),
    # a new item's form with a default choice, a sign-in that remembers the name, a flow's step showing what was said
    FormFacts(button="Save", page="/admin/pages/add/", field_types=("text", "url", "select"), held=("select",)),
    FormFacts(button="Log in", field_types=("text", "password"), held=("text",)),
    FormFacts(button="Continue", field_types=("text", "email"), held=("text", "email")),
])
def test_a_reversible_form_is_pressed(facts: FormFacts) -> None:
    assert irreversible(facts) == ""


def test_the_reason_names_the_words() -> None:
    assert irreversible(FormFacts(button="Pay £20 now")) == 'its button "Pay £20 now" says "Pay"'


@pytest.mark.parametrize(("text", "href", "out"), [
    ("Log out", "/accounts/", True), ("Account", "/accounts/logout/", True), ("Sign out", "/x", True),
    ("Logbook", "/logbook/", False), ("Sign in", "/signin", False), ("Me", "/user_logout", True),
    ("Me", "/doLogout", True), ("Sign-out", "/x", True),
])
def test_sign_out_links(text: str, href: str, out: bool) -> None:
    assert is_logout(text, href) is out


@pytest.mark.parametrize(("text", "href", "out"), [
    ("Remove", "/items/4/", True), ("Item 4", "/items/4/delete/", True), ("Orders", "/orders/", False),
    ("Help", "/help/?next=/cancel", False),
])
def test_links_that_act(text: str, href: str, out: bool) -> None:
    assert link_commits(text, href) is out


def test_a_language_file_gives_the_audit_its_safety_words(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A page in another language is held back by that language's words, and English ones still count."""
    from harness import phrases
    from harness.audit import safety

    (tmp_path / "en.yaml").write_text((phrases.FOLDER / "en.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "de.yaml").write_text("commits:\n  kind: existence\n  tokens: [bezahlen, löschen]\n"
                                      "sign_out:\n  kind: regex\n  patterns: ['\\babmelden\\b']\n", encoding="utf-8")
    monkeypatch.setattr(phrases, "FOLDER", tmp_path)
    for cached in (phrases.signals, phrases.book, safety._words):
        cached.cache_clear()
    try:
        assert irreversible(FormFacts(button="Jetzt bezahlen")) == 'its button "Jetzt bezahlen" says "bezahlen"'
        assert irreversible(FormFacts(button="Pay now")) and is_logout("Abmelden", "/konto/abmelden")
        assert irreversible(FormFacts(button="Weiter")) == ""
    finally:
        for cached in (phrases.signals, phrases.book, safety._words):
            cached.cache_clear()


def test_a_button_outside_a_form_is_pressed_to_see_its_dialog_only_when_it_signs_in_or_says_it_opens_one() -> None:
    from harness.audit.safety import shows_dialog

    assert shows_dialog("Login", marked=False) and shows_dialog("Add a bill", marked=True)
    assert not shows_dialog("Download", marked=False)
    assert not shows_dialog("Log out", marked=True) and not shows_dialog("Delete everything", marked=True)


def test_a_sign_up_met_as_a_flows_later_page_is_walked_not_held_back() -> None:
    """A form that only opens an account (a new password twice under words that open one) ends a flow in an account
    the audit makes as the people it makes up, as it does where the sign-up is a flow's first page: not a commitment.
    MediaWiki's "Create your account", met after the sign-in page's press, was held back as a flow's last step."""
    from harness.audit.model import Field, Form

    join = Form(path="/Special:CreateAccount", button="Create your account", words="Create account",
                fields=[Field("Username"), Field("Password", "password"), Field("Confirm password", "password")])
    assert join.commits(last_of_flow=True) == ""
    order = Form(path="/checkout", button="Submit", fields=[Field("Name"), Field("Password", "password")])
    assert "ends a multi-step flow" in order.commits(last_of_flow=True)  # one password: still held back
