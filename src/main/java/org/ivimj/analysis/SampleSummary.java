package org.ivimj.analysis;

import java.util.Arrays;

/** Mean, sample standard deviation and median of the finite values of a sample; NaN values are skipped. */
public final class SampleSummary {

	/** Number of finite values summarised. */
	public final int count;
	public final double mean, sd, median;

	private SampleSummary(int count, double mean, double sd, double median) {
		this.count = count;
		this.mean = mean;
		this.sd = sd;
		this.median = median;
	}

	/** Summary of {@code values[0..n)}; mean and median NaN when none is finite, SD NaN below two. */
	public static SampleSummary of(double[] values, int n) {
		double[] v = new double[n];
		int k = 0;
		for (int i = 0; i < n; i++)
			if (Double.isFinite(values[i])) v[k++] = values[i];
		if (k == 0) return new SampleSummary(0, Double.NaN, Double.NaN, Double.NaN);
		double sum = 0;
		for (int i = 0; i < k; i++) sum += v[i];
		double mean = sum / k;
		double ss = 0;
		for (int i = 0; i < k; i++) ss += (v[i] - mean) * (v[i] - mean);
		Arrays.sort(v, 0, k);
		double median = k % 2 == 1 ? v[k / 2] : 0.5 * (v[k / 2 - 1] + v[k / 2]);
		return new SampleSummary(k, mean, k > 1 ? Math.sqrt(ss / (k - 1)) : Double.NaN, median);
	}
}
