"""Home, sign-in and registration, the returning customer's dashboard, and updating a payment card.

Why payment has a decline and a fault path: failed payments are where people most need kind,
specific words and a way to reach a person (documented test cards: ending 0002 declines, 0500 faults).
"""

from __future__ import annotations

import math
import re
import time

from flask import Blueprint, redirect, request, session, url_for
from flask.typing import ResponseReturnValue

from harness.demo.forms import DECLINE_SUFFIX, EMAIL_RE, FAULT_SUFFIX, card_errors, digits
from harness.demo.portal import (
    error_messages,
    on,
    page,
    portal,
    rotate_session,
    say,
    signed_in,
    summary_heading,
    visitor_id,
)
from harness.demo.records import is_policy_number

bp = Blueprint("account", __name__)

REGISTER_FIELDS = ("first_name", "last_name", "email", "phone", "policy_number", "password")
CARD_FIELDS = ("card_name", "card_number", "card_expiry", "card_cvc")


def _safe_next(target: str | None) -> str:
    """Only same-site paths are followed after sign-in (no open redirect)."""
    return target if target and re.match(r"^/(?!/)", target) else url_for("account.dashboard")


def _need_sign_in() -> ResponseReturnValue:
    return redirect(url_for("account.sign_in", next=request.path))


@bp.route("/")
def home() -> ResponseReturnValue:
    return page("home.html")


@bp.route("/sign-in", methods=["GET", "POST"])
def sign_in() -> ResponseReturnValue:
    values = {"email": request.form.get("email", "").strip()}
    errors: dict[str, str] = {}
    failed = ""
    if request.method == "POST":
        if not values["email"]:
            errors["email"] = "required"
        elif not EMAIL_RE.match(values["email"]):
            errors["email"] = "format"
        if not request.form.get("password"):
            errors["password"] = "required"
        if not errors:
            account = portal().records.authenticate(values["email"], request.form["password"])
            if account is not None:
                visitor_id()
                session["account"] = account.email
                portal().records.adopt(session["visitor"], account.email)
                rotate_session()
                return redirect(_safe_next(request.args.get("next")))
            failed = say("errors.sign_in_failed")
    messages = error_messages(errors)
    return page("sign_in.html", values=values, errors=messages, failed=failed,
                error_heading=summary_heading(len(messages) or 1) if (messages or failed) else "",
                next=request.args.get("next", ""), signed_out=session.pop("signed_out", False))


@bp.route("/sign-out", methods=["GET", "POST"])
def sign_out() -> ResponseReturnValue:
    session.clear()
    rotate_session()
    session["signed_out"] = True
    return redirect(url_for("account.sign_in"))


@bp.route("/register", methods=["GET", "POST"])
def register() -> ResponseReturnValue:
    values = {name: request.form.get(name, "").strip() for name in REGISTER_FIELDS if name != "password"}
    errors: dict[str, str] = {}
    if request.method == "POST":
        for name in ("first_name", "last_name"):
            if not values[name]:
                errors[name] = "required"
        if not values["email"]:
            errors["email"] = "required"
        elif not EMAIL_RE.match(values["email"]):
            errors["email"] = "format"
        elif portal().records.account(values["email"]):
            errors["email"] = "format:account_exists"
        if not values["phone"]:
            errors["phone"] = "required"
        if not values["policy_number"]:
            errors["policy_number"] = "required"
        elif not is_policy_number(values["policy_number"]):
            errors["policy_number"] = "format"
        password = request.form.get("password", "")
        if len(password) < 8:
            errors["password"] = "required:new_password" if not password else "format:new_password"
        if not errors:
            account, _ = portal().records.upsert_account(password=password, **values)
            visitor_id()
            session["account"] = account.email
            rotate_session()
            return redirect(url_for("account.dashboard"))
        if on("error-clears-fields"):
            values = {}
    messages = error_messages(errors)
    return page("register.html", values=values, errors=messages,
                error_heading=summary_heading(len(messages)) if messages else "")


@bp.route("/dashboard")
def dashboard() -> ResponseReturnValue:
    account = signed_in()
    if account is None:
        return _need_sign_in()
    records, visitor = portal().records, visitor_id()
    claims = records.claims_for(account.email, account.policy_number)
    conversations = records.conversations_for(account.email, visitor)
    if on("dashboard-missing-history"):  # the defect: a stale view without this visit's activity
        claims = [c for c in claims if c.session_id != visitor]
        conversations = [c for c in conversations if c.session_id != visitor]
    return page("dashboard.html", claims=claims, conversations=conversations,
                greeting=say("dashboard.greeting", first_name=account.first_name))


@bp.route("/account/payment", methods=["GET", "POST"])
def payment() -> ResponseReturnValue:
    account = signed_in()
    if account is None:
        return _need_sign_in()
    p = portal()
    failures = int(session.get("payment_failures", 0))
    values = {name: request.form.get(name, "").strip() for name in CARD_FIELDS if name != "card_cvc"}
    context = {"status_text": say("payment.status", seconds=max(1, math.ceil(p.submit_delay))),
               "last4": session.get("card_last4", "")}
    if request.method == "GET":
        return page("payment.html", values={"card_name": account.full_name}, **context)
    errors = card_errors({name: request.form.get(name, "") for name in CARD_FIELDS})
    if errors:
        messages = error_messages(errors)
        return page("payment.html", values={} if on("error-clears-fields") else values, errors=messages,
                    error_heading=summary_heading(len(messages)), **context)
    time.sleep(p.submit_delay)  # the bank is slow
    number = digits(request.form["card_number"])
    if number.endswith(FAULT_SUFFIX):
        session["payment_failures"] = failures + 1
        return page("server_error.html", status=500)
    if number.endswith(DECLINE_SUFFIX):
        failures += 1
        session["payment_failures"] = failures
        help_text = say("payment.help_after_failures") if failures >= 2 and not on("no-human-route") else ""
        return page("payment.html", values={"card_name": values["card_name"]}, declined=say("payment.declined"),
                    help_text=help_text, failures=failures, **context)
    session["payment_failures"] = 0
    session["card_last4"] = number[-4:]
    return page("payment_done.html", message=say("payment.updated", last4=number[-4:]))
