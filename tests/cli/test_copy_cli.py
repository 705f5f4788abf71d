"""`empathy copy score` and `empathy copy lint`: exact terminal output, line numbers and exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from harness.cli import app
from harness.language import embeddings

pytestmark = [pytest.mark.model, pytest.mark.subprocess]


@pytest.fixture(autouse=True, scope="module")
def private_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    mp = pytest.MonkeyPatch()
    mp.setenv(embeddings.CACHE_ENV, str(tmp_path_factory.mktemp("copy-cli-cache")))
    yield
    mp.undo()


def invoke(*args: str, stdin: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["copy", *args], input=stdin, catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


# --- score ---------------------------------------------------------------------------------------

def test_score_prints_verdict_reasons_and_a_suggestion_in_the_fields_words() -> None:
    code, out, _ = invoke("score", "Invalid input", "--kind", "validation", "--field", "Membership number")
    assert code == 0
    assert out == (
        "cold (score 0.00, kind validation)\n"
        "  no E2 blame: Blames the person or sounds hostile: 'Invalid'.\n"
        "  no E5 generic: Generic wording that says nothing specific: 'Invalid input'.\n"
        "  no E6 next-step: Does not say how to fix it.\n"
        "  no E7 field-words: Does not use the field's own words ('Membership number').\n"
        "  ok E1 jargon: No codes or technical jargon.\n"
        "  ok E3 shouting: No capitals or exclamation marks used to shout.\n"
        "  ok E4 jokes: No jokes about the failure.\n"
        "  ok E10 stonewall: No legalistic or stonewalling wording.\n"
        "suggestion: Enter your membership number.\n"
    )


def test_score_warm_message_has_no_suggestion_and_says_the_kind_was_inferred() -> None:
    code, out, _ = invoke("score", "Enter a postcode, like SW1A 1AA")
    assert code == 0
    first, *rest = out.splitlines()
    assert first.startswith("warm (score ") and first.endswith(", kind validation (inferred))")
    assert not any(line.startswith("suggestion:") for line in rest)


def test_score_json_has_the_documented_keys() -> None:
    code, out, _ = invoke("score", "Oops, something has gone wrong", "--json")
    data = json.loads(out)
    assert code == 0
    assert data["verdict"] == "cold" and data["kind"] == "error"
    assert {r["code"] for r in data["reasons"] if not r["ok"]} >= {"E4", "E5"}
    assert data["suggestion"].endswith("[What the person can do now], or [how to reach a person].")


def test_jsonl_writes_one_result_per_input_line() -> None:
    stdin = ('{"text": "Still processing", "kind": "status"}\n\n'
             '{"text": "Enter your date of birth, for example 14 8 1987", "field": "Date of birth"}\n')
    code, out, _ = invoke("score", "--jsonl", stdin=stdin)
    lines = [json.loads(line) for line in out.splitlines()]
    assert code == 0
    assert [(d["line"], d["verdict"], d["kind"]) for d in lines] == [(1, "cold", "status"), (3, "warm", "validation")]
    assert all({"verdict", "score", "reasons", "suggestion"} <= d.keys() for d in lines)


@pytest.mark.parametrize(("stdin", "message"), [
    ('{"text": "ok"}\nnot json\n', "empathy: stdin line 2: not valid JSON (Expecting value at column 1)"),
    ('{"words": "x"}\n', 'empathy: stdin line 1: needs a "text" string'),
    ('{"text": "x", "kind": "shout"}\n', "empathy: stdin line 1: message kind 'shout' is not known"),
])
def test_jsonl_bad_line_names_the_line(stdin: str, message: str) -> None:
    code, out, err = invoke("score", "--jsonl", stdin=stdin)
    assert code == 2
    assert out == ""
    assert err.startswith(message)


def test_score_usage_errors() -> None:
    assert invoke("score")[0] == 2
    assert invoke("score", "x", "--jsonl")[0] == 2
    code, _, err = invoke("score", "x", "--kind", "shout")
    assert code == 3 and "message kind 'shout' is not known (use one of validation" in err


# --- lint ----------------------------------------------------------------------------------------

@pytest.fixture
def catalogues(tmp_path: Path) -> dict[str, Path]:
    files = {
        "json": ('{\n  "errors": {\n    "generic": "Something has gone wrong",\n'
                 '    "postcode": "Enter a postcode, like SW1A 1AA"\n  },\n  "buttons": {"next": "Continue"}\n}\n'),
        "yaml": ('claim:\n  confirmation: "Claim submitted"\n'
                 "  status: We're checking your claim. This takes about a minute.\n"),
        "po": ('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n#: forms.py:12\n'
               'msgid "Invalid input"\nmsgstr ""\n\n#: forms.py:20\n'
               'msgid "Enter your date of birth, for example 14 8 1987"\nmsgstr ""\n'),
        "txt": "Oops, something has gone wrong\n\n# a comment\nEnter a postcode, like SW1A 1AA\n",
    }
    paths = {}
    for ext, text in files.items():
        paths[ext] = tmp_path / f"messages.{ext}"
        paths[ext].write_text(text, encoding="utf-8")
    return paths


def rules_at(out: str) -> list[tuple[str, str]]:
    """(file:line:col, rule) of each finding line."""
    found = []
    for line in out.splitlines():
        where, rule = line.split(": ", 2)[:2]
        found.append((where, rule))
    return found


def test_lint_json_reports_file_line_col_rule(catalogues: dict[str, Path]) -> None:
    path = catalogues["json"]
    code, out, err = invoke("lint", str(path))
    assert code == 1
    assert out.splitlines()[0].startswith(f"{path}:3:17: copy.cold: 'Something has gone wrong' reads as cold (score ")
    assert out.splitlines()[0].endswith(
        "[What the person can do now], or [how to reach a person].")
    assert out.splitlines()[1:] == [
        f"{path}:3:17: E5-generic: Generic wording that says nothing specific: 'Something has gone wrong'.",
        f"{path}:3:17: E6-next-step: Does not say what to do next (try again, or when) or why.",
        f"{path}:3:17: E8-route: Does not give a way to reach a person.",
        f"{path}:3:17: E9-input-kept: Does not say what happened to the person's answers.",
    ]
    assert err == "2 messages in 1 file: 1 cold, 0 uncertain; 1 not a message (labels, headings)\n"  # "Continue"


def test_lint_yaml_po_and_text_line_numbers(catalogues: dict[str, Path]) -> None:
    code, out, _ = invoke("lint", str(catalogues["yaml"]), str(catalogues["po"]), str(catalogues["txt"]))
    assert code == 1
    where = {w for w, rule in rules_at(out) if rule.startswith("copy.")}
    assert where == {f"{catalogues['yaml']}:2:18", f"{catalogues['po']}:6:8", f"{catalogues['txt']}:1:1"}
    assert (f"{catalogues['po']}:6:8", "E2-blame") in rules_at(out)
    assert (f"{catalogues['txt']}:1:1", "E4-jokes") in rules_at(out)


def test_lint_exits_zero_when_nothing_is_cold(tmp_path: Path) -> None:
    path = tmp_path / "good.txt"
    path.write_text("Enter a postcode, like SW1A 1AA\nSort code must be 6 digits, like 30 94 57\n", encoding="utf-8")
    code, out, err = invoke("lint", str(path))
    assert (code, out, err) == (0, "", "2 messages in 1 file: 0 cold, 0 uncertain\n")


def test_lint_json_format_lists_every_message(catalogues: dict[str, Path]) -> None:
    code, out, _ = invoke("lint", "--format", "json", str(catalogues["txt"]))
    data = json.loads(out)
    assert code == 1
    assert [(m["line"], m["verdict"]) for m in data["messages"]] == [(1, "cold"), (4, "warm")]
    assert {f["rule"] for f in data["findings"]} >= {"copy.cold", "E4-jokes", "E5-generic"}


@pytest.mark.parametrize(("content", "name", "message"), [
    ('{"a": "x",\n  "b": }\n', "bad.json", "bad.json:2:8: not valid JSON"),
    ("a: [unclosed\n", "bad.yaml", "bad.yaml:2:1: not valid YAML"),
])
def test_lint_bad_catalogue_names_file_and_line(tmp_path: Path, content: str, name: str, message: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    code, _, err = invoke("lint", str(path))
    assert code == 2
    assert err.startswith(f"empathy: {tmp_path / message}")


def test_lint_usage_errors(tmp_path: Path) -> None:
    code, _, err = invoke("lint", str(tmp_path / "missing.json"))
    assert code == 2 and f"{tmp_path / 'missing.json'}: no such file" in err
    assert invoke("lint")[0] == 2
    path = tmp_path / "m.txt"
    path.write_text("Please wait\n", encoding="utf-8")
    assert invoke("lint", "--format", "xml", str(path))[0] == 2


def test_copy_cli_module_imports_nothing_heavy() -> None:
    code = ("import sys, harness.cli.copy; heavy = {'torch', 'sentence_transformers', 'sklearn', 'polib'};"
            "print(sorted(heavy & set(sys.modules)))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
