"""Where: open a page by its configured name or its address, go back or reload, and assert where the persona
landed.

Named pages come from `[tool.empathy.pages]`, so feature files read as the business talks
("the contact page") and survive URL changes; an unknown name fails listing the configured ones.
"""

from __future__ import annotations

import time
from typing import Any
from urllib.parse import urlsplit

from pytest_bdd import parsers, step, then

from harness.config import Settings

_OPEN = r"(?:open|go to|visit|navigate to)"


@step(parsers.re(rf'I {_OPEN} the "(?P<page>[^"]+)" page'))
def open_named_page(journey: Any, empathy_settings: Settings, page: str) -> None:
    """Given I open the "contact" page

    Go to a page named in `[tool.empathy.pages]` (synonyms: go to, visit, navigate to).
    """
    journey.actor.goto(empathy_settings.page_url(page))


@step(parsers.re(rf'I {_OPEN} "(?P<address>[^"]+)"'))
def open_address(journey: Any, empathy_settings: Settings, address: str) -> None:
    """Given I open "/contact"

    Go to a path on the site under test (or a full URL on an allowed host).
    """
    journey.actor.goto(empathy_settings.page_url(address))


@step(parsers.re(r"I (?:open|follow|click|press) the link in the (?:e-?mail|mail|message) "
                 r"(?:I was sent|I (?:got|received)|(?:the site )?sent (?:to )?me)"))
def open_mailed_link(journey: Any, empathy_settings: Settings) -> None:
    """When I open the link in the e-mail I was sent

    Follow the link in the newest mail the site sent to the persona's e-mail address (a password reset, an
    account's activation), waiting up to the action timeout for it to arrive; the mail is read from
    `[tool.empathy] mailbox`.
    """
    from harness.steps.mail import link_sent_to

    address = str(journey.data.get("email", ""))
    if not empathy_settings.mailbox:
        raise AssertionError("no mailbox to read: set [tool.empathy] mailbox to where the site under test writes "
                             "the mail it sends (a folder of message files or an mbox file)")
    if not address:
        raise AssertionError("the persona has no e-mail address to have been sent mail (add email to its data)")
    deadline = time.monotonic() + empathy_settings.action_timeout_ms / 1000.0
    while True:
        link, why = link_sent_to(empathy_settings.path("mailbox"), address, empathy_settings.base_url)
        if link or time.monotonic() >= deadline:
            break
        journey.page.wait_for_timeout(250)
    if not link:
        raise AssertionError(why)
    journey.actor.goto(link)


def _same_page(current: str, expected: str) -> bool:
    a, b = urlsplit(current), urlsplit(expected)
    return (a.netloc, a.path.rstrip("/") or "/") == (b.netloc, b.path.rstrip("/") or "/")


@then(parsers.re(r'I should (?:be|end up|land) on the "(?P<page>[^"]+)" page'))
def should_be_on_page(journey: Any, empathy_settings: Settings, page: str) -> None:
    """Then I should be on the "confirmation" page

    Wait (up to the action timeout) until the browser shows the named page; fail naming where it is.
    """
    expected = empathy_settings.page_url(page)
    try:
        journey.page.wait_for_url(lambda url: _same_page(url, expected),
                                  timeout=empathy_settings.action_timeout_ms)
    except Exception:  # noqa: BLE001 - Playwright's timeout: report it as the assertion it is
        raise AssertionError(f'expected to be on the "{page}" page ({urlsplit(expected).path}), '
                             f"but the browser shows {journey.page.url}") from None


@step("I go back")
def go_back(journey: Any) -> None:
    """When I go back

    Use the browser's back button, as people do to check an earlier page.
    """
    journey.actor.back()


@step(parsers.re(r"I go back to (?:check|review) my answers"))
def go_back_to_check(journey: Any) -> None:
    """And I go back to check my answers

    Go back to the previous page to see that what the persona entered is still there (a probe the
    lost-context check reads).
    """
    journey.actor.back()
    journey.actor.wait_until_settled()


@step(parsers.re(r"I (?:reload|refresh) the page"))
def reload_page(journey: Any) -> None:
    """When I reload the page

    Reload the current page (synonym: refresh).
    """
    journey.actor.reload()
