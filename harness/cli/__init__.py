"""The `empathy` command line: each command is a short function that calls the engine.

Heavy modules (torch, playwright) are imported inside commands, so `empathy --help` stays fast.
An EmpathyError prints one line and exits with its documented code, never a traceback.
"""

from __future__ import annotations

import sys

import typer

from harness.cli import audit, config, copy, demo, features, personas, prompts, report, run, transcript

app = typer.Typer(
    name="empathy",
    help="Drive personas through web journeys and fail the build when a journey feels cold.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # help texts name `[tool.empathy]`: square brackets are text, not markup
    context_settings={"terminal_width": 100, "max_content_width": 100},
)
# In the order a newcomer needs them: run and report, write features, personas, the language tools.
run.register(app)  # run, baseline
report.register(app)  # report
features.register(app)  # check, steps, new, init
audit.register(app)  # audit: explore a site with no feature file
app.add_typer(personas.app, name="personas")
app.add_typer(copy.app, name="copy")
app.add_typer(prompts.app, name="prompts")
app.add_typer(transcript.app, name="transcript")
app.add_typer(demo.app, name="demo")
config.register(app)  # config


def main() -> None:
    """Entry point: run the app, turning harness errors into one clear line and an exit code.

    Ctrl-C and SIGTERM stop any command promptly with exit 130 (`harness.runner.interrupt`).
    """
    from harness.exceptions import EmpathyError
    from harness.runner.interrupt import install, requested

    undo = install()
    try:
        app()
    except EmpathyError as exc:
        if requested():  # the stop cut something short (an import half done reads as a missing package): a stop
            typer.secho("empathy: interrupted; what was written so far is kept", err=True)
            sys.exit(130)
        typer.secho(f"empathy: {exc}", err=True, fg=typer.colors.RED)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:  # before or after the command itself (typer turns it into 130 within)
        typer.secho("empathy: interrupted; what was written so far is kept", err=True)
        sys.exit(130)
    finally:
        undo()
