package org.ivimj.plugins;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.IJ;
import ij.ImagePlus;
import ij.WindowManager;

import java.nio.file.Files;
import java.nio.file.Path;

import org.ivimj.ij.BDimension;
import org.ivimj.ij.BValueMetadata;
import org.ivimj.ij.DiffusionImages;
import org.ivimj.io.NiftiReader;
import org.ivimj.testing.ImageJHarness;
import org.ivimj.testing.SharedData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The NIfTI import command through the real ImageJ, headless. */
class ImportNiftiCommandTest {

	@BeforeEach
	void batchMode() {
		ImageJHarness.startBatchSession();
	}

	@AfterEach
	void closeAll() {
		ImageJHarness.endBatchSession();
	}

	@Test
	void realGeNiftiWithItsBvalGivesTheSameHyperstackAsTheDicomFolder() throws Exception {
		IJ.run("NIfTI Diffusion (IVIM)...", "open=[" + SharedData.geNifti() + "] repeats=[kept apart]");
		assertNull(IJ.getErrorMessage());
		ImagePlus nifti = WindowManager.getCurrentImage();
		assertEquals("Ax_DWI_TENSOR_R2_1", nifti.getTitle());
		assertArrayEquals(new int[] { 256, 256, 1, 2, 7 }, nifti.getDimensions());
		assertArrayEquals(new double[] { 0, 1000, 1000, 1000, 1000, 1000, 1000 }, BValueMetadata.bValues(nifti));
		assertEquals(BDimension.FRAMES, BValueMetadata.dimension(nifti));
		assertEquals(1.0156, nifti.getCalibration().pixelWidth, 1e-5);
		assertEquals(3, nifti.getCalibration().pixelDepth, 1e-6);
		assertEquals(NiftiReader.read(SharedData.geNifti()).header.geometry.toText(),
			DiffusionImages.geometry(nifti).toText());
		IJ.run("DICOM Diffusion Series (IVIM)...", "folder=[" + SharedData.geDicom() + "] repeats=[kept apart]");
		ImagePlus dicom = WindowManager.getCurrentImage();
		for (int i = 1; i <= 14; i++)
			assertArrayEquals((float[]) dicom.getStack().getPixels(i), (float[]) nifti.getStack().getPixels(i));
	}

	@Test
	void bvalGivenExplicitly(@TempDir Path dir) throws Exception {
		Path nii = Files.copy(SharedData.geNifti(), dir.resolve("dwi.nii"));
		Path bval = dir.resolve("b.txt");
		Files.writeString(bval, "0 1000 1000 1000 1000 1000 1000");
		IJ.run("NIfTI Diffusion (IVIM)...", "open=[" + nii + "] bval=[" + bval + "]");
		ImagePlus imp = WindowManager.getCurrentImage();
		assertArrayEquals(new double[] { 0, 1000 }, BValueMetadata.bValues(imp));
		assertEquals(2, imp.getNFrames());
	}

	@Test
	void errorsNameTheFile(@TempDir Path dir) throws Exception {
		int before = WindowManager.getImageCount();
		Path nii = Files.copy(SharedData.geNifti(), dir.resolve("dwi.nii"));
		String msg = ImportDicomDiffusionCommandTest.runExpectingError("NIfTI Diffusion (IVIM)...", "open=[" + nii + "]");
		assertTrue(msg.startsWith("NIfTI Diffusion (IVIM): " + nii + ": has 7 volumes but no b-value file dwi.bval"), msg);
		Files.writeString(dir.resolve("dwi.bval"), "0 1000");
		msg = ImportDicomDiffusionCommandTest.runExpectingError("NIfTI Diffusion (IVIM)...", "open=[" + nii + "]");
		assertEquals("NIfTI Diffusion (IVIM): " + dir.resolve("dwi.bval") + ": holds 2 b-value(s) but dwi.nii has 7 volume(s)", msg);
		Path bad = dir.resolve("bad.nii");
		Files.write(bad, new byte[200]);
		msg = ImportDicomDiffusionCommandTest.runExpectingError("NIfTI Diffusion (IVIM)...", "open=[" + bad + "]");
		assertTrue(msg.startsWith("NIfTI Diffusion (IVIM): " + bad + ": is truncated"), msg);
		msg = ImportDicomDiffusionCommandTest.runExpectingError("NIfTI Diffusion (IVIM)...", "open=[" + dir.resolve("none.nii") + "]");
		assertEquals("NIfTI Diffusion (IVIM): " + dir.resolve("none.nii") + ": does not exist", msg);
		assertEquals(before, WindowManager.getImageCount());
		assertNotNull(dir);
	}
}
