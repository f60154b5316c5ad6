package org.ivimj.fit;

/**
 * What every fit method shares: validated b-values, per-voxel input checks and the goodness-of-fit
 * figures (RSS, R²). Subclasses keep their own preallocated workspace.
 */
abstract class AbstractVoxelFit implements VoxelFit {

	protected final double[] b;
	protected final FitOptions options;
	protected final int nb;

	protected AbstractVoxelFit(double[] bValues, FitOptions options) {
		if (bValues == null || bValues.length == 0)
			throw new IllegalArgumentException("No b-values given: set the image's b-values first.");
		for (double v : bValues)
			if (!Double.isFinite(v) || v < 0) throw new IllegalArgumentException("Invalid b-value " + v
				+ ": b-values must be finite and ≥ 0 s/mm².");
		this.b = bValues.clone();
		this.nb = bValues.length;
		this.options = (options == null ? new FitOptions() : options.clone()).validate();
	}

	@Override
	public double[] bValues() {
		return b.clone();
	}

	/** Checks the signal; on failure fills {@code out} and returns false. */
	protected static boolean checkSignal(double[] signal, int[] idx, int count, FitResult out) {
		boolean anyPositive = false;
		for (int j = 0; j < count; j++) {
			double s = signal[idx == null ? j : idx[j]];
			if (!Double.isFinite(s)) {
				out.fail(FitStatus.INVALID_INPUT, FitReason.NON_FINITE_SIGNAL);
				return false;
			}
			if (s > 0) anyPositive = true;
		}
		if (!anyPositive) {
			out.fail(FitStatus.INVALID_INPUT, FitReason.ALL_ZERO_SIGNAL);
			return false;
		}
		return true;
	}

	/** Number of distinct values among {@code v[0..m)} (small m: quadratic is fine and allocation-free). */
	protected static int distinctCount(double[] v, int m) {
		int d = 0;
		outer: for (int i = 0; i < m; i++) {
			for (int j = 0; j < i; j++)
				if (v[j] == v[i]) continue outer;
			d++;
		}
		return d;
	}

	/** Writes RSS and R² (1 − RSS/TSS over the samples used) into out. */
	protected static void goodness(double rss, double[] y, int m, FitResult out) {
		double mean = 0;
		for (int i = 0; i < m; i++) mean += y[i];
		mean /= m;
		double tss = 0;
		for (int i = 0; i < m; i++) {
			double d = y[i] - mean;
			tss += d * d;
		}
		out.rss = rss;
		out.rSquared = tss > 0 ? 1 - rss / tss : (rss == 0 ? 1 : Double.NaN);
	}

	/** OK, or AT_BOUND when a fitted (non-fixed) parameter sits on a bound. */
	protected static void setBoundStatus(double[] p, double[] lo, double[] hi, boolean[] fixed, FitResult out) {
		for (int k = 0; k < p.length; k++) {
			if (fixed != null && fixed[k]) continue;
			if (p[k] <= lo[k] || p[k] >= hi[k]) {
				out.status = FitStatus.AT_BOUND;
				out.reason = FitReason.PARAMETER_AT_BOUND;
				return;
			}
		}
		out.status = FitStatus.OK;
		out.reason = FitReason.NONE;
	}

	protected static double max(double[] y, int m) {
		double mx = Double.NEGATIVE_INFINITY;
		for (int i = 0; i < m; i++) mx = Math.max(mx, y[i]);
		return mx;
	}
}
