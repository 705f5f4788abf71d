"""The actor finds what a person would: a field by its whole name, the sign-in detail the form asks for,
and a double click that stays on the element the person clicked."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from flask import Flask, redirect, request

from harness.browser.errors import ActionFailed
from harness.transcript import MASK
from tests.browser.conftest import calls_to_the_driver, make_persona
from tests.sites import serve

pytestmark = pytest.mark.e2e

PAGES = {
    "user": '<label>Username <input id="u"></label><label>Full name <input id="n"></label>',
    "names": '<label>First name <input id="f"></label><label>Last name <input id="l"></label>',
    "choices": '<label for="t">Fruit</label><select id="t"><option value="">Pick one</option><option value="a">Apple'
               '</option><option value="b">Banana</option></select><fieldset><legend>When</legend><label><input '
               'type="radio" name="w" value="m"> Morning</label><label><input type="radio" name="w" value="e" '
               'id="e"> Evening</label></fieldset>',
    "passwords": '<label for="p1">Password:</label><input id="p1" type="password">'
                 '<label for="p2">Password confirmation:</label><input id="p2" type="password">',
    "sign-in": '<form action="/done"><label>Username: <input name="username" id="u"></label>'
               '<label>Password: <input type="password" name="password" id="p"></label>'
               '<button>Log in</button></form>',
    # A page that answers the first click at once by drawing the next form where the button was: a second
    # click landing there would send a form the person never saw.
    "swap": '<div id="box"><form id="one" onsubmit="event.preventDefault(); window.sent1 = (window.sent1||0)+1;'
            ' document.getElementById(\'box\').innerHTML = \'<form id=two onsubmit=&quot;event.preventDefault();'
            ' window.sent2=(window.sent2||0)+1&quot;><button style=width:200px;height:60px>Confirm</button>'
            '</form>\';"><button style="width:200px;height:60px">Send</button></form></div>',
    **{f"sign-in-{to}": f'<form action="/{to}"><label>Email address <input type="email" name="e"></label>'
                        '<label>Password <input type="password" name="p"></label><button>Sign in</button></form>'
       for to in ("home", "home2", "home3")},
    "sign-in-user": '<form action="/home"><label>Username <input name="u"></label>'
                    '<label>Password <input type="password" name="p"></label><button>Log in</button></form>',
    "home": '<header><a href="/">Shop</a> <span>Logged in as <b>Kim Lee</b></span></header><h1>Dashboard</h1>',
    "home2": '<nav><a href="/">Shop</a> <a href="/me">Kim Lee</a> <a href="/out">Log out</a></nav>'
             '<h1>Dashboard</h1><p>Kim Lee is the name on 2 orders.</p>',
    # no header landmark: a top bar of plain divs whose account mark is the person's initials, under a bare welcome
    "home3": '<div style="display:flex;justify-content:space-between"><a href="/">Shop</a>'
             '<div title="kim@example.test"><span>KL</span></div></div><h1>Welcome</h1>'
             '<p>Recent orders</p><table><tr><td>AB</td><td>2 items</td></tr></table>',
    "long": "<header>" + "".join(f"<a href=/{i}>Menu {i}</a>" for i in range(1000)) + "</header>"
            + "".join(f"<p>Line {i}</p><p>{'word ' * 30}</p>" for i in range(5000)),
    "broken": '<button onclick="document.getElementById(\'gone\').hidden = false">Show more</button>',
    "comment": '<form action="/login" method="get"><label>Comment <textarea name="c"></textarea></label>'
               '<button>Send</button></form>',
    "login": '<form><label>Username <input name="u"></label><label>Password <input type="password" name="p">'
             '</label><button>Log in</button></form>',
    # A sign-in that asks the server quickly, then holds the page's main thread 2.5 s before it answers.
    "freeze": '<button onclick="fetch(\'/done\').then(() => { const end = performance.now() + 2500;'
              ' while (performance.now() < end) {} document.body.insertAdjacentHTML(\'beforeend\','
              ' \'<p>Signed in</p>\'); })">Log in</button>',
    # The same, reading the answer's body first: the request is over before the freeze, so the harness's wait
    # ends (its click window closed) while the page is still frozen.
    "freeze-read": '<button onclick="fetch(\'/done\').then((r) => r.text()).then(() => {'
                   ' const end = performance.now() + 2500; while (performance.now() < end) {}'
                   ' document.body.insertAdjacentHTML(\'beforeend\', \'<p>Signed in</p>\'); })">Log in</button>',
    # a menu's hidden copy of a text before the one a person sees
    "hidden-copy": '<nav hidden><p>Error 500</p></nav><main><p>Error 500</p></main>',
    "stay": '<form id="one" onsubmit="event.preventDefault(); window.sent1 = (window.sent1||0)+1;">'
            '<button>Send</button></form>',
    # A form whose shown button sends it by clicking its hidden real one from script: the page's own click.
    "scripted": '<form onsubmit="event.preventDefault(); window.sent1 = (window.sent1||0)+1;"><input type="submit"'
                ' id="real" hidden><button onclick="event.preventDefault(); document.getElementById(\'real\').click()">'
                'Send</button></form>',
}


@pytest.fixture(scope="module")
def pages() -> Iterator[str]:
    app = Flask(__name__)

    @app.get("/<name>")
    def page(name: str) -> str:
        return f'<!doctype html><html lang="en"><body>{PAGES.get(name, "done")}</body></html>'

    @app.get("/login")
    def login() -> Any:  # where a site sends a visitor it will not take a comment from, the comment dropped
        return redirect("/login-page?next=/comment") if request.args else page("login")

    @app.get("/login-page")
    def login_page() -> str:
        return page("login")

    with serve(app) as url:
        yield url


def _value(j: Any, selector: str) -> str:
    return str(j.page.locator(selector).input_value())


def test_a_field_is_found_by_its_whole_name_never_by_part_of_a_word(journey_for: Any, pages: str) -> None:
    j = journey_for()
    j.begin_step("When I fill in", "When")
    j.actor.goto(f"{pages}/user")
    j.actor.fill("Name", "Kim")  # "Full name" holds the word; "Username" only the letters
    assert (_value(j, "#u"), _value(j, "#n")) == ("", "Kim")
    with pytest.raises(ActionFailed, match='no field labelled "User"'):
        j.actor.fill("User", "kim")


def test_a_field_found_several_ways_is_read_in_one_call(journey_for: Any, pages: str,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    # "Username" is the field's label, its textbox's name and the text shown beside it: the ways of looking are read
    # as one union in one call, not a count and a read per way (12 calls); the first call is the look that asks which
    # matches a layer over the window covers, and reads the field's own description (it was a call of its own); the
    # second, whether another field has that name, asks for the text shown beside it in the same call (a selector
    # engine over the page script's finder, where marking the page first was a call of its own)
    j = journey_for()
    j.begin_step("When I fill in", "When")
    j.actor.goto(f"{pages}/user")
    calls = calls_to_the_driver(monkeypatch)
    j.actor.fill("Username", "kim")
    located = calls[:calls.index("fill")]
    assert _value(j, "#u") == "kim"
    assert located == ["evalOnSelectorAll", "evalOnSelectorAll"], located


def test_a_choice_is_found_in_few_calls(journey_for: Any, pages: str, monkeypatch: pytest.MonkeyPatch) -> None:
    # a list is found by its first way and its options read in the same call (they were a call of their own); a radio
    # in a group named by its legend is the sixth of eight ways: the ways asked together and halved, not one call a
    # way and the surer ones again after the find (13 calls)
    j = journey_for()
    j.begin_step("When I choose", "When")
    j.actor.goto(f"{pages}/choices")
    calls = calls_to_the_driver(monkeypatch)
    j.actor.choose("Fruit", "Banana")
    assert calls[:calls.index("selectOption")] == ["evalOnSelectorAll"]
    assert _value(j, "#t") == "b"
    calls.clear()
    j.actor.choose("When", "Evening")
    assert len(calls[:calls.index("check")]) <= 7, calls
    assert "evaluateExpression" not in calls[:calls.index("check")], calls  # the list beside a shown label: in the find
    assert j.page.is_checked("#e")


def test_two_fields_holding_the_words_are_a_step_error_naming_both(journey_for: Any, pages: str) -> None:
    j = journey_for()
    j.begin_step("When I fill in", "When")
    j.actor.goto(f"{pages}/names")
    with pytest.raises(ActionFailed, match=r'"Name" could mean 2 fields.*"First name", "Last name"'):
        j.actor.fill("Name", "Kim")
    j.actor.goto(f"{pages}/passwords")
    j.actor.fill("password", "s3cret-Horse")  # "Password:" is the whole name, whatever the case and colon
    assert (_value(j, "#p1"), _value(j, "#p2")) == ("s3cret-Horse", "")


def test_sign_in_gives_the_username_a_username_field_asks_for(journey_for: Any, pages: str) -> None:
    j = journey_for(make_persona(account=True))
    j.begin_step("Given I sign in", "Given")
    j.actor.goto(f"{pages}/sign-in")
    j.actor.sign_in()
    step = j.end_step()
    assert {g.data_key for g in step.given} == {"username", "password"}
    assert f"username={j.data['username']}" in j.page.url


def test_sign_in_names_the_field_a_persona_without_a_username_cannot_fill(journey_for: Any, pages: str) -> None:
    from harness.personas.data import PersonaData

    j = journey_for(make_persona(account=True))
    j.data = PersonaData({k: v for k, v in j.data.items() if k != "username"},
                         secret_keys=j.data.secret_keys)
    j.begin_step("Given I sign in", "Given")
    j.actor.goto(f"{pages}/sign-in")
    with pytest.raises(ActionFailed, match=r'asks for "Username:" \(username\).*data\.fixed\.username'):
        j.actor.sign_in()


def test_a_double_click_is_two_clicks_on_the_same_element_never_on_the_next_form(journey_for: Any,
                                                                                  pages: str) -> None:
    j = journey_for(make_persona(habits={"double_click_submit": 1.0}))
    j.begin_step("When I press Send", "When")
    j.actor.goto(f"{pages}/swap")
    j.actor.click("Send")
    step = j.end_step()
    assert j.page.evaluate("[window.sent1 || 0, window.sent2 || 0]") == [1, 0]
    click = next(a for a in step.actions if a.kind == "click")
    assert click.habit == "double_click_submit" and "the second landed on nothing" in click.detail
    j.begin_step("When I press Send", "When")
    j.actor.goto(f"{pages}/stay")
    j.actor.click("Send")
    step = j.end_step()
    assert j.page.evaluate("window.sent1") == 2  # the same button, still there: a person's double click
    assert "on the same element" in next(a for a in step.actions if a.kind == "click").detail


def test_a_double_click_holds_back_only_the_persona_s_clicks_and_asks_nothing_after_the_press(
        journey_for: Any, pages: str, monkeypatch: pytest.MonkeyPatch) -> None:
    # the page's own scripted click on its hidden submit is the page's doing: both of the persona's clicks send the
    # form through it (held back, neither did); whether the guard held a second click reaches the recorder as a
    # report, so the press asks the page nothing between its click and its wait's look
    j = journey_for(make_persona(habits={"double_click_submit": 1.0}))
    j.begin_step("When I press Send", "When")
    j.actor.goto(f"{pages}/scripted")
    calls = calls_to_the_driver(monkeypatch)
    j.actor.click("Send")
    step = j.end_step()
    assert j.page.evaluate("window.sent1 || 0") == 2
    assert "on the same element" in next(a for a in step.actions if a.kind == "click").detail
    assert calls[calls.index("click") + 1] == "evaluateExpression", calls


def test_a_press_nobody_answers_is_pressed_again_on_the_same_button(journey_for: Any, pages: str) -> None:
    # the page counts the press and changes nothing: a persona who clicks again presses that button once more
    j = journey_for(make_persona(patience={"silence_ms": 400, "give_up_ms": 20000, "on_silence": "click-again"}))
    j.begin_step("When I press Send", "When")
    j.actor.goto(f"{pages}/stay")
    wait = j.actor.click("Send")
    j.end_step()
    assert wait.outcome == "clicked-again", wait
    assert j.page.evaluate("window.sent1") == 2


@pytest.mark.parametrize("landing", ["home", "home2", "home3"])
def test_a_name_in_the_header_after_sign_in_greets_the_person(journey_for: Any, pages: str, settings: Any,
                                                              landing: str) -> None:
    from harness.checks import run_checks

    j = journey_for(make_persona(account=True, data={"fixed": {"full_name": "Kim Lee", "first_name": "Kim"}}))
    j.begin_step("Given I sign in", "Given")
    j.actor.goto(f"{pages}/sign-in-{landing}")
    j.actor.sign_in()
    step = j.end_step()
    greetings = [m.text for m in step.messages if m.kind == "greeting"]
    assert {"home": "Logged in as Kim Lee", "home2": "Kim Lee", "home3": "KL"}[landing] in greetings, greetings
    found = run_checks(j.finish(), settings, only=["lost-context"])
    assert not [f for f in found if "greeted" in f.message], [f.message for f in found]


def test_the_account_mark_is_kept_masked_as_every_line_is(journey_for: Any, pages: str) -> None:
    # a secret that the mark spells is kept as MASK, as it is in a greeting line and every other recorded text
    j = journey_for(make_persona(account=True, data={"fixed": {"full_name": "Kim Lee", "first_name": "Kim"}}))
    j.actor._rec.add_secrets(["KL"])
    j.begin_step("Given I sign in", "Given")
    j.actor.goto(f"{pages}/sign-in-home3")
    j.actor.sign_in()
    step = j.end_step()
    greetings = [m.text for m in step.messages if m.kind == "greeting"]
    assert MASK in greetings and "KL" not in greetings, greetings


def test_who_is_signed_in_is_read_from_a_bounded_part_of_a_long_page(journey_for: Any, pages: str) -> None:
    # a page of 5000 lines (a log, a long list) sends the lines a person reads after landing, not all of them
    from harness.browser.greeted import LINE_CHARS, MAX_LINES, TOP_BAR_PX, WHO_LINES

    j = journey_for()
    j.actor.goto(f"{pages}/long")
    chrome, body, _ = j.page.evaluate(WHO_LINES, [TOP_BAR_PX, MAX_LINES, LINE_CHARS])
    assert len(body) <= MAX_LINES and len(chrome) <= MAX_LINES, (len(body), len(chrome))
    assert body[:2] == ["Line 0", "Line 1"] and all(len(line) <= LINE_CHARS for line in body)


def test_signing_in_with_a_username_also_reads_who_the_header_names(journey_for: Any, pages: str,
                                                                    settings: Any) -> None:
    from harness.checks import run_checks
    from harness.steps.who import sign_in_with_username

    j = journey_for(make_persona(account=True, data={"fixed": {"username": "kim", "full_name": "Kim Lee"}}))
    j.begin_step("When I sign in with my username", "When")
    j.actor.goto(f"{pages}/sign-in-user")
    sign_in_with_username(j)
    step = j.end_step()
    assert [m.text for m in step.messages if m.kind == "greeting"] == ["Logged in as Kim Lee"]
    found = run_checks(j.finish(), settings, only=["lost-context"])
    assert not [f for f in found if "greeted" in f.message], [f.message for f in found]


def test_a_dead_click_carries_the_page_error_it_threw(journey_for: Any, pages: str) -> None:
    j = journey_for()
    j.begin_step('When I press "Show more"', "When")
    j.actor.goto(f"{pages}/broken")
    j.actor.click("Show more")
    j.end_step()
    clicks = [c for s in j.finish().steps for c in s.clicks]
    assert len(clicks) == 1 and clicks[0].answered_ms is None
    assert any("null" in e for e in clicks[0].page_errors), clicks[0].page_errors


def test_a_submit_that_lands_on_a_sign_in_page_without_the_typed_text_is_recorded(journey_for: Any,
                                                                                   pages: str) -> None:
    j = journey_for()
    j.begin_step('When I comment', "When")
    j.actor.goto(f"{pages}/comment")
    j.actor.fill("Comment", "The lift is broken again")
    j.actor.click("Send")
    step = j.end_step()
    bounce = [f for f in step.friction if f.kind == "sent-to-sign-in"]
    assert len(bounce) == 1 and '"Comment"' in bounce[0].detail and "/login-page" in bounce[0].detail
    j.begin_step("When I sign in again", "When")
    j.actor.fill("Username", "kim")
    j.actor.press("Enter")  # from a sign-in page: the typed name was not lost anywhere
    assert not [f for f in j.end_step().friction if f.kind == "sent-to-sign-in"]


@pytest.mark.parametrize("page", ["freeze", "freeze-read"])
def test_a_page_frozen_by_its_own_script_counts_as_the_sites_wait(journey_for: Any, pages: str, settings: Any,
                                                                  page: str) -> None:
    from harness.checks import run_checks

    j = journey_for()
    j.begin_step('When I press "Log in"', "When")
    j.actor.goto(f"{pages}/{page}")
    j.actor.click("Log in")
    step = j.end_step()
    assert max(t.duration_ms for t in step.long_tasks) >= 2500  # the page's own clock: not the machine's speed
    found = run_checks(j.finish(), settings, only=["missing-reassurance"])
    assert any("Log in" in f.message and f.outcome == "failed" for f in found), [f.message for f in found]


def test_the_typo_habit_never_splits_a_password(journey_for: Any, pages: str) -> None:
    j = journey_for(make_persona(habits={"typo": 1.0}))
    j.begin_step("When I sign in", "When")
    j.actor.goto(f"{pages}/sign-in")
    j.actor.fill("Username", value="kim.lee")
    j.actor.fill("Password", data_key="password")
    habits = {a.target: a.habit for a in j.end_step().actions if a.kind == "fill"}
    assert habits == {"Username:": "typo", "Password:": ""}, habits  # whole, in one piece: nothing left to scrub


def test_seeing_a_text_means_a_copy_a_person_sees_not_the_first_in_the_page(journey_for: Any, pages: str,
                                                                             settings: Any) -> None:
    from harness.steps.see import should_not_see, should_see

    j = journey_for()
    j.begin_step('Then I should not see "Error 500"', "Then")
    j.actor.goto(f"{pages}/hidden-copy")
    should_see(j, settings.model_copy(update={"action_timeout_ms": 3000}), "Error 500")
    with pytest.raises(AssertionError, match="did not expect to see"):
        should_not_see(j, "Error 500")
    j.end_step()


def test_the_look_for_a_sign_in_form_after_a_press_rides_on_the_step_end_snapshot(journey_for: Any, pages: str,
                                                                                   monkeypatch: Any) -> None:
    j = journey_for()
    j.begin_step('When I comment', "When")
    j.actor.goto(f"{pages}/comment")
    j.actor.fill("Comment", "The lift is broken again")
    asked: list[str] = []
    evaluate = j.page.evaluate
    monkeypatch.setattr(j.page, "evaluate", lambda *a, **k: asked.append(str(a[0])) or evaluate(*a, **k))
    j.actor.click("Send")
    step = j.end_step()
    assert not asked  # no call of its own: the step's end read the sign-in form's fields
    assert [f.kind for f in step.friction].count("sent-to-sign-in") == 1


def test_acting_again_before_the_step_ends_looks_for_the_sign_in_form_first(journey_for: Any, pages: str) -> None:
    j = journey_for()
    j.begin_step('When I comment and sign in', "When")
    j.actor.goto(f"{pages}/comment")
    j.actor.fill("Comment", "The lift is broken again")
    j.actor.click("Send")
    j.actor.fill("Username", "kim")  # read as the press left the page, before this is typed
    bounce = [f for f in j.end_step().friction if f.kind == "sent-to-sign-in"]
    assert len(bounce) == 1 and '"Comment"' in bounce[0].detail


@pytest.mark.e2e
def test_a_form_is_sent_empty_only_when_it_has_a_box_to_leave_empty_and_nothing_chosen(journey_for: Any,
                                                                                        site: str) -> None:
    """`click_empty` presses only a form a site refuses empty: not a lone button (nothing to leave empty: sent as it
    is, it commits), nor a form where the person ticked a box or chose an option (sent so, it commits that)."""
    j = journey_for()
    j.actor.goto(f"{site}/held-back-forms.html")
    with pytest.raises(ActionFailed, match="no box to leave empty"):
        j.actor.click_empty("Delete my account")
    j.actor.tick("Send me offers")
    with pytest.raises(ActionFailed, match="holds answers.*offers"):
        j.actor.click_empty("Save choices")
    j.page.get_by_label("Send me offers").uncheck()  # as the page gave it
    j.actor.choose("How often", "Weekly")
    with pytest.raises(ActionFailed, match="holds answers.*often"):
        j.actor.click_empty("Save choices")
    assert j.page.evaluate("window.sent || []") == []
    j.actor.choose("How often", "Never")  # as the page gave it: empty again
    j.actor.click_empty("Save choices")
    assert j.page.evaluate("window.sent || []") == ["letters"]
