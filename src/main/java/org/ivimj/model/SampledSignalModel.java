package org.ivimj.model;

/**
 * A signal model bound to a fixed set of b-values: evaluates the whole decay curve and its Jacobian
 * in one call. Binding lets a model precompute what depends on b alone (the stretched model's ln b),
 * and lets solvers work on plain arrays. Instances are immutable and may be shared between threads.
 */
public interface SampledSignalModel {

	/** Number of b-values. */
	int size();

	/** Number of parameters. */
	int parameterCount();

	/** The b-values (s/mm²); do not modify. */
	double[] bValues();

	/** Writes S(b_i; p) into {@code values[i]}. */
	void values(double[] p, double[] values);

	/** Writes S(b_i; p) into {@code values[i]} and ∂S(b_i)/∂p_k into {@code jacobian[i * parameterCount() + k]}. */
	void valuesAndJacobian(double[] p, double[] values, double[] jacobian);

	/** Whether {@link #valuesJacobianCurvature} is implemented. */
	default boolean hasCurvature() {
		return false;
	}

	/**
	 * As {@link #valuesAndJacobian}, and also writes C = Σ_i (y_i − S(b_i)) ∇²S(b_i; p), the
	 * residual-weighted model curvature (n × n, row-major), which turns Gauss–Newton into Newton's
	 * method: on noisy data with large residuals Gauss–Newton converges slowly and oscillates, Newton
	 * quadratically. Only for models whose {@link #hasCurvature()} is true.
	 */
	default void valuesJacobianCurvature(double[] p, double[] y, double[] values, double[] jacobian, double[] curvature) {
		throw new UnsupportedOperationException("This model has no second derivatives");
	}

	/** Binds any {@link SignalModel} point by point. */
	static SampledSignalModel of(SignalModel model, double[] b) {
		double[] bs = b.clone();
		int n = model.parameterCount();
		return new SampledSignalModel() {
			private final ThreadLocal<double[]> row = ThreadLocal.withInitial(() -> new double[n]);

			@Override
			public int size() {
				return bs.length;
			}

			@Override
			public int parameterCount() {
				return n;
			}

			@Override
			public double[] bValues() {
				return bs;
			}

			@Override
			public void values(double[] p, double[] values) {
				for (int i = 0; i < bs.length; i++) values[i] = model.value(bs[i], p);
			}

			@Override
			public void valuesAndJacobian(double[] p, double[] values, double[] jacobian) {
				double[] g = row.get();
				for (int i = 0; i < bs.length; i++) {
					values[i] = model.valueAndGradient(bs[i], p, g);
					System.arraycopy(g, 0, jacobian, i * n, n);
				}
			}
		};
	}
}
