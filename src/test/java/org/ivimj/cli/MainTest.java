package org.ivimj.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.measure.ResultsTable;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.ivimj.io.NiftiReader;
import org.ivimj.testing.ImageJHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The headless study runner as a workflow calls it: a fresh JVM per call ({@code org.ivimj.cli.Main}),
 * exit status and messages checked; outputs read back as users read them.
 */
class MainTest {

	/** Runs the runner in a fresh JVM; returns {exit status, output}. */
	static Object[] runner(Path dir, String... args) throws Exception {
		List<String> cmd = new ArrayList<>(List.of(java.nio.file.Paths.get(System.getProperty("java.home"), "bin", "java")
			.toString(), "-Djava.awt.headless=true", "-cp", System.getProperty("surefire.test.class.path",
				System.getProperty("java.class.path")), Main.class.getName()));
		cmd.addAll(List.of(args));
		Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
		String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertTrue(p.waitFor(5, TimeUnit.MINUTES));
		return new Object[] {p.exitValue(), out};
	}

	@Test
	void helpAndBadUsage(@TempDir Path dir) throws Exception {
		Object[] r = runner(dir, "--help");
		assertEquals(0, r[0]);
		assertTrue(((String) r[1]).contains("fit      --study DIR --out DIR"), (String) r[1]);
		r = runner(dir, "refit");
		assertEquals(1, r[0]);
		assertTrue(((String) r[1]).contains("IVIM-J error: unknown verb 'refit'"), (String) r[1]);
		r = runner(dir, "fit", "--study", dir.resolve("nope").toString(), "--out", dir.resolve("out").toString());
		assertEquals(1, r[0]);
		assertTrue(((String) r[1]).contains("IVIM-J error: " + dir.resolve("nope") + ": no such study folder."), (String) r[1]);
		r = runner(dir, "fit", "--study", dir.toString(), "--out", dir.resolve("o").toString(), "--colour", "red");
		assertTrue(((String) r[1]).contains("fit: unknown option --colour"), (String) r[1]);
	}

	@Test
	void syntheticStudyFitsWithTwoReadersAndWritesEverythingComplete(@TempDir Path dir) throws Exception {
		Path study = dir.resolve("p01"), out = dir.resolve("fit-p01");
		Object[] r = runner(dir, "phantom", "--out", study.toString(), "--seed", "3", "--lesion", "metastasis");
		assertEquals(0, r[0], (String) r[1]);
		r = runner(dir, "fit", "--study", study.toString(), "--out", out.toString(), "--fit", "mono free");
		assertEquals(0, r[0], (String) r[1]);
		ResultsTable roi = ResultsTable.open(out.resolve("roi_table.csv").toString());
		assertEquals(1, roi.size(), "the lesion on its middle slice");
		assertEquals("spinal metastasis", roi.getStringValue("ROI", 0));
		ResultsTable both = ResultsTable.open(out.resolve("readers_combined.csv").toString());
		assertEquals((both.getValue("bifree_f_mean_R1", 0) + both.getValue("bifree_f_mean_R2", 0)) / 2,
			both.getValue("bifree_f_mean", 0), 1e-12);
		assertEquals(3, NiftiReader.read(out.resolve("dwi_bifree_Dstar.nii.gz")).depth);
		String json = Files.readString(out.resolve("ivimj.json"));
		assertTrue(json.contains("\"b_values\": \"0,20,50,100,150,200,400,800,1200,1500\""), json);
		assertTrue(json.contains("\"fit_options\": \"mono free roi_set=["), json);
		assertFalse(Files.exists(dir.resolve(".fit-p01.partial")));
	}

	@Test
	void badStudiesFailWithTheProductsMessageAndLeaveNothing(@TempDir Path dir) throws Exception {
		Path study = dir.resolve("bad"), out = dir.resolve("fit-bad");
		assertEquals(0, runner(dir, "phantom", "--out", study.toString(), "--seed", "1", "--lesion", "spondylitis")[0]);
		Files.writeString(study.resolve("dwi.bval"), "0 1000\n"); // b-values that do not match the volumes
		Object[] r = runner(dir, "fit", "--study", study.toString(), "--out", out.toString());
		assertEquals(1, r[0], (String) r[1]);
		assertTrue(((String) r[1]).contains("IVIM-J error: NIfTI Diffusion (IVIM): " + study.resolve("dwi.bval")
			+ ": holds 2 b-value(s) but dwi.nii.gz has 10 volume(s)"), (String) r[1]);
		assertFalse(Files.exists(out), "a failed study leaves no output folder");
		assertFalse(Files.exists(dir.resolve(".fit-bad.partial")), "nor a partial one");
		Files.write(study.resolve("dwi.nii.gz"), new byte[] {31, -117, 8, 0, 1, 2, 3});
		r = runner(dir, "fit", "--study", study.toString(), "--out", out.toString());
		assertEquals(1, r[0], (String) r[1]);
		assertTrue(((String) r[1]).contains("IVIM-J error: NIfTI Diffusion (IVIM): " + study.resolve("dwi.nii.gz")), (String) r[1]);
	}

	@Test
	void aMaskGivesTheRegionAndTiffMaps(@TempDir Path dir) throws Exception {
		Path study = dir.resolve("s");
		assertEquals(0, runner(dir, "phantom", "--out", study.toString(), "--seed", "2", "--lesion", "metastasis")[0]);
		Files.delete(study.resolve("reader1.zip"));
		Files.delete(study.resolve("reader2.zip"));
		// A mask of 6 × 5 voxels on every slice, written by IVIM-J's own NIfTI writer.
		float[][][] mask = new float[1][3][128 * 128];
		for (int z = 0; z < 3; z++)
			for (int y = 60; y < 65; y++)
				for (int x = 40; x < 46; x++) mask[0][z][y * 128 + x] = 1;
		org.ivimj.io.NiftiWriter.write(study.resolve("mask.nii.gz"), 128, 128, mask, new double[] {1, 1, 1}, null, "mask");
		Path out = dir.resolve("o");
		Object[] r = runner(dir, "fit", "--study", study.toString(), "--out", out.toString(), "--fit", "mono", "--format", "tiff");
		assertEquals(0, r[0], (String) r[1]);
		ResultsTable roi = ResultsTable.open(out.resolve("roi_table.csv").toString());
		assertEquals(3, roi.size());
		assertEquals(30, (int) roi.getValue("Voxels", 0));
		assertTrue(Files.exists(out.resolve("dwi_mono_ADC.tif")));
	}

	@Test
	void aDicomStudyFolderFitsTheWholeImage(@TempDir Path dir) throws Exception {
		Path out = dir.resolve("ge");
		Object[] r = runner(dir, "fit", "--study", org.ivimj.testing.SharedData.geDicom().toString(), "--out", out.toString(),
			"--fit", "mono");
		assertEquals(0, r[0], (String) r[1]);
		org.ivimj.io.NiftiImage adc = NiftiReader.read(out.resolve("dicom_mono_ADC.nii.gz"));
		assertEquals(256, adc.width);
		assertEquals(2, adc.depth);
		assertTrue(Files.readString(out.resolve("ivimj.json")).contains("\"b_values\": \"0,1000\""));
		assertFalse(Files.exists(out.resolve("roi_table.csv")), "no ROIs, no ROI table");
	}
}
