"""Names made from free text: one rule for a file-name part, a feature's file name and an audit's journey tag; and
the initials an app draws for a person.

Why one place: the journey's artifacts, a scaffolded feature and the audit's features each turn what a person
wrote into a safe name, and two copies of the rule drift apart; the recorder and lost-context both read initials.
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


def initials(*names: str) -> set[str]:
    """The letters an app draws for a person in an account mark (an avatar in the top bar): the first letters of a
    name's first two words ("SP" for Sam Patel) or a name's first two letters ("SA"), in capitals."""
    out: set[str] = set()
    for name in names:
        parts = re.findall(r"[^\W\d_]+", name)
        if parts and len(parts[0]) > 1:
            out.add(parts[0][:2].upper())
        if len(parts) > 1:
            out.add((parts[0][0] + parts[1][0]).upper())
    return out
