"""Run-level reporting at session start and end, only when the run is a journey run.

Why the guard: the plugin is active in every pytest run of an environment where the harness is
installed (the harness's own unit tests too). Run files go into the Allure results folder only
when `--alluredir` was given, and the run summary is written only when feature scenarios ran, so
an unrelated test run never touches `reports/`.
"""

from __future__ import annotations

import pytest

from harness.runner.collect import FeatureModule
from harness.runner.options import settings_of

RAN_FEATURES = pytest.StashKey[bool]()


def _alluredir(config: pytest.Config) -> str:
    return str(getattr(config.option, "allure_report_dir", "") or "")


def session_start(session: pytest.Session) -> None:
    """Write categories, environment and executor files into the Allure results folder."""
    alluredir = _alluredir(session.config)
    if alluredir and not hasattr(session.config, "workerinput"):
        from harness.reporting import session_start as write_run_files

        settings = settings_of(session.config)
        write_run_files(settings, alluredir, variant=settings.variant)


def collected(session: pytest.Session) -> None:
    """Remember whether any scenario of a feature file is in this run."""
    if any(isinstance(item.parent, FeatureModule) for item in session.items):
        session.config.stash[RAN_FEATURES] = True


def session_finish(session: pytest.Session) -> None:
    """Write the run summary once (on the xdist controller), after feature scenarios ran; not after a pre-flight
    stop (a worker's, under xdist) before any scenario finished: the last run's summary stays with its results."""
    from harness.reporting.results import any_written
    from harness.runner.preflight import stopped

    config = session.config
    if hasattr(config, "workerinput"):
        return
    ran = config.stash.get(RAN_FEATURES, False) or (
        getattr(config.option, "dist", "no") != "no" and bool(_alluredir(config)))
    settings = settings_of(config) if ran else None
    if settings is not None and (stopped(config) is None or any_written(settings.path("reports_dir"))):
        from harness.reporting import session_finish as write_summary

        write_summary(settings)
