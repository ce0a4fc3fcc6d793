"""Sentence-level heads from the shipped ONNX model: check-worthiness and uncertainty.

No torch, no spaCy: one `OnnxModel` session over `resources/models/sentence/`. Each sentence
gets P(yes) per head; the thresholds chosen on validation data come with the model.
"""

from __future__ import annotations

from pathlib import Path

from claimscope.runtime.onnx_model import OnnxModel, load_model

DEFAULT_MODEL_DIR = Path(__file__).resolve().parents[1] / "resources" / "models" / "sentence"


class SentenceHeads:
    """`predict(sentences)` -> one `{head: P(yes)}` dict per sentence, in input order."""

    def __init__(self, model_dir: str | Path | None = None, *, threads: int | None = None):
        directory = Path(model_dir) if model_dir is not None else DEFAULT_MODEL_DIR
        # Shared per process: several components may ask for the same model.
        self.model: OnnxModel = load_model(str(directory), threads)
        self.heads = [
            name for name, head in self.model.config["heads"].items() if head["type"] == "sequence"
        ]
        self.thresholds: dict[str, float] = {
            name: float(self.model.config["heads"][name].get("threshold", 0.5)) for name in self.heads
        }

    def predict(self, sentences: list[str]) -> list[dict[str, float]]:
        outputs = self.model.run(list(sentences))
        results = []
        for output in outputs:
            row = {}
            for name in self.heads:
                yes = self.model.labels(name).index("yes")
                row[name] = float(output.heads[name][yes])
            results.append(row)
        return results

    def decide(self, sentences: list[str]) -> list[dict[str, bool]]:
        """Yes/no per head at the shipped thresholds."""
        return [
            {name: p >= self.thresholds[name] for name, p in row.items()}
            for row in self.predict(sentences)
        ]
