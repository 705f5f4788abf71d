"""repeated-prompt on hand-written journeys: each WCAG 3.3.7 case, the hard negatives, and the exceptions."""

from __future__ import annotations

import pytest

from harness.transcript import MASK

from .conftest import act, at_the_door, control, give, journey, post, run, say


def _two_pages(first: str, second: str, *, initial: str = "", options: list[str] | None = None,
               second_name: str | None = None, value: str = "Sam"):
    """Page 1 asks `first` and the person answers; page 2 asks `second`."""
    return journey(
        {"text": "Given I start a claim", "page": "/claims/new", "actions": [act("goto", "/claims/new")],
         "prompts": [control(first)]},
        {"text": f'When I fill in "{first}" and continue', "page": "/claims/new/2", "before": "/claims/new",
         "given": [give(first, value)], "actions": [act("fill", first), act("click", "Continue")],
         "prompts": [control(second, name=second_name, page="/claims/new/2", initial=initial,
                             options=options or [])]},
    )


def test_same_detail_asked_again_empty_fails():
    found = run("repeated-prompt", _two_pages("Email address", "Email", value="sam@example.com"))
    assert len(found) == 1
    f = found[0]
    assert (f.outcome, f.impact, f.step, f.target) == ("failed", "serious", 1, "#email")
    assert f.evidence["earlier_step"] == 1 or f.evidence["earlier_step"] == 1
    assert f.evidence["earlier_value"] == "sam@example.com"
    assert "Email address" in f.message and "Email" in f.message
    assert f.evidence["key"]


def test_synonym_dob_is_the_same_detail():
    found = run("repeated-prompt", _two_pages("Date of birth", "DOB", value="27/03/1990"))
    assert [f.outcome for f in found] == ["failed"]


def test_prefilled_passes():
    assert run("repeated-prompt", _two_pages("Email address", "Email", initial="sam@example.com")) == []


def test_a_field_prefilled_with_the_sites_default_again_carries_nothing_forward():
    """The person typed their e-mail over "anonymous" in "Your email or username"; the next page's comment form asks
    "Your email or username" again, pre-filled with "anonymous": the site's default, not their answer."""
    first, new = "Your email or username", "/items/new"
    t = journey(
        {"text": "Given I open the new item form", "page": new, "actions": [act("goto", new)],
         "prompts": [control(first, name="reporter", page=new, initial="anonymous", value="anonymous")]},
        {"text": f'When I fill in "{first}"', "page": new, "actions": [act("fill", first)],
         "given": [give(first, "sam@example.com", name="reporter", page=new)],
         "prompts": [control(first, name="reporter", page=new, initial="anonymous", value="sam@example.com")]},
        {"text": 'When I press "Create"', "page": "/items/9", "before": new, "actions": [act("click", "Create")],
         "prompts": [control(first, name="author", page="/items/9", initial="anonymous", value="anonymous")]})
    [found] = run("repeated-prompt", t)
    assert found.outcome == "failed" and found.evidence["shown"] == "anonymous"
    assert "site's default (\"anonymous\")" in found.message and "sam@example.com" in found.message
    # pre-filled with what the person gave, or with another value that is not the site's default: 3.3.7 is met
    t.steps[2].prompts[0] = control(first, name="author", page="/items/9", initial="sam@example.com",
                                    value="sam@example.com")
    assert run("repeated-prompt", t) == []
    t.steps[2].prompts[0] = control(first, name="author", page="/items/9", initial="Sam", value="Sam")
    assert run("repeated-prompt", t) == []


def test_selectable_earlier_value_passes():
    t = _two_pages("Postcode", "Postcode for the claim", options=["", "SW1A 1AA"], value="SW1A 1AA")
    assert run("repeated-prompt", t) == []


def test_options_without_the_earlier_value_still_fail():
    t = _two_pages("Postcode", "Postcode for the claim", options=["", "E1 6AN"], value="SW1A 1AA")
    assert [f.outcome for f in run("repeated-prompt", t)] == ["failed"]


@pytest.mark.parametrize(("first", "second"), [
    ("First name", "Last name"),
    ("Billing address", "Delivery address"),
    ("Start date", "End date"),
    ("Date of birth", "Date of the incident"),
])
def test_hard_negatives_are_not_repeats(first, second):
    assert run("repeated-prompt", _two_pages(first, second)) == []


def test_confirmation_reentry_is_minor_canttell_never_serious():
    t = journey(
        {"text": "Given I register", "page": "/register", "actions": [act("goto", "/register")],
         "prompts": [control("Password", type="password", secret=True, page="/register")]},
        {"text": "When I set a password and continue", "page": "/verify", "before": "/register",
         "given": [give("Password", MASK, type="password", secret=True, page="/register")],
         "prompts": [control("Confirm password", type="password", secret=True, page="/verify")]},
    )
    found = run("repeated-prompt", t)
    assert [(f.outcome, f.impact) for f in found] == [("cantTell", "minor")]
    assert found[0].evidence["earlier_value"] == MASK


def test_secret_earlier_value_is_masked_in_evidence():
    t = journey(
        {"text": "Given I sign in", "page": "/sign-in", "prompts": [control("Password", type="password",
                                                                              page="/sign-in", secret=True)]},
        {"text": "When I sign in", "page": "/account/payment", "before": "/sign-in",
         "given": [give("Password", "hunter2-not-masked", type="password", page="/sign-in")],
         "prompts": [control("Current password", type="password", page="/account/payment")]},
    )
    for f in run("repeated-prompt", t):
        assert "hunter2" not in f.model_dump_json()


def test_same_page_visit_still_filling_is_not_a_repeat():
    t = journey(
        {"text": "Given I start a claim", "page": "/claims/new", "actions": [act("goto", "/claims/new")],
         "prompts": [control("Email"), control("Phone")]},
        {"text": "When I fill in Email", "given": [give("Email", "sam@example.com")],
         "prompts": [control("Email", value="sam@example.com"), control("Phone")]},
        {"text": "When I fill in Phone", "given": [give("Phone", "07700900982")],
         "prompts": [control("Email", value="sam@example.com"), control("Phone", value="07700900982")]},
    )
    assert run("repeated-prompt", t) == []


def test_same_field_after_back_is_lost_context_not_repeat():
    t = journey(
        {"text": "Given I start a claim", "page": "/claims/new", "actions": [act("goto", "/claims/new")],
         "prompts": [control("Email")]},
        {"text": "When I continue", "page": "/claims/new/2", "given": [give("Email", "sam@example.com")],
         "actions": [act("click", "Continue")]},
        {"text": "When I go back", "page": "/claims/new", "actions": [act("back")],
         "prompts": [control("Email")]},
    )
    assert run("repeated-prompt", t) == []


def test_bot_asking_what_was_typed_in_a_form_fails():
    t = journey(
        {"text": "Given I start a claim", "page": "/claims/new", "actions": [act("goto", "/claims/new")],
         "prompts": [control("Policy number")]},
        {"text": "When I continue", "page": "/chat", "before": "/claims/new",
         "given": [give("Policy number", "POL-12345678")], "actions": [act("click", "Get help")],
         "messages": [say("What is your policy number?", "chat", page="/chat", speaker="bot", question=True,
                          appeared_ms=5000)]},
    )
    found = run("repeated-prompt", t)
    assert [(f.outcome, f.evidence["speaker"]) for f in found] == [("failed", "bot")]
    assert "POL-12345678" in found[0].message


def test_agent_asking_what_was_told_to_the_bot_fails_and_the_answered_question_does_not():
    t = journey(
        {"text": "Given I open the chat", "page": "/chat", "actions": [act("goto", "/chat")],
         "messages": [say("Can I have your policy number, please?", "chat", page="/chat", speaker="bot",
                          question=True, appeared_ms=100)]},
        {"text": "When I tell the bot", "page": "/chat",
         "given": [give("Can I have your policy number, please?", "POL-12345678", channel="chat", page="/chat",
                        at_ms=900)],
         "messages": [say("Can I have your policy number, please?", "chat", page="/chat", speaker="bot",
                          question=True, appeared_ms=100),
                      say("What's your policy number?", "chat", page="/chat", speaker="agent", question=True,
                          appeared_ms=3000)]},
    )
    found = run("repeated-prompt", t)
    assert [(f.step, f.evidence["speaker"], f.outcome) for f in found] == [(1, "agent", "failed")]


def test_bot_confirming_the_value_is_not_a_repeat():
    t = journey(
        {"text": "Given I gave my policy", "page": "/claims/new", "given": [give("Policy number", "POL-12345678")]},
        {"text": "When I open the chat", "page": "/chat", "actions": [act("goto", "/chat")],
         "messages": [say("Is your policy number still POL-12345678?", "chat", page="/chat", speaker="bot",
                          question=True)]},
    )
    assert run("repeated-prompt", t) == []


def test_unrelated_chat_question_is_not_a_repeat():
    t = journey(
        {"text": "Given I gave my email", "page": "/claims/new", "given": [give("Email", "sam@example.com")]},
        {"text": "When I open the chat", "page": "/chat", "actions": [act("goto", "/chat")],
         "messages": [say("What happened to your car?", "chat", page="/chat", speaker="bot", question=True)]},
    )
    assert run("repeated-prompt", t) == []


def test_signing_in_again_is_not_a_repeated_prompt():
    t = journey(
        {"text": "Given I sign in", "page": "/sign-in", "given": [give("Email", "sam@example.com", page="/sign-in")]},
        {"text": "When I sign out and in again", "page": "/sign-in", "actions": [act("sign-out")],
         "prompts": [control("Email address", name="username", page="/sign-in")]},
    )
    assert run("repeated-prompt", t) == []


def _labelled_chat(second_question: str):
    label = "Harbour assistant (automated)"
    return journey(
        {"text": "Given I open the chat", "page": "/chat", "actions": [act("goto", "/chat")],
         "messages": [say(f"{label} What's your name?", "chat", page="/chat", speaker="bot", question=True,
                          appeared_ms=100)]},
        {"text": "When I answer", "page": "/chat",
         "given": [give(f"{label} What's your name?", "Emma", channel="chat", page="/chat", at_ms=500)],
         "messages": [say(f"{label} What's your name?", "chat", page="/chat", speaker="bot", question=True,
                          appeared_ms=100),
                      say(f"{label} {second_question}", "chat", page="/chat", speaker="bot", question=True,
                          appeared_ms=900)]},
    )


@pytest.mark.model
def test_a_chat_widgets_speaker_label_does_not_make_questions_alike():
    assert run("repeated-prompt", _labelled_chat("What would you like help with today?")) == []
    found = run("repeated-prompt", _labelled_chat("Can you tell me your full name?"))
    assert [f.evidence["prompt"] for f in found] == ["Can you tell me your full name?"]


def test_the_same_field_reshown_after_a_restart_is_not_a_repeat_of_a_later_answer():
    """Page 3 re-asks email (a repeat); after a reload the form restarts at page 1, whose email field the
    person filled before: that is lost context, not a second repeated prompt."""
    t = journey(
        {"text": "Given I start", "page": "/claims/new", "actions": [act("goto", "/claims/new")],
         "prompts": [control("Email address", name="email")]},
        {"text": "When I continue", "page": "/claims/new/3", "given": [give("Email address", "sam@example.com",
                                                                          name="email")],
         "actions": [act("click", "Continue")], "prompts": [control("Email address", name="email",
                                                                     page="/claims/new/3")]},
        {"text": "When I fill it again", "page": "/claims/new/3",
         "given": [give("Email address", "sam@example.com", name="email", page="/claims/new/3")]},
        {"text": "When I reload", "page": "/claims/new", "actions": [act("reload")],
         "prompts": [control("Email address", name="email")]},
    )
    assert [f.step for f in run("repeated-prompt", t)] == [1]


# separate forms: what the person gave for another purpose is not asked again ------------------------------
def _after_sign_in(second: dict, *, sign_out: bool = False):
    """The person signs in with their username, then (optionally signs out and) meets `second`."""
    steps = [
        {"text": 'When I fill in "Username" with "sam"', "page": "/login",
         "given": [give("Username", "sam", page="/login")], "prompts": [control("Username", page="/login")]},
        {"text": 'And I press "Log in"', "page": "/", "before": "/login", "actions": [act("click", "Log in")]},
    ]
    if sign_out:
        steps.append({"text": 'When I press "Log out"', "page": "/bye", "actions": [act("click", "Log out")]})
    return journey(*steps, second)


def test_a_form_asking_for_another_username_after_signing_in_is_not_a_repeat():
    t = _after_sign_in({"text": "When I open the add-user form", "page": "/users/add",
                        "prompts": [control("Username", page="/users/add")]})
    assert run("repeated-prompt", t) == []


def test_the_sign_in_form_again_after_signing_out_is_not_a_repeat():
    t = journey(
        {"text": 'When I fill in "Email"', "page": "/account/new",
         "given": [give("Email", "sam@example.com", page="/account/new")]},
        {"text": 'When I press "Sign out"', "page": "/", "actions": [act("click", "Sign out")]},
        {"text": "When I open my details", "page": "/details", "prompts": [control("Email", page="/details")]},
    )
    assert run("repeated-prompt", t) == []


def test_a_search_box_is_neither_asked_again_nor_remembered():
    t = journey(
        {"text": 'When I search for "Quentin"', "page": "/users", "given": [give("Search", "Quentin", page="/users")],
         "prompts": [control("Search", page="/users", query=True)]},
        {"text": "When I look again", "page": "/users", "actions": [act("goto", "/users")],
         "prompts": [control("Filter navigation items", name="nav", type="search", page="/users"),
                     control("Find", name="q2", page="/users", query=True)]},
    )
    assert run("repeated-prompt", t) == []


def test_a_field_named_only_in_the_markup_asks_nothing():
    t = journey(
        {"text": 'When I fill in "Username"', "page": "/users/add",
         "given": [give("Username", "jamie", page="/users/add")]},
        {"text": 'And I press "Save"', "page": "/users/7/change", "actions": [act("click", "Save")],
         "prompts": [control("", name="last_login_0", page="/users/7/change")]},
    )
    assert run("repeated-prompt", t) == []


def test_a_detail_given_in_one_form_and_asked_by_the_sign_in_form_still_repeats():
    t = journey(
        {"text": 'When I fill in "Username"', "page": "/register",
         "given": [give("Username", "robin", page="/register")]},
        {"text": 'And I press "Register"', "page": "/account", "actions": [act("click", "Register")],
         "prompts": [control("Username", page="/account")]},
    )
    assert len(run("repeated-prompt", t)) == 1


def test_a_page_asking_again_for_several_things_is_one_finding():
    t = journey(
        {"text": "When I register", "page": "/register",
         "given": [give("Username", "robin", page="/register"),
                   give("Password", MASK, page="/register", type="password", secret=True)]},
        {"text": 'And I press "Register"', "page": "/welcome", "actions": [act("click", "Register")],
         "prompts": [control("Username", page="/welcome"), control("Password", page="/welcome", type="password")]},
    )
    found = run("repeated-prompt", t)
    assert len(found) == 1 and "Username" in found[0].message and "Password" in found[0].message


def _sidebar_journey(*, sidebar_while_answering: bool):
    """The person registers in the main form; a sidebar sign-in form shows "Login" on the next page."""
    sidebar = control("Login", name="__login_name", page="/register", form="nav > form:nth-of-type(2)")
    main = control("Login Name", name="username", page="/register", form="main > form")
    first = [sidebar, main] if sidebar_while_answering else [main]
    after = sidebar.model_copy(update={"url": "http://portal.test/user"})
    return journey(
        {"text": "When I fill in the form", "page": "/register",
         "given": [give("Login Name", "robin", name="username", page="/register")], "prompts": first},
        {"text": 'And I press "Register"', "page": "/user", "before": "/register",
         "actions": [act("click", "Register")], "prompts": [after]},
    )


def test_a_sidebar_form_that_stood_beside_the_answered_form_is_not_asked_again():
    assert run("repeated-prompt", _sidebar_journey(sidebar_while_answering=True)) == []


def test_a_form_that_appears_only_after_the_answer_still_asks_again():
    assert len(run("repeated-prompt", _sidebar_journey(sidebar_while_answering=False))) == 1


def test_a_note_shown_on_the_new_items_page_is_kept_not_asked_again():
    # the tracker's new issue shows the note the person wrote in its history, and an empty "Change Note"
    # box under it for the next note: the site kept the answer, the box asks for a new one
    note = "The heating in the main hall was on all night again."
    t = _two_pages("Change Note", "Change Note", value=note, second_name="note2")
    t.steps[1].messages.append(say(note, page="/claims/new/2"))
    assert run("repeated-prompt", t) == []
    assert run("repeated-prompt", _two_pages("Change Note", "Change Note", value=note, second_name="note2"))


def test_a_form_sent_back_with_its_errors_at_another_address_does_not_ask_again():
    # the sign-in form on "/" posted to "/authenticate", shown there again after a wrong code: the same form
    t = journey(
        {"text": "When I fill in the home page's form", "page": "/",
         "given": [give("Project identifier", "riverside", name="id", page="/"),
                   give("Amount", "12", name="amount", page="/")]},
        {"text": "When I press \"Go\"", "page": "/authenticate", "before": "/", "actions": [act("click", "Go")],
         "requests": [post("/authenticate")], "messages": [say("Amount: not a valid amount", "error",
                                                               page="/authenticate")],
         "prompts": [control("Project identifier", name="id", page="/authenticate", initial="riverside"),
                     control("Amount", name="amount", page="/authenticate")]},
    )
    assert run("repeated-prompt", t) == []


def test_credentials_typed_into_a_form_shaped_like_a_sign_in_are_no_detail_asked_again():
    # "Authentication" at /access with a "submit" button: no sign-in word anywhere, but one identifier and one
    # password and nothing else; the settings form's "Current code" later is a re-entry, not a repeat
    t = journey(
        at_the_door(give("Project identifier", "riverside", name="id", page="/access"),
                    give("Private code", MASK, name="password", type="password", secret=True, page="/access")),
        {"text": "When I press \"submit\"", "page": "/riverside", "before": "/access",
         "actions": [act("click", "submit")]},
        {"text": "When I open the settings", "page": "/riverside/edit", "actions": [act("goto", "/riverside/edit")],
         "prompts": [control("Project identifier", name="project_id", page="/riverside/edit", form="#e"),
                     control("Current code", name="current_password", type="password", page="/riverside/edit",
                             form="#e", secret=True),
                     control("Email", page="/riverside/edit", form="#e")]},
    )
    assert run("repeated-prompt", t) == []


def test_the_name_given_to_a_thing_is_not_the_persons_own_name():
    # "Project name" typed when creating a project; the next page's box for a participant's name (name="name")
    # and a later "Full name" ask for a person's name, not the project's
    t = journey(
        {"text": "When I fill in the form", "page": "/create",
         "given": [give("Project name", "Book club", name="name", page="/create")]},
        {"text": "When I press \"Create\"", "page": "/book-club", "before": "/create",
         "actions": [act("click", "Create")], "requests": [post("/create")],
         "prompts": [control("Add participant", name="name", page="/book-club", placeholder="Add participant"),
                     control("Full name", name="full_name", page="/book-club")]},
    )
    assert run("repeated-prompt", t) == []


def test_a_form_that_changes_an_email_with_the_current_password_is_no_sign_in():
    # "Email" and "Current password": the shape of a sign-in, but it changes the account; the address asked for
    # again later (empty) is a repeat
    change = [control("Email", name="email", page="/account", form="#c"),
              control("Current password", name="password", type="password", page="/account", form="#c",
                      secret=True)]
    t = journey(
        {"text": "When I change my email", "page": "/account", "prompts": change,
         "given": [give("Email", "sam@example.org", name="email", page="/account")]},
        {"text": "When I press \"Save\"", "page": "/account/done", "before": "/account",
         "actions": [act("click", "Save")]},
        {"text": "When I open my details", "page": "/details", "actions": [act("goto", "/details")],
         "prompts": [control("Email address", name="contact_email", page="/details", form="#d")]},
    )
    assert [f.step for f in run("repeated-prompt", t)] == [2]


def test_a_form_that_asks_for_the_email_again_to_confirm_it_asks_twice():
    # "Email address" then "Email confirmation" on one form: the same thing typed twice (no security exception)
    page = "/register"
    email = "sam@example.test"
    t = journey({"text": "When I fill in the form", "page": page,
                 "given": [give("Username", "sam", page=page), give("Email address:", email, name="email", page=page),
                           give("Email confirmation:", email, name="email2", page=page, type="email"),
                           give("Password", MASK, page=page, type="password", secret=True),
                           give("Confirm password", MASK, name="password2", page=page, type="password",
                                secret=True)]})
    [found] = run("repeated-prompt", t)
    assert (found.outcome, found.evidence["prompt"]) == ("failed", "Email confirmation:")
    assert "twice" in found.message


def test_the_page_box_under_a_popup_stood_there_all_along_and_is_not_asked_again():
    # the sign-up popup (a frame of its own) took the address; after a reload the popup is empty (lost-context's)
    # and the page's own subscribe box under it, there from the start, asks nothing new
    popup = {"frame": "about:srcdoc", "page": "/"}
    page_box = control("jamie@example.com", name="email", type="email", page="/", form="#subscribe")
    t = journey(
        {"text": "Given I open the sign-up page", "page": "/", "actions": [act("goto", "/")],
         "prompts": [page_box, control("Email", name="email", type="email", **popup)]},
        {"text": 'When I fill in "Email"', "page": "/",
         "given": [give("Email", "sam@example.org", type="email", **popup)],
         "prompts": [page_box, control("Email", name="email", type="email", value="sam@example.org", **popup)]},
        {"text": "When I reload the page", "page": "/", "actions": [act("reload")],
         "prompts": [page_box, control("Email", name="email", type="email", **popup)]},
    )
    assert run("repeated-prompt", t) == []


def _register_then_sign_in(*between: dict) -> list:
    """A new account made (a username, a password and its confirmation), then the site's "Log in" and the same
    username and password typed again to get in."""
    made = [give("Username", "kimlee42", page="/+register"),
            give("Password", MASK, type="password", secret=True, data_key="password", page="/+register"),
            give("Password", MASK, name="password2", type="password", secret=True, data_key="password",
                 page="/+register")]
    door = [control("Name", name="name", page="/+login", form="#login"),
            control("Password", type="password", page="/+login", form="#login", secret=True)]
    return run("repeated-prompt", journey(
        {"text": "When I fill in the form", "page": "/+register", "given": made},
        {"text": 'And I press the "Register" button', "page": "/+register", "actions": [act("click", "Register")]},
        *between,
        {"text": 'When I press "Login"', "page": "/+login", "before": "/+register", "prompts": door,
         "actions": [act("click", "Login")]},
        {"text": "And I sign in with my username", "page": "/", "before": "/+login", "prompts": door,
         "actions": [act("sign-in", "Name")],
         "given": [give("Name", "kimlee42", page="/+login"),
                   give("Password", MASK, type="password", secret=True, data_key="password", page="/+login")]}))


def test_signing_in_with_the_account_just_made_is_asked_again() -> None:
    # "Account created, please log in now.": the person must type the name and password they chose a moment ago
    found = [f for f in _register_then_sign_in() if f.outcome == "failed"]
    assert len(found) == 1 and found[0].step == 3 and "sign them in" in found[0].suggestion


def test_signing_in_after_a_mailed_link_or_a_sign_out_is_not_asked_again() -> None:
    mailed = {"text": "When I open the link in the e-mail I was sent", "page": "/activate?k=1",
              "actions": [act("goto", "/activate?k=1")]}
    out = {"text": "When I sign out", "page": "/", "actions": [act("sign-out")]}
    assert not _register_then_sign_in(mailed) and not _register_then_sign_in(out)
