"""Whose value a prompt asks for, read from the noun that owns it: "Association name", "Password for the
moderator account", "Usernames of the members", "Payment date".

Why: a kind of value is one person's or one thing's. The qualifier lists name the usual owners (partner,
recipient, start/end), but forms name any thing they are about, and a word nobody listed ("association",
"moderator", "payment") owns the value just as well. Read from the label's structure, not from a word list:
an English compound puts the owner before the head noun ("Shop name"), a phrase puts it after "of", "for the"
or "on the" ("Name of the event", "Name on the invoice"), and a plural of a personal value ("Phone numbers",
"Email addresses") asks for several, so not the one person's own. Which kinds an owner changes is data (`owned` in
``data/info_types.yaml``): a person's details become someone else's (person=other), a thing's attribute
(a date, an amount) becomes that thing's (owner=<noun>).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

# Words that sit before or after a value's noun without owning it: determiners, pronouns, prepositions and
# the verbs prompts open with ("Enter email", "Choose a date").
NOT_OWNERS = frozenset({
    "a", "an", "the", "this", "that", "these", "those", "each", "every", "all", "any", "some", "other", "another",
    "your", "yours", "my", "our", "his", "her", "their", "its", "you", "yourself", "me", "us", "we", "i", "it",
    "to", "of", "for", "in", "on", "at", "by", "with", "from", "and", "or", "if", "is", "are", "be", "as",
    "enter", "type", "provide", "give", "add", "choose", "select", "pick", "set", "change", "update", "edit",
    "fill", "insert", "put", "write", "confirm", "verify", "please", "optional", "required", "valid", "same",
    "what", "which", "whose", "who", "whom", "how", "where", "when", "why",
})
# Adjectives that say what kind of value it is, not whose ("Real name", "Full legal name"): general words, and by
# their form, participles ("Registered email", "Verified phone") and adjectives in -ial/-ional/-ical/-ual/-gal
# ("Official name", "Professional email"); an owner is a noun.
NOT_OWNER_ADJECTIVES = frozenset({"real", "full", "true", "own", "main", "actual", "complete", "whole", "proper",
                                  "exact", "correct", "usual", "normal", "default", "public", "private"})
ADJECTIVE_ENDINGS = ("ed", "ial", "ional", "ical", "ual", "gal")
LABEL_TOKENS = 4  # an owner before the noun is a compound label's ("Shop name"); in a sentence it is an adjective
DETERMINERS = frozenset({"the", "a", "an", "this", "that", "each", "every", "all", "any", "another", "other"})


def is_adjective(token: str) -> bool:
    """A word that qualifies the value rather than owning it, read from its form or the general list."""
    return token in NOT_OWNER_ADJECTIVES or len(token) > 4 and token.endswith(ADJECTIVE_ENDINGS)


def _owner(token: str, reading: str | None, after: bool, thing: bool = False) -> str:
    """The owner `token` names, or ''. A listed word is read by its own list ("billing", "partner"); after "of the"
    an event or a time still owns the value ("Name of the event", read as its listed value), a person's
    word never does ("Name of the account holder"). A thing's attribute (a date, an amount) is told apart by the
    word before it whatever that word's list: "Invoice date" is the billing one, "Payment date" the payment's."""
    if token in NOT_OWNERS or token.isdigit() or len(token) < 2 or reading is None and is_adjective(token):
        return ""
    if reading is None:
        return token
    group, _, value = reading.partition("=")
    return value if (after or thing) and value and group != "person" else ""


def owner_of(tokens: Sequence[str], raw: Sequence[str], start: int, end: int,
             taken: Mapping[int, str], thing: bool = False) -> tuple[str, bool]:
    """The owner noun of the value phrase at tokens[start:end] ('' when none) and whether the phrase is plural.

    `raw` is the tokens before plurals were dropped; `taken` maps the indexes other phrases already read to what
    read them ("info", or a qualifier's "group=value"); `thing` says the value is a thing's attribute."""
    plural = raw[end - 1] != tokens[end - 1] and raw[end - 1].endswith("s")
    before = start - 1
    if 0 <= before and len(tokens) <= LABEL_TOKENS \
            and (owner := _owner(tokens[before], taken.get(before), False, thing)) \
            and (before == 0 or tokens[before - 1] in NOT_OWNERS):
        return owner, plural
    after = end
    if after < len(tokens) and tokens[after] in ("of", "for", "on"):
        nxt = after + 1
        if nxt < len(tokens) and tokens[nxt] in DETERMINERS:
            nxt += 1
            while nxt + 1 < len(tokens) and is_adjective(tokens[nxt]):  # "… of the registered keeper"
                nxt += 1
        elif tokens[after] != "of":
            return "", plural  # "Email for notifications": a purpose, not an owner
        if nxt < len(tokens) and (owner := _owner(tokens[nxt], taken.get(nxt), True)):
            return owner, plural
    return "", plural


def whose(value: str) -> str:
    """A person or owner qualifier's value in the plain words a report reader reads: "your own", "another person's",
    "the venue's" (never "person venue")."""
    return {"self": "your own", "other": "another person's", "third_party": "another party's"}.get(
        value, f"the {value.replace('_', ' ')}'s")


def another_s(group: str, a: str, b: str) -> str:
    """Why two values of one kind differ by whose they are, in plain English ("… the venue's vs your own")."""
    who = "another person or thing" if group == "person" else "another thing"
    return f"one asks about {who}: {whose(a)} vs {whose(b)}"
