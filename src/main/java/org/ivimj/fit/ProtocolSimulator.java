package org.ivimj.fit;

import java.util.Random;

import org.ivimj.model.SignalModel;

/**
 * Monte-Carlo evaluation of an acquisition protocol: simulates a tissue's signal on the given
 * b-values with Rician noise at a given SNR (S0/σ), fits it with a method many times, and reports
 * per parameter the bias, SD and RMSE next to the Cramér–Rao lower bound of the model that generated
 * the data (σ√[(JᵀJ)⁻¹]). Users choose b-values with it: there is no standard b-value set for IVIM.
 */
public final class ProtocolSimulator {

	/** One parameter's summary. */
	public static final class Row {
		public final String parameter;
		public final double truth, mean, bias, sd, rmse, cramerRao;
		/** Fraction of realisations with a usable fit. */
		public final double fitted;

		Row(String parameter, double truth, double mean, double sd, double cramerRao, double fitted) {
			this.parameter = parameter;
			this.truth = truth;
			this.mean = mean;
			this.bias = mean - truth;
			this.sd = sd;
			this.rmse = Math.sqrt(bias * bias + sd * sd);
			this.cramerRao = cramerRao;
			this.fitted = fitted;
		}

		@Override
		public String toString() {
			return String.format(java.util.Locale.ROOT, "%s: truth %.5g, bias %.3g, SD %.3g, RMSE %.3g, CRB %.3g, fitted %.1f%%",
				parameter, truth, bias, sd, rmse, cramerRao, 100 * fitted);
		}
	}

	private ProtocolSimulator() {}

	/** The generating model of a method's parameters (bi-exponential for both IVIM methods). */
	public static SignalModel modelOf(FitMethod method) {
		return method.model();
	}

	/**
	 * Simulates {@code realisations} noisy signals of {@code truth} (parameters of the method's
	 * model, in its order) and fits them. The region-wide fits see the realisations as one homogeneous
	 * region: the shrinkage fit as its population, the spatial fit as a square patch of neighbours.
	 *
	 * @return one row per parameter, in the method's order
	 */
	public static Row[] simulate(double[] bValues, FitMethod method, double[] truth, double snr, int realisations,
		FitOptions options, long seed)
	{
		SignalModel model = modelOf(method);
		if (truth.length != model.parameterCount()) throw new IllegalArgumentException(method.label() + " needs "
			+ model.parameterCount() + " tissue parameters " + java.util.Arrays.toString(method.parameterNames())
			+ ", not " + truth.length);
		if (!(snr > 0)) throw new IllegalArgumentException("SNR must be positive, not " + snr);
		if (realisations < 2) throw new IllegalArgumentException("Simulate at least 2 realisations");
		ProtocolCheck.check(method, bValues, options);
		int nb = bValues.length;
		double sigma = truth[0] / snr;
		Random rnd = new Random(seed);
		float[] signals = new float[realisations * nb];
		for (int r = 0; r < realisations; r++)
			for (int i = 0; i < nb; i++) {
				double re = model.value(bValues[i], truth) + sigma * rnd.nextGaussian(), im = sigma * rnd.nextGaussian();
				signals[r * nb + i] = (float) Math.sqrt(re * re + im * im);
			}
		// Region methods see the realisations as one region; the spatial fit as a square patch of neighbours.
		BatchResult fits = method.fitRegion(bValues, options, signals, squarePatch(realisations),
			Runtime.getRuntime().availableProcessors(), null, null);
		// The mono-kurtosis fit sees only the b-values at and above the threshold: so does its bound.
		double[] crb = cramerRao(model, method.fittedBValues(bValues, options), truth, sigma);
		String[] names = method.parameterNames();
		Row[] rows = new Row[names.length];
		for (int k = 0; k < names.length; k++) {
			double sum = 0, sum2 = 0;
			int n = 0;
			for (float x : fits.parameters[k])
				if (Float.isFinite(x)) {
					sum += x;
					sum2 += (double) x * x;
					n++;
				}
			double mean = n > 0 ? sum / n : Double.NaN;
			double sd = n > 1 ? Math.sqrt(Math.max(0, (sum2 - n * mean * mean) / (n - 1))) : Double.NaN;
			rows[k] = new Row(names[k], truth[k], mean, sd, crb[k], (double) n / realisations);
		}
		return rows;
	}

	/**
	 * The spatially regularised fit of the realisations laid out as one homogeneous square region (row by
	 * row, 4-neighbours): what the method gains on uniform tissue. (The shrinkage fit treats the
	 * realisations as one region without a layout.)
	 */
	private static Neighbours squarePatch(int n) {
		int w = (int) Math.ceil(Math.sqrt(n)), h = (n + w - 1) / w;
		int[] voxelAt = new int[w * h];
		for (int i = 0; i < voxelAt.length; i++) voxelAt[i] = i < n ? i : -1;
		return Neighbours.ofGrid(voxelAt, w, h, 1);
	}

	/** Cramér–Rao SDs σ√diag[(JᵀJ)⁻¹] for Gaussian noise of SD σ; NaN where not determined. */
	public static double[] cramerRao(SignalModel model, double[] bValues, double[] p, double sigma) {
		int n = model.parameterCount();
		double[] a = new double[n * n], g = new double[n];
		for (double b : bValues) {
			model.valueAndGradient(b, p, g);
			for (int k = 0; k < n; k++)
				for (int l = 0; l < n; l++) a[k * n + l] += g[k] * g[l];
		}
		double[] sd = new double[n];
		java.util.Arrays.fill(sd, Double.NaN);
		double[] scale = new double[n];
		for (int k = 0; k < n; k++) {
			if (!(a[k * n + k] > 0)) return sd;
			scale[k] = Math.sqrt(a[k * n + k]);
		}
		double[] l = new double[n * n];
		for (int k = 0; k < n; k++)
			for (int j = 0; j < n; j++) l[k * n + j] = a[k * n + j] / (scale[k] * scale[j]);
		if (!BoundedLevenbergMarquardt.cholesky(l, n, n)) return sd;
		double[] e = new double[n];
		for (int k = 0; k < n; k++) {
			java.util.Arrays.fill(e, 0);
			e[k] = 1;
			BoundedLevenbergMarquardt.choleskySolve(l, n, n, e);
			sd[k] = sigma * Math.sqrt(e[k]) / scale[k];
		}
		return sd;
	}
}
