"""Support chat: a bot takes name, policy number and problem, then a scripted live agent takes over.

Why a JSON API and delayed agent messages: a real hand-off is asynchronous, so the recorder has to
catch messages that arrive after the page settled, each tagged with who said it (`data-speaker`).
"""

from __future__ import annotations

import re
from typing import Any

from flask import Blueprint, jsonify, request, session
from flask.typing import ResponseReturnValue

from harness.demo.portal import on, page, portal, signed_in, visitor_id
from harness.demo.records import Conversation, new_reference, normalise_policy

bp = Blueprint("chat", __name__)

POLICY_IN_TEXT = re.compile(r"\b([A-Za-z]{2,4})[\s-]?(\d{5,10})\b")
WANTS_HUMAN = re.compile(r"\b(human|person|someone|agent|adviser|advisor|operator|speak to|talk to)\b", re.I)
DOES_NOT_KNOW = re.compile(r"\b(don'?t know|do not know|not sure|no idea|skip|can'?t find)\b", re.I)
NAME_PREFIX = re.compile(r"^(hi|hello)?[,!\s]*(my name is|my name's|i'm|i am|it's|this is)\s+", re.I)
MAX_MESSAGE = 2000

CONNECTING = "Connecting you to an adviser. This usually takes less than a minute."


def _chat() -> dict[str, Any]:
    """This visitor's conversation, started with the bot's greeting on first use."""
    if "chat" not in session:
        account = None if on("returning-generic") else signed_in()
        chat: dict[str, Any] = {"ref": new_reference("CHT"), "stage": "name", "name": "", "policy": "",
                                "problem": "", "messages": [], "recorded": False, "reasked": False}
        session["chat"] = chat
        if account:
            chat.update(name=account.full_name, policy=account.policy_number, stage="problem")
            _say(chat, "bot", f"Hello {account.first_name}, I'm the Harbour Mutual assistant. You're signed in, "
                              f"so I already have your policy {account.policy_number} to hand.")
            _say(chat, "bot", "What would you like help with today? A sentence or two is enough.")
        else:
            _say(chat, "bot", "Hello, I'm the Harbour Mutual assistant. I'll ask you 3 quick questions, "
                              "then put you through to a person in our team.")
            _say(chat, "bot", "What's your name?")
    chat = session["chat"]
    return chat


def _say(chat: dict[str, Any], speaker: str, text: str, delay: float = 0.0) -> None:
    chat["messages"].append({"id": len(chat["messages"]) + 1, "speaker": speaker, "text": text,
                             "at": portal().clock() + delay})


def _first_name(chat: dict[str, Any]) -> str:
    return chat["name"].split()[0] if chat["name"] else ""


def _hand_over(chat: dict[str, Any]) -> None:
    """The bot passes on; the agent's first messages arrive after `agent_delay` seconds."""
    p = portal()
    first = _first_name(chat)
    chat["stage"] = "agent"
    _say(chat, "bot", (f"Thanks, {first}. " if first else "Thanks. ") +
         "I'm putting you through to someone in our team now and passing on what you've told me, "
         "so you won't need to repeat it.")
    summary = not on("handoff-no-summary")
    delay = p.agent_delay
    if summary and first:
        _say(chat, "agent", f"Hi {first}, I'm Sam from the Harbour Mutual claims team.", delay)
    else:
        _say(chat, "agent", "Hi there, you're through to Sam from the claims team.", delay)
    about = f"“{chat['problem']}”" if chat["problem"] else ""
    if on("agent-reasks-policy"):
        chat["reasked"] = True
        lead = f"I can see you've written: {about}. " if summary and about else ""
        _say(chat, "agent", lead + "Before I look into it, can I take your policy number, please?", delay + 0.4)
    elif summary and about:
        policy = f" about policy {chat['policy']}" if chat["policy"] else ""
        _say(chat, "agent", f"I can see your message{policy}: {about}. I'm sorry you're dealing with this. "
                            "I'm looking into it now and will reply here within a few minutes.", delay + 0.4)
    elif summary:
        _say(chat, "agent", "I have your details here. Tell me what's happened, in your own words, "
                            "and I'll take it from there.", delay + 0.4)
    else:
        _say(chat, "agent", "I'll look into it and reply here within a few minutes.", delay + 0.4)


def _record(chat: dict[str, Any]) -> None:
    """The conversation appears on the dashboard from the first thing the person says."""
    records = portal().records
    if not chat["recorded"]:
        account = signed_in()
        records.add_conversation(Conversation(reference=chat["ref"], session_id=visitor_id(),
                                              account_email=account.email if account else ""))
        chat["recorded"] = True
    for conversation in records.conversations:
        if conversation.reference == chat["ref"]:
            conversation.topic = chat["problem"]


def _reply(chat: dict[str, Any], text: str, wants_human: bool) -> None:
    """The bot's (and, after the hand-off, the agent's) answer to one message."""
    stage = chat["stage"]
    if stage == "agent" and not text:
        return  # "Talk to a person" pressed again after the hand-off
    if stage == "agent":
        delay = min(portal().agent_delay, 1.0)
        if chat["reasked"] and POLICY_IN_TEXT.search(text):
            chat["reasked"] = False
            chat["policy"] = normalise_policy(POLICY_IN_TEXT.search(text).group(0))  # type: ignore[union-attr]
            _say(chat, "agent", "Thank you, I've found your policy. I'm looking into this now and will "
                                "reply here within a few minutes.", delay)
        else:
            if not chat["problem"]:
                chat["problem"] = text
            _say(chat, "agent", f"Thank you, I've added that to your case, reference {chat['ref']}. I'll reply "
                                "here within a few minutes, and we'll email you a copy of this conversation.",
                 delay)
        return
    if stage == "problem" and text:
        chat["problem"] = text
        _hand_over(chat)
    elif wants_human:
        _hand_over(chat)
    elif stage == "name":
        chat["name"] = NAME_PREFIX.sub("", text).strip(" .!") or text
        chat["stage"] = "policy"
        _say(chat, "bot", f"Thanks, {_first_name(chat)}. What's your policy number? "
                          "It's on your policy documents, for example HM-1234567.")
    elif stage == "policy":
        found = POLICY_IN_TEXT.search(text)
        if found or DOES_NOT_KNOW.search(text):
            chat["policy"] = normalise_policy(found.group(0)) if found else ""
            chat["stage"] = "problem"
            lead = "Thank you." if found else "No problem, our team can look it up."
            _say(chat, "bot", f"{lead} What would you like help with today? A sentence or two is enough.")
        else:
            _say(chat, "bot", "I couldn't find a policy number in that. It starts with 2 to 4 letters "
                              "followed by 5 to 10 numbers, like HM-1234567. If you don't have it to hand, "
                              "type \"I don't know\" and our team will look it up.")


def _payload(chat: dict[str, Any]) -> dict[str, Any]:
    now = portal().clock()
    visible = [{k: m[k] for k in ("id", "speaker", "text")} for m in chat["messages"] if m["at"] <= now]
    waiting = any(m["at"] > now for m in chat["messages"] if m["speaker"] == "agent")
    connecting = waiting and not any(m["speaker"] == "agent" for m in visible)
    return {"messages": visible, "stage": chat["stage"], "status": CONNECTING if connecting else "",
            "pending": waiting}


@bp.route("/chat")
def chat_page() -> ResponseReturnValue:
    _chat()
    return page("chat.html", status_live=not on("visual-only-status"))


@bp.route("/chat/api/messages", methods=["GET", "POST"])
def messages() -> ResponseReturnValue:
    chat = _chat()
    if request.method == "POST":
        body = request.get_json(silent=True) or {}
        text = str(body.get("text", "")).strip()[:MAX_MESSAGE]
        wants_human = body.get("action") == "human"
        if not text and not wants_human:
            return jsonify(error="Type a message before sending it."), 400
        with session.lock:  # type: ignore[attr-defined]
            if text:
                _say(chat, "user", text)
            _reply(chat, text, wants_human or bool(WANTS_HUMAN.search(text)) and chat["stage"] != "agent")
            _record(chat)
    return jsonify(_payload(chat))
