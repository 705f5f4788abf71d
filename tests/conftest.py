"""Shared by every test: pytester for plugin tests (pytest only allows this in the top-level conftest)."""

from __future__ import annotations

pytest_plugins = ["pytester"]
