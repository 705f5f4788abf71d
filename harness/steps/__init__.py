"""The generic, plain-English step library: who, where, act, see, checks.

Each module is a pytest plugin the harness registers for every run, so a `.feature` file in a
user's repository finds these steps with no Python of its own. Every step's docstring starts with
an example a product owner can copy; `empathy steps` builds the catalogue from them.
"""

from __future__ import annotations

GROUPS = ("who", "where", "act", "see", "checks")
