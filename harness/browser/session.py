"""One browser per worker: launch a local Chromium, or connect to a remote one.

Why here and nowhere else: finding a browser, the launch flags a closed network needs, and the
remote-endpoint rules (Playwright server over ws://, Chromium over CDP via http://) are decided
in one place, and every failure becomes one BrowserError with the fix. The handle keeps no state
between scenarios: each journey gets a fresh context (cookies, storage, cache), so a scenario's
outcome never depends on which scenario ran before it on the same worker (with `keep_sign_in`, a persona's
own session, kept in memory, is restored where it signs in again). History a scenario needs
comes only from the workspace's `pytest_empathy_setup_history` hook.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

from harness.browser.page_script import selector_engines
from harness.exceptions import BrowserError

LAUNCH_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run", "--disable-quic",
]
SYSTEM_CHROMIUM = ("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")
INSTALL_HINT = ("install one with `apt-get install chromium` or `python -m playwright install chromium`, "
                "or set [tool.empathy] browser_path to a Chromium executable")


class BrowserHandle:
    """A running (or connected) browser that hands out fresh contexts."""

    def __init__(self, playwright: Any, browser: Any, *, where: str) -> None:
        self.playwright = playwright
        self.browser = browser
        self.where = where  # executable path or endpoint, for messages
        self._closed = False
        self.relaunch: Any = None  # set for a locally launched browser: () -> new Browser (after a crash)
        self.kept_sign_ins: dict[Any, Any] = {}  # persona sessions kept in memory (`kept_sign_in`), never written

    def new_context(self, **options: Any) -> Any:
        """A fresh, isolated browser context (one per scenario); a crashed local browser is started again."""
        if self.relaunch is not None and not self.is_connected():
            try:
                self.browser = self.relaunch()
            except Exception:  # noqa: BLE001 - reported below as a context that cannot open
                pass
        try:
            return self.browser.new_context(**options)
        except Exception as exc:  # noqa: BLE001 - any driver failure here means the browser is gone
            raise BrowserError(f"browser at {self.where} cannot open a new context: {_first_line(exc)}",
                               hint="the browser may have crashed; the run restarts it per worker") from None

    def is_connected(self) -> bool:
        try:
            return bool(self.browser.is_connected())
        except Exception:  # noqa: BLE001
            return False

    def close(self) -> None:
        """Close the browser and stop the Playwright driver; safe to call twice or after a crash."""
        if self._closed:
            return
        self._closed = True
        try:
            self.browser.close()
        except Exception:  # noqa: BLE001 - a crashed browser is already closed
            pass
        try:
            self.playwright.stop()
        except Exception:  # noqa: BLE001
            pass

    def __enter__(self) -> BrowserHandle:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    for line in text.splitlines():
        line = line.strip(" =")
        if line and not line.startswith(("Call log", "Browser logs")):
            return line[:300]
    return type(exc).__name__


def find_chromium(settings: Any) -> str | None:
    """The Chromium to launch: browser_path, else a system Chromium, else None (Playwright's own)."""
    configured = getattr(settings, "browser_path", "") or ""
    if configured:
        path = Path(configured).expanduser()
        if not path.is_file() and shutil.which(configured):
            return shutil.which(configured)
        if not path.is_file():
            raise BrowserError(f"[tool.empathy] browser_path: {configured} does not exist",
                               hint="point it at a Chromium executable, or leave it empty to find one")
        if not os.access(path, os.X_OK):
            raise BrowserError(f"[tool.empathy] browser_path: {configured} is not executable",
                               hint=f"chmod +x {configured}, or point it at a Chromium executable")
        return str(path)
    for candidate in SYSTEM_CHROMIUM:
        if Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return candidate
    return None


def launch_browser(settings: Any) -> BrowserHandle:
    """Start the run's browser (or connect to `settings.browser_endpoint`); failures are BrowserErrors."""
    from playwright.sync_api import sync_playwright

    endpoint = (getattr(settings, "browser_endpoint", "") or "").strip()
    if endpoint and not endpoint.startswith(("ws://", "wss://", "http://", "https://")):
        raise BrowserError(f"[tool.empathy] browser_endpoint: {endpoint!r} is neither ws:// nor http://",
                           hint="use ws://HOST:PORT/ for a Playwright server or http://HOST:PORT for Chromium's CDP")
    executable = None if endpoint else find_chromium(settings)
    try:
        pw = sync_playwright().start()
    except Exception as exc:  # noqa: BLE001
        raise BrowserError(f"cannot start the Playwright driver: {_first_line(exc)}",
                           hint="reinstall playwright: pip install --force-reinstall playwright") from None
    try:
        if endpoint:
            browser, where = _connect(pw, endpoint, settings)
        else:
            browser, where = _launch(pw, executable, settings)
    except BaseException:
        pw.stop()
        raise
    for name, script in selector_engines().items():  # before any context: each one gets them with no call
        pw.selectors.register(name, script)
    handle = BrowserHandle(pw, browser, where=where)
    if not endpoint:
        handle.relaunch = lambda: _launch(pw, executable, settings)[0]
    return handle


def _launch(pw: Any, executable: str | None, settings: Any) -> tuple[Any, str]:
    where = executable or "Playwright's bundled Chromium"
    try:
        browser = pw.chromium.launch(executable_path=executable, args=LAUNCH_ARGS,
                                     headless=bool(getattr(settings, "headless", True)), timeout=30000,
                                     slow_mo=slow_mo(settings))
    except Exception as exc:  # noqa: BLE001
        first = _first_line(exc)
        if executable is None and ("Executable doesn't exist" in str(exc) or "playwright install" in str(exc)):
            raise BrowserError("no Chromium found (not at /usr/bin/chromium, and Playwright's own is not "
                               "installed)", hint=INSTALL_HINT) from None
        raise BrowserError(f"cannot launch Chromium at {where}: {first}", hint=INSTALL_HINT) from None
    return browser, where


def slow_mo(settings: Any) -> float:
    """`[tool.empathy] slowmo`: ms Playwright waits before each browser operation (pytest-playwright's --slowmo)."""
    return float(getattr(settings, "slowmo", 0) or 0)


def _connect(pw: Any, endpoint: str, settings: Any) -> tuple[Any, str]:
    timeout = float(max(getattr(settings, "action_timeout_ms", 15000), 5000))
    if endpoint.startswith(("ws://", "wss://")):
        launch_options: dict[str, Any] = {"args": LAUNCH_ARGS, "headless": bool(getattr(settings, "headless", True))}
        if getattr(settings, "browser_path", ""):
            launch_options["executablePath"] = settings.browser_path
        try:
            browser = pw.chromium.connect(
                endpoint, timeout=timeout, slow_mo=slow_mo(settings),
                headers={"x-playwright-launch-options": json.dumps(launch_options)})
        except Exception as exc:  # noqa: BLE001
            text = str(exc)
            if "428" in text or "version" in text.lower() and "mismatch" in text.lower() or \
                    "Playwright version" in text:
                from playwright._repo_version import version as client_version

                raise BrowserError(
                    f"browser_endpoint {endpoint}: Playwright client {client_version} and the server's "
                    f"version do not match: {_first_line(exc)}",
                    hint=f"start the server with the same Playwright version ({client_version}), e.g. "
                         f"`npx playwright@{client_version} run-server`, or install the server's version "
                         "here") from None
            raise BrowserError(f"browser_endpoint {endpoint}: cannot connect to a Playwright browser server: "
                               f"{_first_line(exc)}",
                               hint="start one with `playwright run-server --port PORT` (or launch-server), "
                                    "or unset [tool.empathy] browser_endpoint") from None
        return browser, endpoint
    if endpoint.startswith(("http://", "https://")):
        try:
            browser = pw.chromium.connect_over_cdp(endpoint, timeout=timeout, slow_mo=slow_mo(settings))
        except Exception as exc:  # noqa: BLE001
            raise BrowserError(f"browser_endpoint {endpoint}: cannot connect over CDP: {_first_line(exc)}",
                               hint="start Chromium with --remote-debugging-port=PORT, or unset "
                                    "[tool.empathy] browser_endpoint") from None
        return browser, endpoint
    raise BrowserError(f"[tool.empathy] browser_endpoint: {endpoint!r} is neither ws:// nor http://",
                       hint="use ws://HOST:PORT/ for a Playwright server or http://HOST:PORT for Chromium's CDP")
