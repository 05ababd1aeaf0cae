#!/usr/bin/env python3
"""Reference values for the experiment case's readout (tests/DsLoop.Cases.Tests/ReadoutFixtureTests.cs).

Each case is a platform x arm table of (users, conversions). For it we compute with scipy/statsmodels:
  * the platform-mix test: scipy.stats.chi2_contingency(correction=False) on the platform x arm user counts;
  * the SRM test: scipy.stats.chisquare of the arm totals against 50/50;
  * the pooled absolute lift with its Wald interval: statsmodels confint_proportions_2indep(method="wald");
  * the post-stratified absolute lift: sum_k w_k (p_tk - p_ck), w_k = n_k / n, with variance
    sum_k w_k^2 (p_tk q_tk / n_tk + p_ck q_ck / n_ck), written out with numpy as an independent check.
Run: /usr/bin/python3 tests/reference/make_case_fixtures.py [OUTPUT_DIR]   (default: tests/reference/cases)
"""
import json
import pathlib
import sys

import numpy as np
from scipy import stats
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


out = (pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else pathlib.Path(__file__).parent / "cases") / "cases.json"
out.write_text(json.dumps({"source": "make_case_fixtures.py", "cases": [case(c) for c in CASES]}, indent=2) + "\n")
print(f"wrote {out}")
