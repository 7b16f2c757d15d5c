"""Golden MLP training runs from scikit-learn 1.2 (MLPClassifier, MLPRegressor) and PyTorch 1.13, for Descent's
MlpClassifier and MlpRegressor.

Run by hand with Debian's Python (python3-sklearn 1.2, python3-torch 1.13, numpy 1.24), with the reference BLAS so
that the file is reproducible byte for byte:
    LD_LIBRARY_PATH=/usr/lib/x86_64-linux-gnu/blas:/usr/lib/x86_64-linux-gnu/lapack /usr/bin/python3 tests/reference/mlp.py
Writes tests/reference/golden/neural_networks/mlp.json. Each case is a small problem (binary and three-class
classification, regression), a network (two hidden layers), and an optimizer (SGD with classical momentum, SGD with
Nesterov momentum, Adam). scikit-learn trains it for 5 epochs without shuffling, in double, from its own Glorot
initialisation, which the case records (weights in PyTorch's [outputs, inputs] layout, the transpose of scikit-learn's
coefs_), with the weights after the 5 epochs, the loss curve and the sample counter t_. PyTorch then trains the same
network from the same weights on the same batches with the same objective (the mean loss of the batch plus
0.5 * alpha * sum ||W||^2 / batch rows, weights only) and torch.optim's SGD or Adam (whose epsilon comes after the bias
correction), and the case records its weights and loss curve too.
"""
import json
import os
import warnings

import numpy as np
import sklearn
import torch
from sklearn.datasets import make_classification, make_regression
from sklearn.exceptions import ConvergenceWarning
from sklearn.neural_network import MLPClassifier, MLPRegressor

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "golden", "neural_networks")
os.makedirs(OUT, exist_ok=True)
torch.set_default_dtype(torch.float64)
EPOCHS = 5
BATCH = 16
ALPHA = 1e-3
HIDDEN = (6, 4)


def problems():
    xb, yb = make_classification(n_samples=60, n_features=4, n_informative=3, n_redundant=0, random_state=1)
    xm, ym = make_classification(n_samples=70, n_features=5, n_informative=4, n_redundant=0, n_classes=3,
                                 n_clusters_per_class=1, random_state=2)
    xr, yr = make_regression(n_samples=60, n_features=4, noise=5.0, random_state=3)
    return [("binary", xb, yb.astype(int)), ("multiclass", xm, ym.astype(int)), ("regression", xr, yr / 50.0)]


OPTIMIZERS = [
    ("momentum", dict(solver="sgd", learning_rate_init=0.05, momentum=0.9, nesterovs_momentum=False)),
    ("nesterov", dict(solver="sgd", learning_rate_init=0.05, momentum=0.9, nesterovs_momentum=True)),
    ("adam", dict(solver="adam", learning_rate_init=0.01)),
]
ACTIVATIONS = {"binary": "relu", "multiclass": "tanh", "regression": "logistic"}


def sklearn_run(task, x, y, activation, options):
    make = MLPRegressor if task == "regression" else MLPClassifier
    model = make(hidden_layer_sizes=HIDDEN, activation=activation, alpha=ALPHA, batch_size=BATCH, max_iter=EPOCHS,
                 shuffle=False, random_state=0, **options)
    recorded = {}
    initialize = type(model)._initialize

    def record(self, *args):
        initialize(self, *args)
        recorded["weights"] = [c.T.copy() for c in self.coefs_]
        recorded["biases"] = [b.copy() for b in self.intercepts_]

    type(model)._initialize = record
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ConvergenceWarning)
            model.fit(x, y)
    finally:
        type(model)._initialize = initialize
    return model, recorded


def torch_run(task, x, y, activation, options, weights0, biases0):
    layers = []
    for w, b in zip(weights0, biases0):
        linear = torch.nn.Linear(w.shape[1], w.shape[0])
        with torch.no_grad():
            linear.weight.copy_(torch.tensor(w))
            linear.bias.copy_(torch.tensor(b))
        layers.append(linear)
    act = {"relu": torch.relu, "tanh": torch.tanh, "logistic": torch.sigmoid}[activation]
    params = [p for layer in layers for p in (layer.weight, layer.bias)]
    if options["solver"] == "adam":
        opt = torch.optim.Adam(params, lr=options["learning_rate_init"])
    else:
        opt = torch.optim.SGD(params, lr=options["learning_rate_init"], momentum=options["momentum"],
                              nesterov=options["nesterovs_momentum"])
    xt = torch.tensor(x)
    curve = []
    for _ in range(EPOCHS):
        total = 0.0
        for start in range(0, len(x), BATCH):
            xb = xt[start:start + BATCH]
            h = xb
            for layer in layers[:-1]:
                h = act(layer(h))
            out = layers[-1](h)
            if task == "regression":
                loss = torch.mean((out[:, 0] - torch.tensor(y[start:start + BATCH])) ** 2) / 2
            elif task == "binary":
                loss = torch.nn.functional.binary_cross_entropy_with_logits(
                    out[:, 0], torch.tensor(y[start:start + BATCH], dtype=torch.float64))
            else:
                loss = torch.nn.functional.cross_entropy(out, torch.tensor(y[start:start + BATCH]))
            loss = loss + 0.5 * ALPHA * sum((layer.weight ** 2).sum() for layer in layers) / len(xb)
            opt.zero_grad()
            loss.backward()
            opt.step()
            total += loss.item() * len(xb)
        curve.append(total / len(x))
    return [layer.weight.detach().numpy() for layer in layers], [layer.bias.detach().numpy() for layer in layers], curve


def lists(arrays):
    return [a.tolist() for a in arrays]


cases = []
for task, x, y in problems():
    activation = ACTIVATIONS[task]
    for name, options in OPTIMIZERS:
        model, init = sklearn_run(task, x, y, activation, options)
        tw, tb, tcurve = torch_run(task, x, y, activation, options, init["weights"], init["biases"])
        cases.append({
            "name": f"{task}-{name}", "task": task, "activation": activation, "hidden": list(HIDDEN), "alpha": ALPHA,
            "batchSize": BATCH, "epochs": EPOCHS, "solver": options["solver"],
            "learningRate": options["learning_rate_init"], "momentum": options.get("momentum", 0.0),
            "nesterov": options.get("nesterovs_momentum", False),
            "x": x.tolist(), "y": y.tolist(),
            "weights0": lists(init["weights"]), "biases0": lists(init["biases"]),
            "sklearn": {"weights": lists(c.T for c in model.coefs_), "biases": lists(model.intercepts_),
                        "lossCurve": list(model.loss_curve_), "iterations": model.n_iter_, "t": model.t_,
                        "predictions": (model.predict_proba(x) if task != "regression" else model.predict(x)).tolist()},
            "torch": {"weights": lists(tw), "biases": lists(tb), "lossCurve": tcurve},
        })

with open(os.path.join(OUT, "mlp.json"), "w") as f:
    json.dump({"sklearn": sklearn.__version__, "torch": torch.__version__, "cases": cases}, f, indent=1)
print("wrote", len(cases), "cases")
