package org.ivimj.fit;

/** The log-gamma, digamma and trigamma functions the empirical-Bayes estimators need (double precision). */
final class SpecialFunctions {

	private SpecialFunctions() {}

	/** ln Γ(x), x > 0: recurrence up to x ≥ 10, then Stirling's series. */
	static double lnGamma(double x) {
		double shift = 0;
		while (x < 10) {
			shift -= Math.log(x);
			x += 1;
		}
		double f = 1 / (x * x);
		return shift + (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI)
			+ (1.0 / 12 - f * (1.0 / 360 - f * (1.0 / 1260 - f / 1680))) / x;
	}

	/** ψ(x) = d ln Γ(x)/dx, x > 0. */
	static double digamma(double x) {
		double r = 0;
		while (x < 10) {
			r -= 1 / x;
			x += 1;
		}
		double f = 1 / (x * x);
		return r + Math.log(x) - 0.5 / x - f * (1.0 / 12 - f * (1.0 / 120 - f * (1.0 / 252 - f * (1.0 / 240 - f / 132))));
	}

	/** ψ'(x), x > 0. */
	static double trigamma(double x) {
		double r = 0;
		while (x < 10) {
			r += 1 / (x * x);
			x += 1;
		}
		double f = 1 / (x * x);
		return r + 1 / x + f / 2 + f / x * (1.0 / 6 - f * (1.0 / 30 - f * (1.0 / 42 - f / 30)));
	}

	/** The y > 0 with ψ'(y) = x (ψ' decreases from +∞ to 0): bisection on ln y over [1e-8, 1e8]. */
	static double trigammaInverse(double x) {
		double lo = Math.log(1e-8), hi = Math.log(1e8);
		for (int i = 0; i < 100; i++) {
			double mid = 0.5 * (lo + hi);
			if (trigamma(Math.exp(mid)) > x) lo = mid;
			else hi = mid;
		}
		return Math.exp(0.5 * (lo + hi));
	}
}
