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
		assertTrue(rt.getStringValue("Note", i).contains("method=Firth"));
		assertTrue(rt.getStringValue("Note", i).contains("glm.fit: fitted probabilities numerically 0 or 1 occurred"));
		assertTrue(Double.isNaN(rt.getValue("B", i)));
		RFixtures.assertR(rt.getValue("Minus2LL", i), "separation", "logistic", "model", "minus2LL");
		RFixtures.assertR(rt.getValue("Iterations", i), "separation", "logistic", "model", "iterations");
	}

	/** Issue 10 item 2: a fitted probability within 1e-8 of 1 is not separation; the estimates are R's glm's. */
	@Test
	void aFittedProbabilityNearOneGivesGlmsEstimates() {
		run("IVIM Logistic Regression...", "table=[" + resource("dstar_f_70.csv") + "] group=Group positive=metastasis parameters=[Dstar,f]");
		ResultsTable rt = output(LogisticRegressionCommand.TITLE);
		for (String term : new String[] {"Dstar", "f", "Constant"}) {
			int i = row(rt, "Term", term, null, null);
			String r = term.equals("Constant") ? "(Intercept)" : term;
			for (String[] c : new String[][] {{"B", "B"}, {"SE", "SE"}, {"Wald", "Wald"}, {"p", "p"}, {"OR", "OR"}, {"OR_lower", "OR.lower"},
				{"OR_upper", "OR.upper"}})
				RFixtures.assertR(rt.getValue(c[0], i), "dstar_f_70", "logistic", r, c[1]);
			assertEquals("converged", rt.getStringValue("Status", i));
			assertEquals("maximum likelihood", rt.getStringValue("Method", i));
			assertEquals("", rt.getStringValue("Note", i));
		}
		assertEquals(404.887, rt.getValue("B", row(rt, "Term", "Dstar", null, null)), 0.001);
	}

	@Test
	void firthMatchesBrglm2AndAutoFallsBackToItUnderSeparation() {
		for (String method : new String[] {"Firth", "auto"}) {
			run("IVIM Logistic Regression...", "table=[" + resource("separation.csv") + "] group=Group positive=1 parameters=[X1,X2] method=" + method);
			ResultsTable rt = output(LogisticRegressionCommand.TITLE);
			for (String term : new String[] {"X1", "X2", "Constant"}) {
				int i = row(rt, "Term", term, null, null);
				String r = term.equals("Constant") ? "(Intercept)" : term;
				for (String[] c : new String[][] {{"B", "B"}, {"SE", "SE"}, {"p", "p"}, {"OR", "OR"}, {"OR_lower", "OR.lower"}, {"OR_upper", "OR.upper"}})
					RFixtures.assertR(rt.getValue(c[0], i), "separation", "firth", r, c[1]);
				RFixtures.assertR(rt.getValue("Minus2LL", i), "separation", "firth", "model", "minus2LL");
				assertEquals("Firth", rt.getStringValue("Method", i));
				assertEquals("converged", rt.getStringValue("Status", i));
				assertEquals(method.equals("auto"), rt.getStringValue("Note", i).contains("Firth's penalised estimates reported"),
					rt.getStringValue("Note", i));
			}
		}
		// Without separation, auto is maximum likelihood.
		run("IVIM Logistic Regression...", "table=[" + resource("dstar_f_70.csv") + "] group=Group positive=metastasis parameters=[Dstar,f] method=auto");
		ResultsTable rt = output(LogisticRegressionCommand.TITLE);
		assertEquals("maximum likelihood", rt.getStringValue("Method", 0));
		RFixtures.assertR(rt.getValue("B", row(rt, "Term", "Dstar", null, null)), "dstar_f_70", "logistic", "Dstar", "B");
	}

	@Test
	void anUnknownMethodIsRefused() {
		String e = runExpectingError("IVIM Logistic Regression...", "table=[" + resource("separation.csv") + "] group=Group positive=1 method=bayes");
		assertErrorMentions(e, "bayes", "maximum likelihood", "Firth", "auto");
	}

	@Test
	void groupsOfThreeSeparateToo() {
		run("IVIM Logistic Regression...", "table=[" + resource("groups_of_3.csv") + "] group=Group positive=case parameters=[X,Y]");
		assertEquals("separation", output(LogisticRegressionCommand.TITLE).getStringValue("Status", 0));
	}

	@Test
	void reportsTooFewCompleteRowsAndBadConfidence() {
		String e = runExpectingError("IVIM Logistic Regression...", "table=[" + resource("groups_of_3.csv") + "] group=Group parameters=[X] confidence=95");
		assertErrorMentions(e, "confidence=95 is out of range: give a value from 0 to 1");
	}
}
