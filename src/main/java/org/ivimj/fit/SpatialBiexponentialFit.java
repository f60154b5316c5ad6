package org.ivimj.fit;

import java.util.Arrays;
import java.util.function.BooleanSupplier;

/**
 * Spatially regularised bi-exponential fit: the parameters of touching voxels (4-neighbours in a
 * plane, 6 in a volume; {@link Neighbours}) are pulled together by an edge-preserving Markov-random-field
 * prior on θ = (logit f, ln D, ln D*), S0 being left free. The estimate is the joint posterior mode of
 * <pre>
 *   E = Σ_v RSS_v / σ²  +  β Σ_(u,v) e_uv ρ(z_uv),   z_uv² = Σ_k (θ_u,k − θ_v,k)² / ν_k,
 *   ρ(z) = δ² (1 − exp(−z² / 2δ²))  (Welsch),       e_uv = exp(−ẑ_uv² / (2 · 0.75²)),
 * </pre>
 * where ẑ is z between the denoised free fits (each voxel's median with its neighbours). Neighbours a
 * few noise units apart are smoothed almost quadratically; a larger jump, judged from all three
 * parameters at once (so the well-determined D and f mark a boundary for D*), has a bounded cost and
 * stays sharp; e_uv keeps the boundaries the free fits show from being worn down while smoothing.
 * <p>
 * The weight comes from the noise: σ is given or estimated from the free fits' residuals (as the
 * shrinkage fit does), and ν_k is the Cramér–Rao variance of θ_k at the region's median free-fit
 * parameters for that σ. β ({@link FitOptions#spatialWeight}, default 16) and δ
 * ({@link FitOptions#spatialEdge}, default {@value #DEFAULT_EDGE}) are settable.
 * <p>
 * Solved from the free fits by iteratively reweighted chessboard Gauss–Seidel sweeps: each voxel's
 * MAP under the Gaussian prior its neighbours give at the current weights
 * ({@link PriorAugmentedBiexponentialModel}), the black voxels in parallel with the white ones held, then
 * the reverse. Standard errors are the Laplace posterior SDs given the neighbours. Voxels whose free
 * fit fails stay NaN. A σ set in {@link FitOptions#noiseSigma} is used as σ here (and makes the free
 * starting fits noise-floor-aware); the MAP step itself fits the plain bi-exponential model. An instance
 * keeps the last fit's σ and noise scales: one fit at a time per instance.
 */
public final class SpatialBiexponentialFit {

	/** Default edge scale δ of the Welsch potential, in noise units of the normalised neighbour difference. */
	public static final double DEFAULT_EDGE = 2;
	static final int K = 4;
	/** Edge scale of the denoised free fits' differences, in noise units. */
	static final double FREE_EDGE = 0.75;
	private static final int SWEEP_ITERATIONS = 4;
	/** Prior variance of θ₀ = ln(S0/S_ref): effectively no prior on S0. */
	private static final double FREE_VARIANCE = 1e6;

	private final double[] b;
	private final FitOptions options;
	private double sigma = Double.NaN, weight, edge;
	private int sweeps = 8;
	/** After a fit: σ used and the noise variances ν of (logit f, ln D, ln D*). */
	private double usedSigma = Double.NaN;
	private final double[] nu = new double[K];
	private double[] denoised;

	public SpatialBiexponentialFit(double[] bValues, FitOptions options) {
		this.options = (options == null ? new FitOptions() : options.clone()).validate();
		this.b = bValues.clone();
		weight = this.options.spatialWeight();
		edge = this.options.spatialEdge();
		if (!Double.isNaN(this.options.noiseSigma())) sigma = this.options.noiseSigma();
		Ivim.fitter(FitMethod.BI_FREE, b, this.options); // the same checks as the free fit it starts from
	}

	/** The noise SD (signal units); NaN (default) estimates it from the free fits' residuals. */
	public SpatialBiexponentialFit noiseSigma(double s) {
		sigma = s;
		return this;
	}

	/** β, the strength of the spatial prior (default 16; 0 gives the free fit). */
	public SpatialBiexponentialFit weight(double beta) {
		if (!(beta >= 0) || Double.isInfinite(beta)) throw new IllegalArgumentException("The spatial weight must be a "
			+ "number ≥ 0, not " + beta);
		weight = beta;
		return this;
	}

	/** δ, the edge scale of the Welsch potential in noise units (default 2). */
	public SpatialBiexponentialFit edgeScale(double delta) {
		if (!(delta > 0) || Double.isInfinite(delta)) throw new IllegalArgumentException("The edge scale must be > 0, not " + delta);
		edge = delta;
		return this;
	}

	/** Number of Gauss–Seidel sweeps (default 8; the last one solves every voxel to convergence). */
	public SpatialBiexponentialFit sweeps(int n) {
		if (n < 1) throw new IllegalArgumentException("At least one sweep, not " + n);
		sweeps = n;
		return this;
	}

	/** σ of the last fit. */
	public double sigma() {
		return usedSigma;
	}

	/** Fits the region's voxels (voxel-major signals, as {@link BatchFit}) with all processors. */
	public BatchResult fit(float[] signals, Neighbours neighbours) {
		return fit(signals, neighbours, Runtime.getRuntime().availableProcessors(), null, null);
	}

	/**
	 * Fits the region. {@code neighbours} must number the voxels as {@code signals} does.
	 *
	 * @throws IllegalArgumentException when they do not match, or no voxel can be fitted
	 */
	public BatchResult fit(float[] signals, Neighbours neighbours, int threads, BatchFit.Progress progress,
		BooleanSupplier cancelled)
	{
		int nb = b.length, voxels = signals.length / nb;
		if (neighbours.voxelCount() != voxels) throw new IllegalArgumentException("The neighbour grid has "
			+ neighbours.voxelCount() + " voxels but the signals " + voxels);
		BatchResult result = new BatchResult(FitMethod.BI_SPATIAL, voxels);
		int steps = sweeps + 1;
		BatchResult free = BatchFit.fit(Ivim.fitter(FitMethod.BI_FREE, b, options), signals, threads,
			progress == null ? null : f -> progress.update(f / steps), cancelled);
		if (free.cancelled) {
			result.cancelled = true;
			return result;
		}
		TransformedBounds bounds = new TransformedBounds(options, b);
		double[] reference = new double[voxels], theta = new double[K * voxels], rss = new double[voxels];
		boolean[] usable = new boolean[voxels];
		int nUsable = 0;
		for (int v = 0; v < voxels; v++) {
			if (!FitStatus.hasParameters(free.status[v])) {
				result.status[v] = free.status[v];
				continue;
			}
			reference[v] = bounds.reference(signals, v);
			if (!(reference[v] > 0)) {
				result.status[v] = (byte) FitStatus.INVALID_INPUT.code();
				continue;
			}
			usable[v] = true;
			theta[K * v] = Math.log(Math.max(free.parameters[0][v], 1e-3 * reference[v]) / reference[v]);
			theta[K * v + 1] = bounds.clampU(TransformedBounds.logit(free.parameters[1][v]));
			theta[K * v + 2] = bounds.clampV(Math.log(free.parameters[2][v]));
			theta[K * v + 3] = bounds.clampW(Math.log(free.parameters[3][v]));
			rss[nUsable++] = free.rss[v];
		}
		if (nUsable == 0) throw new IllegalArgumentException("No voxel of the region could be fitted: check the signals.");
		usedSigma = Double.isNaN(sigma) ? NoiseEstimate.fromResidualSums(rss, nUsable, nb - 4) : sigma;
		noiseVariances(theta, usable, reference);
		denoised = crossMedian(theta, usable, neighbours);
		for (int s = 1; s <= sweeps; s++) {
			boolean last = s == sweeps;
			for (int c = 0; c < 2; c++) {
				int[] members = neighbours.byColour[c];
				int base = s, colour = c;
				int done = ParallelVoxels.run(members.length, threads, t -> new Worker(signals, nb, bounds, neighbours,
					theta, reference, usable, members, last ? result : null), progress == null ? null
					: f -> progress.update((base + 0.5 * (colour + f)) / steps), cancelled);
				if (done < 0) {
					result.cancelled = true;
					return result;
				}
			}
		}
		if (progress != null) progress.update(1);
		return result;
	}

	/**
	 * ν_k: the Cramér–Rao variances of (ln S0, logit f, ln D, ln D*) at the median free-fit θ of the
	 * usable voxels and the median reference signal, for noise σ.
	 */
	private void noiseVariances(double[] theta, boolean[] usable, double[] reference) {
		int n = 0;
		for (boolean u : usable)
			if (u) n++;
		double[] col = new double[n], median = new double[K];
		for (int k = 0; k < K; k++) {
			for (int v = 0, i = 0; v < usable.length; v++)
				if (usable[v]) col[i++] = theta[K * v + k];
			median[k] = median(col);
		}
		for (int v = 0, i = 0; v < usable.length; v++)
			if (usable[v]) col[i++] = reference[v];
		double ref = median(col);
		PriorAugmentedBiexponentialModel model = new PriorAugmentedBiexponentialModel(b);
		model.setPrior(new double[K], new double[] {1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1}, 1);
		model.setReference(ref);
		int m = b.length;
		double[] values = new double[m + K], jac = new double[(m + K) * K], fisher = new double[K * K];
		model.valuesAndJacobian(median, values, jac);
		for (int i = 0; i < m; i++)
			for (int k = 0; k < K; k++)
				for (int l = 0; l < K; l++) fisher[k * K + l] += jac[i * K + k] * jac[i * K + l];
		double[] spread = robustSpread(theta, usable);
		if (BoundedLevenbergMarquardt.cholesky(fisher, K, K)) {
			double[] e = new double[K];
			for (int k = 0; k < K; k++) {
				Arrays.fill(e, 0);
				e[k] = 1;
				BoundedLevenbergMarquardt.choleskySolve(fisher, K, K, e);
				nu[k] = usedSigma * usedSigma * e[k];
			}
		}
		// Where the bound is not finite (a parameter without influence at the median), the spread of the free fits.
		for (int k = 0; k < K; k++)
			if (!(nu[k] > 0) || Double.isInfinite(nu[k])) nu[k] = Math.max(spread[k] * spread[k], 1e-12);
	}

	/**
	 * Each voxel's θ replaced by the median of itself and its usable neighbours (per component): a
	 * denoised view of the free fits that keeps steps, for telling tissue boundaries from noise.
	 */
	private static double[] crossMedian(double[] theta, boolean[] usable, Neighbours nbr) {
		double[] out = theta.clone(), window = new double[7];
		for (int v = 0; v < usable.length; v++) {
			if (!usable[v]) continue;
			for (int k = 1; k < K; k++) {
				int n = 0;
				window[n++] = theta[K * v + k];
				for (int j = nbr.first[v]; j < nbr.first[v + 1]; j++)
					if (usable[nbr.list[j]]) window[n++] = theta[K * nbr.list[j] + k];
				Arrays.sort(window, 0, n);
				out[K * v + k] = n % 2 == 1 ? window[n / 2] : 0.5 * (window[n / 2 - 1] + window[n / 2]);
			}
		}
		return out;
	}

	/** MAD-based SD of each θ_k over the usable voxels. */
	private static double[] robustSpread(double[] theta, boolean[] usable) {
		int n = 0;
		for (boolean u : usable)
			if (u) n++;
		double[] col = new double[n], out = new double[K];
		for (int k = 0; k < K; k++) {
			for (int v = 0, i = 0; v < usable.length; v++)
				if (usable[v]) col[i++] = theta[K * v + k];
			double med = median(col);
			for (int i = 0; i < n; i++) col[i] = Math.abs(col[i] - med);
			out[k] = 1.4826 * median(col);
		}
		return out;
	}

	private static double median(double[] x) {
		double[] s = x.clone();
		Arrays.sort(s);
		int n = s.length;
		return n == 0 ? Double.NaN : n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
	}

	/** Refits the voxels of one colour under the prior their neighbours give; the last sweep also writes the results. */
	private final class Worker implements ParallelVoxels.Worker {
		private final float[] signals;
		private final int nb;
		private final TransformedBounds bounds;
		private final Neighbours nbr;
		private final double[] theta, reference;
		private final boolean[] usable;
		private final int[] members;
		private final BatchResult out;
		private final PriorAugmentedBiexponentialModel model;
		private final BoundedLevenbergMarquardt solver;
		private final double[] y, p = new double[K], lo = new double[K], hi = new double[K], mu = new double[K];
		private final double[] cov = new double[K * K], inv = new double[K * K];

		Worker(float[] signals, int nb, TransformedBounds bounds, Neighbours nbr, double[] theta,
			double[] reference, boolean[] usable, int[] members, BatchResult out)
		{
			this.signals = signals;
			this.nb = nb;
			this.bounds = bounds;
			this.nbr = nbr;
			this.theta = theta;
			this.reference = reference;
			this.usable = usable;
			this.members = members;
			this.out = out;
			model = new PriorAugmentedBiexponentialModel(b);
			solver = new BoundedLevenbergMarquardt(model);
			solver.setMaxIterations(out != null ? bounds.maxIterations : SWEEP_ITERATIONS);
			y = new double[nb + K];
		}

		@Override
		public void process(int index) {
			int v = members[index];
			if (!usable[v]) return;
			// The prior: IRLS weights of the neighbours from their normalised differences.
			double wSum = 0;
			Arrays.fill(mu, 0);
			for (int j = nbr.first[v]; j < nbr.first[v + 1]; j++) {
				int u = nbr.list[j];
				if (!usable[u]) continue;
				double z2 = 0;
				for (int k = 1; k < K; k++) {
					double d = theta[K * u + k] - theta[K * v + k];
					z2 += d * d / nu[k];
				}
				double f2 = 0;
				for (int k = 1; k < K; k++) {
					double d = denoised[K * u + k] - denoised[K * v + k];
					f2 += d * d / nu[k];
				}
				// Welsch weights: the current difference (IRLS of the prior) times the difference of the
				// denoised free fits, which remembers the edges the smoothing would otherwise wear down.
				double w = Math.exp(-0.5 * z2 / (edge * edge) - 0.5 * f2 / (FREE_EDGE * FREE_EDGE));
				wSum += w;
				for (int k = 1; k < K; k++) mu[k] += w * theta[K * u + k];
			}
			Arrays.fill(cov, 0);
			mu[0] = theta[K * v];
			cov[0] = FREE_VARIANCE;
			for (int k = 1; k < K; k++) {
				double precision = weight * wSum / nu[k];
				if (precision > 0) {
					mu[k] /= wSum;
					cov[k * K + k] = 1 / precision;
				}
				else {
					mu[k] = theta[K * v + k];
					cov[k * K + k] = FREE_VARIANCE;
				}
			}
			model.setPrior(mu, cov, usedSigma);
			double max = 0;
			for (int i = 0, o = v * nb; i < nb; i++) {
				y[i] = signals[o + i];
				max = Math.max(max, y[i]);
			}
			double ref = reference[v];
			model.setReference(ref);
			for (int k = 0; k < K; k++) p[k] = theta[K * v + k];
			bounds.fill(lo, hi, max, ref);
			int code = solver.solve(y, p, lo, hi, null);
			if (out == null) {
				if (code != BoundedLevenbergMarquardt.NON_FINITE) for (int k = 0; k < K; k++) theta[K * v + k] = p[k];
				return;
			}
			if (code != BoundedLevenbergMarquardt.CONVERGED) {
				out.status[v] = (byte) (code == BoundedLevenbergMarquardt.ITERATION_LIMIT ? FitStatus.NOT_CONVERGED
					: FitStatus.INVALID_INPUT).code();
				return;
			}
			for (int k = 0; k < K; k++) theta[K * v + k] = p[k];
			double s0 = ref * Math.exp(p[0]), f = PriorAugmentedBiexponentialModel.logistic(p[1]);
			double d = Math.exp(p[2]), ds = Math.exp(p[3]);
			out.parameters[0][v] = (float) s0;
			out.parameters[1][v] = (float) f;
			out.parameters[2][v] = (float) d;
			out.parameters[3][v] = (float) ds;
			if (solver.inverseHessian(inv)) {
				// σ² H⁻¹ is the Laplace posterior covariance of θ; the delta method takes it to natural units.
				double s2 = usedSigma * usedSigma;
				out.standardErrors[0][v] = (float) (s0 * Math.sqrt(s2 * inv[0]));
				out.standardErrors[1][v] = (float) (f * (1 - f) * Math.sqrt(s2 * inv[5]));
				out.standardErrors[2][v] = (float) (d * Math.sqrt(s2 * inv[10]));
				out.standardErrors[3][v] = (float) (ds * Math.sqrt(s2 * inv[15]));
			}
			double mean = 0;
			for (int i = 0; i < nb; i++) mean += y[i];
			mean /= nb;
			double rssV = 0, tss = 0;
			for (int i = 0; i < nb; i++) {
				double e = y[i] - s0 * ((1 - f) * Math.exp(-b[i] * d) + f * Math.exp(-b[i] * ds));
				rssV += e * e;
				tss += (y[i] - mean) * (y[i] - mean);
			}
			out.rSquared[v] = (float) (tss > 0 ? 1 - rssV / tss : Double.NaN);
			boolean atBound = false;
			for (int k = 1; k < K; k++) atBound |= p[k] <= lo[k] || p[k] >= hi[k];
			out.status[v] = (byte) (atBound ? FitStatus.AT_BOUND : FitStatus.OK).code();
			out.reason[v] = (byte) (atBound ? FitReason.PARAMETER_AT_BOUND : FitReason.NONE).ordinal();
		}
	}
}
