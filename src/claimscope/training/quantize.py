"""One way to quantize an exported float ONNX model for the shipped runtime.

Dynamic int8 quantization (onnxruntime `quantize_dynamic`, per channel) writes its weights as
*signed* int8. With uint8 activations onnxruntime then takes its u8s8 integer GEMM, which on x86
CPUs without AVX-512 VNNI / AVX-VNNI is built on `vpmaddubsw`: pairs of products are summed in
16 bits and saturate. The same model file so gives different outputs on different CPUs (seen:
PolNeAR dev content F1 0.853 on one machine, 0.848 on another). Storing each weight as uint8
with value q + 128 and zero point zp + 128 keeps every (q - zp) difference, so the integer
products are the same numbers, but sends onnxruntime down its u8u8 path, which does not
saturate: the outputs become the exact integer result on every CPU.

Every trainer's export calls `quantize_for_runtime`; `scripts/onnx_uint8_weights.py` converts a
model quantized before this existed. Needs the `onnx` package (the `train` extra).
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import numpy as np

# The integer matmul quantize_dynamic emits for MatMul weights: op -> (B input, B zero point).
INTEGER_MATMUL = {"MatMulInteger": (1, 3)}
# Quantized ops we do not rewrite; a model holding any of them is refused, never half-converted.
UNHANDLED_OPS = {"DynamicQuantizeMatMul", "MatMulIntegerToFloat", "QLinearMatMul", "ConvInteger",
                 "QAttention"}


class QuantizeError(ValueError):
    """The model holds a quantized weight this module cannot convert safely."""


def signed_to_unsigned(weights: np.ndarray, zero_point: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """int8 weights and zero point -> uint8 ones with the same differences (q - zp)."""
    if weights.dtype != np.int8 or zero_point.dtype != np.int8:
        raise QuantizeError(f"expected int8 weights and zero point, got {weights.dtype} and "
                            f"{zero_point.dtype}")
    return ((weights.astype(np.int16) + 128).astype(np.uint8),
            (zero_point.astype(np.int16) + 128).astype(np.uint8))


def unsigned_weights(model) -> int:
    """Rewrite, in place, the int8 weight initializers of `model`'s integer matmuls as uint8;
    returns how many were rewritten. A weight shared with any other op, or in another input
    slot, is refused: rewriting it would change that other op's arithmetic."""
    from onnx import TensorProto, numpy_helper

    graph = model.graph
    unhandled = sorted({node.op_type for node in graph.node if node.op_type in UNHANDLED_OPS})
    if unhandled:
        raise QuantizeError(f"quantized ops this converter does not handle: {unhandled}")
    initializers = {init.name: init for init in graph.initializer}
    consumers: dict[str, list[tuple[object, int]]] = defaultdict(list)
    for node in graph.node:
        for slot, name in enumerate(node.input):
            consumers[name].append((node, slot))

    rewritten: set[str] = set()
    for node in graph.node:
        if node.op_type not in INTEGER_MATMUL:
            continue
        b_slot, zp_slot = INTEGER_MATMUL[node.op_type]
        b_name = node.input[b_slot]
        if b_name in rewritten:
            continue
        if b_name not in initializers:
            raise QuantizeError(f"{node.name}: its weight {b_name!r} is not an initializer")
        weights = numpy_helper.to_array(initializers[b_name])
        if weights.dtype != np.int8:
            continue  # already uint8
        zp_name = node.input[zp_slot] if len(node.input) > zp_slot and node.input[zp_slot] else None
        for name, slot in ((b_name, b_slot), (zp_name, zp_slot)):
            for consumer, used_at in consumers.get(name, []) if name else []:
                if consumer.op_type not in INTEGER_MATMUL or used_at != slot:
                    raise QuantizeError(f"{name!r} is also read by {consumer.op_type} input "
                                        f"{used_at}; not converting")
        if zp_name is None:
            zero_point = np.zeros((), np.int8)
        elif zp_name in initializers:
            zero_point = numpy_helper.to_array(initializers[zp_name])
        else:
            raise QuantizeError(f"{node.name}: zero point {zp_name!r} is not an initializer")
        new_weights, new_zero_point = signed_to_unsigned(weights, zero_point)
        initializers[b_name].CopyFrom(numpy_helper.from_array(new_weights, b_name))
        if zp_name is None:
            # an absent zero point means 0 for int8 but must be 128 for the uint8 weights
            zp_name = f"{b_name}_u8_zero_point"
            graph.initializer.append(numpy_helper.from_array(new_zero_point, zp_name))
            initializers[zp_name] = graph.initializer[-1]
            for consumer, _ in consumers[b_name]:
                while len(consumer.input) <= zp_slot:
                    consumer.input.append("")
                consumer.input[zp_slot] = zp_name
        else:
            initializers[zp_name].CopyFrom(numpy_helper.from_array(new_zero_point, zp_name))
        for info in list(graph.value_info) + list(graph.input):
            if info.name in (b_name, zp_name):
                info.type.tensor_type.elem_type = TensorProto.UINT8
        rewritten.add(b_name)
    return len(rewritten)


def convert_file(source: str | Path, target: str | Path) -> int:
    """An int8-quantized model file -> the same model with uint8 weights; returns the count."""
    import onnx

    model = onnx.load(str(source))
    count = unsigned_weights(model)
    onnx.checker.check_model(model)
    onnx.save(model, str(target))
    return count


def quantize_for_runtime(float_model: str | Path, target: str | Path) -> int:
    """Float ONNX export -> dynamic int8 per-channel model with uint8 weights at `target`."""
    from onnxruntime.quantization import QuantType, quantize_dynamic

    target = Path(target)
    signed = target.with_name(target.stem + ".int8-signed.onnx")
    quantize_dynamic(str(float_model), str(signed), per_channel=True, weight_type=QuantType.QInt8)
    try:
        return convert_file(signed, target)
    finally:
        signed.unlink(missing_ok=True)
