package org.ivimj.fit;

/**
 * Signal-weighted straight-line fit of ln S against b: ln S = a − b · c with weights S², the
 * inverse of the variance of ln S under Gaussian noise on S. Closed form, no allocation; samples
 * with S ≤ 0 get zero weight (the limit of S²), so they drop out instead of breaking the logarithm.
 * Used by the mono fit, and to start the segmented and stretched fits.
 */
final class WeightedLogLinearFit {

	/** Fitted ln S0 (intercept) and decay rate c (−slope). */
	double logIntercept, rate;
	/** Standard errors of the intercept and the rate; NaN without residual degrees of freedom. */
	double logInterceptSe, rateSe;
	/**
	 * Fits samples {@code idx[0..count)} of (b, y). Returns false when fewer than two distinct
	 * b-values carry a positive signal.
	 */
	boolean fit(double[] b, double[] y, int[] idx, int count) {
		double sw = 0, swx = 0, swz = 0, swxx = 0, swxz = 0, swzz = 0;
		int used = 0;
		double firstB = Double.NaN;
		boolean second = false;
		for (int j = 0; j < count; j++) {
			int i = idx == null ? j : idx[j];
			double s = y[i];
			if (!(s > 0)) continue;
			double w = s * s, x = b[i], z = Math.log(s);
			sw += w;
			swx += w * x;
			swz += w * z;
			swxx += w * x * x;
			swxz += w * x * z;
			swzz += w * z * z;
			if (used == 0) firstB = x;
			else if (x != firstB) second = true;
			used++;
		}
		if (!second) return false;
		double det = sw * swxx - swx * swx;
		if (!(det > 0)) return false;
		double slope = (sw * swxz - swx * swz) / det;
		double intercept = (swz - slope * swx) / sw;
		logIntercept = intercept;
		rate = -slope;
		if (used > 2) {
			// Weighted residual sum of squares from the sums, so no second pass over the data.
			double wrss = swzz - intercept * swz - slope * swxz;
			double s2 = Math.max(wrss, 0) / (used - 2);
			rateSe = Math.sqrt(s2 * sw / det);
			logInterceptSe = Math.sqrt(s2 * swxx / det);
		}
		else {
			rateSe = Double.NaN;
			logInterceptSe = Double.NaN;
		}
		return true;
	}
}
