"""The portal's JavaScript in a real headless Chromium: busy status, toast, chat hand-off, timeout, dead button.

Time is the page's own: notes taken in the page, `page.clock` paused and moved by the test, and the
portal's server clock (`FakeClock`) for agent arrival and session expiry; no window on the test's clock.
"""

from __future__ import annotations

import time
from typing import Any

import pytest

from harness.demo.server import DemoServer

from .journeys import STEP1, STEP2, FakeClock

pytestmark = pytest.mark.e2e

PAGE_EPOCH_S = 1_767_225_600  # the page's fake clock starts here (2026-01-01), paused


@pytest.fixture
def page(browser):  # type: ignore[no-untyped-def]
    """A clean context of the worker's one Chromium (tests/conftest.py), found as the harness finds it."""
    context = browser.new_context(accept_downloads=True)
    context.set_default_timeout(10_000)
    opened = context.new_page()
    yield opened
    context.close()


def fill_step1(page, url: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(url + "/claims/new")
    page.get_by_label("Policy number").fill(STEP1["policy_number"])
    page.get_by_label("Your full name").fill(STEP1["full_name"])
    page.get_by_label("Email address").fill(STEP1["email"])
    page.get_by_label("Date of the incident").fill(STEP1["incident_date"])
    page.get_by_label("Type of incident").select_option(STEP1["incident_type"])
    page.get_by_role("button", name="Continue").click()
    page.wait_for_url("**/claims/new/2")


WATCH = """
const note = (entry) => {
  try {
    const all = JSON.parse(sessionStorage.getItem('__watched') || '[]');
    all.push({at: Date.now(), path: location.pathname, ...entry});
    sessionStorage.setItem('__watched', JSON.stringify(all));
  } catch (e) {}  /* about:blank has no storage */
};
document.addEventListener('click', () => note({click: true}), true);
new MutationObserver(() => {
  const text = [...document.querySelectorAll('[role=status],[aria-live]')]
    .map(e => e.textContent.trim()).filter(Boolean).join(' | ');
  const busy = document.querySelectorAll('[aria-busy=true]').length;
  if (text !== window.__lastStatus || busy !== window.__lastBusy) {
    window.__lastStatus = text; window.__lastBusy = busy; note({text, busy});
  }
}).observe(document, {subtree: true, childList: true, characterData: true, attributes: true});
"""


def watch(page) -> None:  # type: ignore[no-untyped-def]
    """Note clicks, live-region text and aria-busy changes in the page, with the page's own times.

    Why in the page: a time taken by the test process stretches on a loaded machine; the click and the
    status it sets happen in one page task, and the notes survive the navigation (sessionStorage).
    """
    page.add_init_script(WATCH)


def watched(page) -> list[dict[str, Any]]:  # type: ignore[no-untyped-def]
    return list(page.evaluate("JSON.parse(sessionStorage.getItem('__watched') || '[]')"))


def submit_click(notes: list[dict[str, Any]]) -> float:
    """The page time of the last click on step 3 (the submit)."""
    return max(n["at"] for n in notes if n.get("click") and n["path"].endswith("/3"))


def to_step3(page, url: str) -> None:  # type: ignore[no-untyped-def]
    fill_step1(page, url)
    page.get_by_label("Tell us what happened").fill(STEP2["description"])
    page.get_by_label("Where did it happen?").fill(STEP2["location"])
    page.get_by_role("button", name="Continue").click()
    page.wait_for_url("**/claims/new/3")
    if page.get_by_label("Email address").input_value() == "":
        page.get_by_label("Email address").fill(STEP1["email"])
    page.get_by_label("Phone number").fill("07700 900982")
    page.get_by_label("Morning (8am to 12pm)").check()


def test_warm_submit_shows_an_announced_status_with_a_time(page) -> None:  # type: ignore[no-untyped-def]
    watch(page)
    with DemoServer("warm", submit_delay=1.5) as server:
        to_step3(page, server.url)
        clicked = time.monotonic()
        page.get_by_role("button", name="Submit claim").click(no_wait_after=True)
        page.wait_for_url("**/claims/confirmation")
        assert time.monotonic() - clicked >= 1.5  # a lower bound: a loaded machine only makes it longer
        assert page.locator("#claim-reference").inner_text().startswith("HM-")
        assert len(server.app.extensions["demo_portal"].records.claims) == 1
        notes = watched(page)
    sending = [n for n in notes if "Sending your claim. This usually takes about 2 seconds" in n.get("text", "")]
    assert sending and sending[0]["busy"] == 1  # announced and aria-busy together
    assert sending[0]["at"] - submit_click(notes) < 1000  # on the page's clock


def test_silent_submit_gives_no_signal_while_waiting(page) -> None:  # type: ignore[no-untyped-def]
    watch(page)
    with DemoServer("warm", {"silent-submit"}, submit_delay=1.5) as server:
        to_step3(page, server.url)
        clicked = time.monotonic()
        page.get_by_role("button", name="Submit claim").click(no_wait_after=True)
        page.wait_for_url("**/claims/confirmation")
        assert time.monotonic() - clicked >= 1.5
        notes = watched(page)
    during = [n for n in notes if n["path"].endswith("/3") and "text" in n and n["at"] >= submit_click(notes)]
    assert all("Draft saved" in n["text"] or not n["text"] for n in during) and not any(n["busy"] for n in during)


def pause_clock(page) -> None:  # type: ignore[no-untyped-def]
    """The page's timers run only when the test moves its clock (`page.clock.run_for`), however loaded the machine."""
    page.clock.install(time=PAGE_EPOCH_S)
    page.clock.pause_at(PAGE_EPOCH_S + 1)


def test_draft_saved_toast_appears_then_goes(page) -> None:  # type: ignore[no-untyped-def]
    pause_clock(page)
    with DemoServer("cold", submit_delay=0) as server:
        fill_step1(page, server.url)
        toast = page.locator("#toast-region .toast")
        assert toast.count() == 0
        page.clock.run_for(1000)
        assert toast.count() == 1 and toast.inner_text().startswith("Draft saved")  # shown within 1 s
        page.clock.run_for(800)
        assert toast.count() == 1  # still there at 1.8 s
        page.clock.run_for(1700)
        assert toast.count() == 0  # gone by 3.5 s


def test_chat_hands_over_to_an_agent_who_knows_the_story(page, clock: FakeClock) -> None:  # type: ignore[no-untyped-def]
    with DemoServer("warm", agent_delay=1.0, clock=clock) as server:  # the agent arrives when the test moves the clock
        page.goto(server.url + "/chat")
        log = page.get_by_role("log")
        log.locator("[data-speaker=bot]").nth(1).wait_for()
        for said in ("Ana Lopez", "HM-1234567", "My windscreen cracked on the M6"):
            page.get_by_label("Your message").fill(said)
            page.get_by_role("button", name="Send").click()
            log.locator("[data-speaker=user]", has_text=said).wait_for()
        page.get_by_role("status").filter(has_text="Connecting you to an adviser").wait_for()
        clock.advance(1.5)
        agent = log.locator("[data-speaker=agent]")
        agent.nth(1).wait_for()
        assert "Hi Ana" in agent.nth(0).inner_text()
        assert "HM-1234567" in agent.nth(1).inner_text() and "windscreen" in agent.nth(1).inner_text()
        assert page.locator("#chat-status .status__text").inner_text() == ""


def test_visual_only_chat_status_is_not_a_live_region(page, clock: FakeClock) -> None:  # type: ignore[no-untyped-def]
    with DemoServer("warm", {"visual-only-status"}, agent_delay=1.0, clock=clock) as server:  # no agent comes
        page.goto(server.url + "/chat")
        page.get_by_role("button", name="Talk to a person").click()
        visual = page.locator(".loading-indicator", has_text="Connecting you to an adviser")
        visual.wait_for()
        assert visual.is_visible() and page.get_by_role("status").filter(has_text="Connecting").count() == 0


def test_back_button_keeps_step1_on_warm_and_clears_it_with_the_defect(page) -> None:  # type: ignore[no-untyped-def]
    for defects, expected in ((None, "Ana Lopez"), ({"back-clears-step1"}, "")):
        with DemoServer("warm", defects, submit_delay=0) as server:
            fill_step1(page, server.url)
            page.go_back()
            page.wait_for_url("**/claims/new")
            assert page.get_by_label("Your full name").input_value() == expected, defects


def test_warm_timeout_warns_and_can_be_extended(page, clock: FakeClock) -> None:  # type: ignore[no-untyped-def]
    pause_clock(page)
    with DemoServer("warm", session_timeout=2.0, clock=clock) as server:
        fill_step1(page, server.url)
        dialog = page.get_by_role("alertdialog")
        assert dialog.count() == 0
        page.clock.run_for(1000)  # the warning comes warn_before (1 s) ahead of the 2 s timeout
        assert dialog.is_visible() and "Your answers are saved" in dialog.inner_text()
        page.get_by_role("button", name="Stay signed in").click()
        dialog.wait_for(state="hidden")
        page.locator(".toast", has_text="You have more time").wait_for()


def test_cold_timeout_gives_no_warning_and_loses_the_form(page, clock: FakeClock) -> None:  # type: ignore[no-untyped-def]
    pause_clock(page)
    with DemoServer("cold", session_timeout=1.0, submit_delay=0, clock=clock) as server:
        fill_step1(page, server.url)
        page.get_by_label("Tell us what happened").fill("Water through the ceiling")
        page.get_by_label("Where did it happen?").fill("Hull")
        page.clock.run_for(1400)
        clock.advance(1.4)  # the page and the server both pass the 1 s timeout
        assert page.get_by_role("alertdialog").count() == 0
        page.get_by_role("button", name="Continue").click()
        page.wait_for_url("**/claims/new")
        assert page.get_by_role("alert").inner_text() == "Session expired."
        assert page.get_by_label("Your full name").input_value() == ""


STILLNESS = """() => {
  window.__changes = 0; window.__leaving = false;
  new MutationObserver(records => { window.__changes += records.length; })
    .observe(document, {subtree: true, childList: true, characterData: true, attributes: true});
  window.addEventListener('beforeunload', () => { window.__leaving = true; });
}"""


def test_dead_button_does_nothing_and_warm_link_downloads(page) -> None:  # type: ignore[no-untyped-def]
    pause_clock(page)
    with DemoServer("cold", submit_delay=0) as server:
        to_step3(page, server.url)
        page.get_by_role("button", name="Submit claim").click()
        page.wait_for_url("**/claims/confirmation")
        page.evaluate(STILLNESS)
        page.get_by_role("button", name="Download summary").click()
        page.clock.run_for(60_000)  # anything the click set off on a timer has happened by now
        assert page.evaluate("[window.__changes, window.__leaving]") == [0, False]
        assert page.url.endswith("/claims/confirmation")
    with DemoServer("warm", submit_delay=0) as server:
        to_step3(page, server.url)
        page.get_by_role("button", name="Submit claim").click()
        page.wait_for_url("**/claims/confirmation")
        with page.expect_download() as download:
            page.get_by_role("link", name="Download a summary of your claim").click()
        assert download.value.suggested_filename.startswith("claim-HM-")
