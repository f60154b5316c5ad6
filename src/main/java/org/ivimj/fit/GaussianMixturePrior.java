package org.ivimj.fit;

import java.util.Arrays;

/**
 * The shrinkage fit's empirical-Bayes population prior and the state of its E and M steps: K components
 * over θ = (ln(S0/S_b0), logit f, ln D, ln D*) with weights, and each voxel's Laplace posterior under each
 * component. A component is a multivariate Student-t with ν degrees of freedom (ν = ∞: a Gaussian), i.e.
 * a Gaussian scale mixture θ | w ~ N(μ, Σ/w), w ~ Gamma(ν/2, ν/2): a voxel far from the population
 * (a tissue unlike the rest, with data that say so) gets a small w and is barely shrunk, and the outliers
 * do not inflate Σ for everyone else. μ, Σ and ν are learnt by EM (Liu &amp; Rubin, Stat Sinica 1995;5:19–39).
 */
final class GaussianMixturePrior {

	private static final int K = PriorAugmentedBiexponentialModel.K;
	/** Responsibility below which a component is not refitted for a voxel between full rounds. */
	static final double NEGLIGIBLE = 1e-4;
	/** Prior variance of ln(S0/S_b0): an SD of 100 in log units, flat for any real signal. */
	static final double FLAT_VARIANCE = 1e4;

	final int k, voxels;
	final double[] weight;
	/** Degrees of freedom ν per component; infinite for a Gaussian component. */
	final double[] nu;
	/** {@code [c][v]}: posterior expectations E[w] and E[ln w] of each voxel's scale weight (1 and 0 if Gaussian). */
	final double[][] scaleWeight, logScaleWeight;
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

	/** Starting ν of a Student-t component: heavy tails, EM then moves it where the data put it. */
	static final double START_NU = 4;
	/** Above this ν a component is taken as Gaussian. */
	static final double MAX_NU = 200;

	GaussianMixturePrior(int k, int voxels, boolean heavyTailed) {
		this.k = k;
		this.voxels = voxels;
		nu = new double[k];
		Arrays.fill(nu, heavyTailed ? START_NU : Double.POSITIVE_INFINITY);
		scaleWeight = new double[k][voxels];
		logScaleWeight = new double[k][voxels];
		for (double[] w : scaleWeight) Arrays.fill(w, 1);
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
	GaussianMixturePrior split(int k, boolean[] usable) {
		GaussianMixturePrior m = new GaussianMixturePrior(k, voxels, Double.isFinite(nu[0]));
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
			System.arraycopy(scaleWeight[0], 0, m.scaleWeight[c], 0, voxels);
			System.arraycopy(logScaleWeight[0], 0, m.logScaleWeight[c], 0, voxels);
			m.nu[c] = nu[0];
		}
		m.mStep(usable);
		return m;
	}

	/** Responsibilities from the Laplace evidences; a single component takes every voxel. */
	void responsibilities(boolean[] usable) {
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
			// Student-t: each voxel counts with its expected scale weight E[w] (1 for a Gaussian component).
			double total = 0, weighted = 0, logMinusW = 0;
			double[] newMu = new double[K], newCov = new double[K * K];
			double[] w = scaleWeight[c];
			for (int v = 0; v < voxels; v++) {
				double r = usable[v] && status[c][v] >= 0 && status[c][v] <= FitStatus.AT_BOUND.code() ? resp[c][v] : 0;
				if (r == 0) continue;
				total += r;
				weighted += r * w[v];
				logMinusW += r * (logScaleWeight[c][v] - w[v]);
				for (int j = 0; j < K; j++) newMu[j] += r * w[v] * theta[c][K * v + j];
			}
			if (total < 1e-9) continue; // an empty component keeps its prior
			for (int j = 0; j < K; j++) newMu[j] /= weighted;
			for (int v = 0; v < voxels; v++) {
				double r = usable[v] && status[c][v] >= 0 && status[c][v] <= FitStatus.AT_BOUND.code() ? resp[c][v] : 0;
				if (r == 0) continue;
				double rw = r * w[v];
				for (int a = 0; a < K; a++)
					for (int bb = 0; bb < K; bb++)
						newCov[a * K + bb] += rw * ((theta[c][K * v + a] - newMu[a]) * (theta[c][K * v + bb] - newMu[bb])
							+ post[c][K * K * v + a * K + bb]);
			}
			for (int j = 0; j < K * K; j++) newCov[j] /= total;
			if (Double.isFinite(nu[c])) nu[c] = updateNu(logMinusW / total);
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

	/**
	 * The ν that maximises the expected complete-data likelihood of the scale weights (Liu &amp; Rubin's
	 * ECM step): the root of 1 + ln(ν/2) − ψ(ν/2) + mean(E[ln w] − E[w]) = 0; {@link #MAX_NU} (Gaussian
	 * tails) when the weights barely vary.
	 */
	static double updateNu(double meanLogMinusW) {
		double lo = Math.log(1), hi = Math.log(MAX_NU);
		if (nuEquation(Math.exp(hi), meanLogMinusW) > 0) return MAX_NU;
		if (nuEquation(Math.exp(lo), meanLogMinusW) < 0) return 1;
		for (int i = 0; i < 60; i++) {
			double mid = 0.5 * (lo + hi);
			if (nuEquation(Math.exp(mid), meanLogMinusW) > 0) lo = mid;
			else hi = mid;
		}
		return Math.exp(0.5 * (lo + hi));
	}

	private static double nuEquation(double nu, double meanLogMinusW) {
		return 1 + Math.log(nu / 2) - SpecialFunctions.digamma(nu / 2) + meanLogMinusW;
	}

	/** GaussianMixturePrior posterior mean and SD per voxel in natural units, and the prior, into the result. */
	void summarise(ShrinkageResult out, boolean[] usable, double[] reference) {
		int best = 0;
		for (int c = 1; c < k; c++)
			if (weight[c] > weight[best]) best = c;
		System.arraycopy(mu[best], 0, out.priorMean, 0, K);
		System.arraycopy(cov[best], 0, out.priorCovariance, 0, K * K);
		out.priorWeights = weight.clone();
		out.priorDegreesOfFreedom = nu.clone();
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

	/** Median and MAD-based SDs, with the usable voxels' clipped correlations, as the starting prior. */
	static void robustPrior(double[] theta, boolean[] usable, double[] mu, double[] cov) {
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
