package org.ivimj.fit;

/**
 * One thread's MAP fits under one component: its own augmented model, solver and buffers. Under a
 * Student-t component the MAP is found by iteratively reweighted least squares — the prior rows
 * weighted by the voxel's scale weight w = (ν + P)/(ν + δ²), δ² its Mahalanobis distance from the
 * prior mean — and the Laplace posterior covariance uses the t prior's exact Hessian.
 */
final class PosteriorModeWorker implements ParallelVoxels.Worker {

	private static final int K = PriorAugmentedBiexponentialModel.K;
	/** Newton steps per voxel and round before the final E step. */
	static final int ROUND_ITERATIONS = 3;
	/** Reweighting passes of the final (exact) E step under a Student-t prior. */
	static final int IRLS_PASSES = 4;
	/** Dimensions of the Student-t prior: logit f, ln D, ln D* (S0's prior is flat). */
	static final int P = K - 1;
	private final float[] signals;
	private final int nb;
	private final TransformedBounds bounds;
	private final double[] reference, noise, theta, post, logEvidence, responsibility, scaleWeight, logScaleWeight;
	private final boolean refitAll, exact, mixtureOfSeveral;
	private final float[][] mean, var;
	private final byte[] status;
	private final boolean[] usable;
	private final PriorAugmentedBiexponentialModel model;
	private final BoundedLevenbergMarquardt solver;
	private final double[] y, p = new double[K], lo = new double[K], hi = new double[K], inv = new double[K * K];
	private final double[] scratch = new double[K * K], precision = new double[K * K], u = new double[K], cu = new double[K];
	private final double logDetPrior, nu, logPriorConstant;

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
		mixtureOfSeveral = mixture.k > 1;
		post = mixture.post[c];
		logEvidence = mixture.logEvidence[c];
		mean = mixture.mean[c];
		var = mixture.var[c];
		status = mixture.status[c];
		model = new PriorAugmentedBiexponentialModel(bounds.b);
		model.setPrior(mixture.mu[c], mixture.cov[c], 1);
		logDetPrior = GaussianMixturePrior.logDet(mixture.cov[c]);
		model.precision(precision);
		nu = mixture.nu[c];
		scaleWeight = mixture.scaleWeight[c];
		logScaleWeight = mixture.logScaleWeight[c];
		// ln of the prior density's normalising constant over (logit f, ln D, ln D*), without −½ ln|Σ|.
		logPriorConstant = Double.isFinite(nu) ? SpecialFunctions.lnGamma((nu + P) / 2) - SpecialFunctions.lnGamma(nu / 2)
			- 0.5 * P * Math.log(nu * Math.PI) : -0.5 * P * Math.log(2 * Math.PI);
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
		for (int k = 0; k < K; k++) p[k] = theta[K * v + k];
		bounds.fill(lo, hi, max, ref);
		boolean t = Double.isFinite(nu);
		double w = t ? (nu + P) / (nu + model.mahalanobis2(p)) : 1, wSolved = w;
		int code = BoundedLevenbergMarquardt.CONVERGED;
		for (int pass = 0, passes = t && exact ? IRLS_PASSES : 1; pass < passes; pass++) {
			wSolved = w;
			model.setNoise(sigma * Math.sqrt(w));
			code = solver.solve(y, p, lo, hi, null);
			if (code == BoundedLevenbergMarquardt.ITERATION_LIMIT && !exact) code = BoundedLevenbergMarquardt.CONVERGED;
			if (code != BoundedLevenbergMarquardt.CONVERGED || !t) break;
			double next = (nu + P) / (nu + model.mahalanobis2(p));
			boolean settled = Math.abs(next - w) <= 1e-3 * w;
			w = next;
			if (settled) break;
		}
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
		double d2 = model.mahalanobis2(p);
		double logPrior;
		if (t) {
			// The t prior's Hessian is w Σ⁻¹ − (2w²/(ν + P)) u uᵀ with u = Σ⁻¹(θ − μ): take the rank-one part
			// into the posterior covariance (Sherman–Morrison) while it keeps the posterior proper.
			for (int a = 0; a < K; a++) {
				double s = 0;
				for (int c = 0; c < K; c++) s += precision[a * K + c] * (p[c] - model.priorMean(c));
				u[a] = s;
			}
			double uCu = 0;
			for (int a = 0; a < K; a++) {
				double s = 0;
				for (int c = 0; c < K; c++) s += post[o + a * K + c] * u[c];
				cu[a] = s;
				uCu += u[a] * s;
			}
			double alpha = 2 * w * w / (nu + P), denominator = 1 - alpha * uCu;
			if (denominator > 0.1)
				for (int a = 0; a < K; a++)
					for (int c = 0; c < K; c++) post[o + a * K + c] += alpha * cu[a] * cu[c] / denominator;
			logPrior = logPriorConstant - 0.5 * (nu + P) * Math.log1p(d2 / nu);
		}
		else logPrior = logPriorConstant - 0.5 * d2;
		// Laplace evidence up to a constant shared by all components: −RSS/2σ² + ln p(θ̂) + ½ ln|C| (prior rows
		// of the solver's cost removed), ln p(θ̂) without −½ ln|Σ|, added below.
		// Only a mixture needs it (responsibilities).
		if (mixtureOfSeveral) {
			double rssData = solver.rss() - s2 * wSolved * d2;
			logEvidence[v] = -rssData / (2 * s2) + logPrior + 0.5 * GaussianMixturePrior.logDet(post, o, scratch) - 0.5 * logDetPrior;
		}
		if (t) {
			// E[w] and E[ln w] given the data, for the M step: w | θ ~ Gamma((ν + P)/2, (ν + δ²)/2), δ² averaged over the posterior.
			double trace = 0;
			for (int k = 0; k < K * K; k++) trace += precision[k] * post[o + k];
			double rate = nu + d2 + trace;
			scaleWeight[v] = (nu + P) / rate;
			logScaleWeight[v] = SpecialFunctions.digamma((nu + P) / 2) - Math.log(rate / 2);
		}
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
