"""A progress view for long runs: scenarios done of total, findings so far, current persona and step.

Why it stays quiet when the output is not a terminal or `CI` is set: CI logs and piped output are
read later, line by line; carriage-return redraws only clutter them, and pytest's own report is
the record there. On a terminal, each finished scenario gets one line and the step under way is
shown on a line that is redrawn in place (only at normal verbosity, where it cannot overwrite
pytest's own per-test lines).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest

from harness.config import in_ci

VIEW_KEY = pytest.StashKey["ProgressView"]()


def wanted(config: pytest.Config, stream: Any = None) -> bool:
    """True on an interactive terminal outside CI (and not inside an xdist worker)."""
    if in_ci():
        return False
    if hasattr(config, "workerinput"):
        return False
    tr = config.pluginmanager.get_plugin("terminalreporter")
    if tr is None:
        return False
    stream = stream if stream is not None else getattr(tr._tw, "_file", None)
    return bool(stream is not None and hasattr(stream, "isatty") and stream.isatty())


@dataclass
class ProgressView:
    """Counts scenarios and findings; draws them on the terminal reporter."""

    tr: Any
    total: int = 0
    done: int = 0
    findings: int = 0  # from finished scenarios
    live: int = 0  # found so far in the running scenario (this process only)
    scenario: str = ""
    transient: bool = False  # a redrawable line is on screen

    def line(self, persona: str = "", step: str = "") -> str:
        who = f" · {persona}" if persona else ""
        now = f" · {step}" if step else ""
        return (f"empathy [{self.done}/{self.total or '?'}] findings {self.findings + self.live}"
                f" · {self.scenario}{who}{now}")

    def show_step(self, persona: str, step: str) -> None:
        if self.tr.verbosity > 0:
            return
        text = self.line(persona, step)
        width = max(20, self.tr._tw.fullwidth - 1)
        self.tr.rewrite(text[:width], erase=True)
        self.transient = True

    def clear(self) -> None:
        if self.transient:
            self.tr.rewrite("", erase=True)
            self.tr.currentfspath = None  # make pytest re-print its file prefix on a fresh line
            self.transient = False

    def pytest_collection_finish(self, session: pytest.Session) -> None:
        self.total = len(session.items)

    @pytest.hookimpl(tryfirst=True)
    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        """Count a finished scenario once (at its call phase, or at setup when it never ran)."""
        self.clear()
        if report.when == "call" or (report.when == "setup" and not report.passed):
            props = dict(report.user_properties)
            self.finished(report.nodeid, report.outcome, str(props.get("empathy_persona", "")),
                          int(str(props.get("empathy_findings", 0) or 0)))

    def finished(self, nodeid: str, outcome: str, persona: str, findings: int) -> None:
        self.clear()
        self.done += 1
        self.findings += findings
        self.live = 0
        who = f" as {persona}" if persona else ""
        self.tr.write_line(f"empathy [{self.done}/{self.total or '?'}] {outcome}: {nodeid}{who}"
                           f" · {findings} finding(s), {self.findings} so far")


class _Installer:
    """Decides at session start, when pytest's terminal reporter exists, whether to show the view."""

    @pytest.hookimpl(trylast=True)
    def pytest_sessionstart(self, session: pytest.Session) -> None:
        config = session.config
        tr = config.pluginmanager.get_plugin("terminalreporter")
        if tr is not None and wanted(config):
            view = ProgressView(tr)
            config.stash[VIEW_KEY] = view
            config.pluginmanager.register(view, "empathy-progress")


def configure(config: pytest.Config) -> None:
    """Arrange for the view to be installed at session start when wanted; otherwise all below is a no-op."""
    if not config.pluginmanager.has_plugin("empathy-progress-installer"):
        config.pluginmanager.register(_Installer(), "empathy-progress-installer")


def _view(config: pytest.Config) -> ProgressView | None:
    return config.stash.get(VIEW_KEY, None)


def scenario_started(config: pytest.Config, scenario: str) -> None:
    view = _view(config)
    if view is not None:
        view.scenario = scenario
        view.live = 0


def step_started(config: pytest.Config, persona: str, step: str) -> None:
    view = _view(config)
    if view is not None:
        view.show_step(persona, step)


def findings_added(config: pytest.Config, count: int) -> None:
    view = _view(config)
    if view is not None:
        view.live += count
