package org.ivimj.fit;

/** One thread's MAP fits under one component: its own augmented model, solver and buffers. */
final class PosteriorModeWorker implements ParallelVoxels.Worker {

	private static final int K = PriorAugmentedBiexponentialModel.K;
	/** Newton steps per voxel and round before the final E step. */
	static final int ROUND_ITERATIONS = 3;
	private final float[] signals;
	private final int nb;
	private final TransformedBounds bounds;
	private final double[] reference, noise, theta, post, logEvidence, responsibility;
	private final boolean refitAll, exact;
	private final float[][] mean, var;
	private final byte[] status;
	private final boolean[] usable;
	private final PriorAugmentedBiexponentialModel model;
	private final BoundedLevenbergMarquardt solver;
	private final double[] y, p = new double[K], lo = new double[K], hi = new double[K], inv = new double[K * K];
	private final double[] scratch = new double[K * K];
	private final double logDetPrior;

	PosteriorModeWorker(float[] signals, int nb, TransformedBounds bounds, GaussianMixturePrior mixture, int c, double[] noise, double[] reference,
		boolean[] usable)
	{
		this.signals = signals;
		this.nb = nb;
		this.bounds = bounds;
		this.reference = reference;
		this.usable = usable;
		this.noise = noise;
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
		model.setPrior(mixture.mu[c], mixture.cov[c], 1);
		logDetPrior = GaussianMixturePrior.logDet(mixture.cov[c]);
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
		if (!refitAll && responsibility[v] < GaussianMixturePrior.NEGLIGIBLE) return;
		double max = 0;
		for (int i = 0, o = v * nb; i < nb; i++) {
			y[i] = signals[o + i];
			max = Math.max(max, y[i]);
		}
		double ref = reference[v];
		model.setReference(ref);
		double sigma = noise[v];
		model.setNoise(sigma);
		for (int k = 0; k < K; k++) p[k] = theta[K * v + k];
		bounds.fill(lo, hi, max, ref);
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
		logEvidence[v] = -solver.rss() / (2 * s2) + 0.5 * GaussianMixturePrior.logDet(post, o, scratch) - 0.5 * logDetPrior;
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
