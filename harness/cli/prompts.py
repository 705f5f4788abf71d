"""`empathy prompts compare`: do two prompts ask for the same information? For people and pipelines.

The comparer lives in `harness.language.prompts`; this module only reads arguments or JSON lines and
prints verdicts. The comparer (and, when free text needs it, the model) is imported inside the
command, so `empathy --help` never pays for it.
"""

from __future__ import annotations

import json
import sys
from typing import Any

import typer

from harness.cli.jsonl import json_value

app = typer.Typer(help="Decide whether two prompts ask for the same information.", no_args_is_help=True)

BATCH_LINES = 256  # --jsonl answers in batches of this many lines (one embedding batch each)
BAD_INPUT_EXIT = 2


def format_text(comparison: Any) -> str:
    """One human line: verdict, score, reason."""
    verdict = comparison.verdict + (", confirmation" if comparison.confirmation else "")
    return f"{verdict} (score {comparison.score:.2f}): {comparison.reason}"


def result_object(comparison: Any, line: int | None = None) -> dict[str, Any]:
    """The JSON shape: same_info (true/false/null), confirmation, score, reason, verdict, info types."""
    data: dict[str, Any] = {} if line is None else {"line": line}
    data.update(comparison.to_dict())
    return data


def _parse_line(text: str) -> tuple[Any, Any]:
    """Read one `{"a": ..., "b": ...}` line; a and b are strings or prompt objects. ValueError says why."""
    from harness.language.prompts import PromptSpec

    data = json_value(text)
    if not isinstance(data, dict) or "a" not in data or "b" not in data:
        raise ValueError('expected an object with keys "a" and "b"')
    sides: list[Any] = []
    for key in ("a", "b"):
        value = data[key]
        if isinstance(value, str):
            sides.append(value)
        elif isinstance(value, dict):
            try:
                sides.append(PromptSpec.from_mapping(value))
            except (TypeError, ValueError) as exc:
                raise ValueError(f'"{key}": {exc}') from exc
        else:
            raise ValueError(f'"{key}" must be a string or an object with label/name/id/type/autocomplete/placeholder')
    return sides[0], sides[1]


def _flush(batch: list[tuple[int, Any, Any]]) -> None:
    from harness.language.prompts import compare_many

    results = compare_many([(a, b) for _, a, b in batch])
    for (line, _, _), comparison in zip(batch, results, strict=True):
        sys.stdout.write(json.dumps(result_object(comparison, line), ensure_ascii=False) + "\n")
    sys.stdout.flush()
    batch.clear()


def _run_jsonl() -> int:
    """Answer every stdin line; report bad lines and carry on; return how many lines were bad."""
    bad = 0
    batch: list[tuple[int, Any, Any]] = []
    for number, raw in enumerate(sys.stdin, start=1):
        if not raw.strip():
            continue
        try:
            a, b = _parse_line(raw)
        except ValueError as exc:
            _flush(batch)
            bad += 1
            message = f"stdin line {number}: {exc}"
            sys.stdout.write(json.dumps({"line": number, "error": message}) + "\n")
            sys.stdout.flush()
            typer.secho(f"empathy: {message} (fix: one JSON object per line, "
                        '{"a": "Date of birth", "b": "DOB"})', err=True, fg=typer.colors.RED)
            continue
        batch.append((number, a, b))
        if len(batch) >= BATCH_LINES:
            _flush(batch)
    _flush(batch)
    return bad


@app.command("compare")
def compare_command(
    a: str = typer.Argument(None, help='First prompt, e.g. "Date of birth".', show_default=False),
    b: str = typer.Argument(None, help='Second prompt, e.g. "DOB".', show_default=False),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object instead of a line of text."),
    jsonl: bool = typer.Option(
        False, "--jsonl",
        help='Read {"a": ..., "b": ...} lines on stdin (a and b: text, or objects with label, name, id, type, '
             "autocomplete, placeholder) and write one JSON object per line, with its input line number. "
             'A bad line gets {"line": N, "error": ...} and a message on stderr; the rest are still answered '
             f"and the exit code is {BAD_INPUT_EXIT}. Blank lines are skipped."),
) -> None:
    """Print whether A and B ask for the same information: same, different or uncertain, score and reason."""
    if jsonl:
        if a is not None or b is not None:
            raise typer.BadParameter("give either two prompts or --jsonl, not both")
        if _run_jsonl():
            raise typer.Exit(BAD_INPUT_EXIT)
        return
    if a is None or b is None:
        raise typer.BadParameter('give two prompts, e.g. empathy prompts compare "Date of birth" "DOB", or --jsonl')
    from harness.language.prompts import compare

    comparison = compare(a, b)
    if as_json:
        typer.echo(json.dumps(result_object(comparison), ensure_ascii=False))
    else:
        typer.echo(format_text(comparison))
