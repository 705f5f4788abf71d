"""What the scout found: pages, forms and the flows they lead to (plain data, written into features)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar
from urllib.parse import urldefrag, urlsplit

from harness.audit.safety import FormFacts, irreversible, is_next, only_a_message, says_self_help, says_sign_up

if TYPE_CHECKING:
    from harness.transcript import Given

T = TypeVar("T")
UNNAMED_PASSWORD = "Password"  # the fill step finds an unnamed password box by this word
_TEXT = {"text", "email", "tel", "url", "search", "number", "password", "textarea", "date", ""}


@dataclass
class Field:
    """One question a form asks, as a person finds it (its label) and what it means (its info type)."""

    label: str
    type: str = "text"
    info: str = ""  # canonical info type ("email", "phone", "dob", "postcode"), '|'-joined when several
    required: bool = False
    options: list[str] = field(default_factory=list)
    value: str = ""
    autocomplete: str = ""
    hint: str = ""  # the words that describe it (aria-describedby), where a page gives an example answer
    placeholder: str = ""
    name: str = ""

    @property
    def typed(self) -> bool:
        """A field a person types into (the probes' invalid values go there)."""
        return self.type in _TEXT


@dataclass
class Form:
    """A form on a page: the button that sends it, how, and its fields."""

    path: str
    button: str
    method: str = "post"
    action: str = ""
    words: str = ""
    search: bool = False
    fields: list[Field] = field(default_factory=list)
    sign_in: str = ""  # the sign-in page the persona signed in on before it found this form (empty: signed out)
    account: str = ""  # the account the sign-in page named, signed in as (empty: the persona's own name)
    opener: str = ""  # the button outside it that shows it (a dialog's), pressed after opening its page
    read_signed_in: bool = False  # read signed in but walked signed out (a sign-up): read again when walked
    refuses_empty: bool = False  # the browser will not send it empty (a required box, no `novalidate`)

    @classmethod
    def from_page(cls, raw: dict[str, Any], path: str, info: Callable[[dict[str, Any]], str]) -> Form:
        """From page.js's description; `info` maps a control's description to its info type."""
        fields: dict[str, Field] = {}
        # radio sets with an answer already chosen (by name: a set with no legend is one radio per label)
        answered = {c.get("name") for c in raw.get("controls", []) if c.get("type") == "radio" and c.get("value")}
        for c in raw.get("controls", []):
            kind = str(c.get("type", "text"))
            if kind == "radio" and c.get("name") in answered:
                c = {**c, "value": c.get("value") or "answered"}  # a chosen answer is left as the page set it
            label = str(c.get("group") if kind == "radio" and c.get("group") else c.get("label", "")).strip()
            if not label and kind == "password":
                label = UNNAMED_PASSWORD  # a box only its dots name: a person still calls it that
            if not label or '"' in label:
                continue
            known = fields.get(label)
            if known is not None:  # a radio group: one question, its options
                if kind == "radio" and len(known.options) < 20:
                    known.options.append(str(c.get("label", "")))
                    known.required = known.required or bool(c.get("required"))
                continue
            fields[label] = Field(label=label, type=kind, info=info(c) or "", required=bool(c.get("required")),
                                  options=[str(c.get("label", ""))] if kind == "radio" else
                                  [str(o) for o in c.get("options", [])][:20],
                                  value=str(c.get("value", "")), autocomplete=str(c.get("autocomplete", "")),
                                  hint=str(c.get("hint", "")), placeholder=str(c.get("placeholder", "")),
                                  name=str(c.get("name", "")))
        buttons = [str(b)[:80] for b in raw.get("buttons", []) if '"' not in str(b)]
        if sum(f.type == "password" for f in fields.values()) >= 2:  # a sign-in and a sign-up in one form: its own
            buttons.sort(key=lambda b: not says_sign_up(b))  # button opens the account ("Register", not "Log in")
        return cls(path=path, button=buttons[0] if buttons else "", method=str(raw.get("method", "post")),
                   action=str(raw.get("action", "")), words=str(raw.get("words", "")),
                   search=bool(raw.get("search")), fields=list(fields.values()),
                   refuses_empty=bool(raw.get("refusesEmpty")))

    def facts(self, *, last_of_flow: bool = False, choices: tuple[str, ...] = ()) -> FormFacts:
        return FormFacts(button=self.button, method=self.method, action=self.action, words=self.words,
                         field_types=tuple(f.type for f in self.fields),
                         autocompletes=tuple(f.autocomplete for f in self.fields), last_of_flow=last_of_flow,
                         choices=choices, page=self.path, held=tuple(f.type for f in self.fields if f.value))

    def commits(self, *, last_of_flow: bool = False, choices: tuple[str, ...] = ()) -> str:
        """Why pressing its button (with these options chosen) is irreversible (empty when it is not)."""
        # a flow that ends in a new account ends where a sign-up does: the audit signs up as the people it makes up
        return irreversible(self.facts(last_of_flow=last_of_flow and not self.opens_account, choices=choices))

    @property
    def kind(self) -> tuple[bool, int]:
        """(controls outside any form, 0 a form to fill / 1 a sign-in / 2 a search): the kinds taken in turn."""
        return self.method == "script", 2 if self.search else int(self.signs_in)

    @property
    def filled_in(self) -> bool:
        """Every box a person types in already holds the page's answer (a look-up on the page of its results, "Page:
        Main Page"): pressing its button sends that answer again, not an empty form."""
        boxes = [f for f in self.fields if f.typed and f.type != "password"]
        return bool(boxes) and all(f.value for f in boxes)

    @property
    def sendable_empty(self) -> bool:
        """A form held back (it would commit) that may still be sent empty, as a person who pressed too soon: a
        form the browser lets go, with a box to type in, no answer the page showed (nothing on file is sent again),
        and either a box the site says it needs (it refuses the empty form) or held back for its message alone (an
        empty one says nothing). A lone button, or a delete with only an optional box, is never pressed."""
        typed = [f for f in self.fields if f.typed]
        if self.method == "script" or self.refuses_empty or not typed or any(f.value for f in self.fields):
            return False
        return any(f.required for f in typed) or only_a_message(self.facts())

    @property
    def extra_counts(self) -> set[str]:
        """The optional number boxes after the first (a shop's list of tickets, one box each): a person picks one
        item, not one of each; one of each asked the checkout's question once a ticket, two boxes of one label."""
        counts = [f.label for f in self.fields if f.type == "number" and not f.required and not f.value]
        return set(counts[1:])

    @property
    def signs_in(self) -> bool:
        """A sign-in form: one password among at most three fields (a sign-up form asks for more, and a
        change of password asks for two or three)."""
        return len(self.fields) <= 3 and sum(f.type == "password" for f in self.fields) == 1

    @property
    def opens_account(self) -> bool:
        """A new password and its confirmation under words that open an account: a sign-up, even met signed in."""
        return sum(f.type == "password" for f in self.fields) >= 2 and says_sign_up(
            f"{self.words} {self.button} {self.path}")

    @property
    def for_signed_out(self) -> bool:
        """A form for people who are not signed in, walked signed out even when met signed in: a sign-up, or a
        request for a new password that asks none (its account's own password would be no slip to probe)."""
        return self.opens_account or (not any(f.type == "password" for f in self.fields)
                                      and says_self_help(f"{self.words} {self.button}"))

    @property
    def new_passwords(self) -> list[str]:
        """The labels of a new password and its confirmation, typed as one the person makes up; signed in, none: the
        account's own password stays (typed by "I fill in the form"), so the audit never changes the one it signs
        in with."""
        passwords = [f.label for f in self.fields if f.type == "password"]
        return passwords if len(passwords) == 2 and not self.sign_in else []

    @property
    def signs_up(self) -> bool:
        """A sign-up form: a new password and its confirmation, met signed out (signed in, it changes one)."""
        return not self.sign_in and sum(f.type == "password" for f in self.fields) >= 2

    @property
    def key(self) -> tuple[str, str, tuple[str, ...]]:
        return self.path, self.button, tuple(sorted(f.label for f in self.fields))

    def one_form(self, here: str) -> tuple[str, str, tuple[str, ...]]:
        """What makes it one form while exploring (found on `here`): where it sends (a number as any number), its
        button, its labels; a search box outside any form on every page (a layout's) is one wherever it is."""
        layout = self.method == "script" and self.search
        action = "" if layout else re.sub(r"\d+", "#", urlsplit(self.action if self.method != "script" else here).path)
        return action, self.button, tuple(sorted(x.label for x in self.fields))

    def same_as(self, other: Form) -> bool:
        """The same form again: the same questions, or the same button sending to the same address."""
        return self.key == other.key or bool(self.fields) and [f.label for f in self.fields] == [
            f.label for f in other.fields] or self.button == other.button and urlsplit(
            self.action).path == urlsplit(other.action).path


@dataclass
class FlowStep:
    """One page of a flow: its form, the choices the persona made there, and whether it was pressed."""

    form: Form
    choices: list[tuple[str, str]] = field(default_factory=list)  # (question, option)
    ticks: list[str] = field(default_factory=list)
    entries: list[tuple[str, str]] = field(default_factory=list)  # (label, value) the persona had no detail for
    # (label, detail key) of its fields the persona filled, kept only when filling the page also typed into
    # another form (a sidebar's sign-in): the features then fill these alone (maybe none), as a person would
    details: list[tuple[str, str]] | None = None
    held_back: str = ""  # why the button was not pressed (irreversible without --submit)


@dataclass
class Flow:
    """A journey the scout walked from a form: one step per page until the flow ended or was held back."""

    steps: list[FlowStep]
    ended_at: str = ""  # the path the last press led to
    shown_again: bool = False  # the last press brought the form just sent back (its errors, most often)

    @property
    def start(self) -> Form:
        return self.steps[0].form

    @property
    def held_back(self) -> str:
        return self.steps[-1].held_back


@dataclass
class SiteMap:
    """Everything the scout found, in the seeded order it found it."""

    base_url: str
    seed: int
    pages: list[tuple[str, str]] = field(default_factory=list)  # (path, title)
    flows: list[Flow] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # links not followed, and why
    dialogs: int = 0
    error_pages: list[tuple[str, int]] = field(default_factory=list)  # (path, status) of pages answering 4xx/5xx
    stopped: str = ""  # why exploring ended early (time, Ctrl-C), empty when the budget was not reached
    # (the page signed in on, the first page met signed in with a way to sign out): never followed while exploring
    sign_out: tuple[str, str] | None = None
    account: str = ""  # the account a sign-in page named (its name box filled in by the site), signed in as


def in_turn(items: list[T], kind: Callable[[T], tuple[bool, int]]) -> list[T]:
    """One of each kind (a form to fill, a sign-in, a search), then the second of each, each kind in its own order;
    controls outside any form last (on a page with real forms they are most often widgets): a budget that stops
    early has still had one of each."""
    groups: dict[tuple[bool, int], list[T]] = {}
    for item in items:
        groups.setdefault(kind(item), []).append(item)
    turns = [((script, i, rank), item) for (script, rank), group in groups.items() for i, item in enumerate(group)]
    return [item for _, item in sorted(turns, key=lambda t: t[0])]


def path_and_query(url: str) -> str:
    """The part of a URL a feature opens: path and query, no fragment."""
    parts = urlsplit(urldefrag(url)[0])
    return (parts.path or "/") + (f"?{parts.query}" if parts.query else "")


def choices_for(form: Form) -> tuple[list[tuple[str, str]], list[str]]:
    """The answers a person must pick before sending: an empty required list, an empty radio group, a required
    tick box. An optional list is left as the page set it ("Use server language"): a person changes a
    setting on purpose, and an account page signed in would keep the change."""
    choices = [(f.label, f.options[0]) for f in form.fields
               if (f.type == "radio" or f.type == "select" and f.required) and not f.value and f.options
               and f.options[0] and '"' not in f.options[0]]
    ticks = [f.label for f in form.fields if f.type == "checkbox" and f.required and not f.value]
    return choices, ticks


def own_details(form: Form, given: list[Given]) -> list[tuple[str, str]] | None:
    """(label, detail key) of the form's own fields among what filling the page typed, when it also typed into
    another form's fields (None otherwise: "I fill in the form" then answers just this form)."""
    def own(g: Given) -> Field | None:
        return next((f for f in form.fields if g.name and g.name == f.name or g.field == f.label), None)

    typed = [(own(g), g.data_key) for g in given if g.data_key]
    if all(f is not None for f, _ in typed):
        return None
    return [(f.label, key) for f, key in typed if f is not None and "|" not in f.label]


def next_form(raw: dict[str, Any], before: Form, read: Callable[[dict[str, Any], str], Form], *,
              done: bool = False) -> Form | None:
    """The form the press led to (a later step of the flow), or None when the flow ended there.

    A form whose button moves on ("Continue", "Proceed with checkout", even with no field) comes first, then
    one that asks something, then a lone button that commits ("Place order": held back without --submit);
    the form just sent, shown again (its labels now saying what it holds), is not a next step, nor is a sign-in
    box (a sidebar's or header's: the scout signs in on its own, and its button ends no flow). On a page that
    says the press was `done` ("The group was added successfully") only a form that moves on, or a lone button that
    commits, goes on: a list's or the item's own form of questions beside the message starts something new; so do
    the forms on a search's or a filter's results: a look-up (a search, a form sent by GET that asks something)
    ends where it shows what it found; a GET button that moves on ("Proceed with checkout") is a step."""
    if before.search or before.method == "get" and before.fields and not is_next(before.button):
        return None
    here = path_and_query(raw["url"])
    later: list[Form] = []
    last: list[Form] = []
    for f in raw.get("forms", []):
        form = read(f, here)
        if form.search or not form.button or form.signs_in:
            continue
        if any(c.get("invalid") or c.get("error") for c in f.get("controls", [])):
            return None  # the same step again with errors: the flow stopped there
        if form.same_as(before):
            continue
        if is_next(form.button) or form.fields and not done:
            later.append(form)
        elif form.commits() and not (done and form.fields):  # the saved item's own questions: something new
            last.append(form)
    return min(later, key=lambda f: not is_next(f.button), default=last[0] if len(last) == 1 else None)
