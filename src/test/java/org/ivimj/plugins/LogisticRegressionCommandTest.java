package org.ivimj.plugins;

import static org.ivimj.plugins.StatisticsCommandTesting.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.measure.ResultsTable;

import org.ivimj.stats.RFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LogisticRegressionCommandTest {

	@BeforeEach
	void setUp() {
		reset();
	}

	@Test
	void matchesGlmWithMissingValuesLeftOut() {
		run("IVIM Logistic Regression...", "table=[" + resource("small_ties_missing.csv") + "] group=Group positive=metastasis parameters=[B,C]");
		ResultsTable rt = output(LogisticRegressionCommand.TITLE);
		assertEquals(3, rt.size());
		assertEquals("Constant", rt.getStringValue("Term", 2)); // SPSS order: constant last
		for (String term : new String[] {"B", "C", "Constant"}) {
			int i = row(rt, "Term", term, null, null);
			String r = term.equals("Constant") ? "(Intercept)" : term;
			for (String[] c : new String[][] {{"B", "B"}, {"SE", "SE"}, {"Wald", "Wald"}, {"p", "p"}, {"OR", "OR"}, {"OR_lower", "OR.lower"},
				{"OR_upper", "OR.upper"}})
				RFixtures.assertR(rt.getValue(c[0], i), "small_ties_missing", "logistic", r, c[1]);
			RFixtures.assertR(rt.getValue("Minus2LL", i), "small_ties_missing", "logistic", "model", "minus2LL");
			RFixtures.assertR(rt.getValue("Iterations", i), "small_ties_missing", "logistic", "model", "iterations");
			RFixtures.assertR(rt.getValue("n", i), "small_ties_missing", "logistic", "model", "n");
			assertEquals("converged", rt.getStringValue("Status", i));
		}
	}

	@Test
	void perfectSeparationIsReportedInTheTable() {
		run("IVIM Logistic Regression...", "table=[" + resource("separation.csv") + "] group=Group positive=1 parameters=[X1,X2]");
		ResultsTable rt = output(LogisticRegressionCommand.TITLE);
		int i = row(rt, "Term", "X1", null, null);
		assertEquals("separation", rt.getStringValue("Status", i));
		assertTrue(rt.getStringValue("Note", i).contains("separation"));
		assertTrue(Double.isNaN(rt.getValue("B", i)));
		RFixtures.assertR(rt.getValue("Minus2LL", i), "separation", "logistic", "model", "minus2LL");
		RFixtures.assertR(rt.getValue("Iterations", i), "separation", "logistic", "model", "iterations");
	}

	@Test
	void groupsOfThreeSeparateToo() {
		run("IVIM Logistic Regression...", "table=[" + resource("groups_of_3.csv") + "] group=Group positive=case parameters=[X,Y]");
		assertEquals("separation", output(LogisticRegressionCommand.TITLE).getStringValue("Status", 0));
	}

	@Test
	void reportsTooFewCompleteRowsAndBadConfidence() {
		String e = runExpectingError("IVIM Logistic Regression...", "table=[" + resource("groups_of_3.csv") + "] group=Group parameters=[X] confidence=95");
		assertErrorMentions(e, "Confidence level must be between 0 and 1");
	}
}
