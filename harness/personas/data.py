"""Seeded personal details for a persona: the same run makes the same people, parallel runs never collide.

Why a stable hash: Python's `hash()` of a string changes per process, so seeds come from SHA-256 of
(run seed, persona, scenario, worker). Each detail is drawn from its own sub-seed, so adding a new
detail later never changes the values of the others. Emails and usernames carry a short digest of
that seed, so two scenarios (or two xdist workers) never register the same account; emails use only
the reserved example.com/.org/.net domains, UK phone numbers only Ofcom's drama ranges, and card
numbers only payment providers' published test numbers, so no generated value belongs to anyone.

Secrets (a password) come only from the environment variable the persona file names, never from
the file; `PersonaData` hides them in its repr and lists them in `secret_keys`, so the recorder and
reports can mask them. The one exception: a persona with no password that makes an account makes one
up (Faker, seeded like the rest: `made_up_password`) and keeps it, secret, for the rest of the scenario.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import os
import random
import re
import unicodedata
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from harness.exceptions import PersonaError
from harness.personas.keys import DETAIL_KEYS, GENERATED_KEYS
from harness.personas.model import Persona
from harness.transcript import MASK

__all__ = ["DETAIL_KEYS", "PersonaData", "generate_data", "seed_for"]

DEFAULT_PATTERNS = {"reference": "REF-########"}
EXAMPLE_DOMAINS = ("example.com", "example.org", "example.net")  # RFC 2606: reserved, never delivered
TEST_CARDS = (  # published test numbers: valid Luhn, refused by every real bank
    "4242424242424242",  # Visa
    "4000056655665556",  # Visa debit
    "5555555555554444",  # Mastercard
    "2223003122003222",  # Mastercard 2-series
    "5200828282828210",  # Mastercard debit
)
_FREE_TEXT = (  # for a message, comment or description box: plain, on no site's subject; "{date}" is recent_date
    "I noticed this on {date} and would like some help with it, please.",
    "Could you tell me what happens next? I first tried on {date}.",
    "I have tried twice since {date} and it still does not work for me.",
    "Thank you for looking at this. Please get back to me when you can.",
    "I would like to change what I sent on {date}, if that is still possible.",
    "Everything was fine until {date}; since then I have not been able to finish.",
)


def seed_for(*parts: object) -> int:
    """A 64-bit seed from any values, stable across processes and machines (SHA-256, not hash())."""
    text = "\x1f".join(str(p) for p in parts)
    return int.from_bytes(hashlib.sha256(text.encode("utf-8")).digest()[:8], "big")


class PersonaData(Mapping[str, str]):
    """Detail key -> value for one persona in one scenario; secrets are kept but never shown."""

    def __init__(
        self,
        values: Mapping[str, str],
        *,
        secret_keys: set[str] | frozenset[str] = frozenset(),
        persona: str = "",
        seed: int = 0,
        missing_secrets: Mapping[str, str] | None = None,
    ) -> None:
        self._values = dict(values)
        self.secret_keys: frozenset[str] = frozenset(secret_keys)
        self.persona = persona
        self.seed = seed
        self.missing_secrets: dict[str, str] = dict(missing_secrets or {})  # key -> env var not set

    def __getitem__(self, key: str) -> str:
        return self._values[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)

    def __repr__(self) -> str:
        return f"PersonaData({self.masked()!r})"

    def secret_values(self) -> list[str]:
        """The actual secret values (to mask wherever they might appear); empty ones are left out."""
        return [self._values[k] for k in sorted(self.secret_keys) if self._values.get(k)]

    def keep_secret(self, key: str, value: str) -> None:
        """Keep a secret the persona made up in this scenario (the password of the account it made), masked as the
        others are."""
        self._values[key] = value
        self.secret_keys = self.secret_keys | {key}

    def keep(self, key: str, value: str) -> None:
        """Keep a detail the persona changed in this scenario (a username made shorter for a site's limit), so the
        steps after it (signing in with it) give the one the site took."""
        self._values[key] = value

    def masked(self) -> dict[str, str]:
        """A copy safe to print or store: every secret replaced by the transcript MASK."""
        return {k: (MASK if k in self.secret_keys else v) for k, v in self._values.items()}


def generate_data(
    persona: Persona, *, run_seed: int, scenario: str, worker: str = "", require_secrets: bool = True,
    aliases: Mapping[str, Sequence[str]] | None = None, identity: str = "",
) -> PersonaData:
    """The persona's details for this scenario: Faker seeded from (run seed, persona, scenario, worker).

    `scenario` should identify the scenario uniquely (a pytest node id), which already keeps xdist
    workers apart; pass `worker` only when the same scenario runs concurrently more than once (it
    makes data depend on scheduling, so a rerun on another worker would get other data).

    `require_secrets=False` (for listings) leaves a secret whose variable is unset out of the data
    and records it in `.missing_secrets` instead of raising.

    `aliases` (`[tool.empathy.details]`) are a site's own names for details: each name the persona
    lacks gets the value of the first of its keys the persona has (`membership_number = ["reference"]`).

    `identity` (the `identity` setting) makes other people of the same seed: a run that creates accounts on
    a site that keeps them (an audit) meets none it made before.
    """
    seed = seed_for(run_seed, persona.name, scenario, worker, *([identity] if identity else []))
    values = _generated(persona, seed)
    patterns = {**DEFAULT_PATTERNS, **persona.data.patterns}
    for key, pattern in patterns.items():
        values[key] = _from_pattern(pattern, seed_for(seed, "pattern", key))
    wanted = list(persona.data.fields) or [*GENERATED_KEYS, *persona.data.patterns]
    fixed = persona.data.fixed
    if {"first_name", "last_name"} & set(fixed):  # a fixed name is the person's whole name, wherever it is asked
        whole = f"{fixed.get('first_name', values['first_name'])} {fixed.get('last_name', values['last_name'])}"
        values.update({k: whole for k in ("full_name", "card_name")})
    out = {k: values[k] for k in wanted if k in values}
    out.update(fixed)
    missing: dict[str, str] = {}
    for key, env in persona.data.secrets.items():
        value = os.environ.get(env, "")
        if value:
            out[key] = value
        elif require_secrets:
            where = persona.source or "the persona"
            raise PersonaError(
                f"{where}: data.secrets.{key}: environment variable {env} is not set",
                hint=f"set {env} in the environment (CI secret) before running persona {persona.name!r}",
            )
        else:
            missing[key] = env
    secret = set(persona.data.secrets)
    for name, keys in (aliases or {}).items():
        source = next((k for k in keys if k in out), None)
        if name not in out and source is not None:
            out[name] = out[source]
            secret.update({name} if source in secret else set())
    return PersonaData(out, secret_keys=secret, persona=persona.name, seed=seed, missing_secrets=missing)


CHOSEN_KEYS = ("username", "other_username")
"""Details a person makes up for a site, so can make shorter when the site asks (an e-mail address cannot be)."""


def within(value: str, limit: int) -> str:
    """`value` cut to `limit` characters, keeping its last four (the digest that keeps generated usernames apart)."""
    if len(value) <= limit:
        return value
    return value[: limit - 4] + value[-4:] if limit > 6 else value[:limit]


def made_up_password(seed: int) -> str:
    """A password a person would make up for a new account: 16 characters, of every kind a site's rules may ask for
    (Faker's, seeded from the persona's scenario seed, so a rerun makes the same one)."""
    fake = faker_for("en_US")
    fake.seed_instance(seed_for(seed, "password"))
    return str(fake.password(length=16, special_chars=True, digits=True, upper_case=True, lower_case=True))


@functools.lru_cache(maxsize=8)
def faker_for(locale: str) -> Any:
    """One Faker per locale and process (building one costs ~5 ms); every draw re-seeds it first."""
    from faker import Faker  # why here: faker takes ~0.2 s to import

    return Faker(locale)


def _generated(persona: Persona, seed: int) -> dict[str, str]:
    """Every standard detail, each from its own sub-seed so one detail never shifts another."""
    fake = faker_for(persona.locale)

    def draw(key: str) -> Any:
        fake.seed_instance(seed_for(seed, key))
        return fake

    rng = random.Random(seed_for(seed, "misc"))
    digest = hashlib.sha256(str(seed).encode()).hexdigest()[:6]
    first, last = draw("first_name").first_name(), draw("last_name").last_name()
    local = _ascii(f"{first}.{last}") or "person"
    dob = draw("date_of_birth").date_of_birth(minimum_age=25, maximum_age=80)
    today = dt.date.today()  # only recent_date and card_expiry follow the calendar, so they stay valid
    recent = today - dt.timedelta(days=rng.randint(1, 30))
    uk = persona.locale == "en_GB"
    return {
        "first_name": first,
        "last_name": last,
        "full_name": f"{first} {last}",
        "email": f"{local}.{digest}@{rng.choice(EXAMPLE_DOMAINS)}",
        "phone": f"020 7946 0{rng.randint(0, 999):03d}" if uk else draw("phone").phone_number(),
        "mobile": f"07700 900{rng.randint(0, 999):03d}" if uk else _mobile(draw("mobile")),
        "address": ", ".join(draw("address").street_address().splitlines()),
        "city": draw("city").city(),
        "postcode": draw("postcode").postcode(),
        "date_of_birth": dob.strftime("%d/%m/%Y"),
        "dob_day": str(dob.day),
        "dob_month": str(dob.month),
        "dob_year": str(dob.year),
        "recent_date": recent.strftime("%d/%m/%Y"),
        "free_text": rng.choice(_FREE_TEXT).format(date=f"{recent:%d %B %Y}"),
        "card_name": f"{first} {last}",
        "card_number": rng.choice(TEST_CARDS),
        "card_expiry": f"{rng.randint(1, 12):02d}/{(today.year + rng.randint(2, 5)) % 100:02d}",
        "card_cvc": f"{rng.randint(100, 999)}",
        "username": f"{local.replace('.', '')[:20]}{digest[:4]}",
        "thing_name": f"{draw('thing_name').color_name()} {fake.city()}",  # "Sienna Lowestoft": nobody's own
        # the account the person makes for someone else (an "Add user" form, signed in): never their own
        "other_username": f"{_ascii(draw('other_username').first_name())[:20] or 'colleague'}{digest[2:6]}",
    }


def _mobile(fake: Any) -> str:
    maker = getattr(fake, "cellphone_number", None) or fake.phone_number
    return str(maker())


def _ascii(text: str) -> str:
    """Fold to lower-case ASCII letters, digits and dots (for email local parts and usernames)."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"\.+", ".", re.sub(r"[^a-z0-9.]", "", folded)).strip(".")[:40]


def _from_pattern(pattern: str, seed: int) -> str:
    """'#' -> a digit, '?' -> an upper-case letter, anything else kept (like Faker's bothify)."""
    rng = random.Random(seed)
    return "".join(str(rng.randint(0, 9)) if c == "#" else chr(rng.randint(65, 90)) if c == "?" else c for c in pattern)
