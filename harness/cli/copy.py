"""`empathy copy`: score a message, a stream of messages, or lint catalogues before they ship.

Why here and not only in the checks: copy is written long before a journey runs. A writer can ask
about one sentence, a pipeline can stream JSON lines, and CI can lint the message catalogues with
Vale-style `file:line:col: rule: message` output and a non-zero exit when something is cold.
The scorer (and so torch) is imported inside each command, never at module import.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from harness.cli.jsonl import json_value
from harness.exceptions import EmpathyError

if TYPE_CHECKING:
    from harness.language.copy import CopyScore

app = typer.Typer(help="Score messages as cold or warm, or lint message catalogues.", no_args_is_help=True)

JSONL_CHUNK = 256  # lines scored per embedding batch when streaming
EXIT_COLD = 1
EXIT_USAGE = 2


def _fail(exc: EmpathyError) -> typer.Exit:
    """Print a harness error the way `empathy` does, and exit with its code (also under CliRunner)."""
    typer.secho(f"empathy: {exc}", err=True, fg=typer.colors.RED)
    return typer.Exit(exc.exit_code)


def _usage(message: str) -> typer.Exit:
    typer.secho(f"empathy copy: {message}", err=True, fg=typer.colors.RED)
    return typer.Exit(EXIT_USAGE)


def render(result: CopyScore) -> str:
    """The human form: verdict line, broken criteria first, then met ones, then the rewrite."""
    kind = f"{result.kind} (inferred)" if result.kind_inferred else result.kind
    lines = [f"{result.verdict} (score {result.score:.2f}, kind {kind})"]
    ordered = [r for r in result.reasons if not r.ok] + [r for r in result.reasons if r.ok]
    for reason in ordered:
        mark = "no" if not reason.ok else "ok"
        lines.append(f"  {mark} {reason.code} {reason.name}: {reason.detail}")
    if result.suggestion:
        lines.append(f"suggestion: {result.suggestion}")
    return "\n".join(lines)


def _parse_line(number: int, line: str) -> dict[str, Any]:
    """One --jsonl input line as a scorer item; a bad line is an error naming the line."""
    fix = 'each line must be a JSON object like {"text": "...", "kind": "validation"}'
    try:
        item = json_value(line)
    except ValueError as exc:
        raise EmpathyError(f"stdin line {number}: {exc}", hint=fix) from None
    if not isinstance(item, dict) or not isinstance(item.get("text"), str):
        raise EmpathyError(f"stdin line {number}: needs a \"text\" string", hint=fix)
    for key in ("kind", "field"):
        if item.get(key) is not None and not isinstance(item[key], str):
            raise EmpathyError(f"stdin line {number}: \"{key}\" must be a string", hint=fix)
    if item.get("context") is not None and not isinstance(item["context"], dict):
        raise EmpathyError(f"stdin line {number}: \"context\" must be an object", hint=fix)
    from harness.language.copy import resolve_kind

    try:
        resolve_kind(item.get("kind"))
    except EmpathyError as exc:
        raise EmpathyError(f"stdin line {number}: {exc.message}", hint=exc.hint) from None
    return item


def _stream_jsonl() -> None:
    from harness.language.copy import score_many

    batch: list[tuple[int, dict[str, Any]]] = []

    def flush() -> None:
        results = score_many([item for _, item in batch])
        for (number, _), result in zip(batch, results, strict=True):
            sys.stdout.write(json.dumps({"line": number, **result.to_dict()}, ensure_ascii=False) + "\n")
        sys.stdout.flush()
        batch.clear()

    for number, line in enumerate(sys.stdin, start=1):
        if line.strip():
            batch.append((number, _parse_line(number, line)))
        if len(batch) >= JSONL_CHUNK:
            flush()
    if batch:
        flush()


@app.command("score")
def score_command(
    text: str | None = typer.Argument(None, help="The message to score (leave out with --jsonl)."),
    kind: str | None = typer.Option(None, "--kind", help="validation, error, timeout, status, confirmation, "
                                                           "handoff or empty; left out, it is inferred."),
    field: str = typer.Option("", "--field", help="Label of the field the message belongs to."),
    as_json: bool = typer.Option(False, "--json", help="Print the result as one JSON object."),
    jsonl: bool = typer.Option(False, "--jsonl", help="Read {\"text\", \"kind\"?, \"field\"?} lines on stdin, "
                                                       "write one JSON result per line."),
) -> None:
    """Score a message: verdict (cold, warm, uncertain), score 0..1, reasons and a suggested rewrite."""
    if jsonl and text is not None:
        raise _usage("give a message or --jsonl, not both")
    if not jsonl and text is None:
        raise _usage('give a message to score, e.g. empathy copy score "Invalid input", or use --jsonl')
    try:
        if jsonl:
            _stream_jsonl()
            return
        from harness.language.copy import score

        result = score(text or "", kind=kind, field=field)
    except EmpathyError as exc:
        raise _fail(exc) from None
    typer.echo(json.dumps(result.to_dict(), ensure_ascii=False) if as_json else render(result))


@app.command("lint")
def lint_command(
    files: list[Path] = typer.Argument(
        ..., help="Catalogues: .json, .yaml/.yml, .po/.pot, or text (a message a line)."),
    fmt: str = typer.Option("text", "--format", help="text (file:line:col: rule: message) or json."),
    kind: str | None = typer.Option(None, "--kind", help="Treat every message as this kind instead of inferring."),
    all_strings: bool = typer.Option(False, "--all", help="Lint every string, not only those that look like messages."),
) -> None:
    """Lint message catalogues; exit 1 when a message is cold, 0 when none is, 2 on bad input."""
    if fmt not in ("text", "json"):
        raise _usage(f"--format {fmt!r} is not one of text, json")
    try:
        from harness.language.copy import resolve_kind
        from harness.language.copy_lint import format_text, lint

        records, findings = lint(files, kind=resolve_kind(kind), all_strings=all_strings)
    except EmpathyError as exc:
        raise _fail(exc) from None
    cold = sum(1 for r in records if r["verdict"] == "cold")
    unsure = sum(1 for r in records if r["verdict"] == "uncertain")
    if fmt == "json":
        typer.echo(json.dumps({"messages": records, "findings": [f.to_dict() for f in findings]},
                              ensure_ascii=False, indent=2))
    elif findings:
        typer.echo(format_text(findings))
    labels = sum(1 for r in records if r["verdict"] == "inapplicable")
    typer.echo(f"{len(records) - labels} messages in {len(files)} file{'s' if len(files) != 1 else ''}: "
               f"{cold} cold, {unsure} uncertain" + (f"; {labels} not a message (labels, headings)" if labels else ""),
               err=True)
    if cold:
        raise typer.Exit(EXIT_COLD)
