#!/usr/bin/python3
"""Writes the reference answers the drill families are tested against (tests/reference/drills/answers.json).

The C# generators draw each drill's numbers from a seed; DsLoop.Drills.Tests writes them to
tests/reference/drills/parameters.json (and fails when they drift). This script reads those numbers and computes
every answer independently: statsmodels and scipy for the statistics families, exact enumeration with Python's
fractions for the probability families (checked against scipy where scipy has the distribution), a linear solve of
the Markov chain for gambler's ruin, and scipy's multivariate normal CDF for peeking. Each case carries the tolerance
the C# engine must meet (rel, abs). Run with Debian's python3 (python3-scipy, python3-statsmodels):
    DSLOOP_WRITE_DRILL_PARAMETERS=1 dotnet test tests/DsLoop.Drills.Tests -c Release --filter Committed_parameters
    /usr/bin/python3 tests/reference/make_drill_fixtures.py
"""
import json
import math
import os
from fractions import Fraction as F

import numpy as np
from scipy import optimize, stats
from statsmodels.stats.multitest import multipletests
from statsmodels.stats.power import NormalIndPower
from statsmodels.stats.proportion import confint_proportions_2indep, proportion_effectsize, proportions_ztest

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "drills")
POWER = NormalIndPower()


def fr(x):
    """The decimal the prompt shows, as an exact fraction."""
    return F(repr(x))


def sample_size(q):
    h = proportion_effectsize(q["baseline"] + q["mde"], q["baseline"])
    n = POWER.solve_power(effect_size=h, alpha=q["alpha"], power=q["power"], ratio=1, alternative="two-sided")
    return math.ceil(n), 0, 1  # statsmodels' root finder can land either side of a whole number


def duration(q):
    total = int(q["arms"]) * int(q["perArm"])
    return math.ceil(F(total) / (fr(q["daily"]) * fr(q["share"]))), 0, 0


def mde(q):
    # statsmodels' solve_power stops near 1e-4 relative, so solve its power function with brentq to full precision.
    gap = lambda h: POWER.power(effect_size=h, nobs1=q["total"] / 2, alpha=0.05, ratio=1, alternative="two-sided") - q["power"]
    h = optimize.brentq(gap, 1e-9, 10, xtol=1e-15, rtol=1e-15)
    p2 = math.sin(math.asin(math.sqrt(q["baseline"])) + h / 2) ** 2
    return p2 - q["baseline"], 1e-9, 0


def power(q):
    h = proportion_effectsize(q["baseline"] + q["mde"], q["baseline"])
    return POWER.power(effect_size=h, nobs1=q["total"] / 2, alpha=0.05, ratio=1, alternative="two-sided"), 1e-9, 0


def allocation(q):
    ratio = q["share"] / (1 - q["share"])
    n1 = POWER.solve_power(effect_size=q["mde"] / q["sd"], alpha=0.05, power=0.8, ratio=ratio, alternative="two-sided")
    return math.ceil(n1) + math.ceil(n1 * ratio), 0, 2


def readout_p(q):
    _, p = proportions_ztest([q["treatmentX"], q["controlX"]], [q["treatmentN"], q["controlN"]])
    return p, 1e-9, 1e-300


def readout_interval(q):
    low, _ = confint_proportions_2indep(q["treatmentX"], q["treatmentN"], q["controlX"], q["controlN"], method="wald", compare="diff")
    return low, 1e-9, 1e-12


def srm(q):
    return stats.chisquare([q["control"], q["treatment"]]).pvalue, 1e-9, 1e-300


def cuped(q):
    # The residual variance of y regressed on x, from the 2x2 covariance matrix of (x, y) with var(x) = 1.
    cov = np.array([[1.0, q["rho"] * q["sd"]], [q["rho"] * q["sd"], q["sd"] ** 2]])
    beta = np.linalg.solve(cov[:1, :1], cov[:1, 1])
    return math.sqrt(cov[1, 1] - beta @ cov[:1, 1]), 1e-12, 1e-12


def adjusted(method):
    def answer(q):
        p = [q[f"p{i + 1}"] for i in range(int(q["m"]))]
        return multipletests(p, method=method)[1][int(q["target"])], 1e-9, 1e-15
    return answer


PEEK = {}


def peeking(q):
    key = (int(q["looks"]), q["alpha"])
    if key not in PEEK:
        k, c = key[0], stats.norm.isf(q["alpha"] / 2)
        cov = np.array([[math.sqrt(min(i, j) / max(i, j)) for j in range(1, k + 1)] for i in range(1, k + 1)])
        inside = stats.multivariate_normal.cdf(np.full(k, c), mean=np.zeros(k), cov=cov, lower_limit=np.full(k, -c),
                                               maxpts=2_000_000 * k, abseps=1e-7, releps=1e-7)
        PEEK[key] = 1 - inside
    return PEEK[key], 0, 1e-4  # Genz's integration is accurate to about 1e-5 here


def simpson(q):
    rate = lambda x, n: F(int(q[x]), int(q[n]))
    a_pooled = F(int(q["aDesktopX"] + q["aMobileX"]), int(q["aDesktopN"] + q["aMobileN"]))
    b_pooled = F(int(q["bDesktopX"] + q["bMobileX"]), int(q["bDesktopN"] + q["bMobileN"]))
    b_each = rate("bDesktopX", "bDesktopN") > rate("aDesktopX", "aDesktopN") and rate("bMobileX", "bMobileN") > rate("aMobileX", "aMobileN")
    assert b_each and a_pooled > b_pooled, f"not a Simpson table: {q}"
    return (0 if a_pooled > b_pooled else 1) if q["askPooled"] == 1 else (1 if b_each else 0), 0, 0


def bayes(q):
    # Enumerate the joint table of (fraud, flag) exactly.
    prior, sens, spec = fr(q["prior"]), fr(q["sensitivity"]), fr(q["specificity"])
    joint = {(f, g): (prior if f else 1 - prior) * ((sens if g else 1 - sens) if f else (1 - spec if g else spec))
             for f in (True, False) for g in (True, False)}
    return float(joint[(True, True)] / (joint[(True, True)] + joint[(False, True)])), 1e-12, 0


def payoffs(q):
    faces, threshold, multiple, fee = (int(q[k]) for k in ("faces", "threshold", "multiple", "fee"))
    return [F(multiple * f) if f >= threshold else F(-fee) for f in range(1, faces + 1)]


def game_ev(q):
    xs = payoffs(q)
    return float(sum(xs) / len(xs)), 1e-12, 1e-12


def game_sd(q):
    xs = payoffs(q)
    mean = sum(xs) / len(xs)
    return math.sqrt(float(sum((x - mean) ** 2 for x in xs) / len(xs))), 1e-12, 1e-12


def binomial(q):
    n, k, p = int(q["n"]), int(q["k"]), fr(q["p"])
    exact = float(sum(math.comb(n, j) * p ** j * (1 - p) ** (n - j) for j in range(k, n + 1)))
    assert abs(exact - stats.binom.sf(k - 1, n, q["p"])) < 1e-12
    return exact, 1e-9, 1e-15


def geometric(q):
    k, p = int(q["k"]), fr(q["p"])
    exact = float(sum(p * (1 - p) ** (j - 1) for j in range(1, k + 1)))
    assert abs(exact - stats.geom.cdf(k, q["p"])) < 1e-12
    return exact, 1e-9, 1e-15


def poisson(q):
    return stats.poisson.sf(int(q["k"]) - 1, q["rate"] * q["hours"]), 1e-9, 1e-15


def hypergeometric(q):
    big, bad, n, k = int(q["population"]), int(q["bad"]), int(q["draws"]), int(q["k"])
    exact = float(F(math.comb(bad, k) * math.comb(big - bad, n - k), math.comb(big, n)))
    assert abs(exact - stats.hypergeom.pmf(k, big, bad, n)) < 1e-12
    return exact, 1e-9, 1e-15


def birthday(q):
    d, n = int(q["space"]), int(q["n"])
    distinct = F(1)
    for i in range(n):
        distinct *= F(d - i, d)
    return float(1 - distinct), 1e-9, 1e-15


def clt(q):
    z = (q["threshold"] - q["n"] * q["mean"]) / (q["sd"] * math.sqrt(q["n"]))
    return stats.norm.sf(z), 1e-9, 1e-15


def gamblers_ruin(q):
    # Solve P(i) = p·P(i+1) + q·P(i−1) with P(0) = 0 and P(N) = 1 as a linear system.
    n, start, p = int(q["target"]), int(q["start"]), q["p"]
    a = np.zeros((n + 1, n + 1))
    b = np.zeros(n + 1)
    a[0, 0] = a[n, n] = 1
    b[n] = 1
    for i in range(1, n):
        a[i, i], a[i, i + 1], a[i, i - 1] = 1, -p, -(1 - p)
    return float(np.linalg.solve(a, b)[start]), 1e-9, 1e-15


REFERENCES = {
    "sample-size": sample_size, "duration": duration, "mde": mde, "power": power, "unequal-allocation": allocation,
    "readout-p": readout_p, "readout-interval": readout_interval, "srm": srm, "cuped": cuped,
    "holm": adjusted("holm"), "bh": adjusted("fdr_bh"), "peeking": peeking, "simpson": simpson,
    "bayes": bayes, "game-ev": game_ev, "game-sd": game_sd, "binomial": binomial, "geometric": geometric,
    "poisson": poisson, "hypergeometric": hypergeometric, "birthday": birthday, "clt": clt, "gamblers-ruin": gamblers_ruin,
}


def main():
    with open(os.path.join(HERE, "parameters.json")) as f:
        drawn = json.load(f)
    lines = []
    for case in drawn["cases"]:
        answer, rel, tol = REFERENCES[case["family"]](case["parameters"])
        lines.append(json.dumps({"family": case["family"], "seed": case["seed"], "answer": float(answer), "rel": rel, "abs": tol}))
    missing = {c["family"] for c in drawn["cases"]} ^ set(REFERENCES)
    assert not missing, f"families without a reference: {missing}"
    with open(os.path.join(HERE, "answers.json"), "w") as f:
        f.write('{"cases": [\n' + ",\n".join(lines) + "\n]}\n")
    print(f"{len(lines)} cases over {len(REFERENCES)} families")


if __name__ == "__main__":
    main()
