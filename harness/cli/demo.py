"""`empathy demo`: serve the bundled Harbour Mutual portal and list its defect catalogue.

Flask and the portal are imported inside the commands, so `empathy --help` stays fast.
"""

from __future__ import annotations

import json

import typer

app = typer.Typer(
    help="The bundled demo portal (a fictional insurer) that the harness's own suites run against.",
    no_args_is_help=True,
)


@app.command("serve")
def serve_command(
    variant: str = typer.Option(
        "warm", "--variant", "-v", metavar="warm|cold",
        help="warm: considerate throughout (checks must find nothing). cold: every defect switched on."),
    defects: str = typer.Option(
        "", "--defects", "-d", metavar="ID,ID",
        help="Switch on single defects on top of the variant, comma-separated (see `empathy demo defects`)."),
    port: int = typer.Option(8765, "--port", "-p", help="Port on 127.0.0.1; 0 picks a free one."),
    submit_delay: float = typer.Option(
        3.0, "--submit-delay", metavar="SECONDS", help="How long submitting a claim or a card takes."),
    session_timeout: float = typer.Option(
        12.0, "--session-timeout", metavar="SECONDS", help="Inactivity before the claim form times out."),
) -> None:
    """Serve the portal on 127.0.0.1 until you press Ctrl+C.

    Examples:

      empathy demo serve --variant cold

      empathy demo serve --defects repeat-email,cold-validation --port 8800
    """
    from harness.demo.server import serve

    def ready(url: str) -> None:
        from harness.demo.defects import resolve_defects

        on = sorted(resolve_defects(variant, defects))
        typer.echo(f"Harbour Mutual demo portal ({variant}) at {url}")
        typer.echo(f"Defects on: {', '.join(on) if on else 'none'}. Press Ctrl+C to stop.")

    serve(variant, defects, port, submit_delay=submit_delay, session_timeout=session_timeout, ready=ready)


@app.command("defects")
def defects_command(
    as_json: bool = typer.Option(False, "--json", help="One JSON object per defect, for scripts."),
) -> None:
    """List the defect catalogue: id, journey, the rule expected to catch it, and what it does."""
    from harness.demo.defects import DEFECTS

    if as_json:
        for defect in DEFECTS.values():
            typer.echo(json.dumps(defect.__dict__))
        return
    width_id = max(len(d.id) for d in DEFECTS.values())
    width_journey = max(len(d.journey) for d in DEFECTS.values())
    width_rule = max(len(d.expected_rule) for d in DEFECTS.values())
    typer.echo(f"{'ID':<{width_id}}  {'JOURNEY':<{width_journey}}  {'EXPECTED RULE':<{width_rule}}  DESCRIPTION")
    for d in DEFECTS.values():
        columns = f"{d.id:<{width_id}}  {d.journey:<{width_journey}}  {d.expected_rule:<{width_rule}}"
        typer.echo(f"{columns}  {d.description}")
    typer.echo("\nTest cards on /account/payment: a number ending 0002 is declined, ending 0500 makes the server fail.")


@app.command("run")
def run_command(
    workers: str = typer.Option(None, "-n", "--workers", help="Parallel workers (pytest-xdist), e.g. 2."),
    submit_delay: float = typer.Option(2.0, "--submit-delay", metavar="SECONDS",
                                       help="How long the portal takes to accept a claim or a card."),
    session_timeout: float = typer.Option(12.0, "--session-timeout", metavar="SECONDS",
                                          help="Inactivity before the claim form times out."),
) -> None:
    """Serve the warm and the cold portal, run the bundled suites against each, and build the report.

    The demo has worked when the cold portal is caught and the report is built: then the exit code
    is 0 (findings on the warm portal are a warning). The report shows both, as the `variant` parameter.
    """
    import os
    import secrets

    from harness.config import load_settings
    from harness.demo.server import DemoServer
    from harness.reporting import build_report
    from harness.suite import run_suites

    os.environ.setdefault("EMPATHY_DEMO_PASSWORD", secrets.token_urlsafe(18))  # the demo's own test accounts
    settings = load_settings()
    codes: dict[str, int] = {}
    for variant in ("warm", "cold"):
        with DemoServer(variant=variant, submit_delay=submit_delay, session_timeout=session_timeout) as server:
            typer.secho(f"== {variant} portal at {server.url}", bold=True)
            run = settings.model_copy(update={"base_url": server.url, "variant": variant})
            codes[variant] = run_suites(run, [], workers=workers, keep_results=variant != "warm")
    reports = settings.path("reports_dir")
    index, summary, _ = build_report(settings, [reports / "allure-results"], [reports], reports / "allure-report")
    typer.echo(f"warm portal: {'passed the gate' if codes['warm'] == 0 else 'FAILED the gate'}; "
               f"cold portal: {'caught' if codes['cold'] == 1 else 'NOT caught'}; "
               f"empathy score over both: {summary['score']}")
    typer.echo(f"summary: {reports / 'empathy-summary.md'}")
    typer.echo(f"report: {index}")
    if codes["warm"] == 1:
        typer.secho("warning: the warm portal should pass; its findings are in the report (timing-based ones "
                    "depend on how loaded this machine is)", err=True, fg=typer.colors.YELLOW)
    if codes["cold"] != 1 or max(codes.values()) > 1:
        raise typer.Exit(1)  # the cold portal went uncaught, or a run broke (usage, site, browser, model)
