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

	@Override
	public SampledSignalModel sampledAt(double[] b) {
		double[] bs = b.clone();
		return new SampledSignalModel() {
			@Override
			public int size() {
				return bs.length;
			}

			@Override
			public int parameterCount() {
				return 4;
			}

			@Override
			public double[] bValues() {
				return bs;
			}

			@Override
			public void values(double[] p, double[] v) {
				double s0 = p[S0], f = p[F], d = p[D], ds = p[DSTAR];
				for (int i = 0; i < bs.length; i++)
					v[i] = s0 * ((1 - f) * Math.exp(-bs[i] * d) + f * Math.exp(-bs[i] * ds));
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
				double s0 = p[S0], f = p[F], d = p[D], ds = p[DSTAR];
				double a = s0 * (1 - f), c = s0 * f;
				double h01 = 0, h02 = 0, h03 = 0, h12 = 0, h13 = 0, h22 = 0, h33 = 0;
				for (int i = 0, o = 0; i < bs.length; i++, o += 4) {
					double bi = bs[i];
					double ed = Math.exp(-bi * d), ep = Math.exp(-bi * ds);
					double shape = (1 - f) * ed + f * ep;
					double s = s0 * shape;
					v[i] = s;
					j[o] = shape;
					j[o + 1] = s0 * (ep - ed);
					j[o + 2] = -bi * a * ed;
					j[o + 3] = -bi * c * ep;
					if (y == null) continue; // values and Jacobian only
					double r = y[i] - s;
					double red = r * ed, rep = r * ep;
					h01 += rep - red;
					h02 -= bi * (1 - f) * red;
					h03 -= bi * f * rep;
					h12 += bi * s0 * red;
					h13 -= bi * s0 * rep;
					h22 += bi * bi * a * red;
					h33 += bi * bi * c * rep;
				}
				if (h == null) return;
				h[0] = 0; h[1] = h01; h[2] = h02; h[3] = h03;
				h[4] = h01; h[5] = 0; h[6] = h12; h[7] = h13;
				h[8] = h02; h[9] = h12; h[10] = h22; h[11] = 0;
				h[12] = h03; h[13] = h13; h[14] = 0; h[15] = h33;
			}
		};
	}
}
