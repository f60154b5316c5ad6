#!/usr/bin/env python3
"""Dense multistart reference for the free bi-exponential and stretched fits on the shared 7 T spinal
cord series (../shared/data/real/ivim_spinal_cord_7T): for every voxel of the cord mask, the lowest
residual sum of squares any of many starts reaches, with the product's default bounds.

The starts come from variable projection: on a fine (D, D*) grid (resp. (DDC, alpha) grid) S0 and f
(resp. S0) are linear, so the grid's residuals are exact profile residuals and show every basin; the
best cell of each of several bands of the grid is then polished with scipy's bounded least_squares
(trust region reflective, tight tolerances). Signals are float32 as IVIM-J reads them
((int16 * scl_slope + scl_inter) rounded to float).

Run: /usr/bin/python3 make_cord_multistart.py <shared data folder> <output folder>
Writes cord_free_multistart.csv and cord_stretched_multistart.csv (voxel i, j, k in NIfTI file order).
"""
import sys
import numpy as np
import nibabel as nib
from scipy.optimize import least_squares

root, out = sys.argv[1], sys.argv[2]
cord = root + "/real/ivim_spinal_cord_7T/"
img = nib.load(cord + "dwi_rl.nii.gz")
raw = np.asanyarray(img.dataobj.get_unscaled()).astype(np.float64)
slope, inter = np.float32(img.dataobj.slope), np.float32(img.dataobj.inter)  # as stored (float32) in the header
data = (raw * np.float64(slope) + np.float64(inter)).astype(np.float32).astype(np.float64)
mask = np.asanyarray(nib.load(cord + "cord_seg_dilated.nii.gz").dataobj) > 0
b = np.array([float(t) for t in open(cord + "bval_rl.txt").read().split() if t != "#"])
idx = np.argwhere(mask)
Y = data[mask]                      # voxels x b, in np.argwhere order (i, j, k)
n = len(Y)
print(n, "voxels,", len(b), "b-values", file=sys.stderr)


def polish(fun, x0, lo, hi):
    x0 = np.minimum(np.maximum(x0, lo + 1e-9 * (hi - lo)), hi - 1e-9 * (hi - lo))
    r = least_squares(fun, x0, bounds=(lo, hi), method="trf", xtol=1e-12, ftol=1e-12, gtol=1e-12, max_nfev=2000)
    return 2 * r.cost, r.x


# ---- free bi-exponential: S = S0 ((1 - f) e^{-bD} + f e^{-bD*}) ----
Dg = np.concatenate([[0.0], np.geomspace(1e-5, 0.005, 99)])
Sg = np.geomspace(0.005, 0.2, 100)
E1 = np.exp(-np.outer(Dg, b))      # nD x nb
E2 = np.exp(-np.outer(Sg, b))      # nS x nb
G11 = (E1 * E1).sum(1)[:, None]
G22 = (E2 * E2).sum(1)[None, :]
G12 = E1 @ E2.T
det = G11 * G22 - G12 ** 2


def free_residual(y):
    return lambda p: p[0] * ((1 - p[1]) * np.exp(-b * p[2]) + p[1] * np.exp(-b * p[3])) - y


rows = []
for v in range(n):
    y = Y[v]
    yy = y @ y
    u = (E1 @ y)[:, None]
    w = (E2 @ y)[None, :]
    a = (G22 * u - G12 * w) / det
    c = (G11 * w - G12 * u) / det
    s0 = a + c
    f = np.where(s0 > 0, c / np.where(s0 > 0, s0, 1), 0.0)
    # f outside [0, 1]: the best S0 with f on the nearer bound (1-D projection)
    fc = np.clip(f, 0, 1)
    ww = (1 - fc) ** 2 * G11 + 2 * fc * (1 - fc) * G12 + fc ** 2 * G22
    yw = (1 - fc) * u + fc * w
    s0c = np.maximum(yw / ww, 0)
    rss = yy - 2 * s0c * yw + s0c ** 2 * ww
    starts = []
    for band in np.array_split(np.arange(len(Sg)), 5):
        sub = rss[:, band]
        i, j = np.unravel_index(np.argmin(sub), sub.shape)
        starts.append((s0c[i, band[j]], fc[i, band[j]], Dg[i], Sg[band[j]]))
    for band in np.array_split(np.arange(len(Dg)), 4):
        sub = rss[band, :]
        i, j = np.unravel_index(np.argmin(sub), sub.shape)
        starts.append((s0c[band[i], j], fc[band[i], j], Dg[band[i]], Sg[j]))
    lo = np.array([0, 0, 0, 0.005])
    hi = np.array([10 * y.max(), 1, 0.005, 0.2])
    best = (np.inf, None)
    for s in starts:
        cost, x = polish(free_residual(y), np.array(s, float), lo, hi)
        if cost < best[0]:
            best = (cost, x)
    rows.append((*idx[v], best[0], *best[1]))
    if v % 500 == 0:
        print("free", v, file=sys.stderr)
with open(out + "/cord_free_multistart.csv", "w") as fh:
    fh.write("i,j,k,rss,S0,f,D,Dstar\n")
    for r in rows:
        fh.write("%d,%d,%d,%.17g,%.17g,%.17g,%.17g,%.17g\n" % r)

# ---- stretched: S = S0 e^{-(b DDC)^alpha} ----
Cg = np.geomspace(1e-6, 0.005, 150)
Ag = np.linspace(0.05, 1, 96)
E = np.exp(-(np.outer(Cg, b)[:, None, :] ** Ag[None, :, None]))   # nC x nA x nb
EE = (E * E).sum(2)


def stretched_residual(y):
    return lambda p: p[0] * np.exp(-(b * p[1]) ** p[2]) - y


rows = []
for v in range(n):
    y = Y[v]
    yy = y @ y
    ye = E @ y
    s0 = np.maximum(ye / EE, 0)
    rss = yy - 2 * s0 * ye + s0 ** 2 * EE
    starts = []
    for band in np.array_split(np.arange(len(Ag)), 4):
        sub = rss[:, band]
        i, j = np.unravel_index(np.argmin(sub), sub.shape)
        starts.append((s0[i, band[j]], Cg[i], Ag[band[j]]))
    lo = np.array([0, 0, 0.05])
    hi = np.array([10 * y.max(), 0.005, 1])
    best = (np.inf, None)
    for s in starts:
        cost, x = polish(stretched_residual(y), np.array(s, float), lo, hi)
        if cost < best[0]:
            best = (cost, x)
    rows.append((*idx[v], best[0], *best[1]))
with open(out + "/cord_stretched_multistart.csv", "w") as fh:
    fh.write("i,j,k,rss,S0,DDC,alpha\n")
    for r in rows:
        fh.write("%d,%d,%d,%.17g,%.17g,%.17g,%.17g\n" % r)
