"""A plausible answer for a field none of the persona's details answers, so a walked flow goes on.

Why from the field itself: a person with no such detail to hand copies the example the page gives ("for
example HM-1234567"), and otherwise types something of the kind the field asks for, by its type,
autocomplete, name or label (Faker has a provider for most). Seeded by the run and the label, so the same
walk writes the same answers into the features. Never a password: a made-up secret is the persona's own.
Never in a form that only looks something up (sent by GET, or a search box: a filter, a look-up by code): a person
with nothing of their own to look up leaves its box alone, and a made-up code or name would only meet the
site's "no such ..." answer, a finding the audit caused.
"""

from __future__ import annotations

import re
from typing import Any

from harness.audit.model import Field

FREE_TEXT = "I would like some help with this, please."
PAST_DATE = "2025-01-15"  # ISO: the form of a date most sites accept, and the only one a date picker takes
UNSURE = "Not sure"  # what a person types into a box they cannot place
# "for example HM-1234567", "e.g. 14 3 2026", "such as AB12 3CD": the page's own sample of an accepted answer
_EXAMPLE = re.compile(r"\b(?:for example|for instance|e\.g\.|eg|such as)[,:]?\s*[\"“']?"
                      r"([A-Za-z0-9][A-Za-z0-9./@ :+-]{0,30}[A-Za-z0-9])", re.I)
_FILLED = ("text", "textarea", "search", "number", "email", "tel", "url", "date", "")
# a kind of answer -> how Faker makes one (email and web addresses only on reserved example domains)
_KINDS: tuple[tuple[re.Pattern[str], Any], ...] = tuple((re.compile(p, re.I), make) for p, make in (
    (r"\bemail\b|e-mail", lambda f: f"{f.user_name()}@example.org"),
    (r"\b(tel|phone|mobile)\b", lambda f: f.phone_number()),
    (r"\b(url|website|web ?site|homepage)\b", lambda f: f"https://www.example.org/{f.slug()}"),
    (r"organi[sz]ation|company|employer|business", lambda f: f.company()),
    (r"\b(job|occupation|role)\b", lambda f: f.job()),
    (r"\bcountry", lambda f: f.country()),
    (r"\b(city|town|address.level2)\b", lambda f: f.city()),
    (r"post.?code|postal|\bzip\b", lambda f: f.postcode()),
    (r"\b(street|address)\b", lambda f: f.street_address().replace("\n", ", ")),
    (r"\b(number|no|code|id|reference)\b", lambda f: f.numerify("########")),
))


def example_in(field: Field) -> str:
    """The example answer the page gives beside the field (its hint or placeholder), if any."""
    for text in (field.hint, field.placeholder):
        if found := _EXAMPLE.search(text or ""):
            return found.group(1)
    return field.placeholder if re.fullmatch(r"[A-Z]{0,4}[- ]?\d[\d -]{3,}", field.placeholder or "") else ""


def plausible(field: Field, *, seed: int, locale: str = "en_GB", looks_up: bool = False) -> str:
    """An answer a person could give to `field` (empty: a kind of field the persona does not type into, or
    any field of a form that `looks_up` what the person would have to make up)."""
    if looks_up or field.type not in _FILLED:
        return ""
    if field.type == "date":
        return PAST_DATE
    if example := example_in(field):
        return example
    kinds = set(field.info.split("|"))
    if field.type == "number" or kinds & {"number", "quantity", "amount"}:
        return "1"
    if kinds & {"date", "dob"} or any(k.endswith("_date") for k in kinds):
        return PAST_DATE
    if field.type == "textarea":
        return FREE_TEXT
    said = " ".join((field.type, field.autocomplete, field.info.replace("_", " "), field.name, field.label))
    for pattern, make in _KINDS:
        if pattern.search(said):
            return str(make(_faker(locale, seed, field.label)))
    return UNSURE


def _faker(locale: str, seed: int, label: str) -> Any:
    from harness.personas.data import faker_for, seed_for

    fake = faker_for(locale)  # the persona data's one Faker per locale, re-seeded for this field
    fake.seed_instance(seed_for(seed, "plausible", label))
    return fake
