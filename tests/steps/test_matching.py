"""Every phrase a product owner might write matches exactly one step of the library, with the right arguments.

Why: pytest-bdd silently picks one definition when two match; an ambiguous library would run the
wrong step. Synonyms (press/click/tap, enter/type/fill in) must all land on the same definition.
"""

from __future__ import annotations

import importlib
import inspect

import pytest
from pytest_bdd.steps import StepFunctionContext, step_function_context_registry

from harness.runner.workspace import LIBRARY


def _library() -> list[StepFunctionContext]:
    for name in LIBRARY:
        importlib.import_module(name)
    return [ctx for ctx in list(step_function_context_registry.values())
            if ctx.step_func.__module__ in LIBRARY]


def _matches(kind: str, text: str) -> list[StepFunctionContext]:
    return [ctx for ctx in _library() if ctx.type in (None, kind) and ctx.parser.is_matching(text)]


CASES: list[tuple[str, str, str, dict[str, object]]] = [
    # (keyword, text, expected function, expected arguments subset)
    ("given", "I am an anxious customer", "i_am_a_kind_of_customer", {"persona": "an anxious customer"}),
    ("given", "I am a screen-reader user", "i_am_a_kind_of_customer", {"persona": "a screen-reader user"}),
    ("given", "I am a low-confidence customer", "i_am_a_kind_of_customer", {"persona": "a low-confidence customer"}),
    ("given", "I am a returning team member", "i_am_a_kind_of_customer", {"persona": "a returning team member"}),
    ("given", "I am team-member", "i_am_persona_name", {"persona": "team-member"}),
    ("given", "I am signed out", "signed_out", {}),
    ("given", "I am logged out", "signed_out", {}),
    ("given", "I am not signed in", "signed_out", {}),
    ("given", "I am signed in", "signed_in", {}),
    ("given", "I am logged in", "signed_in", {}),
    ("given", 'I am "hurried"', "i_am_named_persona", {"persona": "hurried"}),
    ("given", "I am a returning customer with a previous claim", "i_am_with_history",
     {"phrase": "a returning customer", "history": "claim"}),
    ("given", 'I am "returning" with a previous claim', "i_am_with_history", {"name": "returning"}),
    ("given", 'I open the "claims" page', "open_named_page", {"page": "claims"}),
    ("when", 'I go to the "sign-in" page', "open_named_page", {"page": "sign-in"}),
    ("when", 'I visit the "dashboard" page', "open_named_page", {"page": "dashboard"}),
    ("given", 'I open "/claims/new"', "open_address", {"address": "/claims/new"}),
    ("then", 'I should be on the "confirmation" page', "should_be_on_page", {"page": "confirmation"}),
    ("when", 'I enter my email address in "Email"', "enter_my_detail", {"detail": "email address", "label": "Email"}),
    ("when", 'I type my policy number into "Policy number"', "enter_my_detail", {"detail": "policy number"}),
    ("when", 'I fill in my postcode in "Postcode / ZIP"', "enter_my_detail", {"label": "Postcode / ZIP"}),
    ("when", 'I enter "my kitchen is flooded" in "What happened?"', "enter_value",
     {"value": "my kitchen is flooded", "label": "What happened?"}),
    ("when", 'I type "SW1A 1AA" into "Postcode"', "enter_value", {"value": "SW1A 1AA"}),
    ("when", 'I fill in "Postcode" with "SW1A 1AA"', "fill_label_with_value", {"label": "Postcode"}),
    ("when", 'I fill in "Your e-mail" with my email address', "fill_label_with_detail", {"detail": "email address"}),
    ("when", "I fill in the form", "fill_in_the_form", {}),
    ("when", "I fill in the form with my details", "fill_in_the_form", {}),
    ("when", "I fill in the form with these values:", "fill_in_the_form", {}),
    ("when", 'I choose "Water damage" for "What kind of claim is it?"', "choose_option", {"option": "Water damage"}),
    ("when", 'I select "Visa" from "Card type"', "choose_option", {"label": "Card type"}),
    ("when", 'I tick "I agree to the terms"', "tick_box", {"label": "I agree to the terms"}),
    ("when", 'I press "Continue"', "press_control", {"name": "Continue"}),
    ("when", 'I click "Continue"', "press_control", {"name": "Continue"}),
    ("when", 'I click on "Sign out"', "press_control", {"name": "Sign out"}),
    ("when", 'I tap "Submit claim"', "press_control", {"name": "Submit claim"}),
    ("when", 'I press the "Continue" button', "press_control", {"name": "Continue"}),
    ("when", 'I press Enter in "Your name"', "press_enter", {"label": "Your name"}),
    ("when", 'I hit the Return key in "Your name"', "press_enter", {"label": "Your name"}),
    ("when", "I press Enter", "press_enter", {"label": None}),
    ("when", 'I send the form empty with "Post Comment"', "press_with_the_form_empty", {"name": "Post Comment"}),
    ("when", 'I upload "tests/data/photo.png" to "Photos"', "upload_file", {"label": "Photos"}),
    ("when", 'I upload a photo to "Photos of the damage"', "upload_sample", {"kind": "photo"}),
    ("when", 'I tell the assistant "my kitchen is flooded"', "tell_assistant", {"text": "my kitchen is flooded"}),
    ("when", 'I say to the bot "hello"', "tell_assistant", {"text": "hello"}),
    ("when", "I tell the assistant my policy number", "tell_assistant_detail", {"detail": "policy number"}),
    ("when", "I ask to speak to a person", "ask_for_a_person", {}),
    ("when", "I ask for a human", "ask_for_a_person", {}),
    ("when", "I go back", "go_back", {}),
    ("when", "I go back to check my answers", "go_back_to_check", {}),
    ("when", "I reload the page", "reload_page", {}),
    ("when", "I refresh the page", "reload_page", {}),
    ("when", "I wait 5 seconds", "wait_seconds", {"seconds": "5"}),
    ("when", "I wait 1 second", "wait_seconds", {"seconds": "1"}),
    ("when", "I wait for the page to finish", "wait_for_page", {}),
    ("when", "I sign in", "sign_in", {}),
    ("when", "I log in", "sign_in", {}),
    ("when", "I sign out", "sign_out", {}),
    ("when", 'I sign in as "editor"', "sign_in_as", {"user": "editor"}),
    ("when", "I sign in with my username", "sign_in_with_username", {}),
    ("when", "I log in with my user name", "sign_in_with_username", {}),
    ("when", 'I choose "Newest first" from the "Relevance" drop-down', "choose_from_named_dropdown",
     {"option": "Newest first", "hint": "Relevance"}),
    ("when", 'I select "10" from the "Show" dropdown', "choose_from_named_dropdown", {"hint": "Show"}),
    ("when", 'I choose "Newest first" from the drop-down next to "Sort by"', "choose_from_dropdown",
     {"hint": "Sort by"}),
    ("when", 'I pick "Large" from the drop-down', "choose_from_dropdown", {"option": "Large"}),
    ("when", 'I search for "compost"', "search_for", {"text": "compost"}),
    ("when", 'I write "Pepper is missing" in the post\'s text', "write_in_editor", {"text": "Pepper is missing"}),
    ("when", 'I type "Pepper is missing" into the text editor', "write_in_editor", {"text": "Pepper is missing"}),
    ("when", 'I write "Pepper is missing" in the message body', "write_in_editor", {"text": "Pepper is missing"}),
    ("when", 'I type "Pepper is missing" into "Message"', "enter_value", {"label": "Message"}),
    ("when", 'I add 1 "Adult ticket" to the cart', "add_to_basket", {"quantity": "1", "name": "Adult ticket"}),
    ("when", 'I add "Blue mug" to my basket', "add_to_basket", {"name": "Blue mug"}),
    ("when", 'I add 2 "Child ticket" tickets to the basket', "add_to_basket", {"quantity": "2"}),
    ("when", 'I open the "Sam" menu', "open_named_menu", {"name": "Sam"}),
    ("when", "I open the account menu", "open_menu_by_kind", {"kind": "account"}),
    ("when", "I open my account menu", "open_menu_by_kind", {"kind": "account"}),
    ("when", 'I press "Login" in the "Login" dialog', "press_in_region", {"name": "Login", "region": "Login"}),
    ("when", 'I click the "Save" button in the "Settings" form', "press_in_region", {"kind": "form"}),
    ("when", 'I press "Save" in the "Your Profile" section', "press_in_region", {"region": "Your Profile"}),
    ("when", 'I fill in "Email address" in the "I need a new account" section with my email address',
     "fill_label_with_detail", {"label": "Email address", "region": "I need a new account", "kind": "section"}),
    ("when", 'I fill in "Password" under the "Join" form with "x y"', "fill_label_with_value",
     {"label": "Password", "region": "Join", "kind": "form", "value": "x y"}),
    ("when", 'I fill in "Password" with "x y"', "fill_label_with_value", {"label": "Password", "region": None}),
    ("when", 'I press "Delete" and accept the dialog', "press_and_answer_dialog", {"answer": "accept"}),
    ("when", 'I click "Leave" and cancel the confirmation', "press_and_answer_dialog", {"answer": "cancel"}),
    ("when", "I accept the dialog", "answer_dialog", {"answer": "accept"}),
    ("when", "I will dismiss the next alert", "answer_dialog", {"answer": "dismiss"}),
    ("when", "I log out", "sign_out", {}),
    ("then", 'I should see "We have received your claim"', "should_see", {"text": "We have received your claim"}),
    ("then", 'I should see a dialog saying "Are you sure?"', "should_see_dialog", {"text": "Are you sure?"}),
    ("then", 'I should see an alert saying "Saved"', "should_see_dialog", {"text": "Saved"}),
    ("then", "I should see the browser's validation message", "should_see_native_validation", {}),
    ("then", "I should see the browser's own validation message saying \"Please fill\"",
     "should_see_native_validation", {"text": "Please fill"}),
    ("then", '"Quantity" should be "1"', "field_should_be", {"label": "Quantity", "value": "1"}),
    ("then", 'my basket should contain 1 "Adult ticket"', "basket_should_hold", {"quantity": "1"}),
    ("then", 'the cart should include "Blue mug"', "basket_should_hold", {"name": "Blue mug"}),
    ("then", "I should see an error", "should_see_an_error", {}),
    ("then", "I should see an error message", "should_see_an_error", {}),
    ("then", 'the "Login" button should be disabled', "control_should_be", {"name": "Login", "state": "disabled"}),
    ("then", 'the "Login" button in the "Login" dialog should be disabled', "control_should_be",
     {"region": "Login", "kind": "dialog"}),
    ("then", 'the "Save" button should be enabled', "control_should_be", {"state": "enabled"}),
    ("when", "I open the link in the e-mail I was sent", "open_mailed_link", {}),
    ("when", "I follow the link in the email the site sent me", "open_mailed_link", {}),
    ("then", "the error should be announced", "error_should_be_announced", {}),
    ("then", "the error should be announced to screen readers", "error_should_be_announced", {}),
    ("then", 'I should not see "Error 500"', "should_not_see", {"text": "Error 500"}),
    ("then", "I should see the following:", "should_see_all", {}),
    ("then", "I should be greeted by name", "should_be_greeted_by_name", {}),
    ("then", '"Email" should already contain my email address', "field_should_hold_detail",
     {"label": "Email", "detail": "email address"}),
    ("then", "I should not be asked for anything twice", "not_asked_twice", {}),
    ("then", "nothing I said should be lost", "nothing_lost", {}),
    ("then", "every message should be kind", "every_message_kind", {}),
    ("then", "I should be reassured while I wait", "reassured_while_waiting", {}),
    ("then", "I should know what happens next", "know_what_happens_next", {}),
    ("then", "the journey should feel considerate", "journey_feels_considerate", {}),
]


@pytest.mark.parametrize(("kind", "text", "function", "args"), CASES, ids=[c[1] for c in CASES])
def test_phrase_matches_exactly_one_step(kind: str, text: str, function: str, args: dict[str, object]) -> None:
    found = _matches(kind, text)
    assert [ctx.step_func.__name__ for ctx in found] == [function]
    parsed = found[0].parser.parse_arguments(text) or {}
    for key, value in args.items():
        assert parsed.get(key) == value, (key, parsed)


@pytest.mark.parametrize("text", [
    "I am a returning customer with a previous",  # history missing
    "I press Continue",  # the button's text must be quoted
    "I enter my email address",  # which field?
    "I should see We have received your claim",
])
def test_unfinished_phrases_match_nothing(text: str) -> None:
    assert _matches("when", text) == [] and _matches("then", text) == [] and _matches("given", text) == []


def test_every_step_has_an_example_first_line() -> None:
    """H-gherkin's catalogue and `empathy check` suggestions read the first docstring line as the example."""
    for ctx in _library():
        doc = inspect.getdoc(ctx.step_func) or ""
        first = doc.splitlines()[0] if doc else ""
        keyword, _, example = first.partition(" ")
        assert keyword in ("Given", "When", "Then", "And"), (ctx.step_func.__name__, first)
        assert ctx.parser.is_matching(example), (ctx.step_func.__name__, example)


def test_library_covers_each_group() -> None:
    modules = {ctx.step_func.__module__.rsplit(".", 1)[1] for ctx in _library()}
    assert modules == {"who", "where", "act", "see", "checks"}
