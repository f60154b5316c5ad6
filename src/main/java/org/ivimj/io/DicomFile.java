package org.ivimj.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One single-frame DICOM file read in plain Java: its top-level attributes as text and its pixels as
 * floats with the rescale slope and intercept applied. Uncompressed transfer syntaxes only (implicit VR
 * little endian, explicit VR little and big endian), with or without the 128-byte preamble; every
 * problem with the bytes is an {@link IvimImportException} naming the file.
 */
public final class DicomFile {

	private static final String IMPLICIT_LE = "1.2.840.10008.1.2";
	private static final String EXPLICIT_LE = "1.2.840.10008.1.2.1";
	private static final String EXPLICIT_BE = "1.2.840.10008.1.2.2";
	private static final Set<String> LONG_VRS = Set.of("OB", "OW", "OF", "OD", "OL", "OV", "SQ", "UC", "UN", "UR",
		"UT", "SV", "UV");
	private static final Set<String> TEXT_VRS = Set.of("AE", "AS", "CS", "DA", "DS", "DT", "IS", "LO", "LT", "PN",
		"SH", "ST", "TM", "UI", "UC", "UR", "UT");
	private static final int ITEM = 0xFFFEE000;
	private static final int ITEM_END = 0xFFFEE00D;
	private static final int SEQUENCE_END = 0xFFFEE0DD;
	private static final long UNDEFINED = 0xFFFFFFFFL;
	private static final int MAX_DEPTH = 32;
	/** Longer values are not kept as text: nothing read here is that long. */
	private static final int MAX_TEXT = 1 << 16;

	private final String name;
	private final byte[] bytes;
	private final DicomAttributes attributes = new DicomAttributes();
	private ByteBuffer buf;
	private boolean explicitVr;
	private String transferSyntax = IMPLICIT_LE;
	private int pixelOffset = -1;
	private long pixelLength;

	private DicomFile(String name, byte[] bytes) {
		this.name = name;
		this.bytes = bytes;
	}

	/** Whether the file starts like DICOM (preamble + "DICM", or a bare data set starting at group 0002/0008). */
	public static boolean looksLikeDicom(Path file) {
		try (var in = Files.newInputStream(file)) {
			byte[] head = in.readNBytes(132);
			if (head.length == 132 && head[128] == 'D' && head[129] == 'I' && head[130] == 'C' && head[131] == 'M')
				return true;
			return head.length >= 8 && bareDataSet(head);
		}
		catch (IOException e) {
			return false;
		}
	}

	private static boolean bareDataSet(byte[] head) {
		int group = (head[0] & 0xFF) | (head[1] & 0xFF) << 8;
		return group == 0x0002 || group == 0x0008;
	}

	/** Reads and parses a file. */
	public static DicomFile read(Path file) throws IvimImportException {
		byte[] bytes;
		try {
			bytes = Files.readAllBytes(file);
		}
		catch (IOException | OutOfMemoryError e) {
			throw new IvimImportException(file.toString(), "cannot be read (" + e.getMessage() + ")", e);
		}
		DicomFile f = new DicomFile(file.toString(), bytes);
		f.parse();
		return f;
	}

	/** Parses bytes already in memory; {@code name} is used in messages. */
	public static DicomFile parse(String name, byte[] bytes) throws IvimImportException {
		DicomFile f = new DicomFile(name, bytes);
		f.parse();
		return f;
	}

	/** The file name used in messages. */
	public String name() {
		return name;
	}

	/** The top-level attributes as text. */
	public DicomAttributes attributes() {
		return attributes;
	}

	/** Whether the file holds an image (DICOMDIR, reports and presentation states do not). */
	public boolean hasPixelData() {
		return pixelOffset >= 0;
	}

	/** The transfer syntax UID. */
	public String transferSyntax() {
		return transferSyntax;
	}

	private void parse() throws IvimImportException {
		buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
		if (bytes.length >= 132 && bytes[128] == 'D' && bytes[129] == 'I' && bytes[130] == 'C' && bytes[131] == 'M') {
			buf.position(132);
			explicitVr = true;
			// The file meta group is always explicit VR little endian, whatever follows.
			while (buf.remaining() >= 4 && (buf.getShort(buf.position()) & 0xFFFF) == 0x0002)
				readElement(attributes, 0, true, bytes.length);
			String ts = attributes.string(DicomTags.TRANSFER_SYNTAX_UID);
			if (ts == null) throw fail("the file meta information has no transfer syntax (0002,0010)");
			transferSyntax = ts.replace("\0", "").trim();
		}
		else if (bytes.length >= 8 && bareDataSet(bytes)) {
			buf.position(0);
			transferSyntax = Character.isUpperCase(bytes[4]) && Character.isUpperCase(bytes[5]) ? EXPLICIT_LE : IMPLICIT_LE;
		}
		else throw fail("is not a DICOM file (no 'DICM' marker)");
		switch (transferSyntax) {
			case IMPLICIT_LE: explicitVr = false; break;
			case EXPLICIT_LE: explicitVr = true; break;
			case EXPLICIT_BE: explicitVr = true; buf.order(ByteOrder.BIG_ENDIAN); break;
			default:
				String compressed = TransferSyntaxes.compressedName(transferSyntax);
				if (compressed != null) throw fail(TransferSyntaxes.refusal(transferSyntax, compressed));
				throw fail("has an unknown transfer syntax '" + transferSyntax + "'");
		}
		while (buf.remaining() > 0 && pixelOffset < 0) {
			if (buf.remaining() < 8) throw fail("is truncated (" + buf.remaining() + " stray bytes at the end)");
			readElement(attributes, 0, explicitVr, bytes.length);
		}
	}

	/**
	 * Reads one element that must end by byte {@code end} into {@code target}; sequences are read into
	 * lists of items (with nested sequences), whatever their depth.
	 */
	private void readElement(DicomAttributes target, int depth, boolean explicit, int end) throws IvimImportException {
		int start = buf.position();
		int tag = readTag();
		String vr = null;
		long length;
		if (tag == ITEM || tag == ITEM_END || tag == SEQUENCE_END) {
			need(4, tag, end);
			length = buf.getInt() & 0xFFFFFFFFL;
			if (length == UNDEFINED) throw fail("is malformed: a stray item delimiter at byte " + start);
		}
		else if (explicit) {
			need(4, tag, end);
			vr = new String(new byte[] { buf.get(), buf.get() }, StandardCharsets.US_ASCII);
			if (!Character.isUpperCase(vr.charAt(0)) || !Character.isUpperCase(vr.charAt(1)))
				throw fail("is malformed: element " + DicomTags.format(tag) + " at byte " + start
					+ " has no valid value representation");
			if (LONG_VRS.contains(vr)) {
				need(6, tag, end);
				buf.getShort();
				length = buf.getInt() & 0xFFFFFFFFL;
			}
			else {
				need(2, tag, end);
				length = buf.getShort() & 0xFFFF;
			}
		}
		else {
			need(4, tag, end);
			length = buf.getInt() & 0xFFFFFFFFL;
			vr = DicomTags.knownVr(tag);
		}
		if (tag == DicomTags.PIXEL_DATA && length == UNDEFINED) {
			if (depth == 0) throw fail(TransferSyntaxes.refusal(transferSyntax, "an encapsulated (compressed) syntax"));
			skipFragments(end); // an icon image inside a sequence: not needed
			return;
		}
		if (tag == DicomTags.PIXEL_DATA && depth == 0) {
			if (length > buf.remaining()) throw fail("is truncated: the pixel data needs " + length
				+ " bytes, only " + buf.remaining() + " are left");
			pixelOffset = buf.position();
			pixelLength = length;
			return;
		}
		boolean sequence = length == UNDEFINED || "SQ".equals(vr)
			|| "UN".equals(vr) && "SQ".equals(DicomTags.knownVr(tag));
		if (sequence) {
			int seqEnd = -1;
			if (length != UNDEFINED) {
				if (length > end - buf.position()) throw fail("is truncated: sequence " + DicomTags.format(tag) + " at byte "
					+ start + " claims " + length + " bytes, only " + (end - buf.position()) + " are left");
				seqEnd = buf.position() + (int) length;
				if ((tag >>> 16 & 1) == 1) {
					// A private sequence of known length: nothing in it is read, and vendors encode some
					// of them loosely (implicit VR inside explicit files), so it is skipped, not parsed.
					buf.position(seqEnd);
					return;
				}
			}
			// An undefined length is only legal for sequences (and UN holding one, read as implicit VR).
			List<DicomAttributes> items = readSequence(depth + 1, explicit && !"UN".equals(vr), seqEnd, end);
			if (tag != ITEM && (tag >>> 16) != 0xFFFE) target.putSequence(tag, items);
			return;
		}
		if (length > end - buf.position()) throw fail("is truncated: element " + DicomTags.format(tag) + " at byte "
			+ start + " claims " + length + " bytes, only " + (end - buf.position()) + " are left");
		int valueStart = buf.position();
		buf.position(valueStart + (int) length);
		if ((tag >>> 16) == 0xFFFE) return;
		if ((tag & 0xFFFF) == 0 && (tag >>> 16) != 0x0002) return; // group lengths say nothing useful
		String text = toText(tag, vr, valueStart, (int) length);
		if (text != null) target.put(tag, text);
	}

	/**
	 * Reads a sequence's items: up to {@code seqEnd} for a defined length, or to the sequence delimiter
	 * ({@code seqEnd} = -1), never past {@code end}.
	 */
	private List<DicomAttributes> readSequence(int depth, boolean explicit, int seqEnd, int end)
		throws IvimImportException
	{
		if (depth > MAX_DEPTH) throw fail("is malformed: sequences nested more than " + MAX_DEPTH + " deep");
		int limit = seqEnd >= 0 ? seqEnd : end;
		List<DicomAttributes> items = new ArrayList<>();
		while (true) {
			if (seqEnd >= 0 && buf.position() == seqEnd) return items;
			if (limit - buf.position() < 8) throw fail("is truncated inside a sequence");
			int tag = readTag();
			long length = buf.getInt() & 0xFFFFFFFFL;
			if (tag == SEQUENCE_END) return items;
			if (tag != ITEM) throw fail("is malformed: a sequence holds " + DicomTags.format(tag)
				+ " where an item was expected (byte " + (buf.position() - 8) + ")");
			DicomAttributes item = new DicomAttributes();
			if (length == UNDEFINED) {
				while (true) {
					if (limit - buf.position() < 8) throw fail("is truncated inside a sequence item");
					if (peekTag() == ITEM_END) {
						readTag();
						buf.getInt();
						break;
					}
					readElement(item, depth, explicit, limit);
				}
			}
			else {
				if (length > limit - buf.position()) throw fail("is truncated inside a sequence item");
				int itemEnd = buf.position() + (int) length;
				while (buf.position() < itemEnd) {
					if (itemEnd - buf.position() < 8) throw fail("is malformed: a sequence item ends inside an element");
					readElement(item, depth, explicit, itemEnd);
				}
			}
			items.add(item);
		}
	}

	/** Skips encapsulated pixel data fragments up to the sequence delimiter. */
	private void skipFragments(int end) throws IvimImportException {
		while (true) {
			if (end - buf.position() < 8) throw fail("is truncated inside encapsulated pixel data");
			int tag = readTag();
			long length = buf.getInt() & 0xFFFFFFFFL;
			if (tag == SEQUENCE_END) return;
			if (tag != ITEM || length > end - buf.position()) throw fail("is malformed inside encapsulated pixel data");
			buf.position(buf.position() + (int) length);
		}
	}

	private int readTag() {
		int group = buf.getShort() & 0xFFFF;
		int element = buf.getShort() & 0xFFFF;
		return group << 16 | element;
	}

	private int peekTag() {
		int p = buf.position();
		int tag = readTag();
		buf.position(p);
		return tag;
	}

	private void need(int n, int tag, int end) throws IvimImportException {
		if (end - buf.position() < n) throw fail("is truncated in the header of element " + DicomTags.format(tag));
	}

	private String toText(int tag, String vr, int offset, int length) {
		if (length > MAX_TEXT) return null;
		String known = DicomTags.knownVr(tag);
		if (vr == null || "UN".equals(vr)) vr = known;
		ByteBuffer b = buf.duplicate().order(buf.order());
		b.position(offset);
		StringBuilder sb = new StringBuilder();
		if (vr == null || TEXT_VRS.contains(vr)) {
			String s = new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
			if (vr == null) {
				// Unknown VR (implicit or UN): keep it only if it reads as text.
				for (int i = 0; i < s.length(); i++) {
					char c = s.charAt(i);
					if ((c < 32 || c > 126) && c != 0) return null;
				}
			}
			return s.replace('\0', ' ').trim();
		}
		switch (vr) {
			case "FL": for (int i = 0; i + 4 <= length; i += 4) append(sb, Float.toString(b.getFloat())); break;
			case "FD": for (int i = 0; i + 8 <= length; i += 8) append(sb, Double.toString(b.getDouble())); break;
			case "US": for (int i = 0; i + 2 <= length; i += 2) append(sb, Integer.toString(b.getShort() & 0xFFFF)); break;
			case "SS": for (int i = 0; i + 2 <= length; i += 2) append(sb, Integer.toString(b.getShort())); break;
			case "UL": for (int i = 0; i + 4 <= length; i += 4) append(sb, Long.toString(b.getInt() & 0xFFFFFFFFL)); break;
			case "SL": for (int i = 0; i + 4 <= length; i += 4) append(sb, Integer.toString(b.getInt())); break;
			case "AT":
				for (int i = 0; i + 4 <= length; i += 4) {
					int group = b.getShort() & 0xFFFF, element = b.getShort() & 0xFFFF;
					append(sb, Integer.toString(group << 16 | element));
				}
				break;
			default: return null;
		}
		return sb.toString();
	}

	private static void append(StringBuilder sb, String v) {
		if (sb.length() > 0) sb.append('\\');
		sb.append(v);
	}

	/**
	 * The pixels of a single-frame image, row by row from the top-left, with Rescale Slope and Intercept
	 * applied.
	 *
	 * @throws IvimImportException for multi-frame, colour or truncated pixel data
	 */
	public float[] pixels() throws IvimImportException {
		if (pixelOffset < 0) throw fail("has no pixel data (7FE0,0010)");
		double frames = number(DicomTags.NUMBER_OF_FRAMES);
		if (!Double.isNaN(frames) && frames > 1) throw fail("is a multi-frame (enhanced) DICOM with " + (long) frames
			+ " frames: import its folder with File > Import > DICOM Diffusion Series (IVIM), which reads the frames"
			+ " one by one");
		double slope = number(DicomTags.RESCALE_SLOPE);
		double intercept = number(DicomTags.RESCALE_INTERCEPT);
		return frame(0, Double.isNaN(slope) ? 1 : slope, Double.isNaN(intercept) ? 0 : intercept);
	}

	/** Number of Frames (0028,0008); 1 when absent. */
	public int frameCount() throws IvimImportException {
		double frames = number(DicomTags.NUMBER_OF_FRAMES);
		if (Double.isNaN(frames)) return 1;
		if (frames < 1 || frames > Integer.MAX_VALUE || frames != Math.rint(frames))
			throw fail("has an invalid Number of Frames (0028,0008) '" + attributes.string(DicomTags.NUMBER_OF_FRAMES) + "'");
		return (int) frames;
	}

	/**
	 * Checks that the pixel data holds exactly Number of Frames frames of Rows x Columns (a trailing pad
	 * byte allowed) before any frame is used.
	 *
	 * @throws IvimImportException naming what disagrees
	 */
	public void checkFrames() throws IvimImportException {
		frame(0, 1, 0);
	}

	/**
	 * One frame (0 = first) of the pixel data, row by row from the top-left, as {@code stored * slope +
	 * intercept} (a slope of 0 counts as 1). The frame count and the pixel data length must agree.
	 *
	 * @throws IvimImportException for colour, truncated or inconsistent pixel data
	 */
	public float[] frame(int index, double slope, double intercept) throws IvimImportException {
		if (pixelOffset < 0) throw fail("has no pixel data (7FE0,0010)");
		int rows = positiveInt(DicomTags.ROWS, "Rows");
		int cols = positiveInt(DicomTags.COLUMNS, "Columns");
		int bits = positiveInt(DicomTags.BITS_ALLOCATED, "Bits Allocated");
		double samples = number(DicomTags.SAMPLES_PER_PIXEL);
		if (!Double.isNaN(samples) && samples != 1) throw fail("is a colour image (" + (int) samples
			+ " samples per pixel); diffusion images are greyscale");
		if (bits != 8 && bits != 16 && bits != 32) throw fail("has " + bits + " bits per pixel; 8, 16 or 32 are supported");
		int frames = frameCount();
		if (index < 0 || index >= frames) throw new IllegalArgumentException("frame " + index + " of " + frames);
		boolean signed = number(DicomTags.PIXEL_REPRESENTATION) == 1;
		if (Double.isNaN(slope) || slope == 0 || !Double.isFinite(slope)) slope = 1;
		if (!Double.isFinite(intercept)) intercept = 0;
		long n = (long) rows * cols;
		long perFrame = n * (bits / 8);
		long needed = perFrame * frames;
		if (needed > pixelLength || needed > Integer.MAX_VALUE) {
			String what = frames == 1 ? "" : frames + " frames of ";
			throw fail("is truncated: " + what + rows + " x " + cols + " pixels of " + bits + " bits need " + needed
				+ " bytes of pixel data, the file holds " + pixelLength
				+ (frames > 1 ? " (" + pixelLength / perFrame + " whole frames)" : ""));
		}
		if (frames > 1 && pixelLength >= needed + perFrame) throw fail("says it has " + frames
			+ " frames (Number of Frames, 0028,0008) but its pixel data holds " + pixelLength / perFrame + " frames of "
			+ rows + " x " + cols + " pixels: the header and the pixel data disagree");
		ByteBuffer b = ByteBuffer.wrap(bytes).order(buf.order());
		b.position(pixelOffset + (int) (perFrame * index));
		float[] out = new float[(int) n];
		for (int i = 0; i < out.length; i++) {
			double v;
			if (bits == 8) v = signed ? b.get() : b.get() & 0xFF;
			else if (bits == 16) v = signed ? b.getShort() : b.getShort() & 0xFFFF;
			else v = signed ? b.getInt() : b.getInt() & 0xFFFFFFFFL;
			out[i] = (float) (v * slope + intercept);
		}
		return out;
	}

	private double number(int tag) throws IvimImportException {
		try {
			return attributes.number(tag);
		}
		catch (NumberFormatException e) {
			throw fail("has a non-numeric " + DicomTags.format(tag) + " '" + attributes.string(tag) + "'");
		}
	}

	private int positiveInt(int tag, String what) throws IvimImportException {
		double v = number(tag);
		if (Double.isNaN(v)) throw fail("has no " + what + " (" + DicomTags.format(tag) + ")");
		if (v < 1 || v > 65535 || v != Math.rint(v)) throw fail("has an invalid " + what + " (" + DicomTags.format(tag)
			+ ") '" + attributes.string(tag) + "'");
		return (int) v;
	}

	private IvimImportException fail(String problem) {
		return new IvimImportException(name, problem);
	}
}
