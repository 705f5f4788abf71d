"""Find, read, merge and validate persona files; every failure is one PersonaError naming file, key and fix.

Why this shape: persona files are written by people and shared between teams, so the loader is
strict (schema with `extra="forbid"`), safe (`yaml.safe_load` only, size and nesting bounded so a
hostile or broken file cannot hang or exhaust the run) and forgiving in one way only: feature text
such as "an anxious customer" or "\"hurried\"" resolves to the persona it obviously means.

Built-ins ship in `harness/personas/builtin/`; a workspace file of the same name (in the
`personas_dir` setting) replaces the built-in one. `extends: other` deep-merges this file over the
resolved `other` (mappings merge, lists and values replace; name, aliases and extends are never
inherited).
"""

from __future__ import annotations

import difflib
import re
import typing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from harness.config import Settings, load_settings
from harness.exceptions import PersonaError
from harness.personas.model import Persona, allowed_text

BUILTIN_DIR = Path(__file__).parent / "builtin"
MAX_BYTES = 256 * 1024  # a persona file is a page of YAML; anything larger is a mistake
MAX_NODES = 5000  # counts every value YAML builds, so alias bombs stop early
MAX_DEPTH = 20
NOT_INHERITED = ("name", "aliases", "extends")
# Safe loading only: the C build of SafeLoader when PyYAML has it (it bounds nesting and is ~100x
# faster on hostile input such as 100 KB of "["), else the pure-Python SafeLoader. Never yaml.Loader.
_SAFE_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_FILLER_WORDS = ("customer", "persona", "user", "person", "visitor", "member")


@dataclass(frozen=True)
class PersonaFile:
    """Where a persona is defined: its name (the file stem), path, and 'built-in' or 'workspace'."""

    name: str
    path: Path
    origin: str


# -- discovery -------------------------------------------------------------------------------------
def persona_files(settings: Settings | None = None) -> dict[str, PersonaFile]:
    """Every persona file by name; a workspace file overrides the built-in file of the same name."""
    settings = settings or load_settings()
    found: dict[str, PersonaFile] = {}
    for folder, origin in ((BUILTIN_DIR, "built-in"), (settings.path("personas_dir"), "workspace")):
        if not folder.is_dir():
            continue
        for path in sorted([*folder.glob("*.yml"), *folder.glob("*.yaml")]):  # .yaml wins over .yml
            if path.is_file():
                found[path.stem] = PersonaFile(path.stem, path, origin)
    return found


# -- reading one file ------------------------------------------------------------------------------
def read_persona_file(path: Path) -> dict[str, Any]:
    """The file's YAML as a mapping, or a PersonaError saying why it cannot be one."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise PersonaError(f"{path}: cannot read persona file: {exc.strerror or exc}") from None
    if len(raw) > MAX_BYTES:
        raise PersonaError(
            f"{path}: persona file is {len(raw) // 1024} KB",
            hint=f"a persona file must be under {MAX_BYTES // 1024} KB",
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise PersonaError(f"{path}: not UTF-8 text (byte {exc.start})", hint="save the file as UTF-8") from None
    return parse_persona_text(text, path)


def parse_persona_text(text: str, path: Path | str = "<text>") -> dict[str, Any]:
    """Parse persona YAML safely; bounded in size, nesting and node count."""
    try:
        data = yaml.load(text, Loader=_SAFE_LOADER)  # safe: see _SAFE_LOADER
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = f":{mark.line + 1}" if mark is not None else ""
        raise PersonaError(
            f"{path}{line}: not valid YAML: {exc.problem or exc.context}",
            hint="check indentation and quoting",
        ) from None
    except (yaml.YAMLError, RecursionError, ValueError, OverflowError) as exc:
        raise PersonaError(
            f"{path}: not valid YAML: {type(exc).__name__}", hint="check indentation and quoting"
        ) from None
    if data is None:
        raise PersonaError(f"{path}: persona file is empty", hint="start with 'description: ...'")
    if not isinstance(data, dict):
        raise PersonaError(
            f"{path}: a persona file must be a mapping of keys to values, not a {_kind(data)}",
            hint="start with 'description: ...'",
        )
    _check_bounds(data, path)
    return data


def _kind(value: object) -> str:
    return {list: "list", str: "text", int: "number", float: "number", bool: "true/false"}.get(
        type(value), type(value).__name__
    )


def _check_bounds(data: object, path: Path | str) -> None:
    """Refuse alias bombs, self-referencing structures and deep nesting before anything walks them."""
    stack: list[tuple[object, int]] = [(data, 0)]
    nodes = 0
    while stack:
        value, depth = stack.pop()
        nodes += 1
        if nodes > MAX_NODES or depth > MAX_DEPTH:
            raise PersonaError(
                f"{path}: persona file is too large or too deeply nested",
                hint=f"at most {MAX_NODES} values and {MAX_DEPTH} levels",
            )
        if isinstance(value, dict):
            for key, item in value.items():
                if not isinstance(key, str):
                    raise PersonaError(
                        f"{path}: key {str(key)[:40]!r} is not text",
                        hint="keys are words such as 'habits' or 'typo'",
                    )
                stack.append((item, depth + 1))
        elif isinstance(value, list):
            stack.extend((item, depth + 1) for item in value)


# -- names and aliases -----------------------------------------------------------------------------
def _normalise(phrase: str) -> str:
    text = re.sub(r"\s+", " ", phrase).strip().strip("\"'`“”‘’ ").strip().lower()
    return re.sub(r"^(an?|the)\s+", "", text)


def _candidates(phrase: str) -> list[str]:
    text = _normalise(phrase)
    out = [text, text.replace(" ", "-")]
    words = text.split(" ")
    if len(words) > 1 and words[-1] in _FILLER_WORDS:
        short = " ".join(words[:-1])
        out += [short, short.replace(" ", "-")]
    return out


def _aliases(files: dict[str, PersonaFile]) -> dict[str, str]:
    """Normalised alias -> persona name; workspace aliases win; unreadable files are skipped here."""
    table: dict[str, str] = {}
    ordered = sorted(files.values(), key=lambda f: f.origin == "workspace")
    for pf in ordered:
        try:
            aliases = read_persona_file(pf.path).get("aliases") or []
        except PersonaError:
            continue
        if isinstance(aliases, list):
            for alias in aliases:
                if isinstance(alias, str) and alias.strip():
                    table[_normalise(alias)] = pf.name
    return table


def resolve_name(phrase: str, files: dict[str, PersonaFile]) -> str:
    """The persona a phrase from a feature file means ('an anxious customer' -> 'anxious')."""
    for candidate in _candidates(phrase):
        if candidate in files:
            return candidate
    aliases = _aliases(files)
    for candidate in _candidates(phrase):
        if candidate in aliases:
            return aliases[candidate]
    known = sorted(files)
    pool = {**aliases, **{n: n for n in known}}
    close = difflib.get_close_matches(_candidates(phrase)[0], list(pool), n=1, cutoff=0.5)
    tip = f"did you mean {pool[close[0]]!r}? " if close else ""
    raise PersonaError(
        f"unknown persona {phrase[:80]!r}",
        hint=f"{tip}known personas: {', '.join(known) or 'none'}; or add personas/<name>.yaml",
    )


# -- loading ---------------------------------------------------------------------------------------
def load_persona(name: str, settings: Settings | None = None) -> Persona:
    """The named persona (or a phrase naming it), with `extends` resolved and the schema checked."""
    settings = settings or load_settings()
    files = persona_files(settings)
    resolved = resolve_name(name, files)
    layers = _layers(resolved, files, chain=())
    merged: dict[str, Any] = {}
    for _pf, raw in reversed(layers):
        merged = _deep_merge({k: v for k, v in merged.items() if k not in NOT_INHERITED}, raw)
    merged.setdefault("name", resolved)
    try:
        persona = Persona.model_validate(merged)
    except ValidationError as exc:
        raise _explain(exc, layers) from None
    persona._sources = tuple(pf.path for pf, _ in layers)
    persona._origin = layers[0][0].origin
    return persona


def list_personas(settings: Settings | None = None) -> list[Persona]:
    """Every persona, sorted by name; a broken file raises its PersonaError."""
    settings = settings or load_settings()
    return [load_persona(name, settings) for name in sorted(persona_files(settings))]


def _layers(
    name: str, files: dict[str, PersonaFile], chain: tuple[str, ...]
) -> list[tuple[PersonaFile, dict[str, Any]]]:
    """This file and the files it extends, child first; cycles and unknown parents are errors."""
    pf = files[name]
    raw = read_persona_file(pf.path)
    own = raw.get("name", name)
    if own != name:
        raise PersonaError(
            f"{pf.path}: name: {str(own)[:60]!r} differs from the file name {name!r}",
            hint=f"rename the file to {own}.yaml or set 'name: {name}'",
        )
    parent = raw.get("extends")
    if parent is None:
        return [(pf, raw)]
    if not isinstance(parent, str):
        raise PersonaError(f"{pf.path}: extends: must be a persona name", hint=f"known: {', '.join(sorted(files))}")
    if parent == name or parent in chain:
        loop = " -> ".join((*chain, name, parent))
        raise PersonaError(f"{pf.path}: extends: cycle {loop}", hint="remove 'extends' from one of these files")
    if parent not in files:
        close = difflib.get_close_matches(parent, list(files), n=1)
        tip = f"did you mean {close[0]!r}? " if close else ""
        raise PersonaError(
            f"{pf.path}: extends: unknown persona {parent[:60]!r}",
            hint=f"{tip}known personas: {', '.join(sorted(files))}",
        )
    return [(pf, raw), *_layers(parent, files, (*chain, name))]


def _deep_merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in over.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _deep_merge(out[key], value)
        else:
            out[key] = value
    return out


# -- turning a validation error into one line ------------------------------------------------------
def _explain(exc: ValidationError, layers: list[tuple[PersonaFile, dict[str, Any]]]) -> PersonaError:
    errors = exc.errors(include_url=False)
    err = errors[0]
    loc = tuple(err["loc"])
    keypath = ".".join(str(p) for p in loc) or "(top level)"
    pf, raw = max(layers, key=lambda layer: _depth_present(layer[1], loc))  # first (child) wins ties
    line = _line_of(pf.path, loc)
    where = f"{pf.path}:{line}" if line else str(pf.path)
    problem, allowed = _describe(err, loc)
    more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
    return PersonaError(f"{where}: {keypath}: {problem}{more}", hint=f"allowed: {allowed}")


def _depth_present(raw: object, loc: tuple[Any, ...]) -> int:
    depth = 0
    for part in loc:
        if isinstance(raw, dict) and part in raw:
            raw = raw[part]
        elif isinstance(raw, list) and isinstance(part, int) and 0 <= part < len(raw):
            raw = raw[part]
        else:
            break
        depth += 1
    return depth


def _line_of(path: Path, loc: tuple[Any, ...]) -> int | None:
    """1-based line of the deepest key of `loc` present in the file (composed, never constructed)."""
    try:
        node: Any = yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    except Exception:  # noqa: BLE001 - a line number is a nicety; the error itself still stands
        return None
    line = None
    for part in loc:
        if isinstance(node, yaml.MappingNode):
            match = next(((k, v) for k, v in node.value if getattr(k, "value", None) == str(part)), None)
            if match is None:
                break
            line, node = match[0].start_mark.line + 1, match[1]
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            node = node.value[part]
            line = node.start_mark.line + 1
        else:
            break
    return line


def _describe(err: Any, loc: tuple[Any, ...]) -> tuple[str, str]:
    """(what is wrong, what is allowed) for one pydantic error, read from the schema itself."""
    kind = err["type"]
    owner, field_name, annotation, info = _schema_at(loc)
    if kind == "extra_forbidden":
        known = sorted(owner.model_fields) if owner else []
        close = difflib.get_close_matches(str(loc[-1]), known, n=1)
        tip = f"did you mean {close[0]!r}? " if close else ""
        return "unknown key", f"{tip}keys here are {', '.join(known)}"
    allowed = _allowed(annotation, info)
    if kind == "missing":
        return "is required", allowed
    if kind in ("value_error", "assertion_error"):
        return str(err["msg"]).removeprefix("Value error, "), allowed
    hidden = loc[:2] == ("data", "secrets")
    shown = "" if hidden else f"{_short(err.get('input'))} "
    return f"{shown}is not allowed", allowed


def _short(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _schema_at(loc: tuple[Any, ...]) -> tuple[type[BaseModel] | None, str, Any, Any]:
    """Walk the Persona schema along `loc`: (model owning the last key, key, its type, its FieldInfo)."""
    model: type[BaseModel] | None = Persona
    owner: type[BaseModel] | None = Persona
    annotation: Any = Persona
    info: Any = None
    name = ""
    for part in loc:
        if model is not None and isinstance(part, str) and part in model.model_fields:
            owner, name = model, part
            info = model.model_fields[part]
            annotation = info.annotation
        elif typing.get_args(annotation):
            annotation, info = typing.get_args(annotation)[-1], None  # into a list item or dict value
        else:
            owner = model if isinstance(part, str) else owner
            break
        model = annotation if isinstance(annotation, type) and issubclass(annotation, BaseModel) else None
    return owner, name, annotation, info


def _allowed(annotation: Any, info: Any) -> str:
    described = getattr(info, "description", "") or ""
    text = allowed_text(annotation, info)
    return f"{text}. {described}" if described else text
