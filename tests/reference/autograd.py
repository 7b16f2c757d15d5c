"""Golden values for Descent's autograd (src/Descent/Autograd) from PyTorch, in double precision.

Run by hand with Debian's python3-torch 1.13 (the tests never need Python):
    /usr/bin/python3 tests/reference/autograd.py
Writes tests/reference/golden/autograd/{operations.json, networks.json}.

operations.json: for every operation and shape, the inputs, the operation's parameters, an upstream gradient g of the
output's shape, the output, and each input's gradient after output.backward(g).
networks.json: small networks (Linear layers as x @ W.T + b, activations, a fused loss) with their loss and the gradient
of every parameter.
"""
import json
import os

import numpy as np
import torch
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "golden", "autograd")
torch.set_default_dtype(torch.float64)
rng = np.random.RandomState(12)


def tensor(shape, low=-2.0, high=2.0):
    return torch.tensor(rng.uniform(low, high, size=shape), dtype=torch.float64, requires_grad=True)


def encode(t):
    t = t.detach()
    return {"shape": list(t.shape), "values": t.reshape(-1).tolist()}


# name -> (op, input shapes, params, domain); the C# test maps op + params back to Tensor operations.
CASES = [
    ("add [2,3]+[3]", "add", [[2, 3], [3]], {}, None),
    ("add [2,1]+[1,3]", "add", [[2, 1], [1, 3]], {}, None),
    ("add []+[2,3]", "add", [[], [2, 3]], {}, None),
    ("sub [2,3]-[2,1]", "sub", [[2, 3], [2, 1]], {}, None),
    ("mul [2,3]*[3]", "mul", [[2, 3], [3]], {}, None),
    ("mul [4]*[]", "mul", [[4], []], {}, None),
    ("div [2,3]/[2,1]", "div", [[2, 3], [2, 1]], {}, (0.5, 2.0)),
    ("neg [3,2]", "neg", [[3, 2]], {}, None),
    ("matmul [3,4]@[4,2]", "matmul", [[3, 4], [4, 2]], {}, None),
    ("matmul [4]@[4,2]", "matmul", [[4], [4, 2]], {}, None),
    ("matmul [3,4]@[4]", "matmul", [[3, 4], [4]], {}, None),
    ("matmul [4]@[4]", "matmul", [[4], [4]], {}, None),
    ("exp [2,3]", "exp", [[2, 3]], {}, None),
    ("log [2,3]", "log", [[2, 3]], {}, (0.1, 3.0)),
    ("pow 3 [2,3]", "pow", [[2, 3]], {"exponent": 3.0}, None),
    ("pow -0.5 [4]", "pow", [[4]], {"exponent": -0.5}, (0.1, 3.0)),
    ("sqrt [2,3]", "sqrt", [[2, 3]], {}, (0.1, 3.0)),
    ("abs [2,3]", "abs", [[2, 3]], {}, None),
    ("clamp [3,3]", "clamp", [[3, 3]], {"min": -0.5, "max": 0.8}, None),
    ("sum [2,3]", "sum", [[2, 3]], {}, None),
    ("sum 0 [2,3]", "sum", [[2, 3]], {"axis": 0, "keepdim": False}, None),
    ("sum 1 keep [2,3]", "sum", [[2, 3]], {"axis": 1, "keepdim": True}, None),
    ("mean [2,3]", "mean", [[2, 3]], {}, None),
    ("mean -1 [2,3]", "mean", [[2, 3]], {"axis": -1, "keepdim": False}, None),
    ("mean 0 keep [2,3]", "mean", [[2, 3]], {"axis": 0, "keepdim": True}, None),
    ("max [3,4]", "max", [[3, 4]], {}, None),
    ("max 0 [3,4]", "max", [[3, 4]], {"axis": 0, "keepdim": False}, None),
    ("max 1 keep [3,4]", "max", [[3, 4]], {"axis": 1, "keepdim": True}, None),
    ("transpose [2,3]", "transpose", [[2, 3]], {}, None),
    ("reshape [2,3]->[3,2]", "reshape", [[2, 3]], {"shape": [3, 2]}, None),
    ("reshape [2,3]->[6]", "reshape", [[2, 3]], {"shape": [6]}, None),
    ("slice [5,2]", "slice", [[5, 2]], {"start": 1, "count": 3}, None),
    ("select [3,2]", "select", [[3, 2]], {"index": 2}, None),
    ("select element [3,2]", "select2", [[3, 2]], {"row": 1, "column": 0}, None),
    ("index_select [4,3]", "index_select", [[4, 3]], {"indices": [3, 0, 3]}, None),
    ("gather [3,4]", "gather", [[3, 4]], {"indices": [2, 0, 3]}, None),
    ("cat 0 [2,3]+[1,3]", "cat", [[2, 3], [1, 3]], {"axis": 0}, None),
    ("cat 1 [2,3]+[2,2]", "cat", [[2, 3], [2, 2]], {"axis": 1}, None),
    ("sigmoid [2,3]", "sigmoid", [[2, 3]], {}, (-6.0, 6.0)),
    ("tanh [2,3]", "tanh", [[2, 3]], {}, None),
    ("relu [3,3]", "relu", [[3, 3]], {}, None),
    ("leaky_relu [3,3]", "leaky_relu", [[3, 3]], {"slope": 0.1}, None),
    ("softmax [3,4]", "softmax", [[3, 4]], {}, (-4.0, 4.0)),
    ("log_softmax [3,4]", "log_softmax", [[3, 4]], {}, (-4.0, 4.0)),
    ("log_softmax [5]", "log_softmax", [[5]], {}, (-4.0, 4.0)),
    ("mse mean [3,2]", "mse", [[3, 2], [3, 2]], {"reduction": "mean"}, None),
    ("mse sum [4]", "mse", [[4], [4]], {"reduction": "sum"}, None),
    ("bce_logits mean [3,2]", "bce_logits", [[3, 2], [3, 2]], {"reduction": "mean"}, (-5.0, 5.0)),
    ("bce_logits sum [4]", "bce_logits", [[4], [4]], {"reduction": "sum"}, (-5.0, 5.0)),
    ("cross_entropy mean [4,3]", "cross_entropy", [[4, 3]], {"targets": [2, 0, 1, 2], "reduction": "mean"}, (-4.0, 4.0)),
    ("cross_entropy sum [3,5]", "cross_entropy", [[3, 5]], {"targets": [4, 4, 0], "reduction": "sum"}, (-4.0, 4.0)),
]


def apply(op, t, p):
    if op == "add": return t[0] + t[1]
    if op == "sub": return t[0] - t[1]
    if op == "mul": return t[0] * t[1]
    if op == "div": return t[0] / t[1]
    if op == "neg": return -t[0]
    if op == "matmul": return torch.matmul(t[0], t[1])
    if op == "exp": return t[0].exp()
    if op == "log": return t[0].log()
    if op == "pow": return t[0].pow(p["exponent"])
    if op == "sqrt": return t[0].sqrt()
    if op == "abs": return t[0].abs()
    if op == "clamp": return t[0].clamp(p["min"], p["max"])
    if op in ("sum", "mean"):
        f = torch.sum if op == "sum" else torch.mean
        return f(t[0]) if "axis" not in p else f(t[0], dim=p["axis"], keepdim=p["keepdim"])
    if op == "max":
        return t[0].max() if "axis" not in p else t[0].max(dim=p["axis"], keepdim=p["keepdim"]).values
    if op == "transpose": return t[0].t()
    if op == "reshape": return t[0].reshape(p["shape"])
    if op == "slice": return t[0][p["start"]:p["start"] + p["count"]]
    if op == "select": return t[0][p["index"]]
    if op == "select2": return t[0][p["row"], p["column"]]
    if op == "index_select": return t[0][torch.tensor(p["indices"])]
    if op == "gather": return t[0].gather(1, torch.tensor(p["indices"])[:, None]).squeeze(1)
    if op == "cat": return torch.cat([t[0], t[1]], dim=p["axis"])
    if op == "sigmoid": return torch.sigmoid(t[0])
    if op == "tanh": return torch.tanh(t[0])
    if op == "relu": return torch.relu(t[0])
    if op == "leaky_relu": return F.leaky_relu(t[0], p["slope"])
    if op == "softmax": return torch.softmax(t[0], dim=-1)
    if op == "log_softmax": return torch.log_softmax(t[0], dim=-1)
    if op == "mse": return F.mse_loss(t[0], t[1], reduction=p["reduction"])
    if op == "bce_logits":
        return F.binary_cross_entropy_with_logits(t[0], t[1], reduction=p["reduction"])
    if op == "cross_entropy":
        return F.cross_entropy(t[0], torch.tensor(p["targets"]), reduction=p["reduction"])
    raise ValueError(op)


def operations():
    cases = []
    for name, op, shapes, params, domain in CASES:
        low, high = domain or (-2.0, 2.0)
        inputs = [tensor(s, low, high) for s in shapes]
        if op == "bce_logits":  # targets are probabilities in [0, 1]
            inputs[1] = torch.tensor(rng.uniform(0, 1, size=shapes[1]), requires_grad=True)
        output = apply(op, inputs, params)
        gradient = torch.tensor(rng.uniform(-1, 1, size=output.shape))
        output.backward(gradient)
        cases.append({
            "name": name, "op": op, "params": params,
            "inputs": [encode(t) for t in inputs],
            "gradient": encode(gradient),
            "output": encode(output),
            "grads": [encode(t.grad) for t in inputs],
        })
    return {"generator": "tests/reference/autograd.py", "torch": torch.__version__, "cases": cases}


def linear_params(inputs, outputs):
    return tensor([outputs, inputs], -0.8, 0.8), tensor([outputs], -0.3, 0.3)


def networks():
    result = []
    # A 3-layer classifier: tanh, relu, cross-entropy over 3 classes.
    x = torch.tensor(rng.uniform(-2, 2, size=(8, 5)))
    y = [0, 2, 1, 1, 0, 2, 2, 1]
    layers = [linear_params(5, 6), linear_params(6, 4), linear_params(4, 3)]
    h = torch.tanh(x @ layers[0][0].t() + layers[0][1])
    h = torch.relu(h @ layers[1][0].t() + layers[1][1])
    loss = F.cross_entropy(h @ layers[2][0].t() + layers[2][1], torch.tensor(y))
    loss.backward()
    result.append(network_case("classifier tanh-relu-cross_entropy", x, y, layers, ["tanh", "relu"], "cross_entropy", loss))
    # A 3-layer regressor: sigmoid, leaky relu, mean squared error on one output.
    x = torch.tensor(rng.uniform(-2, 2, size=(6, 3)))
    target = rng.uniform(-1, 1, size=(6, 1))
    layers = [linear_params(3, 5), linear_params(5, 4), linear_params(4, 1)]
    h = torch.sigmoid(x @ layers[0][0].t() + layers[0][1])
    h = F.leaky_relu(h @ layers[1][0].t() + layers[1][1], 0.01)
    loss = F.mse_loss(h @ layers[2][0].t() + layers[2][1], torch.tensor(target))
    loss.backward()
    result.append(network_case("regressor sigmoid-leaky_relu-mse", x, target.reshape(-1).tolist(), layers,
                               ["sigmoid", "leaky_relu"], "mse", loss))
    return {"generator": "tests/reference/autograd.py", "torch": torch.__version__, "cases": result}


def network_case(name, x, target, layers, activations, loss_name, loss):
    return {
        "name": name, "activations": activations, "loss": loss_name,
        "x": encode(x), "target": target,
        "weights": [encode(w) for w, _ in layers], "biases": [encode(b) for _, b in layers],
        "value": loss.item(),
        "weight_grads": [encode(w.grad) for w, _ in layers], "bias_grads": [encode(b.grad) for _, b in layers],
    }


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    for file, data in (("operations.json", operations()), ("networks.json", networks())):
        with open(os.path.join(OUT, file), "w") as f:
            json.dump(data, f, indent=1)
            f.write("\n")
