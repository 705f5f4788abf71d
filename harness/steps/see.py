"""See: what the persona should find on the page, checked the way a person reads it (visible text).

Each step waits up to the configured action timeout, because a person waits for a page to answer;
when the text never shows, the failure says what the page showed instead.
"""

from __future__ import annotations

import re
from typing import Any

from pytest_bdd import parsers, then

from harness.config import Settings
from harness.steps.act import _DETAIL, _value_of


def _visible(journey: Any, text: str, timeout_ms: int) -> bool:
    locator = journey.page.get_by_text(text, exact=False).first
    try:
        locator.wait_for(state="visible", timeout=timeout_ms)
        return True
    except Exception:  # noqa: BLE001 - Playwright's timeout means "not seen"
        return False


def _what_it_shows(journey: Any) -> str:
    try:
        body = journey.page.locator("body").inner_text(timeout=1000)
    except Exception:  # noqa: BLE001
        return "(the page could not be read)"
    text = re.sub(r"\s+", " ", body).strip()
    return f"the page ({journey.page.url}) shows: {text[:300]!r}"


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
    if journey.page.get_by_text(text, exact=False).first.is_visible():
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


@then(parsers.re(rf'"(?P<label>[^"]+)" should (?:already )?(?:contain|show|hold) my {_DETAIL}'))
def field_should_hold_detail(journey: Any, label: str, detail: str) -> None:
    """Then "Email" should already contain my email address

    The field with this label holds the persona's detail (pre-filled for a returning customer).
    """
    _key, expected = _value_of(journey, detail)
    field = journey.page.get_by_label(label, exact=False).first
    try:
        actual = field.input_value(timeout=2000)
    except Exception:  # noqa: BLE001 - no such field, or not an input
        raise AssertionError(f'no field labelled "{label}" on {journey.page.url}') from None
    if " ".join(actual.split()).casefold() != " ".join(expected.split()).casefold():
        raise AssertionError(f'expected "{label}" to contain my {detail}, but it holds {actual!r}')
