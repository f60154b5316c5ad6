package org.ivimj.model;

/**
 * A diffusion signal model S(b; p) with its analytic gradient with respect to the parameters.
 * Implementations are stateless and thread-safe; the per-voxel solvers call them in their hot loop,
 * so {@link #valueAndGradient} writes into a caller-owned array.
 */
public interface SignalModel {

	/** Number of parameters. */
	int parameterCount();

	/** Parameter names in order, e.g. {"S0", "f", "D", "D*"}. */
	String[] parameterNames();

	/** S(b) for parameters p. */
	double value(double b, double[] p);

	/** Returns S(b) and writes ∂S/∂p_k into {@code gradient[k]}. */
	double valueAndGradient(double b, double[] p, double[] gradient);

	/** This model bound to fixed b-values, for solvers. */
	default SampledSignalModel sampledAt(double[] b) {
		return SampledSignalModel.of(this, b);
	}

	/** Fills {@code signal[i] = S(b[i])}. */
	default void signal(double[] b, double[] p, double[] signal) {
		for (int i = 0; i < b.length; i++) signal[i] = value(b[i], p);
	}
}
