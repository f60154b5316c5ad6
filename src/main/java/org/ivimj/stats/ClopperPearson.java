package org.ivimj.stats;

import org.apache.commons.math3.distribution.BetaDistribution;

/**
 * Exact (Clopper–Pearson) confidence interval of a binomial proportion, as R's {@code binom.test}:
 * lower = Beta(α/2; x, n − x + 1), upper = Beta(1 − α/2; x + 1, n − x), with 0 and 1 at the edges.
 */
public final class ClopperPearson {

	private ClopperPearson() {}

	/** Returns {lower, upper} for x successes out of n trials at the given confidence level (e.g. 0.95). */
	public static double[] interval(int x, int n, double confidence) {
		if (n <= 0 || x < 0 || x > n) throw new IllegalArgumentException("need 0 <= x <= n and n > 0, got x=" + x + ", n=" + n);
		if (!(confidence > 0 && confidence < 1)) throw new IllegalArgumentException("confidence must be in (0, 1)");
		double alpha = 1 - confidence;
		// The solver's default accuracy (1e-9) is far tighter than the 1e-4 the project promises.
		double lower = x == 0 ? 0 : new BetaDistribution(null, x, n - x + 1, 1e-14).inverseCumulativeProbability(alpha / 2);
		double upper = x == n ? 1 : new BetaDistribution(null, x + 1, n - x, 1e-14).inverseCumulativeProbability(1 - alpha / 2);
		return new double[] {lower, upper};
	}
}
