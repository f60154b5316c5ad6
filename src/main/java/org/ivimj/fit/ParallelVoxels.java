package org.ivimj.fit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.IntFunction;

/**
 * Runs a per-voxel job on all cores: voxels are handed out in blocks so threads stay busy, each thread
 * gets its own worker (and so its own workspace), progress is reported and cancellation honoured
 * between blocks. The building block of {@link BatchFit} and the shrinkage fit.
 */
public final class ParallelVoxels {

	/** One thread's job; created once per thread, so it may own mutable workspace. */
	public interface Worker {
		/** Processes voxel v. */
		void process(int v);
	}

	private static final int BLOCK = 256;

	private ParallelVoxels() {}

	/**
	 * Processes voxels 0 … count−1.
	 *
	 * @param workers makes the worker for thread t (0-based); called once per thread used
	 * @param progress may be null
	 * @param cancelled polled between blocks; may be null
	 * @return the number of threads used (their workers are 0 … n−1), or −1 if cancelled
	 */
	public static int run(int count, int threads, IntFunction<? extends Worker> workers, BatchFit.Progress progress,
		BooleanSupplier cancelled)
	{
		int blocks = (count + BLOCK - 1) / BLOCK;
		int nThreads = Math.max(1, Math.min(threads, blocks));
		AtomicInteger next = new AtomicInteger();
		AtomicInteger done = new AtomicInteger();
		boolean[] stopped = {false};
		List<Runnable> jobs = new ArrayList<>();
		for (int t = 0; t < nThreads; t++) {
			Worker worker = workers.apply(t);
			jobs.add(() -> {
				for (int block; (block = next.getAndIncrement()) < blocks;) {
					if (cancelled != null && cancelled.getAsBoolean()) {
						stopped[0] = true;
						return;
					}
					int end = Math.min(count, (block + 1) * BLOCK);
					for (int v = block * BLOCK; v < end; v++) worker.process(v);
					int d = done.incrementAndGet();
					if (progress != null) progress.update((double) d / blocks);
				}
			});
		}
		if (nThreads == 1) {
			jobs.get(0).run();
			return stopped[0] ? -1 : 1;
		}
		ExecutorService pool = Executors.newFixedThreadPool(nThreads, runnable -> {
			Thread t = new Thread(runnable, "IVIM-J fit");
			t.setDaemon(true);
			return t;
		});
		try {
			List<Future<?>> futures = new ArrayList<>();
			for (Runnable job : jobs) futures.add(pool.submit(job));
			for (Future<?> f : futures) f.get();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return -1;
		}
		catch (ExecutionException e) {
			throw new IllegalStateException("A fit thread failed: " + e.getCause(), e.getCause());
		}
		finally {
			pool.shutdownNow();
		}
		return stopped[0] ? -1 : nThreads;
	}
}
