package org.ivimj.bench;

import java.util.Locale;

import org.ivimj.fit.BatchFit;
import org.ivimj.fit.BatchResult;
import org.ivimj.fit.FitMethod;
import org.ivimj.fit.FitStatus;
import org.ivimj.fit.Ivim;
import org.ivimj.fit.ProtocolSimulator;
import org.ivimj.model.IvimKurtosisModel;
import org.ivimj.testing.RicianNoise;

/**
 * Speed and accuracy of the kurtosis fits: 100,000 voxels of IVIM-kurtosis tissue (S0 1000, f 0.2,
 * D 1.0e-3, D* 0.03, K 0.8) on 16 b-values up to 2500 s/mm², Rician noise at SNR 50; voxels per second
 * on all threads and the median relative error next to the Cramér–Rao prediction. Run with
 * {@code java -cp "$CP" org.ivimj.bench.KurtosisBenchmark [voxels]} (see BENCHMARKS.md).
 */
public final class KurtosisBenchmark {

	static final double[] B = {0, 10, 20, 30, 50, 80, 100, 150, 200, 300, 500, 800, 1000, 1500, 2000, 2500};
	static final double[] TRUTH = {1000, 0.2, 1.0e-3, 0.03, 0.8};

	public static void main(String[] args) {
		int voxels = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
		float[] signals = RicianNoise.signals(IvimKurtosisModel.INSTANCE, TRUTH, B, 20, voxels, 5);
		int cores = Runtime.getRuntime().availableProcessors();
		double[] crb = ProtocolSimulator.cramerRao(IvimKurtosisModel.INSTANCE, B, TRUTH, 20);
		System.out.printf(Locale.ROOT, "%d voxels, %d b-values up to 2500, SNR 50, %d threads%n", voxels, B.length, cores);
		for (FitMethod m : FitMethod.kurtosis()) {
			for (int i = 0; i < 2; i++) BatchFit.fit(Ivim.fitter(m, B, null), signals, cores, null, null);
			double best = 0;
			BatchResult r = null;
			for (int i = 0; i < 3; i++) {
				long t0 = System.nanoTime();
				r = BatchFit.fit(Ivim.fitter(m, B, null), signals, cores, null, null);
				best = Math.max(best, voxels / ((System.nanoTime() - t0) * 1e-9));
			}
			StringBuilder acc = new StringBuilder();
			String[] names = m.parameterNames();
			for (int k = 1; k < names.length; k++) {
				int t = m == FitMethod.MONO_KURTOSIS ? (k == 1 ? 2 : 4) : k;
				double[] e = new double[voxels];
				for (int v = 0; v < voxels; v++)
					e[v] = Float.isNaN(r.parameters[k][v]) ? Double.POSITIVE_INFINITY : Math.abs(r.parameters[k][v] - TRUTH[t]) / TRUTH[t];
				java.util.Arrays.sort(e);
				acc.append(String.format(Locale.ROOT, " %s %.3f", names[k], e[voxels / 2]));
				if (m != FitMethod.MONO_KURTOSIS) acc.append(String.format(Locale.ROOT, " (CRB %.3f)", 0.6745 * crb[k] / TRUTH[k]));
			}
			double ok = 100.0 * (r.count(FitStatus.OK) + r.count(FitStatus.AT_BOUND)) / voxels;
			System.out.printf(Locale.ROOT, "%-36s %,10.0f voxels/s  fitted %.1f%%  median rel. error:%s%n", m.label(), best, ok, acc);
		}
	}
}
