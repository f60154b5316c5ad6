package org.ivimj.pipeline;

import java.util.LinkedHashMap;
import java.util.Map;

import org.ivimj.analysis.SampleSummary;
import org.ivimj.fit.BatchResult;
import org.ivimj.fit.FitMethod;
import org.ivimj.fit.FitResult;
import org.ivimj.fit.Ivim;

/**
 * One ROI's statistics from a {@link RegionFitResult}: per method and parameter the mean, SD and median
 * over the ROI's voxels (failed voxels skipped), the number of voxels with a fitted value, the mean
 * posterior SD (region methods), and the fit of the ROI's mean signal, averaged from the stored signals.
 */
public final class RegionSummary {

	/** One method's part of the summary. */
	public static final class MethodSummary {
		/** Per parameter, over the ROI's voxels. */
		public final SampleSummary[] parameters;
		/** Mean posterior SD per parameter ({@link FitMethod#posteriorStandardErrors()}); null for other methods. */
		public final double[] meanPosteriorSd;
		/** Voxels with a fitted value (the first parameter finite). */
		public final int valid;
		/** The fit of the ROI's mean signal ({@link FitMethod#singleSignalMethod()}). */
		public final FitResult meanSignalFit;

		MethodSummary(SampleSummary[] parameters, double[] meanPosteriorSd, FitResult meanSignalFit) {
			this.parameters = parameters;
			this.meanPosteriorSd = meanPosteriorSd;
			this.valid = parameters[0].count;
			this.meanSignalFit = meanSignalFit;
		}
	}

	/** The ROI's voxels (voxel numbers of the result), ascending. */
	public final int[] voxels;
	/** Mean signal per b-value over the ROI; NaN for an empty ROI. */
	public final double[] meanSignal;
	/** Per fitted method, in fit order. */
	public final Map<FitMethod, MethodSummary> methods;

	RegionSummary(RegionFitResult r, int[] voxels) {
		this.voxels = voxels.clone();
		double[] b = r.bValues();
		int nb = b.length;
		float[] signals = r.signals();
		meanSignal = new double[nb];
		for (int i = 0; i < nb; i++) {
			double sum = 0;
			for (int v : voxels) sum += signals[v * nb + i];
			meanSignal[i] = voxels.length == 0 ? Double.NaN : sum / voxels.length;
		}
		Map<FitMethod, MethodSummary> m = new LinkedHashMap<>();
		double[] values = new double[voxels.length];
		for (Map.Entry<FitMethod, BatchResult> e : r.results().entrySet()) {
			FitMethod method = e.getKey();
			BatchResult fit = e.getValue();
			int np = method.parameterCount();
			SampleSummary[] s = new SampleSummary[np];
			for (int k = 0; k < np; k++) s[k] = summary(fit.parameters[k], voxels, values);
			double[] postSd = null;
			if (method.posteriorStandardErrors()) {
				postSd = new double[np];
				for (int k = 0; k < np; k++) postSd[k] = summary(fit.standardErrors[k], voxels, values).mean;
			}
			FitResult meanFit = Ivim.fit(method.singleSignalMethod(), b, meanSignal, r.options());
			m.put(method, new MethodSummary(s, postSd, meanFit));
		}
		methods = java.util.Collections.unmodifiableMap(m);
	}

	private static SampleSummary summary(float[] perVoxel, int[] voxels, double[] work) {
		for (int i = 0; i < voxels.length; i++) work[i] = perVoxel[voxels[i]];
		return SampleSummary.of(work, voxels.length);
	}

	/** A method's summary; throws IllegalArgumentException if it was not fitted. */
	public MethodSummary of(FitMethod m) {
		MethodSummary s = methods.get(m);
		if (s == null) throw new IllegalArgumentException(m.label() + " was not fitted");
		return s;
	}

	/** Counts of each model label ({@link org.ivimj.fit.ModelSelection#NONE} ... STRETCHED) over the ROI. */
	public int[] modelCounts(byte[] modelLabels) {
		int[] counts = new int[org.ivimj.fit.ModelSelection.LABELS.length];
		for (int v : voxels)
			if (modelLabels[v] >= 0 && modelLabels[v] < counts.length) counts[modelLabels[v]]++;
		return counts;
	}
}
