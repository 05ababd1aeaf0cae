#!/usr/bin/python3
"""Writes the reference fixtures that DsLoop.Stats is tested against.

Run with Debian's python3 and its python3-scipy, python3-statsmodels and python3-sklearn packages:
    /usr/bin/python3 tests/reference/make_fixtures.py [OUTPUT_DIR]
The cases are fixed grids (no randomness), so the output is the same on every run; the C# test suite
re-runs this script when those packages are present and fails if the output differs from the committed
fixtures.
"""
import json
import math
import os
import sys

import scipy
import statsmodels
from scipy import stats
from statsmodels.stats.power import NormalIndPower, normal_sample_size_one_tail
from statsmodels.stats.proportion import (
    confint_proportions_2indep,
    proportion_effectsize,
    proportions_ztest,
    samplesize_proportions_2indep_onetail,
    test_proportions_2indep,
)
from statsmodels.stats.multitest import multipletests
import numpy as np
import sklearn
from sklearn import metrics
from sklearn.calibration import calibration_curve

OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "fixtures")
ALTERNATIVES = {"two-sided": "two-sided", "larger": "larger", "smaller": "smaller"}


def num(x):
    """JSON has no NaN or infinity; write them as strings so the C# side can assert a reason instead."""
    x = float(x)
    if math.isnan(x):
        return "NaN"
    if math.isinf(x):
        return "Infinity" if x > 0 else "-Infinity"
    return x


def power_cases():
    cases = []
    for p1 in (0.01, 0.05, 0.1, 0.3, 0.5, 0.9):
        for mde in (0.005, 0.02, 0.05):
            p2 = p1 + mde
            if p2 >= 1:
                continue
            for alpha, power in ((0.05, 0.8), (0.01, 0.9)):
                for ratio in (1.0, 2.0):
                    for alternative in ("two-sided", "larger"):
                        h = proportion_effectsize(p2, p1)
                        n1 = NormalIndPower().solve_power(effect_size=h, alpha=alpha, power=power, ratio=ratio, alternative=alternative)
                        achieved = NormalIndPower().power(effect_size=h, nobs1=math.ceil(n1), alpha=alpha, ratio=ratio, alternative=alternative)
                        cases.append({
                            "kind": "proportions-cohens-h", "baseline": p1, "treatment": p2, "alpha": alpha, "power": power,
                            "ratio": ratio, "alternative": alternative, "effectSize": num(h),
                            "nobs1": num(n1), "powerAtCeiling": num(achieved),
                        })
    for d in (0.05, 0.1, 0.2, 0.5):
        for alpha, power in ((0.05, 0.8), (0.05, 0.9), (0.01, 0.8)):
            for ratio in (1.0, 0.5, 3.0):
                for alternative in ("two-sided", "larger", "smaller"):
                    effect = -d if alternative == "smaller" else d
                    n1 = NormalIndPower().solve_power(effect_size=effect, alpha=alpha, power=power, ratio=ratio, alternative=alternative)
                    cases.append({
                        "kind": "means-standardised", "effectSize": effect, "alpha": alpha, "power": power,
                        "ratio": ratio, "alternative": alternative, "nobs1": num(n1),
                    })
    return cases


def detectable_cases():
    """Minimum detectable effects for a fixed control size: statsmodels solves Cohen's h (or d), and the rate is
    recovered by inverting h = 2 asin(sqrt(p2)) - 2 asin(sqrt(p1))."""
    cases = []
    for n in (200, 5000, 120000):
        for alpha, power in ((0.05, 0.8), (0.01, 0.9)):
            for ratio in (1.0, 2.0):
                for alternative in ("two-sided", "larger", "smaller"):
                    h = NormalIndPower().solve_power(effect_size=None, nobs1=n, alpha=alpha, power=power, ratio=ratio, alternative=alternative)
                    for p1 in (0.05, 0.3):
                        angle = math.asin(math.sqrt(p1)) + h / 2
                        p2 = math.sin(angle) ** 2
                        cases.append({"controlN": n, "alpha": alpha, "power": power, "ratio": ratio, "alternative": alternative,
                                      "baseline": p1, "effectSize": num(h), "absolute": num(p2 - p1),
                                      "powerAtAbsolute": num(NormalIndPower().power(effect_size=proportion_effectsize(p2, p1), nobs1=n, alpha=alpha, ratio=ratio, alternative=alternative))})
    return cases


def sizing_cases():
    """Closed-form two-proportion sample sizes per control arm. DsLoop's ratio is treatment/control; statsmodels'
    sample 1 is the treatment here, so its ratio is control/treatment and its nobs1 is the treatment size."""
    cases = []
    for pc in (0.02, 0.1, 0.4, 0.75):
        for mde in (0.005, 0.03, -0.02):
            pt = pc + mde
            if not 0 < pt < 1:
                continue
            for alpha, power in ((0.05, 0.8), (0.01, 0.9)):
                for ratio in (1.0, 3.0, 0.5):
                    for alternative in ("two-sided", "larger", "smaller"):
                        if (alternative == "larger" and mde < 0) or (alternative == "smaller" and mde > 0):
                            continue
                        tail = alpha / 2 if alternative == "two-sided" else alpha
                        sm_alt = "two-sided" if alternative == "two-sided" else ("larger" if mde > 0 else "smaller")
                        pooled = samplesize_proportions_2indep_onetail(pt - pc, pc, power, ratio=1 / ratio, alpha=alpha, alternative=sm_alt) / ratio
                        sd_alt = math.sqrt(pc * (1 - pc) + pt * (1 - pt) / ratio)
                        unpooled = normal_sample_size_one_tail(pt - pc, power, tail, std_null=sd_alt, std_alternative=sd_alt)
                        sd_null_em = math.sqrt(pc * (1 - pc) * (1 + 1 / ratio))
                        evan = normal_sample_size_one_tail(pt - pc, power, tail, std_null=sd_null_em, std_alternative=sd_alt)
                        for sizing, n in (("pooled-null", pooled), ("unpooled", unpooled), ("evan-miller", evan)):
                            cases.append({"sizing": sizing, "baseline": pc, "treatment": pt, "alpha": alpha, "power": power,
                                          "ratio": ratio, "alternative": alternative, "controlN": num(n)})
    return cases


def bootstrap_datasets():
    rng = np.random.RandomState(314)
    return [
        ("revenue-mean", "mean", [np.round(rng.lognormal(2.0, 1.1, 40), 2)]),
        ("latency-median", "median", [np.round(rng.gamma(3.0, 40.0, 31), 1)]),
        ("arm-difference", "difference", [np.round(rng.normal(10, 3, 35), 3), np.round(rng.normal(11, 4, 45), 3)]),
        ("skewed-difference", "difference", [np.round(rng.exponential(5, 60), 3), np.round(rng.exponential(6, 50), 3)]),
    ]


STATISTICS = {
    "mean": lambda x, axis=-1: np.mean(x, axis=axis),
    "median": lambda x, axis=-1: np.median(x, axis=axis),
    "difference": lambda c, t, axis=-1: np.mean(t, axis=axis) - np.mean(c, axis=axis),
}


def bootstrap_cases():
    """Two checks. 'exact': BCa and percentile bounds from the given resampled statistics, computed by scipy's own
    BCa routine (the one scipy.stats.bootstrap calls), so DsLoop must agree to rounding. 'scipy': scipy.stats.bootstrap
    run end to end with many resamples; DsLoop draws different resamples, so agreement is up to Monte Carlo error."""
    from scipy.stats._resampling import _bca_interval
    rng = np.random.RandomState(2718)
    cases = []
    for name, statistic, samples in bootstrap_datasets():
        fn = STATISTICS[statistic]
        replicates = []
        for _ in range(400):
            replicates.append(float(fn(*[s[rng.randint(0, len(s), len(s))] for s in samples])))
        theta_b = np.array(replicates)
        a1, a2, a_hat = _bca_interval(tuple(samples), fn, axis=-1, alpha=0.025, theta_hat_b=theta_b[None, :], batch=None)
        exact = {
            "name": name, "statistic": statistic, "samples": [[float(v) for v in s] for s in samples], "replicates": replicates,
            "estimate": num(fn(*samples)), "acceleration": num(np.ravel(a_hat)[0]),
            "bcaLow": num(np.percentile(theta_b, float(np.ravel(a1)[0]) * 100)), "bcaHigh": num(np.percentile(theta_b, float(np.ravel(a2)[0]) * 100)),
            "percentileLow": num(np.percentile(theta_b, 2.5)), "percentileHigh": num(np.percentile(theta_b, 97.5)),
        }
        full = {}
        for method in ("percentile", "BCa"):
            r = stats.bootstrap(tuple(samples), fn, vectorized=True, n_resamples=20000, method=method, random_state=7)
            full[method] = [num(r.confidence_interval.low), num(r.confidence_interval.high), num(r.standard_error)]
        exact["scipy"] = full
        cases.append(exact)
    return cases


def capacity_and_cost(y, s):
    """Brute force over every distinct score and 'flag nothing': the capacity threshold is the lowest cut whose
    flagged share of 1,000 cases a day fits 60 reviews; the cost threshold minimises mean cost (FP 1, FN 8, TP 0.5),
    preferring the higher cut on a tie. Counts come from sklearn's confusion_matrix."""
    n = len(s)
    cuts = sorted(set(float(v) for v in s), reverse=True)
    capacity = math.inf
    for t in cuts:
        if (s >= t).sum() / n * 1000 <= 60 * (1 + 1e-12):
            capacity = t
    best_t, best_cost = math.inf, None
    for t in [math.inf] + cuts:
        pred = (s >= t).astype(int)
        tn, fp, fn, tp = metrics.confusion_matrix(y, pred, labels=[0, 1]).ravel()
        cost = (fp * 1.0 + fn * 8.0 + tp * 0.5) / n
        if best_cost is None or cost < best_cost - 1e-15:
            best_t, best_cost = t, cost
    return {"capacityThreshold": num(capacity), "capacityFlagged": int((s >= capacity).sum()),
            "costThreshold": num(best_t), "minimumCost": num(best_cost)}


def ztest_cases():
    cases = []
    grid = [
        (120, 1000, 150, 1000), (50, 5000, 65, 5000), (1, 40, 6, 40), (0, 100, 3, 100), (500, 1000, 480, 1000),
        (3000, 100000, 3100, 100000), (10, 10, 9, 10), (7, 1000, 7, 1000), (200, 400, 260, 600), (2, 3, 1, 3),
        (123456, 1000000, 124500, 1000000), (9, 50, 20, 60),
    ]
    for xc, nc, xt, nt in grid:
        pooled_z, pooled_p = proportions_ztest([xt, xc], [nt, nc])
        case = {
            "controlCount": xc, "controlN": nc, "treatmentCount": xt, "treatmentN": nt,
            "pooledZ": num(pooled_z), "pooledP": num(pooled_p),
        }
        try:
            wald = test_proportions_2indep(xt, nt, xc, nc, method="wald", compare="diff")
            low, high = confint_proportions_2indep(xt, nt, xc, nc, method="wald", compare="diff", alpha=0.05)
            larger = test_proportions_2indep(xt, nt, xc, nc, method="wald", compare="diff", alternative="larger")
            case.update({
                "unpooledZ": num(wald.statistic), "unpooledP": num(wald.pvalue), "unpooledPLarger": num(larger.pvalue),
                "diffCiLow": num(low), "diffCiHigh": num(high),
            })
        except ZeroDivisionError:
            # statsmodels divides by the control rate even for a difference; no unpooled reference here.
            pass
        cases.append(case)
    return cases


def welch_cases():
    cases = []
    grid = [
        (10.0, 2.0, 50, 10.5, 2.5, 60), (0.0, 1.0, 30, 0.2, 1.0, 30), (100, 30, 1000, 103, 45, 900),
        (5.0, 0.1, 5, 5.1, 3.0, 8), (-2.0, 1.0, 12, -1.0, 0.5, 200), (3.2, 1.1, 2, 3.9, 1.4, 3),
        (1000, 250, 200000, 1001, 260, 210000), (7.0, 0.0, 10, 7.5, 1.0, 10),
    ]
    for mc, sc, nc, mt, st, nt in grid:
        t, p = stats.ttest_ind_from_stats(mt, st, nt, mc, sc, nc, equal_var=False)
        vc, vt = sc * sc / nc, st * st / nt
        df = (vc + vt) ** 2 / (vc * vc / (nc - 1) + vt * vt / (nt - 1))
        half = stats.t.ppf(0.975, df) * math.sqrt(vc + vt)
        cases.append({
            "controlMean": mc, "controlSd": sc, "controlN": nc, "treatmentMean": mt, "treatmentSd": st, "treatmentN": nt,
            "t": num(t), "p": num(p), "df": num(df), "ciLow": num(mt - mc - half), "ciHigh": num(mt - mc + half),
        })
    return cases


def srm_cases():
    cases = []
    grid = [
        ([5000, 5100], None), ([5000, 5300], None), ([5000, 5100, 4800], None), ([1000, 2100], [1, 2]),
        ([821, 812, 0], None), ([50000, 50400], None), ([10, 30], [0.5, 0.5]), ([3300, 3300, 3400], [0.3, 0.3, 0.4]),
    ]
    for counts, weights in grid:
        w = weights or [1.0] * len(counts)
        total = sum(counts)
        expected = [total * x / sum(w) for x in w]
        chi2, p = stats.chisquare(counts, f_exp=expected)
        cases.append({"counts": counts, "weights": w, "chi2": num(chi2), "p": num(p), "df": len(counts) - 1})
    return cases


def adjust_cases():
    cases = []
    grid = [
        [0.01, 0.04, 0.03, 0.005], [0.5, 0.2, 0.01], [0.001], [0.04, 0.04, 0.04],
        [0.0, 1.0, 0.3, 0.02, 0.049, 0.051], [0.012, 0.3, 0.9, 0.0001, 0.02, 0.04, 0.5, 0.6, 0.03, 0.045],
    ]
    for ps in grid:
        holm = multipletests(ps, method="holm")[1]
        bh = multipletests(ps, method="fdr_bh")[1]
        cases.append({"p": ps, "holm": [num(x) for x in holm], "bh": [num(x) for x in bh]})
    return cases


def classifier_datasets():
    rng = np.random.RandomState(20261122)
    sets = []
    y = rng.binomial(1, 0.5, 200)
    sets.append(("balanced-ties", y, np.round(1 / (1 + np.exp(-(2 * y - 1 + rng.normal(0, 1.2, 200)))), 2)))
    y = rng.binomial(1, 0.02, 1000)
    sets.append(("rare-positives", y, np.round(1 / (1 + np.exp(-(3 * y - 4 + rng.normal(0, 1.0, 1000)))), 4)))
    y = rng.binomial(1, 0.3, 50)
    sets.append(("all-scores-tied", y, np.full(50, 0.5)))
    y = np.array([0] * 15 + [1] * 15)
    sets.append(("perfect-separation", y, np.concatenate([np.linspace(0.01, 0.4, 15), np.linspace(0.6, 0.99, 15)])))
    y = rng.binomial(1, 0.4, 500)
    sets.append(("heavy-ties", y, np.round(np.clip(0.4 + 0.3 * (y - 0.4) + rng.normal(0, 0.25, 500), 0, 1), 1)))
    y = np.zeros(40, dtype=int)
    sets.append(("no-positives", y, np.round(rng.uniform(0, 1, 40), 3)))
    y = np.ones(40, dtype=int)
    sets.append(("all-positives", y, np.round(rng.uniform(0, 1, 40), 3)))
    y = np.array([0, 0, 1, 1, 1, 0, 1, 0])
    sets.append(("hard-zeros-and-ones", y, np.array([0.0, 0.2, 1.0, 0.8, 0.0, 1.0, 0.7, 0.1])))
    y = rng.binomial(1, 0.5, 1)
    sets.append(("single-row", y, np.array([0.7])))
    return sets


def ece(y, s, bins):
    edges = np.linspace(0, 1, bins + 1)
    ids = np.searchsorted(edges[1:-1], s)
    total = 0.0
    for b in range(bins):
        mask = ids == b
        if mask.any():
            total += mask.sum() / len(s) * abs(y[mask].mean() - s[mask].mean())
    return total


def classify_cases():
    cases = []
    for name, y, s in classifier_datasets():
        case = {"name": name, "labels": [int(v) for v in y], "scores": [float(v) for v in s]}

        def attempt(key, fn):
            try:
                case[key] = fn()
            except ValueError:
                case[key] = "undefined"

        attempt("rocAuc", lambda: num(metrics.roc_auc_score(y, s)))
        if y.sum() > 0:
            case["averagePrecision"] = num(metrics.average_precision_score(y, s))
        case["brier"] = num(metrics.brier_score_loss(y, s))
        attempt("logLoss", lambda: num(metrics.log_loss(y, s, labels=[0, 1])))
        for strategy, bins in (("uniform", 10), ("quantile", 5)):
            try:
                true, pred = calibration_curve(y, s, n_bins=bins, strategy=strategy)
                case[f"calibration_{strategy}_{bins}"] = {"fractionPositive": [num(v) for v in true], "meanScore": [num(v) for v in pred]}
            except ValueError:
                pass
        case["ece10"] = num(ece(y, s, 10))
        pred = (s >= 0.5).astype(int)
        case["precisionAt05"] = num(metrics.precision_score(y, pred, zero_division=0))
        case["recallAt05"] = num(metrics.recall_score(y, pred, zero_division=0))
        case["f1At05"] = num(metrics.f1_score(y, pred, zero_division=0))
        if y.sum() > 0:
            precision, recall, _ = metrics.precision_recall_curve(y, s)
            ok = recall[precision >= 0.8]
            case["recallAtPrecision08"] = num(ok.max()) if ok.size else 0.0
        k = min(10, len(s))
        top = np.argsort(-s, kind="stable")[:k]
        case["precisionAt10"] = num(y[top].mean())
        case.update(capacity_and_cost(y, s))
        cases.append(case)
    return cases


def logistic_cases():
    import warnings
    import statsmodels.api as sm
    from sklearn.exceptions import ConvergenceWarning
    from sklearn.linear_model import LogisticRegression
    # newton-cg reports non-convergence at its own precision floor; the coefficients agree to every printed
    # digit between tol=1e-10 and tol=1e-12, so the warning is noise here.
    warnings.filterwarnings("ignore", category=ConvergenceWarning)
    rng = np.random.RandomState(7)
    cases = []
    for name, n, beta in (("three-features", 500, [-1.0, 0.8, -0.5, 0.3]), ("rare-outcome", 2000, [-3.5, 1.2, 0.0, -0.7]),
                          ("large-scale-feature", 400, [-9.5, 0.002, -1.0, 0.0])):
        X = np.column_stack([rng.normal(0, 1, n), rng.normal(0, 1, n), rng.normal(0, 1, n)])
        if name == "large-scale-feature":
            X[:, 0] = X[:, 0] * 1000 + 5000
        eta = beta[0] + X @ np.array(beta[1:])
        y = rng.binomial(1, 1 / (1 + np.exp(-eta)))
        fit = sm.Logit(y, sm.add_constant(X)).fit(method="newton", tol=1e-14, maxiter=200, disp=0)
        mean, std = X.mean(axis=0), X.std(axis=0)
        Z = (X - mean) / std
        l2 = LogisticRegression(C=0.5, solver="newton-cg", tol=1e-10, max_iter=10000).fit(Z, y)
        cases.append({
            "name": name, "x": [[float(v) for v in row] for row in X], "y": [int(v) for v in y],
            "coefficients": [num(v) for v in fit.params], "standardErrors": [num(v) for v in fit.bse],
            "l2C": 0.5, "l2StandardisedCoefficients": [num(l2.intercept_[0])] + [num(v) for v in l2.coef_[0]],
        })
    X = np.array([[-2.0], [-1.5], [-1.0], [-0.5], [0.5], [1.0], [1.5], [2.0]])
    y = np.array([0, 0, 0, 0, 1, 1, 1, 1])
    Z = (X - X.mean(axis=0)) / X.std(axis=0)
    l2 = LogisticRegression(C=1.0, solver="newton-cg", tol=1e-10, max_iter=10000).fit(Z, y)
    cases.append({
        "name": "perfectly-separable", "x": X.tolist(), "y": y.tolist(), "separable": True,
        "l2C": 1.0, "l2StandardisedCoefficients": [num(l2.intercept_[0])] + [num(v) for v in l2.coef_[0]],
    })
    return cases


def relative_cases():
    """Delta-method and Fieller intervals of treatment/control − 1, written out from the formulas with scipy's
    normal quantile (no library implements them directly)."""
    z = stats.norm.ppf(0.975)
    cases = []
    for mt, vt, mc, vc in ((0.15, 1.3e-4, 0.12, 1.1e-4), (10.5, 0.01, 10.0, 0.012), (0.055, 4e-5, 0.05, 4e-5),
                           (3.0, 0.5, 0.4, 0.2), (1.0, 0.01, -2.0, 0.04), (0.02, 1e-6, 0.018, 1e-6)):
        r = mt / mc - 1
        se = math.sqrt(vt / mc ** 2 + mt ** 2 * vc / mc ** 4)
        case = {"treatmentMean": mt, "treatmentVar": vt, "controlMean": mc, "controlVar": vc,
                "lift": num(r), "deltaLow": num(r - z * se), "deltaHigh": num(r + z * se)}
        a2 = mc * mc - z * z * vc
        if a2 > 0:
            disc = (mt * mc) ** 2 - a2 * (mt * mt - z * z * vt)
            case["fiellerLow"] = num((mt * mc - math.sqrt(disc)) / a2 - 1)
            case["fiellerHigh"] = num((mt * mc + math.sqrt(disc)) / a2 - 1)
        else:
            case["fiellerUnbounded"] = True
        cases.append(case)
    return cases


def cuped_cases():
    """CUPED with a pooled theta = cov(y, x) / var(x) over both arms, then Welch on the adjusted values."""
    rng = np.random.RandomState(11)
    cases = []
    for name, n, rho, lift in (("strong-covariate", 3000, 0.8, 0.05), ("weak-covariate", 2000, 0.1, 0.1), ("constant-covariate", 500, None, 0.2)):
        arms = []
        for arm_lift in (0.0, lift):
            x = rng.normal(10, 2, n) if rho is not None else np.full(n, 3.0)
            noise = rng.normal(0, 1, n)
            y = (rho * (x - 10) / 2 + math.sqrt(1 - rho * rho) * noise if rho is not None else noise) + 5 + arm_lift
            arms.append((x, y))
        (xc, yc), (xt, yt) = arms
        x_all, y_all = np.concatenate([xc, xt]), np.concatenate([yc, yt])
        var_x = x_all.var(ddof=1)
        theta = 0.0 if var_x == 0 else np.cov(y_all, x_all, ddof=1)[0, 1] / var_x
        adj_c, adj_t = yc - theta * (xc - x_all.mean()), yt - theta * (xt - x_all.mean())
        t, p = stats.ttest_ind(adj_t, adj_c, equal_var=False)
        cases.append({
            "name": name, "controlX": [float(v) for v in xc], "controlY": [float(v) for v in yc],
            "treatmentX": [float(v) for v in xt], "treatmentY": [float(v) for v in yt],
            "theta": num(theta), "difference": num(adj_t.mean() - adj_c.mean()), "t": num(t), "p": num(p),
            "varianceReduction": num(1 - (adj_t.var(ddof=1) / yt.var(ddof=1))),
        })
    return cases


def novelty_cases():
    cases = []
    for name, effects in (
        ("fading", [0.08, 0.07, 0.065, 0.05, 0.045, 0.04, 0.03, 0.032, 0.025, 0.02, 0.022, 0.018, 0.015, 0.016]),
        ("steady", [0.03, 0.028, 0.033, 0.029, 0.031, 0.027, 0.032, 0.03, 0.029, 0.031, 0.03, 0.028, 0.032, 0.03]),
        ("negative-fading", [-0.05, -0.045, -0.04, -0.03, -0.028, -0.02, -0.015]),
        ("growing", [0.01, 0.012, 0.02, 0.025, 0.03, 0.034, 0.041]),
    ):
        r = stats.linregress(np.arange(len(effects)), effects)
        cases.append({"name": name, "effects": effects, "slope": num(r.slope), "p": num(r.pvalue)})
    return cases


def ratio_cases():
    """Per-session style ratio metrics, sum(y)/sum(n) per arm from user-level rows, with the delta-method
    variance (1/(users * mean_n^2)) * (var_y - 2 r cov_yn + r^2 var_n) and a Wald interval of the difference."""
    rng = np.random.RandomState(5)
    z = stats.norm.ppf(0.975)
    cases = []
    for name, users, rate_c, rate_t in (("clicks-per-session", 4000, 0.30, 0.32), ("revenue-per-order", 1500, 20.0, 20.0)):
        arms = []
        for rate in (rate_c, rate_t):
            sessions = rng.poisson(3, users) + 1
            if name == "clicks-per-session":
                y = rng.binomial(sessions, rate)
            else:
                y = sessions * rng.gamma(2.0, rate / 2.0, users)
            arms.append((sessions.astype(float), y.astype(float)))
        out = {"name": name}
        estimates = []
        for label, (n, y) in zip(("control", "treatment"), arms):
            r = y.sum() / n.sum()
            var = (y.var(ddof=1) - 2 * r * np.cov(y, n, ddof=1)[0, 1] + r * r * n.var(ddof=1)) / (len(n) * n.mean() ** 2)
            out[label + "Denominators"] = [float(v) for v in n]
            out[label + "Numerators"] = [float(v) for v in y]
            out[label + "Ratio"] = num(r)
            out[label + "Variance"] = num(var)
            estimates.append((r, var))
        diff = estimates[1][0] - estimates[0][0]
        se = math.sqrt(estimates[0][1] + estimates[1][1])
        out.update({"difference": num(diff), "ciLow": num(diff - z * se), "ciHigh": num(diff + z * se),
                    "p": num(2 * stats.norm.sf(abs(diff / se)))})
        cases.append(out)
    return cases


def distribution_cases():
    """The standard normal (cdf, sf, ppf, isf) and the chi-square upper tail, deep into the tails."""
    normal = [{"kind": "normal", "x": x, "cdf": num(stats.norm.cdf(x)), "sf": num(stats.norm.sf(x))}
              for x in (-8.5, -3.0, -1.0, 0.0, 0.5, 1.959963984540054, 6.0, 12.0)]
    quantiles = [{"kind": "normal-quantile", "p": p, "ppf": num(stats.norm.ppf(p)), "isf": num(stats.norm.isf(p))}
                 for p in (1e-12, 0.001, 0.025, 0.3, 0.5, 0.975, 0.999999)]
    chi2 = [{"kind": "chi-square", "x": x, "df": df, "sf": num(stats.chi2.sf(x, df))}
            for df in (1, 2, 3, 7, 30) for x in (0.0, 0.004, 0.5, 3.84, 11.0, 45.0, 250.0, 600.0)]
    return normal + quantiles + chi2


def independence_cases():
    """Pearson's chi-square of contingency tables, scipy chi2_contingency(correction=False). scipy refuses a table
    with an all-zero row or column; DsLoop leaves such rows and columns out, so the reference is scipy on the table
    without them."""
    tables = [
        ("platform-mix-balanced", [[3500, 3480], [3000, 3050], [3500, 3470]]),
        ("platform-mix-skewed", [[3500, 3500], [3000, 2400], [3500, 3500]]),
        ("two-by-two", [[120, 880], [150, 850]]),
        ("four-by-three", [[12, 30, 8], [25, 14, 11], [9, 9, 30], [40, 22, 19]]),
        ("far-tail", [[9000, 1000], [1000, 9000]]),
        ("fractional-weights", [[10.5, 20.25], [30.0, 5.75]]),
        ("empty-row", [[300, 310], [0, 0], [150, 90]]),
        ("empty-column", [[40, 0, 60], [70, 0, 30]]),
        ("one-row", [[10, 20, 30]]),
        ("one-non-empty-column", [[5, 0], [7, 0]]),
        ("all-zero", [[0, 0], [0, 0]]),
    ]
    cases = []
    for name, table in tables:
        t = np.array(table, dtype=float)
        kept = t[t.sum(axis=1) > 0][:, t.sum(axis=0) > 0]
        if kept.shape[0] < 2 or kept.shape[1] < 2:
            chi2, p, dof = 0.0, 1.0, 0
        else:
            chi2, p, dof, _ = stats.chi2_contingency(kept, correction=False)
        cases.append({"name": name, "table": table, "chi2": num(chi2), "p": num(p), "df": int(dof)})
    return cases


def correlation_cases():
    """Average ranks (rankdata), Pearson's r (pearsonr) and Spearman's rho (spearmanr); NaN for constant input."""
    import warnings
    warnings.filterwarnings("ignore", category=stats.ConstantInputWarning)
    rng = np.random.RandomState(1729)
    latent = rng.normal(0, 1, 300)
    pairs = [
        ("no-ties", [3.1, -0.4, 2.2, 9.0, 5.5, 0.0, 1.7], [2.0, 0.1, 2.5, 7.5, 3.0, -1.0, 2.2]),
        ("ties-in-both", [1, 2, 2, 3, 3, 3, 4, 5], [10, 20, 20, 20, 30, 40, 40, 50]),
        ("reversed", [1, 2, 3, 4, 5], [50, 40, 30, 20, 10]),
        ("two-pairs", [0.3, 0.7], [5.0, 1.0]),
        ("negative-zero-ties-zero", [-0.0, 0.0, 1.0, -1.0], [1.0, 2.0, 3.0, 0.0]),
        ("constant-y", [1, 2, 3, 4], [7, 7, 7, 7]),
        ("scores-and-counts", [float(v) for v in np.round(1 / (1 + np.exp(-latent)), 2)],
         [float(v) for v in rng.poisson(np.exp(0.8 * latent))]),
    ]
    cases = []
    for name, x, y in pairs:
        cases.append({"name": name, "x": [float(v) for v in x], "y": [float(v) for v in y],
                      "ranksX": [num(v) for v in stats.rankdata(x)], "ranksY": [num(v) for v in stats.rankdata(y)],
                      "pearson": num(stats.pearsonr(x, y)[0]), "spearman": num(stats.spearmanr(x, y)[0])})
    return cases


def main():
    os.makedirs(OUT, exist_ok=True)
    fixtures = {
        "power.json": power_cases(),
        "sizing.json": sizing_cases(),
        "detectable.json": detectable_cases(),
        "bootstrap.json": bootstrap_cases(),
        "ztest.json": ztest_cases(),
        "welch.json": welch_cases(),
        "srm.json": srm_cases(),
        "adjust.json": adjust_cases(),
        "classify.json": classify_cases(),
        "logistic.json": logistic_cases(),
        "relative.json": relative_cases(),
        "cuped.json": cuped_cases(),
        "novelty.json": novelty_cases(),
        "ratio.json": ratio_cases(),
        "distributions.json": distribution_cases(),
        "independence.json": independence_cases(),
        "correlation.json": correlation_cases(),
    }
    for name, cases in fixtures.items():
        with open(os.path.join(OUT, name), "w") as f:
            json.dump({"generator": "tests/reference/make_fixtures.py", "scipy": scipy.__version__,
                       "statsmodels": statsmodels.__version__, "sklearn": sklearn.__version__, "cases": cases}, f, indent=1, sort_keys=True)
            f.write("\n")
    print(f"wrote {sum(len(c) for c in fixtures.values())} cases to {OUT}")


if __name__ == "__main__":
    main()
