package org.ivimj.stats;

import java.util.Arrays;
import java.util.Comparator;

/** Ranks with ties given their average rank (R's {@code rank(ties.method = "average")}). */
final class Ranks {

	private Ranks() {}

	static double[] average(double[] v) {
		Integer[] idx = new Integer[v.length];
		for (int i = 0; i < v.length; i++) idx[i] = i;
		Arrays.sort(idx, Comparator.comparingDouble(i -> v[i]));
		double[] r = new double[v.length];
		for (int i = 0; i < v.length;) {
			int j = i;
			while (j + 1 < v.length && v[idx[j + 1]] == v[idx[i]]) j++;
			double rank = (i + j) / 2.0 + 1;
			for (int k = i; k <= j; k++) r[idx[k]] = rank;
			i = j + 1;
		}
		return r;
	}
}
