"""What the audit must not do without `--submit`: complete an irreversible action, or leave the session.

Why by words, method and URL: a person knows "Pay now", "Delete account" or "Send message" commits
them, whatever the markup; a GET form (search, filter) is safe by HTTP's own rules; the last step of
a multi-step flow commits what the steps before it collected. A form that shows what is already on file
(an account's settings, an item's edit page) saves over it: a change the person did not ask for.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_COMMIT = re.compile(
    r"\b(pay|payment|purchase|buy|order|checkout|check out|book|donate|transfer|subscribe|unsubscribe|"
    r"delete|remove|destroy|erase|deactivate|close (?:my |your |the )?account|cancel|refund|send|publish|"
    r"place|confirm|sign (?:the )?contract|apply)\b", re.I)
_COMMIT_URL = re.compile(r"(pay|checkout|purchase|order|delete|remove|destroy|cancel|unsubscribe|send)", re.I)
_NEXT = re.compile(r"^\s*(continue|next|proceed|go on|save and continue|start|begin)\b", re.I)
# "Proceed with checkout", "Continue to payment": the words after name the step it moves on to, not a commitment
_ONWARD = re.compile(r"^\s*(continue|next|proceed|go on)\s*(to|with|:)\s", re.I)
_LOGOUT = re.compile(r"\b(log ?out|sign ?out|log ?off|sign ?off)\b|logout|signout|logoff", re.I)
_ACTS = re.compile(r"delete|remove|destroy|cancel|unsubscribe|deactivate", re.I)
_CARD = re.compile(r"^cc-", re.I)
# a page that edits what exists, by its words or its address (not "add", "new", "create")
_EDITS = re.compile(r"\b(settings|preferences|profile|edit|update|change|save changes|account details)\b", re.I)
_EDIT_PATH = re.compile(r"/(edit|change|settings|preferences|profile|account)(?:[/?#]|$)", re.I)
_TYPED = frozenset({"text", "email", "tel", "url", "number", "textarea", "date"})  # a password is never shown


@dataclass(frozen=True)
class FormFacts:
    """What the safety rule reads of one form: its button, its own words, method, action and fields."""

    button: str
    method: str = "post"
    action: str = ""
    words: str = ""  # the form's heading and legend text
    field_types: tuple[str, ...] = ()
    autocompletes: tuple[str, ...] = ()
    last_of_flow: bool = False  # a later step of a multi-step flow whose button is not "Continue"
    choices: tuple[str, ...] = ()  # options the persona picks before pressing ("Delete selected items")
    page: str = ""  # the path of the page the form is on
    held: tuple[str, ...] = ()  # the types of the fields that already held an answer when the page was read


def irreversible(form: FormFacts) -> str:
    """Why pressing this form's button would commit the person (empty: it would not)."""
    if (match := _COMMIT.search(form.button)) and not _ONWARD.match(form.button):
        return f'its button "{form.button}" says "{match.group(0)}"'
    for option in form.choices:
        if match := _COMMIT.search(option):
            return f'it would press "{form.button}" with "{option}" chosen ("{match.group(0)}")'
    if any(_CARD.match(a) for a in form.autocompletes):
        return "it asks for card details (a payment)"
    if form.method.lower() == "get" or _NEXT.search(form.button):
        return ""  # a GET is safe by HTTP's rules; "Continue" moves a flow on, the commitment comes later
    if match := _COMMIT.search(form.words):
        return f'the form says "{match.group(0)}"'
    if match := _COMMIT_URL.search(form.action.split("?")[0]):
        return f'it posts to {form.action} ("{match.group(0)}")'
    if "textarea" in form.field_types and "password" not in form.field_types:  # an account form's notes box
        return "it posts a free-text message, which may reach a real person"
    if form.last_of_flow:
        return f'"{form.button}" ends a multi-step flow, which commits what the steps collected'
    return _saves_over(form)


def _saves_over(form: FormFacts) -> str:
    """Why the form would save over what is already on file (empty: it would not)."""
    if "password" in form.field_types:
        return ""  # a sign-in that remembers a name is pressed; a change of password types the same one (probes)
    typed = [t for t in form.field_types if t in _TYPED]
    shown = [t for t in form.held if t in _TYPED]
    if shown and 2 * len(shown) >= len(typed):
        return f"it would save over {len(shown)} answer(s) the page showed already on file"
    named = _EDITS.search(f"{form.words} {form.button}") or _EDIT_PATH.search(
        form.page.split("?")[0]) or _EDIT_PATH.search(form.action.split("?")[0])
    if form.held and named:
        return f'it would save over the settings the page showed ("{named.group(0).strip("/")}")'
    return ""


def is_next(button: str) -> bool:
    """A button that moves a flow on ("Continue", "Next") rather than finishing it."""
    return bool(_NEXT.search(button))


def is_logout(text: str, href: str) -> bool:
    """A link that would end the session (the audit never follows one)."""
    return bool(_LOGOUT.search(text) or _LOGOUT.search(href.split("?")[0]))


def link_commits(text: str, href: str) -> bool:
    """A link that would act rather than show (a GET that deletes, cancels or unsubscribes)."""
    tail = "/".join(href.split("?")[0].split("#")[0].rstrip("/").split("/")[-2:])
    return bool(_ACTS.search(tail) or _ACTS.search(text))
