package org.ivimj.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class DeLongRocTest {

	@Test
	void everyParameterMatchesPRoc() {
		int checked = 0;
		for (String[] ds : RFixtures.DATASETS) {
			StudyData d = RFixtures.data(ds);
			for (String p : ds[3].split(",")) {
				StudyData.Split s = d.split(p, ds[2]);
				assertMatches(DeLongRoc.analyse(s.positive, s.negative, null, 0.95), ds[0], p);
				checked++;
			}
		}
		assertEquals(21, checked);
	}

	@Test
	void combinedLogisticScoreMatchesPRoc() {
		for (String[] ds : RFixtures.DATASETS) {
			if (!RFixtures.has(ds[0], "roc", "(combined)", "auc")) continue;
			List<String> model = Arrays.asList(ds[4].split(","));
			StudyData.Complete c = RFixtures.data(ds).complete(model, ds[2]);
			LogisticRegression.Result fit = LogisticRegression.fit(c.x, c.positive, model.toArray(new String[0]), 0.95);
			double[][] split = IvimStatistics.splitByOutcome(fit.fitted, c.positive);
			assertMatches(DeLongRoc.analyse(split[0], split[1], null, 0.95), ds[0], "(combined)");
		}
	}

	@Test
	void pairedDeLongTestMatchesRocTest() {
		for (String[] ds : RFixtures.DATASETS) {
			List<String> pair = Arrays.asList(ds[5].split(","));
			StudyData.Complete c = RFixtures.data(ds).complete(pair, ds[2]);
			double[][] a = IvimStatistics.splitByOutcome(column(c.x, 0), c.positive);
			double[][] b = IvimStatistics.splitByOutcome(column(c.x, 1), c.positive);
			DeLongRoc.Comparison cmp = DeLongRoc.compare(DeLongRoc.analyse(a[0], a[1], null, 0.95),
				DeLongRoc.analyse(b[0], b[1], null, 0.95));
			String item = pair.get(0) + " vs " + pair.get(1);
			RFixtures.assertR(cmp.z, ds[0], "roctest", item, "Z");
			RFixtures.assertR(cmp.p, ds[0], "roctest", item, "p");
			RFixtures.assertR(c.x.length, ds[0], "roctest", item, "n");
		}
	}

	@Test
	void directionCanBeForced() {
		double[] cases = {1, 2, 3}, controls = {4, 5, 6};
		DeLongRoc.Result auto = DeLongRoc.analyse(cases, controls, null, 0.95);
		assertEquals(DeLongRoc.Direction.LOWER, auto.direction);
		assertEquals(1.0, auto.auc, 0);
		assertEquals(3.5, auto.cutoff, 0);
		DeLongRoc.Result forced = DeLongRoc.analyse(cases, controls, DeLongRoc.Direction.HIGHER, 0.95);
		assertEquals(0.0, forced.auc, 0);
		assertEquals(0, forced.fpr[0], 0);
		assertEquals(1, forced.tpr[forced.tpr.length - 1], 0);
	}

	@Test
	void pairedTestNeedsTheSameObservations() {
		DeLongRoc.Result a = DeLongRoc.analyse(new double[] {1, 2, 3}, new double[] {0, 1}, null, 0.95);
		DeLongRoc.Result b = DeLongRoc.analyse(new double[] {1, 2}, new double[] {0, 1}, null, 0.95);
		assertThrows(IllegalArgumentException.class, () -> DeLongRoc.compare(a, b));
	}

	static void assertMatches(DeLongRoc.Result r, String ds, String p) {
		RFixtures.assertR(r.auc, ds, "roc", p, "auc");
		RFixtures.assertR(r.aucLower, ds, "roc", p, "auc.lower");
		RFixtures.assertR(r.aucUpper, ds, "roc", p, "auc.upper");
		assertEquals(RFixtures.get(ds, "roc", p, "direction") == 1 ? DeLongRoc.Direction.HIGHER : DeLongRoc.Direction.LOWER,
			r.direction, ds + " " + p);
		RFixtures.assertR(r.tiedCutoffs, ds, "roc", p, "best.count");
		RFixtures.assertR(r.cutoff, ds, "roc", p, "threshold");
		RFixtures.assertR(r.sensitivity, ds, "roc", p, "sensitivity");
		RFixtures.assertR(r.specificity, ds, "roc", p, "specificity");
		RFixtures.assertR(r.truePositives, ds, "roc", p, "tp");
		RFixtures.assertR(r.trueNegatives, ds, "roc", p, "tn");
		RFixtures.assertR(r.sensitivityLower, ds, "roc", p, "sensitivity.lower");
		RFixtures.assertR(r.sensitivityUpper, ds, "roc", p, "sensitivity.upper");
		RFixtures.assertR(r.specificityLower, ds, "roc", p, "specificity.lower");
		RFixtures.assertR(r.specificityUpper, ds, "roc", p, "specificity.upper");
	}

	private static double[] column(double[][] x, int j) {
		double[] c = new double[x.length];
		for (int i = 0; i < x.length; i++) c[i] = x[i][j];
		return c;
	}
}
