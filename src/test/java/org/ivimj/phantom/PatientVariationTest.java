package org.ivimj.phantom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Phantom patients: lesion values drawn per seed from Table 1 mean ± SD, reproducibly, in range. */
class PatientVariationTest {

	@Test
	void seedsGiveDifferentReproduciblePatientsAroundTableOne() {
		double sumF = 0, sumDs = 0;
		int n = 400;
		for (int seed = 1; seed <= n; seed++) {
			PhantomTissue met = IvimPhantom.create(32, 32, 1, IvimPhantom.PAPER_B_VALUES, 0, seed, true).lesions.get(1).tissue;
			assertTrue(met.f >= 0.02 && met.f <= 0.95 && met.d >= 0.1e-3 && met.dStar >= 5e-3);
			sumF += met.f;
			sumDs += met.dStar;
		}
		assertEquals(0.25, sumF / n, 0.02, "metastasis f averages the Table 1 mean");
		assertEquals(33.87e-3, sumDs / n, 1.2e-3);
		PhantomTissue a = IvimPhantom.create(32, 32, 1, IvimPhantom.PAPER_B_VALUES, 0, 7, true).lesions.get(0).tissue;
		PhantomTissue b = IvimPhantom.create(32, 32, 1, IvimPhantom.PAPER_B_VALUES, 0, 7, true).lesions.get(0).tissue;
		PhantomTissue c = IvimPhantom.create(32, 32, 1, IvimPhantom.PAPER_B_VALUES, 0, 8, true).lesions.get(0).tissue;
		assertEquals(a.f, b.f, 0);
		assertNotEquals(a.f, c.f);
		assertEquals(PhantomTissue.TUBERCULOUS_SPONDYLITIS.f,
			IvimPhantom.create(32, 32, 1, IvimPhantom.PAPER_B_VALUES, 0, 7, false).lesions.get(0).tissue.f, 0);
	}
}
