package org.ivimj.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import org.ivimj.io.DicomTags;

/**
 * Writes small DICOM files for tests (explicit or implicit VR little endian, single frame, 16-bit),
 * with the diffusion tags of any vendor, so paths the real test data does not cover (Siemens, the
 * standard tag, GE's 1e9 offset, derived images, broken files) are tested on real bytes.
 */
public final class SyntheticDicom {

	/** Where the b-value is written. */
	public enum BTag { STANDARD, GE, GE_OFFSET, SIEMENS, PHILIPS, NONE }

	private final Map<Integer, Object[]> elements = new TreeMap<>((a, b) -> Integer.compareUnsigned(a, b));
	private boolean implicitVr;

	/** Sets a text element (padded to even length as DICOM requires). */
	public SyntheticDicom text(int tag, String vr, String value) {
		byte[] v = value.getBytes(StandardCharsets.ISO_8859_1);
		if (v.length % 2 == 1) {
			byte[] p = new byte[v.length + 1];
			System.arraycopy(v, 0, p, 0, v.length);
			p[v.length] = (byte) ("UI".equals(vr) ? 0 : ' ');
			v = p;
		}
		elements.put(tag, new Object[] { vr, v });
		return this;
	}

	public SyntheticDicom raw(int tag, String vr, byte[] value) {
		elements.put(tag, new Object[] { vr, value });
		return this;
	}

	public SyntheticDicom us(int tag, int value) {
		return raw(tag, "US", ByteBuffer.allocate(2).order(ByteOrder.LITTLE_ENDIAN).putShort((short) value).array());
	}

	public SyntheticDicom fl(int tag, float value) {
		return raw(tag, "FL", ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putFloat(value).array());
	}

	public SyntheticDicom fd(int tag, double value) {
		return raw(tag, "FD", ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putDouble(value).array());
	}

	public SyntheticDicom remove(int tag) {
		elements.remove(tag);
		return this;
	}

	public SyntheticDicom implicitVr(boolean implicit) {
		this.implicitVr = implicit;
		return this;
	}

	/** 16-bit unsigned pixels, row by row. */
	public SyntheticDicom pixels(int rows, int cols, short[] data) {
		us(DicomTags.ROWS, rows).us(DicomTags.COLUMNS, cols).us(DicomTags.BITS_ALLOCATED, 16).us(0x00280101, 16)
			.us(0x00280102, 15).us(DicomTags.PIXEL_REPRESENTATION, 0).us(DicomTags.SAMPLES_PER_PIXEL, 1)
			.text(0x00280004, "CS", "MONOCHROME2");
		ByteBuffer b = ByteBuffer.allocate(2 * data.length).order(ByteOrder.LITTLE_ENDIAN);
		for (short s : data) b.putShort(s);
		return raw(DicomTags.PIXEL_DATA, "OW", b.array());
	}

	/**
	 * An axial diffusion image: slice at z = {@code position} mm (Image Position and Slice Location),
	 * pixel spacing 0.8 (rows) x 0.9 (columns) mm, every pixel = {@code value} + its index.
	 */
	public static SyntheticDicom diffusion(String manufacturer, BTag tag, double b, double position, int instance,
		String seriesUid, int rows, int cols, int value)
	{
		SyntheticDicom d = new SyntheticDicom();
		d.text(DicomTags.IMAGE_TYPE, "CS", "ORIGINAL\\PRIMARY\\DIFFUSION\\NONE");
		d.text(0x00080016, "UI", "1.2.840.10008.5.1.4.1.1.4");
		d.text(0x00080060, "CS", "MR");
		if (manufacturer != null) d.text(DicomTags.MANUFACTURER, "LO", manufacturer);
		d.text(DicomTags.SLICE_THICKNESS, "DS", "4");
		d.text(DicomTags.SERIES_INSTANCE_UID, "UI", seriesUid);
		d.text(DicomTags.INSTANCE_NUMBER, "IS", Integer.toString(instance));
		d.text(DicomTags.IMAGE_POSITION_PATIENT, "DS", "-100\\-120\\" + position);
		d.text(DicomTags.IMAGE_ORIENTATION_PATIENT, "DS", "1\\0\\0\\0\\1\\0");
		d.text(DicomTags.SLICE_LOCATION, "DS", Double.toString(position));
		d.text(DicomTags.PIXEL_SPACING, "DS", "0.8\\0.9");
		String bText = Long.toString(Math.round(b));
		switch (tag) {
			case STANDARD: d.fd(DicomTags.DIFFUSION_B_VALUE, b); break;
			case GE: d.text(DicomTags.GE_B_VALUE, "IS", bText + "\\8\\0\\0"); break;
			case GE_OFFSET: d.text(DicomTags.GE_B_VALUE, "IS", Long.toString(1000000000L + Math.round(b)) + "\\8\\0\\0"); break;
			case SIEMENS: d.text(DicomTags.SIEMENS_B_VALUE, "IS", bText); break;
			case PHILIPS: d.fl(DicomTags.PHILIPS_B_VALUE, (float) b); break;
			case NONE: break;
		}
		short[] px = new short[rows * cols];
		for (int i = 0; i < px.length; i++) px[i] = (short) (value + i);
		return d.pixels(rows, cols, px);
	}

	/** The file's bytes: 128-byte preamble, "DICM", file meta group, data set. */
	public byte[] toBytes() {
		try {
			ByteArrayOutputStream meta = new ByteArrayOutputStream();
			writeExplicit(meta, 0x00020001, "OB", new byte[] { 0, 1 });
			writeExplicit(meta, 0x00020002, "UI", pad("1.2.840.10008.5.1.4.1.1.4"));
			writeExplicit(meta, 0x00020003, "UI", pad("1.2.3.4.5"));
			writeExplicit(meta, 0x00020010, "UI", pad(implicitVr ? "1.2.840.10008.1.2" : "1.2.840.10008.1.2.1"));
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			out.write(new byte[128]);
			out.write("DICM".getBytes(StandardCharsets.US_ASCII));
			writeExplicit(out, 0x00020000, "UL", ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(meta.size()).array());
			meta.writeTo(out);
			for (Map.Entry<Integer, Object[]> e : elements.entrySet()) {
				String vr = (String) e.getValue()[0];
				byte[] v = (byte[]) e.getValue()[1];
				if (implicitVr) {
					out.write(le16(e.getKey() >>> 16));
					out.write(le16(e.getKey() & 0xFFFF));
					out.write(le32(v.length));
					out.write(v);
				}
				else writeExplicit(out, e.getKey(), vr, v);
			}
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	public Path write(Path file) throws IOException {
		Files.write(file, toBytes());
		return file;
	}

	private static byte[] pad(String uid) {
		byte[] v = uid.getBytes(StandardCharsets.US_ASCII);
		return v.length % 2 == 0 ? v : java.util.Arrays.copyOf(v, v.length + 1);
	}

	private static void writeExplicit(ByteArrayOutputStream out, int tag, String vr, byte[] v) throws IOException {
		out.write(le16(tag >>> 16));
		out.write(le16(tag & 0xFFFF));
		out.write(vr.getBytes(StandardCharsets.US_ASCII));
		if (java.util.Set.of("OB", "OW", "SQ", "UN", "UT", "OF").contains(vr)) {
			out.write(new byte[2]);
			out.write(le32(v.length));
		}
		else out.write(le16(v.length));
		out.write(v);
	}

	private static byte[] le16(int v) {
		return new byte[] { (byte) v, (byte) (v >>> 8) };
	}

	private static byte[] le32(int v) {
		return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v).array();
	}
}
