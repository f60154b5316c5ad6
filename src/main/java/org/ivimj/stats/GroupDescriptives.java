package org.ivimj.stats;

import java.util.Arrays;

import org.apache.commons.math3.stat.StatUtils;

/**
 * Descriptive statistics of one group's values (Table 1 of the paper): n, mean, SD (n − 1
 * denominator), median and quartiles by R's default quantile definition (type 7, linear
 * interpolation between order statistics; SPSS's default, type 6, differs slightly in small samples).
 */
public final class GroupDescriptives {

	public final int n;
	public final double mean;
	public final double sd;
	public final double median;
	public final double q1;
	public final double q3;
	public final double min;
	public final double max;

	private GroupDescriptives(double[] v) {
		n = v.length;
		double[] s = v.clone();
		Arrays.sort(s);
		mean = n == 0 ? Double.NaN : StatUtils.mean(s);
		sd = n < 2 ? Double.NaN : Math.sqrt(StatUtils.variance(s));
		median = quantile(s, 0.5);
		q1 = quantile(s, 0.25);
		q3 = quantile(s, 0.75);
		min = n == 0 ? Double.NaN : s[0];
		max = n == 0 ? Double.NaN : s[n - 1];
	}

	/** Describes the values (NaN must already be removed). */
	public static GroupDescriptives of(double[] values) {
		return new GroupDescriptives(values);
	}

	/** R's type-7 quantile of sorted values. */
	public static double quantile(double[] sorted, double prob) {
		int n = sorted.length;
		if (n == 0) return Double.NaN;
		double h = (n - 1) * prob;
		int lo = (int) Math.floor(h);
		int hi = Math.min(lo + 1, n - 1);
		return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
	}
}
