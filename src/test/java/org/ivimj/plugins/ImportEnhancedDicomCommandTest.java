package org.ivimj.plugins;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.IJ;
import ij.ImagePlus;
import ij.WindowManager;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.ivimj.ij.BValueMetadata;
import org.ivimj.ij.DiffusionImages;
import org.ivimj.io.DicomTags;
import org.ivimj.testing.ImageJHarness;
import org.ivimj.testing.SyntheticDicom;
import org.ivimj.testing.SyntheticDicom.Frame;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * File › Import › DICOM Diffusion Series (IVIM) on synthetic Philips-style enhanced files (one file, all
 * volumes, per-frame b-values and rescale, isotropic trace frames) and on bad enhanced files, through
 * the real ImageJ command and its macro line, headless: a refusal is one clear message, no stack trace,
 * nothing left open.
 */
class ImportEnhancedDicomCommandTest {

	@BeforeEach
	void batchMode() {
		ImageJHarness.startBatchSession();
	}

	@AfterEach
	void closeAll() {
		ImageJHarness.endBatchSession();
	}

	/** 2 slices; b = 0, two directions and the isotropic image at 600, two directions at 1200 (slope 3). */
	private static List<Frame> frames() {
		List<Frame> frames = new ArrayList<>();
		Object[][] volumes = { { 0.0, "NONE" }, { 600.0, "DIRECTIONAL" }, { 600.0, "DIRECTIONAL" }, { 600.0, "ISOTROPIC" },
			{ 1200.0, "DIRECTIONAL" }, { 1200.0, "DIRECTIONAL" } };
		for (int v = 0; v < volumes.length; v++)
			for (int s = 0; s < 2; s++) {
				double b = (Double) volumes[v][0];
				short[] px = new short[6 * 5];
				Arrays.fill(px, (short) (b == 1200 ? 100 + v : 1000 - b + 10 * v + s));
				Frame f = new Frame(b, (String) volumes[v][1], 10 - 5 * s, px);
				if (b == 1200) f.slope = 3;
				f.temporalIndex = v + 1;
				f.stackPosition = s + 1;
				frames.add(f);
			}
		return frames;
	}

	@Test
	void philipsStyleFileThroughTheMacroLine(@TempDir Path dir) throws Exception {
		for (boolean implicit : new boolean[] { false, true }) {
			Path sub = Files.createDirectories(dir.resolve("DWI_" + implicit));
			SyntheticDicom.enhanced("Philips Medical Systems", "1.2.3.9", 1, 6, 5, frames()).implicitVr(implicit)
				.undefinedLengths(true).write(sub.resolve("IM_0001"));
			IJ.run("DICOM Diffusion Series (IVIM)...", "folder=[" + sub + "] repeats=[trace (geometric mean)] order=[ascending b]");
			assertNull(IJ.getErrorMessage());
			ImagePlus imp = WindowManager.getCurrentImage();
			assertEquals("DWI_" + implicit, imp.getTitle());
			assertArrayEquals(new int[] { 5, 6, 1, 2, 3 }, imp.getDimensions());
			assertArrayEquals(new double[] { 0, 600, 1200 }, BValueMetadata.bValues(imp));
			assertEquals(0.9, imp.getCalibration().pixelWidth, 1e-9);
			assertEquals(5.0, imp.getCalibration().pixelDepth, 1e-9);
			assertNotNull(DiffusionImages.geometry(imp));
			// slice 1 = position 5 (s = 1); b = 600: directions 410 + 1 and 420 + 1.
			assertEquals(Math.sqrt(411.0 * 421.0), imp.getStack().getProcessor(imp.getStackIndex(1, 1, 2)).getf(0), 1e-2);
			// b = 1200 frames stored as 104 and 105 with slope 3.
			assertEquals(Math.sqrt(312.0 * 315.0), imp.getStack().getProcessor(imp.getStackIndex(1, 2, 3)).getf(0), 1e-2);
			String notes = imp.getProp(DiffusionImages.NOTES_KEY);
			assertTrue(notes.contains("(0018,9075) = ISOTROPIC"), notes);
			IJ.run("DICOM Diffusion Series (IVIM)...", "folder=[" + sub + "] repeats=[kept apart] order=acquisition");
			assertArrayEquals(new double[] { 0, 600, 600, 1200, 1200 }, BValueMetadata.bValues(WindowManager.getCurrentImage()));
		}
	}

	@Test
	void badEnhancedFilesAreOneClearMessageAndNothingIsOpened(@TempDir Path dir) throws Exception {
		List<byte[]> bad = new ArrayList<>();
		List<String> expected = new ArrayList<>();
		byte[] ok = SyntheticDicom.enhanced("Philips", "1.2.3.9", 1, 6, 5, frames()).toBytes();
		bad.add(Arrays.copyOf(ok, ok.length - 100));
		expected.add("is truncated");
		bad.add(SyntheticDicom.enhanced("Philips", "1.2.3.9", 1, 6, 5, frames())
			.text(DicomTags.NUMBER_OF_FRAMES, "IS", "10").toBytes());
		expected.add("says it has 10 frames");
		bad.add(SyntheticDicom.enhanced("Philips", "1.2.3.9", 1, 6, 5, frames())
			.remove(DicomTags.SHARED_FUNCTIONAL_GROUPS_SEQUENCE).remove(DicomTags.PER_FRAME_FUNCTIONAL_GROUPS_SEQUENCE)
			.toBytes());
		expected.add("no functional groups");
		List<Frame> mixed = frames();
		mixed.get(9).b = 1.2e9;
		bad.add(SyntheticDicom.enhanced("Philips", "1.2.3.9", 1, 6, 5, mixed).toBytes());
		expected.add("not a b-value in s/mm²");
		bad.add(SyntheticDicom.enhanced("Philips", "1.2.3.9", 1, 6, 5, frames()).encapsulated("1.2.840.10008.1.2.4.90")
			.toBytes());
		expected.add("JPEG 2000 Lossless (1.2.840.10008.1.2.4.90)");
		int before = WindowManager.getImageCount();
		for (int i = 0; i < bad.size(); i++) {
			Path sub = Files.createDirectories(dir.resolve("bad" + i));
			Files.write(sub.resolve("IM_0001"), bad.get(i));
			String msg = ImportDicomDiffusionCommandTest.runExpectingError("DICOM Diffusion Series (IVIM)...",
				"folder=[" + sub + "]");
			assertTrue(msg.contains("IM_0001") && msg.contains(expected.get(i)), msg);
			assertFalse(msg.contains("Exception") || msg.contains("\tat "), msg);
			assertEquals(before, WindowManager.getImageCount());
		}
	}
}
