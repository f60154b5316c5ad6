package org.ivimj.model;

/**
 * The expected magnitude of a signal measured with Rician noise: for a true signal ν and noise SD σ
 * (per channel), E[M] = σ √(π/2) · e^(−t) [(1 + 2t) I₀(t) + 2t I₁(t)] with t = ν²/(4σ²), and
 * dE[M]/dν = √(π/2) (ν / 2σ) e^(−t) [I₀(t) + I₁(t)]. Wrapping any sampled model in it gives a
 * noise-floor-aware fit: least squares against E[M] instead of ν removes the upward bias that the
 * noise floor puts on low signals (high b-values at low SNR), which otherwise lowers ADC and D.
 * Bessel functions use the polynomial approximations of Abramowitz and Stegun 9.8.1–9.8.4 in scaled
 * form (relative error below 1e-7), so large t cannot overflow.
 */
public final class RicianMeanModel implements SampledSignalModel {

	private static final double SQRT_HALF_PI = Math.sqrt(Math.PI / 2);

	private final SampledSignalModel inner;
	private final double sigma;
	private final ThreadLocal<double[]> innerValues;

	public RicianMeanModel(SampledSignalModel inner, double sigma) {
		if (!(sigma > 0) || Double.isInfinite(sigma))
			throw new IllegalArgumentException("The noise SD must be a positive number, not " + sigma);
		this.inner = inner;
		this.sigma = sigma;
		int m = inner.size();
		innerValues = ThreadLocal.withInitial(() -> new double[m]);
	}

	public double sigma() {
		return sigma;
	}

	@Override
	public int size() {
		return inner.size();
	}

	@Override
	public int parameterCount() {
		return inner.parameterCount();
	}

	@Override
	public double[] bValues() {
		return inner.bValues();
	}

	@Override
	public void values(double[] p, double[] values) {
		inner.values(p, values);
		for (int i = 0; i < values.length && i < size(); i++) values[i] = expectedMagnitude(values[i], sigma);
	}

	@Override
	public void valuesAndJacobian(double[] p, double[] values, double[] jacobian) {
		inner.valuesAndJacobian(p, values, jacobian);
		int n = parameterCount();
		for (int i = 0, m = size(); i < m; i++) {
			double nu = values[i];
			double t = nu * nu / (4 * sigma * sigma);
			double i0 = scaledI0(t), i1 = scaledI1(t);
			values[i] = sigma * SQRT_HALF_PI * ((1 + 2 * t) * i0 + 2 * t * i1);
			double dnu = SQRT_HALF_PI * (nu / (2 * sigma)) * (i0 + i1);
			for (int k = 0; k < n; k++) jacobian[i * n + k] *= dnu;
		}
	}

	/** E[M] for true signal ν ≥ 0 and noise SD σ. */
	public static double expectedMagnitude(double nu, double sigma) {
		double t = nu * nu / (4 * sigma * sigma);
		return sigma * SQRT_HALF_PI * ((1 + 2 * t) * scaledI0(t) + 2 * t * scaledI1(t));
	}

	/** e^(−x) I₀(x), x ≥ 0. */
	static double scaledI0(double x) {
		if (x < 3.75) {
			double y = (x / 3.75) * (x / 3.75);
			return Math.exp(-x) * (1.0 + y * (3.5156229 + y * (3.0899424 + y * (1.2067492 + y * (0.2659732
				+ y * (0.360768e-1 + y * 0.45813e-2))))));
		}
		double y = 3.75 / x;
		return (1 / Math.sqrt(x)) * (0.39894228 + y * (0.1328592e-1 + y * (0.225319e-2 + y * (-0.157565e-2
			+ y * (0.916281e-2 + y * (-0.2057706e-1 + y * (0.2635537e-1 + y * (-0.1647633e-1 + y * 0.392377e-2))))))));
	}

	/** e^(−x) I₁(x), x ≥ 0. */
	static double scaledI1(double x) {
		if (x < 3.75) {
			double y = (x / 3.75) * (x / 3.75);
			return Math.exp(-x) * x * (0.5 + y * (0.87890594 + y * (0.51498869 + y * (0.15084934 + y * (0.2658733e-1
				+ y * (0.301532e-2 + y * 0.32411e-3))))));
		}
		double y = 3.75 / x;
		return (1 / Math.sqrt(x)) * (0.39894228 + y * (-0.3988024e-1 + y * (-0.362018e-2 + y * (0.163801e-2
			+ y * (-0.1031555e-1 + y * (0.2282967e-1 + y * (-0.2895312e-1 + y * (0.1787654e-1 - y * 0.420059e-2))))))));
	}
}
