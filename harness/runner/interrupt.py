"""Ctrl-C and SIGTERM stop a run within seconds, whichever thread the kernel hands the signal to.

Why more than `signal.signal`: a signal sent to the process may be delivered to any of its threads
(ONNX Runtime's pool, asyncio's child watcher, pytest-rerunfailures' server). Python runs the handler
only in the main thread, and only when that thread next runs bytecode; during a journey the main
thread sleeps in Playwright's event loop (epoll), which nothing wakes while a page hangs, so a stop
used to wait for the page's timeout (up to a minute) and could end as an ordinary failure. Here the
C-level handler also writes to a wakeup pipe; a relay thread reads it and, when the main thread has
not taken the signal within a moment, sends it to the main thread itself (`pthread_kill`), whose
epoll then returns at once. The relay also passes the stop on to the run's xdist workers, and a
last-resort timer ends what is still running below the process (browsers, drivers, workers) so
that nothing outlives the run.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the CLI installs this before any command: it must not import pytest
    import pytest

SIGNALS = (signal.SIGINT, signal.SIGTERM)
RELAY_AFTER_S = 0.1  # the main thread takes a signal within microseconds when it is running bytecode
REPEAT_WINDOW_S = 1.0  # one stop delivered twice (by the kernel and by the relay) raises once
HARD_STOP_S = 2.5  # after this, processes still running below the run are ended (a graceful stop takes 1 to 2 s)


class _State:
    """What this process knows about a requested stop (module-level: signal handlers have no context)."""

    def __init__(self) -> None:
        self.signals: list[int] = []
        self.asked = ""  # why the run asked itself to stop (its time budget spent), empty when it did not
        self.between = ""  # why the run asked to stop before its next scenario (the one under way ends), or ""
        self.starts: list[float] = []  # when each scenario of the run began (monotonic): the run's pace
        self.last_handled = float("-inf")  # when the Python handler last ran (monotonic)
        self.last_raise = 0.0
        self.workers = False  # also pass the stop on to child python processes (xdist workers)
        self.done = threading.Event()  # set when the guarded block ends: the hard stop stands down
        self.stopper: threading.Thread | None = None
        self.holders = 0  # nested `install` calls sharing the handlers
        self.uninstall: Callable[[], None] = lambda: None
        self.wakeup_fd = -1  # the relay's pipe: a byte written here is a signal the relay judges


_STATE = _State()


def requested() -> int | None:
    """The first signal that asked this process to stop, or None."""
    return _STATE.signals[0] if _STATE.signals else None


class Stopped(KeyboardInterrupt):
    """A stop the run asked for itself (its time budget spent), raised at a step or scenario boundary."""

    __module__ = "builtins"  # pytest then says "Stopped: <why>" and no traceback, as for its own Interrupted


def ask_to_stop(why: str, *, between_scenarios: bool = False) -> None:
    """Stop the run at its next step or scenario boundary, from any thread; `between_scenarios`: at the next
    scenario's start only, so the scenario under way ends and is reported (a budget that no longer holds one more).

    Why not a signal: a signal raises wherever the main thread happens to be, also inside a weakref
    callback or a finaliser run from C, where the interrupt cannot propagate and is printed as a
    traceback ("Exception ignored in ...", or a SystemError) instead of stopping the run. A budget can
    wait for the step under way (each wait is bounded by the action timeout); a person's Ctrl-C cannot.
    """
    if between_scenarios:
        _STATE.between = why
    else:
        _STATE.asked = why


def asked() -> str:
    """Why the run asked itself to stop (`ask_to_stop`, at a step or before a scenario), or ""."""
    return _STATE.asked or _STATE.between


def scenario_began() -> None:
    """A scenario begins: noted for the run's pace; a stop asked for (also one before the next scenario) is raised."""
    _STATE.starts.append(time.monotonic())
    if _STATE.between and not _STATE.signals:
        _STATE.asked = _STATE.between
    raise_if_requested()


def pace() -> tuple[float, float]:
    """(the mean seconds from one scenario's start to the next's so far, 0 before one has ended; the seconds since the
    latest began, 0 before any)."""
    starts = _STATE.starts
    mean = (starts[-1] - starts[0]) / (len(starts) - 1) if len(starts) > 1 else 0.0
    return mean, time.monotonic() - starts[-1] if starts else 0.0


def stopping() -> bool:
    """A signal came or the run asked to stop: what is under way is not finished or reported."""
    return bool(_STATE.signals or _STATE.asked)


def reset() -> None:
    """Forget an earlier stop (a second `run_suites` in one process, as tests do)."""
    _STATE.signals.clear()
    _STATE.asked = _STATE.between = ""
    _STATE.starts.clear()
    _STATE.last_raise = 0.0


def raise_if_requested() -> None:
    """Raise KeyboardInterrupt when a stop was asked for (at step and scenario boundaries).

    A signal taken while the main thread ran a library's callback can be swallowed there; the next
    boundary turns it back into the interrupt it was. A stop the run asked for is raised here only.
    """
    if _STATE.signals:
        raise KeyboardInterrupt(f"signal {_STATE.signals[0]}")
    if _STATE.asked:
        raise Stopped(_STATE.asked)


def _handler(signum: int, frame: FrameType | None) -> None:
    _STATE.last_handled = time.monotonic()
    first = not _STATE.signals
    if first:
        _STATE.signals.append(signum)
        _STATE.stopper = threading.Thread(target=_hard_stop, name="empathy-hard-stop", daemon=True)
        _STATE.stopper.start()
        if _STATE.workers:
            _signal_children(signum)
    now = time.monotonic()
    if first or now - _STATE.last_raise > REPEAT_WINDOW_S:
        _STATE.last_raise = now
        if not isinstance(sys.unraisablehook, _Rearm):
            sys.unraisablehook = _Rearm(sys.unraisablehook)
        raise KeyboardInterrupt(f"signal {signum}")


class _Rearm:
    """An interrupt that could not propagate is sent again, not printed.

    Why: the signal may land while the main thread runs a weakref callback or a finaliser called
    from C (a WeakKeyDictionary's clean-up); the interrupt raised there cannot leave it, and Python
    hands it to `sys.unraisablehook`, which prints "Exception ignored in ..." with a traceback while
    the run goes on. Instead the stop is handed back to the relay, which sends the signal to the main
    thread again a moment later, when it is back in ordinary code. Any other unraisable exception goes
    to the hook this one wraps (pytest's, in a run).
    """

    def __init__(self, wrapped: Callable[[sys.UnraisableHookArgs], object]) -> None:
        self.wrapped = wrapped

    def __call__(self, unraisable: sys.UnraisableHookArgs) -> None:
        if not (isinstance(unraisable.exc_value, KeyboardInterrupt) and _STATE.signals and _STATE.wakeup_fd >= 0):
            self.wrapped(unraisable)
            return
        _STATE.last_handled = float("-inf")  # as if the handler had not run: the relay sends it again
        _STATE.last_raise = 0.0
        try:
            os.write(_STATE.wakeup_fd, bytes([_STATE.signals[0]]))
        except OSError:
            pass  # the pipe is full of signals the relay will judge anyway


def _relay(read_fd: int, main_ident: int) -> None:
    """Re-send a signal to the main thread unless the Python handler ran since it arrived.

    "Since it arrived" is judged by time, not by counting: the handler may run before this thread
    reads the wakeup byte, and Python runs it once for signals that come close together.
    """
    try:
        while data := os.read(read_fd, 64):
            arrived = time.monotonic()
            time.sleep(RELAY_AFTER_S)
            stops = [signum for signum in data if signum in SIGNALS]
            if stops and _STATE.holders and _STATE.last_handled < arrived - RELAY_AFTER_S:
                signal.pthread_kill(main_ident, stops[0])
    except (OSError, ValueError):
        pass
    finally:
        os.close(read_fd)


def _hard_stop() -> None:
    """The last resort: end what ran below this process at the stop and is still running at the end.

    Waits for the run to wind down (at most HARD_STOP_S), then kills what is left of the processes that
    were below it when the signal came (a browser whose launch was cut short outlives its driver,
    orphaned) and, if the run has not finished by then, whatever is below it now.
    """
    before = descendants(os.getpid())
    finished = _STATE.done.wait(HARD_STOP_S)
    for pid in reversed(before if finished else [*before, *descendants(os.getpid())]):
        try:
            os.kill(pid, signal.SIGKILL)
        except OSError:
            pass


def _signal_children(signum: int) -> None:
    """Pass the stop on to the run's worker processes (python children: xdist workers)."""
    for pid in children(os.getpid()):
        try:
            name = Path(f"/proc/{pid}/comm").read_text().strip()
        except OSError:
            continue
        if name.startswith("python"):
            try:
                os.kill(pid, signum)
            except OSError:
                pass


def _parents() -> dict[int, int]:
    parents: dict[int, int] = {}
    proc = Path("/proc")
    if not proc.is_dir():
        return parents
    for entry in proc.iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    return parents


def children(pid: int) -> list[int]:
    """The live processes whose parent is `pid` (Linux /proc; empty elsewhere)."""
    return [p for p, parent in _parents().items() if parent == pid]


def descendants(pid: int) -> list[int]:
    """Every live process below `pid`, parents before children (Linux /proc; empty elsewhere)."""
    parents = _parents()
    found: list[int] = []
    frontier = [pid]
    while frontier:
        parent = frontier.pop(0)
        below = [p for p, pp in parents.items() if pp == parent]
        found += below
        frontier += below
    return found


def install(*, workers: bool = False) -> Callable[[], None]:
    """Make SIGINT and SIGTERM raise KeyboardInterrupt in the main thread promptly; returns the undo.

    Nested calls (the CLI installs for every command, `run_suites` again for its run) share one set of
    handlers and one relay; each level forgets earlier stops and says whether workers hear of one.
    Outside the main thread (where Python allows no handlers) nothing changes.
    """
    if threading.current_thread() is not threading.main_thread():
        return lambda: None
    outer = (_STATE.workers, _STATE.done, _STATE.stopper)
    release = _hold_handlers()
    reset()
    _STATE.workers = workers
    _STATE.done = threading.Event()
    _STATE.stopper = None

    def undo() -> None:
        _STATE.done.set()
        if _STATE.stopper is not None:
            _STATE.stopper.join(timeout=2.0)  # its last kills must happen before this process exits
        _STATE.workers, _STATE.done, _STATE.stopper = outer
        release()

    return undo


def _hold_handlers() -> Callable[[], None]:
    """Install the handlers and the relay on first use; the last release puts the old ones back."""
    _STATE.holders += 1
    if _STATE.holders == 1:
        previous = {s: signal.getsignal(s) for s in SIGNALS}
        read_fd, write_fd = os.pipe()
        os.set_blocking(write_fd, False)
        old_fd = signal.set_wakeup_fd(write_fd, warn_on_full_buffer=False)
        for s in SIGNALS:
            signal.signal(s, _handler)
        threading.Thread(target=_relay, args=(read_fd, threading.main_thread().ident),
                         name="empathy-signal-relay", daemon=True).start()
        _STATE.wakeup_fd = write_fd

        def uninstall() -> None:
            for s, handler in previous.items():
                signal.signal(s, handler if handler is not None else signal.SIG_DFL)
            signal.set_wakeup_fd(old_fd)
            _STATE.wakeup_fd = -1
            if isinstance(sys.unraisablehook, _Rearm):
                sys.unraisablehook = sys.unraisablehook.wrapped
            os.close(write_fd)  # the relay reads end-of-file and stops

        _STATE.uninstall = uninstall

    def release() -> None:
        _STATE.holders -= 1
        if _STATE.holders == 0:
            _STATE.uninstall()

    return release


@contextmanager
def stopping_on_signals(*, workers: bool = False) -> Iterator[None]:
    """`install` for the length of a block."""
    undo = install(workers=workers)
    try:
        yield
    finally:
        undo()


def configure_worker(config: pytest.Config) -> None:
    """In an xdist worker of a journey run, take the controller's stop as promptly as it does."""
    from harness.runner.preflight import journey_run

    if hasattr(config, "workerinput") and journey_run(config):
        config.add_cleanup(install())


def trim(excinfo: pytest.ExceptionInfo[BaseException]) -> None:
    """Keep an interrupt's traceback from its innermost visible frame on.

    pytest renders the whole traceback of a KeyboardInterrupt, reading and parsing the source of
    every frame (Playwright's 18,000-line generated API among them) only to print one line: seconds
    on a loaded machine, inside the time a stop is allowed.
    """
    entries = excinfo.traceback
    visible = [i for i, entry in enumerate(entries) if not entry.ishidden(excinfo)]
    if visible and len(entries) > 1:
        excinfo.traceback = entries[visible[-1]:]
