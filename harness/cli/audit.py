"""`empathy audit URL`: personas explore a site by themselves, and the suites they walked are written down.

The first result costs one command: no feature file needed. What it walked is kept as feature files
(`<reports_dir>/audit/features`) that `empathy check` accepts and `empathy run` replays.
"""

from __future__ import annotations

from pathlib import Path

import typer


def register(app: typer.Typer) -> None:
    """Add `audit` to the top-level app."""
    app.command()(audit)


def audit(
    url: str = typer.Argument(..., help="The site to explore, e.g. https://staging.example.com."),
    personas: str = typer.Option("anxious,hurried,returning", "--personas", metavar="NAME,NAME",
                                 help="Who walks it; the first also probes each form."),
    pages: int = typer.Option(30, "--pages", min=1, help="At most this many pages explored."),
    minutes: float = typer.Option(5.0, "--minutes", min=1.0, help="Time budget for exploring and running."),
    submit: bool = typer.Option(False, "--submit", help="Also press irreversible buttons (pay, order, delete, "
                                "send); only on a staging site."),
    ignore_robots: bool = typer.Option(False, "--ignore-robots", help="Follow rel=nofollow links and the links "
                                       "of pages whose robots meta says nofollow (your own staging site)."),
    seed: int = typer.Option(None, "--seed", help="Run seed: the same site and seed give the same findings."),
) -> None:
    """Explore a site as personas, probe every form, write the journeys as features, run and report them.

    It starts at URL and the pages the workspace names under [tool.empathy.pages], stays within
    allowed_hosts, follows links on the same host (never sign-out links, nor rel=nofollow or a robots
    nofollow page unless --ignore-robots; a persona with an account signs out only at the end of a journey
    of its own), and never presses an irreversible button without --submit (a
    payment, a deletion, a message, saving what is on file): it says which it held back. It does sign up,
    as the people it makes up, where anyone may: audit a staging site. Ctrl-C stops it and keeps everything
    found so far.

    Exit codes as `empathy run`: 0 passed the gate, 1 a finding fails it, 6 the site cannot be reached,
    130 stopped (Ctrl-C, or time up: "time is up after N minutes; K journey(s) reported").
    """
    from harness.audit.model import path_and_query
    from harness.audit.run import audit_settings, run_audit
    from harness.config import load_settings

    settings = audit_settings(load_settings(), url, seed)

    def say(text: str) -> None:
        typer.echo(f"audit: {text}", err=True)

    names = [p.strip() for p in personas.split(",") if p.strip()]
    result = run_audit(settings, path_and_query(url), personas=names, pages=pages, minutes=minutes, submit=submit,
                       ignore_robots=ignore_robots, say=say)
    _summary(result, settings.base_url, settings.identity)
    raise typer.Exit(result.code)


def _summary(result: object, url: str, identity: str) -> None:
    """What was explored and found, and the one command that replays it as the same people (the audit's
    `identity`): without it a replay makes up other names and e-mails, and their findings can differ."""
    from harness.audit.run import Audit, site_map

    assert isinstance(result, Audit)
    site = result.site
    flows = site.flows
    typer.echo(f"explored {len(site.pages)} page(s), followed {len(flows)} form(s), "
               f"{sum(len(f.steps) for f in flows)} step(s); {site.dialogs} dialog(s) seen")
    if site.stopped:
        typer.echo(f"stopped early: {site.stopped}")
    for flow in flows:
        for step in flow.steps:
            if step.held_back:
                typer.echo(f'held back: "{step.form.button}" on {step.form.path}: {step.held_back} '
                           "(--submit presses it)")
    if result.time_up:
        typer.echo(f"{result.time_up}; {result.journeys} journey(s) reported ({result.scenarios} scenario(s) "
                   "finished; the features hold every one written)")
    if result.findings:
        typer.echo(f"{len(result.findings)} failed finding(s); where they cluster:")
        for path, rules in site_map(result.findings)[:15]:
            typer.echo(f"  {path}: " + ", ".join(f"{rule} {n}" for rule, n in rules.most_common()))
    elif result.code in (0, 1):
        typer.echo("no failed finding")
    if result.report is not None:
        typer.echo(f"report: {result.report}")
    typer.echo(f"features: {result.folder}")
    folder = _relative(result.folder)
    typer.echo(f"replay: EMPATHY_IDENTITY={identity} EMPATHY_KEEP_SIGN_IN=true "
               f"empathy run {folder}/*.feature --base-url {url} --seed {site.seed}")


def _relative(path: Path) -> str:
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)
