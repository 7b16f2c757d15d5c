#!/usr/bin/python3
"""Writes the table that issue 15's fit-memory figure is measured on, the same every time (seeded).

The shape of the bench workload table-load (600,000 rows: 5 categorical columns of 8 categories, 15 numeric columns,
about 2 % empty cells, numbers with three decimals) plus a complete numeric target column y, a linear function of the
features with noise. Usage:

    /usr/bin/python3 bench/scripts/write-fit-table.py /tmp/descent-bench/fit-table.csv   # 93 MB, md5 7bb212de...
    dotnet build -c Release src/Descent.Cli
    /usr/bin/time -v dotnet src/Descent.Cli/bin/Release/net10.0/Descent.Cli.dll fit ridge \
        --data /tmp/descent-bench/fit-table.csv --target y --impute mean --out /tmp/fit-table-ridge.json

The peak resident memory ("Maximum resident set size") is compared with the numeric matrix the fit produces:
600,000 × 55 doubles = 264 MB (15 imputed numbers, 5 × 8 one-hot columns).
"""
import random
import sys

ROWS, CATEGORICAL, NUMERIC, CATEGORIES, EMPTY = 600_000, 5, 15, 8, 0.02


def main(path):
    rng = random.Random(7)
    weights = [rng.uniform(-1, 1) for _ in range(NUMERIC)]
    effects = [[rng.uniform(-50, 50) for _ in range(CATEGORIES)] for _ in range(CATEGORICAL)]
    header = [f"cat{c}" for c in range(CATEGORICAL)] + [f"num{c}" for c in range(NUMERIC)] + ["y"]
    with open(path, "w", newline="\n") as out:
        out.write(",".join(header) + "\n")
        for _ in range(ROWS):
            cells, y = [], rng.gauss(0, 10)
            for c in range(CATEGORICAL):
                k = int(rng.random() * CATEGORIES)
                y += effects[c][k]
                cells.append("" if rng.random() < EMPTY else "city" + chr(ord("A") + k))
            for c in range(NUMERIC):
                value = rng.random() * 1000
                y += weights[c] * value
                cells.append("" if rng.random() < EMPTY else f"{value:.3f}")
            cells.append(f"{y:.3f}")
            out.write(",".join(cells) + "\n")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: write-fit-table.py OUTPUT.csv")
    main(sys.argv[1])
