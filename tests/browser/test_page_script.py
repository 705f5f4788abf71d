"""The page script's parts share one closure (page_script/__init__.py): a name one part declares at its top is
everyone's, so a second declaration of it, or a local binding of the same name, silently hides the first.

Why a test: two branches once each wrote a top-level function of the same name, and the later part's won; the
merge then left local helpers named as a top-level function of another part (a `covered` of three meanings).
"""

from __future__ import annotations

import re
from pathlib import Path

from harness.browser.page_script import PARTS

HERE = Path(__file__).resolve().parents[2] / "harness" / "browser" / "page_script"
TOP = re.compile(r"^(?:async\s+)?(?:function\*?|const|let|var|class)\s+([A-Za-z_$][\w$]*)", re.M)
LOCAL = re.compile(r"\b(?:function\*?|const|let|var|class)\s+([A-Za-z_$][\w$]*)")
PARAMS = re.compile(r"\bfunction\s*[\w$]*\s*\(([^)]*)\)|\(([\w$,\s.]*)\)\s*=>|\b([A-Za-z_$][\w$]*)\s*=>")
COMMENT = re.compile(r"(?:^|\s)//.*$")


def _parts() -> dict[str, str]:
    return {part: (HERE / part).read_text(encoding="utf-8") for part in PARTS}


def test_each_top_level_name_is_declared_once() -> None:
    declared: dict[str, list[str]] = {}
    for part, text in _parts().items():
        for name in TOP.findall(text):
            declared.setdefault(name, []).append(part)
    twice = {name: parts for name, parts in declared.items() if len(parts) > 1}
    assert not twice, f"declared twice in the page script's one closure (the later hides the earlier): {twice}"


def test_no_local_binding_hides_a_top_level_name() -> None:
    parts = _parts()
    top = {name: part for part, text in parts.items() for name in TOP.findall(text)}
    hidden = []
    for part, text in parts.items():
        for n, line in enumerate(text.splitlines(), 1):
            line = COMMENT.sub("", line)
            if not line[:1].isspace() and TOP.match(line):
                line = line[TOP.match(line).end():]  # type: ignore[union-attr]  # the declaration itself
            names = set(LOCAL.findall(line))
            for groups in PARAMS.findall(line):
                names.update(p.strip(" .") for g in groups for p in g.split(",") if p.strip(" ."))
            hidden += [f"{part}:{n} {name} (declared in {top[name]})" for name in sorted(names & top.keys())]
    assert not hidden, f"a local name hides a top-level one of the page script: {hidden}"
