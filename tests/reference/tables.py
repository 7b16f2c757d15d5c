"""Golden values for Descent's messy-table route: CSV → impute → one-hot → dates → standardize → model, and cv.

Run by hand with Debian's scikit-learn 1.2 and pandas 1.5 (the `python3` first on PATH may lack them):

    LD_LIBRARY_PATH=/usr/lib/x86_64-linux-gnu/blas:/usr/lib/x86_64-linux-gnu/lapack /usr/bin/python3 tests/reference/tables.py

Builds messy tables of its own (an ID column, ISO dates, categories, empty cells, incomes written with thousands
separators, a semicolon file with decimal commas, a category unseen at predict), writes them as CSV into
tests/reference/golden/tables/, and writes tables.json: for each case the Descent CLI options that read and fit it,
and what scikit-learn's Pipeline(ColumnTransformer(SimpleImputer → OneHotEncoder(handle_unknown="ignore"), dates
expanded), StandardScaler, model) predicts on the prediction file, plus cross_val_score fold by fold.
"""
import json
import os

import numpy as np
import pandas as pd
import sklearn
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LinearRegression, LogisticRegression, Ridge
from sklearn.model_selection import cross_val_score
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "golden", "tables")
CITIES = ["Paris", "Lyon", "Nice", "Lille", "Brest"]


def customers(rng, rows, unseen=False):
    """A customer table: id, signup date, city, age, income ("41,522.72"), visits; spend (regression), segment (classes)."""
    data = []
    for i in range(rows):
        city = rng.choice(CITIES + (["Marseille"] if unseen else []))
        age = int(rng.integers(18, 75))
        income = float(np.round(rng.uniform(8_000, 150_000), 2))
        visits = int(rng.poisson(6))
        day = pd.Timestamp("2022-01-01") + pd.Timedelta(days=int(rng.integers(0, 900)))
        spend = 0.01 * income + 12 * visits - 0.8 * age + {"Paris": 300, "Lyon": 120, "Nice": 80}.get(city, 0) \
            + 2 * day.month + rng.normal(0, 40)
        segment = "gold" if spend > 900 else "silver" if spend > 500 else "bronze"
        data.append([f"C{i:05d}", day.strftime("%Y-%m-%d"), city, age, income, visits, round(spend, 2), segment])
    frame = pd.DataFrame(data, columns=["id", "signup", "city", "age", "income", "visits", "spend", "segment"])
    for column, share in (("city", 0.06), ("age", 0.05), ("signup", 0.04), ("visits", 0.03)):
        frame.loc[rng.random(rows) < share, column] = None
    return frame


def write_csv(frame, path, sep=",", decimal=".", thousands=","):
    """Writes the table as a user would have it: incomes with thousands separators (quoted when they hold the delimiter)."""
    def cell(value, column):
        if value is None or (isinstance(value, float) and np.isnan(value)):
            return ""
        if column == "income":
            text = f"{value:,.2f}".replace(",", "\0").replace(".", decimal).replace("\0", thousands)
        elif isinstance(value, float):
            text = repr(value).replace(".", decimal)
        else:
            text = str(value)
        return f'"{text}"' if sep in text else text
    with open(path, "w", newline="") as f:
        f.write(sep.join(frame.columns) + "\n")
        for row in frame.itertuples(index=False):
            f.write(sep.join(cell(v, c) for v, c in zip(row, frame.columns)) + "\n")


def expand_dates(frame):
    """signup → signup.year, .month, .day, .weekday (Monday = 0), NaN where missing: Descent's DateFeatures."""
    frame = frame.copy()
    dates = pd.to_datetime(frame.pop("signup"))
    for part, values in (("year", dates.dt.year), ("month", dates.dt.month), ("day", dates.dt.day), ("weekday", dates.dt.weekday)):
        frame[f"signup.{part}"] = values.astype(float)
    return frame


def pipeline(model, strategy, city=True):
    """The CLI's plan with --impute STRATEGY: one entry per column in file order."""
    dates = ["signup.year", "signup.month", "signup.day", "signup.weekday"]
    city_step = ("city", Pipeline([("impute", SimpleImputer(strategy="most_frequent")), ("encode", OneHotEncoder(handle_unknown="ignore"))]), ["city"])
    columns = ColumnTransformer([
        ("signup", SimpleImputer(strategy=strategy), dates),
        *([city_step] if city else []),
        ("age", SimpleImputer(strategy=strategy), ["age"]),
        ("income", SimpleImputer(strategy=strategy), ["income"]),
        ("visits", SimpleImputer(strategy=strategy), ["visits"]),
    ])
    return Pipeline([("columns", columns), ("scale", StandardScaler()), ("model", model)])


def read(path, sep, decimal, thousands):
    return pd.read_csv(path, sep=sep, decimal=decimal, thousands=thousands, dtype={"city": object})


def main():
    os.makedirs(OUT, exist_ok=True)
    rng = np.random.default_rng(20261203)
    files = {
        "customers": (",", ".", ",", ["--thousands", ","]),
        "customers_semicolon": (";", ",", ".", ["--decimal", ",", "--thousands", "."]),
    }
    cases = []
    for name, (sep, decimal, thousands, read_options) in files.items():
        train_path, predict_path = os.path.join(OUT, f"{name}.csv"), os.path.join(OUT, f"{name}_predict.csv")
        write_csv(customers(rng, 240), train_path, sep, decimal, thousands)
        write_csv(customers(rng, 30, unseen=True).drop(columns=["spend", "segment"]), predict_path, sep, decimal, thousands)
        train = expand_dates(read(train_path, sep, decimal, thousands))
        new = expand_dates(read(predict_path, sep, decimal, thousands))
        # Logistic: newton-cg with a tight tol reaches the optimum that Descent's honoured --tol converges to (lbfgs stops
        # on its relative-decrease test first, a few 1e-6 away in probability).
        # The one-hot columns of a category sum to 1, so with an intercept they are exactly collinear: unregularized least
        # squares then has no unique answer, and scikit-learn's lstsq keeps a rounding-level singular value (coefficients
        # of 1e15, predictions off by units) where Descent returns the minimum-norm solution. The linear case therefore
        # leaves the city out; ridge and logistic (regularized, well posed) keep it, with a city unseen at predict.
        for model_name, target, strategy, model, options, city in (
            ("linear", "spend", "mean", LinearRegression(), [], False),
            ("ridge", "spend", "median", Ridge(alpha=1.0), ["--alpha", "1"], True),
            ("logistic", "segment", "mean", LogisticRegression(C=1.0, solver="newton-cg", tol=1e-8, max_iter=10000),
             ["--tol", "1e-10", "--max-iter", "10000"], True),
        ):
            left_out = ["id", "segment" if target == "spend" else "spend"] + ([] if city else ["city"])
            features = [c for c in train.columns if c not in left_out + [target]]
            fitted = pipeline(model, strategy, city).fit(train[features], train[target])
            case = {
                "name": f"{name}-{model_name}", "train": f"{name}.csv", "predict": f"{name}_predict.csv", "model": model_name,
                "options": ["--target", target, "--exclude", ",".join(left_out),
                            "--impute", strategy.replace("_", "-"), "--standardize"] + read_options + options,
                "predictions": fitted.predict(new[features]).tolist(),
            }
            if model_name == "logistic":
                case["classes"] = fitted.classes_.tolist()
                case["probabilities"] = fitted.predict_proba(new[features]).tolist()
            scores = cross_val_score(pipeline(model, strategy, city), train[features], train[target], cv=5)
            case["cv_scoring"] = "accuracy" if model_name == "logistic" else "r2"
            case["cv_scores"] = scores.tolist()
            cases.append(case)
    with open(os.path.join(OUT, "tables.json"), "w") as f:
        json.dump({"sklearn": sklearn.__version__, "pandas": pd.__version__, "cases": cases}, f, indent=1, allow_nan=False)
        f.write("\n")


if __name__ == "__main__":
    main()
