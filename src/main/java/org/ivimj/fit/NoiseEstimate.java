package org.ivimj.fit;

import java.util.Arrays;

/**
 * Estimates of the noise SD σ (per channel, signal units) that the noise-floor-aware fits and the
 * shrinkage fit need, from what a user has: a background region outside the body, or repeated b = 0
 * images.
 */
public final class NoiseEstimate {

	private NoiseEstimate() {}

	/**
	 * From magnitude values of a signal-free background region: they follow a Rayleigh distribution,
	 * E[M²] = 2σ², so σ = √(Σ M² / 2n). Non-finite values are skipped.
	 *
	 * @throws IllegalArgumentException when there are fewer than 10 usable values
	 */
	public static double fromBackground(float[] magnitudes) {
		double sum = 0;
		int n = 0;
		for (float m : magnitudes)
			if (Float.isFinite(m)) {
				sum += (double) m * m;
				n++;
			}
		if (n < 10) throw new IllegalArgumentException("A background region needs at least 10 voxels to estimate the"
			+ " noise, this one has " + n + ". Draw it larger, outside the body.");
		return Math.sqrt(sum / (2.0 * n));
	}

	/**
	 * From several images at the same b-value (e.g. repeated b = 0): the pooled within-voxel SD of
	 * the repeats. Valid where the signal is well above the noise (there magnitude noise is Gaussian
	 * with SD σ); voxels whose mean is below {@code minMean} are skipped.
	 *
	 * @param repeats voxel-major: voxel v's k-th repeat at {@code repeats[v * count + k]}
	 * @param count repeats per voxel (≥ 2)
	 */
	public static double fromRepeats(float[] repeats, int count, double minMean) {
		if (count < 2) throw new IllegalArgumentException("Estimating the noise from repeats needs at least 2 images"
			+ " at the same b-value, not " + count + ".");
		double ss = 0;
		long dof = 0;
		for (int v = 0; v < repeats.length / count; v++) {
			double mean = 0;
			boolean finite = true;
			for (int k = 0; k < count; k++) {
				float x = repeats[v * count + k];
				finite &= Float.isFinite(x);
				mean += x;
			}
			mean /= count;
			if (!finite || !(mean >= minMean)) continue;
			for (int k = 0; k < count; k++) {
				double d = repeats[v * count + k] - mean;
				ss += d * d;
			}
			dof += count - 1;
		}
		if (dof < 10) throw new IllegalArgumentException("Too few voxels above " + minMean
			+ " to estimate the noise from the repeats; lower the threshold or use a background region.");
		return Math.sqrt(ss / dof);
	}

	/** σ from the median residual sum of squares, corrected for the median of χ²_k (Wilson–Hilferty). */
	static double fromResidualSums(double[] rss, int n, int dof) {
		double[] sorted = Arrays.copyOf(rss, n);
		Arrays.sort(sorted);
		double median = n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
		int k = Math.max(dof, 1);
		double chi2Median = k * Math.pow(1 - 2.0 / (9 * k), 3);
		return Math.sqrt(median / chi2Median);
	}
}
