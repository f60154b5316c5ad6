package org.ivimj.fit;

/**
 * The bounds of the bi-exponential parameters in the transformed coordinates the region-wide fits work in
 * (ln(S0/S_b0), logit f, ln D, ln D*), kept just inside open intervals such as f ∈ (0, 1).
 */
final class TransformedBounds {
	final double[] b;
	final double uLo, uHi, vLo, vHi, wLo, wHi, s0MaxFactor;
	final int maxIterations;

	TransformedBounds(FitOptions o, double[] b) {
		this.b = b;
		uLo = logit(Math.max(o.fMin(), 1e-4));
		uHi = logit(Math.min(o.fMax(), 1 - 1e-4));
		vLo = Math.log(Math.max(o.dMin(), 1e-7));
		vHi = Math.log(o.dMax());
		wLo = Math.log(Math.max(o.dStarMin(), 1e-6));
		wHi = Math.log(o.dStarMax());
		s0MaxFactor = o.s0MaxFactor();
		maxIterations = o.maxIterations();
	}

	/** The voxel's mean b = 0 signal, or its largest signal when there is no b = 0. */
	double reference(float[] signals, int v) {
		int nb = b.length;
		double sum = 0, max = 0;
		int n = 0;
		for (int i = 0; i < nb; i++) {
			double x = signals[v * nb + i];
			max = Math.max(max, x);
			if (b[i] == 0) {
				sum += x;
				n++;
			}
		}
		return n > 0 && sum > 0 ? sum / n : max;
	}

	double clampU(double u) {
		return Math.min(uHi, Math.max(uLo, u));
	}

	double clampV(double v) {
		return Math.min(vHi, Math.max(vLo, v));
	}

	double clampW(double w) {
		return Math.min(wHi, Math.max(wLo, w));
	}

	static double logit(double f) {
		return Math.log(f / (1 - f));
	}
}
