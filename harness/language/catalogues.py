"""Read message catalogues (JSON, YAML, gettext .po, plain text) into messages with file and line.

Why line numbers matter: `empathy copy lint` reports like Vale (`file:line:col: rule: message`),
so a writer can jump to the string. JSON's own parser forgets positions, so JSON is walked with the
standard library's string scanner; YAML uses PyYAML's node marks (safe loader); .po uses polib.
What a person never sees is marked, not linted: a fuzzy .po translation (gettext shows the msgid) and a
JSON/YAML note for translators (`key___DESCRIPTION`, `{"message", "description"}`, ARB's `@key`), whose
text becomes the context of the string it describes.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from json.decoder import scanstring  # type: ignore[attr-defined]  # public since 2.6, not in typeshed
from pathlib import Path

import yaml

from harness.exceptions import EmpathyError

FORMATS = ("json", "yaml", "po", "text")


class CatalogueError(EmpathyError):
    """A catalogue file cannot be read or parsed; the message names the file and line."""

    exit_code = 2


@dataclass(frozen=True)
class CatalogueMessage:
    """One string from a catalogue, where it is, and the key path that names it."""

    file: str
    line: int
    col: int
    key: str
    text: str
    context: str = ""  # what the catalogue says about the string: msgctxt and comments (.po), a key's note
    note: bool = False  # a note for translators about another string, never shown to a person


def catalogue_format(path: Path) -> str:
    """The format from the file name: .json, .yaml/.yml, .po/.pot; anything else is one message a line."""
    suffix = path.suffix.lower()
    if suffix == ".json":
        return "json"
    if suffix in (".yaml", ".yml"):
        return "yaml"
    if suffix in (".po", ".pot"):
        return "po"
    return "text"


def read_catalogue(path: Path, fmt: str | None = None) -> list[CatalogueMessage]:
    """Every message string in the file, in file order."""
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise CatalogueError(f"{path}: no such file", hint="check the path") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise CatalogueError(f"{path}: cannot read ({exc})", hint="catalogues must be UTF-8 text files") from None
    reader = {"json": _json, "yaml": _yaml, "po": _po, "text": _text}[fmt or catalogue_format(path)]
    return reader(path, raw)


def _position(raw: str, index: int) -> tuple[int, int]:
    line = raw.count("\n", 0, index) + 1
    return line, index - (raw.rfind("\n", 0, index) + 1) + 1


class _JsonWalker:
    """A small recursive-descent walk of valid JSON that records where each string value starts."""

    _WS = re.compile(r"[ \t\n\r]*")
    _ATOM = re.compile(r"-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?|true|false|null")

    def __init__(self, path: Path, raw: str) -> None:
        self.path, self.raw, self.found = path, raw, []  # type: ignore[var-annotated]

    def _ws(self, i: int) -> int:
        return self._WS.match(self.raw, i).end()  # type: ignore[union-attr]

    def value(self, i: int, key: str) -> int:
        i = self._ws(i)
        ch = self.raw[i:i + 1]
        if ch == "{":
            i = self._ws(i + 1)
            if self.raw[i:i + 1] == "}":
                return i + 1
            while True:
                name, i = scanstring(self.raw, self._ws(i) + 1)
                i = self._ws(i) + 1  # the colon
                i = self._ws(self.value(i, f"{key}.{name}" if key else name))
                if self.raw[i] == "}":
                    return i + 1
                i += 1  # the comma
        if ch == "[":
            i, n = self._ws(i + 1), 0
            if self.raw[i:i + 1] == "]":
                return i + 1
            while True:
                i = self._ws(self.value(i, f"{key}[{n}]"))
                n += 1
                if self.raw[i] == "]":
                    return i + 1
                i += 1
        if ch == '"':
            text, end = scanstring(self.raw, i + 1)
            line, col = _position(self.raw, i + 1)
            self.found.append(CatalogueMessage(str(self.path), line, col, key, text))
            return end
        return self._ATOM.match(self.raw, i).end()  # type: ignore[union-attr]


def _json(path: Path, raw: str) -> list[CatalogueMessage]:
    try:
        json.loads(raw)
    except json.JSONDecodeError as exc:
        raise CatalogueError(f"{path}:{exc.lineno}:{exc.colno}: not valid JSON ({exc.msg})",
                             hint="fix the JSON, or give the file a .txt name for one message a line") from None
    walker = _JsonWalker(path, raw)
    walker.value(0, "")
    return _with_notes(walker.found)


# A key that holds a note about another key: `x___DESCRIPTION` or `x__comment` beside `x`, `x.description` beside
# `x.message` (Chrome's messages.json), and anything under ARB's `@x`. A plain `x_description` may be shown text.
_NOTE_KEY = re.compile(r"__+(?:description|comment|context|note)$|\.description$", re.IGNORECASE)


def _with_notes(found: list[CatalogueMessage]) -> list[CatalogueMessage]:
    """Mark notes for translators and give their text to the string they describe as its context."""
    keys = {m.key for m in found}
    notes: dict[str, str] = {}
    marked: set[str] = set()
    for m in found:
        base = _NOTE_KEY.sub("", m.key)
        arb = m.key.startswith("@") or ".@" in m.key
        options = (base.lstrip("@").replace(".@", "."),) if arb else (base, f"{base}.message") if base != m.key else ()
        described = next((k for k in options if k in keys and k != m.key and not k.endswith(".description")), None)
        if arb or described:
            marked.add(m.key)
        if described:
            notes[described] = f"{notes.get(described, '')} {m.text}".strip()
    return [replace(m, note=m.key in marked, context=" ".join(p for p in (m.context, notes.get(m.key, "")) if p))
            for m in found]


def _yaml(path: Path, raw: str) -> list[CatalogueMessage]:
    try:
        root = yaml.compose(raw, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}:{mark.column + 1}" if mark else str(path)
        raise CatalogueError(f"{where}: not valid YAML ({getattr(exc, 'problem', exc)})", hint="fix the YAML") from None
    found: list[CatalogueMessage] = []
    lines = raw.splitlines()

    def walk(node: yaml.Node | None, key: str) -> None:
        if isinstance(node, yaml.MappingNode):
            for k, v in node.value:
                walk(v, f"{key}.{k.value}" if key else str(k.value))
        elif isinstance(node, yaml.SequenceNode):
            for n, v in enumerate(node.value):
                walk(v, f"{key}[{n}]")
        elif isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:str" and node.value.strip():
            line, col = node.start_mark.line + 1, node.start_mark.column + 1
            if node.style in ("'", '"'):
                col += 1
            elif node.style in (">", "|") and line < len(lines):
                line += 1  # a block scalar's text starts on the next line
                col = len(lines[line - 1]) - len(lines[line - 1].lstrip()) + 1
            found.append(CatalogueMessage(str(path), line, col, key, node.value))

    walk(root, "")
    return _with_notes(found)


def _po(path: Path, raw: str) -> list[CatalogueMessage]:
    try:
        import polib
    except ImportError as exc:
        raise CatalogueError("reading .po files needs polib", hint="install it with: pip install polib") from exc
    try:
        entries = polib.pofile(raw)
    except (OSError, ValueError) as exc:
        raise CatalogueError(f"{path}: not a valid gettext file ({exc})", hint="fix the .po syntax") from None
    lines = raw.splitlines()
    found: list[CatalogueMessage] = []
    for entry in entries:
        if not entry.msgid or entry.obsolete:
            continue
        shown = "fuzzy" not in entry.flags  # gettext never shows a fuzzy translation: the msgid is what people see
        texts = ([entry.msgstr] if entry.msgstr and shown else []) or [
            v for _, v in sorted(entry.msgstr_plural.items()) if v and shown]
        keyword = "msgstr" if texts else "msgid"
        texts = texts or [entry.msgid]
        line, col = _po_line(lines, int(getattr(entry, "linenum", 1) or 1), keyword)
        context = " ".join(part for part in (entry.msgctxt, entry.tcomment, entry.comment) if part)
        for n, text in enumerate(texts):
            key = entry.msgctxt + "|" + entry.msgid if entry.msgctxt else entry.msgid
            found.append(CatalogueMessage(str(path), line, col, key if n == 0 else f"{key}[{n}]", text, context))
    return found


def _po_line(lines: list[str], start: int, keyword: str) -> tuple[int, int]:
    """The line and column of the entry's msgstr (or msgid) text, searching from polib's line."""
    for number in range(max(start, 1), len(lines) + 1):
        text = lines[number - 1]
        if text.startswith(keyword):
            quote = text.find('"')
            if text[quote:].strip() == '""' and number < len(lines) and lines[number].startswith('"'):
                return number + 1, 2  # the text starts on the continuation line
            return number, quote + 2
    return start, 1


def _text(path: Path, raw: str) -> list[CatalogueMessage]:
    found = []
    for number, line in enumerate(raw.splitlines(), start=1):
        stripped = line.strip()
        if stripped and not stripped.startswith("#"):
            found.append(CatalogueMessage(str(path), number, len(line) - len(line.lstrip()) + 1, "", stripped))
    return found
