package org.ivimj.fit;

/**
 * Empirical-Bayes moderated noise variances (Smyth, Stat Appl Genet Mol Biol 2004;3:3, the "limma"
 * estimator): each voxel's residual variance s²ᵥ = RSSᵥ/ν (ν residual degrees of freedom) is taken as
 * σᵥ² χ²_ν/ν, and the σᵥ² of a region as draws from a scaled inverse-χ² population with d₀ degrees of
 * freedom and scale s₀², both estimated from the moments of ln s²ᵥ. A voxel's posterior noise variance
 * is then (d₀ s₀² + ν s²ᵥ)/(d₀ + ν): one common σ when the region's noise is homogeneous (d₀ → ∞),
 * each voxel's own residuals, lightly pooled, when it is not (SNR varying across an image, coil
 * sensitivity, parallel imaging). The shrinkage fit weighs each voxel's data by it.
 */
final class NoiseModeration {

	/** Prior degrees of freedom d₀ (may be infinite) and scale s₀² of the region's noise variances. */
	final double priorDof, priorVariance;
	private final int dof;

	private NoiseModeration(double priorDof, double priorVariance, int dof) {
		this.priorDof = priorDof;
		this.priorVariance = priorVariance;
		this.dof = dof;
	}

	/**
	 * Fits the population of noise variances to {@code rss[0..n)} (residual sums of squares, each with
	 * {@code dof} degrees of freedom). Zero sums (noise-free data) are floored at a millionth of the median.
	 */
	static NoiseModeration fit(double[] rss, int n, int dof) {
		int nu = Math.max(dof, 1);
		double[] sorted = java.util.Arrays.copyOf(rss, n);
		java.util.Arrays.sort(sorted);
		double floor = Math.max(1e-6 * sorted[n / 2] / nu, Double.MIN_NORMAL);
		double shift = -SpecialFunctions.digamma(nu / 2.0) + Math.log(nu / 2.0);
		double mean = 0;
		for (int i = 0; i < n; i++) mean += Math.log(Math.max(rss[i] / nu, floor)) + shift;
		mean /= n;
		double var = 0;
		for (int i = 0; i < n; i++) {
			double e = Math.log(Math.max(rss[i] / nu, floor)) + shift - mean;
			var += e * e;
		}
		var = n > 1 ? var / (n - 1) - SpecialFunctions.trigamma(nu / 2.0) : 0;
		if (!(var > 0)) return new NoiseModeration(Double.POSITIVE_INFINITY, Math.exp(mean), nu);
		double d0 = 2 * SpecialFunctions.trigammaInverse(var);
		return new NoiseModeration(d0, Math.exp(mean + SpecialFunctions.digamma(d0 / 2) - Math.log(d0 / 2)), nu);
	}

	/** The posterior noise SD of a voxel with residual sum of squares {@code rss}. */
	double sigma(double rss) {
		if (Double.isInfinite(priorDof)) return Math.sqrt(priorVariance);
		return Math.sqrt((priorDof * priorVariance + rss) / (priorDof + dof));
	}
}
