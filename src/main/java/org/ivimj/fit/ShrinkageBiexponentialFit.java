package org.ivimj.fit;

import java.util.Arrays;
import java.util.function.BooleanSupplier;

/**
 * Bayesian shrinkage fit of the bi-exponential IVIM model over a region (an ROI, all ROIs, or a
 * whole-image mask): a Gaussian population prior on (logit f, ln D, ln D*) is learnt from the region's
 * own voxels (S0, fitted as ln(S0/S_b0) relative to the voxel's b = 0 signal, has a flat prior), and each voxel's estimate is its posterior mode (MAP) under that prior, with
 * posterior SDs from the Laplace approximation. Noisy voxels are pulled towards the population, which
 * is what tames f and D* at clinical SNR; well-determined voxels keep their own values.
 * <p>
 * The prior is found by empirical Bayes, as an EM iteration in the manner of Orton et al. (Magn Reson
 * Med 2014;71:411–420, hierarchical Bayesian IVIM with a population prior on transformed parameters)
 * and Gustafsson et al. (Magn Reson Med 2018;79:2203–2216, empirical-Bayes shrinkage of IVIM):
 * start from the free least-squares fits; then repeatedly (E) find every voxel's MAP and posterior
 * covariance C_v under the current prior, (M) set μ to the mean of the MAPs and Σ to their scatter
 * plus the mean C_v — until μ and Σ settle. The noise SD σ is common to the region (thermal noise),
 * estimated from the free fits' residuals unless given. Estimates under the Laplace approximation:
 * posterior means of S0 and f (log-normal and logistic-normal corrections of the mode), posterior
 * medians of D and D* (their means exp(μ + σ²/2) are unstable where the posterior is wide).
 */
public final class ShrinkageBiexponentialFit {

	private static final int K = PriorAugmentedBiexponentialModel.K;
	private static final int SEED_ROUNDS = 5;
	/** Newton steps per voxel and round before the final E step. */
	private static final int ROUND_ITERATIONS = 3;
	/** Responsibility below which a component is not refitted for a voxel between full rounds. */
	private static final double NEGLIGIBLE = 1e-4;
	/** Prior variance of ln(S0/S_b0): an SD of 100 in log units, flat for any real signal. */
	private static final double FLAT_VARIANCE = 1e4;

	/** Fewest fittable voxels a prior can be learnt from. */
	public static final int MIN_VOXELS = 10;

	private final double[] b;
	private final FitOptions options;
	private double sigma = Double.NaN;
	private int maxRounds = 20;
	private double tolerance = 2e-2;
	private int components = 1;

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
		Bounds bounds = new Bounds(options, b);
		// Starting values in transformed coordinates; voxels the free fit could not handle are left out.
		double[] reference = new double[voxels];
		double[] start = new double[K * voxels];
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
			start[K * v] = Math.log(Math.max(free.parameters[0][v], 1e-3 * reference[v]) / reference[v]);
			start[K * v + 1] = bounds.clampU(logit(free.parameters[1][v]));
			start[K * v + 2] = bounds.clampV(Math.log(free.parameters[2][v]));
			start[K * v + 3] = bounds.clampW(Math.log(free.parameters[3][v]));
			rss[nRss++] = residual(free, v, signals, nb);
		}
		if (nUsable < MIN_VOXELS * components) throw new IllegalArgumentException("The shrinkage fit learns its prior "
			+ "from the region's voxels: it needs at least " + MIN_VOXELS * components + " fittable voxels"
			+ (components > 1 ? " for " + components + " prior components" : "") + ", this region has " + nUsable
			+ ". Use a larger region, fewer prior components, or the free or segmented fit.");
		result.sigma = Double.isNaN(sigma) ? estimateSigma(rss, nRss, nb - 4) : sigma;
		// One component to start: robust centre and spread of the free fits, refined by EM.
		Mixture mixture = new Mixture(1, voxels);
		robustPrior(start, usable, mixture.mu[0], mixture.cov[0]);
		System.arraycopy(start, 0, mixture.theta[0], 0, start.length);
		int round = 0;
		int totalRounds = maxRounds * (components > 1 ? 2 : 1);
		for (int stage = components > 1 ? 0 : 1; stage < 2; stage++) {
			if (stage == 1 && components > 1) mixture = mixture.split(components, usable);
			result.converged = false;
			// The one-component stage only seeds the mixture, so a few rounds do.
			int stageRounds = stage == 0 ? Math.min(maxRounds, SEED_ROUNDS) : maxRounds;
			for (int r = 1; r <= stageRounds; r++) {
				round++;
				int base = round;
				// Components a voxel's data all but rule out are refitted only every few rounds.
				mixture.refitAll = r % 4 == 1;
				if (!eStep(mixture, signals, nb, bounds, result, reference, usable, threads, progress == null ? null
					: f -> progress.update((base + f) / (totalRounds + 1)), cancelled))
				{
					result.cancelled = true;
					return result;
				}
				double change = mixture.mStep(usable);
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
		if (!eStep(mixture, signals, nb, bounds, result, reference, usable, threads, null, cancelled)) {
			result.cancelled = true;
			return result;
		}
		mixture.summarise(result, usable, reference);
		result.rSquared = rSquared(result, signals, nb);
		if (progress != null) progress.update(1);
		return result;
	}

	/** Posterior modes and covariances of every voxel under every component; false if cancelled. */
	private boolean eStep(Mixture mixture, float[] signals, int nb, Bounds bounds, ShrinkageResult result,
		double[] reference, boolean[] usable, int threads, BatchFit.Progress progress, BooleanSupplier cancelled)
	{
		for (int c = 0; c < mixture.k; c++) {
			int comp = c;
			int used = ParallelVoxels.run(mixture.voxels, threads, t -> new MapWorker(signals, nb, bounds, mixture, comp,
				result.sigma, reference, usable), progress == null ? null
				: f -> progress.update((comp + f) / mixture.k), cancelled);
			if (used < 0) return false;
		}
		mixture.responsibilities(usable, result.sigma);
		return true;
	}

	/**
	 * The prior: K Gaussian components over θ = (ln(S0/S_b0), logit f, ln D, ln D*) with weights, and
	 * each voxel's Laplace posterior under each component.
	 */
	private static final class Mixture {
		final int k, voxels;
		final double[] weight;
		final double[][] mu, cov;
		final double[][] theta; // [c][K * v] posterior mode
		final double[][] post; // [c][K * K * v] posterior covariance (σ² H⁻¹)
		final double[][] logEvidence; // [c][v], up to a constant common to all components
		final float[][][] mean, var; // [c][parameter][v] natural-unit posterior mean and variance
		final byte[][] status; // [c][v]
		final double[][] resp; // [c][v]
		boolean refitAll = true;
		/** Whether E steps solve every MAP to convergence (the final one) or take a few steps (rounds). */
		boolean exact;

		Mixture(int k, int voxels) {
			this.k = k;
			this.voxels = voxels;
			weight = new double[k];
			java.util.Arrays.fill(weight, 1.0 / k);
			mu = new double[k][K];
			cov = new double[k][K * K];
			theta = new double[k][K * voxels];
			post = new double[k][K * K * voxels];
			logEvidence = new double[k][voxels];
			mean = new float[k][4][voxels];
			var = new float[k][4][voxels];
			status = new byte[k][voxels];
			resp = new double[k][voxels];
			if (k == 1) java.util.Arrays.fill(resp[0], 1);
		}

		/**
		 * A k-component mixture seeded from this one-component fit: voxels are split into k groups by
		 * k-means on their standardised posterior modes, each group giving a component's start.
		 */
		Mixture split(int k, boolean[] usable) {
			Mixture m = new Mixture(k, voxels);
			double[] sd = new double[K];
			for (int j = 1; j < K; j++) sd[j] = Math.sqrt(cov[0][j * (K + 1)]);
			int[] label = new int[voxels];
			// Seeds: quantiles of ln D*, the parameter that tells tissues apart least noisily when it is known.
			double[] w = new double[voxels];
			int n = 0;
			for (int v = 0; v < voxels; v++)
				if (usable[v]) w[n++] = theta[0][K * v + 3];
			double[] sorted = java.util.Arrays.copyOf(w, n);
			java.util.Arrays.sort(sorted);
			double[][] centre = new double[k][K];
			for (int c = 0; c < k; c++) {
				double q = sorted[(int) ((c + 0.5) / k * n)];
				int best = -1;
				for (int v = 0; v < voxels; v++)
					if (usable[v] && (best < 0 || Math.abs(theta[0][K * v + 3] - q) < Math.abs(theta[0][K * best + 3] - q)))
						best = v;
				System.arraycopy(theta[0], K * best, centre[c], 0, K);
			}
			for (int iteration = 0; iteration < 20; iteration++) {
				for (int v = 0; v < voxels; v++) {
					if (!usable[v]) continue;
					double bestD = Double.POSITIVE_INFINITY;
					for (int c = 0; c < k; c++) {
						double d = 0;
						for (int j = 1; j < K; j++) {
							double z = (theta[0][K * v + j] - centre[c][j]) / sd[j];
							d += z * z;
						}
						if (d < bestD) {
							bestD = d;
							label[v] = c;
						}
					}
				}
				double[][] sum = new double[k][K];
				int[] count = new int[k];
				for (int v = 0; v < voxels; v++) {
					if (!usable[v]) continue;
					count[label[v]]++;
					for (int j = 0; j < K; j++) sum[label[v]][j] += theta[0][K * v + j];
				}
				for (int c = 0; c < k; c++)
					if (count[c] > 0) for (int j = 0; j < K; j++) centre[c][j] = sum[c][j] / count[c];
			}
			for (int c = 0; c < k; c++) {
				System.arraycopy(theta[0], 0, m.theta[c], 0, theta[0].length);
				for (int v = 0; v < voxels; v++) m.resp[c][v] = usable[v] && label[v] == c ? 1 : 0;
				System.arraycopy(post[0], 0, m.post[c], 0, post[0].length);
			}
			m.mStep(usable);
			return m;
		}

		/** Responsibilities from the Laplace evidences; a single component takes every voxel. */
		void responsibilities(boolean[] usable, double sigma) {
			if (k == 1) return;
			for (int v = 0; v < voxels; v++) {
				if (!usable[v]) continue;
				double max = Double.NEGATIVE_INFINITY;
				for (int c = 0; c < k; c++)
					if (status[c][v] >= 0 && status[c][v] <= FitStatus.AT_BOUND.code()) max = Math.max(max, logEvidence[c][v]);
				double total = 0;
				for (int c = 0; c < k; c++) {
					boolean ok = status[c][v] >= 0 && status[c][v] <= FitStatus.AT_BOUND.code();
					resp[c][v] = ok ? weight[c] * Math.exp(logEvidence[c][v] - max) : 0;
					total += resp[c][v];
				}
				for (int c = 0; c < k; c++) resp[c][v] = total > 0 ? resp[c][v] / total : 0;
			}
		}

		/** Weights, means and covariances from the posteriors; returns the largest change of a mean or SD. */
		double mStep(boolean[] usable) {
			double change = 0;
			for (int c = 0; c < k; c++) {
				double total = 0;
				double[] newMu = new double[K], newCov = new double[K * K];
				for (int v = 0; v < voxels; v++) {
					double r = usable[v] && status[c][v] >= 0 && status[c][v] <= FitStatus.AT_BOUND.code() ? resp[c][v] : 0;
					if (r == 0) continue;
					total += r;
					for (int j = 0; j < K; j++) newMu[j] += r * theta[c][K * v + j];
				}
				if (total < 1e-9) continue; // an empty component keeps its prior
				for (int j = 0; j < K; j++) newMu[j] /= total;
				for (int v = 0; v < voxels; v++) {
					double r = usable[v] && status[c][v] >= 0 && status[c][v] <= FitStatus.AT_BOUND.code() ? resp[c][v] : 0;
					if (r == 0) continue;
					for (int a = 0; a < K; a++)
						for (int bb = 0; bb < K; bb++)
							newCov[a * K + bb] += r * ((theta[c][K * v + a] - newMu[a]) * (theta[c][K * v + bb] - newMu[bb])
								+ post[c][K * K * v + a * K + bb]);
				}
				for (int j = 0; j < K * K; j++) newCov[j] /= total;
				regularise(newCov);
				for (int j = 1; j < K; j++) {
					change = Math.max(change, Math.abs(newMu[j] - mu[c][j]));
					change = Math.max(change, Math.abs(Math.sqrt(newCov[j * (K + 1)]) - Math.sqrt(cov[c][j * (K + 1)])));
				}
				mu[c] = newMu;
				cov[c] = newCov;
				weight[c] = total;
			}
			double sum = 0;
			for (double w : weight) sum += w;
			for (int c = 0; c < k; c++) weight[c] /= sum;
			return change;
		}

		/** Mixture posterior mean and SD per voxel in natural units, and the prior, into the result. */
		void summarise(ShrinkageResult out, boolean[] usable, double[] reference) {
			int best = 0;
			for (int c = 1; c < k; c++)
				if (weight[c] > weight[best]) best = c;
			System.arraycopy(mu[best], 0, out.priorMean, 0, K);
			System.arraycopy(cov[best], 0, out.priorCovariance, 0, K * K);
			out.priorWeights = weight.clone();
			out.priorMeans = new double[k][];
			out.priorCovariances = new double[k][];
			for (int c = 0; c < k; c++) {
				out.priorMeans[c] = mu[c].clone();
				out.priorCovariances[c] = cov[c].clone();
			}
			for (int v = 0; v < voxels; v++) {
				if (!usable[v]) {
					out.status[v] = (byte) FitStatus.INVALID_INPUT.code();
					continue;
				}
				double total = 0;
				int st = -1;
				for (int c = 0; c < k; c++)
					if (resp[c][v] > 0) {
						total += resp[c][v];
						st = Math.max(st, status[c][v]);
					}
				if (total == 0) {
					int worst = FitStatus.NOT_CONVERGED.code();
					out.status[v] = (byte) worst;
					continue;
				}
				for (int p = 0; p < 4; p++) {
					double m = 0, second = 0;
					for (int c = 0; c < k; c++) {
						double r = resp[c][v] / total;
						if (r == 0) continue;
						m += r * mean[c][p][v];
						second += r * (var[c][p][v] + (double) mean[c][p][v] * mean[c][p][v]);
					}
					out.parameters[p][v] = (float) m;
					out.posteriorSd[p][v] = (float) Math.sqrt(Math.max(0, second - m * m));
				}
				out.status[v] = (byte) st;
			}
		}
	}

	/** One thread's MAP fits under one component: its own augmented model, solver and buffers. */
	private static final class MapWorker implements ParallelVoxels.Worker {
		private final float[] signals;
		private final int nb;
		private final Bounds bounds;
		private final double[] reference, theta, post, logEvidence, responsibility;
		private final boolean refitAll, exact;
		private final float[][] mean, var;
		private final byte[] status;
		private final boolean[] usable;
		private final PriorAugmentedBiexponentialModel model;
		private final BoundedLevenbergMarquardt solver;
		private final double[] y, p = new double[K], lo = new double[K], hi = new double[K], inv = new double[K * K];
		private final double[] scratch = new double[K * K];
		private final double sigma, logDetPrior;

		MapWorker(float[] signals, int nb, Bounds bounds, Mixture mixture, int c, double sigma, double[] reference,
			boolean[] usable)
		{
			this.signals = signals;
			this.nb = nb;
			this.bounds = bounds;
			this.reference = reference;
			this.usable = usable;
			this.sigma = sigma;
			theta = mixture.theta[c];
			exact = mixture.exact;
			responsibility = mixture.resp[c];
			refitAll = mixture.refitAll || mixture.k == 1;
			post = mixture.post[c];
			logEvidence = mixture.logEvidence[c];
			mean = mixture.mean[c];
			var = mixture.var[c];
			status = mixture.status[c];
			model = new PriorAugmentedBiexponentialModel(bounds.b);
			model.setPrior(mixture.mu[c], mixture.cov[c], sigma);
			logDetPrior = logDet(mixture.cov[c]);
			solver = new BoundedLevenbergMarquardt(model);
			// Between rounds the prior moves anyway, so a few warm-started Newton steps per voxel suffice; the
			// final E step (exact) solves each MAP to convergence.
			solver.setMaxIterations(mixture.exact ? bounds.maxIterations : ROUND_ITERATIONS);
			y = new double[nb + K];
		}

		@Override
		public void process(int v) {
			if (!usable[v]) {
				status[v] = (byte) FitStatus.INVALID_INPUT.code();
				return;
			}
			if (!refitAll && responsibility[v] < NEGLIGIBLE) return;
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
			if (code == BoundedLevenbergMarquardt.ITERATION_LIMIT && !exact) code = BoundedLevenbergMarquardt.CONVERGED;
			if (code != BoundedLevenbergMarquardt.CONVERGED || !solver.inverseHessian(inv)) {
				status[v] = (byte) (code == BoundedLevenbergMarquardt.ITERATION_LIMIT ? FitStatus.NOT_CONVERGED.code()
					: FitStatus.INVALID_INPUT.code());
				return;
			}
			for (int k = 0; k < K; k++) theta[K * v + k] = p[k];
			// The augmented Hessian is σ² × posterior precision, so σ²H⁻¹ is the posterior covariance.
			double s2 = sigma * sigma;
			int o = K * K * v;
			for (int k = 0; k < K * K; k++) post[o + k] = s2 * inv[k];
			// Laplace evidence up to a constant shared by all components: −cost/2σ² + ½ ln|C| − ½ ln|Σ|.
			logEvidence[v] = -solver.rss() / (2 * s2) + 0.5 * logDet(post, o, scratch) - 0.5 * logDetPrior;
			double vs = post[o], vu = post[o + 5], vv = post[o + 10], vw = post[o + 15];
			// Posterior means for S0 (log-normal) and f (probit approximation of the logistic-normal).
			double s0 = ref * Math.exp(p[0] + 0.5 * vs);
			double fMode = PriorAugmentedBiexponentialModel.logistic(p[1]);
			double f = PriorAugmentedBiexponentialModel.logistic(p[1] / Math.sqrt(1 + Math.PI / 8 * vu));
			// D and D*: posterior medians. Their posterior means exp(μ + σ²/2) blow up where the posterior is
			// wide (low SNR, low f: D* barely determined), which the OSIPI benchmark showed at SNR 10.
			double d = Math.exp(p[2]), ds = Math.exp(p[3]);
			mean[0][v] = (float) s0;
			mean[1][v] = (float) f;
			mean[2][v] = (float) d;
			mean[3][v] = (float) ds;
			// Posterior variances in natural units (log-normal; delta method for f).
			var[0][v] = (float) (s0 * s0 * Math.expm1(vs));
			var[1][v] = (float) (fMode * (1 - fMode) * fMode * (1 - fMode) * vu);
			var[2][v] = (float) (d * d * Math.expm1(vv));
			var[3][v] = (float) (ds * ds * Math.expm1(vw));
			boolean atBound = false;
			for (int k = 1; k < K; k++) atBound |= p[k] <= lo[k] || p[k] >= hi[k];
			status[v] = (byte) (atBound ? FitStatus.AT_BOUND : FitStatus.OK).code();
		}
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

	static double logDet(double[] a) {
		return logDet(a, 0, new double[K * K]);
	}

	/** ln det of the K × K symmetric positive-definite block at offset o (Cholesky); −∞ if not positive definite. */
	static double logDet(double[] a, int o, double[] l) {
		System.arraycopy(a, o, l, 0, K * K);
		if (!BoundedLevenbergMarquardt.cholesky(l, K, K)) return Double.NEGATIVE_INFINITY;
		double s = 0;
		for (int k = 0; k < K; k++) s += 2 * Math.log(l[k * (K + 1)]);
		return s;
	}

	/** Bounds in transformed coordinates (kept just inside open intervals such as f ∈ (0, 1)). */
	static final class Bounds {
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

	static double residual(BatchResult free, int v, float[] signals, int nb) {
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
		// S0 gets a flat prior: its reference is the voxel's own b = 0 signal, which is also in the likelihood,
		// so a learnt prior on S0/S_b0 would count that measurement twice and make f overconfident.
		for (int k = 1; k < K; k++) {
			cov[k] = 0;
			cov[k * K] = 0;
		}
		cov[0] = FLAT_VARIANCE;
		for (int k = 0; k < K; k++) cov[k * (K + 1)] = Math.max(cov[k * (K + 1)], 1e-6);
		for (int k = 0; k < K; k++)
			for (int l = 0; l < K; l++)
				if (k != l) cov[k * K + l] *= 0.999;
	}
}
