"""Hook specs of our own: how a workspace teaches the generic steps about its site.

The generic step library knows nothing about any one site. When a scenario needs something only
the site's owners know how to do (create a test account, give a persona some history), the steps
call one of these hooks; a module in the workspace's `steps/` folder implements it with
`@pytest.hookimpl`. (pytest only looks for hooks whose names start with `pytest_`, hence the
prefix.) Every hook is `firstresult`: the first implementation that returns a value
other than None wins, so a workspace can override a shared implementation.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from harness.config import Settings


@pytest.hookspec(firstresult=True)
def pytest_empathy_create_account(journey: Any, settings: Settings) -> object:
    """Make sure the persona of `journey` has an account on the site under test.

    Called once per scenario, right after a persona with `account: true` is cast (before any step
    acts in the browser). Use `journey.data` for the persona's details (email, password, names).
    Return True when the account exists; return None to let another implementation try. When no
    implementation answers, the steps assume the site already knows the persona.
    """


@pytest.hookspec(firstresult=True)
def pytest_empathy_setup_history(
    journey: Any, history: str, settings: Settings, new_journey: Callable[[str], Any]
) -> object:
    """Give the persona of `journey` some history on the site, e.g. `history="order"`.

    Called by `Given I am a returning customer with a previous order` after the persona is cast.
    Run the set-up through `new_journey(label)`, which opens a separate journey for the same persona
    and personal data (its transcript is not checked, so the set-up cannot raise findings); close it
    when done. Return True when the history was created; when nothing answers, the step fails and
    says which hook to implement.
    """
