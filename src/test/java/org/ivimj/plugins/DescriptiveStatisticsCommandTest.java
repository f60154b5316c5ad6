package org.ivimj.plugins;

import static org.ivimj.plugins.StatisticsCommandTesting.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ij.measure.ResultsTable;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

import org.ivimj.stats.RFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DescriptiveStatisticsCommandTest {

	@BeforeEach
	void setUp() {
		reset();
	}

	@Test
	void matchesRPerGroupAndParameterWithMissingValues(@TempDir Path dir) throws Exception {
		run("IVIM Descriptive Statistics...", "table=[" + resource("small_ties_missing.csv")
			+ "] group=Group positive=metastasis parameters=[A,B,C] save=[" + dir + "]");
		ResultsTable rt = output(DescriptiveStatisticsCommand.TITLE);
		assertEquals(6, rt.size());
		for (String p : new String[] {"A", "B", "C"}) {
			for (String[] g : new String[][] {{"pos", "metastasis"}, {"neg", "tuberculosis"}}) {
				int i = row(rt, "Parameter", p, "Group", g[1]);
				for (String[] c : new String[][] {{"n", "n"}, {"Mean", "mean"}, {"SD", "sd"}, {"Median", "median"}, {"Q1", "q1"}, {"Q3", "q3"}})
					RFixtures.assertR(rt.getValue(c[0], i), "small_ties_missing", "descriptive", p, g[0] + "." + c[1]);
				RFixtures.assertR(rt.getValue("Excluded", i), "small_ties_missing", "descriptive", p, "excluded");
			}
		}
		assertEquals("metastasis", rt.getStringValue("Group", 0)); // positive group first
		assertEquals(true, new File(dir.toFile(), "IVIM_Descriptives.csv").isFile());
		String csv = Files.readString(dir.resolve("IVIM_Descriptives.csv"));
		assertEquals(true, csv.startsWith("Parameter,Group,n,Mean,SD,Median,Q1,Q3,Min,Max,Mean_SD,Median_IQR,Excluded"), csv);
	}

	@Test
	void readsTheResultsTableWithoutChangingIt() {
		ResultsTable results = ResultsTable.getResultsTable();
		results.reset();
		String[] groups = {"a", "b", "a", "b", "a", "b"};
		double[] x = {1, 2, 3, 4, 5, Double.NaN};
		for (int i = 0; i < groups.length; i++) {
			results.incrementCounter();
			results.addValue("Group", groups[i]);
			results.addValue("x", x[i]);
		}
		String before = snapshot(results);
		run("IVIM Descriptive Statistics...", "table=Results group=Group positive=b");
		assertEquals(before, snapshot(results));
		ResultsTable rt = output(DescriptiveStatisticsCommand.TITLE);
		int b = row(rt, "Parameter", "x", "Group", "b");
		assertEquals(2, rt.getValue("n", b));
		assertEquals(3, rt.getValue("Mean", b), 0);
		assertEquals(1, rt.getValue("Excluded", b), 0);
		results.reset();
	}

	@Test
	void reportsMissingTable() {
		String e = runExpectingError("IVIM Descriptive Statistics...", "table=[no such table] group=Group");
		assertErrorMentions(e, "No table \"no such table\"", "Open your study table");
	}

	@Test
	void reportsMissingGroupColumn() {
		String e = runExpectingError("IVIM Descriptive Statistics...", "table=[" + resource("small_ties_missing.csv") + "] group=Diagnosis");
		assertErrorMentions(e, "no group column \"Diagnosis\"", "ROI, Group, A, B, C");
	}

	@Test
	void reportsMissingParameterColumn() {
		String e = runExpectingError("IVIM Descriptive Statistics...",
			"table=[" + resource("small_ties_missing.csv") + "] group=Group parameters=[A,Dstar]");
		assertErrorMentions(e, "no column \"Dstar\"");
	}

	@Test
	void reportsNonNumericParameterColumn() {
		String e = runExpectingError("IVIM Descriptive Statistics...",
			"table=[" + resource("small_ties_missing.csv") + "] group=Group parameters=[ROI]");
		assertErrorMentions(e, "\"ROI\"", "holds no numbers");
	}

	@Test
	void reportsOneGroupOnly() {
		String e = runExpectingError("IVIM Descriptive Statistics...", "table=[" + resource("small_ties_missing.csv") + "] group=ROI parameters=[A]");
		assertErrorMentions(e, "exactly two groups", "has 15");
		e = runExpectingError("IVIM Descriptive Statistics...", "table=[" + resource("icc_small.csv") + "] group=R1 parameters=[R2]");
		assertErrorMentions(e, "exactly two groups");
	}

	@Test
	void reportsUnknownPositiveGroup() {
		String e = runExpectingError("IVIM Descriptive Statistics...",
			"table=[" + resource("small_ties_missing.csv") + "] group=Group positive=lymphoma");
		assertErrorMentions(e, "\"lymphoma\"", "metastasis and tuberculosis");
	}
}
