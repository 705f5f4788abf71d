"""`empathy personas` and `empathy personas show`: what a person sees on the terminal."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from harness.cli import app
from harness.exceptions import PersonaError

SECRET = "pw-that-must-never-print-8f3a"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A workspace with one persona extending a built-in; the CLI runs from inside it."""
    (tmp_path / "pyproject.toml").write_text('[tool.empathy]\npersonas_dir = "personas"\nseed = 11\n')
    (tmp_path / "personas").mkdir()
    (tmp_path / "personas" / "careful.yaml").write_text(
        "extends: returning\ndescription: A careful returning customer.\nhabits: {go_back: 0.9}\n"
    )
    for name in [n for n in os.environ if n.startswith("EMPATHY_")]:
        monkeypatch.delenv(name)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(*args: str) -> str:
    result = CliRunner().invoke(app, ["personas", *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def test_list_shows_name_source_and_description(project: Path) -> None:
    lines = run().splitlines()
    assert lines[0].split() == ["NAME", "SOURCE", "DESCRIPTION"]
    rows = {line.split()[0]: line for line in lines[1:]}
    assert {"anxious", "hurried", "returning", "low-confidence", "screen-reader", "careful"} <= set(rows)
    assert rows["careful"].split()[1] == "workspace" and "A careful returning customer." in rows["careful"]
    assert rows["anxious"].split()[1] == "built-in"


def test_show_prints_the_resolved_persona_and_example_data(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EMPATHY_DEMO_PASSWORD", SECRET)
    out = run("show", "careful")
    head, _, tail = out.partition("# example data")
    resolved = yaml.safe_load(head)
    assert resolved["name"] == "careful" and resolved["extends"] == "returning"
    assert resolved["habits"]["go_back"] == 0.9
    assert resolved["account"] is True and resolved["expectations"]["recognised"] is True  # from the parent
    assert "seed 11" in tail  # the project's seed by default
    data = yaml.safe_load(tail.split("\n", 1)[1])["data"]
    assert data["email"].endswith(("example.com", "example.org", "example.net"))
    assert SECRET not in out and "$EMPATHY_DEMO_PASSWORD" in data["password"]


def test_show_is_reproducible_for_a_seed(project: Path) -> None:
    one = run("show", "an anxious customer", "--seed", "3", "--scenario", "claim")
    assert one == run("show", "anxious", "--seed", "3", "--scenario", "claim")
    assert one != run("show", "anxious", "--seed", "4", "--scenario", "claim")
    assert one != run("show", "anxious", "--seed", "3", "--scenario", "other")


def test_show_works_without_the_secret_set(project: Path) -> None:
    out = run("show", "returning")
    assert "<from $EMPATHY_DEMO_PASSWORD: not set>" in out


def test_unknown_persona_raises_persona_error(project: Path) -> None:
    with pytest.raises(PersonaError, match="did you mean 'hurried'"):
        CliRunner().invoke(app, ["personas", "show", "hurryed"], catch_exceptions=False)


@pytest.mark.subprocess
def test_command_line_gives_one_line_and_exit_code(project: Path) -> None:
    empathy = Path(sys.executable).with_name("empathy")
    if not empathy.exists():
        pytest.skip("empathy script not installed next to this python")
    (project / "personas" / "broken.yaml").write_text("description: d\nhabits:\n  typo: 7\n")
    result = subprocess.run([str(empathy), "personas", "show", "broken"], capture_output=True, text=True)
    assert result.returncode == PersonaError.exit_code
    assert result.stdout == "" and "Traceback" not in result.stderr
    assert result.stderr.strip().count("\n") == 0
    assert "broken.yaml:3: habits.typo" in result.stderr and "a number from 0 to 1" in result.stderr


@pytest.mark.subprocess
def test_cli_module_does_not_import_faker_at_top() -> None:
    code = "import sys, harness.cli.personas; sys.exit('faker' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0


def test_fields_prints_the_schema_as_a_markdown_table(project: Path) -> None:
    out = run("fields")
    assert "| `habits.typo` | a number from 0 to 1 | `0.0` |" in out
    assert "| `card_number` |" in out
