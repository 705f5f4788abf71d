"""What the int8 graph costs in accuracy: its vectors and similarities against sentence-transformers' float ones.

The run-time encoder (harness/language/onnx_encoder.py) quantises the model's weights to 8 bits for speed.
This prints, over the texts of the labelled sets (field labels and questions from bench/data/prompt_pairs.jsonl,
messages from bench/data/copy_messages.jsonl):

- vector agreement: cosine between each text's int8 vector and sentence-transformers' (mean, worst);
- pairwise drift: how far the similarity of every pair of field labels moves (mean, 95th percentile, worst),
  and how many pairs cross one of the prompt comparer's thresholds (SAME_THRESHOLD, DIFFERENT_THRESHOLD)
  out of those within 0.1 of one.

    python bench/quantisation.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from harness.language import embeddings, onnx_encoder, prompts  # noqa: E402


def main() -> None:
    pairs = [json.loads(line) for line in (ROOT / "bench/data/prompt_pairs.jsonl").read_text().splitlines() if line]
    messages = [json.loads(line)["text"] for line in (ROOT / "bench/data/copy_messages.jsonl").read_text().splitlines()
                if line]
    labels = sorted({prompts.describe(p[side]).text() for p in pairs for side in ("a", "b")} - {""})
    fast = embeddings.get_model()
    reference = onnx_encoder.TorchEncoder(onnx_encoder.load_sentence_transformer(embeddings.model_path()))
    print(f"run-time encoder: {type(fast).__name__}")
    for name, texts in (("field labels", labels), ("messages", messages)):
        cosines = (fast.encode(texts) * reference.encode(texts)).sum(axis=1)
        print(f"{name:<13} n={len(texts):<4} vector cosine to float: mean {cosines.mean():.4f}, "
              f"worst {cosines.min():.4f}")
    a, b = fast.encode(labels), reference.encode(labels)
    upper = np.triu_indices(len(labels), 1)
    quantised, exact = (a @ a.T)[upper], (b @ b.T)[upper]
    drift = np.abs(quantised - exact)
    print(f"label pairs   n={len(exact)} similarity drift: mean {drift.mean():.4f}, "
          f"95th percentile {np.percentile(drift, 95):.4f}, worst {drift.max():.4f}")
    for threshold in (prompts.SAME_THRESHOLD, prompts.DIFFERENT_THRESHOLD):
        near = np.abs(exact - threshold) < 0.1
        crossed = (exact >= threshold) != (quantised >= threshold)
        print(f"  across {threshold:.2f}: {int(crossed.sum())} of {int(near.sum())} pairs within 0.1 of it "
              f"({crossed.sum() / max(1, near.sum()):.1%})")


if __name__ == "__main__":
    main()
