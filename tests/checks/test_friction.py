"""friction on hand-written journeys: recorded struggle and forms that ask too much."""

from __future__ import annotations

from .conftest import act, control, give, journey, post, rub, run, say, wait


def test_rage_dead_and_repeated_clicks_are_findings():
    t = journey({"text": "When I press Submit", "actions": [act("click", "Submit")],
                 "requests": [post("/claims/new/3"), post("/claims/new/3")],
                 "friction": [rub("rage-click", "#submit"), rub("dead-click", "#help-icon"),
                              rub("repeated-submit", "#submit")]})
    found = run("friction", t)
    assert sorted((f.evidence["kind"], f.impact) for f in found) == [
        ("dead-click", "minor"), ("rage-click", "moderate"), ("repeated-submit", "moderate")]
    assert all(f.target for f in found)


def test_persona_probes_are_not_friction():
    t = journey({"text": "When I go back", "friction": [rub("back", ""), rub("reload", "")]})
    assert run("friction", t) == []


def test_a_press_on_a_disabled_button_that_nothing_explains_is_friction():
    # "Login" greyed out while the fields are empty: the press does nothing and nothing says why
    pressed = {"text": 'When I press "Login"', "page": "/login", "actions": [act("click", "Login")],
               "friction": rub("disabled-press", "", detail="Login", at_ms=100)}
    [found] = [f for f in run("friction", journey(pressed)) if f.evidence.get("kind") == "disabled-press"]
    assert found.outcome == "failed" and found.target == "Login" and "nothing on the page said why" in found.message
    # a hint or error on the page says what is missing: the person knows what to do
    hinted = {**pressed, "messages": [say("Enter your username first.", "validation", page="/login")]}
    assert not [f for f in run("friction", journey(hinted)) if f.evidence.get("kind") == "disabled-press"]


def test_long_form_is_effort():
    fields = [control(f"Question {i}") for i in range(10)]
    found = run("friction", journey({"text": "Given the long form", "prompts": fields}))
    assert [(f.impact, f.evidence["count"]) for f in found] == [("minor", 10)]


def test_eight_fields_are_fine_and_buttons_do_not_count():
    fields = [control(f"Question {i}") for i in range(8)] + [control("Continue", type="submit")]
    assert run("friction", journey({"text": "Given the form", "prompts": fields})) == []


def test_choices_the_site_already_made_do_not_make_a_form_long():
    """A ticket form of twelve controls whose drop-downs sit on their defaults, whose one radio is chosen and whose
    name box is pre-filled leaves seven things to the person: not a long form."""
    chosen = [control(f"Choice {i}", type="select", initial=f"default {i}", value=f"default {i}") for i in range(4)]
    chosen += [control("Action", type="radio", initial="create", value="create"),
               control("Your name", initial="anonymous", value="anonymous")]
    open_ = [control(f"Question {i}") for i in range(5)] + [control(f"Opt in {i}", type="checkbox") for i in range(2)]
    assert run("friction", journey({"text": "Given the ticket form", "prompts": chosen + open_})) == []
    unchosen = [control(f"Choice {i}", type="select") for i in range(4)]
    [found] = run("friction", journey({"text": "Given the ticket form", "prompts": unchosen + open_}))
    assert found.evidence["count"] == 11 and "Choice 0" in found.message


def test_separate_forms_on_one_page_are_counted_each_on_its_own():
    """A header's search box, a sidebar's sign-in and a list's sort controls are not the main form."""
    main = [control(f"Question {i}", form="#main") for i in range(6)]
    side = [control("Search", form="#search"), control("Login", form="#sign-in"),
            *(control(f"Sort {i}", form="#sort") for i in range(4))]
    assert run("friction", journey({"text": "Given the page", "prompts": main + side})) == []
    found = run("friction", journey({"text": "Given the page", "prompts": main + side[:2] +
                                     [control(f"More {i}", form="#main") for i in range(3)]}))
    assert len(found) == 1 and "9 things" in found[0].message and "Search" not in found[0].message


def _task(per_page, pages=3, max_fields=12, **kw):
    return journey(*[{"text": f"Given page {p}", "page": f"/claims/new/{p}",
                      "actions": [act("goto", f"/claims/new/{p}")],
                      "prompts": [control(f"Question {p}-{i}", page=f"/claims/new/{p}", **kw) for i in range(per_page)]}
                     for p in range(pages)], persona={"patience": {"max_fields": max_fields}})


def test_more_fields_than_the_persona_accepts_and_than_a_typical_flow_asks():
    found = run("friction", _task(5, required=True))
    assert [(f.outcome, f.evidence["count"], f.evidence["limit"]) for f in found] == [("failed", 15, 12)]


def test_over_the_personas_tolerance_but_not_beyond_a_typical_flow_is_an_open_question():
    found = run("friction", _task(3, max_fields=8, required=True))
    assert [(f.outcome, f.evidence["count"], f.evidence["typical"]) for f in found] == [("cantTell", 9, 11)]


def test_only_fields_the_person_had_to_fill_count_for_the_task():
    prefilled = _task(5, initial="from the account", value="from the account", required=True)
    assert run("friction", prefilled) == []
    optional_skipped = _task(5)  # not required, left empty
    assert run("friction", optional_skipped) == []
    optional_answered = _task(5, value="an answer")
    assert [f.evidence["count"] for f in run("friction", optional_answered)] == [15]


def test_a_click_answered_late_is_slow_not_dead():
    slow = journey({"text": "When I press Sign in", "actions": [act("click", "Sign in", at_ms=1000)],
                    "waits": [wait('click "Sign in"', 3200, started_ms=1000, responded_ms=3000, navigated=True)],
                    "friction": [rub("dead-click", at_ms=1010)]})
    assert run("friction", slow) == []
    slow.steps[0].waits = [wait('click "Sign in"', 3200, started_ms=1000)]  # never answered
    assert [f.evidence["kind"] for f in run("friction", slow)] == ["dead-click"]
    # a late change with nothing sent may be the page's own timers: still dead
    slow.steps[0].waits = [wait('click "Sign in"', 3200, started_ms=1000, responded_ms=3000)]
    assert [f.evidence["kind"] for f in run("friction", slow)] == ["dead-click"]
    slow.steps[0].requests = [post("/sign-in", 302)]
    slow.steps[0].requests[0].started_ms = 1100
    assert run("friction", slow) == []


def test_a_click_whose_page_was_still_loading_is_slow_not_dead():
    # "Register" sent the form; the server had not answered when the persona reloaded (the post aborted): the browser
    # was loading the next page all along, which a person sees; a request in the background (no page) shows nothing
    def pressed(resource):
        t = journey({"text": "When I press Register", "actions": [act("click", "Register", at_ms=1000)],
                     "waits": [wait('click "Register"', 3100, started_ms=1000, outcome="reloaded")],
                     "requests": [post("/register", None, resource=resource)],
                     "friction": [rub("dead-click", at_ms=1010, submit=True)]})
        t.steps[0].requests[0].started_ms = 1050
        return t
    assert run("friction", pressed("document")) == []
    assert [f.evidence["kind"] for f in run("friction", pressed("fetch"))] == ["dead-click"]
    unwaited = pressed("document")  # the step broke as the reload raced the answer: no wait recorded at all
    unwaited.steps[0].waits = []
    assert run("friction", unwaited) == []
    late = pressed("document")  # a page loaded long after the click (the persona's own reload) is not its answer
    late.steps[0].requests[0].started_ms = 4100
    assert [f.evidence["kind"] for f in run("friction", late)] == ["dead-click"]


def test_a_click_that_chose_an_option_is_not_dead():
    # a checked radio changes no markup; the recorder reports the click a step later
    t = journey({"text": "When I choose Morning", "actions": [act("choose", "Best time to call", at_ms=1000)]},
                {"text": "When I press Submit", "actions": [act("click", "Submit", at_ms=4000)],
                 "friction": [rub("dead-click", "#time-1", at_ms=1600)]})
    assert run("friction", t) == []
    t.steps[0].actions = [act("click", "Show more", at_ms=1000)]
    assert [f.evidence["kind"] for f in run("friction", t)] == ["dead-click"]


def test_a_burst_the_personas_double_click_made_is_not_rage():
    t = journey({"text": "When I press Continue",
                 "actions": [act("click", "Continue", at_ms=1000),
                             act("click", "Continue", habit="double_click_submit", at_ms=1400)],
                 "friction": [rub("rage-click", at_ms=1005)]})
    assert run("friction", t) == []
    t.steps[0].actions[1].habit = ""
    assert [f.evidence["kind"] for f in run("friction", t)] == ["rage-click"]


def test_a_submit_the_browser_cut_off_is_not_a_repeated_submit():
    t = journey({"text": "When I press Continue",
                 "actions": [act("click", "Continue", habit="double_click_submit", at_ms=1000)],
                 "requests": [post("/claims/new", None), post("/claims/new", 302)],
                 "friction": [rub("repeated-submit", at_ms=1050)]})
    assert run("friction", t) == []


def test_the_personas_own_double_click_is_not_the_sites_friction():
    t = journey({"text": "When I press Submit claim",
                 "actions": [act("click", "Submit claim", habit="double_click_submit", at_ms=1000)],
                 "requests": [post("/claims/new/3")],
                 "friction": [rub("repeated-submit", at_ms=1050), rub("dead-click", at_ms=1050)]})
    assert run("friction", t) == []


def test_a_dead_click_on_another_control_soon_after_the_personas_double_click_is_the_sites():
    """The persona double-clicked "Submit claim"; 300 ms later, on the next page, "Download summary" did nothing."""
    t = journey({"text": "When I press Submit claim",
                 "actions": [act("click", "Submit claim", habit="double_click_submit", at_ms=1000)],
                 "requests": [post("/claims/new/3")]},
                {"text": "When I press Download", "actions": [act("click", "Download summary", at_ms=1300)],
                 "friction": [rub("dead-click", "#download", at_ms=1300, name="Download summary")]})
    assert [f.evidence["kind"] for f in run("friction", t)] == ["dead-click"]


def _double_submit(after, prompts=()):
    return journey({"text": "When I describe it", "page": "/claims/new/3",
                    "given": [give("Description", "Hit while parked", page="/claims/new/3")]},
                   {"text": "When I press the button", "page": after, "before": "/claims/new/3",
                    "actions": [act("click", "Submit claim", habit="double_click_submit", at_ms=1000)],
                    "requests": [post("/claims/new/3", 302), post("/claims/new/3", 302)],
                    "friction": [rub("repeated-submit", at_ms=1050)], "prompts": list(prompts)})


def test_a_claim_the_site_let_through_twice_is_friction_whoever_double_clicked():
    t = _double_submit("/claims/confirmation")
    assert [f.evidence["kind"] for f in run("friction", t)] == ["repeated-submit"]


def test_a_wizard_page_the_personas_double_click_sent_twice_is_not():
    next_page = [control("Phone number", page="/claims/new/4", required=True, value=""),
                 control("Best time to call", page="/claims/new/4", type="radio", required=True)]
    assert run("friction", _double_submit("/claims/new/4", next_page)) == []


def test_a_repeated_submit_that_never_reached_the_server_is_not_reported():
    t = journey({"text": "When I send a message", "actions": [act("chat", "chat", at_ms=1000)],
                 "requests": [post("/chat/api/messages", resource="fetch")],
                 "friction": [rub("repeated-submit", "#chat-form > button", at_ms=1300)]})
    assert run("friction", t) == []


def test_the_personas_double_click_landing_on_the_next_page_is_not_dead():
    t = journey({"text": "When I press Send", "page": "/form",
                 "actions": [act("click", "Send", habit="double_click_submit", at_ms=1000)]},
                {"text": "Then I see the error", "page": "/form",
                 "friction": [rub("dead-click", "#other", at_ms=1300)]})
    assert run("friction", t) == []
    t.steps[0].actions[0].habit = ""
    assert [f.evidence["kind"] for f in run("friction", t)] == ["dead-click"]


def test_a_submit_stopped_by_the_browsers_own_validation_is_not_dead():
    blocked = journey({"text": "When I press Reset", "friction": [rub("dead-click", at_ms=1000, submit=True)],
                       "prompts": [control("Email", required=True)]})
    assert [f.evidence["kind"] for f in run("friction", blocked)] == ["dead-click"]
    blocked.steps[0].clicks[0].validation_blocked = True
    assert run("friction", blocked) == []
    # the recorder missed the flag, but the field the browser stopped on is marked invalid
    blocked.steps[0].clicks[0].validation_blocked = False
    blocked.steps[0].prompts[0].invalid = True
    assert run("friction", blocked) == []


def test_a_click_that_changed_a_fields_value_is_not_dead():
    t = journey({"text": 'When I press "+"', "friction": [rub("dead-click", "#plus", at_ms=1000)],
                 "prompts": [control("Quantity", initial="0", value="1")]})
    assert run("friction", t) == []
    typed = journey({"text": "When I type a quantity", "given": [give("Quantity", "1")],
                     "prompts": [control("Quantity", initial="0", value="1")]},
                    {"text": 'When I press "Show more"', "friction": [rub("dead-click", "#more", at_ms=1000)],
                     "prompts": [control("Quantity", initial="0", value="1")]})
    assert [f.evidence["kind"] for f in run("friction", typed)] == ["dead-click"]


def _pressed_back_to(messages, prompts):
    """Sign-in page opened; "Log In" pressed with nothing typed; the page loads again with `messages`."""
    shown = [say("Login", "heading", page="/login"), say("Enter your credentials below to log in.", page="/login")]
    form = [control("Username", page="/login"), control("Password", page="/login", type="password")]
    sent = post("/login")
    sent.started_ms = 1100
    return journey(
        {"text": "Given I open the sign-in page", "page": "/login", "actions": [act("goto", "/login")],
         "waits": [wait("open /login", 300, navigated=True)], "messages": shown, "prompts": form},
        {"text": 'When I press "Log In"', "page": "/login", "before": "/login",
         "actions": [act("click", "Log In", at_ms=1000)], "requests": [sent],
         "waits": [wait('click "Log In"', 800, started_ms=1000, navigated=True)],
         "messages": shown + messages, "prompts": prompts if prompts is not None else form})


def test_a_press_that_brings_back_the_same_form_in_silence_is_friction():
    [found] = [f for f in run("friction", _pressed_back_to([], None)) if f.evidence["kind"] == "silent-return"]
    assert found.target == "Log In" and "not one new word" in found.message
    said = say("Enter your username.", "error", page="/login")
    assert not [f for f in run("friction", _pressed_back_to([said], None)) if f.evidence["kind"] == "silent-return"]
    again = [f for f in run("friction", _pressed_back_to([], None).model_copy(update={"steps": [
        *_pressed_back_to([said], None).steps, _pressed_back_to([said], None).steps[1]]}))]
    assert not [f for f in again if f.evidence["kind"] == "silent-return"]  # the same error again is an answer
    next_page = [control("Card number", page="/login")]
    assert not [f for f in run("friction", _pressed_back_to([], next_page)) if f.evidence["kind"] == "silent-return"]


def test_a_form_the_persona_reloaded_before_its_answer_is_not_a_silent_return():
    # "Register" sent; no answer within the anxious persona's patience, so it reloaded (the post aborted): the same
    # empty form is the reload's doing, not the site's answer (the wait is missing-reassurance's to judge)
    t = _pressed_back_to([], None)
    t.steps[1].requests[0].status = None
    t.steps[1].actions.append(act("reload", "/login", at_ms=4000, habit="reload_while_waiting"))
    assert not [f for f in run("friction", t) if f.evidence["kind"] == "silent-return"]


def test_a_reload_that_sends_the_form_again_is_friction():
    # the thank-you page is the answer to the POST itself: reloading it posts the message a second time
    sent = post("/contact/")
    sent.started_ms = 2100
    reloaded = journey({"text": "When I reload the page", "page": "/contact/", "before": "/contact/",
                        "actions": [act("reload", "/contact/", at_ms=2000)], "requests": [sent],
                        "waits": [wait("reload", 500, started_ms=2000, navigated=True)]})
    found = [f for f in run("friction", reloaded) if f.evidence["kind"] == "resent-by-reload"]
    assert len(found) == 1 and "sent the form again" in found[0].message
    sent.method = "GET"  # after a redirect the reload only fetches the page again
    assert not [f for f in run("friction", reloaded) if f.evidence["kind"] == "resent-by-reload"]
