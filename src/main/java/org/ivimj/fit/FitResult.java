package org.ivimj.fit;

import java.util.Arrays;

/**
 * The outcome of one fit: parameters, their standard errors from the Jacobian at the solution,
 * status and reason, residual sum of squares and R². A fitter writes into a caller-owned instance so
 * the per-voxel loop allocates nothing; reuse one per thread.
 */
public final class FitResult {

	/** Fitted parameters in the order of {@link FitMethod#parameterNames()}; NaN when not fitted. */
	public final double[] parameters;
	/** Standard errors; NaN where not determined (singular Jacobian, zero degrees of freedom). */
	public final double[] standardErrors;
	public FitStatus status = FitStatus.INVALID_INPUT;
	public FitReason reason = FitReason.NONE;
	/** Residual sum of squares over the b-values used. */
	public double rss = Double.NaN;
	/** 1 − RSS/TSS over the b-values used. */
	public double rSquared = Double.NaN;
	/** Solver iterations (0 for closed-form fits). */
	public int iterations;

	public FitResult(int parameterCount) {
		parameters = new double[parameterCount];
		standardErrors = new double[parameterCount];
		clear();
	}

	/** Resets to "not fitted". */
	public void clear() {
		Arrays.fill(parameters, Double.NaN);
		Arrays.fill(standardErrors, Double.NaN);
		status = FitStatus.INVALID_INPUT;
		reason = FitReason.NONE;
		rss = Double.NaN;
		rSquared = Double.NaN;
		iterations = 0;
	}

	/** Marks the result as failed for the given reason, with NaN parameters. */
	public FitResult fail(FitStatus s, FitReason r) {
		Arrays.fill(parameters, Double.NaN);
		Arrays.fill(standardErrors, Double.NaN);
		rss = Double.NaN;
		rSquared = Double.NaN;
		status = s;
		reason = r;
		return this;
	}

	/** Parameter by index. */
	public double get(int i) {
		return parameters[i];
	}

	@Override
	public String toString() {
		return status + (reason == FitReason.NONE ? "" : " (" + reason.message() + ")") + " "
			+ Arrays.toString(parameters) + " ± " + Arrays.toString(standardErrors) + ", R²=" + rSquared
			+ ", iterations=" + iterations;
	}
}
