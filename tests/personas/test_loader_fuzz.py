"""The persona loader never crashes: any text, any YAML, any size gives a Persona or one PersonaError."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from harness.config import Settings
from harness.exceptions import PersonaError
from harness.personas.loader import load_persona

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@pytest.fixture(scope="module")
def fuzz_workspace(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    folder = tmp_path_factory.mktemp("fuzz") / "personas"
    folder.mkdir()
    return Settings(personas_dir=str(folder))


def _load(settings_: Settings, text: str) -> None:
    (settings_.path("personas_dir") / "fuzz.yaml").write_text(text, encoding="utf-8", errors="surrogatepass")
    start = time.process_time()  # CPU seconds: pathological input shows, a loaded machine does not
    try:
        load_persona("fuzz", settings_)
    except PersonaError as exc:
        assert exc.message.startswith(str(settings_.path("personas_dir")))  # names the file
        assert "\n" not in str(exc) and "Traceback" not in str(exc)  # one line, not a traceback
    assert time.process_time() - start < 2.0


@FUZZ
@given(st.text())
def test_any_text(fuzz_workspace: Settings, text: str) -> None:
    _load(fuzz_workspace, text)


_scalars = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=30)
_keys = st.sampled_from(
    [
        "name",
        "description",
        "aliases",
        "locale",
        "extends",
        "pace",
        "patience",
        "habits",
        "expectations",
        "data",
        "account",
        "assistive",
        "fields",
        "fixed",
        "secrets",
        "patterns",
        "typo",
        "reading_wpm",
        "on_silence",
        "go_back",
        "recognised",
        "screen_reader",
    ]
)
_any_key = _keys | st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=12)
_values = st.recursive(
    _scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_any_key, inner, max_size=4),
    max_leaves=20,
)


@settings(max_examples=75, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.dictionaries(_any_key, _values, max_size=8))
def test_any_yaml_mapping(fuzz_workspace: Settings, data: dict[str, object]) -> None:
    _load(fuzz_workspace, yaml.safe_dump(data, allow_unicode=True))


@settings(max_examples=5, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(min_size=1, max_size=20), st.integers(min_value=3000, max_value=6000))
def test_100kb_of_text(fuzz_workspace: Settings, chunk: str, repeats: int) -> None:
    text = (chunk * repeats)[:100_000].ljust(100_000, "x")
    _load(fuzz_workspace, text)


@pytest.mark.parametrize(
    "text",
    ["[" * 5000, "a:\n" + "".join(" " * i + "b:\n" for i in range(1, 300)), "&a [*a]", "description: " + "é" * 100_000],
)
def test_pathological_yaml(fuzz_workspace: Settings, text: str, tmp_path: Path) -> None:
    _load(fuzz_workspace, text)
