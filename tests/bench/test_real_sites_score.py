"""bench/real_sites/score.py: the expected.md format, the matching rules, and that every site's truth
is exercised by its own features (a row whose journey no scenario carries can never be scored)."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

SITES = Path(__file__).resolve().parents[2] / "bench" / "real_sites"
sys.path.insert(0, str(SITES))
import score  # noqa: E402

EXPECTED = """# demo
## Expected findings

| id | journey | rule | alternate | confidence | evidence | what the page shows |
| --- | --- | --- | --- | --- | --- | --- |
| s-F1 | sign-in | cold-copy | - | high | not known | "Credentials not known." |
| s-F2 | sign-in | missing-reassurance | friction | medium | - | a slow sign-in |
| s-F3 | search | cold-copy | - | high | No results | "No results" |
| s-F4 | checkout | friction | - | high | - | never run |

## Expected passes

| id | journey | rule | what the site does well (quoted) |
| --- | --- | --- | --- |
| s-P1 | sign-in | lost-context | "keeps the e-mail" |
| s-P2 | search | repeated-prompt | "asks once" |

## Borderline

- `search` friction: a slow list.
- `sign-in` lost-context: "the password is emptied" after an error.
- `checkout` cold-copy and `basket` missing-reassurance: two moments of one kind.
- a note without a journey.
"""


def _finding(rule: str, message: str, outcome: str = "failed", **evidence: str) -> dict[str, object]:
    return {"rule": rule, "outcome": outcome, "persona": "anxious", "message": message, "evidence": evidence}


def _run(tmp_path: Path, results: dict[str, list[dict[str, object]]]) -> Path:
    folder = tmp_path / "empathy"
    folder.mkdir()
    for n, (journey, findings) in enumerate(results.items()):
        (folder / f"{n}.json").write_text(json.dumps({"journey": journey, "findings": findings}))
    return tmp_path


def test_matching_counts_raised_canttell_false_alarms_and_passes(tmp_path: Path) -> None:
    path = tmp_path / "expected.md"
    path.write_text(EXPECTED)
    expected = score.parse_expected(path)
    assert expected.borderline == [score.Borderline("search", "friction"),
                                   score.Borderline("sign-in", "lost-context", ("the password is emptied",)),
                                   score.Borderline("checkout", "cold-copy"),
                                   score.Borderline("basket", "missing-reassurance")]
    reports = _run(tmp_path, {
        "sign-in": [_finding("cold-copy", "reads cold", texts="This combination is NOT KNOWN to us"),
                    _finding("friction", "a late answer", outcome="cantTell"),
                    _finding("lost-context", "the e-mail was lost")],
        "search": [_finding("cold-copy", "reads cold: 'Sorry'"), _finding("friction", "slow list")],
    })
    result = score.score("demo", expected, *score.read_run(reports))
    assert [r.id for r in result.exercised] == ["s-F1", "s-F2", "s-F3"]  # checkout never ran
    assert [r.id for r in result.raised] == ["s-F1"]  # evidence matched in the finding's evidence
    assert [r.id for r in result.cant_tell] == ["s-F2"]  # the alternate rule, as a cantTell
    assert [r.id for r in result.missed] == ["s-F3"]  # a cold-copy finding without the evidence
    assert result.recall == pytest.approx(1.5 / 3)
    # a borderline item without quotes excuses its rule in its journey; one with quotes only those texts
    assert sorted(f.message for f in result.false_alarms) == ["reads cold: 'Sorry'", "the e-mail was lost"]
    assert [f.message for f in result.borderline] == ["slow list"]
    against = {row.id: [f.message for f in found] for row, found in result.passes}
    assert against == {"s-P1": ["the e-mail was lost"], "s-P2": []}
    text = score.report(result, expected)
    assert "NOT QUIET  s-P1" in text and "quiet  s-P2" in text and "not exercised" in text


def test_a_journey_whose_every_scenario_stopped_on_a_step_is_blocked_not_scored(tmp_path: Path) -> None:
    (tmp_path / "features").mkdir()
    (tmp_path / "features" / "search.feature").write_text("@journey:search\nFeature: Search\n")
    (tmp_path / "features" / "sign_in.feature").write_text("@journey:sign-in\nFeature: Sign in\n")
    (tmp_path / "junit.xml").write_text(
        '<testsuites><testsuite>'
        '<testcase classname="features.search.feature" name="a"><failure message="no field labelled &quot;q&quot;"/>'
        '</testcase><testcase classname="features.sign_in.feature" name="b"><failure message="x"/></testcase>'
        '<testcase classname="features.sign_in.feature" name="c"/></testsuite></testsuites>')
    stopped = score.stopped_journeys(tmp_path, tmp_path)
    assert stopped == {"search": 'no field labelled "q"'}  # sign-in had one scenario that finished
    path = tmp_path / "expected.md"
    path.write_text(EXPECTED)
    result = score.score("demo", score.parse_expected(path), {"sign-in", "search"}, [], stopped)
    assert result.blocked == {"s-F3": 'no field labelled "q"'}
    assert [r.id for r in result.exercised] == ["s-F1", "s-F2"]
    assert [row.id for row, _ in result.passes] == ["s-P1"]


def test_a_wrong_table_header_names_the_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "expected.md"
    path.write_text(EXPECTED.replace("| confidence | evidence |", "| evidence | confidence |"))
    with pytest.raises(score.ExpectedError, match=r"expected\.md:4: .*columns must be"):
        score.parse_expected(path)


def test_an_unknown_rule_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "expected.md"
    path.write_text(EXPECTED.replace("| search | cold-copy |", "| search | coldcopy |"))
    with pytest.raises(score.ExpectedError, match=r"expected\.md:8: rule 'coldcopy' is not one of"):
        score.parse_expected(path)


@pytest.mark.parametrize("site", sorted(p.parent.name for p in SITES.glob("*/expected.md")))
def test_every_expected_row_is_exercised_by_the_sites_features(site: str) -> None:
    expected = score.parse_expected(SITES / site / "expected.md")
    tags = {m for f in (SITES / site / "features").glob("*.feature")
            for m in re.findall(r"@journey:([\w-]+)", f.read_text(encoding="utf-8"))}
    rows = expected.findings + expected.passes
    assert len({r.id for r in rows}) == len(rows), "ids must be unique"
    assert {r.journey for r in rows} <= tags, f"journeys without a scenario: {sorted({r.journey for r in rows} - tags)}"


def test_the_audit_walks_as_the_workspace_persona_with_an_account(tmp_path: Path) -> None:
    """audit_score.py signs the audit in as the persona the site's own features walk with its account."""
    import audit_score

    (tmp_path / "features").mkdir()
    (tmp_path / "personas").mkdir()
    (tmp_path / "features" / "a.feature").write_text('Given I am a returning member\nGiven I am "anxious"\n')
    (tmp_path / "personas" / "member.yaml").write_text(
        "name: member\naliases: [a returning member]\ndata:\n  secrets:\n    password: SITE_PASSWORD\n")
    (tmp_path / "personas" / "other.yaml").write_text("name: other\ndata:\n  secrets:\n    password: X\n")
    assert audit_score.own_persona(tmp_path, {"personas_dir": "personas"}) == "member"
    assert audit_score.own_persona(tmp_path, {"default_persona": "staff"}) == "staff"


def test_a_dash_row_is_found_by_evidence_only_on_its_journeys_own_pages(tmp_path: Path) -> None:
    """audit_score.py's second figure: a row whose evidence is '-' counts only when a finding of its rule
    is at a step that started or ended on a page its journey opens in the site's features."""
    import audit_score

    (tmp_path / "features").mkdir()
    (tmp_path / "features" / "search.feature").write_text(
        "Feature: Search\n  Background:\n    Given I open the \"home\" page\n\n"
        "  @journey:search\n  Scenario: Nothing found\n    When I open \"/find?kind=page\"\n"
        "    And I search for \"nothing\"\n")
    (tmp_path / "features" / "account.feature").write_text(
        "Feature: Account\n  Background:\n    Given I open the \"home\" page\n\n"
        "  @journey:browse\n  Scenario: Look around\n    When I follow \"About\"\n\n"
        "  @journey:signed-in\n  Scenario: Signed in\n    When I press \"Sign in\"\n\n"
        "  @journey:draft\n  Scenario: Draft\n    When I open \"/login\"\n    And I sign in with my username\n"
        "    And I press \"Save draft\"\n\n"
        "  @journey:login\n  Scenario: Wrong\n    When I open \"/login\"\n    And I sign in with my username\n")
    (tmp_path / "features" / "settings.feature").write_text(
        "Feature: Settings\n  Background:\n    Given I open the \"home\" page\n    And I press \"Sign in\"\n\n"
        "  @journey:settings\n  Scenario: Change\n    When I fill in \"Name\" with \"x\"\n")
    config = {"pages": {"home": "/wiki/1"}}
    # the page a scenario goes on from: its own last opened page, else its Background's, unless a press came after;
    # a press after signing in there is on the page the sign-in led to, which the text does not name
    assert audit_score.journey_pages(tmp_path, config) == {"search": {"/find?kind=page"}, "browse": {"/wiki/1"},
                                                           "signed-in": {"/wiki/1"}, "settings": set(),
                                                           "draft": set(), "login": {"/login"}}
    reports = tmp_path / "reports"
    (reports / "empathy").mkdir(parents=True)
    (reports / "transcripts").mkdir()
    steps = [("about:blank", "http://h/other"), ("http://h/find?q=x&kind=page", "http://h/results"),
             ("http://h/find?kind=user", "http://h/find?kind=user")]
    (reports / "transcripts" / "t.json").write_text(json.dumps({
        "feature": "f", "scenario": "s", "persona_name": "anxious",
        "steps": [{"url_before": a, "url_after": b} for a, b in steps]}))
    findings = [dict(_finding("friction", f"at step {n}"), step=n, url=steps[n][1]) for n in range(3)]
    (reports / "empathy" / "r.json").write_text(json.dumps({
        "journey": "audit-made-up", "feature": "f", "scenario": "s", "persona": "anxious", "findings": findings}))
    _, found = score.read_run(reports)
    assert found[1].pages == ("http://h/find?q=x&kind=page", "http://h/results")
    dash = score.Row("s-F1", "search", "friction")
    worded = score.Row("s-F2", "search", "friction", evidence="at step 0")
    pages = audit_score.journey_pages(tmp_path, config)
    assert [audit_score.by_evidence(dash, f, pages) for f in found] == [False, True, False]
    assert [audit_score.by_evidence(worded, f, pages) for f in found] == [True, False, False]
    assert audit_score.same_page("/wiki/1", "http://h/wiki/27") and not audit_score.same_page("/wiki/1", "/wiki/")
