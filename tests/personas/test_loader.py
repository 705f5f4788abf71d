"""Loading persona files: built-ins, workspace overrides, extends, aliases, and errors that say what to fix."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from harness.config import Settings, load_settings
from harness.exceptions import PersonaError
from harness.personas.loader import BUILTIN_DIR, list_personas, load_persona, persona_files

Writer = Callable[[Settings, str, str], Path]
BUILTINS = {"anxious", "hurried", "returning", "low-confidence", "screen-reader"}
REPO = Path(__file__).resolve().parents[2]


def test_every_builtin_loads_and_matches_its_brief(workspace: Settings) -> None:
    personas = {p.name: p for p in list_personas(workspace)}
    assert BUILTINS <= set(personas)
    anxious, hurried = personas["anxious"], personas["hurried"]
    returning, low, sr = personas["returning"], personas["low-confidence"], personas["screen-reader"]
    assert anxious.patience.silence_ms < hurried.patience.silence_ms
    assert anxious.habits.reload_while_waiting >= 0.5 and anxious.habits.go_back >= 0.5
    assert anxious.expectations.human_route and anxious.expectations.reassurance
    assert hurried.pace.typing_delay_ms < anxious.pace.typing_delay_ms
    assert hurried.habits.skip_optional >= 0.5 and hurried.habits.double_click_submit >= 0.5
    assert hurried.patience.max_steps < anxious.patience.max_steps
    assert returning.account and returning.expectations.recognised
    assert "password" in returning.data.secrets and not returning.data.fixed
    assert low.pace.reading_wpm < anxious.pace.reading_wpm and low.habits.typo >= 0.5
    assert low.habits.open_help >= 0.5 and low.patience.failed_attempts_before_help <= 1
    assert sr.assistive.screen_reader and not anxious.assistive.screen_reader
    assert all(p.origin == "built-in" for p in personas.values())


@pytest.mark.parametrize(
    ("phrase", "name"),
    [
        ("anxious", "anxious"),
        ("an anxious customer", "anxious"),
        ('"hurried"', "hurried"),
        ("a returning customer", "returning"),
        ("A  Hurried Customer", "hurried"),
        ("the low-confidence customer", "low-confidence"),
        ("a customer with low digital confidence", "low-confidence"),
        ("a screen reader user", "screen-reader"),
    ],
)
def test_feature_phrases_resolve(workspace: Settings, phrase: str, name: str) -> None:
    assert load_persona(phrase, workspace).name == name


def test_unknown_name_lists_known_and_suggests_closest(workspace: Settings) -> None:
    with pytest.raises(PersonaError) as info:
        load_persona("an anxous customer", workspace)
    text = str(info.value)
    assert "did you mean 'anxious'" in text
    for name in BUILTINS:
        assert name in text


def test_workspace_file_overrides_builtin(workspace: Settings, write: Writer) -> None:
    path = write(workspace, "hurried", "description: Our own hurried person.\nhabits: {typo: 0.9}\n")
    hurried = load_persona("hurried", workspace)
    assert hurried.origin == "workspace" and hurried.source == path
    assert hurried.habits.typo == 0.9
    assert hurried.habits.double_click_submit == 0.0  # a replacement, not a merge
    assert persona_files(workspace)["hurried"].origin == "workspace"
    assert persona_files(workspace)["anxious"].path.parent == BUILTIN_DIR


def test_extends_deep_merges_over_parent(workspace: Settings, write: Writer) -> None:
    write(
        workspace,
        "calm",
        "extends: anxious\ndescription: Calmer.\npatience: {silence_ms: 9000}\n"
        "data: {patterns: {policy_number: 'AB-##'}}\n",
    )
    calm = load_persona("calm", workspace)
    anxious = load_persona("anxious", workspace)
    assert calm.patience.silence_ms == 9000
    assert calm.patience.on_silence == anxious.patience.on_silence  # sibling kept
    assert calm.habits == anxious.habits and calm.pace == anxious.pace
    assert calm.data.patterns == {"policy_number": "AB-##"}
    assert calm.aliases == [] and calm.name == "calm"  # never inherited
    assert calm.sources == (workspace.path("personas_dir") / "calm.yaml", BUILTIN_DIR / "anxious.yaml")
    assert calm.origin == "workspace"


def test_extends_follows_a_workspace_override_of_the_parent(workspace: Settings, write: Writer) -> None:
    write(workspace, "anxious", "description: Overridden.\nhabits: {open_help: 0.01}\n")
    write(workspace, "child", "extends: anxious\ndescription: Child.\n")
    assert load_persona("child", workspace).habits.open_help == 0.01


def test_extends_cycle_is_reported(workspace: Settings, write: Writer) -> None:
    write(workspace, "a", "extends: b\ndescription: A.\n")
    write(workspace, "b", "extends: a\ndescription: B.\n")
    with pytest.raises(PersonaError, match=r"cycle a -> b -> a"):
        load_persona("a", workspace)
    write(workspace, "self", "extends: self\ndescription: Me.\n")
    with pytest.raises(PersonaError, match="cycle"):
        load_persona("self", workspace)


def test_unknown_parent_is_named_with_suggestion(workspace: Settings, write: Writer) -> None:
    path = write(workspace, "kid", "extends: hurryed\ndescription: Kid.\n")
    with pytest.raises(PersonaError) as info:
        load_persona("kid", workspace)
    assert str(path) in str(info.value) and "did you mean 'hurried'" in str(info.value)


@pytest.mark.parametrize(
    ("text", "line", "keypath", "allowed"),
    [
        ("description: d\nhabits:\n  typo: 1.5\n", 3, "habits.typo", "a number from 0 to 1"),
        ("description: d\npace:\n  reading_wpm: fast\n", 3, "pace.reading_wpm", "a whole number from 20 to 1000"),
        (
            "description: d\npatience:\n  on_silence: shout\n",
            3,
            "patience.on_silence",
            "one of reload, click-again, go-back, wait",
        ),
        ("description: d\nhabbits: {}\n", 2, "habbits", "did you mean 'habits'"),
        ("description: d\nhabits:\n  tpyo: 0.1\n", 3, "habits.tpyo", "did you mean 'typo'"),
        ("description: d\naccount: maybe\n", 2, "account", "true or false"),
        ("locale: en_GB\n", None, "description", "is required"),
        ("description: d\ndata:\n  fields: [email, emial]\n", 3, "data.fields", "did you mean 'email'"),
        ("description: d\nlocale: en_UK\n", 2, "locale", "is not a Faker locale"),
    ],
)
def test_validation_error_names_file_line_key_and_allowed(
    workspace: Settings, write: Writer, text: str, line: int | None, keypath: str, allowed: str
) -> None:
    path = write(workspace, "bad", text)
    with pytest.raises(PersonaError) as info:
        load_persona("bad", workspace)
    message = str(info.value)
    assert message.startswith(f"{path}:{line}: " if line else f"{path}: ")
    assert f" {keypath}: " in message
    assert allowed in message


def test_error_in_parent_is_attributed_to_the_parent_file(workspace: Settings, write: Writer) -> None:
    parent = write(workspace, "base", "description: Base.\nhabits:\n  go_back: 2\n")
    write(workspace, "derived", "extends: base\ndescription: Derived.\n")
    with pytest.raises(PersonaError) as info:
        load_persona("derived", workspace)
    assert str(info.value).startswith(f"{parent}:3: habits.go_back")


def test_secret_value_put_in_the_file_is_not_echoed(workspace: Settings, write: Writer) -> None:
    write(workspace, "leaky", "description: d\ndata:\n  secrets:\n    password: 12345\n")
    with pytest.raises(PersonaError) as info:
        load_persona("leaky", workspace)
    assert "12345" not in str(info.value) and "data.secrets.password" in str(info.value)


def test_name_must_match_file(workspace: Settings, write: Writer) -> None:
    write(workspace, "one", "name: two\ndescription: d\n")
    with pytest.raises(PersonaError, match="differs from the file name"):
        load_persona("one", workspace)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("description: [unclosed\n", r"bad\.yaml:\d+: not valid YAML"),
        ("", "empty"),
        ("- a\n- b\n", "mapping"),
        ("just text", "mapping"),
        ("description: d\n1: x\n", "not text"),
        (
            "a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
            "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n",
            "too large",
        ),
        ("description: !!python/object:os.system echo\n", "not valid YAML"),
    ],
)
def test_broken_files_give_one_clear_error(workspace: Settings, write: Writer, content: str, expected: str) -> None:
    write(workspace, "bad", content)
    with pytest.raises(PersonaError, match=expected):
        load_persona("bad", workspace)


def test_non_utf8_and_oversized_files(workspace: Settings, write: Writer) -> None:
    (workspace.path("personas_dir") / "latin.yaml").write_bytes(b"description: caf\xe9\n")
    with pytest.raises(PersonaError, match="UTF-8"):
        load_persona("latin", workspace)
    write(workspace, "huge", "description: d\n#" + "x" * 300_000 + "\n")
    with pytest.raises(PersonaError, match="KB"):
        load_persona("huge", workspace)


def test_the_repository_example_extends_a_builtin() -> None:
    settings = load_settings(start=REPO)
    example = load_persona("an anxious first-time claimant", settings)
    assert example.name == "anxious-first-claim" and example.extends == "anxious"
    assert example.origin == "workspace"
    assert example.patience.silence_ms < load_persona("anxious", settings).patience.silence_ms
    # the workspace holds only examples; the built-ins are not copied there
    assert not {p.stem for p in (REPO / "personas").glob("*.yaml")} & BUILTINS


def test_builtin_aliases_are_unambiguous(workspace: Settings) -> None:
    seen: dict[str, str] = {}
    for persona in list_personas(workspace):
        for alias in persona.aliases:
            key = " ".join(alias.lower().split())
            assert key not in seen, f"{alias!r} is claimed by {seen.get(key)} and {persona.name}"
            seen[key] = persona.name
            assert load_persona(alias, workspace).name == persona.name
