"""A journey: one persona walking one scenario in its own browser context, recorded step by step.

Why a context per scenario: cookies and storage never leak between scenarios, except on purpose
(a returning persona's storage state, restored from the run's memory). Why a route guard: a
persona must never carry its data to a host the team did not allow; attempts are aborted and
recorded as "blocked-host" friction. A page that hangs or a browser that crashes marks the step
"broken" and keeps the evidence gathered so far; nothing here waits without a bound.
"""

from __future__ import annotations

import datetime as _dt
import re
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from harness.browser.actor import Actor
from harness.browser.errors import JourneyBroken, status_for
from harness.browser.evidence import set_before
from harness.browser.recorder import Clock, Limits, Recorder
from harness.names import digest
from harness.names import slug as name_slug
from harness.transcript import Given, Message, Step, Transcript

VIEWPORT = {"width": 1280, "height": 800}


def allowed_hosts(settings: Any) -> list[str]:
    """The hosts a persona may visit: `allowed_hosts`, or the base URL's host."""
    hosts = [h.strip().lower() for h in (getattr(settings, "allowed_hosts", []) or []) if h.strip()]
    if not hosts:
        host = urlsplit(settings.base_url).hostname or ""
        hosts = [host.lower()] if host else []
    return hosts


def host_matches(host: str, port: int | None, allowed: list[str]) -> bool:
    """Whether host[:port] is allowed; entries may be "host", "host:port" or "*.domain"."""
    host = (host or "").lower().rstrip(".")
    for entry in allowed:
        name, _, want_port = entry.partition(":") if not entry.startswith("[") else (entry, "", "")
        if want_port and str(port or "") != want_port:
            continue
        if name.startswith("*."):
            if host.endswith(name[1:]) or host == name[2:]:
                return True
        elif host == name:
            return True
    return False


def blocked_pattern(allowed: list[str]) -> re.Pattern[str]:
    """A regex for http(s) URLs whose host is NOT allowed (run by the driver, so allowed requests stay fast)."""
    names = []
    for entry in allowed:
        name = entry.split(":")[0] if not entry.startswith("[") else entry
        names.append(r"[^/?#:@]*\." + re.escape(name[2:]) if name.startswith("*.") else re.escape(name))
    ok = "|".join(names) or "(?!)"
    return re.compile(rf"^https?://(?:[^/?#@]*@)?(?!(?:{ok})(?::\d+)?(?:[/?#]|$))")


def slug(text: str, limit: int = 60) -> str:
    """A safe file-name part (`harness.names.slug` keeping '.', '_' and '-'); "x" when nothing is left."""
    return name_slug(text, limit, keep="._-") or "x"


class Journey:
    """Owns the context, page, recorder, actor and live transcript of one persona in one scenario."""

    def __init__(self, browser: Any, settings: Any, persona: Any, data: Any, *, feature: str, scenario: str,
                 tags: list[str] | tuple[str, ...] = (), seed: int | None = None,
                 reports_dir: str | Path | None = None, record: bool = True, source: str = "") -> None:
        from harness.personas.data import seed_for
        from harness.personas.habits import Habits

        self.handle = browser
        self.settings = settings
        self.persona = persona
        self.data = data
        self.feature = feature
        self.scenario = scenario
        self.source = source  # where the scenario is written (its test id): part of the transcript's name
        self.tags = list(tags)
        self.seed = int(settings.seed if seed is None else seed)
        self.screenshots = str(getattr(settings, "screenshots", "on-finding"))
        self.reports_dir = Path(reports_dir) if reports_dir is not None else Path(settings.path("reports_dir"))
        self.allowed_hosts = allowed_hosts(settings)
        self.habits = Habits(persona, seed_for(self.seed, feature, scenario))
        self.secret_selectors: set[tuple[str, str]] = set()
        self.broken = ""
        self.sign_in_key: tuple[str, ...] | None = None  # whose session a sign-in here keeps (`kept_sign_in`)
        self.signed_in_state: dict[str, Any] | None = None  # the browser's storage as that sign-in left it
        self._step: Step | None = None
        self._finished: Transcript | None = None
        self._closed = False
        self.clock = Clock()
        self.context = browser.new_context(viewport=VIEWPORT)  # clean: no cookies, storage or cache
        try:
            self.context.set_default_timeout(float(settings.action_timeout_ms))
            self.context.set_default_navigation_timeout(float(settings.action_timeout_ms))
            secrets = data.secret_values() if hasattr(data, "secret_values") else []
            guard = (blocked_pattern(self.allowed_hosts), self._on_blocked_route)  # routed with the recorder's calls
            self.recorder = Recorder(self.context, self.clock, Limits.from_settings(settings), secrets=secrets,
                                     enabled=record, guard=guard)
            self.page = self.context.new_page()
            self.recorder.opened(self.page)
        except BaseException:
            self._close_context()
            raise
        self.transcript = Transcript(
            persona=persona.model_dump(mode="json") if hasattr(persona, "model_dump") else {},
            persona_name=getattr(persona, "name", ""), seed=self.seed, feature=feature, scenario=scenario,
            tags=self.tags, base_url=settings.base_url,
            started_at=_dt.datetime.now(_dt.UTC).isoformat(timespec="seconds"))
        self.actor = Actor(self)

    # ----- staying in bounds -----
    def host_allowed(self, url: str) -> bool:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https", "ws", "wss"):
            return True
        try:
            port = parts.port
        except ValueError:
            return False
        return host_matches(parts.hostname or "", port, self.allowed_hosts)

    def block(self, url: str, method: str, resource: str) -> None:
        """Record a blocked attempt to reach another host."""
        host = urlsplit(url).hostname or url
        self.recorder.add_friction(
            "blocked-host", detail=f"{method} {url[:300]} ({resource}): {host} is not in allowed_hosts "
                                   f"({', '.join(self.allowed_hosts)})")

    def _on_blocked_route(self, route: Any, request: Any) -> None:
        if self.host_allowed(request.url):
            route.fallback()
            return
        self.block(request.url, request.method, request.resource_type)
        route.abort("blockedbyclient")

    # ----- steps -----
    @property
    def memory(self) -> list[Given]:
        """Everything the persona has given so far in this scenario, in order."""
        given = [g for s in self.transcript.steps for g in s.given]
        if self._step is not None:
            given += self._step.given
        return given

    def current_step(self) -> Step:
        """The step being recorded (an implicit one when the actor is used outside any step)."""
        if self._step is None:
            self.begin_step("(between steps)", "")
        assert self._step is not None
        return self._step

    def begin_step(self, text: str, keyword: str = "") -> None:
        """Start recording a Gherkin step (ends one left open)."""
        if self._step is not None:
            self.end_step()
        self._step = Step(index=len(self.transcript.steps), text=text, keyword=keyword.strip(),
                          url_before=self._page_url(), started_ms=self.clock.now())

    def _page_url(self) -> str:
        try:
            return self.recorder.mask(self.page.url)
        except Exception:  # noqa: BLE001 - a crashed page has no URL
            return ""

    def end_step(self, status: str = "passed", error: str = "") -> Step:
        """Close the step: snapshot the controls, take a masked screenshot, collect what was seen."""
        step = self.current_step()
        title = ""
        shoot = self.screenshots == "every-step" or status != "passed"
        sign_in = None
        # a page busy past one probe (a single-page app running its scripts on a loaded machine) is asked again, twice
        # at least and for up to the action's timeout, before the journey is called broken: a hung page never answers
        asked, attempts = self.clock.now(), 0
        while not self.broken and not self.recorder.crashed:
            try:
                if shoot:
                    self.recorder.snapshot(self.page, paint=self._mask_request)
                else:  # the step's last wait looked at the page as it ended: no call when nothing changed since
                    self.recorder.controls_now(self.page)
                title = self._title()
                sign_in = self.recorder.sign_in
                break
            except Exception as exc:  # noqa: BLE001 - the page hung or died: keep what we have
                attempts += 1
                if ("Timeout" not in f"{type(exc).__name__} {exc}"
                        or attempts >= 2 and self.clock.now() - asked >= float(self.settings.action_timeout_ms)):
                    self.broken = ("the page stopped answering at the end of the step: "
                                   f"{str(exc).splitlines()[0][:200]}")
        self.actor.look_for_sign_in(sign_in)  # a press's landing, read in the same call
        if self.recorder.crashed and not self.broken:
            self.broken = self.recorder.crashed
        if self.screenshots != "off" and (shoot or self.broken):
            step.screenshot = self._screenshot(step.index)
        record = self.recorder.drain()
        step.prompts = record.controls
        mine = self._file_earlier_causes(record.messages, step.started_ms)
        step.messages = [*mine, *(m for m in step.messages if m not in mine)]
        step.requests = record.requests
        step.console_errors = record.console_errors
        step.friction = sorted([*step.friction, *record.friction], key=lambda f: f.at_ms)
        step.clicks, step.submits = record.clicks, record.submits
        step.long_tasks = record.long_tasks
        step.truncated = record.truncated
        step.url_after = self._page_url()
        step.title = title
        step.lang = self.recorder.lang
        step.links = list(self.recorder.links)
        step.ended_ms = self.clock.now()
        if self.broken and status == "passed":
            status, error = "broken", self.broken
        step.status = status  # type: ignore[assignment]
        step.error = self.recorder.mask(error)[:2000]
        self.transcript.steps.append(step)
        self._step = None
        return step.model_copy(deep=True)

    def _file_earlier_causes(self, messages: list[Message], since: float) -> list[Message]:
        """The messages of the step begun at `since`; one drawn by a timer the page set during an earlier step (a toast
        the page scheduled as it loaded, shown once the persona moved on) goes to that step, to be judged there."""
        mine = []
        for m in messages:
            caused, home = m.caused_ms or 0.0, None
            if set_before(caused, since):
                home = next((s for s in reversed(self.transcript.steps) if s.started_ms <= caused), None)
            if home is None:
                mine.append(m)
            elif m not in home.messages:
                home.messages.append(m)
        return mine

    def fail_step(self, exc: BaseException) -> Step:
        """End the step for an exception: "broken" for hangs and crashes, "failed" for the journey's own."""
        status = status_for(exc)
        if isinstance(exc, JourneyBroken):
            self.broken = str(exc)
        return self.end_step(status=status, error=str(exc))

    def screenshot_last_step(self) -> str | None:
        """Picture the page as the last step left it, unless it has one (on-finding: the checks found
        something there); masks painted as at a step's end. None when screenshots are off or the page is gone."""
        if not self.transcript.steps or self.screenshots == "off" or self.broken or self.recorder.crashed:
            return None
        step = self.transcript.steps[-1]
        if step.screenshot is None:
            try:
                self.recorder.paint(self.page, self._mask_request)
            except Exception:  # noqa: BLE001 - the page hung or died: Playwright's own masks cover it
                pass
            step.screenshot = self._screenshot(step.index)
        return step.screenshot

    def _title(self) -> str:
        return str(self.recorder.page_title(self.page))[:300]

    def _screenshot(self, index: int) -> str | None:
        if self.broken and self.recorder.crashed:
            self.recorder.painted = []
            return None
        name = f"{slug(self.feature, 40)}--{slug(self.scenario, 60)}--{slug(self.transcript.persona_name, 30)}"
        path = self.reports_dir / "screenshots" / f"{name}--{index:02d}.jpg"
        painted = list(self.recorder.painted)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            # The page script painted the masks (and hid the caret) in the frames it runs in, during the
            # step-end snapshot; Playwright's own masks cover any other frame.
            rest = [f for f in self.page.frames if f not in painted]
            self.page.screenshot(path=str(path), mask=self._secret_locators(rest), type="jpeg", scale="css",
                                 quality=int(getattr(self.settings, "screenshot_quality", 70)),
                                 timeout=self.recorder.limits.probe_timeout_ms,
                                 caret="initial" if painted else "hide",
                                 animations="allow" if painted else "disabled")
        except Exception:  # noqa: BLE001 - no screenshot is better than a stuck run
            return None
        finally:
            self.recorder.unmask()
        return path.relative_to(self.reports_dir).as_posix()

    def _mask_request(self, frame: Any) -> tuple[list[str], list[str]]:
        """What the page script in `frame` paints over for the screenshot: fields given a secret there
        (it finds password fields itself) and any text or value holding a secret.

        Why in the page: one call per frame, folded into the step-end snapshot, finds them all
        (Playwright's mask resolves one locator per secret per frame), and the recorder does not count
        the paint as a change on the page."""
        main = frame.parent_frame is None
        url = self.recorder.mask(frame.url)
        selectors = [sel for frame_url, sel in self.secret_selectors if (frame_url == url if frame_url else main)]
        secrets = list(self.data.secret_values()) if hasattr(self.data, "secret_values") else []
        return selectors, secrets

    def _secret_locators(self, frames: list[Any] | None = None) -> list[Any]:
        """Everything that may show a secret in `frames` (default: all): password fields, fields given
        a secret, text equal to one."""
        frames = list(self.page.frames) if frames is None else frames
        if not frames:
            return []
        out = []
        for frame in frames:
            out.append(frame.locator("input[type=password], input[autocomplete*=password]"))
        for frame_url, selector in self.secret_selectors:
            frame = next((f for f in self.page.frames if frame_url and self.recorder.mask(f.url) == frame_url),
                         self.page.main_frame)
            if frame in frames:
                out.append(frame.locator(selector))
        secrets = self.data.secret_values() if hasattr(self.data, "secret_values") else []
        for secret in secrets:
            for frame in frames:
                out.append(frame.get_by_text(secret, exact=False))
                out.append(frame.locator(f"input[value*={_css_string(secret)}]"))
        return out

    # ----- the end -----
    def finish(self) -> Transcript:
        """End any open step and write the transcript; safe to call twice."""
        if self._finished is not None:
            return self._finished
        if self._step is not None:
            self.end_step("passed" if not self.broken else "broken", self.broken)
        leftover = self.recorder.drain(final=True)
        if self.transcript.steps:
            last = self.transcript.steps[-1]
            last.friction = sorted([*last.friction, *leftover.friction], key=lambda f: f.at_ms)
            last.clicks += leftover.clicks
            last.submits += leftover.submits
            last.messages += [m for m in self._file_earlier_causes(leftover.messages, last.started_ms)
                              if m not in last.messages]
        elif leftover.friction or leftover.messages or leftover.clicks or leftover.submits:
            self.transcript.truncated.append("events after the last step were not kept")
        self.write()
        self._finished = self.transcript
        return self.transcript

    @property
    def transcript_path(self) -> Path:
        """Readable (feature, scenario, persona), and apart for two scenarios of one title in two files or two
        Examples rows (a digest of where it is written): neither overwrites the other's, run after run."""
        name = f"{slug(self.feature, 40)}--{slug(self.scenario, 80)}--{slug(self.transcript.persona_name, 30)}"
        if self.source:
            name += f"--{digest(f'{self.source} {self.scenario}')}"
        return self.reports_dir / "transcripts" / f"{name}.json"

    def write(self) -> Path:
        """Write the transcript JSON (secrets are already masked in it)."""
        path = self.transcript_path
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(self.transcript.to_json(), encoding="utf-8")
        return path

    def close(self) -> None:
        """Close the context (and so its pages); safe after a crash and when called twice."""
        if self._closed:
            return
        self._closed = True
        from harness.browser.kept_sign_in import keep

        try:
            keep(self)
        finally:  # a session that could not be kept still lets its browser go
            self._close_context()

    def _close_context(self) -> None:
        try:
            self.context.close()
        except Exception:  # noqa: BLE001 - a crashed browser has nothing left to close
            pass

    def __enter__(self) -> Journey:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _css_string(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
