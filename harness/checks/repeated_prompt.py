"""repeated-prompt: the journey asks for something the person already gave (WCAG 2.2 SC 3.3.7).

Why the rules below: 3.3.7 is met when an earlier answer is auto-populated or selectable when asked
again; security re-entry ("Confirm password") is an exception, so it is only ever a minor open
question. Whether two prompts ask for the same thing is decided by the prompt comparer
(`harness.language.prompts`): structure first, then embeddings; its "uncertain" becomes cantTell.
The same field shown again on the same page visit, or after going back or reloading, is not a
second question: that is lost-context's business. Only what the person gave for the task counts, in
the same session: not the credentials they signed in with (a later form's "Username" is someone
else's), not what they typed into a search or look-up box, and nothing from before they signed out.
A field named only in the markup (`last_login_0`) asks the person nothing they can read. A field pre-filled
with the site's default for everyone ("anonymous") where the person had typed over that default is not
auto-populated: it carries nothing of theirs forward. A field that stood on the page in another form or frame
while the person answered (a sidebar sign-in or look-up box, the page's own box under a popup's form) is not
asked later: it was there all along, and the person chose the form they filled.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from harness.checks.base import rule_from
from harness.checks.context import Context, mask
from harness.checks.made_account import signed_in_again
from harness.checks.pages import (
    asked_by_query,
    asks_for_detail,
    control_identity,
    field_key,
    given_identity,
    into_sign_in_form,
    path_of,
    sent_back,
    shown_back,
    signs_in,
    signs_out,
    speaker_labels,
    visits,
    without_label,
)
from harness.checks.patterns import has, squash, stable_text

if TYPE_CHECKING:
    from harness.config import Settings
    from harness.findings import Finding
    from harness.transcript import Control, Message, Step, Transcript

META: dict[str, Any] = {
    "id": "repeated-prompt",
    "impact": "serious",
    "weight": 3.0,  # the empathy score's weight: being asked again weighs most
    "tags": ["wcag22a", "wcag337", "memory", "forms", "chat"],
    "help": "Don't ask for what the person already told you",
    "description": "Ensure information the person gave earlier in the journey is pre-filled or offered "
                   "for selection when it is needed again, in a form or in a chat.",
    "how_to_fix": "Carry the earlier answer forward: pre-fill the field, offer it as a choice "
                  "(\"Use the address you gave earlier\"), or skip the question.",
    "messages": {
        "passed": "Nothing the person gave was asked for again.",
        "failed": "Step {step} asks \"{prompt}\" although the person gave it at step {earlier_step} "
                  "(\"{earlier_prompt}\": {earlier_value}); the field is empty and offers no earlier value.",
        "failed.default": "Step {step} asks \"{prompt}\" although the person gave it at step {earlier_step} "
                          "(\"{earlier_prompt}\": {earlier_value}); the field shows the site's default "
                          "(\"{shown}\") again, not their answer.",
        "failed.chat": "At step {step} the {speaker} asks \"{prompt}\" although the person already said it at "
                       "step {earlier_step} (\"{earlier_prompt}\": {earlier_value}).",
        "failed.twice": "Step {step} asks for \"{earlier_prompt}\" and again for \"{prompt}\" on the same form "
                        "({info}): the person must type the same thing twice.",
        "failed.sign_in_again": "Step {step} asks the person to sign in, typing \"{prompt}\" and the password they "
                                "chose at step {earlier_step} a moment ago, to make the account.",
        "cantTell": "Step {step} asks \"{prompt}\"; it may be the same as \"{earlier_prompt}\" given at step "
                    "{earlier_step} ({reason}).",
        "cantTell.confirmation": "Step {step} asks to re-enter \"{prompt}\" (given at step {earlier_step}); "
                                 "allowed for security, but check it is really needed.",
    },
    "thresholds": {},
}

CHAT_KINDS = ("chat", "handoff")
ASKERS = ("bot", "agent")


@dataclass(frozen=True)
class Item:
    """One thing the person gave, as the comparer sees it."""

    pos: int
    at_ms: float
    spec: Any  # PromptSpec or None (free chat text)
    prompt: str
    value: str
    secret: bool
    channel: str
    identity: tuple[str, str] | None
    session: int = 0  # how many sign-outs came before it
    beside: frozenset[tuple[str, str]] = frozenset()  # the other forms' fields on the page when it was given


def standing(control: Control) -> tuple[str, str]:
    """A field by its form and its own name, whatever the page: a sidebar form is the same on every page."""
    return control.form, field_key(control)


def _beside(step: Step, given: Any) -> frozenset[tuple[str, str]]:
    """The fields of the page's other forms at the step the answer was given, and of its other frames (a popup's
    form laid over the page, the page's own box under it); none of the same frame when its form is unknown."""
    key = field_key(given)
    own = next((c for c in step.prompts if field_key(c) == key), None)
    if own is None:
        return frozenset()
    return frozenset(standing(c) for c in step.prompts
                     if c.frame != own.frame or (own.form and c.form and c.form != own.form))


def sessions(steps: list[Step]) -> list[int]:
    """For each step (by position), how many sign-outs there were up to its end: a new session starts after one."""
    out, n = [], 0
    for step in steps:
        n += signs_out(step)
        out.append(n)
    return out


def _memory(ctx: Context, labels: list[str], session: list[int]) -> list[Item]:
    from harness.language.prompts import PromptSpec

    items = []
    for pos, step in enumerate(ctx.transcript.steps):
        for g in step.given:
            if g.channel == "form" and (asked_by_query(g, step) or signs_in(step, g.url or step.url_before)
                                        or into_sign_in_form(g, step)):
                continue  # a search, or credentials to sign in: not a detail given for the task
            secret = ctx.is_secret(secret=g.secret, data_key=g.data_key, type=g.type)
            label = g.field or g.data_key.replace("_", " ")
            if g.channel == "chat":
                label = without_label(label, labels)
            if g.channel == "form":
                form_spec = PromptSpec(label=label, name=g.name, id=g.id, type=g.type, autocomplete=g.autocomplete,
                                       placeholder=g.placeholder)
                items.append(Item(pos, g.at_ms, form_spec, label, g.value, secret, "form", given_identity(g, step),
                                  session[pos], _beside(step, g)))
            else:
                chat_spec = PromptSpec(label=label) if label else None
                items.append(Item(pos, g.at_ms, chat_spec, label or g.value, g.value, secret, "chat", None,
                                  session[pos]))
    return items


class _Judge:
    """Comparisons, cached per journey: one per (group of earlier answers, prompt asking now)."""

    def __init__(self) -> None:
        self._cache: dict[Any, dict[int, Any]] = {}  # asking prompt -> group number -> comparison

    def row(self, asking: Any) -> dict[int, Any]:
        return self._cache.setdefault(asking, {})

    @staticmethod
    def form(row: dict[int, Any], control_spec: Any, group: int, item: Item) -> Any:
        from harness.language.prompts import answers, compare

        if group not in row:
            if item.spec is not None:
                row[group] = compare(control_spec, item.spec)
            else:
                row[group] = None if item.secret else answers(control_spec.label or control_spec.name, item.value)
        return row[group]

    @staticmethod
    def chat(row: dict[int, Any], question: str, group: int, item: Item) -> Any:
        from harness.language.prompts import answers

        if group not in row:
            target = item.spec if item.spec is not None else (None if item.secret else item.value)
            row[group] = None if target is None else answers(question, target)
        return row[group]


@dataclass
class Group:
    """Items that answered the same prompt (one comparison per group), in journey order."""

    items: list[Item]
    positions: list[int]

    def latest(self, pos: int, eligible: Any) -> Item | None:
        """The latest eligible item given at or before step position `pos`."""
        for n in range(bisect_right(self.positions, pos) - 1, -1, -1):
            if eligible(self.items[n]):
                return self.items[n]
        return None


def _groups(items: list[Item]) -> list[Group]:
    out: dict[tuple[Any, ...], Group] = {}
    for item in items:
        key = ("spec", item.spec) if item.spec is not None else ("text", item.value)
        group = out.setdefault(key, Group([], []))
        group.items.append(item)
        group.positions.append(item.pos)
    return list(out.values())


def _best(groups: list[Group], pos: int, eligible: Any, judge: Any) -> tuple[Any, Item | None]:
    """The strongest comparison against the latest eligible item of each group."""
    best: tuple[Any, Item | None] = (None, None)
    for number, group in enumerate(groups):
        item = group.latest(pos, eligible)
        if item is None:
            continue
        cmp = judge(number, item)
        if _strength(cmp) > _strength(best[0]):
            best = (cmp, item)
    return best


def _strength(cmp: Any) -> tuple[int, float]:
    if cmp is None or cmp.same_info is False:
        return (0, 0.0)
    if cmp.confirmation:
        return (1, cmp.score)
    return (3 if cmp.same_info else 2, cmp.score)


def _selectable(control: Control, value: str) -> bool:
    """The earlier answer is offered as a choice (select option, datalist, radio)."""
    want = squash(value)
    return bool(want) and any(squash(o) == want for o in control.options)


def _form_findings(ctx: Context, groups: list[Group], judge: _Judge, session: list[int]) -> Iterator[Finding]:
    from harness.language.prompts import PromptSpec

    seen: set[tuple[int, tuple[str, str]]] = set()
    page: dict[int, list[Finding]] = {}  # visit number -> what it asked again
    steps, returned = ctx.transcript.steps, sent_back(ctx.transcript)
    filled: dict[tuple[str, str], int] = {}
    for group in groups:
        for given in group.items:
            if given.identity is not None:
                filled[given.identity] = min(filled.get(given.identity, given.pos), given.pos)
    for pos, (step, visit) in enumerate(zip(steps, visits(ctx.transcript), strict=True)):
        for control in step.prompts:
            ident = control_identity(control, step, returned)
            if ((visit.number, ident) in seen or not asks_for_detail(control) or control.type == "checkbox"
                    or not (control.label or control.placeholder)):
                continue
            if has("sign_in", ident[0].replace("-", " ")):
                continue  # signing in again asks for credentials by design (a security exception of 3.3.7)
            if filled.get(ident, pos + 1) <= pos:
                continue  # the person filled this very field before: shown empty again is lost-context's business
            seen.add((visit.number, ident))
            spec = PromptSpec.from_control(control)
            row = judge.row(spec)
            here = standing(control)
            cmp, item = _best(groups, pos, lambda i, ident=ident, pos=pos, here=here: (
                i.identity != ident and i.session == session[pos] and here not in i.beside) and (
                i.pos < pos or (i.pos == pos and i.identity is not None and i.identity[0] != ident[0])),
                lambda g, i, spec=spec, row=row: judge.form(row, spec, g, i))
            if item is None or _strength(cmp)[0] == 0:
                continue
            default = _site_default(control, item, steps)
            if ((control.prefilled or control.initial_value) and not default) or (
                    not item.secret and _selectable(control, item.value)):
                continue  # pre-filled or selectable: 3.3.7 is met
            if not item.secret and shown_back([step], item.value):
                continue  # the note they wrote is on the page as the site keeps it: the empty box is for a new one
            page.setdefault(visit.number, []).append(_finding(
                ctx, step, control.label or control.placeholder or control.name, control.selector, control.url, cmp,
                item, "failed.default" if default else "failed", shown=default))
    for found in page.values():
        yield _one_per_page(found)


def _site_default(control: Control, item: Item, steps: list[Step]) -> str:
    """What the field shows when it is the site's default for everyone, not the person's answer: the value the
    field the person typed over showed before they did ("anonymous" in a "Your email or username" box, put back
    in the next form's). Pre-filled with that, the field carries nothing forward; '' otherwise."""
    value = control.value or control.initial_value
    if item.secret or item.identity is None or not value:
        return ""
    shown, said = squash(value), squash(item.value)
    if not said or said in shown or shown in said:
        return ""
    where = steps[item.pos]
    earlier = next((c for c in where.prompts if control_identity(c, where) == item.identity), None)
    return value if earlier is not None and squash(earlier.initial_value) == shown else ""


def _twice_in_one_form(ctx: Context, items: list[Item]) -> Iterator[Finding]:
    """A form that asks for a detail and then for it again to confirm it ("Email confirmation"): the same thing
    typed twice. Re-entry is the security exception of 3.3.7 for a password only; an address can be shown back."""
    from harness.language.prompt_structure import analyse_text
    from harness.language.prompts import compare

    for n, later in enumerate(items):
        if (later.secret or later.channel != "form" or later.identity is None
                or not analyse_text(later.prompt).confirmation):
            continue
        for first in items[:n]:
            if (first.pos != later.pos or first.secret or first.identity is None
                    or first.identity[0] != later.identity[0] or first.spec is None):
                continue
            cmp = compare(later.spec, first.spec)
            if cmp.same_info and cmp.confirmation:
                step = ctx.transcript.steps[later.pos]
                yield ctx.finding(step, message="failed.twice", impact="moderate", prompt=later.prompt,
                                  earlier_prompt=first.prompt, info=cmp.info_a or cmp.info_b, score=cmp.score,
                                  key=f"twice|{first.identity[0]}|{stable_text(later.prompt)}",
                                  suggestion=f"Ask for \"{first.prompt}\" once and show it back to check (\"We will "
                                             f"write to …\"), instead of a second box to type it again.")
                break


def _one_per_page(found: list[Finding]) -> Finding:
    """A page that asks again for several things is one defect: its most certain finding, naming the others."""
    order = {"failed": 0, "cantTell": 1}
    first, *rest = sorted(found, key=lambda f: order.get(f.outcome, 2))
    if rest:
        also = [str(f.evidence.get("prompt", "")) for f in rest]
        first.evidence["also_asked"] = also
        first.message += " It also asks again for " + ", ".join(f'"{a}"' for a in also) + "."
    return first


def _finding(ctx: Context, step: Step, prompt: str, target: str, url: str, cmp: Any, item: Item,
             variant: str, speaker: str = "", shown: str = "") -> Finding:
    earlier_step = ctx.transcript.steps[item.pos].index
    fields = dict(prompt=prompt, earlier_prompt=item.prompt, earlier_step=earlier_step, step=step.index,
                  earlier_value=mask(item.value, item.secret), score=round(float(cmp.score), 3),
                  reason=cmp.reason, info=cmp.info_a or cmp.info_b, speaker=speaker,
                  channel=item.channel, shown=shown)
    key = f"{path_of(url or step.url_after)}|{stable_text(prompt)}|{stable_text(item.prompt)}"
    if cmp.confirmation:
        return ctx.finding(step, message="cantTell.confirmation", outcome="cantTell", impact="minor",
                           target=target, url=url, key=key, **fields,
                           suggestion="Keep re-entry for security only; for other details show the earlier "
                                      "answer and ask the person to confirm it.")
    if cmp.same_info is None:
        return ctx.finding(step, outcome="cantTell", impact="minor" if speaker else "moderate", target=target,
                           url=url, key=key, **fields)
    return ctx.finding(step, message=variant, target=target, url=url, key=key, **fields,
                       suggestion=f"Pre-fill \"{prompt}\" with the answer from step {earlier_step + 1} "
                                  f"(\"{item.prompt}\"), or offer it to select, so the person need not type it again.")


def _chat_findings(ctx: Context, groups: list[Group], judge: _Judge, labels: list[str],
                   session: list[int]) -> Iterator[Finding]:
    seen: set[tuple[int, str, str, str]] = set()
    for pos, (step, visit) in enumerate(zip(ctx.transcript.steps, visits(ctx.transcript), strict=True)):
        for msg in step.messages:
            if not (msg.question and msg.speaker in ASKERS and msg.kind in CHAT_KINDS and msg.text.strip()):
                continue
            mark = (visit.number, msg.speaker, msg.text, msg.selector)
            if mark in seen:
                continue
            seen.add(mark)
            yield from _chat_question(ctx, step, pos, msg, without_label(msg.text, labels), groups, judge,
                                      session[pos])


def _chat_question(ctx: Context, step: Step, pos: int, msg: Message, question: str, groups: list[Group],
                   judge: _Judge, session: int) -> Iterator[Finding]:
    asked = squash(msg.text)
    row = judge.row(question)
    cmp, item = _best(groups, pos, lambda i: (i.pos < pos or (i.pos == pos and i.at_ms <= msg.appeared_ms))
                      and i.prompt != question and i.session == session, lambda g, i: judge.chat(row, question, g, i))
    if item is None or _strength(cmp)[0] == 0:
        return
    value = squash(item.value)
    if not item.secret and len(value) >= 3 and value in asked:
        return  # "Is your order number still 4412?" confirms, it does not ask again
    yield _finding(ctx, step, question, msg.selector, msg.url, cmp, item, "failed.chat", speaker=msg.speaker)


def evaluate(transcript: Transcript, persona: Any, settings: Settings) -> Iterator[Finding]:
    """Yield a finding for each later prompt (form field or chat question) asking for a detail given earlier."""
    ctx = Context(RULE, transcript, persona, settings)
    labels = speaker_labels(transcript)
    session = sessions(transcript.steps)
    items = _memory(ctx, labels, session)
    yield from signed_in_again(ctx)
    if not items:
        return
    judge, groups = _Judge(), _groups(items)
    yield from _form_findings(ctx, groups, judge, session)
    yield from _twice_in_one_form(ctx, items)
    yield from _chat_findings(ctx, groups, judge, labels, session)


RULE = rule_from(META, evaluate)
