"""A run that walked every scenario with time to spare is followed by another round: the scout follows more forms
and the run walks only their features (the browser, the site and the run's own pytest are stood in for: this is
the audit's bookkeeping between rounds, not a walk)."""

from __future__ import annotations

from contextlib import nullcontext
from pathlib import Path
from typing import Any

import pytest

import harness.audit.run as run
from harness.audit.model import Field, Flow, FlowStep, Form
from harness.audit.scout import Scout
from harness.config import load_settings


def test_time_left_after_a_run_goes_to_another_round_of_new_forms_only(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """Each scout round follows one new form, three rounds in all; each run walks only the features it has not
    walked (the earlier rounds' results kept) and the features folder holds them all. Before, the audit ended after
    its first run, however early (django-auth at load 41: 85 s unused, four forms found and not followed)."""
    rounds: list[int] = []  # the scenarios earlier rounds ran, as each scout round was told
    runs: list[tuple[list[str], bool]] = []

    def scout_round(self: Scout, browser: Any, *, ran: int = 0) -> Any:
        rounds.append(ran)
        if len(rounds) <= 3:
            self.site.pages.append((f"/p{len(rounds)}", ""))
            form = Form(path=f"/form{len(rounds)}", button="Save", fields=[Field("Name")])
            self.site.flows.append(Flow([FlowStep(form)]))
        return self.site

    def walk(settings: Any, folder: Path, deadline: float, why: str, **kw: Any) -> tuple[int, str]:
        runs.append(([p.name for p in kw["files"]], kw["keep"]))
        return 0, ""

    monkeypatch.setattr(Scout, "run", scout_round)
    monkeypatch.setattr(run, "_run", walk)
    monkeypatch.setattr(run, "_load", lambda: (0.0, 2))
    monkeypatch.setattr(run, "check_site", lambda *a, **k: None)
    monkeypatch.setattr(run, "check_features", lambda *a: None)
    monkeypatch.setattr(run, "_reported", lambda *a: None)
    monkeypatch.setattr(run, "_report", lambda *a: None)
    monkeypatch.setattr("harness.browser.session.launch_browser", lambda settings: nullcontext())
    settings = load_settings(tmp_path, overrides={"base_url": "http://127.0.0.1:9", "seed": 1,
                                                  "reports_dir": str(tmp_path / "reports")})
    settings = run.audit_settings(settings, "http://127.0.0.1:9/", None)
    said: list[str] = []
    audit = run.run_audit(settings, "/", personas=["anxious"], pages=10, minutes=5, submit=False, say=said.append)
    assert len(runs) == 3 and [keep for _, keep in runs] == [False, True, True]
    assert [len(files) for files, _ in runs] == [1, 1, 1]
    walked = [files[0] for files, _ in runs]
    assert len(set(walked)) == 3 and sorted(p.name for p in audit.folder.glob("*.feature")) == sorted(walked)
    assert rounds[0] == 0 and rounds[1] < rounds[2] < rounds[3]  # each round counts only its own scenarios as new
    # each round is said on the console, and so is the last, which found nothing (before, a round left no line)
    assert sum("the scout follows more forms" in line for line in said) == 3  # after each of the three runs
    assert "the scout found no new form" in said[-1]


@pytest.mark.parametrize(("walk", "pace", "another"), [(7.0, 5.0, True), (28.0, 22.0, False)])
def test_another_round_runs_when_the_time_beyond_the_margin_holds_a_walk_and_a_scenario_at_this_runs_pace(
        monkeypatch: pytest.MonkeyPatch, walk: float, pace: float, another: bool) -> None:
    """57 s beyond the stop margin: enough for a run's start, a 7 s walk and a 5 s scenario (django-auth at load 13 to
    16, whose round a fixed 60 s kept from running: it ended 97 s early, 5 forms not followed), not for a 28 s walk
    and a 22 s scenario (pretalx at load 45)."""
    from harness.runner import interrupt

    monkeypatch.setattr(run, "_load", lambda: (0.0, 2))
    monkeypatch.setattr(interrupt, "pace", lambda: (pace, 0.0))
    deadline = run.time.monotonic() + run.stop_margin(0.0, 2) + 57.0
    audit = run.Audit(site=None, features=[], folder=Path("."))  # type: ignore[arg-type]
    assert run.more_time(deadline, audit, walk) is another
