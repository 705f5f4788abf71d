"""Draw a seeded random sample of prompt pairs from real catalogues, to label for `bench/prompt_pairs.py`.

Why a script: a stranger's pair set is only a fair judge if anyone can draw the same pairs again and
see that none was picked by hand, nor by a comparer. The prompts are the gettext entries whose first
source reference is a form, model, fields or profile module (where field labels, help texts and
placeholders live), of 1 to 16 words, that read as no message. Each anchor, drawn with `random.Random(seed)`,
gets a partner by turns (neighbours twice as often: most same pairs are a label and its help): a prompt of the
same catalogue sharing a content word with it (labels of the same thing or of the same kind of value), its
neighbour in the same source file (a label and its help text), or a prompt of another of the catalogues sharing
a content word (the same field on another product's form). No similarity of any kind chooses a partner. Prints
one JSON line per pair with the fields of `bench/data/outside/prompt_pairs.jsonl` left to label (`label`,
`reason`); bench/data/stranger8/README.md has the command that drew that set.

With `--fields`, each catalogue is a package's source folder instead, and the prompts are its form and model
fields that carry both a label and a help text (read from the code: `verbose_name=`/`label=` or the first string,
and `help_text=`): a random draw from gettext strings holds almost no label with the sentence that asks for its
value, yet that is the class a comparer misses most. Each drawn field's label is paired, by turns, with its own
help text or with the help text of a field near it in the same file (a label against another field's question).
"""

from __future__ import annotations

import argparse
import ast
import json
import random
import re
import sys
from pathlib import Path
from typing import Any

FORM_SOURCE = re.compile(r"(^|/)(forms?|models|fields)(/[^/]*)?\.py$|/(forms?|fields)/[^/]*\.jsx?$|Form[^/]*\.jsx?$")
MESSAGE = re.compile(r"\b(must|cannot|can't|invalid|not allowed|already|has been|have been|was|were|no longer|"
                     r"unavailable|error|failed|please)\b|[!<{%]|^\[", re.I)
WORD = re.compile(r"[a-z]{3,}")
FILLER = {"the", "and", "for", "your", "you", "this", "that", "with", "are", "can", "will", "not", "from",
          "have", "has", "which", "what", "when", "who", "how", "should", "must", "here", "there", "its",
          "all", "any", "may", "one", "into", "only", "than", "then", "been", "was", "were", "they", "them"}


def _prompts(path: Path) -> list[dict[str, Any]]:
    import polib

    out = []
    for order, entry in enumerate(polib.pofile(str(path))):
        if not entry.msgid or entry.obsolete or entry.msgid_plural or not entry.occurrences:
            continue
        source, line = entry.occurrences[0]
        words = len(entry.msgid.split())
        if FORM_SOURCE.search(source) and 1 <= words <= 16 and not MESSAGE.search(entry.msgid):
            out.append({"text": entry.msgid, "msgctxt": entry.msgctxt or "", "source": source,
                        "line": int(line or 0), "order": order})
    return out


def _literal(node: ast.expr | None) -> str:
    """A string literal, bare or wrapped in a gettext call (`_("…")`, `gettext_lazy("…")`); else ''."""
    if isinstance(node, ast.Call):
        node = node.args[0] if node.args else next((k.value for k in node.keywords if k.arg == "message"), None)
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return " ".join(node.value.split())
    return ""


def _fields(root: Path) -> list[dict[str, Any]]:
    """Fields with a label and a help text in the package's form and model modules, in file and line order."""
    out = []
    for path in sorted(root.rglob("*.py")):
        rel = path.relative_to(root).as_posix()
        if not FORM_SOURCE.search(rel) or "/migrations/" in rel or "/tests/" in rel:
            continue
        try:
            tree = ast.parse(path.read_text(encoding="utf-8"))
        except (SyntaxError, UnicodeDecodeError):
            continue
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            kw = {k.arg: k.value for k in node.keywords if k.arg}
            help_text = _literal(kw.get("help_text"))
            label = _literal(kw.get("verbose_name") or kw.get("label") or (node.args[0] if node.args else None))
            if (label and 3 <= len(help_text.split()) <= 40 and help_text.lower() != label.lower()
                    and "{" not in help_text and not MESSAGE.search(label)):
                out.append({"text": label, "help": help_text, "msgctxt": "", "source": rel, "line": node.lineno})
    for order, field in enumerate(out):
        field["order"] = order
    return out


def _field_pairs(index: int, anchor: dict[str, Any], pool: list[dict[str, Any]],
                 rng: random.Random) -> tuple[dict[str, Any], dict[str, Any]]:
    """By turns: the field's label against its own help text, and against a nearby field's help text."""
    own = {**anchor, "text": anchor["help"]}
    if index % 2 == 0:
        return anchor, own
    near = [p for p in pool if p["source"] == anchor["source"] and 0 < abs(p["order"] - anchor["order"]) <= 3
            and p["help"].lower() != anchor["help"].lower()]
    other = rng.choice(near) if near else own
    return anchor, {**other, "text": other["help"]}


def _content(text: str) -> set[str]:
    return set(WORD.findall(text.lower())) - FILLER


def _partner(mode: int, anchor: dict[str, Any], pool: list[dict[str, Any]], others: list[dict[str, Any]],
             rng: random.Random) -> dict[str, Any]:
    """Mode 0: a prompt of the same catalogue sharing a content word; 1: a neighbour in the same source file
    (catalogue order); 2: a prompt of another catalogue sharing a content word."""
    same = [p for p in pool if p["text"].lower() != anchor["text"].lower()]
    words = _content(anchor["text"])
    if mode == 0:
        near = [p for p in same if _content(p["text"]) & words]
    elif mode == 1:
        near = [p for p in same if p["source"] == anchor["source"] and 0 < abs(p["order"] - anchor["order"]) <= 3]
    else:
        near = [p for p in others if _content(p["text"]) & words and p["text"].lower() != anchor["text"].lower()]
    return rng.choice(near or same)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("seed", type=int)
    parser.add_argument("split")
    parser.add_argument("root", type=Path, help="folder holding the unpacked packages")
    parser.add_argument("catalogues", nargs="+", help="package=version:path:count:domain")
    parser.add_argument("--fields", action="store_true",
                        help="each path is a source folder: pair fields' labels with help texts")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    specs = []
    for spec in args.catalogues:
        try:
            package_version, path, count, domain = spec.rsplit(":", 3)
            package, version = package_version.split("=", 1)
        except ValueError:
            parser.error(f"{spec!r}: expected package=version:path:count:domain")
        found = _fields(args.root / path) if args.fields else _prompts(args.root / path)
        prompts = [{**p, "package": package, "version": version, "path": path} for p in found]
        specs.append((prompts, int(count), domain))
    for pool, count, domain in specs:
        others = [p for other, _, _ in specs if other is not pool for p in other]
        for index, anchor in enumerate(rng.sample(pool, min(count, len(pool)))):
            if args.fields:
                anchor, partner = _field_pairs(index, anchor, pool, rng)
            else:
                partner = _partner((0, 1, 2, 1)[index % 4], anchor, pool, others, rng)
            row = {"a": anchor["text"], "b": partner["text"], "label": "", "domain": domain, "split": args.split,
                   "reason": ""}
            for side, item in (("a", anchor), ("b", partner)):
                row[f"source_{side}"] = {"registry": "pypi", "package": item["package"], "version": item["version"],
                                         "path": f"{item['path']}/{item['source']}" if args.fields else item["path"],
                                         "key": item["text"],
                                         **({"msgctxt": item["msgctxt"]} if item["msgctxt"] else {}),
                                         "ref": f"{item['source']}:{item['line']}"}
            print(json.dumps(row, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
