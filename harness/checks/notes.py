"""The page's own notes beside a form: the instructions and notices a person reads before answering.

Why: copy that is not a message still speaks to the person at the moment they are asked for something
("You are currently not logged in! Enter your authentication credentials below", "Do not submit
copyrighted work without permission!"). A note reports nothing, so what a message owes (a next step, a
reference, a way to a person) does not apply to it; its tone does, by the copy rubric: codes and jargon (E1),
shouting (E3), jokes (E4) and stonewalling (E10); not blame (E2): a note speaks before the person has done
anything, so its "wrong" describes a thing ("If something is wrong with your order"). An exclamation mark shouts
on a warning (a sentence that says what is not, or must not be), not on thanks or a welcome. Paragraphs the page
keeps in one element (a notice of two paragraphs) are one note, read as one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from harness.checks.pages import SIDE_LANDMARKS, asked_by_query, names_read, path_of
from harness.checks.patterns import has, stable_text
from harness.language.copy_rules import evaluate, load_rules, normalise
from harness.transcript import Message

if TYPE_CHECKING:
    from harness.checks.context import Context
    from harness.findings import Finding
    from harness.transcript import Step, Transcript

TONE = ("E1", "E3", "E4", "E10")
MIN_WORDS = 4  # fewer is a label or a link, not a note
_PROSE = re.compile(r"[a-z][.!?](?:\s|$)")  # a sentence ends in it: a table's header or a row of links does not
_SENTENCE = re.compile(r"[^.!?]*[.!?]+|[^.!?]+$")
_WARNS = re.compile(r"\b(?:not|no|never|must|cannot)\b|n't\b", re.IGNORECASE)


@dataclass(frozen=True)
class Note:
    """One note of a page the person answered a form on: the step it was first read at and its text."""

    pos: int
    message: Message


def _page(url: str) -> str:
    return (url or "").split("#", 1)[0]


def notes(transcript: Transcript) -> list[Note]:
    """Prose in the content of pages whose form the person filled in (not a search box), the help beside their
    fields among it, and of the pages such a form, sent, landed on (what the answer says besides its confirmation,
    read while the person waits), each block once, at the step it was first shown."""
    answered = {_page(g.url) for step in transcript.steps for g in step.given
                if g.channel == "form" and not asked_by_query(g, step)}
    answered |= {_page(step.url_after) for step in transcript.steps
                 if step.submits and _page(step.url_before) in answered}
    found: dict[str, Note] = {}
    for pos, step in enumerate(transcript.steps):
        blocks: dict[str, list[Message]] = {}
        for m in [*step.messages, *_hints(step)]:
            if (m.kind == "text" and m.speaker != "user" and not m.own and m.landmark not in SIDE_LANDMARKS
                    and m.visible and _page(m.url) in answered and _page(m.url) == _page(step.url_after)
                    and len(m.text.split()) >= MIN_WORDS and _PROSE.search(m.text)):
                blocks.setdefault(m.selector or m.text, []).append(m)
        for parts in blocks.values():
            text = " ".join(dict.fromkeys(p.text.strip() for p in parts))
            found.setdefault(text, Note(pos, parts[0].model_copy(update={"text": text})))
    return list(found.values())


def _hints(step: Step) -> list[Message]:
    """The help beside the fields of this step's page, as the notes a person reads there (not a look-up's: a search
    box's help is no instruction for an answer)."""
    return [Message(text=c.hint, selector=c.selector, url=c.url or step.url_after, field=c.label, landmark=c.landmark)
            for c in step.prompts if c.hint and not c.query and not c.frame]


def _calm(text: str) -> str:
    """The text with the exclamation marks of thanks and welcomes read as full stops: only a warning shouts."""
    return "".join(s if not s.rstrip().endswith("!") or _WARNS.search(s) else s.replace("!", ".")
                   for s in _SENTENCE.findall(text))


def cold_notes(ctx: Context) -> Iterator[Finding]:
    """A failed finding, of minor impact, for each note that breaks a criterion of tone."""
    tips = {r.code: r.suggestion for r in load_rules()}
    for note in notes(ctx.transcript):
        text = note.message.text
        read = names_read(text, ctx.transcript.steps[: note.pos + 1])
        broken = [r for r in evaluate(normalise(_calm(read)), "note") if not r.ok and r.code in TONE]
        if not broken:
            continue
        step = ctx.transcript.steps[note.pos]
        yield ctx.finding(step, message="failed.note", impact="minor", target=note.message.selector,
                          url=note.message.url, text=text, kind="note", criteria=[r.code for r in broken],
                          reasons="; ".join(r.detail for r in broken),
                          key=f"{path_of(note.message.url)}|note|{stable_text(text)}",
                          suggestion=" ".join(dict.fromkeys(tips[r.code] for r in broken)))


def badge_or_footnote(m: Message) -> bool:
    """A warning of one or two words labels a value ("Out of stock"); one in the footer is the site's note; a count
    of errors and nothing else ("1 (1 error)" on a tab) marks where the errors are, whose own words are judged; a
    status code ("500 error", "503 Unavailable": E1's code) is no count, it is all the person is told."""
    words = re.findall(r"\w+", m.text)
    if words and len(words) <= 4 and words[0].isdigit() and all(  # "Error 500" is a fault, not a count
            w.isdigit() or has("error_words", w) and words[i - 1].isdigit() for i, w in enumerate(words)) and all(
            r.ok for r in evaluate(normalise(m.text), "error") if r.code == "E1"):
        return True
    return m.kind == "warning" and (m.landmark == "contentinfo" or (
        len(m.text.split()) < 3 and not has("error_words", m.text)))


def in_a_label(m: Message, step: Step) -> bool:
    """Words drawn inside a question's own label ("Adult ticket 1× in your cart") name what its box holds, as a badge
    names a value: the label's, not an answer to the press. As whole words: "1× in your cart" inside "11× in your
    cart" is no part of that label."""
    text = m.text.strip()
    inside = re.compile(r"(?<!\w)" * bool(re.match(r"\w", text)) + re.escape(text) + r"(?!\w)" * bool(
        re.search(r"\w$", text)))
    return any(inside.search(c.label) and text != c.label.strip() for c in step.prompts)
