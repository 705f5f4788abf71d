"""`empathy config`: the settings in force, and where each option is documented."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Add `config` to the top-level app."""
    app.command("config")(show_config)


def show_config(
    markdown: bool = typer.Option(False, "--markdown", help="Print every option with its default as a table."),
) -> None:
    """Show the resolved settings ([tool.empathy], EMPATHY_* variables), or document every option."""
    from harness.config import load_settings, settings_markdown

    if markdown:
        typer.echo(settings_markdown(), nl=False)
        return
    settings = load_settings()
    typer.echo(f"# from {settings.root / 'pyproject.toml'} and EMPATHY_* variables")
    for name, value in settings.model_dump().items():
        typer.echo(f"{name} = {value!r}")
