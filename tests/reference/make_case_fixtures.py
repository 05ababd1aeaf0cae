#!/usr/bin/env python3
"""Reference values for the case exercises (tests/DsLoop.Cases.Tests/ReadoutFixtureTests.cs, SliceFixtureTests.cs).

Experiment readout:

Each case is a platform x arm table of (users, conversions). For it we compute with scipy/statsmodels:
  * the platform-mix test: scipy.stats.chi2_contingency(correction=False) on the platform x arm user counts;
  * the SRM test: scipy.stats.chisquare of the arm totals against 50/50;
  * the pooled absolute lift with its Wald interval: statsmodels confint_proportions_2indep(method="wald");
  * the post-stratified absolute lift: sum_k w_k (p_tk - p_ck), w_k = n_k / n, with variance
    sum_k w_k^2 (p_tk q_tk / n_tk + p_ck q_ck / n_ck), written out with numpy as an independent check.

Modeling slice report (SliceMetrics): 400 rows of labels, scores (4 decimals, so there are ties), a slice key per row
(one slice has no positives) and a feature. Per slice, with scikit-learn: roc_auc_score (None for one class),
recall_score of score >= threshold (None without positives), the mean score and observed rate; the top five false
positives (score high to low) and false negatives (low to high), ties in row order, with numpy.lexsort; quartile
cuts of the feature with numpy.percentile(method="lower").
Run: /usr/bin/python3 tests/reference/make_case_fixtures.py [OUTPUT_DIR]   (default: tests/reference/cases)
"""
import json
import pathlib
import sys

import numpy as np
from scipy import stats
from sklearn.metrics import recall_score, roc_auc_score
from statsmodels.stats.proportion import confint_proportions_2indep

CASES = [
    # rows: ios, android, web; each (control users, control conversions, treatment users, treatment conversions)
    {"name": "balanced", "cells": [[3500, 310, 3480, 345], [3000, 160, 3050, 170], [3500, 120, 3470, 131]]},
    {"name": "simpson", "cells": [[700, 63, 2800, 240], [1500, 80, 1500, 76], [2800, 100, 700, 24]]},
    {"name": "srm", "cells": [[3500, 300, 3500, 330], [3000, 150, 2400, 128], [3500, 118, 3500, 125]]},
]


def case(c):
    t = np.array(c["cells"], dtype=float)
    nc, xc, nt, xt = t[:, 0], t[:, 1], t[:, 2], t[:, 3]
    table = np.column_stack([nc, nt])
    mix_chi2, mix_p, _, _ = stats.chi2_contingency(table, correction=False)
    srm = stats.chisquare([nc.sum(), nt.sum()])
    low, high = confint_proportions_2indep(xt.sum(), nt.sum(), xc.sum(), nc.sum(), method="wald", compare="diff")
    pc, pt = xc / nc, xt / nt
    w = (nc + nt) / (nc + nt).sum()
    strat = float(np.sum(w * (pt - pc)))
    var = float(np.sum(w**2 * (pt * (1 - pt) / nt + pc * (1 - pc) / nc)))
    z = stats.norm.isf(0.025)
    return {
        "name": c["name"], "cells": c["cells"],
        "mixP": float(mix_p), "srmP": float(srm.pvalue),
        "pooledDiff": float(xt.sum() / nt.sum() - xc.sum() / nc.sum()), "pooledLow": float(low), "pooledHigh": float(high),
        "stratifiedDiff": strat, "stratifiedLow": strat - z * var**0.5, "stratifiedHigh": strat + z * var**0.5,
    }


def slices():
    rng = np.random.default_rng(20250929)
    n = 400
    keys = rng.choice(["self_serve", "sales", "partner", "marketplace"], size=n, p=[0.4, 0.3, 0.2, 0.1])
    scores = np.round(rng.beta(1.2, 5.0, size=n), 4)
    labels = (rng.uniform(size=n) < scores * 1.4).astype(int)
    labels[keys == "marketplace"] = 0  # a slice with one class: ROC-AUC and recall are undefined there
    feature = np.round(np.exp(rng.normal(2.5, 0.8, size=n)))
    threshold = float(np.sort(scores)[::-1][39])  # flag the top 10%
    flagged = scores >= threshold
    expected = []
    for key in ["self_serve", "sales", "partner", "marketplace"]:
        m = keys == key
        y, s = labels[m], scores[m]
        both = 0 < y.sum() < len(y)
        expected.append({
            "slice": key, "rows": int(m.sum()), "positives": int(y.sum()),
            "observedRate": float(y.mean()), "meanScore": float(s.mean()),
            "rocAuc": float(roc_auc_score(y, s)) if both else None,
            "flagged": int(flagged[m].sum()),
            "recall": float(recall_score(y, flagged[m].astype(int))) if y.sum() > 0 else None,
        })
    rows = np.arange(n)
    fp = rows[(labels == 0) & flagged]
    fp = fp[np.lexsort((fp, -scores[fp]))][:5]
    fn = rows[(labels == 1) & ~flagged]
    fn = fn[np.lexsort((fn, scores[fn]))][:5]
    return {
        "labels": labels.tolist(), "scores": scores.tolist(), "keys": keys.tolist(), "feature": feature.tolist(),
        "threshold": threshold, "expected": expected,
        "falsePositives": fp.tolist(), "falseNegatives": fn.tolist(),
        "cuts": np.percentile(feature, [25, 50, 75], method="lower").tolist(),
    }


out = (pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else pathlib.Path(__file__).parent / "cases") / "cases.json"
out.write_text(json.dumps({"source": "make_case_fixtures.py", "cases": [case(c) for c in CASES], "slices": slices()}, indent=2) + "\n")
print(f"wrote {out}")
