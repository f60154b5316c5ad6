#!/usr/bin/env python3
"""dipy's IVIM fit (IvimModel, fit_method='trr', its default bounds) timed on voxels written by
MixedPhantomBenchmark: a raw little-endian float32 file of voxel-major signals and the b-values.
Prints one line: voxels, CPU seconds, wall seconds, voxels per CPU second, voxels per wall second.

Run: /usr/bin/python3 dipy_ivim_rate.py <signals.f32> <b-values comma-separated>
"""
import sys
import time
import warnings

import numpy as np
from dipy.core.gradients import gradient_table
from dipy.reconst.ivim import IvimModel

warnings.filterwarnings("ignore")
b = np.array([float(x) for x in sys.argv[2].split(",")])
data = np.fromfile(sys.argv[1], dtype="<f4").reshape(-1, len(b)).astype(np.float64)
bvecs = np.tile([1.0, 0.0, 0.0], (len(b), 1))
bvecs[b == 0] = 0
gtab = gradient_table(b, bvecs, b0_threshold=0)
model = IvimModel(gtab, fit_method="trr")
c0, w0 = time.process_time(), time.perf_counter()
fit = model.fit(data)
c1, w1 = time.process_time(), time.perf_counter()
n = data.shape[0]
print("dipy %d %.3f %.3f %.1f %.1f" % (n, c1 - c0, w1 - w0, n / (c1 - c0), n / (w1 - w0)))
