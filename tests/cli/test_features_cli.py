"""`empathy check / steps / new feature / init` as a person runs them: exact output and exit codes."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from harness.cli import main

PYPROJECT = """\
[tool.empathy]
base_url = "http://127.0.0.1:9"

[tool.empathy.pages]
claims = "/claims/new"
confirmation = "/claims/confirmation"
"""

CLEAN = """\
Feature: Fine
  Scenario: fine
    Given I am an anxious customer
    When I open the "claims" page
    Then I should know what happens next
"""


@pytest.fixture
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "pyproject.toml").write_text(PYPROJECT)
    (tmp_path / "features").mkdir()
    (tmp_path / "features" / "ok.feature").write_text(CLEAN)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def empathy(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, *args: str) -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "argv", ["empathy", *args])
    code = 0
    try:
        main()
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def write(workspace: Path, text: str, name: str = "bad.feature") -> str:
    (workspace / "features" / name).write_text(text)
    return f"features/{name}"


def test_clean_feature_exits_0(workspace, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    assert empathy(capsys, monkeypatch, "check", "features") == (
        0, "checked 1 feature file, 1 scenario, 3 steps: no problems\n", "")


def test_malformed_gherkin_exits_5(workspace, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    path = write(workspace, 'Feature: x\n  Scenario: y\n    Given I am "hurried"\n    Wehn I press "Go"\n')
    code, out, _ = empathy(capsys, monkeypatch, "check", path)
    assert code == 5
    assert out == (f"{path}:4:5: error: 'Wehn' is not a Gherkin keyword [syntax]\n"
                   '    did you mean: When I press "Go"\n'
                   "checked 1 feature file, 0 scenarios, 0 steps: 1 problem (1 syntax)\n")


@pytest.mark.model
def test_undefined_step_exits_11_with_the_intended_step_first(workspace, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    path = write(workspace, CLEAN.replace("When I open the \"claims\" page", 'When I type in my e-mail into "Email"'))
    code, out, _ = empathy(capsys, monkeypatch, "check", path)
    assert code == 11
    lines = out.splitlines()
    assert lines[0] == f"{path}:4:5: error: no step definition matches When 'I type in my e-mail into \"Email\"' " \
                       "[undefined-step]"
    assert lines[1] == '    did you mean: When I type my email address in "Email"'
    assert lines[2].startswith("              or: ") and lines[3].startswith("              or: ")
    assert lines[-1] == "checked 1 feature file, 1 scenario, 3 steps: 1 problem (1 undefined-step)"


@pytest.mark.model
def test_wrong_keyword_says_which_keyword(workspace, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    path = write(workspace, CLEAN.replace("Then I should know", "Given I should know"))
    code, out, _ = empathy(capsys, monkeypatch, "check", path)
    assert (code, out) == (11, (
        f"{path}:5:5: error: no Given step matches 'I should know what happens next', but a Then step does: "
        "start it with Then [undefined-step]\n"
        "    did you mean: Then I should know what happens next\n"
        "checked 1 feature file, 1 scenario, 3 steps: 1 problem (1 undefined-step)\n"))


def test_ambiguous_step_exits_12(workspace, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    (workspace / "steps").mkdir()
    (workspace / "steps" / "ours.py").write_text(
        "from pytest_bdd import parsers, then\n\n"
        "@then(parsers.parse('I should know {anything}'))\n"
        "def know(anything):\n    '''Then I should know my claim number'''\n")
    code, out, _ = empathy(capsys, monkeypatch, "check", "features/ok.feature")
    assert code == 12
    lines = out.splitlines()
    assert lines[0] == ("features/ok.feature:5:5: error: 2 step definitions match Then 'I should know what happens "
                        "next'; reword the step or one of the definitions so only one matches [ambiguous-step]")
    assert lines[1].startswith("    matches: Then I should know what happens next   (")
    assert lines[2] == "         or: Then I should know {anything}   (steps/ours.py:3)"


def test_unknown_persona_exits_4(workspace, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    path = write(workspace, CLEAN.replace("Given I am an anxious customer", 'Given I am "anxous"'))
    code, out, _ = empathy(capsys, monkeypatch, "check", path)
    assert (code, out.splitlines()[:2]) == (4, [
        f"{path}:3:5: error: unknown persona 'anxous'; did you mean 'anxious'? known personas: anxious, hurried, "
        "low-confidence, returning, screen-reader; or add personas/<name>.yaml [unknown-persona]",
        '    did you mean: Given I am "anxious"'])


def test_unknown_page_exits_13(workspace, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    path = write(workspace, CLEAN.replace('"claims" page', '"claim" page'))
    code, out, _ = empathy(capsys, monkeypatch, "check", path)
    assert (code, out) == (13, (
        f"{path}:4:5: error: unknown page 'claim'; known pages: claims, confirmation; add it under "
        '[tool.empathy.pages] in pyproject.toml or write a path such as "/contact" [unknown-page]\n'
        '    did you mean: When I open the "claims" page\n'
        "checked 1 feature file, 1 scenario, 3 steps: 1 problem (1 unknown-page)\n"))


def test_invalid_setting_exits_3_naming_the_file_and_key(workspace, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    (workspace / "pyproject.toml").write_text(PYPROJECT.replace('base_url = "http://127.0.0.1:9"',
                                                                'fail_on = "sometimes"'))
    code, out, err = empathy(capsys, monkeypatch, "check", "features")
    assert (code, out) == (3, "")
    assert err.startswith(f"empathy: {workspace / 'pyproject.toml'}: [tool.empathy] fail_on: ")
    assert err.count("\n") == 1 and "Traceback" not in err


def test_a_misspelt_setting_is_named_with_the_one_it_may_mean(workspace, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # pydantic's own words ("Extra inputs are not permitted") told a new user neither that no such setting exists
    # nor which one they meant
    (workspace / "pyproject.toml").write_text(PYPROJECT.replace("base_url", "base_ulr", 1))
    code, _, err = empathy(capsys, monkeypatch, "check", "features")
    assert code == 3 and err.startswith(f"empathy: {workspace / 'pyproject.toml'}: [tool.empathy] base_ulr: "), err
    assert "no such setting" in err and "did you mean base_url?" in err and "Extra inputs" not in err, err


def test_a_misspelt_threshold_is_found_by_check_as_by_run(workspace, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # `empathy check` said "no problems" and `empathy run` then stopped on the same pyproject with exit 3
    (workspace / "pyproject.toml").write_text(PYPROJECT.replace('base_url = "http://127.0.0.1:9"',
                                                                'base_url = "http://127.0.0.1:9"\n'
                                                                'thresholds = {"friction.max_feilds" = 3}'))
    code, out, err = empathy(capsys, monkeypatch, "check", "features")
    assert (code, out) == (3, "")
    assert "'friction.max_feilds'" in err and "friction.max_fields" in err and err.count("\n") == 1, err


def test_an_invalid_setting_is_named_where_its_value_came_from(workspace, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # the pyproject table is fine: the bad value is the environment variable's, so the fix is made there
    monkeypatch.setenv("EMPATHY_FAIL_ON", "sometimes")
    code, _, err = empathy(capsys, monkeypatch, "check", "features")
    assert code == 3
    assert err.startswith("empathy: the environment variable EMPATHY_FAIL_ON: Input should be ")
    from harness.config import load_settings
    from harness.exceptions import ConfigError

    monkeypatch.delenv("EMPATHY_FAIL_ON")
    with pytest.raises(ConfigError, match=r"^the command line's fail-on option: Input should be "):
        load_settings(workspace, overrides={"fail_on": "sometimes"})


def test_missing_path_exits_5_in_one_line(workspace, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    assert empathy(capsys, monkeypatch, "check", "nope.feature") == (
        5, "", "empathy: nope.feature: no such file or folder (name feature files or folders of them)\n")


def test_json_output_for_editors(workspace, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    path = write(workspace, CLEAN.replace('"claims" page', '"claim" page'))
    code, out, _ = empathy(capsys, monkeypatch, "check", path, "--format", "json")
    data = json.loads(out)
    assert code == data["exit_code"] == 13
    assert data["problems"] == [{
        "path": path, "line": 4, "column": 5, "rule": "unknown-page", "severity": "error", "exit_code": 13,
        "message": "unknown page 'claim'; known pages: claims, confirmation; add it under [tool.empathy.pages] in "
                   "pyproject.toml or write a path such as \"/contact\"",
        "suggestions": ['When I open the "claims" page']}]


def _transcript(path: Path, second_label: str) -> None:
    """Page 1 asks for the email and the persona answers; page 2 asks `second_label`."""
    from harness.transcript import Action, Control, Given, Step, Transcript

    first, second = "http://portal.test/claims/new", "http://portal.test/claims/new/2"
    name = second_label.lower().replace(" ", "_")
    steps = [
        Step(index=0, text='Given I open the "claims" page', url_before=first, url_after=first,
             actions=[Action(kind="goto", target="/claims/new")],
             prompts=[Control(selector="#email_address", label="Email address", name="email_address",
                              url=first)]),
        Step(index=1, text='When I fill in "Email address" and continue', url_before=first, url_after=second,
             given=[Given(value="sam@example.com", field="Email address", name="email_address",
                          selector="#email_address", url=first)],
             actions=[Action(kind="fill", target="Email address"), Action(kind="click", target="Continue")],
             prompts=[Control(selector=f"#{name}", label=second_label, name=name, url=second)]),
    ]
    path.write_text(Transcript(persona_name="anxious", feature="Claims", scenario="s", steps=steps).to_json())


def test_check_transcript_blocks_on_a_serious_finding(workspace, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    _transcript(workspace / "t.json", "Email")
    code, out, _ = empathy(capsys, monkeypatch, "check", "t.json")
    assert code == 1
    first = out.splitlines()[0]
    assert first.startswith("t.json:1:repeated-prompt:serious: ")
    assert out.splitlines()[-1].startswith("t.json: ") and "finding" in out.splitlines()[-1]


@pytest.mark.model
def test_check_transcript_without_findings_exits_0(workspace, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    _transcript(workspace / "t.json", "Favourite colour")
    code, out, _ = empathy(capsys, monkeypatch, "check", "t.json", "--format", "json")
    data = json.loads(out)
    assert code == 0 and data["blocking"] is False
    assert all(not f["blocking"] for f in data["findings"])


def test_broken_transcript_is_one_line(workspace, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    (workspace / "t.json").write_text("{}")
    (workspace / "bad.json").write_text('{"steps": 3}')
    code, out, err = empathy(capsys, monkeypatch, "check", "bad.json")
    assert code == 10 and err.startswith("empathy: bad.json: not a transcript: steps: ")
    # a file that is not JSON, or not text at all (a binary saved as .json), is one line too: no traceback
    (workspace / "words.json").write_text("not json")
    code, _, err = empathy(capsys, monkeypatch, "check", "words.json")
    assert code == 10 and err.startswith("empathy: words.json: not a transcript: Invalid JSON"), err
    (workspace / "binary.json").write_bytes(b"\xff\xfe\x00binary")
    code, _, err = empathy(capsys, monkeypatch, "check", "binary.json")
    assert code == 10 and err.startswith("empathy: binary.json: not a transcript: not UTF-8 text"), err


def test_steps_lists_groups_and_writes_markdown(workspace, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = empathy(capsys, monkeypatch, "steps")
    assert code == 0
    assert out.startswith("Who: the persona walking the journey\n  Given I am an anxious customer\n")
    code, out, _ = empathy(capsys, monkeypatch, "steps", "--markdown")
    assert code == 0 and out.startswith("wrote docs/steps.md (")
    assert (workspace / "docs" / "steps.md").read_text().startswith("# Steps you can write\n")
    code, out, _ = empathy(capsys, monkeypatch, "steps", "--markdown", "out/catalogue.md")
    assert code == 0 and (workspace / "out" / "catalogue.md").is_file()


def test_new_feature_then_check_is_clean(workspace, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = empathy(capsys, monkeypatch, "new", "feature", "Report a burst pipe")
    path = workspace / "features" / "report-a-burst-pipe.feature"
    assert (code, out) == (0, f"wrote {path}; check it with: empathy check {path}\n")
    assert empathy(capsys, monkeypatch, "check", str(path))[0] == 0
    code, _, err = empathy(capsys, monkeypatch, "new", "feature", "Report a burst pipe")
    assert code == 5 and "already exists" in err


def test_init_in_an_empty_folder(tmp_path: Path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("EMPATHY_BASE_URL", raising=False)
    code, out, _ = empathy(capsys, monkeypatch, "init")  # not a terminal: nothing asked
    assert code == 0
    assert out.splitlines() == ["created features/example.feature", "created personas/our-customer.yaml",
                                "created steps/README.md", "created pyproject.toml",
                                "next: set base_url in pyproject.toml (or pass --base-url to empathy run), "
                                "then: empathy check features/"]
    assert empathy(capsys, monkeypatch, "check", "features")[0] == 0
    code, out, _ = empathy(capsys, monkeypatch, "init")
    assert out.splitlines()[0] == "kept    features/example.feature (already there)"


def test_init_with_the_site_url(tmp_path: Path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    code, out, _ = empathy(capsys, monkeypatch, "init", "--base-url", "https://staging.shop.test")
    assert code == 0 and out.splitlines()[-1] == "next: empathy check features/, then empathy run"
    assert 'base_url = "https://staging.shop.test"' in (tmp_path / "pyproject.toml").read_text()
    code, _, err = empathy(capsys, monkeypatch, "init", str(tmp_path / "other"), "--base-url", "shop.test")
    assert code == 5 and "--base-url 'shop.test' is not a web address" in err


def test_check_help_lists_every_exit_code(capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from harness.features.diagnostics import RULE_EXIT_CODES

    monkeypatch.setenv("COLUMNS", "200")
    code, out, _ = empathy(capsys, monkeypatch, "check", "--help")
    assert code == 0
    for exit_code in {*RULE_EXIT_CODES.values(), 3, 1}:
        assert f" {exit_code} " in " ".join(out.split()), exit_code


def test_the_bundled_suites_pass_the_checker(capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    root = Path(__file__).resolve().parents[2]
    monkeypatch.chdir(root)
    code, out, _ = empathy(capsys, monkeypatch, "check", "features")
    assert code == 0, out


@pytest.mark.subprocess
def test_cli_module_imports_nothing_heavy() -> None:
    import subprocess

    code = ("import sys, harness.cli.features; "
            "print(sorted(m for m in ('torch', 'pytest_bdd', 'gherkin', 'playwright', 'sentence_transformers', "
            "'harness.features.checker') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


@pytest.mark.parametrize("signalled", [False, True])
def test_an_error_a_stop_caused_is_the_stop(signalled, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """SIGTERM while `empathy check` imported the model's packages cut the import short, and the user read "a package
    the embedding model needs is missing: None" with exit code 8 (the suite's interrupt test met it at load 30). An
    error raised after a stop signal came is the stop: exit 130, the interrupted line. Without a signal, the error."""
    import signal

    import harness.cli
    from harness.exceptions import ModelError
    from harness.runner import interrupt

    monkeypatch.setattr(interrupt._STATE, "signals", [])

    def command() -> None:
        if signalled:  # what the handler records as the signal lands mid-import
            interrupt._STATE.signals.append(signal.SIGTERM)
        raise ModelError("a package the embedding model needs is missing: None")

    monkeypatch.setattr(harness.cli, "app", command)
    code, _, err = empathy(capsys, monkeypatch, "check")
    if signalled:
        assert (code, err) == (130, "empathy: interrupted; what was written so far is kept\n")
    else:
        assert code == 8 and "needs is missing" in err
