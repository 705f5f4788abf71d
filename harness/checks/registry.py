"""The one list of rules. Adding a rule means one new module and one line here.

Why validate on import: a rule with a duplicate id, a missing message or a message template that does
not parse would only show up as a broken report later (axe-core validates its rule data at build time
for the same reason).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from harness.checks import cold_copy, friction, lost_context, missing_reassurance, repeated_prompt
from harness.checks.base import REQUIRED_MESSAGES, Rule
from harness.findings import Impact

ID_PATTERN = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")


def validate(rules: Iterable[Rule]) -> dict[str, Rule]:
    """Check rule data (ids unique and kebab-case, impact known, texts, messages and a weight); index by id."""
    out: dict[str, Rule] = {}
    for rule in rules:
        where = f"rule {rule.id!r}"
        if not ID_PATTERN.match(rule.id):
            raise ValueError(f"{where}: id must be kebab-case")
        if rule.id in out:
            raise ValueError(f"{where}: id registered twice")
        Impact.parse(rule.impact)
        for name in ("help", "description", "how_to_fix", "help_url"):
            if not str(getattr(rule, name)).strip():
                raise ValueError(f"{where}: {name} is empty")
        if not rule.description.startswith("Ensure "):
            raise ValueError(f"{where}: description must start with 'Ensure '")
        missing = [m for m in REQUIRED_MESSAGES if not rule.messages.get(m)]
        if missing:
            raise ValueError(f"{where}: messages missing: {', '.join(missing)}")
        try:
            rule.message_fields()
        except ValueError as exc:
            raise ValueError(f"{where}: a message template does not parse ({exc})") from None
        if not rule.tags:
            raise ValueError(f"{where}: no tags")
        if not rule.weight > 0:
            raise ValueError(f"{where}: weight must be a positive number (its share of the empathy score)")
        for name, threshold in rule.thresholds.items():
            if not threshold.description.strip():
                raise ValueError(f"{where}: threshold {name!r} has no description")
        out[rule.id] = rule
    return out


RULES: dict[str, Rule] = validate([
    repeated_prompt.RULE,
    lost_context.RULE,
    cold_copy.RULE,
    missing_reassurance.RULE,
    friction.RULE,
])
