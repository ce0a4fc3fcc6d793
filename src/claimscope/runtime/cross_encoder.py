"""A pair classifier shipped as quantized ONNX (a fine-tuned MiniLM cross-encoder): no torch.

The two texts are read together as one sequence (`[CLS] a [SEP] b [SEP]`, token types 0 / 1),
so every word of one can attend to every word of the other: slower than comparing two stored
embeddings, which is why callers ask it only about the pairs a bi-encoder has shortlisted.

A model directory holds `model.onnx` (inputs `input_ids`, `attention_mask`, `token_type_ids`;
output `logits` [batch, n_labels]), `tokenizer.json` and `config.json` (`max_length`,
`labels`, `truncation`: `longest_first` trims the longer text, `only_second` keeps the first
whole, as for a headline against article sentences).

Each pair runs alone by default (`batch_size=1`), unpadded. The shipped graphs are dynamically
quantized: every `DynamicQuantizeLinear` takes its int8 scale from the whole input tensor, padding
and the other pairs of the batch included, so in a batch a pair's probability depends on its
neighbours (on 300 in-band claim pairs: up to 0.10 in P(same), 3-5 decisions changed at the
threshold, batches of 4 to 64). Alone, a pair gets one answer wherever it is asked (the
clusters ask one at a time, `eval paraphrase` many at once), and on this CPU it costs no more:
4.0 ms a pair of CPU alone against 3.7-4.3 ms in batches of 4-32 (`docs/scale.md`).
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import numpy as np

from claimscope.errors import ModelNotInstalled
from claimscope.runtime.onnx_model import cpu_session, softmax


class CrossEncoder:
    def __init__(self, model_dir: str | Path, *, threads: int | None = None, batch_size: int = 1):
        from tokenizers import Tokenizer

        self.model_dir = Path(model_dir)
        if not (self.model_dir / "model.onnx").exists():
            raise ModelNotInstalled(str(self.model_dir), "no model.onnx (reinstall claimscope)")
        self.config = json.loads((self.model_dir / "config.json").read_text(encoding="utf-8"))
        self.labels = list(self.config["labels"])
        self.max_length = int(self.config.get("max_length", 128))
        self.batch_size = batch_size
        self.tokenizer = Tokenizer.from_file(str(self.model_dir / "tokenizer.json"))
        self.tokenizer.no_padding()
        self.tokenizer.enable_truncation(self.max_length,
                                         strategy=self.config.get("truncation", "longest_first"))
        self.session = cpu_session(self.model_dir / "model.onnx", threads)

    def logits(self, pairs: list[tuple[str, str]]) -> np.ndarray:
        """[len(pairs), n_labels] float32 logits, in input order."""
        out = np.zeros((len(pairs), len(self.labels)), dtype=np.float32)
        if not pairs:
            return out
        encodings = self.tokenizer.encode_batch([(a, b) for a, b in pairs])
        # Sorting by length keeps padding small inside each batch (when batch_size > 1).
        order = sorted(range(len(pairs)), key=lambda i: len(encodings[i].ids))
        for at in range(0, len(order), self.batch_size):
            batch = order[at : at + self.batch_size]
            width = max(len(encodings[i].ids) for i in batch)
            ids = np.zeros((len(batch), width), dtype=np.int64)
            mask = np.zeros_like(ids)
            types = np.zeros_like(ids)
            for row, i in enumerate(batch):
                e = encodings[i]
                n = len(e.ids)
                ids[row, :n] = e.ids
                mask[row, :n] = 1
                types[row, :n] = e.type_ids
            (logits,) = self.session.run(
                ["logits"], {"input_ids": ids, "attention_mask": mask, "token_type_ids": types})
            out[batch] = logits
        return out

    def probabilities(self, pairs: list[tuple[str, str]]) -> np.ndarray:
        """[len(pairs), n_labels] softmax probabilities, columns in `labels` order."""
        return softmax(self.logits(pairs))


@lru_cache(maxsize=4)
def load_cross_encoder(model_dir: str, threads: int | None = None) -> CrossEncoder:
    """One session per model directory and process (training calls `cache_clear()`)."""
    return CrossEncoder(model_dir, threads=threads)
