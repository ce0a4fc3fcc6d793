#!/usr/bin/env python3
"""Convert a model quantized by onnxruntime `quantize_dynamic` with int8 weights to uint8
weights (value q + 128, zero point zp + 128): the same integer products on every CPU. Why, and
the code: `claimscope.training.quantize`. New exports are converted by the trainers already.

    PYTHONPATH=src python scripts/onnx_uint8_weights.py in.onnx out.onnx   # needs `onnx`
"""

import sys

from claimscope.training.quantize import convert_file

if __name__ == "__main__":
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    count = convert_file(sys.argv[1], sys.argv[2])
    print(f"converted {count} weight initializers -> {sys.argv[2]}")
