"""A concrete rewrite for a cold message: a template for its kind, filled from what is known.

Why templates: guidance (GOV.UK, NN/g) gives each kind a shape (validation: imperative fix in the
field's words with an example; fault: what happened, answers kept, try again, a person to call;
confirmation: reference, next step, when). The caller's `context` fills the blanks it can
(`action`, `phone`, `contact`, `reference`, `wait`, `when`, `next`, `thing`, `agent`, `example`,
`type`); anything unknown stays as a visible [placeholder] for the writer to complete.
"""

from __future__ import annotations

import re
from typing import Any

# Field words -> (how to show an example). First match wins; order from specific to general.
_EXAMPLES: tuple[tuple[str, str], ...] = (
    (r"\b(?:date of birth|birth ?date|dob|birthday)\b", "for example, 27 3 1990"),
    (r"\bdate\b", "for example, 27 3 2026"),
    (r"\b(?:post ?code|zip|postal code)\b", "like SW1A 1AA"),
    (r"\be-?mail\b", "like name@example.com"),
    (r"\b(?:phone|mobile|telephone|tel)\b", "like 07700 900 982"),
    (r"\bsort code\b", "6 digits, like 30 94 57"),
    (r"\baccount number\b", "8 digits, like 00733445"),
    (r"\bcard number\b", "the 16 digits on the front of your card"),
    (r"\b(?:expiry|expiration)\b", "as it's shown on your card, like 04 28"),
    (r"\b(?:cvc|cvv|security code)\b", "the last 3 digits on the back of your card"),
    (r"\bpolicy\b", "as it's shown on your policy documents, like HX42 7719 0A"),
    (r"\bnational insurance\b", "like QQ 12 34 56 C"),
    (r"\bpassword\b", "with at least 12 characters"),
    (r"\b(?:amount|price|value|cost|income|salary)\b", "in pounds, like 450.00"),
    (r"\b(?:registration|reg)\b", "like AB51 ABC"),
    (r"\bname\b", "as it's shown on your ID"),
    (r"\b(?:reference|number|code|id)\b", "as it's shown on your letter or email"),
)
_VERBS = {"select": "Select", "radio": "Select", "checkbox": "Select", "file": "Upload", "choice": "Choose"}


def _get(context: dict[str, Any], key: str, default: str) -> str:
    value = context.get(key)
    return str(value).strip() if value not in (None, "") else default


def field_phrase(label: str) -> str:
    """'Date of birth' -> 'your date of birth', keeping acronyms ('NHS number' stays upper)."""
    words = [w if (w.isupper() and len(w) > 1) else w.lower() for w in re.findall(r"\S+", label.strip(" :*?"))]
    phrase = " ".join(w for w in words if w not in ("(optional)", "(required)"))
    if not phrase:
        return "[the answer]"
    return phrase if phrase.startswith(("your ", "the ", "a ", "an ")) else f"your {phrase}"


def _validation(field: str, context: dict[str, Any]) -> str:
    verb = _VERBS.get(_get(context, "type", "").lower(), "Enter")
    if not field:
        return f"{verb} [what is needed], for example [a real example]."
    example = context.get("example")
    if not example:
        example = next((ex for pat, ex in _EXAMPLES if re.search(pat, field, re.IGNORECASE)), "")
    elif not str(example).startswith(("for example", "like")):
        example = f"for example, {example}"
    tail = f", {example}" if example else ""
    return f"{verb} {field_phrase(field)}{tail}."


def _contact(context: dict[str, Any]) -> str:
    if context.get("phone"):
        return f"call us on {context['phone']}"
    return _get(context, "contact", "contact us on [phone number or chat link]")


def suggest(kind: str, field: str = "", context: dict[str, Any] | None = None) -> str:
    """The rewrite template for this kind, filled from the field label and the context."""
    ctx = dict(context or {})
    wait = _get(ctx, "wait", "[how long]")
    if kind == "validation":
        return _validation(field, ctx)
    if kind == "error":
        action = _get(ctx, "action", "[finish what you were doing]")
        return (f"We couldn't {action} just now. Your answers are saved. "
                f"Try again in a few minutes, or {_contact(ctx)}.")
    if kind == "timeout":
        return ("For your security, we'll sign you out in [2 minutes] because nothing has happened for a while. "
                "Your answers are saved. Select 'Stay signed in' to carry on.")
    if kind == "status":
        doing = _get(ctx, "doing", "checking your details")
        return f"We're {doing}. This usually takes about {wait}; you can keep this page open."
    if kind == "confirmation":
        thing = _get(ctx, "thing", "Your request")
        reference = _get(ctx, "reference", "[reference]")
        return (f"{thing[:1].upper()}{thing[1:]} has been received. Your reference is {reference}. "
                f"We'll {_get(ctx, 'next', '[what happens next]')} by {_get(ctx, 'when', '[when]')}. "
                f"If you have a question, {_contact(ctx)}.")
    if kind == "handoff":
        agent = _get(ctx, "agent", "an adviser")
        return (f"I'm passing you to {agent}. They can see what you've told me, so you won't need to repeat it. "
                f"The wait is about {wait}.")
    if kind == "empty":
        thing = _get(ctx, "thing", "[items]")
        return (f"You have no {thing} yet. When you add one, it will appear here. "
                f"{_get(ctx, 'start', '[Start your first one]')}.")
    return "Say what happened in plain words, and what the person can do next."
