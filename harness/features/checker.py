"""`empathy check`: find every mistake in feature files before a browser starts.

The official Gherkin parser reads the file and its pickle compiler does what pytest-bdd does at run
time (And/But take the previous keyword; outline placeholders take each Examples row), so a step
the checker accepts is a step pytest-bdd will find.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from harness.exceptions import FeatureError, PersonaError
from harness.features.catalogue import StepDef, matching
from harness.features.diagnostics import CheckResult, Diagnostic
from harness.features.gherkin_tree import (
    PICKLE_TYPES,
    PLACEHOLDER,
    blocks,
    description_problems,
    first_step_problems,
    fixed_line,
    index,
    outline_problems,
    scenarios,
    value_location,
)
from harness.features.syntax import parse
from harness.personas.vocabulary import PHRASES, detail_key

if TYPE_CHECKING:
    from harness.config import Settings

#: A step longer than this is not a sentence; refusing it also bounds the time parsers spend on it.
MAX_STEP_CHARS = 500
#: Undefined steps ranked by meaning in one run; more than this is a file from elsewhere, not typos,
#: and ranking them all would make a check of a huge file slow.
MAX_SUGGESTED = 100


def feature_files(paths: Iterable[str | Path]) -> list[Path]:
    """The .feature files named or found (recursively) under the folders named; a missing path is an error."""
    out: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            out.extend(sorted(p for p in path.rglob("*.feature") if p.is_file()))
        elif path.is_file():
            out.append(path)
        else:
            raise FeatureError(f"{path}: no such file or folder", hint="name feature files or folders of them")
    return out


def read_text(path: Path) -> tuple[str | None, Diagnostic | None]:
    """The file's text, or a diagnostic at the line where it stops being UTF-8."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        return None, Diagnostic(str(path), 1, 1, "syntax", f"cannot read the file: {exc.strerror or exc}")
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        return None, Diagnostic(str(path), line, column, "syntax",
                                "the file is not UTF-8 text; save it as UTF-8")


@dataclass
class _Pending:
    """An undefined step waiting for ranked suggestions (ranked in one batch at the end)."""

    path: str
    line: int
    column: int
    keyword: str
    kind: str
    text: str  # as the runner sees it (placeholders filled)
    raw: str  # as written (placeholders kept), used to fill suggestions


class Checker:
    """Checks feature files against one step catalogue and one set of settings."""

    def __init__(self, catalogue: Sequence[StepDef], settings: Settings, *, suggestions: int = 3) -> None:
        self.catalogue = list(catalogue)
        self.settings = settings
        self.suggestions = suggestions
        self._personas: dict[str, PersonaError | None] = {}
        self._known_details: set[str] | None = None

    # -- entry points ------------------------------------------------------------------------------
    def check_paths(self, paths: Iterable[str | Path]) -> CheckResult:
        files = feature_files(paths)
        if not files:
            raise FeatureError(f"no .feature files in {', '.join(str(p) for p in paths)}",
                               hint="name feature files or a folder that holds them")
        result = CheckResult()
        pending: list[_Pending] = []
        for path in files:
            text, problem = read_text(path)
            result.files += 1
            if problem is not None or text is None:
                result.diagnostics.append(problem)  # type: ignore[arg-type]
                continue
            self._check_text(text, str(path), result, pending)
        self._suggest(pending, result)
        result.diagnostics = _dedupe(result.diagnostics)
        return result

    def check_text(self, text: str, path: str = "<text>") -> CheckResult:
        """Check one feature file's text (the property tests feed arbitrary text here)."""
        result = CheckResult(files=1)
        pending: list[_Pending] = []
        self._check_text(text, path, result, pending)
        self._suggest(pending, result)
        result.diagnostics = _dedupe(result.diagnostics)
        return result

    # -- one file ----------------------------------------------------------------------------------
    def _check_text(self, text: str, path: str, result: CheckResult, pending: list[_Pending]) -> None:
        from gherkin.pickles.compiler import Compiler

        text = text.removeprefix("\ufeff")  # a byte-order mark is not part of the first line
        document, problems = parse(text, path)
        result.diagnostics.extend(problems)
        if document is None:
            return
        feature = document.get("feature")
        if not feature:
            if text.strip() and not all(line.strip().startswith("#") for line in text.splitlines() if line.strip()):
                result.diagnostics.append(Diagnostic(path, 1, 1, "structure", "no 'Feature:' line in the file"))
            return
        lines = text.splitlines()
        steps, rows = index(feature)
        result.diagnostics.extend(description_problems(feature, lines, path))
        for scenario in scenarios(feature):
            result.scenarios += 1
            result.diagnostics.extend(outline_problems(scenario, path))
        result.diagnostics.extend(first_step_problems(feature, path))
        result.diagnostics.extend(self._check_tags(feature, path))
        try:
            pickles = Compiler().compile(document)  # type: ignore[arg-type]
        except Exception as exc:  # the compiler should accept any parsed document; say so if not
            result.diagnostics.append(Diagnostic(path, 1, 1, "syntax", f"cannot compile the scenarios: {exc}"))
            return
        counted: set[str] = set()
        for pickle in pickles:
            for pstep in pickle.get("steps", []):
                ids = pstep.get("astNodeIds") or []
                step = steps.get(ids[0]) if ids else None
                if step is None:
                    continue
                row = rows.get(ids[1]) if len(ids) > 1 else None
                if step["id"] not in counted:
                    counted.add(step["id"])
                    result.steps += 1
                kind = PICKLE_TYPES.get(pstep.get("type", ""))
                if kind is None:  # a scenario starting with And/But: reported by _first_step_problems
                    continue
                self._check_step(path, step, row, kind, pstep["text"], result, pending)
        # Outlines with no Examples rows compile to nothing; check their steps as written.
        for scenario in scenarios(feature):
            if scenario.get("examples") and not any(ex.get("tableBody") for ex in scenario["examples"]):
                kind = "given"
                for step in scenario.get("steps", []):
                    kind = PICKLE_TYPES.get(step.get("keywordType", ""), kind)
                    if step["id"] not in counted:
                        counted.add(step["id"])
                        result.steps += 1
                    self._check_step(path, step, None, kind, step["text"], result, pending)

    def _check_step(self, path: str, step: dict[str, Any], row: dict[str, Any] | None, kind: str, text: str,
                    result: CheckResult, pending: list[_Pending]) -> None:
        line, column = step["location"]["line"], step["location"]["column"]
        keyword = step["keyword"].strip()
        if len(text) > MAX_STEP_CHARS:
            result.diagnostics.append(Diagnostic(
                path, line, column, "structure",
                f"this step is {len(text)} characters long; keep a step to one sentence "
                f"(at most {MAX_STEP_CHARS} characters) and put long text in a doc string"))
            return
        found = matching(self.catalogue, kind, text)
        if not found:
            pending.append(_Pending(path, line, column, keyword, kind, text, step["text"]))
            return
        if len(found) > 1 and not _is_override(found):
            listed = [f"{d.keyword} {d.pattern}   ({d.source or d.module})" for d in found]
            result.diagnostics.append(Diagnostic(
                path, line, column, "ambiguous-step",
                f"{len(found)} step definitions match {keyword} {text!r}; reword the step or one of the "
                "definitions so only one matches", tuple(listed), label="matches"))
            return
        definition = found[-1]
        arguments = definition.arguments(text)
        if "persona" in arguments:
            self._check_persona(path, step, row, str(arguments["persona"]), result)
        if "page" in arguments:
            self._check_page(path, step, row, str(arguments["page"]), result)
        if arguments.get("detail"):
            self._check_detail(path, step, row, str(arguments["detail"]), result)

    def _check_persona(self, path: str, step: dict[str, Any], row: dict[str, Any] | None, value: str,
                       result: CheckResult) -> None:
        if PLACEHOLDER.fullmatch(value.strip()):
            return
        if value not in self._personas:
            from harness.personas import load_persona

            try:
                load_persona(value, self.settings)
                self._personas[value] = None
            except PersonaError as exc:
                self._personas[value] = exc
        error = self._personas[value]
        if error is None:
            return
        line, column = value_location(step, row, value)
        close = re.search(r"did you mean '([^']+)'", error.hint or "")
        fixes = fixed_line(step, line, value, close.group(1)) if close else ()
        message = f"{error.message}; {error.hint}" if error.hint else error.message
        result.diagnostics.append(Diagnostic(path, line, column, "unknown-persona", message, fixes))

    def _check_page(self, path: str, step: dict[str, Any], row: dict[str, Any] | None, value: str,
                    result: CheckResult) -> None:
        import difflib

        name = value.strip()
        if name.startswith(("/", "http://", "https://")) or PLACEHOLDER.fullmatch(name) or name in self.settings.pages:
            return
        known = sorted(self.settings.pages)
        line, column = value_location(step, row, value)
        close = difflib.get_close_matches(name, known, n=1, cutoff=0.5)
        fixes = fixed_line(step, line, value, close[0]) if close else ()
        result.diagnostics.append(Diagnostic(
            path, line, column, "unknown-page",
            f"unknown page {name!r}; known pages: {', '.join(known) or 'none'}; add it under "
            "[tool.empathy.pages] in pyproject.toml or write a path such as \"/contact\"", fixes))

    def _check_detail(self, path: str, step: dict[str, Any], row: dict[str, Any] | None, value: str,
                      result: CheckResult) -> None:
        """'my favourite colour' is no detail a persona has: the step would fail at run time."""
        import difflib

        if PLACEHOLDER.search(value):
            return
        known = self._detail_keys()
        try:
            detail_key(value, known)
        except FeatureError as exc:
            line, column = value_location(step, row, value)
            names = sorted({*PHRASES, *(k.replace("_", " ") for k in known)})
            close = difflib.get_close_matches(value.lower(), names, n=3, cutoff=0.6)
            fixes = tuple(f for c in close for f in fixed_line(step, line, value, c))
            if not close:
                canonical = sorted({k.replace("_", " ") for k in known})
                message = f"{exc.message}; details a persona can give: {', '.join(canonical)}"
            else:
                message = exc.message
            result.diagnostics.append(Diagnostic(path, line, column, "unknown-detail", message, fixes))

    def _detail_keys(self) -> set[str]:
        """Every data key some persona of this workspace can give (built-in keys and persona files)."""
        if self._known_details is None:
            from harness.personas import list_personas
            from harness.personas.keys import DETAIL_KEYS

            keys = set(DETAIL_KEYS) | set(self.settings.details)  # a site's own names for details
            try:
                for persona in list_personas(self.settings):
                    data = persona.data
                    keys.update(data.fields, data.fixed, data.patterns, data.secrets)
            except PersonaError:
                pass  # a broken persona file is reported where a step names that persona
            self._known_details = keys
        return self._known_details

    def _check_tags(self, feature: dict[str, Any], path: str) -> list[Diagnostic]:
        """`@allow:<rule>` tags must name a real rule, or the scenario silently keeps the check on."""
        from harness.checks import ALLOW_PREFIX, allowed_rules

        out = []
        nodes = [feature, *blocks(feature)]
        nodes += [c["rule"] for c in feature.get("children", []) if "rule" in c]
        nodes += [ex for block in blocks(feature) for ex in block.get("examples", [])]
        for node in nodes:
            for tag in node.get("tags", []):
                if not tag["name"].lstrip("@").startswith(ALLOW_PREFIX):
                    continue
                try:
                    allowed_rules([tag["name"]])
                except FeatureError as exc:
                    out.append(Diagnostic(path, tag["location"]["line"], tag["location"]["column"], "unknown-rule",
                                          f"{exc.message}; {exc.hint}" if exc.hint else exc.message))
        return out

    # -- suggestions -------------------------------------------------------------------------------
    def _suggest(self, pending: list[_Pending], result: CheckResult) -> None:
        if not pending:
            return
        from harness.features.suggest import suggest

        unique: dict[tuple[str, int, int], _Pending] = {}
        for item in pending:
            unique.setdefault((item.path, item.line, item.column), item)
        items = list(unique.values())
        ranked = suggest([(i.kind, i.text, i.raw) for i in items[:MAX_SUGGESTED]], self.catalogue, k=self.suggestions)
        ranked += [[] for _ in items[MAX_SUGGESTED:]]
        for item, options in zip(items, ranked, strict=True):
            wrong_keyword = [d for d in self.catalogue if not d.accepts(item.kind) and d.matches(item.text)]
            if wrong_keyword:
                right = wrong_keyword[0].keyword
                message = (f"no {item.kind.capitalize()} step matches {item.text!r}, but a {right} step does: "
                           f"start it with {right}")
                fixes: tuple[str, ...] = (f"{right} {item.raw}",)
            else:
                message = f"no step definition matches {item.keyword} {item.text!r}"
                fixes = tuple(o.line(item.keyword, item.kind) for o in options)
            result.diagnostics.append(Diagnostic(item.path, item.line, item.column, "undefined-step", message, fixes))


def _is_override(found: list[StepDef]) -> bool:
    """A workspace step with exactly the phrase of a package step replaces it: not an ambiguity."""
    return len({(d.kind, d.pattern) for d in found}) == 1


def _dedupe(items: Sequence[Diagnostic | None]) -> list[Diagnostic]:
    seen: set[tuple[str, int, int, str, str]] = set()
    out = []
    for d in items:
        if d is None:
            continue
        key = (d.path, d.line, d.column, d.rule, d.message)
        if key not in seen:
            seen.add(key)
            out.append(d)
    return sorted(out, key=Diagnostic.sort_key)
