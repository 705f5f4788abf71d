"""lost-context on hand-written journeys: cleared fields, hand-offs, and the returning customer."""

from __future__ import annotations

import pytest

from harness.config import Settings
from harness.transcript import MASK

from .conftest import act, control, give, journey, post, run, say, wait

RETURNING = {"account": True, "expectations": {"recognised": True}}


def _filled_then(probe: dict, *, initial: str = "") -> object:
    """Fill Full name and Email on page 1, continue to page 2, then `probe` back onto page 1."""
    return journey(
        {"text": "Given I start a claim", "page": "/claims/new", "actions": [act("goto", "/claims/new")],
         "prompts": [control("Full name"), control("Email")]},
        {"text": "When I fill in my details and continue", "page": "/claims/new/2",
         "given": [give("Full name", "Sam Jones"), give("Email", "sam@example.com")],
         "actions": [act("fill", "Full name"), act("click", "Continue")], "requests": [post("/claims/new")]},
        {**probe, "prompts": [control("Full name", initial=initial), control("Email", initial=initial and
                                                                                "sam@example.com")]},
    )


@pytest.mark.parametrize(("probe", "cause"), [
    ({"text": "When I go back", "page": "/claims/new", "actions": [act("back")]}, "going back"),
    ({"text": "When I reload", "page": "/claims/new/2", "actions": [act("reload")]}, "reloading the page"),
])
def test_fields_cleared_after_back_or_reload_fail(probe, cause):
    if probe["actions"][0].kind == "reload":  # reload of the same page: page 1 reloaded after filling
        t = journey(
            {"text": "Given I start a claim", "page": "/claims/new", "actions": [act("goto", "/claims/new")],
             "prompts": [control("Full name"), control("Email")]},
            {"text": "When I fill in my details", "given": [give("Full name", "Sam Jones"),
                                                             give("Email", "sam@example.com")],
             "prompts": [control("Full name", value="Sam Jones"), control("Email", value="sam@example.com")]},
            {"text": "When I reload", "actions": [act("reload")], "prompts": [control("Full name"), control("Email")]},
        )
    else:
        t = _filled_then(probe)
    found = run("lost-context", t)
    assert [(f.outcome, f.impact, f.step) for f in found] == [("failed", "serious", 2)]
    assert cause in found[0].message
    assert "Full name" in found[0].evidence["fields"] and "Email" in found[0].evidence["fields"]


def test_fields_kept_after_back_pass():
    t = _filled_then({"text": "When I go back", "page": "/claims/new", "actions": [act("back")]},
                     initial="Sam Jones")
    assert run("lost-context", t) == []


def test_fields_cleared_by_a_validation_error_elsewhere_fail():
    t = journey(
        {"text": "Given I start a claim", "page": "/claims/new", "actions": [act("goto", "/claims/new")],
         "prompts": [control("Full name"), control("Email")]},
        {"text": "When I submit with a bad email", "page": "/claims/new",
         "given": [give("Full name", "Sam Jones"), give("Email", "sam@")],
         "actions": [act("click", "Continue")], "requests": [post("/claims/new")],
         "messages": [say("Enter an email address like name@example.com", "validation", field="Email")],
         "prompts": [control("Full name"), control("Email", initial="sam@", invalid=True)]},
    )
    found = run("lost-context", t)
    assert [(f.outcome, f.evidence["fields"]) for f in found] == [("failed", "Full name")]
    assert "validation error" in found[0].message


def test_fields_cleared_under_errors_the_site_classes_as_errors_fail():
    """Django's plain templates: each error a `ul.errorlist` above its box, no aria-invalid, no error word in it ("A
    user with that username already exists."); the recorder marks it by its class, so the emptied form is cleared
    by a validation error, not an open question."""
    t = journey(
        {"text": "Given I register", "page": "/register", "actions": [act("goto", "/register")],
         "prompts": [control("Username", page="/register"), control("E-mail", page="/register")]},
        {"text": "When I press Register", "page": "/register",
         "given": [give("Username", "alex", page="/register"), give("E-mail", "sam@example", page="/register")],
         "actions": [act("click", "Register")], "requests": [post("/register")],
         "messages": [say("A user with that username already exists.", "validation", field="Username",
                          page="/register", marked=True)],
         "prompts": [control("Username", page="/register"), control("E-mail", page="/register")]},
    )
    found = run("lost-context", t)
    assert [(f.outcome, f.evidence["fields"]) for f in found] == [("failed", "Username, E-mail")]
    assert "validation error" in found[0].message


def test_client_side_error_clearing_a_field_on_the_same_visit_fails():
    t = journey(
        {"text": "Given I start a claim", "page": "/claims/new", "actions": [act("goto", "/claims/new")],
         "prompts": [control("Full name"), control("Email")]},
        {"text": "When I fill in my details", "given": [give("Full name", "Sam Jones"), give("Email", "sam@")],
         "prompts": [control("Full name", value="Sam Jones"), control("Email", value="sam@")]},
        {"text": "When I press Continue", "actions": [act("click", "Continue")],
         "messages": [say("Enter an email address like name@example.com", "validation", field="Email")],
         "prompts": [control("Full name", value=""), control("Email", value="sam@", invalid=True)]},
    )
    found = run("lost-context", t)
    assert [(f.step, f.evidence["fields"]) for f in found] == [(2, "Full name")]


def test_fresh_start_with_goto_is_not_lost_context():
    t = _filled_then({"text": "When I start another claim", "page": "/claims/new",
                      "actions": [act("goto", "/claims/new")]})
    assert run("lost-context", t) == []


def test_passwords_are_not_expected_to_survive():
    t = journey(
        {"text": "Given I register", "page": "/register", "actions": [act("goto", "/register")],
         "prompts": [control("Password", type="password", page="/register", secret=True)]},
        {"text": "When I go on and back", "page": "/register", "actions": [act("back")],
         "given": [give("Password", "••••••", type="password", page="/register", secret=True)],
         "prompts": [control("Password", type="password", page="/register", secret=True)]},
    )
    assert run("lost-context", t) == []


def test_card_details_cleared_after_a_decline_are_expected_but_the_name_is_not():
    page = "/account/payment"
    fields = [("Name on the card", "cc-name"), ("Card number", "cc-number"), ("Security code", "cc-csc")]
    t = journey(
        {"text": "Given I open the payment page", "page": page, "actions": [act("goto", page)],
         "prompts": [control(label, page=page, autocomplete=ac) for label, ac in fields]},
        {"text": "When I save a card the bank declines", "page": page,
         "given": [give("Name on the card", "Sam Jones", page=page, autocomplete="cc-name"),
                   give("Card number", "4000000000000002", page=page, autocomplete="cc-number"),
                   give("Security code", "123", page=page, autocomplete="cc-csc")],
         "actions": [act("click", "Save card")], "requests": [post(page)],
         "messages": [say("Your bank declined this card. Try a different card.", "error", page=page)],
         "prompts": [control(label, page=page, autocomplete=ac) for label, ac in fields]},
    )
    assert [f.evidence["fields"] for f in run("lost-context", t)] == ["Name on the card"]


def _chat(agent_messages: list[str], told: list[str] | None = None):
    told = told or ["Someone reversed into my parked car and smashed the rear light",
                    "My policy number is POL-12345678"]
    given = [give("How can I help?", text, channel="chat", page="/chat", at_ms=100.0 * (i + 1))
             for i, text in enumerate(told)]
    return journey(
        {"text": "Given I open the chat", "page": "/chat", "actions": [act("goto", "/chat")],
         "messages": [say("How can I help?", "chat", page="/chat", speaker="bot", question=True, appeared_ms=50)]},
        {"text": "When I tell the bot what happened", "page": "/chat", "given": given,
         "actions": [act("chat", t) for t in told]},
        {"text": "When I ask for a person", "page": "/chat", "actions": [act("click", "Talk to a person")],
         "messages": [say("I'm passing you to a colleague.", "handoff", page="/chat", speaker="bot",
                          appeared_ms=5000)]
                     + [say(m, "chat", page="/chat", speaker="agent", appeared_ms=6000 + i)
                        for i, m in enumerate(agent_messages)]},
    )


@pytest.mark.model
def test_handoff_without_any_summary_fails():
    found = run("lost-context", _chat(["Hi, I'm Alex. How can I help you today?"]))
    assert [(f.outcome, f.step) for f in found] == [("failed", 2)]
    assert "POL-12345678" in found[0].message


def test_handoff_with_the_policy_number_passes():
    assert run("lost-context", _chat(["Hi, I'm Alex. I can see policy POL-12345678 here."])) == []


@pytest.mark.model
def test_handoff_restating_the_problem_in_other_words_passes():
    found = run("lost-context", _chat(["Hi, I'm Alex. Sorry to hear a vehicle backed into your car while it "
                                       "was parked, and damaged a tail lamp."],
                                      told=["Someone reversed into my parked car and smashed the rear light"]))
    assert found == []


def _returning(landing_messages, prompts=(), earlier=(), persona=RETURNING, given=()):
    steps = [*earlier,
             {"text": "Given I sign in", "page": "/dashboard", "before": "/sign-in",
              "actions": [act("sign-in")], "given": list(given), "messages": landing_messages},
             {"text": "When I start a claim", "page": "/claims/new", "actions": [act("goto", "/claims/new")],
              "prompts": list(prompts)}]
    return journey(*steps, persona=persona)


def _profile_step():
    return {"text": "Given I told you my name", "page": "/profile",
            "given": [give("First name", "Sam", data_key="first_name", page="/profile")]}


def test_generic_greeting_for_a_known_name_fails():
    t = _returning([say("Welcome back", "greeting", page="/dashboard"), say("Your account", "heading")],
                   earlier=[_profile_step()])
    found = run("lost-context", t)
    assert [(f.outcome, f.evidence["name"]) for f in found] == [("failed", "Sam")]


def test_greeting_by_name_passes():
    t = _returning([say("Welcome back, Sam", "greeting", page="/dashboard")], earlier=[_profile_step()])
    assert run("lost-context", t) == []


def test_the_name_on_the_account_menu_is_being_recognised():
    # the site's heading greets nobody, but its toolbar's account menu reads "Sam Patel": the person sees who they are
    landing = [say("Riverside Club", "heading", page="/dashboard"), say("Sam Patel", "text", page="/dashboard")]
    assert run("lost-context", _returning(landing, earlier=[_profile_step()])) == []
    signed = [say("Riverside Club", "heading", page="/dashboard"), say("Signed in as Sam", "text", page="/dashboard")]
    assert run("lost-context", _returning(signed, earlier=[_profile_step()])) == []
    # a sentence of the page's content that happens to hold the name is no account label
    story = say("Sam and the committee planted forty new fruit trees along the river path last spring.", "text",
                page="/dashboard")
    assert run("lost-context", _returning([landing[0], story], earlier=[_profile_step()]))


def test_the_persons_initials_as_the_account_mark_are_being_recognised():
    # a bare "Welcome" over the person's own work, their initials in the top bar's account mark: the app shows them
    # who is signed in, as an avatar does (the recorder keeps such a mark only in the page's top bar)
    fixed = {**RETURNING, "data": {"fixed": {"full_name": "Sam Patel", "email": "sam.patel@example.test"}}}
    for mark in ("SP", "SA"):
        landing = [say("Welcome", "greeting", page="/dashboard"), say(mark, "greeting", page="/dashboard")]
        assert run("lost-context", _returning(landing, persona=fixed)) == [], mark
    # someone else's initials recognise nobody
    other = [say("Welcome", "greeting", page="/dashboard"), say("KL", "greeting", page="/dashboard")]
    assert [f.outcome for f in run("lost-context", _returning(other, persona=fixed))] == ["failed"]
    # a short label elsewhere on the page that happens to spell them (a calendar's "Sa" and "SA") is no account mark
    for day in ("Sa", "SA"):
        calendar = [say("Welcome", "greeting", page="/dashboard"), say(day, "text", page="/dashboard")]
        assert [f.outcome for f in run("lost-context", _returning(calendar, persona=fixed))] == ["failed"], day


def test_generic_greeting_with_no_known_name_is_canttell():
    found = run("lost-context", _returning([say("Welcome back!", "greeting", page="/dashboard")]))
    assert [(f.outcome, f.impact) for f in found] == [("cantTell", "minor")]


def test_a_sign_in_that_lands_on_a_sign_in_form_again_owes_no_greeting():
    # refused in a plain paragraph the harness may not read as an error: the form asks for the password again
    again = [control("Identifier", name="id", page="/dashboard", form="#f", initial="Riverside House"),
             control("Code", name="password", type="password", page="/dashboard", form="#f", secret=True)]
    t = _returning([say("Authentication", "heading", page="/dashboard"),
                    say("The project you are trying to access do not exist", "text", page="/dashboard")],
                   earlier=[_profile_step()], prompts=[])
    t.steps[1].prompts = again
    assert run("lost-context", t) == []


def test_signed_in_as_an_account_none_of_the_persons_details_names_owes_no_greeting_by_their_name():
    # a shared project signed in to by its identifier ("riverside-house"): the account is the project's, not the
    # person's, so its pages owe the person no greeting, details or history of their own
    shared = [give("Project identifier", "riverside-house", name="id", page="/sign-in"),
              give("Private code", "secret", name="password", page="/sign-in", data_key="password", secret=True)]
    t = _returning([say("Riverside House", "heading", page="/dashboard")], earlier=[_profile_step()], given=shared)
    assert run("lost-context", t) == []
    own = [give("Username", "sam", name="username", page="/sign-in", data_key="username"), shared[1]]
    t = _returning([say("Riverside House", "heading", page="/dashboard")], earlier=[_profile_step()], given=own)
    assert [f.outcome for f in run("lost-context", t)] == ["failed"]


def test_greeting_is_not_judged_for_a_first_time_visitor():
    t = _returning([say("Welcome back", "greeting")], earlier=[_profile_step()], persona={})
    assert run("lost-context", t) == []


def test_returning_customer_not_prefilled_fails():
    t = _returning([say("Welcome back, Sam", "greeting")], earlier=[_profile_step()],
                   prompts=[control("Email address"), control("What happened?", name="description")])
    found = run("lost-context", t)
    assert [(f.outcome, f.evidence["fields"]) for f in found] == [("failed", "Email address")]


def test_a_sites_own_name_for_the_persona_reference_is_account_info():
    t = _returning([say("Welcome back, Sam", "greeting")], earlier=[_profile_step()],
                   prompts=[control("Policy number", name="number")])
    assert run("lost-context", t) == []  # the engine knows no site's numbering
    found = run("lost-context", t, Settings(details={"policy_number": ["reference"]}))
    assert [(f.outcome, f.evidence["fields"]) for f in found] == [("failed", "Policy number")]


def test_a_bare_name_among_questions_about_something_else_names_that_thing():
    """Signed in, "Add group" asks "Name:" beside its permissions: the group's name, not the person's to pre-fill;
    beside an e-mail the same "Name" is the person's."""
    group = [control("Name:", name="name", form="#g"), control("Permissions", name="perms", type="select", form="#g")]
    t = _returning([say("Welcome back, Sam", "greeting")], earlier=[_profile_step()], prompts=group)
    assert run("lost-context", t) == []
    own = [control("Name", name="name", form="#c"), control("Email", name="email", form="#c")]
    found = run("lost-context", _returning([say("Welcome back, Sam", "greeting")], earlier=[_profile_step()],
                                            prompts=own))
    assert [(f.outcome, f.evidence["fields"]) for f in found] == [("failed", "Name, Email")]



def test_a_form_about_someone_else_holds_their_details_not_the_accounts():
    """Signed in as "editor", the page after "Add user" is the new person's own form (its username box holds
    "tracey221b"): its empty e-mail is theirs to give, not what the account holds; the account's own form is not."""
    def page(username: str) -> object:
        prompts = [control("Username:", name="username", form="#u", initial=username),
                   control("Email address:", name="email", form="#u")]
        signed = [give("Username", "editor", name="username", data_key="username", page="/sign-in")]
        return _returning([say("Welcome back, Sam", "greeting")], earlier=[_profile_step()], prompts=prompts,
                          given=signed)

    assert run("lost-context", page("tracey221b")) == []
    assert [(f.outcome, f.evidence["fields"]) for f in run("lost-context", page("editor"))] == [
        ("failed", "Email address:")]

def test_a_second_box_of_a_kind_the_account_shows_filled_asks_for_another_one():
    """The profile shows the account's e-mail in its "Email" box; a second, empty e-mail box beside it ("Send to
    eReader Email Address") asks for another address (a device's, a colleague's), not the account's again."""
    prompts = [control("Email", name="email", type="email", form="#p", initial="sam@example.com"),
               control("Send to eReader Email Address", name="device_mail", type="email", form="#p")]
    t = _returning([say("Welcome back, Sam", "greeting")], earlier=[_profile_step()], prompts=prompts)
    assert run("lost-context", t) == []
    prompts[0] = control("Email", name="email", type="email", form="#p")  # the account's own box left empty
    assert [f.outcome for f in run("lost-context", _returning([say("Welcome back, Sam", "greeting")],
                                                              earlier=[_profile_step()], prompts=prompts))] == [
        "failed"]


def test_a_box_for_other_peoples_addresses_is_not_the_accounts_own():
    """Signed in, a new item's form ends with a "CC to" box for the addresses a notice goes to (named
    "email_settings-0-cc_list", its label tied to nothing): other people's, never the account's e-mail asked again; a
    multi-line box for e-mail addresses is a list too. The form's own "Email" box is still the account's."""
    for cc in (control("", name="email_settings-0-cc_list", type="textarea", form="#n"),
               control("Notify", name="notify_emails", type="textarea", form="#n"),
               control("Send a copy to", name="copy_email", type="email", form="#n",
                       placeholder="Addresses separated by commas")):
        prompts = [control("Summary", name="summary", form="#n"), cc]
        t = _returning([say("Welcome back, Sam", "greeting")], earlier=[_profile_step()], prompts=prompts)
        assert run("lost-context", t) == [], cc.name
    prompts = [control("Summary", name="summary", form="#n"), control("Email", name="email", type="email", form="#n")]
    found = run("lost-context", _returning([say("Welcome back, Sam", "greeting")], earlier=[_profile_step()],
                                            prompts=prompts))
    assert [(f.outcome, f.evidence["fields"]) for f in found] == [("failed", "Email")]


def test_returning_customer_prefilled_passes():
    t = _returning([say("Welcome back, Sam", "greeting")], earlier=[_profile_step()],
                   prompts=[control("Email address", initial="sam@example.com")])
    assert run("lost-context", t) == []


def _claimed():
    return [{"text": "Given I made a claim", "page": "/claims/confirmation", "before": "/claims/new/3",
             "actions": [act("click", "Submit claim")], "requests": [post("/claims/new/3")],
             "messages": [say("Claim received. Your reference is CLM-2026-0042.", "confirmation")]},
            {"text": "When I sign out", "page": "/", "actions": [act("sign-out")]}]


def test_history_missing_from_dashboard_fails():
    t = _returning([say("Welcome back", "greeting"), say("Your claims", "heading"),
                    say("You have no claims yet", "empty")], earlier=_claimed())
    found = [f for f in run("lost-context", t) if f.message.find("earlier") >= 0]
    assert [(f.outcome, f.evidence["refs"]) for f in found] == [("failed", "CLM-2026-0042")]


def test_history_reference_shown_beside_the_confirmation_counts():
    """The reference often sits in its own line on the confirmation page, not in the confirmation message."""
    earlier = _claimed()
    earlier[0]["messages"] = [say("Claim submitted", "confirmation"), say("Your reference number HM-LGHFFE", "text")]
    t = _returning([say("Welcome back", "greeting"), say("Your claims", "heading"),
                    say("You have no claims yet", "empty")], earlier=earlier)
    found = [f for f in run("lost-context", t) if "earlier" in f.message]
    assert [(f.outcome, f.evidence["refs"]) for f in found] == [("failed", "HM-LGHFFE")]


def test_history_shown_on_dashboard_passes():
    t = _returning([say("Your claims", "heading"), say("CLM-2026-0042 Car damage: being reviewed", "text")],
                   earlier=_claimed())
    assert [f for f in run("lost-context", t) if "earlier" in f.message] == []


@pytest.mark.parametrize(("shown", "outcome"), [
    ([say("Your claims", "heading")], "cantTell"),  # the list may be where the recorder does not read
    ([say("Your claims", "heading"), say("You haven't made a claim yet.", "text")], "failed"),
])
def test_claim_from_this_visit_missing_from_the_dashboard(shown, outcome):
    t = journey(
        {"text": "Given I sign in", "page": "/dashboard", "before": "/sign-in", "actions": [act("sign-in")],
         "messages": [say("Welcome back, Sam", "greeting")]},
        {"text": "When I make a claim", "page": "/claims/confirmation", "actions": [act("click", "Submit claim")],
         "requests": [post("/claims/new/3")],
         "messages": [say("Claim received. Your reference is CLM-2026-0042.", "confirmation")]},
        {"text": "When I open my dashboard", "page": "/dashboard", "actions": [act("goto", "/dashboard")],
         "messages": shown},
        persona=RETURNING)
    found = run("lost-context", t)
    assert [(f.step, f.evidence["refs"], f.outcome) for f in found] == [(2, "CLM-2026-0042", outcome)]


@pytest.mark.model
def test_the_bots_own_handoff_lines_are_not_the_agents_summary():
    """The bot greets with 'I'll put you through to a person' (a hand-off line) before anything is told,
    and thanks the person by name when handing over: neither is the agent showing what was said."""
    told = ["Water is coming through my kitchen ceiling", "POL-12345678"]
    t = journey(
        {"text": "Given I open the chat", "page": "/chat", "actions": [act("goto", "/chat")],
         "messages": [say("Hello, I'll ask 3 questions, then put you through to a person.", "handoff", page="/chat",
                          speaker="bot", appeared_ms=10)]},
        {"text": "When I tell the bot", "page": "/chat",
         "given": [give("How can I help?", v, channel="chat", page="/chat", at_ms=100.0 * (i + 1))
                   for i, v in enumerate(told)]},
        {"text": "When I am put through", "page": "/chat",
         "messages": [say("Thanks, I'm passing on POL-12345678 to our team.", "handoff", page="/chat", speaker="bot",
                          appeared_ms=5000),
                      say("Hi there, you're through to Sam.", "chat", page="/chat", speaker="agent", appeared_ms=6000),
                      say("I'll reply here within a few minutes.", "chat", page="/chat", speaker="agent",
                          appeared_ms=6100)]},
    )
    assert [f.step for f in run("lost-context", t)] == [2]


# passwords emptied after an error; baskets -------------------------------------------------------------------
def _mismatch(page: str):
    return journey(
        {"text": "When I choose a password", "page": page,
         "given": [give("Password", MASK, page=page, type="password", secret=True),
                   give("Password again", MASK, name="password2", page=page, type="password", secret=True)]},
        {"text": 'And I press "Register"', "page": page, "actions": [act("click", "Register")],
         "messages": [say("The two passwords are not identical.", "error", page=page)],
         "prompts": [control("Password", page=page, type="password", secret=True),
                     control("Password again", name="password2", page=page, type="password", secret=True)]},
    )


def test_passwords_emptied_after_a_mismatch_are_a_minor_open_question():
    found = run("lost-context", _mismatch("/register"))
    assert [(f.outcome, f.impact) for f in found] == [("cantTell", "minor")]
    assert "Password, Password again" in found[0].message
    assert run("lost-context", _mismatch("/login")) == []  # a wrong password at sign-in is rightly cleared


def _basket(*between):
    return journey(
        {"text": 'When I press "Add to cart"', "page": "/shop/cart", "before": "/shop/item",
         "actions": [act("click", "Add to cart")], "messages": [say("Your cart", "heading", page="/shop/cart")]},
        *between,
        {"text": "When I open my cart", "page": "/shop/cart", "actions": [act("goto", "/shop/cart")],
         "messages": [say("Your cart is empty.", "empty", page="/shop/cart")]},
    )


def test_a_basket_emptied_by_signing_out_and_in_is_lost_context():
    found = run("lost-context", _basket({"text": "When I sign out", "page": "/", "actions": [act("click", "Log out")]},
                                        {"text": "And I sign in", "page": "/", "actions": [act("sign-in", "email")]}))
    assert [(f.outcome, "Add to cart" in f.message) for f in found] == [("failed", True)]
    assert [f.outcome for f in run("lost-context", _basket())] == ["cantTell"]


def test_a_basket_emptied_by_an_order_or_on_purpose_is_not():
    removed = _basket({"text": 'When I press "Remove"', "page": "/shop/cart", "actions": [act("click", "Remove")]})
    assert run("lost-context", removed) == []


def test_a_form_shown_empty_after_a_finished_order_has_lost_nothing():
    t = journey(
        {"text": "Given I open the shop", "page": "/shop", "actions": [act("goto", "/shop")],
         "prompts": [control("Full name", page="/shop")]},
        {"text": 'When I fill in my name and press "Place order"', "page": "/order/7", "before": "/shop",
         "given": [give("Full name", "Sam Jones", page="/shop")],
         "actions": [act("fill", "Full name"), act("click", "Place order")], "requests": [post("/shop")],
         "messages": [say("Thank you, your order 7 is placed.", "confirmation", page="/order/7")]},
        {"text": "When I go back", "page": "/shop", "actions": [act("back")],
         "prompts": [control("Full name", page="/shop")]},
    )
    assert run("lost-context", t) == []
    unfinished = t.model_copy(deep=True)
    unfinished.steps[1].actions[1].target = "Continue"  # on to the next step: nothing sent yet
    assert [f.outcome for f in run("lost-context", unfinished)] == ["failed"]


def test_a_quantity_put_in_the_basket_is_in_the_basket_not_lost_when_its_box_shows_empty_again():
    """"Add to cart" put the ticket in the cart: going back, the shop's box is empty for the next one and the page
    says "1× in your cart". What was given went where the person sent it; a basket emptied is the basket's finding."""
    def shop(press: str) -> object:
        return journey(
            {"text": "Given I open the event", "page": "/event", "actions": [act("goto", "/event")],
             "prompts": [control("Adult ticket", page="/event", type="number")]},
            {"text": f'When I enter 1 and press "{press}"', "page": "/event", "before": "/event",
             "given": [give("Adult ticket", "1", page="/event", type="number")],
             "actions": [act("fill", "Adult ticket"), act("click", press)], "requests": [post("/event")],
             "prompts": [control("Adult ticket 1× in your cart", page="/event", type="number")]},
            {"text": 'When I press "Proceed with checkout"', "page": "/checkout", "before": "/event",
             "actions": [act("click", "Proceed with checkout")], "requests": [post("/checkout")]},
            {"text": "When I go back", "page": "/event", "actions": [act("back")],
             "prompts": [control("Adult ticket", page="/event", type="number")]},
        )
    assert run("lost-context", shop("Add to cart")) == []
    assert [f.outcome for f in run("lost-context", shop("Continue"))] == ["failed"]


def _sent_back(amount_after: str = "") -> object:
    """A form on "/bills" (a dialog's) posted to "/bills/add", which shows it again there with an error."""
    return journey(
        {"text": "Given I open the bills", "page": "/bills", "actions": [act("goto", "/bills")],
         "prompts": [control("What?", page="/bills"), control("How much?", name="amount", page="/bills")]},
        {"text": "When I fill in the bill", "page": "/bills",
         "given": [give("What?", "Window cleaner", page="/bills"),
                   give("How much?", "twelve pounds", name="amount", page="/bills")]},
        {"text": "When I press \"Submit\"", "page": "/bills/add", "before": "/bills",
         "actions": [act("click", "Submit")],
         "requests": [post("/bills/add")], "messages": [say("How much?: This field is required.", "error",
                                                            page="/bills/add")],
         "prompts": [control("What?", page="/bills/add", initial="Window cleaner"),
                     control("How much?", name="amount", page="/bills/add", initial=amount_after)]},
    )


def test_a_form_sent_back_with_its_errors_at_the_address_it_was_posted_to_is_the_same_form():
    found = run("lost-context", _sent_back())
    assert [(f.outcome, f.step, f.evidence["fields"]) for f in found] == [("failed", 2, "How much?")]
    assert run("lost-context", _sent_back("twelve pounds")) == []


def _settings_saved(shown_after: str, typed: str = "alex.example.com", stored: str = "alex@example.test") -> object:
    """A box changed from the stored value to a new one, saved, and the page comes back with an error."""
    box = [control("Email", page="/settings", initial=stored)]
    return journey(
        {"text": "Given I open the settings", "page": "/settings", "actions": [act("goto", "/settings")],
         "prompts": box},
        {"text": "When I fill in \"Email\"", "page": "/settings", "prompts": box,
         "given": [give("Email", typed, page="/settings")]},
        {"text": "When I press \"Save changes\"", "page": "/settings", "actions": [act("click", "Save changes")],
         "requests": [post("/settings")], "messages": [say("Email: Invalid email address.", "error",
                                                           page="/settings")],
         "prompts": [control("Email", page="/settings", initial=shown_after)]},
    )


def test_the_stored_value_put_back_after_an_error_loses_what_the_person_typed():
    found = run("lost-context", _settings_saved("alex@example.test"))
    assert [(f.outcome, f.step, f.evidence["typed"]) for f in found] == [("failed", 2, "alex.example.com")]
    assert "alex@example.test" in found[0].message
    assert run("lost-context", _settings_saved("alex.example.com")) == []
    # the site only rewrote what was typed (a phone number in its own format): kept, not put back
    assert run("lost-context", _settings_saved("07700900123", typed="+44 7700 900123", stored="")) == []


def test_a_field_found_lost_on_a_visit_is_told_once():
    # the step after the error (a check that reads the page) shows the same emptied box: the same loss, not a new one
    t = _sent_back()
    t.steps.append(t.steps[-1].model_copy(update={"index": 3, "text": "Then I should see an error", "actions": [],
                                                  "requests": [], "messages": [], "url_before": t.steps[-1].url_after}))
    assert [(f.outcome, f.step) for f in run("lost-context", t)] == [("failed", 2)]


def _reply(*shown):
    page = "/topic/3"
    return journey(
        {"text": 'When I fill in "Write comment..."', "page": page, "prompts": [control("Write comment...", page=page)],
         "given": [give("Write comment...", "I can collect the seeds on Saturday.", page=page)]},
        {"text": 'And I press "Publish"', "page": page + "#c2", "before": page, "actions": [act("click", "Publish")],
         "requests": [post("/comment/3/publish")],
         "prompts": [control("Write comment...", page=page + "#c2", required=True)],
         "messages": list(shown)},
    )


def test_a_reply_box_empty_under_the_reply_just_posted_has_lost_nothing():
    # the topic comes back with the person's reply at its end (their own words) and an empty box for the next
    assert [f.outcome for f in run("lost-context", _reply())] == ["cantTell"]
    shown = say("I can collect the seeds on Saturday.", page="/topic/3#c2", own=True)
    assert run("lost-context", _reply(shown)) == []
    # and on the steps after, while the reply is still on screen (the person only reads)
    later = _reply(shown)
    later.steps.append(later.steps[-1].model_copy(update={
        "index": 2, "text": 'Then I should see "Saturday"', "url_before": later.steps[-1].url_after, "actions": [],
        "requests": [], "messages": []}))
    assert run("lost-context", later) == []


def test_a_popups_field_is_not_the_page_box_of_the_same_name_under_it():
    # a sign-up popup (a frame of its own) over a page that has its own "email" box: after the popup's error the
    # popup kept what was typed; the page's box, never filled, lost nothing
    popup = {"frame": "about:srcdoc", "page": "/"}
    t = journey(
        {"text": "Given I open the sign-up page", "page": "/", "actions": [act("goto", "/")],
         "prompts": [control("Your email", name="email", page="/", form="#subscribe"),
                     control("Email", name="email", **popup)]},
        {"text": 'When I fill in "Email"', "page": "/", "given": [give("Email", "jamie.example.org", **popup)],
         "prompts": [control("Your email", name="email", page="/", form="#subscribe"),
                     control("Email", name="email", value="jamie.example.org", **popup)]},
        {"text": 'When I press "Sign up"', "page": "/", "actions": [act("click", "Sign up")],
         "messages": [say("Invalid email address", "validation", page="/", field="Email")],
         "prompts": [control("Your email", name="email", page="/", form="#subscribe"),
                     control("Email", name="email", value="jamie.example.org", invalid=True, **popup)]},
    )
    assert run("lost-context", t) == []


def test_a_field_that_holds_what_was_given_after_the_address_changed_lost_nothing():
    # a single-page app saves the draft and puts its number in the address (#/editor -> #/editor/7): the same
    # document, the title box still holds the title typed before
    title = {"name": "title", "page": "/admin/#/editor"}
    t = journey(
        {"text": "When I fill in the title", "page": "/admin/#/editor",
         "given": [give("Title", "Lost cat on Mill Street", **title)],
         "prompts": [control("Title", value="Lost cat on Mill Street", **title)]},
        {"text": "When I write in the editor", "page": "/admin/#/editor/7",
         "waits": [wait("fill the editor", 300, navigated=True)],
         "prompts": [control("Title", value="Lost cat on Mill Street", **{**title, "page": "/admin/#/editor/7"})]},
    )
    assert run("lost-context", t) == []
