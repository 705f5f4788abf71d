"""How `empathy copy lint` does on real catalogues: false alarms per 100 entries on labelled samples.

The samples (bench/data/catalogue_samples.jsonl) are entries drawn at random from catalogues that
registry packages ship, labelled by hand before the linter scored them: is it a message at all (a
label, heading, button, name, lone question or help text is not), its kind, and whether it is cold
by the cold-copy criteria (harness/language/copy_criteria/: codes or jargon, blame, generic wording, no fix
or next step, stonewalling), with the outside corpus's rubric (bench/data/outside/RUBRIC.md). Splits:

- "tuned" (seed 22: Django's core catalogue, django-allauth, @vee-validate/i18n): looked at while the
  linter was built;
- "held-apart" (seed 23: Django's admin catalogue): labelled afterwards; its misses were listed in the
  README and read again in the ninth session, so it is no longer a stranger's sample;
- "dev" (seed 25: django-cms 5.1.3, Docusaurus' theme translations 3.10.2, django-filer 3.6.0): drawn in
  the ninth session to work from;
- "held-apart-2" (seed 24: Flask-Security-Too 5.9.2, Sphinx 9.0.4, WTForms 3.3.2, zod-i18n-map 2.27.0,
  django-two-factor-auth 1.18.1): drawn and labelled in the ninth session before any linter ran on it,
  measured before the changes and once after; never read for errors.

`bench/catalogue_draw.py` draws the same entries again from the same seeds. The catalogues themselves
are not in the repo; fetch them with the registries' own clients:

    pip download --no-deps django==5.2.19 django-allauth==65.22.1 django-cms==5.1.3 django-filer==3.6.0 \
        flask-security-too==5.9.2 sphinx==9.0.4 wtforms==3.3.2 django-two-factor-auth==1.18.1 -d /tmp/cat
    (cd /tmp/cat && for w in *.whl; do unzip -qo "$w"; done)
    (cd /tmp/cat && npm pack @vee-validate/i18n@4.15.1 && tar xzf vee-validate-i18n-4.15.1.tgz)
    (cd /tmp/cat && npm pack zod-i18n-map@2.27.0 @docusaurus/theme-translations@3.10.2 && mkdir -p zod docu \
        && tar xzf zod-i18n-map-2.27.0.tgz -C zod && tar xzf docusaurus-theme-translations-3.10.2.tgz -C docu)
    python bench/catalogue_lint.py /tmp/cat [--split dev]

Prints per catalogue and overall: sampled entries, false alarms (cold verdicts on labels or on
messages labelled not cold) per 100 entries, labels or placeholders reported cold, labels linted at
all, messages taken for labels, cold messages caught, and how often the kind (so the suggestion) fits.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "bench" / "data" / "catalogue_samples.jsonl"


def _key(row: dict) -> str:
    if "key" in row:
        return str(row["key"])
    return f"{row['msgctxt']}|{row['msgid']}" if row.get("msgctxt") else str(row["msgid"])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", type=Path, help="folder holding the unpacked packages")
    parser.add_argument("--errors", action="store_true", help="list every sampled entry judged wrongly")
    parser.add_argument("--split", action="append", help="only this split (repeatable); --errors never lists "
                        "a held-apart split's entries unless it is named here")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from harness.language.copy_lint import lint
    from harness.language.placeholders import has_placeholder, value_for

    # What placeholders read as: an E1 (jargon) finding quoting one of these, or a raw placeholder,
    # means a placeholder was judged as jargon.
    values = {v for v in (value_for(n) for n in ("x", "count", "email", "url", "date", "time", "name", "site",
                                                 "model", "field", "file")) if v}
    rows = [json.loads(line) for line in SAMPLES.read_text(encoding="utf-8").splitlines() if line.strip()]
    by_catalogue: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for row in rows:
        if not args.split or row["split"] in args.split:
            by_catalogue[(row["split"], row["catalogue"])].append(row)
    totals: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for (split, catalogue), sample in sorted(by_catalogue.items(), reverse=True):
        found = sorted(p for p in args.root.rglob(Path(catalogue).name) if str(p).endswith(catalogue))
        if not found:
            print(f"{catalogue}: not found under {args.root} (see the docstring for how to fetch it)")
            return 2
        records, _ = lint([found[0]])
        verdict = {r["key"]: r for r in records}
        figures: dict[str, int] = defaultdict(int)
        for row in sample:
            record = verdict.get(_key(row))
            if record is None:
                print(f"  not in the catalogue: {_key(row)!r}")
                continue
            cold = record["verdict"] == "cold"
            figures["entries"] += 1
            figures["false alarms"] += cold and not row["cold"]
            figures["labels reported cold"] += cold and not row["message"]
            jargon = [r["detail"] for r in record.get("reasons", []) if r["code"] == "E1" and not r["ok"]]
            figures["placeholders read as jargon"] += has_placeholder(row["msgid"]) and any(
                "%" in d or "{" in d or any(v in d for v in values) for d in jargon)
            figures["labels linted"] += not row["message"] and record["verdict"] != "inapplicable"
            figures["messages taken for labels"] += row["message"] and record["verdict"] == "inapplicable"
            figures["cold"] += bool(row["cold"])
            figures["cold caught"] += bool(row["cold"]) and cold
            suggested = row["message"] and record.get("suggestion")
            figures["suggestions"] += bool(suggested)
            figures["suggestion of the right kind"] += bool(suggested) and record.get("kind") == row["kind"]
            wrong = (cold != bool(row["cold"])) or (not row["message"]) != (record["verdict"] == "inapplicable")
            unread = split.startswith("held-apart") and split not in (args.split or [])
            if args.errors and not unread and (wrong or suggested and record.get("kind") != row["kind"]):
                print(f"  [{row['package']}] want {'label' if not row['message'] else row['kind']}"
                      f"{' cold' if row['cold'] else ''} got {record['verdict']} {record.get('kind', '')}: "
                      f"{row['msgid'][:90]!r}")
        _report(f"[{split}] {row['package']} ({catalogue})", figures)
        for name, value in figures.items():
            totals[split][name] += value
    for split, total in sorted(totals.items(), reverse=True):
        _report(f"[{split}] all samples", total)
    return 0


def _report(name: str, f: dict[str, int]) -> None:
    per_100 = 100 * f["false alarms"] / f["entries"] if f["entries"] else 0.0
    print(f"{name}: {f['entries']} entries, false alarms {f['false alarms']} ({per_100:.1f} per 100 entries), "
          f"labels reported cold {f['labels reported cold']}, placeholders read as jargon "
          f"{f['placeholders read as jargon']}, labels linted "
          f"{f['labels linted']}, messages taken for labels {f['messages taken for labels']}, cold caught "
          f"{f['cold caught']}/{f['cold']}, suggestion of the message's kind "
          f"{f['suggestion of the right kind']}/{f['suggestions']}")


if __name__ == "__main__":
    sys.exit(main())
