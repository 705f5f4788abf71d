"""The pytest plugin's implementation: one module per job; `harness/plugin.py` only forwards to them."""

from __future__ import annotations
