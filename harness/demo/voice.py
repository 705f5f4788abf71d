"""The portal's words: warm copy by default, the cold version where a defect asks for it.

Why one place: a defect that changes wording must change it everywhere the message appears,
and reviewers should be able to read all warm copy side by side (`copy.yaml`).
"""

from __future__ import annotations

from collections.abc import Set
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

COPY_PATH = Path(__file__).with_name("copy.yaml")
CONTACT_PHONE = "0808 157 0192"


@lru_cache(maxsize=1)
def _catalogue() -> dict[str, Any]:
    data = yaml.safe_load(COPY_PATH.read_text(encoding="utf-8"))
    assert isinstance(data, dict), f"{COPY_PATH}: expected a mapping"
    return data


class Voice:
    """Looks up copy by dotted key, honouring the defects that are switched on."""

    def __init__(self, defects: Set[str]) -> None:
        self.defects = defects

    def say(self, key: str, variant: str = "", **values: Any) -> str:
        """`say("errors.required", "email")` or `say("payment.status", seconds=3)`."""
        node: Any = _catalogue()
        for part in key.split("."):
            node = node[part]
        if isinstance(node, dict):
            if node.get("defect") in self.defects:
                node = node["cold"]
            else:
                node = node[variant or "warm"]
        return str(node).format(**values) if values else str(node)


def duration(seconds: float) -> str:
    """Seconds as people say them: "12 seconds", "1 minute", "20 minutes"."""
    whole = max(1, round(seconds))
    if whole < 60:
        return f"{whole} second" + ("" if whole == 1 else "s")
    minutes = round(whole / 60)
    return f"{minutes} minute" + ("" if minutes == 1 else "s")
