"""The pytest plugin (entry point `pytest11: empathy`): every hook forwards to the module that owns the job.

Implementation lives in `harness/runner/`: options (flags -> settings), collect (.feature files),
fixtures, lifecycle (record, check, report around each step and scenario), tags, workspace
(step modules) and progress (the terminal view). Our own hook specs are in `harness/hooks.py`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from harness.runner import (
    collect,
    interrupt,
    lifecycle,
    options,
    progress,
    recording,
    reports,
    selection,
    tags,
    workspace,
)
from harness.runner.fixtures import empathy_browser, empathy_scenario, empathy_settings, journey

__all__ = ["empathy_browser", "empathy_scenario", "empathy_settings", "journey"]


def pytest_addhooks(pluginmanager: pytest.PytestPluginManager) -> None:
    from harness import hooks, shard
    from harness.runner import preflight

    pluginmanager.add_hookspecs(hooks)
    if not pluginmanager.has_plugin("empathy-preflight"):
        pluginmanager.register(preflight, "empathy-preflight")  # run-stopping checks (H-reliability)
    if not pluginmanager.has_plugin("empathy-sharding"):
        pluginmanager.register(shard, "empathy-sharding")  # --shard K/N, and the durations it balances by


def pytest_addoption(parser: pytest.Parser) -> None:
    options.addoption(parser)


def pytest_configure(config: pytest.Config) -> None:
    from harness.reporting import failures

    options.configure(config)
    failures.register(config)
    workspace.register_steps(config)
    progress.configure(config)
    interrupt.configure_worker(config)


@pytest.hookimpl(tryfirst=True)
def pytest_keyboard_interrupt(excinfo: pytest.ExceptionInfo[BaseException]) -> None:
    interrupt.trim(excinfo)


def pytest_sessionstart(session: pytest.Session) -> None:
    reports.session_start(session)


def pytest_sessionfinish(session: pytest.Session) -> None:
    reports.session_finish(session)


def pytest_collection_finish(session: pytest.Session) -> None:
    reports.collected(session)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    persona = config.getoption("empathy_only_persona", default=None)
    if persona:
        selection.keep_persona(config, items, options.settings_of(config), persona)
    if config.getoption("empathy_round_robin", default=False):
        selection.round_robin(items)


@pytest.hookimpl(wrapper=True, trylast=True)  # innermost: before allure and the terminal read the report
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Any:
    from harness.reporting import failures

    report = yield
    failures.failed_on_findings(item.config, call, report)
    recording.note_report(item, report)
    return report


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    return collect.collect_file(file_path, parent)


@pytest.hookimpl(tryfirst=True)
def pytest_bdd_apply_tag(tag: str, function: Callable[..., Any]) -> bool:
    return tags.apply_tag(_config(), tag, function)


@pytest.hookimpl(tryfirst=True)
def pytest_bdd_before_scenario(request: pytest.FixtureRequest, feature: Any, scenario: Any) -> None:
    lifecycle.before_scenario(request, feature, scenario)


@pytest.hookimpl(tryfirst=True)
def pytest_bdd_before_step(request: pytest.FixtureRequest, step: Any) -> None:
    lifecycle.before_step(request, step)


@pytest.hookimpl(tryfirst=True)
def pytest_bdd_after_step(request: pytest.FixtureRequest) -> None:
    lifecycle.after_step(request)


@pytest.hookimpl(tryfirst=True)
def pytest_bdd_step_error(request: pytest.FixtureRequest, exception: BaseException) -> None:
    lifecycle.step_error(request, exception)


@pytest.hookimpl(trylast=True)  # after allure-pytest-bdd recorded every argument, fixtures included
def pytest_bdd_before_step_call(step: Any, step_func_args: dict[str, Any]) -> None:
    from harness.reporting.allure import readable_parameters

    readable_parameters(step, step_func_args)


@pytest.hookimpl(trylast=True)
def pytest_bdd_after_scenario(request: pytest.FixtureRequest, feature: Any, scenario: Any) -> None:
    lifecycle.after_scenario(request, feature, scenario)


def _config() -> pytest.Config:
    from pytest_bdd.utils import CONFIG_STACK

    return CONFIG_STACK[-1]
