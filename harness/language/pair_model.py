"""The pair model's int8 ONNX graph run without torch: P(same information) for two prompts.

Why here: the build (`pair_build`) checks its exported graph with this runner, and the benchmark times it,
so the figures are the ones a run time would see. Not wired into the comparer: round 6 of issue #22
measured it no better than the cosine where structure leaves a pair open (README, Detection quality).
Each pair runs on its own, as the encoder's texts do (int8 activations are scaled per run).
"""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np

from harness.language.onnx_encoder import usable_cores

INPUTS = ("input_ids", "attention_mask", "token_type_ids")


def ordered(a: str, b: str) -> tuple[str, str]:
    """The two texts in one fixed order (shorter first), so (a, b) and (b, a) read alike."""
    return (a, b) if (len(a), a) <= (len(b), b) else (b, a)


class PairModel:
    """Tokenise a pair (in `ordered` order), run the graph, return P(same information)."""

    def __init__(self, graph: Path, model_dir: Path, max_tokens: int) -> None:
        import onnxruntime
        from tokenizers import Tokenizer

        self.tokenizer = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
        self.tokenizer.enable_truncation(max_tokens)
        self.tokenizer.no_padding()
        options = onnxruntime.SessionOptions()
        options.log_severity_level = 3
        options.intra_op_num_threads = 1  # one run per core side by side, as the encoder does (see onnx_encoder)
        options.inter_op_num_threads = 1
        self.session = onnxruntime.InferenceSession(str(graph), options, providers=["CPUExecutionProvider"])
        self.workers = usable_cores()

    def probabilities(self, pairs: Sequence[tuple[str, str]]) -> np.ndarray:
        """P(same) for each (a, b), in order."""
        if not pairs:
            return np.zeros(0, dtype=np.float32)
        encoded = [self.tokenizer.encode(*ordered(a, b)) for a, b in pairs]
        runs = [(np.asarray([e.ids], dtype=np.int64), np.asarray([e.type_ids], dtype=np.int64)) for e in encoded]
        if len(runs) > 1 and self.workers > 1:  # ONNX Runtime releases the GIL while it runs
            with ThreadPoolExecutor(min(self.workers, len(runs))) as pool:
                logits = list(pool.map(self._run, runs))
        else:
            logits = [self._run(run) for run in runs]
        return (1.0 / (1.0 + np.exp(-np.asarray(logits, dtype=np.float64)))).astype(np.float32)

    def _run(self, run: tuple[np.ndarray, np.ndarray]) -> float:
        ids, types = run
        feed = dict(zip(INPUTS, (ids, np.ones_like(ids), types), strict=True))
        return float(self.session.run(None, feed)[0][0])
