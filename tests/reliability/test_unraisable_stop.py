"""A stop that lands in a weakref callback or a finaliser still stops the run, and prints nothing.

The full suite met it once: SIGTERM came while the main thread ran a WeakKeyDictionary's clean-up,
the interrupt could not leave the callback, Python printed "Exception ignored in ..." with a
traceback and the run went on until its next boundary. The script runs in a process of its own: a
stop there starts the hard stop, which ends the processes below the one that took the signal.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

pytestmark = pytest.mark.subprocess

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = textwrap.dedent('''
    import signal, sys, time, weakref
    from harness.runner import interrupt

    printed = []
    sys.unraisablehook = lambda u: printed.append(repr(u.exc_value))
    undo = interrupt.install()

    class Thing:
        pass

    def gone(_ref):  # called from C as the thing is freed: an exception cannot leave it
        signal.raise_signal(signal.SIGTERM)

    thing = Thing()
    ref = weakref.ref(thing, gone)
    where = "not stopped"
    try:
        del thing
        where = "after the callback"
        for _ in range(1200):  # the relay sends the stop again within a moment; a minute is plenty
            time.sleep(0.05)
        where = "never"
    except KeyboardInterrupt:
        where += ": stopped"
    finally:
        undo()
    print("WHERE", where)
    print("PRINTED", printed)
    print("REQUESTED", interrupt.requested())
''')


def test_a_stop_that_lands_in_a_weakref_callback_is_sent_again_not_printed() -> None:
    done = subprocess.run([sys.executable, "-c", SCRIPT], cwd=ROOT, capture_output=True, text=True, timeout=120,
                          env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    assert "WHERE after the callback: stopped" in done.stdout, done.stdout + done.stderr
    assert "PRINTED []" in done.stdout, done.stdout
    assert f"REQUESTED {int(__import__('signal').SIGTERM)}" in done.stdout, done.stdout
    assert "Traceback" not in done.stderr and "Exception ignored" not in done.stderr, done.stderr
