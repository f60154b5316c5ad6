package org.ivimj.plugins;

import static org.ivimj.plugins.StatisticsCommandTesting.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.measure.ResultsTable;

import java.nio.file.Files;
import java.nio.file.Path;

import org.ivimj.stats.RFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** IVIM Example Study, IVIM Combine Readers and IVIM Reader Agreement. */
class ReaderCommandsTest {

	private static final String[] PARAMS = {"ADC", "D", "Dstar", "f", "DDC", "alpha"};
	private static final String READERS = "reader1=[IVIM Example Reader 1] reader2=[IVIM Example Reader 2] roi=ROI";

	@BeforeEach
	void setUp() {
		reset();
		run("IVIM Example Study...", "save=[]");
	}

	@Test
	void exampleStudyOpensBothReadersAndSavesThem(@TempDir Path dir) {
		run("IVIM Example Study...", "save=[" + dir + "]");
		assertEquals(70, output(ExampleStudyCommand.READER1).size());
		assertEquals(70, output(ExampleStudyCommand.READER2).size());
		assertTrue(Files.isRegularFile(dir.resolve("IVIM_Example_Reader_2.csv")));
	}

	@Test
	void combineMatchesByRoiNameAndAveragesTheReaders() {
		ResultsTable r1 = output(ExampleStudyCommand.READER1), r2 = output(ExampleStudyCommand.READER2);
		String before1 = snapshot(r1), before2 = snapshot(r2);
		run("IVIM Combine Readers...", READERS);
		ResultsTable c = output(ReaderCombinationCommand.TITLE);
		assertEquals(before1, snapshot(r1));
		assertEquals(before2, snapshot(r2));
		assertEquals(70, c.size());
		// Reader 2 lists the lesions in reverse order: T20 is its first row.
		int t20 = row(c, "ROI", "T20", null, null), in2 = row(r2, "ROI", "T20", null, null), in1 = row(r1, "ROI", "T20", null, null);
		assertEquals(0, in2);
		assertEquals("tuberculosis", c.getStringValue("Group", t20));
		assertEquals(r2.getValue("f", in2), c.getValue("f_R2", t20), 0);
		assertEquals(r1.getValue("f", in1), c.getValue("f_R1", t20), 0);
		assertEquals((r1.getValue("f", in1) + r2.getValue("f", in2)) / 2, c.getValue("f", t20), 1e-15);
		assertTrue(Double.isNaN(c.getValue("Dstar", row(c, "ROI", "T07", null, null))));
	}

	@Test
	void analysesOfTheCombinedTableMatchR() {
		run("IVIM Combine Readers...", READERS);
		String study = "table=[IVIM Readers Combined] group=Group positive=metastasis";
		// Without a parameter list, the readers' own columns (ADC_R1, ...) are skipped: their mean is analysed.
		run("IVIM Descriptive Statistics...", study);
		ResultsTable d = output(DescriptiveStatisticsCommand.TITLE);
		assertEquals(2 * PARAMS.length, d.size());
		for (String p : PARAMS) {
			RFixtures.assertR(d.getValue("Mean", row(d, "Parameter", p, "Group", "metastasis")), "example", "descriptive", p, "pos.mean");
			RFixtures.assertR(d.getValue("SD", row(d, "Parameter", p, "Group", "tuberculosis")), "example", "descriptive", p, "neg.sd");
		}
		run("IVIM Group Comparison...", study + " test=mann-whitney");
		ResultsTable g = output(GroupComparisonCommand.TITLE);
		for (String p : PARAMS) RFixtures.assertR(g.getValue("p", row(g, "Parameter", p, null, null)), "example", "mannwhitney", p, "p");
	}

	@Test
	void agreementFromTwoTablesMatchesPsych() {
		run("IVIM Reader Agreement...", "input=[two tables] " + READERS);
		ResultsTable a = output(ReaderAgreementCommand.TITLE);
		assertEquals(6 * 4, a.size());
		for (String p : PARAMS)
			for (String form : ReaderAgreementCommand.FORMS) {
				int i = row(a, "Parameter", p, "Form", form);
				RFixtures.assertR(a.getValue("n", i), "example", "icc", p, "n");
				RFixtures.assertR(a.getValue("ICC", i), "example", "icc", p, form + ".ICC");
				RFixtures.assertR(a.getValue("ICC_lower", i), "example", "icc", p, form + ".lower");
				RFixtures.assertR(a.getValue("ICC_upper", i), "example", "icc", p, form + ".upper");
				RFixtures.assertR(a.getValue("F", i), "example", "icc", p, form + ".F");
				RFixtures.assertR(a.getValue("p", i), "example", "icc", p, form + ".p");
			}
		int i = row(a, "Parameter", "ADC", "Form", "ICC2");
		assertEquals("two-way random, absolute agreement, single measures", a.getStringValue("Description", i));
		assertEquals("excellent agreement", a.getStringValue("Grade", i));
		assertEquals(1, a.getValue("Excluded", row(a, "Parameter", "Dstar", "Form", "ICC2")), 0);
	}

	@Test
	void agreementFromTwoColumnsMatchesPsych() {
		run("IVIM Reader Agreement...", "input=[two columns] reader1=[" + resource("icc_small.csv") + "] columns1=R1 columns2=R2");
		ResultsTable a = output(ReaderAgreementCommand.TITLE);
		for (String form : ReaderAgreementCommand.FORMS) {
			int i = row(a, "Parameter", "R1 vs R2", "Form", form);
			RFixtures.assertR(a.getValue("n", i), "icc_small", "icc", "R1 vs R2", "n");
			RFixtures.assertR(a.getValue("ICC", i), "icc_small", "icc", "R1 vs R2", form + ".ICC");
			RFixtures.assertR(a.getValue("ICC_lower", i), "icc_small", "icc", "R1 vs R2", form + ".lower");
			RFixtures.assertR(a.getValue("ICC_upper", i), "icc_small", "icc", "R1 vs R2", form + ".upper");
		}
		// The combined table's reader columns give the same ICC as the two tables.
		run("IVIM Combine Readers...", READERS);
		run("IVIM Reader Agreement...", "input=[two columns] reader1=[IVIM Readers Combined] columns1=[f_R1] columns2=[f_R2]");
		ResultsTable b = output(ReaderAgreementCommand.TITLE);
		RFixtures.assertR(b.getValue("ICC", row(b, "Parameter", "f_R1 vs f_R2", "Form", "ICC2")), "example", "icc", "f", "ICC2.ICC");
	}

	@Test
	void reportsUnmatchableReaders() {
		String e = runExpectingError("IVIM Combine Readers...", "reader1=[IVIM Example Reader 1] reader2=[" + resource("groups_of_3.csv") + "] roi=ROI");
		assertErrorMentions(e, "No ROI name", "same names");
		e = runExpectingError("IVIM Combine Readers...", "reader1=[IVIM Example Reader 1] reader2=[IVIM Example Reader 2] roi=Lesion");
		assertErrorMentions(e, "no ROI name column \"Lesion\"");
		e = runExpectingError("IVIM Reader Agreement...", "input=[two columns] reader1=[IVIM Example Reader 1] columns1=[ADC,D] columns2=[f]");
		assertErrorMentions(e, "as many columns1 as columns2");
	}

	@Test
	void reportsDuplicatedRoiNames() {
		ResultsTable results = ResultsTable.getResultsTable();
		results.reset();
		for (String n : new String[] {"M01", "M01"}) {
			results.incrementCounter();
			results.addValue("ROI", n);
			results.addValue("ADC", 1);
		}
		String e = runExpectingError("IVIM Combine Readers...", "reader1=Results reader2=[IVIM Example Reader 2] roi=ROI");
		assertErrorMentions(e, "\"M01\" occurs twice");
		results.reset();
	}
}
