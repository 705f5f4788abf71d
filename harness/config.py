"""One config: `[tool.empathy]` in pyproject.toml, then EMPATHY_* environment variables, then CLI flags.

Every option lives in `Settings` with its default and a one-line description; the README's
configuration table is generated from this model, so the two cannot drift.
"""

from __future__ import annotations

import difflib
import os
import tomllib
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationError, field_validator

from harness.exceptions import ConfigError

IMPACTS = ("minor", "moderate", "serious", "critical")


class Settings(BaseModel):
    """Every `[tool.empathy]` option, with its default."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    base_url: str = Field("", description="Site under test; relative page paths join it (no default: "
                                          "`empathy init` asks, pre-flight says when it is missing).")
    pages: dict[str, str] = Field(default_factory=dict, description="Named pages: `contact = \"/contact\"`.")
    features_dir: str = Field("features", description="Where feature files live.")
    personas_dir: str = Field("personas", description="Workspace persona files; same name overrides a built-in.")
    steps_dir: str = Field("steps", description="Workspace step modules, loaded as pytest plugins.")
    reports_dir: str = Field("reports", description="Output: allure-results, transcripts, summaries.")
    mailbox: str = Field("", description="Where the site under test writes the mail it sends (a folder of message "
                         "files, as Django's file backend writes, a Maildir, or an mbox file), for `When I open the "
                         "link in the e-mail I was sent`; empty: no mail is read.")
    seed: int = Field(1, description="Run seed; with persona and scenario it seeds all generated data.")
    identity: str = Field("", description="Mixed with the seed into generated persona data (names, e-mails, "
                          "usernames): `empathy audit` draws a new one per run, so an account it creates never "
                          "meets one an earlier run left on a site that is not reset.")
    time_scale: float = Field(0.0, ge=0.0, le=10.0,
                              description="Multiplies persona think and typing time (0 = as fast as possible).")
    read_before_send: bool = Field(
        False, description="Send no form sooner after its page opened than the persona reads its fields' names and "
                           "button, even at time_scale 0: for a site with an anti-robot time trap (\"submitted too "
                           "quickly\").")
    keep_sign_in: bool = Field(
        False, description="Sign each persona in once per worker: a later `When I sign in` by the same persona on the "
                            "same page restores that session (cookies and storage, kept in memory only, never written) "
                            "rather than typing and pressing again; a session the site ended is signed in to again. "
                            "`empathy audit` turns it on.")
    fail_on: Literal["minor", "moderate", "serious", "critical", "never"] = Field(
        "serious", description="A failed finding at or above this impact fails the scenario.")
    auto_check: bool = Field(True, description="Run every enabled check at the end of each scenario.")
    rules: dict[str, str] = Field(default_factory=dict,
                                  description="Per rule: \"off\" or an impact to re-grade it.")
    thresholds: dict[str, float | Literal["by-load"]] = Field(
        default_factory=dict, description="Override a check threshold as \"<rule>.<name>\" = value (e.g. "
                                          "\"friction.max_fields\" = 12) or a recorder bound by its name "
                                          "(click_watch_ms, ...); an unknown name is an error listing the known ones. "
                                          "patience_stretch (default \"by-load\") draws the persona's patience out "
                                          "by the machine's load per core; 1 keeps it as written.")
    details: dict[str, list[str]] = Field(
        default_factory=dict, description="Persona details that answer a kind of field your site names its own "
                                          "way: info type -> detail keys, e.g. date = [\"appointment_date\"].")
    browser_path: str = Field("", description="Chromium executable; empty finds one (/usr/bin/chromium, Playwright's).")
    browser_endpoint: str = Field("", description="ws:// Playwright server or http:// CDP endpoint to connect to.")
    headless: bool = Field(True, description="Run the browser without a window.")
    slowmo: int = Field(0, ge=0, le=60000, description="Slow every browser operation down by this many ms "
                        "(to watch a journey with `headless = false`).")
    tracing: Literal["", "on", "off", "retain-on-failure"] = Field(
        "", description="Playwright trace per scenario: on, off or retain-on-failure (empty: "
                        "retain-on-failure when the CI variable is set, else off).")
    video: Literal["on", "off", "retain-on-failure"] = Field(
        "off", description="Video (webm) per scenario: on, off or retain-on-failure.")
    screenshots: Literal["every-step", "on-finding", "off"] = Field(
        "on-finding", description="Step screenshots: every-step, on-finding (a step with a finding or a failure) "
                                  "or off.")
    screenshot_quality: int = Field(70, ge=1, le=100, description="JPEG quality of step screenshots (1-100).")
    allowed_hosts: list[str] = Field(default_factory=list,
                                     description="Hosts a persona may visit; empty means the base URL's host.")
    action_timeout_ms: int = Field(15000, ge=100, description="Upper bound on any single wait.")
    score_floor: float = Field(0.0, ge=0.0, le=100.0, description="Fail the run below this empathy score.")
    max_score_drop: float = Field(100.0, ge=0.0, le=100.0,
                                  description="Fail the run when the score drops more than this against the baseline.")
    baseline: str = Field("", description="Baseline file of known findings; only new ones fail.")
    default_persona: str = Field("anxious", description="Persona for a scenario that uses the browser "
                                 "before any `Given I am …` step.")
    variant: str = Field("", description="A label for this run (e.g. the demo variant), shown in the report.")

    _root: Path = PrivateAttr(default_factory=Path.cwd)

    @field_validator("rules")
    @classmethod
    def _rule_values(cls, value: dict[str, str]) -> dict[str, str]:
        for rule, grade in value.items():
            if grade not in (*IMPACTS, "off"):
                raise ValueError(f"rule {rule!r}: {grade!r} is not one of off, {', '.join(IMPACTS)}")
        return value

    @field_validator("thresholds", mode="before")
    @classmethod
    def _threshold_values(cls, value: object) -> object:
        """A word or a truth value where a number goes, named with what it takes (pydantic names its type's branches:
        `.float`; and it reads true as 1, a patience kept as written, a form of one field read as effort)."""
        for name, given in value.items() if isinstance(value, dict) else ():
            if isinstance(given, bool) or isinstance(given, str) and given != "by-load" and not _number(given):
                takes = '"by-load" or a number' if name == "patience_stretch" else "a number"
                shown = str(given).lower() if isinstance(given, bool) else repr(given)
                raise ValueError(f"{name} = {shown}: not a number; it takes {takes}")
        return value

    @field_validator("tracing", mode="before")
    @classmethod
    def _tracing_mode(cls, value: object) -> object:
        if value not in ("", "on", "off", "retain-on-failure"):
            raise ValueError(f"{value!r} is not one of on, off, retain-on-failure (or empty: retain-on-failure "
                             "when CI is set, else off)")
        return value

    @property
    def root(self) -> Path:
        """The folder of the pyproject.toml the settings came from (or the working folder)."""
        return self._root

    def path(self, name: str) -> Path:
        """A configured folder (features_dir, reports_dir, …) resolved against the project root."""
        p = Path(getattr(self, name))
        return p if p.is_absolute() else self.root / p

    def page_url(self, page: str) -> str:
        """The URL of a named page or a path ("/contact"); an unknown name is a ConfigError."""
        from urllib.parse import urljoin

        if page.startswith(("http://", "https://")):
            return page
        if not page.startswith("/"):
            if page not in self.pages:
                known = ", ".join(sorted(self.pages)) or "none configured"
                raise ConfigError(f"unknown page {page!r}",
                                  hint=f"known pages: {known}; add it under [tool.empathy.pages]")
            page = self.pages[page]
        return urljoin(self.base_url.rstrip("/") + "/", page.lstrip("/"))


def in_ci() -> bool:
    """True when the CI variable is set (GitHub Actions, GitLab CI and most others set it)."""
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def find_pyproject(start: Path | None = None) -> Path | None:
    """The nearest pyproject.toml at or above `start` that has a [tool.empathy] table."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            try:
                if "empathy" in tomllib.loads(candidate.read_text(encoding="utf-8")).get("tool", {}):
                    return candidate
            except tomllib.TOMLDecodeError as exc:
                raise ConfigError(f"{candidate}: not valid TOML: {exc}") from None
    return None


def _from_env() -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name in Settings.model_fields:
        raw = os.environ.get(f"EMPATHY_{name.upper()}")
        if raw is not None and raw != "":
            out[name] = raw
    return out


def load_settings(start: Path | None = None, overrides: dict[str, Any] | None = None) -> Settings:
    """Settings from pyproject, EMPATHY_* variables, then `overrides` (CLI flags); an error names the setting
    where its value came from (the pyproject table, the variable or the flag), so the fix is made there."""
    pyproject = find_pyproject(start)
    data: dict[str, Any] = {}
    if pyproject is not None:
        data = dict(tomllib.loads(pyproject.read_text(encoding="utf-8"))["tool"]["empathy"])
    env = _from_env()
    flags = {k: v for k, v in (overrides or {}).items() if v is not None}
    data.update(env)
    data.update(flags)
    try:
        settings = Settings.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        key = ".".join(str(x) for x in first["loc"])
        name = str(first["loc"][0]) if first["loc"] else ""
        if name in flags:
            where = f"the command line's {name.replace('_', '-')} option"
        elif name in env:
            where = f"the environment variable EMPATHY_{name.upper()}"
        else:
            where = f"{pyproject or 'settings'}: [tool.empathy] {key}"
        said = str(first["msg"]).removeprefix("Value error, ")  # pydantic's name for what a validator raised
        if first["type"] == "extra_forbidden":  # a misspelt name: say so, and the setting it may mean
            near = difflib.get_close_matches(name, Settings.model_fields, n=1)
            said = "no such setting" + (f"; did you mean {near[0]}?" if near else "")
        raise ConfigError(f"{where}: {said}", hint="see the configuration table in README.md") from None
    root = pyproject.parent if pyproject else (start or Path.cwd())
    settings._root = root
    return settings


def settings_markdown() -> str:
    """Every option as a Markdown table (option, default, meaning): the README's configuration section."""
    rows = ["| Option | Default | Meaning |", "| --- | --- | --- |"]
    for name, field in Settings.model_fields.items():
        default = field.default_factory() if field.default_factory else field.default  # type: ignore[call-arg]
        shown = f"`{default!r}`".replace("|", "\\|") if default not in ("", [], {}) else "(empty)"
        rows.append(f"| `{name}` | {shown} | {field.description or ''} |")
    return "\n".join(rows) + "\n"


def _number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True
