package org.ivimj.fit;

import java.util.function.BooleanSupplier;

/**
 * Fits many voxels on all cores. Signals come as one flat array, voxel after voxel, each in the order
 * of the fitter's b-values; results come back as one array per parameter. Each thread fits with its
 * own {@link VoxelFit#copy()} and result holder (see {@link ParallelVoxels}), so the loop allocates
 * nothing per voxel.
 */
public final class BatchFit {

	/** Receives the fraction done, from any thread; keep it cheap. */
	public interface Progress {
		void update(double fractionDone);
	}

	private BatchFit() {}

	/** Fits every voxel with all available processors, no progress and no cancellation. */
	public static BatchResult fit(VoxelFit prototype, float[] signals) {
		return fit(prototype, signals, Runtime.getRuntime().availableProcessors(), null, null);
	}

	/**
	 * Fits {@code signals.length / b} voxels.
	 *
	 * @param prototype fitter to copy for each thread (itself left unused)
	 * @param signals voxel-major signals: voxel v's signal at b-value i is {@code signals[v * nb + i]}
	 * @param threads number of threads (1 fits on the calling thread)
	 * @param progress may be null
	 * @param cancelled polled between blocks; may be null. A cancelled fit returns with
	 *            {@link BatchResult#cancelled} set and the voxels not reached left NaN.
	 */
	public static BatchResult fit(VoxelFit prototype, float[] signals, int threads, Progress progress,
		BooleanSupplier cancelled)
	{
		int nb = prototype.bValues().length;
		if (signals.length % nb != 0) throw new IllegalArgumentException("Signal array length "
			+ signals.length + " is not a multiple of the " + nb + " b-values.");
		int voxels = signals.length / nb;
		BatchResult result = new BatchResult(prototype.method(), voxels);
		int used = ParallelVoxels.run(voxels, threads, t -> {
			VoxelFit fitter = prototype.copy();
			FitResult r = fitter.newResult();
			double[] s = new double[nb];
			return v -> {
				for (int i = 0, o = v * nb; i < nb; i++) s[i] = signals[o + i];
				fitter.fit(s, r);
				result.store(v, r);
			};
		}, progress, cancelled);
		result.cancelled = used < 0;
		return result;
	}
}
