package org.ivimj.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.ivimj.model.BiExponentialModel;
import org.junit.jupiter.api.Test;

/** Bad or awkward input gives a status and a reason, never an exception, in every method. */
class RobustInputTest {

	static final double[] B = NoiseFreeRecoveryTest.PAPER_B;
	static final double[] TISSUE = {1000, 0.25, 0.85e-3, 0.034};

	static double[] clean() {
		return NoiseFreeRecoveryTest.signal(BiExponentialModel.INSTANCE, B, TISSUE);
	}

	@Test
	void orderOfBValuesDoesNotMatter() {
		double[] s = noisy(1);
		int[] perm = {9, 3, 0, 7, 1, 8, 2, 6, 4, 5};
		double[] pb = new double[B.length], ps = new double[B.length];
		for (int i = 0; i < perm.length; i++) {
			pb[i] = B[perm[i]];
			ps[i] = s[perm[i]];
		}
		for (FitMethod m : FitMethod.voxelwise()) {
			FitResult a = Ivim.fit(m, B, s), c = Ivim.fit(m, pb, ps);
			assertEquals(a.status, c.status, m.toString());
			for (int k = 0; k < a.parameters.length; k++)
				assertEquals(a.parameters[k], c.parameters[k], 1e-6 * Math.abs(a.parameters[k]), m + " parameter " + k);
		}
	}

	@Test
	void repeatedBValuesAreUsedAsRepeats() {
		double[] b = {0, 0, 50, 50, 200, 200, 800, 800, 1500, 1500};
		double[] s = NoiseFreeRecoveryTest.signal(BiExponentialModel.INSTANCE, b, TISSUE);
		FitResult r = Ivim.fit(FitMethod.BI_FREE, b, s);
		assertEquals(FitStatus.OK, r.status, r.toString());
		NoiseFreeRecoveryTest.assertRelative(TISSUE, r.parameters, 1e-6, r);
	}

	@Test
	void nanSignalIsInvalidInput() {
		double[] s = clean();
		s[4] = Double.NaN;
		for (FitMethod m : FitMethod.voxelwise()) {
			FitResult r = Ivim.fit(m, B, s);
			assertEquals(FitStatus.INVALID_INPUT, r.status, m.toString());
			assertEquals(FitReason.NON_FINITE_SIGNAL, r.reason, m.toString());
			assertTrue(Double.isNaN(r.parameters[0]));
		}
	}

	@Test
	void allZeroOrNegativeSignalIsInvalidInput() {
		for (double v : new double[] {0, -5}) {
			double[] s = new double[B.length];
			java.util.Arrays.fill(s, v);
			for (FitMethod m : FitMethod.voxelwise()) {
				FitResult r = Ivim.fit(m, B, s);
				assertEquals(FitStatus.INVALID_INPUT, r.status, m.toString());
				assertEquals(FitReason.ALL_ZERO_SIGNAL, r.reason, m.toString());
			}
		}
	}

	@Test
	void someZeroAndNegativeSamplesStillFit() {
		double[] s = clean();
		s[9] = 0;
		s[8] = -3;
		for (FitMethod m : FitMethod.voxelwise()) {
			FitResult r = Ivim.fit(m, B, s);
			assertTrue(r.status.hasParameters(), m + ": " + r);
			for (double p : r.parameters) assertTrue(Double.isFinite(p), m + ": " + r);
		}
	}

	@Test
	void fewerBValuesThanParameters() {
		double[] b = {0, 500, 1000};
		double[] s = {1000, 600, 370};
		assertEquals(FitReason.TOO_FEW_BVALUES, Ivim.fit(FitMethod.BI_FREE, b, s).reason);
		assertEquals(FitReason.TOO_FEW_BVALUES, Ivim.fit(FitMethod.BI_SEGMENTED, b, s).reason);
		assertEquals(FitReason.TOO_FEW_BVALUES, Ivim.fit(FitMethod.STRETCHED, new double[] {0, 1000}, new double[] {1000, 370}).reason);
		assertEquals(FitReason.TOO_FEW_BVALUES, Ivim.fit(FitMethod.MONO_LOG_LINEAR, new double[] {0}, new double[] {1000}).reason);
		assertEquals(FitReason.TOO_FEW_DISTINCT_BVALUES,
			Ivim.fit(FitMethod.MONO_NONLINEAR, new double[] {1000, 1000}, new double[] {400, 380}).reason);
		assertEquals(FitReason.TOO_FEW_DISTINCT_BVALUES,
			Ivim.fit(FitMethod.BI_FREE, new double[] {0, 0, 500, 500, 1000}, new double[] {1000, 990, 600, 610, 370}).reason);
		for (FitMethod m : FitMethod.voxelwise())
			assertEquals(FitStatus.INVALID_INPUT, Ivim.fit(m, new double[] {0}, new double[] {1000}).status, m.toString());
	}

	@Test
	void noBValueAboveTheThreshold() {
		double[] b = {0, 10, 20, 50, 100, 150};
		double[] s = NoiseFreeRecoveryTest.signal(BiExponentialModel.INSTANCE, b, TISSUE);
		assertEquals(FitReason.NO_BVALUE_ABOVE_THRESHOLD, Ivim.fit(FitMethod.BI_SEGMENTED, b, s).reason);
		assertEquals(FitReason.NO_BVALUE_ABOVE_THRESHOLD, Ivim.fit(FitMethod.BI_FREE, b, s).reason);
		// A lower threshold makes the same data fittable.
		assertTrue(Ivim.fit(FitMethod.BI_SEGMENTED, b, s, new FitOptions().segmentationThreshold(100)).status.hasParameters());
	}

	@Test
	void monoSubsetWithFewerThanTwoBValuesIsReported() {
		FitResult r = Ivim.fit(FitMethod.MONO_LOG_LINEAR, B, clean(), new FitOptions().monoBValues(0, 1000));
		assertEquals(FitReason.TOO_FEW_BVALUES, r.reason, "the paper's protocol has no b = 1000");
	}

	@Test
	void pureNoiseEndsWithinTheIterationCap() {
		Random rnd = new Random(5);
		double[] s = new double[B.length];
		int cap = 50;
		FitOptions options = new FitOptions().maxIterations(cap);
		for (int v = 0; v < 2000; v++) {
			for (int i = 0; i < s.length; i++) s[i] = Math.abs(20 * rnd.nextGaussian());
			for (FitMethod m : FitMethod.voxelwise()) {
				FitResult r = Ivim.fit(m, B, s, options);
				assertTrue(r.iterations <= 2 * cap, m + " took " + r.iterations); // free = segmented + own solve
				if (r.status.hasParameters()) for (double p : r.parameters) assertTrue(Double.isFinite(p), m + ": " + r);
				else for (double p : r.parameters) assertTrue(Double.isNaN(p), m + ": " + r);
			}
		}
	}

	@Test
	void resultsStayInsideNarrowBounds() {
		Random rnd = new Random(3);
		FitOptions narrow = new FitOptions().fBounds(0.3, 0.35).dBounds(0.9e-3, 1.0e-3).dStarBounds(0.05, 0.06)
			.ddcBounds(1.5e-3, 1.6e-3).alphaBounds(0.9, 0.95).adcBounds(1.3e-3, 1.4e-3);
		for (int v = 0; v < 200; v++) {
			double[] s = clean();
			for (int i = 0; i < s.length; i++) s[i] += 20 * rnd.nextGaussian();
			check(Ivim.fit(FitMethod.BI_FREE, B, s, narrow), new double[] {0.3, 0.9e-3, 0.05}, new double[] {0.35, 1.0e-3, 0.06}, 1);
			check(Ivim.fit(FitMethod.BI_SEGMENTED, B, s, narrow), new double[] {0.3, 0.9e-3, 0.05}, new double[] {0.35, 1.0e-3, 0.06}, 1);
			check(Ivim.fit(FitMethod.STRETCHED, B, s, narrow), new double[] {1.5e-3, 0.9}, new double[] {1.6e-3, 0.95}, 1);
			check(Ivim.fit(FitMethod.MONO_LOG_LINEAR, B, s, narrow), new double[] {1.3e-3}, new double[] {1.4e-3}, 1);
			check(Ivim.fit(FitMethod.MONO_NONLINEAR, B, s, narrow), new double[] {1.3e-3}, new double[] {1.4e-3}, 1);
		}
	}

	private static void check(FitResult r, double[] lo, double[] hi, int first) {
		assertTrue(r.status.hasParameters(), r.toString());
		for (int k = 0; k < lo.length; k++) {
			double p = r.parameters[first + k];
			assertTrue(p >= lo[k] && p <= hi[k], "parameter " + (first + k) + " = " + p + " outside [" + lo[k] + ", " + hi[k] + "]: " + r);
		}
	}

	@Test
	void undeterminedParametersAreFlagged() {
		// f = 0: D* has no influence on the signal, so it cannot be known.
		double[] s = NoiseFreeRecoveryTest.signal(BiExponentialModel.INSTANCE, B, new double[] {1000, 0, 1e-3, 0.03});
		FitResult r = Ivim.fit(FitMethod.BI_FREE, B, s);
		assertEquals(0, r.parameters[1], 1e-9, r.toString());
		assertTrue(r.status == FitStatus.AT_BOUND || Double.isNaN(r.standardErrors[3]), r.toString());
		// f = 1: D has no influence.
		s = NoiseFreeRecoveryTest.signal(BiExponentialModel.INSTANCE, B, new double[] {1000, 1, 1e-3, 0.03});
		r = Ivim.fit(FitMethod.BI_FREE, B, s);
		assertEquals(1, r.parameters[1], 1e-6, r.toString());
		assertTrue(r.status == FitStatus.AT_BOUND || Double.isNaN(r.standardErrors[2]), r.toString());
	}

	@Test
	void invalidBValuesAndOptionsAreRefusedUpFrontWithAClearMessage() {
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
			() -> Ivim.fitter(FitMethod.BI_FREE, new double[] {0, -100, 200}, null));
		assertTrue(e.getMessage().contains("-100"), e.getMessage());
		e = assertThrows(IllegalArgumentException.class, () -> Ivim.fitter(FitMethod.BI_FREE, new double[0], null));
		assertTrue(e.getMessage().contains("b-values"), e.getMessage());
		e = assertThrows(IllegalArgumentException.class,
			() -> Ivim.fitter(FitMethod.BI_FREE, B, new FitOptions().fBounds(0.5, 0.2)));
		assertTrue(e.getMessage().contains("f"), e.getMessage());
		e = assertThrows(IllegalArgumentException.class,
			() -> Ivim.fitter(FitMethod.STRETCHED, B, new FitOptions().alphaBounds(0.5, 2)));
		assertTrue(e.getMessage().contains("alpha"), e.getMessage());
		e = assertThrows(IllegalArgumentException.class, () -> Ivim.fit(FitMethod.BI_FREE, B, new double[3]));
		assertTrue(e.getMessage().contains("3 values"), e.getMessage());
	}

	static double[] noisy(long seed) {
		Random rnd = new Random(seed);
		double[] s = clean();
		for (int i = 0; i < s.length; i++) s[i] = Math.abs(s[i] + 20 * rnd.nextGaussian());
		return s;
	}
}
