package org.ivimj.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.ivimj.testing.ImageJHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The macros in macros/ and macro error handling, run through ImageJ's -batch mode in a fresh JVM. */
class ExampleMacrosTest {

	@Test
	void batchMacroFitsEveryStudyOfAFolder(@TempDir Path dir) throws Exception {
		Path studies = Files.createDirectories(dir.resolve("studies"));
		String s = studies.toString().replace('\\', '/') + "/";
		Path setup = dir.resolve("setup.ijm");
		// Two saved studies (b-values kept in the TIFF); the first with its ROI set, the second without.
		Files.writeString(setup, "setBatchMode(true);\n"
			+ "run(\"IVIM Phantom...\", \"slices=2 snr=50 seed=1 add_rois\");\n"
			+ "saveAs(\"Tiff\", \"" + s + "study1.tif\");\nroiManager(\"save\", \"" + s + "study1.zip\");\nclose();\n"
			+ "roiManager(\"reset\");\n"
			+ "run(\"IVIM Phantom...\", \"slices=2 snr=50 seed=2\");\n"
			+ "saveAs(\"Tiff\", \"" + s + "study2.tif\");\n");
		ImageJHarness.Run prepared = ImageJHarness.runBatchMacro(setup, null, dir);
		assertEquals(0, prepared.exitCode, prepared.toString());

		Path macro = ImageJHarness.projectDir().resolve("macros/batch_folder.ijm");
		ImageJHarness.Run run = ImageJHarness.runBatchMacro(macro, s, dir);
		assertEquals(0, run.exitCode, run.toString());
		Path out = studies.resolve("ivim");
		List<String> csv = Files.readAllLines(out.resolve("all_studies.csv"));
		assertEquals(1 + 3, csv.size(), "header + spondylitis on 2 slices + metastasis on 1: " + csv);
		assertTrue(csv.get(0).startsWith("Study,ROI,Channel,Slice"), csv.get(0));
		assertTrue(csv.get(1).startsWith("study1,tuberculous spondylitis,1,1"), csv.get(1));
		assertTrue(Files.exists(out.resolve("study1_biseg_Dstar.tif")), run.toString());
		assertTrue(Files.exists(out.resolve("study2_bifree_f.tif")), "study without ROIs: threshold maps");
	}

	@Test
	void labNotebookMacroRunsOnASavedSeries(@TempDir Path dir) throws Exception {
		String d = dir.toString().replace('\\', '/') + "/";
		Path setup = dir.resolve("setup.ijm");
		// A saved series of 10 slices × 10 b-values; the notebook sets its b-values again.
		Files.writeString(setup, "setBatchMode(true);\nrun(\"IVIM Phantom...\", \"slices=10 snr=50 seed=3\");\n"
			+ "saveAs(\"Tiff\", \"" + d + "dwi.tif\");\n");
		ImageJHarness.Run prepared = ImageJHarness.runBatchMacro(setup, null, dir);
		assertEquals(0, prepared.exitCode, prepared.toString());
		assertTrue(Files.exists(dir.resolve("dwi.tif")), prepared.toString());
		String notebook = Files.readString(ImageJHarness.projectDir().resolve("macros/lab_notebook_example.ijm"))
			.replace("/data/study01/dwi.tif", d + "dwi.tif");
		Path macro = dir.resolve("notebook.ijm");
		Files.writeString(macro, notebook);
		ImageJHarness.Run run = ImageJHarness.runBatchMacro(macro, d + "ivim", dir);
		assertEquals(0, run.exitCode, run.toString());
		assertTrue(run.output.contains("lesion (slice 8): D* = "), run.toString());
		List<String> csv = Files.readAllLines(dir.resolve("ivim/ivim_roi_results.csv"));
		assertEquals(2, csv.size(), csv.toString());
		assertTrue(Files.exists(dir.resolve("ivim/dwi_stretched_alpha.tif")));
		assertTrue(Files.exists(dir.resolve("ivim/rois.zip")));
	}

	@Test
	void aCommandErrorAbortsTheMacroWithItsMessageAndExitStatus1(@TempDir Path dir) throws Exception {
		Path macro = dir.resolve("bad.ijm");
		Files.writeString(macro, "newImage(\"x\", \"32-bit ramp\", 32, 32, 5);\n"
			+ "run(\"Fit IVIM Maps...\", \"mono\");\nprint(\"still running\");\n");
		ImageJHarness.Run run = ImageJHarness.runBatchMacro(macro, null, dir);
		assertEquals(1, run.exitCode, run.toString());
		assertTrue(run.output.contains("IVIM-J error: Fit IVIM Maps: No b-values are known for \"x\""), run.toString());
		assertTrue(!run.output.contains("still running"), run.toString());
	}
}
