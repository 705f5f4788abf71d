"""`empathy transcript show FILE`: a journey transcript as a timeline a person can read.

Why a text timeline: a transcript is long JSON; a product owner wants to see, step by step, what
the page asked, what the persona answered, what was said (and by whom) and how long it all took.
"""

from __future__ import annotations

import json
from pathlib import Path

import typer

app = typer.Typer(help="Read journey transcripts.", no_args_is_help=True)


@app.command("show")
def show(
    file: Path = typer.Argument(..., help="A transcript JSON file (reports/transcripts/*.json)."),
    as_json: bool = typer.Option(False, "--json", help="Print the transcript as JSON instead."),
) -> None:
    """Print a transcript as a readable timeline (or as JSON with --json)."""
    from harness.transcript import Transcript

    transcript = Transcript.load(file)  # TranscriptError (one line) on a bad file
    if as_json:
        typer.echo(json.dumps(transcript.model_dump(mode="json"), indent=2, ensure_ascii=False))
        return
    typer.echo(render(transcript))


def _secs(ms: float | None) -> str:
    return "-" if ms is None else f"{ms / 1000:.1f}s"


def _clip(text: str, n: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def render(transcript: object) -> str:
    """The timeline text (plain characters only; page text is printed as text, never interpreted)."""
    from harness.transcript import Transcript

    assert isinstance(transcript, Transcript)
    t = transcript
    lines = [f"{t.feature} / {t.scenario}", f"persona {t.persona_name} · seed {t.seed} · {t.base_url} · "
             f"{t.started_at}"]
    for step in t.steps:
        took = step.ended_ms - step.started_ms
        status = "" if step.status == "passed" else f"  [{step.status.upper()}]"
        lines.append("")
        lines.append(f"{step.index + 1:>3}. {step.text}  ({_secs(took)}){status}")
        if step.url_after and step.url_after != step.url_before:
            lines.append(f"     at {step.url_after}")
        for control in step.prompts:
            bits = [control.type]
            if control.autocomplete:
                bits.append(f"autocomplete={control.autocomplete}")
            if control.required:
                bits.append("required")
            if control.prefilled:
                bits.append(f"prefilled {control.initial_value!r}")
            if control.invalid:
                bits.append(f"invalid: {_clip(control.error, 80)}")
            where = f" (in frame {control.frame})" if control.frame else ""
            lines.append(f"     asked    {_clip(control.label or control.placeholder or control.name, 60)!r} "
                         f"[{', '.join(bits)}]{where}")
        for given in step.given:
            via = "said" if given.channel == "chat" else "answered"
            to = f" to {_clip(given.field, 60)!r}" if given.field else ""
            key = f" ({given.data_key})" if given.data_key else ""
            lines.append(f"     {via:<8} {_clip(given.value, 60)!r}{to}{key}")
        for action in step.actions:
            if action.kind in ("fill",) and not action.habit:
                continue
            habit = f" [habit: {action.habit}]" if action.habit else ""
            lines.append(f"     did      {action.kind} {_clip(action.target, 60)}{habit}")
        for msg in step.messages:
            who = f"{msg.speaker}: " if msg.speaker else ""
            life = f", gone after {_secs(msg.disappeared_ms - msg.appeared_ms)}" if msg.disappeared_ms else ""
            q = " ?" if msg.question else ""
            hidden = ", not visible" if not msg.visible else ""
            lines.append(f"     said     [{msg.kind}{q}{life}{hidden}] {who}{_clip(msg.text)}")
        for wait in step.waits:
            parts = [f"answered in {_secs(wait.responded_ms)}", f"took {_secs(wait.duration_ms)}"]
            if wait.busy_signal_ms is not None:
                parts.append(f"{wait.busy_kind} after {_secs(wait.busy_signal_ms)}")
            else:
                parts.append("no busy signal")
            if wait.progress:
                parts.append("showed progress")
            if wait.timed_out:
                parts.append("patience ran out")
            if wait.outcome and wait.outcome != "waited":
                parts.append(wait.outcome)
            lines.append(f"     waited   {_clip(wait.action, 50)}: {', '.join(parts)}")
            for text in wait.status_texts[:3]:
                lines.append(f"              status {_clip(text, 100)!r}")
        for click in step.clicks:
            answer = f"answered in {_secs(click.answered_ms)}" if click.answered_ms is not None else \
                f"no change in {_secs(click.watched_ms)}"
            lines.append(f"     clicked  {_clip(click.name or click.selector, 50)}: {answer}")
        for friction in step.friction:
            lines.append(f"     friction {friction.kind}: {_clip(friction.detail, 120)}")
        for error in step.console_errors[:5]:
            lines.append(f"     console  {_clip(error, 120)}")
        if step.error:
            lines.append(f"     error    {_clip(step.error, 200)}")
        if step.truncated:
            lines.append(f"     cut      {'; '.join(step.truncated)}")
    if t.truncated:
        lines.append(f"cut: {'; '.join(t.truncated)}")
    return "\n".join(lines)
