"""The trainers' quantization (training/quantize.py): int8 weights stored as uint8 with the same
(q - zp) differences, so onnxruntime takes the u8u8 path whose results do not depend on the CPU."""

import numpy as np
import pytest

from claimscope.training.quantize import QuantizeError, signed_to_unsigned


def test_unsigned_weights_keep_every_difference_to_the_zero_point():
    rng = np.random.default_rng(4)
    q = rng.integers(-128, 128, size=(6, 5), dtype=np.int8)
    zp = np.array([-128, -3, 0, 7, 127], dtype=np.int8)  # per channel: the last axis
    u, uzp = signed_to_unsigned(q, zp)
    assert u.dtype == np.uint8 and uzp.dtype == np.uint8
    assert np.array_equal(u.astype(np.int32) - uzp.astype(np.int32), q.astype(np.int32) - zp.astype(np.int32))
    assert uzp.tolist() == [0, 125, 128, 135, 255]


def test_weights_not_int8_are_refused():
    with pytest.raises(QuantizeError, match="int8"):
        signed_to_unsigned(np.zeros(3, np.uint8), np.zeros((), np.int8))


def test_an_exported_matmul_quantizes_to_uint8_weights_that_still_compute_it(tmp_path):
    onnx = pytest.importorskip("onnx")  # the `train` extra
    import onnxruntime as ort
    from onnx import TensorProto, helper, numpy_helper

    from claimscope.training.quantize import quantize_for_runtime

    rng = np.random.default_rng(9)
    weight = rng.normal(size=(64, 32)).astype(np.float32)
    graph = helper.make_graph(
        [helper.make_node("MatMul", ["x", "w"], ["y"])], "mm",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, ["n", 64])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, ["n", 32])],
        [numpy_helper.from_array(weight, "w")])
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
    model.ir_version = 8
    float_path = tmp_path / "float.onnx"
    onnx.save(model, str(float_path))

    target = tmp_path / "model.onnx"
    assert quantize_for_runtime(float_path, target) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["float.onnx", "model.onnx"]
    stored = onnx.load(str(target))
    ops = {node.op_type for node in stored.graph.node}
    assert "MatMulInteger" in ops
    weights = [numpy_helper.to_array(i) for i in stored.graph.initializer if i.dims == [64, 32]]
    assert [w.dtype for w in weights] == [np.uint8]

    x = rng.normal(size=(3, 64)).astype(np.float32)
    (y,) = ort.InferenceSession(str(target), providers=["CPUExecutionProvider"]).run(None, {"x": x})
    expected = x @ weight
    assert np.abs(y - expected).max() < 0.05 * np.abs(expected).max()
