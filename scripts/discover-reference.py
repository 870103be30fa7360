#!/usr/bin/env python3
"""Reference values for biomarkit's DISCOVER test (src/stats/discover.ts, poisson-binomial.ts).

No R/Python DISCOVER package is installed, so the reference is built here independently:
  * the background probabilities p_ij = 1/(1+exp(-(mu_i+lambda_j))) by a joint Newton method on
    all effects at once (numpy, least-squares steps for the one-dimensional non-identifiability),
    run until every gene and sample margin matches to 1e-12 (biomarkit uses alternating 1-D
    Newton steps instead: a different algorithm converging to the same unique solution);
  * Poisson-binomial tails P(T >= t), P(T <= t) in exact rational arithmetic (fractions.Fraction of
    the binary doubles), printed to 30 significant digits with mpmath; cross-checked here by brute
    force enumeration of all 2^n outcomes for n <= 14.
Run from the repository root:  python3 scripts/discover-reference.py
Writes test/fixtures/stats/discover.json (Python 3.11, numpy 2.4, mpmath 1.3); takes minutes (exact
fractions over 300 trials).
"""
import itertools
import json
import random
import sys
from fractions import Fraction

import mpmath
import numpy as np

mpmath.mp.dps = 40


def exact_tails(q, t):
    dist = [Fraction(1)]
    for v in q:
        f = Fraction(v)
        nxt = [Fraction(0)] * (len(dist) + 1)
        for k, pk in enumerate(dist):
            nxt[k] += pk * (1 - f)
            nxt[k + 1] += pk * f
        dist = nxt
    upper = sum(dist[t:], Fraction(0))
    lower = sum(dist[: t + 1], Fraction(0))
    return upper, lower


def brute_tails(q, t):
    upper = Fraction(0)
    lower = Fraction(0)
    for outcome in itertools.product((0, 1), repeat=len(q)):
        pr = Fraction(1)
        for o, v in zip(outcome, q):
            pr *= Fraction(v) if o else 1 - Fraction(v)
        k = sum(outcome)
        if k >= t:
            upper += pr
        if k <= t:
            lower += pr
    return upper, lower


def s30(fr):
    return mpmath.nstr(mpmath.mpf(fr.numerator) / fr.denominator, 30, min_fixed=-1000, max_fixed=1000) if fr != 0 else "0"


def background(m):
    m = np.asarray(m, dtype=float)
    g, s = m.shape
    r, c = m.sum(1), m.sum(0)
    fixed_r = np.where(r == 0, 0.0, np.where(r == s, 1.0, np.nan))
    fixed_c = np.where(c == 0, 0.0, np.where(c == g, 1.0, np.nan))
    fr, fc = np.isnan(fixed_r), np.isnan(fixed_c)
    # (the test matrices have no margins that become degenerate after fixing, so one pass suffices)
    sub = m[np.ix_(fr, fc)]
    rt = sub.sum(1)
    ct = sub.sum(0)
    gs, ss = sub.shape
    theta = np.zeros(gs + ss)
    for _ in range(200):
        eta = theta[:gs, None] + theta[None, gs:]
        p = 1 / (1 + np.exp(-eta))
        grad = np.concatenate([rt - p.sum(1), ct - p.sum(0)])
        if np.max(np.abs(grad)) < 1e-12:
            break
        w = p * (1 - p)
        h = np.zeros((gs + ss, gs + ss))
        h[:gs, :gs] = np.diag(w.sum(1))
        h[gs:, gs:] = np.diag(w.sum(0))
        h[:gs, gs:] = w
        h[gs:, :gs] = w.T
        step = np.linalg.lstsq(h, grad, rcond=None)[0]
        theta += step
    else:
        sys.exit("background did not converge")
    full = np.empty((g, s))
    for i in range(g):
        for j in range(s):
            if not fr[i]:
                full[i, j] = fixed_r[i]
            elif not fc[j]:
                full[i, j] = fixed_c[j]
    full[np.ix_(fr, fc)] = p
    return full


def main():
    rng = random.Random(20261207)
    out = {"poisson_binomial": [], "discover": []}
    # Poisson-binomial tails, including tiny ones
    qsets = [
        [0.1, 0.5, 0.9, 0.3, 0.7, 0.2],
        [rng.random() * 0.2 for _ in range(12)],
        [0.0, 1.0, 0.5, 0.25, 0.0, 0.75, 1.0],
        [rng.random() ** 3 for _ in range(14)],
        [rng.random() * 0.05 for _ in range(200)],
        [rng.random() for _ in range(300)],
    ]
    for q in qsets:
        n = len(q)
        for t in sorted({0, 1, n // 4, n // 2, n - 1, n, max(0, min(n, 12))}):
            up, lo = exact_tails(q, t)
            if n <= 14:
                bu, bl = brute_tails(q, t)
                assert bu == up and bl == lo, (q, t)
            out["poisson_binomial"].append({"q": q, "t": t, "upper": s30(up), "lower": s30(lo)})
    # DISCOVER on a synthetic cohort with hypermutated samples: 15 genes x 60 samples, 6 samples
    # altered in most genes, gene rates 3-40%, one exclusive pair (g0, g1) and one co-occurring pair
    # (g2, g3) beyond what burden explains.
    g, s = 15, 60
    rates = [0.05 + 0.35 * rng.random() for _ in range(g)]
    hyper = set(rng.sample(range(s), 6))
    m = [[1 if rng.random() < (0.85 if j in hyper else rates[i]) else 0 for j in range(s)] for i in range(g)]
    for j in range(s):
        if m[0][j] and m[1][j] and j not in hyper:
            m[1][j] = 0
        if m[2][j] and rng.random() < 0.8:
            m[3][j] = 1
    m[14] = [0] * s  # a gene never altered
    m[13] = [1] * s  # a gene altered everywhere
    p = background(m)
    pairs = []
    for a in range(g):
        for b in range(a + 1, g):
            q = [float(p[a, j] * p[b, j]) for j in range(s)]
            t = sum(m[a][j] * m[b][j] for j in range(s))
            up, lo = exact_tails(q, t)
            pairs.append({"a": a, "b": b, "observed": t, "expected": sum(q), "p_cooccurrence": s30(up), "p_exclusivity": s30(lo)})
    out["discover"].append({"name": "synthetic-hypermutated", "matrix": m, "background": [[float(v) for v in row] for row in p], "pairs": pairs})
    out["versions"] = {"python": sys.version.split()[0], "numpy": np.__version__, "mpmath": mpmath.__version__, "generated_by": "scripts/discover-reference.py"}
    with open("test/fixtures/stats/discover.json", "w") as f:
        json.dump(out, f, indent=None, separators=(",", ":"))
        f.write("\n")


if __name__ == "__main__":
    main()
