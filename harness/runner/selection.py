"""Run just that one: select scenarios by persona or tag expression, and print the command that re-runs one.

Why here: a red build is investigated one scenario at a time. `--tags` takes the expression Gherkin
users write (`@journey:checkout and not @slow`) and turns it into pytest's own `-m`, because tags are
markers (see `tags.py`); `--persona` keeps the scenarios and Examples rows a persona walks, read from
the scenario's `Given I am …` step before anything runs; and every finding carries the one command
that re-runs its scenario (its pytest node id, so exactly one Examples row) with the run's seed.
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path
from typing import TYPE_CHECKING, Any

from harness.exceptions import ConfigError
from harness.runner.tags import marker_for

if TYPE_CHECKING:
    import pytest

    from harness.config import Settings

_TOKEN = re.compile(r"\s*(\(|\)|[^\s()]+)")
_WORDS = ("and", "or", "not")
_I_AM = re.compile(r'I am (?:"(?P<name>[^"]+)"|(?P<phrase>an? .+?|[A-Za-z][\w-]*))'
                   r"(?: with an? (?:previous|earlier|past) .*)?$")


def tags_to_markers(expression: str) -> str:
    """A Gherkin tag expression as a pytest `-m` expression: `@journey:checkout and not @slow` ->
    `journey(value="checkout") and not slow`; a bad one is a ConfigError naming the token."""
    out: list[str] = []
    for token in _TOKEN.findall(expression):
        if token in ("(", ")") or token.lower() in _WORDS:
            out.append(token.lower() if token.lower() in _WORDS else token)
            continue
        name, args = marker_for(token.lstrip("@"))
        if any('"' in a or "'" in a for a in args) or not token.lstrip("@"):
            raise ConfigError(f"--tags {expression!r}: {token!r} is not a tag",
                              hint='write tags as @name or @name:value, joined by and, or, not and brackets')
        out.append(f'{name}(value="{args[0]}")' if args else name)
    markers = " ".join(out).replace("( ", "(").replace(" )", ")")
    _check_whole(expression, markers)
    return markers


def _check_whole(expression: str, markers: str) -> None:
    """A ConfigError naming --tags when the tags do not make one expression (a bracket left open, two tags with no
    word between): pytest's own error named its -m, which the person never typed."""
    from _pytest.mark.expression import Expression  # pytest's parser of -m: no public name for it

    try:
        Expression.compile(markers)
    except SyntaxError as exc:
        said = str(exc.msg).replace("identifier", "a tag").replace(" OR ", " or ")
        raise ConfigError(f"--tags {expression!r} is not a whole expression ({said})",
                          hint='join tags with and, or, not and brackets, each bracket closed: '
                               '"(@smoke or @priority:high) and not @wip"') from None


def persona_of(item: pytest.Item, settings: Settings) -> str:
    """The persona a collected scenario walks, from its first `Given I am …` step (rendered with its
    Examples row); the default persona when there is none; "" when the phrase names no persona."""
    from pytest_bdd.scenario import scenario_wrapper_template_registry

    from harness.personas.loader import persona_files, resolve_name

    template = scenario_wrapper_template_registry.get(getattr(item, "obj", None))  # type: ignore[arg-type]
    if template is None:
        return ""
    example = getattr(getattr(item, "callspec", None), "params", {}).get("_pytest_bdd_example", {})
    for step in template.render(example).steps:
        match = _I_AM.match(step.name.strip())
        if step.type == "given" and match:
            try:
                return resolve_name(match["name"] or match["phrase"], persona_files(settings))
            except Exception:  # noqa: BLE001 - an unknown persona fails the scenario itself, with its message
                return ""
    return settings.default_persona


def keep_persona(config: pytest.Config, items: list[pytest.Item], settings: Settings, persona: str) -> None:
    """Deselect (as pytest does for -k and -m) every scenario another persona walks."""
    import pytest

    from harness.exceptions import EmpathyError
    from harness.personas.loader import persona_files, resolve_name

    try:
        wanted = resolve_name(persona, persona_files(settings))
    except EmpathyError as exc:  # the loader's own message names the personas that exist
        raise pytest.UsageError(f"empathy: --persona: {exc}") from None
    kept = [item for item in items if persona_of(item, settings) == wanted]
    dropped = [item for item in items if item not in kept]
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = kept


def round_robin(items: list[pytest.Item]) -> None:
    """The first scenario of every feature file, then the second of each, and so on (in place): a run that time
    may stop (an audit's) has then tried every journey's first probe, not all of one long journey's. A Scenario
    Outline's later rows (the same journey again, as another persona) come after every file's other scenarios."""
    rank: dict[str, tuple[int, int]] = {}
    taken: dict[tuple[str, bool], int] = {}  # scenarios (and later rows) of each file ranked so far
    for item in items:
        again = getattr(getattr(item, "callspec", None), "indices", {}).get("_pytest_bdd_example", 0) > 0
        key = (item.nodeid.split("::")[0], again)
        rank[item.nodeid] = (int(again), taken.get(key, 0))
        taken[key] = rank[item.nodeid][1] + 1
    items.sort(key=lambda item: rank[item.nodeid])  # stable: the files keep their order within a round


def rerun_command(nodeid: str, settings: Settings, persona: str = "") -> str:
    """The one command, run from the project folder, that re-runs this scenario (this Examples row) for
    this persona with the same seed (and site, when it differs from the configured one)."""
    from harness.config import load_settings

    parts = ["empathy", "run", nodeid]
    if persona:
        parts += ["--persona", persona]
    parts += ["--seed", str(settings.seed)]
    try:
        configured = load_settings(settings.root).base_url
    except ConfigError:
        configured = ""
    if settings.base_url != configured:
        parts += ["--base-url", settings.base_url]
    return shlex.join(parts)


def rerun_of(node: Any, settings: Settings, persona: str = "") -> str:
    """`rerun_command` for a pytest item, its file named from the project folder (where `empathy run` runs,
    which need not be pytest's rootdir)."""
    path = Path(getattr(node, "path", ""))
    root = settings.root.resolve()
    if path.is_absolute() and path.resolve().is_relative_to(root):
        return rerun_command(f"{path.resolve().relative_to(root).as_posix()}::{node.name}", settings, persona)
    return rerun_command(str(getattr(node, "nodeid", "")), settings, persona)
