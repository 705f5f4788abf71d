"""`empathy check`, `empathy steps`, `empathy new feature`, `empathy init`: help people write features.

Each command is a few lines over `harness.features`; nothing heavy is imported at module top, and the
embedding model is loaded only when a step needs a suggestion.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

import typer


class Format(StrEnum):
    """Output for people (text) or for editors and CI (json)."""

    text = "text"
    json = "json"


FORMAT = typer.Option(Format.text, "--format", "-f", help="text for people, json for editors and CI.")


def _settings(near: Path | None = None):  # type: ignore[no-untyped-def]
    from harness.config import load_settings

    start = None
    if near is not None:
        folder = near if near.is_dir() else near.parent
        start = folder if folder.exists() else None
    return load_settings(start)


def check(
    paths: list[Path] = typer.Argument(..., help="Feature files or folders of them; or saved transcript .json files."),
    fmt: Format = FORMAT,
) -> None:
    """Check feature files without a browser: syntax, unknown or ambiguous steps, personas, pages, Examples.

    With transcript .json files, re-run the enabled checks on each saved journey instead.

    Exit codes: 0 clean; 5 malformed Gherkin or a feature-file mistake (unused Examples column, unknown
    personal detail or @allow rule); 11 undefined step; 12 ambiguous step; 4 unknown persona; 13 unknown
    page; 3 invalid [tool.empathy] setting; 1 a transcript has a finding that fails the build.
    """
    transcripts = [p for p in paths if p.suffix.lower() == ".json"]
    features = [p for p in paths if p.suffix.lower() != ".json"]
    settings = _settings(paths[0])
    from harness.runner.preflight import check_thresholds

    check_thresholds(settings)  # a misspelt threshold stops `empathy run`: said here first, with no browser
    code = 0
    if features:
        from harness.features.catalogue import load_catalogue
        from harness.features.checker import Checker

        result = Checker(load_catalogue(settings), settings).check_paths(features)
        typer.echo(result.to_json() if fmt is Format.json else result.format())
        code = result.exit_code
    if transcripts:
        from harness.features.transcripts import check_transcripts

        text, blocking = check_transcripts(transcripts, settings, fmt.value)
        typer.echo(text)
        code = code or (1 if blocking else 0)
    raise typer.Exit(code)


def steps(
    path: Path = typer.Argument(Path("docs/steps.md"), help="Where --markdown writes (default docs/steps.md)."),
    markdown: bool = typer.Option(False, "--markdown", help="Write the catalogue as Markdown for product owners."),
    fmt: Format = FORMAT,
) -> None:
    """List every step a feature file can use, grouped (who, where, act, see, checks), each with an example."""
    from harness.features.catalogue import load_catalogue
    from harness.features.scaffold import catalogue_json, catalogue_markdown, catalogue_text

    catalogue = load_catalogue(_settings())
    if markdown:
        target = path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(catalogue_markdown(catalogue), encoding="utf-8")
        typer.echo(f"wrote {target} ({len(catalogue)} steps)")
        return
    typer.echo(catalogue_json(catalogue) if fmt is Format.json else catalogue_text(catalogue))


new_app = typer.Typer(help="Scaffold a new file from the step catalogue.", no_args_is_help=True)


@new_app.command("feature")
def new_feature(name: str = typer.Argument(..., help="What the journey is, e.g. 'update my address'.")) -> None:
    """Write features/<name>.feature: a starter scenario using only steps from the catalogue."""
    from harness.features.catalogue import load_catalogue
    from harness.features.scaffold import new_feature as write_feature

    settings = _settings()
    path = write_feature(name, settings.path("features_dir"), load_catalogue(settings), list(settings.pages))
    typer.echo(f"wrote {path}; check it with: empathy check {path}")


def init(
    folder: Path = typer.Argument(Path("."), help="The repository to set up (default: here)."),
    base_url: str = typer.Option(None, "--base-url", help="The site to test, e.g. https://staging.example.com "
                                 "(default: $EMPATHY_BASE_URL, else asked for when run in a terminal)."),
) -> None:
    """Set up a workspace: features/, personas/, steps/ and a [tool.empathy] section; never overwrites."""
    import os
    import sys

    from harness.features.catalogue import load_catalogue
    from harness.features.scaffold import init_workspace, site_url

    url = base_url or os.environ.get("EMPATHY_BASE_URL", "")
    if not url and sys.stdin.isatty() and not os.environ.get("CI"):
        url = typer.prompt("The URL of the site to test (e.g. https://staging.example.com; empty to set it later)",
                           default="", show_default=False)
    result = init_workspace(folder, load_catalogue(None), site_url(url) if url else "")
    for path in result.created:
        typer.echo(f"created {path}")
    for path in result.kept:
        typer.echo(f"kept    {path} (already there)")
    if url:
        typer.echo("next: empathy check features/, then empathy run")
    else:
        typer.echo("next: set base_url in pyproject.toml (or pass --base-url to empathy run), "
                   "then: empathy check features/")


def register(app: typer.Typer) -> None:
    """Add check, steps, new and init to the top-level app."""
    app.command("check")(check)
    app.command("steps")(steps)
    app.add_typer(new_app, name="new")
    app.command("init")(init)
