"""`empathy personas`: list the personas a workspace can use, and show one as the harness sees it.

Why `show` prints the resolved persona: with `extends` and workspace overrides, the file a person
edits is not the whole story; this prints what the run will actually use, plus the details it would
type for a given seed and scenario (secrets masked, never printed).
"""

from __future__ import annotations

import typer

app = typer.Typer(
    help="List personas, or show one resolved (after extends) with example data.",
    invoke_without_command=True,
    no_args_is_help=False,
)


@app.callback()
def list_command(ctx: typer.Context) -> None:
    """List every persona: name, where it comes from (built-in or workspace), one-line description."""
    if ctx.invoked_subcommand is not None:
        return
    from harness.config import load_settings
    from harness.personas.loader import list_personas

    personas = list_personas(load_settings())
    width = max([len(p.name) for p in personas] + [4])
    typer.echo(f"{'NAME':<{width}}  {'SOURCE':<9}  DESCRIPTION")
    for persona in personas:
        typer.echo(f"{persona.name:<{width}}  {persona.origin:<9}  {persona.summary}")


@app.command("show")
def show_command(
    name: str = typer.Argument(..., help="Persona name or a phrase naming it ('an anxious customer')."),
    seed: int | None = typer.Option(None, "--seed", help="Run seed for the example data (default: settings.seed)."),
    scenario: str = typer.Option("example", "--scenario", help="Scenario name the example data is seeded with."),
) -> None:
    """Print the resolved persona as YAML and the personal details it would give (secrets masked)."""
    import yaml

    from harness.config import load_settings
    from harness.personas.data import generate_data
    from harness.personas.loader import load_persona

    settings = load_settings()
    persona = load_persona(name, settings)
    run_seed = settings.seed if seed is None else seed
    chain = " <- ".join(str(path) for path in persona.sources)
    typer.echo(f"# persona {persona.name} ({persona.origin}): {chain}")
    typer.echo(
        yaml.safe_dump(persona.model_dump(mode="json"), sort_keys=False, allow_unicode=True, width=1000).rstrip()
    )
    data = generate_data(persona, run_seed=run_seed, scenario=scenario, require_secrets=False,
                         aliases=settings.details)
    typer.echo(f"\n# example data: seed {run_seed}, scenario {scenario!r} (secrets masked)")
    shown = data.masked()
    for key, env in data.missing_secrets.items():
        shown[key] = f"<from ${env}: not set>"
    for key, env in persona.data.secrets.items():
        if key in shown and key not in data.missing_secrets:
            shown[key] = f"{shown[key]} (from ${env})"
    typer.echo(yaml.safe_dump({"data": shown}, sort_keys=False, allow_unicode=True, width=1000).rstrip())


@app.command("fields")
def fields_command() -> None:
    """Print every persona key with what it accepts, its default and meaning (a Markdown table)."""
    from harness.personas.keys import DETAIL_KEYS
    from harness.personas.model import field_reference

    typer.echo("| key | allowed | default | meaning |\n| --- | --- | --- | --- |")
    for key, allowed, default, meaning in field_reference():
        typer.echo(f"| `{key}` | {allowed} | `{default}` | {meaning} |")
    typer.echo("\n| detail key (data.fields) | what it holds |\n| --- | --- |")
    for key, meaning in DETAIL_KEYS.items():
        typer.echo(f"| `{key}` | {meaning} |")
