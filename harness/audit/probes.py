"""Probes: each flow the scout walked becomes scenarios of persona behaviour the checks understand.

Why catalogue steps only: the written features are the audit's own suite (`empathy run` replays them)
and a product owner's starting point (`empathy check` accepts them). The probes per form: fill in and
carry on (every persona), send it empty, one invalid value per kind of field, go back and reload mid-flow
(the first persona). Waiting as the persona would is `I wait for the page to finish` after each press;
double-submitting is the hurried persona's own habit. A button held back for safety is never pressed.
"""

from __future__ import annotations

from dataclasses import dataclass

from harness.audit.model import Field, Flow, FlowStep, Form, SiteMap, in_turn
from harness.audit.safety import stated_length
from harness.features.scaffold import slug

# (what a person gets wrong, the value) per kind of field; a browser's own date or number picker is skipped
INVALID: tuple[tuple[str, tuple[str, ...], str], ...] = (
    # no dot after the @: the browser's own check on an e-mail box lets it through, so the person meets the
    # site's own answer (a value without an @ only ever meets the browser's bubble)
    ("e-mail address", ("email",), "name@example"),
    ("date", ("date", "dob"), "32/13/2024"),
    ("phone number", ("phone", "tel", "mobile"), "12 34x"),
    ("postcode", ("postcode", "postal_code"), "??"),
    ("number", ("number", "quantity", "amount"), "many"),
)


SEARCH_WORDS = "help"  # what a person searches a site for when nothing else is to hand
NO_MATCH = "qzxv lantern"  # what a person searches for that no site has: a slip of the keys and a real word
WRONG_PASSWORD = "Wrong-pass-1"  # a mistyped password: a sign-in form's answer to it is the probe
# a name no account has (a person who forgot which name or e-mail they signed up with), as the box asks for it
UNKNOWN_NAME, UNKNOWN_EMAIL = "qzxv-lantern", "qzxv.lantern@example.org"
NEW_PASSWORD = "Lantern-walk-42"  # a new password, typed first as meant
# a new password too short for the form's stated rule (one character under it), else 3 characters: a slip people make,
# of every kind of character a rule may ask for, so length is what the site refuses
SHORT_PASSWORD, SHORT_UNSTATED = "L4-walkinglanternsbythesea", 3
ERROR_PAGES = 3  # pages met that answered with an error, each opened once (a broken link's, a missing page)


@dataclass
class Written:
    """One feature file's text, its name, and the flow it came from."""

    name: str
    text: str
    flow: Flow | None  # None: the pages that answered with an error, no form
    scenarios: int


def _kind(field: Field) -> tuple[str, str] | None:
    """(kind, invalid value) for a typed field whose meaning has a format a person can get wrong."""
    if field.type in ("date", "number", "month", "week", "time", "datetime-local"):
        return None  # the browser's own picker: a person cannot type a wrong value into it
    parts = {*field.info.split("|"), field.type}
    for kind, infos, value in INVALID:
        if parts & set(infos) or any(p.endswith("_date") for p in parts) and kind == "date":
            return kind, value
    return None


def _answer(step: FlowStep) -> list[str]:
    lines = [f'I choose "{option}" for "{question}"' for question, option in step.choices]
    lines += [f'I tick "{label}"' for label in step.ticks]
    fill = ["I fill in the form"] if step.form.fields else []  # a step of buttons only is pressed, not filled
    if step.details is not None:  # this form's fields alone, not a sidebar's beside it
        fill = ["I fill in the form:" + "".join(f"\n      | {label} | my {key.replace('_', ' ')} |"
                                                for label, key in step.details)] if step.details else []
    return [*lines, *fill, *(f'I enter "{value}" in "{label}"' for label, value in step.entries),
            *(f'I enter "{NEW_PASSWORD}" in "{label}"' for label in step.form.new_passwords)]


def _press(step: FlowStep) -> list[str]:
    return [f'I press "{step.form.button}"', "I wait for the page to finish"]


def _a(word: str) -> str:
    return f"{'an' if word[:1].lower() in 'aeiou' else 'a'} {word}"


def _scenario(title: str, persona: str, body: list[str], then: list[str]) -> list[str]:
    out = [f"  Scenario: {title}" if persona != "<persona>" else f"  Scenario Outline: {title}",
           f'    Given I am "{persona}"']
    for i, line in enumerate(body):
        out.append(f"    {'When' if i == 1 else 'And'} {line}")
    for i, line in enumerate(then):
        out.append(f"    {'Then' if i == 0 else 'And'} {line}")
    return [*out, ""]


def signing_in(account: str = "") -> list[str]:
    """Sign in with the persona's account, in the password's own form; or as the account the sign-in page named."""
    return [f'I sign in as "{account}"' if account else "I sign in", "I wait for the page to finish"]


def _open(form: Form) -> list[str]:
    """Open the form's page, signing in first on the page the scout signed in on (as `Scout._sign_in_here`),
    and press the button that shows it when it is a dialog's."""
    shown = [f'I press "{form.opener}"'] if form.opener else []
    if form.sign_in:
        return [f'I open "{form.sign_in}"', *signing_in(form.account), f'I open "{form.path}"', *shown]
    return [f'I open "{form.path}"', *shown]


def _carry_on(flow: Flow, personas: list[str]) -> list[str]:
    """Every persona fills the flow in and carries on; a single-page app's search box (no form, its nearby
    buttons a widget's) is searched with the catalogue's step instead."""
    if not personas:
        return []
    body = _open(flow.start)
    first = flow.steps[0]
    if first.form.method == "script" and first.form.search:  # a single-page app's box: typed, then searched
        words = first.entries[0][1] if first.entries else SEARCH_WORDS
        body += [f'I search for "{words}"', "I wait for the page to finish"]
    else:  # a form: filled and sent, page by page, up to a button held back
        for step in flow.steps:
            body += _answer(step)
            if step.held_back:
                break
            body += _press(step)
    lines = _scenario("The <persona> person fills in the form and carries on", "<persona>", body,
                      ["the journey should feel considerate"])
    table = ["    Examples:", "      | persona |", *(f"      | {p} |" for p in personas), ""]
    return [*lines[:-1], "", *table]


def _probes(flow: Flow, persona: str) -> list[list[str]]:
    first = flow.steps[0]
    opened = _open(first.form)
    who = _a(persona).capitalize()
    if first.held_back:  # its button is pressed only with the form empty (the step refuses a form holding answers)
        sent = [*opened, f'I send the form empty with "{first.form.button}"', "I wait for the page to finish"]
        return [_scenario(f"{who} person sends the form empty", persona, sent,
                          ["every message should be kind", "I should be reassured while I wait"])
                ] if first.form.sendable_empty else []
    if first.form.method == "script" and first.form.search:  # a box, no form: its only slip is the search
        return _slips(first, opened, who, persona)
    # sent empty, unless the browser refuses to send it (its own bubble is all the person would meet, and the checks
    # do not judge the browser's words): a short budget goes to the probes the site answers; nor when the page filled in
    # every box (nothing empty is sent: it is carrying on again)
    empty = [] if first.form.refuses_empty or first.form.filled_in else [
        _scenario(f"{who} person sends the form empty", persona, [*opened, *_press(first)],
                  ["every message should be kind", "I should be reassured while I wait"])]
    # a search box is pressed empty last: a person searches for words, and its answer to words it has not got is
    # the probe a stopped run should have tried (an empty search most often just lists everything)
    out = [] if first.form.search else empty
    pressed = [s for s in flow.steps if not s.held_back]
    reload: list[list[str]] = []
    if not (flow.held_back or flow.shown_again) and pressed[-1].form.method == "post" and not first.form.signs_in:
        # the page a sent form ended on (not the form back with its errors), reloaded: with no redirect after the
        # POST it sends the form again. Second, as the other probe that makes nothing up: a run the budget stops
        # has still tried it (a flow held back on its way, a long checkout, is not walked again for it). After a
        # flow of several pages it walks them all, the dearest probe: there it follows the wrong values (a
        # checkout's wrong e-mail on its third page came after it, and a stopped run had not reached it)
        walked = [line for s in pressed for line in (*_answer(s), *_press(s))]
        # a finished order or submission: also back over it, then its first page again (a second ticket?): does the
        # site say it was done, or treat the person as if nothing had happened? One walk for both: a second whole
        # checkout was never reached at load 21 to 56 (pretix's "Your cart is empty" after its order)
        again = [] if len(pressed) == 1 else ["I go back", "I wait for the page to finish",
                                              f'I open "{first.form.path}"', "I wait for the page to finish"]
        title = "reloads the page the form's answer came on" + (", goes back and starts again" if again else "")
        reload.append(_scenario(f"{who} person {title}", persona,
                                [*opened, *walked, "I reload the page", "I wait for the page to finish", *again],
                                ["the journey should feel considerate"]))
    if len(pressed) == 1:
        out += reload
    seen: set[str] = set()
    before = list(opened)  # every page of the flow: its wrong values come after the earlier pages are answered
    for step in [s for s in flow.steps if not s.held_back]:
        # a sign-in's wrong e-mail is one more name no account has: its own slips (`_slips`) are its wrong values
        for field in [] if step.form.signs_in else step.form.fields:
            found = _kind(field) if field.typed else None
            if found is None or found[0] in seen:
                continue
            kind, value = found
            seen.add(kind)
            body = [*before, *_answer(step), f'I enter "{value}" in "{field.label}"', *_press(step)]
            out.append(_scenario(f'{who} person gives a wrong {kind} in "{field.label}"', persona, body,
                                 ["nothing I said should be lost", "every message should be kind"]))
        before += [*_answer(step), *_press(step)]
    if len(pressed) > 1:
        out += reload
    out += _slips(first, opened, who, persona) + (empty if first.form.search else [])
    if pressed and len(flow.steps) > 1:  # mid-flow: the press led to the next form; after the end, a fresh form is fine
        body = list(opened)
        for step in pressed[:2]:
            body += [*_answer(step), *_press(step)]
        body += ["I go back to check my answers", "I reload the page"]
        out.append(_scenario(f"{who} person goes back to check and reloads mid-flow", persona, body,
                             ["nothing I said should be lost"]))
    return out


def _slips(first: FlowStep, opened: list[str], who: str, persona: str) -> list[list[str]]:
    """The slips a person makes on a search box, a sign-in or a new password: a search that finds nothing, a
    mistyped password or a name no account has (which e-mail did I sign up with?), a confirmation that does not
    match."""
    form, out = first.form, []
    passwords = [f.label for f in form.fields if f.type == "password"]
    if form.search and form.fields:
        # a form's own box and button; a single-page app's box (no form) as the catalogue's search step finds it
        body = ([*opened, f'I search for "{NO_MATCH}"', "I wait for the page to finish"] if form.method == "script"
                else [*opened, f'I enter "{NO_MATCH}" in "{form.fields[0].label}"', *_press(first)])
        out.append(_scenario(f"{who} person searches for something the site does not have", persona, body,
                             ["every message should be kind", "I should be reassured while I wait"]))
    if form.signs_in:
        body = [*opened, *_answer(first), f'I enter "{WRONG_PASSWORD}" in "{passwords[0]}"', *_press(first)]
        out.append(_scenario(f"{who} person mistypes the password", persona, body,
                             ["nothing I said should be lost", "every message should be kind"]))
        name = next((f for f in form.fields if f.typed and f.type != "password"), None)
        if name is not None:
            unknown = UNKNOWN_EMAIL if name.type == "email" or "email" in name.info.split("|") else UNKNOWN_NAME
            body = [*opened, *_answer(first), f'I enter "{unknown}" in "{name.label}"', *_press(first)]
            out.append(_scenario(f"{who} person signs in with a name the site does not know", persona, body,
                                 ["nothing I said should be lost", "every message should be kind"]))
    elif len(passwords) >= 2:
        body = [*opened, *_answer(first), f'I enter "{WRONG_PASSWORD}" in "{passwords[1]}"', *_press(first)]
        out.append(_scenario(f"{who} person types the new password differently the second time", persona, body,
                             ["nothing I said should be lost", "every message should be kind"]))
        if not form.sign_in:  # signing up, signed out: one too short for the site's rule, and a person who forgot
            short = _too_short(form)
            body = [*opened, *_answer(first), *(f'I enter "{short}" in "{label}"' for label in passwords[:2]),
                    *_press(first)]
            out.append(_scenario(f"{who} person picks a new password too short for the site", persona, body,
                                 ["nothing I said should be lost", "every message should be kind"]))
            once = [*_answer(first), *_press(first)]
            out.append(_scenario(f"{who} person who already signed up signs up again", persona,
                                 [*opened, *once, *opened, *once], ["every message should be kind"]))
    return out


def _too_short(form: Form) -> str:
    """A new password one character under the length the form states beside its boxes, else 3 characters."""
    said = " ".join(f"{f.hint} {f.placeholder}" for f in form.fields if f.type == "password")
    stated = stated_length(f"{said} {form.words}")
    return SHORT_PASSWORD[:stated - 1 if stated > 1 else SHORT_UNSTATED]


def feature_for(flow: Flow, n: int, personas: list[str], site: SiteMap, signers: list[str] | None = None) -> Written:
    """The feature file of one walked flow: its journey tag, what was held back, and its scenarios.

    Only a persona with an account carries on through a sign-in form: one without would press "Sign in"
    with no password, which no person does (the first persona still probes it empty and with a wrong value).
    A sign-up form is walked and probed by the personas without one, who are the people signing up (the
    one who already has an account is the sign-up-again probe)."""
    form = flow.start
    journey = slug(f"{form.path} {form.button}")[:60] or f"form-{n}"
    title = f'{form.words or form.path}: "{form.button}"'
    lines = [f"@journey:{journey} @audit", f"Feature: {title}",
             f"  Written by `empathy audit` from a walk of {site.base_url} (seed {site.seed}),",
             f"  starting at {form.path}. Keep, edit and gate on it like any feature."]
    held = [s for s in flow.steps if s.held_back]
    for step in held:
        lines.append(f'  Held back: "{step.form.button}" on {step.form.path} was not pressed, because '
                     f"{step.held_back}; `empathy audit --submit` presses it (staging sites only).")
    lines.append("")
    walkers = [p for p in personas if p in (signers or [])] if form.signs_in else personas
    if form.signs_up:
        walkers = [p for p in personas if p not in (signers or [])] or personas
    # the probes first: a run the time budget stops has tried each kind of slip before every persona walks it
    scenarios = [b for b in (*_probes(flow, (walkers if form.signs_up else personas)[0]), _carry_on(flow, walkers))
                 if b]
    for block in scenarios:
        lines += block
    return Written(name=f"{n:02d}-{journey}.feature", text="\n".join(lines).rstrip() + "\n", flow=flow,
                   scenarios=len(walkers) + len(scenarios) - int(bool(walkers)))


def error_pages_feature(site: SiteMap, persona: str) -> Written | None:
    """The pages the scout met that answered with an error status (a broken link, a missing page), opened as a
    person who follows the link: what they read there is judged as any page's words are."""
    pages = site.error_pages[:ERROR_PAGES]
    if not pages:
        return None
    lines = ["@journey:error-pages @audit", "Feature: Pages that answered with an error",
             f"  Written by `empathy audit` from a walk of {site.base_url} (seed {site.seed}): the pages whose",
             "  address answered with an error, read as a person who followed a link there reads them.", ""]
    for path, status in pages:
        lines += _scenario(f"{_a(persona).capitalize()} person opens {path} (the site answered {status})", persona,
                           [f'I open "{path}"'], ["every message should be kind"])
    return Written(name="00-error-pages.feature", text="\n".join(lines).rstrip() + "\n", flow=None,
                   scenarios=len(pages))


def sign_out_feature(site: SiteMap, persona: str) -> Written | None:
    """The persona with an account signs out when done, as a person ends a visit: what the page then says is
    judged. The scout never follows a sign-out link or button (it would end its own session); the feature signs
    out at the end of its own journey."""
    if site.sign_out is None:
        return None
    signed_in_on, page = site.sign_out
    lines = ["@journey:sign-out @audit", "Feature: Signing out",
             f"  Written by `empathy audit` from a walk of {site.base_url} (seed {site.seed}): a person with an",
             "  account signs in, and signs out when done.", ""]
    lines += _scenario(f"{_a(persona).capitalize()} person signs out when done", persona,
                       [f'I open "{signed_in_on}"', *signing_in(site.account), f'I open "{page}"', "I sign out",
                        "I wait for the page to finish"],
                       ["every message should be kind", "I should be reassured while I wait"])
    return Written(name="00-sign-out.feature", text="\n".join(lines).rstrip() + "\n", flow=None, scenarios=1)


def features_for(site: SiteMap, personas: list[str], signers: list[str] | None = None) -> list[Written]:
    """One feature per walked flow, in the order the run should spend its budget on them (it may stop).

    Each kind of form in turn (a form to fill, a sign-in, a search), longer flows and bigger forms first
    within a kind, so a short budget still probes one of each; controls outside any form come last (on a
    page with real forms they are most often widgets). A flow found after signing in is walked only by
    the personas with an account (`signers`)."""
    flows = [f for f in site.flows if f.steps and (signers or not f.start.sign_in)]
    flows.sort(key=lambda f: (-len(f.steps), -len(f.start.fields)))
    flows = in_turn(flows, lambda f: f.start.kind)
    written = [feature_for(flow, i + 1, (signers or []) if flow.start.sign_in else personas, site, signers)
               for i, flow in enumerate(flows)]
    errors = error_pages_feature(site, personas[0]) if personas else None  # first: one page each, quick to run
    leaving = sign_out_feature(site, signers[0]) if signers else None  # one scenario, quick too
    return [w for w in [errors, leaving, *written] if w is not None and w.scenarios]  # a sign-in no one walks: none
