"""The fixtures steps use: the run's settings, one browser per worker, and the scenario's journey.

Why these scopes: launching Chromium costs about half a second, so one browser serves a whole
worker (xdist runs one session per worker); each scenario gets its own browser context through its
journey, so cookies and storage never leak between scenarios.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from harness.config import Settings
from harness.runner.options import settings_of
from harness.runner.scenario import EmpathyScenario


@pytest.fixture(scope="session")
def empathy_settings(pytestconfig: pytest.Config) -> Settings:
    """The run's settings: `[tool.empathy]`, EMPATHY_* variables, then command-line flags."""
    return settings_of(pytestconfig)


@pytest.fixture(scope="session")
def empathy_browser(pytestconfig: pytest.Config, empathy_settings: Settings) -> Iterator[Any]:
    """One browser for this worker, launched on first use and closed at the end of the session.

    The site, model and browser are checked first; a harness error there stops the run cleanly.
    """
    from harness.runner.preflight import open_browser

    with open_browser(pytestconfig, empathy_settings) as handle:
        yield handle


@pytest.fixture
def empathy_scenario(request: pytest.FixtureRequest, empathy_settings: Settings) -> Iterator[EmpathyScenario]:
    """The running scenario's state (persona, journey, findings so far); journeys closed afterwards."""
    state = EmpathyScenario(settings=empathy_settings, request=request)
    yield state
    state.close()


@pytest.fixture
def journey(empathy_scenario: EmpathyScenario) -> Any:
    """The persona's journey; with the default persona when no `Given I am …` step came first."""
    return empathy_scenario.journey
