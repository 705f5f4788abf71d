"""Reading a parsed Gherkin document: its blocks, steps and Examples rows, and the structural mistakes
pytest-bdd would refuse or silently misread (a step in description text, an And first, an unused column).

Kept apart from the checker so the checker holds only what needs the step catalogue and the settings.
"""

from __future__ import annotations

import re
from typing import Any

from harness.features.diagnostics import Diagnostic
from harness.features.syntax import closest_keyword, dialect_keywords, head_word

PICKLE_TYPES = {"Context": "given", "Action": "when", "Outcome": "then"}
PLACEHOLDER = re.compile(r"<([^<>\n]+)>")


def scenarios(feature: dict[str, Any]) -> list[dict[str, Any]]:
    out = []
    for child in feature.get("children", []):
        if "scenario" in child:
            out.append(child["scenario"])
        elif "rule" in child:
            out.extend(c["scenario"] for c in child["rule"].get("children", []) if "scenario" in c)
    return out


def blocks(feature: dict[str, Any]) -> list[dict[str, Any]]:
    """Backgrounds and scenarios, in and out of rules: every block that holds steps."""
    out = []
    for child in feature.get("children", []):
        for key in ("background", "scenario"):
            if key in child:
                out.append(child[key])
        if "rule" in child:
            for inner in child["rule"].get("children", []):
                for key in ("background", "scenario"):
                    if key in inner:
                        out.append(inner[key])
    return out


def index(feature: dict[str, Any]) -> tuple[dict[str, dict[str, Any]], dict[str, dict[str, Any]]]:
    """AST steps by id, and Examples rows by id (each with its header, to find a value's cell)."""
    steps: dict[str, dict[str, Any]] = {}
    rows: dict[str, dict[str, Any]] = {}
    for block in blocks(feature):
        for step in block.get("steps", []):
            steps[step["id"]] = step
        for examples in block.get("examples", []):
            header = [c["value"] for c in (examples.get("tableHeader") or {}).get("cells", [])]
            for row in examples.get("tableBody", []):
                rows[row["id"]] = {"header": header, "cells": row["cells"]}
    return steps, rows


def value_location(step: dict[str, Any], row: dict[str, Any] | None, value: str) -> tuple[int, int]:
    """Where a bad value was written: its Examples cell when it came from one, else the step."""
    if row is not None:
        for name in PLACEHOLDER.findall(step["text"]):
            for header, cell in zip(row["header"], row["cells"], strict=False):
                if header == name and cell["value"] and cell["value"] in value:
                    return cell["location"]["line"], cell["location"]["column"]
    return step["location"]["line"], step["location"]["column"]


def fixed_line(step: dict[str, Any], line: int, value: str, better: str) -> tuple[str, ...]:
    """The corrected step line, or just the corrected value when it sits in an Examples cell."""
    if line != step["location"]["line"]:
        return (better,)
    if value in step["text"]:
        return (f"{step['keyword'].strip()} {step['text'].replace(value, better, 1)}",)
    return ()


def description_problems(feature: dict[str, Any], lines: list[str], path: str) -> list[Diagnostic]:
    """Lines Gherkin silently took as description text, though the author meant a step or a block."""
    import difflib

    words = dialect_keywords(feature.get("language", "en"))
    step_words, block_words = set(words["step"]), set(words["block"])

    out = []
    nodes = [feature, *blocks(feature)]
    nodes += [c["rule"] for c in feature.get("children", []) if "rule" in c]
    for node in nodes:
        description = node.get("description") or ""
        if not description.strip():
            continue
        described = {line.strip() for line in description.splitlines()}
        start = node["location"]["line"]  # description follows the node's own line
        for number in range(start, min(len(lines), start + description.count("\n") + 40)):
            line = lines[number]
            stripped = line.strip()
            if not stripped or stripped not in described:
                continue
            column = len(line) - len(line.lstrip()) + 1
            first = stripped.split(maxsplit=1)[0]
            head = head_word(stripped)
            has_colon = stripped.startswith(head + ":") and head != first
            if first in step_words:
                out.append(Diagnostic(path, number + 1, column, "structure",
                                      "this step is outside any Scenario, so it is read as description text; "
                                      "put a 'Scenario: <name>' line above it"))
            elif head in words["feature"] and first.endswith(":"):
                out.append(Diagnostic(path, number + 1, column, "structure",
                                      "a file can hold only one Feature; move this one to its own file"))
            elif (first.endswith(":") or has_colon) and head not in block_words:
                fix = closest_keyword(head, sorted(block_words))
                if fix and difflib.SequenceMatcher(None, head.lower(), fix.lower()).ratio() >= 0.75:
                    out.append(Diagnostic(path, number + 1, column, "syntax",
                                          f"'{head}' is not a Gherkin keyword, so this line is read as "
                                          "description text", (stripped.replace(head, fix, 1),)))
            elif len(stripped.split()) > 2:
                fix = closest_keyword(first, sorted(step_words))
                if fix and difflib.SequenceMatcher(None, first.lower(), fix.lower()).ratio() >= 0.75:
                    out.append(Diagnostic(path, number + 1, column, "syntax",
                                          f"'{first}' is not a Gherkin keyword, so this line is read as "
                                          "description text", (stripped.replace(first, fix, 1),)))
    return out


def first_step_problems(feature: dict[str, Any], path: str) -> list[Diagnostic]:
    """pytest-bdd refuses a scenario or background whose first step is And or But."""
    out = []
    for block in blocks(feature):
        steps = block.get("steps") or []
        if steps and steps[0].get("keywordType") not in PICKLE_TYPES:
            first = steps[0]
            out.append(Diagnostic(path, first["location"]["line"], first["location"]["column"], "structure",
                                  f"the first step cannot start with {first['keyword'].strip()!r}: "
                                  "start it with Given, When or Then",
                                  (f"Given {first['text']}",)))
    return out


def outline_problems(scenario: dict[str, Any], path: str) -> list[Diagnostic]:
    """Examples columns no step uses, and placeholders no Examples column fills."""
    import difflib

    examples = scenario.get("examples") or []
    if not examples:
        return []
    texts = [scenario.get("name", "")]
    for step in scenario.get("steps", []):
        texts.append(step["text"])
        if step.get("docString"):
            texts.append(step["docString"].get("content", ""))
        for row in (step.get("dataTable") or {}).get("rows", []):
            texts.extend(cell["value"] for cell in row["cells"])
    used = {name for text in texts for name in PLACEHOLDER.findall(text)}
    out = []
    columns: set[str] = set()
    for table in examples:
        for cell in (table.get("tableHeader") or {}).get("cells", []):
            columns.add(cell["value"])
            if cell["value"] not in used:
                out.append(Diagnostic(path, cell["location"]["line"], cell["location"]["column"], "structure",
                                      f"Examples column {cell['value']!r} is not used by any step; write "
                                      f"<{cell['value']}> in a step or remove the column"))
    if not any(table.get("tableHeader") for table in examples):
        return out
    for step in scenario.get("steps", []):
        for name in PLACEHOLDER.findall(step["text"]):
            if name not in columns:
                close = difflib.get_close_matches(name, sorted(columns), n=1, cutoff=0.6)
                fixed = step["text"].replace(f"<{name}>", f"<{close[0]}>") if close else ""
                fixes = (f"{step['keyword'].strip()} {fixed}",) if close else ()
                out.append(Diagnostic(path, step["location"]["line"], step["location"]["column"], "structure",
                                      f"<{name}> has no Examples column of that name; add a column {name!r} "
                                      "or fix the spelling", fixes))
    return out
