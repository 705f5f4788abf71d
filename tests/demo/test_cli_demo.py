"""`empathy demo`: the catalogue listing, a readable help, one-line errors, and no Flask at import time."""

from __future__ import annotations

import ast
import json
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from harness.cli import app
from harness.demo.defects import DEFECTS
from harness.exceptions import ConfigError

EMPATHY = [sys.executable, "-c", "from harness.cli import main; main()"]


def test_defects_lists_id_journey_rule_and_description() -> None:
    result = CliRunner().invoke(app, ["demo", "defects"])
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0].split() == ["ID", "JOURNEY", "EXPECTED", "RULE", "DESCRIPTION"]
    for defect in DEFECTS.values():
        row = next(line for line in lines if line.startswith(defect.id + " "))
        assert row.split()[1:3] == [defect.journey, defect.expected_rule] and row.endswith(defect.description)
    assert "ending 0002 is declined" in result.output


def test_defects_as_json_lines() -> None:
    result = CliRunner().invoke(app, ["demo", "defects", "--json"])
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert [row["id"] for row in rows] == list(DEFECTS) and set(rows[0]) >= {"journey", "expected_rule"}


def test_serve_help_names_every_option() -> None:
    result = CliRunner().invoke(app, ["demo", "serve", "--help"], terminal_width=100)
    assert result.exit_code == 0
    for option in ("--variant", "warm|cold", "--defects", "--port", "--submit-delay", "--session-timeout"):
        assert option in result.output


@pytest.mark.subprocess
def test_bad_variant_is_one_line_and_exit_code_3_from_the_real_command() -> None:
    done = subprocess.run([*EMPATHY, "demo", "serve", "--variant", "tepid"], capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 3
    assert done.stderr.strip() == "empathy: unknown demo variant 'tepid' (use one of: warm, cold)"


def test_unknown_defect_and_taken_port_raise_config_errors_naming_the_fix() -> None:
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen(1)
        port = str(holder.getsockname()[1])
        for args, words in [(["--defects", "repeat-email,nope"], "unknown demo defect 'nope'"),
                            (["--port", port], f"port {port} on 127.0.0.1 is already in use")]:
            result = CliRunner().invoke(app, ["demo", "serve", *args])
            assert isinstance(result.exception, ConfigError), result.output
            assert str(result.exception).startswith(words) and "\n" not in str(result.exception)


def test_cli_module_imports_no_flask_or_portal_at_top() -> None:
    source = Path(__file__).parents[2] / "harness" / "cli" / "demo.py"
    top = [node for node in ast.parse(source.read_text()).body if isinstance(node, ast.Import | ast.ImportFrom)]
    names = {alias.name for node in top for alias in node.names} | {
        node.module or "" for node in top if isinstance(node, ast.ImportFrom)}
    assert not {n for n in names if n.startswith(("flask", "werkzeug", "harness.demo"))}
