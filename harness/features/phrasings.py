"""Every wording a step definition accepts, read from its regular expression.

`I (?:press|click|tap) "…"` already lists the synonyms its author expected; comparing a mistyped
step with each of them ("I clik" is one letter from "I click", not from "I press") ranks suggestions
better than comparing with the docstring example alone. Alternatives are varied one at a time, so
the count stays linear in the number of choices; named groups take the example's own values.
"""

from __future__ import annotations

import re
from typing import Any

from harness.features.catalogue import StepDef

MAX_PHRASINGS = 16
_UNKNOWN = "\x00"  # stands for text the walker cannot know; wordings holding it are dropped

try:  # the regular-expression parser: public as sre_parse before 3.11, re._parser since
    from re import _parser as sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover
    import sre_parse  # type: ignore[no-redef]

_C = sre_parse  # constants (LITERAL, BRANCH, …) live on the parser module in both versions


def _vary(parts: list[list[str]]) -> list[str]:
    """Defaults joined, then each part's other options one at a time (first = all defaults)."""
    base = [options[0] if options else "" for options in parts]
    out = ["".join(base)]
    for i, options in enumerate(parts):
        for option in options[1:]:
            out.append("".join(base[:i] + [option] + base[i + 1:]))
            if len(out) >= MAX_PHRASINGS:
                return out
    return out


def _render(items: Any, values: dict[int, str]) -> list[str]:
    parts: list[list[str]] = []
    for op, arg in items:
        name = str(op)
        if name == "LITERAL":
            parts.append([chr(arg)])
        elif name == "BRANCH":
            options: list[str] = []
            for alternative in arg[1]:
                options.extend(_render(alternative, values))
            options.sort(key=lambda text: _UNKNOWN in text)  # the alternative the example took comes first
            parts.append(options[:MAX_PHRASINGS])
        elif name == "SUBPATTERN":
            group, _, _, inner = arg
            if group is not None and values.get(group) is not None:
                parts.append([values[group]])
            else:
                parts.append(_render(inner, values))
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            low, high, inner = arg
            rendered = _render(inner, values)
            if low == 0 and high == 1 and len(rendered[0]) <= 1:
                parts.append([""])  # a/an, second/seconds: spelling leeway, not another wording
            elif low == 0 and high == 1:
                parts.append(["", *rendered])
            elif low == 0:
                parts.append([""])
            else:
                parts.append([rendered[0] * low])
        elif name == "IN":
            literal = next((chr(v) for o, v in arg if str(o) == "LITERAL"), _UNKNOWN)
            parts.append([literal])
        elif name in ("ANY", "NOT_LITERAL"):
            parts.append([_UNKNOWN])
        else:  # anchors, look-arounds, back references: nothing a person reads
            parts.append([""])
    return _vary(parts)


def _one_letter_apart(a: str, b: str) -> bool:
    """'5 second' and '5 seconds' are one wording for a reader (also catches exact duplicates)."""
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    if len(long) - len(short) != 1:
        return False
    return any(long[:i] + long[i + 1:] == short for i in range(len(long)))


def phrasings(step: StepDef) -> list[str]:
    """The example first, then the other wordings the definition's regular expression accepts."""
    out = [step.example] if step.example else []
    regex = getattr(step.parser, "regex", None)
    if not isinstance(regex, re.Pattern) or not step.example:
        return out
    match = regex.fullmatch(step.example)
    if match is None:
        return out
    values = {i: match.group(i) for i in range(1, (regex.groups or 0) + 1)}
    try:
        tree = sre_parse.parse(regex.pattern, regex.flags)
        variants = _render(list(tree), values)
    except Exception:  # an expression this walker cannot read still has its example
        return out
    for text in variants:
        text = " ".join(text.split())
        if (text and _UNKNOWN not in text and not any(_one_letter_apart(text, o) for o in out)
                and regex.fullmatch(text)):
            out.append(text)
    return out[:MAX_PHRASINGS]
