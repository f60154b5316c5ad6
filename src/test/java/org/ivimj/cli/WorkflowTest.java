package org.ivimj.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ij.measure.ResultsTable;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.ivimj.testing.ImageJHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Snakemake workflow of workflow/ run for real ({@code snakemake --cores 2}, as CI and a user run
 * it) on a synthetic cohort made by the product's phantom: 6 studies, two groups, two readers; the
 * final tables checked. Then a cohort with a broken study: its job fails with the product's message,
 * the others complete (--keep-going), and nothing half-written is left as if complete.
 */
class WorkflowTest {

	private static final String SHEET = "study\tgroup\tpath\tlesion\tseed\n"
		+ "p01\tmetastasis\t\tmetastasis\t11\np02\ttuberculosis\t\tspondylitis\t12\np03\tmetastasis\t\tmetastasis\t13\n"
		+ "p04\ttuberculosis\t\tspondylitis\t14\np05\tmetastasis\t\tmetastasis\t15\np06\ttuberculosis\t\tspondylitis\t16\n";

	private static Path workflow(Path dir, String sheet) throws Exception {
		Path wf = Files.createDirectories(dir.resolve("workflow"));
		for (String f : new String[] {"Snakefile", "config.yaml"})
			Files.copy(ImageJHarness.projectDir().resolve("workflow").resolve(f), wf.resolve(f));
		Files.writeString(wf.resolve("cohort.tsv"), sheet);
		// The runner from the test class path (the jar is built after the tests).
		Files.writeString(wf.resolve("test.yaml"), "classpath: \"" + System.getProperty("surefire.test.class.path",
			System.getProperty("java.class.path")) + "\"\njava: \"" + java.nio.file.Paths.get(System.getProperty("java.home"),
				"bin", "java") + "\"\n");
		return wf;
	}

	private static Object[] snakemake(Path wf, String... extra) throws Exception {
		List<String> cmd = new ArrayList<>(List.of("snakemake", "--cores", "2", "--configfile", "config.yaml", "test.yaml"));
		cmd.addAll(List.of(extra));
		Process p = new ProcessBuilder(cmd).directory(wf.toFile()).redirectErrorStream(true).start();
		String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertTrue(p.waitFor(10, TimeUnit.MINUTES), "snakemake did not finish");
		return new Object[] {p.exitValue(), out};
	}

	private static boolean snakemakeAvailable() {
		for (String dir : System.getenv("PATH").split(File.pathSeparator))
			if (new File(dir, "snakemake").canExecute()) return true;
		return false;
	}

	@Test
	void bundledStyleCohortRunsToTheStatistics(@TempDir Path dir) throws Exception {
		assumeTrue(snakemakeAvailable(), "snakemake is needed (CI installs Debian's snakemake)");
		Path wf = workflow(dir, SHEET);
		Object[] r = snakemake(wf);
		assertEquals(0, r[0], (String) r[1]);
		ResultsTable cohort = ResultsTable.open(wf.resolve("results/cohort.csv").toString());
		assertEquals(6, cohort.size(), "one lesion row per study");
		assertEquals("p01", cohort.getStringValue("Study", 0));
		assertEquals("tuberculosis", cohort.getStringValue("Group", 1));
		assertTrue(cohort.columnExists("bifree_Dstar_mean_R2"), "both readers' values are in the cohort table");
		ResultsTable roc = ResultsTable.open(wf.resolve("results/statistics/IVIM_ROC.csv").toString());
		assertEquals("bifree_f_mean", roc.getStringValue("Parameter", 0));
		double auc = roc.getValue("AUC", 0);
		assertTrue(auc >= 0.5 && auc <= 1, "AUC " + auc);
		assertTrue(Files.exists(wf.resolve("results/statistics/IVIM_Group_Comparison.csv")));
		assertTrue(Files.readString(wf.resolve("results/fit/p03/ivimj.json")).contains("\"version\""));
	}

	@Test
	void aBrokenStudyFailsAloneWithTheProductsMessage(@TempDir Path dir) throws Exception {
		assumeTrue(snakemakeAvailable(), "snakemake is needed (CI installs Debian's snakemake)");
		Path broken = Files.createDirectories(dir.resolve("broken"));
		Files.write(broken.resolve("dwi.nii.gz"), new byte[] {31, -117, 8, 0, 1, 2, 3});
		Files.writeString(broken.resolve("dwi.bval"), "0 1000\n");
		Path wf = workflow(dir, SHEET.substring(0, SHEET.indexOf("p04")) + "bad\ttuberculosis\t" + broken + "\t\t\n");
		Object[] r = snakemake(wf, "--keep-going");
		assertNotEquals(0, r[0], (String) r[1]);
		assertTrue(((String) r[1]).contains("Error in rule fit") && ((String) r[1]).contains("study=bad"), (String) r[1]);
		String log = Files.readString(wf.resolve("logs/fit/bad.log"));
		assertTrue(log.contains("IVIM-J error: NIfTI Diffusion (IVIM): " + broken.resolve("dwi.nii.gz")), log);
		for (String s : new String[] {"p01", "p02", "p03"}) assertTrue(Files.exists(wf.resolve("results/fit/" + s + "/ivimj.json")), s);
		assertFalse(Files.exists(wf.resolve("results/fit/bad")), "no output of the broken study");
		try (Stream<Path> all = Files.walk(wf.resolve("results"))) {
			assertFalse(all.anyMatch(p -> p.getFileName().toString().contains(".partial")), "nothing half-written left");
		}
		assertFalse(Files.exists(wf.resolve("results/cohort.csv")), "no cohort table without every study");
	}
}
