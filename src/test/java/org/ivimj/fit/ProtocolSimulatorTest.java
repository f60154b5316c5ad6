package org.ivimj.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ivimj.model.BiExponentialModel;
import org.junit.jupiter.api.Test;

/** The simulator's Cramér–Rao bound, its Monte-Carlo summaries, and its refusals. */
class ProtocolSimulatorTest {

	static final double[] B = NoiseFreeRecoveryTest.PAPER_B;
	static final double[] TISSUE = {1000, 0.25, 0.85e-3, 0.03387};

	@Test
	void cramerRaoMatchesTheFisherInverse() {
		double[] crb = ProtocolSimulator.cramerRao(BiExponentialModel.INSTANCE, B, TISSUE, 20);
		double[] reference = CramerRaoAccuracyTest.crbSd(BiExponentialModel.INSTANCE, TISSUE, 20);
		for (int k = 0; k < 4; k++) assertEquals(reference[k], crb[k], 1e-9 * reference[k]);
	}

	@Test
	void atHighSnrTheFreeFitReachesTheBoundWithoutBias() {
		ProtocolSimulator.Row[] rows = ProtocolSimulator.simulate(B, FitMethod.BI_FREE, TISSUE, 500, 3000, null, 1);
		assertEquals(4, rows.length);
		for (ProtocolSimulator.Row r : rows) {
			assertEquals(1.0, r.fitted, 1e-12, r.toString());
			assertEquals(r.cramerRao, r.sd, 0.1 * r.cramerRao, r.toString());
			assertTrue(Math.abs(r.bias) < 0.2 * r.sd + 1e-12, r.toString());
			assertEquals(Math.hypot(r.bias, r.sd), r.rmse, 1e-15);
		}
	}

	@Test
	void aWorseProtocolShowsLargerErrors() {
		double[] sparse = {0, 200, 800};
		double[] sparseTruth = {1000, 1.1e-3};
		ProtocolSimulator.Row[] few = ProtocolSimulator.simulate(sparse, FitMethod.MONO_LOG_LINEAR, sparseTruth, 30, 2000, null, 2);
		ProtocolSimulator.Row[] many = ProtocolSimulator.simulate(B, FitMethod.MONO_LOG_LINEAR, sparseTruth, 30, 2000, null, 2);
		assertTrue(few[1].rmse > many[1].rmse, few[1] + " vs " + many[1]);
	}

	@Test
	void refusesInconsistentInput() {
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
			() -> ProtocolSimulator.simulate(B, FitMethod.BI_FREE, new double[] {1000, 1e-3}, 50, 100, null, 1));
		assertTrue(e.getMessage().contains("needs 4"), e.getMessage());
		assertThrows(IllegalArgumentException.class, () -> ProtocolSimulator.simulate(B, FitMethod.BI_FREE, TISSUE, 0, 100, null, 1));
		assertThrows(IllegalArgumentException.class, () -> ProtocolSimulator.simulate(B, FitMethod.BI_FREE, TISSUE, 50, 1, null, 1));
	}
}
