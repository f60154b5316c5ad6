package org.ivimj.testing;

import java.util.Arrays;
import java.util.Random;

import org.ivimj.fit.Neighbours;
import org.ivimj.model.BiExponentialModel;

/**
 * A phantom with sharp tissue boundaries for the spatially regularised fit: vertical stripes of three
 * tissues (columns [0, w/3), [w/3, 2w/3), [2w/3, w)), every voxel in the region, the paper's b-values,
 * S0 = 1000 and Rician noise σ = 1000 / SNR. Also the edge-spread measure of a parameter map.
 */
public final class StripePhantom {

	public static final double[] B = {0, 20, 50, 100, 150, 200, 400, 800, 1200, 1500};
	/** S0, f, D, D*: three tissues, every parameter stepping by a factor ≥ 1.5 at each boundary. */
	public static final double[][] TISSUES = {{1000, 0.10, 1.5e-3, 0.012}, {1000, 0.40, 0.7e-3, 0.030},
		{1000, 0.20, 1.1e-3, 0.060}};

	public final int width, height;
	public final float[] signals;

	public StripePhantom(int width, int height, double snr, long seed) {
		this.width = width;
		this.height = height;
		int nb = B.length;
		signals = new float[width * height * nb];
		Random rnd = new Random(seed);
		double sigma = 1000 / snr;
		for (int y = 0; y < height; y++)
			for (int x = 0; x < width; x++) {
				double[] t = TISSUES[tissue(x)];
				int o = (y * width + x) * nb;
				for (int i = 0; i < nb; i++) {
					double re = BiExponentialModel.INSTANCE.value(B[i], t) + sigma * rnd.nextGaussian(), im = sigma * rnd.nextGaussian();
					signals[o + i] = (float) Math.sqrt(re * re + im * im);
				}
			}
	}

	/** Tissue index of column x. */
	public int tissue(int x) {
		return Math.min(2, 3 * x / width);
	}

	public double truth(int voxel, int parameter) {
		return TISSUES[tissue(voxel % width)][parameter];
	}

	/** Every voxel, numbered row by row, with its 4-neighbours. */
	public Neighbours neighbours() {
		int[] at = new int[width * height];
		for (int i = 0; i < at.length; i++) at[i] = i;
		return Neighbours.ofGrid(at, width, height, 1);
	}

	/** Median over all voxels of |estimate − truth| / truth (a failed voxel counts as infinite error). */
	public double medianRelativeError(float[] estimate, int parameter) {
		double[] e = new double[estimate.length];
		for (int v = 0; v < e.length; v++) {
			double t = truth(v, parameter);
			e[v] = Float.isNaN(estimate[v]) ? Double.POSITIVE_INFINITY : Math.abs(estimate[v] - t) / t;
		}
		Arrays.sort(e);
		return e[e.length / 2];
	}

	/**
	 * Edge spread of a map, in voxels: the map's column medians (over rows) are compared with each
	 * tissue's plateau (the median of its columns at least 4 voxels from a boundary); a column at distance
	 * d from a boundary (d = 1 next to it) is blurred when it has moved more than {@code fraction} of the
	 * step between the two plateaus towards the other tissue. The spread is the largest d of a blurred
	 * column over both boundaries and both sides; 0 for a perfectly sharp map, 1 when only the columns
	 * touching a boundary are pulled.
	 */
	public int edgeSpread(float[] estimate, double fraction) {
		double[] col = new double[width];
		double[] v = new double[height];
		for (int x = 0; x < width; x++) {
			int n = 0;
			for (int y = 0; y < height; y++) {
				float e = estimate[y * width + x];
				if (!Float.isNaN(e)) v[n++] = e;
			}
			double[] s = Arrays.copyOf(v, n);
			Arrays.sort(s);
			col[x] = n == 0 ? Double.NaN : s[n / 2];
		}
		double[] plateau = new double[3];
		for (int t = 0; t < 3; t++) {
			double[] s = new double[width];
			int n = 0;
			for (int x = 0; x < width; x++)
				if (tissue(x) == t && distanceToBoundary(x) >= 4) s[n++] = col[x];
			s = Arrays.copyOf(s, n);
			Arrays.sort(s);
			plateau[t] = s[n / 2];
		}
		int spread = 0;
		for (int x = 0; x < width; x++) {
			int t = tissue(x), d = distanceToBoundary(x);
			if (d >= 4) continue;
			int other = x < width / 2 && t == 0 || t == 1 && neighbourIsLeft(x) == false ? t + 1 : t - 1;
			if (other < 0 || other > 2) continue;
			double step = plateau[other] - plateau[t];
			double moved = (col[x] - plateau[t]) / step;
			if (!(moved <= fraction)) spread = Math.max(spread, d);
		}
		return spread;
	}

	private int boundary(int k) {
		// The first column of tissue k (k = 1, 2).
		for (int x = 0; x < width; x++)
			if (tissue(x) == k) return x;
		return width;
	}

	/** Columns from x to the nearest boundary: 1 for a column touching one. */
	public int distanceToBoundary(int x) {
		int best = Integer.MAX_VALUE;
		for (int k = 1; k <= 2; k++) {
			int b = boundary(k);
			best = Math.min(best, x < b ? b - x : x - b + 1);
		}
		return best;
	}

	/** Whether the nearest boundary of column x (in the middle tissue) is on its left. */
	private boolean neighbourIsLeft(int x) {
		return x - boundary(1) < boundary(2) - x;
	}
}
