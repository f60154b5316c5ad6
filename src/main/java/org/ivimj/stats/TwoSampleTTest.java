package org.ivimj.stats;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.StatUtils;

/**
 * Two-sided two-sample t-tests as R's {@code t.test(x, y)}: Student's (pooled variance,
 * {@code var.equal = TRUE}) and Welch's (Welch–Satterthwaite df). t is mean(x) − mean(y) over its SE.
 */
public final class TwoSampleTTest {

	/** t statistic, degrees of freedom and p-value. */
	public static final class Result {
		public final double t;
		public final double df;
		public final double p;

		Result(double t, double df, double p) {
			this.t = t;
			this.df = df;
			this.p = p;
		}
	}

	private TwoSampleTTest() {}

	/** Student's t-test with pooled variance; needs at least 2 values per sample and 3 in total. */
	public static Result student(double[] x, double[] y) {
		check(x, y);
		int nx = x.length, ny = y.length;
		double df = nx + ny - 2;
		double pooled = ((nx - 1) * StatUtils.variance(x) + (ny - 1) * StatUtils.variance(y)) / df;
		double se = Math.sqrt(pooled * (1.0 / nx + 1.0 / ny));
		return make((StatUtils.mean(x) - StatUtils.mean(y)) / se, df);
	}

	/** Welch's unequal-variance t-test; needs at least 2 values per sample. */
	public static Result welch(double[] x, double[] y) {
		check(x, y);
		double vx = StatUtils.variance(x) / x.length, vy = StatUtils.variance(y) / y.length;
		double se2 = vx + vy;
		double df = se2 * se2 / (vx * vx / (x.length - 1) + vy * vy / (y.length - 1));
		return make((StatUtils.mean(x) - StatUtils.mean(y)) / Math.sqrt(se2), df);
	}

	private static void check(double[] x, double[] y) {
		if (x.length < 2 || y.length < 2) throw new IllegalArgumentException("t-test needs at least 2 values per group");
	}

	private static Result make(double t, double df) {
		double p = Double.isNaN(t) ? Double.NaN : 2 * new TDistribution(null, df, 1e-14).cumulativeProbability(-Math.abs(t));
		return new Result(t, df, p);
	}
}
