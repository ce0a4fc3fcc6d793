"""Run a quantized ONNX transformer shipped in the repository: no torch, no spaCy.

A model directory holds `model.onnx`, `tokenizer.json` and `config.json`
(`{"max_length": int, "heads": {name: {"type": "token"|"sequence", "labels": [...]}}}`).
Callers pass plain strings and get per-piece character offsets back, so every output can be
traced to characters of the text they gave.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np


@dataclass
class Output:
    offsets: np.ndarray  # [n_pieces, 2] character offsets in the input text, specials dropped
    heads: dict[str, np.ndarray]  # token head: [n_pieces, n_labels]; sequence head: [n_labels]
    hidden: np.ndarray | None = None  # [n_pieces, dim] when the model exports hidden states


# Threads per session when a caller gives none; 0 lets onnxruntime use every core. The runtime
# reads no environment: build_pipeline sets this from Settings.threads (CLAIMSCOPE_THREADS).
_default_threads = 0


def set_default_threads(threads: int) -> None:
    """Threads for sessions opened from now on without an explicit count (0: all cores)."""
    global _default_threads
    _default_threads = int(threads)


def default_threads() -> int:
    return _default_threads


def cpu_session(model_path: str | Path, threads: int | None = None):
    """An ONNX Runtime CPU session as every shipped model runs: `threads` intra-op threads
    (default: `default_threads()`), one inter-op thread, and no spinning."""
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.intra_op_num_threads = threads or default_threads()
    options.inter_op_num_threads = 1
    # Idle ORT threads would busy-wait between runs, taking the second core from spaCy and
    # the rules that run between encoder calls (pipeline 0.44x vs 0.41-0.42x spaCy alone).
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    return ort.InferenceSession(str(model_path), options, providers=["CPUExecutionProvider"])


def softmax(x: np.ndarray) -> np.ndarray:
    """Softmax over the last axis (numerically stable)."""
    z = x - x.max(axis=-1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=-1, keepdims=True)


class OnnxModel:
    def __init__(self, model_dir: str | Path, *, threads: int | None = None, batch_size: int = 16):
        from tokenizers import Tokenizer

        self.model_dir = Path(model_dir)
        self.config = json.loads((self.model_dir / "config.json").read_text(encoding="utf-8"))
        self.max_length = int(self.config.get("max_length", 256))
        self.batch_size = batch_size
        self.tokenizer = Tokenizer.from_file(str(self.model_dir / "tokenizer.json"))
        # Truncation and padding are ours to control: the shipped tokenizer.json may carry its own.
        self.tokenizer.no_padding()
        self.tokenizer.enable_truncation(self.max_length)
        self.session = cpu_session(self.model_dir / "model.onnx", threads)
        self.input_names = {i.name for i in self.session.get_inputs()}
        self.output_names = [o.name for o in self.session.get_outputs()]
        self.pad_id = self.tokenizer.token_to_id("[PAD]") or 0

    def labels(self, head: str) -> list[str]:
        return list(self.config["heads"][head]["labels"])

    def _head_type(self, name: str) -> str | None:
        head = self.config.get("heads", {}).get(name)
        return head["type"] if head else None

    def _activate(self, head: str, value: np.ndarray) -> np.ndarray:
        # Heads export logits unless their config says they already give probabilities.
        value = value.astype(np.float32)
        if self.config["heads"][head].get("outputs", "logits") == "probabilities":
            return value
        return softmax(value)

    def run(self, texts: list[str]) -> list[Output]:
        """Encode each text once; long texts are truncated to `max_length` pieces."""
        encodings = self.tokenizer.encode_batch(list(texts)) if texts else []
        # Sorting by length keeps padding small inside each batch.
        order = sorted(range(len(texts)), key=lambda i: len(encodings[i].ids))
        results: list[Output | None] = [None] * len(texts)
        for at in range(0, len(order), self.batch_size):
            batch = order[at : at + self.batch_size]
            width = max(len(encodings[i].ids) for i in batch)
            ids = np.full((len(batch), width), self.pad_id, dtype=np.int64)
            mask = np.zeros((len(batch), width), dtype=np.int64)
            for row, i in enumerate(batch):
                n = len(encodings[i].ids)
                ids[row, :n] = encodings[i].ids
                mask[row, :n] = 1
            feeds = {"input_ids": ids, "attention_mask": mask}
            if "token_type_ids" in self.input_names:
                feeds["token_type_ids"] = np.zeros_like(ids)
            outputs = dict(zip(self.output_names, self.session.run(None, feeds)))
            for row, i in enumerate(batch):
                results[i] = self._unpack(encodings[i], outputs, row)
        return results  # type: ignore[return-value]

    def _unpack(self, encoding, outputs: dict[str, np.ndarray], row: int) -> Output:
        special = np.array(encoding.special_tokens_mask, dtype=bool)
        keep = ~special
        offsets = np.array(encoding.offsets, dtype=np.int64).reshape(-1, 2)[keep]
        n = len(encoding.ids)
        heads: dict[str, np.ndarray] = {}
        hidden = None
        for name, value in outputs.items():
            kind = self._head_type(name)
            if kind == "token":
                heads[name] = self._activate(name, value[row, :n][keep])
            elif kind == "sequence":
                heads[name] = self._activate(name, value[row])
            elif name in ("hidden", "last_hidden_state"):
                hidden = value[row, :n][keep].astype(np.float32)
        return Output(offsets=offsets, heads=heads, hidden=hidden)


def load_model(model_dir: str, threads: int | None = None) -> OnnxModel:
    """One session per model directory, thread count and process: loading costs more than a
    document. None takes the default thread count (`set_default_threads`) at the time of the call.

    Whoever rewrites a model directory in place (training) calls `load_model.cache_clear()`.
    """
    return _cached_model(model_dir, threads or _default_threads)


@lru_cache(maxsize=8)
def _cached_model(model_dir: str, threads: int) -> OnnxModel:
    return OnnxModel(model_dir, threads=threads)


load_model.cache_clear = _cached_model.cache_clear  # type: ignore[attr-defined]
