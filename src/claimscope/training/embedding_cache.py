"""Encode a corpus's texts once with the shipped claim encoder, cached on disk (training only).

The cache is keyed by the SHA-1 of each text and the encoder's model file, so a changed model
or text is re-encoded and nothing stale is read.
"""

from __future__ import annotations

import hashlib
import time
from pathlib import Path

import numpy as np

from claimscope.runtime.text_encoder import TextEncoder


def _key(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def cached_embeddings(texts: list[str], cache_file: str | Path, encoder: TextEncoder,
                      log=print, chunk: int = 2000) -> dict[str, np.ndarray]:
    """{text: embedding} for every text, encoding only those not in `cache_file`."""
    cache_file = Path(cache_file)
    stamp = hashlib.sha1((encoder.model_dir / "model.onnx").read_bytes()).hexdigest()[:12]
    stored: dict[str, np.ndarray] = {}
    if cache_file.exists():
        data = np.load(cache_file)
        if str(data["stamp"]) == stamp:
            stored = dict(zip(data["keys"].tolist(), data["vectors"]))
    unique = list(dict.fromkeys(texts))
    todo = [t for t in unique if _key(t) not in stored]
    started = time.time()
    for at in range(0, len(todo), chunk):
        part = todo[at : at + chunk]
        for t, v in zip(part, encoder.encode(part)):
            stored[_key(t)] = v
        log(f"encoded {min(at + chunk, len(todo))}/{len(todo)} texts in {time.time() - started:.0f}s")
        _save(cache_file, stored, stamp)
    if todo:
        _save(cache_file, stored, stamp)
    return {t: stored[_key(t)] for t in unique}


def _save(path: Path, stored: dict, stamp: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    keys = list(stored)
    tmp = path.with_suffix(".tmp.npz")
    np.savez(tmp, keys=np.array(keys), vectors=np.stack([stored[k] for k in keys]), stamp=np.array(stamp))
    tmp.replace(path)
