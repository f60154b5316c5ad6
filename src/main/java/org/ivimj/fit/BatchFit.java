package org.ivimj.fit;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Fits many voxels on all cores. Signals come as one flat array, voxel after voxel, each in the order
 * of the fitter's b-values; results come back as one array per parameter. Work is handed out in
 * blocks so threads stay busy, each thread fits with its own {@link VoxelFit#copy()} and result holder,
 * and the loop allocates nothing per voxel. Progress is reported and cancellation honoured between
 * blocks.
 */
public final class BatchFit {

	/** Receives the fraction done, from any thread; keep it cheap. */
	public interface Progress {
		void update(double fractionDone);
	}

	private static final int BLOCK = 256;

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
		int blocks = (voxels + BLOCK - 1) / BLOCK;
		AtomicInteger next = new AtomicInteger();
		AtomicInteger done = new AtomicInteger();
		int nThreads = Math.max(1, Math.min(threads, blocks));
		Runnable worker = () -> {
			VoxelFit fitter = prototype.copy();
			FitResult r = fitter.newResult();
			double[] s = new double[nb];
			for (int block; (block = next.getAndIncrement()) < blocks;) {
				if (cancelled != null && cancelled.getAsBoolean()) {
					result.cancelled = true;
					return;
				}
				int end = Math.min(voxels, (block + 1) * BLOCK);
				for (int v = block * BLOCK; v < end; v++) {
					for (int i = 0, o = v * nb; i < nb; i++) s[i] = signals[o + i];
					fitter.fit(s, r);
					result.store(v, r);
				}
				int d = done.incrementAndGet();
				if (progress != null) progress.update((double) d / blocks);
			}
		};
		if (nThreads == 1) {
			worker.run();
			return result;
		}
		ExecutorService pool = Executors.newFixedThreadPool(nThreads, runnable -> {
			Thread t = new Thread(runnable, "IVIM-J fit");
			t.setDaemon(true);
			return t;
		});
		try {
			List<Future<?>> futures = new ArrayList<>();
			for (int t = 0; t < nThreads; t++) futures.add(pool.submit(worker));
			for (Future<?> f : futures) f.get();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			result.cancelled = true;
		}
		catch (ExecutionException e) {
			throw new IllegalStateException("A fit thread failed: " + e.getCause(), e.getCause());
		}
		finally {
			pool.shutdownNow();
		}
		return result;
	}
}
