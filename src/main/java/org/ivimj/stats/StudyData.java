package org.ivimj.stats;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * A study table in plain Java: one row per lesion, a group label per row and named numeric
 * columns (NaN = missing). Splits a parameter into the two groups, leaving out and reporting the
 * rows with missing values, one analysis at a time.
 */
public final class StudyData {

	private final String[] groups;
	private final Map<String, double[]> columns;
	private final String[] rowNames;

	/** Values of one parameter split into the positive and negative group. */
	public static final class Split {
		public final double[] positive, negative;
		/** Names (or 1-based numbers) of the rows left out for a missing value or group. */
		public final List<String> excluded;

		Split(double[] positive, double[] negative, List<String> excluded) {
			this.positive = positive;
			this.negative = negative;
			this.excluded = excluded;
		}
	}

	/** The complete cases over several parameters (for the logistic model and paired ROC tests). */
	public static final class Complete {
		/** One row per complete case, one column per parameter. */
		public final double[][] x;
		public final boolean[] positive;
		public final List<String> excluded;

		Complete(double[][] x, boolean[] positive, List<String> excluded) {
			this.x = x;
			this.positive = positive;
			this.excluded = excluded;
		}
	}

	/**
	 * @param groups group label per row (null or empty = missing)
	 * @param columns numeric columns by name, each as long as {@code groups}
	 * @param rowNames name of each row (e.g. the ROI), or null to number rows from 1
	 */
	public StudyData(String[] groups, Map<String, double[]> columns, String[] rowNames) {
		this.groups = groups.clone();
		this.columns = new LinkedHashMap<>();
		for (Map.Entry<String, double[]> e : columns.entrySet()) {
			if (e.getValue().length != groups.length)
				throw new IllegalArgumentException("column " + e.getKey() + " has " + e.getValue().length + " rows, expected " + groups.length);
			this.columns.put(e.getKey(), e.getValue().clone());
		}
		this.rowNames = rowNames == null ? null : rowNames.clone();
	}

	public int rows() {
		return groups.length;
	}

	/** The distinct non-missing group labels in order of first appearance. */
	public List<String> groupLabels() {
		LinkedHashSet<String> s = new LinkedHashSet<>();
		for (String g : groups) if (g != null && !g.trim().isEmpty()) s.add(g.trim());
		return new ArrayList<>(s);
	}

	public boolean hasColumn(String name) {
		return columns.containsKey(name);
	}

	/** Column names in table order. */
	public List<String> columnNames() {
		return Collections.unmodifiableList(new ArrayList<>(columns.keySet()));
	}

	/** The other of exactly two group labels. */
	public String otherGroup(String positive) {
		for (String g : groupLabels()) if (!g.equals(positive)) return g;
		return null;
	}

	/** Splits one parameter, leaving out rows where it or the group is missing. */
	public Split split(String column, String positive) {
		double[] v = column(column);
		double[] pos = new double[v.length], neg = new double[v.length];
		int np = 0, nn = 0;
		List<String> excluded = new ArrayList<>();
		for (int i = 0; i < v.length; i++) {
			String g = groups[i] == null ? "" : groups[i].trim();
			if (Double.isNaN(v[i]) || g.isEmpty()) excluded.add(rowName(i));
			else if (g.equals(positive)) pos[np++] = v[i];
			else neg[nn++] = v[i];
		}
		return new Split(java.util.Arrays.copyOf(pos, np), java.util.Arrays.copyOf(neg, nn), excluded);
	}

	/** The rows complete in all the given parameters and the group. */
	public Complete complete(List<String> names, String positive) {
		List<double[]> x = new ArrayList<>();
		List<Boolean> y = new ArrayList<>();
		List<String> excluded = new ArrayList<>();
		for (int i = 0; i < groups.length; i++) {
			String g = groups[i] == null ? "" : groups[i].trim();
			double[] row = new double[names.size()];
			boolean ok = !g.isEmpty();
			for (int j = 0; j < row.length; j++) {
				row[j] = column(names.get(j))[i];
				if (Double.isNaN(row[j])) ok = false;
			}
			if (!ok) {
				excluded.add(rowName(i));
				continue;
			}
			x.add(row);
			y.add(g.equals(positive));
		}
		boolean[] pos = new boolean[y.size()];
		for (int i = 0; i < pos.length; i++) pos[i] = y.get(i);
		return new Complete(x.toArray(new double[0][]), pos, excluded);
	}

	private double[] column(String name) {
		double[] v = columns.get(name);
		if (v == null) throw new IllegalArgumentException("no column \"" + name + "\"");
		return v;
	}

	private String rowName(int i) {
		return rowNames != null && rowNames[i] != null && !rowNames[i].isEmpty() ? rowNames[i] : "row " + (i + 1);
	}
}
