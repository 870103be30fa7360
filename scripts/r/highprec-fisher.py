#!/usr/bin/env python3
"""High-precision truth for Fisher's exact test, independent of R and of biomarkit.

R's fisher.test solves its estimate and interval with uniroot(tol = 1.2e-4), so it cannot tell us
whether an implementation is accurate to 1e-9. This script evaluates the same quantities with exact
integer binomial coefficients and mpmath at 60 significant digits, solving by bisection in log-odds
space to 1e-40, and writes test/fixtures/r/fisher-highprec.tsv (17 significant digits).

Run from the repository root:  python3 scripts/r/highprec-fisher.py   (needs mpmath)
"""
from fractions import Fraction
from math import comb
import mpmath as mp

mp.mp.dps = 60
TABLES = [
    (1, 1, 2, 3), (3, 1, 1, 3), (1, 5, 22, 36), (10, 20, 30, 40), (1000, 1, 1, 1000), (0, 5, 5, 0),
    (7, 2, 3, 9), (2, 3000, 1, 3000), (20, 980, 5, 995), (12, 5, 3, 30), (1, 999, 0, 1000),
    (40, 2, 3, 60), (150, 170, 165, 160), (5, 0, 2, 9), (0, 8, 3, 4),
]


def support(a, b, c, d):
    m, n, k = a + c, b + d, a + b
    lo, hi = max(0, k - n), min(k, m)
    return lo, hi, [comb(m, i) * comb(n, k - i) for i in range(lo, hi + 1)]


def pvalues(a, b, c, d):
    lo, hi, w = support(a, b, c, d)
    total = sum(w)
    x = a - lo
    less = Fraction(sum(w[: x + 1]), total)
    greater = Fraction(sum(w[x:]), total)
    # R's rule: d_i <= d_x * (1 + 1e-7); with exact integers a tie is exact.
    cut = Fraction(w[x]) * (1 + Fraction(1, 10**7))
    two = Fraction(sum(v for v in w if v <= cut), total)
    return two, less, greater


def solve_increasing(f, lo=mp.mpf(-300), hi=mp.mpf(300)):
    for _ in range(400):
        mid = (lo + hi) / 2
        if f(mid) < 0:
            lo = mid
        else:
            hi = mid
        if hi - lo < mp.mpf(10) ** -40:
            break
    return (lo + hi) / 2


def stats(a, b, c, d, conf=mp.mpf("0.95")):
    lo, hi, w = support(a, b, c, d)
    ws = [mp.mpf(v) for v in w]
    idx = list(range(lo, hi + 1))

    def weights(t):
        return [v * mp.exp(t * i) for v, i in zip(ws, idx)]

    def mean(t):
        ww = weights(t)
        return mp.fsum(i * v for i, v in zip(idx, ww)) / mp.fsum(ww)

    def tail(t, upper):
        ww = weights(t)
        sel = mp.fsum(v for i, v in zip(idx, ww) if (i >= a if upper else i <= a))
        return sel / mp.fsum(ww)

    est = mp.mpf(0) if a == lo else (mp.inf if a == hi else mp.exp(solve_increasing(lambda t: mean(t) - a)))

    def lower(alpha):
        return mp.mpf(0) if a == lo else mp.exp(solve_increasing(lambda t: tail(t, True) - alpha))

    def upper(alpha):
        return mp.inf if a == hi else mp.exp(solve_increasing(lambda t: alpha - tail(t, False)))

    alpha2 = (1 - conf) / 2
    return est, lower(alpha2), upper(alpha2), lower(1 - conf), upper(1 - conf)


def fmt(v):
    if v == mp.inf:
        return "Inf"
    return mp.nstr(mp.mpf(v), 17, min_fixed=-400, max_fixed=400) if v != 0 else "0"


def main():
    rows = ["a\tb\tc\td\tp_two\tp_less\tp_greater\testimate\tlo_two\thi_two\tlo_greater\thi_less"]
    for t in TABLES:
        two, less, greater = pvalues(*t)
        est, lo2, hi2, lo1, hi1 = stats(*t)
        vals = [mp.mpf(two.numerator) / two.denominator, mp.mpf(less.numerator) / less.denominator,
                mp.mpf(greater.numerator) / greater.denominator, est, lo2, hi2, lo1, hi1]
        rows.append("\t".join([str(x) for x in t] + [fmt(v) for v in vals]))
    with open("test/fixtures/r/fisher-highprec.tsv", "w") as fh:
        fh.write("\n".join(rows) + "\n")


if __name__ == "__main__":
    main()
