"""What only the bundled demo portal's owners know: how to make test accounts and earlier claims.

The generic steps call these hooks (specs in `harness/hooks.py`); a team testing its own site
writes a module like this one for its site. Accounts go through the portal's test-only endpoint
`POST /__test__/accounts` (never through a real sign-up form, so tests do not depend on e-mail);
history is made by walking the real claim journey once, as the persona, in a separate browser
context whose transcript is not checked.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from typing import Any

import pytest

from harness.config import Settings
from harness.exceptions import SiteError

ACCOUNT_FIELDS = ("email", "password", "first_name", "last_name", "policy_number")


def _post_json(url: str, body: dict[str, str]) -> None:
    request = urllib.request.Request(url, data=json.dumps(body).encode("utf-8"), method="POST",
                                     headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 - the configured site
            response.read()
    except urllib.error.HTTPError as exc:
        detail = exc.read().decode("utf-8", "replace")[:200]
        raise SiteError(f"{url} answered {exc.code}: {detail}",
                        hint="is base_url the demo portal (empathy demo serve)?") from None
    except OSError as exc:
        raise SiteError(f"cannot reach {url}: {exc}", hint="start the portal: empathy demo serve") from None


@pytest.hookimpl
def pytest_empathy_create_account(journey: Any, settings: Settings) -> bool:
    """Register the persona's account on the demo portal (idempotent: create or replace)."""
    data = journey.data
    missing = [key for key in ACCOUNT_FIELDS if key not in data]
    if missing:
        raise SiteError(f"persona {journey.persona.name!r} has an account but no {', '.join(missing)}",
                        hint="add them to the persona's data.fields (password via data.secrets)")
    body = {key: data[key] for key in ACCOUNT_FIELDS}
    if "phone" in data:
        body["phone"] = data["phone"]
    _post_json(settings.page_url("/__test__/accounts"), body)
    return True


def _step(journey: Any, text: str, act: Any) -> None:
    journey.begin_step(text, "Given")
    try:
        act()
    except Exception as exc:
        journey.end_step(status="broken", error=str(exc))
        raise
    journey.end_step()


@pytest.hookimpl
def pytest_empathy_setup_history(history: str, settings: Settings, new_journey: Any) -> bool | None:
    """"a previous claim": sign in and file a claim through the portal, as the persona, once."""
    if history.lower().rstrip("s") != "claim":
        return None
    setup = new_journey("set-up: a previous claim")
    actor = setup.actor
    try:
        _step(setup, "Given I open the sign-in page", lambda: actor.goto(settings.page_url("sign-in")))
        _step(setup, "And I sign in", actor.sign_in)
        _step(setup, "And I open the claims page", lambda: actor.goto(settings.page_url("claims")))
        _step(setup, "And I fill in the form", actor.fill_form)
        _step(setup, 'And I choose "Car accident"', lambda: actor.choose("Type of incident", "Car accident"))
        _step(setup, 'And I press "Continue"', lambda: actor.click("Continue"))
        _step(setup, "And I fill in the form", actor.fill_form)
        _step(setup, 'And I enter my address in "Where did it happen?"',
              lambda: actor.fill("Where did it happen?", data_key="address"))
        _step(setup, 'And I press "Continue"', lambda: actor.click("Continue"))
        _step(setup, "And I fill in the form", actor.fill_form)
        _step(setup, 'And I choose "Morning (8am to 12pm)"',
              lambda: actor.choose("When's the best time to call you?", "Morning (8am to 12pm)"))
        _step(setup, 'And I press "Submit claim"', lambda: actor.click("Submit claim"))
        _step(setup, "And I wait for the page to finish", actor.wait_until_settled)
    finally:
        setup.close()
    return True
