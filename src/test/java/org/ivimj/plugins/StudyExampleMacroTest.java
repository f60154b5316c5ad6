package org.ivimj.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.ivimj.testing.ImageJHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code macros/ivim_study_example.ijm} through ImageJ's -batch mode: phantom patients, two readers'
 * ROI sets, Fit IVIM Maps per reader, then every statistic, written as CSVs and the ROC PNG.
 */
class StudyExampleMacroTest {

	@Test
	void phantomStudyWithTwoReadersGivesEveryTableAndTheRocFigure(@TempDir Path dir) throws Exception {
		Path out = Files.createDirectories(dir.resolve("out"));
		ImageJHarness.Run run = ImageJHarness.runBatchMacro(ImageJHarness.projectDir().resolve("macros/ivim_study_example.ijm"),
			out.toString(), dir);
		assertEquals(0, run.exitCode, run.toString());
		for (String reader : new String[] {"reader1.csv", "reader2.csv"}) {
			List<String> rows = Files.readAllLines(out.resolve(reader));
			assertEquals(25, rows.size(), reader + ": header and 24 lesions");
			assertTrue(rows.get(1).startsWith("P01 tuberculous spondylitis,tuberculosis,"), rows.get(1));
			for (String row : rows.subList(1, rows.size()))
				for (String cell : row.split(",")) assertTrue(!cell.equals("NaN"), reader + ": " + row);
		}
		for (String table : new String[] {"IVIM_Agreement.csv", "IVIM_Readers_Combined.csv", "IVIM_Descriptives.csv",
			"IVIM_Group_Comparison.csv", "IVIM_Logistic_Regression.csv", "IVIM_ROC.csv", "IVIM_ROC_Comparison.csv"})
			assertTrue(Files.size(out.resolve(table)) > 0, table);
		assertTrue(Files.size(out.resolve("IVIM_ROC_Curves.png")) > 1000);
		List<String> roc = Files.readAllLines(out.resolve("IVIM_ROC.csv"));
		assertEquals(4, roc.size(), "D*, f and the combined score: " + roc);
		assertTrue(roc.get(3).startsWith("Combined (Dstar + f),12,12"), roc.get(3));
		// The readers' lesions differ in D* and f between groups as the paper's do: AUC well above chance.
		double aucDstar = Double.parseDouble(roc.get(1).split(",")[5]);
		assertTrue(aucDstar > 0.6, "AUC of D* " + aucDstar);
	}
}
