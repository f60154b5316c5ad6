package org.ivimj.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.ivimj.stats.RFixtures;
import org.ivimj.testing.ImageJHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** macros/ivim_statistics_example.ijm in ImageJ's -batch mode, headless, in a fresh JVM. */
class StatisticsExampleMacroTest {

	@Test
	void writesTheFourTablesAgreementAndRocFigure(@TempDir Path work) throws Exception {
		Path out = work.resolve("out");
		ImageJHarness.Run run = ImageJHarness.runBatchMacro(ImageJHarness.projectDir().resolve("macros/ivim_statistics_example.ijm"),
			out.toString(), work);
		assertEquals(0, run.exitCode, run.toString());
		assertFalse(run.output.contains("Exception"), run.toString());
		assertTrue(run.output.contains("IVIM-J statistics written to"), run.toString());
		for (String f : new String[] {"IVIM_Descriptives.csv", "IVIM_Group_Comparison.csv", "IVIM_Logistic_Regression.csv", "IVIM_ROC.csv",
			"IVIM_ROC_Comparison.csv", "IVIM_Agreement.csv", "IVIM_Readers_Combined.csv"})
			assertTrue(Files.isRegularFile(out.resolve(f)), f + " missing:\n" + run);
		byte[] png = Files.readAllBytes(out.resolve("IVIM_ROC_Curves.png"));
		assertEquals((byte) 0x89, png[0]);
		assertEquals('P', png[1]);

		// The saved numbers (6 decimals) are R's.
		List<String> roc = Files.readAllLines(out.resolve("IVIM_ROC.csv"));
		RFixtures.assertNear(RFixtures.get("example", "roc", "Dstar", "auc"), cell(roc, "Dstar", "AUC"), "Dstar AUC");
		RFixtures.assertNear(RFixtures.get("example", "roc", "f", "auc.lower"), cell(roc, "f", "AUC_lower"), "f AUC lower");
		RFixtures.assertNear(RFixtures.get("example", "roc", "(combined)", "auc"), cell(roc, "Combined (Dstar + f)", "AUC"), "combined AUC");
		List<String> logistic = Files.readAllLines(out.resolve("IVIM_Logistic_Regression.csv"));
		RFixtures.assertNear(RFixtures.get("example", "logistic", "Dstar", "B"), cell(logistic, "Dstar", "B"), "B of Dstar");
		RFixtures.assertNear(RFixtures.get("example", "logistic", "f", "SE"), cell(logistic, "f", "SE"), "SE of f");
		List<String> cmp = Files.readAllLines(out.resolve("IVIM_ROC_Comparison.csv"));
		RFixtures.assertNear(RFixtures.get("example", "roctest", "Dstar vs f", "p"), cell(cmp, "Dstar", "p"), "DeLong p");
		List<String> icc = Files.readAllLines(out.resolve("IVIM_Agreement.csv"));
		assertTrue(icc.get(1).startsWith("ADC,70,ICC2,\"two-way random, absolute agreement, single measures\","), icc.get(1));
	}

	@Test
	void badInputStopsTheMacroWithTheMessage(@TempDir Path work) throws Exception {
		Path macro = work.resolve("bad.ijm");
		Files.writeString(macro, "run(\"IVIM Example Study...\", \"\");\n"
			+ "run(\"IVIM Group Comparison...\", \"table=[IVIM Example Reader 1] group=Diagnosis\");\n"
			+ "print(\"still running\");\n");
		ImageJHarness.Run run = ImageJHarness.runBatchMacro(macro, null, work);
		assertTrue(run.output.contains("IVIM-J error: IVIM Group Comparison: Table \"IVIM Example Reader 1\" has no group column \"Diagnosis\""), run.toString());
		assertFalse(run.output.contains("still running"), run.toString());
		assertFalse(run.output.contains("HeadlessException"), run.toString());
	}

	/** The value in the row whose first column is {@code first}, column {@code column}, of a simple CSV. */
	private static double cell(List<String> lines, String first, String column) {
		List<String> head = Arrays.asList(lines.get(0).split(","));
		for (String l : lines.subList(1, lines.size())) {
			String[] f = l.split(",");
			if (f[0].equals(first)) return Double.parseDouble(f[head.indexOf(column)]);
		}
		throw new AssertionError("no row " + first);
	}
}
