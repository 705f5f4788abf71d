"""The persona's history habits: a reload or a back that another navigation cut short is no failure."""

from __future__ import annotations

import pytest

from harness.browser.habits import _navigate


@pytest.mark.parametrize("said", [
    "Page.reload: net::ERR_ABORTED",
    "Navigation to \"http://x/\" is interrupted by another navigation",
    # the form's own answer replaced the document while the reload was being sent (a sign-up answered as the
    # anxious persona reloaded): the page the reload was aimed at is gone, the wait that follows sees the new one
    "Page.reload: Protocol error (Page.reload): Not attached to an active page",
])
def test_a_history_navigation_another_navigation_cut_short_is_not_a_failure(said: str) -> None:
    def go() -> None:
        raise RuntimeError(said)
    _navigate(go)


def test_any_other_failure_of_a_history_navigation_is_raised() -> None:
    def go() -> None:
        raise RuntimeError("Page.reload: Timeout 30000ms exceeded")
    with pytest.raises(RuntimeError):
        _navigate(go)
