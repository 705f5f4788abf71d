"""What a rule is: metadata as data plus one pure function, as in axe-core.

Why a frozen dataclass: a rule is a value the registry validates once and every report reads
(id, impact, tags, help, messages). Its behaviour is the single `evaluate` function, which takes
the transcript, the persona and the settings and yields findings, and never touches a browser.
"""

from __future__ import annotations

import string
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from harness.findings import Finding, Impact

if TYPE_CHECKING:
    from harness.config import Settings
    from harness.transcript import Transcript

HELP_BASE = "https://github.com/empathy-harness/empathy-harness/blob/main/docs/rules/"
REQUIRED_MESSAGES = ("passed", "failed", "cantTell")

Evaluate = Callable[["Transcript", Any, "Settings"], Iterable[Finding]]


@dataclass(frozen=True)
class Threshold:
    """A named, documented default a project may override with `thresholds."<rule>.<name>"`."""

    default: float
    description: str


@dataclass(frozen=True)
class Rule:
    """One check: its data (id, impact, tags, texts, thresholds) and the function that judges a journey.

    `messages` holds templates for `passed`, `failed` and `cantTell` plus optional named variants
    (`failed.back`); `{name}` fields are filled from the evidence when a finding is made.
    """

    id: str
    impact: str
    tags: tuple[str, ...]
    help: str
    description: str
    how_to_fix: str
    messages: Mapping[str, str]
    evaluate: Evaluate
    help_url: str = ""
    thresholds: Mapping[str, Threshold] = field(default_factory=dict)
    wording: bool = True  # judges what pages say (so needs phrase data in the page's language)
    weight: float = 1.0  # its share of the empathy score (harness.reporting.score), as Lighthouse weighs audits

    @property
    def default_impact(self) -> Impact:
        return Impact.parse(self.impact)

    def message_fields(self) -> set[str]:
        """Every `{field}` the message templates use (the registry checks they parse)."""
        names: set[str] = set()
        for template in self.messages.values():
            names.update(f for _, f, _, _ in string.Formatter().parse(template) if f)
        return names


def rule_from(meta: Mapping[str, Any], evaluate: Evaluate) -> Rule:
    """Build a rule from the metadata dict at the top of its module (tags as a tuple, a help URL)."""
    data = dict(meta)
    data["tags"] = tuple(data.get("tags", ()))
    data.setdefault("help_url", HELP_BASE + f"{data['id']}.md")
    return Rule(evaluate=evaluate, **data)
