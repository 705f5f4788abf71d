"""Fields named only by text shown beside them: table layouts and a bold word above a sidebar form.

Old and form-heavy applications lay forms out in tables (`<th>Name</th><td><input></td>`) or put a
word above unlabelled boxes; a person reads those words as the fields' names, and so must the actor.
"""

from __future__ import annotations

from typing import Any

import pytest

from harness.browser.errors import ActionFailed
from tests.browser.conftest import make_persona

pytestmark = pytest.mark.e2e


def _open(journey_for: Any, site: str, persona: Any = None) -> Any:
    j = journey_for(persona)
    j.begin_step("Given I open the form", "Given")
    j.actor.goto(f"{site}/table-form.html")
    return j


def test_a_table_cell_names_the_field_beside_it_by_its_whole_text(journey_for: Any, site: str) -> None:
    j = _open(journey_for, site)
    j.actor.fill("Name", "Jo Bloggs")
    j.actor.fill("Login Name", "jo")
    j.actor.fill("E-mail address", "jo@example.test")
    values = {n: j.page.input_value(f"[name={n}]") for n in ("realname", "username", "address")}
    assert values == {"realname": "Jo Bloggs", "username": "jo", "address": "jo@example.test"}
    prompts = j.end_step().prompts
    labels = {c.name: c.label for c in prompts}
    forms = {c.name: c.form for c in prompts}
    assert forms["realname"] == forms["address"] != forms["__user"] != forms["q"]  # each form its own
    assert labels["realname"] == "Name" and labels["address"] == "E-mail address"
    assert labels["__user"] == "Login"  # the bold word above the box
    assert labels["__pw"] == ""  # the box above it is a control: no text between them
    assert labels["q"] == "Search"  # a form of one box and one button: the button says what it is for
    assert labels["public"] == ""  # two controls in one cell: the cell's neighbour names neither
    assert labels["other"] == ""  # a sentence is not a name


def test_an_unnamed_search_box_and_password_box_are_found_as_a_person_finds_them(journey_for: Any, site: str) -> None:
    j = _open(journey_for, site)
    j.actor.fill("Search", "compost")
    j.actor.fill("Password", "not-my-password")
    assert j.page.input_value("[name=q]") == "compost"
    assert j.page.input_value("[name=__pw]") == "not-my-password"


def test_a_drop_down_named_only_by_its_table_cell_is_chosen_from(journey_for: Any, site: str) -> None:
    j = _open(journey_for, site)
    j.actor.choose("Priority", "bug")
    assert j.page.input_value("[name=priority]") == "bug"


def test_a_field_named_by_a_long_sentence_is_not_found_by_a_word_of_it(journey_for: Any, site: str) -> None:
    j = _open(journey_for, site)
    with pytest.raises(ActionFailed, match='no field labelled "explanation"'):
        j.actor.fill("explanation", "x")


def test_sign_in_finds_the_unnamed_text_field_of_the_form_with_the_password(journey_for: Any, site: str) -> None:
    persona = make_persona(name="regular", account=True)
    j = _open(journey_for, site, persona)
    j.actor.sign_in()
    query = j.page.url.split("?")[1]
    assert "__user=" in query and "__user=&" not in query and "__pw=" in query


def test_a_label_is_the_text_a_person_sees_not_screen_reader_only_text_or_a_required_marker(
        journey_for: Any, site: str) -> None:
    # `<label>Email<strong class="sr-only"> has errors</strong><i class="label-required">required</i></label>`
    j = journey_for(None)
    j.begin_step("Given I open the form", "Given")
    j.actor.goto(f"{site}/hidden-label-text.html")
    j.actor.fill("Email", "robin@example.test")
    j.actor.fill("Phone", "0123 456 789")
    labels = {c.name: c.label for c in j.end_step().prompts}
    # a label hidden whole is still the field's only name
    assert labels == {"email": "Email", "phone": "Phone", "name": "Fullname", "q": "Search this site"}


def test_a_label_tied_to_nothing_names_the_one_box_in_the_part_after_its_own(journey_for: Any, site: str) -> None:
    # a design system's field: `<div><label for="firstName">` in a row of its own, the box nested in the next part,
    # with a `name` and no id, so the label's `for` ties it to nothing; a person reads the label as the box's name
    j = journey_for(None)
    j.begin_step("Given I open the form", "Given")
    j.actor.goto(f"{site}/label-row.html")
    j.actor.fill("First Name", "Sam")
    j.actor.fill("Last Name", "Taylor")
    j.actor.fill("Password", "Riverside-Sam-42")
    values = {n: j.page.input_value(f"[name={n}]") for n in ("firstName", "lastName", "pw")}
    assert values == {"firstName": "Sam", "lastName": "Taylor", "pw": "Riverside-Sam-42"}
    labels = {c.name: c.label for c in j.end_step().prompts}
    assert labels["firstName"] == "First Name" and labels["pw"] == "Password"
    assert labels["first"] == labels["second"] == ""  # a part holding two boxes: the label names neither


def test_a_name_with_a_slash_finds_its_field(journey_for: Any, site: str) -> None:
    # a label, placeholder or accessible name with "/" in it ("dd/mm/yyyy", "create/open") went unescaped into
    # Playwright's `/…/i` selector: "InvalidSelectorError" on the first action, the journey broken
    j = journey_for(None)
    j.begin_step("Given I open the form", "Given")
    j.actor.goto(f"{site}/slash-labels.html")
    j.actor.fill("Colour/size", "red/large")
    j.actor.fill("Start date (dd/mm/yyyy)", "04/12/2026")
    j.actor.fill("or create/open a list named:", "Plots")
    j.actor.fill("create/open a list", "Plots 2")  # a whole-words part of the name
    values = {n: j.page.input_value(f"[name={n}]") for n in ("variant", "start", "open")}
    assert values == {"variant": "red/large", "start": "04/12/2026", "open": "Plots 2"}
def test_a_password_name_no_box_has_is_a_question_when_two_password_boxes_show(journey_for: Any, site: str) -> None:
    # "New password confirmation" names neither "Password" nor "Password confirmation" by their whole words; the
    # first password box on a guess typed the confirmation into the password
    j = journey_for(None)
    j.actor.goto(f"{site}/add-person.html")
    with pytest.raises(ActionFailed, match='"New password confirmation" could mean 2 fields'):
        j.actor.fill("New password confirmation", "Lantern-Moss-24")
    assert [j.page.input_value(f"#{i}") for i in ("p1", "p2")] == ["", ""]


def test_a_box_named_only_by_the_heading_of_its_section_is_found_by_it(journey_for: Any, site: str,
                                                                        tmp_path: Any) -> None:
    # a file box with no label under the heading "Add the photo of your receipt", a note between them: a person
    # takes the heading for the box's name; a heading over two boxes names neither of them
    photo = tmp_path / "receipt.png"
    photo.write_bytes(b"not really a picture")
    j = journey_for()
    j.begin_step("Given I open the form", "Given")
    j.actor.goto(f"{site}/headed-upload.html")
    j.actor.upload("Add the photo of your receipt", photo)
    assert j.page.eval_on_selector("#receipt", "el => el.files[0].name") == "receipt.png"
    with pytest.raises(ActionFailed, match="could mean 2 fields"):
        j.actor.fill("Your two addresses", "1 Mill Lane")
