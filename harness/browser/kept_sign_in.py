"""Sign each persona in once: a later sign-in by the same persona, on the same page, restores the session the first
one left (Playwright's storage state: cookies and local storage) instead of typing and pressing again.

Why: under load a signed-in scenario's sign-in press costs seconds (the site hashes the password), and an audit's
probes sign in once per scenario. Why in the worker's memory, per persona and account: a session is a secret (it is
never written where a report carries it), and one persona's session is never another's. Why a look after restoring:
the site may have ended the session (a sign-out, a password saved again); the page the first sign-in landed on is
opened, and where it moved elsewhere or shows a password box the persona signs in as usual. On with `keep_sign_in`
(the audit sets it); a written suite's scenarios sign in each time unless asked.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from harness.browser import greeted
from harness.transcript import MASK, Given, Wait

if TYPE_CHECKING:
    from harness.browser.actor import Actor
    from harness.browser.journey import Journey

RESTORED = "signed in already: the session this persona's earlier sign-in on this page left, restored"
ENDED = "the session this persona's earlier sign-in left had ended: signed in again"
Key = tuple[str, ...]


@dataclass(frozen=True)
class Kept:
    """A persona's session after a sign-in that worked: the browser's storage state, the address it landed on and
    what the sign-in typed (as recorded: secrets masked)."""

    state: dict[str, Any]
    landing: str
    given: tuple[Given, ...]


def _store(journey: Journey) -> dict[Key, Kept]:
    """The worker's kept sessions (on its browser: one per worker, gone with it)."""
    store: dict[Key, Kept] = journey.handle.kept_sign_ins
    return store


def key_of(journey: Journey, user: str) -> Key:
    """Whose session on which page: the persona, the name it signs in with (its username, e-mail or the account the
    page named), the sign-in page."""
    page = urlsplit(journey.page.url)
    return str(getattr(journey.persona, "name", "")), user, f"{page.scheme}://{page.netloc}{page.path}"


def restore(actor: Actor, user: str, target: str) -> Wait | None:
    """Sign in as `user` with the persona's kept session (None: nothing kept, or it had ended: sign in as usual);
    `target` names the detail given, as a sign-in by hand records it."""
    journey = actor.journey
    if not getattr(journey.settings, "keep_sign_in", False):
        return None
    key = key_of(journey, user)
    journey.sign_in_key = key  # kept once this journey's own sign-in has worked (`keep`)
    kept = _store(journey).get(key)
    if kept is None:
        return None
    sign_in_page, started = journey.page.url, actor._now()
    actor._action("sign-in", target, detail=RESTORED, at_ms=started)
    with actor._guarded("restore the kept session"):
        journey.context.add_cookies(kept.state.get("cookies", []))
        origin = f"{urlsplit(sign_in_page).scheme}://{urlsplit(sign_in_page).netloc}"
        items = [o.get("localStorage", []) for o in kept.state.get("origins", []) if o.get("origin") == origin]
        if items and items[0]:
            journey.page.evaluate("(items) => items.forEach((i) => localStorage.setItem(i.name, i.value))", items[0])
        journey.page.goto(kept.landing, wait_until="commit", timeout=actor._timeout)
    wait = actor._settle("sign in", started, "sign-in")
    if urlsplit(journey.page.url).path == urlsplit(kept.landing).path and not _asks_password(actor):
        step = journey.current_step()
        step.given += [g.model_copy(update={"at_ms": started}) for g in kept.given]
        greeted.notice_who(actor)
        return wait
    _store(journey).pop(key, None)  # ended on the site's side: sign in again, on the page the step opened
    actor._action("goto", sign_in_page, detail=ENDED)
    with actor._guarded("open the sign-in page again"):
        journey.context.clear_cookies()
        journey.page.goto(sign_in_page, wait_until="commit", timeout=actor._timeout)
    actor._settle(f"open {sign_in_page}", actor._now(), "goto")
    return None


def _asks_password(actor: Actor) -> bool:
    """Whether the page shows a password box (a page that moved on mid-read counts as asking: sign in as usual)."""
    shown = actor._read_page("look for a password box", lambda: actor.page.evaluate(
        "() => Array.from(document.querySelectorAll('input[type=password]')).some((e) => e.checkVisibility())"))
    return shown is not False


def landed(journey: Journey) -> None:
    """Right after a sign-in pressed by hand: the browser's storage as it left it (before the scenario adds to it)."""
    if journey.sign_in_key is None:
        return
    try:
        journey.signed_in_state = journey.context.storage_state()
    except Exception:  # noqa: BLE001 - a closed or crashed context keeps nothing
        journey.signed_in_state = None


def keep(journey: Journey) -> None:
    """At the journey's end: keep the session its own sign-in left, when that worked (the page after it asked for
    no password) and the persona did not sign out since; a sign-out forgets the persona's kept sessions."""
    key, state = journey.sign_in_key, journey.signed_in_state
    steps = journey.transcript.steps
    if key is None:
        return
    if any(a.kind == "sign-out" for s in steps for a in s.actions):
        for other in [k for k in _store(journey) if k[0] == key[0]]:
            _store(journey).pop(other, None)
        return
    signed = [i for i, s in enumerate(steps) if any(a.kind == "sign-in" and a.detail != RESTORED for a in s.actions)]
    if state is None or not signed or journey.broken:
        return
    # the sign-in's own step ends where it landed (a later step's end is wherever the scenario went next)
    at = steps[signed[-1]]
    if any(c.type.lower() == "password" for c in at.prompts) or MASK in at.url_after or not at.url_after:
        return  # the sign-in did not work (its form is back), or where it landed is not an address to open again
    given = tuple(g for g in at.given if g.channel == "form")
    _store(journey)[key] = Kept(state=state, landing=at.url_after, given=given)
