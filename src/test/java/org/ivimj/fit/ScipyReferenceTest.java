package org.ivimj.fit;

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
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Proves that the fit methods with a plain least-squares definition reach the same optimum as scipy
 * (BI_SEGMENTED, a two-step procedure, has no scipy counterpart): for fixed noisy signals (Rician noise
 * on bi-exponential, stretched and mono-exponential decays, the paper's 10 b-values and OSIPI's 18),
 * MONO_LOG_LINEAR, MONO_NONLINEAR, BI_FREE and STRETCHED with
 * default {@link FitOptions} give each parameter within 1e-4 relative of the reference (1e-4 of the bound
 * width for a parameter on a bound at 0) and the RSS within 1e-6 relative, and report AT_BOUND exactly
 * where the reference ends on a bound. A parameter the reference leaves NaN (D* when f ends on 0, so D*
 * has no influence on the signal) only has to lie within its bounds.
 * <p>
 * The reference numbers are in {@code src/test/resources/org/ivimj/fit/scipy/reference.csv}, written by
 * {@code make_reference.py} beside it with Debian's python3-scipy 1.10.1 / numpy 1.24.2:
 * {@code scipy.optimize.least_squares(method='trf', x_scale='jac', ftol=xtol=gtol=1e-15)} from a grid of
 * starts (lowest cost kept, so the global bounded optimum), and numpy's weighted polyfit for the
 * log-linear fit. The file's header records versions, command and date.
 */
class ScipyReferenceTest {

	private static final String FIXTURE = "/org/ivimj/fit/scipy/reference.csv";
	private static final double PARAMETER_TOLERANCE = 1e-4;
	private static final double RSS_TOLERANCE = 1e-6;
	/** Reference values this close to a bound (fraction of the bound width) count as on it, as in the script. */
	private static final double ON_BOUND = 1e-7;

	/** One row of the fixture: a signal, a method and scipy's fit. */
	static final class Reference {
		String caseName, protocol, line;
		FitMethod method;
		double[] b, signal, parameters, lower, upper;
		double rss;
		boolean atBound;

		@Override
		public String toString() {
			return caseName + " (" + protocol + " b-values) " + method;
		}
	}

	static List<Reference> load() throws IOException {
		List<Reference> rows = new ArrayList<>();
		try (InputStream in = ScipyReferenceTest.class.getResourceAsStream(FIXTURE)) {
			assertNotNull(in, "Fixture " + FIXTURE + " is missing from the test classpath");
			BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			boolean header = true;
			for (String line; (line = r.readLine()) != null;) {
				if (line.startsWith("#") || line.isBlank()) continue;
				if (header) { // column names
					assertEquals("case;protocol;method;bvalues;signal;parameters;lower;upper;rss;at_bound", line);
					header = false;
					continue;
				}
				String[] c = line.split(";", -1);
				assertEquals(10, c.length, "Malformed fixture line: " + line);
				Reference ref = new Reference();
				ref.line = line;
				ref.caseName = c[0];
				ref.protocol = c[1];
				ref.method = FitMethod.valueOf(c[2]);
				ref.b = numbers(c[3]);
				ref.signal = numbers(c[4]);
				ref.parameters = numbers(c[5]);
				ref.lower = numbers(c[6]);
				ref.upper = numbers(c[7]);
				ref.rss = Double.parseDouble(c[8]);
				ref.atBound = Boolean.parseBoolean(c[9]);
				rows.add(ref);
			}
		}
		return rows;
	}

	private static double[] numbers(String s) {
		String[] t = s.trim().split(" +");
		double[] v = new double[t.length];
		// Python writes NaN as "nan", which Double.parseDouble does not read.
		for (int i = 0; i < t.length; i++) v[i] = t[i].equals("nan") ? Double.NaN : Double.parseDouble(t[i]);
		return v;
	}

	@Test
	void fixtureCoversEveryMethodBothProtocolsAndBounds() throws IOException {
		List<Reference> rows = load();
		assertTrue(rows.size() >= 32, "expected at least 8 signals × 4 methods, got " + rows.size() + " rows");
		for (FitMethod m : new FitMethod[] {FitMethod.MONO_LOG_LINEAR, FitMethod.MONO_NONLINEAR, FitMethod.BI_FREE,
			FitMethod.STRETCHED})
			assertTrue(rows.stream().filter(r -> r.method == m).count() >= 8, "fewer than 8 references for " + m);
		assertTrue(rows.stream().anyMatch(r -> r.protocol.equals("osipi")), "no OSIPI-protocol signal");
		assertTrue(rows.stream().anyMatch(r -> r.protocol.equals("paper")), "no paper-protocol signal");
		assertTrue(rows.stream().anyMatch(r -> r.atBound && r.method == FitMethod.BI_FREE), "no BI_FREE fit on a bound");
		assertTrue(rows.stream().anyMatch(r -> r.atBound && r.method == FitMethod.STRETCHED), "no STRETCHED fit on a bound");
	}

	@TestFactory
	Stream<DynamicTest> fitsMatchScipy() throws IOException {
		return load().stream().map(ref -> DynamicTest.dynamicTest(ref.toString(), () -> check(ref)));
	}

	private static void check(Reference ref) {
		String[] names = ref.method.parameterNames();
		assertEquals(names.length, ref.parameters.length, ref + ": parameter count");
		// The reference must have used IVIM-J's default bounds, or the comparison means nothing.
		double[][] bounds = defaultBounds(ref.method, ref.signal);
		for (int k = 0; k < names.length; k++) {
			assertEquals(bounds[0][k], ref.lower[k], 1e-12 * Math.abs(bounds[0][k]), ref + ": fixture lower bound of " + names[k]);
			assertEquals(bounds[1][k], ref.upper[k], 1e-12 * Math.abs(bounds[1][k]), ref + ": fixture upper bound of " + names[k]);
		}

		FitResult r = Ivim.fit(ref.method, ref.b, ref.signal, new FitOptions());

		StringBuilder problems = new StringBuilder();
		StringBuilder table = new StringBuilder();
		for (int k = 0; k < names.length; k++) {
			double want = ref.parameters[k], got = r.parameters[k];
			double width = ref.upper[k] - ref.lower[k];
			if (Double.isNaN(want)) {
				// Not determined by the data (D* when f is on 0): any value inside the bounds is an optimum.
				table.append(String.format(Locale.ROOT, "%n  %-5s scipy undetermined, ours %.10g", names[k], got));
				if (!(got >= ref.lower[k] && got <= ref.upper[k]))
					problems.append(String.format(Locale.ROOT, "%n  %s = %.10g is outside [%g, %g]", names[k], got,
						ref.lower[k], ref.upper[k]));
				continue;
			}
			boolean atZero = ref.lower[k] == 0 && want - ref.lower[k] <= ON_BOUND * width;
			double tol = atZero ? PARAMETER_TOLERANCE * width : PARAMETER_TOLERANCE * Math.abs(want);
			double diff = got - want;
			table.append(String.format(Locale.ROOT, "%n  %-5s scipy %.10g, ours %.10g (rel. diff %.2e, tol %s)", names[k],
				want, got, want == 0 ? Double.NaN : diff / want, atZero ? "1e-4 x bound width" : "1e-4 rel."));
			if (!(Math.abs(diff) <= tol))
				problems.append(String.format(Locale.ROOT, "%n  %s: expected %.10g ± %.3g, got %.10g", names[k], want, tol, got));
		}
		table.append(String.format(Locale.ROOT, "%n  rss   scipy %.10g, ours %.10g (rel. diff %.2e)", ref.rss, r.rss,
			(r.rss - ref.rss) / ref.rss));
		if (!(Math.abs(r.rss - ref.rss) <= RSS_TOLERANCE * ref.rss))
			problems.append(String.format(Locale.ROOT, "%n  rss: expected %.10g ± %.3g, got %.10g", ref.rss,
				RSS_TOLERANCE * ref.rss, r.rss));
		FitStatus expected = ref.atBound ? FitStatus.AT_BOUND : FitStatus.OK;
		if (r.status != expected)
			problems.append(String.format(Locale.ROOT, "%n  status: expected %s, got %s (%s)", expected, r.status,
				r.reason.message()));
		if (problems.length() > 0)
			fail(ref + " differs from scipy:" + problems + "\nAll values:" + table + "\n  status " + r.status
				+ ", iterations " + r.iterations);
	}

	/** IVIM-J's default bounds for a method, in parameter order: {lower, upper}. */
	private static double[][] defaultBounds(FitMethod method, double[] signal) {
		FitOptions o = new FitOptions();
		double s0Max = o.s0MaxFactor() * java.util.Arrays.stream(signal).max().getAsDouble();
		switch (method) {
			case MONO_LOG_LINEAR:
			case MONO_NONLINEAR:
				return new double[][] {{0, o.adcMin()}, {s0Max, o.adcMax()}};
			case BI_FREE:
				return new double[][] {{0, o.fMin(), o.dMin(), o.dStarMin()}, {s0Max, o.fMax(), o.dMax(), o.dStarMax()}};
			case STRETCHED:
				return new double[][] {{0, o.ddcMin(), o.alphaMin()}, {s0Max, o.ddcMax(), o.alphaMax()}};
			default:
				throw new AssertionError("no scipy reference for " + method);
		}
	}
}
