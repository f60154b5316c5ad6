package org.ivimj.io;

import java.util.Map;

/**
 * The compressed DICOM transfer syntaxes by name, and the one message that refuses them: IVIM-J reads
 * uncompressed pixel data only, so the message says which syntax the file uses and how to get an
 * uncompressed copy.
 */
final class TransferSyntaxes {

	private static final Map<String, String> COMPRESSED = Map.ofEntries(
		Map.entry("1.2.840.10008.1.2.1.99", "Deflated Explicit VR Little Endian"),
		Map.entry("1.2.840.10008.1.2.4.50", "JPEG Baseline"),
		Map.entry("1.2.840.10008.1.2.4.51", "JPEG Extended"),
		Map.entry("1.2.840.10008.1.2.4.57", "JPEG Lossless"),
		Map.entry("1.2.840.10008.1.2.4.70", "JPEG Lossless (first-order prediction)"),
		Map.entry("1.2.840.10008.1.2.4.80", "JPEG-LS Lossless"),
		Map.entry("1.2.840.10008.1.2.4.81", "JPEG-LS Near-Lossless"),
		Map.entry("1.2.840.10008.1.2.4.90", "JPEG 2000 Lossless"),
		Map.entry("1.2.840.10008.1.2.4.91", "JPEG 2000"),
		Map.entry("1.2.840.10008.1.2.4.92", "JPEG 2000 Part 2 Multi-component Lossless"),
		Map.entry("1.2.840.10008.1.2.4.93", "JPEG 2000 Part 2 Multi-component"),
		Map.entry("1.2.840.10008.1.2.4.201", "High-Throughput JPEG 2000 Lossless"),
		Map.entry("1.2.840.10008.1.2.4.202", "High-Throughput JPEG 2000 Lossless (RPCL)"),
		Map.entry("1.2.840.10008.1.2.4.203", "High-Throughput JPEG 2000"),
		Map.entry("1.2.840.10008.1.2.5", "RLE Lossless"));

	private TransferSyntaxes() {}

	/**
	 * The name of a compressed (encapsulated or deflated) syntax; "a compressed syntax" for other
	 * 1.2.840.10008.1.2.x UIDs (MPEG and future ones); null for UIDs outside the DICOM family.
	 */
	static String compressedName(String uid) {
		String name = COMPRESSED.get(uid);
		if (name != null) return name;
		return uid.startsWith("1.2.840.10008.1.2.") ? "a compressed syntax" : null;
	}

	/** The refusal: which syntax, and what to do. */
	static String refusal(String uid, String name) {
		String known = COMPRESSED.get(uid);
		String syntax = known != null ? known + " (" + uid + ")" : name + " (transfer syntax " + uid + ")";
		return "holds compressed pixel data: transfer syntax " + syntax + ", which IVIM-J cannot decode. Convert the"
			+ " series with dcm2niix and open the NIfTI with File > Import > NIfTI Diffusion (IVIM), or decompress the"
			+ " files first (gdcmconv --raw in.dcm out.dcm; or dcmdjpeg for JPEG, dcmdrle for RLE) and import the"
			+ " decompressed folder";
	}
}
