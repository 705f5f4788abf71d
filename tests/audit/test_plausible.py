"""A plausible answer for a field no persona detail answers: the page's own example, else one of its kind."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from harness.audit.model import Field
from harness.audit.plausible import FREE_TEXT, PAST_DATE, UNSURE, example_in, plausible


@pytest.mark.parametrize(("field", "answer"), [
    (Field("Policy number", hint="It's on your documents, for example HM-1234567"), "HM-1234567"),
    (Field("Date of the incident", info="date", hint="For example, 14 3 2026"), "14 3 2026"),
    (Field("Membership", placeholder="e.g. AB12 3CD"), "AB12 3CD"),
    (Field("Account", placeholder="AC-004512"), "AC-004512"),
    (Field("Start", type="date"), PAST_DATE),
    (Field("When did it happen?", info="date"), PAST_DATE),
    (Field("How many?", type="number"), "1"),
    (Field("Tell us more", type="textarea"), FREE_TEXT),
    (Field("Favourite colour"), UNSURE),
    (Field("Password", type="password"), ""),
    (Field("Photo", type="file"), ""),
])
def test_the_pages_example_first_then_the_kind_of_answer(field: Field, answer: str) -> None:
    assert plausible(field, seed=1) == answer


@pytest.mark.parametrize(("field", "shape"), [
    (Field("Company", info="organisation"), r"\w.+"),
    (Field("Your website", type="url"), r"https://www\.example\.org/[\w-]+"),
    (Field("Membership number", info="customer_number"), r"\d{8}"),
    (Field("Work e-mail", type="email"), r"[\w.]+@example\.org"),
    (Field("Town"), r"[A-Z][\w' -]+"),
])
def test_a_field_with_no_example_gets_an_answer_of_its_kind_the_same_each_run(field: Field, shape: str) -> None:
    answer = plausible(field, seed=3)
    assert re.fullmatch(shape, answer) and answer != UNSURE
    assert plausible(field, seed=3) == answer


def test_a_placeholder_that_only_names_the_field_is_no_example() -> None:
    assert example_in(Field("Name", placeholder="Your name")) == ""
    assert example_in(Field("Date", placeholder="dd/mm/yyyy")) == ""


@pytest.mark.e2e
def test_a_flow_whose_first_field_no_detail_matches_goes_on_with_the_pages_example(browser: Any,
                                                                                  tmp_path: Path) -> None:
    """A bare workspace: the persona has no membership code, the page checks its shape and gives an example."""
    from flask import Flask, redirect, request

    from tests.audit.site import form, page
    from tests.audit.test_scout import _scout
    from tests.sites import serve

    app = Flask(__name__)

    @app.route("/join", methods=["GET", "POST"])
    def join() -> Any:
        if request.method == "POST" and re.fullmatch(r"[A-Z]{2}-\d{6}", request.form.get("code", "")):
            return redirect("/join/2", code=303)
        box = ('<label for="code">Membership code</label><p id="code-hint">For example AB-123456</p>'
               '<input id="code" name="code" aria-describedby="code-hint">')
        return page("Join", form("/join", box, "Continue"))

    @app.get("/join/2")
    def second() -> str:
        return page("Your details", form("/join/2", '<label for="n">Your full name</label><input id="n" name="n">',
                                         "Save"))

    with serve(app) as url:
        site = _scout(browser, url, tmp_path, seed=1, start="/join")
    flow = next(f for f in site.flows if f.start.path == "/join")
    assert [s.form.path for s in flow.steps] == ["/join", "/join/2"], site.skipped
    assert flow.steps[0].entries == [("Membership code", "AB-123456")]


@pytest.mark.e2e
def test_a_look_up_box_no_detail_answers_is_left_alone_not_sent_a_made_up_code(browser: Any, tmp_path: Path) -> None:
    """A form sent by GET only looks something up: a made-up reference meets "no such ..." (the audit's doing)."""
    from flask import Flask, request

    from tests.audit.site import field, form, page
    from tests.audit.test_scout import _scout
    from tests.sites import serve

    app, asked = Flask(__name__), []

    @app.get("/bookings")
    def bookings() -> str:
        asked.append(request.args.get("ref", ""))
        found = "<p>There is no booking with that reference.</p>" if request.args.get("ref") else ""
        return page("Bookings", form("/bookings", field("Booking reference", "ref"), "Find", method="get") + found +
                    "<input aria-label='Search bookings'><button type=button>Look up</button>")  # a script's box

    with serve(app) as url:
        site = _scout(browser, url, tmp_path, seed=1, start="/bookings")
    flows = [f for f in site.flows if f.start.path == "/bookings"]
    assert {f.start.method for f in flows} == {"get", "script"}, site.skipped
    assert [f.steps[0].entries for f in flows] == [[], []] and set(asked) == {""}, asked
    assert plausible(Field("Booking reference"), seed=1, looks_up=True) == ""
