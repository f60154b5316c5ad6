package org.ivimj.plugins;

import static org.ivimj.plugins.StatisticsCommandTesting.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ij.measure.ResultsTable;

import org.ivimj.stats.RFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GroupComparisonCommandTest {

	private static final String[][] DATASETS = {
		{"small_ties_missing", "small_ties_missing.csv", "metastasis", "A,B,C"},
		{"groups_of_3", "groups_of_3.csv", "case", "X,Y"},
		{"separation", "separation.csv", "1", "X1,X2"},
	};

	@BeforeEach
	void setUp() {
		reset();
	}

	@Test
	void forcedTestsMatchR() {
		String[][] tests = {{"student", "student", "Student t", "t"}, {"welch", "welch", "Welch t", "t"},
			{"mann-whitney", "mannwhitney", "Mann-Whitney U", "W"}};
		for (String[] ds : DATASETS) {
			for (String[] t : tests) {
				run("IVIM Group Comparison...", "table=[" + resource(ds[1]) + "] group=Group positive=" + ds[2] + " parameters=[" + ds[3]
					+ "] test=" + t[0]);
				ResultsTable rt = output(GroupComparisonCommand.TITLE);
				for (String p : ds[3].split(",")) {
					int i = row(rt, "Parameter", p, null, null);
					assertEquals(t[2], rt.getStringValue("Test", i));
					RFixtures.assertR(rt.getValue("Statistic", i), ds[0], t[1], p, t[3]);
					RFixtures.assertR(rt.getValue("p", i), ds[0], t[1], p, "p");
					if (!t[0].equals("mann-whitney")) RFixtures.assertR(rt.getValue("df", i), ds[0], t[1], p, "df");
					if (RFixtures.has(ds[0], "shapiro", p, "pos.W")) {
						RFixtures.assertR(rt.getValue("SW_W_pos", i), ds[0], "shapiro", p, "pos.W");
						RFixtures.assertR(rt.getValue("SW_p_pos", i), ds[0], "shapiro", p, "pos.p");
						RFixtures.assertR(rt.getValue("SW_p_neg", i), ds[0], "shapiro", p, "neg.p");
					}
				}
			}
		}
	}

	@Test
	void autoChoosesTheTestFromShapiroWilkAndNamesIt() {
		for (String variant : new String[] {"auto-student", "auto-welch"}) {
			run("IVIM Group Comparison...", "table=[" + resource("small_ties_missing.csv") + "] group=Group positive=metastasis test=" + variant);
			ResultsTable rt = output(GroupComparisonCommand.TITLE);
			for (String p : new String[] {"A", "B", "C"}) {
				int i = row(rt, "Parameter", p, null, null);
				boolean normal = RFixtures.get("small_ties_missing", "shapiro", p, "pos.p") >= 0.05
					&& RFixtures.get("small_ties_missing", "shapiro", p, "neg.p") >= 0.05;
				String expected = !normal ? "Mann-Whitney U" : variant.equals("auto-student") ? "Student t" : "Welch t";
				assertEquals(expected, rt.getStringValue("Test", i), p + " " + variant);
				String key = !normal ? "mannwhitney" : variant.equals("auto-student") ? "student" : "welch";
				RFixtures.assertR(rt.getValue("p", i), "small_ties_missing", key, p, "p");
			}
		}
	}

	@Test
	void reportsAGroupWithFewerThanTwoValues() {
		ResultsTable results = ResultsTable.getResultsTable();
		results.reset();
		String[] g = {"a", "a", "a", "b", "b"};
		double[] x = {1, 2, 3, 4, Double.NaN};
		for (int i = 0; i < g.length; i++) {
			results.incrementCounter();
			results.addValue("Group", g[i]);
			results.addValue("x", x[i]);
		}
		String e = runExpectingError("IVIM Group Comparison...", "table=Results group=Group positive=a");
		assertErrorMentions(e, "\"x\"", "group \"b\" has 1 value", "at least 2");
		results.reset();
	}

	@Test
	void reportsASingleGroup() {
		ResultsTable results = ResultsTable.getResultsTable();
		results.reset();
		for (int i = 0; i < 4; i++) {
			results.incrementCounter();
			results.addValue("Group", "metastasis");
			results.addValue("x", i);
		}
		String e = runExpectingError("IVIM Group Comparison...", "table=Results group=Group");
		assertErrorMentions(e, "exactly two groups", "it has 1: metastasis");
		results.reset();
	}

	@Test
	void reportsAnUnknownTestName() {
		String e = runExpectingError("IVIM Group Comparison...", "table=[" + resource("groups_of_3.csv") + "] group=Group test=anova");
		assertErrorMentions(e, "\"anova\"", "auto-student", "mann-whitney");
	}
}
