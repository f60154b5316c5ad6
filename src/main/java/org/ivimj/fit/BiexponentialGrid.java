package org.ivimj.fit;

/**
 * The global basin of a bi-exponential fit, found cheaply by variable projection: on a grid of (D, D*)
 * pairs, S0·(1 − f) and S0·f enter the model linearly, so each cell's best residual is a closed-form
 * 2 × 2 least-squares solve. Everything that does not depend on the signal (the exponentials, each cell's
 * inverse Gram matrix) is tabulated once per protocol; per voxel the cost is two dot products per grid
 * row and column plus a few multiplications per cell, and nothing is allocated. f is kept inside its
 * bounds (the best f on the nearer bound where the free solution falls outside).
 */
final class BiexponentialGrid {

	private final int nb, nd, ns;
	private final double[] dValues, sValues;
	/** exp(−b·D) per D row and exp(−b·D*) per D* column, row-major by grid index then b. */
	private final double[] e1, e2;
	private final double[] g11, g22, g12;
	/** Inverse Gram matrix per cell; NaN where the two exponentials are (nearly) the same. */
	private final double[] h11, h12, h22;
	private final double fMin, fMax;
	/** 1 / Σ w² of the model with f on its lower and upper bound, per cell (S0 is then the only unknown). */
	private final double[] invWLo, invWHi;
	private final double[] u, v;

	BiexponentialGrid(double[] b, FitOptions o, int dCount, int dStarCount) {
		nb = b.length;
		dValues = axis(o.dMin(), o.dMax(), dCount, o.dMax() / 500);
		sValues = axis(o.dStarMin(), o.dStarMax(), dStarCount, 1e-4);
		nd = dValues.length;
		ns = sValues.length;
		fMin = o.fMin();
		fMax = o.fMax();
		e1 = table(dValues, b);
		e2 = table(sValues, b);
		g11 = new double[nd];
		g22 = new double[ns];
		g12 = new double[nd * ns];
		h11 = new double[nd * ns];
		h12 = new double[nd * ns];
		h22 = new double[nd * ns];
		for (int i = 0; i < nd; i++) g11[i] = dot(e1, i, e1, i);
		for (int j = 0; j < ns; j++) g22[j] = dot(e2, j, e2, j);
		for (int i = 0; i < nd; i++)
			for (int j = 0; j < ns; j++) {
				int k = i * ns + j;
				g12[k] = dot(e1, i, e2, j);
				double det = g11[i] * g22[j] - g12[k] * g12[k];
				boolean distinct = det > 1e-10 * g11[i] * g22[j];
				h11[k] = distinct ? g22[j] / det : Double.NaN;
				h22[k] = distinct ? g11[i] / det : Double.NaN;
				h12[k] = distinct ? -g12[k] / det : Double.NaN;
			}
		invWLo = new double[nd * ns];
		invWHi = new double[nd * ns];
		for (int i = 0; i < nd; i++)
			for (int j = 0; j < ns; j++) {
				int k = i * ns + j;
				invWLo[k] = 1 / rayWeight(fMin, i, j, k);
				invWHi[k] = 1 / rayWeight(fMax, i, j, k);
			}
		u = new double[nd];
		v = new double[ns];
	}

	/** D values: the lower bound itself, then geometrically spaced up to the upper bound. */
	private static double[] axis(double min, double max, int n, double smallest) {
		double[] a = new double[n];
		double start = Math.max(min, Math.min(smallest, max));
		a[0] = min;
		int from = min < start ? 1 : 0;
		for (int k = from; k < n; k++) {
			double t = n - 1 - from <= 0 ? 0 : (k - from) / (double) (n - 1 - from);
			a[k] = start * Math.pow(max / start, t);
		}
		return a;
	}

	private double[] table(double[] values, double[] b) {
		double[] t = new double[values.length * nb];
		for (int i = 0; i < values.length; i++)
			for (int m = 0; m < nb; m++) t[i * nb + m] = Math.exp(-b[m] * values[i]);
		return t;
	}

	private double rayWeight(double f, int i, int j, int k) {
		return (1 - f) * (1 - f) * g11[i] + 2 * f * (1 - f) * g12[k] + f * f * g22[j];
	}

	private double dot(double[] a, int i, double[] c, int j) {
		double s = 0;
		for (int m = 0; m < nb; m++) s += a[i * nb + m] * c[j * nb + m];
		return s;
	}

	/**
	 * The best grid cell for {@code y}: writes (S0, f, D, D*) to {@code p} and returns its residual sum
	 * of squares (infinite if no cell fits a positive signal).
	 */
	double best(double[] y, double[] p) {
		double yy = 0;
		for (int m = 0; m < nb; m++) yy += y[m] * y[m];
		for (int i = 0; i < nd; i++) {
			double s = 0;
			for (int m = 0; m < nb; m++) s += e1[i * nb + m] * y[m];
			u[i] = s;
		}
		for (int j = 0; j < ns; j++) {
			double s = 0;
			for (int m = 0; m < nb; m++) s += e2[j * nb + m] * y[m];
			v[j] = s;
		}
		// Maximise the part of y the cell's two exponentials explain (RSS = yy − that part). With f outside
		// its bounds the constrained optimum lies on a bound of f, where only S0 is left: a 1-D projection.
		double bestGain = 0;
		int bestK = -1;
		if (fMin == 0 && fMax == 1) {
			// Default f bounds: the bound rays are f = 0 (gain u²/g11, the D row alone) and f = 1 (v²/g22, the
			// D* column alone), so they are found once per row and column; the cells only need their free
			// optimum where it is feasible (a, c ≥ 0). The loop is kept free of unpredictable branches.
			for (int i = 0; i < nd; i++) {
				double ui = u[i];
				int row = i * ns;
				for (int j = 0; j < ns; j++) {
					int k = row + j;
					double vj = v[j];
					double a = h11[k] * ui + h12[k] * vj, c = h12[k] * ui + h22[k] * vj;
					double gain = a >= 0 & c >= 0 ? a * ui + c * vj : 0;
					if (gain > bestGain) {
						bestGain = gain;
						bestK = k;
					}
				}
			}
			for (int i = 0; i < nd; i++) {
				double gain = u[i] > 0 ? u[i] * u[i] / g11[i] : 0;
				if (gain > bestGain) {
					bestGain = gain;
					bestK = i * ns + ns - 1; // f = 0: D* has no influence; take the largest
				}
			}
			for (int j = 0; j < ns; j++) {
				double gain = v[j] > 0 ? v[j] * v[j] / g22[j] : 0;
				if (gain > bestGain) {
					bestGain = gain;
					bestK = (nd - 1) * ns + j; // f = 1: D has no influence
				}
			}
		}
		else for (int i = 0; i < nd; i++) {
			double ui = u[i];
			int row = i * ns;
			for (int j = 0; j < ns; j++) {
				int k = row + j;
				double vj = v[j];
				double a = h11[k] * ui + h12[k] * vj, c = h12[k] * ui + h22[k] * vj, s = a + c;
				double gain;
				if (a >= 0 && s > 0 && c >= fMin * s && c <= fMax * s) gain = a * ui + c * vj;
				else {
					double yLo = (1 - fMin) * ui + fMin * vj, yHi = (1 - fMax) * ui + fMax * vj;
					double gLo = yLo > 0 ? yLo * yLo * invWLo[k] : 0, gHi = yHi > 0 ? yHi * yHi * invWHi[k] : 0;
					gain = gLo > gHi ? gLo : gHi;
				}
				if (gain > bestGain) {
					bestGain = gain;
					bestK = k;
				}
			}
		}
		if (bestK < 0) return Double.POSITIVE_INFINITY;
		int i = bestK / ns, j = bestK % ns;
		double ui = u[i], vj = v[j];
		double a = h11[bestK] * ui + h12[bestK] * vj, c = h12[bestK] * ui + h22[bestK] * vj, s = a + c;
		if (a >= 0 && s > 0 && c >= fMin * s && c <= fMax * s) {
			p[0] = s;
			p[1] = c / s;
		}
		else {
			double yLo = (1 - fMin) * ui + fMin * vj, yHi = (1 - fMax) * ui + fMax * vj;
			double gLo = yLo > 0 ? yLo * yLo * invWLo[bestK] : 0, gHi = yHi > 0 ? yHi * yHi * invWHi[bestK] : 0;
			boolean lowF = gLo >= gHi;
			p[1] = lowF ? fMin : fMax;
			p[0] = lowF ? yLo * invWLo[bestK] : yHi * invWHi[bestK];
		}
		p[2] = dValues[i];
		p[3] = sValues[j];
		return Math.max(0, yy - bestGain);
	}
}
