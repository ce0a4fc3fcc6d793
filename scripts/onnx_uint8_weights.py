#!/usr/bin/env python3
"""Convert int8 (QInt8, per-channel) weight initializers of MatMulInteger nodes produced by
onnxruntime quantize_dynamic to uint8 with value q+128 and zero point zp+128.

(q - zp) is unchanged, so the integer products are numerically identical, but onnxruntime then
takes its u8u8 GEMM path instead of u8s8, which on x86 without AVX512-VNNI/AVX-VNNI uses
vpmaddubsw (int16 saturation of pairwise sums) -> CPU-dependent results.

usage: convert.py in.onnx out.onnx
"""
import collections
import sys

import numpy as np
import onnx
from onnx import numpy_helper

TARGET_OPS = {"MatMulInteger": (1, 3)}   # op -> (B input index, B zero-point index)

def convert(model):
    g = model.graph
    inits = {i.name: i for i in g.initializer}
    consumers = collections.defaultdict(list)
    for n in g.node:
        for idx, x in enumerate(n.input):
            consumers[x].append((n, idx))
    # ops that quantize_dynamic may produce which we do not handle: refuse rather than half-convert
    unsupported = [n.op_type for n in g.node if n.op_type in ("DynamicQuantizeMatMul", "MatMulIntegerToFloat", "QLinearMatMul", "ConvInteger", "QAttention")]
    if unsupported:
        raise SystemExit(f"unsupported quantized ops present: {sorted(set(unsupported))}")
    converted = 0
    done = set()
    for n in g.node:
        if n.op_type not in TARGET_OPS:
            continue
        bi, zi = TARGET_OPS[n.op_type]
        b_name = n.input[bi]
        zp_name = n.input[zi] if len(n.input) > zi and n.input[zi] else None
        if b_name in done:
            continue
        if b_name not in inits:
            raise SystemExit(f"{n.name}: B is not an initializer")
        b = numpy_helper.to_array(inits[b_name])
        if b.dtype != np.int8:
            continue
        # every consumer of B (and its zero point) must be a target op at the right slot
        for nm, slot in ((b_name, bi), (zp_name, zi)):
            if nm is None:
                continue
            for c, idx in consumers[nm]:
                if c.op_type not in TARGET_OPS or idx != slot:
                    raise SystemExit(f"{nm} also consumed by {c.op_type}[{idx}]; not converting")
        if zp_name is None:
            zp = np.zeros((), np.int8)
            zp_name = b_name + "_u8_zero_point"
        else:
            if zp_name not in inits:
                raise SystemExit(f"{n.name}: zero point is not an initializer")
            zp = numpy_helper.to_array(inits[zp_name])
            if zp.dtype != np.int8:
                raise SystemExit(f"{zp_name}: dtype {zp.dtype}")
        b_u8 = (b.astype(np.int16) + 128).astype(np.uint8)
        zp_u8 = (zp.astype(np.int16) + 128).astype(np.uint8)
        assert np.array_equal(b_u8.astype(np.int32) - zp_u8.reshape((-1,) if zp_u8.ndim else ()).astype(np.int32),
                              b.astype(np.int32) - zp.astype(np.int32))
        inits[b_name].CopyFrom(numpy_helper.from_array(b_u8, b_name))
        if zp_name in inits:
            inits[zp_name].CopyFrom(numpy_helper.from_array(zp_u8, zp_name))
        else:
            g.initializer.append(numpy_helper.from_array(zp_u8, zp_name))
            inits[zp_name] = g.initializer[-1]
            for c, _idx in consumers[b_name]:
                while len(c.input) <= TARGET_OPS[c.op_type][1]:
                    c.input.append("")
                c.input[TARGET_OPS[c.op_type][1]] = zp_name
        # keep value_info (if any) consistent
        for vi in list(g.value_info) + list(g.input):
            if vi.name in (b_name, zp_name):
                vi.type.tensor_type.elem_type = onnx.TensorProto.UINT8
        done.add(b_name)
        converted += 1
    return converted

if __name__ == "__main__":
    src, dst = sys.argv[1], sys.argv[2]
    m = onnx.load(src)
    k = convert(m)
    onnx.checker.check_model(m)
    onnx.save(m, dst)
    print(f"converted {k} weight initializers -> {dst}")
