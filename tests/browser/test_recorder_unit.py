"""The recorder's bookkeeping without a browser: masking, clicks as the friction rule reads them, bounds.

A stub context stands in for Playwright's (a test double inside one module's unit test); the same
rules run for real in test_recorder.py.
"""

from __future__ import annotations

from typing import Any

import pytest

from harness.browser.recorder import Clock, Limits, Recorder
from harness.browser.step_record import StepRecord
from harness.checks import clicks
from harness.transcript import MASK, Step, Transcript


class _Context:
    pages: list[Any] = []

    def expose_binding(self, *a: Any) -> None: ...
    def add_init_script(self, *a: Any, **k: Any) -> None: ...
    def on(self, *a: Any) -> None: ...


def _recorder(**limits: Any) -> Recorder:
    clock = Clock()
    clock.t0 -= 60000  # the journey started a minute ago: every event below is in the past
    return Recorder(_Context(), clock, Limits(**limits), secrets=["s3cret&pass", "42"])


def _signs(record: StepRecord, **limits: Any) -> list[clicks.Sign]:
    """The signs of struggle the friction rule reads from what the recorder wrote down."""
    step = Step(index=0, text="step", clicks=record.clicks, submits=record.submits)
    return clicks.signs(Transcript(steps=[step]), clicks.ClickLimits(**limits))


class _TopFrame:
    """The main frame, as Playwright's framenavigated event gives it."""

    parent_frame = None
    url = "http://127.0.0.1/next"


def _report(rec: Recorder, kind: str, t_ms: float, **data: Any) -> None:
    rec._on_report({"frame": None}, {"type": kind, "visit": "v1", "t": rec.clock.t0 + t_ms, **data})


def test_mask_hides_secrets_also_url_encoded() -> None:
    rec = _recorder()
    assert rec.mask("pw=s3cret&pass here") == f"pw={MASK} here"
    assert rec.mask("/login?pw=s3cret%26pass") == f"/login?pw={MASK}"
    assert rec.mask("answer 42") == f"answer {MASK}"
    assert rec.mask("nothing secret") == "nothing secret"


def test_password_and_secret_values_never_leave_a_control() -> None:
    rec = _recorder()
    pw = rec.control_from({"selector": "#p", "label": "Password", "type": "password", "value": MASK,
                           "initial_value": "", "secret": True})
    assert pw.secret and pw.value == MASK and pw.initial_value == ""
    typed = rec.control_from({"selector": "#n", "label": "Notes", "type": "text", "value": "s3cret&pass",
                              "initial_value": "s3cret&pass"})
    assert typed.secret and typed.value == MASK and typed.initial_value == MASK and typed.prefilled
    plain = rec.control_from({"selector": "#e", "label": "Email", "type": "email", "value": "a@b.c"})
    assert not plain.secret and plain.value == "a@b.c"


def test_messages_are_masked_classified_and_timed() -> None:
    rec = _recorder()
    _report(rec, "message", 100, id=1, text="Your code s3cret&pass was saved", cls="toast")
    _report(rec, "gone", 2100, id=1)
    (msg,) = rec.drain().messages
    assert msg.text == f"Your code {MASK} was saved"
    assert msg.kind == "toast"
    assert msg.appeared_ms == 100 and msg.disappeared_ms == 2100


def test_only_the_new_documents_idle_word_says_a_press_that_navigated_is_done() -> None:
    rec = _recorder()
    _report(rec, "visit", 50)
    _report(rec, "quiet", 100, last=rec.clock.t0 + 90, timers=[], idle=True)
    pressed = rec.clock.now() - 1  # a moment before the page answered
    rec._on_navigated(_TopFrame())  # the press's post came back: the old document is left
    assert rec.page_idle() and not rec.idle_since_navigation(pressed)  # its word was sent before it was left
    rec._on_report({"frame": None}, {"type": "visit", "visit": "v2", "t": rec.clock.t0 + 60000})
    assert not rec.idle_since_navigation(pressed)  # the new document has not said anything yet
    rec._on_report({"frame": None}, {"type": "quiet", "visit": "v2", "t": rec.clock.t0 + 60000,
                                     "last": rec.clock.t0 + 60000, "timers": [], "idle": True})
    assert rec.idle_since_navigation(pressed)


def test_a_new_documents_own_timers_do_not_hold_a_press_that_led_to_it_but_the_same_documents_do() -> None:
    # A toast the new page schedules as it loads is its own doing, not an answer still due; a timer the same
    # page set after the press is; and a request the page awaits holds either way.
    rec = _recorder()
    _report(rec, "visit", 50)
    pressed = 59999.0  # a fixed moment (the journey's clock), not now: the test must not depend on its own speed
    soon = [[rec.clock.t0 + 60100, rec.clock.t0 + 60400]]  # set after the press, due 300 ms later
    _report(rec, "quiet", 60050, last=rec.clock.t0 + 60050, timers=soon, awaits=[], idle=False, calm=True)
    assert not rec.page_quiet(pressed)  # the same document: its timer may draw the answer
    rec._on_navigated(_TopFrame())
    rec._on_report({"frame": None}, {"type": "visit", "visit": "v2", "t": rec.clock.t0 + 60000})
    rec._on_report({"frame": None}, {"type": "quiet", "visit": "v2", "t": rec.clock.t0 + 60000,
                                     "last": rec.clock.t0 + 60000, "timers": soon, "awaits": [],
                                     "idle": False, "calm": True})
    assert rec.page_quiet(pressed) and rec.idle_since_navigation(pressed)
    finishing = [[rec.clock.t0 + 60010, rec.clock.t0 + 60020]]  # due within the quiet window: still loading
    rec._on_report({"frame": None}, {"type": "quiet", "visit": "v2", "t": rec.clock.t0 + 60000,
                                     "last": rec.clock.t0 + 60000, "timers": finishing, "awaits": [],
                                     "idle": False, "calm": True})
    assert not rec.page_quiet(pressed)
    rec._on_report({"frame": None}, {"type": "quiet", "visit": "v2", "t": rec.clock.t0 + 60000,
                                     "last": rec.clock.t0 + 60000, "timers": [], "awaits": soon,
                                     "idle": False, "calm": False})
    assert not rec.page_quiet(pressed) and not rec.idle_since_navigation(pressed)


def test_a_change_drawn_by_a_timer_set_before_a_click_is_no_answer_to_it() -> None:
    rec = _recorder()
    _report(rec, "click", 1000, x=10, y=10, selector="#apply", name="Apply")
    _report(rec, "dom", 1300, at=rec.clock.t0 + 1300, cause=rec.clock.t0 + 700)  # a toast set up at 700
    assert rec.first_change_after(1000) is None
    (click,) = rec.drain(final=True).clicks
    assert click.answered_ms is None
    _report(rec, "dom", 1500, at=rec.clock.t0 + 1500, cause=rec.clock.t0 + 1100)  # set after: an answer
    assert rec.first_change_after(1000) == 1500


class _Request:
    """A request as Playwright's request events give it."""

    resource_type = "document"
    method = "GET"
    timing: dict[str, float] = {}  # noqa: RUF012 - read only
    failure = None

    def __init__(self, url: str, redirected_from: _Request | None = None) -> None:
        self.url = url
        self.redirected_from = redirected_from


class _Response:
    def __init__(self, request: _Request, status: int) -> None:
        self.request = request
        self.status = status


def _redirected(rec: Recorder) -> _Request:
    """A form's post answered with a redirect: Playwright tells it finished before the next request begins."""
    post = _Request("http://127.0.0.1/send")
    rec._on_request(post)
    rec._on_response(_Response(post, 302))
    rec._on_request_done(post)
    return post


def test_a_redirect_is_pending_until_the_request_it_leads_to_begins() -> None:
    # A wait that looked between the two saw nothing pending and ended on the page being left
    rec = _recorder()
    post = _redirected(rec)
    assert rec.pending_requests(10000) == 1  # its next leg is still to begin
    thanks = _Request("http://127.0.0.1/thanks", redirected_from=post)
    rec._on_request(thanks)
    assert rec.pending_requests(10000) == 1  # the next leg, now
    rec._on_response(_Response(thanks, 200))
    rec._on_request_done(thanks)
    assert rec.pending_requests(10000) == 0


def test_a_redirect_that_leads_nowhere_holds_a_wait_no_longer_than_the_quiet_window() -> None:
    rec = _recorder(settle_quiet_ms=100.0)
    _redirected(rec)
    assert rec.pending_requests(10000) == 1
    rec.clock.t0 -= 101  # 101 ms later, by the recorder's clock
    assert rec.pending_requests(10000) == 0


def test_a_redirect_the_recorder_does_not_count_leaves_nothing_for_the_next_request_with_its_id() -> None:
    # A beacon answered 302 is not counted (no reason to wait), yet its redirect was noted by id with no request held
    # to keep that id taken: the next request given the same id (CPython reuses a freed object's) was taken for a
    # redirect as it finished, and held every wait for the quiet window after. One object stands for both here.
    rec = _recorder()
    reused = _Request("http://127.0.0.1/beacon")
    reused.resource_type = "ping"
    rec._on_request(reused)
    rec._on_response(_Response(reused, 302))
    rec._on_request_done(reused)
    assert rec.pending_requests(10000) == 0
    reused.resource_type, reused.url = "document", "http://127.0.0.1/next"
    rec._on_request(reused)
    rec._on_response(_Response(reused, 200))
    rec._on_request_done(reused)
    assert rec.pending_requests(10000) == 0


def test_a_new_page_visit_closes_the_old_pages_messages() -> None:
    rec = _recorder()
    _report(rec, "message", 100, id=1, text="Step 1", tag="h1", role="heading")
    rec._on_report({"frame": None}, {"type": "visit", "visit": "v2", "t": rec.clock.t0 + 900})
    (msg,) = rec.drain().messages
    assert msg.disappeared_ms == 900


def test_a_page_time_missing_or_malformed_falls_back_to_the_reports_own_time() -> None:
    # the page's JSON is untyped: a null or text time must neither crash the recorder nor date an event
    # before the journey began
    rec = _recorder()
    _report(rec, "dom", 500, at=None)
    _report(rec, "dom", 600, at="soon")
    _report(rec, "dom", 700, at=rec.clock.t0 + 650)
    _report(rec, "longtask", 800, ms=120)
    assert [at for at, _ in rec._dom] == [500, 600, 650]
    assert [t.at_ms for t in rec.drain().long_tasks] == [800]


def test_dead_click_needs_silence_for_the_whole_limit() -> None:
    rec = _recorder()
    _report(rec, "click", 1000, x=10, y=10, selector="#dead", name="Apply")
    _report(rec, "click", 5000, x=300, y=10, selector="#live", name="Save")
    _report(rec, "dom", 5300, at=rec.clock.t0 + 5300)
    friction = _signs(rec.drain(final=True))
    assert [(f.kind, f.selector) for f in friction] == [("dead-click", "#dead")]


def test_a_click_on_a_form_control_is_never_dead() -> None:
    """A radio or checkbox shows its own answer (no DOM change): only buttons and links can be dead."""
    rec = _recorder()
    _report(rec, "click", 1000, x=10, y=10, selector="#morning", name="Morning", own=True)
    _report(rec, "click", 1100, x=10, y=90, selector="#apply", name="Apply")
    friction = _signs(rec.drain(final=True))
    assert [(f.kind, f.selector) for f in friction] == [("dead-click", "#apply")]


def test_rage_click_is_three_close_clicks_within_a_second_reported_once() -> None:
    rec = _recorder()
    for i, t in enumerate([1000, 1200, 1400, 1600]):
        _report(rec, "click", t, x=50 + i * 5, y=50, selector="#b", name="Pay")
    _report(rec, "click", 1700, x=400, y=400, selector="#far", name="Other")  # far away: not part of it
    rage = [f for f in _signs(rec.drain(final=True), dead_click_ms=100000) if f.kind == "rage-click"]
    assert len(rage) == 1 and rage[0].selector == "#b" and "4 clicks" in rage[0].detail


def test_slow_clicks_are_not_rage() -> None:
    rec = _recorder()
    for t in (1000, 1800, 2600):
        _report(rec, "click", t, x=50, y=50, selector="#b", name="Pay")
    assert not [f for f in _signs(rec.drain(final=True), dead_click_ms=100000) if f.kind == "rage-click"]


def test_clicks_with_typing_between_them_are_not_rage() -> None:
    """Three messages typed and sent within a second: each Send follows typing, so no burst."""
    rec = _recorder()
    for typed, t in ((12, 1000), (25, 1400), (61, 1800)):
        _report(rec, "click", t, x=50, y=50, selector="#send", name="Send", typed=typed)
    assert not [f for f in _signs(rec.drain(final=True), dead_click_ms=100000) if f.kind == "rage-click"]
    for t in (3000, 3200, 3400):  # the same clicks without typing between them are one
        _report(rec, "click", t, x=50, y=50, selector="#send", name="Send", typed=61)
    assert [f.kind for f in _signs(rec.drain(final=True), dead_click_ms=100000)] == ["rage-click"]


def test_repeated_submit() -> None:
    rec = _recorder()
    _report(rec, "submit", 1000, selector="form")
    _report(rec, "submit", 1300, selector="form")
    _report(rec, "submit", 9000, selector="form")
    kinds = [f.kind for f in _signs(rec.drain(final=True), dead_click_ms=100000)]
    assert kinds.count("repeated-submit") == 1


def test_bounds_are_kept_and_reported() -> None:
    rec = _recorder(messages_per_step=3)
    for i in range(10):
        _report(rec, "message", 100 + i, id=i + 1, text=f"Line {i}")
    _report(rec, "message", 200, id=99, text="x" * 500, cut=9000)
    record = rec.drain()
    assert len(record.messages) == 3
    assert "messages: 8 more not kept" in record.truncated
    assert any("message text" in t for t in record.truncated)


def test_limits_come_from_thresholds() -> None:
    class S:
        thresholds = {"friction.dead_click_ms": 7000, "text": 300}
        action_timeout_ms = 3000

    limits = Limits.from_settings(S())
    assert limits.click_watch_ms == 7000 and limits.text == 300 and limits.probe_timeout_ms == 3000


def test_a_misspelt_recorder_bound_is_named_with_the_known_ones() -> None:
    from harness.exceptions import ConfigError

    class S:
        thresholds = {"settle_quiet": 50}

    with pytest.raises(ConfigError, match="'settle_quiet': no recorder bound") as raised:
        Limits.from_settings(S())
    assert "settle_quiet_ms" in raised.value.hint


@pytest.mark.parametrize(("name", "value"), [("patience_stretch", float("nan")), ("click_watch_ms", float("inf")),
                                             ("patience_stretch", float("inf"))])
def test_a_bound_no_clock_can_keep_is_named(name: str, value: float) -> None:
    # before: TOML's nan and inf passed (neither is below 0): a nan stretch read as "by-load" (nan > 0 is false), an
    # inf one made a persona wait for ever, an inf watch a timeout Playwright refuses mid-scenario
    from harness.exceptions import ConfigError

    class S:
        thresholds = {name: value}

    with pytest.raises(ConfigError, match=f"{name} = {value!r}: not a value it takes"):
        Limits.from_settings(S())


def test_a_machine_whose_load_cannot_be_read_keeps_the_patience_as_written(monkeypatch: pytest.MonkeyPatch) -> None:
    # before: where Python has no os.getloadavg (Windows), "by-load", the default, raised AttributeError at every wait
    import os

    from harness.browser.bounds import stretch

    monkeypatch.delattr(os, "getloadavg")
    assert stretch(Limits()) == 1.0


def test_a_snapshot_is_read_from_the_handle_preview_or_else_asked_for() -> None:
    from harness.browser.controls import _snapshot_of

    class _Handle:
        def __init__(self, preview: str, value: str) -> None:
            self.preview, self.value, self.asked = preview, value, 0

        def __str__(self) -> str:
            return self.preview

        def json_value(self) -> str:
            self.asked += 1
            return self.value

    whole = '{"controls": [{"selector": "#a"}], "total": 1, "title": "T"}'
    direct = _Handle(whole, "")
    assert _snapshot_of(direct)["title"] == "T" and direct.asked == 0
    shortened = _Handle('{"controls": [{"sel…', whole)
    assert _snapshot_of(shortened)["total"] == 1 and shortened.asked == 1
    assert _snapshot_of(_Handle("JSHandle@object", "not json")) == {}


class _Found:
    """A locator double whose visible matches change from one look to the next (the page drawing meanwhile)."""

    def __init__(self, *answers: list[bool]) -> None:
        self.answers = list(answers)

    def filter(self, visible: bool) -> _Found:
        return self

    def evaluate_all(self, script: str, arg: Any = None) -> list[Any]:
        hidden = self.answers.pop(0) if len(self.answers) > 1 else self.answers[0]
        return [hidden, None]  # which matches a layer covers, and nothing read of the first in reach

    def nth(self, i: int) -> tuple[_Found, int]:
        return self, i

    def or_(self, other: _Found) -> _Found:
        """Both doubles' matches together (each answers as it would alone, the surer first)."""
        union = _Found([])
        union.evaluate_all = lambda script, arg=None: [  # type: ignore[method-assign]
            [h for part in (self, other) for h in part.evaluate_all(script, arg)[0]], None]
        return union


def test_a_field_drawn_while_the_look_went_down_its_ways_is_found_by_the_surest_way() -> None:
    """The exact name was looked for before the form was drawn, its whole word after (the page drew in between):
    the look takes the exact way's match, so "Confirm Password" beside "Password" is no reason to ask which one."""
    from types import SimpleNamespace

    from harness.browser.locate import Locate

    class _Look(Locate):
        def _frames(self) -> list[Any]:
            return ["frame"]

    clock = Clock()
    rec = SimpleNamespace(crashed="", clock=clock, worked_at=lambda max_age_ms: 0.0, frozen_ms=lambda since: 0.0)
    look = _Look.__new__(_Look)
    look.journey = SimpleNamespace(recorder=rec, settings=SimpleNamespace(action_timeout_ms=5000),
                                   page=SimpleNamespace(wait_for_timeout=lambda ms: None))
    exact, loose = _Found([], [False]), _Found([False, False])  # the exact way finds nothing until it is asked again
    which, (found, _), _read = look._find_visible([lambda f: exact, lambda f: loose], "the field")
    assert (which, found) == (0, exact)
    alone = _Found([])  # nothing surer shows: the whole word's match stands
    assert look._find_visible([lambda f: alone, lambda f: loose], "the field")[0] == 1


def test_a_save_answered_is_the_page_at_work_until_it_draws_what_follows() -> None:
    # a look for a button that shows once the save is stored must not give up between the save's answer and the page
    # drawing the button: the answer is the page's last work, not the long task that ended a minute before
    rec = _recorder()
    save = _Request("http://127.0.0.1/save")
    save.method, save.resource_type = "POST", "fetch"
    rec._on_request(save)
    began = rec.clock.now()
    assert rec.worked_at(10000) >= began  # under way: at work now
    rec._on_response(_Response(save, 200))
    answered = rec.clock.now()
    rec._on_request_done(save)
    assert rec.worked_at(10000) >= answered - 1.0


def test_patience_is_drawn_out_by_the_machines_load_per_core_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    # a CI machine shared with other work answers slower than the site's own server: by default (patience_stretch
    # "by-load") the persona's patience is drawn out by the load per core, never below 1, so a quiet machine keeps
    # it as written; a number is taken as it is (1: as written)
    from harness.browser import bounds

    monkeypatch.setattr(bounds.os, "cpu_count", lambda: 2)
    monkeypatch.setattr(bounds.os, "getloadavg", lambda: (30.0, 20.0, 10.0))
    assert bounds.stretch(Limits()) == 15.0

    class ByLoad:
        thresholds = {"patience_stretch": "by-load"}

    class AsWritten:
        thresholds = {"patience_stretch": 1}

    assert bounds.stretch(Limits.from_settings(ByLoad())) == 15.0
    assert bounds.stretch(Limits.from_settings(AsWritten())) == 1.0
    assert bounds.stretch(Limits(patience_stretch=3.0)) == 3.0
    monkeypatch.setattr(bounds.os, "getloadavg", lambda: (0.5, 0.5, 0.5))
    assert bounds.stretch(Limits()) == 1.0


@pytest.mark.parametrize("value", ["slow", -1, True])
def test_a_recorder_bound_that_is_no_value_it_takes_is_named_with_what_it_takes(value: Any) -> None:
    from harness.exceptions import ConfigError

    class S:
        thresholds = {"patience_stretch": value}

    with pytest.raises(ConfigError, match="patience_stretch = .*: not a value it takes") as raised:
        Limits.from_settings(S())
    assert '"by-load"' in raised.value.hint


def test_an_ask_cut_short_is_asked_again_only_for_the_time_left(monkeypatch: pytest.MonkeyPatch) -> None:
    # an evaluation cut by a navigation after 4 of its 5 s: the fallback may wait 1 s more, not 5 (the bound held)
    from harness.browser import controls

    clock = [100.0]
    monkeypatch.setattr(controls.time, "monotonic", lambda: clock[0])

    class _Frame:
        class _impl_obj:  # noqa: N801 - Playwright's attribute name
            class _channel:  # noqa: N801
                @staticmethod
                async def evaluateExpression(**_: Any) -> Any:  # noqa: N802
                    return None

        waited: list[float] = []

        def _sync(self, coro: Any) -> Any:
            coro.close()
            clock[0] += 4.0
            raise RuntimeError("Execution context was destroyed, most likely because of a navigation")

        def wait_for_function(self, js: str, arg: Any = None, timeout: float = 0.0) -> str:
            self.waited.append(timeout)
            return "answer"

    frame = _Frame()
    assert controls.ask(frame, "() => 1", None, 5000.0) == "answer"
    assert frame.waited == [pytest.approx(1000.0)]
