#!/usr/bin/python3
"""Reference whole-lesion histogram features for org.ivimj.analysis.HistogramFeaturesTest (IVIM-J).

Writes samples.csv (the sample arrays, seeded numpy draws shaped like parameter maps inside lesions,
NaN = a failed voxel) and features.csv (numpy/scipy's features of each sample), next to this script.
Features are over the finite values; NaN marks a feature that is not defined.
  mean             numpy.mean
  sd               numpy.std(ddof=1)        (sample SD, as the table's _sd column)
  p5 .. p95        numpy.percentile(x, q) with numpy's default method='linear'
  skewness         scipy.stats.skew(x)      (defaults: bias=True, the moment estimator g1)
  kurtosis         scipy.stats.kurtosis(x)  (defaults: fisher=True, bias=True: excess kurtosis g2)
  entropy          scipy.stats.entropy(counts, base=2) of numpy.histogram(x, bins=k, range=(min, max)),
                   k = ceil(log2 n) + 1 (Sturges' rule; n = number of finite values); 0 when min = max
  cv               sd / mean
  failed           non-finite values / all values

Run with Debian's numpy/scipy:
  cd src/test/resources/org/ivimj/analysis/histogram && /usr/bin/python3 make_fixtures.py
"""
import datetime
import os
import sys

import numpy as np
import scipy
import scipy.stats

PERCENTILES = [5, 10, 25, 50, 75, 90, 95]
NAMES = ['valid', 'mean', 'sd'] + ['p%d' % q for q in PERCENTILES] + ['skewness', 'kurtosis', 'entropy', 'cv', 'failed']


def sturges_bins(n):
    # ceil(log2 n) + 1, computed exactly on integers (n - 1).bit_length() = ceil(log2 n) for n >= 1.
    return int(n - 1).bit_length() + 1


def features(values):
    x = values[np.isfinite(values)]
    n = x.size
    out = {'valid': n, 'failed': (values.size - n) / values.size if values.size else np.nan}
    if n == 0:
        for k in NAMES[1:-1]:
            out[k] = np.nan
        return out
    out['mean'] = np.mean(x)
    out['sd'] = np.std(x, ddof=1) if n > 1 else np.nan
    for q in PERCENTILES:
        out['p%d' % q] = np.percentile(x, q)  # method='linear' (numpy's default)
    out['skewness'] = scipy.stats.skew(x)
    out['kurtosis'] = scipy.stats.kurtosis(x)
    if x.max() > x.min():
        counts, _ = np.histogram(x, bins=sturges_bins(n), range=(x.min(), x.max()))
        out['entropy'] = scipy.stats.entropy(counts, base=2)
    else:
        out['entropy'] = 0.0
    out['cv'] = out['sd'] / out['mean'] if n > 1 and out['mean'] != 0 else np.nan
    return out


def main():
    rng = np.random.default_rng(14)
    samples = [
        ('gamma_D_100', rng.gamma(8.0, 1e-4, 100), 'right-skewed D-like values, 100 voxels'),
        ('normal_f_1000', rng.normal(0.25, 0.08, 1000), 'f-like values, 1000 voxels'),
        ('lognormal_Dstar_64', rng.lognormal(np.log(0.03), 0.6, 64), 'D*-like, heavy tail, 64 voxels (power of 2)'),
        ('with_failed_50', np.where(rng.random(50) < 0.2, np.nan, rng.normal(1.2e-3, 2e-4, 50)), '20 % failed (NaN)'),
        ('ties_16', np.array([1, 1, 2, 2, 2, 3, 3, 3, 3, 4, 4, 5, 8, 8, 9, 20], float), 'ties, outlier, 16 voxels'),
        ('bimodal_300', np.concatenate([rng.normal(0.8e-3, 1e-4, 200), rng.normal(1.6e-3, 1e-4, 100)]), 'two tissues'),
        ('uniform_7', rng.uniform(0, 1, 7), 'seven voxels'),
        ('two_2', np.array([0.3, 0.5]), 'two voxels'),
        ('one_1', np.array([0.0012]), 'one voxel'),
        ('all_failed_5', np.full(5, np.nan), 'every voxel failed'),
    ]
    here = os.path.dirname(os.path.abspath(__file__))
    header = ('# Made by make_fixtures.py in this folder: cd src/test/resources/org/ivimj/analysis/histogram && '
              '/usr/bin/python3 make_fixtures.py\n# Python %s, numpy %s, scipy %s, generated %s\n' % (
                  sys.version.split()[0], np.__version__, scipy.__version__,
                  datetime.datetime.now(datetime.timezone.utc).strftime('%Y-%m-%d %H:%M UTC')))
    with open(os.path.join(here, 'samples.csv'), 'w') as out:
        out.write(header + '# name;description;values (space-separated, nan = failed voxel)\n')
        for name, v, what in samples:
            out.write('%s;%s;%s\n' % (name, what, ' '.join(repr(float(x)) for x in v)))
    with open(os.path.join(here, 'features.csv'), 'w') as out:
        out.write(header + '# Definitions: see make_fixtures.py (np.percentile method=linear; scipy.stats.skew and\n'
                  '# kurtosis with their defaults; entropy in bits with ceil(log2 n) + 1 equal bins over [min, max]).\n')
        out.write('name;' + ';'.join(NAMES) + '\n')
        for name, v, _ in samples:
            f = features(v)
            out.write(name + ';' + ';'.join(repr(float(f[k])) for k in NAMES) + '\n')
            print(name, ' '.join('%s=%.6g' % (k, f[k]) for k in NAMES))


if __name__ == '__main__':
    main()
