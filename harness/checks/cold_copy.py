"""cold-copy: a message at a hard moment states logic but does not acknowledge the person.

Why: guidance (GOV.UK, NN/g, Microsoft, Mailchimp) asks error, status and confirmation copy to be
specific, blame-free, calm and to say what to do next. The judgement itself is the copy scorer's
(`harness.language.copy`); this rule decides which messages count, and how much a cold one hurts
this persona at this moment: more for someone anxious, after a failed payment or repeated
errors, and when the same cold message is shown again.

Which messages count (and which are someone else's finding, or no hard moment) is `_collect`'s docstring.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import reduce
from typing import TYPE_CHECKING, Any

from harness.checks.base import Threshold, rule_from
from harness.checks.context import Context, distress, escalate
from harness.checks.faults import (
    MAX_PAGE_CHARS,
    as_fault_page,
    dead_end,
    drawn_fault,
    failed_by_server,
    fault_page,
)
from harness.checks.notes import badge_or_footnote, cold_notes, in_a_label
from harness.checks.pages import Visit, asks_on_page, during, is_error, names_read, path_of, taken_in, visits
from harness.checks.patterns import has, labelled_lines, pattern, references, stable_text
from harness.checks.status_copy import TYPING, brief, busy_word, shown_ms, status_kind, under_way
from harness.checks.submissions import WRITE_METHODS, final_submissions, saved_as_said
from harness.checks.untrue import asked_though_given
from harness.language.copy_rules import Reason
from harness.language.copy_suggest import site_name

if TYPE_CHECKING:
    from harness.config import Settings
    from harness.findings import Finding
    from harness.transcript import Message, Step, Transcript

META: dict[str, Any] = {
    "id": "cold-copy",
    "impact": "moderate",
    "weight": 2.0,  # the empathy score's weight
    "tags": ["wcag331", "wcag333", "copy", "tone"],
    "help": "Speak to the person, not about the system",
    "description": "Ensure error, validation, status, timeout, hand-off and confirmation messages are specific, "
                   "free of codes and blame, and say what the person can do next.",
    "how_to_fix": "Say what happened in plain words, in the field's own words, what the person can do now, "
                  "and how to reach someone; drop codes, blame, capitals and jokes.",
    "messages": {
        "passed": "Every message at a hard moment acknowledged the person.",
        "failed": "At step {step} the {kind} message \"{text}\" reads cold ({reasons}).",
        "cantTell": "At step {step} the {kind} message \"{text}\" may read cold ({reasons}).",
        "failed.note": "At step {step} the page's note by the form or its answer \"{text}\" reads cold ({reasons}).",
    },
    "thresholds": {
        "anxious_silence_ms": Threshold(4000, "A persona whose patience.silence_ms is at or below this worries "
                                              "quickly: cold copy hurts them one level more."),
        "fragile_attempts": Threshold(1, "A persona whose failed_attempts_before_help is at or below this gives "
                                         "up after errors: cold copy hurts them one level more."),
        "repeated_errors": Threshold(2, "Error moments before this one after which the person is distressed."),
        "repeated_shows": Threshold(2, "Times the same cold message is shown before it counts as repeated."),
        "brief_status_ms": Threshold(1000, "A status under way (\"Loading...\") gone within this is too quick "
                                           "to read: it is not judged."),
    },
}

KINDS = ("validation", "error", "alert", "warning", "timeout", "status", "handoff", "confirmation", "toast")
# criteria another rule owns for a kind (missing-reassurance: a confirmation's reference, next step and timing)
OWNED_ELSEWHERE = {"confirmation": frozenset({"E6", "E8"})}
NEXT_STEP, SHOUTING, GENERIC = "E6", "E3", "E5"
SUMMARY = "error summary"  # judged as validation copy; its heading may be generic ("There is a problem")
BANNER = "error banner"  # a banner over the fields' own errors, not repeating them: validation copy that lists nothing
GUARD = "submission guard"  # judged as status copy; a cold one is an open question (cantTell), never a failure
SCORED_AS = {SUMMARY: "validation", BANNER: "validation", GUARD: "status"}
# the copy scorer's kinds for the transcript's roles: a warning, like an alert, must say what to do
KIND_FOR = {"toast": "status", "alert": "error", "warning": "error", "text": "error"}  # text: see _refusal
PAGE_KINDS = ("confirmation", "heading", "text", "status")
# a sign-in refused is the person's typing judged, not a fault: nothing was lost (E9), and a way to a person after
# repeated failures is missing-reassurance's (E8); what it must still do is say what to do (E6) without blame (E2)
REFUSED_SIGN_IN = frozenset({"E8", "E9"})
# a fault on a page the person only opened by its address, having sent nothing there: no answers to account for
# (E9), and a missing page's way on is a link, not a person to reach (E8; a server's fault still owes one)
ONLY_OPENED = frozenset({"E8", "E9"})
SUMMARY_HEADING_WORDS = 12  # an error summary's own words besides its list: a heading, not an explanation


@dataclass
class Shown:
    """One distinct message: where it first appeared and how often it was shown again."""

    step: Step
    pos: int
    message: Message
    kind: str
    times: set[tuple[int, float]] = field(default_factory=set)
    cut_short: bool = False  # seen only as the recording ended: whether it was an answer cannot be told (cantTell)
    opened: bool = False  # on a page opened by its address, where the person sent nothing


def _confirmation_page(step: Step, first: Message) -> Message:
    """A confirmation is the page the person reads (panel, reference, "what happens next"), not one line; but a
    banner over a page that still asks (the form just saved, the sign-in page a reset lands on) is read alone: that
    page's headings, notes and help texts are its form's words, not the answer. So is a notice under the heading of
    a page that is about something else (a "Your feedback was sent" over the About page, "You were registered" over
    the dashboard): the page opens with its own heading, not with the answer, and its words are its own, even one
    worded as thanks ("Thank you for using it!" on that About page)."""
    from harness.transcript import Message as Msg

    on_page = [m for m in step.messages if m.url == first.url and m.speaker != "user" and m.text.strip()]
    opening = next((m for m in on_page if m.kind in PAGE_KINDS), None)
    alone = any(asks_on_page(c) for c in step.prompts) or (opening is not None and opening.kind == "heading")
    parts = [first.text.strip()] if alone else [m.text.strip() for m in on_page if m.kind in PAGE_KINDS]
    text = " ".join(dict.fromkeys(parts))[:MAX_PAGE_CHARS]
    return Msg(text=text, kind="confirmation", selector=first.selector, url=first.url,
               appeared_ms=first.appeared_ms)


def _collect(transcript: Transcript, brief_ms: float, hears: bool = False) -> list[Shown]:
    """The messages at hard moments the person read, one per text and kind per visit.

    Words kept for a screen reader (a visually hidden live region's "… loaded", a spinner's hidden "Loading …") are
    read only by a person who `hears` them: a sighted person saw the spinner, not the words.

    One defect, one rule: a confirmation's missing reference, next step or timing after a submission is missing-
    reassurance's finding, so cold-copy reports that confirmation only for its tone. An empty result that answers
    the person's search or press is a hard moment too. A status owes a time only while something is under way; a
    short label in a status region ("Sidebar") is no status at all, and a status region that carries an error is
    read as the error it is; a status that is under way and gone within a second (a brief "Loading...") is the
    busy signal doing its job, too quick to read (NN/g's one-second limit); so is an empty result replaced within
    that second (a search still running as the person typed; one the journey ended on sooner is an open question).
    A progress word while a look-up is under way (results loading as the person types, a page that only reads) is
    the busy signal, not a hard moment: whether it came soon enough, and whether a long wait owed a time, is
    missing-reassurance's. Notes beside a form are judged for tone only (`notes`). A warning of one or two
    words is a badge on a value ("Out of stock"), and a warning in the page's footer is the site's own note (a
    version or test-environment line): neither answers the person. One exclamation mark, or capitals that are a
    reference ("Order WAMBQ"), is not shouting. An error summary over the fields' own errors (GOV.UK, USWDS) is
    validation copy, not a fault: it owes no apology, phone number or word on what was kept. A browser dialog that
    says the sending is under way ("Your request is being processed") is the site's guard against a second
    submission (the persona's double click): the person's first press goes on, so its wording is at most an open
    question, never a failed error. A page's errors shown together after one action (two boxes) are one message,
    judged once, as the person reads them. A sign-in refused ("Incorrect username or password") is the person's
    typing judged, not a fault: it owes no word on what was kept and no phone number (a way to a person after
    repeated failures is missing-reassurance's), but it must still say what to do, without blame.
    """
    from harness.transcript import Message as Msg

    shown: dict[tuple[str, str, str], Shown] = {}
    end_ms = transcript.steps[-1].ended_ms if transcript.steps else 0.0
    for pos, (step, visit) in enumerate(zip(transcript.steps, visits(transcript), strict=True)):
        acted = any(a.kind in ("click", "press", "fill", "choose") for a in step.actions)
        ended = {id(m): dead_end(m, step, acted) for m in step.messages}  # an empty result answering the person
        msgs = [_summary(m, step) or _guard(m) or (m, "empty" if m.kind == "text" and ended[id(m)] else _read_as(m))
                for m in step.messages
                if (m.kind in KINDS and m.kind != "confirmation" or ended[id(m)] or _refusal(m, step))
                and m.text.strip() and taken_in(m, hears)
                and (m.kind != "validation" or is_error(m, step))  # a field's hint is not an error message
                and not m.browser_validation  # the browser's own words: the site cannot reword them
                and not badge_or_footnote(m) and not brief(m.text, shown_ms(m), brief_ms, m.kind)
                and not (m.kind == "status" and any(busy_word(m.text, step, w) for w in step.waits
                                                     if during(w, m.appeared_ms)))]
        if fault_page(step) or (visit.cause == "goto" and drawn_fault(step)):
            msgs = as_fault_page(step, msgs)
        confirmations = [m for m in step.messages if m.kind == "confirmation" and m.text.strip() and taken_in(m, hears)
                         and not in_a_label(m, step)]
        if confirmations:
            msgs.append((_confirmation_page(step, confirmations[0]), "confirmation"))
        texts = {m.text for m, _ in msgs} | {m.text for m in confirmations}  # judged once, as the page
        for w in step.waits:  # status lines shown during a wait count as status copy
            for text in w.status_texts:
                if (text.strip() and text not in texts and not brief(text, w.duration_ms, brief_ms)
                        and not busy_word(text, step, w)):
                    msgs.append((Msg(text=text, kind="status", url=step.url_after, appeared_ms=w.started_ms),
                                 "status"))
        msgs = _together([(m, status_kind(m.text) if kind == "status" else kind) for m, kind in msgs])
        for m, kind in msgs:
            if kind == "":
                continue  # a label in a status region, not a status
            key = (m.text.strip(), "error" if kind == BANNER else kind, m.field)  # one banner, with or without fields
            short = _cut_short(m, step, end_ms, brief_ms)
            entry = shown.setdefault(key, Shown(step, pos, m, kind, cut_short=short,
                                                opened=_only_opened(transcript.steps, visit, pos)))
            entry.cut_short = entry.cut_short and short
            entry.times.add((visit.number, m.appeared_ms))
    return list(shown.values())


def _only_opened(steps: list[Step], visit: Visit, pos: int) -> bool:
    """The person opened the page by its address and sent nothing on it (no answers typed, no form posted; a page's
    own beacon, a visit counter's, or a question whether it may send, OPTIONS or HEAD, is none of theirs)."""
    stay = steps[visit.start: pos + 1]
    return visit.cause == "goto" and not any(s.given for s in stay) and not any(
        r.method.upper() in WRITE_METHODS and r.resource != "ping" for s in stay for r in s.requests)


def _cut_short(m: Message, step: Step, end_ms: float, brief_ms: float) -> bool:
    """An empty result that came as the person typed, before any look-up of it was answered, and was still there
    when the recording ended within `brief_ms`: a search still running and its answer cannot be told apart."""
    typed = [a.at_ms for a in step.actions if a.kind in TYPING]
    if not typed or len(typed) < len(step.actions) or m.kind != "empty" or m.disappeared_ms is not None:
        return False
    answered = any(r.started_ms >= min(typed) and r.status is not None
                   and r.started_ms + (r.duration_ms or 0.0) <= m.appeared_ms for r in step.requests)
    return not answered and 0 <= end_ms - m.appeared_ms < brief_ms


def _together(msgs: list[tuple[Message, str]]) -> list[tuple[Message, str]]:
    """A page's errors shown together after one action are one message, read as one: "Sorry, a user with this
    login already exists." over "The user could not be created." (a box whose words another box repeats
    counts once). Field errors, the browser's own dialogs, the lines a box labels one by one and the items of a box
    that is a list ("Email is invalid", "Login has already been taken") stay apart: each is read on its own."""
    apart: list[tuple[Message, str]] = []
    pages: dict[str, list[Message]] = {}
    for m, kind in msgs:
        lines = (m.items or labelled_lines(m.text)) if kind == "error" and not m.field and not m.dialog else []
        if lines:
            apart.extend((m.model_copy(update={"text": line, "items": []}), kind) for line in lines)
        elif kind == "error" and not m.field and not m.dialog:
            pages.setdefault(m.url, []).append(m)
        else:
            apart.append((m, kind))
    for shown in pages.values():
        texts = list(dict.fromkeys(m.text.strip() for m in shown))
        kept = [t for t in texts if not any(t != o and t in o for o in texts)]
        apart.append((shown[0].model_copy(update={"text": " ".join(kept)}), "error"))
    return apart


def _summary(m: Message, step: Step) -> tuple[Message, str] | None:
    """An error summary (GOV.UK, USWDS: "There is a problem" over a list of the fields' own errors) is validation
    copy, one sentence per line: each line says what to fix, and a person who only typed a wrong answer needs no
    apology for a fault, no phone number and no word on what was kept. A banner of a heading's length over field
    errors it does not repeat is validation copy too: a summary when it points to them ("Please correct the errors
    below."), else judged for what it names ("There were errors.": nothing).
    None when `m` is no such thing: an alert with no field error on its step, or more than a heading."""
    if m.kind not in ("error", "alert", "warning") or m.field:
        return None
    fields = [v.text.strip() for v in step.messages if v is not m and v.kind == "validation" and is_error(v, step)]
    items = [line for line in filter(None, fields) if line in m.text]
    heading = " ".join(reduce(lambda text, line: text.replace(line, " "), items, m.text).split())
    if not any(fields) or len(heading.split()) > SUMMARY_HEADING_WORDS:
        return None
    # a pointer to the fields' errors does what a summary's list does; a bare "There were errors." does not
    if not items:
        return (m, SUMMARY) if has("points_to_fields", heading) else (m, BANNER)
    lines = [x.rstrip(".") + "." for x in (heading, *dict.fromkeys(items)) if x]
    return m.model_copy(update={"text": " ".join(lines)}), SUMMARY


def _read_as(m: Message) -> str:
    """The copy scorer's kind: an alert or a warning that says no error ("There are 6 matching pages") is a status."""
    worded = m.kind not in ("alert", "warning") or status_kind(m.text) == "error"
    return KIND_FOR.get(m.kind, m.kind) if worded else "status"


def _guard(m: Message) -> tuple[Message, str] | None:
    """A browser dialog that only says the sending is under way: the site holding back a second submission."""
    if m.dialog and under_way(m.text):
        return m, GUARD
    return None


def _refusal(m: Message, step: Step) -> bool:
    """A plain paragraph that is the page's answer to a press, worded as an error (a refused sign-in in a `<p>`)."""
    return m.kind == "text" and not m.own and is_error(m, step)


def _excused(kind: str, text: str, owned: bool) -> frozenset[str]:
    """Criteria whose breach is not this rule's defect for this message (see the module's docstring); `owned`:
    another rule judges this moment (missing-reassurance, a confirmation after a submission), or nothing follows it
    (the person's own details saved, `details_saved`)."""
    out = set(OWNED_ELSEWHERE.get(kind, ()) if owned else ())
    if kind == SUMMARY:
        out.add(GENERIC)  # the list under the heading names each field and what to do
    if kind == "status" and not has("pending", text):
        out.add(NEXT_STEP)
    caps = [w for w in re.findall(r"[^\W\d_]{4,}", text) if w.isupper()]
    refs = " ".join(references(text))
    if text.count("!") <= 1 and all(w in refs for w in caps):
        out.add(SHOUTING)
    return frozenset(out)


def _own_words(m: Message, step: Step) -> tuple[str, str]:
    """The message's own words and the field it is about: an error printed after its field's label ("Project
    identifier: This project does not exists", as many frameworks list them) is judged on what follows the label,
    with the label as its field; the label names the field, it says nothing to the person."""
    text = m.text.strip()
    for label in dict.fromkeys([m.field, *(c.label for c in step.prompts)]):
        head = f"{label.strip()}:"
        if len(head) > 1 and text.casefold().startswith(head.casefold()) and text[len(head):].strip():
            return text[len(head):].strip(), label.strip()
    return text, m.field


def _context_for(step: Step, m: Message) -> dict[str, Any]:
    page = " ".join(x.text for x in step.messages)
    phone = pattern("human_route").search(page)
    ctx: dict[str, Any] = {}
    if phone and any(ch.isdigit() for ch in phone.group(0)):
        ctx["phone"] = phone.group(0).strip()
    refs = references(page)
    if refs:
        ctx["reference"] = refs[0]
    control = next((c for c in step.prompts if m.field and c.label == m.field), None)
    if control is not None:
        ctx["type"] = control.type
    # the page's own words for the rewrite (harness.language.copy_suggest): never the demo's
    ctx.update(text=m.text, site=site_name(step.title),
               button=next((a.target for a in reversed(step.actions) if a.kind == "click"), ""),
               fields=[c.label for c in step.prompts  # the form's own fields, not the site's search box
                       if c.label and c.type not in ("checkbox", "radio", "hidden", "search") and not c.query])
    return ctx


def evaluate(transcript: Transcript, persona: Any, settings: Settings) -> Iterator[Finding]:
    """Score every message in an error, status, timeout, hand-off or confirmation role; report cold ones."""
    from harness.checks.pages import signs_in
    from harness.language.copy import score_many

    ctx = Context(RULE, transcript, persona, settings)
    yield from cold_notes(ctx)  # the page's instructions and notices beside a form: judged for tone only
    shown = _collect(transcript, ctx.threshold("brief_status_ms"), ctx.trait("assistive.screen_reader", False))
    if not shown:
        return
    scores = score_many([{"text": names_read(text, transcript.steps[: s.pos + 1]),
                          "kind": SCORED_AS.get(s.kind, s.kind), "field": field,
                          "context": _context_for(s.step, s.message)}
                         for s in shown for text, field in [_own_words(s.message, s.step)]])
    anxious = (ctx.trait("patience.silence_ms", 10000) <= ctx.threshold("anxious_silence_ms")
               or ctx.trait("patience.failed_attempts_before_help", 3) <= ctx.threshold("fragile_attempts"))
    submitted = final_submissions(transcript.steps)
    for s, sc in zip(shown, scores, strict=True):
        owned = any(0 <= s.pos - p <= 1 for p in submitted) or saved_as_said(transcript.steps[: s.pos + 1], s.kind,
                                                                              s.message.text)
        excused = _excused(s.kind, s.message.text, owned)
        if s.kind in ("error", "alert") and signs_in(s.step, s.step.url_after):
            excused |= REFUSED_SIGN_IN
        if s.message.links:
            excused |= {NEXT_STEP}  # a link inside the message is its way on ("the Drafts page")
        if s.kind == "error" and s.opened:
            excused |= ONLY_OPENED - ({"E8"} if failed_by_server(s.step) else set())
        broken = [r for r in sc.reasons if not r.ok and r.code not in excused]
        untrue = asked_though_given(s.message, transcript.steps, s.pos)
        if untrue:
            broken.append(Reason(GENERIC, False, f"Asks for \"{untrue}\", which the person gave: it does not say "
                                                 "what was wrong with it.", "generic"))
        elif sc.verdict == "warm" or (sc.broken and not broken) or (
                not broken and s.kind == "validation" and has("stated_limit", s.message.text)):
            continue  # warm, or cold only for what another rule reports or what does not apply here, or a field's
            # limit said plainly ("Username cannot be longer than 14 characters."): what to fix, cold by the model alone
        reasons = "; ".join(r.detail for r in broken) or "reads as system logic, not to the person"
        fields: dict[str, Any] = dict(
            text=s.message.text, kind=s.kind, reasons=reasons, score=sc.score, verdict=sc.verdict,
            criteria=[r.code for r in broken], field=s.message.field, shown=len(s.times))
        key = f"{path_of(s.message.url or s.step.url_after)}|{s.kind}|{stable_text(s.message.text)}"
        target, url = s.message.selector, s.message.url
        # a status that keeps every rule (it says what is under way, or how long) cold by the model alone: uncertain
        alone = s.kind == "status" and not sc.broken
        if (sc.verdict == "uncertain" or alone) and not untrue or s.kind == GUARD or s.cut_short:
            yield ctx.finding(s.step, outcome="cantTell", impact="minor", target=target, url=url, key=key,
                              suggestion=sc.suggestion, **fields)
            continue
        state = distress(ctx, s.pos)
        if anxious:
            state.insert(0, "an anxious persona")
        repeated = len(s.times) >= ctx.threshold("repeated_shows")
        if repeated:
            state.append(f"shown {len(s.times)} times")
        impact = escalate(RULE.impact, (1 if (anxious or len(state) > int(repeated)) else 0) + int(repeated))
        yield ctx.finding(s.step, impact=impact, target=target, url=url, key=key, suggestion=sc.suggestion,
                          state=state, **fields)


RULE = rule_from(META, evaluate)
