package org.ivimj.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class ShapiroWilkTestTest {

	@Test
	void matchesRAcrossTheBranchesOfAsR94() {
		int checked = 0;
		for (int n : new int[] {3, 4, 5, 7, 11, 12, 20, 50, 200}) {
			String values = null;
			for (String analysis : analysesWithItem("n" + n)) values = analysis;
			double[] x = Arrays.stream(values.split(";")).mapToDouble(Double::parseDouble).toArray();
			assertEquals(n, x.length);
			ShapiroWilkTest.Result r = ShapiroWilkTest.test(x);
			RFixtures.assertR(r.w, "shapiro", values, "n" + n, "W");
			RFixtures.assertR(r.p, "shapiro", values, "n" + n, "p");
			checked++;
		}
		assertEquals(9, checked);
	}

	@Test
	void matchesRPerGroupOnTheStudyTables() {
		int checked = 0;
		for (String[] ds : RFixtures.DATASETS) {
			StudyData d = RFixtures.data(ds);
			for (String p : ds[3].split(",")) {
				StudyData.Split s = d.split(p, ds[2]);
				for (String g : new String[] {"pos", "neg"}) {
					double[] v = g.equals("pos") ? s.positive : s.negative;
					if (!RFixtures.has(ds[0], "shapiro", p, g + ".W")) {
						assertFalse(ShapiroWilkTest.applicable(v));
						continue;
					}
					ShapiroWilkTest.Result r = ShapiroWilkTest.test(v);
					RFixtures.assertR(r.w, ds[0], "shapiro", p, g + ".W");
					RFixtures.assertR(r.p, ds[0], "shapiro", p, g + ".p");
					checked++;
				}
			}
		}
		assertEquals(2 * (3 + 2 + 2 + 6 + 6 + 2), checked);
	}

	@Test
	void refusesTooFewOrIdenticalValues() {
		assertThrows(IllegalArgumentException.class, () -> ShapiroWilkTest.test(new double[] {1, 2}));
		assertThrows(IllegalArgumentException.class, () -> ShapiroWilkTest.test(new double[] {2, 2, 2, 2}));
		assertFalse(ShapiroWilkTest.applicable(new double[] {2, 2, 2}));
	}

	private static Iterable<String> analysesWithItem(String item) {
		java.util.List<String> r = new java.util.ArrayList<>();
		for (String[] row : RFixtures.readCsv("/org/ivimj/stats/fixtures.csv", true))
			if (row[0].equals("shapiro") && row[2].equals(item)) r.add(row[1]);
		return r;
	}
}
