"""The copy scorer's second signal: a tiny logistic head over rule features and an embedding score.

Why this shape: the rules carry what guidance says (codes, blame, a next step); the embedding
catches tone the word lists miss. A free logistic regression over 384 embedding dimensions would
learn our own labelled set's phrasing, so the embedding is squeezed into one stacked feature
(`emb_logit`, itself a regularised linear score trained out-of-fold) and the head weighs it next
to the rule features. Weights are plain JSON written by `bench/train_copy_model.py`; reading them
needs numpy only, never scikit-learn.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from harness.exceptions import ModelError
from harness.language.copy_rules import MESSAGE_KINDS, Reason

MODEL_FILE = Path(__file__).with_name("copy_model.json")
CODES = ("E1", "E2", "E3", "E4", "E5", "E6", "E7", "E8", "E9", "E10")
REQUIREMENT_CODES = ("E6", "E7", "E8", "E9")
SOFT_SIGNALS = ("ack", "example", "contact", "timing", "saved", "fix", "next")
# E7 (field words) counts only when met: labels and messages use synonyms ("DOB", "date of birth";
# "Upload", "file"), so a miss is weak evidence, reported as a reason but not weighed.
BROKEN_CODES = tuple(c for c in CODES if c != "E7")
FEATURES: tuple[str, ...] = (
    *(f"broken_{c}" for c in BROKEN_CODES),
    *(f"met_{c}" for c in REQUIREMENT_CODES),
    *(f"signal_{s}" for s in SOFT_SIGNALS),
    "second_person", "we_voice", "length", "very_short",
    "emb_logit",
)


def rule_features(text: str, reasons: list[Reason], sig: dict[str, bool]) -> np.ndarray:
    """The rule half of the feature vector (everything but `emb_logit`), in FEATURES order."""
    broken = {r.code for r in reasons if not r.ok}
    met = {r.code for r in reasons if r.ok}
    words = re.findall(r"[^\W_]+(?:'[^\W_]+)?", text)
    lower = text.lower()
    values = [
        *(1.0 if c in broken else 0.0 for c in BROKEN_CODES),
        *(1.0 if c in met else 0.0 for c in REQUIREMENT_CODES),
        *(1.0 if sig.get(s) else 0.0 for s in SOFT_SIGNALS),
        1.0 if re.search(r"\byou(?:r|rs|'ll|'re|'ve)?\b", lower) else 0.0,
        1.0 if re.search(r"\b(?:we|we'll|we're|we've|us|our|i|i'm|i've|i'll)\b", lower) else 0.0,
        min(math.log1p(len(words)) / math.log(40.0), 1.5),
        1.0 if len(words) < 4 else 0.0,
    ]
    return np.asarray(values, dtype=np.float64)


@dataclass(frozen=True)
class CopyModel:
    """Trained weights: the embedding scorer, the head, the verdict band and per-kind centroids."""

    emb_coef: np.ndarray
    emb_intercept: float
    head_coef: np.ndarray
    head_intercept: float
    cold_below: float
    warm_above: float
    kind_centroids: dict[str, np.ndarray]

    def emb_logit(self, vectors: np.ndarray) -> np.ndarray:
        """The stacked embedding feature for each row of unit vectors."""
        return vectors @ self.emb_coef + self.emb_intercept

    def probability(self, rule_rows: np.ndarray, vectors: np.ndarray) -> np.ndarray:
        """P(warm) for each message from its rule features and its embedding."""
        x = np.hstack([rule_rows, self.emb_logit(vectors)[:, None]])
        z = np.clip(x @ self.head_coef + self.head_intercept, -30.0, 30.0)
        return 1.0 / (1.0 + np.exp(-z))

    def nearest_kind(self, vector: np.ndarray, among: tuple[str, ...] = MESSAGE_KINDS) -> str:
        """The message kind whose training centroid is closest to this embedding."""
        scored = [(float(vector @ c), k) for k, c in self.kind_centroids.items() if k in among]
        return max(scored)[1] if scored else "error"


@lru_cache(maxsize=2)
def load_model(path: str = str(MODEL_FILE)) -> CopyModel:
    """Read the weights once; a missing or mismatched file is a ModelError with the fix."""
    fix = "re-create it with: python bench/train_copy_model.py"
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ModelError(f"cannot read the copy model {path} ({exc})", hint=fix) from None
    if tuple(data.get("features", ())) != FEATURES:
        raise ModelError(f"the copy model {path} was trained on other features", hint=fix)
    return model_from_weights(data)


def model_from_weights(data: dict) -> CopyModel:
    """A model from the weights `bench/train_copy_model.py` writes (its JSON, already parsed)."""
    return CopyModel(
        emb_coef=np.asarray(data["emb_coef"], dtype=np.float32),
        emb_intercept=float(data["emb_intercept"]),
        head_coef=np.asarray(data["head_coef"], dtype=np.float64),
        head_intercept=float(data["head_intercept"]),
        cold_below=float(data["cold_below"]),
        warm_above=float(data["warm_above"]),
        kind_centroids={k: np.asarray(v, dtype=np.float32) for k, v in data["kind_centroids"].items()},
    )
