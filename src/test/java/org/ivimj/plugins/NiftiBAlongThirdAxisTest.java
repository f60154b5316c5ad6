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

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.ivimj.ij.BDimension;
import org.ivimj.ij.BValueMetadata;
import org.ivimj.io.NiftiGeometry;
import org.ivimj.io.NiftiImage;
import org.ivimj.io.NiftiReader;
import org.ivimj.io.NiftiWriter;
import org.ivimj.testing.ImageJHarness;
import org.ivimj.testing.SharedData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 3-D NIfTI whose third axis is the b-value (one slice per b-value, as dipy's example data ships),
 * made from the real GE scan (its first slice at each of the 7 b-values, dcm2niix's geometry): opened
 * by the NIfTI import with b along frames, fitted, and saved with the scanner geometry, through the real
 * commands headless; and the same file opened without .bval and given b-values along slices.
 */
class NiftiBAlongThirdAxisTest {

	@BeforeEach
	void batchMode() {
		ImageJHarness.startBatchSession();
	}

	@AfterEach
	void closeAll() {
		ImageJHarness.endBatchSession();
	}

	/** The GE scan's slice 1 at its 7 b-values, as a 256 x 256 x 7 file, with a .bval of 7 values if asked. */
	private static Path write3d(Path dir, boolean bval) throws Exception {
		NiftiImage ge = NiftiReader.read(SharedData.geNifti());
		float[][][] volume = new float[1][ge.volumeCount()][];
		for (int t = 0; t < ge.volumeCount(); t++) volume[0][t] = ge.volumes[t][0];
		Path nii = dir.resolve("ivim3d.nii");
		NiftiWriter.write(nii, ge.width, ge.height, volume, ge.voxelSize(), ge.header.geometry, "b along k");
		if (bval) Files.copy(SharedData.geReferenceBval(), dir.resolve("ivim3d.bval"));
		return nii;
	}

	@Test
	void detectedAndOpenedWithBAlongFramesAndMapsKeepTheScannerGeometry(@TempDir Path dir) throws Exception {
		Path nii = write3d(dir, true);
		IJ.run("NIfTI Diffusion (IVIM)...", "open=[" + nii + "] bval=[] repeats=[kept apart] order=acquisition");
		assertNull(IJ.getErrorMessage());
		ImagePlus imp = WindowManager.getCurrentImage();
		assertArrayEquals(new int[] { 256, 256, 1, 1, 7 }, imp.getDimensions());
		assertArrayEquals(new double[] { 0, 1000, 1000, 1000, 1000, 1000, 1000 }, BValueMetadata.bValues(imp));
		assertEquals(BDimension.FRAMES, BValueMetadata.dimension(imp));
		assertTrue(imp.getProp(org.ivimj.ij.DiffusionImages.NOTES_KEY).contains("b-values along the third axis"));
		IJ.run("NIfTI Diffusion (IVIM)...", "open=[" + nii + "] bval=[] repeats=trace");
		assertArrayEquals(new double[] { 0, 1000 }, BValueMetadata.bValues(WindowManager.getCurrentImage()));
		IJ.run("Fit IVIM Maps...", "maps=[single images] mono region=[whole image]");
		assertNull(IJ.getErrorMessage());
		assertSavedWithGeometry(dir, "ivim3d_mono_ADC");
	}

	@Test
	void openedWithoutBvalThenBValuesAlongSlicesAlsoKeepsTheGeometry(@TempDir Path dir) throws Exception {
		Path nii = write3d(dir, false);
		IJ.run("NIfTI Diffusion (IVIM)...", "open=[" + nii + "] bval=[]");
		ImagePlus imp = WindowManager.getCurrentImage();
		assertArrayEquals(new int[] { 256, 256, 1, 7, 1 }, imp.getDimensions());
		IJ.run("Set b-values...", "source=[typed list] b-values=[0,1000,1000,1000,1000,1000,1000] dimension=slices");
		assertNull(IJ.getErrorMessage());
		IJ.run("Fit IVIM Maps...", "maps=[single images] mono region=[whole image]");
		assertNull(IJ.getErrorMessage());
		assertSavedWithGeometry(dir, "ivim3d_mono_ADC");
	}

	@Test
	void aBvalOfAnotherLengthIsRefusedWithBothCounts(@TempDir Path dir) throws Exception {
		Path nii = write3d(dir, false);
		Files.writeString(dir.resolve("ivim3d.bval"), "0 1000 1000");
		String msg = ImportDicomDiffusionCommandTest.runExpectingError("NIfTI Diffusion (IVIM)...", "open=[" + nii + "]");
		assertTrue(msg.contains("holds 3 b-value(s) but ivim3d.nii has 1 volume(s) of 7 slice(s)"), msg);
	}

	/** Saves the map (this image's geometry): written with dcm2niix's position, not as "cropped or resized". */
	private static void assertSavedWithGeometry(Path dir, String prefix) throws Exception {
		ImagePlus map = null;
		for (int id : WindowManager.getIDList()) {
			ImagePlus imp = WindowManager.getImage(id);
			if (imp.getTitle().startsWith(prefix)) map = imp;
		}
		assertNotNull(map, prefix);
		WindowManager.setTempCurrentImage(map);
		Path out = dir.resolve("adc.nii");
		PrintStream stdout = System.out;
		ByteArrayOutputStream log = new ByteArrayOutputStream();
		System.setOut(new PrintStream(log, true));
		try {
			IJ.run("Save as NIfTI...", "save=[" + out + "]");
		}
		finally {
			System.setOut(stdout);
		}
		assertNull(IJ.getErrorMessage());
		assertFalse(log.toString().contains("cropped or resized"), log.toString());
		NiftiGeometry saved = NiftiReader.read(out).header.geometry;
		NiftiGeometry ge = NiftiReader.read(SharedData.geNifti()).header.geometry;
		assertEquals(ge.sformCode, saved.sformCode);
		assertEquals(1, saved.sformCode);
		for (int r = 0; r < 3; r++)
			for (int c = 0; c < 4; c++)
				if (c != 2) assertEquals(ge.srow[r][c], saved.srow[r][c], 1e-3, "srow " + r + "," + c);
	}
}
