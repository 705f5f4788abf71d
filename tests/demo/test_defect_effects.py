"""Each catalogue defect, switched on alone, has an observable effect; the warm portal shows none of them.

This is the oracle's own test: if a probe below stopped seeing its defect (or saw it on the warm
variant), the checks' benchmark would be measuring nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from flask.testing import FlaskClient

from harness.demo.defects import DEFECTS

from .journeys import ACCOUNT, STEP1, FakeClock, bot_to_agent, chat, file_claim, page, sign_in, to_step

Probe = Callable[[FlaskClient, FakeClock], bool]
CARD = {"card_name": "Sam Okafor", "card_expiry": "04/39", "card_cvc": "123"}


def repeat_email(client: FlaskClient, clock: FakeClock) -> bool:
    to_step(client, 3)
    step3 = page(client.get("/claims/new/3"))
    email = step3.controls["email"]
    assert email.attrs["autocomplete"] == "email" and email.attrs["type"] == "email"
    return step3.value("email") == ""


def agent_reasks_policy(client: FlaskClient, clock: FakeClock) -> bool:
    return any("policy number" in m.lower() and m.rstrip().endswith("?") for m in bot_to_agent(client, clock))


def handoff_no_summary(client: FlaskClient, clock: FakeClock) -> bool:
    said = " ".join(bot_to_agent(client, clock, problem="My windscreen cracked on the M6"))
    return not any(told in said for told in ("Ana", "HM-1234567", "windscreen"))


def back_clears_step1(client: FlaskClient, clock: FakeClock) -> bool:
    to_step(client, 2)
    step1 = page(client.get("/claims/new"))
    return all(step1.value(f) == "" for f in ("policy-number", "full-name", "email", "incident-date"))


def error_clears_fields(client: FlaskClient, clock: FakeClock) -> bool:
    shown = page(client.post("/claims/new", data={**STEP1, "email": "ana.example.com"}))
    assert shown.controls["email"].attrs.get("aria-invalid") == "true"
    return shown.value("full-name") == "" and shown.value("policy-number") == ""


def returning_generic(client: FlaskClient, clock: FakeClock) -> bool:
    sign_in(client)
    heading = next(e.text for e in page(client.get("/dashboard")).elements if e.tag == "h1")
    step1 = page(client.get("/claims/new"))
    return ACCOUNT["first_name"] not in heading and step1.value("full-name") == "" and step1.value("email") == ""


def dashboard_missing_history(client: FlaskClient, clock: FakeClock) -> bool:
    sign_in(client)
    file_claim(client)
    reference = client.application.extensions["demo_portal"].records.claims[-1].reference
    client.get("/chat/api/messages")
    chat(client, "My boiler is leaking")
    text = page(client.get("/dashboard")).text
    claim_shown = reference in text or "A van reversed" in text
    return not claim_shown and "boiler" not in text


def cold_validation(client: FlaskClient, clock: FakeClock) -> bool:
    empty = page(client.post("/claims/new", data={}))
    bad = page(client.post("/claims/new", data={**STEP1, "email": "ana.example.com"}))
    return "ERROR: FIELD REQUIRED" in empty.text and "Invalid input" in bad.text


def error_500(client: FlaskClient, clock: FakeClock) -> bool:
    sign_in(client)
    response = client.post("/account/payment", data={**CARD, "card_number": "4000 0000 0000 0500"})
    assert response.status_code == 500
    shown = page(response)
    return "Error 500: Internal Server Error" in shown.text and "Try again" not in shown.text


def cold_decline(client: FlaskClient, clock: FakeClock) -> bool:
    sign_in(client)
    shown = page(client.post("/account/payment", data={**CARD, "card_number": "4000 0000 0000 0002"}))
    return "Code: 05" in shown.text and "DO_NOT_HONOUR" in shown.text


def cold_status(client: FlaskClient, clock: FakeClock) -> bool:
    sign_in(client)
    form = next(e for e in page(client.get("/account/payment")).elements if e.tag == "form")
    return form.attrs["data-busy-message"] == "Still processing..."


def silent_submit(client: FlaskClient, clock: FakeClock) -> bool:
    to_step(client, 3)
    step3 = page(client.get("/claims/new/3"))
    form = step3.by_id("claim-form")
    assert form is not None
    return "data-busy-message" not in form.attrs and step3.by_id("submit-status") is None


def bare_confirmation(client: FlaskClient, clock: FakeClock) -> bool:
    text = file_claim(client)
    return not re.search(r"HM-[A-Z2-9]{6}", text) and "working days" not in text and "What happens next" not in text


def no_human_route(client: FlaskClient, clock: FakeClock) -> bool:
    sign_in(client)
    client.post("/account/payment", data={**CARD, "card_number": "4000 0000 0000 0002"})
    after_two = page(client.post("/account/payment", data={**CARD, "card_number": "4000 0000 0000 0002"}))
    links = [e.attrs.get("href", "") for e in after_two.elements if e.tag == "a"]
    return "0808 157 0192" not in after_two.text and "/chat" not in links


def timeout_no_warning(client: FlaskClient, clock: FakeClock) -> bool:
    to_step(client, 2)
    warned = page(client.get("/claims/new/2")).by_id("timeout-dialog") is not None
    clock.advance(13)
    response = client.post("/claims/new/2", data={"description": "Water came through the ceiling", "location": "Hull"})
    if response.status_code == 302 and response.location.endswith("/claims/new/3"):
        return False  # the warm portal kept the claim going
    step1 = page(client.get("/claims/new"))
    return not warned and step1.value("policy-number") == "" and step1.value("email") == ""


def visual_only_status(client: FlaskClient, clock: FakeClock) -> bool:
    status = page(client.get("/chat")).by_id("chat-status")
    assert status is not None
    return "role" not in status.attrs and "aria-live" not in status.attrs


def dead_button(client: FlaskClient, clock: FakeClock) -> bool:
    file_claim(client)
    shown = page(client.get("/claims/confirmation"))
    button = shown.by_id("download-summary")
    links = [e.attrs.get("href", "") for e in shown.elements if e.tag == "a"]
    return button is not None and button.attrs.get("type") == "button" and not any("summary" in h for h in links)


PROBES: dict[str, Probe] = {
    "repeat-email": repeat_email, "agent-reasks-policy": agent_reasks_policy,
    "handoff-no-summary": handoff_no_summary, "back-clears-step1": back_clears_step1,
    "error-clears-fields": error_clears_fields, "returning-generic": returning_generic,
    "dashboard-missing-history": dashboard_missing_history, "cold-validation": cold_validation,
    "error-500": error_500, "cold-decline": cold_decline, "cold-status": cold_status,
    "silent-submit": silent_submit, "bare-confirmation": bare_confirmation, "no-human-route": no_human_route,
    "timeout-no-warning": timeout_no_warning, "visual-only-status": visual_only_status,
    "dead-button": dead_button,
}


def test_every_catalogue_defect_has_a_probe() -> None:
    assert set(PROBES) == set(DEFECTS)


@pytest.mark.parametrize("defect", sorted(DEFECTS))
def test_defect_is_absent_on_warm(defect: str, portal: Callable[..., FlaskClient], clock: FakeClock) -> None:
    assert PROBES[defect](portal("warm"), clock) is False


@pytest.mark.parametrize("defect", sorted(DEFECTS))
def test_defect_alone_shows_its_effect(defect: str, portal: Callable[..., FlaskClient], clock: FakeClock) -> None:
    assert PROBES[defect](portal("warm", {defect}), clock) is True


@pytest.mark.parametrize("defect", sorted(DEFECTS))
def test_defect_shows_on_cold(defect: str, portal: Callable[..., FlaskClient], clock: FakeClock) -> None:
    assert PROBES[defect](portal("cold"), clock) is True
