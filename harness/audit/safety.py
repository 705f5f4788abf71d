"""What the audit must not do without `--submit`: complete an irreversible action, or leave the session.

Why by words, method and URL: a person knows "Pay now", "Delete account" or "Send message" commits
them, whatever the markup; a GET form (search, filter) is safe by HTTP's own rules; the last step of
a multi-step flow commits what the steps before it collected. A form that shows what is already on file
(an account's settings, an item's edit page) saves over it: a change the person did not ask for.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache
from typing import Any

from harness.exceptions import ConfigError
from harness.phrases import languages, signals

_CARD = re.compile(r"^cc-", re.I)
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


@cache
def _words(name: str) -> re.Pattern[str]:
    """Entry `name` of every language with phrase data, as one pattern. Why every language: a page need not say
    its language, and a commitment in any language is held back (a language without the entry adds nothing)."""
    found = [signals(lang)[name].compiled().pattern for lang in languages() if name in signals(lang)]
    if not found:
        raise ConfigError(f"harness/phrases: no language has the audit's safety entry {name!r}; restore it in en.yaml")
    return re.compile("|".join(f"(?:{p})" for p in found), re.I)


def _words_of(address: str) -> str:
    """An address's words ("/accounts/user_logout" -> " accounts user logout", "doLogout" -> "do Logout")."""
    return re.sub(r"[\W_]+", " ", re.sub(r"(?<=[a-z])(?=[A-Z])", " ", address))


def irreversible(form: FormFacts) -> str:
    """Why pressing this form's button would commit the person (empty: it would not)."""
    commits = _words("commits")
    if (match := commits.search(form.button)) and not _words("moves_on_to").match(form.button):
        return f'its button "{form.button}" says "{match.group(0)}"'
    for option in form.choices:
        if match := commits.search(option):
            return f'it would press "{form.button}" with "{option}" chosen ("{match.group(0)}")'
    if any(_CARD.match(a) for a in form.autocompletes):
        return "it asks for card details (a payment)"
    if form.method.lower() == "get" or is_next(form.button):
        return ""  # a GET is safe by HTTP's rules; "Continue" moves a flow on, the commitment comes later
    if match := commits.search(form.words):
        return f'the form says "{match.group(0)}"'
    if match := _words("commits_address").search(form.action.split("?")[0]):
        return f'it posts to {form.action} ("{match.group(0)}")'
    if "textarea" in form.field_types and "password" not in form.field_types:  # an account form's notes box
        return "it posts a free-text message, which may reach a real person"
    if form.last_of_flow:
        return f'"{form.button}" ends a multi-step flow, which commits what the steps collected'
    return _saves_over(form)


def only_a_message(form: FormFacts) -> bool:
    """Held back for its free-text box alone (a comment, a draft): its button, words and address commit nothing, so
    sent empty it carries no message (nothing a person would read, nothing paid, deleted or ordered)."""
    return not irreversible(replace(form, field_types=tuple(t for t in form.field_types if t != "textarea")))


def _saves_over(form: FormFacts) -> str:
    """Why the form would save over what is already on file (empty: it would not)."""
    if "password" in form.field_types:
        return ""  # a sign-in that remembers a name is pressed; a change of password types the same one (probes)
    typed = [t for t in form.field_types if t in _TYPED]
    shown = [t for t in form.held if t in _TYPED]
    if shown and 2 * len(shown) >= len(typed):
        return f"it would save over {len(shown)} answer(s) the page showed already on file"
    address = _words("edits_address")
    named = _words("edits_existing").search(f"{form.words} {form.button}") or address.search(
        form.page.split("?")[0]) or address.search(form.action.split("?")[0])
    if form.held and named:
        return f'it would save over the settings the page showed ("{named.group(0).strip("/")}")'
    return ""


def is_next(button: str) -> bool:
    """A button that moves a flow on ("Continue", "Next") rather than finishing it."""
    return bool(_words("moves_on").search(button))


def is_logout(text: str, href: str) -> bool:
    """A link that would end the session (the audit never follows one)."""
    return bool(_words("sign_out").search(text) or _words("sign_out").search(_words_of(href.split("?")[0])))


def link_commits(text: str, href: str) -> bool:
    """A link that would act rather than show (a GET that deletes, cancels or unsubscribes)."""
    tail = "/".join(href.split("?")[0].split("#")[0].rstrip("/").split("/")[-2:])
    return bool(_words("link_acts").search(tail) or _words("link_acts").search(text))


def shows_dialog(name: str, marked: bool) -> bool:
    """A button outside any form worth pressing to see what it hides: one marked as opening a dialog, or one that
    signs in ("Login": a sign-in dialog). Never one that signs out, acts or commits."""
    if _words("sign_out").search(name) or _words("link_acts").search(name) or _words("commits").search(name):
        return False
    return marked or bool(_words("sign_in").search(name))


def says_sign_up(text: str) -> bool:
    """Words that open an account ("Create account", "Register"): a form of two passwords under them is a sign-up."""
    return bool(_words("sign_up").search(text))


def stated_length(text: str) -> int:
    """The shortest new password the words state ("at least 8 characters": 8), 0 when they state none."""
    match = _words("password_length").search(text)
    return int("".join(c for c in match.group(0) if c.isdigit())) if match else 0


def says_self_help(text: str) -> bool:
    """Words of a way back in for someone who cannot sign in ("Forgot your password?", "Set new password")."""
    return bool(_words("self_help").search(text))


def offers_sign_out(raw: dict[str, Any]) -> bool:
    """The page (as page.js reads it) has a sign-out link, or a form whose button signs out (a POST "Log out")."""
    return any(is_logout(str(link.get("text", "")), str(link.get("href", ""))) for link in raw.get("links", [])) or \
        any(is_logout(" ".join(map(str, f.get("buttons", []))), str(f.get("action", ""))) for f in raw.get("forms", []))
