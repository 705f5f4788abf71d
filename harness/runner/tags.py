"""Gherkin tags as pytest markers, registered so pytest never warns about them.

Why a mapping: tags such as `@journey:checkout`, `@priority:high` or `@allow:repeated-prompt` are not
valid marker names as written. `name:value` becomes the marker `name("value", value="value")` (select
with `-m journey` or `-m 'journey(value="checkout")'`, read with `item.get_closest_marker("journey").args`);
a plain tag (`@smoke`) becomes the marker `smoke`. Every marker name is registered on first use, so
`--strict-markers` passes.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest

_NAME = re.compile(r"[^0-9A-Za-z_]")


def marker_for(tag: str) -> tuple[str, tuple[str, ...]]:
    """The marker name and arguments for a tag: "journey:checkout" -> ("journey", ("checkout",))."""
    name, sep, value = tag.partition(":")
    clean = _NAME.sub("_", name.strip()) or "tag"
    if clean[0].isdigit():
        clean = f"tag_{clean}"
    return clean, ((value.strip(),) if sep else ())


def apply_tag(config: pytest.Config, tag: str, function: Callable[..., Any]) -> bool:
    """Register the tag's marker (once) and apply it to the scenario's test function."""
    name, args = marker_for(tag)
    registered = {line.split(":", 1)[0].split("(", 1)[0].strip() for line in config.getini("markers")}
    if name not in registered:
        config.addinivalue_line("markers", f"{name}: Gherkin tag @{tag} (from a feature file)")
    getattr(pytest.mark, name)(*args, **({"value": args[0]} if args else {}))(function)
    return True
