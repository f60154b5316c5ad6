package org.ivimj.fit;

import java.util.function.BooleanSupplier;

/**
 * The one entry point for scripts (Groovy, Jython, BeanShell in Fiji's script editor, or plain Java):
 * fit one signal, or many voxels on all cores, with any IVIM-J method. For example in Groovy:
 * <pre>
 * import org.ivimj.fit.*
 * def b = [0, 20, 50, 100, 150, 200, 400, 800, 1200, 1500] as double[]
 * def r = Ivim.fit(FitMethod.BI_FREE, b, signal as double[])
 * println "f=${r.parameters[1]} D=${r.parameters[2]} D*=${r.parameters[3]} (${r.status})"
 * </pre>
 */
public final class Ivim {

	private Ivim() {}

	/** A reusable fitter for one set of b-values (one per thread; see {@link VoxelFit}). */
	public static VoxelFit fitter(FitMethod method, double[] bValues, FitOptions options) {
		switch (method) {
			case MONO_LOG_LINEAR:
			case MONO_NONLINEAR:
				return new MonoExponentialFit(method, bValues, options);
			case BI_SEGMENTED:
				return new SegmentedBiexponentialFit(bValues, options);
			case BI_FREE:
				return new FreeBiexponentialFit(bValues, options);
			case STRETCHED:
				return new StretchedExponentialFit(bValues, options);
			case IVIM_KURTOSIS_SEGMENTED:
				return new IvimKurtosisFit(bValues, options, false);
			case IVIM_KURTOSIS_FREE:
				return new IvimKurtosisFit(bValues, options, true);
			case MONO_KURTOSIS:
				return new MonoKurtosisFit(bValues, options);
			case BI_SPATIAL:
				throw new IllegalArgumentException(method.label() + " fits a region on its voxel grid: use "
					+ "SpatialBiexponentialFit with the region's Neighbours (or Fit IVIM Maps), or the free fit for a single signal.");
			case BI_SHRINKAGE:
				throw new IllegalArgumentException(method.label() + " fits a whole region at once: use Ivim.fitVoxels "
					+ "or ShrinkageBiexponentialFit, or the free fit for a single signal.");
			default:
				throw new IllegalArgumentException("Unknown method " + method);
		}
	}

	/** Fits one signal with default options. */
	public static FitResult fit(FitMethod method, double[] bValues, double[] signal) {
		return fit(method, bValues, signal, null);
	}

	/** Fits one signal. */
	public static FitResult fit(FitMethod method, double[] bValues, double[] signal, FitOptions options) {
		if (signal.length != bValues.length) throw new IllegalArgumentException("The signal has "
			+ signal.length + " values but there are " + bValues.length + " b-values.");
		VoxelFit f = fitter(method, bValues, options);
		FitResult r = f.newResult();
		f.fit(signal, r);
		return r;
	}

	/**
	 * Fits many voxels on all cores. {@code signals} is voxel-major: voxel v's value at b-value i is
	 * {@code signals[v * bValues.length + i]}.
	 */
	public static BatchResult fitVoxels(FitMethod method, double[] bValues, FitOptions options, float[] signals) {
		// Every method, the region-wide shrinkage fit included, goes the one way below.
		return fitVoxels(method, bValues, options, signals, Runtime.getRuntime().availableProcessors(), null, null);
	}

	/** As {@link #fitVoxels(FitMethod, double[], FitOptions, float[])} with thread count, progress and cancel. */
	public static BatchResult fitVoxels(FitMethod method, double[] bValues, FitOptions options, float[] signals,
		int threads, BatchFit.Progress progress, BooleanSupplier cancelled)
	{
		if (method == FitMethod.BI_SPATIAL) fitter(method, bValues, options); // refuses: no grid here
		if (method == FitMethod.BI_SHRINKAGE) {
			FitOptions o = options == null ? new FitOptions() : options;
			ShrinkageBiexponentialFit fit = new ShrinkageBiexponentialFit(bValues, o).priorComponents(o.priorComponents());
			if (!Double.isNaN(o.noiseSigma())) fit.noiseSigma(o.noiseSigma());
			return fit.fit(signals, threads, progress, cancelled).asBatchResult();
		}
		return BatchFit.fit(fitter(method, bValues, options), signals, threads, progress, cancelled);
	}
}
