"""Act: what the persona does on the page, found the way a person finds it (label, role, text).

Steps only direct the actor (`journey.actor`); the actor types at the persona's pace, lets habits
fire (typos, double-clicks, going back) and records everything into the transcript. Synonyms
people use are all accepted (press/click/tap, enter/type/fill in) and no two steps here can match
the same sentence.
"""

from __future__ import annotations

import re
import warnings
from pathlib import Path
from typing import Any

from pytest_bdd import parsers, step

from harness.browser import widgets
from harness.browser.fill import tiny_png
from harness.browser.locate import REGION_WORDS
from harness.config import Settings
from harness.exceptions import FeatureError
from harness.steps.details import DETAIL, value_of

_ENTER = r"(?:enter|type|fill in|put)"
_REGION = rf"(?P<kind>{'|'.join(map(re.escape, REGION_WORDS))})"  # the kinds of region the actor knows
_IN_REGION = rf'(?:in|inside|within|on|from|under) the "(?P<region>[^"]+)" {_REGION}'
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5}
_NTH = rf"(?:the (?P<nth>{'|'.join(_ORDINALS)}) )?"  # "the second "Password"": two boxes labelled alike


@step(parsers.re(rf'I {_ENTER} my {DETAIL} (?:in|into) "(?P<label>[^"]+)"'))
def enter_my_detail(journey: Any, detail: str, label: str) -> None:
    """When I enter my email address in "Email"

    Type one of the persona's own details (email address, phone number, postcode …) into the field
    with this label.
    """
    key, value = value_of(journey, detail)
    journey.actor.fill(label, value, data_key=key)


@step(parsers.re(rf'I {_ENTER} "(?P<value>[^"]*)" (?:in|into) "(?P<label>[^"]+)"'))
def enter_value(journey: Any, value: str, label: str) -> None:
    """When I enter "Two tickets for Saturday, please" in "Message"

    Type this exact text into the field with this label.
    """
    journey.actor.fill(label, value)


@step(parsers.re(rf'I fill in {_NTH}"(?P<label>[^"]+)"(?: {_IN_REGION})? with "(?P<value>[^"]*)"'))
def fill_label_with_value(journey: Any, label: str, value: str, region: str | None = None,
                          kind: str | None = None, nth: str | None = None) -> None:
    """When I fill in "Postcode" with "SW1A 1AA"

    Type this exact text into the field with this label (the same as `I enter "…" in "…"`); with
    `in the "I need a new account" section` (form, dialog …), the field inside the part of the page
    with that name or heading, when two parts have a field of the same name; with `the second`
    (`I fill in the second "Password" with "…"`), the second of two boxes labelled alike, down the page.
    """
    journey.actor.fill(label, value, region=region or "", kind=kind or "", nth=_ORDINALS.get(nth or "", 0))


@step(parsers.re(rf'I fill in "(?P<label>[^"]+)"(?: {_IN_REGION})? with my {DETAIL}'))
def fill_label_with_detail(journey: Any, label: str, detail: str, region: str | None = None,
                           kind: str | None = None) -> None:
    """When I fill in "Your e-mail" with my email address

    Type one of the persona's own details into the field with this label (inside the part of the
    page named `in the "…" section`, when given). A username the form says is too long (its
    maxlength, "3 to 14 characters", or its error once the box is left) is made shorter and kept.
    """
    key, value = value_of(journey, detail)
    journey.actor.fill(label, value, data_key=key, region=region or "", kind=kind or "")


@step(parsers.re(r"I fill in (?:the|this) form(?: with(?: my details| these(?: values)?| the following))?:?"))
def fill_in_the_form(journey: Any, datatable: list[list[str]] | None = None) -> None:
    """When I fill in the form

    Fill every visible field from the persona's details, matching labels by meaning ("Your e-mail",
    "Mobile", "Postcode / ZIP"). With a table of `| label | value |` rows, fill exactly those (a
    value such as `my email address` uses the persona's detail; a label listed twice fills the boxes
    so labelled in turn, down the page: a password and its confirmation). Fields it cannot match are
    named in a warning.
    """
    if datatable:
        short = [r for r in datatable if len(r) < 2]
        if short:  # labels alone would fill nothing, and the journey would go on with an empty form
            raise AssertionError(f"this step's table needs two columns, | label | value |: the row "
                                 f"| {' | '.join(short[0])} | has {len(short[0])}")
        rows = [(r[0].strip(), r[1].strip()) for r in datatable if r[0].strip().lower() not in ("field", "label")]
        labels = [label for label, _ in rows]
        for i, (label, value) in enumerate(rows):
            nth = labels[:i + 1].count(label) if labels.count(label) > 1 else 0
            if value.lower().startswith("my "):
                key, detail = value_of(journey, value[3:])
                journey.actor.fill(label, detail, data_key=key, nth=nth)
            else:
                journey.actor.fill(label, value, nth=nth)
        return
    unmatched = journey.actor.fill_form()
    if unmatched:
        warnings.warn(f"could not match these fields to any of the persona's details: {', '.join(unmatched)}; "
                      "fill them with `When I enter \"…\" in \"<label>\"`", stacklevel=1)


@step(parsers.re(r'I (?:choose|select|pick) "(?P<option>[^"]+)" (?:for|in|from|as) "(?P<label>[^"]+)"'))
def choose_option(journey: Any, option: str, label: str) -> None:
    """When I choose "Standard delivery" for "Delivery"

    Pick an option of a drop-down list or a group of radio buttons with this label.
    """
    journey.actor.choose(label, option)


@step(parsers.re(r'I (?:choose|select|pick|set) "(?P<day>[^"]+)" at "(?P<time>[^"]+)" '
                 r'(?:for|as|in) "(?P<label>[^"]+)"'))
def choose_date_and_time(journey: Any, day: str, time: str, label: str) -> None:
    """When I choose "16 March 2027" at "10:00" for "Starts at"

    Pick a day and a time (24-hour) for a field whose label sits over a date box and a time box (two pickers, or
    one box for both): each typed in the shape its box shows, then picked or left as a person does.
    """
    journey.actor.choose_moment(label, day, time)


@step(parsers.re(r'I (?:choose|select|pick) "(?P<option>[^"]+)" (?:from|in) the "(?P<hint>[^"]+)" '
                  r'(?:drop-?down|list|select box)'))
def choose_from_named_dropdown(journey: Any, option: str, hint: str) -> None:
    """When I choose "Newest first" from the "Relevance" drop-down

    Pick an option of a drop-down known by the option it shows now, its label or the text beside it
    (for a drop-down with no label).
    """
    journey.actor.choose_from_dropdown(option, hint)


@step(parsers.re(r'I (?:choose|select|pick) "(?P<option>[^"]+)" (?:from|in) the (?:drop-?down|list|select box)'
                 r'(?: (?:next to|beside|under|after|by) "(?P<hint>[^"]+)")?'))
def choose_from_dropdown(journey: Any, option: str, hint: str | None = None) -> None:
    """When I choose "Newest first" from the drop-down next to "Sort by"

    Pick an option of the drop-down beside this text, or (without it) of the one drop-down that
    offers the option.
    """
    journey.actor.choose_from_dropdown(option, hint or "")


@step(parsers.re(r'I (?:tick|check|select the checkbox) "(?P<label>[^"]+)"'))
def tick_box(journey: Any, label: str) -> None:
    """When I tick "I agree to the terms"

    Tick the checkbox with this label.
    """
    journey.actor.tick(label)


@step(parsers.re(r'I (?:press|click|click on|tap|tap on|hit)(?: the)? "(?P<name>[^"]+)"(?: (?:button|link))?'))
def press_control(journey: Any, name: str) -> None:
    """When I press "Continue"

    Press the button or link with this text (synonyms: click, click on, tap, hit; "the … button").
    """
    journey.actor.click(name)


@step(parsers.re(r'I (?:press|hit) (?:the )?(?:Enter|Return|enter|return)(?: key)?'
                 r'(?: (?:in|on|inside|into) "(?P<label>[^"]+)")?'))
def press_enter(journey: Any, label: str | None = None) -> None:
    """When I press Enter in "Your name"

    Press the Enter key in the box with this label (a box that has no button, which the site saves on Enter),
    or, without a label, in whatever has focus.
    """
    journey.actor.press("Enter", label or "")


@step(parsers.re(r'I (?:send|submit) the form empty with "(?P<name>[^"]+)"'))
def press_with_the_form_empty(journey: Any, name: str) -> None:
    """When I send the form empty with "Post Comment"

    Press this button only while the form it sends holds no typed answer (the step fails, unpressed, when one
    does): a form that would commit (a message, an order) sent empty is refused by the site, and nothing happens.
    """
    journey.actor.click_empty(name)


_ANSWER = r"(?P<answer>accept|confirm|OK|dismiss|cancel)"
_DIALOG = r"(?:dialog|alert|pop-?up|confirmation|prompt)"


@step(parsers.re(r'I (?:press|click|click on|tap|hit)(?: the)? "(?P<name>[^"]+)"(?: (?:button|link))? '
                 rf'{_IN_REGION}'))
def press_in_region(journey: Any, name: str, region: str, kind: str) -> None:
    """When I press "Login" in the "Login" dialog

    Press the button or link with this text inside the dialog, form, menu or section with this name
    or heading (when the page has another control with the same text); a drop-down menu is named by
    the button that opens it.
    """
    journey.actor.press_in(name, region, kind)


def _answer(answer: str) -> str:  # Playwright's two answers
    return "accept" if answer.lower() in ("accept", "confirm", "ok") else "dismiss"


@step(parsers.re(rf'I (?:press|click|click on|tap|hit)(?: the)? "(?P<name>[^"]+)"(?: (?:button|link))? and '
                 rf'{_ANSWER} the {_DIALOG}'))
def press_and_answer_dialog(journey: Any, name: str, answer: str) -> None:
    """When I press "Delete" and accept the dialog

    Press the button and answer the browser dialog it opens (accept/confirm/OK, dismiss/cancel);
    fails when no dialog opens.
    """
    watch, before = widgets.dialogs(journey.page), len(widgets.dialogs(journey.page).seen)
    watch.next_answers[:] = [_answer(answer)]
    try:
        journey.actor.click(name)
    finally:  # a press that failed leaves no answer armed for a later dialog
        watch.next_answers.clear()
    if len(watch.seen) == before:
        raise AssertionError(f'pressing "{name}" opened no browser dialog on {journey.page.url}')


@step(parsers.re(rf"I (?:will )?{_ANSWER} the (?:next )?{_DIALOG}"))
def answer_dialog(journey: Any, answer: str) -> None:
    """When I accept the dialog

    Accept (or dismiss, cancel) the next browser dialog; unasked, dialogs are dismissed. A dialog
    is answered as it opens: put this step first, or write `When I press "…" and accept the dialog`.
    """
    watch = widgets.dialogs(journey.page)
    wanted = _answer(answer)
    unasked, watch.unasked = watch.unasked, -1
    if unasked >= 0 and watch.seen[unasked][2] != wanted and watch.seen[unasked][0] != "alert":
        kind, message, given = watch.seen[unasked]
        raise FeatureError(f"the {kind} dialog {message[:80]!r} was already answered ({given}) when it opened",
                           hint=f'write `When I press "…" and {answer} the dialog`, or put this step before the '
                                "step that opens it")
    watch.next_answers[:] = [wanted]


@step(parsers.re(r'I (?:open|expand) the "(?P<name>[^"]+)" menu'))
def open_named_menu(journey: Any, name: str) -> None:
    """When I open the "Sam" menu

    Open the menu behind the button with this text (a user name, "More", "Settings" …).
    """
    journey.actor.open_menu(name=name)


@step(parsers.re(r"I (?:open|expand) (?:the|my) (?P<kind>[A-Za-z]+) menu"))
def open_menu_by_kind(journey: Any, kind: str) -> None:
    """When I open the account menu

    Open a menu by its kind: the account (user, profile) menu, found by words such as "Account" or
    the persona's own name, or the main (navigation) menu, or any menu by the word on its button.
    """
    journey.actor.open_menu(kind=kind.lower())


@step(parsers.re(r'I search (?:for )?"(?P<text>[^"]+)"'))
def search_for(journey: Any, text: str) -> None:
    """When I search for "compost"

    Type the text into the page's search box (a search landmark, a search field, or a box beside a
    "Search" button, labelled or not) and submit it. A search behind its button is opened first, and a box
    that only filters the navigation or a sidebar is used only when the page has no search of its own.
    """
    journey.actor.search(text)


@step(parsers.re(r'I (?:write|type) "(?P<text>[^"]*)" (?:in|into) the '
                 r"(?:(?:text|rich-text|main|message|[A-Za-z]+['\u2019]s) )?(?:editor|text|body)"))
def write_in_editor(journey: Any, text: str) -> None:
    """When I write "Black and white, answers to Pepper" in the editor

    Type this text into the page's text editor: the largest box to write in, which often no label
    names (a rich-text editor, a wiki's text box), as in `the post's text`, `the text editor` or
    `the message body`.
    """
    journey.actor.write(text)


@step(parsers.re(r'I add (?:(?P<quantity>\d+) )?"(?P<name>[^"]+)"(?: tickets?| items?)? to (?:the|my) '
                 r"(?:cart|basket|bag|trolley|order)"))
def add_to_basket(journey: Any, name: str, quantity: str | None = None) -> None:
    """When I add 1 "Adult ticket" to the cart

    Set the quantity of the item with this name and press its add button (cart, basket, bag or
    order; without a number, one).
    """
    journey.actor.add_to_basket(name, int(quantity or 1))


@step(parsers.re(r'I upload "(?P<path>[^"]+)" (?:to|in|into|as) "(?P<label>[^"]+)"'))
def upload_file(journey: Any, empathy_settings: Settings, path: str, label: str) -> None:
    """When I upload "files/receipt.pdf" to "Attachments"

    Attach a file (relative to the project root) to the file field with this label.
    """
    file = Path(path) if Path(path).is_absolute() else empathy_settings.root / path
    if not file.is_file():
        raise FeatureError(f"cannot upload {path!r}: no such file at {file}",
                           hint="give a path relative to the project root")
    journey.actor.upload(label, str(file))


@step(parsers.re(r'I upload an? (?P<kind>photo|picture|image|document|file) (?:to|in|into|as) "(?P<label>[^"]+)"'))
def upload_sample(journey: Any, tmp_path: Path, kind: str, label: str) -> None:
    """When I upload a photo to "Photos"

    Attach a small generated sample file (a PNG image for photo/picture/image, a text file otherwise).
    """
    if kind in ("photo", "picture", "image"):
        file = tmp_path / "photo.png"
        file.write_bytes(tiny_png())
    else:
        file = tmp_path / "document.txt"
        file.write_text("A sample document uploaded by the empathy harness.\n", encoding="utf-8")
    journey.actor.upload(label, str(file))


_CHAT = r"I (?:tell|say to|write to|message|answer) the (?:assistant|bot|chat|agent|adviser|advisor)"


@step(parsers.re(rf'{_CHAT} "(?P<text>[^"]+)"'))
def tell_assistant(journey: Any, text: str) -> None:
    """When I tell the assistant "my parcel has not arrived"

    Type this message into the chat and send it (synonyms: say to, write to, message; bot, agent).
    """
    journey.actor.chat(text)


@step(parsers.re(rf"{_CHAT} my {DETAIL}"))
def tell_assistant_detail(journey: Any, detail: str) -> None:
    """When I tell the assistant my email address

    Send one of the persona's own details in the chat.
    """
    key, value = value_of(journey, detail)
    journey.actor.chat(value, data_key=key)


@step(parsers.re(r"I ask (?:to speak to|to talk to|for) (?:a person|a human|someone|an agent|a real person)"))
def ask_for_a_person(journey: Any) -> None:
    """When I ask to speak to a person

    Ask the chat for a human (synonyms: talk to, ask for; a human, someone, an agent).
    """
    journey.actor.ask_for_human()


@step(parsers.re(r"I wait (?:for )?(?P<seconds>\d+(?:\.\d+)?) seconds?"), converters={"seconds": float})
def wait_seconds(journey: Any, seconds: float) -> None:
    """When I wait 5 seconds

    Do nothing for this long (persona time: scaled by `time_scale`, recorded as a wait).
    """
    journey.actor.wait(seconds)


@step(parsers.re(r"I wait for the page to (?:load|finish|settle|respond)"))
def wait_for_page(journey: Any) -> None:
    """When I wait for the page to finish

    Wait until the page has answered the last action (bounded by the persona's patience).
    """
    journey.actor.wait_until_settled()
