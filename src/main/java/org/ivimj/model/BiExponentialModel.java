package org.ivimj.model;

/**
 * The IVIM bi-exponential model S(b) = S0 · [(1 − f) · exp(−b · D) + f · exp(−b · D*)];
 * parameters (S0, f, D, D*). D* is the full pseudo-diffusion coefficient (not MITK's excess over D).
 */
public final class BiExponentialModel implements SignalModel {

	public static final BiExponentialModel INSTANCE = new BiExponentialModel();
	public static final int S0 = 0, F = 1, D = 2, DSTAR = 3;

	@Override
	public int parameterCount() {
		return 4;
	}

	@Override
	public String[] parameterNames() {
		return new String[] {"S0", "f", "D", "D*"};
	}

	@Override
	public double value(double b, double[] p) {
		return p[S0] * ((1 - p[F]) * Math.exp(-b * p[D]) + p[F] * Math.exp(-b * p[DSTAR]));
	}

	@Override
	public double valueAndGradient(double b, double[] p, double[] g) {
		double s0 = p[S0], f = p[F];
		double ed = Math.exp(-b * p[D]);
		double ep = Math.exp(-b * p[DSTAR]);
		double shape = (1 - f) * ed + f * ep;
		g[S0] = shape;
		g[F] = s0 * (ep - ed);
		g[D] = -b * s0 * (1 - f) * ed;
		g[DSTAR] = -b * s0 * f * ep;
		return s0 * shape;
	}
}
