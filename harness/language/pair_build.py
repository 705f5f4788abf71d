"""Build the pair model: all-MiniLM-L6-v2 fine-tuned as a cross-encoder for "same information asked twice?".

Why a cross-encoder: a bi-encoder embeds each prompt alone, so a label and the question that asks it
("Sort code" / "The 6-digit number for your branch") land far apart and two attributes of one thing land
close; a cross-encoder reads both texts in one pass and can learn the relation (issue #22). It is trained at
build time only (torch, one thread), from the labelled dev pairs of ``bench/data/prompt_pairs.jsonl`` and the
rule-made pairs of `pair_augment`; never from a test or outside item. Inputs are put in a fixed order
(`ordered`) so the verdict does not depend on which prompt came first.
"""

from __future__ import annotations

import json
import os
import random
import time
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from harness.language.pair_model import ordered

MAX_TOKENS = 64  # a pair of prompts; longer text is cut (the comparer ignores text past MAX_CHARS anyway)
MAX_DRIFT = 0.1  # largest P(same) change the 8-bit graph may make against the trained network


@dataclass(frozen=True)
class TrainSettings:
    epochs: int = 4
    batch: int = 16
    learning_rate: float = 1e-4
    dev_repeats: int = 2  # each labelled pair counts this many times next to the rule-made ones
    augmented: int = 1500  # rule-made pairs used
    frozen_layers: int = 4  # lower layers kept as MiniLM has them; the upper ones and the head are trained
    seed: int = 0


def side_text(side: Any) -> str:
    """A labelled pair's side as the comparer hands it to the model (its words, without '*', '(required)' ...)."""
    from harness.language.prompts import _clean, describe

    return _clean(describe(side).text())


def labelled(rows: Sequence[dict[str, Any]]) -> list[tuple[str, str, int]]:
    """(a, b, 1 if the same information) for labelled rows (a confirmation is the same information)."""
    return [(side_text(r["a"]), side_text(r["b"]), int(r["label"] in ("same", "confirmation"))) for r in rows]


def _tokenizer(model_dir: Path) -> Any:
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
    tokenizer.enable_truncation(MAX_TOKENS)
    tokenizer.no_padding()
    return tokenizer


def _network(model_dir: Path) -> Any:
    """MiniLM's transformer with a one-logit head on its mean-pooled tokens (the bi-encoder's own pooling).

    `bottom` runs the embeddings and the frozen lower layers, `top` the trained upper layers and the head:
    the build computes the bottom once per pair and trains only the top (why: 2.5 times less work on a
    shared 2-core machine, and few labelled pairs should not move the lower layers anyway).
    """
    import torch
    from transformers import AutoModel

    class PairNet(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.transformer = AutoModel.from_pretrained(str(model_dir), attn_implementation="eager")
            self.head = torch.nn.Linear(self.transformer.config.hidden_size, 1)

        def bottom(self, input_ids: Any, attention_mask: Any, token_type_ids: Any, layers: int) -> Any:
            hidden = self.transformer.embeddings(input_ids=input_ids, token_type_ids=token_type_ids)
            for layer in self.transformer.encoder.layer[:layers]:
                hidden = layer(hidden, _additive(attention_mask, hidden.dtype))
            return hidden

        def top(self, hidden: Any, attention_mask: Any, layers: int) -> Any:
            for layer in self.transformer.encoder.layer[layers:]:
                hidden = layer(hidden, _additive(attention_mask, hidden.dtype))
            mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
            pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1.0)
            return self.head(pooled).squeeze(-1)

        def forward(self, input_ids: Any, attention_mask: Any, token_type_ids: Any) -> Any:
            return self.top(self.bottom(input_ids, attention_mask, token_type_ids, 0), attention_mask, 0)

    return PairNet()


def _additive(mask: Any, dtype: Any) -> Any:
    """A padding mask as eager attention adds it: 0 where a token is, the dtype's minimum where none is."""
    import torch

    return (1.0 - mask[:, None, None, :].to(dtype)) * torch.finfo(dtype).min


def _batch(tokenizer: Any, pairs: Sequence[tuple[str, str]]) -> tuple[Any, Any, Any]:
    import torch

    encoded = [tokenizer.encode(*ordered(a, b)) for a, b in pairs]
    width = max(len(e.ids) for e in encoded)
    ids = torch.zeros((len(encoded), width), dtype=torch.long)
    mask = torch.zeros_like(ids)
    types = torch.zeros_like(ids)
    for row, e in enumerate(encoded):
        ids[row, :len(e.ids)] = torch.tensor(e.ids)
        mask[row, :len(e.ids)] = 1
        types[row, :len(e.ids)] = torch.tensor(e.type_ids)
    return ids, mask, types


def _bottoms(net: Any, tokenizer: Any, pairs: Sequence[tuple[str, str]], layers: int) -> list[Any]:
    """Each pair's hidden states after the frozen layers, unpadded (computed once, reused every epoch)."""
    import torch

    out: list[Any] = []
    with torch.no_grad():
        for at in range(0, len(pairs), 64):
            ids, mask, types = _batch(tokenizer, pairs[at:at + 64])
            hidden = net.bottom(ids, mask, types, layers)
            out.extend(hidden[row, :int(mask[row].sum())].clone() for row in range(len(hidden)))
    return out


def _padded(states: Sequence[Any]) -> tuple[Any, Any]:
    import torch

    width = max(len(s) for s in states)
    hidden = torch.zeros((len(states), width, states[0].shape[-1]))
    mask = torch.zeros((len(states), width), dtype=torch.long)
    for row, state in enumerate(states):
        hidden[row, :len(state)] = state
        mask[row, :len(state)] = 1
    return hidden, mask


def train(model_dir: Path, examples: Sequence[tuple[str, str, int]], settings: TrainSettings = TrainSettings(),
          *, log: Any = None, frozen: dict[tuple[str, str], Any] | None = None) -> Any:
    """Fine-tune the top layers and head on (a, b, same) examples with one thread; returns the network (eval mode).

    `frozen` caches the lower layers' states by pair (they never change), so folds of a benchmark share them.
    """
    import torch

    torch.set_num_threads(1)  # the build shares the machine; one thread is also deterministic
    torch.manual_seed(settings.seed)
    rng = random.Random(settings.seed)
    tokenizer, net = _tokenizer(model_dir), _network(model_dir)
    net.eval()  # no dropout: the data are few and the frozen states are computed without it
    start = time.perf_counter()
    frozen = {} if frozen is None else frozen  # the frozen layers' states by pair, shared across folds
    new = list(dict.fromkeys((a, b) for a, b, _ in examples if (a, b) not in frozen))
    frozen.update(zip(new, _bottoms(net, tokenizer, new, settings.frozen_layers), strict=True))
    states = [frozen[(a, b)] for a, b, _ in examples]
    if log:
        log(f"frozen layers run over {len(examples)} pairs ({time.perf_counter() - start:.0f} s)")
    trained = [p for layer in net.transformer.encoder.layer[settings.frozen_layers:] for p in layer.parameters()]
    groups: list[dict[str, Any]] = [{"params": trained},  # the new head learns from scratch, so faster
                                    {"params": list(net.head.parameters()), "lr": 10 * settings.learning_rate}]
    optimiser = torch.optim.AdamW(groups, lr=settings.learning_rate, weight_decay=0.01)
    steps = settings.epochs * ((len(examples) + settings.batch - 1) // settings.batch)
    schedule = torch.optim.lr_scheduler.LambdaLR(optimiser, lambda s: min(1.0, (s + 1) / (0.1 * steps))
                                                 * max(0.0, (steps - s) / steps))
    loss_fn = torch.nn.BCEWithLogitsLoss()
    for epoch in range(settings.epochs):
        order = list(range(len(examples)))
        rng.shuffle(order)
        total = 0.0
        for at in range(0, len(order), settings.batch):
            chunk = order[at:at + settings.batch]
            hidden, mask = _padded([states[i] for i in chunk])
            loss = loss_fn(net.top(hidden, mask, settings.frozen_layers),
                           torch.tensor([float(examples[i][2]) for i in chunk]))
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
            schedule.step()
            total += float(loss.detach()) * len(chunk)
        if log:
            log(f"epoch {epoch + 1}: loss {total / len(order):.4f} ({time.perf_counter() - start:.0f} s)")
    return net


def probabilities(net: Any, model_dir: Path, pairs: Sequence[tuple[str, str]]) -> np.ndarray:
    """P(same information) from the torch network (the build's own check; run time uses the ONNX graph)."""
    import torch

    tokenizer = _tokenizer(model_dir)
    out = []
    with torch.no_grad():
        for at in range(0, len(pairs), 64):
            out.append(torch.sigmoid(net(*_batch(tokenizer, pairs[at:at + 64]))).numpy())
    return np.concatenate(out) if out else np.zeros(0)


def training_examples(rows: Sequence[dict[str, Any]], settings: TrainSettings = TrainSettings(),
                      *, held_apart: Sequence[dict[str, Any]] = ()) -> list[tuple[str, str, int]]:
    """The dev rows given (repeated) and the rule-made pairs, minus any pair equal to a held-apart one."""
    from harness.language.pair_augment import _norm, augmented

    held = {frozenset((_norm(a), _norm(b))) for a, b, _ in labelled(held_apart)}
    return [*labelled(rows) * settings.dev_repeats, *augmented(settings.seed, held_apart=held)[:settings.augmented]]


def read_rows(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def export(net: Any, model_dir: Path, graph: Path, check: Sequence[tuple[str, str]], *, int8: bool = True,
           limit: float | None = MAX_DRIFT) -> tuple[float, int]:
    """Write the ONNX graph (8-bit weights unless `int8` is False) atomically, refusing it when P(same) on the
    `check` pairs strays more than `limit` from torch's; returns the largest stray and how many verdicts flip."""
    import torch

    from harness.language.onnx_encoder import _quantise
    from harness.language.pair_model import INPUTS, PairModel

    ids, mask, types = _batch(_tokenizer(model_dir), [("Email address", "What is your email?"), ("a", "b c")])
    axes = {name: {0: "batch", 1: "tokens"} for name in INPUTS} | {"logit": {0: "batch"}}
    graph.parent.mkdir(parents=True, exist_ok=True)
    partial = graph.with_suffix(f".{os.getpid()}.partial")
    try:
        with warnings.catch_warnings(), torch.no_grad():
            warnings.simplefilter("ignore")  # the tracer's notes on shape-only branches
            torch.onnx.export(net, (ids, mask, types), str(partial), input_names=list(INPUTS),
                              output_names=["logit"], dynamic_axes=axes, opset_version=17, dynamo=False)
        if int8:
            _quantise(partial)
        runtime = PairModel(partial, model_dir, MAX_TOKENS).probabilities(check)
        reference = probabilities(net, model_dir, check)
        drift = float(np.abs(runtime - reference).max()) if check else 0.0
        if limit is not None and drift > limit:
            raise ValueError(f"the exported pair graph strays {drift:.3f} from the trained network (limit {limit})")
        partial.replace(graph)
    finally:
        partial.unlink(missing_ok=True)
    return drift, int(((runtime >= 0.5) != (reference >= 0.5)).sum())
