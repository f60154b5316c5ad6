package org.ivimj.fit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Each method carries all that is known about it, consistently: nothing else needs to switch over methods. */
class FitMethodTest {

	static final double[] B = {0, 10, 20, 50, 100, 200, 400, 800, 1000, 1500, 2000, 2500};

	@Test
	void everyMethodDescribesItself() {
		Set<String> prefixes = new HashSet<>();
		for (FitMethod m : FitMethod.values()) {
			assertTrue(prefixes.add(m.prefix()), "prefix " + m.prefix() + " is unique");
			assertEquals(m.parameterCount(), m.model().parameterCount(), m + ": the model reports its parameters");
			assertArrayEquals(m.model().parameterNames(), m.parameterNames(), m.toString());
			assertEquals(m.parameterCount(), m.parameterUnits().length);
			assertTrue(m.formula().startsWith("S(b) = S0"), m.formula());
			assertEquals(m.scope() != FitMethod.Scope.VOXEL, m.regionWide());
			assertEquals(m.regionWide() ? FitMethod.BI_FREE : m, m.singleSignalMethod());
			if (m.scope() == FitMethod.Scope.VOXEL) assertSame(m, m.fitter(B, null).method(), m + " builds its own fitter");
			else assertThrows(IllegalArgumentException.class, () -> m.fitter(B, null));
		}
		assertEquals("bifree", FitMethod.BI_FREE.prefix());
		assertEquals("S(b) = S0 exp(-(b DDC)^alpha)", FitMethod.STRETCHED.formula());
		assertEquals(FitMethod.Scope.GRID, FitMethod.BI_SPATIAL.scope());
		assertEquals(FitMethod.Scope.POPULATION, FitMethod.BI_SHRINKAGE.scope());
	}

	@Test
	void fittedBValuesOfMonoKurtosisAreTheHighOnes() {
		double[] high = FitMethod.MONO_KURTOSIS.fittedBValues(B, new FitOptions());
		for (double b : high) assertTrue(b >= new FitOptions().segmentationThreshold());
		assertEquals(B.length, FitMethod.BI_FREE.fittedBValues(B, null).length);
		assertTrue(FitMethod.MONO_NONLINEAR.fitsAllBValues(B, null));
		assertTrue(!FitMethod.MONO_NONLINEAR.fitsAllBValues(B, new FitOptions().monoBRange(200, 1000)));
		assertTrue(!FitMethod.MONO_LOG_LINEAR.fitsAllBValues(B, new FitOptions().monoBValues(0, 1000)));
		assertTrue(!FitMethod.MONO_KURTOSIS.fitsAllBValues(B, null));
		assertTrue(FitMethod.STRETCHED.fitsAllBValues(B, new FitOptions().monoBRange(200, 1000)));
	}

	@Test
	void regionFitsGoTheirOwnWay() {
		float[] signals = org.ivimj.testing.RicianNoise.signals(org.ivimj.model.BiExponentialModel.INSTANCE,
			new double[] {1000, 0.2, 1e-3, 0.03}, B, 20, 50, 1);
		BatchResult r = FitMethod.BI_SHRINKAGE.fitRegion(B, new FitOptions().priorComponents(1), signals, null, 2, null, null);
		assertEquals(FitMethod.BI_SHRINKAGE, r.method);
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
			() -> FitMethod.BI_SPATIAL.fitRegion(B, null, signals, null, 2, null, null));
		assertTrue(e.getMessage().contains("Neighbours"), e.getMessage());
	}
}
