package org.ivimj.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.ivimj.testing.ImageJHarness;
import org.ivimj.testing.SharedData;
import org.ivimj.testing.SyntheticDicom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end through ImageJ's -batch mode with {@code macros/ivim_dicom_to_maps.ijm}: a DICOM folder
 * becomes an ADC map (b = 0 and 1000) and a results table with no step typed by hand.
 */
class DicomToMapsMacroTest {

	static final Path MACRO = ImageJHarness.projectDir().resolve("macros/ivim_dicom_to_maps.ijm");

	/**
	 * The real GE series. Its public test set stores the same pixels in every volume (dcm2niix's
	 * reference NIfTI too), so the correct ADC is 0 everywhere: this proves the plumbing on real headers.
	 */
	@Test
	void realGeFolderGivesMapsAndTable(@TempDir Path dir) throws Exception {
		Path out = Files.createDirectories(dir.resolve("out"));
		ImageJHarness.Run run = ImageJHarness.runBatchMacro(MACRO, SharedData.geDicom() + "|" + out, dir);
		assertEquals(0, run.exitCode, run.toString());
		assertTrue(run.output.contains("b-values: 0,1000"), run.toString());
		List<String> rows = Files.readAllLines(out.resolve("dicom_roi_results.csv"));
		assertEquals(3, rows.size(), "header and one row per slice: " + rows);
		List<String> header = List.of(rows.get(0).split(","));
		int adc = header.indexOf("mono_ADC_mean"), slice = header.indexOf("Slice");
		for (int i = 1; i <= 2; i++) {
			String[] c = rows.get(i).split(",");
			assertEquals("signal", c[0]);
			assertEquals(i, Double.parseDouble(c[slice]), 0);
			assertEquals(0, Double.parseDouble(c[adc]), 1e-9, "identical volumes: no decay");
		}
		assertTrue(Files.size(out.resolve("ADC.tif")) > 0);
		assertTrue(Files.size(out.resolve("ADC.nii.gz")) > 0);
	}

	/** A synthetic Siemens series with a known decay: the table's ADC is the two-point ADC of its pixels. */
	@Test
	void syntheticSiemensFolderGivesTheTwoPointAdc(@TempDir Path dir) throws Exception {
		Path dicom = Files.createDirectories(dir.resolve("dicom"));
		int rows = 24, cols = 24, instance = 1;
		short s0 = 2000, s1000 = (short) Math.round(2000 * Math.exp(-1000 * 0.9e-3));
		for (double b : new double[] {0, 1000, 1000, 1000})
			for (double z : new double[] {0, 4}) {
				short[] px = new short[rows * cols];
				for (int i = 0; i < px.length; i++) px[i] = (i % cols) < 4 ? 0 : b == 0 ? s0 : s1000; // a dark strip: background
				SyntheticDicom.diffusion("SIEMENS", SyntheticDicom.BTag.SIEMENS, b, z, instance, "1.2.3.4", rows, cols, 0)
					.pixels(rows, cols, px).write(dicom.resolve("im" + instance++ + ".dcm"));
			}
		Path out = Files.createDirectories(dir.resolve("out"));
		ImageJHarness.Run run = ImageJHarness.runBatchMacro(MACRO, dicom + "|" + out, dir);
		assertEquals(0, run.exitCode, run.toString());
		List<String> lines = Files.readAllLines(out.resolve("dicom_roi_results.csv"));
		List<String> header = List.of(lines.get(0).split(","));
		double expected = Math.log((double) s0 / s1000) / 1000;
		for (int i = 1; i < lines.size(); i++)
			assertEquals(expected, Double.parseDouble(lines.get(i).split(",")[header.indexOf("mono_ADC_mean")]), 1e-3 * expected,
				lines.get(i));
		assertEquals(3, lines.size(), "one row per slice: " + lines);
	}
}
