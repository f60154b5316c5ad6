package org.ivimj.io;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The top-level attributes of one DICOM image as text, the way ImageJ's DICOM info shows them
 * (multiple values separated by backslashes), whether they came from a file or from ImageJ's info of an
 * image it already opened. Numbers are parsed on demand.
 */
public final class DicomAttributes {

	private final Map<Integer, String> values = new LinkedHashMap<>();

	/** Sets a value (replacing any earlier one). */
	public void put(int tag, String value) {
		values.put(tag, value);
	}

	/** Whether the attribute is present with a non-empty value. */
	public boolean has(int tag) {
		String v = values.get(tag);
		return v != null && !v.trim().isEmpty();
	}

	/** The text value, trimmed, or null. */
	public String string(int tag) {
		String v = values.get(tag);
		return v == null ? null : v.trim();
	}

	/**
	 * All numeric values of a (possibly multi-valued) attribute, or null when it is absent or empty.
	 *
	 * @throws NumberFormatException when a value is not a number
	 */
	public double[] numbers(int tag) {
		String v = string(tag);
		if (v == null || v.isEmpty()) return null;
		String[] parts = v.split("[\\\\\\s]+");
		int n = 0;
		double[] out = new double[parts.length];
		for (String p : parts) {
			if (p.isEmpty()) continue;
			double d = Double.parseDouble(p);
			if (!Double.isFinite(d)) throw new NumberFormatException("not a finite number: " + p);
			out[n++] = d;
		}
		if (n == 0) return null;
		return n == out.length ? out : java.util.Arrays.copyOf(out, n);
	}

	/** The first numeric value, or NaN when absent; throws NumberFormatException when not a number. */
	public double number(int tag) {
		double[] d = numbers(tag);
		return d == null ? Double.NaN : d[0];
	}

	/** Number of attributes held. */
	public int size() {
		return values.size();
	}
}
