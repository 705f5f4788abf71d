"""The scout on a recording test site: within allowed_hosts, no sign-out, nofollow respected, nothing committed."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest

from harness.audit.model import SiteMap
from harness.audit.probes import features_for
from harness.audit.scout import Scout
from harness.config import load_settings
from harness.personas.data import generate_data
from harness.personas.loader import load_persona
from tests.audit.site import make_site
from tests.sites import serve

pytestmark = [pytest.mark.e2e, pytest.mark.slow]


def _scout(browser: Any, url: str, tmp: Path, seed: int, *, submit: bool = False, persona_name: str = "anxious",
           **kw: Any) -> SiteMap:
    settings = load_settings(tmp, overrides={"base_url": url, "seed": seed, "reports_dir": str(tmp / "reports")})
    persona = load_persona(persona_name, settings)
    return Scout(settings, persona, pages=12, deadline=time.monotonic() + 900, submit=submit, **kw).run(browser)


def test_the_scout_stays_in_bounds_and_holds_back_what_commits(browser: Any, tmp_path: Path) -> None:
    log: list[tuple[str, str, str]] = []
    with serve(make_site(log)) as url:
        site = _scout(browser, url, tmp_path, seed=1)
    assert {host for host, _, _ in log} == {"127.0.0.1"}, "a request left allowed_hosts"
    visited = {path for _, _, path in log}
    assert not visited & {"/logout", "/secret", "/items/1/delete", "/hidden"}
    assert {"/about", "/contact", "/shop/", "/signup", "/quiet"} <= visited
    posted = {path for _, method, path in log if method == "POST"}
    assert posted == {"/shop/", "/signup", "/account/sign-in"}, "an irreversible form posted, or a reversible one not"
    held = {s.form.button: s.held_back for f in site.flows for s in f.steps if s.held_back}
    assert set(held) == {"Send message", "Pay now"}
    shop = next(f for f in site.flows if f.start.path == "/shop/")
    assert [s.form.path for s in shop.steps] == ["/shop/", "/shop/pay"]  # the flow was followed to its payment
    assert any("nofollow" in s for s in site.skipped) and any("sign out" in s for s in site.skipped)


def test_the_same_seed_writes_the_same_features(browser: Any, tmp_path: Path) -> None:
    log: list[tuple[str, str, str]] = []
    with serve(make_site(log)) as url:
        texts = [[w.text for w in features_for(_scout(browser, url, tmp_path, seed=7), ["anxious"])] for _ in range(2)]
    assert texts[0] == texts[1] and len(texts[0]) == 5


def test_a_persona_with_an_account_signs_in_once_and_its_forms_open_signed_in(browser: Any, tmp_path: Path,
                                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EMPATHY_DEMO_PASSWORD", "s3cret-for-the-test")  # the returning persona's password
    log: list[tuple[str, str, str]] = []
    with serve(make_site(log, password="s3cret-for-the-test")) as url:
        site = _scout(browser, url, tmp_path, seed=1, persona_name="returning")
    paths = [p for p, _ in site.pages]
    assert {"/account/profile", "/account/settings"} <= set(paths) and len(paths) == len(set(paths))
    settings = next(f for f in site.flows if f.start.path == "/account/settings")
    assert "already on file" in settings.held_back  # the account's own settings, shown filled: never saved unasked
    assert ("POST", "/account/settings") not in {(method, path) for _, method, path in log}
    profile = next(f.start for f in site.flows if f.start.path == "/account/profile")
    assert profile.sign_in == "/account/sign-in"
    text = next(w.text for w in features_for(site, ["returning", "anxious"], ["returning"])
                if "account-profile" in w.name)
    assert 'I open "/account/sign-in"\n    When I sign in\n    And I wait for the page to finish' in text
    assert "| returning |" in text and "| anxious |" not in text  # only a persona with an account walks it


def test_the_scout_signs_in_with_a_sidebars_box_not_the_main_form_beside_it(browser: Any, tmp_path: Path,
                                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EMPATHY_DEMO_PASSWORD", "s3cret-for-the-test")
    log: list[tuple[str, str, str]] = []
    with serve(make_site(log, password="s3cret-for-the-test")) as url:
        site = _scout(browser, url, tmp_path, seed=1, persona_name="returning", start="/club")
    assert not [s for s in site.skipped if "signing in" in s], site.skipped
    assert ("POST", "/account/sign-in") in {(method, path) for _, method, path in log}
    profile = next(f.start for f in site.flows if f.start.path == "/account/profile")
    assert profile.sign_in == "/club"  # explored signed in, from the page whose sidebar it signed in with
    text = next(w.text for w in features_for(site, ["returning"], ["returning"]) if "account-profile" in w.name)
    assert 'I open "/club"\n    When I sign in\n' in text


def test_named_pages_are_starting_points_and_ignore_robots_follows_nofollow_links(browser: Any, tmp_path: Path) -> None:
    log: list[tuple[str, str, str]] = []
    with serve(make_site(log)) as url:
        site = _scout(browser, url, tmp_path, seed=1, also=("/orphan",), ignore_robots=True)
    visited = {path for _, _, path in log}
    assert {"/orphan", "/secret", "/hidden"} <= visited and not visited & {"/logout", "/items/1/delete"}
    orphan = next(f.start for f in site.flows if f.start.path == "/orphan")
    assert [f.label for f in orphan.fields] == ["Your name"]  # the unnamed filter box is a widget, not an answer
    assert {"/list?sort=name", "/list?sort=date"} <= {p for p, _ in site.pages}
    assert len([f for f in site.flows if f.start.path.startswith("/list")]) == 1  # one form, sorted two ways


def test_a_single_page_apps_shell_is_read_only_once_its_script_has_drawn_the_page(browser: Any) -> None:
    from harness.audit.scout import READ_JS

    context = browser.new_context()
    page = context.new_page()
    page.set_content("<!doctype html><title>App</title><div id=root></div>")
    assert page.evaluate(READ_JS) is None  # the shell: nothing a person can see or use yet
    page.evaluate("document.getElementById('root').innerHTML = '<a href=\"/about\">About</a>'")
    assert '"text":"About"' in page.evaluate(READ_JS)
    context.close()


def _forms_read(browser: Any, html: str) -> list[dict[str, Any]]:
    """The forms page.js reads on a page of `html`."""
    import json

    from harness.audit.scout import READ_JS

    context = browser.new_context()
    try:
        page = context.new_page()
        page.set_content(html)
        return list(json.loads(page.evaluate(READ_JS))["forms"])
    finally:
        context.close()


def test_a_get_form_of_one_box_that_says_search_is_a_search_and_a_bare_submit_is_called_submit(
        browser: Any) -> None:
    find, contact, loose = _forms_read(browser, "<form method=get action=/find><label for=q>Words</label><input "
                                       "id=q name=query><input type=submit value=Go></form><form method=post "
                                       "action=/contact><label for=n>Your name</label><input id=n name=name>"
                                       "<input type=submit></form><input placeholder='Search packages'><button "
                                       "type=button>Open</button>")
    assert find["search"] and not contact["search"] and contact["buttons"] == ["Submit"]
    assert loose["method"] == "script" and loose["search"]  # a single-page app's one box that says search


def _basket_site(log: list[tuple[str, str, str]]) -> Any:
    """A basket that comes back with its own form again (now saying what it holds) beside a button-only form
    that moves on; the checkout behind it asks for an e-mail, then its last page places the order."""
    from flask import Flask, redirect, request, session

    from tests.audit.site import field, form, page

    app = Flask(__name__)
    app.secret_key = "test"

    @app.before_request
    def record() -> None:
        log.append((request.host.split(":")[0], request.method, request.path))

    @app.route("/event", methods=["GET", "POST"])
    def event() -> Any:
        if request.method == "POST":
            session["held"] = request.form.get("tickets", "")
            return redirect("/event?added=1", code=303)
        held = f" ({session['held']} in your basket)" if session.get("held") else ""
        onward = ('<p class="success">The tickets were added to your basket.</p>' +  # said done, yet it moves on
                  form("/checkout", "", "Proceed with checkout", method="get") + form("/empty", "", "Empty basket"))
        return page("Concert", form("/event", field(f"Tickets{held}", "tickets", "number"), "Add to basket") +
                    (onward if held else ""))

    @app.route("/checkout", methods=["GET", "POST"])
    def checkout() -> Any:
        if request.method == "POST" and request.form.get("email"):
            return redirect("/checkout/confirm", code=303)
        return page("Your details", form("/checkout", field("Email address", "email", "email"), "Continue"))

    @app.route("/checkout/confirm", methods=["GET", "POST"])
    def confirm() -> str:
        said = '<p class="success">Your details were saved.</p>'  # said done, and its last button still commits
        return page("Check your order", said + form("/checkout/confirm", "", "Place order"))

    return app


def test_a_flow_moves_on_through_a_form_of_buttons_only_and_not_round_the_form_just_sent(browser: Any,
                                                                                          tmp_path: Path) -> None:
    log: list[tuple[str, str, str]] = []
    with serve(_basket_site(log)) as url:
        site = _scout(browser, url, tmp_path, seed=1, start="/event")
    flow = next(f for f in site.flows if f.start.path == "/event")
    assert [s.form.button for s in flow.steps] == ["Add to basket", "Proceed with checkout", "Continue",
                                                   "Place order"]
    assert flow.steps[-1].held_back and ("POST", "/checkout/confirm") not in {(m, p) for _, m, p in log}
    assert ("POST", "/empty") not in {(m, p) for _, m, p in log}
    text = features_for(site, ["anxious"])[0].text
    pressed = 'I press "Add to basket"\n    And I wait for the page to finish\n    And I press "Proceed with checkout"'
    assert pressed in text  # a step of buttons only is pressed, not filled in


def test_a_flow_ends_on_the_page_that_says_it_was_done_whatever_list_form_is_beside_the_message(
        browser: Any, tmp_path: Path) -> None:
    """A back office's "Add group" lands on its list, which says the group was added above a form that acts on
    the list ("Delete selected groups"): that form starts something new, so going back over the sent form is no
    mid-flow probe (the group exists; an empty "Add group" form is a fresh one), reloading the answer is."""
    from flask import Flask, redirect, request

    from tests.audit.site import field, form, page

    app = Flask(__name__)
    groups = ["Support"]

    @app.route("/groups/add", methods=["GET", "POST"])
    def add() -> Any:
        if request.method == "POST" and request.form.get("name"):
            groups.append(request.form["name"])
            return redirect("/groups/?added=1", code=303)
        return page("Add group", form("/groups/add", field("Name:", "name", extra="required"), "Save"))

    @app.route("/groups/", methods=["GET", "POST"])
    def listing() -> str:
        said = f'<ul><li class="success">The group “{groups[-1]}” was added successfully.</li></ul>' \
            if request.args.get("added") else ""
        action = ('<label for="a">Action:</label><select id="a" name="action"><option value="">---------</option>'
                  '<option value="delete">Delete selected groups</option></select>')
        rows = "".join(f'<p><input type="checkbox" name="pick" value="{g}" id="g{n}"><label for="g{n}">{g}</label>'
                       f'</p>' for n, g in enumerate(groups))
        return page("Select group to change", said + form("/groups/", action + rows, "Go"))

    with serve(app) as url:
        site = _scout(browser, url, tmp_path, seed=1, persona_name="anxious", start="/groups/add")
    flow = next(f for f in site.flows if f.start.path == "/groups/add")
    assert [s.form.button for s in flow.steps] == ["Save"] and not flow.held_back
    made_up = [generate_data(load_persona("anxious", load_settings(tmp_path)), run_seed=1, scenario=f"audit flow {n}")
               for n in range(1, len(site.flows) + 1)]
    assert groups[-1] in {d["thing_name"] for d in made_up} - {d["full_name"] for d in made_up}  # not the person's
    text = next(w.text for w in features_for(site, ["anxious"]) if "groups-add" in w.name)
    assert "goes back to check and reloads mid-flow" not in text and "reloads the page the form's answer" in text


def test_the_items_own_form_of_questions_under_added_successfully_ends_the_flow_not_held_back_as_its_last_step(
        browser: Any, tmp_path: Path) -> None:
    """"Add user" lands on the new person's change page ("was added successfully. You may edit it again below.")
    with its own form of questions filled in: editing it is something new, not the last step of adding (held
    back as one, it made the flow two steps long and so a mid-flow probe went back over the saved form)."""
    from flask import Flask, redirect, request

    from tests.audit.site import field, form, page

    app = Flask(__name__)
    people: list[str] = []

    @app.route("/people/add", methods=["GET", "POST"])
    def add() -> Any:
        if request.method == "POST" and request.form.get("username"):
            people.append(request.form["username"])
            return redirect(f"/people/{len(people)}/change?added=1", code=303)
        return page("Add user", form("/people/add", field("Username", "username", extra="required"), "Save"))

    @app.get("/people/<int:n>/change")
    def change(n: int) -> str:
        said = '<ul><li class="success">The user was added successfully. You may edit it again below.</li></ul>'
        fields = "".join(field(label, name, extra=f'value="{value}"') for label, name, value in (
            ("Username", "username", people[n - 1]), ("First name", "first", "Robin"), ("Last name", "last", "Ellis"),
            ("Email address", "email", "robin@example.org")))
        return page("Change user", said + form(f"/people/{n}/change", fields, "Save"))

    with serve(app) as url:
        site = _scout(browser, url, tmp_path, seed=1, persona_name="anxious", start="/people/add")
    flow = next(f for f in site.flows if f.start.path == "/people/add")
    assert [s.form.path for s in flow.steps] == ["/people/add"] and not flow.held_back, flow.steps
    text = next(w.text for w in features_for(site, ["anxious"]) if "people-add" in w.name)
    assert "goes back to check and reloads mid-flow" not in text


def test_a_search_ends_on_its_results_whatever_forms_they_hold(browser: Any, tmp_path: Path) -> None:
    """A filter beside the results is another look-up, not the search's next step: no probe goes back over it; a
    filter (sent by GET) ends on its results too, though they hold a form that posts (a code to redeem)."""
    from flask import Flask

    from tests.audit.site import field, form, page

    app = Flask(__name__)

    @app.get("/find")
    def find() -> str:
        results = form("/find", field("Narrow by", "narrow"), "Filter", method="get") + "<p>3 pages found.</p>"
        return page("Search", form("/find", field("Search", "q", "search"), "Search", method="get") + results)

    @app.route("/codes", methods=["GET", "POST"])
    def codes() -> str:
        redeem = form("/codes", field("Voucher code", "code"), "Go!")
        return page("Vouchers", form("/codes", field("Status", "status"), "Filter", method="get") + redeem)

    with serve(app) as url:
        site = _scout(browser, url, tmp_path, seed=1, start="/find", also=("/codes",))
    flow = next(f for f in site.flows if f.start.search)
    assert [s.form.button for s in flow.steps] == ["Search"]
    assert [s.form.button for f in site.flows if f.start.path == "/codes" and f.start.button == "Filter"
            for s in f.steps] == ["Filter"]
    text = next(w.text for w in features_for(site, ["anxious"]) if "find-search" in w.name)
    assert "reloads mid-flow" not in text


def test_a_sign_in_box_on_the_page_a_form_led_to_is_no_next_step_of_its_flow(browser: Any, tmp_path: Path) -> None:
    from flask import Flask, redirect, request

    from tests.audit.site import field, form, page

    app = Flask(__name__)
    box = ('<aside><form method="post" action="/sign-in"><b>Login</b> <input name="username" required>'
           ' <input type="password" name="password" required> <button type="submit">Log in</button></form></aside>')

    @app.route("/wish", methods=["GET", "POST"])
    def wish() -> Any:
        if request.method == "POST":
            return redirect("/wish/noted", code=303)
        return page("A wish", form("/wish", field("Your wish", "wish"), "Note it") + box)

    @app.get("/wish/noted")
    def noted() -> str:
        return page("Noted", "<p>Your wish is noted.</p>" + box)

    with serve(app) as url:
        site = _scout(browser, url, tmp_path, seed=1, start="/wish")
    flow = next(f for f in site.flows if f.start.path == "/wish")
    assert [s.form.button for s in flow.steps] == ["Note it"] and not flow.steps[0].held_back


def test_a_new_page_comes_before_the_same_list_sorted_or_paged_another_way(browser: Any, tmp_path: Path) -> None:
    from flask import Flask

    from tests.audit.site import page

    app = Flask(__name__)

    @app.get("/")
    def home() -> str:
        return page("Home", "<a href='/list'>All items</a>")

    @app.get("/list")
    def listing() -> str:
        pages = " ".join(f"<a href='/list?page={n}'>Page {n}</a> <a href='/list?sort={n}'>Sort {n}</a>"
                         for n in range(2, 8))
        return page("Items", pages + " <a href='/item'>The first item</a>")

    @app.get("/item")
    def item() -> str:
        return page("An item", "<p>One thing.</p>")

    with serve(app) as url:
        settings = load_settings(tmp_path, overrides={"base_url": url, "seed": 1, "reports_dir": str(tmp_path)})
        site = Scout(settings, load_persona("anxious", settings), pages=3, deadline=time.monotonic() + 900,
                     submit=False).run(browser)
    assert [p for p, _ in site.pages] == ["/", "/list", "/item"]


def test_the_same_form_on_every_numbered_item_page_is_one_form(browser: Any, tmp_path: Path) -> None:
    from flask import Flask

    from tests.audit.site import field, form, page

    app = Flask(__name__)

    @app.get("/")
    def home() -> str:
        return page("Items", " ".join(f"<a href='/item{n}'>Item {n}</a>" for n in range(1, 5)))

    @app.route("/item<int:n>", methods=["GET", "POST"])
    def item(n: int) -> str:
        return page(f"Item {n}", form(f"/item{n}", field("Change note", "note"), "Submit changes"))

    with serve(app) as url:
        site = _scout(browser, url, tmp_path, seed=1)
    assert len([p for p, _ in site.pages]) == 5 and len(site.flows) == 1


def test_finding_pages_leaves_the_scout_time_to_follow_the_forms_found(browser: Any, tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """The scout's clock is a counter here (one tick per look), so the test does not depend on the machine."""
    from types import SimpleNamespace

    from flask import Flask

    import harness.audit.scout as scout
    from tests.audit.site import field, form, page

    app = Flask(__name__)

    @app.route("/", methods=["GET", "POST"])
    def home() -> str:
        links = " ".join(f"<a href='/p{n}'>Page {n}</a>" for n in range(40))
        return page("Home", form("/", field("Your name", "name"), "Save") + links)

    @app.get("/p<int:n>")
    def other(n: int) -> str:
        return page(f"Page {n}", "<a href='/'>Home</a>")

    ticks = iter(range(10**6))
    monkeypatch.setattr(scout, "time", SimpleNamespace(monotonic=lambda: float(next(ticks))))
    with serve(app) as url:
        settings = load_settings(tmp_path, overrides={"base_url": url, "seed": 1, "reports_dir": str(tmp_path)})
        site = Scout(settings, load_persona("anxious", settings), pages=60, deadline=40.0,
                     submit=False).run(browser)
    assert site.flows and len(site.pages) < 30, (len(site.pages), site.stopped)


def test_a_button_another_button_lies_on_is_not_the_forms_button(browser: Any) -> None:
    (search,) = _forms_read(browser, "<form action=/find><label for=s>Search the wiki</label><input id=s "
                            "name=search><span style='position:relative'><input type=submit name=fulltext "
                            "value=Search style='position:absolute;left:0'><input type=submit name=go value=Go "
                            "style='position:absolute;left:0'></span></form>")
    assert search["buttons"] == ["Go"]  # "Search" is under "Go": a click on it lands on "Go"


def test_the_scout_notes_a_form_the_browser_will_not_send_empty(browser: Any, tmp_path: Path) -> None:
    from flask import Flask

    from tests.audit.site import field, form, page

    app = Flask(__name__)
    box = field("Email", "email", "email", "required")

    @app.get("/")
    def home() -> str:
        return page("Join", form("/join", box, "Join") + form("/apply", box, "Apply").replace(
            "<form ", "<form novalidate "))

    with serve(app) as url:
        settings = load_settings(tmp_path, overrides={"base_url": url, "seed": 2,
                                                      "reports_dir": str(tmp_path / "reports")})
        site = Scout(settings, load_persona("anxious", settings), start="/", pages=1,
                     deadline=time.monotonic() + 600, submit=False).run(browser)
    refuses = {f.start.button: f.start.refuses_empty for f in site.flows}
    assert refuses == {"Join": True, "Apply": False}


def test_a_search_box_outside_any_form_on_every_page_is_one_form(browser: Any, tmp_path: Path) -> None:
    """A layout's filter box (no form, a theme button beside it) met on three pages is probed once, not three times;
    a page's own form stays one per page."""
    from flask import Flask

    from tests.audit.site import field, form, page

    app = Flask(__name__)
    frame = "<nav><input type=search aria-label='Filter the menu'><button type=button>Toggle theme</button></nav>"

    @app.route("/<name>", methods=["GET", "POST"])
    @app.route("/", defaults={"name": "home"}, methods=["GET", "POST"])
    def any_page(name: str) -> str:
        links = "".join(f"<a href='/{n}'>{n}</a> " for n in ("users", "groups"))
        return page(name, frame + links + form(f"/{name}", field(f"{name} note", "note"), "Save"))

    with serve(app) as url:
        site = _scout(browser, url, tmp_path, seed=1)
    assert len(site.pages) == 3
    boxes = [f.start for f in site.flows if f.start.method == "script"]
    assert len(boxes) == 1 and boxes[0].search
    assert len([f for f in site.flows if f.start.method == "post"]) == 3


def _walks_of_ten_seconds(monkeypatch: pytest.MonkeyPatch, forms: list[Any], signing: float = 0.0) -> list[float]:
    """The scout's clock as a fake one (returned) that each walk moves on 10 s (`signing` of them to sign in), and
    `forms` as the ones it found."""
    from types import SimpleNamespace

    import harness.audit.scout as scout
    from harness.audit.model import Flow, FlowStep, Form

    now = [0.0]
    monkeypatch.setattr(scout, "time", SimpleNamespace(monotonic=lambda: now[0]))

    def walk(self: Scout, browser: Any, form: Form, n: int) -> Flow:
        now[0] += 10.0
        self.signing_s = signing
        return Flow([FlowStep(form)])

    def crawl(self: Scout, browser: Any, until: float) -> None:
        for f in forms:
            self._forms[f.key] = f

    monkeypatch.setattr(Scout, "_walk", walk)
    monkeypatch.setattr(Scout, "_crawl", crawl)
    return now


def _saves(n: int) -> list[Any]:
    from harness.audit.model import Form

    return [Form(path=f"/f{i}", button="Save") for i in range(n)]


def test_the_scout_begins_no_walk_the_time_left_cannot_hold(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each walk takes 10 s on a fake clock; with 25 s it follows two forms and leaves the third, not ending at 30."""
    now = _walks_of_ten_seconds(monkeypatch, _saves(3))
    settings = load_settings(tmp_path, overrides={"base_url": "http://127.0.0.1:9", "seed": 1})
    site = Scout(settings, load_persona("anxious", settings), pages=3, deadline=25.0, submit=False).run(None)
    assert len(site.flows) == 2 and now[0] <= 25.0
    assert site.stopped == "time: 1 form(s) not followed"


def test_a_tick_box_that_says_it_is_a_button_is_a_menus_toggle_not_a_question(browser: Any) -> None:
    """A skin's "More" menu opens by a tick box marked as a button (no form around it): not a form whose button is
    the box's own value ("on"), met on every page; a tick box that asks something is still a question."""
    toggle = ("<div><input type=checkbox id=more role=button aria-haspopup=true aria-labelledby=more-label>"
              "<label id=more-label for=more>More</label><ul><li><a href=/move>Move</a></li></ul></div>")
    assert _forms_read(browser, toggle) == []
    asked = _forms_read(browser, "<label for=news>Send me news</label><input type=checkbox id=news>"
                                  "<button type=button>Save</button>")
    assert [f["buttons"] for f in asked] == [["Save"]]


def test_the_scout_stops_following_forms_once_the_scenarios_written_would_fill_the_run(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each walk takes 10 s on a fake clock and each flow writes 3 scenarios; the run must end at 100 s. After the
    third walk (30 s, 9 scenarios) one more walk and the scenarios written (10 s each, as a walk) would not fit: the
    scout stops there, long before its own deadline, and says why."""
    now = _walks_of_ten_seconds(monkeypatch, _saves(6))
    settings = load_settings(tmp_path, overrides={"base_url": "http://127.0.0.1:9", "seed": 1})
    site = Scout(settings, load_persona("anxious", settings), pages=3, deadline=1000.0, submit=False,
                 run_until=100.0, scenarios=lambda s: 3 * len(s.flows)).run(None)
    assert len(site.flows) == 3 and now[0] == 30.0
    assert site.stopped == "the run is full: 9 scenario(s) written; 3 form(s) not followed"


def test_a_walks_sign_in_is_no_part_of_what_a_scenario_costs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The run signs in once a persona and restores the session after; each walk signs in afresh. With 6 s of each
    10 s walk spent signing in, a scenario costs 4 s: it is the sixth walk and its scenarios that would not fit
    (50 + 10 + 15 x 4 > 100), not the fourth (30 + 10 + 9 x 10, as a whole walk)."""
    now = _walks_of_ten_seconds(monkeypatch, _saves(6), signing=6.0)
    settings = load_settings(tmp_path, overrides={"base_url": "http://127.0.0.1:9", "seed": 1})
    site = Scout(settings, load_persona("anxious", settings), pages=3, deadline=1000.0, submit=False,
                 run_until=100.0, scenarios=lambda s: 3 * len(s.flows)).run(None)
    assert len(site.flows) == 5 and now[0] == 50.0


def test_the_scout_follows_one_form_of_each_kind_before_a_second_of_any(tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """Found in this order: two forms to fill, a sign-in, a search; time for three walks follows a form to fill, the
    sign-in and the search (the run takes them in that turn too), not the second form to fill."""
    from harness.audit.model import Field, Form

    _walks_of_ten_seconds(monkeypatch, [
        Form(path="/apply", button="Apply", fields=[Field("Name")]),
        Form(path="/join", button="Join", fields=[Field("Email", "email")]),
        Form(path="/login", button="Log in", fields=[Field("Username"), Field("Password", "password")]),
        Form(path="/", button="Search", method="get", search=True, fields=[Field("Search", "search")])])
    settings = load_settings(tmp_path, overrides={"base_url": "http://127.0.0.1:9", "seed": 1})
    site = Scout(settings, load_persona("anxious", settings), pages=3, deadline=35.0, submit=False).run(None)
    assert [f.start.path for f in site.flows] == ["/apply", "/login", "/"]


def test_of_a_list_of_quantities_the_scout_picks_one_item_not_one_of_each(browser: Any, tmp_path: Path) -> None:
    """A shop's tickets, one optional number box each: a person buys one kind; one of each made the checkout ask its
    question once a ticket, under one label twice, and the walk stopped there."""
    from flask import Flask

    from tests.audit.site import field, form, page

    app = Flask(__name__)
    boxes = field("Adult ticket", "adult", "number", "min=0") + field("Concession", "cheap", "number", "min=0")

    @app.route("/", methods=["GET", "POST"])
    def shop() -> str:
        return page("Tickets", form("/", boxes, "Add to cart"))

    with serve(app) as url:
        site = _scout(browser, url, tmp_path, seed=1)
    (flow,) = site.flows
    assert [label for label, _ in flow.steps[0].entries] == ["Adult ticket"]


def test_a_page_read_that_overran_the_crawls_share_leaves_the_forms_theirs(tmp_path: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """The crawl has half of the scout's 100 s; a page begun at 49 s that took 41 s to draw (a block editor at load
    24) ended it at 90 s. The forms still get their 50 s (four walks of 10 s), not the 10 s the overrun left (one)."""
    now = _walks_of_ten_seconds(monkeypatch, _saves(6))

    def slow_crawl(self: Scout, browser: Any, until: float) -> None:
        for f in _saves(6):
            self._forms[f.key] = f
        now[0] = until + 40.0

    monkeypatch.setattr(Scout, "_crawl", slow_crawl)
    settings = load_settings(tmp_path, overrides={"base_url": "http://127.0.0.1:9", "seed": 1})
    site = Scout(settings, load_persona("anxious", settings), pages=3, deadline=100.0, submit=False).run(None)
    assert len(site.flows) == 4 and now[0] == 130.0


def test_the_crawl_goes_on_once_the_forms_found_are_followed_and_time_is_left(tmp_path: Path,
                                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """A sign-in took the crawl's whole share (50 s of the scout's 100) and found one form with pages left unread; the
    form followed (10 s), the crawl goes on where it stopped with half of what is left, and what it finds is followed
    too, until no walk fits (before, the scout ended at 60 s with one flow and 40 s unused)."""
    now = _walks_of_ten_seconds(monkeypatch, [])
    rounds: list[float] = []

    def crawl(self: Scout, browser: Any, until: float) -> None:  # one page a round, and the round's whole share
        rounds.append(until)
        form = _saves(5)[len(self.site.pages)]
        self._forms[form.key] = form
        self.site.pages.append((form.path, ""))
        self._queue[:] = [f"/f{i}" for i in range(len(self.site.pages), 5)]
        now[0] = max(now[0], until)

    monkeypatch.setattr(Scout, "_crawl", crawl)
    settings = load_settings(tmp_path, overrides={"base_url": "http://127.0.0.1:9", "seed": 1})
    site = Scout(settings, load_persona("anxious", settings), pages=10, deadline=100.0, submit=False).run(None)
    assert rounds == [50.0, 80.0, 95.0]
    assert [f.start.path for f in site.flows] == ["/f0", "/f1"] and site.stopped == "time: 1 form(s) not followed"
