"""The personal details a persona can give, each with one line saying what it is.

Why a separate module: the schema (to validate `data.fields`), the data generator, the docs and the
step code that matches form labels to details all need the same list, without importing Faker.
"""

from __future__ import annotations

DETAIL_KEYS: dict[str, str] = {
    "first_name": "Given name (first name, forename).",
    "last_name": "Family name (surname, last name).",
    "full_name": "First and last name together, as on a card or letter.",
    "email": "Email address, unique per scenario, at a reserved example domain (never a real one).",
    "phone": "Landline telephone number (UK: an Ofcom drama number, never a real line).",
    "mobile": "Mobile telephone number (UK: an Ofcom drama number, never a real line).",
    "address": "Street address on one line (house number or name and street).",
    "city": "Town or city of the address.",
    "postcode": "Postcode (ZIP or postal code) of the address.",
    "date_of_birth": "Date of birth as DD/MM/YYYY.",
    "dob_day": "Day of the date of birth (1-31), for split date inputs.",
    "dob_month": "Month of the date of birth (1-12), for split date inputs.",
    "dob_year": "Year of the date of birth (four digits), for split date inputs.",
    "reference": "A reference the person holds (account or membership number), default pattern REF-########.",
    "recent_date": "A date within the last 30 days, as DD/MM/YYYY (when something happened or was bought).",
    "free_text": "A sentence or two in plain English, for a message, comment or description box.",
    "card_name": "Name on the payment card (same as full_name).",
    "card_number": "A payment-provider TEST card number (Luhn-valid, accepted by no real bank).",
    "card_expiry": "Card expiry as MM/YY, a few years ahead.",
    "card_cvc": "Three-digit card security code.",
    "username": "User name for an account, unique per scenario.",
    "thing_name": "A name for something the person makes (a group, a project, an event), unique per scenario.",
    "other_username": "User name of an account the person makes for someone else (signed in), unique per scenario.",
    "password": "Account password: a secret from the environment variable the persona names, else made up for a new "
                "account.",
}
"""Detail key -> what it holds. Keys in `data.patterns`, `data.fixed` and `data.secrets` may add more, and
`[tool.empathy.details]` names a site's own words for them (`membership_number = ["reference"]`)."""

GENERATED_KEYS: tuple[str, ...] = tuple(k for k in DETAIL_KEYS if k != "password")
"""Keys Faker makes when a persona lists no `data.fields`; `password` only ever comes from a secret."""
