package org.ivimj.fit;

/**
 * The global basin of a stretched-exponential fit by variable projection: on a grid of (DDC, α) pairs S0
 * enters linearly, so each cell's best residual is a one-dimensional projection. The exponentials are
 * tabulated once per protocol; per voxel a dot product per cell, nothing allocated.
 */
final class StretchedGrid {

	private final int nb, nc, na;
	private final double[] ddc, alpha;
	/** exp(−(b·DDC)^α) per cell (DDC-major, then α), then b. */
	private final double[] e;
	private final double[] ee;

	StretchedGrid(double[] b, FitOptions o, int ddcCount, int alphaCount) {
		nb = b.length;
		nc = ddcCount;
		na = alphaCount;
		ddc = new double[nc];
		double start = Math.max(o.ddcMin(), o.ddcMax() / 1000);
		for (int i = 0; i < nc; i++) ddc[i] = start * Math.pow(o.ddcMax() / start, i / (double) (nc - 1));
		alpha = new double[na];
		for (int j = 0; j < na; j++) alpha[j] = o.alphaMin() + (o.alphaMax() - o.alphaMin()) * j / (na - 1);
		e = new double[nc * na * nb];
		ee = new double[nc * na];
		for (int i = 0; i < nc; i++)
			for (int j = 0; j < na; j++) {
				int k = i * na + j;
				double s = 0;
				for (int m = 0; m < nb; m++) {
					double x = Math.exp(-Math.pow(b[m] * ddc[i], alpha[j]));
					e[k * nb + m] = x;
					s += x * x;
				}
				ee[k] = s;
			}
	}

	/** The best cell for {@code y}: writes (S0, DDC, α) to {@code p}; returns its residual sum of squares. */
	double best(double[] y, double[] p) {
		double yy = 0;
		for (int m = 0; m < nb; m++) yy += y[m] * y[m];
		double bestGain = 0;
		int bestK = -1;
		double bestYe = 0;
		for (int k = 0; k < nc * na; k++) {
			double ye = 0;
			int off = k * nb;
			for (int m = 0; m < nb; m++) ye += e[off + m] * y[m];
			double gain = ye > 0 ? ye * ye / ee[k] : 0;
			if (gain > bestGain) {
				bestGain = gain;
				bestK = k;
				bestYe = ye;
			}
		}
		if (bestK < 0) return Double.POSITIVE_INFINITY;
		p[0] = bestYe / ee[bestK];
		p[1] = ddc[bestK / na];
		p[2] = alpha[bestK % na];
		return Math.max(0, yy - bestGain);
	}
}
