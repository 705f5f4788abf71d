"""A concrete rewrite for a cold message: a template for its kind, filled from the page's own words.

Why templates: guidance (GOV.UK, NN/g) gives each kind a shape (validation: imperative fix in the
field's words with an example; fault: what happened, what to do now, a way to get help;
confirmation: reference, next step, when). Why the page's words: a suggestion must read right on any
site, so it names only what the transcript holds (the field's label, the form's fields, the button
pressed, the page heading, the site's name from the title) and never assumes what the site is for.
The caller's `context` fills the blanks (`text`, `button`, `fields`, `heading`, `site`, `action`,
`phone`, `contact`, `reference`, `wait`, `when`, `next`, `thing`, `agent`, `example`, `type`);
anything unknown stays as a visible [placeholder] for the writer to complete.
"""

from __future__ import annotations

import re
from typing import Any

# Field words -> (how to show an example). First match wins; order from specific to general. Only
# formats that hold on any site: a field whose rules the page does not state gets no invented example.
_EXAMPLES: tuple[tuple[str, str], ...] = (
    (r"\b(?:date of birth|birth ?date|dob|birthday)\b", "for example, 27 3 1990"),
    (r"\bdate\b", "for example, 27 3 2026"),
    (r"\b(?:post ?code|zip|postal code)\b", "like SW1A 1AA"),
    (r"\be-?mail\b", "like name@example.com"),
    (r"\b(?:phone|mobile|telephone|tel)\b", "like 07700 900 982"),
    (r"\b(?:expiry|expiration)\b", "as it's shown on your card, like 04 28"),
    (r"\b(?:cvc|cvv|security code)\b", "the last 3 digits on the back of your card"),
    (r"\bcard number\b", "the 16 digits on the front of your card"),
)
_VERBS = {"select": "Select", "radio": "Select", "checkbox": "Select", "file": "Upload", "choice": "Choose"}
_MISMATCH = re.compile(r"\b(?:match|matches|matching|mismatch(?:ed)?|same as|not the same|differ(?:ent)?)\b", re.I)
_REPEAT_WORDS = re.compile(r"\(?\b(?:confirm(?:ation|ed)?|again|repeat(?:ed)?|re-?enter(?:ed)?|verify|verification"
                           r"|retype)\b\)?|[0-9]+\s*$", re.I)
_TITLE_PARTS = re.compile(r"\s+[|\-–—·:»]{1,2}\s+")
_MAX_FIELDS = 3


def _get(context: dict[str, Any], key: str, default: str) -> str:
    value = context.get(key)
    return str(value).strip() if value not in (None, "") else default


def _title_parts(title: str) -> list[str]:
    return [p.strip() for p in _TITLE_PARTS.split(title or "") if p.strip()]


def site_name(title: str) -> str:
    """The site's name from a page title written 'Page | Site' ('Log in | Django site admin' -> the
    last part); '' when the title has one part (it names the page, not the site)."""
    parts = _title_parts(title)
    return parts[-1] if len(parts) > 1 else ""


def page_name(title: str) -> str:
    """The page's own name from a page title: 'Page | Site' -> 'Page'; a title of one part is the page's name."""
    parts = _title_parts(title)
    return " ".join(parts[:-1] if len(parts) > 1 else parts)


def field_phrase(label: str) -> str:
    """'Date of birth' -> 'your date of birth', keeping acronyms ('NHS number' stays upper)."""
    words = [w if (w.isupper() and len(w) > 1) else w.lower() for w in re.findall(r"\S+", label.strip(" :*?"))]
    phrase = " ".join(w for w in words if w not in ("(optional)", "(required)"))
    if not phrase:
        return "[the answer]"
    return phrase if phrase.startswith(("your ", "the ", "a ", "an ")) else f"your {phrase}"


def _join(words: list[str]) -> str:
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} and {words[-1]}"


def _validation(field: str, context: dict[str, Any]) -> str:
    verb = _VERBS.get(_get(context, "type", "").lower(), "Enter")
    if not field:
        return f"{verb} [what is needed], for example [a real example]."
    if _MISMATCH.search(_get(context, "text", "")):
        base = " ".join(_REPEAT_WORDS.sub("", field_phrase(field)).split()).removeprefix("your ") or "answer"
        return f"The two {base} boxes are different. Type the same {base} in both."
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
    site = _get(context, "site", "")
    return _get(context, "contact", f"[how to reach {site or 'a person'}]")


def _error(context: dict[str, Any]) -> str:
    """What went wrong in the form's own words, what to do now, where to get help; never a promise
    (answers kept, a wait of minutes) the page did not make."""
    button, site = _get(context, "button", ""), _get(context, "site", "")
    if context.get("action"):
        return f"We couldn't {context['action']} just now. Try again, or {_contact(context)}."
    labels = [str(f).strip(" :*?").lower() for f in context.get("fields") or [] if str(f).strip(" :*?")]
    pressed = f"'{button}'" if button else "That"
    if labels:
        named = _join(labels) if len(labels) <= _MAX_FIELDS else "details"
        check = "it" if len(labels) == 1 else "them"
        return (f"{pressed} didn't work with the {named} as typed. Check {check} and try again, "
                f"or {_contact(context)}.")
    where = f" on {site}" if site else ""
    done = f" and '{button}' didn't finish" if button else ""
    return f"Something went wrong{where}{done}. [What the person can do now], or {_contact(context)}."


def suggest(kind: str, field: str = "", context: dict[str, Any] | None = None) -> str:
    """The rewrite template for this kind, filled from the field label and the page's context."""
    ctx = dict(context or {})
    wait = _get(ctx, "wait", "[how long]")
    if kind == "validation":
        return _validation(field, ctx)
    if kind == "error":
        return _error(ctx)
    if kind == "timeout":
        return ("For your security, you'll be signed out in [how long] because nothing has happened for a while. "
                "[What is kept]. Select '[the button that keeps you signed in]' to carry on.")
    if kind == "status":
        doing = _get(ctx, "doing", f"working on '{ctx['button']}'" if ctx.get("button") else "[what is happening]")
        return f"We're {doing}. This usually takes about {wait}; you can keep this page open."
    if kind == "confirmation":
        button = _get(ctx, "button", "")
        thing = _get(ctx, "thing", "")
        done = (f"{thing[:1].upper()}{thing[1:]} has been received" if thing
                else f"'{button}' worked" if button else "[What the person sent] has been received")
        return (f"{done}. Your reference is {_get(ctx, 'reference', '[reference, if there is one]')}. "
                f"Next, {_get(ctx, 'next', '[what happens next]')} by {_get(ctx, 'when', '[when]')}. "
                f"If you have a question, {_contact(ctx)}.")
    if kind == "handoff":
        agent = _get(ctx, "agent", "a person from our team")
        return (f"I'm passing you to {agent}. They can see what you've told me, so you won't need to repeat it. "
                f"The wait is about {wait}.")
    if kind == "empty":
        thing = _get(ctx, "thing", "[items]")
        return (f"You have no {thing} yet. When you add one, it will appear here. "
                f"{_get(ctx, 'start', '[Start your first one]')}.")
    return "Say what happened in plain words, and what the person can do next."
