package org.ivimj.io;

import java.util.Locale;

/**
 * What the diffusion importer needs from one DICOM image's header: its b-value (from the standard tag or
 * the vendor's private one), slice position along the slice normal, size, spacing and series, and
 * whether it is a derived image (ADC, trace, exponential map) to leave out.
 */
public final class DicomDiffusionImage {

	/** b-values above this (s/mm²) are not in s/mm² (s/m² would be 1e6 times larger). */
	static final double MAX_B = 100000;
	/** Image Type words of parameter maps (never signal data). */
	private static final String[] MAP_WORDS = { "ADC", "EADC", "EXP", "FA", "COLFA", "CALC_BVALUE" };
	/** Image Type words of the scanner's trace-weighted (direction-averaged) images. */
	private static final String[] TRACE_WORDS = { "TRACEW", "TRACE", "ISOTROPIC" };

	/** File or slice label, for messages. */
	public final String name;
	public final double bValue;
	/** The tag the b-value came from, e.g. "(0043,1039) GE". */
	public final String bSource;
	/** Image Orientation (Patient): row then column direction cosines, or null. */
	public final double[] orientation;
	/** Image Position (Patient), or null. */
	public final double[] position;
	/** Position along the slice normal (mm). */
	public final double slicePosition;
	public final int rows, columns;
	/** Row spacing then column spacing (mm), or null. */
	public final double[] pixelSpacing;
	public final double sliceThickness, spacingBetweenSlices;
	public final String seriesUid;
	public final String seriesDescription;
	/** Series Number (0020,0011) as written, or null. */
	public final String seriesNumber;
	/** Diffusion Directionality (0018,9075) of an enhanced image's frame, upper case, or null. */
	public final String directionality;
	/** Diffusion Gradient Orientation (0018,9089) of an enhanced image's frame, or null. */
	public final double[] gradient;
	/** The value of one step of the stored integers: |Rescale Slope| (1 when absent). */
	public final double storedUnit;
	/**
	 * The map's name (e.g. "ADC", "FA") when the image is a parameter map the scanner computed, else
	 * null; such a map may lack a b-value ({@link #bValue} NaN).
	 */
	public final String mapKind;
	/** Instance Number, or Long.MAX_VALUE when absent. */
	public final long instanceNumber;
	/** Why the image is a derived one to leave out, or null for an acquired image. */
	public final String derivedReason;
	/**
	 * Whether the derived image is the scanner's trace-weighted image (not a parameter map): usable
	 * signal when the series holds no individual directions at its b-value.
	 */
	public final boolean traceWeighted;

	private DicomDiffusionImage(String name, DicomAttributes a) throws IvimImportException {
		this.name = name;
		try {
			String type = a.string(DicomTags.IMAGE_TYPE);
			String reason = null;
			boolean trace = false;
			if (type != null) {
				String[] words = type.toUpperCase(Locale.ROOT).split("\\\\");
				for (String w : words)
					if (w.trim().equals("MOSAIC")) throw new IvimImportException(name, "is a Siemens mosaic (all slices"
						+ " tiled in one image), which is not supported: convert the series with dcm2niix and use the"
						+ " NIfTI import");
				String map = null;
				for (int i = 1; i < words.length; i++) {
					for (String d : MAP_WORDS)
						if (words[i].trim().equals(d) && map == null) map = d;
					for (String d : TRACE_WORDS)
						if (words[i].trim().equals(d)) trace = true;
				}
				if (map != null) {
					trace = false;
					reason = "derived " + map + " map (ImageType " + type + ")";
				}
				else if (trace) reason = "the scanner's trace-weighted image (ImageType " + type + ")";
				else if (words[0].trim().equals("DERIVED")) reason = "derived image (ImageType " + type + ")";
				mapKind = map;
			}
			else mapKind = null;
			double frames = a.number(DicomTags.NUMBER_OF_FRAMES);
			if (frames > 1) throw new IvimImportException(name, "is a multi-frame (enhanced) DICOM with " + (long) frames
				+ " frames: import its folder with File > Import > DICOM Diffusion Series (IVIM), which reads the frames"
				+ " one by one");
			double[] g = a.numbers(DicomTags.DIFFUSION_GRADIENT_ORIENTATION);
			gradient = g != null && g.length == 3 ? g : null;
			String directional = a.string(DicomTags.DIFFUSION_DIRECTIONALITY);
			directionality = directional == null || directional.isEmpty() ? null : directional.toUpperCase(Locale.ROOT);
			String[] b;
			if (mapKind != null) b = mapBValue(name, a);
			else if (hasBValue(a)) b = readBValue(name, a);
			else if ("NONE".equals(directionality)) b = new String[] { "0", "(0018,9075) directionality NONE" };
			else b = readBValue(name, a); // throws, naming the tags looked for
			bValue = Double.parseDouble(b[0]);
			bSource = b[1];
			if (bValue > MAX_B) throw new IvimImportException(name, "has b = " + DiffusionSeriesBuilder.fmt(bValue)
				+ " in " + bSource + ", which is not a b-value in s/mm² (in s/m² it would be "
				+ DiffusionSeriesBuilder.fmt(bValue / 1e6) + " s/mm²): the file mixes or mislabels b-value units;"
				+ " IVIM-J reads b in s/mm², as the DICOM standard defines it");
			String dir = a.string(DicomTags.PHILIPS_DIFFUSION_DIRECTION);
			if (reason == null && "I".equalsIgnoreCase(dir) && bValue > 0 && isVendor(a, "PHILIPS")) {
				reason = "the scanner's isotropic (trace) image ((2001,1004) = I)";
				trace = true;
			}
			if (reason == null && "ISOTROPIC".equals(directionality) && bValue > 0) {
				reason = "the scanner's isotropic (trace) image ((0018,9075) = ISOTROPIC)";
				trace = true;
			}
			derivedReason = reason;
			traceWeighted = trace;
			rows = size(name, a, DicomTags.ROWS, "Rows");
			columns = size(name, a, DicomTags.COLUMNS, "Columns");
			double[] iop = a.numbers(DicomTags.IMAGE_ORIENTATION_PATIENT);
			double[] ipp = a.numbers(DicomTags.IMAGE_POSITION_PATIENT);
			orientation = iop != null && iop.length == 6 && normal(iop) != null ? iop : null;
			position = ipp != null && ipp.length == 3 ? ipp : null;
			if (orientation != null && position != null) {
				double[] n = normal(orientation);
				slicePosition = n[0] * position[0] + n[1] * position[1] + n[2] * position[2];
			}
			else {
				double loc = a.number(DicomTags.SLICE_LOCATION);
				if (Double.isNaN(loc)) throw new IvimImportException(name, "has no slice position: neither Image Position"
					+ " and Orientation (Patient) (0020,0032/0037) nor Slice Location (0020,1041)");
				slicePosition = loc;
			}
			double[] ps = a.numbers(DicomTags.PIXEL_SPACING);
			pixelSpacing = ps != null && ps.length == 2 && ps[0] > 0 && ps[1] > 0 ? ps : null;
			sliceThickness = a.number(DicomTags.SLICE_THICKNESS);
			spacingBetweenSlices = a.number(DicomTags.SPACING_BETWEEN_SLICES);
			String uid = a.string(DicomTags.SERIES_INSTANCE_UID);
			seriesUid = uid == null ? "" : uid;
			seriesDescription = a.string(DicomTags.SERIES_DESCRIPTION);
			seriesNumber = a.string(DicomTags.SERIES_NUMBER);
			double slope = a.number(DicomTags.RESCALE_SLOPE);
			storedUnit = Double.isNaN(slope) || slope == 0 ? 1 : Math.abs(slope);
			double inst = a.number(DicomTags.INSTANCE_NUMBER);
			instanceNumber = Double.isNaN(inst) ? Long.MAX_VALUE : (long) inst;
		}
		catch (NumberFormatException e) {
			throw new IvimImportException(name, "has a malformed number in its header (" + e.getMessage() + ")", e);
		}
	}

	/** Interprets one image's attributes. */
	public static DicomDiffusionImage from(String name, DicomAttributes a) throws IvimImportException {
		return new DicomDiffusionImage(name, a);
	}

	/** The unit normal of the slice (row x column), or null when the cosines are degenerate. */
	public static double[] normal(double[] iop) {
		double[] n = { iop[1] * iop[5] - iop[2] * iop[4], iop[2] * iop[3] - iop[0] * iop[5],
			iop[0] * iop[4] - iop[1] * iop[3] };
		double len = Math.sqrt(n[0] * n[0] + n[1] * n[1] + n[2] * n[2]);
		if (!(len > 1e-6)) return null;
		for (int i = 0; i < 3; i++) n[i] /= len;
		return n;
	}

	private static boolean isVendor(DicomAttributes a, String vendor) {
		String m = a.string(DicomTags.MANUFACTURER);
		return m == null || m.toUpperCase(Locale.ROOT).contains(vendor);
	}

	/** A map's b-value when it has a readable one (it is not needed: maps are not fitted). */
	private static String[] mapBValue(String name, DicomAttributes a) {
		try {
			if (hasBValue(a)) return readBValue(name, a);
		}
		catch (IvimImportException | NumberFormatException e) {
			// an unreadable b-value on a map: it is not used
		}
		return new String[] { "NaN", "none (a derived map)" };
	}

	private static boolean hasBValue(DicomAttributes a) {
		return a.has(DicomTags.DIFFUSION_B_VALUE) || a.has(DicomTags.GE_B_VALUE) || a.has(DicomTags.SIEMENS_B_VALUE)
			|| a.has(DicomTags.PHILIPS_B_VALUE);
	}

	/** {value, source}; the standard tag first, then the private tag of the image's manufacturer. */
	private static String[] readBValue(String name, DicomAttributes a) throws IvimImportException {
		if (a.has(DicomTags.DIFFUSION_B_VALUE)) return check(name, a, DicomTags.DIFFUSION_B_VALUE, "standard");
		String m = a.string(DicomTags.MANUFACTURER);
		String vendor = m == null ? "" : m.toUpperCase(Locale.ROOT);
		boolean unknown = !(vendor.contains("GE") || vendor.contains("SIEMENS") || vendor.contains("PHILIPS"));
		if ((vendor.contains("GE") || unknown) && a.has(DicomTags.GE_B_VALUE)) {
			String[] r = check(name, a, DicomTags.GE_B_VALUE, "GE");
			double b = Double.parseDouble(r[0]);
			// Some GE software versions add 1e9 to the b-value.
			if (b >= 1e9) r[0] = Double.toString(b % 1e9);
			return r;
		}
		if ((vendor.contains("SIEMENS") || unknown) && a.has(DicomTags.SIEMENS_B_VALUE))
			return check(name, a, DicomTags.SIEMENS_B_VALUE, "Siemens");
		if ((vendor.contains("PHILIPS") || unknown) && a.has(DicomTags.PHILIPS_B_VALUE))
			return check(name, a, DicomTags.PHILIPS_B_VALUE, "Philips");
		throw new IvimImportException(name, "has no b-value: none of the tags (0018,9087) standard, (0043,1039) GE,"
			+ " (0019,100C) Siemens, (2001,1003) Philips" + (m == null ? "" : " (manufacturer " + m + ")")
			+ " is present; is this a diffusion series?");
	}

	private static String[] check(String name, DicomAttributes a, int tag, String vendor) throws IvimImportException {
		double b;
		try {
			b = a.number(tag);
		}
		catch (NumberFormatException e) {
			b = Double.NaN;
		}
		if (!(b >= 0) || b > 2e9) throw new IvimImportException(name, "has an invalid b-value '" + a.string(tag)
			+ "' in " + DicomTags.format(tag) + " (" + vendor + ")");
		// Values stored as 32-bit floats (Philips FL, or FD holding a float) read back as written: 0.001, not 0.0010000000474974513.
		if ((double) (float) b == b) b = Double.parseDouble(Float.toString((float) b));
		return new String[] { Double.toString(b), "(" + DicomTags.format(tag) + ") " + vendor };
	}

	private static int size(String name, DicomAttributes a, int tag, String what) throws IvimImportException {
		double v = a.number(tag);
		if (Double.isNaN(v)) throw new IvimImportException(name, "has no " + what + " (" + DicomTags.format(tag) + ")");
		if (v < 1 || v > 65535 || v != Math.rint(v)) throw new IvimImportException(name, "has an invalid " + what + " '"
			+ a.string(tag) + "'");
		return (int) v;
	}
}
