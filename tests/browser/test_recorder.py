"""The recorder in a real Chromium on our own pages: what a transcript shows, from the transcript alone."""

from __future__ import annotations

import json
from typing import Any

import pytest

from harness.checks.clicks import is_dead
from tests.browser.conftest import make_persona, take_step, until_recorded

from .struggle import signs_of

pytestmark = pytest.mark.e2e


def _only(items: list[Any], **match: Any) -> Any:
    found = [i for i in items if all(getattr(i, k) == v for k, v in match.items())]
    assert len(found) == 1, f"expected one {match} in {items}"
    return found[0]


def test_a_toast_is_caught_with_its_lifetime(journey_for: Any, site: str) -> None:
    j = journey_for()
    take_step(j, "Given I am on the draft page", lambda: j.actor.goto(f"{site}/toast.html"))
    j.begin_step('When I press "Save draft"', "When")
    j.actor.click("Save draft")
    until_recorded(j, lambda m: m.text == "Draft saved" and m.disappeared_ms is not None, "the toast's going")
    step = j.end_step()
    toast = _only(step.messages, text="Draft saved")
    assert toast.kind == "toast"
    assert toast.disappeared_ms is not None
    assert 1700 <= toast.disappeared_ms - toast.appeared_ms  # its 2 s timer (a loaded machine only runs it later)
    assert toast.disappeared_ms <= step.ended_ms


def test_live_region_status_during_a_slow_fetch(journey_for: Any, site: str) -> None:
    j = journey_for()
    j.begin_step("Given I check my claim", "Given")
    j.actor.goto(f"{site}/status.html")
    wait = j.actor.click("Check status")
    step = j.end_step()
    # the status is drawn in the task that starts the 2 s fetch: it came at least 2 s before the answer, however
    # late a loaded machine ran the click
    assert wait.busy_kind == "status" and wait.busy_signal_ms is not None
    assert wait.busy_signal_ms + 1900 <= wait.duration_ms
    assert any("Still processing" in t for t in wait.status_texts)
    assert wait.progress  # "about 30 seconds" is a time estimate
    assert wait.duration_ms >= 1900 and not wait.timed_out
    status = _only(step.messages, kind="status")
    assert status.role == "status" and status.live == "polite"
    assert status.disappeared_ms is not None  # cleared when the fetch came back


def test_slow_submit_with_no_busy_signal(journey_for: Any, site: str) -> None:
    j = journey_for()
    j.begin_step("Given I am on the check page", "Given")
    j.actor.goto(f"{site}/slow-submit.html")
    wait = j.actor.click("Submit claim")
    step = j.end_step()
    assert wait.busy_signal_ms is None and wait.busy_kind == ""
    assert wait.navigated
    assert wait.responded_ms is not None and wait.responded_ms >= 2800
    assert wait.duration_ms >= 3000
    assert j.page.url.endswith("/done.html")
    # the silence is missing-reassurance's; the press itself was answered: the browser went on to the next page
    [press] = step.clicks
    assert press.submit and press.answered_ms is not None and not is_dead(press, 2000.0)


def test_field_cleared_after_going_back(journey_for: Any, site: str) -> None:
    j = journey_for(make_persona(data={"patterns": {"policy_number": "POL-########"}}))  # the page's own detail
    take_step(j, "Given I start a claim", lambda: j.actor.goto(f"{site}/claim.html"))
    j.begin_step("When I fill in my details", "When")
    assert j.actor.fill_form() == ["Nickname (optional)"]
    filled = j.end_step()
    email_given = _only(filled.given, data_key="email")
    assert (email_given.autocomplete, email_given.type, email_given.id) == ("email", "email", "email")
    assert _only(filled.prompts, id="email").value == email_given.value
    step3 = take_step(j, 'And I press "Continue"', lambda: j.actor.click("Continue"))
    again = _only(step3.prompts, name="contact-email")
    assert again.autocomplete == "email" and again.label == "Email"  # asked again, same token
    back = take_step(j, "And I go back", j.actor.back)
    email = _only(back.prompts, id="email")
    assert email.initial_value == "" and not email.prefilled  # the page forgot what was typed
    assert any(f.kind == "back" for f in back.friction)
    assert [g.value for g in j.memory if g.data_key == "email"] == [email_given.value]


def test_prefilled_is_honest(journey_for: Any, site: str) -> None:
    j = journey_for()
    j.begin_step("Given a form", "Given")
    j.actor.goto(f"{site}/claim.html")
    j.actor.fill("Email address", "typed@example.com")
    step = j.end_step()
    email = _only(step.prompts, id="email")
    assert email.value == "typed@example.com"
    assert email.initial_value == "" and not email.prefilled  # typed by the persona, not pre-filled


RAGE = """([x, y, offsets]) => { for (const dx of offsets) {
  document.elementFromPoint(x + dx, y).dispatchEvent(new MouseEvent("click",
    {bubbles: true, cancelable: true, view: window, clientX: x + dx, clientY: y}));
} }"""


def test_dead_click_and_rage_click(journey_for: Any, site: str) -> None:
    j = journey_for()
    take_step(j, "Given the draft page", lambda: j.actor.goto(f"{site}/toast.html"))
    j.begin_step('When I press "Apply discount"', "When")
    wait = j.actor.click("Apply discount")
    dead = j.end_step()
    assert wait.responded_ms is None
    assert [f.kind for f in signs_of(dead)] == ["dead-click"]
    live = take_step(j, 'When I press "Save draft"', lambda: j.actor.click("Save draft"))
    assert not [f for f in signs_of(live) if f.kind == "dead-click"]
    j.begin_step("When I click the discount button again and again", "When")
    box = j.page.get_by_role("button", name="Apply discount").bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    j.page.evaluate(RAGE, [x, y, [0, 4, 8, 2]])  # one page task: the clicks' spacing cannot stretch under load
    j.actor.wait(2.2)
    rage = j.end_step()
    assert len([f for f in signs_of(rage) if f.kind == "rage-click"]) == 1


def test_same_origin_iframe(journey_for: Any, site: str) -> None:
    j = journey_for()
    j.begin_step("Given the payment page", "Given")
    j.actor.goto(f"{site}/frames.html")
    j.actor.fill("Card number", data_key="card_number")
    j.actor.click("Pay now")
    step = j.end_step()
    card = _only(step.prompts, label="Card number")
    assert card.autocomplete == "cc-number" and card.frame.endswith("/frame-inner.html")
    declined = _only(step.messages, role="alert")
    assert declined.kind == "alert" and "declined" in declined.text
    assert declined.url.endswith("/frame-inner.html")


def test_chat_speakers_questions_and_handoff(journey_for: Any, site: str) -> None:
    j = journey_for()
    opening = take_step(j, "Given the chat", lambda: j.actor.goto(f"{site}/chat.html"))
    bot = _only(opening.messages, kind="chat")
    assert bot.speaker == "bot" and bot.question
    j.begin_step("When I give my policy number", "When")
    wait = j.actor.chat(data_key="reference")
    said = j.end_step()
    given = _only(said.given, channel="chat")
    assert given.field == bot.text and given.data_key == "reference"
    assert _only(said.messages, speaker="user").text == given.value
    follow = _only(said.messages, speaker="bot")
    assert follow.question and "email" in follow.text
    assert not wait.timed_out
    j.begin_step("When I ask for a person", "When")
    j.actor.ask_for_human()
    until_recorded(j, lambda m: m.speaker == "agent", "the agent's line")
    human = j.end_step()
    assert _only(human.messages, kind="handoff").text.startswith("Connecting you")
    agent = _only(human.messages, speaker="agent")
    assert agent.question and agent.kind == "chat"
    assert human.actions[0].kind == "help"


def test_rows_side_panels_chat_regions_and_downloads(journey_for: Any, site: str) -> None:
    """A history table row, a help panel outside <main>, a chat line's live region, a download as an answer."""
    j = journey_for()
    step = take_step(j, "Given my account page", lambda: j.actor.goto(f"{site}/history.html"))
    texts = [m.text for m in step.messages]
    assert any("CLM-77821" in t and "Being assessed" in t for t in texts), texts
    assert any("0800 123 4567" in t for t in texts), texts
    line = _only(step.messages, kind="chat")
    assert (line.role, line.live) == ("log", "polite")
    j.begin_step('When I press "Download a summary"', "When")
    wait = j.actor.click("Download a summary")
    j.actor.wait(2.5)
    download = j.end_step()
    assert not [f for f in signs_of(download) if f.kind == "dead-click"]
    assert wait.responded_ms is not None  # the download is the page's answer


def test_a_toast_expiring_on_its_timer_is_not_an_answer_to_a_click(journey_for: Any, site: str, settings: Any) -> None:
    """The "Draft saved" toast goes on its own timer; a dead button clicked while it shows is still dead, and its wait
    saw no answer (the toast's own timer is not the page responding). The page holds the toast until 0.5 s after the
    press by its own clock, so however late a loaded machine dispatches the click (0.8 s once, at load 40), the expiry
    is never inside the recorder's 300 ms "caused by the input" window; the click's watch is long enough that a slow
    page still ends the toast inside the wait that could have taken it for an answer."""
    watch = settings.model_copy(update={"thresholds": {"click_watch_ms": 5000}})
    j = journey_for(settings_=watch)
    j.begin_step("Given my draft", "Given")
    j.actor.goto(f"{site}/toast.html?held")
    j.actor.click("Save draft")
    wait = j.actor.click("Apply discount")
    step = j.end_step()
    pressed, gone = j.page.evaluate("window.__toastGone")
    assert gone - pressed >= 500  # the page's order: the press, then the expiry half a second later
    assert wait.responded_ms is None, f"the toast's expiry counted as an answer at {wait.responded_ms} ms"
    toast = _only(step.messages, text="Draft saved")
    assert toast.disappeared_ms is not None and toast.disappeared_ms <= wait.started_ms + wait.duration_ms
    friction = signs_of(j.finish().steps[-1])  # the step's own clicks, and those the final drain added
    assert [f.selector for f in friction if f.kind == "dead-click"] == ["#nothing"]


def test_look_up_boxes_focus_and_landmark_links_are_recorded(journey_for: Any, site: str) -> None:
    j = journey_for()
    step = take_step(j, "Given I open the booking page", lambda: j.actor.goto(f"{site}/lookup.html"))
    assert _only(step.prompts, name="q").query and _only(step.prompts, name="ref").query  # search, GET form
    email = _only(step.prompts, name="email")
    assert not email.query and email.focused  # a form that sends; autofocus put the cursor there
    assert not _only(step.prompts, name="q").focused
    assert {"Home", "Contact", "Help centre"} <= set(step.links)


def test_filling_in_the_form_fills_the_main_form_not_a_sidebar_sign_in(journey_for: Any, site: str) -> None:
    # a sign-in box in the page's navigation is another form: "fill in the form" means the one in <main>
    j = journey_for()
    take_step(j, "Given I open the register page", lambda: j.actor.goto(f"{site}/register-sidebar.html"))
    filled = take_step(j, "When I fill in the form", j.actor.fill_form)
    assert {g.name for g in filled.given} == {"realname", "address"}
    assert [c.value for c in filled.prompts if c.form == "#signin"] == ["", ""]


def test_a_controls_landmark_is_recorded(journey_for: Any, site: str) -> None:
    # the navigation's sign-in box and the aside's one-field form are the site's furniture, not the page's question
    j = journey_for()
    step = take_step(j, "Given I open the register page", lambda: j.actor.goto(f"{site}/register-sidebar.html"))
    assert {c.name: c.landmark for c in step.prompts} == {
        "username": "navigation", "password": "navigation", "realname": "main", "address": "main",
        "participant": "complementary"}


def test_a_forms_own_help_links_are_recorded_with_the_landmark_links(journey_for: Any, site: str) -> None:
    # a sign-in form keeps its way out under its button, in no header, footer or navigation: the help a person
    # finds after a wrong password (missing-reassurance reads it as self-help)
    j = journey_for()
    step = take_step(j, "Given I open the sign-in page", lambda: j.actor.goto(f"{site}/sign-in-help.html"))
    assert {"Forgot your password?", "Help with logging in", "Privacy policy"} <= set(step.links)
    # links in a block beside the form, not inside it; not the links of another part of the page
    beside = take_step(j, "Given I open another sign-in page", lambda: j.actor.goto(f"{site}/sign-in-beside.html"))
    assert {"I don't know my password", "Create an account", "Riverside Club"} <= set(beside.links)
    assert "Water rota" not in beside.links


def test_a_person_who_skips_optional_fields_still_sets_a_password_the_form_did_not_mark_required(
        journey_for: Any, site: str) -> None:
    # an admin's "Add user" may let the password be left out (an account with none), so it marks neither box
    # required: a person setting one types it; only a box whose label says optional is one to leave
    j = journey_for(make_persona(habits={"skip_optional": 1.0}))
    j.begin_step("When I fill in the form", "When")
    j.actor.goto(f"{site}/add-person.html")
    j.actor.fill_form()
    given = {g.field for g in j.end_step().given}
    assert {"Password", "Password confirmation"} <= given and "Email address" not in given, given


def test_a_look_at_a_new_page_is_one_evaluation(journey_for: Any, site: str, settings: Any,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    # A wait's last look and a step's snapshot ask the page in one evaluation bounded by the driver: a
    # wait_for_function's first call on each new document built Playwright's own script in the page's world (the look
    # after a press that opened a page paid it, a fill's look did not), and a page nothing else is asked of (a
    # confirmation) never needs it. The frozen page's bound: test_journey's page frozen as the wait looks at it.
    from tests.browser.conftest import calls_to_the_driver

    j = journey_for(settings_=settings.model_copy(update={"screenshots": "every-step"}))
    calls = calls_to_the_driver(monkeypatch)
    j.begin_step("Given the form", "Given")
    j.actor.goto(f"{site}/claim.html")
    step = j.end_step()  # every-step: the snapshot paints the masks, the picture is taken, the masks come off
    assert {c.name for c in step.prompts} >= {"email", "name"} and step.screenshot is not None
    assert "waitForFunction" not in calls and calls.count("evaluateExpression") >= 2, calls


def test_a_playwright_of_another_shape_is_looked_at_as_before(journey_for: Any, site: str,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    # the one evaluation goes through the client's private channel: a client whose channel takes other arguments asks
    # by wait_for_function from then on, and the page's controls are read all the same
    from playwright._impl.protocol_channels import FrameChannel

    from harness.browser import controls
    from tests.browser.conftest import calls_to_the_driver

    monkeypatch.setattr(FrameChannel, "evaluateExpression", lambda self, expression: None)
    monkeypatch.setattr(controls._Asking, "evaluates", True)
    j = journey_for()
    calls = calls_to_the_driver(monkeypatch)
    j.begin_step("Given the form", "Given")
    j.actor.goto(f"{site}/claim.html")
    assert {c.name for c in j.end_step().prompts} >= {"email", "name"}
    assert "waitForFunction" in calls and not controls._Asking.evaluates, calls


def test_what_a_press_sets_going_rides_in_one_report_as_one_string(journey_for: Any, site: str,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    # The press, the form it sent and the page being left end no wait: they ride together to the harness (with what
    # comes next, the next look, or as the page goes), one binding call, not one for the submit and one for the
    # leaving; the call carries one JSON string, which Playwright passes through instead of walking every field.
    from harness.browser.recorder import Recorder

    payloads: list[Any] = []
    report = Recorder._on_report

    def heard(self: Recorder, source: Any, payload: Any) -> None:
        if isinstance(payload, str) or payload.get("type") == "batch":  # a binding call (not an event of its batch)
            payloads.append(payload)
        report(self, source, payload)

    monkeypatch.setattr(Recorder, "_on_report", heard)
    j = journey_for()
    take_step(j, "Given the form", lambda: j.actor.goto(f"{site}/go-on.html"))
    j.page.get_by_role("button", name="Send").click()
    j.page.wait_for_url("**/done.html*")
    take_step(j, "Then the next page", j.actor.wait_until_settled)
    kinds = [{e["type"] for e in (json.loads(p) if isinstance(p, str) else p)["events"]} for p in payloads]
    assert [k for k in kinds if "submit" in k] == [k for k in kinds if "leaving" in k], kinds
    assert all(isinstance(p, str) for p in payloads), payloads


def test_a_box_the_browser_holds_to_an_e_mail_address_gets_the_persona_s_e_mail_whatever_its_autocomplete(
        journey_for: Any, site: str) -> None:
    # a sign-in half whose box is type=email but autocomplete="username" (the account's name is its address): the
    # persona's username there met the browser's own "Please include an '@'" and the form was never sent
    j = journey_for()
    j.begin_step("When I fill in the form", "When")
    j.actor.goto(f"{site}/email-username.html")
    j.actor.fill_form()
    keys = {g.field: g.data_key for g in j.end_step().given}
    assert keys["Email address"] == "email" and keys["Your name"] == "full_name", keys
