"""friction on hand-written journeys: recorded struggle and forms that ask too much."""

from __future__ import annotations

from .conftest import act, control, journey, post, rub, run


def test_rage_dead_and_repeated_clicks_are_findings():
    t = journey({"text": "When I press Submit", "actions": [act("click", "Submit")],
                 "requests": [post("/claims/new/3"), post("/claims/new/3")],
                 "friction": [rub("rage-click", "#submit"), rub("dead-click", "#help-icon"),
                              rub("repeated-submit", "#submit")]})
    found = run("friction", t)
    assert sorted((f.evidence["kind"], f.impact) for f in found) == [
        ("dead-click", "minor"), ("rage-click", "moderate"), ("repeated-submit", "moderate")]
    assert all(f.target for f in found)


def test_persona_probes_are_not_friction():
    t = journey({"text": "When I go back", "friction": [rub("back", ""), rub("reload", "")]})
    assert run("friction", t) == []


def test_long_form_is_effort():
    fields = [control(f"Question {i}") for i in range(10)]
    found = run("friction", journey({"text": "Given the long form", "prompts": fields}))
    assert [(f.impact, f.evidence["count"]) for f in found] == [("minor", 10)]


def test_eight_fields_are_fine_and_buttons_do_not_count():
    fields = [control(f"Question {i}") for i in range(8)] + [control("Continue", type="submit")]
    assert run("friction", journey({"text": "Given the form", "prompts": fields})) == []


def test_more_fields_than_the_persona_accepts_for_the_task():
    pages = [{"text": f"Given page {p}", "page": f"/claims/new/{p}", "actions": [act("goto", f"/claims/new/{p}")],
              "prompts": [control(f"Question {p}-{i}", page=f"/claims/new/{p}") for i in range(5)]}
             for p in range(3)]
    found = run("friction", journey(*pages, persona={"patience": {"max_fields": 12}}))
    assert [(f.evidence["count"], f.evidence["limit"]) for f in found] == [(15, 12)]


def test_the_personas_own_double_click_is_not_the_sites_friction():
    t = journey({"text": "When I press Submit claim",
                 "actions": [act("click", "Submit claim", habit="double_click_submit", at_ms=1000)],
                 "requests": [post("/claims/new/3")],
                 "friction": [rub("repeated-submit", at_ms=1050), rub("dead-click", at_ms=1050)]})
    assert run("friction", t) == []


def test_a_double_submit_the_site_let_through_is_friction():
    t = journey({"text": "When I press Submit claim",
                 "actions": [act("click", "Submit claim", habit="double_click_submit", at_ms=1000)],
                 "requests": [post("/claims/new/3"), post("/claims/new/3")],
                 "friction": [rub("repeated-submit", at_ms=1050)]})
    assert [f.evidence["kind"] for f in run("friction", t)] == ["repeated-submit"]


def test_a_repeated_submit_that_never_reached_the_server_is_not_reported():
    t = journey({"text": "When I send a message", "actions": [act("chat", "chat", at_ms=1000)],
                 "requests": [post("/chat/api/messages", resource="fetch")],
                 "friction": [rub("repeated-submit", "#chat-form > button", at_ms=1300)]})
    assert run("friction", t) == []
