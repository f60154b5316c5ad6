package org.ivimj.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Every histogram feature equals numpy/scipy's to 1e-6 relative (1e-12 absolute near 0) on the samples
 * in {@code src/test/resources/org/ivimj/analysis/histogram/}, made with their reference values by
 * {@code make_fixtures.py} there (Debian numpy 1.24 / scipy 1.10; np.percentile method='linear',
 * scipy.stats.skew/kurtosis defaults, entropy in bits over ⌈log2 n⌉ + 1 bins).
 */
class HistogramFeaturesTest {

	private static final String DIR = "/org/ivimj/analysis/histogram/";

	private static List<String[]> rows(String file) throws IOException {
		List<String[]> rows = new ArrayList<>();
		try (InputStream in = HistogramFeaturesTest.class.getResourceAsStream(DIR + file)) {
			assertNotNull(in, "fixture " + file + " missing");
			BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			for (String line; (line = r.readLine()) != null;)
				if (!line.startsWith("#") && !line.isBlank()) rows.add(line.split(";", -1));
		}
		return rows;
	}

	private static double number(String s) {
		return s.equals("nan") ? Double.NaN : Double.parseDouble(s);
	}

	@Test
	void everyFeatureMatchesNumpyAndScipy() throws IOException {
		Map<String, double[]> samples = new LinkedHashMap<>();
		for (String[] r : rows("samples.csv")) {
			String[] t = r[2].trim().split(" +");
			double[] v = new double[t.length];
			for (int i = 0; i < t.length; i++) v[i] = number(t[i]);
			samples.put(r[0], v);
		}
		List<String[]> features = rows("features.csv");
		String[] header = features.get(0);
		assertEquals("valid", header[1]);
		for (int i = 0; i < HistogramFeatures.NAMES.length; i++)
			assertEquals(HistogramFeatures.NAMES[i], header[i + 2], "fixture column order");
		assertTrue(features.size() - 1 >= 10, "at least 10 samples");
		StringBuilder problems = new StringBuilder();
		for (String[] row : features.subList(1, features.size())) {
			double[] x = samples.get(row[0]);
			HistogramFeatures f = HistogramFeatures.of(x, x.length);
			assertEquals((int) number(row[1]), f.valid, row[0] + " valid count");
			double[] got = f.values();
			for (int i = 0; i < got.length; i++) {
				double want = number(row[i + 2]);
				boolean ok = Double.isNaN(want) ? Double.isNaN(got[i]) : Math.abs(got[i] - want) <= 1e-6 * Math.abs(want) + 1e-12;
				if (!ok) problems.append(String.format("%n  %s %s: numpy/scipy %.12g, ours %.12g", row[0],
					HistogramFeatures.NAMES[i], want, got[i]));
			}
		}
		if (problems.length() > 0) fail("features differ from numpy/scipy:" + problems);
	}

	@Test
	void percentilesAndBinsFollowTheDocumentedRules() {
		double[] x = {4, 1, 3, 2, Double.NaN};
		HistogramFeatures f = HistogramFeatures.of(x, x.length);
		assertEquals(1.15, f.percentile(5), 1e-12); // virtual index 0.05 · 3 = 0.15
		assertEquals(2.5, f.percentile(50), 1e-12);
		assertEquals(0.2, f.failedFraction, 0);
		assertEquals(1, HistogramFeatures.sturgesBins(1));
		assertEquals(4, HistogramFeatures.sturgesBins(8)); // exactly ⌈log2 8⌉ + 1, no rounding up to 5
		assertEquals(5, HistogramFeatures.sturgesBins(9));
		// numpy puts a value on an inner edge in the bin to its right, the maximum in the last bin.
		assertEquals(java.util.Arrays.toString(new int[] {1, 2, 2}),
			java.util.Arrays.toString(HistogramFeatures.histogram(new double[] {0, 1, 1.5, 2, 3}, 5, 3, 0, 3)));
	}
}
