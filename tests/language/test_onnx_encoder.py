"""The ONNX Runtime encoder: sentence-transformers' vectors within int8 rounding, without torch at run time."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from harness.language import embeddings, onnx_encoder

pytestmark = [pytest.mark.model, pytest.mark.subprocess]

TEXTS = [
    "Email address",
    "  Enter your date of birth, for example 14 8 1987  ",
    "Numéro de téléphone · 電話番号",
    "We could not take your payment. Nothing has been charged. Try another card or call us on 0800 000 000.",
    "x",
    " ".join(["Your claim reference is HM-2291 and we will call you within two working days."] * 30),
]


@pytest.fixture(scope="module")
def reference() -> onnx_encoder.TorchEncoder:
    return onnx_encoder.TorchEncoder(onnx_encoder.load_sentence_transformer(embeddings.model_path()))


def test_the_run_time_encoder_is_onnx_runtime() -> None:
    """`make setup` exports the graph; if export broke, this would silently fall back to the slow path."""
    assert isinstance(embeddings.get_model(), onnx_encoder.OnnxEncoder)


def test_vectors_stay_within_rounding_of_sentence_transformers(reference: onnx_encoder.TorchEncoder) -> None:
    """Truncation past max_seq_length, stripping and non-ASCII as the reference does; int8 moves vectors ~1 %."""
    fast = embeddings.get_model().encode(TEXTS)
    slow = reference.encode(TEXTS)
    assert fast.shape == slow.shape == (len(TEXTS), embeddings.DIMENSIONS)
    assert fast.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(fast, axis=1), 1.0, atol=1e-5)
    cosines = (fast * slow).sum(axis=1)
    assert cosines.min() >= onnx_encoder.AGREEMENT and cosines.mean() >= 0.98, cosines


def test_a_texts_vector_does_not_depend_on_the_texts_beside_it() -> None:
    """int8 activations are scaled per run: batched, a vector would shift with its neighbours (cosine ~0.988)."""
    together = embeddings.get_model().encode(TEXTS)
    for index, text in enumerate(TEXTS):
        np.testing.assert_array_equal(embeddings.get_model().encode([text])[0], together[index])


def test_no_texts_give_no_vectors() -> None:
    assert embeddings.get_model().encode([]).shape == (0, embeddings.DIMENSIONS)


def test_similarities_rank_as_sentence_transformers_rank_them(reference: onnx_encoder.TorchEncoder) -> None:
    """What the checks use is which texts are close: every text keeps its nearest neighbour, and no
    similarity moves by more than rounding (bench/quantisation.py: 0.083 at worst over 44,253 label pairs;
    0.044 here on this machine; a broken graph moves them by tenths)."""
    labels = ["Email address", "Your e-mail", "Phone number", "Mobile telephone", "Date of birth",
              "When were you born?", "Postcode", "Zip/Postal code", "Card number", "Name on the card",
              "We could not take your payment", "Your payment failed"]
    fast, slow = embeddings.get_model().encode(labels), reference.encode(labels)
    fast_sim, slow_sim = fast @ fast.T, slow @ slow.T
    np.fill_diagonal(fast_sim, -1)
    np.fill_diagonal(slow_sim, -1)
    assert list(fast_sim.argmax(axis=1)) == list(slow_sim.argmax(axis=1))
    assert np.abs(fast_sim - slow_sim).max() < 0.1


def test_embedding_in_a_new_process_never_imports_torch(tmp_path: Path) -> None:
    script = ("import json, sys\n"
              "from harness.language import embeddings\n"
              "embeddings.embed(['a text no cache has seen 7f3a'])\n"
              "print(json.dumps({'stats': embeddings.cache_stats(), 'heavy': sorted(m for m in "
              "('torch', 'transformers', 'sentence_transformers', 'sklearn') if m in sys.modules)}))\n")
    env = {**os.environ, embeddings.CACHE_ENV: str(tmp_path)}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120,
                          check=True)
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["stats"]["computed"] == 1
    assert result["heavy"] == []


def test_a_stamp_vouches_only_for_the_file_and_weights_it_was_written_for(tmp_path: Path) -> None:
    graph = tmp_path / "g.onnx"
    graph.write_bytes(b"graph")
    stat = graph.stat()
    graph.with_suffix(".json").write_text(json.dumps({"weights_sha256": "a" * 64, "size": stat.st_size,
                                                      "mtime_ns": stat.st_mtime_ns}), encoding="utf-8")
    assert onnx_encoder._stamped(graph, "a" * 64)
    assert not onnx_encoder._stamped(graph, "b" * 64)  # other weights: export again
    graph.write_bytes(b"graph, half written")
    assert not onnx_encoder._stamped(graph, "a" * 64)
    assert not onnx_encoder._stamped(tmp_path / "missing.onnx", "a" * 64)


def test_a_failed_export_falls_back_to_sentence_transformers(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                                              reference: onnx_encoder.TorchEncoder) -> None:
    monkeypatch.setenv(onnx_encoder.MODEL_CACHE_ENV, str(tmp_path / "models"))

    def broken_export(*_: object) -> None:
        raise RuntimeError("no exporter here")

    monkeypatch.setattr(onnx_encoder, "export", broken_export)
    monkeypatch.setattr(onnx_encoder, "load_sentence_transformer", lambda _: reference.model)
    encoder = onnx_encoder.load_encoder(embeddings.model_path(), embeddings.MODEL_SHA256)
    assert isinstance(encoder, onnx_encoder.TorchEncoder)
    vector = encoder.encode(["Email address"])[0]
    assert float(vector @ embeddings.get_model().encode(["Email address"])[0]) > onnx_encoder.AGREEMENT


def test_the_fallbacks_float_vectors_stay_out_of_the_disk_cache(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                                               reference: onnx_encoder.TorchEncoder) -> None:
    monkeypatch.setenv(embeddings.CACHE_ENV, str(tmp_path))
    monkeypatch.setattr(embeddings, "_model", reference)
    embeddings.reset_memory_cache()
    text = f"fallback only {os.getpid()}"
    embeddings.embed([text])
    embeddings.reset_memory_cache()
    cache = embeddings._DiskCache(tmp_path)
    try:
        assert cache.get_many([embeddings._text_key(text)]) == {}
    finally:
        cache.close()
        embeddings.reset_memory_cache()


def test_model_cache_follows_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv(onnx_encoder.MODEL_CACHE_ENV, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert onnx_encoder.model_cache_dir() == tmp_path / "xdg" / "empathy-harness"
    monkeypatch.setenv(onnx_encoder.MODEL_CACHE_ENV, str(tmp_path / "mine"))
    assert onnx_encoder.graph_path("c" * 64).parent == tmp_path / "mine"


def test_an_unwritable_model_cache_falls_back_too(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                                   reference: onnx_encoder.TorchEncoder,
                                                   caplog: pytest.LogCaptureFixture) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("a file where the model cache folder should be", encoding="utf-8")
    monkeypatch.setenv(onnx_encoder.MODEL_CACHE_ENV, str(blocker / "models"))
    monkeypatch.setattr(onnx_encoder, "load_sentence_transformer", lambda _: reference.model)
    encoder = onnx_encoder.load_encoder(embeddings.model_path(), embeddings.MODEL_SHA256)
    assert isinstance(encoder, onnx_encoder.TorchEncoder)
    assert "through sentence-transformers" in caplog.text
