"""Names made from free text: one rule for a file-name part, a feature's file name and an audit's journey tag.

Why one place: the journey's artifacts, a scaffolded feature and the audit's features each turn what a person
wrote into a safe name, and two copies of the rule drift apart.
"""

from __future__ import annotations

import hashlib
import re


def slug(text: str, limit: int | None = None, *, keep: str = "") -> str:
    """Lower-case ASCII letters and digits (and the characters in `keep`), every other run one '-'; cut at
    `limit` with a hash of the whole text, so two cut names stay apart; "" when nothing is left."""
    clean = re.sub(f"[^a-z0-9{re.escape(keep)}]+", "-", text.lower()).strip("-" + keep)
    if limit is not None and len(clean) > limit:
        clean = f"{clean[:limit].rstrip('-' + keep)}-{digest(text)}"
    return clean


def digest(text: str) -> str:
    """Six hex digits that tell two texts apart in a file name and stay the same for the same text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:6]
