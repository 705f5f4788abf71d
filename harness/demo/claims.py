"""File a claim: three steps, a slow submit, a confirmation; plus the claim form's inactivity timeout.

Why the draft lives on the server: answers must survive back, reload and a validation error
(warm), and the defects show what happens when they do not.
"""

from __future__ import annotations

import secrets
import threading
import time
from typing import Any

from flask import Blueprint, Response, abort, jsonify, redirect, request, session, url_for
from werkzeug.wrappers import Response as BaseResponse

from harness.demo.forms import CONTACT_TIMES, INCIDENT_TYPES, claim_errors, parse_date
from harness.demo.portal import error_messages, on, page, portal, say, signed_in, summary_heading, visitor_id
from harness.demo.records import Claim, new_reference, normalise_policy

bp = Blueprint("claims", __name__)

STEP_FIELDS = {
    1: ("policy_number", "full_name", "email", "incident_date", "incident_type"),
    2: ("description", "location"),
    3: ("email", "phone", "contact_time"),
}
ViewResult = tuple[str, int] | BaseResponse


def _timeout_state() -> str:
    """"fresh", "paused" (warm: timed out, answers kept) or "lost" (timeout-no-warning: answers gone)."""
    p = portal()
    now, last = p.clock(), session.get("claim_seen")
    session["claim_seen"] = now
    if "claim" not in session or last is None or now - last <= p.session_timeout:
        return "fresh"
    if p.on("timeout-no-warning"):
        session.pop("claim", None)
        return "lost"
    return "paused"


def _draft() -> dict[str, Any]:
    if "claim" not in session:
        session["claim"] = {"answers": {}, "done": 0, "token": secrets.token_hex(8)}
    draft: dict[str, Any] = session["claim"]
    return draft


def _posted(step: int) -> dict[str, str]:
    return {name: request.form.get(name, "").strip() for name in STEP_FIELDS[step]}


def _account_answers() -> dict[str, str]:
    """What a signed-in customer need not type again (unless the returning-generic defect is on)."""
    account = signed_in()
    if account is None or on("returning-generic"):
        return {}
    return {"policy_number": account.policy_number, "full_name": account.full_name,
            "email": account.email, "phone": account.phone}


def _render(step: int, values: dict[str, str], errors: dict[str, str], notice: str = "") -> tuple[str, int]:
    messages = error_messages(errors)
    toast = session.pop("toast", False)
    p = portal()
    return page(
        f"claims/step{step}.html", step=step, values=values, errors=messages,
        error_heading=summary_heading(len(messages)) if messages else "",
        toast=say("claim.draft_saved") if toast else "", notice=notice,
        incident_types=INCIDENT_TYPES, contact_times=CONTACT_TIMES,
        timeout_s=p.session_timeout, warn_s=p.warn_before, submit_s=p.submit_delay,
        token=session.get("claim", {}).get("token", ""),
    )


def _lost() -> BaseResponse:
    session["notice"] = say("timeout.expired")
    return redirect(url_for(".step1"))


def _notice(state: str) -> str:
    return say("timeout.paused") if state == "paused" else session.pop("notice", "")


@bp.route("/claims/new", methods=["GET", "POST"])
def step1() -> ViewResult:
    state = _timeout_state()
    if state == "lost":
        return _lost()
    if request.method == "POST":
        form = _posted(1)
        errors = claim_errors(1, form, ask_email=True)
        if not errors:
            draft = _draft()
            form["policy_number"] = normalise_policy(form["policy_number"])
            draft["answers"].update(form)
            draft["done"] = max(draft["done"], 1)
            session["toast"] = True
            return redirect(url_for(".step2"))
        return _render(1, {} if on("error-clears-fields") else form, errors)
    saved = session.get("claim")
    if saved is None:
        values = _account_answers()
    else:
        values = {} if on("back-clears-step1") else dict(saved["answers"])
    return _render(1, values, {}, _notice(state))


def _require(step: int) -> BaseResponse | None:
    """Steps 2 and 3 need the earlier steps; without them, start at step 1."""
    draft = session.get("claim")
    if draft is None or draft["done"] < step - 1:
        return redirect(url_for(".step1"))
    return None


@bp.route("/claims/new/2", methods=["GET", "POST"])
def step2() -> ViewResult:
    state = _timeout_state()
    if state == "lost":
        return _lost()
    if (gone := _require(2)) is not None:
        return gone
    draft = _draft()
    if request.method == "POST":
        form = _posted(2)
        upload = request.files.get("photo")
        photo = upload.filename if upload and upload.filename else ""
        errors = claim_errors(2, form, ask_email=False, photo_name=photo)
        if not errors:
            draft["answers"].update(form)
            if photo:
                draft["answers"]["photo"] = photo
            draft["done"] = max(draft["done"], 2)
            session["toast"] = True
            return redirect(url_for(".step3"))
        return _render(2, {} if on("error-clears-fields") else form, errors)
    return _render(2, dict(draft["answers"]), {}, _notice(state))


def _step3_values(draft: dict[str, Any]) -> dict[str, str]:
    values = dict(draft["answers"])
    if on("repeat-email"):
        values.pop("email", None)  # the defect: asked again, empty
    if not values.get("phone"):
        values.update({k: v for k, v in _account_answers().items() if k == "phone" and v})
    return values


@bp.route("/claims/new/3", methods=["GET", "POST"])
def step3() -> ViewResult:
    p = portal()
    if request.method == "POST" and request.form.get("token") and \
            request.form.get("token") == session.get("last_claim_token"):
        return redirect(url_for(".confirmation"))  # a second click on a claim already sent
    draft = session.get("claim")
    if draft is not None and (pending := p.inflight.get(draft["token"])) is not None:
        pending.wait(timeout=p.submit_delay + 10)  # reload or double submit while sending: wait for it
        return redirect(url_for(".confirmation"))
    state = _timeout_state()
    if state == "lost":
        return _lost()
    if (gone := _require(3)) is not None:
        return gone
    draft = _draft()
    if request.method == "POST":
        form = _posted(3)
        errors = claim_errors(3, form, ask_email=True)
        if errors:
            return _render(3, {} if on("error-clears-fields") else form, errors)
        draft["answers"].update(form)
        return _submit(draft)
    return _render(3, _step3_values(draft), {}, _notice(state))


def _submit(draft: dict[str, Any]) -> BaseResponse:
    """Send the claim: slow on purpose (the back office is 'busy'), once per draft however often clicked."""
    p = portal()
    with p.inflight_lock:
        event = p.inflight.get(draft["token"])
        first = event is None
        if event is None:
            event = p.inflight[draft["token"]] = threading.Event()
    if not first:
        event.wait(timeout=p.submit_delay + 10)
        return redirect(url_for(".confirmation"))
    try:
        time.sleep(p.submit_delay)
        a = draft["answers"]
        when = parse_date(a.get("incident_date", ""))
        claim = p.records.add_claim(Claim(
            reference=new_reference("HM"), policy_number=a["policy_number"], full_name=a["full_name"],
            email=a["email"], incident_date=when.isoformat() if when else a.get("incident_date", ""),
            incident_type=a["incident_type"], description=a["description"], location=a.get("location", ""),
            photo=a.get("photo", ""), phone=a.get("phone", ""), contact_time=a.get("contact_time", ""),
            session_id=visitor_id(), account_email=session.get("account", ""),
        ))
        session["last_claim"] = claim.reference
        session["last_claim_token"] = draft["token"]
        session.pop("claim", None)
        session.pop("claim_seen", None)
    except Exception:
        p.inflight.pop(draft["token"], None)  # let the person try again
        raise
    finally:
        event.set()
    return redirect(url_for(".confirmation"))


@bp.route("/claims/confirmation")
def confirmation() -> ViewResult:
    claim = portal().records.claim(session.get("last_claim", ""))
    if claim is None:
        return redirect(url_for(".step1"))
    return page("claims/confirmation.html", claim=claim)


@bp.route("/claims/<reference>/summary.txt")
def summary(reference: str) -> Response:
    """The warm confirmation's "Download a summary" link (the dead-button defect has no such link)."""
    claim = portal().records.claim(reference)
    if claim is None or claim.session_id != visitor_id():
        abort(404)
    lines = [f"Harbour Mutual claim {claim.reference}", f"Policy: {claim.policy_number}",
             f"Name: {claim.full_name}", f"Date of incident: {claim.incident_date}",
             f"Type: {claim.incident_type}", f"What happened: {claim.description}",
             f"Where: {claim.location}", f"We'll call you on {claim.phone}, {claim.contact_time.lower()}."]
    return Response("\n".join(lines) + "\n", mimetype="text/plain", headers={
        "Content-Disposition": f'attachment; filename="claim-{claim.reference}.txt"'})


@bp.route("/session/extend", methods=["POST"])
def extend() -> Response:
    """The warm timeout warning's "Stay signed in", and the keep-alive while someone is typing."""
    p = portal()
    session["claim_seen"] = p.clock()
    return jsonify(ok=True, timeout_s=p.session_timeout)
