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
 * Writes small DICOM files for tests (explicit or implicit VR little endian, 16-bit), single-frame with
 * the diffusion tags of any vendor, or enhanced multi-frame with functional group sequences (defined or
 * undefined lengths), so paths the real test data does not cover (Siemens classic, the standard tag, GE's
 * 1e9 offset, Philips-style enhanced files, derived images, broken and compressed files) are tested on
 * real bytes.
 */
public final class SyntheticDicom {

	/** Where the b-value is written. */
	public enum BTag { STANDARD, GE, GE_OFFSET, SIEMENS, PHILIPS, NONE }

	private final Map<Integer, Object[]> elements = new TreeMap<>((a, b) -> Integer.compareUnsigned(a, b));
	private boolean implicitVr;
	private boolean undefinedLengths;
	private String encapsulated;

	/** Enhanced MR Image Storage. */
	public static final String ENHANCED_MR = "1.2.840.10008.5.1.4.1.1.4.1";

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

	public SyntheticDicom ul(int tag, int... values) {
		ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
		for (int v : values) b.putInt(v);
		return raw(tag, "UL", b.array());
	}

	public SyntheticDicom fd(int tag, double... values) {
		ByteBuffer b = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
		for (double v : values) b.putDouble(v);
		return raw(tag, "FD", b.array());
	}

	/** Attribute tags (AT). */
	public SyntheticDicom at(int tag, int... tags) {
		ByteBuffer b = ByteBuffer.allocate(4 * tags.length).order(ByteOrder.LITTLE_ENDIAN);
		for (int t : tags) b.putShort((short) (t >>> 16)).putShort((short) t);
		return raw(tag, "AT", b.array());
	}

	/** A sequence whose items are data sets. */
	public SyntheticDicom seq(int tag, SyntheticDicom... items) {
		elements.put(tag, new Object[] { "SQ", items });
		return this;
	}

	/** The items of a sequence written earlier (to change them in tests). */
	public SyntheticDicom[] items(int tag) {
		return (SyntheticDicom[]) elements.get(tag)[1];
	}

	/** Writes sequences and items with undefined lengths and delimiters (as Philips and many others do). */
	public SyntheticDicom undefinedLengths(boolean undefined) {
		this.undefinedLengths = undefined;
		return this;
	}

	/**
	 * Writes the file in a compressed (encapsulated) transfer syntax: the pixel data becomes one fragment
	 * (the same bytes: only the structure matters to a reader that must refuse it).
	 */
	public SyntheticDicom encapsulated(String transferSyntax) {
		this.encapsulated = transferSyntax;
		return this;
	}

	/** One frame of an enhanced file. */
	public static final class Frame {
		public double b;
		/** Diffusion Directionality: DIRECTIONAL, ISOTROPIC, NONE, BMATRIX. */
		public String directionality;
		public double position;
		public double slope = 1, intercept = 0;
		public int temporalIndex;
		public int stackPosition;
		public short[] pixels;
		public String frameType = "ORIGINAL\\PRIMARY\\DIFFUSION\\NONE";
		/** Whether the MR Diffusion Sequence holds a b-value. */
		public boolean writeB = true;

		public Frame(double b, String directionality, double position, short[] pixels) {
			this.b = b;
			this.directionality = directionality;
			this.position = position;
			this.pixels = pixels;
		}
	}

	/**
	 * An enhanced MR image (Philips-style when {@code manufacturer} is Philips: one file, all volumes):
	 * 16-bit frames, Pixel Measures (0.8 x 0.9 mm, 4 mm) and axial Plane Orientation in the Shared
	 * Functional Groups; MR Diffusion, Plane Position, Pixel Value Transformation, Frame Content (Temporal
	 * Position Index, Dimension Index Values = in-stack position, temporal index) and MR Image Frame Type
	 * per frame.
	 */
	public static SyntheticDicom enhanced(String manufacturer, String seriesUid, int instance, int rows, int cols,
		java.util.List<Frame> frames)
	{
		SyntheticDicom d = new SyntheticDicom();
		d.text(DicomTags.IMAGE_TYPE, "CS", "ORIGINAL\\PRIMARY\\DIFFUSION\\NONE");
		d.text(DicomTags.SOP_CLASS_UID, "UI", ENHANCED_MR);
		d.text(0x00080060, "CS", "MR");
		if (manufacturer != null) d.text(DicomTags.MANUFACTURER, "LO", manufacturer);
		d.text(DicomTags.SERIES_INSTANCE_UID, "UI", seriesUid);
		d.text(DicomTags.SERIES_NUMBER, "IS", "7");
		d.text(DicomTags.INSTANCE_NUMBER, "IS", Integer.toString(instance));
		d.text(DicomTags.NUMBER_OF_FRAMES, "IS", Integer.toString(frames.size()));
		d.seq(DicomTags.DIMENSION_INDEX_SEQUENCE,
			new SyntheticDicom().at(DicomTags.DIMENSION_INDEX_POINTER, DicomTags.IN_STACK_POSITION_NUMBER)
				.at(0x00209167, DicomTags.FRAME_CONTENT_SEQUENCE),
			new SyntheticDicom().at(DicomTags.DIMENSION_INDEX_POINTER, DicomTags.TEMPORAL_POSITION_INDEX)
				.at(0x00209167, DicomTags.FRAME_CONTENT_SEQUENCE));
		SyntheticDicom shared = new SyntheticDicom()
			.seq(DicomTags.PIXEL_MEASURES_SEQUENCE, new SyntheticDicom().text(DicomTags.SLICE_THICKNESS, "DS", "4")
				.text(DicomTags.PIXEL_SPACING, "DS", "0.8\\0.9"))
			.seq(DicomTags.PLANE_ORIENTATION_SEQUENCE,
				new SyntheticDicom().text(DicomTags.IMAGE_ORIENTATION_PATIENT, "DS", "1\\0\\0\\0\\1\\0"));
		d.seq(DicomTags.SHARED_FUNCTIONAL_GROUPS_SEQUENCE, shared);
		SyntheticDicom[] perFrame = new SyntheticDicom[frames.size()];
		ByteBuffer px = ByteBuffer.allocate(2 * rows * cols * frames.size()).order(ByteOrder.LITTLE_ENDIAN);
		for (int i = 0; i < perFrame.length; i++) {
			Frame f = frames.get(i);
			SyntheticDicom diffusion = new SyntheticDicom().text(DicomTags.DIFFUSION_DIRECTIONALITY, "CS", f.directionality);
			if (f.writeB) diffusion.fd(DicomTags.DIFFUSION_B_VALUE, f.b);
			if ("DIRECTIONAL".equals(f.directionality))
				diffusion.seq(DicomTags.DIFFUSION_GRADIENT_DIRECTION_SEQUENCE,
					new SyntheticDicom().fd(DicomTags.DIFFUSION_GRADIENT_ORIENTATION, 1, 0, 0));
			perFrame[i] = new SyntheticDicom()
				.seq(DicomTags.MR_DIFFUSION_SEQUENCE, diffusion)
				.seq(DicomTags.PLANE_POSITION_SEQUENCE,
					new SyntheticDicom().text(DicomTags.IMAGE_POSITION_PATIENT, "DS", "-100\\-120\\" + f.position))
				.seq(DicomTags.PIXEL_VALUE_TRANSFORMATION_SEQUENCE, new SyntheticDicom()
					.text(DicomTags.RESCALE_INTERCEPT, "DS", Double.toString(f.intercept))
					.text(DicomTags.RESCALE_SLOPE, "DS", Double.toString(f.slope)).text(0x00281054, "LO", "US"))
				.seq(DicomTags.FRAME_CONTENT_SEQUENCE, new SyntheticDicom()
					.ul(DicomTags.IN_STACK_POSITION_NUMBER, f.stackPosition)
					.ul(DicomTags.TEMPORAL_POSITION_INDEX, f.temporalIndex)
					.ul(DicomTags.DIMENSION_INDEX_VALUES, f.stackPosition, f.temporalIndex))
				.seq(DicomTags.MR_IMAGE_FRAME_TYPE_SEQUENCE, new SyntheticDicom().text(DicomTags.FRAME_TYPE, "CS", f.frameType));
			if (f.pixels.length != rows * cols) throw new IllegalArgumentException("frame " + i + " size");
			for (short v : f.pixels) px.putShort(v);
		}
		d.seq(DicomTags.PER_FRAME_FUNCTIONAL_GROUPS_SEQUENCE, perFrame);
		d.us(DicomTags.ROWS, rows).us(DicomTags.COLUMNS, cols).us(DicomTags.BITS_ALLOCATED, 16).us(0x00280101, 16)
			.us(0x00280102, 15).us(DicomTags.PIXEL_REPRESENTATION, 0).us(DicomTags.SAMPLES_PER_PIXEL, 1)
			.text(0x00280004, "CS", "MONOCHROME2");
		return d.raw(DicomTags.PIXEL_DATA, "OW", px.array());
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
			Object[] sop = elements.get(DicomTags.SOP_CLASS_UID);
			String sopClass = sop == null ? "1.2.840.10008.5.1.4.1.1.4"
				: new String((byte[]) sop[1], StandardCharsets.US_ASCII).replace("\0", "");
			String ts = encapsulated != null ? encapsulated : implicitVr ? "1.2.840.10008.1.2" : "1.2.840.10008.1.2.1";
			ByteArrayOutputStream meta = new ByteArrayOutputStream();
			writeExplicit(meta, 0x00020001, "OB", new byte[] { 0, 1 });
			writeExplicit(meta, 0x00020002, "UI", pad(sopClass));
			writeExplicit(meta, 0x00020003, "UI", pad("1.2.3.4.5"));
			writeExplicit(meta, 0x00020010, "UI", pad(ts));
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			out.write(new byte[128]);
			out.write("DICM".getBytes(StandardCharsets.US_ASCII));
			writeExplicit(out, 0x00020000, "UL", ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(meta.size()).array());
			meta.writeTo(out);
			writeDataSet(out, implicitVr && encapsulated == null);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	private void writeDataSet(ByteArrayOutputStream out, boolean implicit) throws IOException {
		for (Map.Entry<Integer, Object[]> e : elements.entrySet()) {
			int tag = e.getKey();
			String vr = (String) e.getValue()[0];
			if ("SQ".equals(vr)) {
				writeSequence(out, tag, (SyntheticDicom[]) e.getValue()[1], implicit);
				continue;
			}
			byte[] v = (byte[]) e.getValue()[1];
			if (tag == DicomTags.PIXEL_DATA && encapsulated != null) {
				writeHeader(out, tag, "OB", -1, false);
				out.write(le16(0xFFFE));
				out.write(le16(0xE000));
				out.write(le32(0)); // empty basic offset table
				out.write(le16(0xFFFE));
				out.write(le16(0xE000));
				out.write(le32(v.length));
				out.write(v);
				out.write(le16(0xFFFE));
				out.write(le16(0xE0DD));
				out.write(le32(0));
				continue;
			}
			writeHeader(out, tag, vr, v.length, implicit);
			out.write(v);
		}
	}

	private void writeSequence(ByteArrayOutputStream out, int tag, SyntheticDicom[] items, boolean implicit)
		throws IOException
	{
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		for (SyntheticDicom item : items) {
			ByteArrayOutputStream content = new ByteArrayOutputStream();
			item.undefinedLengths = undefinedLengths;
			item.encapsulated = null;
			item.writeDataSet(content, implicit);
			body.write(le16(0xFFFE));
			body.write(le16(0xE000));
			body.write(le32(undefinedLengths ? -1 : content.size()));
			content.writeTo(body);
			if (undefinedLengths) {
				body.write(le16(0xFFFE));
				body.write(le16(0xE00D));
				body.write(le32(0));
			}
		}
		writeHeader(out, tag, "SQ", undefinedLengths ? -1 : body.size(), implicit);
		body.writeTo(out);
		if (undefinedLengths) {
			out.write(le16(0xFFFE));
			out.write(le16(0xE0DD));
			out.write(le32(0));
		}
	}

	private static void writeHeader(ByteArrayOutputStream out, int tag, String vr, int length, boolean implicit)
		throws IOException
	{
		out.write(le16(tag >>> 16));
		out.write(le16(tag & 0xFFFF));
		if (implicit) {
			out.write(le32(length));
			return;
		}
		out.write(vr.getBytes(StandardCharsets.US_ASCII));
		if (java.util.Set.of("OB", "OW", "SQ", "UN", "UT", "OF").contains(vr)) {
			out.write(new byte[2]);
			out.write(le32(length));
		}
		else out.write(le16(length));
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
		writeHeader(out, tag, vr, v.length, false);
		out.write(v);
	}

	private static byte[] le16(int v) {
		return new byte[] { (byte) v, (byte) (v >>> 8) };
	}

	private static byte[] le32(int v) {
		return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v).array();
	}
}
