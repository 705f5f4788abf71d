"""One scenario's state: who the persona is, their journey, the step under way, the findings so far.

Why an object rather than the `journey` fixture alone: the persona is only known once a
`Given I am …` step has run, but the step hooks start recording before that step's body runs.
This object bridges the gap: it remembers the step in progress and hands it to the journey the
moment the journey exists, opens the journey lazily (with the default persona when a step needs
the browser first), and remembers which findings were already reported so each appears once,
on the step where it was first seen.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from harness.exceptions import FeatureError

if TYPE_CHECKING:
    import pytest

    from harness.config import Settings
    from harness.findings import Finding
    from harness.runner.recording import Recording
    from harness.transcript import Step, Transcript


def _sighting(finding: Finding) -> str:
    """Identity of a finding across re-runs of the checks on a growing transcript.

    Rules that judge the journey as a whole (effort so far) attribute the same finding to the latest
    step on each run, so the step is left out; the message and evidence still tell findings apart.
    """
    evidence_key = str(finding.evidence.get("key", "")) if isinstance(finding.evidence, dict) else ""
    return "|".join((finding.rule, finding.outcome, finding.target, evidence_key, finding.message))


@dataclass(repr=False)
class EmpathyScenario:
    """The running scenario, shared by the step hooks and the steps through a fixture."""

    def __repr__(self) -> str:
        # Allure lists a step's fixture arguments as parameters: a short line, not the whole state.
        return f"<scenario {self.scenario!r} as {self.persona_name or '?'}>"

    settings: Settings
    request: pytest.FixtureRequest
    feature: str = ""
    scenario: str = ""
    tags: list[str] = field(default_factory=list)
    persona_name: str = ""
    failed: bool = False
    findings: list[Finding] = field(default_factory=list)
    asked: list[Finding] = field(default_factory=list)  # found by a check step the feature wrote: always reported
    _journey: Any = None
    _extra: list[Any] = field(default_factory=list)  # set-up journeys, closed with the scenario
    _pending: tuple[str, str] | None = None  # (text, keyword) of the step begun before the journey existed
    _seen: set[str] = field(default_factory=set)
    _unreported: list[Finding] = field(default_factory=list)
    _recording: Recording | None = None  # the scenario's trace and video, made when its first journey opens

    # -- the journey --------------------------------------------------------------------------
    @property
    def started(self) -> bool:
        """True once a journey (and so a browser context) exists for this scenario."""
        return self._journey is not None

    @property
    def journey(self) -> Any:
        """The persona's journey; opened on first use, with the default persona if none was cast."""
        if self._journey is None:
            self.cast(self.settings.default_persona)
        return self._journey

    def cast(self, phrase: str) -> Any:
        """Open the journey as the persona `phrase` names ("anxious", "an anxious customer")."""
        if self._journey is not None:
            raise FeatureError(
                f"scenario {self.scenario!r}: the persona is already {self.persona_name!r}",
                hint="put a single `Given I am …` step first, before any step that uses the browser")
        self._journey = self._open(phrase, self.scenario_key)
        if self._pending is not None:
            self._journey.begin_step(*self._pending)
        self._account(self._journey)
        return self._journey

    def new_journey(self, label: str) -> Any:
        """A separate journey for the same persona and data (for set-up); closed with the scenario."""
        journey = self._open(self.persona_name or self.settings.default_persona, self.scenario_key,
                             scenario=f"{self.scenario} ({label})")
        self._extra.append(journey)
        return journey

    @property
    def scenario_key(self) -> str:
        """The scenario's identity for seeding data: its name plus the Examples row, if any."""
        node_name = getattr(self.request.node, "name", "")
        row = node_name[node_name.index("["):] if "[" in node_name else ""
        return f"{self.feature}: {self.scenario}{row}"

    def _open(self, phrase: str, seed_key: str, *, scenario: str | None = None) -> Any:
        from harness.browser.journey import Journey
        from harness.personas import load_persona
        from harness.personas.data import generate_data

        persona = load_persona(phrase, self.settings)
        self.persona_name = self.persona_name or persona.name
        data = generate_data(persona, run_seed=self.settings.seed, scenario=seed_key,
                             worker=os.environ.get("PYTEST_XDIST_WORKER", ""), aliases=self.settings.details,
                             identity=self.settings.identity)
        browser = self.recording.browser(self.request.getfixturevalue("empathy_browser"))
        return Journey(browser, self.settings, persona, data, feature=self.feature,
                       scenario=scenario or self.scenario, tags=list(self.tags),
                       reports_dir=self.settings.path("reports_dir"),
                       source=str(getattr(self.request.node, "nodeid", "")))

    def _account(self, journey: Any) -> None:
        if getattr(journey.persona, "account", False):
            self.request.config.hook.pytest_empathy_create_account(journey=journey, settings=self.settings)

    def setup_history(self, history: str) -> None:
        """Run the workspace's set-up for `history` ("order"); a clear error when none is implemented."""
        hook = self.request.config.hook.pytest_empathy_setup_history
        done = hook(journey=self.journey, history=history, settings=self.settings,
                    new_journey=self.new_journey)
        if not done:
            raise FeatureError(
                f"scenario {self.scenario!r}: nothing knows how to give the persona a previous {history}",
                hint="implement the hook `pytest_empathy_setup_history(journey, history, new_journey)` "
                     "in a module of your steps folder (see harness/hooks.py)")

    # -- steps --------------------------------------------------------------------------------
    def begin_step(self, text: str, keyword: str) -> None:
        """Start recording a step (or remember it until the journey opens)."""
        self._pending = (text, keyword)
        if self._journey is not None:
            self._journey.begin_step(text, keyword)

    def end_step(self, status: str = "passed", error: str = "") -> Step | None:
        """Close the step under way; None when no journey was recording it."""
        self._pending = None
        if status in ("failed", "broken"):
            self.failed = True
        if self._journey is None:
            return None
        return self._journey.end_step(status=status, error=error)

    def new_findings(self, found: list[Finding], asked: bool = False) -> list[Finding]:
        """The findings not seen before in this scenario, remembered so each is attached to one step.

        `asked`: a check step of the feature found them. The automatic checks' last run over the whole journey
        is the scenario's verdict, but it asks some questions only of some personas (is an error announced?), and
        what a step asked for and failed on must not vanish from the report.
        """
        if asked:
            self.asked.extend(found)
        fresh = []
        for finding in found:
            key = _sighting(finding)
            if key not in self._seen:
                self._seen.add(key)
                fresh.append(finding)
        self.findings.extend(fresh)
        self._unreported.extend(fresh)
        return fresh

    def with_asked(self, final: list[Finding]) -> list[Finding]:
        """`final` and the findings a check step asked for that it lacks."""
        known = {_sighting(finding) for finding in final}
        extra = []
        for finding in self.asked:
            if _sighting(finding) not in known:
                known.add(_sighting(finding))
                extra.append(finding)
        return [*final, *extra]

    def take_unreported(self) -> list[Finding]:
        """The findings not yet attached to a step (they go on the step that just ended)."""
        taken, self._unreported = self._unreported, []
        return taken

    @property
    def recording(self) -> Recording:
        """This scenario's trace and video, as the settings ask for them."""
        if self._recording is None:
            from harness.runner.recording import Recording

            self._recording = Recording.for_item(self.settings, self.request.node)
        return self._recording

    @property
    def rerun_command(self) -> str:
        """The command that re-runs exactly this scenario (this Examples row) for this persona."""
        from harness.runner.selection import persona_of, rerun_of

        node = self.request.node
        selectable = self.persona_name and persona_of(node, self.settings) == self.persona_name
        return rerun_of(node, self.settings, self.persona_name if selectable else "")

    # -- the end ------------------------------------------------------------------------------
    def finish(self) -> Transcript | None:
        """End any step left open and write the transcript; None when no journey was opened."""
        if self._journey is None:
            return None
        if self._pending is not None:
            self.end_step("skipped")
        return self._journey.finish()

    def close(self) -> None:
        """Close every journey this scenario opened (browser contexts, pages), keeping trace and video
        as `tracing` and `video` ask (written before and after the contexts close)."""
        from harness.runner.recording import failed

        journeys = [*self._extra, *([self._journey] if self._journey is not None else [])]
        recording, lost = self._recording, self.failed or failed(self.request.node)
        secrets = sorted({s for j in journeys for s in j.data.secret_values()}) if journeys else []
        traces = recording.stop(lost, secrets) if recording is not None else []
        for journey in journeys:
            try:
                journey.close()
            except Exception:  # noqa: BLE001 - closing must not hide the scenario's own result
                pass
        self._extra.clear()
        videos = recording.save_videos(lost) if recording is not None else []
        if traces or videos:
            from harness.reporting.allure import attach_recordings

            attach_recordings(traces, videos, self.settings.root)
