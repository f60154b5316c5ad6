package org.ivimj.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * IVIM_KURTOSIS_FREE and MONO_KURTOSIS reach scipy's bounded least-squares optimum: each parameter
 * within 1e-4 relative (1e-4 of the bound width on a bound) and the RSS within 1e-6 relative, on the
 * signals of {@code src/test/resources/org/ivimj/fit/scipy/kurtosis_reference.csv}, written by
 * {@code make_kurtosis_reference.py} beside it (Debian scipy 1.10.1, least_squares trf from a grid of
 * starts; the mono-kurtosis fit on b ≥ 200 s/mm², as IVIM-J's default threshold).
 */
class KurtosisScipyReferenceTest {

	private static final String FIXTURE = "/org/ivimj/fit/scipy/kurtosis_reference.csv";

	private static double[] numbers(String s) {
		String[] t = s.trim().split(" +");
		double[] v = new double[t.length];
		for (int i = 0; i < t.length; i++) v[i] = Double.parseDouble(t[i]);
		return v;
	}

	@TestFactory
	Stream<DynamicTest> fitsMatchScipy() throws IOException {
		List<String[]> rows = new ArrayList<>();
		try (InputStream in = getClass().getResourceAsStream(FIXTURE)) {
			assertNotNull(in, FIXTURE);
			BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			for (String line; (line = r.readLine()) != null;)
				if (!line.startsWith("#") && !line.startsWith("case;")) rows.add(line.split(";", -1));
		}
		assertEquals(8, rows.size(), "4 signals × 2 methods");
		return rows.stream().map(c -> DynamicTest.dynamicTest(c[0] + " " + c[2], () -> {
			FitMethod m = FitMethod.valueOf(c[2]);
			double[] b = numbers(c[3]), y = numbers(c[4]), want = numbers(c[5]), lo = numbers(c[6]), hi = numbers(c[7]);
			double rss = Double.parseDouble(c[8]);
			FitResult r = Ivim.fit(m, b, y);
			String[] names = m.parameterNames();
			for (int k = 0; k < names.length; k++) {
				boolean onBound = want[k] - lo[k] <= 1e-7 * (hi[k] - lo[k]) || hi[k] - want[k] <= 1e-7 * (hi[k] - lo[k]);
				double tol = onBound ? 1e-4 * (hi[k] - lo[k]) : 1e-4 * Math.abs(want[k]);
				assertEquals(want[k], r.parameters[k], tol, names[k] + ": " + r);
			}
			assertEquals(rss, r.rss, 1e-6 * rss, "RSS: " + r);
		}));
	}
}
