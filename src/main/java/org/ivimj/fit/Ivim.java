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
		return method.fitter(bValues, options);
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
		return method.fitRegion(bValues, options, signals, null, threads, progress, cancelled);
	}
}
