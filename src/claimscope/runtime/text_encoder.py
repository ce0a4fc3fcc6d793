"""Sentence embeddings from the shipped claim encoder (ONNX): no torch, no spaCy.

`resources/models/claim/model.onnx` maps pieces to one L2-normalised vector per text (mean
pooling is inside the graph), so the cosine of two texts is their dot product and the vectors
can go straight into a nearest-neighbour index.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import numpy as np

from claimscope.errors import ModelNotInstalled
from claimscope.runtime.onnx_model import cpu_session

CLAIM_MODEL_DIR = Path(__file__).resolve().parents[1] / "resources" / "models" / "claim"


class TextEncoder:
    def __init__(self, model_dir: str | Path | None = None, *, threads: int | None = None,
                 batch_size: int = 32):
        from tokenizers import Tokenizer

        self.model_dir = Path(model_dir or CLAIM_MODEL_DIR)
        if not (self.model_dir / "model.onnx").exists():
            raise ModelNotInstalled(str(self.model_dir), "no model.onnx (reinstall claimscope)")
        self.config = json.loads((self.model_dir / "config.json").read_text(encoding="utf-8"))
        self.max_length = int(self.config.get("max_length", 128))
        self.batch_size = batch_size
        self.tokenizer = Tokenizer.from_file(str(self.model_dir / "tokenizer.json"))
        self.tokenizer.no_padding()
        self.tokenizer.enable_truncation(self.max_length)
        self.session = cpu_session(self.model_dir / "model.onnx", threads)
        self.dim = int(self.session.get_outputs()[0].shape[-1] or 384)

    def encode(self, texts: list[str]) -> np.ndarray:
        """[len(texts), dim] float32, unit length, in input order."""
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        if not texts:
            return out
        encodings = self.tokenizer.encode_batch(list(texts))
        order = sorted(range(len(texts)), key=lambda i: len(encodings[i].ids))
        for at in range(0, len(order), self.batch_size):
            batch = order[at : at + self.batch_size]
            width = max(len(encodings[i].ids) for i in batch)
            ids = np.zeros((len(batch), width), dtype=np.int64)
            mask = np.zeros_like(ids)
            for row, i in enumerate(batch):
                n = len(encodings[i].ids)
                ids[row, :n] = encodings[i].ids
                mask[row, :n] = 1
            (emb,) = self.session.run(["embedding"], {"input_ids": ids, "attention_mask": mask})
            out[batch] = emb
        return out


@lru_cache(maxsize=2)
def load_text_encoder(model_dir: str | None = None, threads: int | None = None) -> TextEncoder:
    """One session per process (training calls `cache_clear()` after rewriting the model)."""
    return TextEncoder(model_dir, threads=threads)
