package org.ivimj.fit;

import java.util.Arrays;

/**
 * Per-voxel output of a {@link ShrinkageBiexponentialFit}: posterior modes of S0, f, D, D*, their
 * posterior SDs (Laplace approximation), a status per voxel, and the population prior learnt from
 * the region (on ln(S0/S_b0), logit f, ln D, ln D*; the first is flat) with the noise SD used.
 */
public final class ShrinkageResult {

	/** Parameter names, as in {@link FitMethod#BI_FREE}. */
	public static final String[] NAMES = {"S0", "f", "D", "D*"};

	public final int voxelCount;
	/** {@code parameters[p][v]}: posterior mode; NaN where the voxel could not be fitted. */
	public final float[][] parameters;
	/** {@code posteriorSd[p][v]}: posterior SD in the parameter's own units. */
	public final float[][] posteriorSd;
	/** {@link FitStatus#code()} per voxel; -1 where not reached. */
	public final byte[] status;
	/** Prior mean of (ln(S0/S_b0), logit f, ln D, ln D*) of the heaviest component. */
	public final double[] priorMean = new double[4];
	/** Prior covariance of (ln(S0/S_b0), logit f, ln D, ln D*), 4 × 4 row-major. */
	public final double[] priorCovariance = new double[16];
	/** Number of prior components, their weights, means and covariances (same layout as above). */
	public int components = 1;
	public double[] priorWeights = {1};
	public double[][] priorMeans, priorCovariances;
	/** Degrees of freedom ν of each component's Student-t prior (infinite: Gaussian); Σ is its scale matrix. */
	public double[] priorDegreesOfFreedom = {Double.POSITIVE_INFINITY};
	/** Noise SD in signal units (as given, or the scale s₀ of the region's moderated noise variances). */
	public double sigma;
	/**
	 * Degrees of freedom d₀ of the region's noise-variance population ({@link NoiseModeration}); infinite
	 * when the noise is homogeneous or σ was given (then every voxel's noise SD is {@link #sigma}).
	 */
	public double noiseDof = Double.POSITIVE_INFINITY;
	/** {@code noiseSd[v]}: the noise SD each voxel's data were weighed with; NaN where not fitted. */
	public float[] noiseSd;
	/** Empirical-Bayes rounds run, and whether the prior settled before the round limit. */
	public int rounds;
	public boolean converged;
	public volatile boolean cancelled;

	ShrinkageResult(int voxels) {
		voxelCount = voxels;
		parameters = new float[4][voxels];
		posteriorSd = new float[4][voxels];
		for (int p = 0; p < 4; p++) {
			Arrays.fill(parameters[p], Float.NaN);
			Arrays.fill(posteriorSd[p], Float.NaN);
		}
		status = new byte[voxels];
		Arrays.fill(status, (byte) -1);
	}

	/**
	 * The same numbers in the shape of a voxel-wise {@link BatchResult} (standard errors are the
	 * posterior SDs; R² is 1 − RSS/TSS of the estimate), so maps and tables treat every method alike.
	 */
	public BatchResult asBatchResult() {
		BatchResult r = new BatchResult(FitMethod.BI_SHRINKAGE, voxelCount);
		for (int p = 0; p < 4; p++) {
			System.arraycopy(parameters[p], 0, r.parameters[p], 0, voxelCount);
			System.arraycopy(posteriorSd[p], 0, r.standardErrors[p], 0, voxelCount);
		}
		System.arraycopy(status, 0, r.status, 0, voxelCount);
		if (rSquared != null) System.arraycopy(rSquared, 0, r.rSquared, 0, voxelCount);
		r.cancelled = cancelled;
		return r;
	}

	/** R² of each voxel's estimate (set by the fit). */
	float[] rSquared;

	/** Prior median of f, D and D* in natural units (the back-transformed prior mean). */
	public double[] priorMedian() {
		return new double[] {1 / (1 + Math.exp(-priorMean[1])), Math.exp(priorMean[2]), Math.exp(priorMean[3])};
	}
}
