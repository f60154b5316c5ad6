package org.ivimj.stats;

import java.util.Arrays;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.special.Erf;

/**
 * Shapiro–Wilk normality test by Royston's algorithm AS R94 (1995), ported from the C code behind
 * R's {@code shapiro.test} so that W and p agree with R: exact p for n = 3, Royston's normalising
 * transformations for 4 ≤ n ≤ 11 and n ≥ 12. Valid for 3 ≤ n ≤ 5000.
 */
public final class ShapiroWilkTest {

	private static final NormalDistribution STD_NORMAL = new NormalDistribution(null, 0, 1, 1e-14);
	private static final double[] G = {-2.273, .459};
	private static final double[] C1 = {0., .221157, -.147981, -2.07119, 4.434685, -2.706056};
	private static final double[] C2 = {0., .042981, -.293762, -1.752461, 5.682633, -3.582633};
	private static final double[] C3 = {.544, -.39978, .025054, -6.714e-4};
	private static final double[] C4 = {1.3822, -.77857, .062767, -.0020322};
	private static final double[] C5 = {-1.5861, -.31082, -.083751, .0038915};
	private static final double[] C6 = {-.4803, -.082676, .0030302};

	/** W statistic and its p-value. */
	public static final class Result {
		public final double w;
		public final double p;
		public final int n;

		Result(double w, double p, int n) {
			this.w = w;
			this.p = p;
			this.n = n;
		}
	}

	private ShapiroWilkTest() {}

	/** True when the test is defined for these values (3 to 5000 values, not all identical). */
	public static boolean applicable(double[] values) {
		if (values.length < 3 || values.length > 5000) return false;
		double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
		for (double v : values) {
			min = Math.min(min, v);
			max = Math.max(max, v);
		}
		return max - min >= 1e-10;
	}

	/** Tests the values (NaN not allowed) for normality. */
	public static Result test(double[] values) {
		if (values.length < 3 || values.length > 5000)
			throw new IllegalArgumentException("Shapiro-Wilk needs 3 to 5000 values, got " + values.length);
		double[] x = values.clone();
		Arrays.sort(x);
		int n = x.length;
		if (x[n - 1] - x[0] < 1e-10) throw new IllegalArgumentException("Shapiro-Wilk: all values are identical");
		int nn2 = n / 2;
		double[] a = new double[nn2 + 1]; // 1-based, as in the original
		double an = n;
		if (n == 3) {
			a[1] = Math.sqrt(0.5);
		}
		else {
			double an25 = an + .25;
			double summ2 = 0.0;
			for (int i = 1; i <= nn2; i++) {
				a[i] = STD_NORMAL.inverseCumulativeProbability((i - .375) / an25);
				summ2 += a[i] * a[i];
			}
			summ2 *= 2.;
			double ssumm2 = Math.sqrt(summ2);
			double rsn = 1. / Math.sqrt(an);
			double a1 = poly(C1, 6, rsn) - a[1] / ssumm2;
			int i1;
			double fac;
			if (n > 5) {
				i1 = 3;
				double a2 = -a[2] / ssumm2 + poly(C2, 6, rsn);
				fac = Math.sqrt((summ2 - 2. * (a[1] * a[1]) - 2. * (a[2] * a[2])) / (1. - 2. * (a1 * a1) - 2. * (a2 * a2)));
				a[2] = a2;
			}
			else {
				i1 = 2;
				fac = Math.sqrt((summ2 - 2. * (a[1] * a[1])) / (1. - 2. * (a1 * a1)));
			}
			a[1] = a1;
			for (int i = i1; i <= nn2; i++) a[i] /= -fac;
		}
		double range = x[n - 1] - x[0];
		double sx = x[0] / range;
		double sa = -a[1];
		for (int i = 1, j = n - 1; i < n; j--) {
			sx += x[i] / range;
			i++;
			if (i != j) sa += Integer.signum(i - j) * a[Math.min(i, j)];
		}
		sa /= n;
		sx /= n;
		double ssa = 0, ssx = 0, sax = 0;
		for (int i = 0, j = n - 1; i < n; i++, j--) {
			double asa = i != j ? Integer.signum(i - j) * a[1 + Math.min(i, j)] - sa : -sa;
			double xsx = x[i] / range - sx;
			ssa += asa * asa;
			ssx += xsx * xsx;
			sax += asa * xsx;
		}
		// 1 - W computed directly to avoid rounding error when W is very near 1.
		double ssassx = Math.sqrt(ssa * ssx);
		double w1 = (ssassx - sax) * (ssassx + sax) / (ssa * ssx);
		double w = 1. - w1;
		if (n == 3) {
			double pi6 = 1.90985931710274, stqr = 1.04719755119660;
			return new Result(w, Math.max(0., pi6 * (Math.asin(Math.sqrt(w)) - stqr)), n);
		}
		double y = Math.log(w1);
		double xx = Math.log(an);
		double m, s;
		if (n <= 11) {
			double gamma = poly(G, 2, an);
			if (y >= gamma) return new Result(w, 1e-99, n);
			y = -Math.log(gamma - y);
			m = poly(C3, 4, an);
			s = Math.exp(poly(C4, 4, an));
		}
		else {
			m = poly(C5, 4, xx);
			s = Math.exp(poly(C6, 3, xx));
		}
		// The upper tail through erfc keeps precision for tiny p.
		return new Result(w, 0.5 * Erf.erfc((y - m) / s / Math.sqrt(2)), n);
	}

	private static double poly(double[] cc, int nord, double x) {
		double ret = cc[0];
		if (nord > 1) {
			double p = x * cc[nord - 1];
			for (int j = nord - 2; j > 0; j--) p = (p + cc[j]) * x;
			ret += p;
		}
		return ret;
	}
}
