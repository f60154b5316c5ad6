package org.ivimj.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

import org.ivimj.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** NIfTI + .bval gives the same hyperstack as the DICOM series it was converted from. */
class NiftiDiffusionSeriesTest {

	@Test
	void realGeNiftiEqualsTheDicomImportForEveryChoice() throws Exception {
		for (RepeatHandling r : RepeatHandling.values())
			for (VolumeOrder o : VolumeOrder.values()) {
				DiffusionSeries n = NiftiDiffusionSeries.read(SharedData.geNifti(), null, r, o);
				DiffusionSeries d = DicomDiffusionSeries.readFolder(SharedData.geDicom(), r, o);
				assertArrayEquals(d.bValues, n.bValues, r + " " + o);
				for (int t = 0; t < d.frames(); t++)
					for (int z = 0; z < d.depth; z++) assertArrayEquals(d.planes[t][z], n.planes[t][z], r + " " + o);
				assertEquals(d.pixelDepth, n.pixelDepth, 1e-4);
			}
	}

	@Test
	void bvalCountDifferentFromVolumesNamesTheBval(@TempDir Path dir) throws Exception {
		Path nii = dir.resolve("dwi.nii");
		Files.write(nii, NiftiTestFiles.build(2, 2, 1, 3, NiftiHeader.DT_INT16, ByteOrder.LITTLE_ENDIAN, 0, 0, 10));
		Files.writeString(dir.resolve("dwi.bval"), "0 500");
		IvimImportException e = assertThrows(IvimImportException.class,
			() -> NiftiDiffusionSeries.read(nii, null, RepeatHandling.TRACE, VolumeOrder.B_VALUE));
		assertEquals(dir.resolve("dwi.bval") + ": holds 2 b-value(s) but dwi.nii has 3 volume(s)", e.getMessage());
	}

	@Test
	void fourDimensionsWithoutBvalIsAnErrorButOneVolumeIsNot(@TempDir Path dir) throws Exception {
		Path nii = dir.resolve("dwi.nii");
		Files.write(nii, NiftiTestFiles.build(2, 2, 1, 3, NiftiHeader.DT_INT16, ByteOrder.LITTLE_ENDIAN, 0, 0, 10));
		IvimImportException e = assertThrows(IvimImportException.class,
			() -> NiftiDiffusionSeries.read(nii, null, RepeatHandling.TRACE, VolumeOrder.B_VALUE));
		assertTrue(e.getMessage().contains("no b-value file dwi.bval"), e.getMessage());
		Path map = dir.resolve("map.nii");
		Files.write(map, NiftiTestFiles.build(2, 2, 1, 1, NiftiHeader.DT_FLOAT32, ByteOrder.LITTLE_ENDIAN, 0, 0, 10));
		DiffusionSeries s = NiftiDiffusionSeries.read(map, null, RepeatHandling.TRACE, VolumeOrder.B_VALUE);
		assertNull(s.bValues);
		assertEquals(1, s.frames());
	}

	@Test
	void explicitBvalAndRepeatsInFileOrder(@TempDir Path dir) throws Exception {
		Path nii = dir.resolve("dwi.nii");
		Files.write(nii, NiftiTestFiles.build(1, 1, 1, 4, NiftiHeader.DT_FLOAT32, ByteOrder.LITTLE_ENDIAN, 0, 0, 10));
		Path bval = dir.resolve("other.txt");
		Files.writeString(bval, "800 0 800 50");
		DiffusionSeries s = NiftiDiffusionSeries.read(nii, bval, RepeatHandling.SEPARATE, VolumeOrder.B_VALUE);
		assertArrayEquals(new double[] { 0, 50, 800, 800 }, s.bValues);
		assertEquals(1.5f, s.planes[0][0][0]);
		assertEquals(3.5f, s.planes[1][0][0]);
		assertEquals(0.5f, s.planes[2][0][0]);
		assertEquals(2.5f, s.planes[3][0][0]);
		assertThrows(IvimImportException.class, () -> NiftiDiffusionSeries.read(nii, dir.resolve("missing.bval"),
			RepeatHandling.TRACE, VolumeOrder.B_VALUE));
	}

	@Test
	void threeDimensionsWithOneBValuePerSliceOpensWithBAlongFrames(@TempDir Path dir) throws Exception {
		Path nii = dir.resolve("dwi.nii");
		Files.write(nii, NiftiTestFiles.build(2, 2, 3, 1, NiftiHeader.DT_INT16, ByteOrder.LITTLE_ENDIAN, 0, 0, 10));
		Files.writeString(dir.resolve("dwi.bval"), "0 500 1000");
		DiffusionSeries s = NiftiDiffusionSeries.read(nii, null, RepeatHandling.TRACE, VolumeOrder.B_VALUE);
		assertEquals(1, s.depth);
		assertArrayEquals(new double[] { 0, 500, 1000 }, s.bValues);
		// voxel value = index in file order; rows flipped: slice k starts at 4k + 2.
		assertEquals(2, s.planes[0][0][0]);
		assertEquals(6, s.planes[1][0][0]);
		assertEquals(10, s.planes[2][0][0]);
		assertTrue(s.notes.get(0).contains("b-values along the third axis"), s.notes.toString());
		assertEquals(1, s.geometry.sformCode);
	}

	@Test
	void traceOfFloatDataKeepsZerosAndSaysSo(@TempDir Path dir) throws Exception {
		// Floating-point data has no stored integer step: a zero in one direction makes the trace 0.
		float[][] p = { { 0f, 4f }, { 9f, 4f } };
		byte[] flags = new byte[2];
		float[] t = DiffusionSeriesBuilder.traceOf(p, 0, flags);
		assertEquals(0f, t[0]);
		assertEquals(4f, t[1], 1e-6);
		assertEquals(1 | 4, flags[0]);
		// Integer data (one stored unit = 1): the zero counts as 1, as on the scanner.
		t = DiffusionSeriesBuilder.traceOf(p, 1, flags = new byte[2]);
		assertEquals(3f, t[0], 1e-6);
		assertEquals(1, flags[0]);
		assertEquals(0, flags[1]);
		// Rescaled integers (slope 0.5): a zero counts as 0.5.
		t = DiffusionSeriesBuilder.traceOf(new float[][] { { 0f }, { 8f } }, 0.5, new byte[1]);
		assertEquals(2f, t[0], 1e-6);
	}
}
