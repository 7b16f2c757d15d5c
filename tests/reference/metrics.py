"""Golden values for Descent.Metrics and Descent.ModelSelection from scikit-learn 1.2.

Run by hand with Debian's Python (scikit-learn 1.2.1, numpy 1.24):
    /usr/bin/python3 tests/reference/metrics.py
Writes tests/reference/golden/metrics/*.json: every fixture's inputs and scikit-learn's outputs, warnings and
error messages, so the C# tests never need Python. NaN is written as null.
"""
import json
import math
import os
import warnings

import numpy as np
import sklearn
from sklearn import metrics as M
from sklearn.model_selection import KFold, StratifiedKFold, train_test_split
from sklearn.model_selection._split import _approximate_mode, _validate_shuffle_split

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "golden", "metrics")
os.makedirs(OUT, exist_ok=True)


def clean(v):
    if isinstance(v, dict):
        return {str(k): clean(x) for k, x in v.items()}
    if isinstance(v, (list, tuple)):
        return [clean(x) for x in v]
    if isinstance(v, np.ndarray):
        return clean(v.tolist())
    if isinstance(v, (np.floating, float)):
        f = float(v)
        return None if math.isnan(f) else f
    if isinstance(v, (np.integer,)):
        return int(v)
    if isinstance(v, np.bool_):
        return bool(v)
    if isinstance(v, np.str_):
        return str(v)
    return v


def write(name, data):
    data = {"sklearn": sklearn.__version__, "numpy": np.__version__, **data}
    with open(os.path.join(OUT, name + ".json"), "w") as f:
        json.dump(clean(data), f, indent=1, allow_nan=False)


def run(fn):
    """(value, warnings) of fn(), or {"error": message}."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            value = fn()
        except Exception as e:  # noqa: BLE001
            return {"error": str(e), "type": type(e).__name__}
    return {"value": value, "warnings": [str(w.message) for w in caught
                                         if issubclass(w.category, (M._classification.UndefinedMetricWarning, UserWarning))
                                         and not issubclass(w.category, FutureWarning)]}


rng = np.random.RandomState(42)

# ---------------------------------------------------------------- regression
def regression_fixtures():
    out = []
    n = 37
    y = rng.normal(3.0, 2.0, n)
    yhat = y + rng.normal(0, 0.7, n)
    w = rng.uniform(0.1, 2.0, n)
    out.append(("random", y, yhat, None))
    out.append(("random_weighted", y, yhat, w))
    out.append(("biased", y, y + 0.5 + rng.normal(0, 0.1, n), None))
    out.append(("constant_true_perfect", np.full(5, 2.5), np.full(5, 2.5), None))
    out.append(("constant_true_wrong", np.full(5, 2.5), np.array([2.5, 2.0, 3.0, 2.5, 2.5]), None))
    out.append(("single_sample", np.array([1.5]), np.array([1.0]), None))
    out.append(("large_values", rng.normal(1e6, 1e3, 20), rng.normal(1e6, 1e3, 20), None))
    cases = []
    for name, yt, yp, sw in out:
        case = {"name": name, "y_true": yt, "y_pred": yp, "sample_weight": sw}
        case["mse"] = run(lambda: M.mean_squared_error(yt, yp, sample_weight=sw))
        case["rmse"] = run(lambda: M.mean_squared_error(yt, yp, sample_weight=sw, squared=False))
        case["mae"] = run(lambda: M.mean_absolute_error(yt, yp, sample_weight=sw))
        case["r2"] = run(lambda: M.r2_score(yt, yp, sample_weight=sw))
        case["explained_variance"] = run(lambda: M.explained_variance_score(yt, yp, sample_weight=sw))
        cases.append(case)
    errors = {
        "length": run(lambda: M.mean_squared_error([1.0, 2.0, 3.0], [1.0, 2.0])),
        "nan_pred": run(lambda: M.mean_squared_error([1.0, 2.0], [1.0, np.nan])),
        "inf_true": run(lambda: M.mean_absolute_error([1.0, np.inf], [1.0, 2.0])),
    }
    write("regression", {"cases": cases, "errors": errors})


# ---------------------------------------------------------------- label metrics
def label_fixtures():
    fx = []
    n = 60
    yt = (rng.uniform(size=n) < 0.15).astype(int)           # imbalanced binary
    yp = yt.copy()
    flip = rng.choice(n, 12, replace=False)
    yp[flip] = 1 - yp[flip]
    fx.append(("binary_imbalanced", yt, yp, None, None))
    fx.append(("binary_weighted", yt, yp, rng.uniform(0.5, 3.0, n), None))
    fx.append(("binary_all_negative_predictions", yt, np.zeros(n, int), None, None))
    fx.append(("binary_all_one_class", np.zeros(10, int), np.zeros(10, int), None, None))
    fx.append(("binary_minus_one_one", np.where(yt == 1, 1, -1), np.where(yp == 1, 1, -1), None, None))
    yt = rng.randint(0, 4, 50)
    yp = np.where(rng.uniform(size=50) < 0.6, yt, rng.randint(0, 4, 50))
    fx.append(("multiclass_int", yt, yp, None, None))
    fx.append(("multiclass_int_weighted", yt, yp, rng.uniform(0.1, 1.0, 50), None))
    names = np.array(["cat", "dog", "fish", "Zebra"])
    yt = names[rng.choice(4, 40, p=[0.5, 0.3, 0.15, 0.05])]
    yp = np.where(rng.uniform(size=40) < 0.5, yt, names[rng.choice(3, 40)])   # Zebra is never predicted
    fx.append(("multiclass_string", yt, yp, None, None))
    yt = np.array(["ham"] * 25 + ["spam"] * 5)
    yp = np.array(["ham"] * 22 + ["spam"] * 3 + ["spam"] * 2 + ["ham"] * 3)
    fx.append(("binary_string", yt, yp, None, "spam"))
    fx.append(("multiclass_predicts_one_class", np.array([0, 1, 2, 2, 1, 0, 2]), np.full(7, 2), None, None))
    cases = []
    for name, yt, yp, sw, pos in fx:
        binary = len(np.union1d(yt, yp)) <= 2
        pos_label = pos if pos is not None else 1
        c = {"name": name, "y_true": yt, "y_pred": yp, "sample_weight": sw, "pos_label": pos,
             "labels": np.unique(np.concatenate([yt, yp]))}
        c["confusion_matrix"] = run(lambda: M.confusion_matrix(yt, yp, sample_weight=sw))
        c["accuracy"] = run(lambda: M.accuracy_score(yt, yp, sample_weight=sw))
        c["accuracy_count"] = run(lambda: M.accuracy_score(yt, yp, normalize=False, sample_weight=sw))
        prf = []
        averages = (["binary"] if binary else []) + ["micro", "macro", "weighted", None]
        for average in averages:
            for zd in ["warn", 0, 1]:
                kw = dict(average=average, sample_weight=sw, zero_division=zd, pos_label=pos_label)
                e = {"average": average or "none", "zero_division": str(zd)}
                e["prfs"] = run(lambda: M.precision_recall_fscore_support(yt, yp, beta=1.0, **kw))
                e["precision"] = run(lambda: M.precision_score(yt, yp, **kw))
                e["recall"] = run(lambda: M.recall_score(yt, yp, **kw))
                e["f1"] = run(lambda: M.f1_score(yt, yp, **kw))
                e["f_half"] = run(lambda: M.fbeta_score(yt, yp, beta=0.5, **kw))
                e["f_two"] = run(lambda: M.fbeta_score(yt, yp, beta=2.0, **kw))
                prf.append(e)
        c["prf"] = prf
        c["report_dict"] = run(lambda: M.classification_report(yt, yp, sample_weight=sw, output_dict=True))
        c["report_text"] = run(lambda: M.classification_report(yt, yp, sample_weight=sw))
        c["report_text_4"] = run(lambda: M.classification_report(yt, yp, sample_weight=sw, digits=4))
        cases.append(c)
    # labels argument: a subset and an extra, absent label
    yt = np.array([0, 1, 2, 2, 1, 0, 2, 3]); yp = np.array([0, 2, 2, 2, 1, 1, 0, 3])
    subset = {"y_true": yt, "y_pred": yp,
              "cm_labels": [2, 0, 5],
              "confusion_matrix": run(lambda: M.confusion_matrix(yt, yp, labels=[2, 0, 5])),
              "prf_labels": [0, 2, 5],
              "prf_macro": run(lambda: M.precision_recall_fscore_support(yt, yp, labels=[0, 2, 5], average="macro")),
              "prf_none": run(lambda: M.precision_recall_fscore_support(yt, yp, labels=[0, 2, 5], average=None)),
              "report_dict": run(lambda: M.classification_report(yt, yp, labels=[0, 2, 5], output_dict=True, zero_division=0)),
              "report_text": run(lambda: M.classification_report(yt, yp, labels=[0, 2, 5], zero_division=0))}
    errors = {
        "binary_average_on_multiclass": run(lambda: M.precision_score([0, 1, 2], [0, 1, 1])),
        "pos_label_not_present": run(lambda: M.precision_score([0, 2, 2], [0, 2, 0])),
        "pos_label_string_default": run(lambda: M.f1_score(["a", "b"], ["a", "a"])),
        "length": run(lambda: M.accuracy_score([0, 1, 1], [0, 1])),
        "beta_negative": run(lambda: M.fbeta_score([0, 1], [0, 1], beta=-1.0)),
    }
    write("labels", {"cases": cases, "labels_argument": subset, "errors": errors})


# ---------------------------------------------------------------- score metrics (curves)
def score_fixtures():
    fx = []
    n = 200
    yt = (rng.uniform(size=n) < 0.3).astype(int)
    s = np.round(np.clip(0.3 * yt + rng.normal(0.35, 0.2, n), 0, 1), 1)      # many ties
    fx.append(("ties_rounded", yt, s, None, None))
    fx.append(("ties_weighted", yt, s, np.where(rng.uniform(size=n) < 0.1, 0.0, rng.uniform(0.2, 2, n)), None))
    s2 = 1 / (1 + np.exp(-(1.5 * yt + rng.normal(0, 1, n))))
    fx.append(("continuous", yt, s2, None, None))
    yt3 = np.where(rng.uniform(size=50) < 0.08, 1, -1)                    # very imbalanced, -1/1
    yt3[3] = 1
    fx.append(("imbalanced_minus_one", yt3, rng.randint(-3, 4, 50).astype(float), None, None))
    yt4 = np.array(["neg", "pos", "neg", "neg", "pos", "pos", "neg", "pos", "neg", "neg", "pos", "neg"])
    fx.append(("strings", yt4, np.array([0.1, 0.9, 0.35, 0.4, 0.4, 0.8, 0.2, 0.4, 0.65, 0.1, 0.3, 0.0]), None, "pos"))
    fx.append(("collinear", np.array([0, 0, 1, 1, 0, 1, 1, 0, 1, 0]),
               np.array([0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]), None, None))
    fx.append(("all_scores_equal", np.array([0, 1, 0, 1, 1]), np.full(5, 0.5), None, None))
    fx.append(("perfect", np.array([0, 0, 1, 1]), np.array([0.1, 0.2, 0.8, 0.9]), None, None))
    fx.append(("no_positives", np.zeros(6, int), np.array([0.1, 0.2, 0.3, 0.2, 0.9, 0.5]), None, None))
    cases = []
    for name, yt, s, sw, pos in fx:
        c = {"name": name, "y_true": yt, "y_score": s, "sample_weight": sw, "pos_label": pos}
        c["roc"] = run(lambda: M.roc_curve(yt, s, pos_label=pos, sample_weight=sw))
        c["roc_all"] = run(lambda: M.roc_curve(yt, s, pos_label=pos, sample_weight=sw, drop_intermediate=False))
        c["pr"] = run(lambda: M.precision_recall_curve(yt, s, pos_label=pos, sample_weight=sw))
        c["average_precision"] = run(lambda: M.average_precision_score(yt, s, pos_label=pos if pos else 1, sample_weight=sw))
        c["roc_auc"] = run(lambda: M.roc_auc_score(yt, s, sample_weight=sw))
        if s.min() >= 0 and s.max() <= 1:
            c["brier"] = run(lambda: M.brier_score_loss(yt, s, pos_label=pos, sample_weight=sw))
            c["log_loss"] = run(lambda: M.log_loss(yt, s, sample_weight=sw))
        cases.append(c)
    # multiclass probabilities
    mc = []
    for name, names, n, k in [("int4", np.array([0, 1, 2, 3]), 80, 4), ("strings3", np.array(["b", "a", "c"]), 45, 3)]:
        yt = names[rng.randint(0, k, n)]
        logits = rng.normal(0, 1, (n, k))
        classes = np.unique(names)
        for j, cl in enumerate(classes):
            logits[yt == cl, j] += 1.0
        p = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
        p[0] = np.eye(k)[0]           # exact 0 and 1: clipping
        sw = rng.uniform(0.2, 1.5, n)
        c = {"name": name, "y_true": yt, "y_score": p, "classes": classes, "sample_weight": sw}
        for avg in ["macro", "weighted", "micro"]:
            c["roc_auc_ovr_" + avg] = run(lambda: M.roc_auc_score(yt, p, multi_class="ovr", average=avg))
            c["roc_auc_ovr_" + avg + "_weighted"] = run(lambda: M.roc_auc_score(yt, p, multi_class="ovr", average=avg, sample_weight=sw))
        c["log_loss"] = run(lambda: M.log_loss(yt, p))
        c["log_loss_sum"] = run(lambda: M.log_loss(yt, p, normalize=False))
        c["log_loss_weighted"] = run(lambda: M.log_loss(yt, p, sample_weight=sw))
        c["log_loss_unnormalized_rows"] = run(lambda: M.log_loss(yt, p * 0.9))
        mc.append(c)
    yt = np.array([0, 2, 2, 0, 2])     # class 1 absent: labels argument
    p = np.array([[0.7, 0.2, 0.1], [0.1, 0.1, 0.8], [0.3, 0.3, 0.4], [0.5, 0.4, 0.1], [0.0, 0.0, 1.0]])
    log_loss_labels = {"y_true": yt, "y_score": p, "labels": [0, 1, 2], "value": run(lambda: M.log_loss(yt, p, labels=[0, 1, 2]))}
    errors = {
        "nan_score": run(lambda: M.roc_auc_score([0, 1, 1], [0.1, np.nan, 0.3])),
        "nan_score_curve": run(lambda: M.roc_curve([0, 1, 1], [0.1, np.nan, 0.3])),
        "inf_score": run(lambda: M.precision_recall_curve([0, 1, 1], [0.1, np.inf, 0.3])),
        "length": run(lambda: M.roc_auc_score([0, 1, 1], [0.1, 0.3])),
        "single_class": run(lambda: M.roc_auc_score([1, 1, 1], [0.1, 0.2, 0.3])),
        "multiclass_curve": run(lambda: M.roc_curve([0, 1, 2], [0.1, 0.2, 0.3])),
        "string_no_pos_label": run(lambda: M.roc_curve(["a", "b", "a"], [0.1, 0.2, 0.3])),
        "log_loss_single_label": run(lambda: M.log_loss([1, 1, 1], [0.2, 0.3, 0.4])),
        "probabilities_not_summing": run(lambda: M.roc_auc_score([0, 1, 2], [[0.2, 0.2, 0.2], [0.3, 0.3, 0.4], [0.1, 0.1, 0.8]], multi_class="ovr")),
        "multiclass_column_count": run(lambda: M.roc_auc_score([0, 1, 2], [[0.5, 0.5], [0.3, 0.7], [0.1, 0.9]], multi_class="ovr")),
        "brier_above_one": run(lambda: M.brier_score_loss([0, 1], [0.2, 1.2])),
    }
    write("scores", {"cases": cases, "multiclass": mc, "log_loss_labels": log_loss_labels, "errors": errors})


# ---------------------------------------------------------------- evaluate (CLI JSON values)
def evaluate_fixtures():
    out = []
    # binary, string labels: the positive class is the second sorted one ("yes")
    classes = np.array(["no", "yes"])
    n = 40
    yt = classes[(rng.uniform(size=n) < 0.35).astype(int)]
    p1 = np.clip(0.4 * (yt == "yes") + rng.uniform(0, 0.6, n), 0, 1)
    proba = np.column_stack([1 - p1, p1])
    pred = classes[proba.argmax(axis=1)]
    out.append(("binary_strings", classes, yt, pred, proba))
    classes = np.array([1, 2, 3])
    n = 45
    yt = classes[rng.randint(0, 3, n)]
    logits = rng.normal(0, 1, (n, 3)); logits[np.arange(n), yt - 1] += 1.2
    proba = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
    pred = classes[proba.argmax(axis=1)]
    out.append(("multiclass_numbers", classes, yt, pred, proba))
    cases = []
    for name, classes, yt, pred, proba in out:
        binary = len(classes) == 2
        avg = "binary" if binary else "macro"
        kw = dict(average=avg, pos_label=classes[1]) if binary else dict(average=avg)
        value = {
            "accuracy": M.accuracy_score(yt, pred),
            "precision": M.precision_score(yt, pred, zero_division=0, **kw),
            "recall": M.recall_score(yt, pred, zero_division=0, **kw),
            "f1": M.f1_score(yt, pred, zero_division=0, **kw),
            "log_loss": M.log_loss(yt, proba, labels=classes),
            "roc_auc": M.roc_auc_score(yt == classes[1], proba[:, 1]) if binary
            else M.roc_auc_score(yt, proba, multi_class="ovr", average="macro", labels=classes),
            "confusion_matrix": M.confusion_matrix(yt, pred, labels=classes),
            "classes": classes,
        }
        cases.append({"name": name, "classes": classes, "y_true": yt, "y_pred": pred, "proba": proba, "expected": value})
    yt = rng.normal(0, 1, 30); yp = yt + rng.normal(0, 0.3, 30)
    regression = {"y_true": yt, "y_pred": yp, "expected": {
        "mse": M.mean_squared_error(yt, yp), "rmse": M.mean_squared_error(yt, yp, squared=False),
        "mae": M.mean_absolute_error(yt, yp), "r2": M.r2_score(yt, yp)}}
    write("evaluate", {"classification": cases, "regression": regression})


# ---------------------------------------------------------------- model selection
def model_selection_fixtures():
    kfold = []
    for n, k in [(23, 5), (10, 2), (7, 7)]:
        kfold.append({"n": n, "k": k, "test": [t for _, t in KFold(k).split(np.zeros(n))],
                      "train": [t for t, _ in KFold(k).split(np.zeros(n))]})
    strat = []
    for y, k in [(np.array([0] * 10 + [1] * 4 + [2] * 7), 3),
                 (np.array(list("bbaabababbbbcccacb")), 4),
                 (rng.randint(0, 3, 31), 5)]:
        strat.append({"y": y, "k": k, "test": [t for _, t in StratifiedKFold(k).split(np.zeros(len(y)), y)],
                      "warnings": run(lambda: list(StratifiedKFold(k).split(np.zeros(len(y)), y)))["warnings"]})
    sizes = []
    for n, test, train in [(100, 0.25, None), (10, 0.25, None), (7, 0.3, None), (100, 30, None), (100, None, 0.6),
                           (100, 0.2, 0.5), (50, 10, 20), (10, 0.95, None), (3, 0.5, None)]:
        r = run(lambda: _validate_shuffle_split(n, test, train, default_test_size=0.25))
        sizes.append({"n": n, "test_size": test, "train_size": train, "result": r})
    size_errors = {
        "test_too_big": run(lambda: _validate_shuffle_split(10, 10, None, 0.25)),
        "fraction_one": run(lambda: _validate_shuffle_split(10, 1.0, None, 0.25)),
        "sum_above_one": run(lambda: _validate_shuffle_split(10, 0.6, 0.6, 0.25)),
        "counts_too_many": run(lambda: _validate_shuffle_split(10, 6, 5, 0.25)),
        "empty_train": run(lambda: _validate_shuffle_split(1, 0.5, None, 0.25)),
        "stratify_one_member": run(lambda: train_test_split(np.zeros(6), stratify=[0, 0, 0, 1, 1, 2], random_state=0)),
        "stratify_test_too_small": run(lambda: train_test_split(np.zeros(9), test_size=2, stratify=[0, 0, 0, 1, 1, 1, 2, 2, 2], random_state=0)),
        "kfold_too_many": run(lambda: list(KFold(5).split(np.zeros(3)))),
        "kfold_one": run(lambda: KFold(1)),
        "stratified_too_many": run(lambda: list(StratifiedKFold(3).split(np.zeros(4), [0, 0, 1, 1]))),
    }
    # the class allocation of stratified splits where no remainder ties exist
    modes = []
    for counts, draws in [([50, 30, 20], 23), ([13, 7, 5], 19), ([40, 9], 12)]:
        counts = np.array(counts)
        modes.append({"counts": counts, "draws": draws, "result": _approximate_mode(counts, draws, 0)})
    write("model_selection", {"kfold": kfold, "stratified_kfold": strat, "split_sizes": sizes,
                              "errors": size_errors, "approximate_mode": modes})


regression_fixtures()
label_fixtures()
score_fixtures()
evaluate_fixtures()
model_selection_fixtures()
print("wrote", sorted(os.listdir(OUT)))
