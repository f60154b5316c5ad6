package org.ivimj.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ClopperPearsonTest {

	@Test
	void matchesRBinomTestIncludingTheEdges() {
		int checked = 0;
		for (String item : RFixtures.keys("binom", "clopper")) {
			String[] xn = item.split("\\|")[0].split("/");
			int x = Integer.parseInt(xn[0]), n = Integer.parseInt(xn[1]);
			double[] ci95 = ClopperPearson.interval(x, n, 0.95);
			double[] ci90 = ClopperPearson.interval(x, n, 0.90);
			String it = x + "/" + n;
			RFixtures.assertR(ci95[0], "binom", "clopper", it, "lower");
			RFixtures.assertR(ci95[1], "binom", "clopper", it, "upper");
			RFixtures.assertR(ci90[0], "binom", "clopper90", it, "lower");
			RFixtures.assertR(ci90[1], "binom", "clopper90", it, "upper");
			checked++;
		}
		assertEquals(12, checked); // 6 cases x (lower, upper) keys
	}

	@Test
	void paperTable4SensitivityOfDStar() {
		// 40 of 50 metastases: the paper prints 80.0 (66.3-90.0).
		double[] ci = ClopperPearson.interval(40, 50, 0.95);
		assertEquals(0.663, ci[0], 5e-4);
		assertEquals(0.900, ci[1], 5e-4);
		assertTrue(ClopperPearson.interval(0, 5, 0.95)[0] == 0 && ClopperPearson.interval(5, 5, 0.95)[1] == 1);
	}

	@Test
	void rejectsImpossibleCounts() {
		assertThrows(IllegalArgumentException.class, () -> ClopperPearson.interval(6, 5, 0.95));
		assertThrows(IllegalArgumentException.class, () -> ClopperPearson.interval(1, 0, 0.95));
	}
}
