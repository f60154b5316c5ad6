package org.ivimj.fit;

import java.util.function.BooleanSupplier;

/**
 * Per-voxel choice among the mono-exponential (non-linear), free bi-exponential and stretched
 * models by an information criterion computed from each fit's residual sum of squares under Gaussian
 * noise: AIC = n ln(RSS/n) + 2k, its small-sample correction AICc = AIC + 2k(k + 1)/(n − k − 1)
 * (Hurvich and Tsai 1989), or BIC = n ln(RSS/n) + k ln n, with k the model's parameters plus one for
 * the noise variance. The lowest score wins. One instance per thread.
 */
public final class ModelSelection {

	/** The information criterion. */
	public enum Criterion {
		AICC, BIC
	}

	/** Labels written to label maps: 0 none could be fitted, then one per model. */
	public static final int NONE = 0, MONO = 1, BIEXPONENTIAL = 2, STRETCHED = 3;
	/** Names of the labels, indexed by label. */
	public static final String[] LABELS = {"none", "mono", "bi-exponential", "stretched"};

	private static final FitMethod[] METHODS = {FitMethod.MONO_NONLINEAR, FitMethod.BI_FREE, FitMethod.STRETCHED};

	private final Criterion criterion;
	private final VoxelFit[] fits = new VoxelFit[3];
	private final FitResult[] results = new FitResult[3];
	private final double[] scores = new double[3];

	public ModelSelection(double[] bValues, FitOptions options, Criterion criterion) {
		this.criterion = criterion;
		// Mono over all b-values: the comparison must use the same data for every model.
		FitOptions all = sameData(options);
		for (int i = 0; i < 3; i++) {
			fits[i] = Ivim.fitter(METHODS[i], bValues, all);
			results[i] = fits[i].newResult();
		}
	}

	/** Fits all three models and returns the label of the best; {@link #scores()} then holds the scores. */
	public int select(double[] signal) {
		int n = signal.length;
		for (int i = 0; i < 3; i++) {
			fits[i].fit(signal, results[i]);
			scores[i] = results[i].status.hasParameters() ? score(results[i].rss, n, METHODS[i].parameterCount() + 1)
				: Double.NaN;
		}
		return best(scores);
	}

	/** The label of the lowest finite score (mono, bi-exponential, stretched), or NONE. */
	private static int best(double[] scores) {
		int best = NONE;
		double bestScore = Double.POSITIVE_INFINITY;
		for (int i = 0; i < scores.length; i++)
			if (scores[i] < bestScore) {
				bestScore = scores[i];
				best = i + 1;
			}
		return best;
	}

	/** The last {@link #select} call's scores for mono, bi-exponential and stretched (NaN: not fitted or undefined). */
	public double[] scores() {
		return scores;
	}

	/** The last fit of a model (label MONO, BIEXPONENTIAL or STRETCHED). */
	public FitResult result(int label) {
		return results[label - 1];
	}

	double score(double rss, int n, int k) {
		return score(criterion, rss, n, k);
	}

	private static double score(Criterion criterion, double rss, int n, int k) {
		if (!(rss >= 0)) return Double.NaN;
		double logLik = n * Math.log(Math.max(rss, Double.MIN_NORMAL) / n);
		if (criterion == Criterion.BIC) return logLik + k * Math.log(n);
		if (n - k - 1 <= 0) return Double.NaN;
		return logLik + 2 * k + 2.0 * k * (k + 1) / (n - k - 1);
	}

	/** Labels for many voxels (voxel-major signals as in {@link BatchFit}) on all cores. */
	public static byte[] selectVoxels(double[] bValues, FitOptions options, Criterion criterion, float[] signals,
		int threads, BatchFit.Progress progress, BooleanSupplier cancelled)
	{
		int nb = bValues.length;
		byte[] labels = new byte[signals.length / nb];
		ParallelVoxels.run(labels.length, threads, t -> {
			ModelSelection selection = new ModelSelection(bValues, options, criterion);
			double[] s = new double[nb];
			return v -> {
				for (int i = 0; i < nb; i++) s[i] = signals[v * nb + i];
				labels[v] = (byte) selection.select(s);
			};
		}, progress, cancelled);
		return labels;
	}

	/** The options every model is fitted with here: mono over all b-values, so every model sees the same data. */
	private static FitOptions sameData(FitOptions options) {
		return (options == null ? new FitOptions() : options.clone()).monoBValues((double[]) null)
			.monoBRange(0, Double.POSITIVE_INFINITY);
	}

	/**
	 * Labels for many voxels from fits already made: each model's stored residual sums of squares and
	 * statuses are reused where {@code fitted} holds that model fitted on the same data (the free and
	 * stretched fits always; the non-linear mono fit when it used every b-value); only the models missing
	 * there are fitted (on the stored signals, not the image). Returns null if cancelled.
	 *
	 * @param fitted per method, results over the same voxels as {@code signals}
	 */
	public static byte[] selectVoxels(double[] bValues, FitOptions options, Criterion criterion, float[] signals,
		java.util.Map<FitMethod, BatchResult> fitted, int threads, BatchFit.Progress progress, BooleanSupplier cancelled)
	{
		int nb = bValues.length;
		BatchResult[] r = new BatchResult[3];
		for (int i = 0; i < 3; i++) {
			BatchResult stored = fitted.get(METHODS[i]);
			r[i] = stored != null && METHODS[i].fitsAllBValues(bValues, options) ? stored
				: BatchFit.fit(Ivim.fitter(METHODS[i], bValues, sameData(options)), signals, threads, progress, cancelled);
			if (r[i].cancelled) return null;
		}
		byte[] labels = new byte[signals.length / nb];
		double[] scores = new double[3];
		for (int v = 0; v < labels.length; v++) {
			for (int i = 0; i < 3; i++) {
				scores[i] = FitStatus.hasParameters(r[i].status[v])
					? score(criterion, r[i].rss[v], nb, METHODS[i].parameterCount() + 1) : Double.NaN;
			}
			labels[v] = (byte) best(scores);
		}
		return labels;
	}
}
