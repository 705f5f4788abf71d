"""The message classifier: structure first (roles, field ties, speakers), wording second."""

from __future__ import annotations

import pytest

from harness.browser.classify import classify, drawn_as_error, is_question, speaker_of


def kind(**raw: object) -> str:
    return classify(raw)[0]


def test_an_error_tied_to_a_field_is_validation() -> None:
    assert kind(text="Enter your date of birth", cls="hint-ish", field="Date of birth", field_tied=True) == "validation"
    assert kind(text="This is not a valid postcode", cls="form-error", field="Postcode") == "validation"


def test_an_alert_not_tied_to_a_field_is_an_alert() -> None:
    assert kind(text="Your card was declined. Try another card.", role="alert", live="assertive") == "alert"


def test_an_error_summary_is_an_error() -> None:
    assert kind(text="There is a problem: Enter your email", cls="govuk-error-summary") == "error"


def test_a_toast_is_a_toast_whatever_it_says() -> None:
    assert kind(text="Draft saved", cls="toast toast--show") == "toast"
    assert kind(text="Copied to clipboard", cls="mdc-snackbar") == "toast"


def test_a_flash_box_classed_an_error_is_an_error() -> None:
    # a framework's flash box names its kind in its class ("flash error"), as a toast's does not: an error to the step
    # `Then I should see an error` and to the checks alike, not a passing notice
    assert kind(text="Unknown login or password", cls="flash error") == "error"
    assert kind(text="Saved", cls="flash notice") == "toast"


@pytest.mark.parametrize("text", [
    "Your session will expire in 2 minutes. Do you want to stay signed in?",
    "For your security, we will sign you out in 60 seconds",
    "Are you still there?",
])
def test_session_expiry_in_a_dialog_is_a_timeout(text: str) -> None:
    assert kind(text=text, role="alertdialog") == "timeout"


def test_chat_lines_carry_speaker_and_question() -> None:
    k, speaker, question = classify({"text": "What is your policy number?", "chat": True, "speaker": "bot"})
    assert (k, speaker, question) == ("chat", "bot", True)
    k, speaker, question = classify({"text": "POL-12345678", "chat": True, "speaker": "user"})
    assert (k, speaker, question) == ("chat", "user", False)
    k, speaker, _ = classify({"text": "Thanks, I can help with that.", "chat": True, "speaker": "msg agent-message"})
    assert (k, speaker) == ("chat", "agent")


def test_handing_over_to_a_person_is_a_handoff() -> None:
    k, speaker, _ = classify({"text": "Connecting you to an advisor now. Please wait.", "chat": True,
                              "speaker": "system"})
    assert k == "handoff"
    assert kind(text="An agent has joined the conversation", role="log", live="polite") == "handoff"


def test_confirmation_by_reference_or_wording() -> None:
    assert kind(text="Your reference number is HDJ2123F", tag="p") == "confirmation"
    assert kind(text="Application complete", cls="govuk-panel govuk-panel--confirmation") == "confirmation"
    assert kind(text="We have received your claim", tag="p", in_main=True) == "confirmation"
    assert kind(text="Claim form", tag="h1", role="heading") == "heading"  # no reference, no success words


def test_status_greeting_empty_heading_text() -> None:
    assert kind(text="Saving…", role="status", live="polite") == "status"
    assert kind(text="Welcome back, Sam", tag="p") == "greeting"
    assert kind(text="You have no claims yet", tag="p") == "empty"
    assert kind(text="Tell us about the damage", tag="h2", role="heading") == "heading"
    assert kind(text="Photos help us settle your claim faster.", tag="p") == "text"


def test_question_and_speaker_helpers() -> None:
    assert is_question("Could you tell me your postcode")
    assert is_question("Please enter your email address.")
    assert not is_question("Thanks, that is all we need.")
    assert speaker_of("", "Bot: hello there") == "bot"
    assert speaker_of("data-speaker=advisor") == "agent"
    assert speaker_of("") == ""


def test_a_warning_banner_is_a_warning() -> None:
    assert kind(text="Your password expires in 3 days. Change it soon.", cls="site-warning") == "warning"
    assert kind(text="Warning: this page has unsaved changes.", role="status", live="polite") == "warning"
    assert kind(text="Warning signs of a scam", tag="p") != "warning"  # wording alone, with no region: text


@pytest.mark.parametrize("text", [
    "We’ve emailed you instructions for setting your password, if an account exists with the email you entered.",
    "You should receive them shortly.",
    "We have texted you a code.",
])
def test_a_result_page_saying_what_was_sent_is_a_confirmation(text: str) -> None:
    assert kind(text=text, tag="p") == "confirmation"


@pytest.mark.parametrize("text", ["msg 3 created issue 5 created clear this message", "Ticket #12 created",
                                  "Your account was created."])
def test_saying_that_a_new_item_was_created_is_a_confirmation(text: str) -> None:
    assert kind(text=text, tag="p", cls="ok-message") == "confirmation"


def test_a_created_date_is_not_a_confirmation() -> None:
    assert kind(text="Created on 2026-12-05 by alex, last changed by alex.", tag="p") == "text"


def test_a_form_intro_promising_a_mail_is_not_a_confirmation() -> None:
    assert kind(text="Enter your email address below, and we’ll email instructions for setting a new one.",
                tag="p") == "text"


def test_a_live_region_holding_site_chrome_is_announced_text_not_status() -> None:
    assert kind(text="Sidebar", role="status", live="polite", chrome=True) == "text"
    assert kind(text="Saving…", role="status", live="polite") == "status"


def test_the_browsers_own_validation_bubble_is_an_error() -> None:
    assert kind(text="Please fill out this field.", field="Email", field_tied=True, browser_validation=True) == "error"


def test_an_error_in_a_status_region_is_an_error() -> None:
    assert kind(text="Your username and password didn't match. Please try again.", role="status", live="polite",
                cls="messages error") == "error"


def test_an_alert_classed_as_information_is_a_status_not_an_error() -> None:
    # role=alert on every notice, its kind in its class (Bootstrap's alert-info): "Welcome! You are now logged in."
    info = "portalMessage statusmessage statusmessage-info alert alert-info"
    assert kind(text="Info: Welcome! You are now logged in.", role="alert", live="assertive", cls=info) == "status"
    assert kind(text="Info: Item created", role="alert", live="assertive", cls="alert alert-info") == "status"
    # ...but an information notice that says something failed is the error it is, and the kind needs its own word
    assert kind(text="Login failed. Check that caps lock is off.", role="alert", cls="alert alert-info") == "alert"
    assert kind(text="Welcome! You are now logged in.", role="alert", cls="infobox-wrapper") == "alert"


def test_a_line_the_page_labels_an_error_is_an_error() -> None:
    # a plain block (no role, no error class) whose own first word names it: "Error: Please fill the required fields."
    assert kind(text="Error: Please fill the required fields.", tag="p") == "error"
    assert kind(text="Error: Please enter a username. Error: Please type your email address.", tag="div") == "error"
    assert kind(text="ERROR: The email address is not correct.", tag="div", role="status", live="polite") == "error"
    # the word in a sentence, or as a heading's topic, is no label
    assert kind(text="Error messages should say how to fix the problem.", tag="p") == "text"
    assert kind(text="Errors and how to read them", tag="h2", role="heading") == "heading"
    # a heading so labelled names its page (a fault page is judged by it); a count is no sentence
    assert kind(text="Error: Invalid entry number", tag="h1", role="heading") == "heading"
    assert kind(text="Errors: 0", tag="p") == "text"


def test_a_line_that_opens_with_an_errors_code_name_is_an_error() -> None:
    # a toast in a status region that says only "ValidationError", or a code's own error name before its words: the
    # name labels the line an error, as "Error:" does; a word that only ends in "error" or starts a sentence is none
    assert kind(text="ValidationError", role="status", live="polite") == "error"
    assert kind(text="TypeError: Cannot read properties of undefined", tag="div") == "error"
    assert kind(text="Terror of the slugs: our summer talk", tag="p") == "text"
    assert kind(text="Mirror uploads are paused", role="status", live="polite") == "status"


def test_a_thank_you_in_the_sites_footer_is_its_sign_off_not_a_confirmation() -> None:
    # "Thank you for creating with Publisher." under every page of a dashboard answers nothing the person did
    assert kind(text="Thank you for creating with Publisher.", tag="p", landmark="contentinfo") == "text"
    assert kind(text="Thank you for creating with Publisher.", tag="p", landmark="main") == "confirmation"
    # a notice the footer holds in a live region is still announced as what it is
    sent = kind(text="Your message has been sent.", role="status", live="polite", landmark="contentinfo")
    assert sent == "confirmation"


def test_a_step_of_a_checkouts_progress_list_is_the_name_of_a_place_not_a_confirmation() -> None:
    # a checkout's steps in a <nav> ("Your information", "Payment", "Order confirmed"): the last step's name says
    # where the flow ends, not that anything was done
    assert kind(text="Order confirmed", tag="li", landmark="navigation") == "text"
    assert kind(text="Order confirmed", tag="p", landmark="main") == "confirmation"


@pytest.mark.parametrize("text", [
    "This profile is shown to everyone if your talk is accepted. Reviewers see it too.",
    "Once your payment has been received, the tickets are yours to print.",
    "You can change it until it is submitted.",
])
def test_what_would_happen_if_something_were_done_confirms_nothing(text: str) -> None:
    assert kind(text=text, tag="p") == "text"


def test_a_sentence_that_reports_something_done_still_confirms_beside_a_condition() -> None:
    assert kind(text="Your talk has been submitted. If you have questions, write to us.", tag="p") == "confirmation"
    assert kind(text="When you are ready, press Send. Your draft was saved.", tag="p") == "confirmation"


@pytest.mark.parametrize("raw", [
    {"text": "You are now logged in as: 'sam'", "cls": "alert alert-success flash_success"},
    {"text": "Signed in as Sam Taylor", "role": "status", "live": "polite"},
])
def test_being_told_who_is_signed_in_is_a_greeting_not_a_confirmation(raw: dict[str, str]) -> None:
    # a sign-in's "You are now logged in as …" in a success box names who the person is: it confirms no submission
    # (nothing to give a reference or a next step for, nothing to list later as their history)
    assert kind(**raw) == "greeting"


def test_a_block_whose_words_are_all_links_away_is_no_error() -> None:
    # "Return to Home" alone in a box classed as an error: a way on; a heading made a link still names its page
    assert kind(text="Back to the start", cls="col error-links", ways_on=True) == "text"
    assert kind(text="Back to the start", cls="col error-links") == "error"
    assert kind(text="Riverside Club", tag="h1", role="heading", ways_on=True) == "heading"


@pytest.mark.parametrize(("cls", "marked"), [
    ("errorlist", True), ("invalid-feedback", True), ("field-error", True),
    ("form-text text-danger", False), ("help-block text-warning", False),
])
def test_a_field_note_is_drawn_as_an_error_only_by_a_class_that_says_error(cls: str, marked: bool) -> None:
    # "danger" is a colour, not a verdict: a field's note in red ("Deleting your account is irreversible.") warns
    # before an action; only a class that says error or invalid marks the note as the field's error
    assert drawn_as_error({"text": "A note under the box.", "cls": cls}, "validation") is marked


def test_an_alert_classed_as_a_success_is_a_confirmation() -> None:
    # role=alert on every banner, its kind in its class (Bootstrap's alert-success): "You are subscribed to …"
    assert kind(text="You are subscribed to news@lists.example.org.", role="alert", live="assertive",
                cls="alert alert-success alert-dismissible") == "confirmation"
    assert kind(text="Please check your inbox for further instructions", role="alert",
                cls="alert alert-success") == "confirmation"
    # ...but a success-coloured banner that says something failed is the error it is
    assert kind(text="Something went wrong. Please try again.", role="alert", cls="alert alert-success") == "alert"


@pytest.mark.parametrize("text", [
    "We have sent you an email. If you have not received it please check your spam folder.",
    "To subscribe, please sign in first. If you have not previously signed in, you may need to set up an account.",
])
def test_you_have_not_done_something_is_not_an_empty_list(text: str) -> None:
    assert kind(text=text, tag="p") != "empty"
    assert kind(text="You have no saved searches.", tag="p") == "empty"


def test_a_toast_drawn_in_the_danger_colour_is_an_error() -> None:
    # a snackbar's Bootstrap notice "alert alert-danger" answers a press with an error whatever its words say; the
    # step `Then I should see an error` and the checks read it as one (it was a passing toast, judged as status copy)
    assert kind(text="Fill out both fields.", cls="alerts-snackbar in alert alert-danger") == "error"
    assert kind(text="No user with this e-mail exists.", cls="snackbar alert-danger") == "error"
    # one that says it was done, in red for a destructive action, is still a toast; other colours are too
    assert kind(text="The thread was deleted successfully.", cls="snackbar alert-danger") == "toast"
    assert kind(text="Your reply has been posted.", cls="alerts-snackbar in alert alert-success") == "toast"
    assert kind(text="Dangerous goods policy updated", cls="toast dangerously-long") == "toast"
