"""Seeded personal data: reproducible per seed, distinct per scenario and worker, secrets from env only."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from harness.config import Settings
from harness.exceptions import PersonaError
from harness.personas.data import EXAMPLE_DOMAINS, TEST_CARDS, generate_data
from harness.personas.keys import DETAIL_KEYS, GENERATED_KEYS
from harness.personas.loader import load_persona
from harness.personas.model import Persona
from harness.transcript import MASK

Writer = Callable[[Settings, str, str], Path]


def persona(**kw: object) -> Persona:
    return Persona.model_validate({"name": "p", "description": "someone", **kw})


def luhn_ok(number: str) -> bool:
    digits = [int(d) for d in number][::-1]
    total = sum(d if i % 2 == 0 else (d * 2 - 9 if d * 2 > 9 else d * 2) for i, d in enumerate(digits))
    return total % 10 == 0


def test_same_seed_same_data_and_every_standard_detail_present() -> None:
    a = generate_data(persona(), run_seed=7, scenario="claim: submit")
    b = generate_data(persona(), run_seed=7, scenario="claim: submit")
    assert dict(a) == dict(b)
    assert set(a) == set(GENERATED_KEYS)
    assert all(a[k] for k in a), "no empty details"


@pytest.mark.parametrize("change", [{"run_seed": 8}, {"scenario": "other"}, {"worker": "gw1"},
                                    {"identity": "a1b2"}])
def test_any_seed_part_changes_the_people(change: dict[str, object]) -> None:
    base = {"run_seed": 7, "scenario": "claim", "worker": "gw0"}
    a = generate_data(persona(), **base)  # type: ignore[arg-type]
    b = generate_data(persona(), **{**base, **change})  # type: ignore[arg-type]
    assert a["email"] != b["email"]
    assert (a["full_name"], a["reference"]) != (b["full_name"], b["reference"])


def test_no_identity_leaves_the_seeded_people_as_they_were() -> None:
    assert dict(generate_data(persona(), run_seed=7, scenario="s", identity="")) == \
        dict(generate_data(persona(), run_seed=7, scenario="s"))


def test_persona_name_is_part_of_the_seed() -> None:
    a = generate_data(persona(name="one"), run_seed=1, scenario="s")
    b = generate_data(persona(name="two"), run_seed=1, scenario="s")
    assert a["email"] != b["email"]


def test_emails_and_usernames_never_collide_and_use_reserved_domains() -> None:
    emails, users = set(), set()
    for i in range(300):
        data = generate_data(persona(), run_seed=1, scenario=f"scenario {i}")
        local, domain = data["email"].split("@")
        assert domain in EXAMPLE_DOMAINS
        assert re.fullmatch(r"[a-z0-9.]+", local)
        emails.add(data["email"])
        users.add(data["username"])
    assert len(emails) == 300 and len(users) == 300


def test_values_look_right() -> None:
    data = generate_data(persona(), run_seed=3, scenario="shape")
    assert data["full_name"] == f"{data['first_name']} {data['last_name']}"
    born = dt.datetime.strptime(data["date_of_birth"], "%d/%m/%Y").date()
    assert 24 <= (dt.date.today() - born).days // 365 <= 81
    assert (data["dob_day"], data["dob_month"], data["dob_year"]) == (str(born.day), str(born.month), str(born.year))
    assert re.fullmatch(r"REF-\d{8}", data["reference"])
    assert data["card_number"] in TEST_CARDS and luhn_ok(data["card_number"])
    month, year = data["card_expiry"].split("/")
    assert 1 <= int(month) <= 12 and 2000 + int(year) > dt.date.today().year
    assert re.fullmatch(r"\d{3}", data["card_cvc"])
    assert re.fullmatch(r"07700 900\d{3}", data["mobile"])  # Ofcom drama range
    assert re.fullmatch(r"020 7946 0\d{3}", data["phone"])
    recent = dt.datetime.strptime(data["recent_date"], "%d/%m/%Y").date()
    assert 1 <= (dt.date.today() - recent).days <= 30
    assert data["free_text"].endswith(".") and "{" not in data["free_text"]
    assert "\n" not in data["address"]


def test_a_sites_own_name_for_a_detail_takes_the_first_listed_detail_the_persona_has() -> None:
    p = persona(data={"secrets": {"password": "EMPATHY_TEST_ALIAS_PASSWORD"}})
    aliases = {"membership_number": ["member_id", "reference"], "pin": ["password"], "nickname": ["none"],
               "email": ["username"]}
    os.environ["EMPATHY_TEST_ALIAS_PASSWORD"] = "s3cret"
    try:
        data = generate_data(p, run_seed=1, scenario="s", aliases=aliases)
    finally:
        del os.environ["EMPATHY_TEST_ALIAS_PASSWORD"]
    assert data["membership_number"] == data["reference"]
    assert data["pin"] == "s3cret" and "pin" in data.secret_keys  # an alias of a secret stays secret
    assert "nickname" not in data and data["email"] != data["username"]  # nothing to copy; never overwrites


def test_the_generated_details_speak_no_sites_domain() -> None:
    from tests.demo_words import DEMO_WORDS

    for i in range(40):
        data = generate_data(persona(), run_seed=i, scenario="words")
        assert not DEMO_WORDS.search(" ".join([*data, *data.values()]))


def test_all_test_cards_are_luhn_valid() -> None:
    assert all(luhn_ok(card) for card in TEST_CARDS)
    assert not luhn_ok("4242424242424241")  # the check itself can fail


def test_patterns_fixed_values_and_field_selection() -> None:
    p = persona(
        data={
            "fields": ["first_name", "policy_number", "member_id", "nickname"],
            "patterns": {"policy_number": "HOM-####-??", "member_id": "M###"},
            "fixed": {"nickname": "Jo"},
        }
    )
    data = generate_data(p, run_seed=1, scenario="s")
    assert set(data) == {"first_name", "policy_number", "member_id", "nickname"}
    assert re.fullmatch(r"HOM-\d{4}-[A-Z]{2}", data["policy_number"])
    assert re.fullmatch(r"M\d{3}", data["member_id"]) and data["nickname"] == "Jo"


def test_a_fixed_first_and_last_name_make_the_whole_name() -> None:
    """An account's seeded person (first name Sam) is greeted as Sam: a full-name box is filled with that name,
    not another person's made up beside it (the checks then read the greeting against a name it never had)."""
    data = generate_data(persona(data={"fixed": {"first_name": "Sam", "last_name": "Taylor"}}), run_seed=1,
                         scenario="s")
    assert data["full_name"] == data["card_name"] == "Sam Taylor"
    only_first = generate_data(persona(data={"fixed": {"first_name": "Sam"}}), run_seed=1, scenario="s")
    assert only_first["full_name"] == f"Sam {only_first['last_name']}"


def test_adding_a_field_does_not_shift_the_others() -> None:
    few = generate_data(persona(data={"fields": ["email", "postcode"]}), run_seed=2, scenario="s")
    many = generate_data(persona(), run_seed=2, scenario="s")
    assert few["email"] == many["email"] and few["postcode"] == many["postcode"]


def test_other_locales_still_give_ascii_emails() -> None:
    data = generate_data(persona(locale="ja_JP"), run_seed=1, scenario="s")
    assert re.fullmatch(r"[a-z0-9.]+@example\.(com|org|net)", data["email"])
    assert data["phone"] and data["mobile"]


def test_detail_keys_are_documented() -> None:
    assert set(GENERATED_KEYS) | {"password"} == set(DETAIL_KEYS)
    assert all(desc.endswith(".") and len(desc) < 120 for desc in DETAIL_KEYS.values())


def test_secret_comes_only_from_the_named_env_var(monkeypatch: pytest.MonkeyPatch) -> None:
    p = persona(data={"secrets": {"password": "EMPATHY_TEST_PW"}})
    monkeypatch.setenv("EMPATHY_TEST_PW", "correct horse battery")
    data = generate_data(p, run_seed=1, scenario="s")
    assert data["password"] == "correct horse battery"
    assert data.secret_keys == {"password"} and data.secret_values() == ["correct horse battery"]
    assert "correct horse" not in repr(data) and data.masked()["password"] == MASK
    assert data.masked()["email"] == data["email"]


def test_missing_secret_names_variable_and_file(workspace: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("EMPATHY_DEMO_PASSWORD", raising=False)
    returning = load_persona("returning", workspace)
    with pytest.raises(PersonaError) as info:
        generate_data(returning, run_seed=1, scenario="s")
    assert "EMPATHY_DEMO_PASSWORD" in str(info.value) and str(returning.source) in str(info.value)
    lenient = generate_data(returning, run_seed=1, scenario="s", require_secrets=False)
    assert "password" not in lenient and lenient.missing_secrets == {"password": "EMPATHY_DEMO_PASSWORD"}
    monkeypatch.setenv("EMPATHY_DEMO_PASSWORD", "")  # empty counts as missing
    with pytest.raises(PersonaError):
        generate_data(returning, run_seed=1, scenario="s")


def test_no_password_without_a_secret_even_if_fields_ask(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PASSWORD", "from-env-but-not-named")
    data = generate_data(persona(data={"fields": ["email", "password"]}), run_seed=1, scenario="s")
    assert "password" not in data


def test_workspace_pattern_reaches_the_data(workspace: Settings, write: Writer) -> None:
    write(workspace, "team", "extends: anxious\ndescription: d\ndata: {patterns: {policy_number: 'ZZ-######'}}\n")
    data = generate_data(load_persona("team", workspace), run_seed=1, scenario="s")
    assert re.fullmatch(r"ZZ-\d{6}", data["policy_number"])


@pytest.mark.subprocess
def test_same_data_in_separate_processes_with_different_hash_seeds() -> None:
    code = (
        "import json; from harness.personas.model import Persona; from harness.personas.data import generate_data;"
        "p = Persona(name='p', description='d');"
        "print(json.dumps(dict(generate_data(p, run_seed=5, scenario='x', worker='gw1'))))"
    )
    outputs = []
    for hash_seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": hash_seed}
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
        outputs.append(json.loads(out.stdout))
    assert outputs[0] == outputs[1]


def test_a_password_made_up_for_a_new_account_is_the_same_on_a_rerun_and_kept_secret() -> None:
    from harness.personas.data import PersonaData, made_up_password

    made = made_up_password(5)
    assert made == made_up_password(5) != made_up_password(6) and len(made) == 16
    data = PersonaData({"email": "kim@example.com"}, seed=5)
    data.keep_secret("password", made)
    assert data["password"] == made and data.secret_values() == [made] and made not in repr(data)
