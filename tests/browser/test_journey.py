"""Journeys end to end: secrets stay hidden, hosts stay in bounds, hangs and crashes stay bounded,
habits fire and are recorded, and a returning persona is remembered across scenarios."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from harness.browser.errors import ActionFailed, BrowserCrashed, PageHung
from harness.transcript import MASK, Transcript
from tests.browser.conftest import PASSWORD, make_persona, mask_colour, take_step
from tests.browser.conftest import pixel as _pixel

from .struggle import signs_of

pytestmark = pytest.mark.e2e


def _centre(page: Any, selector: str) -> tuple[float, float]:
    box = page.locator(selector).bounding_box()
    return box["x"] + box["width"] / 2, box["y"] + box["height"] / 2


def test_password_is_masked_in_screenshot_and_transcript(journey_for: Any, site: str) -> None:
    j = journey_for()
    j.begin_step("Given I sign in", "Given")
    j.actor.goto(f"{site}/sign-in.html")
    j.actor.fill("Password", data_key="password")
    j.actor.fill("Email address", PASSWORD)  # a secret typed where it does not belong is masked too
    step = j.end_step()
    shot = j.reports_dir / step.screenshot
    png = shot.read_bytes()
    for selector in ("#p", "#u"):
        r, g, b, _ = _pixel(j.page, png, *_centre(j.page, selector))
        assert mask_colour([r, g, b]), f"{selector} is not masked in the screenshot"
    assert all(g.value == MASK and g.secret for g in step.given)
    assert {c.id: c.value for c in step.prompts} == {"u": MASK, "p": MASK}
    take_step(j, "When I press Sign in", lambda: j.actor.click("Sign in"))
    path = j.finish().steps and j.transcript_path
    text = path.read_text(encoding="utf-8")
    assert PASSWORD not in text and "Tr0ub4dor%263" not in text and "Tr0ub4dor" not in text
    for png_file in (j.reports_dir / "screenshots").glob("*.jpg"):
        assert PASSWORD.encode() not in png_file.read_bytes()


def test_sign_in_works_and_the_next_journey_starts_from_a_clean_context(browser: Any, journey_for: Any,
                                                                       site: str) -> None:
    persona = make_persona(name="regular", account=True)
    first = journey_for(persona, scenario="first visit")
    first.begin_step("Given I sign in", "Given")
    first.actor.goto(f"{site}/sign-in.html")
    first.actor.sign_in()
    step = first.end_step()
    assert [a.kind for a in step.actions][:2] == ["goto", "sign-in"]
    assert {g.data_key for g in step.given} == {"email", "password"}
    greeting = next(m for m in step.messages if m.text.startswith("Welcome back"))
    assert greeting.kind == "greeting"
    first.finish()
    first.close()
    second = journey_for(persona, scenario="second visit")  # same persona, same browser
    second.begin_step("Given I open my account", "Given")
    second.actor.goto(f"{site}/account.html")
    assert any(m.text == "You are not signed in" for m in second.end_step().messages)


def test_other_hosts_are_blocked_and_recorded(journey_for: Any, site: str) -> None:
    j = journey_for()
    j.begin_step("Given the partners page", "Given")
    j.actor.goto(f"{site}/away.html")
    j.actor.click("Go to partner site")
    step = j.end_step()
    blocked = [f for f in step.friction if f.kind == "blocked-host"]
    assert any("tracker.invalid" in f.detail for f in blocked)  # the page's own image
    assert any("localhost" in f.detail and "document" in f.detail for f in blocked)
    assert "localhost" not in j.page.url
    with pytest.raises(ActionFailed, match="allowed_hosts"):
        j.actor.goto("http://partner.invalid/collect")


HANG_MS = 30_000  # conftest's /hang answers after 30 s: a step that ends before that was cut by the harness
TRAP_MS = 30_000  # hang.html's trap freezes the page this long: far beyond the harness's two 2 s looks, loaded or not


def test_a_hung_site_is_bounded_and_marks_the_step_broken(journey_for: Any, settings: Any, site: str) -> None:
    quick = settings.model_copy(update={"action_timeout_ms": 1500})
    quick._root = settings.root
    j = journey_for(settings_=quick)
    j.begin_step("Given a site that never answers", "Given")
    with pytest.raises(PageHung) as err:
        j.actor.goto(f"{site}/hang")
    step = j.fail_step(err.value)
    assert step.status == "broken" and "did not answer within 1500 ms" in step.error
    assert 1500 <= step.ended_ms - step.started_ms < HANG_MS  # the transcript's own times, not the test's clock
    transcript = j.finish()
    assert Transcript.load(j.transcript_path) == transcript


def _bound(j: Any, ms: float) -> None:
    """From now on the journey's bound is `ms`: as Journey sets it up from its settings, in the settings its actor
    reads, its context's timeouts and the recorder's probes."""
    from harness.browser.bounds import Limits

    quick = j.settings.model_copy(update={"action_timeout_ms": ms})
    quick._root = j.settings.root
    j.settings = quick
    j.context.set_default_timeout(ms)
    j.context.set_default_navigation_timeout(ms)
    j.recorder.limits = Limits.from_settings(quick)


def _on_the_hang_page(journey_for: Any, site: str, step: str) -> Any:
    """A journey that opened hang.html in a step of its own under the suite's usual bound, then began `step` bounded
    at 2 s. Why not 2 s from the start: that bound cut a plain page's opening on a loaded machine (PageHung on the
    goto); only the step under test needs the harness's bound short."""
    j = journey_for()
    take_step(j, "Given a page", lambda: j.actor.goto(f"{site}/hang.html"))
    _bound(j, 2000)
    j.begin_step(step, "When")
    return j


def test_a_frozen_page_is_bounded(journey_for: Any, site: str) -> None:
    # The page freezes 50 ms after the press, while the press's wait naps: the nap is the client's (nap.py), so the
    # harness's own bound still ends the wait, and the freeze is written down (a nap in the page lost that bound).
    j = _on_the_hang_page(journey_for, site, "When it freezes")
    try:
        j.actor.click("Freeze")
        j.actor.wait(0.5)
    except PageHung as exc:
        step = j.fail_step(exc)
    else:
        step = j.end_step()
    assert step.status == "broken" and ("stopped answering" in step.error or "did not answer" in step.error)
    assert step.ended_ms - step.started_ms < HANG_MS  # the page never thaws: only the harness's bound ends the step
    pressed = step.waits[0]
    # waited out the bound: by its own deadline, or by its last look, which the frozen page held past the bound (seen
    # once at load 11 beside the catalogue: the wait ended "waited" after 4.2 s, not timed out; the step still broken)
    assert pressed.kind == "click" and pressed.duration_ms >= 2000, pressed
    assert [s.status for s in j.finish().steps] == ["passed", "broken"]
    j.close()  # returns although the page still spins


def test_a_page_frozen_as_the_wait_looks_at_it_is_bounded(journey_for: Any, site: str) -> None:
    # Typing the note arms the page to freeze when it is next asked for its fields: the fill's wait asks it as its
    # last look (settle.py), which is bounded (probe_timeout_ms, here 2 s): the wait ends after it, the step's end asks
    # again (bounded too) and finds the page frozen, the step is broken and the journey goes on to its end (the page
    # spins on for TRAP_MS).
    j = _on_the_hang_page(journey_for, site, "When I type a note")
    j.actor.fill("Note", "back soon")
    step = j.end_step()
    assert step.status == "broken" and "stopped answering" in step.error, step.error
    typed, wait = step.actions[-1], step.waits[-1]
    assert typed.kind == "fill" and wait.kind == "fill" and typed.at_ms <= wait.started_ms, (typed, wait)
    assert wait.duration_ms >= 2000  # the look waited out its bound: the page did not answer it
    assert step.ended_ms - step.started_ms < TRAP_MS  # bounded by the harness, not by the page thawing
    assert [s.status for s in j.finish().steps] == ["passed", "broken"]
    j.close()  # returns although the page still spins


def test_a_crashed_page_marks_the_step_broken(journey_for: Any, site: str) -> None:
    j = journey_for()
    take_step(j, "Given a page", lambda: j.actor.goto(f"{site}/toast.html"))
    j.begin_step("When the renderer dies", "When")
    try:
        j.page.goto("chrome://crash", timeout=3000)  # kills the renderer, as a real crash would
    except Exception:  # noqa: BLE001 - the navigation dies with the page
        pass
    with pytest.raises(BrowserCrashed):
        j.actor.click("Save draft")
        j.actor.wait(0.5)
    step = j.end_step()
    assert step.status == "broken" and "crash" in step.error
    assert j.finish().steps[0].status == "passed"


def test_a_step_before_the_first_page_asks_the_browser_nothing(journey_for: Any, site: str, settings: Any,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    # a new page is blank: the end of a step that opened nothing ("Given I am ...") reads that, with no call
    from tests.browser.conftest import calls_to_the_driver

    j = journey_for(settings_=settings.model_copy(update={"screenshots": "on-finding"}))
    calls = calls_to_the_driver(monkeypatch)
    j.begin_step("Given I am a tester", "Given")
    blank = j.end_step()
    assert calls == [] and blank.prompts == [] and blank.status == "passed", calls
    j.begin_step("Given the form", "Given")
    j.actor.goto(f"{site}/claim.html")
    assert {c.name for c in j.end_step().prompts} >= {"email", "name"}  # the page opened is asked for its own


def test_habits_fire_and_are_recorded(journey_for: Any, site: str) -> None:
    persona = make_persona(habits={"typo": 1.0, "double_click_submit": 1.0})
    j = journey_for(persona)
    j.begin_step("Given the form", "Given")
    j.actor.goto(f"{site}/claim.html")
    j.actor.fill("Email address", data_key="email")
    j.actor.fill("Full name", data_key="full_name")
    j.actor.fill("Policy number", data_key="reference")
    filled = j.end_step()
    assert all(a.habit == "typo" for a in filled.actions if a.kind == "fill")
    assert {c.id or c.name: c.value for c in filled.prompts}["email"] == j.data["email"]  # corrected
    # the form's answer waits for the second press, as a loaded server's would: the second click lands on the form,
    # not on the next page (order of events, not time: the held answer goes out once a second post arrived)
    j.page.eval_on_selector("form", "f => { f.method = 'post'; f.action = '/held?key=habits&next=/claim-2.html'; }")
    clicked = take_step(j, 'When I press "Continue"', lambda: j.actor.click("Continue"))
    assert clicked.actions[0].habit == "double_click_submit"
    assert any(f.kind == "repeated-submit" for f in signs_of(clicked))


def test_silence_makes_an_impatient_persona_reload(journey_for: Any, site: str) -> None:
    persona = make_persona(patience={"silence_ms": 1000, "give_up_ms": 20000, "on_silence": "reload"})
    j = journey_for(persona)
    j.begin_step("Given the check page", "Given")
    j.actor.goto(f"{site}/slow-submit.html")
    wait = j.actor.click("Submit claim")
    step = j.end_step()
    assert wait.outcome == "reloaded"
    reload = next(a for a in step.actions if a.kind == "reload")
    assert reload.habit == "reload_while_waiting"
    assert any(f.kind == "reload" for f in step.friction)


def test_an_impatient_persona_on_a_loaded_machine_waits_as_long_as_the_site_would_take(
        journey_for: Any, site: str, settings: Any) -> None:
    # the same press and the same 3 s answer, on a machine whose load draws patience out 100 times: the answer comes
    # (or the wait's bound) before the persona's patience runs out, so it does not reload (order, not time)
    persona = make_persona(patience={"silence_ms": 1000, "give_up_ms": 20000, "on_silence": "reload"})
    loaded = settings.model_copy(update={"thresholds": {"patience_stretch": 100.0}})
    loaded._root = settings.root
    j = journey_for(persona, settings_=loaded)
    j.begin_step("Given the check page", "Given")
    j.actor.goto(f"{site}/slow-submit.html")
    wait = j.actor.click("Submit claim")
    step = j.end_step()
    assert wait.outcome != "reloaded" and not [a for a in step.actions if a.kind == "reload"]
    assert wait.stretch == 100.0  # and the wait says so: its timings are the loaded machine's as much as the site's


def test_transcript_file_and_timeline(journey_for: Any, site: str, capsys: Any) -> None:
    from harness.cli.transcript import show

    j = journey_for(scenario="Timeline: with odd/chars?")
    take_step(j, "Given the chat", lambda: j.actor.goto(f"{site}/chat.html"))
    j.finish()
    path = j.transcript_path
    assert path.name == "browser-tests--timeline-with-odd-chars--tester.json"
    show(path, as_json=False)
    out = capsys.readouterr().out
    assert "1. Given the chat" in out and "bot: Hi! I'm the claims assistant" in out
    show(path, as_json=True)
    assert json.loads(capsys.readouterr().out)["scenario"] == "Timeline: with odd/chars?"
    assert Path(j.reports_dir / j.transcript.steps[0].screenshot).is_file()


def test_secrets_in_frames_and_text_are_masked_and_the_paint_leaves_no_trace(journey_for: Any, site: str) -> None:
    """The page script paints the masks: a secret typed into an iframe's field and a secret shown as text
    are covered in the screenshot; afterwards no mask is left and the recorder saw no change on the page."""
    j = journey_for()
    j.begin_step("Given the payment page", "Given")
    j.actor.goto(f"{site}/frames.html")
    j.actor.fill("Card number", PASSWORD)  # a secret typed into a field inside the iframe
    j.page.evaluate("pw => { const p = document.createElement('p'); p.id = 'echo'; p.textContent = pw;"
                    " document.querySelector('main').appendChild(p); }", PASSWORD)
    j.actor.wait_until_settled()
    step = j.end_step()
    png = (j.reports_dir / step.screenshot).read_bytes()
    frame_box = j.page.locator("iframe").bounding_box()
    inner = j.page.frame_locator("iframe").locator("#card").bounding_box()
    assert frame_box and inner
    # the inner box is already in page coordinates (Playwright adds the iframe's offset)
    card = (inner["x"] + inner["width"] / 2, inner["y"] + inner["height"] / 2)
    assert mask_colour(_pixel(j.page, png, *card)), "the iframe's secret field is not masked"
    text = j.page.locator("#echo").evaluate(
        "el => { const r = document.createRange(); r.selectNodeContents(el); const b = r.getBoundingClientRect();"
        " return [b.x + b.width / 2, b.y + b.height / 2]; }")
    assert mask_colour(_pixel(j.page, png, *text)), "the secret text is not masked"
    for frame in j.page.frames:
        assert frame.evaluate("() => document.querySelectorAll('empathy-mask').length") == 0
    changes = len(j.recorder._dom)
    j.begin_step("Then nothing moves", "Then")
    j.end_step()
    for frame in j.page.frames:  # on each page's own clock: its 40 ms report batch is sent before this resolves
        frame.evaluate("() => new Promise(resolve => setTimeout(resolve, 200))")
    assert len(j.recorder._dom) == changes, "painting the masks was recorded as a change on the page"


def test_an_icon_link_named_only_by_its_tooltip_is_the_way_to_sign_out(journey_for: Any, site: str) -> None:
    j = journey_for(scenario="signing out by an icon")
    j.begin_step("When I sign out", "When")
    j.actor.goto(f"{site}/icon-sign-out.html")
    j.actor.sign_out()  # a person sees the icon and its tooltip "Log out"
    j.end_step()
    assert j.page.url.endswith("/account.html")


@pytest.mark.parametrize("page", [
    # the sign-out link kept in the account menu under the person's name, closed until its toggle is pressed
    "menu-sign-out",
    # a responsive page writes its account menu twice, the small screens' copy hidden; each opener is a button with no
    # name (it would hold the person's picture): the menu a person can open is the shown copy's, by its opener, not the
    # hidden copy's neighbour (the site's name, which leads away)
    "nameless-menu-sign-out",
    # an icon font's ligature word ("exit_to_app") written right before "Log Out", no space between the two elements:
    # hidden, the button's text reads "exit_to_appLog Out"; a person sees an icon and "Log Out"
    "icon-word-menu-sign-out",
    # a sidebar collapsed to icons shows no name of the person, and its settings' menu, which holds "Sign out", is not
    # in the page until its opener is pressed: a person opens the menu where signing out lives
    "drawn-menu-sign-out",
])
def test_a_sign_out_kept_in_a_closed_menu_is_reached_by_opening_the_menu(journey_for: Any, site: str,
                                                                         page: str) -> None:
    """A person opens the menu that holds signing out, then presses it: one click to open, then the sign-out."""
    j = journey_for(scenario=f"signing out through {page}")
    j.begin_step("When I sign out", "When")
    j.actor.goto(f"{site}/{page}.html")
    j.actor.sign_out()
    step = j.end_step()
    assert urlsplit(j.page.url).path == "/account.html", j.page.url  # a GET form's button adds an empty query
    assert [a.kind for a in step.actions if a.kind in ("click", "sign-out")] == ["click", "sign-out"]


def test_a_sign_out_the_site_asks_to_confirm_is_confirmed(journey_for: Any, site: str) -> None:
    """"Sign Out" opens a page of its own that asks "Are you sure you want to sign out?" over a form with its own
    "Sign Out" button: the person presses that too, and is signed out only then."""
    j = journey_for(scenario="signing out of a site that asks to confirm")
    j.begin_step("When I sign out", "When")
    j.actor.goto(f"{site}/sign-out-ask.html")
    j.actor.sign_out()
    step = j.end_step()
    assert "/account.html" in j.page.url
    assert [a.kind for a in step.actions if a.kind == "sign-out"] == ["sign-out", "sign-out"]


def test_a_look_waits_for_an_app_still_starting_up(journey_for: Any, settings: Any, site: str) -> None:
    """A single-page app whose own scripts keep its main thread busy for 6 s after the page went quiet (longer than
    the action's timeout, as a loaded machine makes them), then ask for their start-up data, and only then draw the
    sign-in form: the look waits from the end of that work (a long task, a request under way), the frozen time not
    counted against the timeout, as a person waits while the page is still blank, and signs in."""
    patient = settings.model_copy(update={"action_timeout_ms": 4000})
    patient._root = settings.root
    j = journey_for(make_persona(account=True), settings_=patient)
    j.begin_step("Given I am signed in", "Given")
    j.actor.goto(f"{site}/slow-start.html")
    j.page.evaluate("window.startUp()")  # the app's start-up, begun once the page went quiet
    j.actor.sign_in()
    step = j.end_step()
    assert [a.kind for a in step.actions][:2] == ["goto", "sign-in"]
    assert "/account.html" in step.url_after


@pytest.mark.parametrize("shows", ["", "&spinner"])
def test_a_look_waits_for_a_first_form_drawn_late_while_the_page_still_shows_it_is_starting(
        journey_for: Any, settings: Any, site: str, shows: str) -> None:
    """A single-page app draws its sign-in form 6 s (its own clock) after its page went quiet, with no request or long
    task meanwhile; until then the page shows nothing at all, or a header and a spinner. A person waits while the page
    is visibly starting: the look goes on past its brief wait, bounded by the action timeout, and signs in."""
    patient = settings.model_copy(update={"action_timeout_ms": 60000})
    patient._root = settings.root
    j = journey_for(make_persona(account=True), settings_=patient)
    j.begin_step("Given I am signed in", "Given")
    j.actor.goto(f"{site}/late-form.html?after=6000{shows}")
    j.actor.sign_in()
    step = j.end_step()
    assert [a.kind for a in step.actions][:2] == ["goto", "sign-in"]
    assert "/account.html" in step.url_after


def test_a_page_busy_past_one_probe_is_asked_again_not_called_broken(journey_for: Any, settings: Any,
                                                                     site: str) -> None:
    """The page's scripts keep its main thread busy 3 s (its own clock) while the step ends and the probe's bound is
    2 s: the probe asks once more and the page, free again, answers; the journey goes on (a page that never answers
    is still broken: test_a_frozen_page_is_bounded). Only the probe's bound is short: the opening and the asking
    again keep the 8 s action timeout (a 2 s one cut the opening at load 40)."""
    quick = settings.model_copy(update={"thresholds": {"probe_timeout_ms": 2000}})
    quick._root = settings.root
    j = journey_for(settings_=quick)
    j.begin_step("Given a page that starts slowly", "Given")
    j.actor.goto(f"{site}/sign-in.html")
    j.page.evaluate("setTimeout(() => { const end = Date.now() + 3000; while (Date.now() < end) {} }, 0)")
    step = j.end_step()
    assert step.status == "passed" and {c.label for c in step.prompts} >= {"Password"}
    j.begin_step("When I look again", "When")
    assert j.end_step().status == "passed"


def test_a_session_that_cannot_be_kept_still_closes_its_browser_context(journey_for: Any, site: str,
                                                                       monkeypatch: Any) -> None:
    import harness.browser.kept_sign_in as kept_sign_in

    def broken_keep(journey: Any) -> None:
        raise OSError("the store is gone")

    monkeypatch.setattr(kept_sign_in, "keep", broken_keep)
    j = journey_for()
    j.begin_step("Given a page", "Given")
    j.actor.goto(f"{site}/toast.html")
    j.end_step()
    with pytest.raises(OSError):
        j.close()
    assert j.page.is_closed()


def test_a_look_at_a_page_moving_on_meanwhile_is_no_broken_step(journey_for: Any, settings: Any, site: str,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """The look asks the page whether it is still visibly starting; a page navigating meanwhile (a redirect on load, a
    page that moves on every 100 ms) destroys the context the question ran in. Before, Playwright's raw error ended
    the step; the page moving on is a page still starting: the look goes on, and a control not there is the step's
    error."""
    from playwright.sync_api import Error

    quick = settings.model_copy(update={"action_timeout_ms": 3000})
    quick._root = settings.root
    j = journey_for(settings_=quick)
    j.actor.goto(f"{site}/form-errors.html")
    ask = j.page.evaluate

    def moved_on(script: str, *args: Any) -> Any:
        if "starting()" in script:
            raise Error("Execution context was destroyed, most likely because of a navigation")
        return ask(script, *args)

    monkeypatch.setattr(j.page, "evaluate", moved_on)
    with pytest.raises(ActionFailed, match='no button or link "Nothing here"'):
        j.actor.click("Nothing here")
