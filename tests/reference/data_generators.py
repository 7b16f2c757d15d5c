"""Golden values for tests/Descent.Tests/Data/GeneratorsTests.cs.

Run by hand with Debian's python3 (scikit-learn 1.2.1):  /usr/bin/python3 tests/reference/data_generators.py
Writes tests/reference/golden/data/generators.json: the deterministic parts of make_moons and make_circles
(shuffle=False, noise=None), which Descent must reproduce exactly; the random generators are tested by their
statistical properties instead (numpy's stream cannot be reproduced).
"""
import json
import os

import sklearn
from sklearn.datasets import make_circles, make_moons

out = {"sklearn": sklearn.__version__, "cases": []}
for n in (1, 2, 7, 100):
    X, y = make_moons(n_samples=n, shuffle=False, noise=None)
    out["cases"].append({"generator": "make_moons", "samples": n, "factor": None,
                         "X": X.tolist(), "y": y.tolist()})
    for factor in (0.8, 0.3):
        X, y = make_circles(n_samples=n, shuffle=False, noise=None, factor=factor)
        out["cases"].append({"generator": "make_circles", "samples": n, "factor": factor,
                             "X": X.tolist(), "y": y.tolist()})

path = os.path.join(os.path.dirname(__file__), "golden", "data", "generators.json")
with open(path, "w") as f:
    json.dump(out, f, indent=1)
print("wrote", path)
