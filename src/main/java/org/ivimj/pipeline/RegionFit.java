package org.ivimj.pipeline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.IntArray;
import net.imglib2.type.numeric.IntegerType;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.IntType;
import net.imglib2.util.Intervals;
import net.imglib2.view.Views;

import org.ivimj.fit.BatchFit;
import org.ivimj.fit.BatchResult;
import org.ivimj.fit.FitMethod;
import org.ivimj.fit.FitOptions;
import org.ivimj.fit.Neighbours;
import org.ivimj.fit.ProtocolCheck;

/**
 * Fits a region of a diffusion series with one or more methods, once: the region-fit pipeline. The
 * series is any ImgLib2 {@link RandomAccessibleInterval} of dimensions (x, y, z, b) or (x, y, z, b, t)
 * (t: separate volumes, e.g. time points), of any real pixel type; the region is a label image of its
 * spatial dimensions (x, y, z[, t]): every voxel with a label other than 0 is fitted, and each label is
 * an ROI for {@link RegionFitResult#summarize(int)}. The image is read once, into the region's
 * voxel-major signals; every output (maps, ROI statistics, ROI mean-signal fits, model selection,
 * histogram features) is then read from the stored {@link RegionFitResult}. No ImageJ here: a script
 * calls it on any image, e.g.
 * <pre>
 * RegionFitResult r = RegionFit.of(series, bValues).labels(rois).methods(FitMethod.BI_FREE).run();
 * RandomAccessibleInterval&lt;FloatType&gt; d = r.map(FitMethod.BI_FREE, 2);   // a view, no copy
 * RegionSummary roi1 = r.summarize(1);
 * </pre>
 */
public final class RegionFit {

	/** Index of the b dimension of the series. */
	public static final int B_DIMENSION = 3;

	private final RandomAccessibleInterval<? extends RealType<?>> series;
	private final double[] bValues;
	private RandomAccessibleInterval<? extends IntegerType<?>> labels;
	private final List<FitMethod> methods = new ArrayList<>();
	private FitOptions options = new FitOptions();
	private int threads = Runtime.getRuntime().availableProcessors();
	private BatchFit.Progress progress;
	private BooleanSupplier cancelled;

	private RegionFit(RandomAccessibleInterval<? extends RealType<?>> series, double[] bValues) {
		if (series.numDimensions() != 4 && series.numDimensions() != 5) throw new IllegalArgumentException(
			"The series needs dimensions (x, y, z, b) or (x, y, z, b, t), not " + series.numDimensions());
		if (series.dimension(B_DIMENSION) != bValues.length) throw new IllegalArgumentException("The series has "
			+ series.dimension(B_DIMENSION) + " b-images but " + bValues.length + " b-values are given.");
		this.series = series;
		this.bValues = bValues.clone();
	}

	/** A fit of {@code series} (x, y, z, b[, t]) with its b-values (s/mm²); the whole image unless a region is given. */
	public static RegionFit of(RandomAccessibleInterval<? extends RealType<?>> series, double[] bValues) {
		return new RegionFit(series, bValues);
	}

	/** The region: voxels labelled other than 0 are fitted; each label is an ROI. Same interval as the series without b. */
	public RegionFit labels(RandomAccessibleInterval<? extends IntegerType<?>> labelImage) {
		long[] spatial = spatialDimensions(series);
		long[] given = Intervals.dimensionsAsLongArray(labelImage);
		if (!Arrays.equals(spatial, given)) throw new IllegalArgumentException("The label image is "
			+ Arrays.toString(given) + " but the series without its b dimension is " + Arrays.toString(spatial));
		labels = labelImage;
		return this;
	}

	public RegionFit methods(FitMethod... m) {
		return methods(Arrays.asList(m));
	}

	public RegionFit methods(Collection<FitMethod> m) {
		methods.clear();
		methods.addAll(m);
		return this;
	}

	/** Fit options (bounds, noise σ, ...); copied. */
	public RegionFit options(FitOptions o) {
		options = o == null ? new FitOptions() : o.clone();
		return this;
	}

	public RegionFit threads(int n) {
		threads = Math.max(1, n);
		return this;
	}

	/** Fraction done over all methods; may be null. */
	public RegionFit progress(BatchFit.Progress p) {
		progress = p;
		return this;
	}

	/** Polled between blocks of voxels; a cancelled run returns with {@link RegionFitResult#cancelled()} set. */
	public RegionFit cancelled(BooleanSupplier c) {
		cancelled = c;
		return this;
	}

	/**
	 * Throws {@link IllegalArgumentException} with a message for the user if a method cannot fit this
	 * protocol with these options (before any voxel is read).
	 */
	public static void check(Collection<FitMethod> methods, double[] bValues, FitOptions options) {
		FitOptions o = options == null ? new FitOptions() : options;
		o.clone().validate();
		for (FitMethod m : methods) {
			ProtocolCheck.check(m, bValues, o);
			try {
				// The region fits start from free fits, so the free fitter validates their b-values and options.
				m.singleSignalMethod().fitter(bValues, o);
			}
			catch (IllegalArgumentException e) {
				throw new IllegalArgumentException(m.label() + ": " + e.getMessage(), e);
			}
		}
	}

	/** Reads the region's signals once and fits every method; failures throw IllegalArgumentException naming the method. */
	public RegionFitResult run() {
		if (methods.isEmpty()) throw new IllegalArgumentException("No fit method chosen.");
		check(methods, bValues, options);
		long t0 = System.nanoTime();
		ArrayImg<IntType, IntArray> index = index(series, labels);
		int voxels = count(index);
		float[] signals = gather(series, index, voxels);
		long t1 = System.nanoTime();
		Map<FitMethod, BatchResult> fits = new LinkedHashMap<>();
		Neighbours neighbours = null;
		boolean stopped = false;
		for (int k = 0; k < methods.size(); k++) {
			FitMethod m = methods.get(k);
			final int done = k, total = methods.size();
			BatchFit.Progress p = progress == null ? null : f -> progress.update((done + f) / total);
			if (m.scope() == FitMethod.Scope.GRID && neighbours == null) neighbours = neighbours(index);
			BatchResult r;
			try {
				r = m.fitRegion(bValues, options, signals, neighbours, threads, p, cancelled);
			}
			catch (IllegalArgumentException e) {
				throw new IllegalArgumentException(m.label() + ": " + e.getMessage(), e);
			}
			fits.put(m, r);
			if (r.cancelled) {
				stopped = true;
				break;
			}
		}
		long t2 = System.nanoTime();
		long[] min = new long[series.numDimensions() - 1];
		for (int d = 0, j = 0; d < series.numDimensions(); d++)
			if (d != B_DIMENSION) min[j++] = series.min(d);
		return new RegionFitResult(bValues, options, index, min, labels, signals, fits, stopped, t1 - t0, t2 - t1);
	}

	/**
	 * The signals of the voxels labelled other than 0 (all voxels if {@code labels} is null), voxel-major in
	 * flat order, as the fits read them.
	 */
	public static float[] signals(RandomAccessibleInterval<? extends RealType<?>> series,
		RandomAccessibleInterval<? extends IntegerType<?>> labels)
	{
		ArrayImg<IntType, IntArray> index = index(series, labels);
		return gather(series, index, count(index));
	}

	static long[] spatialDimensions(RandomAccessibleInterval<?> series) {
		long[] d = Intervals.dimensionsAsLongArray(series);
		long[] s = new long[d.length - 1];
		for (int i = 0, j = 0; i < d.length; i++)
			if (i != B_DIMENSION) s[j++] = d[i];
		return s;
	}

	/**
	 * The voxel number of every spatial position (-1 outside the region): voxels are numbered in flat
	 * iteration order (x fastest, then y, z, t), which is also their order in the stored results.
	 */
	private static ArrayImg<IntType, IntArray> index(RandomAccessibleInterval<? extends RealType<?>> series,
		RandomAccessibleInterval<? extends IntegerType<?>> labels)
	{
		ArrayImg<IntType, IntArray> index = ArrayImgs.ints(spatialDimensions(series));
		int[] at = index.update(null).getCurrentStorageArray();
		if (labels == null) {
			for (int i = 0; i < at.length; i++) at[i] = i;
			return index;
		}
		Cursor<? extends IntegerType<?>> c = Views.flatIterable(labels).cursor();
		int v = 0;
		for (int i = 0; i < at.length; i++)
			at[i] = c.next().getIntegerLong() != 0 ? v++ : -1;
		return index;
	}

	private static int count(ArrayImg<IntType, IntArray> index) {
		int n = 0;
		for (int i : index.update(null).getCurrentStorageArray())
			if (i >= 0) n++;
		return n;
	}

	/**
	 * The region's signals, voxel-major (voxel v's value at b-value i at {@code v * nb + i}), in one pass
	 * over the series in its flat iteration order (x, y, z, b, t): for an ImgLib2 image whose own order is
	 * flat (ArrayImg, PlanarImg, as ImageJ's stacks are wrapped) that is its fast cursor.
	 */
	private static float[] gather(RandomAccessibleInterval<? extends RealType<?>> series, ArrayImg<IntType, IntArray> index,
		int voxels)
	{
		int nb = (int) series.dimension(B_DIMENSION);
		int[] at = index.update(null).getCurrentStorageArray();
		int volume = 1;
		for (int d = 0; d < B_DIMENSION; d++) volume *= (int) series.dimension(d);
		int volumes = at.length / volume;
		float[] signals = new float[voxels * nb];
		Cursor<? extends RealType<?>> c = Views.flatIterable(series).cursor();
		for (int t = 0; t < volumes; t++)
			for (int b = 0; b < nb; b++)
				for (int i = 0, o = t * volume; i < volume; i++) {
					RealType<?> s = c.next();
					int v = at[o + i];
					if (v >= 0) signals[v * nb + b] = s.getRealFloat();
				}
		return signals;
	}

	/** 4-neighbours within a slice and the same pixel on the slices above and below; volumes (t) apart. */
	private static Neighbours neighbours(ArrayImg<IntType, IntArray> index) {
		long[] d = index.dimensionsAsLongArray();
		return Neighbours.ofGrid(index.update(null).getCurrentStorageArray(), (int) d[0], (int) d[1], (int) d[2]);
	}
}
