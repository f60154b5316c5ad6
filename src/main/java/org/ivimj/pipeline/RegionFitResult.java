package org.ivimj.pipeline;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.converter.Converters;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.IntArray;
import net.imglib2.loops.LoopBuilder;
import net.imglib2.type.numeric.IntegerType;
import net.imglib2.type.numeric.integer.IntType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;

import org.ivimj.analysis.HistogramFeatures;
import org.ivimj.fit.BatchResult;
import org.ivimj.fit.FitMethod;
import org.ivimj.fit.FitOptions;
import org.ivimj.fit.ModelSelection;
import org.ivimj.fit.ProtocolCheck;

/**
 * What {@link RegionFit} made, stored once: the region's signals (voxel-major) and per method one
 * structure of arrays ({@link BatchResult}: parameters, standard errors, R², RSS, status per voxel).
 * Everything else is read from them without another pass over the image: maps are views over the
 * stored arrays ({@link #map}), ROI statistics and the ROI mean-signal fit come from {@link #summarize},
 * model selection from the stored residuals ({@link #selectModels}), histogram features from
 * {@link #histogram}.
 * <p>
 * Voxels are numbered in the flat iteration order of the series' spatial dimensions (x fastest).
 */
public final class RegionFitResult {

	private final double[] bValues;
	private final FitOptions options;
	/** Voxel numbers over the series' spatial interval (its own min, not necessarily 0). */
	private final RandomAccessibleInterval<IntType> index;
	private final int[] voxelAt;
	private final RandomAccessibleInterval<? extends IntegerType<?>> labels;
	private final float[] signals;
	private final Map<FitMethod, BatchResult> fits;
	private final boolean cancelled;
	private final long gatherNanos, fitNanos;
	private final int voxels;

	RegionFitResult(double[] bValues, FitOptions options, ArrayImg<IntType, IntArray> index, long[] spatialMin,
		RandomAccessibleInterval<? extends IntegerType<?>> labels, float[] signals, Map<FitMethod, BatchResult> fits,
		boolean cancelled, long gatherNanos, long fitNanos)
	{
		this.bValues = bValues;
		this.options = options;
		this.index = Views.translate(index, spatialMin);
		this.voxelAt = index.update(null).getCurrentStorageArray();
		this.labels = labels;
		this.signals = signals;
		this.fits = Collections.unmodifiableMap(fits);
		this.cancelled = cancelled;
		this.gatherNanos = gatherNanos;
		this.fitNanos = fitNanos;
		this.voxels = signals.length / bValues.length;
	}

	public double[] bValues() { return bValues.clone(); }
	/** The options the fits used (a copy). */
	public FitOptions options() { return options.clone(); }
	/** Number of fitted voxels. */
	public int voxelCount() { return voxels; }
	/** Whether the run was cancelled: the methods after the cancelled one are missing, its voxels not reached NaN. */
	public boolean cancelled() { return cancelled; }
	/** Nanoseconds spent reading the region's signals, and fitting. */
	public long gatherNanos() { return gatherNanos; }
	public long fitNanos() { return fitNanos; }

	/** The fitted methods in order, with their per-voxel results. */
	public Map<FitMethod, BatchResult> results() {
		return fits;
	}

	public List<FitMethod> methods() {
		return new ArrayList<>(fits.keySet());
	}

	/** One method's per-voxel results; throws IllegalArgumentException if it was not fitted. */
	public BatchResult result(FitMethod m) {
		BatchResult r = fits.get(m);
		if (r == null) throw new IllegalArgumentException(m.label() + " was not fitted; fitted: " + fits.keySet());
		return r;
	}

	/** The region's signals, voxel-major (voxel v's value at b-value i at {@code v * bValues().length + i}); not a copy. */
	public float[] signals() {
		return signals;
	}

	/**
	 * The voxel number of every spatial position, −1 outside the region (a view of the stored index, over
	 * the series' spatial interval).
	 */
	public RandomAccessibleInterval<IntType> voxelIndex() {
		return index;
	}

	/** The fraction of voxels whose signal rises from the lowest to the highest b ({@link ProtocolCheck#risingFraction}). */
	public double risingFraction() {
		return ProtocolCheck.risingFraction(bValues, signals);
	}

	// ---- maps: views over the stored arrays ----

	/**
	 * Any per-voxel values (in voxel order) as an image of the series' spatial dimensions, NaN outside the
	 * region: a view reading the array on access, nothing copied.
	 */
	public RandomAccessibleInterval<FloatType> view(float[] perVoxel) {
		if (perVoxel.length != voxels) throw new IllegalArgumentException(perVoxel.length + " values for " + voxels + " voxels");
		return Converters.convert(index, (i, o) -> {
			int v = i.getInt();
			o.set(v < 0 ? Float.NaN : perVoxel[v]);
		}, new FloatType());
	}

	/** Parameter {@code k} of a method (in {@link FitMethod#parameterNames()} order) as a map view. */
	public RandomAccessibleInterval<FloatType> map(FitMethod m, int k) {
		return view(result(m).parameters[k]);
	}

	/** Standard error (posterior SD for the region methods) of parameter {@code k} as a map view. */
	public RandomAccessibleInterval<FloatType> standardErrorMap(FitMethod m, int k) {
		return view(result(m).standardErrors[k]);
	}

	public RandomAccessibleInterval<FloatType> rSquaredMap(FitMethod m) {
		return view(result(m).rSquared);
	}

	/** Fit status codes ({@link org.ivimj.fit.FitStatus#code()}) as a map view, NaN where a voxel was not reached. */
	public RandomAccessibleInterval<FloatType> statusMap(FitMethod m) {
		byte[] status = result(m).status;
		return Converters.convert(index, (i, o) -> {
			int v = i.getInt();
			o.set(v < 0 || status[v] < 0 ? Float.NaN : status[v]);
		}, new FloatType());
	}

	/**
	 * Per-voxel model labels ({@link ModelSelection#MONO} ...) by an information criterion, from the stored
	 * residuals of the mono (non-linear), free bi-exponential and stretched fits where they were fitted;
	 * only the models missing are fitted, on the stored signals. Null if cancelled.
	 */
	public byte[] selectModels(ModelSelection.Criterion criterion, int threads, BooleanSupplier cancelled) {
		return ModelSelection.selectVoxels(bValues, options, criterion, signals, fits, threads, null, cancelled);
	}

	// ---- ROIs ----

	/** The voxels labelled {@code label}, ascending (flat order). */
	public int[] voxelsWithLabel(int label) {
		if (labels == null) throw new IllegalStateException("No label image: the whole image was fitted.");
		int[] out = new int[voxels];
		int n = 0;
		net.imglib2.Cursor<? extends IntegerType<?>> c = Views.flatIterable(labels).cursor();
		for (int i = 0; i < voxelAt.length; i++)
			if (c.next().getIntegerLong() == label && voxelAt[i] >= 0) out[n++] = voxelAt[i];
		return java.util.Arrays.copyOf(out, n);
	}

	/**
	 * The fitted voxels where {@code mask} (any sub-interval of the spatial dimensions, e.g. one slice) is
	 * non-zero, in flat order; masks may overlap, unlike labels.
	 */
	public int[] voxelsIn(RandomAccessibleInterval<? extends IntegerType<?>> mask) {
		int[] out = new int[(int) Math.min(voxels, net.imglib2.util.Intervals.numElements(mask))];
		int[] n = {0};
		LoopBuilder.setImages(mask, Views.interval(index, mask)).flatIterationOrder().forEachPixel((m, v) -> {
			if (m.getIntegerLong() != 0 && v.getInt() >= 0) out[n[0]++] = v.getInt();
		});
		return java.util.Arrays.copyOf(out, n[0]);
	}

	/** Statistics of ROI {@code label} of the label image (see {@link #summarize(int[])}). */
	public RegionSummary summarize(int label) {
		return summarize(voxelsWithLabel(label));
	}

	/** Statistics of the given voxels for every fitted method, and the fit of their mean signal. */
	public RegionSummary summarize(int[] voxelList) {
		return new RegionSummary(this, voxelList);
	}

	/**
	 * Copies parameter {@code k} of a method at the given voxels into {@code out} (from index {@code from});
	 * returns the number written.
	 */
	public int values(FitMethod m, int k, int[] voxelList, double[] out, int from) {
		float[] p = result(m).parameters[k];
		for (int i = 0; i < voxelList.length; i++) out[from + i] = p[voxelList[i]];
		return voxelList.length;
	}

	/** Whole-region histogram features ({@link HistogramFeatures}) of parameter {@code k} over the given voxels. */
	public HistogramFeatures histogram(FitMethod m, int k, int[] voxelList) {
		double[] v = new double[voxelList.length];
		return HistogramFeatures.of(v, values(m, k, voxelList, v, 0));
	}

	int[] voxelAt() {
		return voxelAt;
	}
}
