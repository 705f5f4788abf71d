"""The layering contract: each package imports only from the layers below it (checked on every import).

Why: a cycle hidden behind function-level imports (steps -> runner -> features -> steps) makes a change in
one place break another at run time; with the layers written down, a new upward import fails here,
naming the file and line. Imports under `if TYPE_CHECKING:` are annotations only and do not count.
"""

from __future__ import annotations

import ast
from pathlib import Path

HARNESS = Path(__file__).resolve().parents[1] / "harness"
# top to bottom; a package may import its own layer's neighbours only where listed together
LAYERS: list[set[str]] = [
    {"cli"},
    {"audit"},
    {"plugin", "suite", "shard"},
    {"steps"},
    {"runner"},
    {"features", "browser", "reporting", "demo"},
    {"checks"},
    {"language", "personas", "phrases"},
    {""},  # the `harness` package itself: its version and public names, from the layers below
    {"config", "transcript", "findings", "hooks", "names"},
    {"exceptions"},
]
SAME_LAYER_OK = {("browser", "demo"), ("demo", "browser"), ("features", "reporting"), ("reporting", "features"),
                 ("plugin", "runner"), ("plugin", "shard")}


def _layer(package: str) -> int:
    for i, names in enumerate(LAYERS):
        if package in names:
            return i
    raise AssertionError(f"harness/{package}: not in the layering contract; add it to LAYERS in {__file__}")


def _package(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def _imports(tree: ast.AST) -> list[tuple[int, str]]:
    """(line, module) of every harness import outside `if TYPE_CHECKING:` blocks."""
    found: list[tuple[int, str]] = []

    def visit(node: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and "TYPE_CHECKING" in ast.unparse(child.test):
                for other in child.orelse:
                    visit(other)
                continue
            if isinstance(child, ast.Import):
                found.extend((child.lineno, a.name) for a in child.names if a.name.split(".")[0] == "harness")
            elif isinstance(child, ast.ImportFrom) and (child.module or "").split(".")[0] == "harness":
                found.append((child.lineno, child.module or ""))
            visit(child)

    visit(tree)
    return found


def upward_imports(root: Path = HARNESS) -> list[str]:
    """Every import of a package in a higher layer (or, in the same layer, of a package not listed as ok)."""
    bad = []
    for path in sorted(root.rglob("*.py")):
        rel = path.relative_to(root.parent)
        here = _package(".".join(rel.with_suffix("").parts))
        here = "" if here == "__init__" else here
        for line, module in _imports(ast.parse(path.read_text(encoding="utf-8"))):
            there = _package(module)
            if there == here:
                continue
            mine, theirs = _layer(here), _layer(there)
            if theirs < mine or (theirs == mine and (here, there) not in SAME_LAYER_OK):
                bad.append(f"{rel}:{line}: {here or 'harness'} (layer {mine}) imports {module} (layer {theirs})")
    return bad


def test_no_package_imports_upward() -> None:
    assert upward_imports() == []


def test_an_upward_import_is_caught(tmp_path: Path) -> None:
    fake = tmp_path / "harness"
    (fake / "checks").mkdir(parents=True)
    (fake / "checks" / "rule.py").write_text("def f():\n    from harness.browser.actor import Actor\n",
                                             encoding="utf-8")
    (fake / "checks" / "typed.py").write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from harness.runner import x\n", encoding="utf-8")
    assert upward_imports(fake) == [
        "harness/checks/rule.py:2: checks (layer 6) imports harness.browser.actor (layer 5)"]
