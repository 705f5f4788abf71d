"""Scaffolded files use only real steps and settings, pass `empathy check`, and never overwrite."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from harness.config import Settings, load_settings
from harness.exceptions import FeatureError
from harness.features.catalogue import GROUPS, StepDef, load_catalogue
from harness.features.checker import Checker
from harness.features.scaffold import (
    catalogue_markdown,
    catalogue_text,
    feature_template,
    init_workspace,
    new_feature,
    settings_section,
    site_url,
    slug,
)


@pytest.fixture(scope="module")
def real() -> list[StepDef]:
    return load_catalogue(modules=[f"harness.steps.{g}" for g in GROUPS])


def test_new_feature_uses_one_step_of_each_group_and_passes_the_checker(real: list[StepDef], tmp_path: Path) -> None:
    path = new_feature("Make a claim!", tmp_path / "features", real)
    assert path == tmp_path / "features" / "make-a-claim.feature"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("@make-a-claim @priority-medium\nFeature: Make a claim!\n")
    steps = [line.strip() for line in text.splitlines() if line.startswith("    ")]
    assert len(steps) == len(GROUPS)
    settings = Settings(pages={"home": "/"})
    settings._root = tmp_path
    result = Checker(real, settings).check_paths([path])
    assert result.diagnostics == [], result.format()


def test_new_feature_never_overwrites(real: list[StepDef], tmp_path: Path) -> None:
    new_feature("claim", tmp_path, real)
    with pytest.raises(FeatureError, match="claim.feature already exists"):
        new_feature("claim", tmp_path, real)


def test_template_needs_steps_and_a_name(real: list[StepDef]) -> None:
    with pytest.raises(FeatureError, match="no step definitions"):
        feature_template("x", [])
    with pytest.raises(FeatureError, match="cannot make a file name"):
        slug("!!!")


def test_settings_section_is_valid_toml_covering_every_setting() -> None:
    text = settings_section()
    data = tomllib.loads(text)["tool"]["empathy"]
    assert data == {"pages": {"home": "/"}}  # no demo address written in: the site's URL is the user's to give
    assert tomllib.loads(settings_section("https://shop.test"))["tool"]["empathy"]["base_url"] == "https://shop.test"
    for name in Settings.model_fields:
        assert f"{name} = " in text or name == "pages"


def test_init_in_an_empty_folder_lays_out_a_workspace_that_checks_clean(real: list[StepDef], tmp_path: Path) -> None:
    result = init_workspace(tmp_path, real)
    names = sorted(str(p.relative_to(tmp_path)) for p in result.created)
    assert names == ["features/example.feature", "personas/our-customer.yaml", "pyproject.toml", "steps/README.md"]
    assert result.kept == []
    settings = load_settings(tmp_path)
    assert settings.root == tmp_path and settings.pages == {"home": "/"}
    from harness.personas import load_persona

    assert load_persona("our-customer", settings).name == "our-customer"
    check = Checker(load_catalogue(settings), settings).check_paths([tmp_path / "features"])
    assert check.diagnostics == [], check.format()
    assert 'the "home" page' in (tmp_path / "features" / "example.feature").read_text()


def test_a_workspace_without_a_site_points_nowhere_and_preflight_says_so(real: list[StepDef], tmp_path: Path) -> None:
    from harness.exceptions import SiteError
    from harness.runner.preflight import check_site

    init_workspace(tmp_path, real)
    settings = load_settings(tmp_path)
    assert settings.base_url == ""  # never the bundled demo's address
    with pytest.raises(SiteError, match="base_url is not set") as raised:
        check_site(settings.base_url)
    assert "pyproject.toml" in str(raised.value.hint) and "--base-url" in str(raised.value.hint)


def test_scaffolds_speak_no_sites_domain(real: list[StepDef], tmp_path: Path) -> None:
    from tests.demo_words import DEMO_WORDS

    init_workspace(tmp_path, real)
    new_feature("update my address", tmp_path / "features", real)
    written = {p: p.read_text(encoding="utf-8") for p in tmp_path.rglob("*") if p.is_file()}
    assert not {str(p): DEMO_WORDS.findall(t) for p, t in written.items() if DEMO_WORDS.search(t)}


def test_init_writes_the_given_site_and_refuses_a_non_url(real: list[StepDef], tmp_path: Path) -> None:
    init_workspace(tmp_path, real, site_url(" https://staging.shop.test/ "))
    assert load_settings(tmp_path).base_url == "https://staging.shop.test"
    with pytest.raises(FeatureError, match="not a web address"):
        site_url("staging.shop.test")


def test_init_twice_keeps_everything(real: list[StepDef], tmp_path: Path) -> None:
    init_workspace(tmp_path, real)
    (tmp_path / "features" / "example.feature").write_text("Feature: mine\n")
    again = init_workspace(tmp_path, real)
    assert again.created == [] and len(again.kept) == 4
    assert (tmp_path / "features" / "example.feature").read_text() == "Feature: mine\n"


def test_init_appends_the_section_to_an_existing_pyproject(real: list[StepDef], tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "shop"\n')
    init_workspace(tmp_path, real)
    data = tomllib.loads((tmp_path / "pyproject.toml").read_text())
    assert data["project"] == {"name": "shop"} and "empathy" in data["tool"]


def test_init_refuses_a_broken_pyproject(real: list[StepDef], tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[project\n")
    with pytest.raises(FeatureError, match="not valid TOML"):
        init_workspace(tmp_path, real)


def test_catalogue_text_and_markdown_group_in_scenario_order(real: list[StepDef]) -> None:
    text = catalogue_text(real)
    positions = [text.index(title) for title in ("Who:", "Where:", "Act:", "See:", "Checks:")]
    assert positions == sorted(positions)
    markdown = catalogue_markdown(real)
    assert markdown.count("\n## ") == len(GROUPS)
    assert "| `When I press \"Continue\"` |" in markdown
