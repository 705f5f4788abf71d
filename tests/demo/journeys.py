"""Journey helpers for the demo portal's tests: valid answers, a fake clock, and short walks through it."""

from __future__ import annotations

import re
from typing import Any

from flask.testing import FlaskClient

from .pages import Page

STEP1 = {"policy_number": "hm-1234567", "full_name": "Ana Lopez", "email": "ana@example.com",
         "incident_date": "14 3 2026", "incident_type": "Car accident"}
STEP2 = {"description": "A van reversed into my parked car", "location": "Leeds LS1"}
STEP3 = {"email": "ana@example.com", "phone": "07700 900982", "contact_time": "Morning (8am to 12pm)"}
ACCOUNT = {"email": "sam.okafor@example.org", "password": "correct horse battery", "first_name": "Sam",
           "last_name": "Okafor", "policy_number": "HMX-00012345", "phone": "01632 960001"}


class FakeClock:
    """Monotonic time the test moves by hand, so timeouts and agent delays take no real time."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def page(response: Any) -> Page:
    return Page(response.data)


def token(client: FlaskClient) -> str:
    found = re.search(r'name="token" value="(\w+)"', client.get("/claims/new/3").get_data(as_text=True))
    assert found, "step 3 has no submission token"
    return found.group(1)


def to_step(client: FlaskClient, step: int) -> None:
    """Answer the claim steps before `step` with valid answers."""
    if step > 1:
        assert client.post("/claims/new", data=STEP1).status_code == 302
    if step > 2:
        assert client.post("/claims/new/2", data=STEP2).status_code == 302


def file_claim(client: FlaskClient) -> str:
    """Run the whole claim journey; returns the confirmation page's text."""
    to_step(client, 3)
    response = client.post("/claims/new/3", data={**STEP3, "token": token(client)})
    assert response.status_code == 302 and response.location.endswith("/claims/confirmation")
    return page(client.get("/claims/confirmation")).text


def sign_in(client: FlaskClient, account: dict[str, str] = ACCOUNT) -> None:
    assert client.post("/__test__/accounts", json=account).status_code in (200, 201)
    response = client.post("/sign-in", data={"email": account["email"], "password": account["password"]})
    assert response.status_code == 302, page(response).text


def chat(client: FlaskClient, text: str = "", **body: Any) -> dict[str, Any]:
    payload = {"text": text, **body} if text else body
    response = client.post("/chat/api/messages", json=payload)
    assert response.status_code == 200, response.data
    data: dict[str, Any] = response.get_json()
    return data


def bot_to_agent(client: FlaskClient, clock: FakeClock, problem: str = "My windscreen cracked on the M6") -> list[str]:
    """Tell the bot name, policy and problem, wait for the agent; returns the agent's messages."""
    client.get("/chat/api/messages")
    chat(client, "Ana Lopez")
    chat(client, "HM-1234567")
    chat(client, problem)
    clock.advance(5)
    messages = client.get("/chat/api/messages").get_json()["messages"]
    return [m["text"] for m in messages if m["speaker"] == "agent"]
