package org.ivimj.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
			RFixtures.assertR(r.n, ds[0], "logistic", "model", "n");
			RFixtures.assertR(r.nullMinus2LogLikelihood, ds[0], "logistic", "model", "null.minus2LL");
			RFixtures.assertR(r.minus2LogLikelihood, ds[0], "logistic", "model", "minus2LL");
			RFixtures.assertR(r.iterations, ds[0], "logistic", "model", "iterations");
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
		assertEquals(6, estimated); // small table and example: constant + 2 parameters each
	}

	@Test
	void perfectSeparationIsReportedNotThrown() {
		double[][] x = {{1}, {2}, {3}, {4}, {5}, {6}};
		boolean[] y = {false, false, false, true, true, true};
		LogisticRegression.Result r = LogisticRegression.fit(x, y, new String[] {"x"}, 0.95);
		assertEquals(LogisticRegression.Status.SEPARATION, r.status);
		assertTrue(r.minus2LogLikelihood < 1e-6);
		assertTrue(r.message.contains("separation"));
	}

	@Test
	void collinearParametersAreReportedNotThrown() {
		double[][] x = {{1, 2}, {2, 4}, {3, 6}, {4, 8}, {5, 10}, {6, 12}};
		boolean[] y = {false, true, false, true, true, false};
		LogisticRegression.Result r = LogisticRegression.fit(x, y, new String[] {"a", "b"}, 0.95);
		assertEquals(LogisticRegression.Status.SINGULAR, r.status);
		assertTrue(Double.isNaN(r.b[1]));
	}
}
