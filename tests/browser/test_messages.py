"""What the recorder reads as a message, on small pages built like real sites' (issue #19's classes).

Each test names the class it holds: a close button inside an error, a warning banner, the browser's own
validation bubble, alert()/confirm(), paragraphs under a heading, chrome kept out of messages, and live
regions that only hold a landmark's name or navigation.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.conftest import take_step, until_recorded

pytestmark = pytest.mark.e2e


def _open(journey_for: Any, url: str) -> Any:
    j = journey_for()
    j.begin_step("Given the page", "Given")
    j.actor.goto(url)
    j.actor.wait(0.3)
    return j, j.end_step()


def _with(messages: list[Any], words: str) -> list[Any]:
    return [m for m in messages if words in m.text]


def test_an_error_beside_its_close_button_and_a_warning_banner_are_messages(journey_for: Any, site: str) -> None:
    _, step = _open(journey_for, f"{site}/notices.html")
    [error] = _with(step.messages, "correct username and password")
    assert error.text == "Please enter the correct username and password."  # the "×" is the button's, not said
    assert error.kind == "error"
    [warning] = _with(step.messages, "expires in 3 days")
    assert warning.kind == "warning" and "Dismiss" not in warning.text


def test_a_paragraph_under_a_heading_outside_main_is_recorded(journey_for: Any, site: str) -> None:
    _, step = _open(journey_for, f"{site}/notices.html")
    assert _with(step.messages, "Use the name and password you chose"), [m.text for m in step.messages]
    _, sent = _open(journey_for, f"{site}/sent.html")
    [paragraph] = _with(sent.messages, "emailed you instructions")
    assert paragraph.kind == "confirmation"  # "We’ve emailed you … You should receive them shortly."


def test_footer_text_is_never_glued_into_a_message(journey_for: Any, site: str) -> None:
    _, step = _open(journey_for, f"{site}/notices.html")
    glued = [m.text for m in step.messages if "Example Trading" in m.text and "sent" in m.text]
    assert not glued
    assert _with(step.messages, "Your request has been sent.")
    [footer] = _with(step.messages, "Example Trading Ltd")  # the footer's own line is still read, on its own
    assert footer.landmark == "contentinfo"
    assert {m.landmark for m in _with(step.messages, "Your request has been sent.")} == {""}


def test_a_header_and_footer_named_by_their_ids_are_the_sites_not_the_pages(journey_for: Any, site: str) -> None:
    """A layout of divs (`#header`, `#footer`, no HTML5 elements or roles): the masthead's heading and the footer's
    "Visit the project at …" are the site's furniture, as a person sees them; the page's own words are not."""
    _, step = _open(journey_for, f"{site}/div-layout.html")
    landmark = {m.text: m.landmark for m in step.messages}
    assert landmark["Riverside Club"] == "banner"
    assert landmark["Powered by Tracker 1.6."] == "contentinfo"
    assert landmark["Error: Invalid entry number"] == landmark["Entry 999 does not exist."] == ""
    assert landmark["Entries are numbered from 1."] == ""  # an id that only contains the word is no landmark
    assert "tracker.example.org" in step.links


def test_live_regions_holding_a_landmark_name_or_navigation_are_announced_not_status(
        journey_for: Any, site: str) -> None:
    _, step = _open(journey_for, f"{site}/notices.html")
    named = next(m for m in step.messages if m.text == "Sidebar")
    assert (named.role, named.live, named.kind) == ("status", "polite", "text")
    pages = next(m for m in step.messages if m.text == "1 2")
    assert (pages.role, pages.kind) == ("status", "text")


def test_a_submit_the_browser_blocks_is_recorded_with_its_own_message(journey_for: Any, site: str) -> None:
    j, _ = _open(journey_for, f"{site}/native.html")
    step = take_step(j, 'When I press "Reset my password"', lambda: j.actor.click("Reset my password"))
    [click] = [c for c in step.clicks if c.submit]
    assert click.validation_blocked and click.answered_ms is None
    [bubble] = [m for m in step.messages if m.browser_validation]
    assert bubble.kind == "error" and bubble.field == "Email address" and bubble.text  # "Please fill out this field."
    assert bubble.live == "assertive"
    j.begin_step("When I give my email and press it again", "When")
    j.actor.fill("Email address", "sam@example.test")
    j.actor.click("Reset my password")
    sent = j.end_step()
    assert not [c for c in sent.clicks if c.validation_blocked]
    assert not [m for m in sent.messages if m.browser_validation]


def test_alert_and_confirm_are_messages_and_still_dismissed(journey_for: Any, site: str) -> None:
    j, _ = _open(journey_for, f"{site}/native.html")
    j.begin_step('When I press "Delete draft"', "When")
    j.actor.click("Delete draft")
    j.actor.click("Check spelling")
    step = j.end_step()
    asked = next(m for m in step.messages if m.dialog and "Delete this draft" in m.text)
    assert asked.role == "alertdialog" and asked.disappeared_ms is not None
    failed = next(m for m in step.messages if m.dialog and "went wrong" in m.text)
    assert failed.kind == "alert"
    assert j.page.locator("#out").text_content() == "Kept"  # confirm() was dismissed, as before


def test_a_landmarks_name_is_not_what_a_busy_signal_says(journey_for: Any, site: str) -> None:
    """A sidebar (an <aside aria-label="Sidebar">) marked as loading is busy, but "Sidebar" says nothing of the wait."""
    j, _ = _open(journey_for, f"{site}/sidebar.html")
    j.begin_step('When I press "Refresh"', "When")
    wait = j.actor.click("Refresh")
    j.end_step()
    assert wait.busy_kind == "spinner"
    assert "Sidebar" not in wait.status_texts


def test_an_empty_result_in_a_plain_block_is_an_empty_state(journey_for: Any, site: str) -> None:
    _, step = _open(journey_for, f"{site}/search.html")
    [nothing] = _with(step.messages, "Nothing was found.")
    assert nothing.kind == "empty"


def test_a_div_of_words_under_a_heading_is_read_as_a_paragraph(journey_for: Any, site: str) -> None:
    # "No matches found." in a <div> of its own (no class, no <p>) after the search form: what the page answers
    _, step = _open(journey_for, f"{site}/search-div.html")
    [nothing] = _with(step.messages, "No matches found")
    assert nothing.text == "No matches found." and nothing.kind == "empty"
    [note] = _with(step.messages, "for help on searching")
    assert note.text == "Note: See Searching for help on searching." and note.kind == "text"
    assert not _with(step.messages, "Home")  # a div of links only says nothing


def test_a_div_of_words_in_main_is_read_as_a_paragraph_far_from_any_heading(journey_for: Any, site: str) -> None:
    # a single-page app's empty result: "No notes found" in a <span> alone in a plain <div> inside <main>, no <p>, no
    # class or role saying what it is, and no heading it follows
    _, step = _open(journey_for, f"{site}/main-lone-line.html")
    [nothing] = _with(step.messages, "No notes found")
    assert nothing.kind == "empty"
    assert [m.kind for m in _with(step.messages, "All the notes you can read")] == ["text"]
    assert not _with(step.messages, "Open the first note")  # a link's words name a place; they say nothing


def test_a_table_with_only_its_header_row_is_an_empty_list(journey_for: Any, site: str) -> None:
    # a results table that came back with no row says "nothing" without a word: an empty state, its words the header's
    _, step = _open(journey_for, f"{site}/results.html")
    [header] = _with(step.messages, "ID Title Status")
    assert header.kind == "empty"
    assert {m.kind for m in _with(step.messages, "Sam Taylor")} == {"text"}  # a table with rows is no empty list


def test_a_messages_list_in_a_status_region_is_notices_not_a_chat(journey_for: Any, site: str) -> None:
    """A framework's flash list (`<div class="messages" role="status"><ul><li class="error">`): announced (role
    status), and its kind comes from the item (an error, a confirmation), not from the region; without a live
    region (`<ul class="messagelist"><li class="success">`) it is still notices, not a conversation."""
    _, step = _open(journey_for, f"{site}/flash.html")
    [error] = _with(step.messages, "didn't match")
    assert (error.role, error.kind, error.speaker) == ("status", "error", "")
    [done] = _with(step.messages, "signed out")
    assert (done.role, done.kind) == ("status", "confirmation")
    # the same list in no live region: its items are classed by kind (success, error), not by who speaks
    [added] = _with(step.messages, "was added successfully")
    assert (added.role, added.kind, added.speaker) == ("", "confirmation", "")
    # a list grouped by kind (div.messages > div.messages_info > ul > li): each group is one notice, not a chat
    [sent] = _with(step.messages, "We have sent you an email")
    assert (sent.kind, sent.speaker) == ("confirmation", "")
    [ended] = _with(step.messages, "Your session ended")
    assert (ended.kind, ended.speaker) == ("error", "")


def test_a_line_among_other_things_is_read_but_not_a_link_a_bold_word_or_a_label(journey_for: Any, site: str) -> None:
    # "No results found" straight in <body>; "0 results" in a span beside a search box; no element of
    # their own that a message is read from, yet they are what the page says to the search
    _, step = _open(journey_for, f"{site}/loose-lines.html")
    texts = [m.text for m in step.messages]
    [bare] = _with(step.messages, "No results found")
    assert bare.text == "No results found" and bare.kind == "empty"
    [count] = _with(step.messages, "0 results")
    assert count.text == "0 results (6 total)" and count.kind == "empty"
    for unsaid in ("Show All", "Issues", "Date:", "Nothing to see", "Home", "Find", "and more links"):
        assert not [t for t in texts if unsaid in t], texts


def test_a_raw_json_answer_is_an_error_message_a_person_reads(journey_for: Any, site: str) -> None:
    # an address that answers with the machine's JSON, shown by the browser as is: the words are what
    # the person gets instead of a page, not nothing
    _, step = _open(journey_for, f"{site}/api-missing")
    [raw] = _with(step.messages, "no such item available")
    assert raw.kind == "error"


def test_a_page_that_is_one_line_of_bare_words_is_a_message_a_person_reads(journey_for: Any, site: str) -> None:
    # a server's one-line answer sent as HTML with no markup at all: the browser puts the bare words straight in
    # <body>, in no element a message is read from; they are all the person gets instead of a page
    _, step = _open(journey_for, f"{site}/one-line.html")
    assert [m.text for m in step.messages] == ["That name holds a character a name may not have"]


def test_a_search_boxs_list_that_found_nothing_says_so(journey_for: Any, site: str) -> None:
    # a combobox's drop-down notice ("no options"): a leaf block in the header, the answer to what was typed
    _, step = _open(journey_for, f"{site}/no-options.html")
    [empty] = _with(step.messages, "No results found")
    assert empty.kind == "empty"


def test_a_notice_that_hides_itself_is_said_with_its_role_and_lifetime(journey_for: Any, site: str) -> None:
    """A notice in a notification area (the area has no role, each notice is role=status) that hides itself after
    five seconds: kept as said, with when it appeared and went, and announced by its own role."""
    j = journey_for()
    j.begin_step("Given the page I saved", "Given")
    j.actor.goto(f"{site}/saved-notice.html")
    j.page.wait_for_function("!document.querySelector('[role=status]')")  # however long the machine takes
    step = j.end_step()
    [notice] = _with(step.messages, "The page has been created.")
    assert (notice.role, notice.live) == ("status", "polite")
    assert notice.disappeared_ms is not None and notice.disappeared_ms > notice.appeared_ms


def test_the_persons_own_post_shown_back_is_recorded_as_theirs(journey_for: Any, site: str) -> None:
    """A reply the person sent, now at the end of the topic in a plain `div > p` (no main, no message class): their
    own words shown back (the result of the press), recorded and marked as theirs, never the site's copy."""
    j, _ = _open(journey_for, f"{site}/topic.html")
    j.begin_step('When I reply', "When")
    j.actor.fill("Your name", "Mary Ann Smith")
    j.actor.fill("Write comment...", "I would love a packet, I can collect on Saturday.")
    j.actor.click("Publish")
    step = j.end_step()
    [mine] = _with(step.messages, "I can collect on Saturday")  # once: its <p>, not also the block around it
    assert (mine.kind, mine.own) == ("text", True)
    assert not any(m.own for m in step.messages if "two packets" in m.text)  # someone else's post is not theirs
    [hello] = _with(step.messages, "Mary Ann Smith")  # a name typed in a box is no post: the greeting stays one
    assert (hello.kind, hello.own) == ("greeting", False)


def test_a_forms_behaviour_class_does_not_swallow_its_field_errors(journey_for: Any, site: str) -> None:
    # "form-unload-alert" makes the form look like an alert banner; a form is never a message (it holds the
    # controls), so the errors under its fields are read on their own, each tied to its field
    _, step = _open(journey_for, f"{site}/form-errors.html")
    [email] = _with(step.messages, "Invalid email address")
    assert (email.text, email.kind, email.field) == ("Invalid email address.", "validation", "Email")
    [nick] = _with(step.messages, "Use letters only")
    assert (nick.kind, nick.field) == ("validation", "Nickname")
    assert _with(step.messages, "There were errors.")


def test_the_lead_under_a_pages_heading_is_recorded(journey_for: Any, site: str) -> None:
    # the words right under the heading in a plain <div> (no <p>, no <main>) say what happened; a block of
    # blocks after a heading (cards) is layout, not one message
    _, step = _open(journey_for, f"{site}/registered.html")
    [lead] = _with(step.messages, "You have been registered.")
    assert lead.text == "You have been registered." and lead.kind == "confirmation"
    assert not [m for m in step.messages if "Opening hours" in m.text and "Contact us" in m.text]


def test_a_box_whose_only_words_are_a_link_away_is_a_way_on_not_a_message(journey_for: Any, site: str) -> None:
    # a fault page's "Back to the start" link in a box classed as an error is no error: the page's heading says what
    # happened (a fault page is judged by it); words beside a link, or a link to a field on this page, still speak
    _, step = _open(journey_for, f"{site}/not-found.html")
    said = [(m.text, m.kind) for m in step.messages]
    assert [m.kind for m in _with(step.messages, "Back to the start")] == ["text"], said
    assert [m.kind for m in _with(step.messages, "Error 404")] == ["heading"]
    assert [m.kind for m in _with(step.messages, "Your visit ended.")] == ["error"]
    assert _with(step.messages, "Enter the day you visited")


def test_a_block_styled_as_a_button_is_a_control_not_a_message(journey_for: Any, site: str) -> None:
    # a <div> or <span> classed as a button ("Delete this list" in red) is pressed, not read: its colour is no error
    _, step = _open(journey_for, f"{site}/list-made.html")
    said = [(m.text, m.kind) for m in step.messages]
    assert not _with(step.messages, "Delete this list") and not _with(step.messages, "Empty this list"), said
    assert [m.kind for m in _with(step.messages, "List Winter evenings created")] == ["confirmation"]


def test_a_box_the_site_draws_as_refused_is_marked_and_its_words_are_its_error(journey_for: Any, site: str) -> None:
    # Bootstrap's "is-invalid": red to the eye, no aria-invalid; "ng-invalid ng-pristine" on an untouched box is no mark
    from harness.checks.pages import is_error

    _, step = _open(journey_for, f"{site}/marked-invalid.html")
    marks = {c.label: (c.invalid, c.marked) for c in step.prompts}
    assert marks == {"Username": (False, True), "Email": (False, False), "Nickname": (False, False),
                     "Current password": (False, True), "Code": (False, False)}
    [taken] = _with(step.messages, "already exists")
    assert (taken.kind, taken.field) == ("validation", "Username") and is_error(taken, step)
    # a row classed as holding an error ("has-errors") marks its plain box: its red line is that box's error
    [current] = _with(step.messages, "type your current password")
    assert (current.kind, current.field) == ("validation", "Current password") and is_error(current, step)


def test_a_field_message_classed_as_an_error_is_its_error_whatever_its_words(journey_for: Any, site: str) -> None:
    # Django's plain templates: `ul.errorlist` above each box, no role, no aria-invalid, and words with no error word
    # in them ("already exists", "Enter a valid …"); the help text beside a box stays a hint
    from harness.checks.pages import has_error, is_error

    _, step = _open(journey_for, f"{site}/error-class.html")
    [taken] = _with(step.messages, "already exists")
    [email] = _with(step.messages, "Enter a valid email")
    assert (taken.field, taken.marked, email.field, email.marked) == ("Username", True, "E-mail", True)
    assert is_error(taken, step) and is_error(email, step) and has_error(step)
    assert not any(m.marked or is_error(m, step) for m in _with(step.messages, "150 characters"))


def test_the_paragraph_of_a_page_with_no_main_heading_or_form_is_its_content(journey_for: Any, site: str) -> None:
    # a page that only says "Password reset email was sent!" in a grid's column: no <main>, no heading, no role
    _, step = _open(journey_for, f"{site}/bare-notice.html")
    assert [m.landmark for m in _with(step.messages, "email was sent")] == [""], [m.text for m in step.messages]
    assert not _with(step.messages, "Dashboard")  # the navigation's list is the site's, not the page's
    _, form = _open(journey_for, f"{site}/bare-form.html")  # a page that asks: its welcome line is skimmed past
    assert not _with(form.messages, "get started"), [m.text for m in form.messages]


def test_what_follows_the_heading_of_a_page_with_no_main_is_its_content(journey_for: Any, site: str) -> None:
    # a grid layout: the heading in one row, the paragraph and the table in the next (no siblings, no <main>)
    _, step = _open(journey_for, f"{site}/grid-content.html")
    [said] = _with(step.messages, "e-mailed you instructions")
    assert said.kind == "confirmation" and said.landmark == ""
    assert _with(step.messages, "12/5/2026 72.9")  # the table's new row, as "main tr" reads it in a <main>
    assert not _with(step.messages, "Login")  # the navigation's list is the site's, not the page's
    [taken] = _with(step.messages, "username is taken")  # an error list's item is read through its list, as before
    assert (taken.kind, taken.field) == ("validation", "Username")


def test_an_item_of_a_fields_error_list_is_that_fields_error_whatever_its_words(journey_for: Any, site: str) -> None:
    # `<ul class="errorlist" id="…_error"><li>…</li></ul>` above a field that names the list in aria-describedby, in
    # <main> (whose list items are read line by line): the item is tied to the field through its list, so "didn't
    # match" (no word of an error) is the field's validation message; a help list beside another field stays a hint
    _, step = _open(journey_for, f"{site}/error-list.html")
    [mismatch] = _with(step.messages, "didn’t match")
    assert (mismatch.kind, mismatch.field) == ("validation", "Password confirmation:")
    assert all(m.kind != "validation" for m in _with(step.messages, "at least 8 characters"))


def test_words_kept_for_a_screen_reader_are_not_shown_and_a_toast_laid_over_the_page_is(journey_for: Any,
                                                                                      site: str) -> None:
    """A spinner's only words in a visually hidden span, and an application's visually hidden live region, are
    heard, not seen (`visible` false: a sighted person did not read them); a notification area of no height whose
    toast is laid over the page shows its words once the toast has faded in."""
    j, step = _open(journey_for, f"{site}/hidden-words.html")
    [loading] = _with(step.messages, "Loading content.")
    assert loading.role == "alert" and not loading.visible
    [loaded] = _with(step.messages, "schemas have been loaded")
    assert not loaded.visible
    assert not any("Loading" in t for w in step.waits for t in w.status_texts)  # no status line the person read
    j.begin_step("When I press Save", "When")
    j.actor.click("Save")
    until_recorded(j, lambda m: "Saved your programme" in m.text and m.visible, "the faded-in toast")
    saved = _with(j.end_step().messages, "Saved your programme")
    assert saved and saved[-1].visible, [(m.text, m.visible) for m in saved]


@pytest.mark.parametrize(("page", "words"), [("error-box", "Email is invalid"),
                                             ("flash-error", "Unknown login or password")])
def test_a_red_box_the_step_calls_an_error_is_the_error_the_checks_judge(journey_for: Any, site: str, settings: Any,
                                                                         page: str, words: str) -> None:
    """One reading of "an error": a list of what went wrong in a box named by its id ("error_explanation", no role),
    and a flash box classed "flash error", are errors to `Then I should see an error` and to cold-copy alike."""
    from harness.checks.cold_copy import _collect
    from harness.steps import see

    j, _ = _open(journey_for, f"{site}/{page}.html")
    j.begin_step("Then I should see an error", "Then")
    see.should_see_an_error(j, settings)
    j.end_step()
    judged = [(s.message.text, s.kind) for s in _collect(j.transcript, 1000.0)]
    assert any(words in text and kind == "error" for text, kind in judged), judged


def test_a_lower_heading_that_counts_none_is_the_empty_answer(journey_for: Any, site: str) -> None:
    """A search answered only by a count ("Results (0)" in an <h3> over an empty list) says nothing came back: it is
    read, as an empty result; a lower heading that counts nothing is still the page's structure, not read."""
    _, step = _open(journey_for, f"{site}/zero-count.html")
    [count] = _with(step.messages, "Results (0)")
    assert count.kind == "empty"
    assert not _with(step.messages, "Recent walks")


def test_a_message_that_is_a_list_keeps_its_items_and_a_message_keeps_its_links_words(journey_for: Any,
                                                                                       site: str) -> None:
    """An error box holding a list of several errors keeps them as items (each one an error a person reads on its
    own, not one line glued together); a message keeps the words of the links inside it (a way on it offers)."""
    _, step = _open(journey_for, f"{site}/list-and-links.html")
    [box] = _with(step.messages, "Email is invalid")
    assert box.items == ["Email is invalid", "Login has already been taken", "Password doesn't match confirmation"]
    [signin] = _with(step.messages, "to see the volunteers")
    assert signin.links == ["sign in"] and signin.items == []
    [promise] = _with(step.messages, "contact us")
    assert promise.links == []


def test_words_the_pages_stylesheet_hides_are_not_read_before_it_arrives(journey_for: Any, site: str) -> None:
    """A person sees nothing before the page's first paint, which waits for its stylesheets; until they arrive a
    closed dialog and another tab's panel (hidden by the stylesheet alone) read as shown. The sheet is held until
    the page has been parsed and its DOMContentLoaded scan could run: order, not time."""
    from urllib.request import urlopen

    j = journey_for()
    j.begin_step("Given the page", "Given")
    j.page.goto(f"{site}/late-style.html", wait_until="domcontentloaded")
    assert j.page.evaluate("document.readyState") != "loading"  # DOMContentLoaded's scan has run
    with urlopen(f"{site}/release?key=late-style") as answer:
        assert answer.read() == b"ok"
    until_recorded(j, lambda m: m.text == "Your projects are listed below.")
    shown = [m.text for m in j.end_step().messages if m.visible]
    assert "Dashboard" in shown
    assert not [t for t in shown if "every report" in t or "Keyboard shortcuts" in t or "Press ?" in t], shown


def test_the_name_of_an_icon_drawn_by_a_font_is_not_a_word_the_person_reads(journey_for: Any, site: str) -> None:
    """An icon font draws "chat_bubble_outline" or "check_circle" as a picture from the word in the markup (a
    ligature): a person sees the picture, not the word, so no message says it; a word in code type is still read."""
    _, step = _open(journey_for, f"{site}/icon-words.html")
    texts = [m.text for m in step.messages]
    icons = ("chat_bubble", "check_circle", "info_outline", "search_off", "mark_email_read")  # the last in a box alone
    assert not [t for t in texts if any(icon in t for icon in icons)], texts
    assert _with(step.messages, "No threads match your words."), texts
    [errors] = _with(step.messages, "Enter a title.")
    assert errors.items == ["Enter a title.", "Choose a category."]
    [posted] = _with(step.messages, "Your reply was posted.")
    assert posted.text == "Your reply was posted."
    assert _with(step.messages, "reply_to"), texts
    assert _with(step.messages, "Robin, your account has been created."), texts


def test_a_word_in_a_font_stack_that_ends_with_a_symbol_font_is_read(journey_for: Any, site: str) -> None:
    """A system font stack names "Segoe UI Symbol" as a last fallback: its words are drawn as words, and a lone
    lower-case word in it ("email", "never") is no icon's name (only a stack that asks first for an icon font is)."""
    _, step = _open(journey_for, f"{site}/system-font-stack.html")
    texts = [m.text for m in step.messages]
    assert _with(step.messages, "Enter your email address so we can reach you."), texts
    assert _with(step.messages, "We will never share it."), texts
