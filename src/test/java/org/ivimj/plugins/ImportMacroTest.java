package org.ivimj.plugins;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.ivimj.io.BvalFile;
import org.ivimj.io.NiftiImage;
import org.ivimj.io.NiftiReader;
import org.ivimj.testing.ImageJHarness;
import org.ivimj.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example macros in macros/, run in ImageJ's -batch mode in a fresh headless JVM. */
class ImportMacroTest {

	@Test
	void dicomFolderToNiftiMacro(@TempDir Path dir) throws Exception {
		Path macro = ImageJHarness.projectDir().resolve("macros/ivim_dicom_to_nifti.ijm");
		ImageJHarness.Run run = ImageJHarness.runBatchMacro(macro, SharedData.geDicom() + "|" + dir, dir);
		assertEquals(0, run.exitCode, run.toString());
		assertTrue(run.output.contains("imported dicom: 256x256 c=1 z=2 t=2"), run.toString());
		assertTrue(run.output.contains("b-values: 0,1000 along frames"), run.toString());
		assertTrue(run.output.contains("voxel: 1.0156 x 1.0156 x 3.0000 mm"), run.toString());
		NiftiImage dwi = NiftiReader.read(dir.resolve("dwi.nii.gz"));
		assertEquals(2, dwi.volumeCount());
		assertArrayEquals(new double[] { 0, 1000 }, BvalFile.read(dir.resolve("dwi.bval")));
		NiftiImage map = NiftiReader.read(dir.resolve("D.nii.gz"));
		NiftiImage ref = NiftiReader.read(SharedData.geNifti());
		assertEquals(ref.header.geometry.sformCode, map.header.geometry.sformCode);
		for (int r = 0; r < 3; r++)
			for (int c = 0; c < 4; c++) assertEquals(ref.header.geometry.srow[r][c], map.header.geometry.srow[r][c], 1e-3);
	}

	@Test
	void importErrorNamesTheFolderAndStopsTheMacro(@TempDir Path dir) throws Exception {
		Files.writeString(dir.resolve("notes.txt"), "not DICOM");
		Path macro = ImageJHarness.projectDir().resolve("macros/ivim_import_error.ijm");
		ImageJHarness.Run run = ImageJHarness.runBatchMacro(macro, dir.toString(), dir);
		assertTrue(run.output.contains("IVIM-J error: DICOM Diffusion Series (IVIM): " + dir + ": holds no DICOM images"), run.toString());
		assertFalse(run.output.contains("this line must not run"), run.toString());
		// One error path: an import error fails the -batch run like a fit error does.
		assertEquals(1, run.exitCode, run.toString());
	}
}
