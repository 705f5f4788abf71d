"""Test-only endpoints so a harness can give Faker-made personas an account and an earlier claim.

Why an API rather than driving /register: a returning-customer scenario starts *after* sign-up,
and seeding must be fast and not depend on the journey under test.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from flask import Blueprint, jsonify, request
from flask.typing import ResponseReturnValue

from harness.demo.forms import EMAIL_RE, INCIDENT_TYPES
from harness.demo.portal import portal
from harness.demo.records import Claim, is_policy_number, new_reference, normalise_policy, public

bp = Blueprint("seeding", __name__, url_prefix="/__test__")

ACCOUNT_REQUIRED = ("email", "password", "first_name", "last_name", "policy_number")


def _body() -> dict[str, Any]:
    body = request.get_json(silent=True)
    return body if isinstance(body, dict) else {}


def _problem(message: str) -> ResponseReturnValue:
    return jsonify(error=message), 400


@bp.route("/accounts", methods=["POST"])
def create_account() -> ResponseReturnValue:
    """Create or replace an account: JSON {email, password, first_name, last_name, policy_number, phone?}."""
    body = _body()
    missing = [key for key in ACCOUNT_REQUIRED if not str(body.get(key, "")).strip()]
    if missing:
        return _problem(f"missing {', '.join(missing)}; send JSON with {', '.join(ACCOUNT_REQUIRED)} (phone optional)")
    if not EMAIL_RE.match(str(body["email"]).strip()):
        return _problem(f"email {body['email']!r} is not an email address")
    if not is_policy_number(str(body["policy_number"])):
        return _problem(f"policy_number {body['policy_number']!r} must look like HM-1234567")
    account, created = portal().records.upsert_account(
        email=str(body["email"]), password=str(body["password"]), first_name=str(body["first_name"]),
        last_name=str(body["last_name"]), policy_number=str(body["policy_number"]),
        phone=str(body.get("phone", "")))
    return jsonify(public(account)), 201 if created else 200


@bp.route("/claims", methods=["POST"])
def create_claim() -> ResponseReturnValue:
    """Seed an earlier claim for an account: JSON {email, incident_type?, description?, days_ago?, status?}."""
    body = _body()
    account = portal().records.account(str(body.get("email", "")))
    if account is None:
        return _problem("no account with that email; create it first with POST /__test__/accounts")
    days_ago = int(body.get("days_ago", 30))
    incident_type = str(body.get("incident_type") or INCIDENT_TYPES[0])
    when = datetime.now() - timedelta(days=days_ago)
    claim = portal().records.add_claim(Claim(
        reference=str(body.get("reference") or new_reference("HM")),
        policy_number=normalise_policy(str(body.get("policy_number") or account.policy_number)),
        full_name=account.full_name, email=account.email,
        incident_date=(when - timedelta(days=2)).date().isoformat(), incident_type=incident_type,
        description=str(body.get("description") or "Earlier claim"), location=str(body.get("location", "")),
        phone=account.phone, status=str(body.get("status") or "Settled"),
        submitted_at=when.isoformat(timespec="seconds")))
    return jsonify(public(claim)), 201
