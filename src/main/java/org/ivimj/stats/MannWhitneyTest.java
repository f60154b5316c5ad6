package org.ivimj.stats;

import java.util.Arrays;

import org.apache.commons.math3.special.Erf;

/**
 * Two-sided Mann–Whitney U (Wilcoxon rank-sum) test as R's {@code wilcox.test(x, y)} with its
 * defaults: W is the rank sum of x minus nx(nx+1)/2; the p-value is exact when both samples have
 * fewer than 50 values and there are no ties, otherwise it comes from the normal approximation with
 * continuity correction and tie-corrected variance.
 */
public final class MannWhitneyTest {

	/** W statistic (U of the first sample), p-value and whether p is exact. */
	public static final class Result {
		public final double w;
		public final double p;
		public final boolean exact;

		Result(double w, double p, boolean exact) {
			this.w = w;
			this.p = p;
			this.exact = exact;
		}
	}

	private MannWhitneyTest() {}

	/** Tests x against y (no NaN; each at least one value). */
	public static Result test(double[] x, double[] y) {
		int nx = x.length, ny = y.length;
		if (nx < 1 || ny < 1) throw new IllegalArgumentException("Mann-Whitney needs values in both samples");
		double[] all = new double[nx + ny];
		System.arraycopy(x, 0, all, 0, nx);
		System.arraycopy(y, 0, all, nx, ny);
		double[] ranks = Ranks.average(all);
		double rx = 0;
		for (int i = 0; i < nx; i++) rx += ranks[i];
		double w = rx - nx * (nx + 1) / 2.0;
		double[] sorted = all.clone();
		Arrays.sort(sorted);
		double tieSum = 0;
		boolean ties = false;
		for (int i = 0; i < sorted.length;) {
			int j = i;
			while (j + 1 < sorted.length && sorted[j + 1] == sorted[i]) j++;
			double t = j - i + 1;
			if (t > 1) ties = true;
			tieSum += t * t * t - t;
			i = j + 1;
		}
		if (nx < 50 && ny < 50 && !ties) {
			double p = w > nx * ny / 2.0 ? 1 - cdf((int) Math.round(w) - 1, nx, ny) : cdf((int) Math.round(w), nx, ny);
			return new Result(w, Math.min(2 * p, 1), true);
		}
		double z = w - nx * (double) ny / 2;
		double sigma = Math.sqrt((nx * (double) ny / 12) * ((nx + ny + 1) - tieSum / ((nx + ny) * (double) (nx + ny - 1))));
		z = (z - Math.signum(z) * 0.5) / sigma;
		double p = 2 * Math.min(normalCdf(z), normalCdf(-z));
		return new Result(w, p, false);
	}

	private static double normalCdf(double z) {
		return 0.5 * Erf.erfc(-z / Math.sqrt(2));
	}

	/** P(W ≤ q) under H0 with no ties: counts of rank-sum configurations, as R's pwilcox. */
	static double cdf(int q, int m, int n) {
		if (q < 0) return 0;
		if (q >= m * n) return 1;
		// count[k][u]: number of ways to choose k of the items seen so far with U contribution u.
		int max = m * n;
		double[][] count = new double[m + 1][max + 1];
		count[0][0] = 1;
		for (int item = 0; item < m + n; item++) {
			for (int k = Math.min(m, item + 1); k >= 1; k--) {
				// Choosing this item as the k-th x value: it exceeds (item - (k - 1)) y values.
				int gain = item - (k - 1);
				if (gain > n) continue;
				double[] to = count[k], from = count[k - 1];
				for (int u = max; u >= gain; u--) to[u] += from[u - gain];
			}
		}
		double total = 0, below = 0;
		for (int u = 0; u <= max; u++) {
			total += count[m][u];
			if (u <= q) below += count[m][u];
		}
		return below / total;
	}
}
