package org.ivimj.testing;

import java.util.Arrays;

/**
 * The brain mask the scanner-agreement tests use, defined from the data alone: voxels whose b = 0 signal
 * is above 10% of the 99th percentile of the b = 0 volume. On the Siemens XA30 head scan this keeps the
 * brain (and the scalp, whose ADC the scanner also reports) and drops the air around the head and the
 * empty slice ends, where both ADCs are noise (74,762 of 202,176 voxels).
 */
public final class BrainMask {

	/** Fraction of the 99th percentile of the b = 0 signal above which a voxel is brain. */
	public static final double FRACTION = 0.10;

	private BrainMask() {}

	/** mask[z][pixel] from the b = 0 planes [z][pixel]. */
	public static boolean[][] of(float[][] b0) {
		int n = 0;
		for (float[] p : b0) n += p.length;
		float[] all = new float[n];
		int k = 0;
		for (float[] p : b0) {
			System.arraycopy(p, 0, all, k, p.length);
			k += p.length;
		}
		Arrays.sort(all);
		double p99 = all[(int) Math.floor(0.99 * (n - 1))];
		double threshold = FRACTION * p99;
		boolean[][] mask = new boolean[b0.length][];
		for (int z = 0; z < b0.length; z++) {
			mask[z] = new boolean[b0[z].length];
			for (int i = 0; i < b0[z].length; i++) mask[z][i] = b0[z][i] > threshold;
		}
		return mask;
	}

	/** Number of voxels in a mask. */
	public static int count(boolean[][] mask) {
		int c = 0;
		for (boolean[] m : mask)
			for (boolean v : m) if (v) c++;
		return c;
	}
}
