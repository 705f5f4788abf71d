"""Probes written as features: catalogue steps only, held-back buttons never pressed, one wrong value per kind."""

from __future__ import annotations

from pathlib import Path

import pytest

from harness.audit.model import Field, Flow, FlowStep, Form, SiteMap
from harness.audit.probes import features_for
from harness.config import load_settings
from harness.features.catalogue import load_catalogue
from harness.features.checker import Checker


def _site() -> SiteMap:
    details = Form(path="/apply", button="Continue", words="About you", fields=[
        Field("Email address", "email", info="email", required=True), Field("Phone", "tel", info="phone"),
        Field("Date of birth", "date", info="dob"), Field("Start date", "text", info="start_date"),
        Field("Second email", "email", info="email"), Field("Country", "select", options=["France", "Spain"])])
    review = Form(path="/apply/2", button="Send application", fields=[Field("Anything else?", "textarea")])
    search = Form(path="/", button="Search", method="get", search=True, fields=[Field("Search", "search")])
    site = SiteMap(base_url="http://127.0.0.1:9", seed=3)
    site.flows = [
        Flow([FlowStep(search)], ended_at="/search"),
        Flow([FlowStep(details, choices=[("Country", "France")], entries=[("Nickname", "Not sure")]),
              FlowStep(review, held_back='its button "Send application" says "Send"')], ended_at="/apply/2"),
    ]
    return site


def test_every_written_feature_passes_empathy_check(tmp_path: Path) -> None:
    settings = load_settings(tmp_path)
    written = features_for(_site(), ["anxious", "hurried"])
    for w in written:
        (tmp_path / w.name).write_text(w.text, encoding="utf-8")
    result = Checker(load_catalogue(settings), settings).check_paths([tmp_path])
    assert result.files == 2 and not [d for d in result.diagnostics if d.severity == "error"], result.format()


def test_the_longer_flow_comes_first_and_its_held_back_button_is_never_pressed() -> None:
    first, second = features_for(_site(), ["anxious", "hurried"])
    assert first.name == "01-apply-continue.feature" and "@journey:apply-continue" in first.text
    assert 'I press "Send application"' not in first.text
    assert 'Held back: "Send application" on /apply/2' in first.text
    assert 'When I choose "France" for "Country"' in first.text and 'I enter "Not sure" in "Nickname"' in first.text
    assert second.name == "02-search.feature"


def test_one_wrong_value_per_kind_of_field_and_none_into_a_date_picker() -> None:
    text = features_for(_site(), ["anxious"])[0].text
    assert 'I enter "name@example" in "Email address"' in text  # one the browser's own check lets through
    assert 'in "Second email"' not in text  # one per kind
    assert 'I enter "12 34x" in "Phone"' in text
    assert 'I enter "32/13/2024" in "Start date"' in text
    assert 'in "Date of birth"' not in text  # a type=date field: the browser's picker takes no wrong text


def test_every_persona_carries_on_and_the_first_probes() -> None:
    text = features_for(_site(), ["hurried", "anxious"])[0].text
    assert "Scenario Outline: The <persona> person fills in the form and carries on" in text
    assert "      | hurried |\n      | anxious |" in text
    assert "Scenario: A hurried person sends the form empty" in text
    assert 'Given I am "anxious"' not in text
    assert "I go back to check my answers" in text and "I reload the page" in text


def _sign_in_site() -> SiteMap:
    form = Form(path="/login", button="Log in", fields=[Field("Username", "text"), Field("Password", "password")])
    site = SiteMap(base_url="http://127.0.0.1:9", seed=3)
    site.flows = [Flow([FlowStep(form)], ended_at="/login")]
    return site


def test_only_a_persona_with_an_account_carries_on_through_a_sign_in_form() -> None:
    # a person with no account does not press "Log in" with an empty password; the empty probe stays
    text = features_for(_sign_in_site(), ["hurried", "anxious"])[0].text
    assert "carries on" not in text and "Scenario: A hurried person sends the form empty" in text
    text = features_for(_sign_in_site(), ["staff", "anxious"], ["staff"])[0].text
    assert "      | staff |\n" in text and "| anxious |" not in text


def test_a_search_that_finds_nothing_a_mistyped_password_and_a_mismatched_new_one_are_probed() -> None:
    text = features_for(_site(), ["anxious"])[-1].text  # the search box
    assert 'I enter "qzxv lantern" in "Search"\n    And I press "Search"' in text
    assert "searches for something the site does not have" in text
    text = features_for(_sign_in_site(), ["anxious"])[0].text
    assert 'I enter "Wrong-pass-1" in "Password"' in text and "mistypes the password" in text
    unknown = text.split("signs in with a name the site does not know")[1].split("Scenario")[0]
    assert 'I fill in the form\n    And I enter "qzxv-lantern" in "Username"\n    And I press "Log in"' in unknown
    email = Form(path="/login", button="Sign in", fields=[Field("Email", "email", info="email"),
                                                          Field("Password", "password")])
    site = SiteMap(base_url="http://127.0.0.1:9", seed=3)
    site.flows = [Flow([FlowStep(email)], ended_at="/login")]
    assert 'I enter "qzxv.lantern@example.org" in "Email"' in features_for(site, ["anxious"])[0].text
    join = Form(path="/join", button="Join", fields=[Field("Username", "text"), Field("Email", "email", info="email"),
                                                      Field("Password", "password"), Field("Again", "password")])
    site = SiteMap(base_url="http://127.0.0.1:9", seed=3)
    site.flows = [Flow([FlowStep(join)], ended_at="/join")]
    text = features_for(site, ["anxious"])[0].text
    assert ('I enter "Lantern-walk-42" in "Password"\n    And I enter "Lantern-walk-42" in "Again"\n'
            '    And I enter "Wrong-pass-1" in "Again"') in text  # made up by a persona with no password of its own
    assert "mistypes the password" not in text
    again = text.split("who already signed up signs up again")[1].split("Scenario")[0]  # the same, twice
    assert again.count('I open "/join"') == 2 and again.count('I press "Join"') == 2


def test_going_back_is_probed_mid_flow_only_not_after_a_one_page_form_has_ended() -> None:
    assert "I go back to check my answers" in features_for(_site(), ["anxious"])[0].text  # /apply -> /apply/2
    site = _sign_in_site()
    site.flows[0].ended_at = "/account"  # signed in: the flow ended on another page
    assert "I go back" not in features_for(site, ["anxious"])[0].text


def test_each_kind_of_form_gets_its_turn_before_a_second_of_any_kind_and_loose_controls_come_last() -> None:
    def one(path: str, button: str, *fields: Field, **kw: object) -> Flow:
        return Flow([FlowStep(Form(path=path, button=button, fields=list(fields), **kw))])  # type: ignore[arg-type]

    text = Field("Name", "text")
    site = SiteMap(base_url="http://127.0.0.1:9", seed=3)
    site.flows = [one("/a", "Save", text, text), one("/b", "Save", text), one("/c", "Theme", text, method="script"),
                  one("/find", "Search", Field("Search", "search"), search=True),
                  one("/login", "Log in", text, Field("Password", "password"))]
    assert [w.flow.start.path for w in features_for(site, ["anxious"])] == ["/a", "/login", "/find", "/b", "/c"]


def test_a_wrong_value_is_probed_on_a_later_page_of_the_flow_after_the_earlier_pages_are_answered() -> None:
    basket = Form(path="/shop", button="Add to basket", fields=[Field("Quantity", "text")])
    details = Form(path="/checkout", button="Continue", fields=[Field("Email", "email", info="email")])
    site = SiteMap(base_url="http://127.0.0.1:9", seed=3)
    site.flows = [Flow([FlowStep(basket), FlowStep(details)], ended_at="/checkout/done")]
    text = features_for(site, ["anxious"])[0].text
    probe = text.split('gives a wrong e-mail address in "Email"')[1].split("Scenario")[0]
    assert probe.index('I press "Add to basket"') < probe.index('I enter "name@example" in "Email"')


def test_a_single_page_apps_search_box_is_searched_with_the_catalogues_search_step() -> None:
    box = Form(path="/", button="Open", method="script", search=True, fields=[Field("Search packages", "text")])
    site = SiteMap(base_url="http://127.0.0.1:9", seed=3)
    site.flows = [Flow([FlowStep(box)], ended_at="/")]
    text = features_for(site, ["anxious"])[0].text
    assert 'I search for "qzxv lantern"' in text
    # every persona searches too, never by the widget's own button ("Open", its list's arrow)
    assert 'I search for "help"' in text.split("carries on")[1] and 'I press "Open"' not in text


def test_a_change_of_password_is_no_sign_in_and_an_unnamed_password_box_still_is_one() -> None:
    change = Form(path="/password", button="Change my password", fields=[
        Field("Old password", "password"), Field("New password", "password"), Field("Again", "password")])
    assert not change.signs_in
    raw = {"buttons": ["Login"], "controls": [{"label": "Login", "type": "text"}, {"label": "", "type": "password"}]}
    form = Form.from_page(raw, "/", lambda c: "")
    assert [f.label for f in form.fields] == ["Login", "Password"] and form.signs_in


def test_a_form_beside_a_sidebar_form_is_filled_alone_with_the_details_it_took(tmp_path: Path) -> None:
    from types import SimpleNamespace as Typed

    from harness.audit.model import own_details

    form = Form(path="/register", button="Register", fields=[Field("Username", "text", name="user"),
                                                              Field("Email", "email", name="mail")])
    alone = [Typed(field="Username", name="user", data_key="username"), Typed(field="Email", name="mail",
                                                                              data_key="email")]
    assert own_details(form, alone) is None  # nothing else typed: "I fill in the form" answers this form
    sidebar = [*alone, Typed(field="Login", name="__login", data_key="username")]
    assert own_details(form, sidebar) == [("Username", "username"), ("Email", "email")]
    assert own_details(form, sidebar[2:]) == []  # only the sidebar's: nothing of this form to fill
    site = SiteMap(base_url="http://127.0.0.1:9", seed=3)
    site.flows = [Flow([FlowStep(form, details=[])], ended_at="/welcome")]
    assert "I fill in the form" not in features_for(site, ["anxious"])[0].text
    site = SiteMap(base_url="http://127.0.0.1:9", seed=3)
    site.flows = [Flow([FlowStep(form, details=own_details(form, sidebar))], ended_at="/welcome")]
    text = features_for(site, ["anxious"])[0].text
    assert "When I fill in the form:\n      | Username | my username |\n      | Email | my email |\n" in text
    (tmp_path / "a.feature").write_text(text, encoding="utf-8")
    settings = load_settings(tmp_path)
    result = Checker(load_catalogue(settings), settings).check_paths([tmp_path])
    assert not [d for d in result.diagnostics if d.severity == "error"], result.format()


def test_the_probes_come_before_every_persona_carries_on() -> None:
    """A run the time budget stops has tried each kind of slip first."""
    text = features_for(_site(), ["anxious", "hurried"])[0].text
    assert text.index("sends the form empty") < text.index("fills in the form and carries on")


def test_a_sign_up_form_is_walked_and_probed_by_the_personas_with_no_account() -> None:
    join = Form(path="/join", button="Join", fields=[Field("Username", "text"), Field("Email", "email", info="email"),
                                                      Field("Password", "password"), Field("Again", "password")])
    site = SiteMap(base_url="http://127.0.0.1:9", seed=3)
    site.flows = [Flow([FlowStep(join)], ended_at="/welcome")]
    text = features_for(site, ["member", "anxious", "hurried"], ["member"])[0].text
    assert 'Given I am "member"' not in text and "| member |" not in text
    assert "Scenario: An anxious person sends the form empty" in text and "| hurried |" in text


def test_signed_in_the_audit_never_makes_up_a_new_password_for_the_account_it_signs_in_with() -> None:
    account = Form(path="/user3", button="Submit changes", sign_in="/login",
                   fields=[Field("Name", "text"), Field("Password", "password"), Field("Confirm", "password")])
    site = SiteMap(base_url="http://127.0.0.1:9", seed=3)
    site.flows = [Flow([FlowStep(account)], ended_at="/user3")]
    text = features_for(site, ["member"], ["member"])[0].text
    assert "Lantern-walk-42" not in text


def test_an_optional_list_is_left_as_the_page_set_it_and_a_required_one_is_answered() -> None:
    from harness.audit.model import choices_for

    account = Form(path="/account", button="Save", fields=[
        Field("Preferred language", "select", options=["Bahasa Indonesia", "Deutsch"]),
        Field("Type of incident", "select", required=True, options=["Fire", "Flood"]),
        Field("Contact me by", "radio", options=["Email", "Phone"])])
    assert choices_for(account)[0] == [("Type of incident", "Fire"), ("Contact me by", "Email")]


@pytest.mark.parametrize("group", ["How often", ""])  # a set with a legend, and one with none (one field per label)
def test_a_radio_answer_the_page_already_chose_is_left_as_it_is(group: str) -> None:
    from harness.audit.model import choices_for

    radios = [{"type": "radio", "name": "digest", "group": group, "label": label, "value": value}
              for label, value in (("Daily", ""), ("Weekly", "checked"))]
    form = Form.from_page({"buttons": ["Save"], "controls": radios}, "/settings", lambda c: "")
    assert choices_for(form)[0] == []  # "Weekly" was chosen: choosing "Daily" would change the setting
    unset = [{**r, "value": ""} for r in radios]
    assert choices_for(Form.from_page({"buttons": ["Save"], "controls": unset}, "/new", lambda c: ""))[0]


def test_a_sign_up_form_met_signed_in_is_walked_signed_out_by_the_personas_with_no_account(tmp_path: Path) -> None:
    """A wiki shows "Create account" to a signed-in member too; the people it is for have no account, and the
    member walking it would leave its new password empty (the audit never makes one up signed in). A request
    for a new password is for people who cannot sign in, too."""
    from harness.audit.scout import Scout
    from harness.personas.loader import load_persona

    settings = load_settings(tmp_path)
    scout = Scout(settings, load_persona("anxious", settings), pages=1, deadline=0.0, submit=False)
    scout.signed_in = "/login"
    new = [Field("Username", "text"), Field("Password", "password"), Field("Confirm password", "password")]
    sign_up = Form(path="/wiki/Special:CreateAccount", button="Create your account", words="Create account",
                   fields=list(new))
    change = Form(path="/account/password", button="Save", words="Change password", fields=list(new))
    lost = Form(path="/wiki?do=resendpwd", button="Set new password", words="Set new password",
                fields=[Field("Username", "text")])
    for form in (sign_up, change, lost):
        scout._add(form, form.path)
    assert (sign_up.sign_in, change.sign_in, lost.sign_in) == ("", "/login", "")  # a lost password: signed out too
    site = SiteMap(base_url="http://127.0.0.1:9", seed=3, flows=[Flow([FlowStep(sign_up)]), Flow([FlowStep(change)])])
    by_path = {w.flow.start.path: w.text for w in features_for(site, ["member", "anxious"], ["member"]) if w.flow}
    assert "| anxious |" in by_path[sign_up.path] and "| member |" not in by_path[sign_up.path]
    assert "When I sign in" in by_path[change.path] and "When I sign in" not in by_path[sign_up.path]


def test_the_page_a_posted_form_ended_on_is_reloaded_once_a_held_back_a_get_or_a_sign_in_one_is_not() -> None:
    """A page that is the answer to a POST (no redirect) sends the form again when reloaded (friction's
    resent-by-reload): the first persona reloads where a sent form ended; a search's GET is safe to reload."""
    def flow(form: Form, held: str = "") -> Flow:
        return Flow([FlowStep(form, held_back=held)], ended_at=form.path)

    join = Form(path="/join", button="Create your account", fields=[Field("Username", "text"), Field("Email", "email")])
    find = Form(path="/find", button="Search", method="get", search=True, fields=[Field("Words", "search")])
    login = Form(path="/login", button="Log in", fields=[Field("Username", "text"), Field("Password", "password")])
    note = Form(path="/note", button="Send", fields=[Field("Note", "textarea")])
    site = SiteMap(base_url="http://127.0.0.1:9", seed=3,
                   flows=[flow(join), flow(find), flow(login), flow(note, 'its button "Send" says "Send"')])
    reloaded = [w.flow.start.path for w in features_for(site, ["anxious"], ["anxious"])
                if w.flow and "reloads the page the form's answer came on" in w.text]
    assert reloaded == ["/join"]
    again = SiteMap(base_url="http://127.0.0.1:9", seed=3, flows=[Flow([FlowStep(join)], shown_again=True)])
    assert "I reload the page" not in features_for(again, ["anxious"])[0].text  # its errors: no page to reload
    text = next(w.text for w in features_for(site, ["anxious"]) if w.flow and w.flow.start.path == "/join")
    probe = text.split("reloads the page the form's answer came on")[1].split("Scenario")[0]
    assert probe.index('I press "Create your account"') < probe.index("I reload the page")
    titles = [line.strip() for line in text.splitlines() if line.strip().startswith("Scenario")]
    assert "reloads the page the form's answer came on" in titles[1]  # second: a stopped run has still tried it


def test_a_person_with_an_account_signs_out_at_the_end_of_a_journey_of_its_own_and_it_passes_empathy_check(
        tmp_path: Path) -> None:
    site = _site()
    assert all(w.name != "00-sign-out.feature" for w in features_for(site, ["anxious"], ["anxious"]))
    site.sign_out = ("/login", "/account")
    assert all(w.name != "00-sign-out.feature" for w in features_for(site, ["anxious"]))  # no account: no sign-out
    leaving = next(w for w in features_for(site, ["returning", "anxious"], ["returning"])
                   if w.name == "00-sign-out.feature")
    assert 'Given I am "returning"' in leaving.text and leaving.scenarios == 1
    steps = [line.strip().split(" ", 1)[-1] for line in leaving.text.splitlines()]
    assert steps.index('I open "/login"') < steps.index("I sign in") < steps.index('I open "/account"') < \
        steps.index("I sign out")
    (tmp_path / leaving.name).write_text(leaving.text, encoding="utf-8")
    settings = load_settings(tmp_path)
    result = Checker(load_catalogue(settings), settings).check_paths([tmp_path])
    assert not [d for d in result.diagnostics if d.severity == "error"], result.format()



def test_a_form_the_browser_refuses_to_send_empty_gets_no_empty_probe() -> None:
    """A required box with no `novalidate`: sent empty, the person meets the browser's bubble, which the checks do
    not judge; the budget goes to the probes the site answers."""
    asks = [Field("Email", "email", required=True)]
    bubble = Form(path="/join", button="Join", fields=asks, refuses_empty=True)
    own = Form(path="/apply", button="Apply", fields=asks)  # `novalidate`: the site answers the empty form itself
    site = SiteMap(base_url="http://127.0.0.1:9", seed=3, flows=[Flow([FlowStep(bubble)]), Flow([FlowStep(own)])])
    text = {w.flow.start.path: w.text for w in features_for(site, ["anxious"]) if w.flow}
    assert "sends the form empty" not in text["/join"] and "gives a wrong e-mail address" in text["/join"]
    assert "sends the form empty" in text["/apply"]


def test_a_search_box_is_searched_for_words_it_has_not_got_before_it_is_sent_empty() -> None:
    text = features_for(_site(), ["anxious"])[-1].text  # the search box
    scenarios = [line.strip() for line in text.splitlines() if line.strip().startswith("Scenario")]
    assert scenarios[:2] == ["Scenario: An anxious person searches for something the site does not have",
                             "Scenario: An anxious person sends the form empty"]


def test_after_a_flow_of_several_pages_the_reload_at_its_end_follows_the_wrong_values() -> None:
    """Reloading where a three-page flow ended walks all three pages: the wrong e-mail on its last page comes first."""
    cart = Form(path="/event", button="Add to cart", fields=[Field("Tickets", "text")])
    details = Form(path="/checkout/questions", button="Continue", fields=[Field("Email", "email", info="email")])
    pay = Form(path="/checkout/payment", button="Continue", fields=[Field("Note", "text")])
    site = SiteMap(base_url="http://127.0.0.1:9", seed=3,
                   flows=[Flow([FlowStep(cart), FlowStep(details), FlowStep(pay)], ended_at="/checkout/done")])
    titles = [line.strip() for line in features_for(site, ["anxious"])[0].text.splitlines()
              if line.strip().startswith("Scenario")]
    wrong = next(i for i, t in enumerate(titles) if "wrong e-mail" in t)
    assert wrong < next(i for i, t in enumerate(titles) if "reloads the page the form's answer came on" in t)


def test_a_form_whose_every_box_the_page_filled_in_is_not_sent_empty() -> None:
    """A look-up the page already answered ("Page: Main Page" on the page of its results): pressing its button sends
    the page's own answer again, nothing empty; a form with one box left empty is still sent empty."""
    lookup = Form(path="/links/Home", button="Go", method="get", fields=[
        Field("Page", "text", value="Home"), Field("Namespace", "select", options=["all", "main"]),
        Field("Hide links", "checkbox")])
    half = Form(path="/apply", button="Apply", fields=[Field("Name", "text", value="Kim"), Field("Email", "email")])
    site = SiteMap(base_url="http://127.0.0.1:9", seed=3, flows=[Flow([FlowStep(lookup)]), Flow([FlowStep(half)])])
    text = {w.flow.start.path: w.text for w in features_for(site, ["anxious"]) if w.flow}
    assert "sends the form empty" not in text["/links/Home"]
    assert "fills in the form and carries on" in text["/links/Home"]
    assert "sends the form empty" in text["/apply"]


def test_on_a_sign_in_form_the_wrong_values_are_its_slips_not_a_malformed_e_mail() -> None:
    """A sign-in's wrong e-mail ("name@example") is one more name no account has, which its own slip types: the
    mistyped password comes first (a run stopped by the budget after one scenario of it ran only the e-mail)."""
    email = Form(path="/login", button="Sign in", refuses_empty=True,
                 fields=[Field("Email", "email", info="email"), Field("Password", "password")])
    site = SiteMap(base_url="http://127.0.0.1:9", seed=3)
    site.flows = [Flow([FlowStep(email)], ended_at="/")]
    text = features_for(site, ["anxious"], ["anxious"])[0].text
    assert "gives a wrong e-mail address" not in text
    assert "mistypes the password" in text.split("Scenario")[1]


def test_a_held_back_form_is_only_ever_sent_empty_and_only_when_the_site_refuses_it_or_it_holds_a_message_alone(
        tmp_path: Path) -> None:
    """A form held back (it would commit) is still sent empty, as a person who pressed too soon: the site refuses it,
    or, held back for its free-text box alone, an empty one says nothing. Never one whose page showed answers (the
    answers on file would be sent), a lone button (pressing it is the act) or a delete with only an optional box."""
    def held(form: Form, why: str) -> Flow:
        return Flow([FlowStep(form, held_back=why)], ended_at=form.path)

    note = Form(path="/post", button="Post Comment", fields=[Field("Comment", "textarea"), Field("Name", "text")])
    shown = Form(path="/draft", button="Save Draft", fields=[Field("Title", "text", value="Hello"),
                                                              Field("Content", "textarea")])
    lone = Form(path="/rm", button="Delete", fields=[Field("Sure?", "checkbox")])
    why = Form(path="/close", button="Delete account", fields=[Field("Why are you leaving?", "text")])
    asks = Form(path="/close2", button="Delete account", fields=[Field("Password", "password", required=True)])
    site = SiteMap(base_url="http://127.0.0.1:9", seed=3, flows=[
        held(note, "it posts a free-text message"), held(shown, "it posts a free-text message"),
        held(lone, 'its button "Delete" says "Delete"'), held(why, 'its button "Delete account" says "Delete"'),
        held(asks, 'its button "Delete account" says "Delete"')])
    text = {w.flow.start.path: w.text for w in features_for(site, ["anxious"]) if w.flow}
    sent = {path for path, t in text.items() if "sends the form empty" in t}
    assert sent == {"/post", "/close2"}
    for t in text.values():  # the held-back button is pressed by the step that refuses a form holding answers
        assert f'I press "{site.flows[0].start.button}"' not in t and 'I press "Delete' not in t
        assert 'I press "Save Draft"' not in t
    body = text["/post"].split("sends the form empty")[1].split("Scenario")[0]
    assert 'I send the form empty with "Post Comment"' in body and "I fill in the form" not in body
    (tmp_path / "held.feature").write_text(text["/post"], encoding="utf-8")
    settings = load_settings(tmp_path)
    result = Checker(load_catalogue(settings), settings).check_paths([tmp_path])
    assert not [d for d in result.diagnostics if d.severity == "error"], result.format()


def test_signing_up_a_new_password_too_short_for_the_rule_the_form_states_is_probed_and_never_signed_in() -> None:
    """One character under the length the page states beside the password ("at least 8 characters"), else 3: a slip
    people make, whose answer the checks judge. Signed in, a password form changes the account's own: never probed."""
    def join(hint: str = "", signed_in: str = "") -> str:
        form = Form(path="/join", button="Join", sign_in=signed_in, fields=[
            Field("Username", "text"), Field("Password", "password", hint=hint), Field("Again", "password")])
        return features_for(SiteMap(base_url="http://127.0.0.1:9", seed=3, flows=[Flow([FlowStep(form)])]),
                            ["anxious"], ["anxious"] if signed_in else None)[0].text

    stated = join("Your password must contain at least 8 characters.")
    probe = stated.split("picks a new password too short for the site")[1].split("Scenario")[0]
    assert 'I enter "L4-walk" in "Password"\n    And I enter "L4-walk" in "Again"\n    And I press "Join"' in probe
    assert 'I enter "L4-" in "Password"\n    And I enter "L4-" in "Again"' in join()
    assert "too short" not in join(signed_in="/login")


def test_after_a_finished_order_the_person_reloads_goes_back_and_opens_its_first_page_again_in_one_walk() -> None:
    """A flow of several pages that ended (an order placed): its page reloaded, then back over its last page and its
    first page again, as a person who wants a second ticket, in one scenario: a second whole checkout for the going
    back was never reached at load 21 to 56 (pretix's "Your cart is empty"). A one-page form is only reloaded, and a
    flow held back or one that came back with errors is neither."""
    cart = Form(path="/event", button="Add to cart", fields=[Field("Tickets", "text")])
    pay = Form(path="/checkout/confirm", button="Place order", fields=[Field("Note", "text")])
    done = Flow([FlowStep(cart), FlowStep(pay)], ended_at="/order/ABC")
    held = Flow([FlowStep(cart), FlowStep(pay, held_back='its button "Place order" says "order"')])
    single = Flow([FlowStep(Form(path="/join", button="Join", fields=[Field("Name", "text")]))], ended_at="/welcome")
    site = SiteMap(base_url="http://127.0.0.1:9", seed=3, flows=[done, held, single])
    texts = {w.flow.start.path if w.flow is not done else "done": w.text for w in features_for(site, ["anxious"])
             if w.flow}
    after_it = [s for s in texts["done"].split("Scenario")[1:] if 'I press "Place order"' in s and (
        "I reload the page" in s or "I go back\n" in s) and "to check my answers" not in s]
    assert len(after_it) == 1, "the finished order is walked once more, not once per probe after its end"
    body = after_it[0]
    assert body.index('I press "Place order"') < body.index("I reload the page") < body.index("I go back") < \
        body.rindex('I open "/event"')
    assert "I go back" not in texts["/join"].split("reloads the page")[1] and "I reload the page" in texts["/join"]


def test_a_form_that_both_signs_in_and_signs_up_is_pressed_by_the_button_that_opens_the_account() -> None:
    """One form with a sign-in half ("Log in") and a sign-up half ("Register"): its new passwords are the sign-up's,
    so its probes press "Register"; a form of one password keeps its first button."""
    boxes = [{"label": "Email address", "type": "email"}, {"label": "Password", "type": "password"},
             {"label": "Password (again)", "type": "password"}]
    both = Form.from_page({"buttons": ["Log in", "Register"], "controls": boxes}, "/login", lambda c: "")
    assert both.button == "Register" and both.signs_up
    one = Form.from_page({"buttons": ["Log in", "Register"], "controls": boxes[:2]}, "/login", lambda c: "")
    assert one.button == "Log in"
