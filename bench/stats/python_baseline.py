#!/usr/bin/python3
"""Writes the shared benchmark data (if missing) and times the numpy / scipy / scikit-learn baselines on it.

    /usr/bin/python3 bench/stats/python_baseline.py DATA_DIR [--rows 10000000] [--runs 5]

DATA_DIR receives raw little-endian arrays that DsLoop's StatsBenchmarks read too, so both sides work on the
same numbers: arm.u8, value.f64, covariate.f64 (experiment rows); label.u8, score.f64 (classifier rows);
x.f64 (1,000,000 x 20, row-major) and y.u8 (logistic regression). Each operation runs once to warm up, then
--runs times; the mean and the minimum are printed as a Markdown table.
"""
import argparse
import os
import time

import numpy as np
from scipy import stats
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, roc_auc_score


def write_data(folder, rows):
    os.makedirs(folder, exist_ok=True)
    rng = np.random.default_rng(20261123)
    arm = (rng.random(rows) < 0.5).astype(np.uint8)
    covariate = rng.normal(10, 2, rows)
    value = 5 + 0.8 * (covariate - 10) + rng.normal(0, 1, rows) + 0.02 * arm
    label = (rng.random(rows) < 0.1).astype(np.uint8)
    score = np.round(1 / (1 + np.exp(-(2.0 * label - 2.5 + rng.normal(0, 1, rows)))), 6)
    x = rng.normal(0, 1, (1_000_000, 20))
    beta = np.linspace(-0.5, 0.5, 20)
    y = (rng.random(1_000_000) < 1 / (1 + np.exp(-(-1.0 + x @ beta)))).astype(np.uint8)
    for name, array in (("arm.u8", arm), ("value.f64", value), ("covariate.f64", covariate), ("label.u8", label),
                        ("score.f64", score), ("x.f64", x), ("y.u8", y)):
        array.astype("<f8" if name.endswith("f64") else np.uint8).tofile(os.path.join(folder, name))


def load(folder):
    def f64(name):
        return np.fromfile(os.path.join(folder, name), dtype="<f8")

    def u8(name):
        return np.fromfile(os.path.join(folder, name), dtype=np.uint8)
    return {"arm": u8("arm.u8"), "value": f64("value.f64"), "covariate": f64("covariate.f64"), "label": u8("label.u8"),
            "score": f64("score.f64"), "x": f64("x.f64").reshape(-1, 20), "y": u8("y.u8")}


def welch(d):
    treated = d["arm"] == 1
    return stats.ttest_ind(d["value"][treated], d["value"][~treated], equal_var=False)


def cuped(d):
    x, y, treated = d["covariate"], d["value"], d["arm"] == 1
    theta = np.cov(y, x)[0, 1] / np.var(x, ddof=1)
    adjusted = y - theta * (x - x.mean())
    return stats.ttest_ind(adjusted[treated], adjusted[~treated], equal_var=False)


def srm(d):
    counts = np.bincount(d["arm"], minlength=2)
    return stats.chisquare(counts)


def logistic(d):
    return LogisticRegression(penalty=None, max_iter=1000).fit(d["x"], d["y"])


OPERATIONS = [
    ("Welch readout, 10M rows (scipy ttest_ind)", welch),
    ("CUPED readout, 10M rows (numpy cov + scipy ttest_ind)", cuped),
    ("SRM check, 10M rows (numpy bincount + scipy chisquare)", srm),
    ("ROC-AUC, 10M scores (sklearn roc_auc_score)", lambda d: roc_auc_score(d["label"], d["score"])),
    ("Average precision, 10M scores (sklearn average_precision_score)", lambda d: average_precision_score(d["label"], d["score"])),
    ("Logistic regression fit, 1M x 20 (sklearn lbfgs, no penalty)", logistic),
]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("folder")
    parser.add_argument("--rows", type=int, default=10_000_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    if not os.path.exists(os.path.join(args.folder, "y.u8")):
        write_data(args.folder, args.rows)
    data = load(args.folder)
    print("| operation | mean | min |")
    print("|---|---:|---:|")
    for name, fn in OPERATIONS:
        fn(data)
        times = []
        for _ in range(args.runs):
            start = time.perf_counter()
            fn(data)
            times.append(time.perf_counter() - start)
        print(f"| {name} | {np.mean(times) * 1000:.1f} ms | {min(times) * 1000:.1f} ms |", flush=True)


if __name__ == "__main__":
    main()
