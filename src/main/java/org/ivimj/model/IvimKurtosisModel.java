package org.ivimj.model;

/**
 * IVIM with kurtosis: S(b) = S0 · [(1 − f) · exp(−b·D + b²·D²·K/6) + f · exp(−b·D*)]; parameters
 * (S0, f, D, D*, K). The tissue compartment carries the diffusion kurtosis K (non-Gaussian diffusion
 * at high b); D* is the full pseudo-diffusion coefficient.
 */
public final class IvimKurtosisModel implements SignalModel {

	public static final IvimKurtosisModel INSTANCE = new IvimKurtosisModel();
	public static final int S0 = 0, F = 1, D = 2, DSTAR = 3, K = 4;

	@Override
	public int parameterCount() {
		return 5;
	}

	@Override
	public String[] parameterNames() {
		return new String[] {"S0", "f", "D", "D*", "K"};
	}

	@Override
	public double value(double b, double[] p) {
		double d = p[D];
		return p[S0] * ((1 - p[F]) * Math.exp(-b * d + b * b * d * d * p[K] / 6) + p[F] * Math.exp(-b * p[DSTAR]));
	}

	@Override
	public double valueAndGradient(double b, double[] p, double[] g) {
		double s0 = p[S0], f = p[F], d = p[D], k = p[K];
		double et = Math.exp(-b * d + b * b * d * d * k / 6);
		double ep = Math.exp(-b * p[DSTAR]);
		double shape = (1 - f) * et + f * ep;
		double tissue = s0 * (1 - f) * et;
		g[S0] = shape;
		g[F] = s0 * (ep - et);
		g[D] = tissue * (-b + b * b * d * k / 3);
		g[DSTAR] = -b * s0 * f * ep;
		g[K] = tissue * b * b * d * d / 6;
		return s0 * shape;
	}
}
