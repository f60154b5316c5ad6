package org.ivimj.model;

/**
 * Stretched-exponential decay S(b) = S0 · exp(−(b · DDC)^α); parameters (S0, DDC, α). The exponent α
 * applies to the product b · DDC (the seed paper prints it wrongly).
 */
public final class StretchedExponentialModel implements SignalModel {

	public static final StretchedExponentialModel INSTANCE = new StretchedExponentialModel();
	public static final int S0 = 0, DDC = 1, ALPHA = 2;

	@Override
	public int parameterCount() {
		return 3;
	}

	@Override
	public String[] parameterNames() {
		return new String[] {"S0", "DDC", "alpha"};
	}

	@Override
	public double value(double b, double[] p) {
		double x = b * p[DDC];
		return x <= 0 ? p[S0] : p[S0] * Math.exp(-Math.pow(x, p[ALPHA]));
	}

	@Override
	public double valueAndGradient(double b, double[] p, double[] g) {
		double s0 = p[S0], ddc = p[DDC], a = p[ALPHA];
		double x = b * ddc;
		if (x <= 0) {
			// At b = 0 the signal is S0 whatever DDC and α are (the limit of the derivatives is 0 for α > 0).
			g[S0] = 1;
			g[DDC] = 0;
			g[ALPHA] = 0;
			return s0;
		}
		double lx = Math.log(x);
		double xa = Math.exp(a * lx);
		double e = Math.exp(-xa);
		double s = s0 * e;
		g[S0] = e;
		g[DDC] = -s * a * xa / ddc;
		g[ALPHA] = -s * xa * lx;
		return s;
	}
}
