package org.ivimj.plugins;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.IJ;
import ij.ImagePlus;
import ij.WindowManager;
import ij.macro.Interpreter;

import java.nio.file.Files;
import java.nio.file.Path;

import org.ivimj.ij.DiffusionImages;
import org.ivimj.io.BvalFile;
import org.ivimj.io.NiftiGeometry;
import org.ivimj.io.NiftiImage;
import org.ivimj.io.NiftiReader;
import org.ivimj.testing.ImageJHarness;
import org.ivimj.testing.SharedData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Save as NIfTI through the real ImageJ: what it writes lines up with dcm2niix's conversion. */
class SaveNiftiCommandTest {

	@BeforeEach
	void batchMode() {
		ImageJHarness.startBatchSession();
	}

	@AfterEach
	void closeAll() {
		ImageJHarness.endBatchSession();
	}

	@Test
	void importedDicomSeriesSavedAsNiftiMatchesDcm2niix(@TempDir Path dir) throws Exception {
		IJ.run("DICOM Diffusion Series (IVIM)...", "folder=[" + SharedData.geDicom() + "] repeats=[kept apart] order=acquisition");
		Path out = dir.resolve("dwi.nii.gz");
		IJ.run("Save as NIfTI...", "save=[" + out + "]");
		assertNull(IJ.getErrorMessage());
		NiftiImage saved = NiftiReader.read(out), ref = NiftiReader.read(SharedData.geNifti());
		assertEquals(ref.volumeCount(), saved.volumeCount());
		for (int t = 0; t < 7; t++)
			for (int z = 0; z < 2; z++) assertArrayEquals(ref.volumes[t][z], saved.volumes[t][z]);
		assertGeometry(ref.header.geometry, saved.header.geometry);
		assertArrayEquals(ref.voxelSize(), saved.voxelSize(), 1e-4);
		assertArrayEquals(BvalFile.read(SharedData.geReferenceBval()), BvalFile.read(dir.resolve("dwi.bval")));
	}

	@Test
	void mapTakesTheGeometryOfTheImageItWasComputedFrom(@TempDir Path dir) throws Exception {
		IJ.run("NIfTI Diffusion (IVIM)...", "open=[" + SharedData.geNifti() + "]");
		ImagePlus dwi = WindowManager.getCurrentImage();
		ImagePlus map = IJ.createImage("D", "32-bit ramp", 256, 256, 2);
		map.setCalibration(dwi.getCalibration().copy());
		Interpreter.addBatchModeImage(map);
		WindowManager.setTempCurrentImage(map);
		Path out = dir.resolve("D.nii");
		IJ.run("Save as NIfTI...", "save=[" + out + "] geometry=[" + dwi.getTitle() + "]");
		assertNull(IJ.getErrorMessage());
		NiftiImage saved = NiftiReader.read(out), ref = NiftiReader.read(SharedData.geNifti());
		assertEquals(3, saved.header.dim[0]);
		assertGeometry(ref.header.geometry, saved.header.geometry);
		assertArrayEquals((float[]) map.getStack().getPixels(2), saved.volumes[0][1]);
		assertFalse(Files.exists(dir.resolve("D.bval")));
	}

	@Test
	void geometryOfAnImageOfAnotherSizeIsRefused(@TempDir Path dir) {
		IJ.run("NIfTI Diffusion (IVIM)...", "open=[" + SharedData.geNifti() + "]");
		ImagePlus dwi = WindowManager.getCurrentImage();
		ImagePlus small = IJ.createImage("small", "32-bit ramp", 64, 64, 2);
		Interpreter.addBatchModeImage(small);
		WindowManager.setTempCurrentImage(small);
		String msg = ImportDicomDiffusionCommandTest.runExpectingError("Save as NIfTI...", "save=[" + dir.resolve("s.nii")
			+ "] geometry=[" + dwi.getTitle() + "]");
		assertTrue(msg.contains("its geometry does not apply"), msg);
		msg = ImportDicomDiffusionCommandTest.runExpectingError("Save as NIfTI...", "save=[" + dir.resolve("s.nii")
			+ "] geometry=[no such image]");
		assertTrue(msg.contains("\"no such image\" is not a valid choice for geometry=: use one of this image"), msg);
	}

	@Test
	void croppedImageKeepsItsPropertyButIsWrittenWithoutGeometry(@TempDir Path dir) throws Exception {
		IJ.run("NIfTI Diffusion (IVIM)...", "open=[" + SharedData.geNifti() + "]");
		ImagePlus dwi = WindowManager.getCurrentImage();
		ImagePlus cropped = IJ.createImage("cropped", "32-bit ramp", 100, 80, 2);
		cropped.setProp(DiffusionImages.GEOMETRY_KEY, dwi.getProp(DiffusionImages.GEOMETRY_KEY));
		Interpreter.addBatchModeImage(cropped);
		WindowManager.setTempCurrentImage(cropped);
		Path out = dir.resolve("c.nii");
		IJ.run("Save as NIfTI...", "save=[" + out + "]");
		NiftiImage saved = NiftiReader.read(out);
		assertEquals(0, saved.header.geometry.qformCode);
		assertEquals(0, saved.header.geometry.sformCode);
		assertEquals(100, saved.width);
	}

	@Test
	void rgbIsRefusedAndCentimetresAreConverted(@TempDir Path dir) throws Exception {
		ImagePlus rgb = IJ.createImage("colour", "RGB ramp", 4, 4, 1);
		Interpreter.addBatchModeImage(rgb);
		WindowManager.setTempCurrentImage(rgb);
		String msg = ImportDicomDiffusionCommandTest.runExpectingError("Save as NIfTI...", "save=[" + dir.resolve("c.nii") + "]");
		assertTrue(msg.contains("RGB images cannot be saved"), msg);
		ImagePlus cm = IJ.createImage("cm", "16-bit ramp", 4, 4, 1);
		cm.getCalibration().setUnit("cm");
		cm.getCalibration().pixelWidth = 0.1;
		cm.getCalibration().pixelHeight = 0.2;
		Interpreter.addBatchModeImage(cm);
		WindowManager.setTempCurrentImage(cm);
		IJ.run("Save as NIfTI...", "save=[" + dir.resolve("cm") + "]");
		NiftiImage saved = NiftiReader.read(dir.resolve("cm.nii"));
		assertArrayEquals(new double[] { 1, 2, 10 }, saved.voxelSize(), 1e-6);
		assertArrayEquals(new float[] { 0, 16384, 32768, 49152 }, java.util.Arrays.copyOf(saved.volumes[0][0], 4));
	}

	@Test
	void unwritablePathIsNamed(@TempDir Path dir) {
		ImagePlus map = IJ.createImage("map", "32-bit ramp", 4, 4, 1);
		Interpreter.addBatchModeImage(map);
		WindowManager.setTempCurrentImage(map);
		Path out = dir.resolve("no/such/folder/map.nii");
		String msg = ImportDicomDiffusionCommandTest.runExpectingError("Save as NIfTI...", "save=[" + out + "]");
		assertTrue(msg.startsWith("Save as NIfTI: " + out + ": cannot be written"), msg);
		assertFalse(Files.exists(out));
	}

	private static void assertGeometry(NiftiGeometry ref, NiftiGeometry g) {
		assertEquals(ref.qformCode, g.qformCode);
		assertEquals(ref.sformCode, g.sformCode);
		assertEquals(ref.qfac, g.qfac);
		assertEquals(ref.quaternB, g.quaternB, 1e-5);
		assertEquals(ref.quaternC, g.quaternC, 1e-5);
		assertEquals(ref.quaternD, g.quaternD, 1e-5);
		for (int r = 0; r < 3; r++)
			for (int c = 0; c < 4; c++) assertEquals(ref.srow[r][c], g.srow[r][c], 1e-3);
	}
}
