package org.ivimj.model;

/** Mono-exponential decay S(b) = S0 · exp(−b · ADC); parameters (S0, ADC). */
public final class MonoExponentialModel implements SignalModel {

	public static final MonoExponentialModel INSTANCE = new MonoExponentialModel();
	public static final int S0 = 0, ADC = 1;

	@Override
	public int parameterCount() {
		return 2;
	}

	@Override
	public String[] parameterNames() {
		return new String[] {"S0", "ADC"};
	}

	@Override
	public double value(double b, double[] p) {
		return p[S0] * Math.exp(-b * p[ADC]);
	}

	@Override
	public double valueAndGradient(double b, double[] p, double[] g) {
		double e = Math.exp(-b * p[ADC]);
		double s = p[S0] * e;
		g[S0] = e;
		g[ADC] = -b * s;
		return s;
	}
}
