package org.ivimj.model;

/**
 * Diffusion kurtosis without perfusion (DKI's signal along one direction):
 * S(b) = S0 · exp(−b·D + b²·D²·K/6); parameters (S0, D, K). Meant for b-values above the perfusion
 * range, where S0 is the extrapolated tissue signal S0·(1 − f) of the IVIM-kurtosis model.
 */
public final class MonoKurtosisModel implements SignalModel {

	public static final MonoKurtosisModel INSTANCE = new MonoKurtosisModel();
	public static final int S0 = 0, D = 1, K = 2;

	@Override
	public int parameterCount() {
		return 3;
	}

	@Override
	public String[] parameterNames() {
		return new String[] {"S0", "D", "K"};
	}

	@Override
	public double value(double b, double[] p) {
		double d = p[D];
		return p[S0] * Math.exp(-b * d + b * b * d * d * p[K] / 6);
	}

	@Override
	public double valueAndGradient(double b, double[] p, double[] g) {
		double d = p[D], k = p[K];
		double e = Math.exp(-b * d + b * b * d * d * k / 6);
		double s = p[S0] * e;
		g[S0] = e;
		g[D] = s * (-b + b * b * d * k / 3);
		g[K] = s * b * b * d * d / 6;
		return s;
	}
}
