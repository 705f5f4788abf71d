"""Training pairs made by rules, for the pair model (same information asked twice?).

Why: the labelled dev split holds about 250 pairs, too few to teach a model the shapes issue #22 names
(a label against the question that asks it, whose value, another attribute of one thing, an identifier
described rather than named). These rules write such pairs from the harness's own vocabulary
(``data/info_types.yaml``) and from generic nouns listed here, never from an outside or test item.
Deterministic: the same files give the same pairs.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from importlib import resources

import yaml

Pair = tuple[str, str, int]  # a, b, 1 when the same information

# A label said as a question or an instruction: the same information whatever the form.
FORMS = ("{x}", "{X}", "Your {x}", "{X}:", "{X} (required)", "What is your {x}?", "What's your {x}?",
         "Please enter your {x}", "Enter your {x}", "Could you tell me your {x}?", "Can I take your {x}?",
         "Please provide your {x}.", "Which {x} should we use?", "And your {x}?", "Type your {x} here")
# Someone else's value of the same kind: different information.
OWNERS = ("your partner's", "the account holder's", "your child's", "the recipient's", "your employer's",
          "your emergency contact's", "the applicant's", "your manager's", "the main driver's", "your guest's",
          "the second applicant's", "your landlord's", "the patient's", "the sender's", "your referee's")
OWNER_NOUNS = ("account holder", "recipient", "second applicant", "named driver", "payer", "guarantor", "tenant",
               "student", "patient", "beneficiary")
# One thing and its attributes: two attributes of one thing are different information.
THINGS = ("card", "order", "account", "booking", "invoice", "repository", "project", "event", "device", "vehicle",
          "subscription", "ticket", "parcel", "payment", "team", "store", "course", "room", "plan", "campaign",
          "shipment", "meter", "document", "contract", "loan", "membership", "prescription", "webhook", "server",
          "listing", "album", "course", "appointment", "pet", "property", "workspace", "channel", "survey")
ATTRIBUTES = ("number", "name", "date", "type", "status", "description", "expiry date", "frequency", "owner",
              "start date", "end date", "colour", "size", "price", "category", "notes", "reference", "location",
              "title", "URL", "address", "language", "time", "amount", "limit", "priority", "label", "count")
IDENTIFIERS = ("number", "code", "ID", "reference")
DESCRIBED = ("The {n}-digit {noun} on your {thing}", "The {n}-character {noun} shown on your {thing}",
             "The {noun} printed on your {thing}", "The {noun} we gave you for your {thing}",
             "The {noun} at the top of your {thing} confirmation", "The {n}-digit {noun} that identifies your {thing}")


_QUESTION_WORDS = frozenset({"what", "how", "who", "where", "when", "which", "tell", "send", "are", "do", "is"})


def _phrases() -> dict[str, list[str]]:
    """Each info type's English names: its label and its plain ASCII phrases of one to four words."""
    text = resources.files("harness.language").joinpath("data", "info_types.yaml").read_text(encoding="utf-8")
    info = yaml.safe_load(text)
    out: dict[str, list[str]] = {}
    for key, entry in info.items():
        names = [entry.get("label", key), *entry.get("phrases", [])]
        plain = [p for p in dict.fromkeys(names) if p.isascii() and 1 <= len(p.split()) <= 4 and len(p) > 2
                 and p.split()[0].lower() not in _QUESTION_WORDS]
        if plain:
            out[key] = plain
    return out


def _related(info_key: str, other: str) -> bool:
    """Parent and child or overlapping kinds: neither plainly the same nor plainly different."""
    from harness.language.prompt_structure import vocabulary

    vocab = vocabulary()
    a, b = vocab.types.get(info_key), vocab.types.get(other)
    if a is None or b is None:
        return True
    return (info_key in vocab.ancestors(other) or other in vocab.ancestors(info_key)
            or other in a.related or info_key in b.related or bool(set(vocab.ancestors(info_key))
                                                                    & set(vocab.ancestors(other))))


def _form(rng: random.Random, phrase: str) -> str:
    template = rng.choice(FORMS)
    return template.format(x=phrase.lower() if not phrase.isupper() else phrase, X=phrase[:1].upper() + phrase[1:])


def _vocabulary_pairs(rng: random.Random, per_type: int) -> Iterator[Pair]:
    """Label and question forms of one kind (same), and of two unrelated kinds (different)."""
    phrases = _phrases()
    keys = sorted(phrases)
    for key in keys:
        for _ in range(per_type):
            yield _form(rng, rng.choice(phrases[key])), _form(rng, rng.choice(phrases[key])), 1
            other = rng.choice(keys)
            if other != key and not _related(key, other):
                yield _form(rng, rng.choice(phrases[key])), _form(rng, rng.choice(phrases[other])), 0


def _whose_pairs(rng: random.Random, count: int) -> Iterator[Pair]:
    """The same kind of value about another person: different information."""
    phrases = _phrases()
    keys = sorted(k for k in phrases if k not in ("consent", "marketing_consent", "captcha", "search_query"))
    for _ in range(count):
        phrase = rng.choice(phrases[rng.choice(keys)]).lower()
        owner = rng.choice(OWNERS)
        mine = rng.choice((f"Your {phrase}", phrase[:1].upper() + phrase[1:], f"What is your {phrase}?"))
        theirs = rng.choice((f"{owner[:1].upper()}{owner[1:]} {phrase}", f"What is {owner} {phrase}?",
                             f"{phrase[:1].upper()}{phrase[1:]} of the {rng.choice(OWNER_NOUNS)}, if different",
                             f"{phrase[:1].upper()}{phrase[1:]} ({rng.choice(OWNER_NOUNS)})"))
        yield mine, theirs, 0


def _attribute_pairs(rng: random.Random, count: int) -> Iterator[Pair]:
    """Two attributes of one thing (different); one attribute named two ways (the same)."""
    for _ in range(count):
        thing = rng.choice(THINGS)
        first, second = rng.sample(ATTRIBUTES, 2)
        title = thing[:1].upper() + thing[1:]
        yield f"{title} {first}", rng.choice((f"{title} {second}", f"What is the {thing}'s {second}?",
                                               f"{second[:1].upper()}{second[1:]} of your {thing}")), 0
        named = (f"The {first} of your {thing}", f"What is your {thing} {first}?", f"Your {thing}'s {first}",
                 f"{first[:1].upper()}{first[1:]} ({thing})")
        yield f"{title} {first}", rng.choice(named), 1


def _described_pairs(rng: random.Random, count: int) -> Iterator[Pair]:
    """An identifier described rather than named (the same); a count of things is not their identifier."""
    for _ in range(count):
        thing, noun = rng.choice(THINGS), rng.choice(IDENTIFIERS)
        title = thing[:1].upper() + thing[1:]
        described = rng.choice(DESCRIBED).format(n=rng.choice((4, 6, 8, 10, 12, 16)), noun=noun.lower()
                                                 if noun != "ID" else noun, thing=thing)
        yield f"{title} {noun}", described, 1
        other = rng.choice([t for t in THINGS if t != thing])
        yield f"{title} {noun}", rng.choice((f"The number of {thing}s you have", f"How many {thing}s do you need?",
                                             described.replace(f"your {thing}", f"your {other}"))), 0


def _norm(text: str) -> str:
    return " ".join(re.findall(r"[^\W_]+", text.casefold()))


def augmented(seed: int = 0, *, held_apart: set[frozenset[str]] | None = None) -> list[Pair]:
    """All rule-made pairs, shuffled, without any pair whose two sides equal a held-apart pair's."""
    rng = random.Random(seed)
    pairs = [*_vocabulary_pairs(rng, 12), *_whose_pairs(rng, 500), *_attribute_pairs(rng, 500),
             *_described_pairs(rng, 250)]
    held = held_apart or set()
    unique = {(a, b): y for a, b, y in pairs if _norm(a) != _norm(b) and frozenset((_norm(a), _norm(b))) not in held}
    out = [(a, b, y) for (a, b), y in unique.items()]
    rng.shuffle(out)
    return out
