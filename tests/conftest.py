"""Shared by every test: pytester, and the suite split by what a test needs.

Every test is one of four kinds, by marker: `browser` (starts Chromium; `e2e` implies it), `subprocess`
(starts another process, such as `empathy run`), `model` (loads the embedding model), or else `unit`.
`pytest -m unit` runs the unit tests alone in well under a minute. A unit test that starts a process,
a browser or the model fails here with the marker to add, so the split cannot drift.

Under `-n` the suite ends when its slower worker does: each module goes to one worker whole (its module
fixtures set up once) and the modules start costliest first, so the last to start are short ones.

Browser tests share one Chromium per module (`browser`), each test's contexts coming from it.

Bytecode goes to one cache folder (`BYTECODE`), for the suite and every Python process it starts (`empathy run`,
pytest, xdist workers), so that only the first of them compiles a module and rewrites its asserts.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

pytest_plugins = ["pytester"]  # pytest only allows this in the top-level conftest

KINDS = ("browser", "subprocess", "model")
ORDER = ("slow", "subprocess", "e2e", "browser", "model")  # under -n a module starts by its costliest marker
BYTECODE = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "empathy-harness" / "test-bytecode"


def pytest_configure(config: pytest.Config) -> None:
    """Bytecode in `BYTECODE` (or the folder PYTHONPYCACHEPREFIX names), never beside the sources or a test's files.

    Why: without it each inner process (about a hundred in the suite) compiled the harness and pytest rewrote every
    plugin's modules it imported (the harness's, Hypothesis', Faker's: 244): 1.9 of an early-failing `empathy run`'s
    3.4 s of CPU, when PYTHONDONTWRITEBYTECODE is set (this machine sets it; the reliability tests set it for their
    runs). Python and pytest use a cached file only while its source's modification time and size match."""
    prefix = os.environ.setdefault("PYTHONPYCACHEPREFIX", str(BYTECODE))
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    sys.pycache_prefix, sys.dont_write_bytecode = prefix, False
    if prefix == str(BYTECODE) and not hasattr(config, "workerinput"):  # once a session, in our own folder only
        prune_bytecode(BYTECODE, Path(BYTECODE.anchor), depth=3)


def prune_bytecode(cache: Path, sources: Path, depth: int) -> None:
    """Drop the cached bytecode of folders that are gone, `depth` levels down (pytest's old temp folders: the tests'
    own step files and projects, /tmp/pytest-of-<user>/pytest-<n> at depth 3)."""
    try:
        children = sorted(cache.iterdir())
    except OSError:  # none yet, or pruned by another session at the same moment
        return
    for child in children:
        if not (sources / child.name).exists():
            shutil.rmtree(child, ignore_errors=True)
        elif depth > 1:
            prune_bytecode(child, sources / child.name, depth - 1)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if item.get_closest_marker("e2e") is not None:
            item.add_marker(pytest.mark.browser)
        if not any(item.get_closest_marker(kind) for kind in KINDS):
            item.add_marker(pytest.mark.unit)
    rank: dict[Path, int] = {}
    for item in items:
        mine = next((i for i, marker in enumerate(ORDER) if item.get_closest_marker(marker)), len(ORDER))
        rank[item.path] = min(mine, rank.get(item.path, mine))
    items.sort(key=lambda item: rank[item.path])  # stable: a module's tests stay together, in their order


@pytest.hookimpl(tryfirst=True, optionalhook=True)  # optional: `-p no:xdist` has no such hook
def pytest_xdist_make_scheduler(config: pytest.Config, log: Any) -> Any:
    """`-n`'s default scheduler sends each worker a quarter of its share in one block (the costliest modules would
    all go to the first worker); here a worker takes the next whole module when it is almost done, in the suite's
    order. An explicit other `--dist` is kept."""
    if config.getoption("dist") != "load":
        return None
    from xdist.scheduler import LoadScopeScheduling

    class ModuleScheduling(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return nodeid.split("::", 1)[0]  # the module (xdist's own split cut at a "::" in a parameter's id)

    config.option.loadscopereorder = False  # keep the costliest-first order (xdist would sort by test count)
    return ModuleScheduling(config, log)


@contextmanager
def _unit_guard(item: pytest.Item) -> Iterator[None]:
    """For a unit test (and the fixtures it sets up), starting a process or loading the model fails."""
    if item.get_closest_marker("unit") is None:
        yield
        return

    def refuse(what: str, kind: str) -> Any:
        def refused(*args: Any, **kwargs: Any) -> Any:
            raise AssertionError(f"a unit test {what}: mark it (or its module) `pytest.mark.{kind}` "
                                 "(see tests/conftest.py)")
        return refused

    from harness.language import embeddings

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(subprocess.Popen, "__init__", refuse("starts a process (Playwright's driver is one: then the "
                                                        "marker is `browser`)", "subprocess"))
        mp.setattr(embeddings, "get_model", refuse("loads the embedding model", "model"))
        yield


@pytest.fixture(scope="module")
def module_browser() -> Iterator[Any]:
    """One Chromium for a test module, closed with it.

    Why not one per worker: Playwright's sync API runs one instance per thread (a second `sync_playwright()`
    raises "…Sync API inside the asyncio loop"), so a worker's browser must close before each test that starts
    Playwright itself. Done so (thirteenth session), a later module's test failed twice at load 30 and passed
    with a browser per module (test_popups' publish-after-save: no button within its bound; most likely a page an
    earlier test left busy, not proven). A module's pages end with its browser.
    """
    from harness.browser.session import launch_browser
    from harness.config import Settings

    with launch_browser(Settings()) as handle:
        yield handle


@pytest.fixture
def browser(module_browser: Any) -> Any:
    """The module's Chromium (a harness BrowserHandle: `new_context()` gives a test a clean context), with no
    sign-in kept by an earlier test, as a fresh browser has none."""
    module_browser.kept_sign_ins.clear()
    return module_browser


@pytest.hookimpl(wrapper=True)
def pytest_runtest_setup(item: pytest.Item) -> Iterator[None]:
    with _unit_guard(item):
        return (yield)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Iterator[None]:
    with _unit_guard(item):
        return (yield)
