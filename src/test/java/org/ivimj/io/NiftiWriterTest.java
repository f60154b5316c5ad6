package org.ivimj.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

import org.ivimj.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The NIfTI-1 writer: what it writes reads back identically and with dcm2niix's geometry. */
class NiftiWriterTest {

	@Test
	void mapFromTheGeDicomSeriesGetsDcm2niixsHeader(@TempDir Path dir) throws Exception {
		DiffusionSeries s = DicomDiffusionSeries.readFolder(SharedData.geDicom(), RepeatHandling.TRACE, VolumeOrder.B_VALUE);
		Path out = dir.resolve("map.nii.gz");
		float[][][] map = { s.planes[1] };
		NiftiWriter.write(out, s.width, s.height, map, new double[] { s.pixelWidth, s.pixelHeight, s.pixelDepth },
			s.geometry, "test");
		NiftiImage back = NiftiReader.read(out);
		NiftiImage ref = NiftiReader.read(SharedData.geNifti());
		assertEquals(3, back.header.dim[0]);
		assertEquals(1, back.volumeCount());
		assertArrayEquals(s.planes[1][0], back.volumes[0][0]);
		assertArrayEquals(s.planes[1][1], back.volumes[0][1]);
		assertArrayEquals(ref.voxelSize(), back.voxelSize(), 1e-4);
		assertEquals(ref.header.pixdim[0], back.header.pixdim[0]);
		assertEquals(ref.header.xyztUnits, back.header.xyztUnits);
		NiftiGeometry g = back.header.geometry, r = ref.header.geometry;
		assertEquals(r.qformCode, g.qformCode);
		assertEquals(r.sformCode, g.sformCode);
		assertEquals(r.quaternB, g.quaternB, 1e-5);
		assertEquals(r.quaternC, g.quaternC, 1e-5);
		assertEquals(r.quaternD, g.quaternD, 1e-5);
		assertEquals(r.qoffsetX, g.qoffsetX, 1e-3);
		for (int row = 0; row < 3; row++)
			for (int c = 0; c < 4; c++) assertEquals(r.srow[row][c], g.srow[row][c], 1e-3);
	}

	@Test
	void rewritingTheReferenceKeepsVoxelsAndHeaderFields(@TempDir Path dir) throws Exception {
		NiftiImage ref = NiftiReader.read(SharedData.geNifti());
		Path out = dir.resolve("copy.nii");
		NiftiWriter.write(out, ref.width, ref.height, ref.volumes, ref.voxelSize(), ref.header.geometry, "copy");
		byte[] b = Files.readAllBytes(out);
		assertEquals(352 + 256 * 256 * 2 * 7 * 4, b.length);
		ByteBuffer h = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
		assertEquals(348, h.getInt(0));
		assertEquals(4, h.getShort(40));
		assertEquals(7, h.getShort(48));
		assertEquals(16, h.getShort(70));
		assertEquals(32, h.getShort(72));
		assertEquals(352f, h.getFloat(108));
		assertEquals("n+1", new String(b, 344, 3));
		NiftiImage back = NiftiReader.read(out);
		for (int t = 0; t < 7; t++)
			for (int z = 0; z < 2; z++) assertArrayEquals(ref.volumes[t][z], back.volumes[t][z]);
		assertEquals(ref.header.geometry.toText(), back.header.geometry.toText());
	}

	@Test
	void unknownGeometryWritesCodesZero(@TempDir Path dir) throws Exception {
		Path out = dir.resolve("plain.nii");
		NiftiWriter.write(out, 2, 1, new float[][][] { { { 1, 2 } } }, new double[] { 0.5, 0.5, 2 }, null, null);
		NiftiImage back = NiftiReader.read(out);
		assertEquals(0, back.header.geometry.qformCode);
		assertEquals(0, back.header.geometry.sformCode);
		assertArrayEquals(new double[] { 0.5, 0.5, 2 }, back.voxelSize(), 1e-9);
		assertArrayEquals(new float[] { 1, 2 }, back.volumes[0][0]);
	}
}
