"""Draw a seeded random sample of catalogue entries to label for `bench/catalogue_lint.py`.

Why a script: a sample is only a fair judge if anyone can draw the same entries again and see that
none was picked by hand. Entries are every gettext entry with a msgid (not obsolete) or every JSON
string leaf (YAML: every string leaf under the locale's root key), sampled with `random.Random(seed)` in the
order the catalogues are given; `--skip` leaves out keys the catalogue itself files as labels (Redmine's
`label_`, `field_`), so a sample of a large catalogue holds enough messages. Prints one
JSON line per entry with the fields of `bench/data/catalogue_samples.jsonl` left to label
(`message`, `kind`, `cold`) and, for the labeller only, the catalogue's comments (`_context`).

    python bench/catalogue_draw.py 24 held-apart-2 /tmp/cat \\
        flask-security-too=5.9.2:flask_security/translations/flask_security.pot:40 ...
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any


def _po(path: Path) -> Iterator[dict[str, Any]]:
    import polib

    for entry in polib.pofile(str(path)):
        if entry.msgid and not entry.obsolete:
            yield {"msgctxt": entry.msgctxt or "", "msgid": entry.msgid,
                   "source": entry.occurrences[0][0] if entry.occurrences else "",
                   "_context": " ".join(p for p in (entry.tcomment, entry.comment) if p)}


def _json(value: Any, key: str = "") -> Iterator[dict[str, Any]]:
    if isinstance(value, dict):
        for name, child in value.items():
            yield from _json(child, f"{key}.{name}" if key else name)
    elif isinstance(value, list):
        for n, child in enumerate(value):
            yield from _json(child, f"{key}[{n}]")
    elif isinstance(value, str):
        yield {"key": key, "msgid": value, "source": ""}


def _yaml(path: Path) -> Iterator[dict[str, Any]]:
    import yaml

    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if isinstance(data, dict) and len(data) == 1:
        data = next(iter(data.values()))
    yield from _json(data)


def _entries(path: Path) -> list[dict[str, Any]]:
    if path.suffix == ".json":
        return list(_json(json.loads(path.read_text(encoding="utf-8"))))
    return list(_yaml(path) if path.suffix in (".yml", ".yaml") else _po(path))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("seed", type=int)
    parser.add_argument("split")
    parser.add_argument("root", type=Path, help="folder holding the unpacked packages")
    parser.add_argument("specs", nargs="+", help="package=version:catalogue path under root:how many")
    parser.add_argument("--skip", default="", help="regular expression: leave out entries whose key it matches")
    args = parser.parse_args()
    skip = re.compile(args.skip) if args.skip else None
    rng = random.Random(args.seed)
    for spec in args.specs:
        package, rest = spec.split("=", 1)
        version, catalogue, count = rest.split(":")
        found = sorted(p for p in args.root.rglob(Path(catalogue).name) if str(p).endswith(catalogue))
        if not found:
            print(f"{catalogue}: not found under {args.root}", file=sys.stderr)
            return 2
        path = found[0]
        entries = [e for e in _entries(path) if not (skip and skip.search(str(e.get("key", ""))))]
        for entry in rng.sample(entries, min(int(count), len(entries))):
            row = {"package": package, "version": version, "catalogue": catalogue, **entry,
                   "message": None, "kind": None, "cold": None, "split": args.split}
            print(json.dumps(row, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
