package org.ivimj.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Log-gamma, digamma and trigamma against closed forms, and the trigamma inverse round trip. */
class SpecialFunctionsTest {

	private static final double EULER = 0.5772156649015329;

	@Test
	void closedForms() {
		assertEquals(0.5 * Math.log(Math.PI), SpecialFunctions.lnGamma(0.5), 1e-12);
		assertEquals(Math.log(24), SpecialFunctions.lnGamma(5), 1e-12);
		assertEquals(Math.log(3628800), SpecialFunctions.lnGamma(11), 1e-11);
		assertEquals(-EULER, SpecialFunctions.digamma(1), 1e-12);
		assertEquals(-EULER - 2 * Math.log(2), SpecialFunctions.digamma(0.5), 1e-12);
		assertEquals(1 - EULER + 0.5, SpecialFunctions.digamma(3), 1e-12);
		assertEquals(Math.PI * Math.PI / 6, SpecialFunctions.trigamma(1), 1e-12);
		assertEquals(Math.PI * Math.PI / 2, SpecialFunctions.trigamma(0.5), 1e-12);
		assertEquals(Math.PI * Math.PI / 6 - 1 - 0.25, SpecialFunctions.trigamma(3), 1e-12);
	}

	@Test
	void trigammaInverseRoundTrips() {
		for (double y : new double[] {0.01, 0.3, 1, 3.5, 40, 2000})
			assertEquals(y, SpecialFunctions.trigammaInverse(SpecialFunctions.trigamma(y)), 1e-9 * y);
	}
}
