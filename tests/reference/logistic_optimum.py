"""Exactly solved multinomial logistic regressions, for the tests of honest stopping (Descent's Tolerance honoured).

Run by hand with Debian's Python (numpy 1.24, scikit-learn 1.2.1 for the data):
    /usr/bin/python3 tests/reference/logistic_optimum.py
Writes tests/reference/golden/optimization/logistic_optimum.json. For each case it minimises scikit-learn's
multinomial objective  f(W, b) = C·Σᵢ [log Σₖ exp(zᵢₖ) − zᵢ,yᵢ] + ½‖W‖²,  Z = XWᵀ + 1bᵀ  (intercepts not penalised)
by Newton's method with the full Hessian (its one null direction, a constant added to every intercept, handled by a
least-squares solve), from zero, until the gradient stops shrinking at machine precision. It records the data, C, the
optimum's coefficients, intercepts and probabilities, and the largest gradient component there.
"""
import json
import os

import numpy as np
from sklearn.datasets import make_classification

from embedded import load

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "golden", "optimization")
os.makedirs(OUT, exist_ok=True)


def objective(theta, X, Y, C):
    n, p = X.shape
    k = Y.shape[1]
    W = theta[: k * p].reshape(k, p)
    b = theta[k * p:]
    Z = X @ W.T + b
    m = Z.max(axis=1, keepdims=True)
    E = np.exp(Z - m)
    S = E.sum(axis=1, keepdims=True)
    P = E / S
    f = C * np.sum(m[:, 0] + np.log(S[:, 0]) - (Z * Y).sum(axis=1)) + 0.5 * np.sum(W * W)
    G = P - Y
    gW = C * G.T @ X + W
    gb = C * G.sum(axis=0)
    return f, np.concatenate([gW.ravel(), gb]), P


def hessian(theta, X, Y, C):
    n, p = X.shape
    k = Y.shape[1]
    _, _, P = objective(theta, X, Y, C)
    A = np.hstack([X, np.ones((n, 1))])  # per class: weights then the intercept
    H = np.zeros((k * (p + 1), k * (p + 1)))
    for a in range(k):
        for c in range(k):
            w = P[:, a] * ((a == c) - P[:, c])
            H[a * (p + 1):(a + 1) * (p + 1), c * (p + 1):(c + 1) * (p + 1)] = C * (A.T * w) @ A
    for a in range(k):
        for j in range(p):
            H[a * (p + 1) + j, a * (p + 1) + j] += 1.0
    # reorder from per-class (w, b) blocks to theta's layout (all W, then all b)
    order = [a * (p + 1) + j for a in range(k) for j in range(p)] + [a * (p + 1) + p for a in range(k)]
    return H[np.ix_(order, order)]


def solve(X, y, C):
    classes = np.unique(y)
    Y = (y[:, None] == classes[None, :]).astype(float)
    n, p = X.shape
    k = len(classes)
    theta = np.zeros(k * (p + 1))
    best = np.inf
    for _ in range(200):
        f, g, _ = objective(theta, X, Y, C)
        step = np.linalg.lstsq(hessian(theta, X, Y, C), -g, rcond=None)[0]
        t = 1.0
        while objective(theta + t * step, X, Y, C)[0] > f + 1e-4 * t * g @ step and t > 1e-12:
            t *= 0.5
        theta = theta + t * step
        gmax = np.abs(objective(theta, X, Y, C)[1]).max()
        if gmax >= best:
            break
        best = gmax
    f, g, P = objective(theta, X, Y, C)
    return theta, P, float(np.abs(g).max()), k, p


def case(name, X, y, C):
    theta, P, gmax, k, p = solve(X, y, C)
    print(f"{name}: max|g| at the optimum {gmax:.2e}")
    return {"name": name, "C": C, "X": X.tolist(), "y": y.tolist(), "classes": k,
            "coefficients": theta[: k * p].reshape(k, p).tolist(), "intercepts": theta[k * p:].tolist(),
            "probabilities": P.tolist(), "maxGradient": gmax}


Xi, yi, _ = load("iris.csv")
X, y = make_classification(n_samples=240, n_features=6, n_informative=4, n_redundant=1, n_classes=4,
                           n_clusters_per_class=1, class_sep=0.8, random_state=3)
# ill-conditioned: columns on scales from 0.01 to 100, one nearly a copy of another
X = X * np.array([1.0, 30.0, 0.01, 100.0, 3.0, 0.3])
X[:, 5] = X[:, 4] * 0.1 + 0.001 * X[:, 0]
cases = [case("iris", Xi, yi, 1.0), case("ill-conditioned-C1", X, y.astype(float), 1.0),
         case("ill-conditioned-C0.05", X, y.astype(float), 0.05)]
with open(os.path.join(OUT, "logistic_optimum.json"), "w") as f:
    json.dump({"cases": cases}, f)
