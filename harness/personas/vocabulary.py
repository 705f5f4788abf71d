"""Words a product owner uses for a personal detail, mapped to the persona's data keys.

Why a closed list: "my email address", "my e-mail", "my mobile number" must all reach the same
detail, and an unknown phrase must fail with the list of phrases that work, not type nothing.
Keys come from `harness.personas.keys.DETAIL_KEYS`; a key written with spaces ("card number")
always works too, so a workspace detail such as `membership_id` is reachable as "membership id", and so
is a site's own name for a detail declared in `[tool.empathy.details]` (pass it in `known`).
"""

from __future__ import annotations

import re

from harness.exceptions import FeatureError

PHRASES: dict[str, str] = {
    "name": "full_name", "full name": "full_name", "first name": "first_name", "given name": "first_name",
    "forename": "first_name", "last name": "last_name", "surname": "last_name", "family name": "last_name",
    "email": "email", "email address": "email", "e-mail": "email", "e-mail address": "email",
    "phone": "phone", "phone number": "phone", "telephone": "phone", "telephone number": "phone",
    "mobile": "mobile", "mobile number": "mobile", "mobile phone number": "mobile",
    "address": "address", "street address": "address", "town": "city", "city": "city",
    "postcode": "postcode", "post code": "postcode", "zip": "postcode", "zip code": "postcode",
    "postal code": "postcode", "date of birth": "date_of_birth", "birthday": "date_of_birth",
    "dob": "date_of_birth", "reference": "reference", "reference number": "reference",
    "recent date": "recent_date", "free text": "free_text", "description": "free_text", "message": "free_text",
    "comment": "free_text", "what happened": "free_text",
    "card name": "card_name", "name on the card": "card_name", "card number": "card_number",
    "card expiry": "card_expiry", "expiry date": "card_expiry", "card expiry date": "card_expiry",
    "security code": "card_cvc", "cvc": "card_cvc", "cvv": "card_cvc", "card security code": "card_cvc",
    "username": "username", "user name": "username", "password": "password",
}


def detail_key(phrase: str, known: set[str] | None = None) -> str:
    """The data key a phrase names ("email address" -> "email"); FeatureError listing phrases if none."""
    words = re.sub(r"\s+", " ", phrase.strip().lower())
    words = re.sub(r"^(?:my|the|our) ", "", words)
    if words in PHRASES:
        return PHRASES[words]
    key = words.replace(" ", "_").replace("-", "_")
    if key in (known or set()) or key in PHRASES.values():
        return key
    raise FeatureError(f"no personal detail called {phrase!r}",
                       hint="use one of: " + ", ".join(sorted(PHRASES)))
