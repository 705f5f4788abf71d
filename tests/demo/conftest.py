"""Fixtures for the demo portal's tests: an app factory with a controllable clock."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from flask.testing import FlaskClient

from harness.demo.app import create_app

from .journeys import FakeClock


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def portal(clock: FakeClock) -> Callable[..., FlaskClient]:
    """`portal("warm", {"repeat-email"})` -> a test client; no submit delay, fake clock."""

    def make(variant: str = "warm", defects: Any = None, **options: Any) -> FlaskClient:
        options.setdefault("submit_delay", 0)
        options.setdefault("session_timeout", 12)
        options.setdefault("agent_delay", 1.5)
        return create_app(variant, defects, clock=clock, **options).test_client()

    return make


