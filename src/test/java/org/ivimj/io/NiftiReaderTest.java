package org.ivimj.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

import org.ivimj.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The NIfTI-1 reader: the real dcm2niix file, every datatype, scaling, units, compression and bad headers. */
class NiftiReaderTest {

	@Test
	void readsTheRealGeFileWithItsHeader() throws Exception {
		NiftiImage img = NiftiReader.read(SharedData.geNifti());
		assertEquals(256, img.width);
		assertEquals(256, img.height);
		assertEquals(2, img.depth);
		assertEquals(7, img.volumeCount());
		assertEquals(NiftiHeader.DT_INT16, img.header.datatype);
		assertArrayEquals(new double[] { 1.0156, 1.0156, 3 }, img.voxelSize(), 1e-5);
		assertEquals("mm", img.unit());
		assertEquals(1, img.header.geometry.sformCode);
		assertEquals(-0.7375626, img.header.geometry.srow[0][0], 1e-6);
	}

	@Test
	void everyDatatypeInBothByteOrders(@TempDir Path dir) throws Exception {
		short[] types = { NiftiHeader.DT_UINT8, NiftiHeader.DT_INT8, NiftiHeader.DT_INT16, NiftiHeader.DT_UINT16,
			NiftiHeader.DT_INT32, NiftiHeader.DT_UINT32, NiftiHeader.DT_FLOAT32, NiftiHeader.DT_FLOAT64,
			NiftiHeader.DT_INT64, NiftiHeader.DT_UINT64 };
		for (ByteOrder order : new ByteOrder[] { ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN })
			for (short type : types) {
				Path f = dir.resolve("t" + type + order + ".nii");
				Files.write(f, NiftiTestFiles.build(3, 2, 2, 2, type, order, 0, 0, 10));
				NiftiImage img = NiftiReader.read(f);
				boolean real = type == NiftiHeader.DT_FLOAT32 || type == NiftiHeader.DT_FLOAT64;
				// File voxel (i, j, k, t) = index; ImageJ row 0 = file row j = 1.
				float expected = 1 * 3 + 0 + (real ? 0.5f : 0);
				assertEquals(expected, img.volumes[0][0][0], 0, type + " " + order);
				float last = 23 + (real ? 0.5f : 0);
				assertEquals(type == NiftiHeader.DT_INT8 || type == NiftiHeader.DT_UINT8 ? (byte) 23 : last,
					img.volumes[1][1][2], 0, type + " " + order);
			}
	}

	@Test
	void appliesSclSlopeAndInterAndUnits(@TempDir Path dir) throws Exception {
		Path f = dir.resolve("s.nii");
		Files.write(f, NiftiTestFiles.build(2, 2, 1, 1, NiftiHeader.DT_INT16, ByteOrder.LITTLE_ENDIAN, 2, 10,
			NiftiHeader.UNITS_METER));
		NiftiImage img = NiftiReader.read(f);
		assertArrayEquals(new float[] { 14, 16, 10, 12 }, img.volumes[0][0]);
		assertArrayEquals(new double[] { 1500, 2000, 3000 }, img.voxelSize(), 1e-9);
		Files.write(f, NiftiTestFiles.build(2, 2, 1, 1, NiftiHeader.DT_INT16, ByteOrder.LITTLE_ENDIAN, 0, 10,
			NiftiHeader.UNITS_MICRON));
		assertArrayEquals(new float[] { 2, 3, 0, 1 }, NiftiReader.read(f).volumes[0][0]); // slope 0 = no scaling
		assertEquals("micron", NiftiReader.read(f).unit());
	}

	@Test
	void readsGzippedFiles(@TempDir Path dir) throws Exception {
		Path f = dir.resolve("g.nii.gz");
		try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(f))) {
			out.write(Files.readAllBytes(SharedData.geNifti()));
		}
		NiftiImage gz = NiftiReader.read(f), plain = NiftiReader.read(SharedData.geNifti());
		for (int t = 0; t < 7; t++) assertArrayEquals(plain.volumes[t][1], gz.volumes[t][1]);
	}

	@Test
	void badHeadersAreNamed(@TempDir Path dir) throws Exception {
		byte[] good = NiftiTestFiles.build(2, 2, 2, 1, NiftiHeader.DT_INT16, ByteOrder.LITTLE_ENDIAN, 0, 0, 10);
		assertProblem(dir, "short.nii", Arrays.copyOf(good, 100), "is truncated: 100 bytes");
		assertProblem(dir, "data.nii", Arrays.copyOf(good, good.length - 1), "is truncated: 2 x 2 x 2 x 1 voxels");
		byte[] b = good.clone();
		b[0] = 99;
		assertProblem(dir, "size.nii", b, "is not a NIfTI-1 file (header size field 355");
		b = good.clone();
		b[0] = 0x1C; // 540
		b[1] = 0x02;
		assertProblem(dir, "two.nii", b, "is a NIfTI-2 file");
		b = good.clone();
		b[344] = 'x';
		assertProblem(dir, "magic.nii", b, "is not a NIfTI-1 file (magic");
		b = good.clone();
		b[345] = 'i';
		b[344] = 'n';
		b[346] = '1';
		assertProblem(dir, "pair.nii", b, "is the header of a .hdr/.img pair");
		b = good.clone();
		b[70] = 32; // complex64
		assertProblem(dir, "complex.nii", b, "has datatype 32");
		b = good.clone();
		b[40] = 5;
		b[50] = 3; // dim[5] = 3
		assertProblem(dir, "five.nii", b, "only 3-D and 4-D");
		b = good.clone();
		b[42] = (byte) 0xFF;
		b[43] = (byte) 0xFF; // dim[1] = -1
		assertProblem(dir, "neg.nii", b, "invalid size dim[1] = -1");
		b = good.clone();
		b[108] = 0;
		b[109] = 0;
		b[110] = 0;
		b[111] = 0; // vox_offset 0
		assertProblem(dir, "off.nii", b, "invalid vox_offset");
		assertProblem(dir, "notgz.nii.gz", good, "is not a valid gzip file");
	}

	private static void assertProblem(Path dir, String name, byte[] bytes, String problem) throws Exception {
		Path f = dir.resolve(name);
		Files.write(f, bytes);
		IvimImportException e = assertThrows(IvimImportException.class, () -> NiftiReader.read(f));
		assertTrue(e.getMessage().startsWith(f.toString() + ": ") && e.getMessage().contains(problem), e.getMessage());
	}
}
