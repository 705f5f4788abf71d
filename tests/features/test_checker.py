"""Each kind of mistake a product owner makes, found at the right line and column with a useful fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from harness.exceptions import FeatureError
from harness.features.checker import MAX_STEP_CHARS, Checker, feature_files

CLEAN = """\
@claims
Feature: Make a claim
  Scenario: an anxious customer claims
    Given I am an anxious customer
    And I open the "claims" page
    When I enter my email address in "Email"
    And I press "Continue"
    Then I should not be asked the same thing twice
"""


def only(result, rule):  # type: ignore[no-untyped-def]
    found = [d for d in result.diagnostics if d.rule == rule]
    assert len(found) == 1, result.format()
    return found[0]


def test_clean_file_has_no_problems_and_exit_0(check) -> None:  # type: ignore[no-untyped-def]
    result = check(CLEAN)
    assert result.diagnostics == [], result.format()
    assert result.exit_code == 0
    assert (result.scenarios, result.steps) == (1, 5)


def test_misspelt_keyword_is_a_syntax_error_with_the_corrected_line(check) -> None:  # type: ignore[no-untyped-def]
    result = check(CLEAN.replace("    When I enter", "    Wehn I enter"))
    d = only(result, "syntax")
    assert (d.line, d.column) == (6, 5)
    assert "'Wehn' is not a Gherkin keyword" in d.message
    assert d.suggestions == ('When I enter my email address in "Email"',)
    assert result.exit_code == 5


@pytest.mark.parametrize(("text", "line", "column", "words"), [
    ("Claims\nFeature: x\n", 1, 1, "must start with 'Feature: <name>'"),
    ('Feature: x\n  Scenario: y\n    Given I am "anxious"\n      """\n      open\n', 6, 1,
     'close it with a line of """'),
    ('Feature: x\n  Scenario: y\n    Given I am "anxious"\n      | a | b |\n      | c |\n', 5, 7, "number of cells"),
    ("Feature: x\n  Scenario: y\n    Given I am \"anxious\"\n    I press the button\n", 4, 5,
     "not a step: start it with Given"),
    ("@two words\nFeature: x\n", 1, 1, "cannot contain spaces"),
])
def test_syntax_errors_say_where_and_why(check, text, line, column, words) -> None:  # type: ignore[no-untyped-def]
    result = check(text)
    first = result.diagnostics[0]
    assert first.rule == "syntax"
    assert (first.line, first.column) == (line, column)
    assert words in first.message
    assert result.exit_code == 5


def test_misspelt_scenario_keyword_read_as_description_is_caught(check) -> None:  # type: ignore[no-untyped-def]
    result = check("Feature: x\n  Scenaro: y\n    Given I am \"anxious\"\n")
    messages = {(d.line, d.rule): d for d in result.diagnostics}
    assert messages[(2, "syntax")].suggestions == ("Scenario: y",)
    assert "outside any Scenario" in messages[(3, "structure")].message


@pytest.mark.model
def test_reworded_step_is_undefined_with_the_intended_step_first(check) -> None:  # type: ignore[no-untyped-def]
    result = check(CLEAN.replace('When I enter my email address in "Email"', 'When I type in my e-mail into "Email"'))
    d = only(result, "undefined-step")
    assert (d.line, d.column) == (6, 5)
    assert d.message == "no step definition matches When 'I type in my e-mail into \"Email\"'"
    assert d.suggestions[0] == 'When I enter my email address in "Email"'
    assert len(d.suggestions) == 3
    assert result.exit_code == 11


@pytest.mark.model
def test_suggestion_keeps_the_authors_values_and_and_keyword(check) -> None:  # type: ignore[no-untyped-def]
    result = check(CLEAN.replace('And I press "Continue"', 'And I click on "Send my claim"'))
    d = only(result, "undefined-step")
    assert d.suggestions[0] == 'And I click "Send my claim"'


@pytest.mark.model
def test_wrong_keyword_names_the_right_one(check) -> None:  # type: ignore[no-untyped-def]
    result = check(CLEAN.replace('And I press "Continue"', 'Then I press "Continue"'))
    d = only(result, "undefined-step")
    assert "a When step does" in d.message
    assert d.suggestions == ('When I press "Continue"',)


def test_ambiguous_step_lists_every_matching_definition(check) -> None:  # type: ignore[no-untyped-def]
    result = check(CLEAN + '    And I should see "Claim received"\n')
    d = only(result, "ambiguous-step")
    assert (d.line, d.column) == (9, 5)
    assert [s.split("   ")[0] for s in d.suggestions] == ['Then I should see "{text}"', "Then I should see {words}"]
    assert all("sample_steps.py:" in s for s in d.suggestions)
    assert result.exit_code == 12


def test_unknown_persona_suggests_the_close_one(check) -> None:  # type: ignore[no-untyped-def]
    result = check(CLEAN.replace("Given I am an anxious customer", 'Given I am "anxous"'))
    d = only(result, "unknown-persona")
    assert (d.line, d.column) == (4, 5)
    assert "unknown persona 'anxous'" in d.message and "hurried" in d.message
    assert d.suggestions == ('Given I am "anxious"',)
    assert result.exit_code == 4


def test_unknown_page_lists_known_pages(check) -> None:  # type: ignore[no-untyped-def]
    result = check(CLEAN.replace('"claims" page', '"claim" page'))
    d = only(result, "unknown-page")
    assert (d.line, d.column) == (5, 5)
    assert "known pages: claims, confirmation, home" in d.message
    assert d.suggestions == ('And I open the "claims" page',)
    assert result.exit_code == 13


OUTLINE = """\
Feature: x
  Scenario Outline: claims for <persona>
    Given I am "<persona>"
    And I open the "<page>" page
    When I press "<buton>"
    Examples:
      | persona | page   | button   | note |
      | anxious | claims | Continue | a    |
      | hurried | claimz | Send     | b    |
"""


def test_outline_problems_point_at_the_examples_cells_and_columns(check) -> None:  # type: ignore[no-untyped-def]
    result = check(OUTLINE)
    by_rule = {(d.rule, d.line, d.column): d for d in result.diagnostics}
    page = by_rule[("unknown-page", 9, 19)]  # the bad cell, not the step
    assert page.suggestions == ("claims",)
    unused_button = by_rule[("structure", 7, 28)]
    assert "'button' is not used" in unused_button.message
    assert "'note' is not used" in by_rule[("structure", 7, 39)].message
    placeholder = by_rule[("structure", 5, 5)]
    assert "<buton> has no Examples column" in placeholder.message
    assert placeholder.suggestions == ('When I press "<button>"',)
    assert result.exit_code == 13  # unknown page outranks the structure problems


def test_first_step_and_is_refused_like_pytest_bdd_does(check) -> None:  # type: ignore[no-untyped-def]
    result = check('Feature: x\n  Scenario: y\n    And I am "anxious"\n')
    d = only(result, "structure")
    assert (d.line, d.column) == (3, 5)
    assert d.suggestions == ('Given I am "anxious"',)


def test_but_takes_the_previous_keyword(check) -> None:  # type: ignore[no-untyped-def]
    result = check(CLEAN + "    But I should not be asked the same thing twice\n")
    assert result.diagnostics == []


def test_background_steps_are_checked_once(check) -> None:  # type: ignore[no-untyped-def]
    text = ('Feature: x\n  Background:\n    Given I am "nobody-at-all"\n'
            '  Scenario: a\n    When I fill in the form\n  Scenario: b\n    When I fill in the form\n')
    result = check(text)
    assert [(d.rule, d.line) for d in result.diagnostics] == [("unknown-persona", 3)]


def test_overlong_step_is_refused_without_matching(check) -> None:  # type: ignore[no-untyped-def]
    result = check(f'Feature: x\n  Scenario: y\n    Given I am "{"a" * MAX_STEP_CHARS}"\n')
    d = only(result, "structure")
    assert "characters long" in d.message


def test_file_that_is_not_utf8_is_reported_at_the_bad_byte(sample_catalogue, settings, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "latin1.feature"
    path.write_bytes("Feature: x\n  Scenario: café\n".encode("latin-1"))
    result = Checker(sample_catalogue, settings).check_paths([path])
    d = only(result, "syntax")
    assert (d.line, d.column) == (2, 16)
    assert "not UTF-8" in d.message


def test_folders_are_searched_and_missing_paths_are_an_error(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "one.feature").write_text("Feature: one\n")
    (tmp_path / "a" / "notes.txt").write_text("no")
    assert feature_files([tmp_path]) == [tmp_path / "a" / "b" / "one.feature"]
    with pytest.raises(FeatureError, match="no such file"):
        feature_files([tmp_path / "missing"])


@pytest.mark.parametrize(("text", "line", "fix"), [
    ('Feature: x\n  Scenario Outine: y\n    Given I am "anxious"\n', 2, "Scenario Outline: y"),
    ('Feature: x\n  Backgrund:\n    Given I am "anxious"\n  Scenario: y\n    When I fill in the form\n', 2,
     "Background:"),
    ('Feature: x\n  Scenario: y\n    Given I am "anxious"\n  Scenario: z\n    Gven I am "anxious"\n', 5,
     'Given I am "anxious"'),
    ('Feature: x\n  Scenario: y\n    Given I am "anxious"\n    then I should see "x"\n', 4, 'Then I should see "x"'),
])
def test_misspelt_keywords_gherkin_reads_as_description(check, text, line, fix) -> None:  # type: ignore[no-untyped-def]
    found = [d for d in check(text).diagnostics if d.rule == "syntax"]
    assert [(d.line, d.suggestions) for d in found] == [(line, (fix,))]


def test_unknown_personal_detail_and_allow_rule(check) -> None:  # type: ignore[no-untyped-def]
    result = check("@allow:repeated-promt\n" + CLEAN.replace("my email address", "my e-mial adress"))
    rule = only(result, "unknown-rule")
    assert (rule.line, rule.column) == (1, 1) and "no rule 'repeated-promt'" in rule.message
    assert "@allow:repeated-prompt" in rule.message
    detail = only(result, "unknown-detail")
    assert detail.line == 7 and detail.message == "no personal detail called 'e-mial adress'"
    assert 'When I enter my e-mail address in "Email"' in detail.suggestions
    assert result.exit_code == 5
