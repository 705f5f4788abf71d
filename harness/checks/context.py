"""What every rule shares: persona traits, thresholds, secret masking, the finding builder and what has gone wrong
for the person so far (`distress`).

Why one place: each rule should read as its judgement alone. How a trait is looked up (a validated
`Persona` or a partial dict from a hand-written transcript), how a project overrides a threshold and
how secret evidence is hidden are the same for all of them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from harness.checks.faults import failed_by_server
from harness.checks.pages import has_error
from harness.checks.patterns import has
from harness.findings import Finding, Impact
from harness.transcript import MASK

if TYPE_CHECKING:
    from harness.checks.base import Rule
    from harness.config import Settings
    from harness.transcript import Step, Transcript


def resolve_persona(transcript: Transcript) -> Any:
    """The transcript's persona as a `Persona` (defaults filled in), or the raw dict when it is not one."""
    raw = dict(transcript.persona or {})
    try:
        from harness.personas.model import Persona
    except ImportError:  # why: checks must still run on a saved transcript without the persona package
        return raw
    filled = {"name": transcript.persona_name or "persona", "description": "-", **raw}
    filled.pop("locale", None)  # why: only Faker cares, and validating it imports Faker
    try:
        return Persona.model_validate(filled)
    except Exception:  # a partial or foreign persona: read what is there, defaults for the rest
        return raw


def trait(persona: Any, path: str, default: Any) -> Any:
    """A persona trait by dotted path ("patience.silence_ms"), from a model or a dict."""
    value = persona
    for part in path.split("."):
        if isinstance(value, dict):
            if part not in value:
                return default
            value = value[part]
        elif hasattr(value, part):
            value = getattr(value, part)
        else:
            return default
    return default if value is None else value


def mask(value: str, secret: bool) -> str:
    """The value as evidence may show it: MASK when it is secret (or already masked)."""
    return MASK if secret or value == MASK else value


def escalate(impact: Impact | str, by: int, cap: Impact = Impact.critical) -> str:
    """Raise an impact by `by` levels, never above `cap`; returns the impact's name."""
    level = Impact.parse(impact) + max(by, 0)
    return Impact(min(level, cap)).name


class _Blank(dict):  # why: a template field a rule did not fill shows as "…" rather than raising
    def __missing__(self, key: str) -> str:
        return "…"


@dataclass
class Context:
    """A rule's view of one journey: the transcript, the persona, the thresholds, and a finding builder."""

    rule: Rule
    transcript: Transcript
    persona: Any
    settings: Settings
    _secret_keys: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        self._secret_keys = set(trait(self.persona, "data.secrets", {}) or {}) | {"password"}

    def trait(self, path: str, default: Any) -> Any:
        return trait(self.persona, path, default)

    def threshold(self, name: str) -> float:
        """The project's override (`thresholds."<rule>.<name>"`) or the rule's documented default."""
        default = self.rule.thresholds[name].default  # KeyError: the rule forgot to declare it
        return float((self.settings.thresholds or {}).get(f"{self.rule.id}.{name}", default))

    def is_secret(self, *, secret: bool = False, data_key: str = "", type: str = "") -> bool:
        return secret or type == "password" or (bool(data_key) and data_key in self._secret_keys)

    def finding(self, step: Step, /, *, message: str = "failed", outcome: str = "failed", impact: str = "",
                target: str = "", url: str = "", suggestion: str = "", key: str = "",
                **evidence: Any) -> Finding:
        """A finding at `step`, its message from the rule's template `message` filled from `evidence`."""
        template = self.rule.messages.get(message) or self.rule.messages[outcome]
        evidence.pop("step", None)  # the finding's own step; templates get it below
        shown = {k: v for k, v in evidence.items() if v is not None}
        if isinstance(shown.get("earlier_step"), int):
            shown["earlier_step"] += 1  # people count steps from 1, as the report and the failure message do
        text = template.format_map(_Blank({**shown, "step": step.index + 1}))
        ev = {k: v for k, v in evidence.items() if v not in (None, "", [], {})}
        ev["key"] = key or text
        return Finding(
            rule=self.rule.id, impact=impact or self.rule.impact, outcome=outcome,
            persona=self.transcript.persona_name, feature=self.transcript.feature,
            scenario=self.transcript.scenario, step=step.index, step_text=step.text,
            url=url or step.url_after or step.url_before, target=target, message=text,
            suggestion=suggestion or self.rule.how_to_fix, evidence=ev,
        )


def distress(ctx: Context, upto: int) -> list[str]:
    """What has gone wrong for the person by step position `upto`: repeated errors, a failed payment."""
    steps = ctx.transcript.steps[: upto + 1]
    out = []
    errors = sum(1 for s in steps if has_error(s) or failed_by_server(s))
    if errors >= ctx.threshold("repeated_errors") + 1:
        out.append(f"{errors} error moments so far")
    for s in steps:
        # what the step and its errors say, not its address (an e-mail error on a "checkout" page is no failed payment)
        text = " ".join([s.text, *(m.text for m in s.messages if m.kind in ("error", "alert", "validation"))])
        failed_request = any(r.method != "GET" and r.status is not None and r.status >= 400 for r in s.requests)
        if (has_error(s) or failed_request) and has("payment", text):
            out.append("after a failed payment")
            break
    return out
