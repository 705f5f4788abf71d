"""Returning customers and payments: sign-in, dashboard history, card decline and server fault, test API."""

from __future__ import annotations

from collections.abc import Callable

from flask.testing import FlaskClient

from .journeys import ACCOUNT, FakeClock, chat, file_claim, page, sign_in

CARD = {"card_name": "Sam Okafor", "card_expiry": "04/39", "card_cvc": "123"}


def test_register_signs_in_and_greets_by_name(portal: Callable[..., FlaskClient]) -> None:
    client = portal("warm")
    form = {k: ACCOUNT[k] for k in ("first_name", "last_name", "email", "phone", "policy_number", "password")}
    assert client.post("/register", data=form).location.endswith("/dashboard")
    assert "Welcome back, Sam" in page(client.get("/dashboard")).text
    duplicate = page(client.post("/register", data=form))
    assert "There's already an account for this email address" in duplicate.text


def test_failed_sign_in_is_kind_and_keeps_the_email(portal: Callable[..., FlaskClient]) -> None:
    client = portal("warm")
    client.post("/__test__/accounts", json=ACCOUNT)
    shown = page(client.post("/sign-in", data={"email": ACCOUNT["email"], "password": "wrong"}))
    assert "We could not sign you in with that email address and password" in shown.text
    assert shown.value("email") == ACCOUNT["email"] and shown.value("password") == ""
    cold = portal("warm", {"cold-validation"})
    cold.post("/__test__/accounts", json=ACCOUNT)
    assert "Invalid credentials." in page(cold.post("/sign-in", data={"email": ACCOUNT["email"], "password": "x"})).text


def test_sign_in_returns_to_the_page_asked_for_but_never_off_site(portal: Callable[..., FlaskClient]) -> None:
    client = portal("warm")
    assert client.get("/dashboard").location.endswith("/sign-in?next=/dashboard")
    client.post("/__test__/accounts", json=ACCOUNT)
    creds = {"email": ACCOUNT["email"], "password": ACCOUNT["password"]}
    assert client.post("/sign-in?next=/account/payment", data=creds).location.endswith("/account/payment")
    assert client.post("/sign-in?next=//evil.example", data=creds).location.endswith("/dashboard")


def test_sign_in_and_out_rotate_the_session_cookie(portal: Callable[..., FlaskClient]) -> None:
    client = portal("warm")
    client.get("/")
    before = client.get_cookie("hm_session").value  # type: ignore[union-attr]
    sign_in(client)
    after = client.get_cookie("hm_session").value  # type: ignore[union-attr]
    assert before != after
    assert client.get("/sign-out").location.endswith("/sign-in")
    assert "You've signed out" in page(client.get("/sign-in")).text
    assert client.get("/dashboard").status_code == 302


def test_dashboard_shows_earlier_claims_and_this_visit(portal: Callable[..., FlaskClient], clock: FakeClock) -> None:
    client = portal("warm")
    sign_in(client)
    seeded = client.post("/__test__/claims", json={"email": ACCOUNT["email"], "description": "Burst pipe in the loft",
                                                   "incident_type": "Water leak or flood", "days_ago": 90})
    assert seeded.status_code == 201
    file_claim(client)
    client.get("/chat/api/messages")  # signed in: the bot already knows name and policy
    chat(client, "I want to add my son to my car policy")
    text = page(client.get("/dashboard")).text
    assert "Welcome back, Sam" in text and "Policy HMX-00012345" in text
    assert "Burst pipe in the loft" in text and "A van reversed into my parked car" in text
    assert "I want to add my son to my car policy" in text


def test_card_is_updated_and_confirmed(portal: Callable[..., FlaskClient]) -> None:
    client = portal("warm")
    sign_in(client)
    done = page(client.post("/account/payment", data={**CARD, "card_number": "4242 4242 4242 4242"}))
    assert "We'll take your next payment from the card ending 4242" in done.text
    assert "card ending 4242" in page(client.get("/account/payment")).text


def test_card_details_are_checked_with_specific_messages(portal: Callable[..., FlaskClient]) -> None:
    client = portal("warm")
    sign_in(client)
    shown = page(client.post("/account/payment", data={"card_name": "Sam", "card_number": "4242 4242 4242 4241",
                                                       "card_expiry": "01/20", "card_cvc": "12"}))
    assert "Check your card number" in shown.text
    assert "The expiry date must be in the future" in shown.text
    assert "Enter the security code as 3 or 4 digits" in shown.text
    assert shown.value("card-name") == "Sam" and shown.value("card-cvc") == ""


def test_decline_then_repeated_decline_offers_a_person(portal: Callable[..., FlaskClient]) -> None:
    client = portal("warm")
    sign_in(client)
    first = page(client.post("/account/payment", data={**CARD, "card_number": "4000 0000 0000 0002"}))
    alert = first.by_role("alert")[0].text
    assert "Your bank declined this card, so your payment details have not changed" in alert
    assert "chat with an adviser" not in alert
    second = page(client.post("/account/payment", data={**CARD, "card_number": "4000 0000 0000 0002"}))
    assert "You don't have to keep trying: call us on 0808 157 0192" in second.by_role("alert")[0].text


def test_server_fault_is_explained_without_codes(portal: Callable[..., FlaskClient]) -> None:
    client = portal("warm")
    sign_in(client)
    response = client.post("/account/payment", data={**CARD, "card_number": "4000 0000 0000 0500"})
    shown = page(response)
    assert response.status_code == 500
    assert "Sorry, there is a problem with our system" in shown.text and "have not changed" in shown.text
    assert "call us on 0808 157 0192" in shown.text and "500" not in shown.text.replace("0500", "")


def test_payment_needs_sign_in(portal: Callable[..., FlaskClient]) -> None:
    assert portal("warm").get("/account/payment").location.endswith("/sign-in?next=/account/payment")


def test_test_api_validates_and_never_returns_the_password(portal: Callable[..., FlaskClient]) -> None:
    client = portal("warm")
    missing = client.post("/__test__/accounts", json={"email": "a@example.com"})
    assert missing.status_code == 400
    assert "password, first_name, last_name, policy_number" in missing.get_json()["error"]
    bad_policy = client.post("/__test__/accounts", json={**ACCOUNT, "policy_number": "12"})
    assert bad_policy.status_code == 400 and "policy_number" in bad_policy.get_json()["error"]
    created = client.post("/__test__/accounts", json=ACCOUNT)
    assert created.status_code == 201 and "password" not in created.get_data(as_text=True)
    assert client.post("/__test__/accounts", json=ACCOUNT).status_code == 200  # replaced, not duplicated
    orphan = client.post("/__test__/claims", json={"email": "nobody@example.com"})
    assert orphan.status_code == 400 and "create it first" in orphan.get_json()["error"]
