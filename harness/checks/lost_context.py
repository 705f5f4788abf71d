"""lost-context: what the person gave does not follow them.

Why these three moments: NN/g and GOV.UK say never clear what someone typed (after going back,
reloading, or a validation error elsewhere on the form); a live agent after a bot hand-off should
see what the person told the bot; and a returning, signed-in customer expects to be greeted by
name, pre-filled and shown their history. Persona habits (back, reload, sign out and in) are the
probes; this rule reads what they found. What the person sent in a finished submission (an order
placed) is done: the form shown empty again afterwards starts the next one and has lost nothing.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from harness.checks.base import Threshold, rule_from
from harness.checks.baskets import baskets_emptied, into_basket
from harness.checks.context import Context, mask
from harness.checks.kept import put_back, replaced, secrets_emptied
from harness.checks.pages import (
    Visit,
    asks_for_detail,
    at_sign_in_form,
    control_identity,
    given_identity,
    given_visit,
    has_error,
    path_of,
    refused,
    sent_back,
    shown_back,
    visits,
)
from harness.checks.patterns import has, pattern, references, squash, words
from harness.checks.submissions import final_submissions
from harness.language.thing_names import asks_for_others, names_a_thing
from harness.names import initials

if TYPE_CHECKING:
    from harness.config import Settings
    from harness.findings import Finding
    from harness.transcript import Given, Step, Transcript

META: dict[str, Any] = {
    "id": "lost-context",
    "impact": "serious",
    "weight": 3.0,  # the empathy score's weight: forgetting what a person said weighs most
    "tags": ["memory", "forms", "chat", "returning", "best-practice"],
    "help": "Keep what the person told you",
    "description": "Ensure what the person gave earlier is still there where it belongs: after going back, "
                   "reloading or a validation error, after a hand-off to a person, and when they return signed in.",
    "how_to_fix": "Keep answers in the session and re-render them; pass a summary of the bot conversation to "
                  "the agent; greet signed-in people by name, pre-fill what the account knows and show their history.",
    "messages": {
        "passed": "What the person gave followed them through the journey.",
        "failed": "At step {step}, after {cause}, {count} answer(s) given at step {earlier_step} were gone: {fields}.",
        "failed.handoff": "At step {step} the conversation passed to a person, who showed none of what the "
                          "person told the bot ({told}).",
        "failed.greeting": "At step {step} the signed-in person was greeted generically ({shown}); "
                           "their name ({name}) appears nowhere.",
        "failed.prefill": "At step {step} the signed-in person had to give again what their account knows: {fields}.",
        "failed.history": "At step {step} the signed-in person's page shows none of their earlier {what} ({refs}).",
        "failed.replaced": "At step {step}, after {cause}, {fields} showed again what was there before ({shown}), "
                           "not what the person typed at step {earlier_step} ({typed}).",
        "failed.basket": "At step {step}, after signing out and in, the basket the person filled at step "
                         "{earlier_step} (\"{added}\") was empty: \"{text}\".",
        "cantTell.basket": "At step {step} the basket the person filled at step {earlier_step} (\"{added}\") "
                           "read as empty (\"{text}\"); check whether it should have kept its contents.",
        "cantTell.secret": "At step {step}, after an error, the password field(s) {fields} were emptied: the person "
                           "must type them again (a common security convention, but their effort is lost).",
        "cantTell": "At step {step}, after {cause}, {count} answer(s) given at step {earlier_step} were empty: "
                    "{fields}; check whether the page should have kept them.",
        "cantTell.greeting": "At step {step} the signed-in person was greeted generically ({shown}).",
        "cantTell.history": "At step {step} the signed-in person's page did not visibly list their earlier "
                            "{what} ({refs}).",
    },
    "thresholds": {
        "handoff_similarity": Threshold(0.5, "Cosine similarity (all-MiniLM-L6-v2) above which an agent's "
                                             "message counts as restating the person's problem."),
        "handoff_window_steps": Threshold(3, "Steps after the hand-off in which the agent or page must show "
                                             "what the person said."),
    },
}

SKIP_TYPES = {"checkbox", "password", "file"}
# Card details a payment form rightly shows empty again: the security code may never be kept (PCI DSS),
# and a declined card is "no longer valid" (a WCAG 3.3.7 exception). Autocomplete tokens (WHATWG).
CARD_TOKENS = {"cc-number", "cc-csc", "cc-exp", "cc-exp-month", "cc-exp-year"}
NAME_KEYS = ("first_name", "given_name", "full_name", "name", "card_name")
NAME_AUTOCOMPLETE = ("given-name", "name")
# What any account holds (a phone number, address or date of birth it may not): fields for these,
# empty while signed in, were not pre-filled. A site's own name for the persona's `reference`
# (`[tool.empathy.details]`, e.g. membership_number = ["reference"]) is the account's number too.
ACCOUNT_INFO = {"email", "name", "given_name", "family_name", "customer_number", "username"}
ACCOUNT_DETAILS = {"reference"}
LABEL_WORDS = 6  # a line this short that holds the person's name labels their account; a longer one is content
CAUSES = {"back": "going back", "reload": "reloading the page", "error": "a validation error",
          "navigate": "returning to the page"}


# -- fields cleared after back, reload or a validation error ----------------------------------------
def _cleared(ctx: Context) -> Iterator[Finding]:
    latest: dict[tuple[str, str], tuple[int, int, Given]] = {}  # identity -> (pos, visit number, given)
    steps, vs = ctx.transcript.steps, visits(ctx.transcript)
    reported: set[tuple[int, str]] = set()
    told: set[tuple[int, tuple[str, str]]] = set()  # a field found lost on a visit is told once, whatever the cause
    done, returned = set(final_submissions(steps)), sent_back(ctx.transcript)
    for pos, (step, visit) in enumerate(zip(steps, vs, strict=True)):
        for g in step.given:
            if g.channel == "form" and g.value and not ctx.is_secret(secret=g.secret, data_key=g.data_key,
                                                                    type=g.type):
                latest[given_identity(g, step)] = (pos, given_visit(step, g, visit, pos), g)
        lost: list[tuple[str, Any, int, Given]] = []
        for control in step.prompts:
            ident = control_identity(control, step, returned)
            card = bool(set((control.autocomplete or "").split()[-1:]) & CARD_TOKENS)
            if (ident not in latest or control.secret or control.type in SKIP_TYPES or card
                    or not asks_for_detail(control) or (visit.number, ident) in told):
                continue
            gpos, gvisit, g = latest[ident]
            if shown_back(steps[visit.start:pos + 1], g.value):
                continue  # what they wrote is on the page now (their post): the empty box is for a new one
            cause = _cause(step, visit, gvisit, refused(control), control.value)
            # what they gave is in the box (a page whose address changed as it saved kept the field): nothing lost
            if cause and not control.initial_value and not control.prefilled and control.value != g.value and (
                    gvisit < visit.number or not control.value):
                lost.append((cause, control, gpos, g))
                told.add((visit.number, ident))
            elif cause in ("back", "reload", "error") and gvisit < visit.number and put_back(control, g, steps[gpos]):
                told.add((visit.number, ident))
                yield replaced(ctx, step, CAUSES[cause], control, gpos, g)
        yield from _cleared_findings(ctx, step, visit, lost, reported)
        if pos in done or into_basket(step):
            latest.clear()  # sent and finished, or put in the basket: a form shown empty after this starts anew


def _cause(step: Step, visit: Visit, gvisit: int, invalid: bool, value: str) -> str:
    """Why the field is shown again: a new visit (back, reload, error, link), or an error on this visit."""
    if invalid:
        return ""  # the field the error is about: clearing it is the copy rule's concern (E9)
    if gvisit < visit.number:
        if visit.cause in ("back", "reload"):
            return visit.cause
        if has_error(step):
            return "error"
        return "navigate" if visit.cause == "navigate" else ""
    return "error" if has_error(step) and not value else ""


def _cleared_findings(ctx: Context, step: Step, visit: Visit, lost: list[tuple[str, Any, int, Given]],
                      reported: set[tuple[int, str]]) -> Iterator[Finding]:
    by_cause: dict[str, list[tuple[str, Any, int, Given]]] = {}
    for entry in lost:
        by_cause.setdefault(entry[0], []).append(entry)
    for cause, entries in by_cause.items():
        if (visit.number, cause) in reported:
            continue
        reported.add((visit.number, cause))
        labels = [c.label or c.name or c.selector for _, c, _, _ in entries]
        earlier = min(ctx.transcript.steps[p].index for _, _, p, _ in entries)
        uncertain = cause == "navigate"
        yield ctx.finding(
            step, message="cantTell" if uncertain else "failed", outcome="cantTell" if uncertain else "failed",
            impact="moderate" if uncertain else "", target=entries[0][1].selector, url=entries[0][1].url,
            key=f"cleared|{path_of(entries[0][1].url or step.url_after)}|{cause}|{'/'.join(sorted(labels))}",
            cause=CAUSES[cause], count=len(entries), earlier_step=earlier, fields=", ".join(labels),
            values={lbl: mask(g.value, False) for lbl, (_, _, _, g) in zip(labels, entries, strict=True)},
            suggestion="Keep every answer in the session and show it again when the page is re-shown "
                       "(after back, reload or an error elsewhere on the form).",
        )


# -- hand-off to a person without a summary -----------------------------------------------------------
def _handoff(ctx: Context) -> Iterator[Finding]:
    """The first person (speaker "agent") to answer, and whether they, or the page, show what the bot was told."""
    steps = ctx.transcript.steps
    start = next(((p, m) for p, s in enumerate(steps) for m in s.messages if m.speaker == "agent"), None)
    if start is None:
        return  # no person answered: nothing to judge
    apos, amsg = start
    told = [(p, g) for p, s in enumerate(steps[: apos + 1]) for g in s.given
            if g.channel == "chat" and (p < apos or g.at_ms < amsg.appeared_ms)
            and not ctx.is_secret(secret=g.secret, data_key=g.data_key, type=g.type)]
    if not told:
        return
    last_ms = max(g.at_ms for _, g in told)
    before = {m.text for s in steps[: told[-1][0]] for m in s.messages}
    window = steps[apos:apos + int(ctx.threshold("handoff_window_steps"))]
    # what the person now sees from the service: the agent, the page, a system summary (not the bot's own lines)
    shown = [m.text for s in window for m in s.messages
             if m.speaker not in ("user", "bot") and m.text not in before and (m.appeared_ms >= last_ms or not last_ms)]
    shown = list(dict.fromkeys(shown))
    shown += [c.initial_value for s in window for c in s.prompts if c.initial_value]
    givens = [g for _, g in told]
    facts = _facts(ctx, givens)
    if _restated(ctx, facts, givens, shown):
        return
    agent_step = steps[apos]
    yield ctx.finding(
        agent_step, message="failed.handoff", target=amsg.selector, url=amsg.url,
        key=f"handoff|{path_of(amsg.url or agent_step.url_after)}", told=", ".join(facts) or "their problem",
        agent_messages=shown[:5],
        suggestion="Pass the bot conversation to the agent and open with it: \"I can see you're asking about "
                   "[problem] with [what they named]; you won't need to repeat it.\"",
    )


def _facts(ctx: Context, told: list[Given]) -> list[str]:
    """The concrete things the person said: IDs, numbers and their name."""
    facts: list[str] = []
    for g in told:
        facts.extend(references(g.value))
    facts.extend(n for n in [_known_name(ctx)] if n)
    return list(dict.fromkeys(facts))


def _restated(ctx: Context, facts: list[str], told: list[Given], shown: list[str]) -> bool:
    """Whether the agent's view repeats any fact, or restates the problem (shared words or meaning)."""
    view = " ".join(shown)
    flat, view_words = squash(view), set(words(view))
    if any(squash(f) and squash(f) in flat for f in facts):
        return True
    problems = [g.value for g in told if len(words(g.value)) >= 5]
    for problem in problems:
        content = {w for w in words(problem) if len(w) >= 5}
        if len(content & view_words) >= 2:
            return True
    if problems and shown:
        from harness.language.embeddings import embed

        vectors = embed([*problems, *shown])
        sims = vectors[: len(problems)] @ vectors[len(problems):].T
        return bool(sims.max() >= ctx.threshold("handoff_similarity"))
    return False


# -- the returning customer ---------------------------------------------------------------------------
def _known_name(ctx: Context) -> str:
    """The person's first name, from what they gave or their fixed data."""
    for _, g in ctx.transcript.all_given():
        if g.value and (g.data_key in NAME_KEYS or g.autocomplete in NAME_AUTOCOMPLETE):
            return g.value.split()[0]
    fixed = ctx.trait("data.fixed", {}) or {}
    for key in NAME_KEYS:
        if fixed.get(key):
            return str(fixed[key]).split()[0]
    return ""


def _initials(ctx: Context) -> set[str]:
    """The initials an account mark may show for the person, from the names they gave or their fixed data."""
    fixed = ctx.trait("data.fixed", {}) or {}
    given = [g.value for _, g in ctx.transcript.all_given()
             if g.value and (g.data_key in NAME_KEYS or g.autocomplete in NAME_AUTOCOMPLETE)]
    whole = " ".join(str(fixed.get(k, "")) for k in ("first_name", "last_name")).strip()
    return initials(*given, *(str(fixed[k]) for k in NAME_KEYS if fixed.get(k)), whole)


def _signed_in(ctx: Context) -> list[int]:
    """Positions of steps that signed in successfully (not those that landed on a sign-in form again) to the person's
    own account: one named by none of their details (a shared project's identifier) owes them no greeting or details."""
    out = []
    for pos, step in enumerate(ctx.transcript.steps):
        if any(a.kind == "sign-in" for a in step.actions) and not at_sign_in_form(step) and not (
                has_error(step) and has("sign_in", path_of(step.url_after))) and not any(
                g.channel == "form" and not g.secret and not g.data_key for g in step.given):
            out.append(pos)
    return out


def _returning(ctx: Context) -> Iterator[Finding]:
    if not (ctx.trait("account", False) or ctx.trait("expectations.recognised", False)):
        return
    steps, vs = ctx.transcript.steps, visits(ctx.transcript)
    for spos in _signed_in(ctx):
        end = next((p for p in range(spos + 1, len(steps)) if any(a.kind == "sign-out" for a in steps[p].actions)),
                   len(steps))
        yield from _greeting(ctx, spos, end, vs)
        yield from _prefill(ctx, spos, end, vs)
        yield from _history(ctx, spos, end)


def _greeting(ctx: Context, spos: int, end: int, vs: list[Visit]) -> Iterator[Finding]:
    steps = ctx.transcript.steps
    landing = [steps[p] for p in range(spos, end) if vs[p].number == vs[spos].number]
    greetings = [m for s in landing for m in s.messages if m.kind in ("greeting", "heading")]
    if not greetings:
        return
    name = _known_name(ctx)
    texts = list(dict.fromkeys(m.text for m in greetings))
    step = steps[spos]
    key = f"greeting|{path_of(step.url_after)}"
    # an account label ("Sam Patel" on the toolbar's menu, "Signed in as Sam") shows the person who they are
    labels = [m.text for s in landing for m in s.messages
              if not m.own and m.speaker != "user" and len(words(m.text)) <= LABEL_WORDS]
    if name:
        # ... and so do their initials as the account's mark ("SP" in an avatar), which the recorder keeps as a
        # greeting only in the top bar: a short label elsewhere (a calendar's "Sa") spells them by chance
        marks = _initials(ctx)
        if not any(squash(name) in squash(t) for t in [*texts, *labels]) and not any(
                t.strip().upper() in marks for t in texts):
            yield ctx.finding(step, message="failed.greeting", target=greetings[0].selector, url=greetings[0].url,
                              key=key, shown=" / ".join(texts[:3]), name=name,
                              suggestion=f"Greet the person by name (\"Welcome back, {name}\") and show what you know.")
        return
    generic = pattern("generic_greeting")
    hello = [m for m in greetings if m.kind == "greeting"]
    if hello and all(not generic.sub("", t).strip(" ,.!?-") for t in (m.text for m in hello)):
        yield ctx.finding(step, message="cantTell.greeting", outcome="cantTell", impact="minor",
                          target=hello[0].selector, url=hello[0].url, key=key,
                          shown=" / ".join(m.text for m in hello[:3]))


def _prefill(ctx: Context, spos: int, end: int, vs: list[Visit]) -> Iterator[Finding]:
    """Fields for details the account holds, shown empty while signed in (unless given earlier in the
    journey: then repeated-prompt reports them), in no form about someone else (its username box holds
    another's than the one the person signed in with)."""
    from harness.language.prompts import PromptSpec, info_types

    steps = ctx.transcript.steps
    specs = [PromptSpec(label=g.field or g.data_key.replace("_", " "), name=g.name, id=g.id, type=g.type,
                        autocomplete=g.autocomplete) for s in steps[:end] for g in s.given if g.channel == "form"]
    given_info = {kind for spec in specs for kind in info_types(spec)}
    account = ACCOUNT_INFO | {k for k, v in ctx.settings.details.items() if ACCOUNT_DETAILS.intersection(v)}
    own = {g.value for s in steps[:end] for g in s.given if g.data_key == "username" and g.value}
    seen: set[int] = set()
    for pos in range(spos + 1, end):
        step, visit = steps[pos], vs[pos]
        if visit.number in seen:
            continue
        # a form whose username box holds another person's (the account the person just added) is about them
        others = {c.form for c in step.prompts if own and (c.initial_value or c.value) and
                  (c.initial_value or c.value) not in own and "username" in info_types(PromptSpec.from_control(c))}
        # what the form already shows filled in (the account's e-mail in "Email"): a second, empty box of that kind
        # beside it ("Send to eReader Email Address") asks for another one, not the account's again
        shown = {(c.form, kind) for c in step.prompts if (c.prefilled or c.initial_value) and not c.secret
                 for kind in info_types(PromptSpec.from_control(c))}
        empty = []
        for c in step.prompts:
            if c.prefilled or c.initial_value or c.secret or not asks_for_detail(c) or has("sign_in", c.url) or \
                    c.form and c.form in others or asks_for_others(c):
                continue  # ... nor a box for other people's addresses ("CC to"): never the account's own
            info = info_types(PromptSpec.from_control(c))
            wanted = info & account
            if wanted and not info & given_info and not names_a_thing(c, step.prompts) and not all(
                    (c.form, kind) in shown for kind in wanted):
                empty.append(c)
        if empty:
            seen.add(visit.number)
            labels = [c.label or c.name for c in empty]
            yield ctx.finding(step, message="failed.prefill", target=empty[0].selector, url=empty[0].url,
                              key=f"prefill|{path_of(empty[0].url)}|{'/'.join(sorted(labels))}",
                              fields=", ".join(labels),
                              suggestion="Pre-fill details the account already holds and let the person change them.")


def _history(ctx: Context, spos: int, end: int) -> Iterator[Finding]:
    """A page after signing in that should list the orders or conversations confirmed earlier in the
    journey (before signing in, or during this visit) but says it has none, or shows none of them."""
    steps = ctx.transcript.steps
    for pos in range(spos, end):
        step = steps[pos]
        # the pages that confirmed something (an order received, a hand-off): their references are history
        earlier = [m for s in steps[:pos] if any(m.kind in ("confirmation", "handoff") for m in s.messages)
                   for m in s.messages if m.speaker != "user" and m.kind != "validation"]
        if not earlier:
            continue
        refs = list(dict.fromkeys(r for m in earlier for r in references(m.text)))
        page = " ".join([step.title, path_of(step.url_after), *(m.text for m in step.messages if m.kind == "heading")])
        empty = [m.text for m in step.messages if m.kind == "empty" or has("empty_state", m.text)]
        if not (empty or has("history_page", page.replace("-", " ").replace("/", " "))):
            continue
        flat = squash(" ".join(m.text for m in step.messages))
        if refs and any(squash(r) in flat for r in refs):
            return
        if not (refs or empty):
            continue
        fields: dict[str, Any] = dict(url=step.url_after, what="submissions or conversations",
                                      key=f"history|{path_of(step.url_after)}",
                      refs=", ".join(refs) or "a confirmed submission", empty=empty,
                      suggestion="List the person's earlier submissions and conversations, with their references "
                                 "and status, on the page they land on after signing in.")
        if empty:
            yield ctx.finding(step, message="failed.history", **fields)
        else:  # the list may sit where the recorder does not read (a table): ask, do not accuse
            yield ctx.finding(step, message="cantTell.history", outcome="cantTell", impact="minor", **fields)
        return


def evaluate(transcript: Transcript, persona: Any, settings: Settings) -> Iterator[Finding]:
    """Yield findings for cleared fields, hand-offs without a summary, and returning people not recognised."""
    ctx = Context(RULE, transcript, persona, settings)
    yield from _cleared(ctx)
    yield from secrets_emptied(ctx)
    yield from baskets_emptied(ctx)
    yield from _handoff(ctx)
    yield from _returning(ctx)


RULE = rule_from(META, evaluate)
