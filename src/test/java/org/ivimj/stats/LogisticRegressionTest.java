package org.ivimj.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class LogisticRegressionTest {

	@Test
	void matchesGlmOnEveryFixedTable() {
		int estimated = 0;
		for (String[] ds : RFixtures.DATASETS) {
			List<String> model = Arrays.asList(ds[4].split(","));
			StudyData.Complete c = RFixtures.data(ds).complete(model, ds[2]);
			LogisticRegression.Result r = LogisticRegression.fit(c.x, c.positive, model.toArray(new String[0]), 0.95);
			assertEquals(LogisticRegression.Method.MAXIMUM_LIKELIHOOD, r.method);
			RFixtures.assertR(r.n, ds[0], "logistic", "model", "n");
			RFixtures.assertR(r.nullMinus2LogLikelihood, ds[0], "logistic", "model", "null.minus2LL");
			RFixtures.assertR(r.minus2LogLikelihood, ds[0], "logistic", "model", "minus2LL");
			RFixtures.assertR(r.iterations, ds[0], "logistic", "model", "iterations");
			assertEquals(RFixtures.get(ds[0], "logistic", "model", "warn.fitted01") == 1,
				r.warnings.contains(LogisticRegression.WARNING_FITTED_0_OR_1), ds[0] + " " + r.warnings);
			assertEquals(RFixtures.get(ds[0], "logistic", "model", "warn.notconverged") == 1,
				r.warnings.contains(LogisticRegression.WARNING_NOT_CONVERGED), ds[0] + " " + r.warnings);
			boolean separated = RFixtures.get(ds[0], "logistic", "model", "separation") == 1;
			assertEquals(separated ? LogisticRegression.Status.SEPARATION : LogisticRegression.Status.CONVERGED, r.status, ds[0]);
			if (separated) continue;
			for (int i = 0; i < r.terms.length; i++) {
				String term = i == 0 ? "(Intercept)" : r.terms[i];
				RFixtures.assertR(r.b[i], ds[0], "logistic", term, "B");
				RFixtures.assertR(r.se[i], ds[0], "logistic", term, "SE");
				RFixtures.assertR(r.wald[i], ds[0], "logistic", term, "Wald");
				RFixtures.assertR(r.p[i], ds[0], "logistic", term, "p");
				RFixtures.assertR(r.oddsRatio[i], ds[0], "logistic", term, "OR");
				RFixtures.assertR(r.orLower[i], ds[0], "logistic", term, "OR.lower");
				RFixtures.assertR(r.orUpper[i], ds[0], "logistic", term, "OR.upper");
				estimated++;
			}
		}
		assertEquals(12, estimated); // small table, example, study70, dstar_f_70: constant + 2 parameters each
	}

	/**
	 * Issue 10 item 2: on 70 lesions glm converges (B for D* 404.9, SE 144.0) with one fitted
	 * probability within 1e-8 of 1. That is no separation: the estimates are reported, as R's.
	 */
	@Test
	void aFittedProbabilityNearOneIsNotSeparation() {
		StudyData.Complete c = RFixtures.table("/org/ivimj/stats/dstar_f_70.csv", "ROI", "Group").complete(List.of("Dstar", "f"), "metastasis");
		LogisticRegression.Result r = LogisticRegression.fit(c.x, c.positive, new String[] {"Dstar", "f"}, 0.95);
		double max = 0;
		for (double m : r.fitted) max = Math.max(max, m);
		assertTrue(max > 1 - 1e-8, "the table must keep the case of the issue: max fitted " + max);
		assertEquals(LogisticRegression.Status.CONVERGED, r.status, r.message);
		assertEquals(404.887, r.b[1], 0.001);
		assertEquals(144.024, r.se[1], 0.001);
		assertTrue(r.warnings.isEmpty(), r.warnings.toString());
		assertNull(Separation.direction(design(c.x), c.positive));
	}

	@Test
	void firthMatchesBrglm2OnEveryFixedTable() {
		int checked = 0;
		for (String[] ds : RFixtures.DATASETS) {
			List<String> model = Arrays.asList(ds[4].split(","));
			StudyData.Complete c = RFixtures.data(ds).complete(model, ds[2]);
			LogisticRegression.Result r = LogisticRegression.firth(c.x, c.positive, model.toArray(new String[0]), 0.95);
			assertEquals(LogisticRegression.Method.FIRTH, r.method);
			assertEquals(LogisticRegression.Status.CONVERGED, r.status, ds[0] + ": " + r.message);
			RFixtures.assertR(r.minus2LogLikelihood, ds[0], "firth", "model", "minus2LL");
			for (int i = 0; i < r.terms.length; i++) {
				String term = i == 0 ? "(Intercept)" : r.terms[i];
				RFixtures.assertR(r.b[i], ds[0], "firth", term, "B");
				RFixtures.assertR(r.se[i], ds[0], "firth", term, "SE");
				RFixtures.assertR(r.z[i], ds[0], "firth", term, "z");
				RFixtures.assertR(r.p[i], ds[0], "firth", term, "p");
				RFixtures.assertR(r.oddsRatio[i], ds[0], "firth", term, "OR");
				RFixtures.assertR(r.orLower[i], ds[0], "firth", term, "OR.lower");
				RFixtures.assertR(r.orUpper[i], ds[0], "firth", term, "OR.upper");
				checked++;
			}
		}
		assertEquals(18, checked); // 6 tables, separated ones included
	}

	@Test
	void separationIsFoundByTheLinearProgramOnly() {
		for (String[] ds : RFixtures.DATASETS) {
			List<String> model = Arrays.asList(ds[4].split(","));
			StudyData.Complete c = RFixtures.data(ds).complete(model, ds[2]);
			boolean separated = RFixtures.get(ds[0], "logistic", "model", "separation") == 1;
			double[] direction = Separation.direction(design(c.x), c.positive);
			assertEquals(separated, direction != null, ds[0]);
			if (direction == null) continue;
			// The direction separates: x·β ≥ 0 for positives, ≤ 0 for negatives, not all zero.
			double[][] x = design(c.x);
			boolean strict = false;
			for (int i = 0; i < x.length; i++) {
				double s = 0;
				for (int j = 0; j < direction.length; j++) s += x[i][j] * direction[j];
				s = c.positive[i] ? s : -s;
				assertTrue(s > -1e-9, ds[0] + " row " + i + ": " + s);
				if (s > 1e-9) strict = true;
			}
			assertTrue(strict, ds[0]);
		}
	}

	@Test
	void perfectSeparationIsReportedNotThrown() {
		double[][] x = {{1}, {2}, {3}, {4}, {5}, {6}};
		boolean[] y = {false, false, false, true, true, true};
		LogisticRegression.Result r = LogisticRegression.fit(x, y, new String[] {"x"}, 0.95);
		assertEquals(LogisticRegression.Status.SEPARATION, r.status);
		assertTrue(r.minus2LogLikelihood < 1e-6);
		assertTrue(r.message.contains("separation"));
		assertTrue(r.warnings.contains(LogisticRegression.WARNING_FITTED_0_OR_1), r.warnings.toString());
		LogisticRegression.Result f = LogisticRegression.firth(x, y, new String[] {"x"}, 0.95);
		assertEquals(LogisticRegression.Status.CONVERGED, f.status);
		assertTrue(Double.isFinite(f.b[1]) && f.b[1] > 0 && Double.isFinite(f.se[1]));
	}

	@Test
	void quasiCompleteSeparationIsFound() {
		// x = 3 occurs in both groups; every other value separates: quasi-complete.
		double[][] x = {{1}, {2}, {3}, {3}, {4}, {5}};
		boolean[] y = {false, false, false, true, true, true};
		assertNotNull(Separation.direction(design(x), y));
		assertEquals(LogisticRegression.Status.SEPARATION, LogisticRegression.fit(x, y, new String[] {"x"}, 0.95).status);
		// One overlap more and the estimates exist.
		boolean[] overlap = {false, true, false, false, true, true};
		assertNull(Separation.direction(design(x), overlap));
		assertEquals(LogisticRegression.Status.CONVERGED, LogisticRegression.fit(x, overlap, new String[] {"x"}, 0.95).status);
	}

	@Test
	void collinearParametersAreReportedNotThrown() {
		double[][] x = {{1, 2}, {2, 4}, {3, 6}, {4, 8}, {5, 10}, {6, 12}};
		boolean[] y = {false, true, false, true, true, false};
		LogisticRegression.Result r = LogisticRegression.fit(x, y, new String[] {"a", "b"}, 0.95);
		assertEquals(LogisticRegression.Status.SINGULAR, r.status);
		assertTrue(Double.isNaN(r.b[1]));
		assertEquals(LogisticRegression.Status.SINGULAR, LogisticRegression.firth(x, y, new String[] {"a", "b"}, 0.95).status);
	}

	private static double[][] design(double[][] x) {
		double[][] d = new double[x.length][];
		for (int i = 0; i < x.length; i++) {
			d[i] = new double[x[i].length + 1];
			d[i][0] = 1;
			System.arraycopy(x[i], 0, d[i], 1, x[i].length);
		}
		return d;
	}
}
