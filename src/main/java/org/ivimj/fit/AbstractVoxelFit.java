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
		out.rss = rss;
		out.rSquared = rSquared(rss, y, m);
	}

	/** R² = 1 − RSS/TSS over the first m samples (1 for a perfect fit of a flat signal, NaN for an imperfect one). */
	protected static double rSquared(double rss, double[] y, int m) {
		double mean = 0;
		for (int i = 0; i < m; i++) mean += y[i];
		mean /= m;
		double tss = 0;
		for (int i = 0; i < m; i++) {
			double d = y[i] - mean;
			tss += d * d;
		}
		return tss > 0 ? 1 - rss / tss : (rss == 0 ? 1 : Double.NaN);
	}

	/**
	 * Turns a solver's failure code into the result's status (keeping the iteration count); returns
	 * true when the solve converged and the fit may go on.
	 */
	protected static boolean converged(int code, FitResult out) {
		if (code == BoundedLevenbergMarquardt.CONVERGED) return true;
		int iterations = out.iterations;
		if (code == BoundedLevenbergMarquardt.NON_FINITE) out.fail(FitStatus.INVALID_INPUT, FitReason.NUMERICAL_FAILURE);
		else out.fail(FitStatus.NOT_CONVERGED, FitReason.ITERATION_LIMIT);
		out.iterations = iterations;
		return false;
	}

	/**
	 * Writes the solution p, its standard errors, status and goodness of fit from the solver's current
	 * point (the solution) into out.
	 */
	protected static void finish(BoundedLevenbergMarquardt solver, double[] p, double[] lo, double[] hi, double[] y,
		int m, FitResult out)
	{
		System.arraycopy(p, 0, out.parameters, 0, p.length);
		solver.standardErrors(null, out.standardErrors);
		setBoundStatus(p, lo, hi, null, out);
		goodness(solver.rss(), y, m, out);
	}

	/** The bi-exponential bounds (S0, f, D, D*) for a voxel whose largest signal is maxSignal. */
	protected void biexponentialBounds(double maxSignal, double[] lo, double[] hi) {
		lo[0] = 0;
		hi[0] = options.s0MaxFactor() * maxSignal;
		lo[1] = options.fMin();
		hi[1] = options.fMax();
		lo[2] = options.dMin();
		hi[2] = options.dMax();
		lo[3] = options.dStarMin();
		hi[3] = options.dStarMax();
	}

	/** OK, or AT_BOUND when a fitted (non-fixed) parameter sits on a bound. */
	protected static void setBoundStatus(double[] p, double[] lo, double[] hi, boolean[] fixed, FitResult out) {
		if (atBound(p, lo, hi, fixed)) {
			out.status = FitStatus.AT_BOUND;
			out.reason = FitReason.PARAMETER_AT_BOUND;
			return;
		}
		out.status = FitStatus.OK;
		out.reason = FitReason.NONE;
	}

	/** Whether a fitted (non-fixed; fixed may be null) parameter sits on a bound. */
	protected static boolean atBound(double[] p, double[] lo, double[] hi, boolean[] fixed) {
		for (int k = 0; k < p.length; k++) {
			if (fixed != null && fixed[k]) continue;
			if (p[k] <= lo[k] || p[k] >= hi[k]) return true;
		}
		return false;
	}

	protected static double max(double[] y, int m) {
		double mx = Double.NEGATIVE_INFINITY;
		for (int i = 0; i < m; i++) mx = Math.max(mx, y[i]);
		return mx;
	}

	/**
	 * A grid cell in another basin is refitted only if its residual is within this fraction of the local
	 * solution's: a coarse cell lies above its basin's minimum, but not by much more.
	 */
	protected static final double BASIN_MARGIN = 0.25;

	/**
	 * The global-optimum check of the non-linear fits: {@code p} holds the local solution (solver
	 * {@code code}), {@code cell} the best cell of a variable-projection grid (its plain least-squares
	 * residual {@code gridCost}). If the cell already fits better, or lies in {@code otherBasin} and fits
	 * nearly as well, the fit runs again from it and the lower residual is kept. Returns the kept
	 * solution's code; {@code p} and the solver's state hold it. {@code saved} is workspace.
	 */
	protected static int refitFromGridCell(BoundedLevenbergMarquardt solver, double[] signal, double[] p, int code,
		double[] cell, double gridCost, boolean otherBasin, boolean noiseAware, double[] lo, double[] hi, double[] saved,
		FitResult out)
	{
		if (!Double.isFinite(gridCost)) return code;
		int n = p.length;
		double cost = code == BoundedLevenbergMarquardt.CONVERGED ? solver.rss() : Double.POSITIVE_INFINITY;
		for (int k = 0; k < n; k++) cell[k] = Math.min(hi[k], Math.max(lo[k], cell[k]));
		// The grid's residual is the solver's objective unless the fit is noise-floor-aware.
		double cellCost = noiseAware ? solver.evaluateAt(signal, cell) : gridCost;
		if (cellCost < cost * (1 - 1e-9) || otherBasin && cellCost < cost * (1 + BASIN_MARGIN)) {
			System.arraycopy(p, 0, saved, 0, n);
			int again = solver.solve(signal, cell, lo, hi, null);
			out.iterations += solver.iterations();
			if (again == BoundedLevenbergMarquardt.CONVERGED && solver.rss() < cost) {
				System.arraycopy(cell, 0, p, 0, n);
				return again;
			}
			if (code == BoundedLevenbergMarquardt.CONVERGED) solver.evaluateAt(signal, saved);
		}
		else if (noiseAware && code == BoundedLevenbergMarquardt.CONVERGED) solver.evaluateAt(signal, p);
		return code;
	}
}
