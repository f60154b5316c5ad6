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

	/** Bound to b-values with ln b precomputed, so a curve costs two exponentials a point. */
	@Override
	public SampledSignalModel sampledAt(double[] b) {
		double[] bs = b.clone();
		double[] logB = new double[bs.length];
		for (int i = 0; i < bs.length; i++) logB[i] = bs[i] > 0 ? Math.log(bs[i]) : Double.NEGATIVE_INFINITY;
		return new SampledSignalModel() {
			@Override
			public int size() {
				return bs.length;
			}

			@Override
			public int parameterCount() {
				return 3;
			}

			@Override
			public double[] bValues() {
				return bs;
			}

			@Override
			public void values(double[] p, double[] v) {
				double s0 = p[S0], a = p[ALPHA];
				if (!(p[DDC] > 0)) {
					for (int i = 0; i < bs.length; i++) v[i] = s0;
					return;
				}
				double logD = Math.log(p[DDC]);
				for (int i = 0; i < bs.length; i++)
					v[i] = bs[i] > 0 ? s0 * Math.exp(-Math.exp(a * (logB[i] + logD))) : s0;
			}

			@Override
			public void valuesAndJacobian(double[] p, double[] v, double[] j) {
				valuesJacobianCurvature(p, null, v, j, null);
			}

			@Override
			public boolean hasCurvature() {
				return true;
			}

			/** With {@code y} and {@code h} null, values and Jacobian only. */
			@Override
			public void valuesJacobianCurvature(double[] p, double[] y, double[] v, double[] j, double[] h) {
				double s0 = p[S0], ddc = p[DDC], a = p[ALPHA];
				double logD = ddc > 0 ? Math.log(ddc) : Double.NEGATIVE_INFINITY;
				double h01 = 0, h02 = 0, h11 = 0, h12 = 0, h22 = 0;
				for (int i = 0, o = 0; i < bs.length; i++, o += 3) {
					if (!(bs[i] > 0) || !(ddc > 0)) {
						v[i] = s0;
						j[o] = 1;
						j[o + 1] = 0;
						j[o + 2] = 0;
						continue;
					}
					double lx = logB[i] + logD;
					double u = Math.exp(a * lx);
					double e = Math.exp(-u);
					double s = s0 * e;
					double jd = -s * a * u / ddc, ja = -s * u * lx;
					v[i] = s;
					j[o] = e;
					j[o + 1] = jd;
					j[o + 2] = ja;
					if (y == null) continue; // values and Jacobian only
					double r = y[i] - s;
					h01 += r * jd / s0;
					h02 += r * ja / s0;
					h11 += r * a * s * u * (a * u - a + 1) / (ddc * ddc);
					h12 -= r * (s * u / ddc) * (1 + a * lx * (1 - u));
					h22 += r * s * u * lx * lx * (u - 1);
				}
				if (h == null) return;
				h[0] = 0; h[1] = h01; h[2] = h02;
				h[3] = h01; h[4] = h11; h[5] = h12;
				h[6] = h02; h[7] = h12; h[8] = h22;
			}
		};
	}
}
