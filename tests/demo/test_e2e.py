"""The portal's JavaScript in a real headless Chromium: busy status, toast, chat hand-off, timeout, dead button."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator

import pytest

from harness.demo.server import DemoServer

from .journeys import STEP1, STEP2

pytestmark = pytest.mark.e2e

CHROMIUM = os.environ.get("EMPATHY_BROWSER_PATH", "/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic"]


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    sync_api = pytest.importorskip("playwright.sync_api")
    if not os.path.exists(CHROMIUM):
        pytest.skip(f"no Chromium at {CHROMIUM} (set EMPATHY_BROWSER_PATH)")
    with sync_api.sync_playwright() as pw:
        launched = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield launched
        launched.close()


@pytest.fixture
def page(browser):  # type: ignore[no-untyped-def]
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


OBSERVE_STATUS = """
new MutationObserver(() => {
  const text = [...document.querySelectorAll('[role=status],[aria-live]')]
    .map(e => e.textContent.trim()).filter(Boolean).join(' | ');
  const busy = document.querySelectorAll('[aria-busy=true]').length;
  if (text !== window.__lastStatus || busy !== window.__lastBusy) {
    window.__lastStatus = text; window.__lastBusy = busy; window.__reportStatus(text, busy);
  }
}).observe(document, {subtree: true, childList: true, characterData: true, attributes: true});
"""


def watch_status(page) -> list[tuple[float, str, int]]:  # type: ignore[no-untyped-def]
    """Live-region text and aria-busy changes, pushed from the page (evaluate blocks during a pending POST)."""
    seen: list[tuple[float, str, int]] = []
    page.expose_function("__reportStatus", lambda text, busy: seen.append((time.monotonic(), text, busy)))
    page.add_init_script(OBSERVE_STATUS)
    return seen


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
    seen = watch_status(page)
    with DemoServer("warm", submit_delay=1.5) as server:
        to_step3(page, server.url)
        clicked = time.monotonic()
        page.get_by_role("button", name="Submit claim").click(no_wait_after=True)
        page.wait_for_url("**/claims/confirmation")
        landed = time.monotonic()
        assert page.locator("#claim-reference").inner_text().startswith("HM-")
        assert len(server.app.extensions["demo_portal"].records.claims) == 1
    sending = [(t, busy) for t, text, busy in seen if "Sending your claim. This usually takes about 2 seconds" in text]
    assert sending and sending[0][1] == 1  # announced and aria-busy together
    assert sending[0][0] - clicked < 1.0 and landed - clicked >= 1.5


def test_silent_submit_gives_no_signal_while_waiting(page) -> None:  # type: ignore[no-untyped-def]
    seen = watch_status(page)
    with DemoServer("warm", {"silent-submit"}, submit_delay=1.5) as server:
        to_step3(page, server.url)
        clicked = time.monotonic()
        page.get_by_role("button", name="Submit claim").click(no_wait_after=True)
        page.wait_for_url("**/claims/confirmation")
        landed = time.monotonic()
    during = [(text, busy) for t, text, busy in seen if clicked <= t < landed]
    assert landed - clicked >= 1.5
    assert all("Draft saved" in text or not text for text, _ in during) and not any(busy for _, busy in during)


def test_draft_saved_toast_appears_then_goes(page) -> None:  # type: ignore[no-untyped-def]
    with DemoServer("cold", submit_delay=0) as server:
        fill_step1(page, server.url)
        arrived = time.monotonic()
        toast = page.locator("#toast-region .toast")
        toast.wait_for(state="attached", timeout=2000)
        shown = time.monotonic() - arrived
        assert toast.inner_text().startswith("Draft saved")
        toast.wait_for(state="detached", timeout=4000)
        gone = time.monotonic() - arrived
        assert shown < 1.0 and 1.8 < gone < 3.5


def test_chat_hands_over_to_an_agent_who_knows_the_story(page) -> None:  # type: ignore[no-untyped-def]
    with DemoServer("warm", agent_delay=1.0) as server:
        page.goto(server.url + "/chat")
        log = page.get_by_role("log")
        log.locator("[data-speaker=bot]").nth(1).wait_for()
        for said in ("Ana Lopez", "HM-1234567", "My windscreen cracked on the M6"):
            page.get_by_label("Your message").fill(said)
            page.get_by_role("button", name="Send").click()
            log.locator("[data-speaker=user]", has_text=said).wait_for()
        page.get_by_role("status").filter(has_text="Connecting you to an adviser").wait_for(timeout=1000)
        agent = log.locator("[data-speaker=agent]")
        agent.nth(1).wait_for(timeout=5000)
        assert "Hi Ana" in agent.nth(0).inner_text()
        assert "HM-1234567" in agent.nth(1).inner_text() and "windscreen" in agent.nth(1).inner_text()
        assert page.locator("#chat-status .status__text").inner_text() == ""


def test_visual_only_chat_status_is_not_a_live_region(page) -> None:  # type: ignore[no-untyped-def]
    with DemoServer("warm", {"visual-only-status"}, agent_delay=1.0) as server:
        page.goto(server.url + "/chat")
        page.get_by_role("button", name="Talk to a person").click()
        visual = page.locator(".loading-indicator", has_text="Connecting you to an adviser")
        visual.wait_for(timeout=2000)
        assert visual.is_visible() and page.get_by_role("status").filter(has_text="Connecting").count() == 0


def test_back_button_keeps_step1_on_warm_and_clears_it_with_the_defect(page) -> None:  # type: ignore[no-untyped-def]
    for defects, expected in ((None, "Ana Lopez"), ({"back-clears-step1"}, "")):
        with DemoServer("warm", defects, submit_delay=0) as server:
            fill_step1(page, server.url)
            page.go_back()
            page.wait_for_url("**/claims/new")
            assert page.get_by_label("Your full name").input_value() == expected, defects


def test_warm_timeout_warns_and_can_be_extended(page) -> None:  # type: ignore[no-untyped-def]
    with DemoServer("warm", session_timeout=2.0) as server:
        fill_step1(page, server.url)
        dialog = page.get_by_role("alertdialog")
        dialog.wait_for(timeout=3000)
        assert "Your answers are saved" in dialog.inner_text()
        page.get_by_role("button", name="Stay signed in").click()
        dialog.wait_for(state="hidden")
        page.locator(".toast", has_text="You have more time").wait_for(timeout=2000)


def test_cold_timeout_gives_no_warning_and_loses_the_form(page) -> None:  # type: ignore[no-untyped-def]
    with DemoServer("cold", session_timeout=1.0, submit_delay=0) as server:
        fill_step1(page, server.url)
        page.get_by_label("Tell us what happened").fill("Water through the ceiling")
        page.get_by_label("Where did it happen?").fill("Hull")
        time.sleep(1.4)
        assert page.get_by_role("alertdialog").count() == 0
        page.get_by_role("button", name="Continue").click()
        page.wait_for_url("**/claims/new")
        assert page.get_by_role("alert").inner_text() == "Session expired."
        assert page.get_by_label("Your full name").input_value() == ""


def test_dead_button_does_nothing_and_warm_link_downloads(page) -> None:  # type: ignore[no-untyped-def]
    with DemoServer("cold", submit_delay=0) as server:
        to_step3(page, server.url)
        page.get_by_role("button", name="Submit claim").click()
        page.wait_for_url("**/claims/confirmation")
        before = page.content()
        page.get_by_role("button", name="Download summary").click()
        time.sleep(0.8)
        assert page.content() == before and page.url.endswith("/claims/confirmation")
    with DemoServer("warm", submit_delay=0) as server:
        to_step3(page, server.url)
        page.get_by_role("button", name="Submit claim").click()
        page.wait_for_url("**/claims/confirmation")
        with page.expect_download() as download:
            page.get_by_role("link", name="Download a summary of your claim").click()
        assert download.value.suggested_filename.startswith("claim-HM-")
