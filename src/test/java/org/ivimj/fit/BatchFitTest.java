package org.ivimj.fit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;

import org.ivimj.model.BiExponentialModel;
import org.junit.jupiter.api.Test;

/** The multithreaded entry point gives exactly the single-voxel results, reports progress and cancels. */
class BatchFitTest {

	static final double[] B = NoiseFreeRecoveryTest.PAPER_B;

	static float[] signals(int voxels) {
		float[] out = new float[voxels * B.length];
		java.util.Random rnd = new java.util.Random(1);
		for (int v = 0; v < voxels; v++)
			for (int i = 0; i < B.length; i++)
				out[v * B.length + i] = (float) Math.abs(BiExponentialModel.INSTANCE.value(B[i],
					new double[] {1000, 0.1 + 0.4 * (v % 7) / 7.0, 0.8e-3, 0.03}) + 20 * rnd.nextGaussian());
		out[3 * B.length + 2] = Float.NaN; // one broken voxel
		return out;
	}

	@Test
	void threadsGiveTheSameResultAsOneVoxelAtATime() {
		float[] s = signals(3000);
		for (FitMethod m : FitMethod.voxelwise()) {
			BatchResult batch = Ivim.fitVoxels(m, B, null, s, 4, null, null);
			assertFalse(batch.cancelled);
			VoxelFit fit = Ivim.fitter(m, B, null);
			FitResult r = fit.newResult();
			double[] y = new double[B.length];
			for (int v = 0; v < 3000; v += 37) {
				for (int i = 0; i < B.length; i++) y[i] = s[v * B.length + i];
				fit.fit(y, r);
				for (int k = 0; k < r.parameters.length; k++) {
					assertEquals((float) r.parameters[k], batch.parameters[k][v], 0f, m + " voxel " + v);
					assertEquals((float) r.standardErrors[k], batch.standardErrors[k][v], 0f, m + " voxel " + v);
				}
				assertEquals(r.status.code(), batch.status[v]);
				assertEquals((float) r.rSquared, batch.rSquared[v], 0f);
			}
			assertEquals(FitStatus.INVALID_INPUT.code(), batch.status[3]);
			assertEquals(FitReason.NON_FINITE_SIGNAL.ordinal(), batch.reason[3]);
			assertTrue(Float.isNaN(batch.parameters[0][3]));
		}
	}

	@Test
	void progressReachesOneAndCancellationStopsEarly() {
		float[] s = signals(5000);
		double[] last = {0};
		BatchResult done = Ivim.fitVoxels(FitMethod.BI_FREE, B, null, s, 2,
			f -> { synchronized (last) { last[0] = Math.max(last[0], f); } }, null);
		assertEquals(1.0, last[0], 1e-12);
		assertEquals(0, count(done.status, -1));
		AtomicInteger polls = new AtomicInteger();
		BatchResult cancelled = Ivim.fitVoxels(FitMethod.BI_FREE, B, null, s, 2, null, () -> polls.incrementAndGet() > 3);
		assertTrue(cancelled.cancelled);
		assertTrue(count(cancelled.status, -1) > 0, "voxels not reached stay unfitted");
	}

	@Test
	void signalArrayMustHoldWholeVoxels() {
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
			() -> Ivim.fitVoxels(FitMethod.BI_FREE, B, null, new float[25]));
		assertTrue(e.getMessage().contains("10 b-values"), e.getMessage());
		BatchResult empty = Ivim.fitVoxels(FitMethod.BI_FREE, B, null, new float[0]);
		assertEquals(0, empty.voxelCount);
		assertArrayEquals(new float[0], empty.rSquared);
	}

	private static int count(byte[] a, int v) {
		int n = 0;
		for (byte x : a)
			if (x == v) n++;
		return n;
	}
}
