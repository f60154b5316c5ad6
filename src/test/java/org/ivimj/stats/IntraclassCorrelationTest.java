package org.ivimj.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

class IntraclassCorrelationTest {

	@Test
	void allSixFormsMatchPsychIcc() {
		int checked = 0;
		for (String p : new String[] {"ADC", "D", "Dstar", "f", "DDC", "alpha"}) {
			check(RFixtures.exampleReaders(p), "example", p);
			check(RFixtures.readers(RFixtures.STUDY70[0], RFixtures.STUDY70[1], p), "study70", p);
			checked++;
		}
		// The small table has ties between readers and one lesion read by reader 2 only.
		List<String[]> rows = RFixtures.readCsv("/org/ivimj/stats/icc_small.csv", false);
		java.util.List<double[]> complete = new java.util.ArrayList<>();
		for (String[] r : rows.subList(1, rows.size()))
			if (!r[1].isEmpty() && !r[2].isEmpty()) complete.add(new double[] {Double.parseDouble(r[1]), Double.parseDouble(r[2])});
		check(complete.toArray(new double[0][]), "icc_small", "R1 vs R2");
		assertEquals(6, checked);
	}

	private static void check(double[][] ratings, String ds, String item) {
		RFixtures.assertR(ratings.length, ds, "icc", item, "n");
		for (IntraclassCorrelation.Form f : IntraclassCorrelation.compute(ratings, 0.95)) {
			RFixtures.assertR(f.icc, ds, "icc", item, f.type + ".ICC");
			RFixtures.assertR(f.f, ds, "icc", item, f.type + ".F");
			RFixtures.assertR(f.df1, ds, "icc", item, f.type + ".df1");
			RFixtures.assertR(f.df2, ds, "icc", item, f.type + ".df2");
			RFixtures.assertR(f.p, ds, "icc", item, f.type + ".p");
			RFixtures.assertR(f.lower, ds, "icc", item, f.type + ".lower");
			RFixtures.assertR(f.upper, ds, "icc", item, f.type + ".upper");
		}
	}

	@Test
	void gradesUseThePapersWording() {
		assertEquals("poor agreement", IntraclassCorrelation.grade(-0.1));
		assertEquals("poor agreement", IntraclassCorrelation.grade(0.20));
		assertEquals("fair agreement", IntraclassCorrelation.grade(0.21));
		assertEquals("fair agreement", IntraclassCorrelation.grade(0.404));
		assertEquals("moderate agreement", IntraclassCorrelation.grade(0.6));
		assertEquals("good agreement", IntraclassCorrelation.grade(0.8));
		assertEquals("excellent agreement", IntraclassCorrelation.grade(0.929));
	}

	@Test
	void needsTwoSubjectsAndCompleteRatings() {
		assertThrows(IllegalArgumentException.class, () -> IntraclassCorrelation.compute(new double[][] {{1, 2}}, 0.95));
		assertThrows(IllegalArgumentException.class,
			() -> IntraclassCorrelation.compute(new double[][] {{1, 2}, {3, Double.NaN}}, 0.95));
	}
}
