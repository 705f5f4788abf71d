"""JSON lines on stdin, read the same way by every command that streams (`copy score --jsonl`, `prompts compare
--jsonl`), so a bad line gets the same words whichever command it was sent to."""

from __future__ import annotations

import json
from typing import Any


def json_value(line: str) -> Any:
    """One line's JSON value; ValueError says what is wrong with it (the caller names the line)."""
    try:
        return json.loads(line)
    except json.JSONDecodeError as exc:
        raise ValueError(f"not valid JSON ({exc.msg} at column {exc.colno})") from None
