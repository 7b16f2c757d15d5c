"""Golden values for Descent's LinearRegression, Ridge, PolynomialFeatures, StandardScaler and MinMaxScaler.

Run by hand with Debian's scikit-learn 1.2 (the `python3` first on PATH may lack it):

    /usr/bin/python3 tests/reference/linear_regression.py

Writes tests/reference/golden/linear/*.json. Datasets are read from the library's embedded copies in
src/Descent/Data/Embedded/*.csv (header row, target in the last column); synthetic inputs are stored in the JSON itself.
"""
import json
import os

import embedded
import numpy as np
import sklearn
from sklearn.linear_model import LinearRegression, Ridge
from sklearn.preprocessing import MinMaxScaler, PolynomialFeatures, StandardScaler

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "golden", "linear")
HEAD = 20  # predictions and transforms are stored for the first HEAD rows


def synthetic():
    rng = np.random.default_rng(20261121)
    cases = {}
    x = rng.normal(size=(60, 5)) * np.array([1.0, 10.0, 0.1, 3.0, 100.0]) + np.array([0, 5, -2, 0, 1000])
    y = x @ np.array([1.5, -0.2, 7.0, 0.0, 0.01]) + 3.0 + rng.normal(scale=0.5, size=60)
    cases["dense_60x5"] = (x, y)
    base = rng.normal(size=(40, 4))
    # Rank-deficient: column 4 duplicates column 1, column 5 = 2·column 0 − column 3.
    x = np.column_stack([base, base[:, 1], 2 * base[:, 0] - base[:, 3]])
    y = base @ np.array([1.0, 2.0, -1.0, 0.5]) + rng.normal(scale=0.1, size=40)
    cases["rank_deficient_40x6"] = (x, y)
    x = rng.normal(size=(8, 20))
    y = rng.normal(size=8)
    cases["wide_8x20"] = (x, y)
    x = rng.uniform(-3, 3, size=(25, 1))
    y = 0.5 * x[:, 0] ** 3 - x[:, 0] + rng.normal(scale=0.3, size=25)
    cases["one_feature_25x1"] = (x, y)
    return cases


def regression_inputs():
    inputs = {}
    for name in ("food_truck.csv", "house_prices.csv", "diabetes.csv"):
        inputs[name] = {"dataset": name, "data": embedded.load(name)[:2]}
    for name, (x, y) in synthetic().items():
        inputs[name] = {"X": x.tolist(), "y": y.tolist(), "data": (x, y)}
    return inputs


def describe(source):
    return {k: v for k, v in source.items() if k != "data"}


def linear_regression_cases():
    cases = []
    for name, source in regression_inputs().items():
        x, y = source["data"]
        for fit_intercept in (True, False):
            model = LinearRegression(fit_intercept=fit_intercept).fit(x, y)
            cases.append({
                "input": name, "fit_intercept": fit_intercept,
                "coef": model.coef_.tolist(), "intercept": float(model.intercept_), "rank": int(model.rank_),
                "predictions": model.predict(x[:HEAD]).tolist(),
            })
    return cases


def ridge_cases():
    cases = []
    for name, source in regression_inputs().items():
        x, y = source["data"]
        for alpha in (0.01, 1.0, 10.0, 1000.0):
            for fit_intercept in (True, False):
                model = Ridge(alpha=alpha, fit_intercept=fit_intercept, solver="cholesky").fit(x, y)
                cases.append({
                    "input": name, "alpha": alpha, "fit_intercept": fit_intercept,
                    "coef": model.coef_.tolist(), "intercept": float(model.intercept_),
                    "predictions": model.predict(x[:HEAD]).tolist(),
                })
    return cases


def scaler_inputs():
    rng = np.random.default_rng(7)
    x = embedded.load("diabetes.csv")[0]
    mixed = np.column_stack([
        rng.normal(loc=1e6, scale=1.0, size=30),   # large mean, small spread
        np.full(30, 3.7),                           # constant column
        rng.uniform(-1, 1, size=30),
        np.full(30, 0.1) + np.arange(30) * 0.0,     # constant again, non-integer value
    ])
    return {"diabetes.csv": ({"dataset": "diabetes.csv"}, x), "mixed_30x4": ({"X": mixed.tolist()}, mixed)}


def standard_scaler_cases():
    cases = []
    for name, (source, x) in scaler_inputs().items():
        for with_mean, with_std in ((True, True), (False, True), (True, False)):
            scaler = StandardScaler(with_mean=with_mean, with_std=with_std).fit(x)
            cases.append({
                "name": name, **source, "with_mean": with_mean, "with_std": with_std,
                "mean": (scaler.mean_ if with_mean else np.zeros(x.shape[1])).tolist(),
                "var": (scaler.var_ if with_std else np.zeros(x.shape[1])).tolist(),
                "scale": (scaler.scale_ if with_std else np.ones(x.shape[1])).tolist(),
                "transformed": scaler.transform(x[:HEAD]).tolist(),
            })
    return cases


def min_max_scaler_cases():
    cases = []
    for name, (source, x) in scaler_inputs().items():
        for feature_range in ((0.0, 1.0), (-1.0, 2.0)):
            scaler = MinMaxScaler(feature_range=feature_range).fit(x)
            new = x[:5] * 1.5 - 0.2  # data outside the fitted range, to check clip
            clipped = MinMaxScaler(feature_range=feature_range, clip=True).fit(x)
            cases.append({
                "name": name, **source, "feature_range": list(feature_range),
                "data_min": scaler.data_min_.tolist(), "data_max": scaler.data_max_.tolist(),
                "scale": scaler.scale_.tolist(), "min": scaler.min_.tolist(),
                "transformed": scaler.transform(x[:HEAD]).tolist(),
                "new": new.tolist(), "new_transformed": scaler.transform(new).tolist(),
                "new_clipped": clipped.transform(new).tolist(),
            })
    return cases


def polynomial_cases():
    rng = np.random.default_rng(3)
    cases = []
    for n_features in (1, 2, 3):
        x = np.round(rng.uniform(-2, 2, size=(6, n_features)), 3)
        for degree in (0, 1, 2, 3):
            for interaction_only in (False, True):
                for include_bias in (True, False):
                    if degree == 0 and not include_bias:
                        continue
                    poly = PolynomialFeatures(degree=degree, interaction_only=interaction_only,
                                              include_bias=include_bias).fit(x)
                    cases.append({
                        "X": x.tolist(), "degree": degree, "interaction_only": interaction_only,
                        "include_bias": include_bias, "powers": poly.powers_.tolist(),
                        "feature_names": poly.get_feature_names_out().tolist(),
                        "transformed": poly.transform(x).tolist(),
                    })
    return cases


def write(name, cases, inputs=None):
    os.makedirs(OUT, exist_ok=True)
    document = {"generator": "tests/reference/linear_regression.py", "sklearn": sklearn.__version__,
                "numpy": np.__version__, "cases": cases}
    if inputs is not None:
        document["inputs"] = {k: describe(v) for k, v in inputs.items()}
    with open(os.path.join(OUT, name), "w") as f:
        json.dump(document, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    write("linear_regression.json", linear_regression_cases(), regression_inputs())
    write("ridge.json", ridge_cases(), regression_inputs())
    write("standard_scaler.json", standard_scaler_cases())
    write("min_max_scaler.json", min_max_scaler_cases())
    write("polynomial_features.json", polynomial_cases())
