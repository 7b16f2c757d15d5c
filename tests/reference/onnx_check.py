#!/usr/bin/python3
"""Checks ONNX files written by Descent with Debian's python3-onnx (1.12): onnx.checker with full_check (the graph,
the operator schemas of opset 17 and ai.onnx.ml 3, and strict shape inference), then the documented interface: one
float input X [N, F] and the outputs label [N] and probabilities / scores [N, K].

Run by hand on files that `descent export` wrote:
    /usr/bin/python3 tests/reference/onnx_check.py model.onnx [more.onnx ...]
The test OnnxCheckerTests runs it on every sample model when /usr/bin/python3 has onnx. Prints one line per file and
exits 1 at the first file that fails, with the checker's message.
"""
import sys

import onnx
from onnx import TensorProto


def dims(value):
    return [d.dim_param or d.dim_value for d in value.type.tensor_type.shape.dim]


def check(path):
    model = onnx.load(path)
    onnx.checker.check_model(model, full_check=True)
    graph = model.graph
    assert [i.name for i in graph.input] == ["X"], "one input, X"
    x = graph.input[0]
    assert x.type.tensor_type.elem_type == TensorProto.FLOAT, "X is float"
    assert dims(x)[0] == "N" and len(dims(x)) == 2, "X is [N, F]"
    outputs = {o.name: o for o in graph.output}
    assert list(outputs)[0] == "label" and dims(outputs["label"]) == ["N"], "label [N] comes first"
    for name in ("probabilities", "scores"):
        if name in outputs:
            assert outputs[name].type.tensor_type.elem_type == TensorProto.FLOAT and len(dims(outputs[name])) == 2
    opsets = {o.domain or "ai.onnx": o.version for o in model.opset_import}
    print(f"{path}: ok (IR {model.ir_version}, opsets {opsets}, outputs {list(outputs)})")


if __name__ == "__main__":
    for path in sys.argv[1:]:
        try:
            check(path)
        except Exception as error:  # the checker's own exceptions and the interface assertions
            print(f"{path}: {type(error).__name__}: {error}")
            sys.exit(1)
