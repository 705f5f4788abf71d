"""Validation of what people type into the portal, forgiving about format (spaces, dashes, date styles).

Why forgiving: GOV.UK asks services to accept the many ways people write a date or a phone number
instead of rejecting them; the defects are about the words and lost answers, not strict parsing.
"""

from __future__ import annotations

import re
from datetime import date

from harness.demo.records import is_policy_number

EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
PHONE_RE = re.compile(r"^\+?[\d\s()\-.]{7,20}$")
PHOTO_SUFFIXES = (".jpg", ".jpeg", ".png", ".heic", ".webp")
INCIDENT_TYPES = ("Car accident", "Damage to my home", "Theft or break-in", "Water leak or flood", "Something else")
CONTACT_TIMES = ("Morning (8am to 12pm)", "Afternoon (12pm to 5pm)", "Evening (5pm to 8pm)")

# Test cards: any number ending 0002 is declined by the "bank"; ending 0500 makes the server fail.
DECLINE_SUFFIX = "0002"
FAULT_SUFFIX = "0500"


def parse_date(text: str) -> date | None:
    """Accept 14 3 2026, 14/03/2026, 14-3-2026, 14.03.2026 and 2026-03-14."""
    parts = [p for p in re.split(r"[\s/.\-]+", (text or "").strip()) if p]
    if len(parts) != 3 or not all(p.isdigit() for p in parts):
        return None
    if len(parts[0]) == 4:
        year, month, day = (int(p) for p in parts)
    else:
        day, month, year = (int(p) for p in parts)
        if year < 100:
            year += 2000
    try:
        return date(year, month, day)
    except ValueError:
        return None


def digits(text: str) -> str:
    return re.sub(r"\D", "", text or "")


def luhn_ok(number: str) -> bool:
    """The card-number checksum every card scheme uses."""
    total = 0
    for index, char in enumerate(reversed(number)):
        value = int(char)
        if index % 2:
            value = value * 2 - 9 if value > 4 else value * 2
        total += value
    return total % 10 == 0


def parse_expiry(text: str) -> tuple[int, int] | None:
    """MM/YY or MM/YYYY (also with spaces or dashes) -> (month, four-digit year)."""
    match = re.match(r"^\s*(\d{1,2})\s*[/\-\s]\s*(\d{2}|\d{4})\s*$", text or "")
    if not match:
        return None
    month, year = int(match.group(1)), int(match.group(2))
    year = year + 2000 if year < 100 else year
    return (month, year) if 1 <= month <= 12 else None


def claim_errors(step: int, form: dict[str, str], *, ask_email: bool, photo_name: str = "") -> dict[str, str]:
    """Field -> error kind ("required" or a "format" variant) for one claim step, in form order."""
    errors: dict[str, str] = {}
    if step == 1:
        if not form.get("policy_number"):
            errors["policy_number"] = "required"
        elif not is_policy_number(form["policy_number"]):
            errors["policy_number"] = "format"
        if not form.get("full_name", "").strip():
            errors["full_name"] = "required"
        _email(form, "email", errors)
        incident = form.get("incident_date", "")
        parsed = parse_date(incident)
        if not incident.strip():
            errors["incident_date"] = "required"
        elif parsed is None:
            errors["incident_date"] = "format"
        elif parsed > date.today():
            errors["incident_date"] = "format:incident_date_future"
        if form.get("incident_type") not in INCIDENT_TYPES:
            errors["incident_type"] = "required"
    elif step == 2:
        if not form.get("description", "").strip():
            errors["description"] = "required"
        if not form.get("location", "").strip():
            errors["location"] = "required"
        if photo_name and not photo_name.lower().endswith(PHOTO_SUFFIXES):
            errors["photo"] = "format"
    elif step == 3:
        if ask_email:
            _email(form, "email", errors)
        phone = form.get("phone", "")
        if not phone.strip():
            errors["phone"] = "required"
        elif not PHONE_RE.match(phone.strip()) or len(digits(phone)) < 7:
            errors["phone"] = "format"
        if form.get("contact_time") not in CONTACT_TIMES:
            errors["contact_time"] = "required"
    return errors


def _email(form: dict[str, str], key: str, errors: dict[str, str]) -> None:
    value = form.get(key, "").strip()
    if not value:
        errors[key] = "required"
    elif not EMAIL_RE.match(value):
        errors[key] = "format"


def card_errors(form: dict[str, str], today: date | None = None) -> dict[str, str]:
    """Field -> error kind for the payment card form (test-card suffixes skip the checksum)."""
    today = today or date.today()
    errors: dict[str, str] = {}
    if not form.get("card_name", "").strip():
        errors["card_name"] = "required"
    number = digits(form.get("card_number", ""))
    if not number:
        errors["card_number"] = "required"
    elif not 12 <= len(number) <= 19 or (
        not number.endswith((DECLINE_SUFFIX, FAULT_SUFFIX)) and not luhn_ok(number)
    ):
        errors["card_number"] = "format"
    expiry_text = form.get("card_expiry", "")
    expiry = parse_expiry(expiry_text)
    if not expiry_text.strip():
        errors["card_expiry"] = "required"
    elif expiry is None:
        errors["card_expiry"] = "format"
    elif (expiry[1], expiry[0]) < (today.year, today.month):
        errors["card_expiry"] = "format:card_expired"
    cvc = digits(form.get("card_cvc", ""))
    if not form.get("card_cvc", "").strip():
        errors["card_cvc"] = "required"
    elif len(cvc) not in (3, 4) or cvc != form.get("card_cvc", "").strip():
        errors["card_cvc"] = "format"
    return errors
