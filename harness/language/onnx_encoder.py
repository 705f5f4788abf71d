"""all-MiniLM-L6-v2 run by ONNX Runtime: sentence-transformers' vectors without its start-up cost.

Why: importing sentence-transformers (torch, transformers, SciPy, scikit-learn) takes about 11 s per
process on a 2-core machine, longer than scoring a thousand messages, and every xdist worker and CLI
call pays it. ONNX Runtime and the `tokenizers` library import in about 0.3 s. So the graph is exported
once per machine from the pinned, verified weights through sentence-transformers itself, fused by ONNX
Runtime's BERT optimiser, quantised to 8-bit weights the way sentence-transformers quantises its own
ONNX exports (`export_dynamic_quantized_onnx_model`: per-channel int8 weights, dynamic uint8
activations), checked against sentence-transformers' vectors before it is kept, and stored with a
stamp in the model cache (``$EMPATHY_MODEL_CACHE``, else ``$XDG_CACHE_HOME`` or ``~/.cache``, then
``empathy-harness/``). Encoding does what the model's modules.json says: tokenise (truncated at its
max_seq_length), run the transformer, mean-pool, normalise.

Why 8-bit: a thousand messages took 12 s in float32 on 2 cores, all of it matrix products; the int8
graph is 1.5 times faster, and its vectors stay within rounding of the float ones (mean cosine 0.991,
worst 0.963 over the labelled sets' 725 labels and messages: bench/quantisation.py) while the copy
scorer's and prompt comparer's benchmark figures do not move. Why one text per run: int8 activations
are scaled per run, so in a batch a text's vector would depend on its neighbours (cosine 0.988 between
alone and batched); alone it depends on the text only, needs no padding, and is no slower.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import warnings
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    from collections.abc import Sequence

MODEL_CACHE_ENV = "EMPATHY_MODEL_CACHE"
EXPORT_FORMAT = 3  # bump when the export changes, so old graphs are rebuilt (3: int8 weights)
VECTOR_FORMAT = f"onnx-int8-v{EXPORT_FORMAT}"  # what the cached vectors were made by (embeddings' disk cache key)
# Least cosine between the graph's vectors and sentence-transformers' on the probes: 8-bit rounding
# costs 1 % on average and 4 % at worst; a broken export (wrong inputs, pooling, truncation) lands far below.
AGREEMENT = 0.95
PROBES = ("Email address", "Enter your date of birth, for example 27 3 1990",
          "We could not take your payment. Nothing has been charged; try another card or call us.")
INPUTS = ("input_ids", "attention_mask", "token_type_ids")
log = logging.getLogger(__name__)


def usable_cores() -> int:
    """Cores this process may run on (its CPU affinity, as a container or taskset limits it)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # macOS and Windows have no affinity call
        return os.cpu_count() or 1


def model_cache_dir() -> Path:
    """Where exported graphs live; shared by every project on the machine, unlike the vector cache."""
    if os.environ.get(MODEL_CACHE_ENV):
        return Path(os.environ[MODEL_CACHE_ENV])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "empathy-harness"


def graph_path(weights_sha256: str) -> Path:
    """The exported graph for one set of weights (their SHA-256 names it)."""
    return model_cache_dir() / f"minilm-{weights_sha256[:16]}-v{EXPORT_FORMAT}.onnx"


class OnnxEncoder:
    """Tokenise, run the exported transformer, mean-pool and normalise: sentence-transformers' encode()."""

    caches_vectors = True  # its vectors are the ones VECTOR_FORMAT names

    def __init__(self, graph: Path, model_dir: Path) -> None:
        import onnxruntime
        from tokenizers import Tokenizer

        config = json.loads((model_dir / "sentence_bert_config.json").read_text(encoding="utf-8"))
        self.tokenizer = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
        self.tokenizer.enable_truncation(int(config["max_seq_length"]))
        self.tokenizer.no_padding()  # one text per run: tokenizer.json's fixed padding would only add work
        options = onnxruntime.SessionOptions()
        options.log_severity_level = 3
        # One thread per run and one run per core at once (see `encode`): small matrices split across
        # threads wait on each other, whole runs side by side do not (measured 1.45x on 2 cores), and
        # with no intra-op thread pool no idle thread spins on the cores the browsers need.
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        self.session = onnxruntime.InferenceSession(str(graph), options, providers=["CPUExecutionProvider"])
        self.workers = usable_cores()
        self.dimensions = int(json.loads((model_dir / "config.json").read_text(encoding="utf-8"))["hidden_size"])

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Unit-length float32 vectors in input order, each text run on its own (see the module's why)."""
        if not texts:
            return np.zeros((0, self.dimensions), dtype=np.float32)
        texts = [str(t).strip() for t in texts]  # sentence-transformers strips before tokenising
        # Tokenised here, in one thread: the tokenizer object is not shared across threads.
        runs = [np.asarray([e.ids], dtype=np.int64) for e in self.tokenizer.encode_batch(texts)]
        if len(runs) > 1 and self.workers > 1:  # ONNX Runtime releases the GIL while it runs
            with ThreadPoolExecutor(min(self.workers, len(runs))) as pool:
                vectors = list(pool.map(self._run, runs))
        else:
            vectors = [self._run(ids) for ids in runs]
        return np.vstack(vectors).astype(np.float32)

    def _run(self, ids: np.ndarray) -> np.ndarray:
        """One text's token ids in, its mean-pooled unit vector out (no padding, so every token counts)."""
        feed = dict(zip(INPUTS, (ids, np.ones_like(ids), np.zeros_like(ids)), strict=True))
        pooled = self.session.run(None, feed)[0][0].mean(axis=0)
        return pooled / max(float(np.linalg.norm(pooled)), 1e-12)


class TorchEncoder:
    """sentence-transformers itself: the reference, and the fallback when no graph can be made."""

    caches_vectors = False  # float vectors, not VECTOR_FORMAT's: kept out of the shared disk cache

    def __init__(self, model: Any) -> None:
        self.model = model

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        return self.model.encode(list(texts), batch_size=64, normalize_embeddings=True, convert_to_numpy=True,
                                 show_progress_bar=False).astype(np.float32)


def load_sentence_transformer(model_dir: Path) -> Any:
    """The model through sentence-transformers (slow to import; only for export, tests and fallback)."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    from sentence_transformers import SentenceTransformer

    with contextlib.suppress(Exception):  # cosmetic only
        from transformers.utils import logging as hf_logging

        hf_logging.disable_progress_bar()
    # Eager attention traces into a plain graph; its vectors equal the default (SDPA) ones.
    return SentenceTransformer(str(model_dir), device="cpu", model_kwargs={"attn_implementation": "eager"})


def export(model_dir: Path, graph: Path, weights_sha256: str) -> TorchEncoder:
    """Write the graph (atomically) after checking it reproduces sentence-transformers; returns the reference."""
    import torch

    reference = TorchEncoder(load_sentence_transformer(model_dir))
    transformer = reference.model[0].auto_model.eval()

    class LastHiddenState(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.transformer = transformer

        def forward(self, input_ids: Any, attention_mask: Any, token_type_ids: Any) -> Any:
            return self.transformer(input_ids=input_ids, attention_mask=attention_mask,
                                    token_type_ids=token_type_ids).last_hidden_state

    ids = torch.ones((2, 8), dtype=torch.long)
    mask = torch.ones((2, 8), dtype=torch.long)
    mask[1, 5:] = 0  # trace with padding so the mask is part of the graph
    axes = {name: {0: "batch", 1: "tokens"} for name in (*INPUTS, "last_hidden_state")}
    graph.parent.mkdir(parents=True, exist_ok=True)
    partial = graph.with_suffix(f".{os.getpid()}.partial")
    try:
        with warnings.catch_warnings(), torch.no_grad():
            warnings.simplefilter("ignore")  # the tracer's notes on shape-only branches
            torch.onnx.export(LastHiddenState(), (ids, mask, torch.zeros_like(ids)), str(partial),
                              input_names=list(INPUTS), output_names=["last_hidden_state"], dynamic_axes=axes,
                              opset_version=17, dynamo=False)
        _fuse(partial, json.loads((model_dir / "config.json").read_text(encoding="utf-8")))
        _quantise(partial)
        agreement = _agreement(OnnxEncoder(partial, model_dir), reference)
        if agreement < AGREEMENT:
            raise ValueError(f"exported graph disagrees with sentence-transformers (cosine {agreement:.5f})")
        partial.replace(graph)
    finally:
        partial.unlink(missing_ok=True)
    for stale in graph.parent.glob(graph.name.replace(f"-v{EXPORT_FORMAT}.onnx", "-v*")):
        if stale.stem != graph.stem:  # an older export format of the same weights: tens of MB each
            stale.unlink(missing_ok=True)
    stat = graph.stat()
    _stamp(graph).write_text(json.dumps({"weights_sha256": weights_sha256, "size": stat.st_size,
                                         "mtime_ns": stat.st_mtime_ns, "agreement": agreement}), encoding="utf-8")
    return reference


def _fuse(graph: Path, config: dict[str, Any]) -> None:
    """Fuse attention, GELU and layer norms in place with ONNX Runtime's BERT optimiser (1.5x on a busy machine)."""
    from onnxruntime.transformers.optimizer import optimize_model

    fused = optimize_model(str(graph), model_type="bert", num_heads=int(config["num_attention_heads"]),
                           hidden_size=int(config["hidden_size"]))
    fused.save_model_to_file(str(graph))


def _quantise(graph: Path) -> None:
    """Store every matrix product's weights as int8, in place, as sentence-transformers' own quantised exports do."""
    import onnx
    from onnxruntime.quantization import QuantType, quantize_dynamic

    quantised = graph.with_suffix(".int8")
    logging.disable(logging.WARNING)  # its advice to pre-process is for static quantisation of image models
    try:
        quantize_dynamic(str(graph), str(quantised), op_types_to_quantize=["MatMul", "Attention"], per_channel=True,
                         weight_type=QuantType.QInt8,
                         extra_options={"DefaultTensorType": onnx.TensorProto.FLOAT})  # for the fused ops
        quantised.replace(graph)
    finally:
        logging.disable(logging.NOTSET)
        quantised.unlink(missing_ok=True)


def _agreement(candidate: OnnxEncoder, reference: TorchEncoder) -> float:
    """Least cosine between the two encoders over the probe texts (the last one is truncated)."""
    texts = [*PROBES, " ".join(PROBES * 40)]  # longer than max_seq_length
    return float((candidate.encode(texts) * reference.encode(texts)).sum(axis=1).min())


def _stamp(graph: Path) -> Path:
    return graph.with_suffix(".json")


def _stamped(graph: Path, weights_sha256: str) -> bool:
    """True when the graph is the one this machine exported from these weights (size and mtime unchanged)."""
    try:
        stamp = json.loads(_stamp(graph).read_text(encoding="utf-8"))
        stat = graph.stat()
    except (OSError, ValueError):
        return False
    return stamp == {**stamp, "weights_sha256": weights_sha256, "size": stat.st_size, "mtime_ns": stat.st_mtime_ns}


def load_encoder(model_dir: Path, weights_sha256: str) -> OnnxEncoder | TorchEncoder:
    """The fast encoder, exporting its graph first when this machine has none; else sentence-transformers."""
    graph = graph_path(weights_sha256)
    if _stamped(graph, weights_sha256):
        return OnnxEncoder(graph, model_dir)
    from filelock import FileLock

    try:
        graph.parent.mkdir(parents=True, exist_ok=True)
        with FileLock(str(graph.with_suffix(".lock")), timeout=600):  # xdist workers export only once
            if _stamped(graph, weights_sha256):
                return OnnxEncoder(graph, model_dir)
            log.warning("empathy: preparing the embedding model for fast start-up in %s (once per machine)",
                        graph.parent)
            reference = export(model_dir, graph, weights_sha256)
    except Exception as exc:  # noqa: BLE001 - any export failure only costs speed
        log.warning("empathy: running the embedding model through sentence-transformers (%s)", exc)
        return TorchEncoder(load_sentence_transformer(model_dir))
    del reference  # the graph is kept; free torch's copy of the weights
    return OnnxEncoder(graph, model_dir)
