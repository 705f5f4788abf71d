"""Check steps and the automatic end-of-scenario checks, in a real browser against a tiny site.

The site (served on 127.0.0.1 by the test) asks for an email on its first page and again on the
second: empty on `/ask` (a repeated prompt), pre-filled on `/keep` (what WCAG 3.3.7 asks for).
It shares no markup or wording with the demo portal. Runs go through a pytest subprocess: a
journey loads Playwright, torch and numpy, whose C extensions cannot be re-imported in one process.
"""

from __future__ import annotations

import html
import json
from collections.abc import Callable, Iterator

import pytest
from flask import Flask, abort, request

from tests.sites import serve

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

PAGE = """<!doctype html><html lang="en"><head><title>{title}</title></head><body>
<main><h1>{title}</h1><form action="{action}" method="get">
<label for="mail">{label}</label>
<input id="mail" name="mail" type="email" autocomplete="email" value="{value}">
<button type="submit">{button}</button></form></main></body></html>"""


ERROR = '<p class="error">We could not find that address. Check it and try again.</p>'  # shown, never announced
IN_PLACE = ("<script>document.querySelector('form').addEventListener('submit', (event) => {{ event.preventDefault(); "
            "document.querySelector('main').insertAdjacentHTML('afterbegin', '{error}'); }});</script>")

PAGES = {  # path -> title, where the form goes, the field's label, its value ("given": what was sent), button
    "/ask": ("Stay in touch", "/again", "Email", "", "Next"),
    "/keep": ("Stay in touch", "/kept", "Email", "", "Next"),
    "/again": ("Almost done", "/done", "E-mail address", "", "Finish"),
    "/kept": ("Almost done", "/done", "E-mail address", "given", "Finish"),
    "/done": ("Thank you", "/", "Anything else?", "", "Close"),
    "/find": ("Find your booking", "/find", "Email", "", "Find"),
}


def _site() -> Flask:
    app = Flask(__name__)

    @app.get("/<name>")
    def page(name: str) -> str:
        if f"/{name}" not in PAGES:
            abort(404)
        title, action, label, value, button = PAGES[f"/{name}"]
        value = html.escape(request.args.get("mail", ""), quote=True) if value == "given" else value
        page = PAGE.format(title=title, action=action, label=label, value=value, button=button)
        return page.replace("</body>", IN_PLACE.format(error=ERROR) + "</body>") if name == "find" else page

    return app


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    with serve(_site()) as url:
        yield url


def _scenario(start: str, checks: str) -> str:
    return f"""
Feature: Newsletter
  Scenario: Signing up from {start}
    Given I am "hurried"
    And I open "{start}"
    When I enter my email address in "Email"
    And I press "Next"
    Then I should see "Almost done"
{checks}
"""


def test_check_step_fails_on_a_repeated_prompt_and_passes_when_prefilled(
        project: Callable[..., pytest.Pytester], site: str) -> None:
    check = "    And I should not be asked for anything twice\n"
    pytester = project({"ask.feature": _scenario("/ask", check), "keep.feature": _scenario("/keep", check)},
                       base_url=site)
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", "--empathy-no-auto-check", "-rf")
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines(["*I was asked for something twice*", "*repeated-prompt*E-mail address*",
                                 "*FAILED features/ask.feature::*"])
    assert "FAILED features/keep.feature" not in result.stdout.str()


def test_automatic_checks_fail_the_scenario_at_or_above_fail_on(
        project: Callable[..., pytest.Pytester], site: str) -> None:
    pytester = project({"ask.feature": _scenario("/ask", "")}, base_url=site)
    failing = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    failing.assert_outcomes(failed=1)
    failing.stdout.fnmatch_lines(["*Signing up from /ask as hurried: 1 finding(s) at or above fail_on:",
                                  "*- repeated-prompt [[]serious] at step *"])
    assert "JourneyFeltCold" not in failing.stdout.str() and "call_fixture_func" not in failing.stdout.str()
    debugging = pytester.runpytest_subprocess("-p", "no:cacheprovider", "--tb=long")  # the harness's own traceback
    debugging.stdout.fnmatch_lines(["*raise JourneyFeltCold*"])
    # below fail_on the same journey passes: the next test's runs (`--empathy-fail-on never`) prove it


def test_what_a_check_step_found_stays_in_the_report_beside_the_automatic_checks(
        project: Callable[..., pytest.Pytester], site: str) -> None:
    """The automatic checks ask whether an error drawn in place reached a screen reader only for a screen-reader
    persona; a feature that asks it of anyone gets its answer in the scenario's result, not only on the step."""
    feature = """
Feature: Bookings
  Scenario: An address the site does not know
    Given I am "hurried"
    And I open "/find"
    When I enter my email address in "Email"
    And I press "Find"
    Then the error should be announced
"""
    pytester = project({"find.feature": feature}, base_url=site)
    pytester.runpytest_subprocess("-p", "no:cacheprovider", "--empathy-fail-on", "never").assert_outcomes(passed=1)
    [path] = (pytester.path / "reports" / "empathy").glob("*.json")
    result = json.loads(path.read_text(encoding="utf-8"))
    unheard = [f for f in result["findings"] if "We could not find that address" in json.dumps(f["evidence"])
               and f["rule"] == "missing-reassurance"]
    assert unheard, result["findings"]


HISTORY_STEPS = '''
import pytest


@pytest.hookimpl
def pytest_empathy_setup_history(history, settings, new_journey):
    if history != "visit":
        return None
    setup = new_journey("set-up: an earlier visit")
    setup.begin_step("Given I visit the sign-up page", "Given")
    setup.actor.goto(settings.page_url("/ask"))
    setup.end_step()
    setup.close()
    (settings.root / "set-up-ran.txt").write_text(setup.data["email"], encoding="utf-8")
    return True
'''


def test_history_set_up_and_data_tables(project: Callable[..., pytest.Pytester], site: str) -> None:
    feature = """
Feature: Coming back
  Scenario: A returning visitor
    Given I am "hurried" with a previous visit
    And I open "/ask"
    Then I should see "Stay in touch"

  Scenario: Nobody knows how to make this history
    Given I am "hurried" with a previous purchase
    Then I should see "Stay in touch"

  Scenario Outline: Data tables drive the generic steps (<who>)
    Given I am "<who>"
    And I open "/ask"
    When I fill in the form with these values:
      | field | value            |
      | Email | my email address |
    And I press "Next"
    Then I should see the following:
      | Almost done    |
      | E-mail address |

    Examples:
      | who     |
      | hurried |
"""
    pytester = project({"back.feature": feature}, {"history.py": HISTORY_STEPS}, base_url=site)
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", "--empathy-no-auto-check")
    result.assert_outcomes(passed=2, failed=1)
    result.stdout.fnmatch_lines(["*nothing knows how to give the persona a previous purchase*"
                                 "*pytest_empathy_setup_history*"])
    assert "@example." in (pytester.path / "set-up-ran.txt").read_text(encoding="utf-8")


def test_two_scenarios_of_one_title_in_two_files_keep_a_transcript_each_and_the_same_names_next_run(
        project: Callable[..., pytest.Pytester], site: str) -> None:
    same = {name: _scenario(start, "").replace(f"Signing up from {start}", "Signing up")
            for name, start in (("ask.feature", "/ask"), ("keep.feature", "/keep"))}
    pytester = project(same, base_url=site)
    folder = pytester.path / "reports" / "transcripts"
    names = []
    for _ in range(2):
        pytester.runpytest_subprocess("-p", "no:cacheprovider", "--empathy-fail-on", "never").assert_outcomes(passed=2)
        names.append(sorted(p.name for p in folder.glob("*.json")))
    assert len(names[0]) == 2 and names[0] == names[1], names  # each journey's transcript written at its end
    # /ask's repeated prompt is a serious finding: the scenarios passed because fail_on is never
    findings = [f for p in (pytester.path / "reports" / "empathy").glob("*.json")
                for f in json.loads(p.read_text(encoding="utf-8"))["findings"]]
    assert any(f["rule"] == "repeated-prompt" and f["impact"] == "serious" for f in findings), findings
    starts = {json.loads(p.read_text(encoding="utf-8"))["steps"][1]["url_after"].rsplit("/", 1)[1]
              for p in folder.glob("*.json")}
    assert starts == {"ask", "keep"}
