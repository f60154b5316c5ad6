#!/usr/bin/python3
"""Reference fits for KurtosisScipyReferenceTest (IVIM-J): IVIM-kurtosis and mono-kurtosis.

Fixed noisy signals (numpy seeded Rician noise) on two kurtosis protocols, fitted with
  IVIM_KURTOSIS_FREE  S0 [(1-f) exp(-b D + b^2 D^2 K/6) + f exp(-b D*)]      all b-values
  MONO_KURTOSIS       S0 exp(-b D + b^2 D^2 K/6)                             b >= 200 s/mm^2 only
by scipy.optimize.least_squares(method='trf', bounds=IVIM-J's default bounds, x_scale='jac',
ftol=xtol=gtol=1e-15, max_nfev=10000) with analytic Jacobians from a grid of starts, keeping the lowest
cost (the global bounded optimum). Bounds: S0 [0, 10 max(signal)], f [0, 1], D [0, 0.005],
D* [0.005, 0.2], K [0, 3].

Run: cd src/test/resources/org/ivimj/fit/scipy && /usr/bin/python3 make_kurtosis_reference.py
Writes kurtosis_reference.csv next to this script.
"""
import datetime
import itertools
import os
import sys

import numpy as np
import scipy
from scipy.optimize import least_squares

PROSTATE_B = [0, 10, 20, 30, 50, 80, 100, 150, 200, 300, 500, 800, 1000, 1500, 2000, 2500]
BRAIN_B = [0, 50, 100, 200, 400, 700, 1000, 1400, 1800, 2200, 2600, 3000]
THRESHOLD = 200.0
K_BOUNDS = (0.0, 3.0)
LSQ = dict(method='trf', x_scale='jac', ftol=1e-15, xtol=1e-15, gtol=1e-15, max_nfev=10000)


def ivimk(p, b):
    s0, f, d, ds, k = p
    return s0 * ((1 - f) * np.exp(-b * d + b * b * d * d * k / 6) + f * np.exp(-b * ds))


def ivimk_jac(p, b):
    s0, f, d, ds, k = p
    et, ep = np.exp(-b * d + b * b * d * d * k / 6), np.exp(-b * ds)
    t = s0 * (1 - f) * et
    return np.column_stack([(1 - f) * et + f * ep, s0 * (ep - et), t * (-b + b * b * d * k / 3), -b * s0 * f * ep,
                            t * b * b * d * d / 6])


def dki(p, b):
    s0, d, k = p
    return s0 * np.exp(-b * d + b * b * d * d * k / 6)


def dki_jac(p, b):
    s0, d, k = p
    e = np.exp(-b * d + b * b * d * d * k / 6)
    return np.column_stack([e, s0 * e * (-b + b * b * d * k / 3), s0 * e * b * b * d * d / 6])


def best_fit(model, jac, b, y, lo, hi, starts):
    best = None
    for x0 in starts:
        x0 = np.clip(np.asarray(x0, float), lo + 1e-9 * (hi - lo), hi - 1e-9 * (hi - lo))
        r = least_squares(lambda p: model(p, b) - y, x0, jac=lambda p: jac(p, b), bounds=(lo, hi), **LSQ)
        if best is None or r.cost < best.cost:
            best = r
    return best


def main():
    cases = [
        ('prostate', 'prostate', [1000, 0.2, 1.0e-3, 0.03, 0.8], 20.0, 201),
        ('liver', 'prostate', [900, 0.3, 1.4e-3, 0.02, 0.6], 15.0, 202),
        ('tumour_high_k', 'brain', [1000, 0.1, 0.8e-3, 0.05, 1.4], 10.0, 203),
        ('brain_low_f', 'brain', [1000, 0.05, 0.9e-3, 0.015, 1.0], 10.0, 204),
    ]
    rows = []
    for name, proto, truth, sigma, seed in cases:
        b = np.array(PROSTATE_B if proto == 'prostate' else BRAIN_B, float)
        rng = np.random.default_rng(seed)
        clean = ivimk(np.array(truth, float), b)
        y = np.sqrt((clean + rng.normal(0, sigma, b.size)) ** 2 + rng.normal(0, sigma, b.size) ** 2)
        lo = np.array([0.0, 0.0, 0.0, 0.005, K_BOUNDS[0]])
        hi = np.array([10 * y.max(), 1.0, 0.005, 0.2, K_BOUNDS[1]])
        starts = [(y.max(), f, d, ds, k) for f, d, ds, k in itertools.product(
            (0.05, 0.2, 0.4), (5e-4, 1e-3, 2e-3), (0.01, 0.03, 0.1), (0.3, 1.0, 2.0))]
        r = best_fit(ivimk, ivimk_jac, b, y, lo, hi, starts)
        rows.append((name, proto, 'IVIM_KURTOSIS_FREE', b, y, r.x, lo, hi, 2 * r.cost))
        use = b >= THRESHOLD
        lo3 = np.array([0.0, 0.0, K_BOUNDS[0]])
        hi3 = np.array([10 * y.max(), 0.005, K_BOUNDS[1]])
        starts3 = [(y[use].max(), d, k) for d in (5e-4, 1e-3, 2e-3) for k in (0.3, 1.0, 2.0)]
        r3 = best_fit(dki, dki_jac, b[use], y[use], lo3, hi3, starts3)
        rows.append((name, proto, 'MONO_KURTOSIS', b, y, r3.x, lo3, hi3, 2 * r3.cost))
    fmt = lambda a: ' '.join(repr(float(v)) for v in a)
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, 'kurtosis_reference.csv'), 'w') as out:
        out.write('# Reference fits for org.ivimj.fit.KurtosisScipyReferenceTest, made by make_kurtosis_reference.py here.\n')
        out.write('# Python %s, numpy %s, scipy %s (Debian), generated %s\n' % (
            sys.version.split()[0], np.__version__, scipy.__version__,
            datetime.datetime.now(datetime.timezone.utc).strftime('%Y-%m-%d %H:%M UTC')))
        out.write('# least_squares(trf, x_scale=jac, ftol=xtol=gtol=1e-15), lowest cost over a grid of starts; MONO_KURTOSIS on b >= 200.\n')
        out.write('# rss = 2 * scipy cost over the b-values the method uses.\n')
        out.write('case;protocol;method;bvalues;signal;parameters;lower;upper;rss\n')
        for name, proto, method, b, y, p, lo, hi, rss in rows:
            out.write(';'.join([name, proto, method, fmt(b), fmt(y), fmt(p), fmt(lo), fmt(hi), repr(rss)]) + '\n')
            print('%-14s %-20s %s rss=%.6g' % (name, method, ' '.join('%.6g' % v for v in p), rss))


if __name__ == '__main__':
    main()
