"""Whose name a bare "Name" box asks for: the person's, or that of the thing the form makes.

Why from the form around it: "Name:" alone says neither; a person reads it by what else the form asks. Beside an
e-mail, a phone or a password it is theirs (a sign-up, a contact form); beside a group's permissions or an
event's dates it names the group or the event, and their own name there would be a slip ("Add group" saved as
"Sam Taylor"), as would judging the box as the account's name asked again. A label that says whose ("Your name",
"Full name") or an autocomplete token settles it without the form.

So for a username beside a new password and its confirmation: signed out it is the person's own (a sign-up);
signed in (the person has theirs) it names the account the form makes for someone else ("Add user"), and their
own there only meets "A user with that username already exists".
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

# the kinds of answer that make a form the person's own: who they are and how to reach them
PERSONAL = frozenset({"email", "given_name", "family_name", "customer_number", "username", "phone", "address",
                      "postcode", "dob"})


def names_a_thing(control: Any, controls: Iterable[Any]) -> bool:
    """`control` is a bare "Name" whose form (the `controls` sharing its `form`) asks nothing else about the person."""
    from harness.language.prompts import PromptSpec, info_types

    def kinds(c: Any) -> frozenset[str]:
        return info_types(PromptSpec.from_control(c))

    if re.sub(r"[\W_]+", "", control.label.casefold()) != "name" or control.autocomplete or kinds(control) != {"name"}:
        return False
    others = [c for c in controls if c.form == control.form and c.selector != control.selector]
    return not any(c.type == "password" or PERSONAL & kinds(c) for c in others)


def names_another_account(control: Any, controls: Iterable[Any]) -> bool:
    """`control` asks for a username in a form that also sets a new password and its confirmation (two password
    boxes, no third for the current one): met signed in, the account it makes is someone else's."""
    from harness.language.prompts import PromptSpec, info_types

    if "username" not in info_types(PromptSpec.from_control(control)):
        return False
    return sum(c.type == "password" for c in controls if c.form == control.form) == 2


def asks_for_others(control: Any) -> bool:
    """`control` takes other people's addresses: its label, name or hint says so ("CC to", "notify_cc_list",
    "separated by comma"), or it is a multi-line box for e-mail addresses or phone numbers (one's own fits a line)."""
    from harness import phrases
    from harness.language.prompts import PromptSpec, info_types

    said = " ".join(re.sub(r"[\W_]+", " ", str(getattr(control, key, "") or ""))
                    for key in ("label", "name", "placeholder"))
    if phrases.current()["for_others"].search(said):
        return True
    return control.type == "textarea" and bool(info_types(PromptSpec.from_control(control)) & {"email", "phone"})
