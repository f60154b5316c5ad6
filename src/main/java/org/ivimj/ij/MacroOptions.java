package org.ivimj.ij;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A macro's option string ({@code "key=value key=[a value] flag"}) read with ImageJ's rules: keys are
 * lower case, a value in brackets may hold spaces, a key without a value is a ticked checkbox. Also
 * names the declared key nearest to a misspelt one, so a typo is refused with a suggestion instead of
 * silently running another analysis.
 */
public final class MacroOptions {

	private final Map<String, String> values = new LinkedHashMap<>();

	/** Parses {@code options}; null or blank gives no keys. */
	public MacroOptions(String options) {
		if (options != null) parse(options);
	}

	/** The keys given, in order. */
	public List<String> keys() {
		return new ArrayList<>(values.keySet());
	}

	public boolean has(String key) {
		return values.containsKey(key);
	}

	/** The value of {@code key}; null if absent or a bare flag. */
	public String value(String key) {
		return values.get(key);
	}

	/** Whether {@code key} was given as a bare flag (a ticked checkbox). */
	public boolean flag(String key) {
		return values.containsKey(key) && values.get(key) == null;
	}

	/** The key of {@code declared} nearest to {@code key} in edit distance, if close enough to be a typo; else null. */
	public static String nearest(String key, Collection<String> declared) {
		String best = null;
		int bestDistance = Integer.MAX_VALUE;
		for (String k : declared) {
			int d = editDistance(key, k);
			if (d < bestDistance) {
				bestDistance = d;
				best = k;
			}
		}
		return best != null && bestDistance <= Math.max(2, key.length() / 3) ? best : null;
	}

	static int editDistance(String a, String b) {
		int[] prev = new int[b.length() + 1], cur = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) prev[j] = j;
		for (int i = 1; i <= a.length(); i++) {
			cur[0] = i;
			for (int j = 1; j <= b.length(); j++)
				cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
			int[] t = prev;
			prev = cur;
			cur = t;
		}
		return prev[b.length()];
	}

	private void parse(String s) {
		int i = 0, n = s.length();
		while (i < n) {
			while (i < n && s.charAt(i) == ' ') i++;
			int start = i;
			while (i < n && s.charAt(i) != ' ' && s.charAt(i) != '=') i++;
			if (start == i) {
				i++;
				continue;
			}
			String key = s.substring(start, i).toLowerCase(Locale.US);
			if (i < n && s.charAt(i) == '=') {
				i++;
				String v;
				if (i < n && s.charAt(i) == '[') {
					int depth = 1, j = i + 1;
					for (; j < n && depth > 0; j++) {
						if (s.charAt(j) == '[') depth++;
						else if (s.charAt(j) == ']') depth--;
					}
					v = s.substring(i + 1, Math.max(i + 1, j - 1));
					i = j;
				}
				else if (i < n && s.charAt(i) == '\'') {
					int j = s.indexOf('\'', i + 1);
					if (j < 0) j = n;
					v = s.substring(i + 1, j);
					i = j + 1;
				}
				else {
					int j = s.indexOf(' ', i);
					if (j < 0) j = n;
					v = s.substring(i, j);
					i = j;
				}
				values.put(key, v);
			}
			else values.put(key, null);
		}
	}
}
