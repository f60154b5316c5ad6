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

	/**
	 * One voxel's box in transformed coordinates: ln(S0/S_ref) from ln 0.01 to ln(s0MaxFactor · max / ref),
	 * then logit f, ln D, ln D* within these bounds.
	 */
	void fill(double[] lo, double[] hi, double maxSignal, double reference) {
		lo[0] = Math.log(1e-2);
		hi[0] = Math.log(s0MaxFactor * maxSignal / reference);
		lo[1] = uLo;
		hi[1] = uHi;
		lo[2] = vLo;
		hi[2] = vHi;
		lo[3] = wLo;
		hi[3] = wHi;
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
