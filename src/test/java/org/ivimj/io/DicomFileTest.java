package org.ivimj.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

import org.ivimj.testing.SyntheticDicom;
import org.ivimj.testing.SyntheticDicom.BTag;
import org.junit.jupiter.api.Test;

/** The plain-Java DICOM parser on synthetic files, good and bad. */
class DicomFileTest {

	private static SyntheticDicom image() {
		return SyntheticDicom.diffusion("SIEMENS", BTag.SIEMENS, 800, 3, 7, "1.2.3", 2, 3, 40);
	}

	@Test
	void readsAttributesAndRescaledPixels() throws Exception {
		DicomFile f = DicomFile.parse("x.dcm", image().text(DicomTags.RESCALE_SLOPE, "DS", "2")
			.text(DicomTags.RESCALE_INTERCEPT, "DS", "-5").toBytes());
		assertEquals("800", f.attributes().string(DicomTags.SIEMENS_B_VALUE));
		assertArrayEquals(new double[] { 1, 0, 0, 0, 1, 0 }, f.attributes().numbers(DicomTags.IMAGE_ORIENTATION_PATIENT));
		assertArrayEquals(new float[] { 75, 77, 79, 81, 83, 85 }, f.pixels());
	}

	@Test
	void skipsSequencesOfUndefinedLength() throws Exception {
		byte[] good = image().toBytes();
		// Insert (0008,1140) SQ, undefined length, one item of undefined length holding (0008,1150), before (0008,0008).
		ByteBuffer sq = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
		sq.putShort((short) 0x0008).putShort((short) 0x1140).put((byte) 'S').put((byte) 'Q').putShort((short) 0).putInt(-1);
		sq.putShort((short) 0xFFFE).putShort((short) 0xE000).putInt(-1);
		sq.putShort((short) 0x0008).putShort((short) 0x1150).put((byte) 'U').put((byte) 'I').putShort((short) 4).put("1.2\0".getBytes());
		sq.putShort((short) 0xFFFE).putShort((short) 0xE00D).putInt(0);
		sq.putShort((short) 0xFFFE).putShort((short) 0xE0DD).putInt(0);
		byte[] seq = Arrays.copyOf(sq.array(), sq.position());
		int at = indexOfTag(good, 0x0008, 0x0008);
		byte[] withSeq = new byte[good.length + seq.length];
		System.arraycopy(good, 0, withSeq, 0, at);
		System.arraycopy(seq, 0, withSeq, at, seq.length);
		System.arraycopy(good, at, withSeq, at + seq.length, good.length - at);
		DicomFile f = DicomFile.parse("seq.dcm", withSeq);
		assertEquals("800", f.attributes().string(DicomTags.SIEMENS_B_VALUE));
		assertEquals(6, f.pixels().length);
	}

	@Test
	void readsBareImplicitDataSetsWithoutPreamble() throws Exception {
		byte[] full = image().implicitVr(true).toBytes();
		int start = indexOfTag(full, 0x0008, 0x0008);
		DicomFile f = DicomFile.parse("old.ima", Arrays.copyOfRange(full, start, full.length));
		assertEquals("1.2.840.10008.1.2", f.transferSyntax());
		assertEquals("800", f.attributes().string(DicomTags.SIEMENS_B_VALUE));
		assertEquals(6, f.pixels().length);
	}

	@Test
	void notDicomIsNamed() {
		IvimImportException e = assertThrows(IvimImportException.class,
			() -> DicomFile.parse("notes.txt", "hello world, this is text and not an image at all".getBytes()));
		assertEquals("notes.txt: is not a DICOM file (no 'DICM' marker)", e.getMessage());
	}

	@Test
	void truncatedFileIsNamed() {
		byte[] b = image().toBytes();
		IvimImportException e = assertThrows(IvimImportException.class,
			() -> DicomFile.parse("cut.dcm", Arrays.copyOf(b, b.length - 5)));
		assertTrue(e.getMessage().startsWith("cut.dcm: is truncated"), e.getMessage());
	}

	@Test
	void compressedPixelDataIsRefusedWithAHint() {
		SyntheticDicom d = image();
		byte[] b = d.toBytes();
		// Same file, JPEG Lossless transfer syntax and encapsulated (undefined length) pixel data.
		String ts = "1.2.840.10008.1.2.1\0";
		String jpeg = "1.2.840.10008.1.2.4.70";
		String text = new String(b, java.nio.charset.StandardCharsets.ISO_8859_1);
		int at = text.indexOf(ts);
		assertTrue(at > 0);
		byte[] c = Arrays.copyOf(b, b.length);
		// Keep the length of the UID element: "1.2.840.10008.1.2.4.70" is 22 bytes, pad slot is 20: rewrite length.
		ByteBuffer out = ByteBuffer.allocate(b.length + 16).order(ByteOrder.LITTLE_ENDIAN);
		out.put(c, 0, at - 2).putShort((short) 22).put(jpeg.getBytes());
		int pix = indexOfTag(c, 0x7FE0, 0x0010);
		out.put(c, at + ts.length(), pix - at - ts.length());
		out.putShort((short) 0x7FE0).putShort((short) 0x0010).put((byte) 'O').put((byte) 'B').putShort((short) 0).putInt(-1);
		IvimImportException e = assertThrows(IvimImportException.class,
			() -> DicomFile.parse("jpeg.dcm", Arrays.copyOf(out.array(), out.position())));
		assertTrue(e.getMessage().contains("compressed pixel data"), e.getMessage());
	}

	@Test
	void multiFrameAndColourAreRefused() throws Exception {
		IvimImportException e = assertThrows(IvimImportException.class, () -> DicomFile.parse("mf.dcm",
			image().text(DicomTags.NUMBER_OF_FRAMES, "IS", "20").toBytes()).pixels());
		assertTrue(e.getMessage().contains("multi-frame"), e.getMessage());
		e = assertThrows(IvimImportException.class, () -> DicomFile.parse("rgb.dcm",
			image().us(DicomTags.SAMPLES_PER_PIXEL, 3).toBytes()).pixels());
		assertTrue(e.getMessage().contains("colour"), e.getMessage());
	}

	@Test
	void pixelDataShorterThanRowsTimesColumnsIsNamed() {
		IvimImportException e = assertThrows(IvimImportException.class,
			() -> DicomFile.parse("small.dcm", image().us(DicomTags.ROWS, 50).toBytes()).pixels());
		assertTrue(e.getMessage().startsWith("small.dcm: is truncated: 50 x 3 pixels"), e.getMessage());
	}

	static int indexOfTag(byte[] b, int group, int element) {
		for (int i = 132; i + 4 <= b.length; i += 2)
			if ((b[i] & 0xFF | (b[i + 1] & 0xFF) << 8) == group && (b[i + 2] & 0xFF | (b[i + 3] & 0xFF) << 8) == element)
				return i;
		throw new AssertionError("tag not found");
	}
}
