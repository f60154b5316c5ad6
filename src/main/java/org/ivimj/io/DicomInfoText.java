package org.ivimj.io;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the DICOM header text ImageJ keeps with images it opened from DICOM (the "Info" property, or
 * each stack slice's label: file name, then lines like {@code 0043,1039  ---: 1000\8\0\0}) into
 * {@link DicomAttributes}, so an open stack can be arranged like a folder.
 */
public final class DicomInfoText {

	private static final Pattern LINE = Pattern.compile("^([0-9A-Fa-f]{4}),([0-9A-Fa-f]{4})\\s[^:]*:\\s?(.*)$");

	private DicomInfoText() {}

	/** Whether the text holds DICOM header lines. */
	public static boolean isDicomInfo(String text) {
		if (text == null) return false;
		for (String line : text.split("\\r?\\n"))
			if (LINE.matcher(line).matches()) return true;
		return false;
	}

	/** The top-level attributes in the text; the first occurrence of a tag wins. */
	public static DicomAttributes parse(String text) {
		DicomAttributes a = new DicomAttributes();
		if (text == null) return a;
		for (String line : text.split("\\r?\\n")) {
			Matcher m = LINE.matcher(line);
			if (!m.matches()) continue;
			int tag = Integer.parseInt(m.group(1), 16) << 16 | Integer.parseInt(m.group(2), 16);
			if (!a.has(tag)) a.put(tag, m.group(3).trim());
		}
		return a;
	}

	/** The first line when it is not a header line (FolderOpener puts the file name there), else null. */
	public static String fileName(String text) {
		if (text == null) return null;
		String first = text.split("\\r?\\n", 2)[0].trim();
		return first.isEmpty() || LINE.matcher(first).matches() ? null : first;
	}
}
