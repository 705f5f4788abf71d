"""The scout: walks a site as a person would, by its links, and follows each form to where it leads.

Why a persona's journey (`harness.browser.Journey`) and not a plain crawler: the same host guard, the
same settling and the same way of finding and filling fields as a suite's, so the scout only writes
down steps the suite can replay. Its own habits are switched off (no double-clicks while exploring),
and it never presses an irreversible button unless told to (`harness.audit.safety`).
"""

from __future__ import annotations

import json
import random
import time
from collections.abc import Callable
from contextlib import ExitStack
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from harness.audit.model import (
    Flow,
    FlowStep,
    Form,
    SiteMap,
    choices_for,
    in_turn,
    next_form,
    own_details,
    path_and_query,
)
from harness.audit.plausible import plausible
from harness.audit.probes import NEW_PASSWORD
from harness.audit.safety import is_logout, link_commits, offers_sign_out, shows_dialog
from harness.config import Settings
from harness.runner.interrupt import raise_if_requested

if TYPE_CHECKING:
    from harness.browser.journey import Journey
    from harness.personas.model import Persona

PAGE_JS = Path(__file__).with_name("page.js").read_text(encoding="utf-8")
READ_JS = f"() => {{ const r = ({PAGE_JS})(); return r && JSON.stringify(r); }}"  # polled until the page is drawn
MAX_STEPS = 5  # pages followed from one form
PAGES_SHARE = 0.5  # of the scout's time, for finding pages: the rest follows the forms found
_FILES = (".pdf", ".zip", ".png", ".jpg", ".jpeg", ".gif", ".svg", ".css", ".js", ".ico", ".xml", ".txt", ".csv",
          ".tgz", ".gz", ".json", ".woff", ".woff2", ".mp4", ".mp3")


class Scout:
    """Explores within `allowed_hosts`, a page budget and a deadline; `run()` returns the SiteMap."""

    def __init__(self, settings: Settings, persona: Persona, *, newcomer: Persona | None = None, start: str = "/",
                 pages: int, deadline: float, submit: bool, ignore_robots: bool = False, also: tuple[str, ...] = (),
                 run_until: float | None = None, scenarios: Callable[[SiteMap], int] | None = None,
                 progress: Callable[[str], None] = lambda _: None) -> None:
        from harness.personas.model import Habits

        self.settings = settings
        # explore without the persona's habits (no double-click while finding the way)
        self.persona = persona.model_copy(update={"habits": Habits.model_validate({})})
        # a sign-up is walked as someone with no account, as the features walk it: the account's own person would
        # meet "that username is taken" and the walk would end on the form shown again, not where a sign-up leads
        self.newcomer = self.persona if newcomer is None else newcomer.model_copy(
            update={"habits": Habits.model_validate({})})
        self.budget = pages
        self.start = start
        self.also = also  # pages to open after the start whatever links to them (the workspace's named pages)
        self.ignore_robots = ignore_robots
        self.deadline = deadline
        # when the run that replays what the scout found must end, and how many scenarios its flows so far write
        self.run_until, self.scenarios, self.signing_s = run_until, scenarios, 0.0  # the walk under way's sign-in
        self.submit = submit
        self.progress = progress
        self.site = SiteMap(base_url=settings.base_url, seed=int(settings.seed))
        self._forms: dict[tuple[str, str, tuple[str, ...]], Form] = {}
        self.signed_in = ""  # the page the scout signed in on, once it has
        self._tried: set[str] = set()  # the accounts signing in was tried as, once each ("": the persona's own)
        self._openers: set[str] = set()  # buttons pressed to see the dialog behind them (once each on the site)
        self._walked: set[tuple[str, str, tuple[str, ...]]] = set()  # forms walked (the sign-in while exploring)
        self._queue, self._later = list(dict.fromkeys([start, *also])), list[str]()  # the crawl's, across its rounds
        self._seen, self._rng = set(self._queue), random.Random(self.site.seed)  # (later: a page sorted another way)
        self._crawler: Journey | None = None  # its journey, signed in once
        self._stack, self.ran, self.walk_s = ExitStack(), 0, 0.0  # walk_s: a walk's mean, for the next round

    def run(self, browser: Any, *, ran: int = 0) -> SiteMap:
        """Pages (links, breadth first, in the seed's order), then each form's flow while the time left holds a walk as
        long as the mean so far (one begun near the deadline took the run's time) and the run is not full (`_full`;
        `ran`: the scenarios of earlier rounds). A page read past the crawl's share (66 s, a block editor at load 24)
        moves the forms' share on. Every form followed, pages left, the crawl goes on with half of what is left (at
        load 40 a sign-in took django-auth's crawl share, and one form walked left 33 s of the scout unused)."""
        began, self.ran, walks, scenes = time.monotonic(), ran, list[float](), list[float]()  # scenes: less sign-in
        try:
            with self._stack:  # the crawl's journey, closed with the round's browser (signed in again in the next)
                pages_until = began + (self.deadline - began) * PAGES_SHARE
                while True:
                    read = len(self.site.pages)
                    self._crawl(browser, until=pages_until)
                    self.deadline += max(0.0, time.monotonic() - pages_until)
                    if not self._follow(browser, walks, scenes) or len(self.site.pages) in (read, self.budget) or not (
                            self._queue or self._later):
                        break
                    pages_until = time.monotonic() + (self.deadline - time.monotonic()) * PAGES_SHARE
        except KeyboardInterrupt:
            self.site.stopped = "interrupted"
        finally:
            self._crawler, self._stack = None, ExitStack()
        return self.site

    def _follow(self, browser: Any, walks: list[float], scenes: list[float]) -> bool:
        """Walk each form found and not yet walked, one of each kind in turn; False when time or the run stopped it."""
        keys = {id(f): key for key, f in self._forms.items() if key not in self._walked}
        todo = [f for f in self._forms.values() if id(f) in keys]
        for n, form in enumerate(in_turn(todo, lambda f: f.kind)):  # as the run takes them
            mean = sum(walks) / len(walks) if walks else 0.0
            if time.monotonic() >= self.deadline - mean:
                self.site.stopped = f"time: {len(todo) - n} form(s) not followed"
                return False
            if written := self._full(mean, sum(scenes) / len(scenes) if scenes else 0.0):
                self.site.stopped = (f"the run is full: {written} scenario(s) written; "
                                     f"{len(todo) - n} form(s) not followed")
                self.progress(self.site.stopped)
                return False
            walk_began, self.signing_s = time.monotonic(), 0.0
            self.site.flows.append(self._walk(browser, form, len(walks)))
            self._walked.add(keys[id(form)])
            walks.append(time.monotonic() - walk_began)
            self.walk_s = sum(walks) / len(walks)
            scenes.append(walks[-1] - self.signing_s)
            self.progress(f"followed {n + 1}/{len(todo)} form(s)")
        return True

    def _full(self, walk: float, scene: float) -> int:
        """The scenarios written this round, when one more walk and then those (each a walk less its sign-in) would end
        after the run must, else 0: at load 15 to 33 django-auth's scout wrote 21 scenarios, its run finished 4."""
        if self.run_until is None or self.scenarios is None or not walk:
            return 0
        written = self.scenarios(self.site) - self.ran
        return written if time.monotonic() + walk + scene * written >= self.run_until else 0

    def _journey(self, browser: Any, name: str, persona: Persona | None = None) -> Journey:
        from harness.browser.journey import Journey
        from harness.personas.data import generate_data

        who = persona or self.persona
        data = generate_data(who, run_seed=self.site.seed, scenario=f"audit {name}", require_secrets=False,
                             identity=self.settings.identity)
        return Journey(browser, self.settings, who, data, feature="audit", scenario=name,
                       reports_dir=self.settings.path("reports_dir") / "scout")

    def _read(self, journey: Journey) -> dict[str, Any]:
        handle = journey.page.main_frame.wait_for_function(READ_JS,
                                                           timeout=float(self.settings.action_timeout_ms))
        return dict(json.loads(handle.json_value()))

    def _form(self, raw: dict[str, Any], path: str) -> Form:
        from harness.language.prompts import PromptSpec, info_key

        def info(c: dict[str, Any]) -> str:  # what the field asks, read as the fill step reads it
            known = {k: str(c.get(k, "")) for k in ("label", "placeholder", "name", "id", "type", "autocomplete")}
            return info_key(PromptSpec.from_control(SimpleNamespace(**known))) or ""

        return Form.from_page(raw, path, info)

    def _crawl(self, browser: Any, until: float) -> None:
        """Read pages by their links until `until` or the page budget; a later call goes on where this one stopped."""
        if self._crawler is None:
            self._crawler = self._stack.enter_context(self._journey(browser, "pages"))
            if self.signed_in:  # a later round, in a browser of its own: signed in again as the first round was
                self._crawler.actor.goto(self.settings.page_url(self.signed_in))
                self._sign_in_here(self._crawler, self.site.account)
        journey, queue, later, seen, rng = self._crawler, self._queue, self._later, self._seen, self._rng
        while (queue or later) and len(self.site.pages) < self.budget:
            raise_if_requested()
            if time.monotonic() >= until:
                self.site.stopped = f"time: {len(queue) + len(later)} page(s) left unexplored"
                return
            path = queue.pop(0) if queue else later.pop(0)
            try:
                journey.actor.goto(self.settings.page_url(path))
                raw = self._read(journey)
            except Exception as exc:  # noqa: BLE001 - a page that fails to open is skipped, not fatal
                self.site.skipped.append(f"{path}: did not open ({_first_line(exc)[:120]})")
                continue
            finally:
                journey.recorder.drain()
            here = path_and_query(raw["url"])
            if not journey.host_allowed(raw["url"]) or (here != path and here in seen):
                continue
            seen.add(here)
            self._page(raw, here, (queue, later), seen, rng, journey)
            self._behind_buttons(journey, raw, here)
            if self._sign_in(journey, raw, here):
                landed = path_and_query(journey.page.url)  # where signing in led: explored next, signed in
                if landed in queue:
                    queue.remove(landed)
                queue.insert(0, landed)
                seen.add(landed)
            self.progress(f"page {len(self.site.pages)}/{self.budget} {here}: {len(self._forms)} form(s) so far")

    def _page(self, raw: dict[str, Any], here: str, queues: tuple[list[str], list[str]], seen: set[str],
              rng: random.Random, journey: Journey) -> None:
        robots = raw.get("robots", "")
        self.site.pages.append((here, str(raw.get("title", ""))[:120]))
        if int(raw.get("status") or 0) >= 400 and '"' not in here:
            self.site.error_pages.append((here, int(raw["status"])))
        self.site.dialogs += int(raw.get("dialogs", 0))
        # noindex asks search engines not to list a page (staging sites carry it): its forms are still probed
        for f in raw.get("forms", []):
            self._add(self._form(f, here), here)
        if self.signed_in and self.site.sign_out is None and offers_sign_out(raw):
            self.site.sign_out = (self.signed_in, here)
        if ("nofollow" in robots or "none" in robots) and not self.ignore_robots:
            self.site.skipped.append(f"{here}: robots meta says nofollow; its links were not followed")
            return
        found = set()
        for link in raw.get("links", []):
            href, text = str(link.get("href", "")), str(link.get("text", ""))
            if not href.startswith(("http://", "https://")) or not journey.host_allowed(href):
                continue
            target = path_and_query(href)
            if target in seen or target in found or urlsplit(href).path.lower().endswith(_FILES):
                continue
            nofollow = "nofollow" in str(link.get("rel", "")) and not self.ignore_robots
            why = ("rel=nofollow" if nofollow else "it would sign out"
                   if is_logout(text, href) else "it would act, not show" if link_commits(text, href) else "")
            if why:
                self.site.skipped.append(f"{target}: not followed, {why}")
                seen.add(target)
                continue
            found.add(target)
        new = sorted(found)
        rng.shuffle(new)
        seen.update(new)
        # a path already met, with another query (?ordering=-total, ?page=2), waits until every new path is seen;
        # a site that tells its pages apart by query alone (?id=…) is still explored in the seed's order
        paths = {urlsplit(p).path for p in seen - set(new)}
        queues[0].extend(p for p in new if urlsplit(p).path not in paths)
        queues[1].extend(p for p in new if urlsplit(p).path in paths)

    def _add(self, form: Form, here: str) -> None:
        """Note a form to follow: one form whatever query its list is sorted or filtered by (?o=2, ?status=open),
        one on every item page that differs by a number (/issue1, /issue2), and one search box outside any form
        on every page that shows it (a layout's filter box beside its theme button): each is probed once."""
        form.sign_in = "" if form.for_signed_out else self.signed_in  # a sign-up is for people with no account
        form.account = self.site.account if form.sign_in else ""
        form.read_signed_in = bool(self.signed_in and form.for_signed_out)
        key = form.one_form(here)
        if form.button and form.fields and key not in self._forms:
            self._forms[key] = form

    def _behind_buttons(self, journey: Journey, raw: dict[str, Any], here: str) -> None:
        """Press each button that shows a dialog ("Login" with no form of its own; once a name on the site) and
        note the forms it showed, to be opened the same way; then the page is opened again as it was."""
        pressed = False
        for opener in raw.get("openers", []):
            name = str(opener.get("name", ""))
            if name in self._openers or '"' in name or not shows_dialog(name, bool(opener.get("dialog"))):
                continue
            self._openers.add(name)
            if pressed:
                journey.actor.goto(self.settings.page_url(here))
            pressed = True
            try:
                journey.actor.click(name)
                after = self._read(journey)
            except Exception as exc:  # noqa: BLE001 - a button that shows nothing is no dialog
                self.site.skipped.append(f'{here}: pressing "{name}" showed nothing ({_first_line(exc)[:80]})')
                continue
            finally:
                journey.recorder.drain()
            if path_and_query(after["url"]) != here:
                continue  # it led to another page: a link by another name, which the crawl follows
            had = {(f.button, f.key[2]) for f in (self._form(r, here) for r in raw.get("forms", []))}
            for f in after.get("forms", []):
                form = self._form(f, here)
                if (form.button, form.key[2]) not in had:
                    form.opener = name
                    self._add(form, here)
        if pressed:
            journey.actor.goto(self.settings.page_url(here))
            journey.recorder.drain()

    def _sign_in(self, journey: Journey, raw: dict[str, Any], here: str) -> bool:
        """Sign in once, on the first page with a sign-in form, when the persona has an account (a password). Where
        the site names its accounts otherwise (a shared project's identifier, not the person's username), a sign-in
        form whose name box the site filled in (a link that names the account: `/authenticate?project=house`) is
        signed in to as that account, with the persona's password, as a person who followed the link does."""
        if self.signed_in or "password" not in journey.data:
            return False
        forms = [f for f in (self._form(r, here) for r in raw.get("forms", [])) if f.signs_in]
        named = next((x.value for f in forms for x in f.fields if x.typed and x.type != "password" and x.value), "")
        if not forms or named in self._tried:
            return False
        self._tried.add(named)
        try:
            self._sign_in_here(journey, named)
            after = self._read(journey)
        except Exception:  # noqa: BLE001 - no account here: explore signed out
            after = raw
        finally:
            journey.recorder.drain()
        who = f"{self.persona.name} as {named!r}" if named else self.persona.name
        if any(c.get("type") == "password" for f in after.get("forms", []) for c in f.get("controls", [])):
            self.site.skipped.append(f"{here}: signing in as {who} did not work; explored signed out")
            return False
        self.signed_in, self.site.account = here, named
        self._walked_by_signing_in(next(f for f in forms if any(x.type == "password" for x in f.fields)), here,
                                   path_and_query(after["url"]))
        self.progress(f"signed in as {who} on {here}")
        return True

    def _walked_by_signing_in(self, form: Form, here: str, landed: str) -> None:
        """The sign-in just made is its form's walk, written as its flow (as the account its name box named): at load
        24 to 35 a walk of its own was left for time."""
        key = form.one_form(here)
        known = self._forms.get(key)
        if known is None or key in self._walked:
            return
        name = next((x.label for x in known.fields if x.typed and x.type != "password"), "")
        step = FlowStep(known, *choices_for(known), entries=[(name, self.site.account)] if name and self.site.account
                        else [])
        self.site.flows.append(Flow(steps=[step], ended_at=landed))
        self._walked.add(key)

    @staticmethod
    def _sign_in_here(journey: Journey, account: str = "") -> None:
        """Sign in on the page open now as the features do (`probes.signing_in`): the persona's account, or the one
        the page named, in the form that holds the password box (a sidebar's), by its own button."""
        journey.actor.sign_in(account or None)
        journey.actor.wait_until_settled()

    def _walk(self, browser: Any, form: Form, n: int) -> Flow:
        """Fill the form with the persona's data and press on, page by page, until it ends or would commit."""
        flow = Flow(steps=[])
        with self._journey(browser, f"flow {n + 1}", self.newcomer if form.signs_up else None) as journey:
            current: Form | None = form
            try:
                if form.sign_in:
                    signing = time.monotonic()
                    journey.actor.goto(self.settings.page_url(form.sign_in))
                    self._sign_in_here(journey, form.account)
                    self.signing_s = time.monotonic() - signing
                journey.actor.goto(self.settings.page_url(form.path))
                if form.opener:  # a dialog's form: shown by pressing its button first
                    journey.actor.click(form.opener)
                    journey.actor.wait_until_settled()
                if form.read_signed_in:  # as the people it is for see it ("Create your account", not "Create account")
                    current = self._signed_out(journey, form)
                while current is not None and len(flow.steps) < MAX_STEPS:
                    raise_if_requested()
                    choices, ticks = choices_for(current)
                    step = FlowStep(current, choices=choices, ticks=ticks)
                    flow.steps.append(step)
                    why = current.commits(last_of_flow=len(flow.steps) > 1, choices=tuple(o for _, o in choices))
                    if why and not self.submit:
                        step.held_back = why
                        break
                    for question, option in choices:
                        journey.actor.choose(question, option)
                    for label in ticks:
                        journey.actor.tick(label)
                    typed = len(journey.current_step().given)
                    for label in journey.actor.fill_form() if current.fields else ():
                        field = next((f for f in current.fields if f.label == label not in current.extra_counts), None)
                        value = "" if field is None else self.site.account if current.signs_in and self.site.account \
                            else plausible(field, seed=self.site.seed, locale=journey.persona.locale,
                                           looks_up=current.method == "get" or current.search)
                        if value:
                            journey.actor.fill(label, value=value)
                            step.entries.append((label, value))
                    for label in current.new_passwords:  # as the features type it (`probes._answer`)
                        journey.actor.fill(label, value=NEW_PASSWORD)
                    step.details = own_details(current, journey.current_step().given[typed:])
                    journey.recorder.drain()  # what the page said before the press is not its answer
                    journey.actor.click(current.button)
                    journey.actor.wait_until_settled()
                    raw = self._read(journey)
                    done = any(m.kind == "confirmation" for m in journey.recorder.drain().messages)
                    flow.ended_at = path_and_query(raw["url"])
                    flow.shown_again = any(self._form(f, flow.ended_at).same_as(current)
                                           for f in raw.get("forms", []))
                    current = next_form(raw, current, self._form, done=done)
            except Exception as exc:  # noqa: BLE001 - a flow that stops is written as far as it went (Ctrl-C is no Exception)
                why = f"{form.path} ({form.button}): stopped at step {len(flow.steps)}: {_first_line(exc)[:160]}"
                self.site.skipped.append(why)
                self.progress(why)  # on the console too: a walk cut short is the audit's, not the site's
        return flow

    def _signed_out(self, journey: Journey, form: Form) -> Form:
        """A sign-up form read signed in, as the page shows it signed out (its button may say something else)."""
        fresh = [self._form(f, form.path) for f in self._read(journey).get("forms", [])]
        shown = next((f for f in fresh if f.for_signed_out), form)
        shown.opener = form.opener
        return shown


def _first_line(exc: Exception) -> str:
    return next(iter(str(exc).splitlines()), type(exc).__name__)
