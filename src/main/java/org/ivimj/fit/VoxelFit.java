package org.ivimj.fit;

/**
 * A fit method bound to one set of b-values and options, ready to fit voxel after voxel. Instances
 * hold a private workspace, so {@link #fit} allocates nothing; they are not thread-safe: give each
 * thread its own {@link #copy()}.
 */
public interface VoxelFit {

	/** Which method this is (names and units of its parameters). */
	FitMethod method();

	/** The b-values (s/mm²) the signals passed to {@link #fit} are ordered by. */
	double[] bValues();

	/**
	 * Fits one signal, given in the order of {@link #bValues()}, into {@code out}. Never throws for bad
	 * signals: they give a status and a reason with NaN parameters.
	 */
	void fit(double[] signal, FitResult out);

	/** A new result holder of the right size. */
	default FitResult newResult() {
		return new FitResult(method().parameterCount());
	}

	/** An independent instance with the same b-values and options, for another thread. */
	VoxelFit copy();
}
