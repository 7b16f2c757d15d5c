"""Golden values for Descent's Lasso, ElasticNet, regularization path and LogisticRegression (binary and multinomial).

Run by hand with Debian's scikit-learn 1.2.1 / numpy 1.24 (the tests never need Python):
    /usr/bin/python3 tests/reference/linear_classifiers.py
Writes tests/reference/golden/linear/{sparse_linear.json, logistic.json}. Datasets are stored raw in the JSON
(the tests standardize them the same way: (x - mean) / population std, as StandardScaler does).
"""
import json
import os
import warnings

import embedded
import numpy as np
import sklearn
from sklearn.datasets import load_diabetes
from sklearn.exceptions import ConvergenceWarning
from sklearn._loss.loss import HalfBinomialLoss, HalfMultinomialLoss
from sklearn.linear_model import ElasticNet, Lasso, LogisticRegression, enet_path
from sklearn.linear_model._linear_loss import LinearModelLoss

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "golden", "linear")


def standardize(x):
    std = x.std(axis=0)
    std[std == 0] = 1.0
    return (x - x.mean(axis=0)) / std


def dataset(x, y):
    return {"X": x.tolist(), "y": y.tolist()}


def sparse_linear():
    datasets = {}
    x, y = load_diabetes(return_X_y=True)  # scikit-learn's own copy, features mean-centred and scaled to unit norm
    datasets["diabetes_scaled"] = dataset(x, y)
    rng = np.random.RandomState(0)
    n, p = 30, 60  # n < p
    xs = rng.randn(n, p)
    coef = np.zeros(p)
    coef[:5] = [3.0, -2.0, 1.5, 0.0, 4.0]
    ys = xs @ coef + 0.5 + 0.1 * rng.randn(n)
    datasets["sparse_30x60"] = dataset(xs, ys)
    xt = rng.randn(200, 8) * np.array([1, 2, 3, 0.5, 1, 1, 10, 0.1])
    yt = xt @ rng.randn(8) + rng.randn(200)
    datasets["tall_200x8"] = dataset(xt, yt)

    cases = []
    for name in datasets:
        X = np.array(datasets[name]["X"])
        Y = np.array(datasets[name]["y"])
        for model, alpha, l1 in [("lasso", 0.01, 1.0), ("lasso", 0.1, 1.0), ("lasso", 1.0, 1.0),
                                 ("enet", 0.01, 0.2), ("enet", 0.1, 0.5), ("enet", 1.0, 0.9), ("enet", 0.5, 0.0)]:
            # With l1_ratio = 0 the gap test never passes (scikit-learn's dual point is 0): default tolerance only.
            for tol, max_iter in ([(1e-12, 100000)] if l1 > 0 else []) + [(1e-4, 1000)]:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore", ConvergenceWarning)
                    est = (Lasso(alpha=alpha, tol=tol, max_iter=max_iter) if model == "lasso"
                           else ElasticNet(alpha=alpha, l1_ratio=l1, tol=tol, max_iter=max_iter)).fit(X, Y)
                cases.append({
                    "dataset": name, "model": model, "alpha": alpha, "l1_ratio": l1, "tol": tol, "max_iter": max_iter,
                    "coef": est.coef_.tolist(), "intercept": float(est.intercept_), "n_iter": int(est.n_iter_),
                    "dual_gap": float(est.dual_gap_), "predictions": est.predict(X).tolist(),
                })
    # enet_path on centred data (no intercept), default grid of 20 alphas, tight tolerance.
    X = np.array(datasets["diabetes_scaled"]["X"])
    Y = np.array(datasets["diabetes_scaled"]["y"])
    paths = []
    for l1 in [1.0, 0.5]:
        alphas, coefs, gaps = enet_path(X, Y - Y.mean(), l1_ratio=l1, n_alphas=20, eps=1e-3, tol=1e-12, max_iter=100000)
        paths.append({"dataset": "diabetes_scaled", "l1_ratio": l1, "n_alphas": 20, "eps": 1e-3, "centered_y": True,
                      "alphas": alphas.tolist(), "coefs": coefs.T.tolist()})
    return {"generator": "tests/reference/linear_classifiers.py", "sklearn": sklearn.__version__,
            "numpy": np.__version__, "datasets": datasets, "cases": cases, "paths": paths}


def logistic():
    datasets = {}
    for name, csv in [("breast_cancer", "breast_cancer.csv"), ("iris", "iris.csv"), ("wine", "wine.csv"),
                      ("exam_scores", "exam_scores.csv"), ("digits", "digits.csv")]:
        x, y, _ = embedded.load(csv)
        datasets[name] = dataset(x, y)
    rng = np.random.RandomState(1)
    xs = rng.randn(40, 80)  # n < p, binary
    ys = (xs[:, 0] - xs[:, 1] + 0.5 * rng.randn(40) > 0).astype(float)
    datasets["binary_40x80"] = dataset(xs, ys)
    centers = rng.randn(4, 5) * 2
    labels = rng.randint(0, 4, 300)
    xm = centers[labels] + rng.randn(300, 5) * 1.5
    datasets["blobs4_300x5"] = dataset(xm, labels.astype(float))

    cases = []
    # digits: 10 classes, 64 features (two of them constant), the shape of the multinomial speed workload.
    for name, Cs in [("breast_cancer", [0.01, 1.0, 100.0]), ("iris", [0.01, 1.0, 100.0]), ("wine", [0.01, 1.0, 100.0]),
                     ("binary_40x80", [0.01, 1.0, 100.0]), ("blobs4_300x5", [0.01, 1.0, 100.0]), ("digits", [1.0])]:
        X = standardize(np.array(datasets[name]["X"]))
        Y = np.array(datasets[name]["y"])
        for C in Cs:
            # The unique optimum, to high accuracy (newton-cg to max|gradient| <= 1e-7, then polished by full Newton
            # steps on sklearn's loss), and lbfgs at sklearn's defaults.
            opt = LogisticRegression(C=C, solver="newton-cg", tol=1e-7, max_iter=1000).fit(X, Y)
            assert opt.n_iter_[0] < 1000
            polish(opt, X, Y, C)
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", ConvergenceWarning)
                default = LogisticRegression(C=C).fit(X, Y)
                tight = LogisticRegression(C=C, tol=1e-10, max_iter=10000).fit(X, Y)
            # lbfgs stops on scipy's relative-reduction test (factr) long before a tiny gtol: it is near, not at, the optimum.
            assert objective(tight, X, Y, C) - objective(opt, X, Y, C) < 1e-7 * objective(opt, X, Y, C)
            cases.append({
                "dataset": name, "C": C, "standardized": True,
                "optimum": {"coef": opt.coef_.tolist(), "intercept": opt.intercept_.tolist(),
                            "proba": opt.predict_proba(X).tolist(), "predict": opt.predict(X).tolist(),
                            "objective": objective(opt, X, Y, C)},
                "lbfgs_default": {"coef": default.coef_.tolist(), "intercept": default.intercept_.tolist(),
                                  "n_iter": int(default.n_iter_[0]), "predict": default.predict(X).tolist(),
                                  "objective": objective(default, X, Y, C)},
            })
    return {"generator": "tests/reference/linear_classifiers.py", "sklearn": sklearn.__version__,
            "numpy": np.__version__, "datasets": datasets, "cases": cases}


def polish(model, X, Y, C):
    """Full Newton steps on scikit-learn's own loss (LinearModelLoss) from newton-cg's answer, to max|gradient| ~ 1e-12,
    so the golden optimum is exact to many more digits than the solvers' tolerances."""
    multiclass = len(model.classes_) > 2
    base = HalfMultinomialLoss(n_classes=len(model.classes_)) if multiclass else HalfBinomialLoss()
    loss = LinearModelLoss(base_loss=base, fit_intercept=True)
    target = np.searchsorted(model.classes_, Y).astype(float)
    sw = np.ones(len(Y))
    coef = np.hstack([model.coef_, model.intercept_[:, None]]) if multiclass else np.append(model.coef_[0], model.intercept_)
    for _ in range(4):
        grad, hessp = loss.gradient_hessian_product(coef, X, target, sw, l2_reg_strength=1.0 / C)
        d = coef.size
        H = np.column_stack([hessp(e.reshape(coef.shape)).ravel() for e in np.eye(d)])
        step = np.linalg.lstsq(H, -grad.ravel(), rcond=None)[0]
        coef = coef + step.reshape(coef.shape)
    grad, _ = loss.gradient_hessian_product(coef, X, target, sw, l2_reg_strength=1.0 / C)
    assert np.abs(grad).max() < 1e-9, np.abs(grad).max()
    if multiclass:
        model.coef_, model.intercept_ = coef[:, :-1].copy(), coef[:, -1].copy()
    else:
        model.coef_, model.intercept_ = coef[None, :-1].copy(), coef[-1:].copy()


def objective(model, X, Y, C):
    """sklearn 1.2's lbfgs objective: sum of log-losses + ||W||^2 / (2C)."""
    proba = np.clip(model.predict_proba(X), 1e-300, 1)
    idx = np.searchsorted(model.classes_, Y)
    return float(-np.log(proba[np.arange(len(Y)), idx]).sum() + 0.5 / C * (model.coef_ ** 2).sum())


def write(name, content):
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, name), "w") as f:
        json.dump(content, f, separators=(",", ":"))
        f.write("\n")


if __name__ == "__main__":
    write("sparse_linear.json", sparse_linear())
    write("logistic.json", logistic())
    print("wrote", OUT)
