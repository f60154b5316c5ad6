package org.ivimj.fit;

import java.util.Arrays;
import java.util.Random;

import org.ivimj.model.BiExponentialModel;
import org.ivimj.phantom.IvimPhantom;

/**
 * The mixed phantom of {@code org.ivimj.bench.MixedPhantomBenchmark} as voxel-major signals with each
 * voxel's tissue and SNR (no ImageJ): bands of rows, each a tissue — the seed's two lesions, three other
 * bi-exponential tissues, two mono-exponential, one stretched and background noise — and column thirds
 * at SNR 20, 50 and 100 (σ = 1000/SNR, Rician magnitude). With 128 × 128 × 12 and seed 7 the voxels are
 * exactly the benchmark's. Accuracy is read per bi-exponential tissue and SNR as RMSE over the
 * Cramér–Rao SD (Gaussian noise of the same σ) of f, D and D*.
 */
public final class MixedPhantomVoxels {

	/** S0, f, D, D* (bi-exponential) | S0, 0, ADC (mono) | S0, -1, DDC, α (stretched) | background. */
	public static final double[][] TISSUES = {
		{1000, 0.45, 0.77e-3, 21.96e-3}, {1000, 0.25, 0.85e-3, 33.87e-3}, {700, 0.10, 1.5e-3, 20e-3},
		{900, 0.12, 1.0e-3, 60e-3}, {1100, 0.25, 1.9e-3, 25e-3}, {800, 0, 1.4e-3, 0}, {1500, 0, 3.0e-3, 0},
		{1000, -1, 1.1e-3, 0.7}, {0, 0, 0, 0}};
	/** The first five tissues are bi-exponential: the ones with a Cramér–Rao SD for f, D and D*. */
	public static final int BI_TISSUES = 5;
	public static final double[] SNR = {20, 50, 100};
	public static final double[] B = IvimPhantom.PAPER_B_VALUES;

	public final int width, height, slices, voxels;
	public final float[] signals;
	public final byte[] tissue, snr;

	private MixedPhantomVoxels(int width, int height, int slices, long seed) {
		this.width = width;
		this.height = height;
		this.slices = slices;
		voxels = width * height * slices;
		int nb = B.length;
		signals = new float[voxels * nb];
		tissue = new byte[voxels];
		snr = new byte[voxels];
		Random rnd = new Random(seed);
		int band = Math.max(1, height * 14 / 128);
		for (int z = 0; z < slices; z++)
			for (int y = 0; y < height; y++) {
				int ti = Math.min(TISSUES.length - 1, y / band);
				double[] t = TISSUES[ti];
				for (int x = 0; x < width; x++) {
					int si = x < width * 43 / 128 ? 0 : x < width * 86 / 128 ? 1 : 2;
					double sigma = 1000.0 / SNR[si];
					int v = (z * height + y) * width + x;
					tissue[v] = (byte) ti;
					snr[v] = (byte) si;
					for (int k = 0; k < nb; k++) {
						double s = t[1] < 0 ? t[0] * Math.exp(-Math.pow(B[k] * t[2], t[3]))
							: t[0] * ((1 - t[1]) * Math.exp(-B[k] * t[2]) + t[1] * Math.exp(-B[k] * t[3]));
						double re = s + sigma * rnd.nextGaussian(), im = sigma * rnd.nextGaussian();
						signals[v * nb + k] = (float) Math.hypot(re, im);
					}
				}
			}
	}

	/** The benchmark's image: 128 × 128 × 12, seed 7. */
	public static MixedPhantomVoxels benchmark() {
		return new MixedPhantomVoxels(128, 128, 12, 7);
	}

	/** A phantom of the same layout and any size (width, height ≥ 9 rows). */
	public static MixedPhantomVoxels of(int width, int height, int slices, long seed) {
		return new MixedPhantomVoxels(width, height, slices, seed);
	}

	/**
	 * RMSE / Cramér–Rao SD of estimates {@code parameters[p][v]} (S0, f, D, D*), as
	 * {@code [snr][f, D, D*][bi-exponential tissue]}; voxels without an estimate (NaN) count as missing.
	 */
	public double[][][] rmseOverCrb(float[][] parameters) {
		double[][][] out = new double[SNR.length][3][BI_TISSUES];
		double[][][] sum = new double[SNR.length][3][BI_TISSUES];
		int[][] n = new int[SNR.length][BI_TISSUES];
		for (int v = 0; v < voxels; v++) {
			int t = tissue[v];
			if (t >= BI_TISSUES || Float.isNaN(parameters[1][v])) continue;
			n[snr[v]][t]++;
			for (int p = 0; p < 3; p++) {
				double e = parameters[p + 1][v] - TISSUES[t][p + 1];
				sum[snr[v]][p][t] += e * e;
			}
		}
		for (int s = 0; s < SNR.length; s++)
			for (int t = 0; t < BI_TISSUES; t++) {
				double[] crb = ProtocolSimulator.cramerRao(BiExponentialModel.INSTANCE, B, TISSUES[t], 1000 / SNR[s]);
				for (int p = 0; p < 3; p++) out[s][p][t] = Math.sqrt(sum[s][p][t] / n[s][t]) / crb[p + 1];
			}
		return out;
	}

	/**
	 * Median |error| / (0.6745 Cramér–Rao SD) — 1 for an efficient unbiased estimator — per
	 * {@code [snr][f, D, D*][bi-exponential tissue]}, and in slot {@code BI_TISSUES} pooled over the five tissues.
	 */
	public double[][][] medianErrorOverCrb(float[][] parameters) {
		double[][][] out = new double[SNR.length][3][BI_TISSUES + 1];
		for (int s = 0; s < SNR.length; s++)
			for (int p = 0; p < 3; p++) {
				double[][] crb = new double[BI_TISSUES][];
				for (int t = 0; t < BI_TISSUES; t++)
					crb[t] = ProtocolSimulator.cramerRao(BiExponentialModel.INSTANCE, B, TISSUES[t], 1000 / SNR[s]);
				double[][] e = new double[BI_TISSUES + 1][voxels];
				int[] n = new int[BI_TISSUES + 1];
				for (int v = 0; v < voxels; v++) {
					int t = tissue[v];
					if (t >= BI_TISSUES || snr[v] != s || Float.isNaN(parameters[1][v])) continue;
					double z = Math.abs(parameters[p + 1][v] - TISSUES[t][p + 1]) / (0.6745 * crb[t][p + 1]);
					e[t][n[t]++] = z;
					e[BI_TISSUES][n[BI_TISSUES]++] = z;
				}
				for (int t = 0; t <= BI_TISSUES; t++) {
					double[] a = Arrays.copyOf(e[t], n[t]);
					Arrays.sort(a);
					out[s][p][t] = a.length == 0 ? Double.NaN : a[a.length / 2];
				}
			}
		return out;
	}

	/** Median over the bi-exponential tissues of {@link #rmseOverCrb}: {@code [snr][f, D, D*]}. */
	public static double[][] medianOverTissues(double[][][] ratios) {
		double[][] out = new double[ratios.length][3];
		for (int s = 0; s < ratios.length; s++)
			for (int p = 0; p < 3; p++) {
				double[] r = ratios[s][p].clone();
				Arrays.sort(r);
				out[s][p] = r.length % 2 == 1 ? r[r.length / 2] : 0.5 * (r[r.length / 2 - 1] + r[r.length / 2]);
			}
		return out;
	}
}
