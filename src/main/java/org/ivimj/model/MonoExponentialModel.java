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

	@Override
	public SampledSignalModel sampledAt(double[] b) {
		double[] bs = b.clone();
		return new Sampled(bs) {
			@Override
			public void values(double[] p, double[] v) {
				double s0 = p[S0], adc = p[ADC];
				for (int i = 0; i < bs.length; i++) v[i] = s0 * Math.exp(-bs[i] * adc);
			}

			@Override
			public void valuesAndJacobian(double[] p, double[] v, double[] j) {
				double s0 = p[S0], adc = p[ADC];
				for (int i = 0, o = 0; i < bs.length; i++, o += 2) {
					double e = Math.exp(-bs[i] * adc);
					double s = s0 * e;
					v[i] = s;
					j[o] = e;
					j[o + 1] = -bs[i] * s;
				}
			}

			@Override
			public boolean hasCurvature() {
				return true;
			}

			@Override
			public void valuesJacobianCurvature(double[] p, double[] y, double[] v, double[] j, double[] h) {
				double s0 = p[S0], adc = p[ADC];
				double h01 = 0, h11 = 0;
				for (int i = 0, o = 0; i < bs.length; i++, o += 2) {
					double bi = bs[i];
					double e = Math.exp(-bi * adc);
					double s = s0 * e;
					v[i] = s;
					j[o] = e;
					j[o + 1] = -bi * s;
					double r = y[i] - s;
					h01 -= r * bi * e;
					h11 += r * bi * bi * s;
				}
				h[0] = 0;
				h[1] = h01;
				h[2] = h01;
				h[3] = h11;
			}
		};
	}

	private abstract static class Sampled implements SampledSignalModel {
		final double[] bs;

		Sampled(double[] bs) {
			this.bs = bs;
		}

		@Override
		public int size() {
			return bs.length;
		}

		@Override
		public int parameterCount() {
			return 2;
		}

		@Override
		public double[] bValues() {
			return bs;
		}
	}
}
