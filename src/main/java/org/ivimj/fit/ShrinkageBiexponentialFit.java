package org.ivimj.fit;

import java.util.Arrays;
import java.util.function.BooleanSupplier;

/**
 * Bayesian shrinkage fit of the bi-exponential IVIM model over a region (an ROI, all ROIs, or a
 * whole-image mask): a population prior on (logit f, ln D, ln D*) is learnt from the region's own voxels
 * (S0, fitted as ln(S0/S_b0) relative to the voxel's b = 0 signal, has a flat prior), and each voxel's
 * estimate is its posterior mode (MAP) under that prior, with posterior SDs from the Laplace
 * approximation. Noisy voxels are pulled towards the population, which is what tames f and D* at
 * clinical SNR; well-determined voxels keep their own values.
 * <p>
 * The prior is found by empirical Bayes, as an EM iteration in the manner of Orton et al. (Magn Reson
 * Med 2014;71:411–420, hierarchical Bayesian IVIM with a population prior on transformed parameters)
 * and Gustafsson et al. (Magn Reson Med 2018;79:2203–2216, empirical-Bayes shrinkage of IVIM):
 * start from the free least-squares fits; then repeatedly (E) find every voxel's MAP and posterior
 * covariance C_v under the current prior, (M) set μ to the mean of the MAPs and Σ to their scatter
 * plus the mean C_v — the population spread with each voxel's estimation noise deconvolved, not the
 * spread of the estimates — until μ and Σ settle. The prior is a Gaussian by default, or a Student-t
 * with ν learnt too ({@link #heavyTailedPrior}), or a mixture of either ({@link #priorComponents}).
 * In a large region EM learns from a fixed random sample of {@link #DEFAULT_EM_SAMPLE} voxels and only
 * the final E step visits every voxel.
 * <p>
 * Each voxel's data are weighed with its own noise SD: given ({@link #noiseSigma}), or its free fit's
 * residual variance moderated towards the region's ({@link NoiseModeration}, empirical Bayes on the
 * variances): one common σ where the noise is homogeneous, each voxel's own where it is not (a whole
 * image with SNR varying across it — one pooled σ would over-shrink the high-SNR voxels and under-shrink
 * the low-SNR ones). Estimates under the Laplace approximation: posterior means of S0 and f
 * (log-normal and logistic-normal corrections of the mode), posterior medians of D and D* (their means
 * exp(μ + σ²/2) are unstable where the posterior is wide).
 */
public final class ShrinkageBiexponentialFit {

	private static final int K = PriorAugmentedBiexponentialModel.K;
	private static final int SEED_ROUNDS = 5;

	/** Fewest fittable voxels a prior can be learnt from. */
	public static final int MIN_VOXELS = 10;

	private final double[] b;
	private final FitOptions options;
	private double sigma = Double.NaN;
	private int maxRounds = 20;
	private double tolerance = 2e-2;
	private int components = 1;
	private int emSample = DEFAULT_EM_SAMPLE;
	private boolean heavyTailed;

	/**
	 * Voxels the empirical-Bayes rounds learn the prior from in a large region (default 16,384): the
	 * prior's 14 numbers are then known to within about 1 % of their spread, far below what moves an
	 * estimate, and the rounds cost the same for a lesion and a whole image.
	 */
	public static final int DEFAULT_EM_SAMPLE = 16384;

	public ShrinkageBiexponentialFit(double[] bValues, FitOptions options) {
		// The free fit validates b-values and options with its usual messages.
		Ivim.fitter(FitMethod.BI_FREE, bValues, options);
		this.b = bValues.clone();
		this.options = options == null ? new FitOptions() : options.clone();
	}

	/** Uses a known noise SD (signal units) instead of estimating it from the residuals. */
	public ShrinkageBiexponentialFit noiseSigma(double sigma) {
		if (!(sigma > 0) || Double.isInfinite(sigma))
			throw new IllegalArgumentException("The noise SD must be a positive number, not " + sigma);
		this.sigma = sigma;
		return this;
	}

	/**
	 * Learns the prior from a random sample of this many voxels when the region is larger (default
	 * {@value #DEFAULT_EM_SAMPLE}; never fewer than 1,000 per prior component).
	 */
	public ShrinkageBiexponentialFit priorSample(int voxels) {
		if (voxels < MIN_VOXELS) throw new IllegalArgumentException("The prior sample needs at least " + MIN_VOXELS + " voxels, not " + voxels);
		emSample = voxels;
		return this;
	}

	/**
	 * Whether each prior component is a Student-t with degrees of freedom learnt from the region, or a
	 * Gaussian (default). Heavy tails leave voxels whose data place them far from the population (another
	 * tissue, well measured) nearly unshrunk, and keep such voxels from widening the prior for the rest.
	 */
	public ShrinkageBiexponentialFit heavyTailedPrior(boolean yes) {
		heavyTailed = yes;
		return this;
	}

	/** Largest number of empirical-Bayes rounds (default 20). */
	public ShrinkageBiexponentialFit maxRounds(int rounds) {
		maxRounds = Math.max(1, rounds);
		return this;
	}

	/**
	 * Number of Gaussian components of the population prior (default 1). A whole-image map mixes
	 * tissues whose parameters cluster apart; with several components each voxel is shrunk towards
	 * the cluster its data support (responsibilities from the Laplace evidence), not the global mean.
	 */
	public ShrinkageBiexponentialFit priorComponents(int k) {
		if (k < 1 || k > 8) throw new IllegalArgumentException("Prior components must be 1 to 8, not " + k);
		components = k;
		return this;
	}

	/** Fits every voxel of the region with all processors. */
	public ShrinkageResult fit(float[] signals) {
		return fit(signals, Runtime.getRuntime().availableProcessors(), null, null);
	}

	/**
	 * Fits the region's voxels, given voxel-major as in {@link BatchFit}.
	 *
	 * @throws IllegalArgumentException when fewer than {@link #MIN_VOXELS} voxels can be fitted
	 */
	public ShrinkageResult fit(float[] signals, int threads, BatchFit.Progress progress, BooleanSupplier cancelled) {
		int nb = b.length;
		int voxels = signals.length / nb;
		ShrinkageResult result = new ShrinkageResult(voxels);
		int totalSteps = maxRounds + 1;
		BatchResult free = BatchFit.fit(Ivim.fitter(FitMethod.BI_FREE, b, options), signals, threads,
			progress == null ? null : f -> progress.update(f / totalSteps), cancelled);
		if (free.cancelled) {
			result.cancelled = true;
			return result;
		}
		TransformedBounds bounds = new TransformedBounds(options, b);
		// Starting values in transformed coordinates; voxels the free fit could not handle are left out.
		double[] reference = new double[voxels];
		double[] start = new double[K * voxels];
		boolean[] usable = new boolean[voxels];
		int nUsable = 0;
		double[] rss = new double[voxels];
		int nRss = 0;
		for (int v = 0; v < voxels; v++) {
			if (!FitStatus.hasParameters(free.status[v])) continue;
			reference[v] = bounds.reference(signals, v);
			if (!(reference[v] > 0)) continue;
			usable[v] = true;
			nUsable++;
			start[K * v] = Math.log(Math.max(free.parameters[0][v], 1e-3 * reference[v]) / reference[v]);
			start[K * v + 1] = bounds.clampU(TransformedBounds.logit(free.parameters[1][v]));
			start[K * v + 2] = bounds.clampV(Math.log(free.parameters[2][v]));
			start[K * v + 3] = bounds.clampW(Math.log(free.parameters[3][v]));
			rss[nRss++] = free.rss[v];
		}
		if (nUsable < MIN_VOXELS * components) throw new IllegalArgumentException("The shrinkage fit learns its prior "
			+ "from the region's voxels: it needs at least " + MIN_VOXELS * components + " fittable voxels"
			+ (components > 1 ? " for " + components + " prior components" : "") + ", this region has " + nUsable
			+ ". Use a larger region, fewer prior components, or the free or segmented fit.");
		// Each voxel's noise SD: as given, else its residuals' moderated variance (NoiseModeration).
		double[] noise = new double[voxels];
		if (Double.isNaN(sigma)) {
			NoiseModeration moderation = NoiseModeration.fit(rss, nRss, nb - 4);
			result.sigma = Math.sqrt(moderation.priorVariance);
			result.noiseDof = moderation.priorDof;
			for (int v = 0; v < voxels; v++) noise[v] = usable[v] ? moderation.sigma(free.rss[v]) : Double.NaN;
		} else {
			result.sigma = sigma;
			result.noiseDof = Double.POSITIVE_INFINITY;
			Arrays.fill(noise, sigma);
		}
		result.noiseSd = new float[voxels];
		for (int v = 0; v < voxels; v++) result.noiseSd[v] = (float) noise[v];
		// The prior is a population quantity (a few means and covariances): EM learns it from a random sample
		// of the region's voxels when the region is large, and only the final E step visits every voxel.
		boolean[] learn = sample(usable, nUsable, Math.max(emSample, 100 * MIN_VOXELS * components));
		// One component to start: robust centre and spread of the free fits, refined by EM.
		GaussianMixturePrior mixture = new GaussianMixturePrior(1, voxels, heavyTailed);
		GaussianMixturePrior.robustPrior(start, learn, mixture.mu[0], mixture.cov[0]);
		System.arraycopy(start, 0, mixture.theta[0], 0, start.length);
		int round = 0;
		int totalRounds = maxRounds * (components > 1 ? 2 : 1);
		for (int stage = components > 1 ? 0 : 1; stage < 2; stage++) {
			if (stage == 1 && components > 1) mixture = mixture.split(components, learn);
			result.converged = false;
			// The one-component stage only seeds the mixture, so a few rounds do.
			int stageRounds = stage == 0 ? Math.min(maxRounds, SEED_ROUNDS) : maxRounds;
			for (int r = 1; r <= stageRounds; r++) {
				round++;
				int base = round;
				// Components a voxel's data all but rule out are refitted only every few rounds.
				mixture.refitAll = r % 4 == 1;
				if (!eStep(mixture, signals, nb, bounds, noise, reference, learn, threads, progress == null ? null
					: f -> progress.update((base + f) / (totalRounds + 1)), cancelled))
				{
					result.cancelled = true;
					return result;
				}
				double change = mixture.mStep(learn);
				if (change < tolerance) {
					result.converged = true;
					break;
				}
			}
		}
		result.rounds = round;
		result.components = mixture.k;
		// Final posteriors under the settled prior (the last E step used the previous prior).
		mixture.refitAll = true;
		mixture.exact = true;
		if (!eStep(mixture, signals, nb, bounds, noise, reference, usable, threads, null, cancelled)) {
			result.cancelled = true;
			return result;
		}
		mixture.summarise(result, usable, reference);
		result.rSquared = rSquared(result, signals, nb);
		if (progress != null) progress.update(1);
		return result;
	}

	/**
	 * The voxels EM learns the prior from: all usable ones up to {@code size}, else a fixed pseudo-random
	 * sample of about {@code size} of them (the same for the same region, so results are reproducible).
	 */
	static boolean[] sample(boolean[] usable, int nUsable, int size) {
		if (nUsable <= size) return usable;
		boolean[] out = new boolean[usable.length];
		java.util.SplittableRandom rnd = new java.util.SplittableRandom(0x1717_2026L);
		double p = (double) size / nUsable;
		for (int v = 0; v < usable.length; v++) out[v] = usable[v] && rnd.nextDouble() < p;
		return out;
	}

	/** Posterior modes and covariances of every voxel under every component; false if cancelled. */
	private boolean eStep(GaussianMixturePrior mixture, float[] signals, int nb, TransformedBounds bounds, double[] noise,
		double[] reference, boolean[] usable, int threads, BatchFit.Progress progress, BooleanSupplier cancelled)
	{
		for (int c = 0; c < mixture.k; c++) {
			int comp = c;
			int used = ParallelVoxels.run(mixture.voxels, threads, t -> new PosteriorModeWorker(signals, nb, bounds, mixture, comp,
				noise, reference, usable), progress == null ? null
				: f -> progress.update((comp + f) / mixture.k), cancelled);
			if (used < 0) return false;
		}
		mixture.responsibilities(usable);
		return true;
	}

	/** 1 − RSS/TSS of each voxel's estimate against its signal. */
	private float[] rSquared(ShrinkageResult r, float[] signals, int nb) {
		float[] out = new float[r.voxelCount];
		double[] p = new double[4];
		for (int v = 0; v < r.voxelCount; v++) {
			for (int k = 0; k < 4; k++) p[k] = r.parameters[k][v];
			if (Double.isNaN(p[1])) {
				out[v] = Float.NaN;
				continue;
			}
			double mean = 0;
			for (int i = 0; i < nb; i++) mean += signals[v * nb + i];
			mean /= nb;
			double rss = 0, tss = 0;
			for (int i = 0; i < nb; i++) {
				double y = signals[v * nb + i], d = y - org.ivimj.model.BiExponentialModel.INSTANCE.value(b[i], p);
				rss += d * d;
				tss += (y - mean) * (y - mean);
			}
			out[v] = (float) (tss > 0 ? 1 - rss / tss : Double.NaN);
		}
		return out;
	}

}