"""Who the page says is signed in: after a sign-in, the line that names the person is a greeting by name.

Why apart from the actor: it reads the page as a person reads it after landing (the header first), and both a typed
sign-in and a restored one (kept_sign_in) end with it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from harness.browser.locate import whole_word
from harness.names import initials
from harness.phrases import book, languages, primary
from harness.transcript import Message

if TYPE_CHECKING:
    from harness.browser.actor import Actor

TOP_BAR_PX = 120  # a page's top bar, as a person sees it, where its header has no landmark: an account mark sits there
LINE_CHARS = 80  # a longer line is a sentence or a paragraph, not the line that says who is signed in
MAX_LINES = 400  # of the header's and of the page's: the lines a person reads on landing, not a long page's every one
# The visible lines of the page's header and navigation (where a site names who is signed in), then the rest, then
# the short marks of two or three letters in the page's top bar (an avatar's initials). Only lines short enough to
# name someone (`chars`), each once, at most `most` of each: a long page (a log, a list of thousands) is not sent whole.
WHO_LINES = """([topBar, most, chars]) => {
  const squash = (t) => (t || "").replace(/\\s+/g, " ").trim();
  const first = (lines) => Array.from(new Set(lines.filter((t) => t && t.length <= chars))).slice(0, most);
  const own = (el) => {  // each visible text's own element: "Kim Lee" in a link, not the whole menu bar
    const out = new Set(), walk = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let n = walk.nextNode(); n; n = walk.nextNode()) {
      const p = n.parentElement;
      if (squash(n.data) && p && p.checkVisibility && p.checkVisibility()) out.add(squash(p.innerText));
    }
    return Array.from(out);
  };
  const top = Array.from(document.querySelectorAll("header, nav, [role=banner], [role=navigation]"));
  const marks = Array.from(document.body ? document.body.querySelectorAll("*") : []).filter((el) => {
    const text = squash(Array.from(el.childNodes).filter((n) => n.nodeType === 3).map((n) => n.data).join(""));
    return /^[^\\W\\d_]{2,3}$/.test(text) && el.checkVisibility && el.checkVisibility()
      && el.getBoundingClientRect().bottom <= topBar;
  }).map((el) => squash(el.innerText));
  return [first(top.flatMap(own)), first(document.body ? document.body.innerText.split("\\n").map(squash) : []),
    marks];
}"""


def notice_who(actor: Actor) -> None:
    """After signing in, a line that names the person ("Logged in as Alex Morgan", their name in the
    header or navigation) greets them by name, as a person reads it: a greeting for lost-context. Else their
    initials as the top bar's account mark ("AM" in an avatar) show who is signed in, as a greeting too."""
    lang = primary(actor._rec.lang or "") or "en"
    if lang not in languages():
        return
    signed_in_as = book(lang).get("signed_in_as")
    names = [actor.journey.data[k] for k in ("full_name", "username", "first_name") if actor.journey.data.get(k)]
    lines = actor._read_page("read who the page says is signed in",
                             lambda: actor.page.evaluate(WHO_LINES, [TOP_BAR_PX, MAX_LINES, LINE_CHARS]))
    if lines is None:
        return
    chrome, body, marks = lines
    step = actor.journey.current_step()
    for line, top in [*((x, True) for x in chrome), *((x, False) for x in body)]:
        kept = actor._rec.mask(line)  # messages hold masked text: a line is compared with them as it would be kept
        if any(kept in m.text for m in step.messages):
            continue
        if (signed_in_as and signed_in_as.search(line)) or (top and any(whole_word(n).search(line) for n in names)):
            step.messages.append(Message(text=kept, kind="greeting",
                                         url=actor._rec.mask(actor.page.url), appeared_ms=actor._now()))
            return
    mark = next((m for m in marks if m.upper() in initials(*names)), None)
    if mark:
        step.messages.append(Message(text=actor._rec.mask(mark), kind="greeting", url=actor._rec.mask(actor.page.url),
                                     appeared_ms=actor._now()))
