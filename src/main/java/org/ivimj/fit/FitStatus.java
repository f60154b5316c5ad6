package org.ivimj.fit;

/** Outcome of one voxel's fit. Parameters are finite for OK and AT_BOUND, NaN otherwise. */
public enum FitStatus {
	/** Converged inside the bounds. */
	OK,
	/** Converged with at least one parameter on a bound: read that parameter as "at least/at most". */
	AT_BOUND,
	/** The iteration cap was reached before convergence (typical for pure-noise voxels). */
	NOT_CONVERGED,
	/** The signal or the b-values cannot be fitted by this method; see {@link FitReason}. */
	INVALID_INPUT;

	/** Numeric code stored in status maps: 0 OK, 1 at bound, 2 not converged, 3 invalid input. */
	public int code() {
		return ordinal();
	}

	/** Whether the fitted parameters are usable numbers. */
	public boolean hasParameters() {
		return this == OK || this == AT_BOUND;
	}

	private static final FitStatus[] BY_CODE = values();

	/**
	 * {@link #hasParameters()} of a stored status code ({@link BatchResult#status}; negative where a voxel was
	 * not reached); allocates nothing, for per-voxel loops.
	 */
	public static boolean hasParameters(int code) {
		return code >= 0 && code < BY_CODE.length && BY_CODE[code].hasParameters();
	}
}
