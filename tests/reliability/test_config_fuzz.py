"""The `[tool.empathy]` loader never crashes: any text, any value, any EMPATHY_* variable gives Settings or
one ConfigError. (The persona loader, Gherkin checker, copy scorer and prompt comparer have
their own fuzz tests next to their modules.)"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from harness.config import Settings, load_settings
from harness.exceptions import ConfigError

FIELDS = sorted(Settings.model_fields)
FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def _load(tmp: Path, text: str, env: dict[str, str] | None = None, mp: pytest.MonkeyPatch | None = None) -> None:
    (tmp / "pyproject.toml").write_text(text, encoding="utf-8", errors="surrogatepass")
    try:
        load_settings(tmp)
    except ConfigError as exc:
        assert exc.message.strip() and exc.exit_code == 3


@FUZZ
@given(body=st.text(max_size=2000))
def test_any_text_under_the_table(tmp_path: Path, body: str) -> None:
    _load(tmp_path, "[tool.empathy]\n" + body.replace("\x00", ""))


@FUZZ
@given(key=st.sampled_from(FIELDS), value=st.one_of(
    st.text(max_size=300).map(lambda s: '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'),
    st.integers().map(str), st.floats(allow_nan=False, allow_infinity=False).map(repr),
    st.booleans().map(lambda b: str(b).lower()), st.just("[1, 2]"), st.just("{ a = 1 }")))
def test_any_value_for_any_setting(tmp_path: Path, key: str, value: str) -> None:
    text = f"[tool.empathy]\n{key} = {value}\n"
    try:
        import tomllib

        tomllib.loads(text)
    except Exception:  # noqa: BLE001 - hypothesis made invalid TOML; the loader must still answer cleanly
        pass
    _load(tmp_path, text)


@FUZZ
@given(key=st.sampled_from(FIELDS), value=st.text(min_size=1, max_size=200).filter(lambda s: "\x00" not in s))
def test_any_environment_variable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, key: str, value: str) -> None:
    monkeypatch.setenv(f"EMPATHY_{key.upper()}", value)
    _load(tmp_path, "[tool.empathy]\n")


def test_a_huge_document_is_answered_quickly(tmp_path: Path) -> None:
    _load(tmp_path, "[tool.empathy]\n" + "# " + "x" * 100_000 + "\nseed = 3\n")
    _load(tmp_path, "[tool.empathy]\nbase_url = \"" + "é" * 100_000 + "\"\n")


@pytest.mark.parametrize(("name", "word", "takes"), [("patience_stretch", '"fast"', '"by-load" or a number'),
                                                      ("friction.max_fields", '"twelve"', "a number"),
                                                      ("patience_stretch", "true", '"by-load" or a number'),
                                                      ("click_watch_ms", "false", "a number"),
                                                      ("friction.max_fields", "true", "a number")])
def test_a_threshold_given_as_a_word_says_what_it_takes(tmp_path: Path, name: str, word: str, takes: str) -> None:
    # before: "thresholds.patience_stretch.float: Input should be a valid number" (pydantic's name of one branch of the
    # type, and not a word of "by-load", the default, which the stretch also takes); and true or false was taken as
    # 1 or 0 with no word (a patience kept as written, a form of one field read as effort)
    (tmp_path / "pyproject.toml").write_text(f'[tool.empathy]\nthresholds = {{ "{name}" = {word} }}\n',
                                             encoding="utf-8")
    with pytest.raises(ConfigError) as raised:
        load_settings(tmp_path)
    said = raised.value.message
    shown = repr(word.strip('"')) if word.startswith('"') else word
    assert f"{name} = {shown}" in said and takes in said and ".float" not in said, said
    assert "Value error" not in said, said  # pydantic's words for a validator's refusal, nothing a user can act on
