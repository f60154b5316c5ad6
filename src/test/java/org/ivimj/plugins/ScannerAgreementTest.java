package org.ivimj.plugins;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.IJ;
import ij.ImagePlus;
import ij.WindowManager;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import org.ivimj.ij.BValueMetadata;
import org.ivimj.ij.DiffusionImages;
import org.ivimj.io.NiftiGeometry;
import org.ivimj.io.NiftiImage;
import org.ivimj.io.NiftiReader;
import org.ivimj.testing.BrainMask;
import org.ivimj.testing.ImageJHarness;
import org.ivimj.testing.SharedData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * IVIM-J checks itself against the scanner, through the real ImageJ commands and their macro lines,
 * headless: the Siemens XA30 enhanced series imported with the trace, the mono ADC fitted by Fit IVIM
 * Maps from b = 0 and the trace, compared with the scanner's own ADC map (series 11) imported by the
 * same command; the b-values against dcm2niix's .bval and the saved map's position against dcm2niix's
 * NIfTI (qform/sform read by nibabel, fixture made by make_siemens_xa30_fixtures.py).
 */
class ScannerAgreementTest {

	private static final String DWI = "10_DWI_dir80_PA";
	private static final String ADC = "11_DWI_dir80_PA_ADC";

	@BeforeEach
	void batchMode() {
		ImageJHarness.startBatchSession();
	}

	@AfterEach
	void closeAll() {
		ImageJHarness.endBatchSession();
	}

	@Test
	void bValuesInAcquisitionOrderAreDcm2niixBval() throws Exception {
		IJ.run("DICOM Diffusion Series (IVIM)...", "folder=[" + SharedData.siemensEnhancedDwi()
			+ "] repeats=[kept apart] order=acquisition");
		assertNull(IJ.getErrorMessage());
		ImagePlus imp = WindowManager.getCurrentImage();
		assertArrayEquals(new int[] { 72, 72, 1, 39, 21 }, imp.getDimensions());
		assertArrayEquals(numbers(fixtures().get("bval")), BValueMetadata.bValues(imp));
	}

	@Test
	void monoAdcFromTheTraceAgreesWithTheScannersAdcAndSavesWithItsGeometry(@TempDir Path dir) throws Exception {
		IJ.run("DICOM Diffusion Series (IVIM)...", "folder=[" + SharedData.siemensEnhancedDwi()
			+ "] repeats=[trace (geometric mean)] order=[ascending b]");
		ImagePlus dwi = WindowManager.getCurrentImage();
		assertEquals(DWI, dwi.getTitle());
		assertArrayEquals(new double[] { 0, 2500 }, BValueMetadata.bValues(dwi));
		String notes = dwi.getProp(DiffusionImages.NOTES_KEY);
		assertTrue(notes.contains("the scanner's rule"), notes);
		IJ.run("Fit IVIM Maps...", "maps=[single images] mono region=[whole image]");
		assertNull(IJ.getErrorMessage());
		ImagePlus fitted = imageStartingWith(DWI + "_mono_ADC"); // the title ends with the unit
		assertNotNull(fitted);

		IJ.run("DICOM Diffusion Series (IVIM)...", "folder=[" + SharedData.siemensEnhancedAdc() + "]");
		assertNull(IJ.getErrorMessage());
		ImagePlus scanner = WindowManager.getCurrentImage();
		assertEquals(ADC, scanner.getTitle());
		assertEquals("ADC", scanner.getProp("IVIM.parameter"));
		assertEquals("mm\u00b2/s", scanner.getProp("IVIM.unit"));
		assertTrue(((String) scanner.getProperty("Info")).contains("1e-6 mm\u00b2/s"), (String) scanner.getProperty("Info"));
		assertArrayEquals(new int[] { 72, 72, 1, 39, 1 }, scanner.getDimensions());

		// Brain mask from the data: b = 0 above 10% of its 99th percentile.
		float[][] b0 = new float[39][];
		for (int z = 0; z < 39; z++) b0[z] = (float[]) dwi.getStack().getPixels(dwi.getStackIndex(1, z + 1, 1));
		boolean[][] brain = BrainMask.of(b0);
		int n = BrainMask.count(brain);
		double[] rel = new double[n];
		int k = 0, agree = 0;
		for (int z = 0; z < 39; z++) {
			float[] ours = (float[]) fitted.getStack().getPixels(z + 1);
			float[] theirs = (float[]) scanner.getStack().getPixels(z + 1);
			for (int i = 0; i < ours.length; i++) {
				if (!brain[z][i]) continue;
				double r = Math.abs(ours[i] - theirs[i]) / theirs[i];
				rel[k++] = Double.isNaN(r) ? Double.POSITIVE_INFINITY : r;
				if (r < 0.01) agree++;
			}
		}
		Arrays.sort(rel);
		double median = rel[n / 2];
		System.out.printf("scanner agreement: %d brain voxels, %d (%.3f%%) within 1%%, median |rel diff| %.4f%%%n", n,
			agree, 100.0 * agree / n, 100 * median);
		assertTrue(agree >= 0.999 * n, agree + " of " + n + " brain voxels within 1%");
		assertTrue(median < 0.005, "median |relative difference| " + median);

		// Saved with Save as NIfTI, the fitted map sits where dcm2niix put the scanner's ADC.
		Map<String, String> fx = fixtures();
		for (String geometry : new String[] { "[this image]", "[" + DWI + "]" }) {
			Path out = dir.resolve("adc" + geometry.length() + ".nii.gz");
			WindowManager.setTempCurrentImage(fitted);
			IJ.run("Save as NIfTI...", "save=[" + out + "] geometry=" + geometry);
			assertNull(IJ.getErrorMessage());
			NiftiImage saved = NiftiReader.read(out);
			assertEquals(72, saved.width);
			assertEquals(39, saved.depth);
			assertNibabelGeometry(fx, saved.header.geometry);
		}
		// And so does the scanner's map read by IVIM-J.
		Path out = dir.resolve("scanner_adc.nii");
		WindowManager.setTempCurrentImage(scanner);
		IJ.run("Save as NIfTI...", "save=[" + out + "]");
		NiftiImage saved = NiftiReader.read(out);
		assertNibabelGeometry(fx, saved.header.geometry);
		NiftiImage reference = NiftiReader.read(SharedData.siemensEnhancedReference("11_DWI_dir80_PA.nii"));
		for (int z = 0; z < 39; z++)
			for (int i = 0; i < 72 * 72; i += 7)
				assertEquals(reference.volumes[0][z][i] * 1e-6, saved.volumes[0][z][i], 1e-9);
	}

	@Test
	void aStudyFolderWithTheDerivedSeriesNamesThemAndFitsOnlyTheAcquisition(@TempDir Path dir) throws Exception {
		for (Path series : new Path[] { SharedData.siemensEnhancedDwi(), SharedData.siemensEnhancedAdc(),
			SharedData.siemensEnhancedTracew() })
			try (var files = java.nio.file.Files.list(series)) {
				for (Path f : (Iterable<Path>) files::iterator) java.nio.file.Files.copy(f, dir.resolve(f.getFileName()));
			}
		// Three series in one folder: the derived two (ADC, TRACEW) are left out, the acquisition is read.
		IJ.run("DICOM Diffusion Series (IVIM)...", "folder=[" + dir + "] repeats=trace");
		assertNull(IJ.getErrorMessage());
		ImagePlus imp = WindowManager.getCurrentImage();
		assertArrayEquals(new double[] { 0, 2500 }, BValueMetadata.bValues(imp));
		String notes = imp.getProp(DiffusionImages.NOTES_KEY);
		assertTrue(notes.contains("derived series left out (the scanner's own results, never fitted): series 11"
			+ " DWI_dir80_PA_ADC (ADC map, 39 image(s)); series 12 DWI_dir80_PA_TRACEW (trace-weighted, 39 image(s))"), notes);
	}

	@Test
	void exampleMacroInBatchModeSavesBothAdcsWhereTheScannerHadThem(@TempDir Path dir) throws Exception {
		Path macro = ImageJHarness.projectDir().resolve("macros/ivim_scanner_adc_check.ijm");
		ImageJHarness.Run run = ImageJHarness.runBatchMacro(macro, SharedData.siemensEnhancedDwi() + "|"
			+ SharedData.siemensEnhancedAdc() + "|" + dir, dir);
		assertEquals(0, run.exitCode, run.toString());
		assertTrue(run.output.contains("imported " + DWI + ", b-values: 0,2500"), run.toString());
		assertTrue(run.output.contains("scanner map " + ADC + ": ADC in mm\u00b2/s"), run.toString());
		NiftiImage ours = NiftiReader.read(dir.resolve("ivimj_adc.nii.gz"));
		NiftiImage scanner = NiftiReader.read(dir.resolve("scanner_adc.nii.gz"));
		Map<String, String> fx = fixtures();
		assertNibabelGeometry(fx, ours.header.geometry);
		assertNibabelGeometry(fx, scanner.header.geometry);
		int close = 0, brain = 0;
		for (int z = 0; z < 39; z++)
			for (int i = 0; i < 72 * 72; i++) {
				if (!(scanner.volumes[0][z][i] > 0.0002 && scanner.volumes[0][z][i] < 0.004)) continue; // tissue ADCs
				brain++;
				if (Math.abs(ours.volumes[0][z][i] / scanner.volumes[0][z][i] - 1) < 0.01) close++;
			}
		assertTrue(brain > 50000 && close > 0.99 * brain, close + " of " + brain);
	}

	private static ImagePlus imageStartingWith(String prefix) {
		for (int id : WindowManager.getIDList()) {
			ImagePlus imp = WindowManager.getImage(id);
			if (imp != null && imp.getTitle().startsWith(prefix)) return imp;
		}
		return null;
	}

	private static void assertNibabelGeometry(Map<String, String> fx, NiftiGeometry g) {
		assertEquals(Integer.parseInt(fx.get("qform_code")), g.qformCode);
		assertEquals(Integer.parseInt(fx.get("sform_code")), g.sformCode);
		double[][] q = qformMatrix(g);
		for (int r = 0; r < 3; r++) {
			double[] sform = numbers(fx.get("sform_row" + r)), qform = numbers(fx.get("qform_row" + r));
			for (int c = 0; c < 4; c++) {
				assertEquals(sform[c], g.srow[r][c], 1e-3, "sform " + r + "," + c);
				assertEquals(qform[c], q[r][c], 1e-3, "qform " + r + "," + c);
			}
		}
	}

	/** The qform as a 3 x 4 matrix (NIfTI-1 method 2), voxel size from the sform's columns. */
	private static double[][] qformMatrix(NiftiGeometry g) {
		double b = g.quaternB, c = g.quaternC, d = g.quaternD;
		double a = Math.sqrt(Math.max(0, 1 - b * b - c * c - d * d));
		double[][] r = { { a * a + b * b - c * c - d * d, 2 * (b * c - a * d), 2 * (b * d + a * c) },
			{ 2 * (b * c + a * d), a * a + c * c - b * b - d * d, 2 * (c * d - a * b) },
			{ 2 * (b * d - a * c), 2 * (c * d + a * b), a * a + d * d - c * c - b * b } };
		double[][] m = new double[3][4];
		for (int col = 0; col < 3; col++) {
			double len = Math.sqrt(g.srow[0][col] * g.srow[0][col] + g.srow[1][col] * g.srow[1][col]
				+ g.srow[2][col] * g.srow[2][col]);
			double scale = col == 2 ? len * g.qfac : len;
			for (int row = 0; row < 3; row++) m[row][col] = r[row][col] * scale;
		}
		m[0][3] = g.qoffsetX;
		m[1][3] = g.qoffsetY;
		m[2][3] = g.qoffsetZ;
		return m;
	}

	private static Map<String, String> fixtures() throws IOException {
		Map<String, String> out = new HashMap<>();
		try (InputStream in = ScannerAgreementTest.class.getResourceAsStream("siemens_xa30_fixtures.txt")) {
			assertNotNull(in, "fixture missing: run make_siemens_xa30_fixtures.py");
			for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
				if (line.startsWith("#") || line.isBlank()) continue;
				int sp = line.indexOf(' ');
				out.put(line.substring(0, sp), line.substring(sp + 1).trim());
			}
		}
		return out;
	}

	private static double[] numbers(String s) {
		return Arrays.stream(s.trim().split("\\s+")).mapToDouble(Double::parseDouble).toArray();
	}
}
