"""File a claim on the warm portal: answers kept across back, reload and errors; kind, specific copy."""

from __future__ import annotations

import io
import re
from collections.abc import Callable

from flask.testing import FlaskClient

from .journeys import ACCOUNT, STEP1, STEP2, STEP3, FakeClock, file_claim, page, sign_in, to_step, token


def test_warm_confirmation_gives_reference_next_steps_timing_and_contact(portal: Callable[..., FlaskClient]) -> None:
    client = portal("warm")
    text = file_claim(client)
    claim = client.application.extensions["demo_portal"].records.claims[-1]
    assert claim.policy_number == "HM-1234567" and claim.incident_date == "2026-03-14"
    assert f"Your reference number {claim.reference}" in text
    assert "What happens next" in text and "within 2 working days" in text and "in the morning" in text
    assert "0808 157 0192" in text and "ana@example.com" in text
    summary = client.get(f"/claims/{claim.reference}/summary.txt")
    assert summary.status_code == 200 and claim.reference in summary.get_data(as_text=True)
    assert portal("warm").get(f"/claims/{claim.reference}/summary.txt").status_code == 404  # not another visitor's


def test_every_page_offers_the_same_route_to_a_human(portal: Callable[..., FlaskClient]) -> None:
    client = portal("warm")
    for path in ("/", "/claims/new", "/chat", "/sign-in", "/register"):
        help_box = page(client.get(path)).by_id("help-title")
        assert help_box is not None and help_box.text == "Need help?", path
    assert "0808 157 0192" in page(client.get("/claims/new")).text


def test_validation_errors_are_specific_tied_to_fields_and_summarised(portal: Callable[..., FlaskClient]) -> None:
    shown = page(portal("warm").post("/claims/new", data={}))
    alert = shown.by_role("alert")[0]
    assert alert.text.startswith("There's a problem with 5 answers")
    for control_id, words in [("policy-number", "Enter your policy number"),
                              ("full-name", "Enter your full name"), ("email", "Enter your email address"),
                              ("incident-date", "Enter the date of the incident"),
                              ("incident-type", "Select the type of incident")]:
        control = shown.controls[control_id]
        assert control.attrs["aria-invalid"] == "true"
        assert f"{control_id}-error" in control.attrs["aria-describedby"].split()
        error = shown.by_id(f"{control_id}-error")
        assert error is not None and error.text.startswith(words)
    assert "Invalid" not in shown.text and "ERROR" not in shown.text


def test_an_error_on_one_field_keeps_the_others(portal: Callable[..., FlaskClient]) -> None:
    shown = page(portal("warm").post("/claims/new", data={**STEP1, "incident_date": "31 2 2026"}))
    assert shown.by_id("incident-date-error").text.startswith("Enter the date of the incident as a day")  # type: ignore[union-attr]
    assert shown.value("full-name") == "Ana Lopez" and shown.value("incident-date") == "31 2 2026"
    assert shown.controls["incident-type"].attrs["value"] == "Car accident"


def test_dates_are_accepted_as_people_write_them_but_not_in_the_future(portal: Callable[..., FlaskClient]) -> None:
    for written in ("2026-03-14", "14/03/2026", "14.3.26"):
        assert portal("warm").post("/claims/new", data={**STEP1, "incident_date": written}).status_code == 302
    future = page(portal("warm").post("/claims/new", data={**STEP1, "incident_date": "1 1 2099"}))
    assert "The date of the incident must be today or in the past" in future.text


def test_policy_number_format(portal: Callable[..., FlaskClient]) -> None:
    assert portal("warm").post("/claims/new", data={**STEP1, "policy_number": "abcd 0012345678"}).status_code == 302
    shown = page(portal("warm").post("/claims/new", data={**STEP1, "policy_number": "H-12"}))
    assert "Enter your policy number in the right format, like HM-1234567" in shown.text


def test_back_and_reload_show_what_was_saved(portal: Callable[..., FlaskClient]) -> None:
    client = portal("warm")
    to_step(client, 3)
    step1 = page(client.get("/claims/new"))
    assert step1.value("policy-number") == "HM-1234567" and step1.value("email") == "ana@example.com"
    assert page(client.get("/claims/new/2")).value("description") == STEP2["description"]
    assert page(client.get("/claims/new/3")).value("email") == "ana@example.com"  # offered, not asked afresh
    assert client.get("/claims/new/3").headers["Cache-Control"] == "no-store"


def test_later_steps_need_the_earlier_ones(portal: Callable[..., FlaskClient]) -> None:
    client = portal("warm")
    assert client.get("/claims/new/3").location.endswith("/claims/new")
    assert client.get("/claims/confirmation").location.endswith("/claims/new")


def test_draft_saved_toast_follows_a_saved_step_once(portal: Callable[..., FlaskClient]) -> None:
    client = portal("warm")
    to_step(client, 2)
    body = next(e for e in page(client.get("/claims/new/2")).elements if e.tag == "body")
    assert body.attrs["data-toast"].startswith("Draft saved")
    again = next(e for e in page(client.get("/claims/new/2")).elements if e.tag == "body")
    assert "data-toast" not in again.attrs
    assert page(client.get("/claims/new/2")).by_id("toast-region").attrs["role"] == "status"  # type: ignore[union-attr]


def test_photo_upload_is_optional_and_checked(portal: Callable[..., FlaskClient]) -> None:
    client = portal("warm")
    to_step(client, 2)
    bad = client.post("/claims/new/2", data={**STEP2, "photo": (io.BytesIO(b"MZ"), "setup.exe")},
                      content_type="multipart/form-data")
    assert "Choose a photo that is a JPG, PNG, HEIC or WEBP file" in page(bad).text
    good = client.post("/claims/new/2", data={**STEP2, "photo": (io.BytesIO(b"\xff\xd8"), "dent.jpg")},
                       content_type="multipart/form-data")
    assert good.status_code == 302
    assert "You've already uploaded dent.jpg" in page(client.get("/claims/new/2")).text


def test_submit_status_promises_a_time_and_is_announced(portal: Callable[..., FlaskClient]) -> None:
    client = portal("warm", submit_delay=4)
    to_step(client, 3)
    step3 = page(client.get("/claims/new/3"))
    form = step3.by_id("claim-form")
    assert form is not None
    assert form.attrs["data-busy-message"].startswith("Sending your claim. This usually takes about 4 seconds")
    assert step3.by_id("submit-status").attrs["role"] == "status"  # type: ignore[union-attr]


def test_a_second_submit_of_the_same_claim_files_it_once(portal: Callable[..., FlaskClient]) -> None:
    client = portal("warm")
    to_step(client, 3)
    sent = token(client)
    assert client.post("/claims/new/3", data={**STEP3, "token": sent}).location.endswith("/claims/confirmation")
    assert client.post("/claims/new/3", data={**STEP3, "token": sent}).location.endswith("/claims/confirmation")
    assert len(client.application.extensions["demo_portal"].records.claims) == 1


def test_signed_in_customer_finds_the_claim_prefilled(portal: Callable[..., FlaskClient]) -> None:
    client = portal("warm")
    sign_in(client)
    step1 = page(client.get("/claims/new"))
    assert step1.value("full-name") == "Sam Okafor" and step1.value("policy-number") == "HMX-00012345"
    assert step1.value("email") == ACCOUNT["email"] and step1.value("incident-date") == ""
    client.post("/claims/new", data={**STEP1, "email": ACCOUNT["email"]})
    client.post("/claims/new/2", data=STEP2)
    assert page(client.get("/claims/new/3")).value("phone") == ACCOUNT["phone"]


def test_warm_timeout_warns_first_and_keeps_answers(portal: Callable[..., FlaskClient], clock: FakeClock) -> None:
    client = portal("warm", session_timeout=12)
    to_step(client, 2)
    dialog = page(client.get("/claims/new/2")).by_id("timeout-dialog")
    assert dialog is not None and dialog.attrs["role"] == "alertdialog"
    assert dialog.attrs["data-timeout"] == "12.0" and dialog.attrs["data-warn"] == "6.0"
    assert "Stay signed in" in dialog.text and "Your answers are saved" in dialog.attrs["data-warning"]
    clock.advance(10)
    assert client.post("/session/extend").get_json()["ok"] is True
    clock.advance(10)
    assert "paused" not in page(client.get("/claims/new/2")).text  # extended: still fresh
    clock.advance(30)
    shown = page(client.get("/claims/new"))
    notice = [e for e in shown.by_role("status") if "paused your claim" in e.text]
    assert notice and shown.value("policy-number") == "HM-1234567"


def test_cold_timeout_loses_the_form_without_warning(portal: Callable[..., FlaskClient], clock: FakeClock) -> None:
    client = portal("warm", {"timeout-no-warning"})
    to_step(client, 3)
    assert page(client.get("/claims/new/3")).by_id("timeout-dialog") is None
    clock.advance(13)
    response = client.post("/claims/new/3", data={**STEP3, "token": "x"})
    assert response.location.endswith("/claims/new")
    shown = page(client.get("/claims/new"))
    assert [e.text for e in shown.by_role("alert")] == ["Session expired."]
    assert shown.value("full-name") == "" and client.get("/claims/new/2").location.endswith("/claims/new")


def test_reference_is_readable_over_the_phone(portal: Callable[..., FlaskClient]) -> None:
    client = portal("warm")
    file_claim(client)
    reference = client.application.extensions["demo_portal"].records.claims[-1].reference
    assert re.fullmatch(r"HM-[A-HJ-NP-Z2-9]{6}", reference)
