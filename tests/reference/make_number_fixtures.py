#!/usr/bin/python3
"""Writes the reference cases the answer judge's checked numbers (src/DsLoop.Judge/Numbers) are tested against.

Each case is a spoken sentence with a figure in it, the verdict the checker must give, and the right figures computed
here with statsmodels and scipy:
  * sample size per arm: NormalIndPower().solve_power with proportion_effectsize (Cohen's h), rounded up;
  * detectable effect for n per arm: NormalIndPower().solve_power(effect_size=None), mapped back to a rate;
  * duration: units / daily eligible traffic (arithmetic);
  * significance: proportions_ztest (pooled, two-sided);
  * intervals: proportion_confint(method="normal") for one rate, confint_proportions_2indep(method="wald") for a difference;
  * sample ratio: scipy.stats.chisquare against the planned split;
  * lift arithmetic: points and relative change (arithmetic);
  * interval against p-value: the estimate over the standard error (half-width / z) with scipy.stats.norm;
  * variance reduction: a covariate with correlation rho removes rho^2 of the variance (arithmetic);
  * width scaling: an interval's half-width for k times the sample is the old one / sqrt(k) (arithmetic);
  * plain arithmetic: a share of an amount, a ratio as a percent, annual from monthly, parts added to a base, a
    segment's contribution to a drop (arithmetic).
  * unequal arms: NormalIndPower().solve_power with ratio = control / treatment; a stated need of twice the right one;
  * significance from "N units with K outcomes": proportions_ztest (pooled, two-sided);
  * interval width from rates and arm sizes: confint_proportions_2indep(method="wald"), half its span;
  * precision and recall: arithmetic from prevalence, recall, false positive rate and caught counts;
  * peeking: the share of A/A tests with |Z_k| >= z(alpha/2) at some of K equally spaced looks, simulated with a fixed
    seed (1,000,000 runs, standard error below 0.0005);
  * design effect: 1 + (m - 1) rho; the standard error grows by its square root and a z shrinks by it (arithmetic).
  * multiple testing: the Bonferroni cut-off from statsmodels' multipletests (alphacBonf), the chance of at least one
    false positive among m independent nulls 1 - (1 - alpha)^m, and m * alpha false positives expected (arithmetic);
  * one-sided against two-sided sample: ((z_{1-alpha} + z_power) / (z_{1-alpha/2} + z_power))^2 with scipy.stats.norm,
    checked against NormalIndPower().solve_power with alternative="larger" over "two-sided".
Claims are set well inside or well outside the checker's tolerances (docs/COACH-NUMBERS.md), never near an edge.
The grids are fixed, so every run writes the same file.
The file lives in tests/reference/numbers/, not fixtures/: the Stats tests require every file in fixtures/ to come from
make_fixtures.py.
Run: /usr/bin/python3 tests/reference/make_number_fixtures.py [OUTPUT_DIR]   (default: tests/reference/numbers)
"""
import json
import math
import os
import sys

import scipy
import statsmodels
from scipy import stats
from statsmodels.stats.power import NormalIndPower
from statsmodels.stats.proportion import (
    confint_proportions_2indep,
    proportion_confint,
    proportion_effectsize,
    proportions_ztest,
)

OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "numbers")

# The checker's tolerances, mirrored so each claim's verdict is known before the C# side reads it.
TOO_FEW, TOO_MANY = 0.7, 3.0
OVERCLAIM = 1.4


def sig2(x):
    """A figure as a candidate would say it: two significant figures."""
    if x == 0:
        return 0.0
    digits = 1 - int(math.floor(math.log10(abs(x))))
    return round(x, digits)


def count_words(n):
    return f"{int(round(n)):,}"


def pct(x, decimals=2):
    text = f"{x * 100:.{decimals}f}".rstrip("0").rstrip(".")
    return text


def sample_size_cases():
    cases = []
    grid = [
        (0.40, 0.02, None, None, "two-sided"),
        (0.05, 0.01, None, None, "two-sided"),
        (0.10, 0.02, 0.05, 0.9, "two-sided"),
        (0.20, 0.05, 0.01, 0.8, "two-sided"),
        (0.30, 0.03, 0.05, 0.8, "larger"),
        (0.50, 0.05, None, 0.9, "two-sided"),
        (0.02, 0.005, 0.05, 0.8, "two-sided"),
        (0.60, 0.02, 0.1, 0.8, "larger"),
    ]
    for baseline, delta, alpha, power, alternative in grid:
        h = proportion_effectsize(baseline + delta, baseline)
        n = math.ceil(NormalIndPower().solve_power(effect_size=h, alpha=alpha or 0.05, power=power or 0.8, ratio=1.0,
                                                   alternative=alternative))
        phrases = []
        if alpha is not None:
            phrases.append(f"alpha {alpha}")
        if power is not None:
            phrases.append(f"{int(power * 100)}% power")
        if alternative == "larger":
            phrases.append("one-sided")
        settings = (" at " + " and ".join(phrases)) if phrases else ""
        for factor, verdict in ((1.0, "consistent"), (0.3, "wrong"), (6.0, "wrong")):
            claim = sig2(n * factor)
            assert (TOO_FEW * n <= claim <= TOO_MANY * n) == (verdict == "consistent")
            answer = (f"Our baseline conversion is {pct(baseline)}% and we want to detect a {pct(delta)} point lift{settings}, "
                      f"so we need about {count_words(claim)} users per arm.")
            cases.append({"kind": "SampleSize", "answer": answer, "verdict": verdict, "right": [n],
                          "baseline": baseline, "delta": delta, "alpha": alpha or 0.05, "power": power or 0.8,
                          "alternative": alternative})
    return cases


def detectable_cases():
    cases = []
    for n in (1000, 5000, 20000, 100000):
        for baseline in (0.1, 0.3, 0.5):
            h = NormalIndPower().solve_power(effect_size=None, nobs1=n, alpha=0.05, power=0.8, ratio=1.0,
                                             alternative="two-sided")
            treatment = math.sin(math.asin(math.sqrt(baseline)) + h / 2) ** 2
            mde = treatment - baseline
            for factor, verdict in ((1.0, "consistent"), (0.33, "wrong")):
                claim = sig2(mde * 100 * factor)
                assert (mde <= OVERCLAIM * claim / 100) == (verdict == "consistent")
                answer = f"With {n:,} users per arm at a {pct(baseline)}% baseline we can detect {claim:g} points."
                cases.append({"kind": "DetectableEffect", "answer": answer, "verdict": verdict, "right": [mde],
                              "baseline": baseline, "perArm": n})
    return cases


def duration_cases():
    cases = []
    for per_arm, daily in ((9500, 2000), (50000, 8000), (120000, 10000), (30000, 500)):
        need = 2 * per_arm / daily
        weeks_up = max(7, math.ceil(need / 7) * 7)
        for stated, verdict in ((math.ceil(need), "consistent"), (max(1, math.floor(need / 4)), "wrong"), (weeks_up * 3, "wrong")):
            assert (need / 2 <= stated <= 2 * weeks_up) == (verdict == "consistent")
            answer = (f"We need {per_arm:,} users per arm and we get {daily:,} eligible users a day, "
                      f"so the test runs for {stated} days.")
            cases.append({"kind": "Duration", "answer": answer, "verdict": verdict, "right": [need]})
    return cases


def p_words(p):
    return "p < 0.001" if p < 0.001 else f"p = {sig2(p):g}"


def significance_cases():
    cases = []
    for c, n, t, m in ((480, 10000, 540, 10000), (200, 1000, 250, 1000), (1200, 40000, 1290, 40000),
                       (90, 3000, 140, 3000), (3000, 50000, 3300, 50000), (52, 800, 60, 820)):
        _, p = proportions_ztest([t, c], [m, n])
        significant = p < 0.05
        right = f"{p_words(p)}, so it is {'' if significant else 'not '}significant"
        wrong = "p = 0.3, so it is not significant" if significant else "p = 0.001, so it is significant"
        for claim, verdict in ((right, "consistent"), (wrong, "wrong")):
            answer = f"Control converted {c:,} out of {n:,} and treatment {t:,} out of {m:,}, {claim}."
            cases.append({"kind": "Significance", "answer": answer, "verdict": verdict, "right": [float(p)]})
    return cases


def interval_cases():
    cases = []
    for s, n, confidence in ((480, 10000, 0.95), (120, 1000, 0.95), (45, 600, 0.9), (2500, 20000, 0.99)):
        low, high = proportion_confint(s, n, alpha=1 - confidence, method="normal")
        rate = s / n
        wide = (rate - 2 * (rate - low), rate + 2 * (high - rate))
        for (lo, hi), verdict in (((low, high), "consistent"), (wide, "wrong")):
            answer = (f"We saw {s:,} of {n:,} convert, a rate of {pct(rate)}% with a {int(confidence * 100)}% confidence "
                      f"interval of {pct(lo)}% to {pct(hi)}%.")
            cases.append({"kind": "Interval", "answer": answer, "verdict": verdict, "right": [float(low), float(high)]})
    for c, n, t, m in ((480, 10000, 560, 10000), (200, 1000, 250, 1000), (1500, 30000, 1450, 30000)):
        low, high = confint_proportions_2indep(t, m, c, n, method="wald", compare="diff", alpha=0.05)
        diff = t / m - c / n
        shifted = (low + (high - low), high + (high - low))
        for (lo, hi), verdict in (((low, high), "consistent"), (shifted, "wrong")):
            answer = (f"Control had {c:,} of {n:,} and treatment {t:,} of {m:,}; the difference is {pct(diff)} points "
                      f"with a 95% confidence interval of {pct(lo)} to {pct(hi)} points.")
            cases.append({"kind": "Interval", "answer": answer, "verdict": verdict, "right": [float(low), float(high)]})
    return cases


def srm_cases():
    cases = []
    for a, b, split in ((10321, 9679, (50, 50)), (50400, 49600, (50, 50)), (10021, 9979, (50, 50)),
                        (9100, 900, (90, 10)), (8890, 1110, (90, 10)), (25500, 24500, (50, 50))):
        total = a + b
        expected = [total * split[0] / 100, total * split[1] / 100]
        p = stats.chisquare([a, b], f_exp=expected).pvalue
        for call, says_mismatch in (("fine", False), ("a sample ratio mismatch", True)):
            if says_mismatch:
                verdict = "wrong" if p > 0.05 else "consistent"
            else:
                verdict = "wrong" if p < 0.001 else "consistent"
            answer = f"Assignment came out {a:,} in control and {b:,} in treatment on a {split[0]}/{split[1]} split, which is {call}."
            cases.append({"kind": "SampleRatio", "answer": answer, "verdict": verdict, "right": [float(p)]})
    return cases


def lift_cases():
    cases = []
    for a, b in ((0.40, 0.42), (0.10, 0.12), (0.05, 0.055), (0.30, 0.27)):
        points = abs(b - a)
        relative = points / a
        claims = (
            (f"a {pct(relative, 1)}% relative lift", "consistent", relative),
            (f"{pct(points, 1)} points", "consistent", points),
            (f"a {pct(points, 1)}% lift", "wrong", relative),
        )
        for words, verdict, right in claims:
            answer = f"Conversion went from {pct(a, 1)}% to {pct(b, 1)}%, which is {words}."
            cases.append({"kind": "Lift", "answer": answer, "verdict": verdict, "right": [right]})
    return cases


def interval_p_cases():
    cases = []
    for low, high in ((0.5, 3.5), (0.2, 1.8), (-0.4, 2.0)):
        z = stats.norm.isf(0.025)
        se = (high - low) / 2 / z
        p = float(2 * stats.norm.sf(abs((low + high) / 2) / se))
        for stated, verdict in ((sig2(p), "consistent"), (sig2(p * 5), "wrong")):
            answer = f"The estimated lift is {(low + high) / 2:g} with a 95% confidence interval of {low:g} to {high:g} points, so p is about {stated:g}."
            cases.append({"kind": "IntervalPValue", "answer": answer, "verdict": verdict, "right": [p]})
    return cases


def variance_cases():
    cases = []
    for rho in (0.3, 0.5, 0.8):
        left = 1 - rho * rho
        for share, verdict in ((left, "consistent"), (1 - rho, "wrong")):
            answer = f"With a pre-period correlation of {rho:g}, CUPED leaves about {round(share * 100):g}% of the variance."
            cases.append({"kind": "VarianceReduction", "answer": answer, "verdict": verdict, "right": [left]})
    for rho in (0.4, 0.7):
        removed = rho * rho
        for share, verdict in ((removed, "consistent"), (rho, "wrong")):
            answer = f"The covariate's correlation with the metric is {rho:g}, so the variance drops by about {round(share * 100):g}%."
            cases.append({"kind": "VarianceReduction", "answer": answer, "verdict": verdict, "right": [removed]})
    return cases


def width_cases():
    cases = []
    for half, k, words in ((1.5, 4, "four times as many users"), (3.0, 9, "nine times the sample"), (0.8, 2, "twice as many users")):
        right = half / math.sqrt(k)
        for stated, verdict in ((round(right, 2), "consistent"), (round(half / k, 2), "wrong")):
            answer = f"With {words}, the margin of error would drop from {half:g} points to about {stated:g} points."
            cases.append({"kind": "WidthScaling", "answer": answer, "verdict": verdict, "right": [right]})
    return cases


def arithmetic_cases():
    cases = []

    def add(answer, verdict, right):
        cases.append({"kind": "Arithmetic", "answer": answer, "verdict": verdict, "right": [right]})

    for share, n in ((70, 50_000), (12, 40_000), (35, 8_000)):
        right = share / 100 * n
        for stated, verdict in ((right, "consistent"), (right / 10, "wrong")):
            add(f"Assume {share}% of our {n:,} customers are eligible, that's {stated:,.0f}.", verdict, right)
    for a, b in ((550, 4_200), (160, 165), (1_200, 40_000)):
        right = a / b * 100
        for stated, verdict in ((round(right), "consistent"), (round(right * 2.5), "wrong")):
            add(f"A gap of {a:,} on {b:,} is about {stated}%, which matters.", verdict, right)
    for n, price in ((4_200, 60), (900, 250)):
        right = n * price * 12
        for stated, verdict in ((right, "consistent"), (n * price, "wrong")):
            add(f"We expect {n:,} customers. At ${price} a month each, annual revenue comes to about ${stated:,}.", verdict, right)
    for base, bonus, equity in ((160, 15, 40), (200, 10, 60)):
        right = bonus / 100 * base + equity
        for stated, verdict in ((right, "consistent"), (equity / 2, "wrong")):
            add(f"My base is {base} thousand. A {bonus}% bonus and equity of {equity} thousand add about {stated:g} thousand on top of that.",
                verdict, right * 1000)
    for weight, drop in ((25, 8), (40, 15), (10, 20)):
        right = weight / 100 * drop
        for stated, verdict in ((right, "consistent"), (right * 3, "wrong")):
            add(f"Suppose Android, which is {weight}% of our DAU, is down {drop}%. That accounts for the entire {stated:g}% decline.",
                verdict, right)
    for value, stake in ((500, 0.08), (80, 0.25)):
        right = stake / 100 * value * 1e6
        for stated, verdict in ((right, "consistent"), (right / 10, "wrong")):
            add(f"The last round valued the company at {value} million. A {stake:g}% stake is about {stated / 1000:g} thousand on paper.",
                verdict, right)
    for terabytes, price, runs in ((40, 6, 12), (15, 5, 20)):
        right = terabytes * price * runs
        for stated, verdict in ((right, "consistent"), (right * 10, "wrong")):
            add(f"Each pass reads {terabytes} TB, and at ${price} per terabyte {runs} runs come to about ${stated:,}.", verdict, right)
    for start, end in ((10.0, 11.2), (8.0, 9.2)):
        right = end / start * 100
        for stated, verdict in ((round(right), "consistent"), (round(right) + 10, "wrong")):
            add(f"The cohort started the year at ${start:.1f}M and ended it at ${end:.1f}M, a net revenue retention of {stated}%.", verdict, right)
    for base, bonus, equity in ((195, 20, 60), (150, 10, 20)):
        right = base * (1 + bonus / 100) + equity
        for stated, verdict in ((round(right), "consistent"), (base + equity, "wrong")):
            add(f"The offer is {base} base with a {bonus}% target bonus and about {equity} thousand a year in stock, so roughly "
                f"{stated} in total.", verdict, right * 1000)
    for routed, tickets, precision in ((70, 3_000, 95), (60, 5_000, 90)):
        right = routed / 100 * tickets * (1 - precision / 100)
        for stated, verdict in ((right, "consistent"), (right * 1.6, "wrong")):
            add(f"If we auto-route {routed}% of the {tickets:,} daily tickets at {precision}% precision, we'd misroute about "
                f"{stated:,.0f} tickets a day.", verdict, right)
    for price, old_off, new_off, old_share, new_share in ((15, 15, 25, 30, 50), (20, 10, 20, 40, 60)):
        def average(share, off):
            return price * ((1 - share / 100) + share / 100 * (1 - off / 100))
        right = abs(average(new_share, new_off) / average(old_share, old_off) - 1) * 100
        for stated, verdict in ((round(right, 1), "consistent"), (round(2 * right, 1), "wrong")):
            add(f"Say monthly is ${price}, annual used to be {old_off}% off and is now {new_off}% off, and annual's share of new "
                f"subscribers went from {old_share}% to {new_share}%: average revenue per subscriber falls by about {stated:g}%.", verdict, right)
    return cases


def allocation_cases():
    cases = []
    for baseline, delta, share in ((0.40, 0.02, 0.10), (0.10, 0.02, 0.20), (0.20, 0.03, 0.25)):
        ratio = (1 - share) / share
        h = proportion_effectsize(baseline + delta, baseline)
        need = math.ceil(NormalIndPower().solve_power(effect_size=h, alpha=0.05, power=0.8, ratio=ratio, alternative="two-sided"))
        for stated, verdict in ((sig2(need), "consistent"), (sig2(need * 0.4), "wrong")):
            answer = (f"If the new flow only gets {pct(share)}% of sign-ups, detecting {pct(delta)} points on a {pct(baseline)}% baseline "
                      f"at alpha 0.05 and 80% power needs about {count_words(stated)} in treatment and "
                      f"{count_words(sig2(stated * ratio))} in control.")
            cases.append({"kind": "SampleSize", "answer": answer, "verdict": verdict, "right": [need]})
    for baseline, delta in ((0.40, 0.02), (0.10, 0.02)):
        h = proportion_effectsize(baseline + delta, baseline)
        need = math.ceil(NormalIndPower().solve_power(effect_size=h, alpha=0.05, power=0.8, ratio=1.0, alternative="two-sided"))
        for stated, verdict in ((sig2(need), "consistent"), (sig2(2 * need), "wrong")):
            answer = (f"A lift from {pct(baseline)}% to {pct(baseline + delta)}% at alpha 0.05 two-sided and 80% power "
                      f"needs about {count_words(stated)} users per arm.")
            cases.append({"kind": "SampleSize", "answer": answer, "verdict": verdict, "right": [need]})
    return cases


def with_counts_cases():
    cases = []
    for n, k_control, k_treatment in ((10000, 1100, 1150), (2000, 940, 1040), (5000, 500, 520)):
        _, p = proportions_ztest([k_control, k_treatment], [n, n])
        for stated, verdict in ((sig2(p), "consistent"), (sig2(p / 10) if p > 0.05 else sig2(min(0.9, p * 50)), "wrong")):
            answer = (f"Treatment had {count_words(n)} users with {count_words(k_treatment)} orders and control had "
                      f"{count_words(n)} users with {count_words(k_control)} orders, so the p-value comes out around {stated:g}.")
            cases.append({"kind": "Significance", "answer": answer, "verdict": verdict, "right": [float(p)]})
    return cases


def rate_interval_cases():
    cases = []
    for n, p0, p1 in ((400000, 0.0200, 0.0202), (20000, 0.10, 0.11), (5000, 0.30, 0.32)):
        low, high = confint_proportions_2indep(round(p1 * n), n, round(p0 * n), n, method="wald", compare="diff")
        half = float((high - low) / 2)
        for stated, verdict in ((sig2(half * 100), "consistent"), (sig2(half * 100 / 5), "wrong")):
            answer = (f"Each arm had {count_words(n)} visitors, and the rate was {p0 * 100:.2f}% in control against "
                      f"{p1 * 100:.2f}% in treatment. The 95% interval on the difference is plus or minus {stated:g} percentage points.")
            cases.append({"kind": "Interval", "answer": answer, "verdict": verdict, "right": [half]})
    return cases


def classifier_cases():
    cases = []
    for n, prevalence, recall, fpr in ((2_000_000, 0.005, 0.9, 0.01), (1_000_000, 0.01, 0.8, 0.02), (50_000, 0.1, 0.7, 0.05)):
        positives = n * prevalence
        tp, fp = recall * positives, fpr * (n - positives)
        precision = tp / (tp + fp)
        for stated, verdict in ((round(precision * 100), "consistent"), (round(min(95, precision * 100 * 3 + 10)), "wrong")):
            answer = (f"With {count_words(n)} reviews of which {pct(prevalence)}% are fake, a threshold with {pct(recall)}% recall "
                      f"and a {pct(fpr)}% false positive rate has a precision of about {stated}%.")
            cases.append({"kind": "ClassifierRates", "answer": answer, "verdict": verdict, "right": [precision]})
    for n, prevalence, caught in ((200_000, 0.005, 240), (500_000, 0.002, 700)):
        positives = n * prevalence
        recall = caught / positives
        for stated, verdict in ((round(recall * 100), "consistent"), (round(min(95, recall * 100 * 2.5)), "wrong")):
            answer = (f"With {count_words(n)} payments a day and a {pct(prevalence)}% fraud rate, the queue lets us catch "
                      f"{count_words(caught)} frauds a day, a recall of about {stated}%.")
            cases.append({"kind": "ClassifierRates", "answer": answer, "verdict": verdict, "right": [recall]})
    return cases


def peeking_rate(looks, alpha=0.05, runs=1_000_000, seed=15):
    """A/A tests read at `looks` equally spaced looks: the share where some |Z_k| reaches the two-sided threshold."""
    import numpy as np
    rng = np.random.default_rng(seed)
    z = stats.norm.isf(alpha / 2)
    hits = 0
    for _ in range(runs // 100_000):
        sums = np.cumsum(rng.standard_normal((100_000, looks)), axis=1)
        hits += int((np.abs(sums) / np.sqrt(np.arange(1, looks + 1)) >= z).any(axis=1).sum())
    return hits / runs


def peeking_cases():
    cases = []
    for looks in (5, 10, 14, 20):
        rate = peeking_rate(looks)
        for stated, verdict in ((round(rate * 100), "consistent"), (6, "wrong"), (round(rate * 250), "wrong")):
            answer = (f"If the PM checks the dashboard daily, that's {looks} looks, and the overall false positive rate "
                      f"goes from 5% to about {stated}%.")
            cases.append({"kind": "Peeking", "answer": answer, "verdict": verdict, "right": [rate]})
    return cases


def design_effect_cases():
    cases = []
    for m, rho, z in ((4, 0.1, 2.58), (10, 0.05, 3.1), (25, 0.02, 2.4)):
        deff = 1 + (m - 1) * rho
        for stated, verdict in ((round(deff, 2), "consistent"), (round(1 + m * rho * 3, 2), "wrong")):
            answer = f"With {m} sessions per user and a within-user correlation of {rho:g}, the design effect is {stated:g}."
            cases.append({"kind": "DesignEffect", "answer": answer, "verdict": verdict, "right": [deff]})
        se = math.sqrt(deff)
        for stated, verdict in ((round(se, 2), "consistent"), (round(deff * deff, 2), "wrong")):
            answer = f"A design effect of {deff:g} means the standard error is about {stated:g} times the naive one."
            cases.append({"kind": "DesignEffect", "answer": answer, "verdict": verdict, "right": [se]})
        shrunk = z / se
        for stated, verdict in ((round(shrunk, 2), "consistent"), (round(z / deff / deff, 2), "wrong")):
            answer = f"With {m} visits per user and an intraclass correlation of {rho:g}, a naive z of {z:g} becomes about {stated:g}."
            cases.append({"kind": "DesignEffect", "answer": answer, "verdict": verdict, "right": [shrunk]})
    return cases


def multiple_testing_cases():
    from statsmodels.stats.multitest import multipletests
    cases = []
    for m, alpha in ((20, 0.05), (40, 0.05), (150, 0.05), (12, 0.1)):
        cutoff = multipletests([0.5] * m, alpha=alpha, method="bonferroni")[3]
        for stated, verdict in ((cutoff, "consistent"), (cutoff * 10, "wrong")):
            answer = f"We compare {m} metrics, so Bonferroni means dividing {alpha:g} by {m}, a cut-off of {sig2(stated):g} per metric."
            cases.append({"kind": "MultipleTesting", "answer": answer, "verdict": verdict, "right": [cutoff]})
    for m, alpha in ((8, 0.05), (30, 0.05), (15, 0.1)):
        fwer = 1 - (1 - alpha) ** m
        for stated, verdict in ((round(fwer * 100), "consistent"), (round(fwer * 100 / 3), "wrong")):
            answer = (f"The dashboard splits results into {m} segments. Testing each at {alpha:g}, the chance that at least one "
                      f"comes out significant with no real effect is about {stated}%.")
            cases.append({"kind": "MultipleTesting", "answer": answer, "verdict": verdict, "right": [fwer]})
    for m, alpha in ((60, 0.05), (200, 0.05)):
        expected = m * alpha
        for stated, verdict in ((round(expected), "consistent"), (round(expected * 3), "wrong")):
            answer = f"Across {m} comparisons at {alpha:g} we would expect about {stated} false positives by chance alone."
            cases.append({"kind": "MultipleTesting", "answer": answer, "verdict": verdict, "right": [expected]})
    return cases


def one_sided_cases():
    cases = []
    for power in (0.8, 0.9):
        z_power = stats.norm.ppf(power)
        ratio = ((stats.norm.isf(0.05) + z_power) / (stats.norm.isf(0.025) + z_power)) ** 2
        h = proportion_effectsize(0.11, 0.10)
        check = (NormalIndPower().solve_power(h, alpha=0.05, power=power, alternative="larger")
                 / NormalIndPower().solve_power(h, alpha=0.05, power=power, alternative="two-sided"))
        assert abs(check - ratio) < 0.005  # two-sided solve_power also counts the far tail
        for fewer, verdict in ((round((1 - ratio) * 100), "consistent"), (50, "wrong")):
            answer = f"At {pct(power)}% power a one-sided test needs about {fewer}% fewer users than the two-sided one."
            cases.append({"kind": "OneSidedSample", "answer": answer, "verdict": verdict, "right": [ratio]})
        answer = f"Switching to a one-sided test at {pct(power)}% power, we need about {round(ratio * 100)}% of the sample."
        cases.append({"kind": "OneSidedSample", "answer": answer, "verdict": "consistent", "right": [ratio]})
    return cases


def main():
    os.makedirs(OUT, exist_ok=True)
    cases = (sample_size_cases() + detectable_cases() + duration_cases() + significance_cases() + interval_cases()
             + srm_cases() + lift_cases() + interval_p_cases() + variance_cases()
             + width_cases() + arithmetic_cases())
    cases += (allocation_cases() + with_counts_cases() + rate_interval_cases() + classifier_cases() + peeking_cases()
              + design_effect_cases() + multiple_testing_cases() + one_sided_cases())
    with open(os.path.join(OUT, "number-checks.json"), "w") as f:
        json.dump({"generator": "tests/reference/make_number_fixtures.py", "scipy": scipy.__version__,
                   "statsmodels": statsmodels.__version__, "cases": cases}, f, indent=1, sort_keys=True, ensure_ascii=False)
        f.write("\n")
    print(f"wrote {len(cases)} cases to {OUT}/number-checks.json")


if __name__ == "__main__":
    main()
