"""cold-copy on the page's own notes beside a form (instructions, notices): judged for tone only."""

from __future__ import annotations

from .conftest import act, control, give, journey, run, say

PAGE = "/account/login"


def _form_page(*notes, given=True):
    """Open a page with a form and its notes, then fill it in (or only look at it)."""
    opened = {"text": 'Given I open the "sign-in" page', "page": PAGE, "actions": [act("goto", PAGE)],
              "prompts": [control("Username", page=PAGE)], "messages": list(notes)}
    filled = {"text": 'When I fill in "Username" with "sam"', "page": PAGE, "actions": [act("fill", "Username")],
              "prompts": [control("Username", page=PAGE, value="sam")],
              "given": [give("Username", "sam", page=PAGE)] if given else []}
    return journey(opened, filled)


def _notes(found):
    return [f for f in found if f.evidence.get("kind") == "note"]


def test_a_warning_that_shouts_beside_the_form_reads_cold():
    t = _form_page(say("You are currently not logged in! Enter your details below to log in.", page=PAGE,
                       landmark="main"))
    [found] = _notes(run("cold-copy", t))
    assert (found.outcome, found.impact, found.step) == ("failed", "minor", 0)
    assert found.evidence["criteria"] == ["E3"] and "not logged in" in found.message


def test_paragraphs_of_one_notice_are_read_as_one():
    parts = ("Anything you write here may be changed by others.",
             "Do not send work that is not yours without permission!")
    t = _form_page(*(say(p, page=PAGE, selector="#copy-warning", landmark="main") for p in parts))
    [found] = _notes(run("cold-copy", t))
    assert all(p in found.evidence["text"] for p in parts)


def test_thanks_a_welcome_and_plain_instructions_are_quiet():
    # a note speaks before the person did anything: its "wrong" describes a thing, it blames no one
    t = _form_page(say("Welcome back! Enter your username to carry on.", page=PAGE, landmark="main"),
                   say("Thank you for joining us!", page=PAGE, landmark="main"),
                   say("If something looks wrong with your order, write to us.", page=PAGE, landmark="main"))
    assert _notes(run("cold-copy", t)) == []


def test_jargon_in_a_note_reads_cold():
    t = _form_page(say("Paste the CSRF token from your settings page below.", page=PAGE, landmark="main"))
    [found] = _notes(run("cold-copy", t))
    assert "E1" in found.evidence["criteria"]


def test_a_word_that_is_jargon_only_when_the_system_reports_itself_is_plain_in_a_note():
    # "on this server" says where an account lives; "the server could not answer" is the machine reporting itself
    where = "Your account works for every club on this server, so sign in with the one you have."
    assert _notes(run("cold-copy", _form_page(say(where, page=PAGE, landmark="main")))) == []
    from harness.language.copy_rules import evaluate, normalise
    fault = [r.code for r in evaluate(normalise("The server could not answer."), "error") if not r.ok]
    assert "E1" in fault


def test_only_notes_beside_a_form_the_person_fills_in_are_judged():
    shouting = "You are currently not logged in! Enter your details below to log in."
    assert _notes(run("cold-copy", _form_page(say(shouting, page=PAGE, landmark="main"), given=False))) == []
    # the site's frame (header, footer) and a row of links or a table's header are not notes
    t = _form_page(say(shouting, page=PAGE, landmark="contentinfo"),
                   say("MODEL NAME ADD LINK CHANGE OR VIEW LIST LINK", page=PAGE, landmark="main"))
    assert _notes(run("cold-copy", t)) == []


def test_the_persons_own_words_shown_back_are_no_note_of_the_site():
    # their post under the reply box: "Do not …!" is what they wrote, not the site's copy
    mine = "Do not leave the shed open again!"
    assert _notes(run("cold-copy", _form_page(say(mine, page=PAGE, landmark="main"))))
    assert _notes(run("cold-copy", _form_page(say(mine, page=PAGE, landmark="main", own=True)))) == []


def _sent(*notes, search=False):
    """The form page filled in (or a search box), then sent: the page it landed on says `notes`."""
    from harness.transcript import Submit

    t = _form_page()
    if search:
        t.steps[1].prompts[0].query = True
        t.steps[1].given[0].field = "Search"
        t.steps[1].prompts[0].label = "Search"
    sent = journey({"text": 'When I press "Send"', "page": "/sent", "before": PAGE, "actions": [act("click", "Send")],
                    "submits": [Submit(at_ms=10.0)], "messages": list(notes)})
    t.steps.append(sent.steps[0].model_copy(update={"index": 2}))
    return t


def test_the_page_a_sent_form_landed_on_speaks_in_notes_too():
    # what the answer page says besides its confirmation is read as the person waits: one that holds them back from
    # asking for help ("wait … before you write to us") stonewalls (E10), as it would beside the form
    held_back = "E-mail is slow. Please wait for the e-mail at least 30 minutes before you write to us about problems."
    [found] = _notes(run("cold-copy", _sent(say(held_back, page="/sent", landmark="main"))))
    assert (found.step, found.evidence["criteria"]) == (2, ["E10"]) and "before you write to us" in found.message
    calm = "Look in your spam folder if the e-mail is not in your inbox. Write to us if it has not come in an hour."
    assert _notes(run("cold-copy", _sent(say(calm, page="/sent", landmark="main")))) == []


def test_the_page_a_search_landed_on_is_no_answer_to_a_form_the_person_filled_in():
    held_back = "Please wait at least 30 minutes before you write to us about problems."
    assert _notes(run("cold-copy", _sent(say(held_back, page="/sent", landmark="main"), search=True))) == []


def test_an_acronym_is_a_name_not_a_raised_voice():
    """A hint that names a system in capitals ("Single Sign-On or LDAP") says no word louder: capitals no English word
    begins with (LD) or with no vowel (SMTP) are an acronym's. A common word in capitals is still shouting."""
    hint = ("Whether the user will be able to authenticate using a password or not. If disabled, they may still be "
            "able to authenticate using other backends, such as Single Sign-On or LDAP.")
    assert _notes(run("cold-copy", _form_page(say(hint, page=PAGE, landmark="main")))) == []
    mail = "Mail is sent through the club's own SMTP relay, so give the address you read."
    assert _notes(run("cold-copy", _form_page(say(mail, page=PAGE, landmark="main")))) == []
    loud = "NEVER share this page with anyone outside the club."
    [found] = _notes(run("cold-copy", _form_page(say(loud, page=PAGE, landmark="main"))))
    assert found.evidence["criteria"] == ["E3"]


def test_the_help_beside_a_field_is_a_note_of_its_page():
    """A field's hint is read beside it before the person writes anything; one that threatens not to deal with them
    ("Otherwise, we might not process your request.") stonewalls (E10), as a notice on the page would."""
    threat = "Please contact us in English. Otherwise, we might not process your request."
    t = _form_page()
    for step in t.steps:
        step.prompts[0].hint = threat
    [found] = _notes(run("cold-copy", t))
    assert (found.step, found.evidence["criteria"], found.evidence["text"]) == (0, ["E10"], threat)
    t.steps[1].prompts[0].query = t.steps[0].prompts[0].query = True  # a look-up's help is no instruction
    assert _notes(run("cold-copy", t)) == []
    calm = "Please write in English, so that every volunteer can read it."
    t = _form_page()
    t.steps[0].prompts[0].hint = calm
    assert _notes(run("cold-copy", t)) == []


def _ran_job(answer):
    """A job opened by its address (/jobs/nightly_backup/run, its heading "Run job: nightly_backup"), its form
    filled in and sent; the list it landed on says `answer`."""
    from harness.transcript import Submit

    run_page = "/jobs/nightly_backup/run"
    opened = {"text": 'Given I open the "run" page', "page": run_page, "actions": [act("goto", run_page)],
              "prompts": [control("Note", page=run_page)],
              "messages": [say("Run job: nightly_backup", "heading", page=run_page)]}
    filled = {"text": 'When I fill in "Note" with "before the upgrade"', "page": run_page,
              "actions": [act("fill", "Note")], "given": [give("Note", "before the upgrade", page=run_page)]}
    sent = {"text": 'When I press "Run"', "page": "/jobs", "before": run_page, "actions": [act("click", "Run")],
            "submits": [Submit(at_ms=10.0)], "messages": [say(answer, page="/jobs", landmark="main")]}
    return journey(opened, filled, sent)


def test_a_name_written_as_code_that_the_person_met_as_a_things_name_is_its_name_not_jargon():
    # "nightly_backup" is the job the person opened (its address, its heading) and ran: its name, read as its words
    named = "Started nightly_backup, it will finish within 5 minutes."
    assert _notes(run("cold-copy", _ran_job(named))) == []
    # a code name they never met (a setting's key) is still jargon beside it
    [found] = _notes(run("cold-copy", _ran_job("Started nightly_backup; set notify_email to hear when it ends.")))
    assert found.evidence["criteria"] == ["E1"] and "notify_email" in found.evidence["reasons"]
