package org.ivimj.fit;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.ivimj.testing.ImageJHarness;
import org.ivimj.testing.Json;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Proves that the free bi-exponential fit recovers the ground truth of the OSIPI TF2.4 IVIM test
 * signals (Apache 2.0, {@code shared/data/osipi}, see its README): D within 2%, f within 0.01 absolute and
 * D* within 10% wherever f ≥ 0.05, for every tissue of {@code generic.json}, {@code generic_one…four.json}
 * and {@code generic_brain.json}; that the degenerate tissues (f = 1: D not determined; f = 0: D* not
 * determined) end with f right and a status (AT_BOUND) or standard error (NaN or at least the value
 * itself) that says the other parameter is not determined; and that every method fits every tissue
 * without an exception and with a usable status. The reference numbers are the collection's ground
 * truth (D, f, Dp) stored with each signal.
 * <p>
 * Note: for generic_four.json "Stomach Contents" (f = 0) the global bounded least-squares optimum itself
 * (scipy least_squares, many starts) has f = 0.01196, D* = 0.005 on its bound, rss 2.14e-6: a tissue where
 * the README's "a bounded scipy fit meets this on every tissue" does not hold at f ± 0.01; for the
 * degenerate tissues f counts as right within 0.01 or within two standard errors of the truth.
 * <p>
 * The data are found at {@code <project dir>/../shared/data/osipi} (CI puts {@code shared/} beside the
 * clone); the tests fail, not skip, when the folder is missing.
 */
class OsipiReferenceTest {

	static final String[] FILES = {"generic.json", "generic_one.json", "generic_two.json", "generic_three.json",
		"generic_four.json", "generic_brain.json"};

	static final double D_RELATIVE = 0.02, F_ABSOLUTE = 0.01, DSTAR_RELATIVE = 0.10, DSTAR_MIN_F = 0.05;

	/** One tissue of one file: ground truth and the signal at the file's b-values (S0 = 1). */
	static final class Tissue {
		String file, name;
		double d, f, dStar;
		double[] b, signal;

		@Override
		public String toString() {
			return file + " / " + name;
		}
	}

	static Path dataDir() {
		Path dir = ImageJHarness.projectDir().resolve("../shared/data/osipi").normalize();
		if (!Files.isDirectory(dir))
			fail("OSIPI reference data not found at " + dir + ": put the shared data folder beside the project "
				+ "(<project dir>/../shared/data/osipi, as CI does).");
		return dir;
	}

	@SuppressWarnings("unchecked")
	static List<Tissue> load(String file) throws IOException {
		Path p = dataDir().resolve(file);
		if (!Files.isRegularFile(p)) fail("OSIPI data file missing: " + p);
		Map<String, Object> root = (Map<String, Object>) Json.parse(Files.readString(p, StandardCharsets.UTF_8));
		double[] b = numbers((List<Object>) ((Map<String, Object>) root.get("config")).get("bvalues"));
		List<Tissue> tissues = new ArrayList<>();
		for (Map.Entry<String, Object> e : root.entrySet()) {
			if (e.getKey().equals("config")) continue;
			Map<String, Object> t = (Map<String, Object>) e.getValue();
			Tissue x = new Tissue();
			x.file = file;
			x.name = e.getKey();
			x.d = (Double) t.get("D");
			x.f = (Double) t.get("f");
			x.dStar = (Double) t.get("Dp");
			x.b = b;
			x.signal = numbers((List<Object>) t.get("data"));
			if (x.signal.length != b.length) fail(x + " has " + x.signal.length + " values for " + b.length + " b-values");
			tissues.add(x);
		}
		if (tissues.isEmpty()) fail(file + " has no tissues");
		return tissues;
	}

	private static double[] numbers(List<Object> list) {
		double[] v = new double[list.size()];
		for (int i = 0; i < v.length; i++) v[i] = (Double) list.get(i);
		return v;
	}

	/**
	 * Default options, widened where the ground truth lies outside the default bounds so the truth is
	 * reachable: D above 0.005 or D* above 0.2 mm²/s get an upper bound 1.5 × the truth (D* below 0.005
	 * a lower bound of half the truth). In the current files no tissue with perfusion needs this (all D ≤
	 * 0.003, D* ≤ 0.1); the one value outside is "Stomach Contents" Dp = 0 with f = 0, where D* has no
	 * meaning (no perfusion) and is not asserted, so its bounds stay at the defaults.
	 */
	static FitOptions optionsFor(Tissue t, StringBuilder note) {
		FitOptions o = new FitOptions();
		if (t.d > o.dMax()) {
			o.dBounds(o.dMin(), 1.5 * t.d);
			note.append(" [D bounds widened to ").append(o.dMax()).append(']');
		}
		if (t.f > 0 && t.dStar > o.dStarMax()) {
			o.dStarBounds(o.dStarMin(), 1.5 * t.dStar);
			note.append(" [D* bounds widened to ").append(o.dStarMax()).append(']');
		}
		if (t.f > 0 && t.dStar > 0 && t.dStar < o.dStarMin()) {
			o.dStarBounds(0.5 * t.dStar, o.dStarMax());
			note.append(" [D* bounds widened to ").append(o.dStarMin()).append(']');
		}
		return o;
	}

	@TestFactory
	Stream<DynamicTest> freeBiexponentialFitRecoversGroundTruth() {
		return Stream.of(FILES).map(file -> DynamicTest.dynamicTest(file, () -> checkFile(file)));
	}

	private static void checkFile(String file) throws IOException {
		List<Tissue> tissues = load(file);
		StringBuilder report = new StringBuilder();
		int failures = 0;
		for (Tissue t : tissues) {
			StringBuilder note = new StringBuilder();
			List<String> problems = new ArrayList<>();
			FitResult r;
			try {
				r = Ivim.fit(FitMethod.BI_FREE, t.b, t.signal, optionsFor(t, note));
			}
			catch (RuntimeException e) {
				failures++;
				report.append(String.format(Locale.ROOT, "%n  FAIL %-22s exception %s", t.name, e));
				continue;
			}
			double f = r.parameters[1], d = r.parameters[2], ds = r.parameters[3];
			double seD = r.standardErrors[2], seDs = r.standardErrors[3];
			if (!r.status.hasParameters()) problems.add("status " + r.status + " (" + r.reason.message() + ")");
			// A degenerate tissue's f is "right" within 0.01 or, where the global least-squares optimum itself
			// lies further out (Stomach Contents, see above), within two of its standard errors.
			boolean degenerate = t.f == 0 || t.f == 1;
			boolean fRight = Math.abs(f - t.f) <= F_ABSOLUTE
				|| degenerate && Math.abs(f - t.f) <= 2 * r.standardErrors[1];
			if (!fRight) problems.add("f off by " + fmt(f - t.f) + " (SE " + fmt(r.standardErrors[1]) + ")");
			if (t.f == 1) {
				// Pure perfusion (blood): D has no influence on the signal.
				if (!notDetermined(r, 2)) problems.add("D looks determined (status " + r.status + ", SE " + fmt(seD) + ")");
			}
			else if (!(Math.abs(d - t.d) <= D_RELATIVE * t.d)) problems.add("D off by " + pct(d, t.d));
			if (t.f == 0) {
				// No perfusion: D* has no influence on the signal.
				if (!notDetermined(r, 3)) problems.add("D* looks determined (status " + r.status + ", SE " + fmt(seDs) + ")");
			}
			else if (t.f >= DSTAR_MIN_F && !(Math.abs(ds - t.dStar) <= DSTAR_RELATIVE * t.dStar))
				problems.add("D* off by " + pct(ds, t.dStar));
			if (!problems.isEmpty()) failures++;
			report.append(String.format(Locale.ROOT,
				"%n  %s %-22s truth f=%.4f D=%.5f D*=%.4f | fit f=%.4f D=%.6f D*=%.5f (SE D %s, D* %s) rss %s %s%s%s",
				problems.isEmpty() ? "ok  " : "FAIL", t.name, t.f, t.d, t.dStar, f, d, ds, fmt(seD), fmt(seDs), fmt(r.rss), r.status,
				note, problems.isEmpty() ? "" : " <- " + String.join("; ", problems)));
		}
		if (failures > 0)
			fail(file + ": " + failures + " of " + tissues.size() + " tissues outside D ±2%, f ±0.01, D* ±10% (f ≥ 0.05)"
				+ " or not flagged as degenerate:" + report);
		System.out.println(file + ": all " + tissues.size() + " tissues within tolerance:" + report);
	}

	/** Whether the fit shows parameter k as not determined: AT_BOUND, or its SE NaN or at least the value. */
	private static boolean notDetermined(FitResult r, int k) {
		double se = r.standardErrors[k];
		return r.status == FitStatus.AT_BOUND || Double.isNaN(se) || se >= Math.abs(r.parameters[k]);
	}

	@Test
	void everyMethodFitsEveryTissueWithAUsableStatus() throws IOException {
		StringBuilder bad = new StringBuilder();
		int fits = 0;
		for (String file : FILES) {
			for (Tissue t : load(file)) {
				for (FitMethod m : FitMethod.voxelwise()) {
					fits++;
					String where = String.format(Locale.ROOT, "%n  %s / %s %s: ", file, t.name, m);
					FitResult r;
					try {
						r = Ivim.fit(m, t.b, t.signal, new FitOptions());
					}
					catch (RuntimeException e) {
						bad.append(where).append("exception ").append(e);
						continue;
					}
					if (r.status == null || !r.status.hasParameters()) {
						bad.append(where).append("status ").append(r.status).append(" (").append(r.reason.message()).append(')');
						continue;
					}
					for (int k = 0; k < r.parameters.length; k++)
						if (!Double.isFinite(r.parameters[k]))
							bad.append(where).append(m.parameterNames()[k]).append(" = ").append(r.parameters[k])
								.append(" with status ").append(r.status);
					if (!(Double.isFinite(r.rss) && r.rss >= 0)) bad.append(where).append("rss ").append(r.rss);
				}
			}
		}
		assertTrue(bad.length() == 0, "Fits without a usable result (of " + fits + "):" + bad);
	}

	private static String fmt(double v) {
		return String.format(Locale.ROOT, "%.3g", v);
	}

	private static String pct(double got, double truth) {
		return String.format(Locale.ROOT, "%+.1f%% (%.5g vs %.5g)", 100 * (got - truth) / truth, got, truth);
	}
}
