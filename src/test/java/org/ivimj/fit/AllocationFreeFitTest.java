package org.ivimj.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;

import org.junit.jupiter.api.Test;

/**
 * The per-voxel path allocates nothing: fitting thousands of voxels with a reused fitter and result
 * holder leaves the thread's allocated-byte counter (HotSpot's ThreadMXBean) unchanged.
 */
class AllocationFreeFitTest {

	@Test
	void fittingAVoxelAllocatesNothing() {
		com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
		float[] signals = BatchFitTest.signals(2000);
		double[] y = new double[BatchFitTest.B.length];
		long t0 = bean.getThreadAllocatedBytes(Thread.currentThread().getId());
		sink = new double[1000];
		assertTrue(bean.getThreadAllocatedBytes(Thread.currentThread().getId()) - t0 >= 8000, "the counter sees allocations");
		for (FitMethod m : FitMethod.voxelwise()) {
			VoxelFit fit = Ivim.fitter(m, BatchFitTest.B, null);
			FitResult r = fit.newResult();
			run(fit, r, signals, y); // warm-up (class loading, lazy initialisation)
			// Best of three: a one-off allocation by the runtime (class loading, JIT transitions) is not the fit's;
			// a per-voxel allocation would show in every run (2000 voxels × at least 16 bytes).
			long least = Long.MAX_VALUE;
			for (int repeat = 0; repeat < 3; repeat++) {
				long before = bean.getThreadAllocatedBytes(Thread.currentThread().getId());
				run(fit, r, signals, y);
				least = Math.min(least, bean.getThreadAllocatedBytes(Thread.currentThread().getId()) - before);
			}
			assertEquals(0, least, m + " allocated " + least + " bytes for 2000 voxels");
		}
	}

	static Object sink;

	private static void run(VoxelFit fit, FitResult r, float[] signals, double[] y) {
		for (int v = 0; v < signals.length / y.length; v++) {
			for (int i = 0; i < y.length; i++) y[i] = signals[v * y.length + i];
			fit.fit(y, r);
		}
	}
}
