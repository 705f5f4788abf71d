"""The demo portal's defect catalogue, loaded from `defects.yaml`.

Why data: the catalogue is the oracle the checks are benchmarked against, so it must be readable
and listable (`empathy demo defects`) without reading the portal's code.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import yaml

from harness.exceptions import ConfigError

CATALOGUE_PATH = Path(__file__).with_name("defects.yaml")
VARIANTS = ("warm", "cold")
RULES = ("repeated-prompt", "lost-context", "cold-copy", "missing-reassurance", "friction")
JOURNEYS = ("file-a-claim", "support-chat", "returning-customer", "update-payment", "session-timeout")


@dataclass(frozen=True)
class Defect:
    """One deliberate flaw: where a persona meets it and which rule must catch it."""

    id: str
    journey: str
    expected_rule: str
    description: str
    page: str = "/"


def load_catalogue(path: Path = CATALOGUE_PATH) -> dict[str, Defect]:
    """Read and validate the catalogue; a broken entry names the file, the entry and the allowed values."""
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"{path}: cannot read the defect catalogue: {exc}") from exc
    entries = raw.get("defects") if isinstance(raw, dict) else None
    if not isinstance(entries, list):
        raise ConfigError(f"{path}: expected a top-level `defects:` list")
    catalogue: dict[str, Defect] = {}
    for index, entry in enumerate(entries):
        where = f"{path}: defects[{index}]"
        if not isinstance(entry, dict):
            raise ConfigError(f"{where}: expected a mapping with id, journey, expected_rule, description")
        try:
            defect = Defect(**entry)
        except TypeError as exc:
            raise ConfigError(f"{where}: {exc}", hint="keys are id, journey, expected_rule, description, page") from exc
        if defect.id in catalogue:
            raise ConfigError(f"{where}: duplicate id {defect.id!r}")
        if defect.expected_rule not in RULES:
            raise ConfigError(f"{where}: expected_rule {defect.expected_rule!r} is not one of {', '.join(RULES)}")
        if defect.journey not in JOURNEYS:
            raise ConfigError(f"{where}: journey {defect.journey!r} is not one of {', '.join(JOURNEYS)}")
        catalogue[defect.id] = defect
    return catalogue


DEFECTS: dict[str, Defect] = load_catalogue()


def _split(names: str | Iterable[str] | None) -> list[str]:
    """Accept `"a,b"`, `["a", "b"]` or None; blanks are ignored."""
    if names is None:
        return []
    items = names.split(",") if isinstance(names, str) else list(names)
    return [item.strip() for item in items if item and item.strip()]


def resolve_defects(variant: str, names: str | Iterable[str] | None = None) -> frozenset[str]:
    """The defects switched on: all of them for `cold`, the named ones on top of `warm`."""
    if variant not in VARIANTS:
        raise ConfigError(f"unknown demo variant {variant!r}", hint=f"use one of: {', '.join(VARIANTS)}")
    chosen = _split(names)
    unknown = [name for name in chosen if name not in DEFECTS]
    if unknown:
        raise ConfigError(
            f"unknown demo defect {', '.join(repr(n) for n in unknown)}",
            hint=f"`empathy demo defects` lists them: {', '.join(DEFECTS)}",
        )
    if variant == "cold":
        return frozenset(DEFECTS)
    return frozenset(chosen)
