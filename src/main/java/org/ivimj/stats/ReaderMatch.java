package org.ivimj.stats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pairs the rows of two readers' tables by ROI name (trimmed, case-sensitive), in reader 1's order.
 * A name used twice in one table cannot be matched and is an error.
 */
public final class ReaderMatch {

	/** Row index in reader 1's and reader 2's table of each matched ROI. */
	public final int[] rows1, rows2;
	/** The matched ROI names, in reader 1's order. */
	public final List<String> names;
	/** ROI names found in only one of the tables. */
	public final List<String> onlyReader1, onlyReader2;

	private ReaderMatch(int[] rows1, int[] rows2, List<String> names, List<String> only1, List<String> only2) {
		this.rows1 = rows1;
		this.rows2 = rows2;
		this.names = names;
		this.onlyReader1 = only1;
		this.onlyReader2 = only2;
	}

	/** Matches the names; throws IllegalArgumentException naming a duplicated or empty ROI name. */
	public static ReaderMatch match(String[] names1, String[] names2) {
		Map<String, Integer> index1 = index(names1, "reader 1"), index2 = index(names2, "reader 2");
		List<Integer> r1 = new ArrayList<>(), r2 = new ArrayList<>();
		List<String> names = new ArrayList<>(), only1 = new ArrayList<>(), only2 = new ArrayList<>();
		for (Map.Entry<String, Integer> e : index1.entrySet()) {
			Integer j = index2.get(e.getKey());
			if (j == null) only1.add(e.getKey());
			else {
				r1.add(e.getValue());
				r2.add(j);
				names.add(e.getKey());
			}
		}
		for (String k : index2.keySet()) if (!index1.containsKey(k)) only2.add(k);
		return new ReaderMatch(r1.stream().mapToInt(Integer::intValue).toArray(), r2.stream().mapToInt(Integer::intValue).toArray(),
			names, only1, only2);
	}

	private static Map<String, Integer> index(String[] names, String who) {
		Map<String, Integer> m = new LinkedHashMap<>();
		for (int i = 0; i < names.length; i++) {
			String n = names[i] == null ? "" : names[i].trim();
			if (n.isEmpty()) throw new IllegalArgumentException("row " + (i + 1) + " of " + who + "'s table has no ROI name");
			if (m.put(n, i) != null) throw new IllegalArgumentException("ROI name \"" + n + "\" occurs twice in " + who + "'s table");
		}
		return m;
	}
}
