"""Support chat: the bot's three questions, a delayed hand-off, and an agent who already knows the story."""

from __future__ import annotations

from collections.abc import Callable

from flask.testing import FlaskClient

from .journeys import FakeClock, bot_to_agent, chat, page, sign_in


def test_bot_asks_name_policy_and_problem_in_turn(portal: Callable[..., FlaskClient]) -> None:
    client = portal("warm")
    opening = client.get("/chat/api/messages").get_json()["messages"]
    assert [m["speaker"] for m in opening] == ["bot", "bot"] and opening[-1]["text"] == "What's your name?"
    asked = chat(client, "My name is Ana Lopez")["messages"][-1]["text"]
    assert asked.startswith("Thanks, Ana. What's your policy number?")
    assert "What would you like help with today?" in chat(client, "it's hm 1234567")["messages"][-1]["text"]
    last = chat(client, "A tree fell on my garage")
    assert last["messages"][-1]["speaker"] == "bot" and "won't need to repeat it" in last["messages"][-1]["text"]
    assert [m["speaker"] for m in last["messages"]].count("user") == 3


def test_agent_arrives_after_a_delay_with_an_announced_status(portal: Callable[..., FlaskClient],
                                                              clock: FakeClock) -> None:
    client = portal("warm", agent_delay=2)
    client.get("/chat/api/messages")
    chat(client, "Ana")
    chat(client, "HM-1234567")
    waiting = chat(client, "My windscreen cracked")
    assert waiting["status"].startswith("Connecting you to an adviser") and waiting["pending"] is True
    assert not [m for m in waiting["messages"] if m["speaker"] == "agent"]
    clock.advance(1)
    assert client.get("/chat/api/messages").get_json()["status"]
    clock.advance(5)
    arrived = client.get("/chat/api/messages").get_json()
    assert arrived["status"] == "" and arrived["pending"] is False
    agent = [m["text"] for m in arrived["messages"] if m["speaker"] == "agent"]
    assert agent[0].startswith("Hi Ana, I'm Sam")
    assert "HM-1234567" in agent[1] and "My windscreen cracked" in agent[1] and "?" not in agent[1]
    status = page(client.get("/chat")).by_id("chat-status")
    assert status is not None and status.attrs["role"] == "status"
    log = page(client.get("/chat")).by_id("chat-log")
    assert log is not None and log.attrs["role"] == "log"


def test_agent_reply_mentions_the_conversation_reference(portal: Callable[..., FlaskClient], clock: FakeClock) -> None:
    client = portal("warm")
    bot_to_agent(client, clock)
    chat(client, "Thanks, it happened yesterday")
    clock.advance(2)
    reply = client.get("/chat/api/messages").get_json()["messages"][-1]
    assert reply["speaker"] == "agent" and "reference CHT-" in reply["text"]


def test_unrecognised_policy_number_is_explained_and_can_be_skipped(portal: Callable[..., FlaskClient]) -> None:
    client = portal("warm")
    client.get("/chat/api/messages")
    chat(client, "Ana")
    explained = chat(client, "the blue one")["messages"][-1]["text"]
    assert "like HM-1234567" in explained and "I don't know" in explained
    assert "our team can look it up" in chat(client, "I don't know it")["messages"][-1]["text"]


def test_asking_for_a_person_hands_over_at_once(portal: Callable[..., FlaskClient], clock: FakeClock) -> None:
    client = portal("warm")
    client.get("/chat/api/messages")
    chat(client, "Ana")
    assert chat(client, action="human")["stage"] == "agent"
    clock.advance(5)
    agent = [m["text"] for m in client.get("/chat/api/messages").get_json()["messages"] if m["speaker"] == "agent"]
    assert agent[0].startswith("Hi Ana") and "in your own words" in agent[1]


def test_signed_in_customer_is_not_asked_what_the_account_knows(portal: Callable[..., FlaskClient]) -> None:
    client = portal("warm")
    sign_in(client)
    opening = client.get("/chat/api/messages").get_json()["messages"]
    assert opening[0]["text"].startswith("Hello Sam") and "HMX-00012345" in opening[0]["text"]
    assert opening[-1]["text"].startswith("What would you like help with today?")


def test_empty_message_is_refused_with_a_reason(portal: Callable[..., FlaskClient]) -> None:
    response = portal("warm").post("/chat/api/messages", json={"text": "  "})
    assert response.status_code == 400 and response.get_json()["error"] == "Type a message before sending it."


def test_conversation_survives_a_reload(portal: Callable[..., FlaskClient], clock: FakeClock) -> None:
    client = portal("warm")
    bot_to_agent(client, clock)
    again = client.get("/chat/api/messages").get_json()["messages"]
    assert [m["speaker"] for m in again].count("agent") == 2 and again[2]["text"] == "Ana Lopez"
