"""The steps people reached for on third-party sites, each on a small page of the shape that needed it:
an unlabelled drop-down, a search box with only a button beside it, a product list with one add
button, a browser confirm(), a menu behind a name, two buttons with one name, a sign-in (by username,
beside a header's button, with no form element), the browser's own validation, a disabled button,
and an error that is (or is not) announced.

The pages share no markup or wording with the demo portal. Each test calls the step function a
feature file would reach, with a real journey in a real Chromium.
"""

from __future__ import annotations

import html
from collections.abc import Iterator
from types import SimpleNamespace
from typing import Any

import pytest
from flask import Flask, make_response, request

from harness.browser.errors import ActionFailed
from harness.config import Settings
from harness.exceptions import FeatureError
from harness.steps import act, see, who
from tests.browser.conftest import make_persona
from tests.sites import serve

pytestmark = pytest.mark.e2e
QUICK = SimpleNamespace(action_timeout_ms=300)  # how long a "not there" check looks (the page is already quiet)
PATIENT = SimpleNamespace(action_timeout_ms=15_000)  # a "there" check returns as soon as it sees; a slow machine waits

HEAD = '<!doctype html><html lang="en"><head><title>{0}</title></head><body><main><h1>{0}</h1>'
PAGES = {
    "collapsed": """<style>i { display: inline-block; width: 16px; height: 16px }</style>
<header><ul><li><a class="tab" href="/echo?x=bell" data-related=".bell-panel"><i class="icon-bell"></i></a>
</li><li><a class="tab" href="/echo?x=page" data-related=".find-panel"><i class="icon-magnifier"></i></a></li></ul>
<div class="bell-panel" style="display: none"><p>No news.</p></div>
<div class="find-panel" style="display: none"><form action="/echo"><label>Search: <input type="search" name="q"></label>
<input type="submit" value="Search"></form></div></header>
<script>for (const a of document.querySelectorAll("a.tab")) a.addEventListener("click", (e) => {
 e.preventDefault(); document.querySelector(a.dataset.related).style.display = "block"; });</script>
<p>Latest topics</p>""",
    # a forum's header (a <nav>): its magnifier link (an icon font's word, a title) opens a drop-down of the navigation
    # that holds the search box, which answers as the person types; the link's own address is the search page
    "dropdown-search": """<style>.icon { font-size: 0 } .icon::before { content: "o"; font-size: 16px }</style>
</main><nav><a href="/echo?x=home">Home</a> <a id="find" href="/echo?x=searchpage" title="Open search">
<span class="icon">search</span></a><div id="menu" role="menu" hidden>
<input type="text" class="form-control-search" placeholder="Search"><ul><li id="said">Type at least 3 letters.</li>
</ul></div></nav><main><p>Latest threads</p>
<script>document.getElementById("find").addEventListener("click", (e) => { e.preventDefault();
 document.getElementById("menu").hidden = false; document.querySelector("#menu input").focus(); });
document.querySelector("#menu input").addEventListener("input", (e) => { if (e.target.value.length >= 3)
 document.getElementById("said").textContent = "The search returned no results."; });</script>""",
    # a registration form that states no limit before typing: leaving the Username box draws its error under it, in a
    # group classed "has-error" (no role, no aria-invalid), as a forum's React form does; one with a maxlength
    "register-limit": """<form action="/echo"><div class="group"><label for="u">Username:</label><div>
<input id="u" type="text"><div class="help"></div></div></div>
<div class="group"><label for="e">E-mail:</label><div><input id="e" type="text"></div></div>
<div class="group"><label for="p">Password:</label><div><input id="p" type="password"></div></div>
<button>Register account</button></form>
<script>const u = document.getElementById("u"); u.addEventListener("blur", () => {
 const long = u.value.length > 14; u.closest(".group").classList.toggle("has-error", long);
 u.nextElementSibling.innerHTML = long ? "<p>Username cannot be longer than 14 characters.</p>" : ""; });</script>""",
    "register-maxlength": """<form action="/echo"><label>Username <input name="u" maxlength="10"></label>
<label>E-mail <input name="e"></label><button>Join</button></form>""",
    "sort": """<p>Sort by <select name="order"><option>Relevance</option><option>Newest first</option></select></p>
<p><select name="size"><option>Small</option><option>Large</option></select></p>
<form action="/echo"><input type="hidden" name="x" value="1"></form>""",
    "search": """<form action="/echo"><input name="terms"> <button>Search</button></form>
<form action="/echo"><label>Your name <input name="name"></label><button>Send</button></form>""",
    "filtered": """</main><aside><label>Filter this list <input type="search" name="filter"></label></aside><main>
<form action="/echo" aria-label="Search the site"><input name="terms"> <button>Go</button></form>""",
    # an admin's list: the navigation's own box filters its sections; the list's search shows when its button is pressed
    "listed": """</main><nav aria-label="Sections"><input type="search" placeholder="Search" name="section">
<ul><li><a href="/echo?x=a">Articles</a></li><li><a href="/echo?x=e">Events</a></li></ul></nav><main>
<button type="button" aria-label="Search" onclick="this.hidden = true; document.getElementById('s').innerHTML =
 '<form role=search action=/echo><input type=search name=q placeholder=Search></form>'">&#128269;</button>
<div id="s"></div><p>3 entries found</p>""",
    "shop": """<form method="post" action="/cart">
<article><h3>Adult ticket</h3><p>EUR 12</p><input type="number" name="adult" value="0" aria-label="Quantity"></article>
<article><h3>Child ticket</h3><p>EUR 6</p><input type="number" name="child" value="0" aria-label="Quantity"></article>
<button type="submit">Add to cart</button></form>
<label>Gift cards <input name="cards" value="1"></label>""",
    "confirm": """<button id="b" onclick="document.getElementById('o').textContent =
 confirm('Delete this draft for good?') ? 'Draft deleted' : 'Draft kept'">Delete</button><p id="o"></p>""",
    "menu": """<header><a href="/echo?x=home">Home</a>
<button aria-haspopup="true" aria-expanded="false" onclick="this.setAttribute('aria-expanded','true');
 document.getElementById('m').hidden=false">Sam</button>
<ul id="m" role="menu" hidden><li role="none"><a role="menuitem" href="/echo?x=out">Sign out</a></li></ul></header>""",
    # a button's drop-down whose items are anchors with no href (the page's script follows their data-href): named by
    # aria-labelledby, no role; the same words elsewhere on the page are another link
    "dropdown": """<p><a href="/echo?x=shelf">Weekend reading</a></p>
<div class="btn-group"><button id="add-to-list" type="button" aria-haspopup="true" aria-expanded="false"
 onclick="this.setAttribute('aria-expanded','true'); document.getElementById('lists').hidden=false">Add to list</button>
<ul id="lists" class="dropdown" aria-labelledby="add-to-list" hidden>
<li><a data-href="/echo?x=weekend">Weekend reading</a></li><li><a data-href="/echo?x=later">Later</a></li></ul></div>
<script>for (const a of document.querySelectorAll("#lists a")) a.addEventListener("click",
 () => { location.href = a.dataset.href; });</script>""",
    "icons": """<header><button id="top-settings-button"><svg class="icon-gear"></svg></button>
<button class="nav-btn" onclick="document.getElementById('m').hidden=false">
 <svg data-testid="AccountCircleIcon"></svg></button>
<ul id="m" hidden><li><a href="/echo?x=profile">Your profile</a></li></ul></header>""",
    "twice": """<button onclick="document.getElementById('d').hidden=false">Login</button>
<div id="d" role="dialog" aria-labelledby="dh" hidden><h2 id="dh">Login</h2>
<form action="/echo"><input name="x" aria-label="Code" oninput="this.form.b.disabled = !this.value">
<button name="b" disabled>Login</button></form></div>""",
    "signin": """<header><button onclick="location.href='/echo?x=header'">Log in</button></header>
<form method="post" action="/signin"><label>Username <input name="u"></label>
<label>Password <input type="password" name="p"></label><button>Log in</button></form>""",
    "scripted": """<label>Username <input id="u"></label><label>Password <input type="password" id="p"></label>
<button onclick="location.href='/echo?x=' + document.getElementById('u').value">Sign in</button>""",
    "native": """<form action="/echo"><label>Work e-mail <input type="email" name="e" required></label>
<button>Join</button></form><p><button disabled>Publish</button> <button>Save</button></p>""",
    "announced": """<form action="/errors"><input type="hidden" name="live" value="1"><button>Try</button></form>""",
    "silent": """<form action="/errors"><button>Try</button></form>""",
    # a box with no button, which the page saves on Enter (keeps it on the page: nothing is sent)
    "onenter": """<input placeholder="Your name" onkeydown="if (event.key === 'Enter') document.getElementById('o')
 .textContent = 'Saved as ' + this.value"><input placeholder="Your town"><p id="o"></p>""",
    "quotes": """<p>Yes: the electricians’ table is by the   stage.</p><p>Bring <em>the lamp</em>.</p>""",
}


def _site() -> Flask:
    app = Flask(__name__)

    @app.get("/p/<name>")
    def page(name: str) -> Any:
        reply = make_response(HEAD.format(name.title()) + PAGES[name] + "</main></body></html>")
        reply.set_cookie("session", "s1")
        return reply

    @app.get("/echo")
    def echo() -> str:
        said = " ".join(f"{k}={v}" for k, v in request.args.items())
        who_ = "signed in" if request.cookies.get("session") else "signed out"
        return HEAD.format("Echo") + f"<p>{html.escape(said)}</p><p>{who_}</p></main></body></html>"

    @app.post("/cart")
    def cart() -> str:
        rows = "".join(f"<li>{k.title()} ticket &times; {v}</li>" for k, v in request.form.items() if v != "0")
        basket = f'<aside id="cart"><h2>Your cart</h2><ul>{rows}</ul></aside>'
        return HEAD.format("Tickets") + basket + "</main></body></html>"

    @app.post("/signin")
    def signin() -> str:
        ok = request.form.get("u") == "alex" and request.form.get("p")
        return HEAD.format("Hello alex" if ok else "Wrong username") + "</main></body></html>"

    @app.get("/errors")
    def errors() -> str:
        box = ('<div role="alert">That did not work. Try again.</div>' if request.args.get("live")
               else '<div class="error">That did not work. Try again.</div>')
        return HEAD.format("Try again") + box + "</main></body></html>"

    return app


@pytest.fixture(scope="module")
def pages() -> Iterator[str]:
    with serve(_site()) as url:
        yield url


@pytest.fixture
def j(journey_for: Any) -> Any:
    return journey_for(make_persona(data={"fixed": {"username": "alex", "email": "alex@example.test"},
                                          "secrets": {"password": "EMPATHY_TEST_BROWSER_PASSWORD"}}))


def _open(j: Any, pages: str, name: str) -> None:
    j.actor.goto(f"{pages}/p/{name}")


def _body(j: Any) -> str:
    return " ".join(j.page.locator("body").inner_text().split())


def test_choose_from_an_unlabelled_dropdown_by_its_option_or_the_text_beside_it(j: Any, pages: str) -> None:
    _open(j, pages, "sort")
    act.choose_from_named_dropdown(j, "Newest first", "Relevance")
    assert j.page.locator("select[name=order]").input_value() == "Newest first"
    act.choose_from_dropdown(j, "Large", None)  # the one drop-down that offers it
    assert j.page.locator("select[name=size]").input_value() == "Large"
    act.choose_from_dropdown(j, "Relevance", "Sort by")
    assert j.page.locator("select[name=order]").input_value() == "Relevance"
    assert [g.value for g in j.current_step().given][-3:] == ["Newest first", "Large", "Relevance"]
    with pytest.raises(ActionFailed, match='showing or next to "Colour"'):
        act.choose_from_named_dropdown(j, "Large", "Colour")


def test_search_in_a_box_with_only_a_search_button_beside_it(j: Any, pages: str) -> None:
    _open(j, pages, "search")
    act.search_for(j, "compost")
    j.page.wait_for_url("**/echo?terms=compost")
    assert "terms=compost" in _body(j)


def test_search_hidden_behind_an_icon_is_opened_first(j: Any, pages: str) -> None:
    # the only search box is in a header panel shown by a magnifier icon (a link with no text): pressed, as a person
    # would, not the bell beside it
    _open(j, pages, "collapsed")
    act.search_for(j, "compost")
    j.page.wait_for_url("**/echo?q=compost")


def test_search_opened_by_a_header_icon_into_a_box_in_the_navigation(j: Any, pages: str) -> None:
    # the magnifier opens a drop-down inside the header's <nav> holding the only search box: the box it showed is the
    # page's search, wherever it sits (it was looked for outside the navigation only: "no search box")
    _open(j, pages, "dropdown-search")
    act.search_for(j, "zucchini")
    assert j.page.locator("#menu input").input_value() == "zucchini"
    see.should_see(j, PATIENT, "The search returned no results")


def test_a_made_up_username_too_long_for_the_form_is_made_shorter(journey_for: Any, pages: str) -> None:
    # the site's error once ("cannot be longer than 14 characters", drawn as the box is left), then a shorter one
    # typed before going on, as a person would; kept for the rest of the scenario (signing in with it later)
    j = journey_for(make_persona(data={"fixed": {"username": "traceyrandall4517", "email": "tracey@example.com"}}))
    _open(j, pages, "register-limit")
    act.fill_label_with_detail(j, "Username", "username")
    act.fill_label_with_detail(j, "E-mail", "email address")
    act.fill_label_with_value(j, "Password", "Tomato-cage-42")
    assert j.page.locator("#u").input_value() == j.data["username"] == "traceyrand4517"
    assert "cannot be longer" not in _body(j)
    assert [g.value for g in j.current_step().given][-2:] == ["traceyrand4517", "••••••"]
    # a box whose maxlength says it: the shorter one typed at once
    j2 = journey_for(make_persona(data={"fixed": {"username": "traceyrandall4517"}}), scenario="another")
    _open(j2, pages, "register-maxlength")
    act.fill_label_with_detail(j2, "Username", "username")
    assert j2.page.locator("input[name=u]").input_value() == j2.data["username"] == "tracey4517"


def test_search_uses_the_form_named_search_not_a_sidebar_filter(j: Any, pages: str) -> None:
    # a type=search box that filters a sidebar list is not the page's search
    _open(j, pages, "filtered")
    act.search_for(j, "compost")
    j.page.wait_for_url("**/echo?terms=compost")


def test_search_opens_the_lists_own_search_not_the_navigations_filter(j: Any, pages: str) -> None:
    # a box in the navigation filters its sections; the list's search is behind its "Search" button in <main>
    _open(j, pages, "listed")
    act.search_for(j, "compost")
    j.page.wait_for_url("**/echo?q=compost")


def test_add_a_named_item_to_the_cart_and_check_the_basket(j: Any, pages: str, settings: Any) -> None:
    _open(j, pages, "shop")
    see.field_should_be(j, "Gift cards", "1")
    with pytest.raises(AssertionError, match='it is \'1\''):
        see.field_should_be(j, "Gift cards", "2")
    act.add_to_basket(j, "Child ticket", "2")
    j.page.wait_for_url("**/cart")
    see.basket_should_hold(j, "Child ticket", "2")
    see.basket_should_hold(j, "Child ticket")
    with pytest.raises(AssertionError, match="Your cart"):
        see.basket_should_hold(j, "Adult ticket")
    with pytest.raises(AssertionError, match="to hold 3"):
        see.basket_should_hold(j, "Child ticket", "3")


def test_accept_or_dismiss_a_browser_dialog_and_read_it(j: Any, pages: str, settings: Any) -> None:
    _open(j, pages, "confirm")
    see.pytest_bdd_before_step_call({"journey": j})
    act.press_and_answer_dialog(j, "Delete", "cancel")
    assert "Draft kept" in _body(j)
    see.should_see_dialog(j, settings, "delete this draft")
    act.answer_dialog(j, "accept")
    j.actor.click("Delete")
    assert "Draft deleted" in _body(j)
    j.actor.click("Delete")  # the answer was for the next dialog only: dismissed again
    assert "Draft kept" in _body(j)
    with pytest.raises(FeatureError, match="already answered"):  # too late to accept that one: say how
        act.answer_dialog(j, "accept")
    with pytest.raises(Exception, match="Nowhere"):  # a press that fails leaves no "accept" armed
        act.press_and_answer_dialog(j, "Nowhere", "accept")
    j.actor.click("Delete")
    assert "Draft kept" in _body(j)
    with pytest.raises(AssertionError, match="Delete this draft for good"):
        see.should_see_dialog(j, QUICK, "Are you sure")


def test_press_enter_in_a_box_the_page_saves_on_enter(j: Any, pages: str) -> None:
    # "Your name" has no button: the page saves it when Enter is pressed in it, whichever box had the focus
    _open(j, pages, "onenter")
    act.fill_label_with_value(j, "Your name", "Alex Morgan")
    j.page.focus("[placeholder='Your town']")
    act.press_enter(j, "Your name")
    assert "Saved as Alex Morgan" in _body(j)


def test_open_a_menu_by_its_name_or_as_the_account_menu(journey_for: Any, pages: str) -> None:
    j = journey_for(make_persona(data={"fixed": {"first_name": "Sam"}}))
    _open(j, pages, "menu")
    act.open_named_menu(j, "Sam")
    assert j.page.get_by_role("menuitem", name="Sign out").is_visible()
    j.actor.reload()
    act.open_menu_by_kind(j, "account")  # the account menu: the one named by the persona's own name
    assert j.page.get_by_role("menuitem", name="Sign out").is_visible()
    _open(j, pages, "icons")  # an icon with no name: known by what its authors called it
    act.open_menu_by_kind(j, "account")
    assert j.page.get_by_role("link", name="Your profile").is_visible()


def test_press_an_item_of_the_menu_a_button_opens_though_it_is_an_anchor_with_no_href(j: Any, pages: str) -> None:
    # "Add to list" opens a list labelled by the button; its items are <a> with no href: no link to assistive
    # technology, but a person sees and presses them, and only the menu's, not the same words elsewhere
    _open(j, pages, "dropdown")
    act.open_named_menu(j, "Add to list")
    act.press_in_region(j, "Weekend reading", "Add to list", "menu")
    j.page.wait_for_url("**/echo?x=weekend")


def test_press_or_check_the_button_inside_the_named_dialog(j: Any, pages: str) -> None:
    _open(j, pages, "twice")
    j.actor.click("Login")
    see.control_should_be(j, "Login", "disabled")  # the open dialog's button, not the page's
    see.control_should_be(j, "Login", "disabled", "Login", "dialog")
    j.begin_step('When I press "Login" in the "Login" dialog', "When")
    act.press_in_region(j, "Login", "Login", "dialog")  # greyed out: the press does nothing, and is recorded
    pressed = [f.detail for f in j.end_step().friction if f.kind == "disabled-press"]
    assert pressed == ["Login"] and "/p/twice" in j.page.url
    j.actor.fill("Code", "from-the-dialog")
    see.control_should_be(j, "Login", "enabled", "Login", "dialog")
    act.press_in_region(j, "Login", "Login", "dialog")
    j.page.wait_for_url("**/echo?x=from-the-dialog*")


def test_sign_in_with_my_username_or_as_a_given_user_and_sign_out(j: Any, pages: str) -> None:
    _open(j, pages, "signin")
    who.sign_in_with_username(j)
    assert "Hello alex" in _body(j)
    _open(j, pages, "signin")
    who.sign_in_as(j, "sam")
    assert "Wrong username" in _body(j)
    assert "Tr0ub4dor" not in str([g.value for g in j.current_step().given])
    j.actor.goto(f"{pages}/echo")
    assert "signed in" in _body(j)
    who.signed_out(j)
    j.actor.reload()
    assert "signed out" in _body(j)


def test_sign_in_presses_the_forms_own_button_not_the_headers(j: Any, pages: str) -> None:
    _open(j, pages, "signin")  # the header's "Log in" comes first on the page; the form's sends the form
    who.sign_in(j)
    assert "Hello alex" in _body(j)
    _open(j, pages, "scripted")  # no form element: the page's own sign-in button
    who.sign_in(j)
    assert "x=alex" in _body(j)


def test_start_signed_in_on_the_named_sign_in_page(journey_for: Any, pages: str, settings: Any) -> None:
    j = journey_for(make_persona(data={"fixed": {"username": "alex"}}))
    with pytest.raises(FeatureError, match="needs a sign-in page"):
        who.signed_in(j, settings)
    settings.pages = {"login": f"{pages}/p/signin"}
    who.signed_in(j, settings)
    assert "Hello alex" in _body(j)


def test_native_validation_and_a_disabled_button(j: Any, pages: str, settings: Any) -> None:
    _open(j, pages, "native")
    j.actor.click("Join")
    see.should_see_native_validation(j, settings, None)
    see.control_should_be(j, "Publish", "disabled")
    see.control_should_be(j, "Save", "enabled")
    with pytest.raises(AssertionError, match="it is enabled"):
        see.control_should_be(j, "Save", "disabled")
    j.page.get_by_label("Work e-mail").fill("me@example.test")
    with pytest.raises(AssertionError, match="no field"):
        see.should_see_native_validation(j, QUICK, None)


def test_an_error_is_seen_and_announced_only_from_an_alert_region(j: Any, pages: str, settings: Any) -> None:
    # an unannounced error is a finding of missing-reassurance the report carries; the step fails at fail_on only
    _open(j, pages, "announced")
    with pytest.raises(AssertionError, match="expected an error message"):
        see.should_see_an_error(j, QUICK)
    _pressed(j, "Try")
    see.should_see_an_error(j, settings)
    quiet = _Scenario(Settings(fail_on="never"))
    see.error_should_be_announced(j, quiet)
    assert quiet.found == []
    _open(j, pages, "silent")
    _pressed(j, "Try")
    see.should_see_an_error(j, settings)
    see.error_should_be_announced(j, quiet)  # reported, and the journey goes on
    assert [f.rule for f in quiet.found] == ["missing-reassurance"]
    with pytest.raises(AssertionError, match="That did not work. Try again.. appeared only visually"):
        see.error_should_be_announced(j, _Scenario(Settings(fail_on="serious")))


class _Scenario:
    """The running scenario as the step uses it: its settings, and the findings it was handed."""

    def __init__(self, settings: Settings) -> None:
        self.settings, self.rerun_command, self.found = settings, "", list[Any]()

    def new_findings(self, found: list[Any], asked: bool = False) -> list[Any]:
        assert asked, "a check step's findings are kept in the result as asked for"
        self.found += found
        return found


def _pressed(j: Any, name: str) -> None:
    """Press `name` as a feature's step does: recorded as a step of the journey."""
    j.begin_step(f'When I press "{name}"', "When")
    j.actor.click(name)
    j.end_step()


def test_a_straight_apostrophe_in_the_feature_reads_the_pages_typographic_one(j: Any, pages: str) -> None:
    # a feature file is typed with a straight apostrophe; the page prints "electricians’": a person reads one text
    _open(j, pages, "quotes")
    see.should_see(j, PATIENT, "the Electricians' table is by the stage")
    see.should_see(j, PATIENT, "Bring the lamp")
    see.should_not_see(j, "the electricians' chair")
    with pytest.raises(AssertionError, match="expected to see"):
        see.should_see(j, QUICK, "the electricians table")
