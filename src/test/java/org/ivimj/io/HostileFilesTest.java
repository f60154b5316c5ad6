package org.ivimj.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files made to break the importer: a .nii.gz whose gzip checksum fails, a header declaring more voxels
 * than memory holds, and an enormous .bval. Each is refused with the file's name, the numbers and what
 * to do. (The gzip bomb through the command in a small heap: plugins.HostileFileCommandTest.)
 */
class HostileFilesTest {

	private static byte[] gzip(byte[] raw) throws Exception {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
			gz.write(raw);
		}
		return bytes.toByteArray();
	}

	@Test
	void gzipWithAWrongChecksumIsRefused(@TempDir Path dir) throws Exception {
		byte[] gz = gzip(NiftiTestFiles.build(4, 3, 2, 5, NiftiHeader.DT_INT16, ByteOrder.LITTLE_ENDIAN, 1, 0, 10));
		Path good = dir.resolve("good.nii.gz");
		Files.write(good, gz);
		assertEquals(5, NiftiReader.read(good).volumeCount());
		gz[gz.length - 8] ^= 0x5A; // the trailer's CRC-32
		Path bad = dir.resolve("bad.nii.gz");
		Files.write(bad, gz);
		IvimImportException e = assertThrows(IvimImportException.class, () -> NiftiReader.read(bad));
		assertTrue(e.getMessage().startsWith(bad + ": is a corrupt gzip file"), e.getMessage());
	}

	@Test
	void aHeaderDeclaringMoreThanMemoryHoldsIsRefusedBeforeAllocating(@TempDir Path dir) throws Exception {
		// 1 x 1 x 16000 x 16000 float voxels: 1 GB of data in 256 million tiny planes. Only the header is written.
		byte[] header = NiftiTestFiles.build(1, 1, 1, 1, NiftiHeader.DT_FLOAT32, ByteOrder.LITTLE_ENDIAN, 1, 0, 10);
		java.nio.ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN).putShort(40 + 6, (short) 16000).putShort(40 + 8, (short) 16000)
			.putShort(40, (short) 4);
		Path nii = dir.resolve("huge.nii");
		Files.write(nii, header);
		IvimImportException e = assertThrows(IvimImportException.class, () -> NiftiReader.read(nii));
		assertTrue(e.getMessage().contains("1 x 1 x 16000 x 16000 voxels would need about"), e.getMessage());
		assertTrue(e.getMessage().contains("GB of memory, but only"), e.getMessage());
	}

	@Test
	void memoryMessageGivesTheNumbersAndTheRemedy() {
		IvimImportException e = assertThrows(IvimImportException.class,
			() -> MemoryCheck.require("dwi.nii.gz", "96 x 96 x 60 x 2000 voxels", 3L << 30, 1L << 30));
		assertTrue(e.getMessage().contains("would need about 3.0 GB of memory, but only 1.0 GB are free"), e.getMessage());
		assertTrue(e.getMessage().contains("Edit › Options › Memory & Threads"), e.getMessage());
	}

	@Test
	void anEnormousBvalIsRefusedWithoutReadingIt(@TempDir Path dir) throws Exception {
		Path bval = dir.resolve("dwi.bval");
		try (FileChannel c = FileChannel.open(bval, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
			c.write(java.nio.ByteBuffer.wrap(new byte[] {'0'}), 1200L << 20); // sparse: 1.2 GB without the disk space
		}
		IvimImportException e = assertThrows(IvimImportException.class, () -> BvalFile.read(bval));
		assertTrue(e.getMessage().contains("is 1.2 GB, far more than a b-value file"), e.getMessage());
	}
}
