"""Parse a feature file with the official Gherkin parser and say what is wrong in plain words.

The parser's own messages ("expected: #EOF, #TableRow, … got 'Wehn I click'") are written for
parser authors; a product owner needs "this line is not a step; did you mean 'When'?".
"""

from __future__ import annotations

import difflib
import re
from typing import Any

from harness.features.diagnostics import Diagnostic

_GOT = re.compile(r"got '(?P<got>.*)'\s*$", re.DOTALL)
_POSITION = re.compile(r"^\(\d+:\d+\):\s*")


def dialect_keywords(language: str) -> dict[str, list[str]]:
    """Step keywords, block keywords (Scenario:, Examples: …) and Feature keywords of a Gherkin language."""
    from gherkin.dialect import Dialect

    dialect = Dialect.for_name(language) or Dialect.for_name("en")
    assert dialect is not None  # English always exists
    return {
        "step": sorted({k.strip() for k in (*dialect.given_keywords, *dialect.when_keywords,
                                             *dialect.then_keywords, *dialect.and_keywords,
                                             *dialect.but_keywords) if k.strip() != "*"}),
        "block": sorted({k.strip() for k in (*dialect.feature_keywords, *dialect.scenario_keywords,
                                              *dialect.scenario_outline_keywords, *dialect.background_keywords,
                                              *dialect.examples_keywords, *dialect.rule_keywords)}),
        "feature": sorted({k.strip() for k in dialect.feature_keywords}),
    }


def _language(text: str) -> str:
    match = re.search(r"^\s*#\s*language\s*:\s*(\S+)", text[:2000], re.MULTILINE)
    return match.group(1) if match else "en"


def head_word(line: str) -> str:
    """What may be a keyword at the start of a line: the text before a colon ("Scenario Outine"), else the
    first word ("Wehn")."""
    text = line.strip()
    before, colon, _ = text.partition(":")
    if colon and 0 < len(before.split()) <= 3:
        return before.strip()
    return text.split(maxsplit=1)[0] if text else ""


def closest_keyword(head: str, keywords: list[str]) -> str | None:
    """The keyword a misspelt or mis-capitalised word most likely meant ('then' -> 'Then')."""
    by_case = {k.lower(): k for k in keywords}
    if head.lower() in by_case:
        return by_case[head.lower()]
    close = difflib.get_close_matches(head, keywords, n=1, cutoff=0.6)
    return close[0] if close else None


def _explain_unexpected(raw: str, got: str, language: str) -> tuple[str, tuple[str, ...]]:
    """A plain-English reason for an unexpected line, and a corrected line when one is likely."""
    words = dialect_keywords(language)
    head = head_word(got)
    expected = raw.split("got", 1)[0]
    if "#FeatureLine" in expected and "#StepLine" not in expected:
        fix = closest_keyword(head, words["block"])
        if fix and fix != head:
            return (f"'{head}' is not a Gherkin keyword", (got.replace(head, fix, 1),))
        return ("a feature file must start with 'Feature: <name>' (tags and comments may come first)",
                (f"Feature: {got}",))
    fix = closest_keyword(head, words["step"] + words["block"])
    close = [fix] if fix else []
    if fix and fix != head and fix.lower() == head.lower():
        return (f"keywords start with a capital letter: write '{fix}', not '{head}'", (got.replace(head, fix, 1),))
    if close and close[0] != head:
        return (f"'{head}' is not a Gherkin keyword", (got.replace(head, close[0], 1),))
    if "#StepLine" in expected:
        return ("this line is not a step: start it with Given, When, Then, And or But "
                "(or '#' to make it a comment)", ())
    return (f"this line cannot appear here: {got[:80]!r}", ())


def _explain(error: Exception, text: str) -> tuple[str, tuple[str, ...]]:
    raw = _POSITION.sub("", str(error)).strip()
    name = type(error).__name__
    if name == "UnexpectedEOFException":
        if "#DocStringSeparator" in raw:
            return ('the file ends inside a doc string: close it with a line of """', ())
        return (f"the file ends too early ({raw})", ())
    if "inconsistent cell count" in raw:
        return ("this table row has a different number of cells from the first row", ())
    if name == "NoSuchLanguageException":
        return (f"{raw}; remove the '# language:' line or use a code such as 'en'", ())
    if "tag may not contain whitespace" in raw:
        return ("a tag cannot contain spaces: write @one-word tags, separated by spaces", ())
    match = _GOT.search(raw)
    if name == "UnexpectedTokenException" and match:
        return _explain_unexpected(raw, match.group("got").strip(), _language(text))
    return (raw, ())


def parse(text: str, path: str) -> tuple[dict[str, Any] | None, list[Diagnostic]]:
    """The Gherkin document (as the parser's dict) or None, and syntax diagnostics with line and column."""
    from gherkin.errors import CompositeParserException, ParserException
    from gherkin.parser import Parser

    try:
        document: dict[str, Any] = dict(Parser().parse(text))
    except (CompositeParserException, ParserException) as exc:
        errors = list(getattr(exc, "errors", None) or [exc])
        out: list[Diagnostic] = []
        seen: set[tuple[int, int]] = set()
        for error in errors:
            location = getattr(error, "location", None) or {}
            line, column = int(location.get("line") or 1), int(location.get("column") or 1)
            if (line, column) in seen:
                continue
            seen.add((line, column))
            message, fixes = _explain(error, text)
            out.append(Diagnostic(path, line, max(column, 1), "syntax", message, fixes))
        return None, out
    except RecursionError:
        return None, [Diagnostic(path, 1, 1, "syntax", "the file is too deeply nested to read")]
    document["uri"] = path
    return document, []
