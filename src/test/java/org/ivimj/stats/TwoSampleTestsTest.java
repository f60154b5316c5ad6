package org.ivimj.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Student's and Welch's t, Mann–Whitney U and the descriptive statistics against R on every fixed table. */
class TwoSampleTestsTest {

	@Test
	void tTestsMatchR() {
		for (String[] ds : RFixtures.DATASETS) {
			StudyData d = RFixtures.data(ds);
			for (String p : ds[3].split(",")) {
				StudyData.Split s = d.split(p, ds[2]);
				TwoSampleTTest.Result st = TwoSampleTTest.student(s.positive, s.negative);
				RFixtures.assertR(st.t, ds[0], "student", p, "t");
				RFixtures.assertR(st.df, ds[0], "student", p, "df");
				RFixtures.assertR(st.p, ds[0], "student", p, "p");
				TwoSampleTTest.Result w = TwoSampleTTest.welch(s.positive, s.negative);
				RFixtures.assertR(w.t, ds[0], "welch", p, "t");
				RFixtures.assertR(w.df, ds[0], "welch", p, "df");
				RFixtures.assertR(w.p, ds[0], "welch", p, "p");
			}
		}
	}

	@Test
	void mannWhitneyMatchesRExactAndApproximate() {
		int exact = 0, approx = 0;
		for (String[] ds : RFixtures.DATASETS) {
			StudyData d = RFixtures.data(ds);
			for (String p : ds[3].split(",")) {
				StudyData.Split s = d.split(p, ds[2]);
				MannWhitneyTest.Result m = MannWhitneyTest.test(s.positive, s.negative);
				RFixtures.assertR(m.w, ds[0], "mannwhitney", p, "W");
				RFixtures.assertR(m.p, ds[0], "mannwhitney", p, "p");
				assertEquals(RFixtures.get(ds[0], "mannwhitney", p, "exact") == 1, m.exact, ds[0] + " " + p);
				if (m.exact) exact++;
				else approx++;
			}
		}
		// Both code paths are exercised: ties (small table A, study70 DDC) and n = 50 use the approximation.
		assertEquals(11, exact);
		assertEquals(10, approx);
	}

	@Test
	void exactDistributionSumsToOne() {
		assertEquals(1.0, MannWhitneyTest.cdf(12, 3, 4), 0);
		assertEquals(1.0 / 35, MannWhitneyTest.cdf(0, 3, 4), 1e-15); // 1 of C(7,3) arrangements
	}

	@Test
	void descriptivesMatchR() {
		for (String[] ds : RFixtures.DATASETS) {
			StudyData d = RFixtures.data(ds);
			for (String p : ds[3].split(",")) {
				StudyData.Split s = d.split(p, ds[2]);
				RFixtures.assertNear(RFixtures.get(ds[0], "descriptive", p, "excluded"), s.excluded.size(), ds[0] + p);
				for (String g : new String[] {"pos", "neg"}) {
					GroupDescriptives gd = GroupDescriptives.of(g.equals("pos") ? s.positive : s.negative);
					RFixtures.assertR(gd.n, ds[0], "descriptive", p, g + ".n");
					RFixtures.assertR(gd.mean, ds[0], "descriptive", p, g + ".mean");
					RFixtures.assertR(gd.sd, ds[0], "descriptive", p, g + ".sd");
					RFixtures.assertR(gd.median, ds[0], "descriptive", p, g + ".median");
					RFixtures.assertR(gd.q1, ds[0], "descriptive", p, g + ".q1");
					RFixtures.assertR(gd.q3, ds[0], "descriptive", p, g + ".q3");
				}
			}
		}
	}

	@Test
	void tTestNeedsTwoValuesPerGroup() {
		assertThrows(IllegalArgumentException.class, () -> TwoSampleTTest.student(new double[] {1}, new double[] {1, 2}));
		assertThrows(IllegalArgumentException.class, () -> TwoSampleTTest.welch(new double[] {1, 2}, new double[] {3}));
	}
}
