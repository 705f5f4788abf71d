"""Command-line options of the plugin, turned into one `Settings` per run and kept in the config stash.

Why: `[tool.empathy]` is the one config; these flags only override it for a single run (CI sets
the base URL or the seed without editing pyproject). A bad value fails the run at start-up with
the setting's name, not half-way through a scenario.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from harness.config import Settings, load_settings
from harness.exceptions import EmpathyError

SETTINGS_KEY = pytest.StashKey[Settings]()

# option dest -> (flag, Settings field, help). Values left at None keep the configured setting.
FLAGS: dict[str, tuple[str, str, str]] = {
    "empathy_base_url": ("--empathy-base-url", "base_url", "Site under test (overrides [tool.empathy] base_url)."),
    "empathy_seed": ("--empathy-seed", "seed", "Run seed for all generated persona data."),
    "empathy_identity": ("--empathy-identity", "identity",
                         "Mixed with the seed into generated persona data: other people, same seed."),
    "empathy_fail_on": ("--empathy-fail-on", "fail_on",
                        "Fail a scenario on a finding at or above: minor, moderate, serious, critical, never."),
    "empathy_time_scale": ("--empathy-time-scale", "time_scale",
                           "Multiply persona think and typing time (0 = as fast as possible)."),
    "empathy_browser_endpoint": ("--browser-endpoint", "browser_endpoint",
                                 "Connect to a running browser (ws:// Playwright server or http:// CDP)."),
    "empathy_variant": ("--empathy-variant", "variant", "A label for this run, shown in the report."),
    "empathy_reports": ("--empathy-reports", "reports_dir", "Output folder for transcripts and summaries."),
    "empathy_persona": ("--empathy-persona", "default_persona",
                        "Persona used when a scenario acts before any `Given I am …` step."),
    "empathy_tracing": ("--empathy-tracing", "tracing",
                        "Playwright trace per scenario: on, off, retain-on-failure (default: retain-on-failure "
                        "when CI is set, else off)."),
    "empathy_video": ("--empathy-video", "video", "Video per scenario: on, off, retain-on-failure."),
    "empathy_screenshots": ("--empathy-screenshots", "screenshots",
                            "Step screenshots: every-step, on-finding (default) or off."),
    "empathy_slowmo": ("--empathy-slowmo", "slowmo", "Slow browser operations down by this many ms."),
}


def addoption(parser: pytest.Parser) -> None:
    """Register the `empathy` option group."""
    group = parser.getgroup("empathy", "empathy-harness: persona journeys and checks")
    for dest, (flag, _field, help_text) in FLAGS.items():
        group.addoption(flag, dest=dest, default=None, help=help_text)
    group.addoption("--empathy-headed", dest="empathy_headed", action="store_true", default=False,
                    help="Show the browser window.")
    group.addoption("--empathy-only-persona", dest="empathy_only_persona", default=None, metavar="PERSONA",
                    help="Run only the scenarios and Examples rows this persona walks.")
    group.addoption("--empathy-keep-sign-in", dest="empathy_keep_sign_in", action="store_true", default=False,
                    help="Sign each persona in once per worker; a later sign-in restores its session (keep_sign_in).")
    group.addoption("--empathy-round-robin", dest="empathy_round_robin", action="store_true", default=False,
                    help="Run the first scenario of every feature file, then the second of each, and so on.")
    group.addoption("--empathy-no-auto-check", dest="empathy_no_auto_check", action="store_true", default=False,
                    help="Do not run every enabled check at the end of each scenario.")


def overrides(config: pytest.Config) -> dict[str, Any]:
    """The settings the command line overrides (only flags that were given)."""
    out: dict[str, Any] = {}
    for dest, (_flag, field, _help) in FLAGS.items():
        value = config.getoption(dest, default=None)
        if value is not None:
            out[field] = value
    if config.getoption("empathy_headed", default=False):
        out["headless"] = False
    if config.getoption("empathy_keep_sign_in", default=False):
        out["keep_sign_in"] = True
    if config.getoption("empathy_no_auto_check", default=False):
        out["auto_check"] = False
    return out


def configure(config: pytest.Config) -> None:
    """Load the run's settings once (pyproject, EMPATHY_* variables, flags) into the stash."""
    try:
        settings = load_settings(Path(config.rootpath), overrides=overrides(config))
    except EmpathyError as exc:
        raise pytest.UsageError(f"empathy: {exc}") from None
    config.stash[SETTINGS_KEY] = settings


def settings_of(config: pytest.Config) -> Settings:
    """The run's settings (loaded at configure time)."""
    if SETTINGS_KEY not in config.stash:
        configure(config)
    return config.stash[SETTINGS_KEY]
