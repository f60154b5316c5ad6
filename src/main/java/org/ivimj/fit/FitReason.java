package org.ivimj.fit;

/**
 * Why a fit ended as it did, as a constant so that reporting a reason allocates nothing in the
 * per-voxel loop. {@link #message()} is the sentence shown to users.
 */
public enum FitReason {
	NONE("fit converged"),
	PARAMETER_AT_BOUND("a parameter ended on its bound"),
	ITERATION_LIMIT("the iteration limit was reached before convergence"),
	TOO_FEW_BVALUES("fewer usable b-values than model parameters"),
	NON_FINITE_SIGNAL("the signal contains NaN or infinite values"),
	NON_POSITIVE_SIGNAL("the signal has zero or negative values where a logarithm is needed"),
	ALL_ZERO_SIGNAL("the signal is zero or negative at every b-value"),
	NO_BVALUE_ABOVE_THRESHOLD("fewer than two distinct b-values at or above the segmentation threshold"),
	TOO_FEW_DISTINCT_BVALUES("fewer distinct b-values than model parameters"),
	SINGULAR("the parameters are not determined by these data (singular Jacobian)"),
	NUMERICAL_FAILURE("the solver produced a non-finite value");

	private final String message;

	FitReason(String message) {
		this.message = message;
	}

	/** A sentence for users. */
	public String message() {
		return message;
	}
}
