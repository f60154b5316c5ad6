package org.ivimj.plugins;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.IJ;
import ij.ImagePlus;
import ij.ImageStack;
import ij.Macro;
import ij.WindowManager;
import ij.macro.Interpreter;

import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;

import org.ivimj.ij.BDimension;
import org.ivimj.ij.BValueMetadata;
import org.ivimj.ij.DiffusionImages;
import org.ivimj.io.BvalFile;
import org.ivimj.testing.ImageJHarness;
import org.ivimj.testing.SharedData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The DICOM import commands through the real ImageJ, with macro options, headless. */
class ImportDicomDiffusionCommandTest {

	@BeforeEach
	void batchMode() {
		ImageJHarness.startBatchSession(); // as in a -batch macro: images are registered, never shown
	}

	@AfterEach
	void closeAll() {
		ImageJHarness.endBatchSession();
	}

	@Test
	void geFolderGivesTheIvimHyperstack() {
		IJ.run("DICOM Diffusion Series (IVIM)...", "folder=[" + SharedData.geDicom()
			+ "] repeats=[trace (geometric mean)] order=[ascending b]");
		assertNull(IJ.getErrorMessage());
		ImagePlus imp = WindowManager.getCurrentImage();
		assertNotNull(imp);
		assertEquals("dicom", imp.getTitle());
		assertArrayEquals(new int[] { 256, 256, 1, 2, 2 }, imp.getDimensions());
		assertEquals(32, imp.getBitDepth());
		assertArrayEquals(new double[] { 0, 1000 }, BValueMetadata.bValues(imp));
		assertEquals(BDimension.FRAMES, BValueMetadata.dimension(imp));
		assertEquals(1.0156, imp.getCalibration().pixelWidth, 1e-6);
		assertEquals(3.0, imp.getCalibration().pixelDepth, 1e-4);
		assertEquals("mm", imp.getCalibration().getUnit());
		assertNotNull(DiffusionImages.geometry(imp));
	}

	@Test
	void philipsKeptApartInAcquisitionOrderMatchesDcm2niix() throws Exception {
		IJ.run("DICOM Diffusion Series (IVIM)...", "folder=[" + SharedData.philipsDicom()
			+ "] repeats=[kept apart] order=acquisition");
		ImagePlus imp = WindowManager.getCurrentImage();
		assertArrayEquals(BvalFile.read(SharedData.philipsReferenceBval()), BValueMetadata.bValues(imp));
		assertEquals(17, imp.getNFrames());
		assertEquals(2, imp.getNSlices());
		// short forms of the choices work too
		IJ.run("DICOM Diffusion Series (IVIM)...", "folder=[" + SharedData.philipsDicom() + "] repeats=trace");
		assertArrayEquals(new double[] { 0, 0.001, 0.002, 0.003, 0.004, 1000 },
			BValueMetadata.bValues(WindowManager.getCurrentImage()));
	}

	@Test
	void openDicomStackIsArrangedLikeTheFolder() {
		ImagePlus fromFolder = importFolder(SharedData.geDicom(), "kept apart");
		ImagePlus stack = openAsStack(SharedData.geDicom());
		Interpreter.addBatchModeImage(stack);
		WindowManager.setTempCurrentImage(stack);
		IJ.run("DICOM Stack to IVIM Hyperstack...", "repeats=[kept apart] order=[ascending b]");
		assertNull(IJ.getErrorMessage());
		ImagePlus arranged = WindowManager.getCurrentImage();
		assertEquals(stack.getTitle() + " IVIM", arranged.getTitle());
		assertArrayEquals(fromFolder.getDimensions(), arranged.getDimensions());
		assertArrayEquals(BValueMetadata.bValues(fromFolder), BValueMetadata.bValues(arranged));
		for (int i = 1; i <= fromFolder.getStackSize(); i++)
			assertArrayEquals((float[]) fromFolder.getStack().getPixels(i), (float[]) arranged.getStack().getPixels(i),
				"plane " + i);
	}

	@Test
	void stackWithoutDicomHeadersIsAnError() {
		ImagePlus plain = IJ.createImage("plain", "16-bit ramp", 8, 8, 3);
		WindowManager.setTempCurrentImage(plain);
		String msg = runExpectingError("DICOM Stack to IVIM Hyperstack...", "repeats=trace");
		assertTrue(msg.startsWith("DICOM Stack to IVIM Hyperstack: plain, slice 1: carries no DICOM header"), msg);
		assertEquals(plain, WindowManager.getCurrentImage());
	}

	@Test
	void badFolderAndBadChoiceAreReportedAndNothingIsLeftOpen(@TempDir Path dir) {
		int before = WindowManager.getImageCount();
		String msg = runExpectingError("DICOM Diffusion Series (IVIM)...", "folder=[" + dir.resolve("missing") + "]");
		assertEquals("DICOM Diffusion Series (IVIM): " + dir.resolve("missing") + ": is not a folder", msg);
		msg = runExpectingError("DICOM Diffusion Series (IVIM)...", "folder=[" + SharedData.geDicom() + "] repeats=median");
		assertTrue(msg.contains("\"median\" is not a valid choice for repeats=: use one of trace (geometric mean)"), msg);
		msg = runExpectingError("DICOM Diffusion Series (IVIM)...", "folder=[" + dir + "]");
		assertEquals("DICOM Diffusion Series (IVIM): " + dir + ": holds no DICOM images", msg);
		assertEquals(before, WindowManager.getImageCount());
	}

	/**
	 * Runs a command that must fail: ImageJ aborts the running macro (IJ.run throws "Macro canceled" in
	 * batch mode) and the error message is returned.
	 */
	static String runExpectingError(String command, String options) {
		RuntimeException e = assertThrows(RuntimeException.class, () -> IJ.run(command, options));
		assertEquals(Macro.MACRO_CANCELED, e.getMessage());
		String msg = IJ.getErrorMessage();
		assertNotNull(msg);
		return msg;
	}

	private static ImagePlus importFolder(Path folder, String repeats) {
		IJ.run("DICOM Diffusion Series (IVIM)...", "folder=[" + folder + "] repeats=[" + repeats + "]");
		return WindowManager.getCurrentImage();
	}

	/** What File > Import > Image Sequence builds: each slice labelled with its file name and DICOM header. */
	static ImagePlus openAsStack(Path folder) {
		String[] names = folder.toFile().list();
		Arrays.sort(names);
		ImageStack stack = null;
		for (String name : names) {
			ImagePlus one = IJ.openImage(folder.resolve(name).toString());
			assertNotNull(one, name);
			ImageStack s = one.getStack();
			if (stack == null) stack = new ImageStack(one.getWidth(), one.getHeight());
			stack.addSlice(name + "\n" + one.getInfoProperty(), s.getProcessor(1).convertToFloat());
		}
		return new ImagePlus(folder.getParent().getFileName() + File.separator, stack);
	}
}
