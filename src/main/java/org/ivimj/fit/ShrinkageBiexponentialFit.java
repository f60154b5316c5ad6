package org.ivimj.fit;

import java.util.Arrays;
import java.util.function.BooleanSupplier;

/**
 * Bayesian shrinkage fit of the bi-exponential IVIM model over a region (an ROI, all ROIs, or a
 * whole-image mask): a Gaussian population prior on (ln(S0/S_b0), logit f, ln D, ln D*) is learnt from
 * the region's own voxels (S_b0 is the voxel's measured b = 0 signal, so the first coordinate is the
 * same for every tissue and the prior learns how well S0 is known), and each voxel's estimate is its posterior mode (MAP) under that prior, with
 * posterior SDs from the Laplace approximation. Noisy voxels are pulled towards the population, which
 * is what tames f and D* at clinical SNR; well-determined voxels keep their own values.
 * <p>
 * The prior is found by empirical Bayes, as an EM iteration in the manner of Orton et al. (Magn Reson
 * Med 2014;71:411–420, hierarchical Bayesian IVIM with a population prior on transformed parameters)
 * and Gustafsson et al. (Magn Reson Med 2018;79:2203–2216, empirical-Bayes shrinkage of IVIM):
 * start from the free least-squares fits; then repeatedly (E) find every voxel's MAP and posterior
 * covariance C_v under the current prior, (M) set μ to the mean of the MAPs and Σ to their scatter
 * plus the mean C_v — until μ and Σ settle. The noise SD σ is common to the region (thermal noise),
 * estimated from the free fits' residuals unless given. Estimates are posterior means under the
 * Laplace approximation (log-normal and logistic-normal corrections of the mode), which minimise the
 * expected squared error.
 */
public final class ShrinkageBiexponentialFit {

	private static final int K = PriorAugmentedBiexponentialModel.K;

	/** Fewest fittable voxels a prior can be learnt from. */
	public static final int MIN_VOXELS = 10;

	private final double[] b;
	private final FitOptions options;
	private double sigma = Double.NaN;
	private int maxRounds = 30;
	private double tolerance = 1e-3;

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

	/** Largest number of empirical-Bayes rounds (default 30). */
	public ShrinkageBiexponentialFit maxRounds(int rounds) {
		maxRounds = Math.max(1, rounds);
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
		Bounds bounds = new Bounds(options, b);
		// Starting values in transformed coordinates; voxels the free fit could not handle are left out.
		double[] reference = new double[voxels];
		double[] theta = new double[K * voxels];
		boolean[] usable = new boolean[voxels];
		int nUsable = 0;
		double[] rss = new double[voxels];
		int nRss = 0;
		for (int v = 0; v < voxels; v++) {
			if (free.status[v] != FitStatus.OK.code() && free.status[v] != FitStatus.AT_BOUND.code()) continue;
			reference[v] = bounds.reference(signals, v);
			if (!(reference[v] > 0)) continue;
			usable[v] = true;
			nUsable++;
			theta[K * v] = Math.log(Math.max(free.parameters[0][v], 1e-3 * reference[v]) / reference[v]);
			theta[K * v + 1] = bounds.clampU(logit(free.parameters[1][v]));
			theta[K * v + 2] = bounds.clampV(Math.log(free.parameters[2][v]));
			theta[K * v + 3] = bounds.clampW(Math.log(free.parameters[3][v]));
			rss[nRss++] = residual(free, v, signals, nb);
		}
		if (nUsable < MIN_VOXELS) throw new IllegalArgumentException("The shrinkage fit learns its prior from the "
			+ "region's voxels: it needs at least " + MIN_VOXELS + " fittable voxels, this region has " + nUsable
			+ ". Use a larger region, or the free or segmented fit.");
		result.sigma = Double.isNaN(sigma) ? estimateSigma(rss, nRss, nb - 4) : sigma;
		// Initial prior from the free fits: robust centre and spread, so wild voxels do not inflate it.
		double[] mu = new double[K], cov = new double[K * K];
		robustPrior(theta, usable, mu, cov);
		double[] posteriorCov = new double[K * K * voxels];
		for (int round = 1; round <= maxRounds; round++) {
			double[] muRound = mu.clone(), covRound = cov.clone();
			int base = round;
			int used = ParallelVoxels.run(voxels, threads, t -> new MapWorker(signals, nb, bounds, muRound, covRound,
				result.sigma, reference, theta, usable, posteriorCov, result), progress == null ? null
				: f -> progress.update((base + f) / totalSteps), cancelled);
			if (used < 0) {
				result.cancelled = true;
				return result;
			}
			result.rounds = round;
			// M step: prior mean and covariance from the posteriors.
			double[] newMu = new double[K], newCov = new double[K * K];
			int n = 0;
			for (int v = 0; v < voxels; v++) {
				if (!usable[v] || result.status[v] < 0 || result.status[v] > FitStatus.AT_BOUND.code()) continue;
				n++;
				for (int k = 0; k < K; k++) newMu[k] += theta[K * v + k];
			}
			for (int k = 0; k < K; k++) newMu[k] /= n;
			for (int v = 0; v < voxels; v++) {
				if (!usable[v] || result.status[v] < 0 || result.status[v] > FitStatus.AT_BOUND.code()) continue;
				for (int k = 0; k < K; k++)
					for (int l = 0; l < K; l++)
						newCov[k * K + l] += (theta[K * v + k] - newMu[k]) * (theta[K * v + l] - newMu[l])
							+ posteriorCov[K * K * v + k * K + l];
			}
			for (int k = 0; k < K * K; k++) newCov[k] /= n;
			regularise(newCov);
			double change = 0;
			for (int k = 0; k < K; k++) {
				change = Math.max(change, Math.abs(newMu[k] - mu[k]));
				change = Math.max(change, Math.abs(Math.sqrt(newCov[k * (K + 1)]) - Math.sqrt(cov[k * (K + 1)])));
			}
			mu = newMu;
			cov = newCov;
			if (change < tolerance) {
				result.converged = true;
				break;
			}
		}
		System.arraycopy(mu, 0, result.priorMean, 0, K);
		System.arraycopy(cov, 0, result.priorCovariance, 0, K * K);
		// Final posterior under the settled prior (the last E step used the previous prior).
		double[] muFinal = mu, covFinal = cov;
		int used = ParallelVoxels.run(voxels, threads, t -> new MapWorker(signals, nb, bounds, muFinal, covFinal,
			result.sigma, reference, theta, usable, posteriorCov, result), null, cancelled);
		if (used < 0) result.cancelled = true;
		if (progress != null) progress.update(1);
		return result;
	}

	/** One thread's MAP fits: its own augmented model, solver and buffers. */
	private static final class MapWorker implements ParallelVoxels.Worker {
		private final float[] signals;
		private final int nb;
		private final Bounds bounds;
		private final double[] reference, theta, posteriorCov;
		private final boolean[] usable;
		private final ShrinkageResult out;
		private final PriorAugmentedBiexponentialModel model;
		private final BoundedLevenbergMarquardt solver;
		private final double[] y, p = new double[K], lo = new double[K], hi = new double[K], inv = new double[K * K];
		private final double sigma;

		MapWorker(float[] signals, int nb, Bounds bounds, double[] mu, double[] cov, double sigma, double[] reference,
			double[] theta, boolean[] usable, double[] posteriorCov, ShrinkageResult out)
		{
			this.signals = signals;
			this.nb = nb;
			this.bounds = bounds;
			this.reference = reference;
			this.theta = theta;
			this.usable = usable;
			this.posteriorCov = posteriorCov;
			this.out = out;
			this.sigma = sigma;
			model = new PriorAugmentedBiexponentialModel(bounds.b);
			model.setPrior(mu, cov, sigma);
			solver = new BoundedLevenbergMarquardt(model);
			solver.setMaxIterations(bounds.maxIterations);
			y = new double[nb + K];
		}

		@Override
		public void process(int v) {
			if (!usable[v]) {
				out.status[v] = (byte) FitStatus.INVALID_INPUT.code();
				return;
			}
			double max = 0;
			for (int i = 0, o = v * nb; i < nb; i++) {
				y[i] = signals[o + i];
				max = Math.max(max, y[i]);
			}
			double ref = reference[v];
			model.setReference(ref);
			for (int k = 0; k < K; k++) p[k] = theta[K * v + k];
			lo[0] = Math.log(1e-2);
			hi[0] = Math.log(bounds.s0MaxFactor * max / ref);
			lo[1] = bounds.uLo;
			hi[1] = bounds.uHi;
			lo[2] = bounds.vLo;
			hi[2] = bounds.vHi;
			lo[3] = bounds.wLo;
			hi[3] = bounds.wHi;
			int code = solver.solve(y, p, lo, hi, null);
			if (code != BoundedLevenbergMarquardt.CONVERGED || !solver.inverseNormal(inv)) {
				out.status[v] = (byte) (code == BoundedLevenbergMarquardt.ITERATION_LIMIT ? FitStatus.NOT_CONVERGED.code()
					: FitStatus.INVALID_INPUT.code());
				for (int k = 0; k < 4; k++) {
					out.parameters[k][v] = Float.NaN;
					out.posteriorSd[k][v] = Float.NaN;
				}
				return;
			}
			for (int k = 0; k < K; k++) theta[K * v + k] = p[k];
			// The augmented normal matrix is σ² × posterior precision, so σ²(JᵀJ)⁻¹ is the posterior covariance.
			double s2 = sigma * sigma;
			int o = K * K * v;
			for (int k = 0; k < K * K; k++) posteriorCov[o + k] = s2 * inv[k];
			double vs = posteriorCov[o], vu = posteriorCov[o + 5], vv = posteriorCov[o + 10], vw = posteriorCov[o + 15];
			// Posterior means: log-normal for S0, D, D*; probit approximation of the logistic-normal for f.
			double s0 = ref * Math.exp(p[0] + 0.5 * vs);
			double fMode = PriorAugmentedBiexponentialModel.logistic(p[1]);
			double f = PriorAugmentedBiexponentialModel.logistic(p[1] / Math.sqrt(1 + Math.PI / 8 * vu));
			double d = Math.exp(p[2] + 0.5 * vv), ds = Math.exp(p[3] + 0.5 * vw);
			out.parameters[0][v] = (float) s0;
			out.parameters[1][v] = (float) f;
			out.parameters[2][v] = (float) d;
			out.parameters[3][v] = (float) ds;
			// Posterior SDs in natural units (log-normal SD; delta method for f).
			out.posteriorSd[0][v] = (float) (s0 * Math.sqrt(Math.expm1(vs)));
			out.posteriorSd[1][v] = (float) (fMode * (1 - fMode) * Math.sqrt(vu));
			out.posteriorSd[2][v] = (float) (d * Math.sqrt(Math.expm1(vv)));
			out.posteriorSd[3][v] = (float) (ds * Math.sqrt(Math.expm1(vw)));
			boolean atBound = false;
			for (int k = 1; k < K; k++) atBound |= p[k] <= lo[k] || p[k] >= hi[k];
			out.status[v] = (byte) (atBound ? FitStatus.AT_BOUND : FitStatus.OK).code();
		}
	}

	/** Bounds in transformed coordinates (kept just inside open intervals such as f ∈ (0, 1)). */
	private static final class Bounds {
		final double[] b;
		final double uLo, uHi, vLo, vHi, wLo, wHi, s0MaxFactor;
		final int maxIterations;

		Bounds(FitOptions o, double[] b) {
			this.b = b;
			uLo = logit(Math.max(o.fMin(), 1e-4));
			uHi = logit(Math.min(o.fMax(), 1 - 1e-4));
			vLo = Math.log(Math.max(o.dMin(), 1e-7));
			vHi = Math.log(o.dMax());
			wLo = Math.log(Math.max(o.dStarMin(), 1e-6));
			wHi = Math.log(o.dStarMax());
			s0MaxFactor = o.s0MaxFactor();
			maxIterations = o.maxIterations();
		}

		/** The voxel's mean b = 0 signal, or its largest signal when there is no b = 0. */
		double reference(float[] signals, int v) {
			int nb = b.length;
			double sum = 0, max = 0;
			int n = 0;
			for (int i = 0; i < nb; i++) {
				double x = signals[v * nb + i];
				max = Math.max(max, x);
				if (b[i] == 0) {
					sum += x;
					n++;
				}
			}
			return n > 0 && sum > 0 ? sum / n : max;
		}

		double clampU(double u) {
			return Math.min(uHi, Math.max(uLo, u));
		}

		double clampV(double v) {
			return Math.min(vHi, Math.max(vLo, v));
		}

		double clampW(double w) {
			return Math.min(wHi, Math.max(wLo, w));
		}
	}

	static double logit(double f) {
		return Math.log(f / (1 - f));
	}

	private static double residual(BatchResult free, int v, float[] signals, int nb) {
		// R² and the signal give back the RSS without refitting: RSS = (1 − R²) · TSS.
		double mean = 0;
		for (int i = 0; i < nb; i++) mean += signals[v * nb + i];
		mean /= nb;
		double tss = 0;
		for (int i = 0; i < nb; i++) {
			double d = signals[v * nb + i] - mean;
			tss += d * d;
		}
		return (1 - free.rSquared[v]) * tss;
	}

	/** σ from the median residual sum of squares, corrected for the median of χ²_k (Wilson–Hilferty). */
	static double estimateSigma(double[] rss, int n, int dof) {
		double[] sorted = Arrays.copyOf(rss, n);
		Arrays.sort(sorted);
		double median = n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
		int k = Math.max(dof, 1);
		double chi2Median = k * Math.pow(1 - 2.0 / (9 * k), 3);
		return Math.sqrt(median / chi2Median);
	}

	/** Median and MAD-based SDs, with the usable voxels' clipped correlations, as the starting prior. */
	private static void robustPrior(double[] theta, boolean[] usable, double[] mu, double[] cov) {
		int voxels = usable.length;
		double[][] col = new double[K][];
		int n = 0;
		for (boolean u : usable)
			if (u) n++;
		double[] sd = new double[K];
		for (int k = 0; k < K; k++) {
			col[k] = new double[n];
			for (int v = 0, j = 0; v < voxels; v++)
				if (usable[v]) col[k][j++] = theta[K * v + k];
			double[] s = col[k].clone();
			Arrays.sort(s);
			mu[k] = s[n / 2];
			double[] dev = new double[n];
			for (int j = 0; j < n; j++) dev[j] = Math.abs(col[k][j] - mu[k]);
			Arrays.sort(dev);
			sd[k] = Math.max(1.4826 * dev[n / 2], 1e-3);
		}
		for (int k = 0; k < K; k++)
			for (int l = 0; l < K; l++) {
				double c = 1;
				if (k != l) {
					double sxy = 0, sxx = 0, syy = 0;
					for (int j = 0; j < n; j++) {
						double x = clip(col[k][j] - mu[k], 3 * sd[k]), y = clip(col[l][j] - mu[l], 3 * sd[l]);
						sxy += x * y;
						sxx += x * x;
						syy += y * y;
					}
					c = sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : 0;
				}
				cov[k * K + l] = c * sd[k] * sd[l];
			}
		regularise(cov);
	}

	private static double clip(double x, double limit) {
		return Math.max(-limit, Math.min(limit, x));
	}

	/** Keeps the covariance positive definite: correlations shrunk slightly, variances floored. */
	private static void regularise(double[] cov) {
		for (int k = 0; k < K; k++) cov[k * (K + 1)] = Math.max(cov[k * (K + 1)], 1e-6);
		for (int k = 0; k < K; k++)
			for (int l = 0; l < K; l++)
				if (k != l) cov[k * K + l] *= 0.999;
	}
}
