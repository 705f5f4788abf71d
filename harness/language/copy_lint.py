"""Lint message catalogues with the copy scorer, Vale style: `file:line:col: rule: message`.

Why a filter: a catalogue also holds button labels and headings ("Continue", "Date of birth") that
are not messages and would drown the real findings. A string is linted when its key names a
message kind (`errors.*`, `*.confirmation`, …), or when its words carry a message cue; `all_strings`
lints everything, and plain-text catalogues are one message a line, all linted.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from harness.language.catalogues import CatalogueMessage, catalogue_format, read_catalogue

# Key path words -> message kind; the first match wins, so specific words come first. "errors.*" keys
# hold field errors as often as faults, so they mark a message but leave its kind to the text.
_KEY_HINTS: tuple[tuple[str, str | None], ...] = (
    (r"valid|invalid|required|field|format|too_?long|too_?short|missing", "validation"),
    (r"timeout|timed_?out|session|expire|inactiv|signed_?out", "timeout"),
    (r"hand_?off|hand_?over|transfer|agent|escalat", "handoff"),
    (r"empty|no_?results|no_?items|none_?found|nothing", "empty"),
    (r"confirm|success|submitted|thank|receipt|done|complete", "confirmation"),
    (r"status|loading|progress|pending|processing|waiting|busy", "status"),
    (r"fault|unavailable|declined|denied|exception|outage|maintenance", "error"),
    (r"errors?|fail|problem|oops|alert|warning|message|notice|toast|flash", None),
)
_KEY_RES = tuple((re.compile(rf"(?:^|[._\-\[\]|/\s]|\b)(?:{p})", re.IGNORECASE), k) for p, k in _KEY_HINTS)


@dataclass(frozen=True)
class LintFinding:
    """One alert: where, which rule, how severe, what to say, and the suggested rewrite."""

    file: str
    line: int
    col: int
    rule: str
    level: str
    message: str
    text: str
    suggestion: str = ""

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def kind_hint(key: str) -> str | None:
    """The message kind a catalogue key names, if any (`payment.declined` -> error, `errors.x` -> None)."""
    for pattern, kind in _KEY_RES:
        if pattern.search(key):
            return kind
    return None


def names_message(key: str) -> bool:
    """Whether the key says its string is a message (`errors.*`, `*.confirmation`, `flash.*`, …)."""
    return any(pattern.search(key) for pattern, _ in _KEY_RES)


def is_message(text: str, key: str) -> bool:
    """Whether a catalogue string is a message worth scoring rather than a label or a button."""
    from harness.language.copy_kinds import cue_counts

    if names_message(key):
        return True
    return any(cue_counts(text).values())


def collect(paths: Iterable[Path], all_strings: bool = False) -> list[tuple[CatalogueMessage, str | None]]:
    """Every message to score from the files, with the kind its key suggests."""
    out: list[tuple[CatalogueMessage, str | None]] = []
    for path in paths:
        plain = catalogue_format(path) == "text"
        for msg in read_catalogue(path):
            if plain or all_strings or is_message(msg.text, msg.key):
                out.append((msg, kind_hint(msg.key)))
    return out


def lint(paths: Iterable[Path], kind: str | None = None, all_strings: bool = False,
         ) -> tuple[list[dict[str, Any]], list[LintFinding]]:
    """Score every message in the files: (one record per message, the findings for cold/uncertain ones)."""
    from harness.language.copy import score_many

    found = collect(paths, all_strings)
    scores = score_many([{"text": m.text, "kind": kind or hint, "field": ""} for m, hint in found])
    records: list[dict[str, Any]] = []
    findings: list[LintFinding] = []
    for (msg, _), result in zip(found, scores, strict=True):
        records.append({"file": msg.file, "line": msg.line, "col": msg.col, "key": msg.key, "text": msg.text,
                        **result.to_dict()})
        if result.verdict == "warm":
            continue
        level = "error" if result.verdict == "cold" else "warning"
        flat = " ".join(msg.text.split())
        short = flat if len(flat) <= 60 else flat[:57] + "..."
        summary = f"'{short}' reads as {result.verdict} (score {result.score:.2f}, {result.kind})."
        findings.append(LintFinding(msg.file, msg.line, msg.col, f"copy.{result.verdict}", level, summary,
                                    msg.text, result.suggestion))
        for reason in result.reasons:
            if not reason.ok:
                findings.append(LintFinding(msg.file, msg.line, msg.col, f"{reason.code}-{reason.name}",
                                            reason.level, reason.detail, msg.text))
    return records, findings


def format_text(findings: list[LintFinding]) -> str:
    """Vale's line format; the verdict line carries the suggested rewrite."""
    lines = []
    for f in findings:
        tail = f" Try: {f.suggestion}" if f.suggestion else ""
        lines.append(f"{f.file}:{f.line}:{f.col}: {f.rule}: {f.message}{tail}")
    return "\n".join(lines)
