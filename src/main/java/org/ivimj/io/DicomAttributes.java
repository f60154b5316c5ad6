package org.ivimj.io;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The attributes of one DICOM data set (a file's top level, or one item of a sequence) as text, the way
 * ImageJ's DICOM info shows them (multiple values separated by backslashes), whether they came from a file
 * or from ImageJ's info of an image it already opened, and its sequences as lists of items. Numbers are
 * parsed on demand.
 */
public final class DicomAttributes {

	private final Map<Integer, String> values = new LinkedHashMap<>();
	private final Map<Integer, List<DicomAttributes>> sequences = new LinkedHashMap<>();

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

	/** Removes a text value. */
	public void remove(int tag) {
		values.remove(tag);
	}

	/** Sets a sequence (replacing any earlier one). */
	public void putSequence(int tag, List<DicomAttributes> items) {
		sequences.put(tag, items);
	}

	/** The items of a sequence; empty when absent. */
	public List<DicomAttributes> sequence(int tag) {
		List<DicomAttributes> items = sequences.get(tag);
		return items == null ? Collections.emptyList() : items;
	}

	/** Whether the sequence is present (possibly empty). */
	public boolean hasSequence(int tag) {
		return sequences.containsKey(tag);
	}

	/** The tags of the sequences held, in file order. */
	public Iterable<Integer> sequenceTags() {
		return sequences.keySet();
	}

	/** Copies every text value of {@code other} into this one (its sequences are not copied). */
	public void putAll(DicomAttributes other) {
		values.putAll(other.values);
	}

	/** A copy of the text values (sequences are shared, not copied). */
	public DicomAttributes copy() {
		DicomAttributes c = new DicomAttributes();
		c.values.putAll(values);
		c.sequences.putAll(sequences);
		return c;
	}

	/** Number of attributes held. */
	public int size() {
		return values.size();
	}
}
