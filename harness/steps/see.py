"""See: what the persona should find on the page, checked the way a person reads it (visible text).

Each step waits up to the configured action timeout, because a person waits for a page to answer;
when the text never shows, the failure says what the page showed instead.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from typing import Any

import pytest
from pytest_bdd import parsers, then

from harness.browser import widgets
from harness.browser.locate import frames
from harness.checks.pages import shows_error
from harness.config import Settings
from harness.findings import JourneyFeltCold
from harness.runner.scenario import EmpathyScenario
from harness.steps.details import DETAIL, value_of
from harness.transcript import Message

_QUOTES = {"'": "'\u2018\u2019\u02bc", '"': '"\u201c\u201d'}


def _as_read(text: str) -> re.Pattern[str]:
    """The text as a person reads it: a straight quote typed in a feature is the page's typographic one
    ("electricians\u2019"), whatever the case and the runs of white space."""
    parts = [f"[{re.escape(_QUOTES[ch])}]" if ch in _QUOTES else r"\s+" if ch == " " else re.escape(ch)
             for ch in " ".join(text.split())]
    return re.compile("".join(parts), re.IGNORECASE)


def _shown(journey: Any, text: str) -> int:
    """How often the text shows where a person sees it, in the page or a frame over it (a popup in an <iframe>):
    a hidden copy (a template, a closed menu) is not it."""
    pattern, count = _as_read(text), 0
    for frame in frames(journey.page):
        try:
            count += frame.get_by_text(pattern).filter(visible=True).count()
        except Exception:  # noqa: BLE001 - a frame detached as it was read shows nothing
            continue
    return count


def _visible(journey: Any, text: str, timeout_ms: int) -> bool:
    return bool(_until(journey, timeout_ms, lambda: _shown(journey, text)))


def _what_it_shows(journey: Any) -> str:
    shown = []
    for frame in frames(journey.page):
        try:
            body = frame.locator("body").inner_text(timeout=1000)
        except Exception:  # noqa: BLE001 - a frame that cannot be read (detached, no body) adds nothing
            continue
        text = re.sub(r"\s+", " ", body).strip()
        if text:
            shown.append(f"{'the page' if frame is journey.page.main_frame else 'a frame over it'}: {text[:300]!r}")
    return f"at {journey.page.url} " + ("; ".join(shown) or "nothing could be read")


@then(parsers.re(r'I should see "(?P<text>[^"]+)"'))
def should_see(journey: Any, empathy_settings: Settings, text: str) -> None:
    """Then I should see "We have received your request"

    The text is visible on the page (waiting up to the action timeout for it to appear).
    """
    if not _visible(journey, text, empathy_settings.action_timeout_ms):
        raise AssertionError(f'expected to see "{text}", but {_what_it_shows(journey)}')


@then(parsers.re(r'I should not see "(?P<text>[^"]+)"'))
def should_not_see(journey: Any, text: str) -> None:
    """Then I should not see "Error 500"

    The text is not visible on the page now.
    """
    if _shown(journey, text):
        raise AssertionError(f'did not expect to see "{text}", but it is on {journey.page.url}')


@then(parsers.re(r"I should see (?:the following|all of these|these)(?: messages| texts)?:?"))
def should_see_all(journey: Any, empathy_settings: Settings, datatable: list[list[str]] | None = None) -> None:
    """Then I should see the following:

    Every text in the table (first column, one per row) is visible on the page.
    """
    if not datatable:
        raise AssertionError("this step needs a table of texts below it, one per row")
    missing = [row[0] for row in datatable
               if row and row[0].strip() and not _visible(journey, row[0].strip(), empathy_settings.action_timeout_ms)]
    if missing:
        raise AssertionError(f"expected to see {', '.join(repr(m) for m in missing)}, but {_what_it_shows(journey)}")


@then(parsers.re(r"I should be (?:greeted|welcomed|addressed) by (?:my )?name"))
def should_be_greeted_by_name(journey: Any, empathy_settings: Settings) -> None:
    """Then I should be greeted by name

    The page addresses the persona by their first name (a returning customer expects to be known).
    """
    name = journey.data.get("first_name", "")
    if not name:
        raise AssertionError("the persona has no first name to be greeted by (add first_name to its data.fields)")
    if not _visible(journey, name, empathy_settings.action_timeout_ms):
        raise AssertionError(f"expected to be greeted by name ({name}), but {_what_it_shows(journey)}")


@then(parsers.re(rf'"(?P<label>[^"]+)" should (?:already )?(?:contain|show|hold) my {DETAIL}'))
def field_should_hold_detail(journey: Any, label: str, detail: str) -> None:
    """Then "Email" should already contain my email address

    The field with this label holds the persona's detail (pre-filled for a returning customer).
    """
    _key, expected = value_of(journey, detail)
    field = journey.page.get_by_label(label, exact=False).first
    try:
        actual = field.input_value(timeout=2000)
    except Exception:  # noqa: BLE001 - no such field, or not an input
        raise AssertionError(f'no field labelled "{label}" on {journey.page.url}') from None
    if " ".join(actual.split()).casefold() != " ".join(expected.split()).casefold():
        raise AssertionError(f'expected "{label}" to contain my {detail}, but it holds {actual!r}')


@pytest.hookimpl(trylast=True)
def pytest_bdd_before_step_call(step_func_args: dict[str, Any]) -> None:
    """Watch the page for browser dialogs from the first step that has a journey (so a step can read them)."""
    state = step_func_args.get("empathy_scenario")
    journey = step_func_args.get("journey") or (
        state.journey if isinstance(state, EmpathyScenario) and state.started else None)
    if journey is not None:
        widgets.dialogs(journey.page)


def _until(journey: Any, timeout_ms: float, probe: Callable[[], Any]) -> Any:
    """Ask `probe` again (as a person keeps looking) until it answers or the timeout passes; its last answer."""
    deadline = time.monotonic() + timeout_ms / 1000.0
    while True:
        answer = probe()
        if answer or time.monotonic() >= deadline:
            return answer
        journey.page.wait_for_timeout(150)


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


@then(parsers.re(r'I should see an? (?:browser )?(?:dialog|alert|pop-?up|confirmation) (?:saying|that says|with) '
                 r'"(?P<text>[^"]+)"'))
def should_see_dialog(journey: Any, empathy_settings: Settings, text: str) -> None:
    """Then I should see a dialog saying "Are you sure?"

    The browser opened its own dialog (alert, confirm, prompt) with this text during the journey.
    """
    watch = widgets.dialogs(journey.page)
    if not _until(journey, empathy_settings.action_timeout_ms,
                  lambda: any(_norm(text) in _norm(message) for _, message, _ in watch.seen)):
        seen = "; ".join(repr(m[:80]) for _, m, _ in watch.seen) or "none"
        raise AssertionError(f'expected a browser dialog saying "{text}", but the dialogs seen were: {seen}')


_INVALID = """() => [...document.querySelectorAll('input, select, textarea')]
  .filter(el => el.willValidate && !el.validity.valid && el.validationMessage && el.getClientRects().length)
  .sort((a, b) => (b === document.activeElement) - (a === document.activeElement))
  .map(el => el.validationMessage)"""


@then(parsers.re(r"I should see the browser's (?:own )?validation message(?: saying \"(?P<text>[^\"]+)\")?"))
def should_see_native_validation(journey: Any, empathy_settings: Settings, text: str | None = None) -> None:
    """Then I should see the browser's validation message

    A field the browser itself holds invalid (required, type, pattern, min/max) shows the browser's
    own message, the one a person sees in its bubble (optionally: saying this text).
    """
    def messages() -> list[str]:
        found = [m for frame in journey.page.frames for m in frame.evaluate(_INVALID)]
        return [m for m in found if not text or _norm(text) in _norm(m)]

    if not _until(journey, empathy_settings.action_timeout_ms, messages):
        raise AssertionError(f"expected the browser's own validation message{f' saying {text!r}' if text else ''}, "
                             f"but no field on {journey.page.url} is held invalid by the browser")


@then(parsers.re(r'"(?P<label>[^"]+)" should (?:be|read|say|show|contain) "(?P<value>[^"]*)"'))
def field_should_be(journey: Any, label: str, value: str) -> None:
    """Then "Quantity" should be "1"

    The field with this label holds this value now (its default, or what was typed or chosen).
    """
    try:
        field = journey.actor.field(label)
        shown = field.evaluate("el => el.tagName === 'SELECT' ? [el.value, el.selectedOptions[0]?.text || '']"
                               " : [el.value ?? el.textContent]")
    except Exception as exc:  # noqa: BLE001 - no such field: say so as the assertion
        raise AssertionError(f'no field labelled "{label}" on {journey.page.url}: {exc}') from None
    if _norm(value) not in {_norm(s) for s in shown}:
        raise AssertionError(f'expected "{label}" to be "{value}", but it is {shown[-1]!r}')


@then(parsers.re(r'(?:my|the) (?:cart|basket|bag|trolley|order) should (?:contain|hold|have|include) '
                 r'(?:(?P<quantity>\d+) (?:x )?)?"(?P<name>[^"]+)"'))
def basket_should_hold(journey: Any, name: str, quantity: str | None = None) -> None:
    """Then my basket should contain 1 "Adult ticket"

    The page's cart or basket (named so by its heading, label, id or class) lists this item (and this
    many of it).
    """
    holds, shown = journey.actor.basket_holds(name, int(quantity) if quantity else None)
    if not holds:
        raise AssertionError(f'expected the basket to hold {quantity + " " if quantity else ""}"{name}", but {shown}')


def _errors(journey: Any) -> list[Message]:
    """The errors on screen now, read as the checks read them (`shows_error`): answers to the last step done."""
    steps = journey.transcript.steps
    answered = steps[-1] if steps else journey.current_step()
    return [m for m in journey.recorder.live_messages() if m.visible and shows_error(m, answered)]


@then(parsers.re(r"I should see an? (?:error|error message|problem)"))
def should_see_an_error(journey: Any, empathy_settings: Settings) -> None:
    """Then I should see an error

    Some error shows on the page (whatever its words): an alert, a message the site marks as an error, or a
    field's error (not its hint); the same reading the checks judge.
    """
    if not _until(journey, empathy_settings.action_timeout_ms, lambda: _errors(journey)):
        raise AssertionError(f"expected an error message, but {_what_it_shows(journey)}")


@then(parsers.re(r'the "(?P<name>[^"]+)" (?:button|link)(?: (?:in|inside|on) the "(?P<region>[^"]+)" '
                 r"(?P<kind>dialog|modal|pop-?up|form|menu|section|region|panel))? "
                 r"should be (?P<state>disabled|enabled)"))
def control_should_be(journey: Any, name: str, state: str, region: str | None = None, kind: str | None = None) -> None:
    """Then the "Login" button should be disabled

    The button with this text (in this dialog or form, if named; else an open dialog's first) is
    there and cannot be pressed (or, `enabled`, can be).
    """
    loc = journey.actor.control_in(name, region or "", kind or "")
    if loc is None:
        where = f" in the {region!r} {kind}" if region else ""
        raise AssertionError(f'no button "{name}"{where} on {journey.page.url}')
    disabled = loc.is_disabled() or loc.get_attribute("aria-disabled") == "true"
    if disabled != (state == "disabled"):
        raise AssertionError(f'expected the "{name}" button to be {state}, but it is '
                             f'{"disabled" if disabled else "enabled"}')


@then(parsers.re(r"the (?:error|errors|error message) should be announced(?: to (?:a )?screen readers?)?"))
def error_should_be_announced(journey: Any, empathy_scenario: EmpathyScenario) -> None:
    """Then the error should be announced

    The latest error reached assistive technology: its region is an alert or live region (role=alert,
    aria-live), or focus moved to it or to the field in error. When it did not, the report carries a
    missing-reassurance finding and the step fails as a check step does (at or above `fail_on`).
    """
    from harness.checks.announcing import unheard_error
    from harness.reporting import blocking_findings

    if not (_errors(journey) or any(shows_error(m, s) for s in journey.transcript.steps for m in s.messages)):
        raise AssertionError(f"no error message was recorded on this journey (last page {journey.page.url})")
    found = empathy_scenario.new_findings(unheard_error(journey.transcript, empathy_scenario.settings),
                                         asked=True)
    blocking = blocking_findings(found, empathy_scenario.settings)
    if blocking:
        raise JourneyFeltCold(blocking, "the error was not announced", empathy_scenario.rerun_command)
