"""Golden values for Descent's model files (format version 2) read and written by numpy, zlib and base64 alone.

Run by hand with Debian's Python (numpy 1.24):
    /usr/bin/python3 tests/reference/model_files.py
(again whenever the format-2 golden model files are rewritten). Writes tests/reference/golden/persistence/model_files.json:
- "predictions": the format-2 golden tree and forest files of tests/Descent.Tests/Persistence/Golden/v2 decoded as
  docs/CLI.md documents the encoding, each tree rebuilt from its depth-first split/leaf marks, and the recorded rows
  predicted by walking the trees here (float32 features against float64 thresholds, the mean over a forest's trees;
  classifiers: the mean of the leaves' class frequencies). Descent's own predictions must agree: the encoding and the
  layout say all a reader needs.
- "arrays": arrays encoded here, in every type and both compressions, with the values they hold, for Descent to decode.
"""
import base64
import json
import os
import zlib

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
GOLDEN = os.path.join(HERE, "..", "Descent.Tests", "Persistence", "Golden", "v2")
OUT = os.path.join(HERE, "golden", "persistence")
DTYPES = {"float64": "<f8", "float32": "<f4", "int32": "<i4", "int16": "<i2", "int8": "i1"}


def decode(encoded):
    """An encoded array: {"dtype", "count", "compression", "base64"}."""
    data = base64.b64decode(encoded["base64"], validate=True)
    if encoded["compression"] == "zlib":
        data = zlib.decompress(data)
    values = np.frombuffer(data, dtype=DTYPES[encoded["dtype"]])
    assert len(values) == encoded["count"]
    return values


def encode(values, dtype, compression):
    data = np.asarray(values, dtype=DTYPES[dtype]).tobytes()
    if compression == "zlib":
        data = zlib.compress(data, 9)
    return {"dtype": dtype, "count": len(values), "compression": compression,
            "base64": base64.b64encode(data).decode("ascii")}


def right_children(feature):
    """A split's left child is the next node; after a leaf comes the right child of the nearest split still waiting."""
    right, waiting = [-1] * len(feature), []
    for i, f in enumerate(feature):
        if i > 0 and feature[i - 1] < 0:
            right[waiting.pop()] = i
        if f >= 0:
            waiting.append(i)
    assert not waiting
    return right


def leaf_values(tree, rows):
    feature = decode(tree["feature"]).astype(int)
    threshold = decode(tree["threshold"]).astype(np.float64)
    values = decode(tree["value"]).astype(np.float64).reshape(tree["nodeCount"], -1)
    right = right_children(list(feature))
    out = []
    for row in rows.astype(np.float32):
        node = 0
        while feature[node] >= 0:
            node = node + 1 if np.float64(row[feature[node]]) <= threshold[node] else right[node]
        out.append(values[node])
    return np.array(out)


def predict(name):
    with open(os.path.join(GOLDEN, name + ".json")) as f:
        model = json.load(f)
    with open(os.path.join(GOLDEN, name + ".expected.json")) as f:
        rows = np.array(json.load(f)["rows"], dtype=np.float64)
    trees = model["model"]["trees"] if "trees" in model["model"] else [model["model"]["tree"]]
    leaves = [leaf_values(t, rows) for t in trees]
    if "classes" not in model["model"]:
        return {"predictions": np.mean([l[:, 0] for l in leaves], axis=0).tolist()}
    probabilities = np.mean([l / l.sum(axis=1, keepdims=True) for l in leaves], axis=0)
    classes = model["model"]["classes"]
    return {"labels": [classes[k] for k in probabilities.argmax(axis=1)], "probabilities": probabilities.tolist()}


def main():
    rng = np.random.RandomState(0)
    arrays = []
    for compression in ["none", "zlib"]:
        doubles = np.concatenate([[0.0, -0.0, 5e-324, 1.7976931348623157e308, 0.1 + 0.2], rng.normal(size=40)])
        arrays.append({"values": doubles.tolist(), "encoded": encode(doubles, "float64", compression)})
        floats = rng.normal(size=25).astype(np.float32)
        arrays.append({"values": floats.astype(np.float64).tolist(), "encoded": encode(floats, "float32", compression)})
        for dtype, high in [("int32", 2**31 - 1), ("int16", 2**15 - 1), ("int8", 127)]:
            ints = np.concatenate([[-high - 1, high, 0, -1], rng.randint(-high - 1, high, size=60)])
            arrays.append({"values": ints.tolist(), "encoded": encode(ints, dtype, compression)})
    golden = {
        "predictions": {name: predict(name) for name in ["tree-regressor", "tree-classifier", "forest-regressor", "forest-classifier"]},
        "arrays": arrays,
    }
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, "model_files.json"), "w") as f:
        json.dump(golden, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
