package org.ivimj.stats;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reference numbers computed by R ({@code make_fixtures.R} next to {@code fixtures.csv}) and the
 * fixed tables they were computed on.
 */
public final class RFixtures {

	/** Every statistic must equal R's to 1e-4 (relative for numbers above 1). */
	public static final double TOLERANCE = 1e-4;

	private static Map<String, Double> values;

	private RFixtures() {}

	/** The R value, or fails if the fixture has none. */
	public static double get(String dataset, String analysis, String item, String key) {
		Double v = all().get(dataset + "|" + analysis + "|" + item + "|" + key);
		if (v == null) fail("no R fixture " + dataset + "|" + analysis + "|" + item + "|" + key);
		return v;
	}

	public static boolean has(String dataset, String analysis, String item, String key) {
		return all().containsKey(dataset + "|" + analysis + "|" + item + "|" + key);
	}

	/** All fixture keys of one analysis of one dataset: item|key. */
	public static List<String> keys(String dataset, String analysis) {
		List<String> r = new ArrayList<>();
		String prefix = dataset + "|" + analysis + "|";
		for (String k : all().keySet()) if (k.startsWith(prefix)) r.add(k.substring(prefix.length()));
		return r;
	}

	/** Asserts Java's value equals R's to {@link #TOLERANCE}. */
	public static void assertR(double actual, String dataset, String analysis, String item, String key) {
		double expected = get(dataset, analysis, item, key);
		assertNear(expected, actual, dataset + " " + analysis + " " + item + " " + key);
	}

	public static void assertNear(double expected, double actual, String what) {
		double tol = TOLERANCE * Math.max(1, Math.abs(expected));
		assertTrue(Math.abs(actual - expected) <= tol || (Double.isInfinite(expected) && expected == actual),
			what + ": R " + expected + ", Java " + actual);
	}

	private static synchronized Map<String, Double> all() {
		if (values != null) return values;
		values = new LinkedHashMap<>();
		List<String[]> rows = readCsv("/org/ivimj/stats/fixtures.csv", true);
		for (String[] r : rows.subList(1, rows.size()))
			values.put(r[0] + "|" + r[1] + "|" + r[2] + "|" + r[3], Double.parseDouble(r[4].trim()));
		return values;
	}

	/** Reads a small CSV resource (quotes stripped, no embedded commas). */
	public static List<String[]> readCsv(String resource, boolean quoted) {
		try (InputStream in = RFixtures.class.getResourceAsStream(resource)) {
			if (in == null) throw new IllegalStateException("missing resource " + resource);
			List<String[]> rows = new ArrayList<>();
			BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			for (String line; (line = r.readLine()) != null;) {
				if (line.isEmpty()) continue;
				String[] f = line.split(",", -1);
				if (quoted) for (int i = 0; i < f.length; i++) f[i] = f[i].replace("\"", "");
				rows.add(f);
			}
			return rows;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** A fixture table as StudyData: a name column, a group column, numeric columns (empty = NaN). */
	public static StudyData table(String resource, String nameColumn, String groupColumn) {
		List<String[]> rows = readCsv(resource, false);
		String[] head = rows.get(0);
		int n = rows.size() - 1;
		String[] groups = new String[n], names = new String[n];
		Map<String, double[]> cols = new LinkedHashMap<>();
		for (int c = 0; c < head.length; c++) {
			if (head[c].equals(nameColumn) || head[c].equals(groupColumn)) continue;
			cols.put(head[c], new double[n]);
		}
		for (int i = 0; i < n; i++) {
			String[] r = rows.get(i + 1);
			for (int c = 0; c < head.length; c++) {
				if (head[c].equals(nameColumn)) names[i] = r[c];
				else if (head[c].equals(groupColumn)) groups[i] = r[c];
				else cols.get(head[c])[i] = r[c].isEmpty() ? Double.NaN : Double.parseDouble(r[c]);
			}
		}
		return new StudyData(groups, cols, names);
	}

	/** The bundled example study: mean of the two readers matched by ROI name. */
	public static StudyData exampleMean() {
		return readersMean(EXAMPLE[0], EXAMPLE[1]);
	}

	/** Reader 1 and reader 2 values of one parameter of the example, matched by ROI name. */
	public static double[][] exampleReaders(String parameter) {
		return readers(EXAMPLE[0], EXAMPLE[1], parameter);
	}

	/** The bundled example's two readers' tables (main resources). */
	public static final String[] EXAMPLE = {"/org/ivimj/stats/example_reader1.csv", "/org/ivimj/stats/example_reader2.csv"};
	/** The product-made study (macros/ivim_study_example.ijm with 35 patients; make_study70.sh): two readers' tables. */
	public static final String[] STUDY70 = {"/org/ivimj/stats/study70_reader1.csv", "/org/ivimj/stats/study70_reader2.csv"};

	/** The mean of two readers' tables (ROI, Group, parameters...) matched by ROI name, as make_fixtures.R forms it. */
	public static StudyData readersMean(String reader1, String reader2) {
		List<String[]> r1 = readCsv(reader1, false);
		List<String[]> r2 = readCsv(reader2, false);
		Map<String, String[]> byName = new LinkedHashMap<>();
		for (String[] r : r2.subList(1, r2.size())) byName.put(r[0], r);
		String[] head = r1.get(0);
		int n = r1.size() - 1;
		String[] groups = new String[n], names = new String[n];
		Map<String, double[]> cols = new LinkedHashMap<>();
		for (int c = 2; c < head.length; c++) cols.put(head[c], new double[n]);
		for (int i = 0; i < n; i++) {
			String[] a = r1.get(i + 1), b = byName.get(a[0]);
			names[i] = a[0];
			groups[i] = a[1];
			for (int c = 2; c < head.length; c++)
				cols.get(head[c])[i] = (num(a[c]) + num(b[c])) / 2;
		}
		return new StudyData(groups, cols, names);
	}

	/** Reader 1 and reader 2 values of one parameter, matched by ROI name, complete pairs only. */
	public static double[][] readers(String reader1, String reader2, String parameter) {
		List<String[]> r1 = readCsv(reader1, false);
		List<String[]> r2 = readCsv(reader2, false);
		int c = java.util.Arrays.asList(r1.get(0)).indexOf(parameter);
		int c2 = java.util.Arrays.asList(r2.get(0)).indexOf(parameter);
		Map<String, String[]> byName = new LinkedHashMap<>();
		for (String[] r : r2.subList(1, r2.size())) byName.put(r[0], r);
		List<double[]> out = new ArrayList<>();
		for (String[] a : r1.subList(1, r1.size())) {
			double x = num(a[c]), y = num(byName.get(a[0])[c2]);
			if (!Double.isNaN(x) && !Double.isNaN(y)) out.add(new double[] {x, y});
		}
		return out.toArray(new double[0][]);
	}

	private static double num(String s) {
		return s.isEmpty() ? Double.NaN : Double.parseDouble(s);
	}

	/**
	 * The fixed tables analysed by make_fixtures.R: dataset name, resource (null = a two readers'
	 * mean, see {@link #data}), positive group, parameters, logistic model, paired ROC test.
	 */
	public static final String[][] DATASETS = {
		{"small_ties_missing", "/org/ivimj/stats/small_ties_missing.csv", "metastasis", "A,B,C", "B,C", "A,C"},
		{"groups_of_3", "/org/ivimj/stats/groups_of_3.csv", "case", "X,Y", "X,Y", "X,Y"},
		{"separation", "/org/ivimj/stats/separation.csv", "1", "X1,X2", "X1,X2", "X1,X2"},
		{"example", null, "metastasis", "ADC,D,Dstar,f,DDC,alpha", "Dstar,f", "Dstar,f"},
		{"study70", null, "metastasis", "ADC,D,Dstar,f,DDC,alpha", "Dstar,f", "Dstar,f"},
		{"dstar_f_70", "/org/ivimj/stats/dstar_f_70.csv", "metastasis", "Dstar,f", "Dstar,f", "Dstar,f"},
	};

	/** The study data of a {@link #DATASETS} row. */
	public static StudyData data(String[] dataset) {
		if (dataset[0].equals("example")) return exampleMean();
		if (dataset[0].equals("study70")) return readersMean(STUDY70[0], STUDY70[1]);
		return table(dataset[1], "ROI", "Group");
	}
}
