"""A feature written only from the step catalogue runs on a site the project has never seen.

The site (conftest.py, site/) differs from the demo portal in markup and wording; the feature file
(features/join_the_library.feature) uses catalogue steps only and names its pages in its own
`[tool.empathy.pages]`. One pytest subprocess runs both scenarios (a journey loads Playwright,
torch and numpy, whose C extensions cannot load twice in one process). The test then reads what
the harness wrote: the transcript (which detail went into which field) and the scenario results
(the repeated prompt planted in the old form).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

FEATURE = Path(__file__).parent / "features" / "join_the_library.feature"
GOOD = "A new member applies for a library card"
PLANTED = "The old form asks for the e-mail address again"


def _workspace(pytester: pytest.Pytester, base_url: str) -> Path:
    pytester.makefile(".toml", pyproject="\n".join([
        "[tool.empathy]", f'base_url = "{base_url}"', 'features_dir = "features"', 'steps_dir = "steps"',
        'reports_dir = "reports"', "time_scale = 0.0", "",
        "[tool.empathy.pages]", 'join = "/join"', '"old join form" = "/old/join"',
        '"application received" = "/done"', ""]))
    (pytester.path / "features").mkdir()
    (pytester.path / "steps").mkdir()
    (pytester.path / "features" / FEATURE.name).write_text(FEATURE.read_text(encoding="utf-8"), encoding="utf-8")
    return pytester.path


def _transcript(reports: Path, scenario: str) -> dict:
    for path in (reports / "transcripts").glob("*.json"):
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("scenario") == scenario:
            return data
    raise AssertionError(f"no transcript for {scenario!r} in {reports / 'transcripts'}")


def _given(transcript: dict) -> dict[str, tuple[str, str]]:
    """Field label -> (persona detail key, value typed) for everything given on a form."""
    return {g["field"]: (g["data_key"], g["value"]) for step in transcript["steps"] for g in step["given"]
            if g["channel"] == "form"}


def test_catalogue_feature_runs_on_an_unseen_site(
        pytester: pytest.Pytester, library_site: tuple[str, dict[str, dict[str, str]]]) -> None:
    base_url, received = library_site
    root = _workspace(pytester, base_url)

    check = subprocess.run([str(Path(sys.executable).with_name("empathy")), "check", "features"], cwd=root,
                           capture_output=True, text=True, timeout=120)
    assert check.returncode == 0, check.stdout + check.stderr  # every step is in the catalogue

    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", "-rA", "-W", "always")
    out = result.stdout.str()
    result.assert_outcomes(passed=1, failed=1)
    assert f"PASSED features/{FEATURE.name}::test_a_new_member_applies_for_a_library_card" in out, out
    assert "FAILED features/" in out and "old_form" in out, out

    # The one label no persona detail answers is named, alone, and plainly.
    assert "could not match these fields to any of the persona's details: Favourite colour;" in out, out

    reports = root / "reports"
    given = _given(_transcript(reports, GOOD))
    # Lookup by meaning (not the label's exact text): each detail went into the field that asked for it.
    by_key = {key: (field, value) for field, (key, value) in given.items()}
    assert by_key["email"][0] == "Your e-mail", given
    assert by_key["mobile"][0] == "Mobile", given
    assert by_key["postcode"][0] == "Postcode / ZIP", given
    assert by_key["last_name"][0] == "Surname", given
    assert by_key["date_of_birth"][0] == "DOB", given
    assert by_key["first_name"][0] == "Given name(s)", given
    assert not any("colour" in field.lower() for field in given), given
    assert len(given) == 6, given
    assert "@" in by_key["email"][1]
    assert re.fullmatch(r"\d{2}/\d{2}/\d{4}", by_key["date_of_birth"][1]), by_key["date_of_birth"]
    assert re.fullmatch(r"[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}", by_key["postcode"][1]), by_key["postcode"]

    # And the site received the persona's details where they belong.
    (application,) = [a for a in received.values() if "email_address" not in a]
    assert application["contact_a"] == by_key["email"][1]
    assert application["contact_b"] == by_key["mobile"][1]
    assert application["pc"] == by_key["postcode"][1]
    assert application["sn"] == by_key["last_name"][1]
    assert application["born"] == by_key["date_of_birth"][1]
    assert application["fc"] == ""

    # The planted defect: part 2 asks again, empty, for the e-mail address part 1 took.
    results = [json.loads(p.read_text(encoding="utf-8")) for p in (reports / "empathy").glob("*.json")]
    by_scenario = {r["scenario"]: r for r in results}
    assert set(by_scenario) == {GOOD, PLANTED}, list(by_scenario)
    assert not [f for f in by_scenario[GOOD]["findings"] if f["rule"] == "repeated-prompt"], by_scenario[GOOD]
    repeated = [f for f in by_scenario[PLANTED]["findings"] if f["rule"] == "repeated-prompt"]
    assert len(repeated) == 1, by_scenario[PLANTED]["findings"]
    assert "E-mail address" in json.dumps(repeated[0]), repeated[0]
    assert repeated[0]["outcome"] == "failed" and repeated[0]["impact"] == "serious", repeated[0]
    assert "Your e-mail" in repeated[0]["message"], repeated[0]  # names where it was given first
    assert "at or above fail_on" in out and "repeated-prompt [serious]" in out, out  # and fails the scenario
