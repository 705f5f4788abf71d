"""The journey as page visits: which step opened which page, why, and which field is which.

Why: two rules must agree on what "the same field" and "the same page visit" mean. A field re-shown
while the person is still filling the page is not asked again; the same field on a new visit after
going back or reloading is a memory question (lost-context), and a different field asking for the
same thing on a later page is a repeated prompt.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from harness.checks.patterns import has, squash, words

if TYPE_CHECKING:
    from harness.transcript import Control, Given, Message, Request, Step, Transcript, Wait

NAV_ACTIONS = ("goto", "back", "reload", "sign-in", "sign-out")
NOT_ASKING = {"hidden", "submit", "button", "reset", "image", "file"}  # controls that ask for no detail


@dataclass(frozen=True)
class Visit:
    """One stay on one page: its number, the step position it began at, and what brought the person there."""

    number: int
    start: int
    cause: str  # "start", "goto", "back", "reload", "sign-in", "sign-out", "navigate"
    nav_ms: float  # when the navigation began (0 when the transcript has no times)


def on_this_machine(url: str) -> bool:
    """The site is served from the machine the browser runs on (a loopback address): its answers slow with its load."""
    host = (urlsplit(url).hostname or "").lower()
    return host in ("localhost", "::1") or host.endswith(".localhost") or host.startswith("127.")


@lru_cache(maxsize=4096)
def path_of(url: str) -> str:
    """The page path of a URL ("/orders/new"), ignoring host, query and fragment."""
    if not url:
        return ""
    parts = urlsplit(url)
    return (parts.path or "/").rstrip("/") or "/"


def field_key(field: Control | Given) -> str:
    """A field's identity on its page: its name, else its id, else its selector; a field in a frame of its own (a
    popup's form laid over the page) is that frame's: its "email" box is not the page's."""
    key = f"name:{field.name}" if field.name else f"id:{field.id}" if field.id else f"sel:{field.selector}"
    return f"{field.frame} {key}" if field.frame else key


def control_identity(control: Control, step: Step, returned: Mapping[str, str] | None = None) -> tuple[str, str]:
    """The field as (page, key); on a page a form came back to with its errors (`returned`, see `sent_back`), the
    page it was sent from: the form is the same one, wherever its address."""
    path = path_of(control.url or step.url_after or step.url_before)
    return (returned or {}).get(path, path), field_key(control)


def sent_back(transcript: Transcript) -> dict[str, str]:
    """Page -> the page whose form was posted to it and came back there with its errors (a form on "/" posted to
    "/authenticate", a dialog's form posted to "/add", re-shown at that address): its fields are the ones the
    person filled, not new questions."""
    out: dict[str, str] = {}
    for step in transcript.steps:
        before, after = path_of(step.url_before), path_of(step.url_after)
        if before and after and before != after and has_error(step) and any(
                r.resource == "document" and r.method.upper() != "GET" and path_of(r.url) == after
                for r in step.requests):
            out.setdefault(after, before)
    return out


def given_identity(given: Given, step: Step) -> tuple[str, str]:
    return path_of(given.url or step.url_before or step.url_after), field_key(given)


def refused(control: Control) -> bool:
    """The box is shown as refused: told so (aria-invalid, the browser's own check) or drawn so by the site's class
    (a red border); which of the two a screen reader hears is the announcing checks' question, not this one."""
    return control.invalid or control.marked


def taken_in(message: Message, hears: bool) -> bool:
    """Whether the person took the message in: words shown to the eye, or, for a person with a screen reader, any
    the page's accessibility tree holds (a visually hidden "Loading content." beside a spinner is heard, not read)."""
    return message.visible or hears


def is_error(message: Message, step: Step) -> bool:
    """An error the person must deal with, not a hint: recorders tie hints to fields as they tie errors.

    A field message is an error when its control is invalid, it is announced as an alert, its own class draws it
    as one (a framework's error list above the box, nothing else tied), or (when
    no control says) its wording is an error's ("Enter a postcode", "… is not valid"). A warning on the
    page that answered a press, worded as an error ("Warning: The field Title is invalid"), is the answer
    to that press: an error, whatever the site calls it (a footer's warning is the site's own note). So is a
    plain paragraph worded as an error on the sign-in form a sign-in came back to ("The project you are trying
    to access do not exist"): the refusal, in markup that says nothing.
    """
    if message.kind == "error":
        return True
    if message.kind in ("warning", "text"):
        from harness.checks.patterns import has

        answered = has("error_words", message.text) and any(a.kind in ("click", "press", "sign-in")
                                                            for a in step.actions)
        if message.kind == "warning":
            return answered and message.landmark != "contentinfo"
        return (answered and message.visible and message.landmark not in SIDE_LANDMARKS and signs_in(step)
                and at_sign_in_form(step))
    if message.kind != "validation":
        return False
    if message.role == "alert" or message.live == "assertive":
        return True
    control = next((c for c in step.prompts if message.field and c.label == message.field), None)
    if message.marked or control is not None and refused(control):
        return True
    from harness.checks.patterns import has

    return (control is None or not any(refused(c) for c in step.prompts)) and has("error_words", message.text)


def shows_error(message: Message, step: Step) -> bool:
    """An error on the page the person must deal with after `step`: an alert, or an error by `is_error`'s reading.
    The one reading of "an error" that `Then I should see an error` and the checks (cold-copy's error moments, the
    announcing checks) share: a field's hint is none, a flash or a box the site names an error is one."""
    return message.kind == "alert" or is_error(message, step)


def has_error(step: Step) -> bool:
    """The step ended with an error message or an invalid control."""
    return any(refused(c) for c in step.prompts) or any(is_error(m, step) for m in step.messages)


def _navigation(step: Step) -> tuple[str, float] | None:
    """Why and when the step left its page, or None when it stayed."""
    navs = [a for a in step.actions if a.kind in NAV_ACTIONS]
    reload_habit = any(f.kind == "reload" for f in step.friction) or any(
        w.outcome == "reloaded" for w in step.waits)
    back_habit = any(f.kind == "back" for f in step.friction) or any(
        w.outcome == "went-back" for w in step.waits)
    moved = (any(w.navigated for w in step.waits) or any(r.resource == "document" for r in step.requests)
             or bool(step.url_before and step.url_after and step.url_before != step.url_after))
    if navs:
        last = max(navs, key=lambda a: a.at_ms)
        return last.kind, last.at_ms
    if reload_habit or back_habit or moved:
        starts = [w.started_ms for w in step.waits if w.navigated] + [
            r.started_ms for r in step.requests if r.resource == "document"]
        return ("reload" if reload_habit else "back" if back_habit else "navigate"), max(starts, default=0.0)
    return None


def visits(transcript: Transcript) -> list[Visit]:
    """The visit each step (by position) ended on."""
    out: list[Visit] = []
    current = Visit(0, 0, "start", 0.0)
    for pos, step in enumerate(transcript.steps):
        nav = _navigation(step)
        if nav is not None:
            current = Visit(current.number + 1, pos, nav[0], nav[1])
        out.append(current)
    return out


def answer_steps(steps: list[Step], vs: list[Visit], pos: int, window: int) -> list[Step]:
    """The steps on the page of the press at `pos` that show its answer: the next `window` steps, and after them
    those in which the person only reads (acts on nothing), as a notice that came late on a slow page did."""
    out: list[Step] = []
    for p in range(pos, len(steps)):
        if vs[p].number != vs[pos].number or (p >= pos + window and steps[p].actions):
            break
        out.append(steps[p])
    return out


def given_visit(step: Step, given: Given, visit: Visit, pos: int) -> int:
    """The visit a value was given on: before the step's navigation (fill, then submit) or after (go, then fill)."""
    if visit.start != pos or visit.cause == "start":
        return visit.number
    if visit.nav_ms > 0 and given.at_ms > 0:
        return visit.number - 1 if given.at_ms < visit.nav_ms else visit.number
    return visit.number if visit.cause in ("goto", "sign-in") else visit.number - 1


SIDE_LANDMARKS = frozenset({"complementary", "navigation", "banner", "contentinfo"})


def on_the_side(control: Control) -> bool:
    """The control is in a sidebar, header, navigation or footer: a form that stands on every page (a quick-add or
    look-up box), not the question the page itself asks."""
    return control.landmark in SIDE_LANDMARKS


def shown_back(steps: list[Step], value: str) -> bool:
    """What the person wrote (a sentence: a post, a comment, a note) is on the page as content now (said in one of
    `steps`, the visit so far, and not gone before the last began): a box shown empty beside it is for a new one,
    neither their answer lost nor asked for again."""
    said, since = squash(value), steps[-1].started_ms
    return len(words(value)) >= 3 and any(said in squash(m.text) for s in steps for m in s.messages
                                          if m.disappeared_ms is None or m.disappeared_ms >= since)


def asks_for_detail(control: Control) -> bool:
    """The control asks the person for something about them or their task (not a button, not a search query)."""
    return control.type.lower() not in NOT_ASKING and not control.query and control.type.lower() != "search"


def asks_on_page(control: Control) -> bool:
    """The control asks the person something on the page itself: not a button or a search, not a box the sidebar,
    header or footer keeps on every page."""
    return asks_for_detail(control) and not on_the_side(control)


def _address_words(url: str) -> str:
    parts = urlsplit(url or "")
    return f"{parts.path} {parts.query}".replace("/", " ").replace("-", " ").replace("=", " ").replace("&", " ")


def signs_in(step: Step, url: str = "") -> bool:
    """The step signs in (the catalogue's step, or pressing "Log in"), or the page at `url` is a sign-in page:
    credentials typed there prove who one is, they are no detail the task gave."""
    from harness.checks.patterns import has

    return any(a.kind == "sign-in" or (a.kind in ("click", "press") and has("sign_in", a.target))
               for a in step.actions) or has("sign_in", _address_words(url))


def sign_in_shaped(step: Step, form: str) -> bool:
    """The step's `form` asks for one password and one other thing to fill (an identifier, a username, an
    e-mail) and nothing more: a sign-in form, whatever its words ("Authentication", a "submit" button). A form
    that changes a value ("New email" with "Current password") has the same shape and is not one, nor is a
    sign-up page's ("Create account": an e-mail and a password)."""
    from harness.checks.patterns import has

    fields = [c for c in step.prompts if form and c.form == form and asks_for_detail(c)
              and c.type.lower() not in ("checkbox", "radio")]  # "Remember me" is no detail
    secrets = [c for c in fields if c.type.lower() == "password"]
    page = " ".join([step.title, *(m.text for m in step.messages if m.kind == "heading")])
    return (len(fields) == 2 and len(secrets) == 1 and "new-password" not in secrets[0].autocomplete
            and not any(has("changing_field", f"{c.label} {c.name}".replace("_", " ")) for c in fields)
            and not has("sign_up", page))  # "Create account" with an e-mail and a password: a sign-up


def into_sign_in_form(given: Given, step: Step) -> bool:
    """The value was typed into a sign-in-shaped form of the step's page (see `sign_in_shaped`)."""
    key = field_key(given)
    own = next((c for c in step.prompts if field_key(c) == key), None)
    return own is not None and sign_in_shaped(step, own.form)


def at_sign_in_form(step: Step) -> bool:
    """The step's page still shows a sign-in-shaped form with its password empty: the person is not in."""
    return any(c.type.lower() == "password" and not c.value and sign_in_shaped(step, c.form) for c in step.prompts)


def signs_out(step: Step) -> bool:
    """The person signed out in this step (the catalogue's step, or pressing a "Log out" link or button)."""
    from harness.checks.patterns import has

    return any(a.kind == "sign-out" or (a.kind in ("click", "press") and has("sign_out", a.target))
               for a in step.actions)


def asked_by_query(given: Given, step: Step) -> bool:
    """The value went into a search or look-up box (a control of the step that asks for no detail)."""
    for control in step.prompts:
        if field_key(control) == field_key(given):
            # so marked (type=search, a search landmark, a form sent by GET), or named as a search where no form
            # says so ("Search", "Find a project": a box the page's script answers as one types)
            return (control.query or control.type.lower() == "search"
                    or has("search_name", control.label or control.placeholder))
    return given.type.lower() == "search"


def speaker_labels(transcript: Transcript) -> list[str]:
    """Name labels a chat widget prints before every line ("Harbour assistant (automated) …").

    Why: recorded chat lines often start with the speaker's label; left in, it makes every question
    of one speaker look alike to the comparer. A label is the word prefix all of a speaker's (two or
    more) distinct lines share.
    """
    by_speaker: dict[str, set[str]] = {}
    for step in transcript.steps:
        for m in step.messages:
            if m.speaker and m.kind in ("chat", "handoff") and m.text.strip():
                by_speaker.setdefault(m.speaker, set()).add(m.text.strip())
    labels = []
    for texts in by_speaker.values():
        if len(texts) < 2:
            continue
        split = [t.split() for t in texts]
        common = []
        for column in zip(*split, strict=False):
            if len(set(column)) != 1:
                break
            common.append(column[0])
        if common and all(len(words) > len(common) for words in split):
            labels.append(" ".join(common))
    return sorted(labels, key=len, reverse=True)


def without_label(text: str, labels: list[str]) -> str:
    text = text.strip()
    for label in labels:
        if text.startswith(label + " "):
            return text[len(label):].strip(" :-")
    return text


def during(w: Wait, at_ms: float, slack_ms: float = 5.0) -> bool:
    """`at_ms` falls while the wait lasted (from `slack_ms` before it began: the page's clock stamps
    what the action set off a little before the harness's clock says the wait started)."""
    return w.started_ms - slack_ms <= at_ms <= w.started_ms + max(w.duration_ms, 1.0)


def requests_during(step: Step, w: Wait) -> list[Request]:
    """The requests sent while a wait lasted: the action's own (and its page's, after a navigation)."""
    return [r for r in step.requests if during(w, r.started_ms)]


IDENTIFIER = re.compile(r"(?<![\w-])[^\W\d_]\w*_\w*[^\W_](?![\w-])")  # a name written as code: "watering_run"


def names_read(text: str, steps: list[Step]) -> str:
    """The message as the person reads it: a name written as code ("watering_run") that the journey showed them as
    the name of a thing, in a heading or in the address of a page they were on ("Trigger: watering_run", /jobs/
    watering_run/), is that thing's name, read as its words, not jargon; one they never met ("volunteer_email", a
    field's code name) stays as written."""
    named = {seg for st in steps for url in (st.url_before, st.url_after) for seg in urlsplit(url).path.split("/")}
    named |= {w for st in steps for m in st.messages if m.kind == "heading" for w in IDENTIFIER.findall(m.text)}
    return IDENTIFIER.sub(lambda n: n.group(0).replace("_", " ") if n.group(0) in named else n.group(0), text)
