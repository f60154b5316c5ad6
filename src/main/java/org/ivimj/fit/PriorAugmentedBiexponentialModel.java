package org.ivimj.fit;

import org.ivimj.model.SampledSignalModel;

/**
 * The bi-exponential model in transformed parameters θ = (ln(S0/S_ref), logit f, ln D, ln D*), with
 * S_ref the voxel's own b = 0 signal, and a Gaussian prior on θ folded in as four extra residuals:
 * with σ the noise SD and Σ = LLᵀ the prior covariance, the residuals −σ L⁻¹(θ − μ) add
 * σ² (θ − μ)ᵀ Σ⁻¹ (θ − μ) to the residual sum of squares, so an ordinary least-squares solver finds the posterior mode (MAP) and its normal matrix
 * is σ² times the posterior precision. Mutable (the prior changes between empirical-Bayes rounds):
 * one instance per thread.
 */
final class PriorAugmentedBiexponentialModel implements SampledSignalModel {

	private final double[] b;
	private final int m;
	static final int K = 4;
	private final double[] mu = new double[K];
	private final double[] whiten = new double[K * K]; // L⁻¹, lower triangular, row-major
	private double noise = 1; // σ: the prior rows are σ L⁻¹(θ − μ)
	private double reference = 1;

	PriorAugmentedBiexponentialModel(double[] b) {
		this.b = b.clone();
		this.m = b.length;
	}

	/** Sets the prior mean and covariance (K × K row-major, transformed parameters) and the noise SD. */
	void setPrior(double[] mean, double[] covariance, double sigma) {
		System.arraycopy(mean, 0, mu, 0, K);
		double[] l = covariance.clone();
		if (!BoundedLevenbergMarquardt.cholesky(l, K, K))
			throw new IllegalArgumentException("The prior covariance is not positive definite");
		// Invert the lower-triangular factor column by column.
		java.util.Arrays.fill(whiten, 0);
		for (int c = 0; c < K; c++) {
			for (int r = c; r < K; r++) {
				double s = r == c ? 1 : 0;
				for (int k = c; k < r; k++) s -= l[r * K + k] * whiten[k * K + c];
				whiten[r * K + c] = s / l[r * K + r];
			}
		}
		noise = sigma;
	}

	/** The noise SD of the voxel about to be fitted (the prior rows scale with it); the prior is unchanged. */
	void setNoise(double sigma) {
		noise = sigma;
	}

	/** Squared Mahalanobis distance (θ − μ)ᵀ Σ⁻¹ (θ − μ) of θ from the prior mean. */
	double mahalanobis2(double[] p) {
		double d2 = 0;
		for (int r = 0; r < K; r++) {
			double acc = 0;
			for (int c = 0; c <= r; c++) acc += whiten[r * K + c] * (p[c] - mu[c]);
			d2 += acc * acc;
		}
		return d2;
	}

	/** Component c of the prior mean. */
	double priorMean(int c) {
		return mu[c];
	}

	/** The prior precision Σ⁻¹ = L⁻ᵀ L⁻¹ (K × K row-major) into {@code out}. */
	void precision(double[] out) {
		for (int a = 0; a < K; a++)
			for (int c = 0; c < K; c++) {
				double s = 0;
				for (int r = Math.max(a, c); r < K; r++) s += whiten[r * K + a] * whiten[r * K + c];
				out[a * K + c] = s;
			}
	}

	/** The voxel's reference signal S_ref (its b = 0 signal), S0 = S_ref · exp(θ₀). */
	void setReference(double ref) {
		reference = ref;
	}

	@Override
	public int size() {
		return m + K;
	}

	@Override
	public int parameterCount() {
		return 4;
	}

	@Override
	public double[] bValues() {
		return b;
	}

	static double logistic(double u) {
		return 1 / (1 + Math.exp(-u));
	}

	@Override
	public void values(double[] p, double[] v) {
		double s0 = reference * Math.exp(p[0]), f = logistic(p[1]), d = Math.exp(p[2]), ds = Math.exp(p[3]);
		for (int i = 0; i < m; i++) v[i] = s0 * ((1 - f) * Math.exp(-b[i] * d) + f * Math.exp(-b[i] * ds));
		priorRows(p, v, null);
	}

	@Override
	public void valuesAndJacobian(double[] p, double[] v, double[] j) {
		double s0 = reference * Math.exp(p[0]), f = logistic(p[1]), d = Math.exp(p[2]), ds = Math.exp(p[3]);
		double dfdu = f * (1 - f);
		for (int i = 0, o = 0; i < m; i++, o += 4) {
			double bi = b[i];
			double ed = Math.exp(-bi * d), ep = Math.exp(-bi * ds);
			double shape = (1 - f) * ed + f * ep;
			v[i] = s0 * shape;
			j[o] = s0 * shape;
			j[o + 1] = s0 * (ep - ed) * dfdu;
			j[o + 2] = -bi * s0 * (1 - f) * ed * d;
			j[o + 3] = -bi * s0 * f * ep * ds;
		}
		priorRows(p, v, j);
	}

	@Override
	public boolean hasCurvature() {
		return true;
	}

	/** Newton curvature Σ r ∇²S of the signal rows; the prior rows are linear in θ and add none. */
	@Override
	public void valuesJacobianCurvature(double[] p, double[] y, double[] v, double[] j, double[] h) {
		double a = reference * Math.exp(p[0]), f = logistic(p[1]), d = Math.exp(p[2]), ds = Math.exp(p[3]);
		double f1 = f * (1 - f), f2 = f1 * (1 - 2 * f);
		double h00 = 0, h01 = 0, h02 = 0, h03 = 0, h11 = 0, h12 = 0, h13 = 0, h22 = 0, h33 = 0;
		for (int i = 0, o = 0; i < m; i++, o += 4) {
			double bi = b[i];
			double e = Math.exp(-bi * d), q = Math.exp(-bi * ds);
			double s = a * ((1 - f) * e + f * q);
			double ju = a * (q - e) * f1, jv = -a * (1 - f) * bi * d * e, jw = -a * f * bi * ds * q;
			v[i] = s;
			j[o] = s;
			j[o + 1] = ju;
			j[o + 2] = jv;
			j[o + 3] = jw;
			double r = y[i] - s;
			h00 += r * s;
			h01 += r * ju;
			h02 += r * jv;
			h03 += r * jw;
			h11 += r * a * (q - e) * f2;
			h12 += r * a * f1 * bi * d * e;
			h13 -= r * a * f1 * bi * ds * q;
			h22 += r * jv * (1 - bi * d);
			h33 += r * jw * (1 - bi * ds);
		}
		priorRows(p, v, j);
		h[0] = h00; h[1] = h01; h[2] = h02; h[3] = h03;
		h[4] = h01; h[5] = h11; h[6] = h12; h[7] = h13;
		h[8] = h02; h[9] = h12; h[10] = h22; h[11] = 0;
		h[12] = h03; h[13] = h13; h[14] = 0; h[15] = h33;
	}

	private void priorRows(double[] p, double[] v, double[] j) {
		for (int r = 0; r < K; r++) {
			double acc = 0;
			for (int c = 0; c <= r; c++) acc += whiten[r * K + c] * (p[c] - mu[c]);
			v[m + r] = noise * acc;
			if (j != null) {
				int o = (m + r) * 4;
				for (int c = 0; c < 4; c++) j[o + c] = c <= r ? noise * whiten[r * K + c] : 0;
			}
		}
	}
}
