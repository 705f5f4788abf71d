"""Rewrites on a site that is not the demo: built from the page's own words, never the insurer's.

A shop and a wiki, written out by hand: every suggestion any rule makes on them must hold no word of
the demo's domain, and a cold message's rewrite names the page's fields, button and site.
"""

from __future__ import annotations

import pytest

from harness.language.copy_suggest import site_name, suggest
from tests.demo_words import DEMO_WORDS

from .conftest import act, control, journey, post, run, say

pytestmark = pytest.mark.model

SHOP = "Hollow Oak Books"


def _shop():
    sign_in = "/account/login"
    return journey(
        {"text": 'When I press "Sign in"', "page": sign_in, "title": f"Sign in | {SHOP}",
         "actions": [act("click", "Sign in")],
         "prompts": [control("Email", page=sign_in), control("Password", page=sign_in, type="password", secret=True)],
         "messages": [say("Invalid credentials.", "error", page=sign_in)]},
        {"text": 'When I press "Create account"', "page": "/account/new", "title": f"New account | {SHOP}",
         "actions": [act("click", "Create account")],
         "prompts": [control("Password", page="/account/new", type="password", secret=True),
                     control("Confirm password", page="/account/new", type="password", secret=True)],
         "messages": [say("Passwords do not match", "validation", page="/account/new", field="Confirm password")]},
        {"text": 'When I press "Place order"', "page": "/checkout/done", "title": f"Order | {SHOP}",
         "actions": [act("click", "Place order")], "requests": [post("/checkout")],
         "messages": [say("Order complete!!!", "confirmation", page="/checkout/done"),
                      say("ERROR 500", "error", page="/checkout/done")]},
    )


def _wiki():
    edit = "/wiki/Compost?do=edit"
    return journey(
        {"text": 'When I press "Save"', "page": edit, "title": "Compost - Fernwiki",
         "actions": [act("click", "Save")], "requests": [post("/wiki/Compost")],
         "prompts": [control("Edit summary", page=edit, type="textarea")],
         "messages": [say("Error: save failed (code 17).", "error", page=edit),
                      say("Session expired.", "timeout", page=edit), say("Processing...", "status", page=edit)]},
    )


@pytest.mark.parametrize("make", [_shop, _wiki], ids=["shop", "wiki"])
def test_no_suggestion_on_another_site_speaks_the_demos_language(make):
    findings = run_all(make())
    suggestions = [f.suggestion for f in findings if f.suggestion]
    assert suggestions, "the journey should draw at least one rewrite"
    spoken = [(s, DEMO_WORDS.findall(s)) for s in suggestions if DEMO_WORDS.search(s)]
    assert not spoken, f"the demo's words in a suggestion on another site: {spoken}"


def run_all(transcript):
    from harness.checks import run_checks
    from harness.config import Settings

    return run_checks(transcript, Settings())


def test_a_cold_error_is_rewritten_in_the_forms_own_words():
    by_text = {f.evidence.get("text"): f.suggestion for f in run("cold-copy", _shop())}
    wrong_password = by_text["Invalid credentials."]
    assert "'Sign in'" in wrong_password and "email and password" in wrong_password
    assert "saved" not in wrong_password and "few minutes" not in wrong_password
    mismatch = by_text["Passwords do not match"]
    assert "characters" not in mismatch and "same password" in mismatch
    assert SHOP in by_text["ERROR 500"]


def test_the_site_name_comes_from_a_page_title_of_two_parts():
    assert site_name(f"Sign in | {SHOP}") == SHOP
    assert site_name("Compost - Fernwiki") == "Fernwiki"
    assert site_name("Sign in") == ""


def test_where_the_page_gives_nothing_the_rewrite_is_a_neutral_template():
    for kind in ("validation", "error", "timeout", "status", "confirmation", "handoff", "empty", "other"):
        text = suggest(kind)
        assert text and not DEMO_WORDS.search(text), (kind, text)
    assert "characters" not in suggest("validation", "Password")
