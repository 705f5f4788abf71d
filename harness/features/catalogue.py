"""The step catalogue, read from the live step definitions so it can never drift from them.

pytest-bdd keeps each step's parser on a fixture it injects into the defining module; we import
the package's step modules (and the workspace's `steps/*.py`) and read those fixtures back.
"""

from __future__ import annotations

import importlib
import importlib.util
import inspect
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

from harness.exceptions import FeatureError

if TYPE_CHECKING:
    from harness.config import Settings

#: The generic step modules, in the order a scenario uses them.
GROUPS: tuple[str, ...] = ("who", "where", "act", "see", "checks")
PACKAGE = "harness.steps"
WORKSPACE_GROUP = "project"
KINDS = ("given", "when", "then")
_KEYWORD = re.compile(r"^\s*(given|when|then|and|but|\*)\s+", re.IGNORECASE)
_STEPDEF_PREFIX = "pytestbdd_stepdef_"


@dataclass(frozen=True)
class StepDef:
    """One step phrase a feature file may use, with the plain-English example from its docstring."""

    kind: str  # "given", "when", "then", or "step" (any keyword)
    pattern: str  # the parser's source text (parse format or regular expression)
    example: str  # first docstring line, without its keyword: 'I click "Continue"'
    doc: str  # the rest of the docstring
    group: str  # who, where, act, see, checks, or "project" for workspace steps
    module: str
    source: str = ""  # "path:line" of the function, for "defined at"
    example_keyword: str = ""  # Given/When/Then as the docstring example wrote it, if this step accepts it
    parser: Any = field(default=None, compare=False, repr=False)
    func: Any = field(default=None, compare=False, repr=False)

    def accepts(self, kind: str) -> bool:
        """True if a step of this resolved keyword type may use this definition."""
        return self.kind in ("step", kind)

    def matches(self, text: str) -> bool:
        """pytest-bdd's own test: does the parser match the whole step text?"""
        try:
            return bool(self.parser.is_matching(text))
        except Exception:  # a custom parser that cannot cope with odd text simply does not match
            return False

    def arguments(self, text: str) -> dict[str, Any]:
        """The named values the parser pulls out of a matching step text."""
        try:
            return dict(self.parser.parse_arguments(text) or {})
        except Exception:
            return {}

    @property
    def keyword(self) -> str:
        """The keyword to show with the example: the docstring's own, else the step's kind (When for any)."""
        if self.example_keyword:
            return self.example_keyword
        return "When" if self.kind == "step" else self.kind.capitalize()

    @property
    def display(self) -> str:
        """The example as a whole line: 'When I click "Continue"'."""
        return f"{self.keyword} {self.example}"


def strip_keyword(text: str) -> str:
    """'When I click "Go"' -> 'I click "Go"'; text without a keyword is returned stripped."""
    return _KEYWORD.sub("", text.strip(), count=1).strip()


def _wrapped(fixture_obj: Any) -> Any:
    getter = getattr(fixture_obj, "_get_wrapped_function", None)
    return getter() if callable(getter) else getattr(fixture_obj, "__wrapped__", fixture_obj)


def _source(func: Any) -> str:
    try:
        path = inspect.getsourcefile(func) or ""
        line = inspect.getsourcelines(func)[1]
    except (OSError, TypeError):
        return ""
    try:
        path = str(Path(path).resolve().relative_to(Path.cwd()))
    except ValueError:
        pass
    return f"{path}:{line}"


def _example_and_doc(docstring: str, parser: Any) -> tuple[str, str, str]:
    """The example for this parser and the prose around it.

    The first docstring line is the example; a function decorated with several phrases may list one
    example per phrase on the following lines (each starting with a keyword), and each phrase gets
    the first example it matches.
    """
    lines = [line.strip() for line in docstring.strip().splitlines() if line.strip()]
    if not lines:
        return "", "", ""
    examples = [lines[0]] + [line for line in lines[1:] if _KEYWORD.match(line)]
    prose = [line for line in lines[1:] if not _KEYWORD.match(line)]
    chosen = lines[0]
    for candidate in examples:
        try:
            if parser.is_matching(strip_keyword(candidate)):
                chosen = candidate
                break
        except Exception:
            break
    match = _KEYWORD.match(chosen)
    keyword = match.group(1).capitalize() if match else ""
    return strip_keyword(chosen), " ".join(prose), keyword if keyword in ("Given", "When", "Then") else ""


def step_defs_in_module(module: ModuleType, group: str) -> list[StepDef]:
    """Every step definition whose fixture pytest-bdd placed in `module`, in definition order."""
    from pytest_bdd.steps import step_function_context_registry

    found: list[StepDef] = []
    seen: set[int] = set()
    for name, value in list(vars(module).items()):
        if not name.startswith(_STEPDEF_PREFIX):
            continue
        context = step_function_context_registry.get(_wrapped(value))
        if context is None or id(context) in seen:
            continue
        seen.add(id(context))
        func = context.step_func
        example, doc, keyword = _example_and_doc(inspect.getdoc(func) or "", context.parser)
        kind = context.type or "step"
        found.append(StepDef(kind=kind, pattern=str(context.parser.name), example=example,
                             doc=doc, group=group, module=getattr(func, "__module__", module.__name__),
                             source=_source(func), parser=context.parser, func=func,
                             example_keyword=keyword if kind in ("step", keyword.lower()) else ""))
    return found


def import_step_module(path: Path) -> ModuleType:
    """Import a workspace step file by path; a broken file is a FeatureError naming file and line."""
    name = f"empathy_workspace_steps.{path.stem}"
    if name in sys.modules and getattr(sys.modules[name], "__file__", None) == str(path):
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise FeatureError(f"{path}: cannot import step module")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    try:
        spec.loader.exec_module(module)
    except SyntaxError as exc:
        sys.modules.pop(name, None)
        raise FeatureError(f"{path}:{exc.lineno}: step module has a syntax error: {exc.msg}",
                           hint="fix the Python file") from None
    except Exception as exc:
        sys.modules.pop(name, None)
        raise FeatureError(f"{path}: step module fails to import: {type(exc).__name__}: {exc}",
                           hint="fix the Python file") from None
    return module


def workspace_step_files(steps_dir: Path) -> list[Path]:
    """The workspace's step modules: every `*.py` in the steps folder not starting with '_'."""
    if not steps_dir.is_dir():
        return []
    return sorted(p for p in steps_dir.glob("*.py") if not p.name.startswith("_"))


def load_catalogue(settings: Settings | None = None, *, modules: Iterable[str] | None = None,
                   steps_dir: Path | None = None) -> list[StepDef]:
    """The package's generic steps (by group) followed by the workspace's own steps.

    `modules` replaces the package modules (tests use it); `steps_dir` defaults to the settings' one.
    """
    catalogue: list[StepDef] = []
    names = list(modules) if modules is not None else [f"{PACKAGE}.{g}" for g in GROUPS]
    for name in names:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name == name:  # that group has no module (yet); nothing to list
                continue
            raise FeatureError(f"step module {name} cannot be imported: {exc}") from None
        except Exception as exc:  # a broken step module: say which, in one line
            raise FeatureError(f"step module {name} cannot be imported: {type(exc).__name__}: {exc}",
                               hint="fix that module") from None
        catalogue.extend(step_defs_in_module(module, name.rsplit(".", 1)[-1]))
    if steps_dir is None and settings is not None:
        steps_dir = settings.path("steps_dir")
    for path in workspace_step_files(steps_dir) if steps_dir is not None else []:
        catalogue.extend(step_defs_in_module(import_step_module(path), WORKSPACE_GROUP))
    return catalogue


def matching(catalogue: Iterable[StepDef], kind: str, text: str) -> list[StepDef]:
    """The definitions pytest-bdd would consider for a step of this resolved type and text."""
    return [d for d in catalogue if d.accepts(kind) and d.matches(text)]
