#!/usr/bin/python3
"""Reference fits for ScipyReferenceTest (IVIM-J).

Builds a few fixed noisy signals (numpy seeded, Rician noise on bi-exponential, stretched and
mono-exponential signals; the paper's 10 b-values and OSIPI TF2.4's 18 b-values 0..1000 from
/work/shared/data/osipi/generic.json config.bvalues, copied below), and fits each with
  MONO_LOG_LINEAR  closed-form signal-weighted log-linear line (numpy.polyfit with w = S, so w^2 = S^2),
                   ADC then clamped into its bounds as IVIM-J does;
  MONO_NONLINEAR   S0 exp(-b ADC)
  BI_FREE          S0 [(1-f) exp(-b D) + f exp(-b D*)]
  STRETCHED        S0 exp(-(b DDC)^alpha)
the non-linear ones with scipy.optimize.least_squares(method='trf', bounds=IVIM-J's default bounds,
x_scale='jac', ftol=xtol=gtol=1e-15, max_nfev=10000) and analytic Jacobians, started from a grid of
starts, keeping the lowest cost, so each reference is the global bounded least-squares optimum.

Run with Debian's scipy:  cd src/test/resources/org/ivimj/fit/scipy && /usr/bin/python3 make_reference.py
Writes reference.csv next to this script.
"""
import datetime
import itertools
import os
import sys

import numpy as np
import scipy
from scipy.optimize import least_squares

PAPER_B = [0, 20, 50, 100, 150, 200, 400, 800, 1200, 1500]
# OSIPI TF2.4 generic.json, config.bvalues (18 b-values 0..1000).
OSIPI_B = [0, 1, 2, 5, 10, 20, 30, 50, 75, 100, 150, 250, 350, 400, 550, 700, 850, 1000]

# IVIM-J default bounds (FitOptions); S0 is bounded to [0, 10 * max(signal)].
ADC_BOUNDS = (0.0, 0.1)
F_BOUNDS = (0.0, 1.0)
D_BOUNDS = (0.0, 0.005)
DSTAR_BOUNDS = (0.005, 0.2)
DDC_BOUNDS = (0.0, 0.005)
ALPHA_BOUNDS = (0.05, 1.0)
S0_FACTOR = 10.0

LSQ = dict(method='trf', x_scale='jac', ftol=1e-15, xtol=1e-15, gtol=1e-15, max_nfev=10000)


def bi(p, b):
    s0, f, d, ds = p
    return s0 * ((1 - f) * np.exp(-b * d) + f * np.exp(-b * ds))


def bi_jac(p, b):
    s0, f, d, ds = p
    ed, ep = np.exp(-b * d), np.exp(-b * ds)
    return np.column_stack([(1 - f) * ed + f * ep, s0 * (ep - ed), -b * s0 * (1 - f) * ed, -b * s0 * f * ep])


def mono(p, b):
    return p[0] * np.exp(-b * p[1])


def mono_jac(p, b):
    e = np.exp(-b * p[1])
    return np.column_stack([e, -b * p[0] * e])


def stretched(p, b):
    s0, ddc, a = p
    return s0 * np.exp(-np.power(b * ddc, a))


def stretched_jac(p, b):
    s0, ddc, a = p
    x = b * ddc
    pos = x > 0
    lx = np.where(pos, np.log(np.where(pos, x, 1.0)), 0.0)
    xa = np.where(pos, np.exp(a * lx), 0.0)
    e = np.exp(-xa)
    s = s0 * e
    dddc = np.where(pos, -s * a * xa / (ddc if ddc > 0 else 1.0), 0.0)
    return np.column_stack([e, dddc, -s * xa * lx])


def rician(clean, sigma, rng):
    return np.sqrt((clean + rng.normal(0, sigma, clean.size)) ** 2 + rng.normal(0, sigma, clean.size) ** 2)


def best_fit(model, jac, b, y, lo, hi, starts):
    best = None
    for x0 in starts:
        x0 = np.clip(np.asarray(x0, float), lo + 1e-9 * (hi - lo), hi - 1e-9 * (hi - lo))
        r = least_squares(lambda p: model(p, b) - y, x0, jac=lambda p: jac(p, b), bounds=(lo, hi), **LSQ)
        if best is None or r.cost < best.cost:
            best = r
    return best


def fit_log_linear(b, y):
    use = y > 0
    slope, intercept = np.polyfit(b[use], np.log(y[use]), 1, w=y[use])
    adc = min(ADC_BOUNDS[1], max(ADC_BOUNDS[0], -slope))
    p = np.array([np.exp(intercept), adc])
    lo = np.array([0.0, ADC_BOUNDS[0]])
    hi = np.array([S0_FACTOR * y.max(), ADC_BOUNDS[1]])
    return p, lo, hi, float(np.sum((y - mono(p, b)) ** 2))


def fit_mono(b, y):
    lo = np.array([0.0, ADC_BOUNDS[0]])
    hi = np.array([S0_FACTOR * y.max(), ADC_BOUNDS[1]])
    starts = [(y.max() * s, adc) for s in (0.8, 1.0, 1.2) for adc in (1e-4, 1e-3, 3e-3, 1e-2)]
    r = best_fit(mono, mono_jac, b, y, lo, hi, starts)
    return r.x, lo, hi, 2 * r.cost


def fit_bi(b, y):
    lo = np.array([0.0, F_BOUNDS[0], D_BOUNDS[0], DSTAR_BOUNDS[0]])
    hi = np.array([S0_FACTOR * y.max(), F_BOUNDS[1], D_BOUNDS[1], DSTAR_BOUNDS[1]])
    starts = [(y.max(), f, d, ds) for f, d, ds in itertools.product(
        (0.02, 0.1, 0.3, 0.6, 0.95), (2e-4, 8e-4, 1.5e-3, 3e-3, 4.5e-3), (0.007, 0.02, 0.05, 0.12, 0.19))]
    r = best_fit(bi, bi_jac, b, y, lo, hi, starts)
    return r.x, lo, hi, 2 * r.cost


def fit_stretched(b, y):
    lo = np.array([0.0, DDC_BOUNDS[0], ALPHA_BOUNDS[0]])
    hi = np.array([S0_FACTOR * y.max(), DDC_BOUNDS[1], ALPHA_BOUNDS[1]])
    starts = [(y.max(), ddc, a) for ddc in (2e-4, 8e-4, 1.5e-3, 3e-3, 4.5e-3) for a in (0.3, 0.6, 0.8, 0.99)]
    r = best_fit(stretched, stretched_jac, b, y, lo, hi, starts)
    return r.x, lo, hi, 2 * r.cost


def main():
    pb, ob = np.array(PAPER_B, float), np.array(OSIPI_B, float)
    # (name, protocol, b, clean signal, Rician sigma, numpy seed, what it exercises)
    cases = [
        ('liver_bi', 'paper', pb, bi([1000, 0.12, 0.0011, 0.05], pb), 12.0, 101, 'typical liver IVIM'),
        ('kidney_bi', 'paper', pb, bi([800, 0.22, 0.0019, 0.025], pb), 16.0, 102, 'kidney, slow D*'),
        ('fast_dstar_bi', 'paper', pb, bi([1000, 0.2, 0.0009, 0.3], pb), 3.0, 0, 'D* 0.3 > 0.2: D* on its upper bound'),
        ('no_perfusion', 'paper', pb, mono([600, 0.0012], pb), 12.0, 104, 'mono signal (f = 0 truth): small f, alpha on its upper bound'),
        ('super_exponential', 'paper', pb, stretched([700, 0.0010, 1.3], pb), 7.0, 105,
         'alpha 1.3 > 1: alpha on its upper bound, bi f on 0'),
        ('brain_stretched', 'paper', pb, stretched([900, 0.0009, 0.72], pb), 9.0, 106, 'stretched decay'),
        ('noisy_low_snr', 'paper', pb, bi([300, 0.08, 0.0014, 0.03], pb), 20.0, 107, 'SNR 15'),
        ('osipi_st_wall', 'osipi', ob, bi([1.0, 0.3, 0.0015, 0.012], ob), 0.01, 108, 'OSIPI st wall tissue, SNR 100'),
        ('osipi_stretched', 'osipi', ob, stretched([1.0, 0.0021, 0.88], ob), 0.02, 109, 'stretched, SNR 50'),
    ]
    rows = []
    for name, proto, b, clean, sigma, seed, _ in cases:
        y = rician(np.asarray(clean, float), sigma, np.random.default_rng(seed))
        for method, fitter in (('MONO_LOG_LINEAR', fit_log_linear), ('MONO_NONLINEAR', fit_mono),
                               ('BI_FREE', fit_bi), ('STRETCHED', fit_stretched)):
            p, lo, hi, rss = fitter(b, y)
            w = hi - lo
            at = (np.abs(p - lo) <= 1e-7 * w) | (np.abs(p - hi) <= 1e-7 * w)
            p = p.copy()
            if method == 'BI_FREE' and at[1]:
                # f on 0 leaves D* without influence on the signal (f on 1 likewise D): not determined,
                # written as NaN so the test checks only the determined parameters.
                p[3 if p[1] - lo[1] <= 1e-7 * w[1] else 2] = np.nan
            rows.append((name, proto, method, b, y, p, lo, hi, rss, bool(at.any())))

    fmt = lambda a: ' '.join(repr(float(v)) for v in a)
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, 'reference.csv'), 'w') as out:
        out.write('# Reference fits for org.ivimj.fit.ScipyReferenceTest, made by make_reference.py in this folder.\n')
        out.write('# Command: cd src/test/resources/org/ivimj/fit/scipy && /usr/bin/python3 make_reference.py\n')
        out.write('# Python %s, numpy %s, scipy %s (Debian python3-scipy), generated %s\n' % (
            sys.version.split()[0], np.__version__, scipy.__version__,
            datetime.datetime.now(datetime.timezone.utc).strftime('%Y-%m-%d %H:%M UTC')))
        out.write('# Non-linear fits: scipy.optimize.least_squares(method=trf, x_scale=jac, ftol=xtol=gtol=1e-15,\n')
        out.write('#   max_nfev=10000), analytic Jacobian, lowest cost over a grid of starts. MONO_LOG_LINEAR:\n')
        out.write('#   numpy.polyfit(b, ln S, 1, w=S) (weights S^2 on the squared residuals), ADC clamped into its bounds.\n')
        out.write('# Cases:\n')
        for name, proto, b, clean, sigma, seed, what in cases:
            out.write('#   %s (%s b-values, Rician sigma %g, numpy.random.default_rng(%d)): %s\n' % (name, proto, sigma, seed, what))
        out.write('# Columns (;-separated, vectors space-separated): case; protocol; method; bvalues; signal;\n')
        out.write('#   parameters (S0 ADC | S0 f D D* | S0 DDC alpha; NaN = not determined: D* when f is on 0, D when f is on 1);\n#   lower bounds; upper bounds;\n')
        out.write('#   rss (sum of squared residuals = 2 * scipy cost); at_bound (a parameter within 1e-7 of the bound width of a bound)\n')
        out.write('case;protocol;method;bvalues;signal;parameters;lower;upper;rss;at_bound\n')
        for name, proto, method, b, y, p, lo, hi, rss, at in rows:
            out.write(';'.join([name, proto, method, fmt(b), fmt(y), fmt(p), fmt(lo), fmt(hi), repr(rss),
                                'true' if at else 'false']) + '\n')
    for name, proto, method, b, y, p, lo, hi, rss, at in rows:
        print('%-16s %-16s %-60s rss=%.6g%s' % (name, method, ' '.join('%.6g' % v for v in p), rss, ' AT_BOUND' if at else ''))


if __name__ == '__main__':
    main()
