#!/usr/bin/python3
"""Golden values for Descent's decision trees and random forests, from scikit-learn 1.2.

Run by hand with Debian's Python (scikit-learn 1.2.1, numpy 1.24):
    /usr/bin/python3 tests/reference/trees.py
Writes tests/reference/golden/trees/{trees,forests,synthetic}.json.

trees.json: for each case, the trees scikit-learn grows with random_state 0..9. Ties in split gain are broken by
the random feature order, so only what all ten seeds agree on is recorded as golden: the nodes (by path from the
root, up to depth 4), the depth, the leaf count and the export_text output; the range of training scores over
the seeds, which Descent's must fall into; and, when all ten trees are identical ("stable"), the full node arrays
(pre-order, the numbering Descent uses), the feature importances and some predictions.
forests.json: a fixed stratified train/test split and scikit-learn's test accuracy (R^2 for regression) and OOB
score for random_state 0..4, whose mean Descent's must match within a tolerance.
"""
import json
import os

import embedded
import numpy as np
import sklearn
from sklearn.datasets import make_classification, make_regression
from sklearn.ensemble import RandomForestClassifier, RandomForestRegressor
from sklearn.model_selection import train_test_split
from sklearn.tree import DecisionTreeClassifier, DecisionTreeRegressor, export_text

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "golden", "trees")


def synthetic():
    xc, yc = make_classification(n_samples=300, n_features=6, n_informative=4, n_redundant=1, n_classes=3,
                                 n_clusters_per_class=1, random_state=1)
    xr, yr = make_regression(n_samples=200, n_features=5, n_informative=3, noise=10.0, random_state=2)
    # a set with repeated values (integers), so that many thresholds tie on the value grid
    rng = np.random.RandomState(3)
    xg = rng.randint(0, 6, size=(250, 4)).astype(float)
    yg = ((xg[:, 0] + 2 * xg[:, 1] + rng.randint(0, 3, size=250)) > 7).astype(int)
    return {
        "classification": {"x": xc.tolist(), "y": yc.tolist()},
        "regression": {"x": xr.tolist(), "y": yr.tolist()},
        "grid": {"x": xg.tolist(), "y": yg.tolist()},
    }


def dataset(name, synth):
    if name.startswith("synthetic:"):
        d = synth[name.split(":")[1]]
        x = np.array(d["x"])
        return x, np.array(d["y"]), ["f%d" % i for i in range(x.shape[1])]
    return embedded.load(name + ".csv")


def tree_arrays(t):
    tr = t.tree_
    return {
        "feature": tr.feature.tolist(),
        "threshold": tr.threshold.tolist(),
        "left": tr.children_left.tolist(),
        "right": tr.children_right.tolist(),
        "impurity": tr.impurity.tolist(),
        "samples": tr.n_node_samples.tolist(),
        "value": tr.value[:, 0, :].tolist(),
    }


TREE_CASES = [
    ("iris", "clf", {}),
    ("iris", "clf", {"criterion": "entropy"}),
    ("iris", "clf", {"max_depth": 2}),
    ("iris", "clf", {"min_samples_leaf": 5}),
    ("iris", "clf", {"max_depth": 3, "min_impurity_decrease": 0.01}),
    ("wine", "clf", {}),
    ("wine", "clf", {"criterion": "entropy"}),
    ("wine", "clf", {"max_depth": 3}),
    ("breast_cancer", "clf", {}),
    ("breast_cancer", "clf", {"criterion": "entropy"}),
    ("breast_cancer", "clf", {"max_depth": 4, "min_samples_split": 10}),
    ("breast_cancer", "clf", {"max_features": "sqrt"}),
    ("diabetes", "reg", {}),
    ("diabetes", "reg", {"max_depth": 3}),
    ("diabetes", "reg", {"min_samples_leaf": 10}),
    ("diabetes", "reg", {"max_depth": 6, "min_impurity_decrease": 20.0}),
    ("diabetes", "reg", {"max_features": 0.5, "max_depth": 5}),
    ("synthetic:classification", "clf", {}),
    ("synthetic:classification", "clf", {"criterion": "entropy", "max_depth": 4}),
    ("synthetic:classification", "clf", {"max_features": 2}),
    ("synthetic:regression", "reg", {}),
    ("synthetic:regression", "reg", {"max_depth": 5, "min_samples_split": 8}),
    ("synthetic:grid", "clf", {}),
    ("synthetic:grid", "clf", {"max_depth": 3, "criterion": "entropy"}),
]


def node_paths(t, max_depth=4):
    """Each node up to max_depth, keyed by its path from the root ("" root, "L", "LR", ...)."""
    tr = t.tree_
    out = {}

    def walk(node, path):
        leaf = tr.children_left[node] == -1
        out[path] = {"feature": -1 if leaf else int(tr.feature[node]),
                     "threshold": None if leaf else float(tr.threshold[node]),
                     "impurity": float(tr.impurity[node]), "samples": int(tr.n_node_samples[node]),
                     "value": tr.value[node, 0, :].tolist()}
        if not leaf and len(path) < max_depth:
            walk(tr.children_left[node], path + "L")
            walk(tr.children_right[node], path + "R")

    walk(0, "")
    return out


def agreed(values):
    return values[0] if all(v == values[0] for v in values) else None


def tree_cases(synth):
    cases = []
    for name, task, params in TREE_CASES:
        x, y, features = dataset(name, synth)
        if task == "clf":
            y = y.astype(int)
        cls = DecisionTreeClassifier if task == "clf" else DecisionTreeRegressor
        fits = [cls(random_state=s, **params).fit(x, y) for s in range(10)]
        scores = [float(t.score(x, y)) for t in fits]
        arrays = [tree_arrays(t) for t in fits]
        structure = ["feature", "threshold", "left", "right", "samples"]
        stable = all(a[k] == arrays[0][k] for a in arrays for k in structure)
        paths = [node_paths(t) for t in fits]

        def same_split(a, b):
            if b is None or any(a[k] != b[k] for k in ("feature", "threshold", "samples")):
                return False
            return a["feature"] != -1 or np.allclose(a["value"], b["value"], rtol=1e-12, atol=0)

        # nodes (by path) whose split all ten seeds agree on: ties in split gain did not decide them
        # (impurity and value are seed 0's; they differ between seeds only by summation order)
        first_splits = {p: n for p, n in paths[0].items() if all(same_split(n, q.get(p)) for q in paths)}
        case = {
            "dataset": name, "task": task, "params": params, "stable": stable,
            "score_min": min(scores), "score_max": max(scores),
            "depth": agreed([int(t.get_depth()) for t in fits]),
            "leaves": agreed([int(t.get_n_leaves()) for t in fits]),
            "first_splits": first_splits,
            "export_text": agreed([export_text(t, feature_names=features) for t in fits]),
            "export_text_short": agreed([export_text(t, max_depth=1, decimals=3, show_weights=task == "clf")
                                         for t in fits]),
            "feature_names": list(features),
        }
        if stable:
            case["tree"] = arrays[0]
            case["feature_importances"] = fits[0].feature_importances_.tolist()
            if task == "clf":
                case["proba_first_rows"] = fits[0].predict_proba(x[:10]).tolist()
            else:
                case["predict_first_rows"] = fits[0].predict(x[:10]).tolist()
        cases.append(case)
    return cases


FOREST_CASES = [
    ("iris", "clf", {}),
    ("wine", "clf", {}),
    ("breast_cancer", "clf", {}),
    ("synthetic:classification", "clf", {"max_depth": 6}),
    ("diabetes", "reg", {}),
    ("synthetic:regression", "reg", {"min_samples_leaf": 3}),
]


def forest_cases(synth):
    cases = []
    for name, task, params in FOREST_CASES:
        x, y, _ = dataset(name, synth)
        idx = np.arange(len(y))
        train, test = train_test_split(idx, test_size=0.25, random_state=0, stratify=y if task == "clf" else None)
        cls = RandomForestClassifier if task == "clf" else RandomForestRegressor
        scores, oobs = [], []
        for s in range(5):
            f = cls(n_estimators=100, random_state=s, oob_score=True, **params).fit(x[train], y[train])
            scores.append(float(f.score(x[test], y[test])))
            oobs.append(float(f.oob_score_))
        cases.append({"dataset": name, "task": task, "params": params, "train": train.tolist(), "test": test.tolist(),
                      "scores": scores, "oob_scores": oobs, "mean_score": float(np.mean(scores)),
                      "mean_oob_score": float(np.mean(oobs))})
    return cases


def main():
    os.makedirs(OUT, exist_ok=True)
    synth = synthetic()
    meta = {"sklearn": sklearn.__version__, "numpy": np.__version__}
    with open(os.path.join(OUT, "synthetic.json"), "w") as f:
        json.dump(synth, f)
    with open(os.path.join(OUT, "trees.json"), "w") as f:
        json.dump({"meta": meta, "cases": tree_cases(synth)}, f)
    with open(os.path.join(OUT, "forests.json"), "w") as f:
        json.dump({"meta": meta, "cases": forest_cases(synth)}, f)


if __name__ == "__main__":
    main()
