package org.ivimj.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.ivimj.fit.BatchResult;
import org.ivimj.fit.FitMethod;
import org.ivimj.fit.Ivim;
import org.ivimj.fit.ShrinkageBiexponentialFit;
import org.ivimj.fit.ShrinkageResult;
import org.ivimj.model.BiExponentialModel;
import org.ivimj.testing.Json;

/**
 * Our fits on the OSIPI TF2.4 IVIM protocol, next to the 19 algorithms of its code collection
 * ({@code shared/data/osipi/reference_output.csv}): the 21 tissue regions with 0.03 < f < 0.8 of
 * {@code generic_reference_cases.json}, its 18 b-values, S0 = 1, σ = 1/SNR, noise |S + N(0, σ)| on one
 * channel, 300 realisations per region at SNR 10, 30, 50, 100, 200. The shrinkage prior is learnt
 * from all 21 regions' voxels pooled, as in a whole-image map. Reported, as the collection's table
 * allows: the median over regions of RMSE/truth for f, D and D* (RMSE = √(bias² + SD²)).
 * Run: {@code mvn -q test-compile && java -cp "target/classes:target/test-classes:$(cat target/cp.txt)"
 * org.ivimj.bench.OsipiBenchmark [markdown output]} (see BENCHMARKS.md for the class path line).
 */
public final class OsipiBenchmark {

	static final int REALISATIONS = 300;
	/** Prior components of the shrinkage fit (system property ivimj.components, default 1). */
	static final int COMPONENTS = Integer.getInteger("ivimj.components", 1);
	static final int[] SNRS = {10, 30, 50, 100, 200};
	static final String[] PARAMS = {"f", "D", "D*"};

	public static void main(String[] args) throws IOException {
		Path osipi = Paths.get(args.length > 1 ? args[1] : "../shared/data/osipi");
		PrintStream md = args.length > 0 ? new PrintStream(Files.newOutputStream(Paths.get(args[0])), true, "UTF-8") : null;
		@SuppressWarnings("unchecked")
		Map<String, Object> cases = (Map<String, Object>) Json.parse(
			new String(Files.readAllBytes(osipi.resolve("generic_reference_cases.json")), StandardCharsets.UTF_8));
		@SuppressWarnings("unchecked")
		List<Object> bList = (List<Object>) ((Map<String, Object>) cases.get("config")).get("bvalues");
		double[] b = bList.stream().mapToDouble(o -> (Double) o).toArray();
		List<String> regions = new ArrayList<>();
		List<double[]> truths = new ArrayList<>(); // f, D, D*
		for (Map.Entry<String, Object> e : cases.entrySet()) {
			if (e.getKey().equals("config")) continue;
			@SuppressWarnings("unchecked")
			Map<String, Object> t = (Map<String, Object>) e.getValue();
			double f = (Double) t.get("f");
			if (!(f > 0.03 && f < 0.8)) continue;
			regions.add(e.getKey());
			truths.add(new double[] {f, (Double) t.get("D"), (Double) t.get("Dp")});
		}
		Map<String, double[][]> reference = referenceMedians(osipi.resolve("reference_output.csv"));
		int nr = regions.size();
		say(md, String.format(Locale.ROOT, "%d regions, %d b-values, %d realisations, noise |S + N(0, 1/SNR)|%n", nr, b.length,
			REALISATIONS));
		Map<String, double[][]> ours = new LinkedHashMap<>();
		double[] shrinkageSpeed = new double[SNRS.length];
		for (String m : new String[] {"IVIM-J shrinkage", "IVIM-J free", "IVIM-J segmented"}) ours.put(m, new double[SNRS.length][3]);
		for (int s = 0; s < SNRS.length; s++) {
			int snr = SNRS[s];
			float[] signals = simulate(b, truths, snr, 1000 + snr);
			long t0 = System.nanoTime();
			ShrinkageResult shrink = new ShrinkageBiexponentialFit(b, null).priorComponents(COMPONENTS).fit(signals);
			shrinkageSpeed[s] = signals.length / b.length / ((System.nanoTime() - t0) * 1e-9);
			BatchResult free = Ivim.fitVoxels(FitMethod.BI_FREE, b, null, signals);
			BatchResult seg = Ivim.fitVoxels(FitMethod.BI_SEGMENTED, b, null, signals);
			ours.get("IVIM-J shrinkage")[s] = medians(shrink.parameters, truths);
			ours.get("IVIM-J free")[s] = medians(free.parameters, truths);
			ours.get("IVIM-J segmented")[s] = medians(seg.parameters, truths);
			System.err.printf(Locale.ROOT, "SNR %d done: shrinkage (%d prior components, weights %s) %d rounds (settled: %b), %.0f voxels/s%n", snr,
				shrink.components, Arrays.toString(shrink.priorWeights), shrink.rounds, shrink.converged, shrinkageSpeed[s]);
		}
		// Targets: beat the best at SNR 10 and 30 for f and D*; within 1.1 × the best at SNR 50–200 for f, D, D*.
		say(md, "\n### Shrinkage fit against the best of the collection (median over regions of RMSE/truth)\n");
		say(md, "| SNR | parameter | IVIM-J shrinkage | best algorithm | its value | ratio | target | met |");
		say(md, "|---|---|---|---|---|---|---|---|");
		int met = 0, targets = 0;
		for (int s = 0; s < SNRS.length; s++) {
			for (int k = 0; k < 3; k++) {
				String bestName = null;
				double best = Double.POSITIVE_INFINITY;
				for (Map.Entry<String, double[][]> e : reference.entrySet())
					if (e.getValue()[s][k] < best) {
						best = e.getValue()[s][k];
						bestName = e.getKey();
					}
				double value = ours.get("IVIM-J shrinkage")[s][k];
				String target;
				boolean ok;
				if (SNRS[s] <= 30) {
					if (k == 1) {
						target = "(none)";
						ok = true;
					}
					else {
						target = "< best";
						ok = value < best;
						targets++;
						if (ok) met++;
					}
				}
				else {
					target = "≤ 1.1 × best";
					ok = value <= 1.1 * best;
					targets++;
					if (ok) met++;
				}
				say(md, String.format(Locale.ROOT, "| %d | %s | %.4f | %s | %.4f | %.2f | %s | %s |", SNRS[s], PARAMS[k], value,
					bestName, best, value / best, target, target.equals("(none)") ? "" : ok ? "yes" : "**no**"));
			}
		}
		say(md, String.format(Locale.ROOT, "%nTargets met: %d of %d.%n", met, targets));
		say(md, "\n### Every algorithm (median over the 21 regions of RMSE/truth; f / D / D*)\n");
		StringBuilder header = new StringBuilder("| algorithm |");
		StringBuilder rule = new StringBuilder("|---|");
		for (int snr : SNRS) {
			header.append(" SNR ").append(snr).append(" |");
			rule.append("---|");
		}
		say(md, header.toString());
		say(md, rule.toString());
		Map<String, double[][]> all = new LinkedHashMap<>(ours);
		all.putAll(reference);
		for (Map.Entry<String, double[][]> e : all.entrySet()) {
			StringBuilder row = new StringBuilder("| " + e.getKey() + " |");
			for (int s = 0; s < SNRS.length; s++)
				row.append(String.format(Locale.ROOT, " %.3f / %.3f / %.3f |", e.getValue()[s][0], e.getValue()[s][1],
					e.getValue()[s][2]));
			say(md, row.toString());
		}
		say(md, "\nShrinkage fit speed (all 21 regions pooled, " + nr * REALISATIONS + " voxels, all cores, including the"
			+ " free fits it starts from): " + Arrays.toString(Arrays.stream(shrinkageSpeed).mapToLong(Math::round).toArray())
			+ " voxels/s at SNR " + Arrays.toString(SNRS));
	}

	static void say(PrintStream md, String line) {
		System.out.println(line);
		if (md != null) md.println(line);
	}

	static float[] simulate(double[] b, List<double[]> truths, int snr, long seed) {
		Random rnd = new Random(seed);
		int nb = b.length;
		float[] out = new float[truths.size() * REALISATIONS * nb];
		double sigma = 1.0 / snr;
		for (int r = 0; r < truths.size(); r++) {
			double[] t = truths.get(r);
			double[] p = {1, t[0], t[1], t[2]};
			for (int v = 0; v < REALISATIONS; v++)
				for (int i = 0; i < nb; i++)
					out[((r * REALISATIONS) + v) * nb + i] = (float) Math.abs(BiExponentialModel.INSTANCE.value(b[i], p)
						+ sigma * rnd.nextGaussian());
		}
		return out;
	}

	/** Median over regions of RMSE/truth of f, D, D* (parameters indexed S0, f, D, D*). */
	static double[] medians(float[][] parameters, List<double[]> truths) {
		double[] out = new double[3];
		for (int k = 0; k < 3; k++) {
			double[] rel = new double[truths.size()];
			for (int r = 0; r < truths.size(); r++) {
				double truth = truths.get(r)[k];
				double sum = 0, sum2 = 0;
				int n = 0;
				for (int v = r * REALISATIONS; v < (r + 1) * REALISATIONS; v++) {
					double x = parameters[k + 1][v];
					if (Double.isNaN(x)) continue;
					sum += x;
					sum2 += x * x;
					n++;
				}
				double mean = sum / n, var = Math.max(0, sum2 / n - mean * mean);
				rel[r] = n == 0 ? Double.POSITIVE_INFINITY : Math.sqrt((mean - truth) * (mean - truth) + var) / truth;
			}
			Arrays.sort(rel);
			out[k] = rel.length % 2 == 1 ? rel[rel.length / 2] : 0.5 * (rel[rel.length / 2 - 1] + rel[rel.length / 2]);
		}
		return out;
	}

	/** Per algorithm: [SNR index][f, D, D*] median over the 21 regions of RMSE/truth, from the collection's table. */
	static Map<String, double[][]> referenceMedians(Path csv) throws IOException {
		Map<String, Map<Integer, List<double[]>>> rows = new TreeMap<>();
		List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
		List<String> head = Arrays.asList(unquote(lines.get(0).split(",")));
		int alg = head.indexOf("Algorithm"), snrCol = head.indexOf("SNR");
		int[] truth = {head.indexOf("f"), head.indexOf("D"), head.indexOf("Dp")};
		int[] mu = {head.indexOf("f_mu"), head.indexOf("D_mu"), head.indexOf("Dp_mu")};
		int[] sd = {head.indexOf("f_std"), head.indexOf("D_std"), head.indexOf("Dp_std")};
		for (String line : lines.subList(1, lines.size())) {
			String[] c = unquote(line.split(","));
			double f = Double.parseDouble(c[truth[0]]);
			if (!(f > 0.03 && f < 0.8)) continue;
			double[] rel = new double[3];
			for (int k = 0; k < 3; k++) {
				double t = Double.parseDouble(c[truth[k]]), bias = Double.parseDouble(c[mu[k]]) - t;
				double s = Double.parseDouble(c[sd[k]]);
				rel[k] = Math.sqrt(bias * bias + s * s) / t;
			}
			rows.computeIfAbsent(c[alg], a -> new TreeMap<>()).computeIfAbsent(Integer.parseInt(c[snrCol]),
				x -> new ArrayList<>()).add(rel);
		}
		Map<String, double[][]> out = new LinkedHashMap<>();
		for (Map.Entry<String, Map<Integer, List<double[]>>> e : rows.entrySet()) {
			double[][] m = new double[SNRS.length][3];
			for (int s = 0; s < SNRS.length; s++) {
				List<double[]> r = e.getValue().get(SNRS[s]);
				for (int k = 0; k < 3; k++) {
					int kk = k;
					double[] v = r.stream().mapToDouble(x -> x[kk]).sorted().toArray();
					m[s][k] = v.length % 2 == 1 ? v[v.length / 2] : 0.5 * (v[v.length / 2 - 1] + v[v.length / 2]);
				}
			}
			out.put(e.getKey(), m);
		}
		return out;
	}

	private static String[] unquote(String[] cells) {
		for (int i = 0; i < cells.length; i++) cells[i] = cells[i].replace("\"", "");
		return cells;
	}
}
